//! What the steps and checks of a manifest share: finding a source, a column or a number in
//! the loaded tables, with the did-you-mean when there is none, and the evaluator of a
//! manifest's snippets. Reads tables; changes them only by adding a column's name.

use crate::diag::msg;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::load::Loaded;
use crate::diag::Diagnostic;
use crate::eval::Eval;
use crate::input::{Column, SourceKind, Table};

pub(super) fn unknown_source(loaded: &Loaded, name: &str, place: &str) -> Diagnostic {
    let known: Vec<&str> = loaded.manifest.sources.keys().map(String::as_str).collect();
    let d = Diagnostic::error(
        &loaded.display,
        msg!(
            "manifest-no-source",
            place = place.to_string(),
            name = name.to_string()
        ),
    );
    match crate::diag::closest(name, known.iter().copied()) {
        Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
        None => d.with_hint(msg!(
            "manifest-sources",
            value = known
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(", ")
                .to_string()
        )),
    }
}

/// The column letter of `field` in `table` (a located error when there is none).
pub(super) fn column_letter(
    loaded: &Loaded,
    place: &str,
    table: &Table,
    field: &str,
) -> Result<String, Diagnostic> {
    let column = find_column(table, field, || {
        Diagnostic::error(
            &loaded.display,
            msg!(
                "manifest-no-column",
                place = place.to_string(),
                field = field.to_string(),
                source = table.source.to_string()
            ),
        )
    })?;
    Ok(if column.letter.is_empty() {
        "A".into()
    } else {
        column.letter.clone()
    })
}

/// The column `name` of `table`, or the `missing` error with a did-you-mean hint.
pub(super) fn find_column<'t>(
    table: &'t Table,
    name: &str,
    missing: impl FnOnce() -> Diagnostic,
) -> Result<&'t Column, Diagnostic> {
    table.column(name).ok_or_else(|| {
        let d = missing();
        match crate::diag::closest(name, table.columns.iter().map(|c| c.key.as_str())) {
            Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
            None => d,
        }
    })
}

/// The snippets of a place of the manifest, over the rows of `table`.
pub(super) fn eval_for(
    loaded: &Loaded,
    place: &str,
    table: &Table,
    globals: &Map<String, Value>,
) -> Eval {
    Eval::new(
        &loaded.display,
        Some(place),
        matches!(table.kind, SourceKind::Spreadsheet | SourceKind::Csv),
    )
    .knowing(table, globals.keys().map(String::as_str))
}

/// Whether `name` is a source that loaded: the error of naming no source, or none at all when
/// its load failed (that failure is already reported).
pub(super) fn known_source(
    loaded: &Loaded,
    tables: &BTreeMap<String, Table>,
    name: &str,
    place: &str,
) -> Result<(), Vec<Diagnostic>> {
    if tables.contains_key(name) {
        Ok(())
    } else if loaded.manifest.sources.contains_key(name) {
        Err(Vec::new())
    } else {
        Err(vec![unknown_source(loaded, name, place)])
    }
}

/// The table a step changes (see [`known_source`]).
pub(super) fn table_of<'t>(
    loaded: &Loaded,
    tables: &'t mut BTreeMap<String, Table>,
    name: &str,
    place: &str,
) -> Result<&'t mut Table, Vec<Diagnostic>> {
    known_source(loaded, tables, name, place)?;
    Ok(tables.get_mut(name).expect("checked above"))
}

/// Adds `name` to the columns templates may use (a computed or joined field).
pub(super) fn add_column(table: &mut Table, name: &str) {
    if !table.columns.iter().any(|c| c.key == name) {
        table.columns.push(Column {
            header: name.to_string(),
            key: name.to_string(),
            letter: String::new(),
        });
    }
}

/// A share written `80%` or `66.67%`, as (numerator, denominator).
pub(super) fn parse_share(text: &str) -> Option<(u128, u128)> {
    let number = text.trim().strip_suffix('%')?.trim();
    let (whole, frac) = number.split_once(['.', ',']).unwrap_or((number, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
        || frac.len() > 6
    {
        return None;
    }
    let den = 100 * 10u128.pow(frac.len() as u32);
    let num = format!("{whole}{frac}").parse().ok()?;
    Some((num, den))
}

/// A cell's number: a number, or text holding a plain one (`12`, `4.5`).
pub(super) fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => crate::input::plain_number(s).and_then(|v| v.as_f64()),
        _ => None,
    }
}

/// A whole, non-negative count from a cell (a number or numeric text); `Ok(None)` when blank.
pub(super) fn count_cell(value: Option<&Value>) -> Result<Option<u64>, crate::diag::Message> {
    let value = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(v) => v,
    };
    match number(value) {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 1e9 => Ok(Some(n as u64)),
        _ => Err(msg!(
            "manifest-expected-whole-number-votes-found",
            value = crate::helpers::format_value(value).to_string()
        )),
    }
}
