//! Workbooks (`.xlsx .xlsm .xls .xlsb .ods`) through calamine. Formula cells are read by the
//! values the spreadsheet program cached.

use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook};
use unicode_normalization::UnicodeNormalization;

use super::grid::{self, Cell, GridRow};
use super::{LoadOptions, SourceKind, Table, dates, read_error};
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
    // calamine has panicked on damaged files before; a damaged file is a message, not a crash.
    let read = catch_unwind(AssertUnwindSafe(|| read(path, display, extension, options)));
    match read {
        Ok(result) => result,
        Err(_) => Err(vec![
            Diagnostic::error(display, "cannot read the workbook: the file is damaged")
                .with_hint("open it in Excel or LibreOffice and save it again"),
        ]),
    }
}

fn read(
    path: &Path,
    display: &str,
    extension: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let mut workbook =
        open(path, extension).map_err(|e| vec![workbook_error(display, path, &e)])?;
    let names = workbook.sheet_names();
    let sheet = match &options.sheet {
        None => match names.first() {
            Some(first) => first.clone(),
            None => {
                return Err(vec![Diagnostic::error(
                    display,
                    "the workbook has no sheets",
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
                        0 => "the workbook has no sheets".to_string(),
                        1 => format!("the workbook has one sheet: {list}"),
                        _ => format!("the workbook has the sheets {list}"),
                    };
                    return Err(vec![
                        Diagnostic::error(display, format!("no sheet {}", quote(wanted)))
                            .with_hint(hint),
                    ]);
                }
            }
        }
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| vec![workbook_error(display, path, &e)])?;
    grid::build_table(
        display,
        Some(sheet),
        SourceKind::Spreadsheet,
        grid_rows(&range),
        options,
    )
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

fn open_as(path: &Path, format: &str) -> Result<Workbook, calamine::Error> {
    use calamine::Error as E;
    match format {
        "xls" => open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(E::Xls),
        "xlsb" => open_workbook::<Xlsb<_>, _>(path)
            .map(Sheets::Xlsb)
            .map_err(E::Xlsb),
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
            "cannot read the workbook: it is protected by a password",
        )
        .with_hint(
            "open it, remove the password to open (File > Info > Protect Workbook) and save it",
        );
    }
    if let calamine::Error::Io(io) = e {
        return read_error(display, io);
    }
    let reason = e.to_string().to_lowercase();
    let diagnostic = Diagnostic::error(display, format!("cannot read the workbook: {reason}"));
    if looks_like_html(path) {
        diagnostic.with_hint(
            "the file is a web page (HTML) with a spreadsheet name; open it in Excel and save it as .xlsx",
        )
    } else {
        diagnostic.with_hint("check that the file is a spreadsheet saved by Excel or LibreOffice")
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
fn grid_rows(range: &Range<Data>) -> Vec<GridRow> {
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
        Data::Float(x) => Cell::Number(grid::number_value(*x)),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dates::excel_datetime(dt) {
            Some(text) => Cell::Date(text),
            None => Cell::Number(grid::number_value(dt.as_f64())),
        },
        Data::DateTimeIso(s) => Cell::Date(dates::iso_date(s).unwrap_or_else(|| s.clone())),
        Data::DurationIso(s) => Cell::Date(dates::iso_duration(s).unwrap_or_else(|| s.clone())),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
