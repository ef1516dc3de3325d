//! Tags as written in a template: `{{ho_va_ten}}`, `{{#each rows}}`, `{{/each}}`, `{{else}}`,
//! `{{so (sum rows "tong_diem")}}`. Word's typing (curly quotes, odd spaces) is undone here,
//! and the expression is read just enough to know its kind, its helper and the fields it uses.

use unicode_normalization::UnicodeNormalization;

use crate::diag::{Message, msg};
use crate::input::slug::slugify;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagKind {
    /// `{{x}}`, `{{helper a b}}`, `{{{x}}}`.
    Value,
    /// `{{#each rows}}`: the helper's name.
    Open(String),
    /// `{{else}}`, `{{else if x}}`, `{{^}}`.
    Else,
    /// `{{/each}}`: the helper's name.
    Close(String),
    /// `{{! ... }}`.
    Comment,
}

#[derive(Debug, Clone)]
pub struct Tag {
    /// The tag as typed, after normalisation: `{{#each rows}}`.
    pub text: String,
    pub kind: TagKind,
    /// The expression without delimiters, sigil or `~`: `each rows`, `ho_va_ten`.
    pub expr: String,
    pub trim_left: bool,
    pub trim_right: bool,
}

/// Undoes what Word does to typed text, inside a tag: curly quotes become straight,
/// non-breaking and other odd spaces become spaces, zero-width characters vanish, NFC.
pub fn normalize_tag_text(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for c in raw.nfc() {
        match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => s.push('"'),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => s.push('\''),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if c != ' ' && c.is_whitespace() => s.push(' '),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => s.push(' '),
            c => s.push(c),
        }
    }
    s
}

/// Reads a normalised tag (`{{...}}` or `{{{...}}}`).
pub fn parse_tag(text: &str) -> Result<Tag, Message> {
    let (inner, triple) =
        if let Some(inner) = text.strip_prefix("{{{").and_then(|t| t.strip_suffix("}}}")) {
            (inner, true)
        } else if let Some(inner) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")) {
            (inner, false)
        } else {
            return Err(msg!("template-not-tag", text = text.to_string()));
        };
    if inner.starts_with('{') {
        return Err(msg!("template-raw-blocks-not-supported"));
    }
    let (inner, trim_left) = match inner.strip_prefix('~') {
        Some(rest) => (rest, true),
        None => (inner, false),
    };
    let (inner, trim_right) = match inner.strip_suffix('~') {
        Some(rest) => (rest, true),
        None => (inner, false),
    };
    let tag = |kind, expr: &str| Tag {
        text: text.to_string(),
        kind,
        expr: expr.trim().to_string(),
        trim_left,
        trim_right,
    };
    if inner.trim().is_empty() {
        return Err(msg!("template-empty-tag"));
    }
    if triple {
        return Ok(tag(TagKind::Value, inner));
    }
    let trimmed = inner.trim_start();
    if let Some(rest) = trimmed.strip_prefix('!') {
        return Ok(tag(TagKind::Comment, rest));
    }
    if let Some(rest) = trimmed.strip_prefix('#') {
        if rest.starts_with('>') || rest.starts_with('*') {
            return Err(msg!("template-partial-blocks-decorators-not-supported"));
        }
        let name = first_word(rest);
        if name.is_empty() {
            return Err(msg!("template-block-needs-helper-name-like"));
        }
        return Ok(tag(TagKind::Open(name), rest));
    }
    if let Some(rest) = trimmed.strip_prefix('/') {
        let name = first_word(rest);
        if name.is_empty() {
            return Err(msg!("template-closing-tag-needs-block-s"));
        }
        return Ok(tag(TagKind::Close(name), rest));
    }
    if let Some(rest) = trimmed.strip_prefix('^') {
        if rest.trim().is_empty() {
            return Ok(tag(TagKind::Else, "else"));
        }
        // `{{^x}}` opens an inverted section: a block like `{{#unless x}}`.
        return Ok(tag(TagKind::Open(first_word(rest)), rest));
    }
    if trimmed.starts_with('>') {
        return Err(msg!("template-partials-name-not-supported"));
    }
    if trimmed.starts_with('*') {
        return Err(msg!("template-decorators-name-not-supported"));
    }
    if let Some(rest) = trimmed.strip_prefix('&') {
        return Ok(tag(TagKind::Value, rest));
    }
    if first_word(trimmed) == "else" {
        return Ok(tag(TagKind::Else, trimmed));
    }
    Ok(tag(TagKind::Value, trimmed))
}

fn first_word(s: &str) -> String {
    s.trim_start()
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '~')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The expression whose terms a tag is read from: a block's helper and arguments, a value's
/// expression, the condition of `else if` (nothing for a plain `else` or a comment).
pub fn terms_text(kind: &TagKind, expr: &str) -> String {
    match kind {
        TagKind::Else => expr.strip_prefix("else").unwrap_or("").trim().to_string(),
        TagKind::Comment => String::new(),
        _ => expr.to_string(),
    }
}

/// A piece of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// A field path: `ho_va_ten`, `this.x`, `../nam`, `@root.nam`, `[Họ và tên]`.
    Path(String),
    /// A string, number or `true`/`false`/`null`.
    Literal(String),
    /// `(helper args...)`.
    Call(Call),
    /// `key=value`.
    Hash(String, Box<Term>),
    /// `as |x y|`.
    BlockParams(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Term>,
}

/// Splits an expression into terms: `sum rows "x"` is [Path(sum), Path(rows), Literal("x")].
pub fn parse_terms(expr: &str) -> Result<Vec<Term>, Message> {
    let chars: Vec<char> = expr.chars().collect();
    let mut pos = 0;
    let terms = parse_seq(&chars, &mut pos, false)?;
    Ok(terms)
}

fn parse_seq(chars: &[char], pos: &mut usize, in_paren: bool) -> Result<Vec<Term>, Message> {
    let mut terms = Vec::new();
    loop {
        while *pos < chars.len() && chars[*pos].is_whitespace() {
            *pos += 1;
        }
        if *pos >= chars.len() {
            if in_paren {
                return Err(msg!("template-unclosed-expression"));
            }
            return Ok(terms);
        }
        match chars[*pos] {
            ')' => {
                if !in_paren {
                    return Err(msg!("template-without-expression"));
                }
                *pos += 1;
                return Ok(terms);
            }
            '(' => {
                *pos += 1;
                let inner = parse_seq(chars, pos, true)?;
                terms.push(Term::Call(to_call(inner)?));
            }
            _ => {
                let term = parse_atom(chars, pos)?;
                // `key=value`
                if *pos < chars.len() && chars[*pos] == '=' {
                    if let Term::Path(key) = term {
                        *pos += 1;
                        let value = if *pos < chars.len() && chars[*pos] == '(' {
                            *pos += 1;
                            Term::Call(to_call(parse_seq(chars, pos, true)?)?)
                        } else {
                            parse_atom(chars, pos)?
                        };
                        terms.push(Term::Hash(key, Box::new(value)));
                        continue;
                    }
                    return Err(msg!("template-after-value-expression"));
                }
                if term == Term::Path("as".to_string()) {
                    let mut p = *pos;
                    while p < chars.len() && chars[p].is_whitespace() {
                        p += 1;
                    }
                    if p < chars.len() && chars[p] == '|' {
                        let Some(len) = chars[p + 1..].iter().position(|&c| c == '|') else {
                            return Err(msg!("template-unclosed-block-parameters"));
                        };
                        let names: String = chars[p + 1..p + 1 + len].iter().collect();
                        terms.push(Term::BlockParams(
                            names.split_whitespace().map(str::to_string).collect(),
                        ));
                        *pos = p + len + 2;
                        continue;
                    }
                }
                terms.push(term);
            }
        }
    }
}

fn to_call(terms: Vec<Term>) -> Result<Call, Message> {
    let mut iter = terms.into_iter();
    match iter.next() {
        Some(Term::Path(name)) => Ok(Call {
            name,
            args: iter.collect(),
        }),
        Some(_) => Err(msg!("template-sub-expression-must-start-with")),
        None => Err(msg!("template-empty-expression")),
    }
}

fn parse_atom(chars: &[char], pos: &mut usize) -> Result<Term, Message> {
    let start = *pos;
    // Only `key=` at the very end reaches here with nothing left.
    let Some(&first) = chars.get(*pos) else {
        return Err(msg!("template-no-value-after-expression"));
    };
    match first {
        q @ ('"' | '\'') => {
            *pos += 1;
            while *pos < chars.len() && chars[*pos] != q {
                *pos += 1;
            }
            if *pos >= chars.len() {
                return Err(msg!("template-unclosed-string-expression"));
            }
            *pos += 1;
            Ok(Term::Literal(chars[start..*pos].iter().collect()))
        }
        _ => {
            while *pos < chars.len() {
                let c = chars[*pos];
                if c == '[' {
                    while *pos < chars.len() && chars[*pos] != ']' {
                        *pos += 1;
                    }
                    if *pos >= chars.len() {
                        return Err(msg!("template-unclosed-expression-2"));
                    }
                    *pos += 1;
                    continue;
                }
                if c.is_whitespace() || c == '(' || c == ')' || c == '=' || c == '"' || c == '\'' {
                    break;
                }
                *pos += 1;
            }
            if *pos == start {
                return Err(msg!(
                    "template-unexpected-expression",
                    start = (chars[start]).to_string()
                ));
            }
            let word: String = chars[start..*pos].iter().collect();
            let is_number = word.parse::<f64>().is_ok() && !word.starts_with('[');
            if is_number || matches!(word.as_str(), "true" | "false" | "null" | "undefined") {
                Ok(Term::Literal(word))
            } else {
                Ok(Term::Path(word))
            }
        }
    }
}

/// Rewrites `[Header text]` path segments to the header's slug (`[ho_va_ten]`), outside
/// string literals; spreadsheet rows are keyed by slugs.
pub fn slug_brackets(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let mut chars = expr.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '[' => {
                let mut segment = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == ']' {
                        closed = true;
                        break;
                    }
                    segment.push(c);
                }
                let slug = slugify(&segment);
                out.push('[');
                out.push_str(if slug.is_empty() { &segment } else { &slug });
                if closed {
                    out.push(']');
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// The data variables Handlebars sets inside `{{#each}}`.
const EACH_VARIABLES: &[&str] = &["index", "first", "last", "key"];

/// A path naming a data variable (`@x`) that rendering would not find: one Handlebars does
/// not have, `@index` and the like outside any `{{#each}}`, `@root` alone. (message, hint).
pub fn data_variable_problem(terms: &[Term], inside_each: bool) -> Option<(Message, Message)> {
    let mut paths = Vec::new();
    collect_paths(terms, &mut paths);
    paths.into_iter().find_map(|path| {
        let rest = path.strip_prefix("this.").unwrap_or(path);
        let name = rest.strip_prefix('@')?;
        let head = name.split(['.', '/']).next().unwrap_or(name);
        let known = "@index, @first, @last and @key inside {{#each}}, and @root.field anywhere";
        if head == "root" {
            return (name == "root").then(|| {
                (
                    msg!("template-root-alone-whole-document-not"),
                    msg!("template-name-one-fields-root-nam"),
                )
            });
        }
        if !EACH_VARIABLES.contains(&head) {
            return Some((
                msg!("template-not-data-variable", head = head.to_string()),
                msg!(
                    "template-vanban-knows-print-field-write",
                    known = known.to_string(),
                    head = head.to_string()
                ),
            ));
        }
        (!inside_each).then(|| {
            (
                msg!("template-known-only-inside-each", head = head.to_string()),
                msg!("template-move-tag-between-each-rows"),
            )
        })
    })
}

fn collect_paths<'a>(terms: &'a [Term], out: &mut Vec<&'a str>) {
    for term in terms {
        match term {
            Term::Path(p) => out.push(p),
            Term::Call(call) => collect_paths(&call.args, out),
            Term::Hash(_, value) => collect_paths(std::slice::from_ref(value), out),
            Term::Literal(_) | Term::BlockParams(_) => {}
        }
    }
}

/// A character Handlebars allows in a name (`symbol_char` of its grammar).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '$' | ':') || c as u32 >= 0x80
}

/// What is wrong with a tag's terms that Handlebars would refuse to read, in our words, with
/// how to write it: (message, hint). `None` when every term reads.
pub fn terms_problem(kind: &TagKind, terms: &[Term]) -> Option<(Message, Message)> {
    if let (TagKind::Value, Some(Term::Hash(key, value))) = (kind, terms.first()) {
        let value = term_text(value);
        return Some((
            msg!(
                "template-named-argument-with-no-helper",
                key = key.to_string(),
                value = value.to_string()
            ),
            msg!(
                "template-print-write-compare-write-if",
                key = key.to_string(),
                value = value.to_string()
            ),
        ));
    }
    terms.iter().find_map(|t| term_problem(t, terms))
}

fn term_problem(term: &Term, tag_terms: &[Term]) -> Option<(Message, Message)> {
    match term {
        Term::Path(path) => path_problem(path, tag_terms),
        Term::Call(call) => call.args.iter().find_map(|a| term_problem(a, tag_terms)),
        Term::Hash(_, value) => term_problem(value, tag_terms),
        Term::Literal(_) | Term::BlockParams(_) => None,
    }
}

fn term_text(term: &Term) -> String {
    match term {
        Term::Path(p) | Term::Literal(p) => p.clone(),
        Term::Call(call) => {
            let args: Vec<String> = call.args.iter().map(term_text).collect();
            format!("({} {})", call.name, args.join(" "))
        }
        Term::Hash(k, v) => format!("{k}={}", term_text(v)),
        Term::BlockParams(names) => format!("as |{}|", names.join(" ")),
    }
}

/// Reads a path as Handlebars does (`this.` or `./`, then `@root.`, `@`, `../`..., then
/// names or `[...]` keys separated by `.` or `/`) and says where it stops.
fn path_problem(path: &str, tag_terms: &[Term]) -> Option<(Message, Message)> {
    let mut rest = path;
    if let Some(r) = rest
        .strip_prefix("this.")
        .or_else(|| rest.strip_prefix("this/"))
        .or_else(|| rest.strip_prefix("./"))
    {
        rest = r;
    }
    if let Some(r) = rest
        .strip_prefix("@root.")
        .or_else(|| rest.strip_prefix("@root/"))
    {
        rest = r;
    }
    rest = rest.strip_prefix('@').unwrap_or(rest);
    while rest.starts_with("../") || rest.starts_with("...") {
        rest = &rest[3..];
    }
    let mut first = true;
    loop {
        // One name or `[...]` key.
        let len = if rest.starts_with('[') {
            rest.find(']').map_or(rest.len(), |e| e + 1)
        } else {
            rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len())
        };
        if len == 0 {
            let c = rest.chars().next();
            return Some(match (c, first) {
                (None, _) => {
                    let sep = path.chars().last().unwrap_or('.');
                    let stem = path.trim_end_matches(['.', '/']);
                    (
                        msg!("template-field-name-cannot-end-with", sep = sep.to_string()),
                        msg!(
                            "template-write-name-what-follows-ten",
                            stem = stem.to_string(),
                            sep = sep.to_string()
                        ),
                    )
                }
                (Some('.'), false) => (
                    msg!("template-inside-field-name", path = path.to_string()),
                    msg!(
                        "template-separate-parts-name-with-one",
                        fixed = path.replace("..", ".").to_string()
                    ),
                ),
                (Some('.'), true) => (
                    msg!("template-field-name-cannot-start-with"),
                    msg!(
                        "template-write-this-field-current-row",
                        name = path.trim_start_matches('.').to_string()
                    ),
                ),
                (Some(c), true) => (
                    msg!("template-field-name-cannot-start-with-2", c = c.to_string()),
                    msg!("template-name-hint"),
                ),
                (Some(c), false) => char_problem(c, path, tag_terms),
            });
        }
        first = false;
        rest = &rest[len..];
        match rest.chars().next() {
            None => return None,
            Some('.' | '/') => rest = &rest[1..],
            Some(c) => return Some(char_problem(c, path, tag_terms)),
        }
    }
}

/// A character that cannot follow a name in a path.
fn char_problem(c: char, path: &str, tag_terms: &[Term]) -> (Message, Message) {
    let message = msg!(
        "template-cannot-field-name",
        c = c.to_string(),
        path = path.to_string()
    );
    let (before, after) = path.split_once(c).unwrap_or((path, ""));
    let hint = match c {
        '|' if tag_terms.len() == 1 && !after.is_empty() => msg!(
            "template-print-value-use-filter-written",
            before = before.to_string(),
            after = after.to_string()
        ),
        '|' => msg!("template-print-value-use", before = before.to_string()),
        ',' | ';' => msg!("template-helper-s-arguments-separated-spaces"),
        '+' | '*' | '%' => {
            msg!("template-tag-does-no-arithmetic-compute")
        }
        '#' => msg!(
            "template-block-opens-with-before-helper",
            before = before.to_string()
        ),
        '!' => msg!("template-comment-starts-with-ghi-ch"),
        _ => msg!("template-name-hint"),
    };
    (message, hint)
}

/// Helpers that take no argument, so a bare `{{stt}}` calls them.
pub const ZERO_ARG_HELPERS: &[&str] = &["stt"];

/// True when `expr` is a single path or literal (`{{ho_va_ten}}`), not a helper call.
pub fn is_single_term(terms: &[Term]) -> bool {
    matches!(terms, [Term::Path(p)] if !ZERO_ARG_HELPERS.contains(&p.as_str()))
        || matches!(terms, [Term::Literal(_)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_odd_spaces_are_undone() {
        assert_eq!(
            normalize_tag_text("{{default\u{a0}phong_hop \u{201c}Phòng họp số 1\u{201d}}}"),
            "{{default phong_hop \"Phòng họp số 1\"}}"
        );
        assert_eq!(normalize_tag_text("{{ho\u{200b}_ten}}"), "{{ho_ten}}");
    }

    #[test]
    fn tags_are_classified() {
        assert_eq!(
            parse_tag("{{#each rows}}").unwrap().kind,
            TagKind::Open("each".into())
        );
        assert_eq!(
            parse_tag("{{~/each~}}").unwrap().kind,
            TagKind::Close("each".into())
        );
        assert_eq!(parse_tag("{{else}}").unwrap().kind, TagKind::Else);
        assert_eq!(parse_tag("{{else if x}}").unwrap().kind, TagKind::Else);
        assert_eq!(parse_tag("{{{x}}}").unwrap().kind, TagKind::Value);
        assert_eq!(parse_tag("{{! note }}").unwrap().kind, TagKind::Comment);
        assert!(parse_tag("{{> p}}").is_err());
        assert!(parse_tag("{{}}").is_err());
    }

    #[test]
    fn terms_read_calls_strings_and_hashes() {
        let terms = parse_terms(r#"so (sum rows "tong_diem") 2 k=v"#).unwrap();
        assert_eq!(
            terms,
            vec![
                Term::Path("so".into()),
                Term::Call(Call {
                    name: "sum".into(),
                    args: vec![
                        Term::Path("rows".into()),
                        Term::Literal("\"tong_diem\"".into())
                    ]
                }),
                Term::Literal("2".into()),
                Term::Hash("k".into(), Box::new(Term::Path("v".into()))),
            ]
        );
        assert_eq!(
            parse_terms("each rows as |r i|").unwrap()[2],
            Term::BlockParams(vec!["r".into(), "i".into()])
        );
        assert!(parse_terms("sum (rows").is_err());
    }

    #[test]
    fn bracket_segments_become_slugs_outside_strings() {
        assert_eq!(slug_brackets("[Họ và tên]"), "[ho_va_ten]");
        assert_eq!(
            slug_brackets(r#"eq [Xếp loại] "[Tốt]""#),
            r#"eq [xep_loai] "[Tốt]""#
        );
    }
}
