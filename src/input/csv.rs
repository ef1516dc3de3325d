//! CSV files: UTF-8 with or without a BOM. Every cell is text except a plain decimal number
//! (`12`, `-4.5`, `0.25`; not `012`, `1e5`, `1,5` or ` 12`).

use std::path::Path;

use serde_json::Value;

use super::cells::{self, Cell, GridRow};
use super::grid;
use super::{LoadOptions, SourceKind, Table, read_error};
use crate::diag::Diagnostic;

pub(crate) fn load(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| vec![read_error(display, &e)])?;
    let mut table = parse(&bytes, display, options)?;
    if let Some(sheet) = &options.sheet {
        table.warnings.insert(
            0,
            Diagnostic::warning(
                display,
                format!("a CSV file has no sheets, so the sheet '{sheet}' is not looked for"),
            ),
        );
    }
    Ok(table)
}

fn parse(bytes: &[u8], display: &str, options: &LoadOptions) -> Result<Table, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    // Blank lines are rows too (Excel shows them), though the csv reader skips them.
    let (mut last_number, mut last_end_line) = (0usize, 0u64);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let location = match e.position() {
                    Some(p) => format!("{display}:line {}", p.line()),
                    None => display.to_string(),
                };
                return Err(vec![Diagnostic::error(
                    location,
                    format!("cannot read the CSV file: {}", e.to_string().to_lowercase()),
                )]);
            }
        }
        // The position is where the reader stood, before the blank lines it skipped.
        let line = match record.position() {
            Some(p) => {
                let skipped = usize::try_from(p.byte())
                    .ok()
                    .and_then(|start| bytes.get(start..))
                    .map_or(0, |rest| {
                        rest.iter()
                            .take_while(|&&b| b == b'\n' || b == b'\r')
                            .filter(|&&b| b == b'\n')
                            .count()
                    });
                p.line() + skipped as u64
            }
            None => last_end_line + 1,
        };
        let gap = line.saturating_sub(last_end_line + 1) as usize;
        let number = last_number + 1 + gap;
        let newlines: usize = record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
            .sum();
        last_number = number;
        last_end_line = line + newlines as u64;

        let mut cells = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let Ok(text) = std::str::from_utf8(field) else {
                return Err(vec![
                    Diagnostic::error(
                        format!("{display}:line {line}"),
                        format!(
                            "the file is not UTF-8 text (cell {}{number})",
                            cells::column_letter(column)
                        ),
                    )
                    .with_hint("in Excel, save it as 'CSV UTF-8 (Comma delimited)'"),
                ]);
            };
            cells.push(match number_cell(text) {
                Some(n) => Cell::Number(n),
                None => Cell::text(text),
            });
        }
        rows.push(GridRow { number, cells });
    }
    grid::build_table(display, None, SourceKind::Csv, rows, options)
}

/// `,` unless the first line has none but has `;` (Excel with a comma decimal separator, as
/// in Vietnam, writes `;`) or tabs.
fn delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes
        .split(|&b| b == b'\n')
        .find(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or(&[]);
    let (mut commas, mut semicolons, mut tabs) = (0, 0, 0);
    let mut quoted = false;
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if commas > 0 || (semicolons == 0 && tabs == 0) {
        b','
    } else if semicolons >= tabs {
        b';'
    } else {
        b'\t'
    }
}

/// A plain decimal number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`. Whole values become integers
/// (`12`, `3.0`), others floats; an integer too long for 64 bits stays text.
pub(crate) fn number_cell(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, fraction) = match unsigned.split_once('.') {
        Some((int, fraction)) => (int, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    match fraction {
        None => text.parse::<i64>().ok().map(Value::from),
        Some(fraction) if digits(fraction) => text.parse::<f64>().ok().map(cells::number_value),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_decimal_numbers_are_numbers() {
        for (text, value) in [
            ("12", Value::from(12)),
            ("-4.5", Value::from(-4.5)),
            ("0.25", Value::from(0.25)),
            ("0", Value::from(0)),
            ("3.0", Value::from(3)),
            ("1207", Value::from(1207)),
        ] {
            assert_eq!(number_cell(text), Some(value), "{text:?}");
        }
        for text in [
            "012",
            "0109876543",
            "1e5",
            "1,5",
            " 12",
            "12 ",
            "+5",
            ".5",
            "5.",
            "-",
            "",
            "1.2.3",
            "12345678901234567890",
            "١٢",
        ] {
            assert_eq!(number_cell(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_delimiter_is_a_comma_unless_the_header_uses_semicolons_or_tabs() {
        assert_eq!(delimiter(b"a,b;c\n1;2"), b',');
        assert_eq!(delimiter(b"\n\na;b;c\n"), b';');
        assert_eq!(delimiter(b"a\tb\n"), b'\t');
        assert_eq!(delimiter(b"\"x;y\",z"), b',');
        assert_eq!(delimiter(b"only"), b',');
        assert_eq!(delimiter(b""), b',');
    }
}
