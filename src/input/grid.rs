//! Spreadsheets and CSV files both become a grid of typed cells; one function turns a grid
//! into a [`Table`]: header row, columns, data rows, cell errors, legacy text.

use serde_json::{Map, Value};

use super::cells::{Cell, GridRow, Merge, Typed, column_letter, nfc};
use super::header;
use super::layout::{self, Kind};
use super::{
    CellError, Column, LoadOptions, Row, SourceKind, Table, legacy, numbers, slug, spaces,
};

/// The field a section heading (`I. VĂN PHÒNG SỞ`) is given to the rows under it in.
pub(crate) const SECTION: &str = "_muc";
use crate::diag::{Diagnostic, quote};

/// Builds the table from the rows of a sheet or CSV file (in row order).
pub(crate) fn build_table(
    display: &str,
    sheet: Option<String>,
    kind: SourceKind,
    mut rows: Vec<GridRow>,
    merges: &[Merge],
    typed: &Typed,
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
        typed: Default::default(),
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
        None => {
            match layout::header_row(&rows) {
                layout::Header::First(i) => i,
                layout::Header::BelowTitle(i) => {
                    let n = rows[i].number;
                    table.warnings.push(
                    Diagnostic::note(
                        place.clone(),
                        format!("row {n} is taken as the header row: the rows above it are a title"),
                    )
                    .with_hint(format!("give --header-row N to take another row (--header-row {n} says this one)")),
                );
                    i
                }
                layout::Header::Unknown(first) => {
                    return Err(vec![
                    Diagnostic::error(
                        place,
                        format!(
                            "cannot tell which row holds the column headers: row {first} and the rows under it do not look like a header over a table"
                        ),
                    )
                    .with_hint("give --header-row N, the number of the row of the column headers"),
                ]);
                }
            }
        }
    };
    // Rows above the header are not read at all.
    let mut rows = rows.split_off(header_index);
    let header_row = rows[0].number;
    if options.sub_header {
        header::given(&mut rows, merges, &place).map_err(|d| vec![d])?;
    } else if let Some(sub) = header::detect(&mut rows, merges) {
        table.warnings.push(Diagnostic::note(
            place.clone(),
            format!(
                "rows {header_row}-{sub} are a two-row header: a merged header over several columns is joined to the header under it (row {sub} is no record)"
            ),
        ));
    }

    for conversion in legacy::convert_rows(&mut rows, options.legacy) {
        if conversion.auto {
            table.warnings.push(conversion.warning(&place));
        }
    }

    if kind == SourceKind::Csv {
        let (head, data) = rows.split_at_mut(1);
        let notes = numbers::type_columns(
            data,
            |column| {
                let text = head[0].cell(column).header_text();
                (!text.is_empty()).then_some(text)
            },
            |column, row| table.cell_location(&column_letter(column), row),
        );
        table.warnings.extend(notes);
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
    let kinds = layout::classify(&rows[1..], used.len());
    let mut lookalikes = spaces::Lookalikes::default();
    let mut section: Option<String> = None;
    let mut sections = false;
    for (row, kind) in rows[1..].iter().zip(&kinds) {
        match kind {
            Kind::Record => {}
            Kind::Totals(word) => {
                table.notes_row(
                    row.number,
                    format!(
                        "row {} is a totals row ({}), not a record, so it is left out",
                        row.number,
                        quote(word)
                    ),
                );
                continue;
            }
            Kind::Section(text) => {
                table.notes_row(
                    row.number,
                    format!(
                        "row {} is a section heading ({}), not a record: the rows under it have it in the field '_muc'",
                        row.number,
                        quote(text)
                    ),
                );
                section = Some(text.clone());
                sections = true;
                continue;
            }
            Kind::Signature(text) => {
                if !text.is_empty() {
                    let last = rows
                        .iter()
                        .rev()
                        .find(|r| !r.is_blank())
                        .map_or(row.number, |r| r.number);
                    let which = if last == row.number {
                        format!("row {}", row.number)
                    } else {
                        format!("rows {}-{last}", row.number)
                    };
                    table.notes_row(
                        row.number,
                        format!(
                            "{which}: the signature block under the table ({}), not records, so they are left out",
                            quote(text)
                        ),
                    );
                }
                continue;
            }
        }
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
                Cell::Text(s) => {
                    // The text as typed, when only NFC changed it since it was read.
                    let as_typed = typed
                        .get(&(row.number, index))
                        .filter(|t| nfc(t) == *s)
                        .unwrap_or(s);
                    let value = spaces::tidy(s).unwrap_or_else(|| s.clone());
                    lookalikes.add(index, row.number, as_typed, &value);
                    if *as_typed != value {
                        table
                            .typed
                            .insert((column.key.clone(), row.number), as_typed.clone());
                    }
                    Value::String(value)
                }
                Cell::Date(s) => Value::String(s.clone()),
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
        if let Some(text) = &section {
            fields.insert(SECTION.to_string(), Value::String(text.clone()));
        }
        table.rows.push(Row {
            number: row.number,
            fields,
            errors: cell_errors,
            raw: None,
        });
    }
    let warnings = lookalikes.warnings(|letter, row| table.cell_location(letter, row));
    table.warnings.extend(warnings);
    if sections {
        // Rows above the first heading belong to no section.
        for row in &mut table.rows {
            row.fields
                .entry(SECTION)
                .or_insert_with(|| Value::String(String::new()));
        }
        table.columns.push(Column {
            header: SECTION.to_string(),
            key: SECTION.to_string(),
            letter: String::new(),
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

impl Table {
    /// A note at row `number` of this table.
    fn notes_row(&mut self, number: usize, message: String) {
        let location = self.row_location(number);
        self.warnings.push(Diagnostic::note(location, message));
    }
}
