//! Spreadsheets and CSV files both become a grid of typed cells; one function turns a grid
//! into a [`Table`]: header row, columns, data rows, cell errors, legacy text.

use crate::diag::msg;
use serde_json::{Map, Value};

use super::cells::{Cell, GridRow, column_letter, nfc};
use super::layout::{self, Kind};
use super::{
    CellError, Column, LoadOptions, Row, SourceKind, Table, legacy, numbers, slug, spaces,
};

/// A merged region of a sheet: (first row, first column, last row, last column), 0-based.
pub(crate) type Merge = (u32, u32, u32, u32);

/// A header over two rows: a header merged across several columns (`Điểm` over `Tự chấm`
/// and `Hội đồng`) in the header row, with headers under it in the next row. The header
/// row then holds the joined names (`Điểm Tự chấm`) and the row under it is removed; returns
/// its number. Columns outside the merged groups keep their own header.
fn two_row_header(rows: &mut Vec<GridRow>, merges: &[Merge]) -> Option<usize> {
    let header = rows[0].number;
    let groups: Vec<(usize, usize)> = merges
        .iter()
        .filter(|&&(top, left, bottom, right)| {
            top as usize + 1 == header && bottom == top && right > left
        })
        .map(|&(_, left, _, right)| (left as usize, right as usize))
        .collect();
    let sub = rows.get(1).filter(|r| r.number == header + 1)?;
    let under = |&(left, right): &(usize, usize)| {
        (left..=right).all(|c| matches!(sub.cell(c), Cell::Text(_)))
    };
    if groups.is_empty() || !groups.iter().all(under) {
        return None;
    }
    // The other headers of a two-row header are merged down over both rows (`STT`); a row
    // under a merged header whose other cells are not is a data row.
    let down = |column: usize| {
        merges.iter().any(|&(top, left, bottom, right)| {
            top as usize + 1 == header
                && bottom as usize + 1 > header
                && (left as usize..=right as usize).contains(&column)
        })
    };
    let in_group = |column: usize| groups.iter().any(|&(l, r)| (l..=r).contains(&column));
    let width = rows[0].cells.len().max(sub.cells.len());
    let others: Vec<usize> = (0..width)
        .filter(|&c| !in_group(c) && !rows[0].cell(c).is_blank())
        .collect();
    if others.is_empty() || !others.iter().all(|&c| down(c)) {
        return None;
    }
    let sub = rows.remove(1);
    for (left, right) in groups {
        let top = rows[0].cell(left).header_text();
        for column in left..=right {
            let joined = format!("{top} {}", sub.cell(column).header_text());
            let cells = &mut rows[0].cells;
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = Cell::text(joined.trim());
        }
    }
    Some(sub.number)
}

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
    if let Some(sub) = two_row_header(&mut rows, merges) {
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
                Cell::Text(s) => match spaces::tidy(s) {
                    Some(tidy) => {
                        lookalikes.add(index, row.number, s, &tidy);
                        Value::String(tidy)
                    }
                    None => {
                        lookalikes.add(index, row.number, s, s);
                        Value::String(s.clone())
                    }
                },
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
