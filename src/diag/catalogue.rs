//! The message catalogue: `locales/en.ftl` and `locales/vi.ftl` (Fluent), compiled into the
//! binary and loaded once. Turns a `Message` into text in a language, and translates the words
//! of a location (`paragraph 14`, `table 2 row 3 cell 1`, `line 7`) into Vietnamese.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, Message};

/// The catalogues' sources, by language.
pub const SOURCES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../../locales/en.ftl")),
    (Lang::Vi, include_str!("../../locales/vi.ftl")),
];

fn bundle(lang: Lang, source: &'static str) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // A catalogue that does not parse is caught by the catalogue tests; what parses is used.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

static BUNDLES: LazyLock<Vec<(Lang, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, source)| (*lang, bundle(*lang, source)))
        .collect()
});

/// `message` in `lang`. An id missing from the catalogue (which the tests forbid) shows as the
/// id and its arguments rather than failing.
pub fn render(message: &Message, lang: Lang) -> String {
    let Some((_, bundle)) = BUNDLES.iter().find(|(l, _)| *l == lang) else {
        return fallback(message, lang);
    };
    let Some(pattern) = bundle.get_message(message.id).and_then(|m| m.value()) else {
        return fallback(message, lang);
    };
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(m) => FluentValue::from(render(m, lang)),
        };
        args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    text.into_owned()
}

fn fallback(message: &Message, lang: Lang) -> String {
    let mut text = message.id.to_string();
    for (name, value) in &message.args {
        let value = match value {
            Arg::Text(s) => s.clone(),
            Arg::Number(n) => n.to_string(),
            Arg::Message(m) => render(m, lang),
        };
        text.push_str(&format!(" {name}={value}"));
    }
    text
}

/// The words locations are made of, with their catalogue ids.
pub(super) const PLACE_WORDS: &[(&str, &str)] = &[
    ("paragraph", "place-paragraph"),
    ("table", "place-table"),
    ("row", "place-row"),
    ("cell", "place-cell"),
    ("line", "place-line"),
    ("column", "place-column"),
    ("record", "place-record"),
];

/// A location in `lang`: each place word followed by a number (`paragraph 14`) is translated;
/// file paths, sheet names and cell references stay as they are.
pub fn location(location: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return location.to_string();
    }
    let mut out = String::with_capacity(location.len() + 8);
    let mut rest = location;
    let mut at_boundary = true;
    while !rest.is_empty() {
        if at_boundary
            && let Some((word, id)) = PLACE_WORDS.iter().find(|(word, _)| {
                rest.strip_prefix(word).is_some_and(|after| {
                    let after = after.strip_prefix(' ').unwrap_or("");
                    after.starts_with(|c: char| c.is_ascii_digit())
                        || PLACE_WORDS
                            .iter()
                            .any(|(w, _)| after.strip_prefix(w).is_some_and(|a| a.starts_with(' ')))
                })
            })
        {
            out.push_str(&render(&Message::new(id, Vec::new()), lang));
            rest = &rest[word.len()..];
            at_boundary = false;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        at_boundary = c == ' ' || c == ':' || c == '(';
        rest = &rest[c.len_utf8()..];
    }
    out
}
