//! Input: spreadsheets (calamine), CSV and JSON turned into rows of typed values, each value
//! with the place it came from.
//!
//! Values as templates see them (serde_json):
//! - text: `String`, NFC-normalised; text that looks like a number stays text;
//! - numbers: whole numbers as JSON integers (`1207`), others as JSON floats (`8.5`);
//! - dates: `String` `dd/mm/yyyy` (`dd/mm/yyyy hh:mm` with a time, `hh:mm` for a time only);
//! - booleans: `Bool`; empty cells: `""`.

use crate::diag::msg;
use std::path::Path;

use serde_json::{Map, Value};

use crate::diag::Diagnostic;

mod cells;
mod csv;
pub(crate) mod dates;
mod encoding;
mod formats;
mod grid;
mod header;
mod hidden;
mod json;
mod layout;
mod legacy;
mod numbers;
mod ods_formats;
mod sheet;
pub use header::{header_range, parse_header_rows};
pub use sheet::visible_sheets;
pub mod slug;
mod spaces;
#[cfg(test)]
mod tests;
mod xls_formats;
mod xlsb_formats;

/// What kind of source the rows came from: keys of spreadsheet and CSV rows are header slugs,
/// keys of JSON records are used as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Spreadsheet,
    Csv,
    /// An array of objects: one record each.
    JsonArray,
    /// One object: one document.
    JsonObject,
}

/// How text typed in legacy Vietnamese encodings is treated (`--legacy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Legacy {
    #[default]
    Auto,
    Tcvn3,
    Vni,
    Off,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Sheet name; `None` is the first sheet.
    pub sheet: Option<String>,
    /// 1-based sheet row of the header; `None` is the first non-empty row.
    pub header_row: Option<usize>,
    /// The header has two rows (`--header-row 4-5`): `header_row` holds the group headers,
    /// the row under it the sub-headers. Field names come from both; neither is a record.
    pub sub_header: bool,
    /// Rows hidden by an active AutoFilter are read like the others (`--keep-filtered`),
    /// instead of being left out.
    pub keep_filtered: bool,
    pub legacy: Legacy,
}

#[derive(Debug, Clone)]
pub struct Column {
    /// The header cell's text, NFC, trimmed (`Họ và tên`); for JSON, the key.
    pub header: String,
    /// The field name templates use (`ho_va_ten`); for JSON, the key itself.
    pub key: String,
    /// Excel column letters (`B`); empty for JSON.
    pub letter: String,
}

/// An Excel error cell (`#DIV/0!`, `#N/A`): fatal when a template uses its column.
#[derive(Debug, Clone)]
pub struct CellError {
    pub key: String,
    /// `inputs/x.xlsx:CanBo!G4`
    pub location: String,
    /// The error as Excel shows it: `#DIV/0!`.
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based sheet row number; for JSON, the record's 1-based position. Exposed as `_row`.
    pub number: usize,
    /// Fields in column order. Error cells hold `""` here and are listed in `errors`.
    pub fields: Map<String, Value>,
    pub errors: Vec<CellError>,
    /// For JSON records: the record's span in [`Table::raw`], parsed by [`Table::fields`]
    /// when needed (then `fields` is empty).
    pub raw: Option<std::ops::Range<usize>>,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The path as the user gave it, for messages: `inputs/can-bo.xlsx`.
    pub source: String,
    /// The sheet read, for spreadsheets.
    pub sheet: Option<String>,
    pub kind: SourceKind,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Problems that did not stop the load (legacy text converted, error cells, ...).
    pub warnings: Vec<Diagnostic>,
    /// The text JSON records are kept in (see [`Row::raw`]).
    pub raw: Option<std::sync::Arc<String>>,
    /// Text cells whose value was tidied (invisible spaces, decomposed accents; see
    /// [`spaces`]): (field key, row number) -> the text as typed in the file. A join names both cells of a key that
    /// matched only after tidying.
    pub typed: std::collections::HashMap<(String, usize), String>,
}

impl Table {
    /// `inputs/x.xlsx:CanBo!B12` for a cell of this table; `inputs/x.json` record numbers as
    /// `inputs/x.json:record 3`.
    pub fn cell_location(&self, column_letter: &str, row: usize) -> String {
        match (&self.sheet, self.kind) {
            (Some(sheet), _) => format!("{}:{}!{}{}", self.source, sheet, column_letter, row),
            (None, SourceKind::Csv) => format!("{}:{}{}", self.source, column_letter, row),
            (None, _) => format!("{}:record {}", self.source, row),
        }
    }

    /// The location of a whole row: `inputs/x.xlsx:CanBo!A7`.
    pub fn row_location(&self, row: usize) -> String {
        self.cell_location("A", row)
    }

    /// The fields of row `i` as templates see them.
    pub fn fields(&self, i: usize) -> std::borrow::Cow<'_, Map<String, Value>> {
        let row = &self.rows[i];
        match (&row.raw, &self.raw) {
            (Some(span), Some(text)) => {
                std::borrow::Cow::Owned(json::record_fields(text.get(span.clone()).unwrap_or("")))
            }
            _ => std::borrow::Cow::Borrowed(&row.fields),
        }
    }

    /// The text of the field `key` of the row numbered `row` as typed in the file, when the
    /// value kept differs from it (a trailing no-break space tidied away).
    pub fn typed(&self, key: &str, row: usize) -> Option<&str> {
        self.typed.get(&(key.to_string(), row)).map(String::as_str)
    }

    /// The column whose key or header text is `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.key == name || c.header == name)
    }
}

/// `text` with its invisible characters shown, for messages: `VP<NBSP>`.
pub fn show_invisible(text: &str) -> String {
    spaces::visible(text)
}

/// How two texts that are one value once tidied (spaces, NFC) differ: `spaces`, `accents` or
/// `both`, the selector of the messages that say so.
pub fn tidied_difference(a: &str, b: &str) -> &'static str {
    spaces::difference(a, b)
}

/// A plain decimal number (`12`, `-4.5`; not `012` or `1e5`) as a JSON number.
pub fn plain_number(text: &str) -> Option<Value> {
    numbers::number_cell(text)
}

/// Reads `path` (shown in messages as `display`). Fails with every problem found: a missing
/// sheet (listing the sheets that exist), duplicate header slugs (naming both columns), an
/// unreadable file.
pub fn load_table(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    if !path.exists() {
        return Err(vec![not_found(path, display)]);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => sheet::load(path, display, &extension, options),
        "csv" | "tsv" => csv::load(path, display, options),
        // Excel's "Unicode Text": tab-separated UTF-16 with a BOM.
        "txt" if is_utf16(path) => csv::load(path, display, options),
        "json" => json::load(path, display, options),
        _ => {
            let message = if extension.is_empty() {
                msg!("input-unsupported-data-file-type-file")
            } else {
                msg!(
                    "input-unsupported-data-file-type",
                    extension = extension.to_string()
                )
            };
            Err(vec![
                Diagnostic::error(display, message)
                    .with_hint(msg!("input-use-spreadsheet-xlsx-xlsm-xls")),
            ])
        }
    }
}

/// Whether the file starts with a UTF-16 byte order mark.
fn is_utf16(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 2];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0xFF, 0xFE] || head == [0xFE, 0xFF])
}

/// A file that is not there (`path`, shown as `display`): the folder it was looked for in,
/// and the nearest name there.
pub fn not_found(path: &Path, display: &str) -> Diagnostic {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let shown = crate::diag::display(&std::fs::canonicalize(dir).unwrap_or_else(|_| dir.into()));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Diagnostic::error(
            display,
            msg!("input-no-such-file-there-no", shown = shown.to_string()),
        );
    };
    let names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let wanted = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let d = Diagnostic::error(
        display,
        msg!("input-no-such-file-looked", shown = shown.to_string()),
    );
    match crate::diag::closest(&wanted, names.iter().map(String::as_str)) {
        Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
        None => d,
    }
}

/// A file that cannot be read at all.
fn read_error(display: &str, e: &std::io::Error) -> Diagnostic {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound => msg!("input-no-such-file"),
        ErrorKind::PermissionDenied => msg!("input-cannot-read-file-permission-denied"),
        ErrorKind::IsADirectory => msg!("input-cannot-read-file-folder"),
        _ => msg!("input-cannot-read-file", e = crate::diag::io_arg(e)),
    };
    Diagnostic::error(display, reason)
}
