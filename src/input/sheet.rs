//! Workbooks (`.xlsx .xlsm .xls .xlsb .ods`) through calamine. Formula cells are read by the
//! values the spreadsheet program cached.

use crate::diag::msg;
use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, Ods, OdsError, Range, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook};
use unicode_normalization::UnicodeNormalization;

use super::cells::{self, Cell, GridRow};
use super::formats::{self, Shown};
use super::grid;
use super::hidden::{self, Hidden};
use super::ods_formats;
use super::{LoadOptions, SourceKind, Table, dates, read_error};
use super::{xls_formats, xlsb_formats};
use crate::diag::{Diagnostic, quote};

type Workbook = Sheets<BufReader<File>>;

pub(crate) fn load(
    path: &Path,
    display: &str,
    extension: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    if let Err(e) = std::fs::metadata(path).and_then(|m| {
        if m.is_dir() {
            Err(std::io::Error::from(std::io::ErrorKind::IsADirectory))
        } else {
            Ok(())
        }
    }) {
        return Err(vec![read_error(display, &e)]);
    }
    // calamine has panicked on damaged files before (an overflow on a column of 51 letters,
    // found by fuzzing); a damaged file is a message, not a crash, and the panic's own text
    // is not printed.
    quiet_caught_panics();
    QUIET.set(true);
    let read = catch_unwind(AssertUnwindSafe(|| read(path, display, extension, options)));
    QUIET.set(false);
    match read {
        Ok(result) => result,
        Err(_) => Err(vec![
            Diagnostic::error(display, msg!("input-cannot-read-workbook-file-damaged"))
                .with_hint(msg!("input-open-excel-libreoffice-save-again")),
        ]),
    }
}

thread_local! {
    /// Set while calamine runs on this thread: its panics are caught and reported as a
    /// damaged file, so the panic hook stays silent.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs, once, a panic hook that is silent on a thread reading a workbook and otherwise
/// does what the hook before it did.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.get() {
                previous(info);
            }
        }));
    });
}

fn read(
    path: &Path,
    display: &str,
    extension: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    if let Some(what) = foreign_text(path) {
        return Err(vec![
            Diagnostic::error(
                display,
                msg!(
                    "input-cannot-read-workbook-with-name",
                    what = what,
                    extension = extension.to_string()
                ),
            )
            .with_hint(msg!("input-open-excel-libreoffice-calc-save")),
        ]);
    }
    let mut workbook =
        open(path, extension).map_err(|e| vec![workbook_error(display, path, &e)])?;
    let names = workbook.sheet_names();
    let mut notes = Vec::new();
    let sheet = match &options.sheet {
        None => match first_visible(&workbook) {
            Some(first) => {
                if names.first().is_some_and(|n| *n != first) {
                    let hidden: Vec<String> = names
                        .iter()
                        .take_while(|n| **n != first)
                        .map(|n| quote(n))
                        .collect();
                    notes.push(
                        Diagnostic::note(
                            display,
                            msg!(
                                "input-sheet-read-before-hidden",
                                first = &first.to_string(),
                                hidden = hidden.join(", "),
                                count = hidden.len()
                            ),
                        )
                        .with_hint(msg!("input-give-sheet-name-read-another")),
                    );
                }
                first
            }
            None => {
                return Err(vec![Diagnostic::error(
                    display,
                    msg!("input-workbook-has-no-sheets"),
                )]);
            }
        },
        Some(wanted) => {
            let wanted_nfc: String = wanted.trim().nfc().collect();
            let found = names
                .iter()
                .find(|n| **n == *wanted)
                .or_else(|| names.iter().find(|n| n.nfc().eq(wanted_nfc.chars())));
            match found {
                Some(name) => name.clone(),
                None => {
                    let list = names
                        .iter()
                        .map(|n| quote(n))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let hint = match names.len() {
                        0 => msg!("input-workbook-has-no-sheets"),
                        1 => msg!("input-workbook-has-one-sheet", list = list.to_string()),
                        _ => msg!("input-workbook-has-sheets", list = list.to_string()),
                    };
                    return Err(vec![
                        Diagnostic::error(
                            display,
                            msg!("input-no-sheet", wanted = wanted.to_string()),
                        )
                        .with_hint(hint),
                    ]);
                }
            }
        }
    };
    let mut uncached = Vec::new();
    let mut typed = cells::Typed::new();
    let rows = sheet_rows(&mut workbook, &sheet, display, &mut uncached, &mut typed)
        .map_err(|e| e.unwrap_or_else(|e| vec![workbook_error(display, path, &e)]))?;
    let mut rows = rows;
    // Number formats, hidden rows and merges calamine does not expose, read from the file.
    // The merges of `.ods` and `.xlsb`, which calamine does not read.
    let mut ods_merges = Vec::new();
    let (shown, hidden) = match &workbook {
        Sheets::Ods(_) => {
            let ods = ods_formats::read(path, &sheet);
            ods_merges = ods.merges;
            (Some(ods.shown), Some(ods.hidden))
        }
        Sheets::Xls(_) => {
            let xls = xls_formats::read(path, &sheet);
            (Some(xls.shown), Some(xls.hidden))
        }
        Sheets::Xlsb(_) => {
            let xlsb = xlsb_formats::read(path, &sheet);
            ods_merges = xlsb.merges;
            (Some(xlsb.shown), Some(xlsb.hidden))
        }
        Sheets::Xlsx(_) => (None, hidden::read(path, &sheet)),
    };
    if let Some(shown) = shown.filter(|s| !s.is_empty()) {
        for row in &mut rows {
            let r = u32::try_from(row.number - 1).unwrap_or(u32::MAX);
            for (c, cell) in row.cells.iter_mut().enumerate() {
                if let Cell::Number(n) = &*cell
                    && let Some(&s) = u32::try_from(c).ok().and_then(|c| shown.get(&(r, c)))
                    && let Some(x) = n.as_f64()
                {
                    *cell = formats::apply(s, x);
                }
            }
        }
    }
    let rows = match hidden {
        Some(hidden) => apply_hidden(
            rows,
            &hidden,
            options.keep_filtered,
            &format!("{display}:{sheet}"),
            &mut notes,
        ),
        None => rows,
    };
    let merges = match workbook {
        Sheets::Ods(_) | Sheets::Xlsb(_) => ods_merges,
        _ => merged_regions(&mut workbook, &sheet),
    };
    let rows = fill_merged_down(rows, &merges);
    let mut table = grid::build_table(
        display,
        Some(sheet),
        SourceKind::Spreadsheet,
        rows,
        &merges,
        &typed,
        options,
    )?;
    warn_uncached(&mut table, &uncached);
    table.warnings.splice(0..0, notes);
    Ok(table)
}

/// `5, 8 and 12`, at most ten numbers.
fn listed(numbers: &[String]) -> String {
    const LISTED: usize = 10;
    let shown = &numbers[..numbers.len().min(LISTED)];
    let mut text = match shown {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if numbers.len() > LISTED {
        text = format!("{} and {} more", shown.join(", "), numbers.len() - LISTED);
    }
    text
}

/// Rows hidden by an active AutoFilter are left out (the clerk's list is what the filter
/// shows), unless `keep_filtered`; rows and columns hidden by hand are kept. Either way a
/// note names them.
fn apply_hidden(
    rows: Vec<GridRow>,
    hidden: &Hidden,
    keep_filtered: bool,
    place: &str,
    notes: &mut Vec<Diagnostic>,
) -> Vec<GridRow> {
    let with_cells: std::collections::HashSet<usize> = rows.iter().map(|r| r.number).collect();
    let hidden_rows: Vec<usize> = hidden
        .rows
        .iter()
        .copied()
        .filter(|n| with_cells.contains(n))
        .collect();
    let numbers: Vec<String> = hidden_rows.iter().map(usize::to_string).collect();
    let mut rows = rows;
    if !numbers.is_empty() {
        let noun = if numbers.len() == 1 { "row" } else { "rows" };
        if hidden.filtered && keep_filtered {
            notes.push(Diagnostic::note(
                place,
                msg!(
                    "input-hidden-autofilter-kept",
                    noun = noun,
                    numbers = listed(&numbers)
                ),
            ));
        } else if hidden.filtered {
            let left_out: std::collections::HashSet<usize> = hidden_rows.iter().copied().collect();
            rows.retain(|r| !left_out.contains(&r.number));
            notes.push(
                Diagnostic::note(
                    place,
                    msg!(
                        "input-hidden-sheet-s-autofilter-left",
                        noun = noun,
                        numbers = listed(&numbers)
                    ),
                )
                .with_hint(msg!("input-read-every-row-clear-filter")),
            );
        } else {
            notes.push(Diagnostic::note(
                place,
                msg!(
                    "input-hidden-sheet-read-like-others",
                    noun = noun,
                    numbers = listed(&numbers)
                ),
            ));
        }
    }
    if !hidden.columns.is_empty() {
        let columns: Vec<String> = hidden
            .columns
            .iter()
            .map(|&(first, last)| {
                if first == last {
                    cells::column_letter(first)
                } else {
                    format!(
                        "{}-{}",
                        cells::column_letter(first),
                        cells::column_letter(last)
                    )
                }
            })
            .collect();
        let one = hidden.columns.len() == 1 && hidden.columns[0].0 == hidden.columns[0].1;
        let noun = if one { "column" } else { "columns" };
        notes.push(Diagnostic::note(
            place,
            msg!(
                "input-hidden-sheet-read-like-others-2",
                noun = noun,
                columns = listed(&columns)
            ),
        ));
    }
    rows
}

/// Whether a sheet is a worksheet the clerk sees (not hidden, not a chart).
fn is_visible_worksheet(sheet: &calamine::Sheet) -> bool {
    sheet.visible == calamine::SheetVisible::Visible && sheet.typ == calamine::SheetType::WorkSheet
}

/// The first visible worksheet (as Excel opens the workbook on), else the first sheet.
fn first_visible(workbook: &Workbook) -> Option<String> {
    let sheets = workbook.sheets_metadata();
    sheets
        .iter()
        .find(|s| is_visible_worksheet(s))
        .or_else(|| sheets.first())
        .map(|s| s.name.clone())
}

/// The visible worksheets of a workbook, in order (the first is the one read when no sheet is
/// named); none for CSV, JSON or a file that does not open.
pub fn visible_sheets(path: &Path) -> Vec<String> {
    calamine::open_workbook_auto(path)
        .map(|book| {
            book.sheets_metadata()
                .iter()
                .filter(|s| is_visible_worksheet(s))
                .map(|s| s.name.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The merged regions of a sheet, where calamine reads them (`.xlsx`, `.xls`; those of
/// `.ods` come from [`ods_formats`]): (first row, first column, last row, last column), 0-based.
fn merged_regions(workbook: &mut Workbook, sheet: &str) -> Vec<cells::Merge> {
    let regions = match workbook {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    regions
        .into_iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect()
}

/// A value merged down a block of rows (a unit's name beside its people) belongs to every
/// row of the block, as the clerk sees it: it is copied down the block's first column.
/// Never past the last row that holds a cell, so a damaged region costs nothing.
fn fill_merged_down(mut rows: Vec<GridRow>, regions: &[cells::Merge]) -> Vec<GridRow> {
    let Some(last) = rows.last().map(|r| r.number) else {
        return rows;
    };
    for &(top, column, bottom, _) in regions {
        let (top, column) = (top as usize + 1, column as usize);
        let bottom = (bottom as usize + 1).min(last);
        if bottom <= top {
            continue;
        }
        let Ok(at) = rows.binary_search_by_key(&top, |r| r.number) else {
            continue;
        };
        let value = rows[at].cell(column).clone();
        if value.is_blank() {
            continue;
        }
        for number in top + 1..=bottom {
            let i = match rows.binary_search_by_key(&number, |r| r.number) {
                Ok(i) => i,
                Err(i) => {
                    rows.insert(
                        i,
                        GridRow {
                            number,
                            cells: Vec::new(),
                        },
                    );
                    i
                }
            };
            let row = &mut rows[i];
            if row.cells.len() <= column {
                row.cells.resize(column + 1, Cell::Empty);
            }
            if row.cells[column].is_blank() {
                row.cells[column] = value.clone();
            }
        }
    }
    rows
}

/// A formula cell with no saved value (a workbook written by a program that does not
/// calculate, never opened in Excel or LibreOffice) reads as empty: one warning per column,
/// at its first such cell of the data.
fn warn_uncached(table: &mut Table, uncached: &[(u32, u32)]) {
    let data_rows: std::collections::HashSet<usize> = table.rows.iter().map(|r| r.number).collect();
    let mut columns: std::collections::BTreeMap<u32, (usize, usize)> = Default::default();
    for &(row, column) in uncached {
        let number = row as usize + 1;
        if data_rows.contains(&number) {
            let entry = columns.entry(column).or_insert((number, 0));
            entry.0 = entry.0.min(number);
            entry.1 += 1;
        }
    }
    for (column, (first, count)) in columns {
        let more = match count {
            1 => msg!("empty"),
            n => msg!("input-and-more-in-column", count = n - 1),
        };
        let location = table.cell_location(&cells::column_letter(column as usize), first);
        table.warnings.push(
            Diagnostic::warning(
                location,
                msg!("input-cell-holds-formula-with-no", more = more),
            )
            .with_hint(msg!("input-open-workbook-excel-libreoffice-save")),
        );
    }
}

/// The rows of a sheet. Workbooks that can be read cell by cell (`.xlsx`, `.xlsb`) are, so
/// that memory follows the cells there are, not the rectangle around them: calamine's
/// `worksheet_range` fills that rectangle, and a sheet with a cell in `A1` and one in
/// `XFD1048576` would ask for 17 billion cells (550 GB) and abort.
/// Fails with calamine's error, or with our own problems (`Ok`).
fn sheet_rows(
    workbook: &mut Workbook,
    sheet: &str,
    display: &str,
    uncached: &mut Vec<(u32, u32)>,
    typed: &mut cells::Typed,
) -> Result<Vec<GridRow>, Result<Vec<Diagnostic>, calamine::Error>> {
    use calamine::{Error as E, XlsxError};
    let mut cells: Vec<((u32, u32), Cell)> = Vec::new();
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = match xlsx.worksheet_cells_reader(sheet) {
                Ok(reader) => reader,
                // A chart sheet: no cells, as calamine's own range reader has it.
                Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
                Err(e) => return Err(Err(E::Xlsx(e))),
            };
            let palette: Vec<Shown> = reader
                .styles()
                .iter()
                .map(|style| {
                    style
                        .number_format
                        .as_ref()
                        .map_or(Shown::Plain, |f| formats::classify(&f.format_code))
                })
                .collect();
            while let Some(found) = reader
                .next_cell_with_formula_metadata()
                .map_err(|e| Err(E::Xlsx(e)))?
            {
                if found.formula.is_some() && found.value == calamine::DataRef::Empty {
                    uncached.push(found.pos);
                }
                push_cell(&mut cells, typed, found.pos, &Data::from(found.value));
            }
            drop(reader);
            // Number formats that change what a cell shows: a second, cheap pass over the
            // cells' style ids, only when the workbook has such a format at all.
            if palette.iter().any(|s| *s != Shown::Plain) {
                let mut shown = std::collections::HashMap::new();
                let mut reader = xlsx
                    .worksheet_cells_reader(sheet)
                    .map_err(|e| Err(E::Xlsx(e)))?;
                while let Some((row, column, id)) =
                    reader.next_style_id().map_err(|e| Err(E::Xlsx(e)))?
                {
                    if let Some(&s) = palette.get(id).filter(|s| **s != Shown::Plain) {
                        shown.insert((row, column), s);
                    }
                }
                if !shown.is_empty() {
                    for (position, cell) in &mut cells {
                        if let (Some(&s), Cell::Number(n)) = (shown.get(position), &*cell)
                            && let Some(x) = n.as_f64()
                        {
                            *cell = formats::apply(s, x);
                        }
                    }
                }
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(sheet)
                .map_err(|e| Err(E::Xlsb(e)))?;
            while let Some(found) = reader.next_cell().map_err(|e| Err(E::Xlsb(e)))? {
                push_cell(
                    &mut cells,
                    typed,
                    found.get_position(),
                    &Data::from(found.get_value().clone()),
                );
            }
        }
        other => {
            let range = other.worksheet_range(sheet).map_err(Err)?;
            let rows = grid_rows(&range, typed);
            let widths = rows.iter().map(|r| (r.number, r.cells.len()));
            check_size(widths, display, sheet).map_err(Ok)?;
            return Ok(rows);
        }
    }
    // Cells come in sheet order from Excel; sort them all the same, keeping the last of a
    // cell written twice, as calamine's range does.
    cells.sort_by_key(|&(position, _)| position);
    // A cell past XFD1048576 is no cell of Excel's (a damaged or made-up file); it would also
    // make one row alone take gigabytes.
    if let Some(&((row, column), _)) = cells
        .iter()
        .find(|((row, column), _)| *row >= MAX_ROWS || *column >= MAX_COLUMNS)
    {
        return Err(Ok(vec![
            Diagnostic::error(
                format!("{display}:{sheet}"),
                msg!(
                    "input-cannot-read-workbook-file-damaged-2",
                    row = u64::from(row) + 1,
                    column = u64::from(column) + 1
                ),
            )
            .with_hint(msg!("input-open-excel-libreoffice-save-again")),
        ]));
    }
    // Each row's width, before any row is laid out.
    let mut widths: Vec<(usize, usize)> = Vec::new();
    for &((row, column), _) in &cells {
        let (number, width) = (row as usize + 1, column as usize + 1);
        match widths.last_mut() {
            Some(last) if last.0 == number => last.1 = last.1.max(width),
            _ => widths.push((number, width)),
        }
    }
    check_size(widths.into_iter(), display, sheet).map_err(Ok)?;
    let mut rows: Vec<GridRow> = Vec::new();
    for (i, ((row, column), cell)) in cells.iter().enumerate() {
        if cells
            .get(i + 1)
            .is_some_and(|(next, _)| next == &(*row, *column))
        {
            continue;
        }
        let number = *row as usize + 1;
        let column = *column as usize;
        if rows.last().is_none_or(|r| r.number != number) {
            rows.push(GridRow {
                number,
                cells: Vec::new(),
            });
        }
        if let Some(r) = rows.last_mut() {
            if r.cells.len() <= column {
                r.cells.resize(column + 1, Cell::Empty);
            }
            r.cells[column] = cell.clone();
        }
    }
    Ok(rows)
}

/// Excel's grid: 1,048,576 rows and 16,384 columns (`XFD`).
const MAX_ROWS: u32 = 1 << 20;
const MAX_COLUMNS: u32 = 1 << 14;

/// The most cells the rows of a sheet may hold, counting the empty ones before the last cell
/// of each row: 16 Mi cells (about a gigabyte), e.g. 1,048,576 rows of 16 columns.
pub(crate) const MAX_GRID_CELLS: usize = 1 << 24;

/// Refuses a sheet whose rows would take more memory than any real table needs: stray cells
/// far to the right on many rows (a column `XFD` filled down) would otherwise fill gigabytes
/// with empty cells. `widths`: (row number, index of its last cell + 1), in row order.
fn check_size(
    widths: impl Iterator<Item = (usize, usize)>,
    display: &str,
    sheet: &str,
) -> Result<(), Vec<Diagnostic>> {
    let (mut total, mut widest, mut last) = (0usize, 0usize, 0usize);
    for (number, width) in widths {
        total = total.saturating_add(width);
        widest = widest.max(width);
        last = number;
    }
    if total <= MAX_GRID_CELLS {
        return Ok(());
    }
    Err(vec![
        Diagnostic::error(
            format!("{display}:{sheet}"),
            msg!(
                "input-sheet-too-large-read-cells",
                column = cells::column_letter(widest.saturating_sub(1)).to_string(),
                last = last.to_string()
            ),
        )
        .with_hint(msg!("input-delete-rows-columns-past-table")),
    ])
}

fn push_cell(
    cells: &mut Vec<((u32, u32), Cell)>,
    typed: &mut cells::Typed,
    position: (u32, u32),
    data: &Data,
) {
    if let Data::String(s) = data {
        cells::keep_typed(typed, position.0 as usize + 1, position.1 as usize, s);
    }
    let cell = cell(data);
    if cell != Cell::Empty {
        cells.push((position, cell));
    }
}

/// Opens with the reader the extension names; a file whose extension lies (an `.xls` that is
/// really `.xlsx`) is opened with the reader that fits. The error is the first reader's.
fn open(path: &Path, extension: &str) -> Result<Workbook, calamine::Error> {
    let primary = match extension {
        "xls" | "xlsb" | "ods" => extension,
        _ => "xlsx",
    };
    match open_as(path, primary) {
        Ok(workbook) => Ok(workbook),
        Err(e) if is_password(&e) => Err(e),
        Err(e) => ["xlsx", "xls", "ods", "xlsb"]
            .into_iter()
            .filter(|format| *format != primary)
            .find_map(|format| open_as(path, format).ok())
            .ok_or(e),
    }
}

/// What [`ods_content_is_damaged`] reports through calamine's error type.
const CUT_SHORT: &str = "content.xml";

/// Whether an OpenDocument file's `content.xml` is cut short or not well-formed. calamine
/// 0.38 reads a table until its end tag and never stops at the end of the file, so such a
/// file would make it loop forever; it is refused before calamine sees it. A file that is no
/// zip, or has no `content.xml`, is left to calamine to describe.
fn ods_content_is_damaged(path: &Path) -> bool {
    use quick_xml::events::Event;
    let Ok(mut zip) = File::open(path)
        .map(BufReader::new)
        .map(zip::ZipArchive::new)
    else {
        return false;
    };
    let Ok(zip) = zip.as_mut() else {
        return false;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return true,
            },
            Ok(Event::Eof) => return depth != 0,
            Ok(_) => {}
            Err(_) => return true,
        }
        buf.clear();
    }
}

fn open_as(path: &Path, format: &str) -> Result<Workbook, calamine::Error> {
    use calamine::Error as E;
    match format {
        "xls" => open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(E::Xls),
        "xlsb" => open_workbook::<Xlsb<_>, _>(path)
            .map(Sheets::Xlsb)
            .map_err(E::Xlsb),
        "ods" if ods_content_is_damaged(path) => Err(E::Ods(OdsError::Eof(CUT_SHORT))),
        "ods" => open_workbook::<Ods<_>, _>(path)
            .map(Sheets::Ods)
            .map_err(E::Ods),
        _ => open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(E::Xlsx),
    }
}

fn is_password(e: &calamine::Error) -> bool {
    use calamine::{Error as E, OdsError, XlsError, XlsbError, XlsxError};
    matches!(
        e,
        E::Xlsx(XlsxError::Password)
            | E::Xls(XlsError::Password)
            | E::Xlsb(XlsbError::Password)
            | E::Ods(OdsError::Password)
    )
}

fn workbook_error(display: &str, path: &Path, e: &calamine::Error) -> Diagnostic {
    if is_password(e) {
        return Diagnostic::error(
            display,
            msg!("input-cannot-read-workbook-protected-password"),
        )
        .with_hint(msg!("input-open-remove-password-open-file"));
    }
    if let calamine::Error::Io(io) = e {
        return read_error(display, io);
    }
    if matches!(e, calamine::Error::Ods(OdsError::Eof(CUT_SHORT))) {
        return Diagnostic::error(display, msg!("input-cannot-read-workbook-file-damaged-3"))
            .with_hint(msg!("input-open-libreoffice-calc-excel-save"));
    }
    if is_not_a_zip(e) {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let diagnostic = Diagnostic::error(
            display,
            msg!(
                "input-cannot-read-workbook-not-file",
                extension = extension.to_string()
            ),
        );
        return diagnostic.with_hint(msg!("input-check-that-file-spreadsheet-saved"));
    }
    let reason = e.to_string().to_lowercase();
    let diagnostic = Diagnostic::error(
        display,
        msg!("input-cannot-read-workbook", reason = reason.to_string()),
    );
    diagnostic.with_hint(msg!("input-check-that-file-spreadsheet-saved"))
}

/// A zip-based workbook (`.xlsx`, `.xlsb`, `.ods`) that is no zip at all, or a damaged one.
fn is_not_a_zip(e: &calamine::Error) -> bool {
    use calamine::{Error as E, OdsError, XlsbError, XlsxError};
    matches!(
        e,
        E::Xlsx(XlsxError::Zip(_)) | E::Xlsb(XlsbError::Zip(_)) | E::Ods(OdsError::Zip(_))
    )
}

/// What a text file posing as a workbook is: many programs "export to Excel" by writing an
/// HTML table or an XML Spreadsheet 2003 into a `.xls` file.
fn foreign_text(path: &Path) -> Option<crate::diag::Message> {
    let mut head = [0u8; 1024];
    let n = File::open(path).and_then(|mut f| f.read(&mut head)).ok()?;
    let head = String::from_utf8_lossy(&head[..n]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        return None;
    }
    // Checked first: its `<Table>` would pass for HTML.
    if head.contains("urn:schemas-microsoft-com:office:spreadsheet")
        || head.contains("progid=\"excel.sheet\"")
    {
        Some(msg!("input-xml-spreadsheet-2003"))
    } else if looks_like_html(path) {
        Some(msg!("input-web-page-html"))
    } else {
        None
    }
}

/// Many programs "export to Excel" by writing an HTML table into a `.xls` file.
fn looks_like_html(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let Ok(n) = File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = String::from_utf8_lossy(&head[..n]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<')
        && (head.contains("<html") || head.contains("<table") || head.contains("<!doctype"))
}

/// The sheet's rows, numbered as Excel numbers them even when the used range does not start
/// at A1.
fn grid_rows(range: &Range<Data>, typed: &mut cells::Typed) -> Vec<GridRow> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let (top, left) = (top as usize, left as usize);
    let mut rows: Vec<GridRow> = Vec::new();
    for (r, c, data) in range.used_cells() {
        let cell = cell(data);
        if cell == Cell::Empty {
            continue;
        }
        let number = top + r + 1;
        let column = left + c;
        if let Data::String(s) = data {
            cells::keep_typed(typed, number, column, s);
        }
        if rows.last().is_none_or(|row| row.number != number) {
            rows.push(GridRow {
                number,
                cells: Vec::new(),
            });
        }
        if let Some(row) = rows.last_mut() {
            if row.cells.len() <= column {
                row.cells.resize(column + 1, Cell::Empty);
            }
            row.cells[column] = cell;
        }
    }
    rows
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number((*i).into()),
        Data::Float(x) => Cell::Number(formats::number(*x)),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dates::excel_datetime(dt) {
            Some(text) => Cell::Date(text),
            None => Cell::Number(cells::number_value(dt.as_f64())),
        },
        Data::DateTimeIso(s) => Cell::Date(dates::iso_date(s).unwrap_or_else(|| s.clone())),
        Data::DurationIso(s) => Cell::Date(dates::iso_duration(s).unwrap_or_else(|| s.clone())),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
