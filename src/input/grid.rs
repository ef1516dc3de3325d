//! Spreadsheets and CSV files both become a grid of typed cells; one function turns a grid
//! into a [`Table`]: header row, columns, data rows, cell errors, legacy text.

use serde_json::{Map, Number, Value};
use unicode_normalization::UnicodeNormalization;

use super::{CellError, Column, LoadOptions, Row, SourceKind, Table, legacy, slug};
use crate::diag::{Diagnostic, quote};

/// One cell as read, before it becomes a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    /// NFC text, never empty.
    Text(String),
    Number(Value),
    Bool(bool),
    /// Already formatted: `31/10/2025`, `08:30`.
    Date(String),
    /// An Excel error value as Excel shows it: `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub(crate) fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(nfc(s))
        }
    }

    /// Empty, or text of white space only.
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text a header cell gives.
    fn header_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => s.trim().to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

/// A sheet row (or CSV record) that has at least one cell; `cells` is indexed by the
/// absolute 0-based column.
#[derive(Debug, Clone)]
pub(crate) struct GridRow {
    /// 1-based sheet row number.
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl GridRow {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

pub(crate) fn nfc(s: &str) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// NFC in place: most text already is, and then nothing is copied.
pub(crate) fn into_nfc(s: String) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// A number as a JSON value: whole numbers within ±2^53 as integers, others as floats;
/// a value JSON cannot hold (NaN, infinity) as its text.
pub(crate) fn number_value(x: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() <= EXACT {
        return Value::from(x as i64);
    }
    Number::from_f64(x).map_or_else(|| Value::String(x.to_string()), Value::Number)
}

/// Excel column letters for a 0-based column: 0 `A`, 25 `Z`, 26 `AA`.
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// Builds the table from the rows of a sheet or CSV file (in row order).
pub(crate) fn build_table(
    display: &str,
    sheet: Option<String>,
    kind: SourceKind,
    mut rows: Vec<GridRow>,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let place = match &sheet {
        Some(name) => format!("{display}:{name}"),
        None => display.to_string(),
    };
    let what = match &sheet {
        Some(name) => format!("the sheet {}", quote(name)),
        None => "the file".to_string(),
    };
    let mut table = Table {
        source: display.to_string(),
        sheet,
        kind,
        columns: Vec::new(),
        rows: Vec::new(),
        warnings: Vec::new(),
        raw: None,
    };

    let last_row = rows.iter().rev().find(|r| !r.is_blank()).map(|r| r.number);
    let Some(last_row) = last_row else {
        return Err(vec![
            Diagnostic::error(place, format!("{what} is empty"))
                .with_hint("put a header row and data rows in it"),
        ]);
    };
    let header_index = match options.header_row {
        Some(0) => {
            return Err(vec![Diagnostic::error(
                place,
                "header row 0 does not exist: rows are numbered from 1",
            )]);
        }
        Some(n) if n > last_row => {
            return Err(vec![
                Diagnostic::error(
                    place,
                    format!(
                        "header row {n} is below the data: the last row with data is {last_row}"
                    ),
                )
                .with_hint(format!("give a header row between 1 and {last_row}")),
            ]);
        }
        Some(n) => match rows.iter().position(|r| r.number == n && !r.is_blank()) {
            Some(i) => i,
            None => {
                return Err(vec![
                    Diagnostic::error(place, format!("header row {n} is empty"))
                        .with_hint("give the number of the row that holds the column headers"),
                ]);
            }
        },
        // A non-blank last row exists, so a first non-blank row does too.
        None => rows.iter().position(|r| !r.is_blank()).unwrap_or(0),
    };
    // Rows above the header are not read at all.
    let mut rows = rows.split_off(header_index);
    let header_row = rows[0].number;

    for conversion in legacy::convert_rows(&mut rows, options.legacy) {
        if conversion.auto {
            table.warnings.push(conversion.warning(&place));
        }
    }

    // Columns.
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut errors = Vec::new();
    let mut used: Vec<(usize, usize)> = Vec::new(); // (grid column, index in table.columns)
    let mut unheaded: Vec<usize> = Vec::new();
    for index in 0..width {
        let header = nfc(&rows[0].cell(index).header_text());
        let letter = column_letter(index);
        if header.is_empty() {
            unheaded.push(index);
            continue;
        }
        let key = slug::slugify(&header);
        if key.is_empty() {
            table.warnings.push(
                Diagnostic::warning(
                    table.cell_location(&letter, header_row),
                    format!(
                        "header {} gives no field name, so column {letter} is ignored",
                        quote(&header)
                    ),
                )
                .with_hint("give the column a header with letters or digits"),
            );
            continue;
        }
        if let Some(first) = table.columns.iter().find(|c| c.key == key) {
            errors.push(
                Diagnostic::error(
                    table.cell_location(&letter, header_row),
                    format!(
                        "header {} gives the same field name {} as {} in column {}",
                        quote(&header),
                        quote(&key),
                        quote(&first.header),
                        first.letter
                    ),
                )
                .with_hint("rename one of the two columns"),
            );
            continue;
        }
        used.push((index, table.columns.len()));
        table.columns.push(Column {
            header,
            key,
            letter,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if table.columns.is_empty() {
        return Err(vec![
            Diagnostic::error(
                table.row_location(header_row),
                format!("row {header_row} gives no field names: its cells hold no headers"),
            )
            .with_hint("give the number of the row that holds the column headers"),
        ]);
    }

    // Data rows. Each row's own cells are looked at, never the whole width of the sheet for
    // every row: one cell far to the right must not cost a pass over its column per row.
    let mut unheaded_data: Vec<Option<usize>> = vec![None; width];
    let mut is_unheaded = vec![false; width];
    for &index in &unheaded {
        is_unheaded[index] = true;
    }
    for row in &rows[1..] {
        for (index, cell) in row.cells.iter().enumerate() {
            if is_unheaded[index] && unheaded_data[index].is_none() && !cell.is_blank() {
                unheaded_data[index] = Some(row.number);
            }
        }
        if used.iter().all(|&(index, _)| row.cell(index).is_blank()) {
            continue;
        }
        let mut fields = Map::new();
        let mut cell_errors = Vec::new();
        for &(index, column) in &used {
            let column = &table.columns[column];
            let value = match row.cell(index) {
                Cell::Empty => Value::String(String::new()),
                Cell::Text(s) | Cell::Date(s) => Value::String(s.clone()),
                Cell::Number(n) => n.clone(),
                Cell::Bool(b) => Value::Bool(*b),
                Cell::Error(e) => {
                    cell_errors.push(CellError {
                        key: column.key.clone(),
                        location: table.cell_location(&column.letter, row.number),
                        value: e.clone(),
                    });
                    Value::String(String::new())
                }
            };
            fields.insert(column.key.clone(), value);
        }
        table.rows.push(Row {
            number: row.number,
            fields,
            errors: cell_errors,
            raw: None,
        });
    }
    for &index in &unheaded {
        if let Some(number) = unheaded_data[index] {
            let letter = column_letter(index);
            table.warnings.push(
                Diagnostic::warning(
                    table.cell_location(&letter, number),
                    format!("column {letter} holds data but has no header, so it is ignored"),
                )
                .with_hint(format!(
                    "give it a header in row {header_row} to use it in templates"
                )),
            );
        }
    }
    if table.rows.is_empty() {
        // Not an error (a sheet may be empty this month), but never silent: zero documents
        // usually means the wrong sheet or header row.
        table.warnings.push(
            Diagnostic::warning(
                place,
                format!("{what} has headers in row {header_row} but no data rows below them"),
            )
            .with_hint("check --sheet and --header-row, or fill in the data"),
        );
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        for (index, letters) in [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            assert_eq!(column_letter(index), letters);
        }
    }

    #[test]
    fn whole_numbers_become_integers_and_others_stay_floats() {
        assert_eq!(number_value(1207.0), Value::from(1207));
        assert_eq!(number_value(-4.0), Value::from(-4));
        assert_eq!(number_value(8.5), Value::from(8.5));
        assert_eq!(number_value(-0.0), Value::from(0));
        assert_eq!(
            number_value(9_007_199_254_740_992.0),
            Value::from(9_007_199_254_740_992_i64)
        );
        assert!(number_value(1e300).is_f64());
        assert_eq!(number_value(f64::NAN), Value::String("NaN".into()));
    }
}
