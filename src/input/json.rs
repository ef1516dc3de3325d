//! JSON data: an array of objects (one record each) or one object (one document). Keys are
//! used as they are; string values are NFC-normalised, other values kept as serde_json reads
//! them.

use std::path::Path;

use serde_json::{Map, Value};

use super::grid::nfc;
use super::{Column, LoadOptions, Row, SourceKind, Table, read_error};
use crate::diag::Diagnostic;

pub(crate) fn load(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| vec![read_error(display, &e)])?;
    let mut table = parse(&bytes, display)?;
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
            format!(
                "a JSON file has no sheets or header rows, so the {} given is ignored",
                ignored.join(" and ")
            ),
        ));
    }
    Ok(table)
}

fn parse(bytes: &[u8], display: &str) -> Result<Table, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
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
            format!("invalid JSON: {message}"),
        )]
    })?;
    let (kind, records) = match value {
        Value::Array(items) => {
            let mut records = Vec::with_capacity(items.len());
            let mut errors = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::Object(map) => records.push(map),
                    other => errors.push(
                        Diagnostic::error(
                            format!("{display}:record {}", i + 1),
                            format!("expected an object, found {}", describe(&other)),
                        )
                        .with_hint(
                            "each element of the array must be an object: {\"key\": value, ...}",
                        ),
                    ),
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            (SourceKind::JsonArray, records)
        }
        Value::Object(map) => (SourceKind::JsonObject, vec![map]),
        other => {
            return Err(vec![
                Diagnostic::error(
                    display,
                    format!(
                        "expected an array of objects or one object, found {}",
                        describe(&other)
                    ),
                )
                .with_hint("write [{\"key\": value, ...}, ...] for rows, or {\"key\": value, ...} for one document"),
            ]);
        }
    };

    let mut columns: Vec<Column> = Vec::new();
    let mut keys: Map<String, Value> = Map::new(); // ordered set of the keys seen
    for record in &records {
        for key in record.keys() {
            if !keys.contains_key(key) {
                keys.insert(key.clone(), Value::Null);
                columns.push(Column {
                    header: key.clone(),
                    key: key.clone(),
                    letter: String::new(),
                });
            }
        }
    }
    let rows = records
        .into_iter()
        .enumerate()
        .map(|(i, record)| {
            // A key a record lacks stays missing: a template that reads it fails for this
            // record only (the contract's exit 1), rather than printing nothing.
            let fields = record.into_iter().map(|(k, v)| (k, normalise(v))).collect();
            Row {
                number: i + 1,
                fields,
                errors: Vec::new(),
            }
        })
        .collect();
    Ok(Table {
        source: display.to_string(),
        sheet: None,
        kind,
        columns,
        rows,
        warnings: Vec::new(),
    })
}

/// Strings NFC, at any depth.
fn normalise(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(nfc(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        other => other,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
