//! The number formats of an Excel 97-2003 workbook (`.xls`, BIFF8), which calamine reads but
//! does not expose: the `Workbook` stream of the compound file holds the formats (FORMAT
//! records) and the cell styles (XF records) in its globals, and each number cell of a sheet
//! names its XF. Only the formats that change what a number shows are kept (see
//! [`formats::classify`]): `000000000000` IDs and percentages. The same pass over the sheet
//! gives its hidden rows (ROW), hidden columns (COLINFO) and whether a filter hides rows
//! (FILTERMODE).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::formats::{self, Shown};
use super::hidden::Hidden;

/// What calamine does not give of an Excel 97-2003 sheet.
#[derive(Default)]
pub(crate) struct XlsSheet {
    /// Number cells whose format changes what they show: 0-based (row, column).
    pub shown: HashMap<(u32, u32), Shown>,
    pub hidden: Hidden,
}

/// One BIFF record: its type and its data.
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

/// The records of a BIFF stream from `offset` on; stops at the end or at a record cut short.
fn records(stream: &[u8], offset: usize) -> impl Iterator<Item = Record<'_>> {
    let mut at = offset;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let size = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + size)?;
        at += 4 + size;
        Some(Record { kind, data })
    })
}

pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
}

pub(super) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// `count` characters at `at`, after the flags byte there: Latin-1 bytes, or UTF-16 when the
/// flags' low bit is set (BIFF8's XLUnicodeString).
fn text_at(data: &[u8], at: usize, count: usize) -> Option<String> {
    let wide = data.get(at)? & 1 == 1;
    let chars = data.get(at + 1..)?;
    if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(chars.iter().take(count).map(|&b| char::from(b)).collect())
    }
}

const BOUNDSHEET: u16 = 0x0085;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const EOF: u16 = 0x000A;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
const FILTERMODE: u16 = 0x009B;

/// Excel's built-in formats that show a number differently: `0%` and `0.00%` (ids 9 and 10,
/// in `.xls` and `.xlsb` alike).
pub(super) fn builtin(id: u16) -> Shown {
    match id {
        9 => Shown::Percent(0),
        10 => Shown::Percent(2),
        _ => Shown::Plain,
    }
}

/// How the number cells of the sheet `name` are shown, for the cells whose format changes
/// what they show, and what the sheet hides. Empty when the file cannot be read this way
/// (calamine then reads it, or says why not).
pub(crate) fn read(path: &Path, name: &str) -> XlsSheet {
    let mut sheet = XlsSheet::default();
    let Some(stream) = workbook_stream(path) else {
        return sheet;
    };
    let mut codes: HashMap<u16, Shown> = HashMap::new();
    let mut styles: Vec<Shown> = Vec::new();
    let mut sheet_at = None;
    for record in records(&stream, 0) {
        match record.kind {
            FORMAT => {
                let (Some(id), Some(count)) = (u16_at(record.data, 0), u16_at(record.data, 2))
                else {
                    continue;
                };
                if let Some(code) = text_at(record.data, 4, usize::from(count)) {
                    codes.insert(id, formats::classify(&code));
                }
            }
            XF => {
                let id = u16_at(record.data, 2).unwrap_or(0);
                styles.push(codes.get(&id).copied().unwrap_or_else(|| builtin(id)));
            }
            BOUNDSHEET => {
                let (Some(offset), Some(&count)) = (u32_at(record.data, 0), record.data.get(6))
                else {
                    continue;
                };
                if text_at(record.data, 7, usize::from(count)).as_deref() == Some(name) {
                    sheet_at = Some(offset as usize);
                }
            }
            EOF => break,
            _ => {}
        }
    }
    let Some(sheet_at) = sheet_at else {
        return sheet;
    };
    let shown = &mut sheet.shown;
    let hidden = &mut sheet.hidden;
    let formatted = styles.iter().any(|s| *s != Shown::Plain);
    let mut put = |row: Option<u16>, column: Option<u16>, xf: Option<u16>| {
        if let (true, Some(row), Some(column), Some(xf)) = (formatted, row, column, xf)
            && let Some(&s) = styles.get(usize::from(xf))
            && s != Shown::Plain
        {
            shown.insert((u32::from(row), u32::from(column)), s);
        }
    };
    // The sheet's own BOF comes first; its records run to its EOF.
    for record in records(&stream, sheet_at).skip(1) {
        let data = record.data;
        match record.kind {
            NUMBER | RK => put(u16_at(data, 0), u16_at(data, 2), u16_at(data, 4)),
            // A formula's cached value is a number unless its last two bytes are 0xFFFF.
            FORMULA if u16_at(data, 12) != Some(0xFFFF) => {
                put(u16_at(data, 0), u16_at(data, 2), u16_at(data, 4))
            }
            MULRK => {
                let (row, first) = (u16_at(data, 0), u16_at(data, 2).unwrap_or(0));
                let cells = data.get(4..data.len().saturating_sub(2)).unwrap_or(&[]);
                for (i, cell) in cells.chunks_exact(6).enumerate() {
                    let column = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                    put(row, column, u16_at(cell, 0));
                }
            }
            // fDyZero: the row is hidden.
            ROW if u16_at(data, 12).is_some_and(|flags| flags & 0x0020 != 0) => {
                if let Some(row) = u16_at(data, 0) {
                    hidden.rows.push(usize::from(row) + 1);
                }
            }
            COLINFO if u16_at(data, 8).is_some_and(|flags| flags & 1 != 0) => {
                if let (Some(first), Some(last)) = (u16_at(data, 0), u16_at(data, 2))
                    && last >= first
                {
                    hidden.columns.push((usize::from(first), usize::from(last)));
                }
            }
            FILTERMODE => hidden.filtered = true,
            EOF => break,
            _ => {}
        }
    }
    sheet
}

/// The bytes of the `Workbook` stream (BIFF8; the `Book` of files older than Excel 97 is
/// left to calamine alone).
fn workbook_stream(path: &Path) -> Option<Vec<u8>> {
    let mut file = cfb::open(path).ok()?;
    let mut stream = file.open_stream("/Workbook").ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}
