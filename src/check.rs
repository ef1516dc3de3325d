//! Checking before rendering: every template problem at once (`vanban check`), the fields a
//! template reads against the data it will get (also run by `render`), and the list of every
//! tag and block with its place (`vanban inspect`).

use crate::diag::msg;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::context::{Document, Documents};
use crate::diag::{Diagnostic, closest, display};
use crate::docx::{Package, Rendered};
use crate::input::{self, LoadOptions, SourceKind, Table};
use crate::template::expr::TagKind;
use crate::template::fields::{self, Scope};
use crate::template::{self, CompileOptions, TagInfo, Template};

/// What the field check found: errors stop a run; warnings and notes do not.
#[derive(Debug, Default)]
pub struct FieldCheck {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Checks the fields the template's parts read (`parts`: (part name, tags)) against the
/// data: a field no row has is an error with a did-you-mean hint; an Excel error cell in a
/// column a tag reads is an error, elsewhere a warning.
pub fn check_fields(
    parts: &[(&str, &[TagInfo])],
    slug: bool,
    template_display: &str,
    table: &Table,
    grouped: bool,
    globals: &Map<String, Value>,
) -> FieldCheck {
    let mut check = FieldCheck::default();
    let mut row_keys: HashSet<&str> = table.columns.iter().map(|c| c.key.as_str()).collect();
    row_keys.insert("_row");
    row_keys.extend(globals.keys().map(String::as_str));
    let mut root_keys = row_keys.clone();
    if grouped {
        root_keys.insert("rows");
        root_keys.insert("count");
    }
    // Fields of lists and objects anywhere in the data: what a block over a list that is
    // empty in every record can be checked against.
    let mut anywhere: HashSet<String> = row_keys.iter().map(|k| k.to_string()).collect();
    for i in 0..table.rows.len() {
        for value in table.fields(i).values() {
            nested_keys(value, &mut anywhere);
        }
    }
    let tags: Vec<&[TagInfo]> = parts.iter().map(|(_, tags)| *tags).collect();
    let uses = fields::field_uses(&tags, slug);
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    let mut missing: HashSet<&str> = HashSet::new();
    for u in uses.iter().filter(|u| !u.optional) {
        let known = match u.scope {
            Scope::Root => root_keys.contains(u.field.as_str()),
            Scope::Rows if grouped => row_keys.contains(u.field.as_str()),
            // Without --group-by, `rows` is the data's own field: its items' fields are
            // those found in any list or object of the data.
            Scope::Rows | Scope::Items => anywhere.contains(&u.field),
            Scope::Unknown => true,
        };
        if known {
            continue;
        }
        missing.insert(u.field.as_str());
        if !reported.insert((u.part, u.tag)) {
            continue;
        }
        let (part, tags) = parts[u.part];
        let tag = &tags[u.tag];
        let at = format!("{template_display}: {}", template::locate(part, tag));
        // A helper written without its arguments.
        if tag.kind == TagKind::Value
            && tag.expr.trim() == u.field
            && let Some((what, example)) = crate::helpers::needs(&u.field)
        {
            check.errors.push(
                Diagnostic::error(
                    at,
                    msg!(
                        "check-needs",
                        text = tag.text.to_string(),
                        field = u.field.to_string(),
                        what = crate::diag::needs_what(what)
                    ),
                )
                .with_hint(msg!(
                    "check-write-what-reads-after-name",
                    example = example.to_string()
                )),
            );
            continue;
        }
        // A field written as its header (`[Họ tên]`) is named as written.
        let what = match written_header(&tag.expr, &u.field) {
            Some(header) => msg!("check-no-column-data", header = header),
            None => msg!("eval-no-field", field = &u.field),
        };
        let d = Diagnostic::error(
            at,
            msg!("check-message", text = tag.text.to_string(), what = what),
        );
        let synthetic: &[&str] = if grouped && u.scope == Scope::Root {
            &["rows", "count"]
        } else {
            &[]
        };
        let inner: Vec<&str> = match u.scope {
            Scope::Rows | Scope::Items if !grouped => {
                let mut inner: Vec<&str> = anywhere.iter().map(String::as_str).collect();
                inner.sort_unstable();
                inner
            }
            _ => Vec::new(),
        };
        let candidates = table
            .columns
            .iter()
            .flat_map(|c| [c.key.as_str(), c.header.as_str()])
            .chain(synthetic.iter().copied())
            .chain(inner);
        let header = written_header(&tag.expr, &u.field);
        let d = match closest(&u.field, candidates) {
            // Written as a header, the field meant is shown as its header, with its column.
            Some(near) if header.is_some() => {
                match table
                    .columns
                    .iter()
                    .find(|c| c.key == near || c.header == near)
                {
                    Some(column) if !column.letter.is_empty() => d.with_hint(msg!(
                        "check-did-you-mean-column",
                        header = column.header.to_string(),
                        letter = column.letter.to_string()
                    )),
                    _ => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
                }
            }
            Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
            None if u.field == "rows" || u.field == "count" => {
                d.with_hint(msg!("check-rows-count-exist-only-with"))
            }
            None => d.with_hint(msg!(
                "check-has-fields",
                source = table.source.to_string(),
                key = quoted_list(table.columns.iter().map(|c| c.key.as_str()), 12).to_string()
            )),
        };
        check.errors.push(d);
    }
    let used: HashSet<&str> = uses.iter().map(|u| u.field.as_str()).collect();
    for row in &table.rows {
        for cell in &row.errors {
            let message = msg!("cli-cell-holds-error", value = cell.value.to_string());
            if used.contains(cell.key.as_str()) {
                check.errors.push(
                    Diagnostic::error(
                        cell.location.clone(),
                        msg!(
                            "check-template-uses",
                            message = &message,
                            key = cell.key.to_string()
                        ),
                    )
                    .with_hint(msg!("check-fix-formula-spreadsheet-clear-cell")),
                );
            } else {
                check
                    .warnings
                    .push(Diagnostic::warning(cell.location.clone(), message));
            }
        }
    }
    // Fields the data itself must have (not `rows`, `count`, `_row` or a global).
    let needed: HashSet<&str> = uses
        .iter()
        .filter(|u| !u.optional && matches!(u.scope, Scope::Root | Scope::Rows))
        .map(|u| u.field.as_str())
        .filter(|f| !matches!(*f, "rows" | "count" | "_row") && !globals.contains_key(*f))
        .collect();
    if needed.len() > 1 && missing.len() == needed.len() {
        check.errors.push(Diagnostic::note(
            table.source.clone(),
            msg!("check-none-template-s-fields-data"),
        ));
    }
    check
}

/// For JSON: a note per field that some records have and others lack, with how many lack
/// it and the first of them.
fn fields_some_records_lack(table: &Table) -> Vec<Diagnostic> {
    if table.kind != SourceKind::JsonArray || table.rows.len() < 2 {
        return Vec::new();
    }
    let records: Vec<_> = (0..table.rows.len()).map(|i| table.fields(i)).collect();
    let mut notes = Vec::new();
    for column in &table.columns {
        let lacking: Vec<usize> = records
            .iter()
            .zip(&table.rows)
            .filter(|(fields, _)| !fields.contains_key(&column.key))
            .map(|(_, row)| row.number)
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let shown: Vec<String> = lacking.iter().take(5).map(usize::to_string).collect();
        let more = if lacking.len() > 5 { ", …" } else { "" };
        notes.push(Diagnostic::note(
            table.source.clone(),
            msg!(
                "check-records-lack-field-record",
                lacking = lacking.len(),
                count = table.rows.len(),
                key = column.key.to_string(),
                shown = shown.join(", "),
                more = more
            ),
        ));
    }
    notes
}

/// The keys of every object in `value`, at any depth.
fn nested_keys(value: &Value, keys: &mut HashSet<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| nested_keys(v, keys)),
        Value::Object(object) => {
            for (key, v) in object {
                if !keys.contains(key) {
                    keys.insert(key.clone());
                }
                nested_keys(v, keys);
            }
        }
        _ => {}
    }
}

/// The header text a tag wrote in brackets for `field` (`[Họ tên]` for `ho_ten`).
fn written_header(expr: &str, field: &str) -> Option<String> {
    let mut rest = expr;
    while let Some(start) = rest.find('[') {
        let end = rest[start..].find(']')? + start;
        let header = &rest[start + 1..end];
        if crate::input::slug::slugify(header) == field {
            return Some(header.to_string());
        }
        rest = &rest[end + 1..];
    }
    None
}

/// The errors of rendering every document of `table` in memory (nothing is written), one
/// per failing document, as render reports them.
fn render_all(
    package: Package,
    slug: bool,
    template_display: &str,
    table: &Table,
    group_by: Option<&str>,
    globals: &Map<String, Value>,
) -> Vec<Diagnostic> {
    let template = match Template::compile(
        package,
        CompileOptions {
            slug_brackets: slug,
        },
    ) {
        Ok(template) => template,
        Err(errors) => {
            return errors
                .into_iter()
                .map(|d| d.within(template_display))
                .collect();
        }
    };
    let documents = match group_by {
        Some(field) => match Documents::per_group(table, field, globals) {
            Ok(documents) => documents,
            Err(d) => return vec![d],
        },
        None => Documents::per_row(table, globals),
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    for i in 0..documents.len() {
        if let Err(d) = render_document(&template, template_display, &documents.get(i)) {
            errors.push(d);
        }
    }
    errors
}

/// Renders one document in memory, as render does before writing it; an error names the
/// document it comes from.
pub fn render_document(
    template: &Template,
    template_display: &str,
    document: &Document,
) -> Result<Rendered, Diagnostic> {
    let context = handlebars::Context::from(document.data.clone());
    template.render_traced(&context).map_err(|(d, read)| {
        // A value of a row names its own cell, the row's first cell otherwise.
        let origin = document.origin_of(&read, &d.message);
        let message = format!("{} (rendering {origin})", d.message);
        Diagnostic { message, ..d }.within(template_display)
    })
}

fn quoted_list<'a>(items: impl Iterator<Item = &'a str>, max: usize) -> String {
    let items: Vec<&str> = items.collect();
    let mut shown: Vec<String> = items.iter().take(max).map(|i| format!("'{i}'")).collect();
    if items.len() > max {
        shown.push(format!("and {} more", items.len() - max));
    }
    shown.join(", ")
}

/// `vanban check`, validated.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    pub template: PathBuf,
    pub data: Option<PathBuf>,
    pub load: LoadOptions,
    pub group_by: Option<String>,
}

/// Every problem of a template, and of the data it will get when `data` is given. Renders
/// nothing. The caller exits 2 when an error is among them.
pub fn check(config: &CheckConfig) -> Vec<Diagnostic> {
    let template_display = display(&config.template);
    let package = match Package::open(&config.template) {
        Ok(package) => package,
        Err(d) => return vec![d.within(&template_display)],
    };
    let mut problems = Vec::new();
    let table = match &config.data {
        Some(path) => match input::load_table(path, &display(path), &config.load) {
            Ok(table) => Some(table),
            Err(errors) => {
                problems.extend(errors);
                None
            }
        },
        None => None,
    };
    let slug = table
        .as_ref()
        .is_none_or(|t| matches!(t.kind, SourceKind::Spreadsheet | SourceKind::Csv));
    let analyses = template::analyze(
        &package,
        CompileOptions {
            slug_brackets: slug,
        },
    );
    for analysis in &analyses {
        problems.extend(
            (analysis.errors.iter().chain(&analysis.warnings))
                .cloned()
                .map(|d| d.within(&template_display)),
        );
    }
    let Some(table) = table else { return problems };
    problems.extend(table.warnings.iter().cloned());
    problems.extend(fields_some_records_lack(&table));
    if let Some(field) = &config.group_by
        && let Err(e) = crate::context::group_key(&table, field)
    {
        problems.push(e);
    }
    let parts: Vec<(&str, &[TagInfo])> = analyses
        .iter()
        .map(|a| (a.name.as_str(), a.tags.as_slice()))
        .collect();
    let globals = crate::context::globals(&crate::context::today(), &[]);
    let fields = check_fields(
        &parts,
        slug,
        &template_display,
        &table,
        config.group_by.is_some(),
        &globals,
    );
    let stopped = !fields.errors.is_empty() || problems.iter().any(Diagnostic::is_error);
    problems.extend(fields.errors);
    problems.extend(fields.warnings);
    // Every document rendered in memory, as render would: what the fields' check cannot
    // see (a field of `{{#with}}`, `../x`, a record that lacks a field) fails here as there.
    if !stopped {
        problems.extend(render_all(
            package,
            slug,
            &template_display,
            &table,
            config.group_by.as_deref(),
            &globals,
        ));
    }
    // Columns no tag reads: a note, since a template need not use every column.
    let tags: Vec<&[TagInfo]> = parts.iter().map(|(_, t)| *t).collect();
    let used: HashSet<String> = fields::field_uses(&tags, slug)
        .into_iter()
        .map(|u| u.field)
        .collect();
    let unused: Vec<&str> = table
        .columns
        .iter()
        .filter(|c| {
            !used.contains(&c.key)
                && !c.key.starts_with('_')
                && Some(&c.key) != config.group_by.as_ref()
                && Some(&c.header) != config.group_by.as_ref()
        })
        .map(|c| c.key.as_str())
        .collect();
    if !unused.is_empty() {
        problems.push(Diagnostic::note(
            table.source.clone(),
            msg!(
                "check-no-tag-reads-columns",
                columns = quoted_list(unused.into_iter(), 20).to_string()
            ),
        ));
    }
    problems
}

/// One tag as `inspect --json` lists it.
#[derive(Debug, Serialize)]
pub struct TagEntry {
    pub part: String,
    pub paragraph: usize,
    /// `<dc:title>` and the like, for tags in document properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    pub table: Option<TablePos>,
    /// `value`, `block open`, `else`, `close` or `comment`.
    pub kind: &'static str,
    pub tag: String,
    pub expression: String,
    /// For block tags: `inline`, `table row`, `table rows` or `paragraphs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape: Option<&'static str>,
    /// For block tags: the paragraphs where the block opens and closes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct TablePos {
    pub table: usize,
    pub row: usize,
    pub cell: usize,
}

#[derive(Debug, Serialize)]
pub struct Inspection {
    pub template: String,
    pub tags: Vec<TagEntry>,
    /// Problems, formatted as `vanban check` prints them.
    pub errors: Vec<String>,
}

/// Every tag and block of every part, with its place and shape.
pub fn inspect(template_path: &Path) -> Result<Inspection, Diagnostic> {
    let template_display = display(template_path);
    let package = Package::open(template_path).map_err(|d| d.within(&template_display))?;
    let analyses = template::analyze(
        &package,
        CompileOptions {
            slug_brackets: true,
        },
    );
    let mut tags = Vec::new();
    let mut errors = Vec::new();
    for analysis in &analyses {
        for (t, tag) in analysis.tags.iter().enumerate() {
            let block = analysis
                .blocks
                .iter()
                .find(|b| b.open == t || b.close == t || b.elses.contains(&t));
            tags.push(TagEntry {
                part: analysis.name.clone(),
                paragraph: tag.paragraph,
                element: tag.label.clone(),
                table: tag
                    .table_pos
                    .map(|(table, row, cell)| TablePos { table, row, cell }),
                kind: match tag.kind {
                    TagKind::Value => "value",
                    TagKind::Open(_) => "block open",
                    TagKind::Else => "else",
                    TagKind::Close(_) => "close",
                    TagKind::Comment => "comment",
                },
                tag: tag.text.clone(),
                expression: tag.expr.clone(),
                shape: block.map(|b| b.shape.describe()),
                opens_at: block.map(|b| analysis.tags[b.open].paragraph),
                closes_at: block.map(|b| analysis.tags[b.close].paragraph),
            });
        }
        errors.extend(
            analysis
                .errors
                .iter()
                .map(|d| d.clone().within(&template_display).to_string()),
        );
    }
    Ok(Inspection {
        template: template_display,
        tags,
        errors,
    })
}

/// `inspect` as text, one tag per line.
pub fn format_inspection(inspection: &Inspection) -> String {
    let mut out = String::new();
    for tag in &inspection.tags {
        let place = match (&tag.element, &tag.table) {
            (Some(element), _) => format!("{} <{element}>", tag.part),
            (None, Some(t)) => format!(
                "{} paragraph {} (table {}, row {}, cell {})",
                tag.part, tag.paragraph, t.table, t.row, t.cell
            ),
            (None, None) => format!("{} paragraph {}", tag.part, tag.paragraph),
        };
        let what = match (tag.kind, tag.shape, tag.opens_at, tag.closes_at) {
            ("block open", Some(shape), _, Some(close)) => {
                format!("opens a block ({shape}) that closes at paragraph {close}")
            }
            ("close", Some(shape), Some(open), _) => {
                format!("closes the block ({shape}) opened at paragraph {open}")
            }
            ("else", Some(shape), Some(open), _) => {
                format!("else of the block ({shape}) opened at paragraph {open}")
            }
            (kind, _, _, _) => kind.to_string(),
        };
        out.push_str(&format!("{place}: {} {what}\n", tag.tag));
    }
    out
}
