//! Spreadsheets and CSV files both become a grid of typed cells; one function turns a grid
//! into a [`Table`]: header row, columns, data rows, cell errors, legacy text.

use crate::diag::msg;
use serde_json::{Map, Value};

use super::cells::{Cell, GridRow, Merge, Typed, column_letter, nfc};
use super::header;
use super::layout::{self, Kind};
use super::{
    CellError, Column, LoadOptions, Row, SourceKind, Table, legacy, numbers, slug, spaces,
};

/// The field a section heading (`I. VĂN PHÒNG SỞ`) is given to the rows under it in.
pub(crate) const SECTION: &str = "_muc";
use crate::diag::Diagnostic;

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
        Some(name) => msg!("input-the-sheet", name = name),
        None => msg!("input-the-file"),
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
            Diagnostic::error(place, msg!("input-empty", what = &what))
                .with_hint(msg!("input-put-header-row-data-rows")),
        ]);
    };
    let header_index = match options.header_row {
        Some(0) => {
            return Err(vec![Diagnostic::error(
                place,
                msg!("input-header-row-0-does-not"),
            )]);
        }
        Some(n) if n > last_row => {
            return Err(vec![
                Diagnostic::error(
                    place,
                    msg!(
                        "input-header-row-below-data-last",
                        n = n.to_string(),
                        last_row = last_row.to_string()
                    ),
                )
                .with_hint(msg!(
                    "input-give-header-row-between-1",
                    last_row = last_row.to_string()
                )),
            ]);
        }
        Some(n) => match rows.iter().position(|r| r.number == n && !r.is_blank()) {
            Some(i) => i,
            None => {
                return Err(vec![
                    Diagnostic::error(place, msg!("input-header-row-empty", n = n.to_string()))
                        .with_hint(msg!("input-give-number-row-that-holds")),
                ]);
            }
        },
        None => match layout::header_row(&rows) {
            layout::Header::First(i) => i,
            layout::Header::BelowTitle(i) => {
                let n = rows[i].number;
                table.warnings.push(
                    Diagnostic::note(
                        place.clone(),
                        msg!("input-row-taken-header-row-rows", n = n.to_string()),
                    )
                    .with_hint(msg!("input-give-header-row-n-take", n = n.to_string())),
                );
                i
            }
            layout::Header::Unknown(first) => {
                return Err(vec![
                    Diagnostic::error(
                        place,
                        msg!(
                            "input-cannot-tell-which-row-holds",
                            first = first.to_string()
                        ),
                    )
                    .with_hint(msg!("input-give-header-row-n-number")),
                ]);
            }
        },
    };
    // Rows above the header are not read at all.
    let mut rows = rows.split_off(header_index);
    let header_row = rows[0].number;
    if options.sub_header {
        header::given(&mut rows, merges, &place).map_err(|d| vec![d])?;
    } else if let Some(sub) = header::detect(&mut rows, merges) {
        table.warnings.push(Diagnostic::note(
            place.clone(),
            msg!(
                "input-rows-two-row-header-merged",
                header_row = header_row.to_string(),
                sub = sub.to_string()
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
                    msg!(
                        "input-header-gives-no-field-name",
                        header = &header.to_string(),
                        letter = letter.to_string()
                    ),
                )
                .with_hint(msg!("input-give-column-header-with-letters")),
            );
            continue;
        }
        if let Some(first) = table.columns.iter().find(|c| c.key == key) {
            errors.push(
                Diagnostic::error(
                    table.cell_location(&letter, header_row),
                    msg!(
                        "input-header-gives-same-field-name",
                        header = &header.to_string(),
                        key = &key.to_string(),
                        header2 = &first.header.to_string(),
                        letter = first.letter.to_string()
                    ),
                )
                .with_hint(msg!("input-rename-one-two-columns")),
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
                msg!(
                    "input-row-gives-no-field-names",
                    header_row = header_row.to_string()
                ),
            )
            .with_hint(msg!("input-give-number-row-that-holds")),
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
                    msg!(
                        "input-row-totals-row-not-record",
                        number = row.number.to_string(),
                        word = word.to_string()
                    ),
                );
                continue;
            }
            Kind::Section(text) => {
                table.notes_row(
                    row.number,
                    msg!(
                        "input-row-section-heading-not-record",
                        number = row.number.to_string(),
                        text = text.to_string()
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
                        msg!("input-row", number = row.number.to_string())
                    } else {
                        msg!(
                            "input-rows",
                            number = row.number.to_string(),
                            last = last.to_string()
                        )
                    };
                    table.notes_row(
                        row.number,
                        msg!(
                            "input-signature-block-under-table-not",
                            which = which,
                            text = text.to_string()
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
                    msg!(
                        "input-column-holds-data-but-has",
                        letter = letter.to_string()
                    ),
                )
                .with_hint(msg!(
                    "input-give-header-row-use-templates",
                    header_row = header_row.to_string()
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
                msg!(
                    "input-has-headers-row-but-no",
                    what = &what,
                    header_row = header_row.to_string()
                ),
            )
            .with_hint(msg!("input-check-sheet-header-row-fill")),
        );
    }
    Ok(table)
}

impl Table {
    /// A note at row `number` of this table.
    fn notes_row(&mut self, number: usize, message: crate::diag::Message) {
        let location = self.row_location(number);
        self.warnings.push(Diagnostic::note(location, message));
    }
}
