//! The office's outgoing register (Sổ đăng ký văn bản đi, Decree 30 Phụ lục IV) as a workbook
//! beside the manifest: read back before a run so every number keeps its document, checked
//! for contradictions, and replaced atomically with this run's lines before any document is
//! written (a number is reserved before it is printed).
//!
//! The sheet `SoDangKy` has its header in row 1: the Decree's eight columns, then four that
//! vanban keeps for itself (the book's year, the book, the document's key and its file). A
//! line without a key was added by hand: its number is taken and it is kept as it is.

use crate::diag::msg;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::load::Loaded;
use crate::batch::Registered;
use crate::diag::{Diagnostic, display};
use crate::input::{self, LoadOptions, Table};

/// The register's file name when the manifest names none.
pub const DEFAULT: &str = "so-dang-ky.xlsx";

/// The sheet vanban reads and writes.
pub const SHEET: &str = "SoDangKy";

/// The Ghi chú of a line no run makes any more: its number stays taken.
pub const DROPPED: &str = "Không còn được tạo ở lần chạy gần nhất; số không cấp lại";

/// The columns, in order: header, width, and whether a register must have it.
const COLUMNS: [(&str, f64, bool); 12] = [
    ("Số, ký hiệu văn bản", 16.0, true),
    ("Ngày tháng văn bản", 11.0, true),
    ("Tên loại và trích yếu nội dung văn bản", 40.0, false),
    ("Người ký", 18.0, false),
    ("Nơi nhận văn bản", 24.0, false),
    ("Đơn vị, người nhận bản lưu", 18.0, false),
    ("Số lượng bản", 8.0, false),
    ("Ghi chú", 24.0, false),
    ("Năm", 6.0, false),
    ("Sổ", 14.0, false),
    ("Mã văn bản", 22.0, false),
    ("Tệp", 26.0, false),
];

/// Where the manifest keeps its register.
pub fn path(loaded: &Loaded) -> PathBuf {
    loaded.resolve(loaded.manifest.register.as_deref().unwrap_or(DEFAULT))
}

/// The register's lines, or none when it does not exist yet. Fails, naming the cells, on a
/// register that contradicts itself.
pub fn read(loaded: &Loaded) -> Result<Vec<Registered>, Vec<Diagnostic>> {
    let path = path(loaded);
    let shown = display(&path);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let options = LoadOptions {
        sheet: Some(SHEET.into()),
        header_row: Some(1),
        ..LoadOptions::default()
    };
    let table = input::load_table(&path, &shown, &options)?;
    lines_of(&table)
}

/// Normalised for comparing headers: lower case, single spaces.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn lines_of(table: &Table) -> Result<Vec<Registered>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    // Each register column's key in the table, found by its header.
    let mut keys: Vec<Option<(String, String)>> = Vec::new();
    for (header, _, required) in COLUMNS {
        let found = table
            .columns
            .iter()
            .find(|c| plain(&c.header) == plain(header));
        if found.is_none() && required {
            errors.push(
                Diagnostic::error(
                    table.cell_location("A", 1),
                    msg!(
                        "manifest-register-has-no-column-header",
                        header = header.to_string()
                    ),
                )
                .with_hint(msg!(
                    "manifest-row-1-sheet-holds-headers",
                    sheet = SHEET.to_string(),
                    headers = COLUMNS.map(|c| c.0).join(", ").to_string()
                )),
            );
        }
        keys.push(found.map(|c| (c.key.clone(), c.letter.clone())));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut lines = Vec::new();
    // Where each (book, year) number and key was first seen.
    let mut numbers: HashMap<(String, i32, u64), String> = HashMap::new();
    let mut seen_keys: HashMap<(String, i32, String), String> = HashMap::new();
    for row in &table.rows {
        for e in &row.errors {
            errors.push(Diagnostic::error(
                &e.location,
                msg!(
                    "manifest-register-s-cell-holds-error",
                    value = e.value.to_string()
                ),
            ));
        }
        let cell = |i: usize| -> (String, String) {
            let Some((key, letter)) = &keys[i] else {
                return (String::new(), String::new());
            };
            let text = row
                .fields
                .get(key)
                .map(crate::helpers::format_value)
                .unwrap_or_default();
            (
                text.trim().to_string(),
                table.cell_location(letter, row.number),
            )
        };
        let (number, number_at) = cell(0);
        let (date, date_at) = cell(1);
        let (year_text, year_at) = cell(8);
        let (book, _) = cell(9);
        let (key, key_at) = cell(10);
        let (file, _) = cell(11);
        if (0..COLUMNS.len()).all(|i| cell(i).0.is_empty()) {
            continue;
        }
        let (seq_text, symbol) = number.split_once('/').unwrap_or((number.as_str(), ""));
        let seq = if number.is_empty() {
            None
        } else {
            match seq_text.trim().parse::<u64>() {
                Ok(seq) => Some(seq),
                Err(_) => {
                    errors.push(
                        Diagnostic::error(
                            &number_at,
                            msg!(
                                "manifest-does-not-start-with-number",
                                number = number.to_string()
                            ),
                        )
                        .with_hint(msg!("manifest-write-number-then-then-symbol")),
                    );
                    continue;
                }
            }
        };
        let date_year = crate::batch::year_of(&date);
        let year = if year_text.is_empty() {
            date_year
        } else {
            match year_text.parse::<i32>() {
                Ok(year) => {
                    if let Some(date_year) = date_year.filter(|y| *y != year) {
                        errors.push(Diagnostic::error(
                            &year_at,
                            msg!(
                                "manifest-number-book-but-date-numbers",
                                number = number.to_string(),
                                year = year.to_string(),
                                date = date.to_string(),
                                date_at = date_at.to_string(),
                                date_year = date_year.to_string()
                            ),
                        ));
                        continue;
                    }
                    Some(year)
                }
                Err(_) => {
                    errors.push(Diagnostic::error(
                        &year_at,
                        msg!("manifest-not-year", year_text = year_text.to_string()),
                    ));
                    continue;
                }
            }
        };
        // A line without a number (a clerk's note) is kept as it is, in no year's book.
        let year = match year {
            Some(year) => year,
            None if seq.is_none() => 0,
            None => {
                errors.push(
                    Diagnostic::error(
                        &date_at,
                        msg!("manifest-number-has-no-date", number = number.to_string()),
                    )
                    .with_hint(msg!("manifest-write-document-s-date-dd")),
                );
                continue;
            }
        };
        let book = if book.is_empty() {
            symbol.trim().to_string()
        } else {
            book
        };
        if let Some(seq) = seq {
            if let Some(first) = numbers.get(&(book.clone(), year, seq)) {
                errors.push(Diagnostic::error(
                    &number_at,
                    msg!(
                        "manifest-number-book-already-one-number",
                        seq = seq.to_string(),
                        book = book.to_string(),
                        year = year.to_string(),
                        first = first.to_string()
                    ),
                ));
            } else {
                numbers.insert((book.clone(), year, seq), number_at.clone());
            }
        }
        if !key.is_empty() {
            if let Some(first) = seen_keys.get(&(book.clone(), year, key.clone())) {
                errors.push(Diagnostic::error(
                    &key_at,
                    msg!(
                        "manifest-document-already-has-number-book",
                        key = key.to_string(),
                        book = book.to_string(),
                        year = year.to_string(),
                        first = first.to_string()
                    ),
                ));
            } else {
                seen_keys.insert((book.clone(), year, key.clone()), key_at.clone());
            }
        }
        lines.push(Registered {
            number,
            date,
            title: cell(2).0,
            signer: cell(3).0,
            recipient: cell(4).0,
            copy_to: cell(5).0,
            copies: cell(6).0,
            note: cell(7).0,
            year,
            book,
            seq,
            key,
            file: (!file.is_empty()).then(|| PathBuf::from(file)),
            place: Some(number_at),
            ..Registered::default()
        });
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

/// The lines as they are written: a line of an earlier run that this run did not make is
/// marked in Ghi chú; a line made again loses the mark.
pub fn settle(lines: Vec<Registered>) -> Vec<Registered> {
    lines
        .into_iter()
        .map(|mut line| {
            let marked = line.note.contains(DROPPED);
            if line.made && marked {
                line.note = line
                    .note
                    .replace(DROPPED, "")
                    .trim_matches(|c: char| c == ';' || c.is_whitespace())
                    .to_string();
            } else if !line.made && !line.key.is_empty() && !marked {
                line.note = if line.note.is_empty() {
                    DROPPED.to_string()
                } else {
                    format!("{}; {DROPPED}", line.note)
                };
            }
            line
        })
        .collect()
}

/// Replaces the register with `lines`: written to a temporary file beside it, then renamed,
/// so a killed run leaves the old register or the new one, never half of one.
pub fn write(path: &Path, lines: &[Registered]) -> Result<(), Diagnostic> {
    let shown = display(path);
    let bytes = workbook(lines).map_err(|e| {
        Diagnostic::error(
            &shown,
            msg!("manifest-cannot-make-register", e = e.to_string()),
        )
    })?;
    crate::batch::write_atomically(path, &bytes).map_err(|e| {
        Diagnostic::error(
            &shown,
            msg!(
                "manifest-cannot-write-register",
                e = crate::diag::io_arg(&e)
            ),
        )
        .with_hint(msg!("manifest-close-register-if-open-excel"))
    })
}

/// The register's workbook: a header row that repeats on every printed page, frozen and
/// filtered, dates as dates, A4 landscape.
fn workbook(lines: &[Registered]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // The workbook's creation date is its newest line's, so one register is one file.
    let newest = lines
        .iter()
        .filter_map(|l| parse_date(&l.date))
        .max()
        .unwrap_or((2020, 1, 1));
    let created = ExcelDateTime::from_ymd(newest.0 as u16, newest.1, newest.2)?;
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title("Sổ đăng ký văn bản đi")
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
    let header = font(Format::new())
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let text = font(Format::new())
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let date = text.clone().set_num_format("dd/mm/yyyy");
    for (c, (title, width, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *title, &header)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_row_height(0, 48)?;
    for (r, line) in lines.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string_with_format(r, 0, &line.number, &text)?;
        match parse_date(&line.date) {
            Some((y, m, d)) => {
                let value = ExcelDateTime::from_ymd(y as u16, m, d)?;
                sheet.write_datetime_with_format(r, 1, &value, &date)?;
            }
            None => {
                sheet.write_string_with_format(r, 1, &line.date, &text)?;
            }
        }
        let copies = line.copies.trim();
        let cells = [
            (2, line.title.as_str()),
            (3, &line.signer),
            (4, &line.recipient),
            (5, &line.copy_to),
            (7, &line.note),
            (9, &line.book),
            (10, &line.key),
        ];
        for (c, value) in cells {
            sheet.write_string_with_format(r, c, value, &text)?;
        }
        match copies.parse::<f64>() {
            Ok(n) => sheet.write_number_with_format(r, 6, n, &text)?,
            Err(_) => sheet.write_string_with_format(r, 6, copies, &text)?,
        };
        if line.year == 0 {
            sheet.write_blank(r, 8, &text)?;
        } else {
            sheet.write_number_with_format(r, 8, line.year, &text)?;
        }
        let file = line
            .file
            .as_deref()
            .map(|f| f.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        sheet.write_string_with_format(r, 11, &file, &text)?;
        // Wrapped text needs its lines' height: the file's readers do not all refit rows.
        let texts = [
            line.number.as_str(),
            &line.date,
            &line.title,
            &line.signer,
            &line.recipient,
            &line.copy_to,
            copies,
            &line.note,
            "",
            &line.book,
            &line.key,
            &file,
        ];
        let lines = texts
            .iter()
            .zip(COLUMNS)
            .map(|(t, (_, width, _))| (t.chars().count() as f64 / (width * 0.95)).ceil().max(1.0))
            .fold(1.0, f64::max);
        sheet.set_row_height(r, 16.0 * lines)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, lines.len() as u32, COLUMNS.len() as u16 - 1)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_paper_size(9);
    sheet.set_header("&C&\"Times New Roman,Bold\"&14SỔ ĐĂNG KÝ VĂN BẢN ĐI");
    sheet.set_footer("&CTrang &P/&N");
    book.save_to_buffer()
}

/// `(year, month, day)` of a line's date, as the helpers read dates.
fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    crate::helpers::parse_date(text).map(|d| (i32::from(d.year), d.month, d.day))
}

/// What `vanban check` shows of a run's numbers: one line per number the run would print.
pub fn preview(lines: &[Registered]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l.made)
        .map(|l| {
            let file = l
                .file
                .as_deref()
                .map(|f| f.to_string_lossy().replace('\\', "/"))
                .unwrap_or_else(|| l.key.clone());
            let how = if l.place.is_some() { "kept" } else { "new" };
            format!("{}  {}  ({how})", l.number, file)
        })
        .collect()
}
