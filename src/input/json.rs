//! JSON data: an array of objects (one record each) or one object (one document). Keys are
//! used as they are; string values are NFC-normalised, other values kept as serde_json reads
//! them.

use crate::diag::msg;
use std::path::Path;

use std::collections::HashSet;
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::cells::into_nfc;
use super::{Column, LoadOptions, Row, SourceKind, Table, read_error};
use crate::diag::Diagnostic;

pub(crate) fn load(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| vec![read_error(display, &e)])?;
    let mut table = parse(bytes, display)?;
    let mut ignored = Vec::new();
    if options.sheet.is_some() {
        ignored.push("sheet");
    }
    if options.header_row.is_some() {
        ignored.push("header row");
    }
    if !ignored.is_empty() {
        table.warnings.push(Diagnostic::warning(
            display,
            msg!(
                "input-json-file-has-no-sheets",
                and = ignored.join(" and ").to_string()
            ),
        ));
    }
    Ok(table)
}

/// Reads the records' keys and checks their shape, but keeps each record as its span of the
/// file's text: a record is parsed when its document is rendered, so a batch holds about the
/// size of the file rather than several times it as parsed values.
fn parse(bytes: Vec<u8>, display: &str) -> Result<Table, Vec<Diagnostic>> {
    let invalid = |e: serde_json::Error| {
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        let location = if e.line() == 0 {
            display.to_string()
        } else {
            format!("{display}:{}:{}", e.line(), e.column())
        };
        vec![Diagnostic::error(
            location,
            msg!("input-invalid-json", message = message.to_string()),
        )]
    };
    // The text is kept as it was read (no copy): records are spans of it.
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // serde_json reports the place of the bad byte.
            let bytes = e.as_bytes();
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            return Err(invalid(
                serde_json::from_slice::<IgnoredAny>(bytes)
                    .err()
                    .unwrap_or_else(|| {
                        serde_json::Error::io(std::io::Error::other(e.utf8_error().to_string()))
                    }),
            ));
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let whole: &RawValue = serde_json::from_str(&text).map_err(invalid)?;
    let (kind, records): (SourceKind, Vec<&RawValue>) =
        match whole.get().trim_start().as_bytes().first() {
            Some(b'[') => (
                SourceKind::JsonArray,
                serde_json::from_str(whole.get()).map_err(invalid)?,
            ),
            Some(b'{') => (SourceKind::JsonObject, vec![whole]),
            _ => {
                return Err(vec![
                    Diagnostic::error(
                        display,
                        msg!(
                            "input-expected-array-objects-one-object",
                            whole = describe(whole).to_string()
                        ),
                    )
                    .with_hint(msg!("input-write-key-value-rows-key")),
                ]);
            }
        };
    let mut errors = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut rows = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        if !record.get().starts_with('{') {
            errors.push(
                Diagnostic::error(
                    format!("{display}:record {}", i + 1),
                    msg!(
                        "input-expected-object-found",
                        record = describe(record).to_string()
                    ),
                )
                .with_hint(msg!("input-each-element-array-must-object")),
            );
            continue;
        }
        let Keys(keys) = serde_json::from_str(record.get()).map_err(invalid)?;
        for key in keys {
            if seen.insert(key.clone()) {
                columns.push(Column {
                    header: key.clone(),
                    key,
                    letter: String::new(),
                });
            }
        }
        let start = record.get().as_ptr() as usize - text.as_ptr() as usize;
        rows.push(Row {
            number: i + 1,
            // A key a record lacks stays missing: a template that reads it fails for this
            // record only (the contract's exit 1), rather than printing nothing.
            fields: Map::new(),
            errors: Vec::new(),
            raw: Some(start..start + record.get().len()),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    drop(records);
    Ok(Table {
        source: display.to_string(),
        sheet: None,
        kind,
        columns,
        rows,
        warnings: Vec::new(),
        raw: Some(Arc::new(text)),
        typed: Default::default(),
    })
}

/// A record's fields, parsed from its text, strings NFC.
pub(crate) fn record_fields(text: &str) -> Map<String, Value> {
    match serde_json::from_str::<Map<String, Value>>(text) {
        Ok(map) => map.into_iter().map(|(k, v)| (k, normalise(v))).collect(),
        // The text was checked when the file was read.
        Err(_) => Map::new(),
    }
}

/// The keys of an object, in order, without keeping the values.
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// Strings NFC, at any depth.
fn normalise(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(into_nfc(s)),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        other => other,
    }
}

fn describe(value: &RawValue) -> &'static str {
    match value.get().trim_start().as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => "a number",
    }
}
