//! Reading a manifest: the TOML file parsed into its schema with paths resolved against its
//! folder, every source loaded into a table, and the globals every document sees.

use crate::diag::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::schema::{HeaderRow, Manifest, Source};
use crate::context;
use crate::diag::{Diagnostic, display};
use crate::input::{self, Legacy, LoadOptions, Table};

/// A manifest read and its paths resolved.
pub struct Loaded {
    pub path: PathBuf,
    pub display: String,
    pub manifest: Manifest,
    pub dir: PathBuf,
    /// `vanban run --out DIR` (relative to the working folder).
    pub out_override: Option<PathBuf>,
    /// The manifest as written, for line numbers.
    pub text: String,
}

impl Loaded {
    /// A path of the manifest, relative to its folder.
    pub fn resolve(&self, path: &str) -> PathBuf {
        self.dir.join(path)
    }

    /// How a manifest path is shown in messages.
    pub fn show(&self, path: &str) -> String {
        display(&self.resolve(path))
    }

    /// The 1-based line of a byte offset in the manifest.
    pub fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    pub fn out_dir(&self) -> PathBuf {
        match &self.out_override {
            Some(out) => out.clone(),
            None => self.resolve(self.manifest.out.as_deref().unwrap_or("out")),
        }
    }
}

/// Reads and parses a manifest.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = display(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![match e.kind() {
            std::io::ErrorKind::NotFound => input::not_found(path, &shown),
            _ => Diagnostic::error(
                &shown,
                msg!("manifest-cannot-read-manifest", e = crate::diag::io_arg(&e)),
            ),
        }]
    })?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        let location = match e.span() {
            Some(span) => format!(
                "{shown}:{}",
                text[..span.start.min(text.len())].matches('\n').count() + 1
            ),
            None => shown.clone(),
        };
        vec![Diagnostic::error(
            location,
            msg!(
                "manifest-toml-error",
                message = crate::diag::lower(e.message())
            ),
        )]
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Loaded {
        path: path.to_path_buf(),
        display: shown,
        manifest,
        dir,
        out_override: None,
        text,
    })
}

/// Every source of the manifest loaded into a table, by name; a source that fails adds its
/// errors and is left out.
pub(super) fn sources(
    loaded: &Loaded,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Table> {
    let manifest = &loaded.manifest;
    let mut tables = BTreeMap::new();
    for (name, source) in &manifest.sources {
        let options = match load_options(&loaded.display, name, source) {
            Ok(options) => options,
            Err(mut problems) => {
                errors.append(&mut problems);
                continue;
            }
        };
        match input::load_table(
            &loaded.resolve(&source.file),
            &loaded.show(&source.file),
            &options,
        ) {
            Ok(mut table) => {
                materialize(&mut table);
                warnings.append(&mut table.warnings);
                tables.insert(name.clone(), table);
            }
            Err(es) => errors.extend(es),
        }
    }
    tables
}

/// The fields every document sees: vanban's own (today's date) and the manifest's `[globals]`.
pub(super) fn globals(loaded: &Loaded) -> Map<String, Value> {
    let mut globals = context::globals(&context::today(), &[]);
    for (key, value) in &loaded.manifest.globals {
        globals.insert(key.clone(), toml_to_json(value));
    }
    globals
}

/// JSON records kept as text are parsed now: joins add fields to rows.
pub(super) fn materialize(table: &mut Table) {
    for i in 0..table.rows.len() {
        if table.rows[i].raw.is_some() {
            table.rows[i].fields = table.fields(i).into_owned();
            table.rows[i].raw = None;
        }
    }
}

/// A TOML value as templates see it; dates print `dd/mm/yyyy`.
fn toml_to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => match d.date {
            Some(date) => Value::String(format!(
                "{:02}/{:02}/{:04}",
                date.day, date.month, date.year
            )),
            None => Value::String(d.to_string()),
        },
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// How the manifest's source `name` is read: its sheet, header rows, filter and legacy
/// encoding, checked (`display` is the manifest's name for messages).
pub fn load_options(
    display: &str,
    name: &str,
    source: &Source,
) -> Result<LoadOptions, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let legacy = match source.legacy.as_deref() {
        None | Some("auto") => Legacy::Auto,
        Some("tcvn3") => Legacy::Tcvn3,
        Some("vni") => Legacy::Vni,
        Some("off") => Legacy::Off,
        Some(other) => {
            errors.push(Diagnostic::error(
                display,
                msg!(
                    "manifest-sources-legacy-expected-auto-tcvn3",
                    name = name.to_string(),
                    other = other.to_string()
                ),
            ));
            Legacy::Auto
        }
    };
    let at = format!("{}: sources.{name}.header_row", display);
    let header = match &source.header_row {
        None => Ok((None, false)),
        Some(HeaderRow::One(n)) => input::header_range(*n, *n, &at).map(|(n, s)| (Some(n), s)),
        Some(HeaderRow::Range(text)) => {
            input::parse_header_rows(text, &at).map(|(n, s)| (Some(n), s))
        }
        Some(HeaderRow::Pair(pair)) => match pair[..] {
            [first, last] => input::header_range(first, last, &at).map(|(n, s)| (Some(n), s)),
            _ => Err(Diagnostic::error(
                &at,
                msg!("manifest-header-rows-expected-pair", count = pair.len()),
            )),
        },
    };
    let (header_row, sub_header) = match header {
        Ok(header) => header,
        Err(error) => {
            errors.push(error);
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LoadOptions {
        sheet: source.sheet.clone(),
        header_row,
        sub_header,
        keep_filtered: source.keep_filtered,
        legacy,
    })
}
