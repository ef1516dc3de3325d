//! Handlebars snippets that a manifest or the command line gives (filters, rule conditions,
//! computed values, numbering symbols), evaluated against one row or document at a time with
//! the template helpers.
//!
//! An expression's value keeps its type (it is printed as JSON and read back); a condition is
//! true or false as `{{#if}}` sees it; a text is rendered as written, without escaping.

use crate::diag::msg;
use handlebars::{Context, Handlebars, RenderErrorReason};
use serde_json::Value;

use crate::context::Document;
use crate::diag::{Diagnostic, closest, lower};
use crate::input::Table;
use crate::template::TagInfo;
use crate::template::expr::parse_tag;
use crate::template::fields::Scope;

/// The snippets of one place (a rule, a filter), compiled into one registry.
pub struct Eval {
    registry: Handlebars<'static>,
    /// Where errors point: the manifest, or a label (`filter`).
    location: String,
    /// What the snippets belong to (`rules 'x'`), printed before each message.
    place: Option<String>,
    /// Column names may be written as `[Header text]` (spreadsheets and CSV).
    slug: bool,
    /// The fields a row has (its columns, the globals): a snippet naming another is an error
    /// with a did-you-mean, not a condition silently false.
    known: Option<std::collections::BTreeSet<String>>,
    /// The snippets compiled so far, as Handlebars reads them (see [`Eval::reads`]).
    texts: Vec<String>,
}

/// A compiled condition, expression or text.
pub struct Compiled {
    name: String,
    source: String,
    typed: bool,
}

/// A row's data made a Handlebars context once, for every snippet evaluated on it.
pub struct Subject {
    context: Context,
    origin: String,
}

impl Subject {
    /// The row's data, as the snippets see it.
    pub fn data(&self) -> &Value {
        self.context.data()
    }

    /// Where the row came from, for messages (`u.csv:A2`).
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

impl From<Document> for Subject {
    fn from(document: Document) -> Subject {
        Subject {
            context: Context::from(document.data),
            origin: document.origin,
        }
    }
}

impl Eval {
    pub fn new(location: &str, place: Option<&str>, slug: bool) -> Eval {
        let mut registry = Handlebars::new();
        crate::helpers::register(&mut registry);
        registry.register_escape_fn(handlebars::no_escape);
        registry.register_helper(
            "_json",
            Box::new(
                |h: &handlebars::Helper,
                 _: &Handlebars,
                 _: &Context,
                 _: &mut handlebars::RenderContext,
                 out: &mut dyn handlebars::Output|
                 -> handlebars::HelperResult {
                    let value = h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null);
                    out.write(&value.to_string())?;
                    Ok(())
                },
            ),
        );
        Eval {
            registry,
            location: location.to_string(),
            place: place.map(str::to_string),
            slug,
            known: None,
            texts: Vec::new(),
        }
    }

    /// Snippets read the fields of `table`'s rows (and `extra`: globals, `rows`): any other
    /// field a snippet names is refused when it is compiled.
    pub fn knowing<'k>(mut self, table: &Table, extra: impl IntoIterator<Item = &'k str>) -> Self {
        let mut known: std::collections::BTreeSet<String> =
            table.columns.iter().map(|c| c.key.clone()).collect();
        known.insert("_row".into());
        known.extend(extra.into_iter().map(str::to_string));
        self.known = Some(known);
        self
    }

    /// The fields the snippets compiled so far read, for building only those of each row
    /// (`None`: they may read anything).
    pub fn reads(&self) -> Option<std::collections::HashSet<String>> {
        fields_named(self.texts.iter().map(String::as_str), false)
    }

    /// The first unknown field `text` (the snippet as Handlebars reads it) names, as an error.
    fn unknown_field(&self, source: &str, text: &str) -> Option<Diagnostic> {
        let known = self.known.as_ref()?;
        let tags: Vec<TagInfo> = tags_of(text)
            .into_iter()
            .filter_map(|t| parse_tag(&t).ok())
            .map(|tag| TagInfo {
                text: tag.text,
                kind: tag.kind,
                paragraph: 1,
                table_pos: None,
                label: None,
                expr: tag.expr,
                unreadable: false,
            })
            .collect();
        let uses = crate::template::fields::field_uses(&[tags.as_slice()], false);
        let missing = uses
            .iter()
            .find(|u| u.scope == Scope::Root && !known.contains(&u.field))?;
        let d = self.error(source, msg!("eval-no-field", field = &missing.field), None);
        Some(
            match closest(&missing.field, known.iter().map(String::as_str)) {
                Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
                None => d,
            },
        )
    }

    /// A field a snippet names must exist (a numbering symbol), where a condition would take
    /// it as false.
    pub fn strict(mut self) -> Self {
        self.registry.set_strict_mode(true);
        self
    }

    /// A condition: `(eq hinh_thuc "Giấy khen")`, `da_nop`.
    pub fn condition(&mut self, source: &str) -> Result<Compiled, Diagnostic> {
        let text = format!("{{{{#if {}}}}}1{{{{/if}}}}", self.fix(source));
        self.compile(source, text, false)
    }

    /// An expression whose value is kept (`(sum diem "x")`), or, when it holds tags, a text.
    pub fn value(&mut self, source: &str) -> Result<Compiled, Diagnostic> {
        if source.contains("{{") {
            return self.text(source);
        }
        let text = format!("{{{{_json {}}}}}", self.fix(source));
        self.compile(source, text, true)
    }

    /// A text with tags, rendered as written (`KH-{{ky_hieu}}`).
    pub fn text(&mut self, source: &str) -> Result<Compiled, Diagnostic> {
        let text = self.fix(source);
        self.compile(source, text, false)
    }

    fn compile(&mut self, source: &str, text: String, typed: bool) -> Result<Compiled, Diagnostic> {
        if let Some(d) = self.unknown_field(source, &text) {
            return Err(d);
        }
        self.texts.push(text.clone());
        let name = format!("e{}", self.registry.get_templates().len());
        self.registry
            .register_template_string(&name, text)
            .map_err(|e| {
                let reason = msg!("eval-library", reason = lower(&e.reason().to_string()));
                self.error(source, reason, None)
            })?;
        Ok(Compiled {
            name,
            source: source.to_string(),
            typed,
        })
    }

    /// The rendered text of a snippet.
    pub fn render(&self, compiled: &Compiled, subject: &Subject) -> Result<String, Diagnostic> {
        self.registry
            .render_with_context(&compiled.name, &subject.context)
            .map_err(|e| {
                let reason = match e.reason() {
                    RenderErrorReason::MissingVariable(path) => {
                        msg!("eval-no-field", field = path.as_deref().unwrap_or_default())
                    }
                    other => match crate::helpers::message_of(other) {
                        Some(message) => msg!("eval-library", reason = message.clone()),
                        None => msg!("eval-library", reason = lower(&other.to_string())),
                    },
                };
                self.error(&compiled.source, reason, Some(&subject.origin))
            })
    }

    pub fn holds(&self, compiled: &Compiled, subject: &Subject) -> Result<bool, Diagnostic> {
        Ok(self.render(compiled, subject)? == "1")
    }

    /// The value of an expression (typed) or of a text (a string).
    pub fn get(&self, compiled: &Compiled, subject: &Subject) -> Result<Value, Diagnostic> {
        let out = self.render(compiled, subject)?;
        if !compiled.typed {
            return Ok(Value::String(out));
        }
        Ok(serde_json::from_str(&out).unwrap_or(Value::String(out)))
    }

    fn error(
        &self,
        source: &str,
        reason: crate::diag::Message,
        origin: Option<&str>,
    ) -> Diagnostic {
        let place = self
            .place
            .as_deref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        let rendering = match origin {
            Some(o) => msg!("eval-rendering", origin = o),
            None => msg!("empty"),
        };
        Diagnostic::error(
            &self.location,
            msg!(
                "eval-message",
                place = place.to_string(),
                source = source.to_string(),
                reason = reason,
                rendering = rendering
            ),
        )
    }

    fn fix(&self, source: &str) -> String {
        if self.slug {
            crate::template::expr::slug_brackets(source)
        } else {
            source.to_string()
        }
    }
}

/// Every field a set of snippets (texts with tags) names at its top level, for building only
/// those fields of a document; `None` when one of them reads beyond its fields (`this`,
/// `@root`, `lookup`), so the whole document is needed.
pub fn fields_named<'s>(
    texts: impl IntoIterator<Item = &'s str>,
    slug: bool,
) -> Option<std::collections::HashSet<String>> {
    let mut named = std::collections::HashSet::new();
    for text in texts {
        let text = if slug {
            crate::template::expr::slug_brackets(text)
        } else {
            text.to_string()
        };
        if text.contains("this")
            || text.contains("@root")
            || text.contains("lookup")
            || text.contains("..")
        {
            return None;
        }
        let tags: Vec<TagInfo> = tags_of(&text)
            .into_iter()
            .filter_map(|t| parse_tag(&t).ok())
            .map(|tag| TagInfo {
                text: tag.text,
                kind: tag.kind,
                paragraph: 1,
                table_pos: None,
                label: None,
                expr: tag.expr,
                unreadable: false,
            })
            .collect();
        for u in crate::template::fields::field_uses(&[tags.as_slice()], false) {
            if u.scope != Scope::Root {
                return None;
            }
            named.insert(u.field);
        }
    }
    Some(named)
}

/// The `{{...}}` and `{{{...}}}` tags of a snippet, in order.
fn tags_of(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let triple = rest[start..].starts_with("{{{");
        let close = if triple { "}}}" } else { "}}" };
        let Some(end) = rest[start..].find(close) else {
            break;
        };
        let end = start + end + close.len();
        tags.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    tags
}
