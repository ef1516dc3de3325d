//! The number formats of an Excel binary workbook (`.xlsb`), which calamine reads but does not
//! expose: `xl/styles.bin` holds the formats (BrtFmt) and the cell styles (BrtXF), and each
//! number cell of a sheet's part names its style. Only the formats that change what a number
//! shows are kept (see [`formats::classify`]): `000000000000` IDs and percentages. The same
//! pass over the sheet gives its merged cells (BrtMergeCell), hidden rows (BrtRowHdr's
//! fDyZero) and columns (BrtColInfo), and whether an AutoFilter filters a column.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::cells::Merge;
use super::formats::{self, Shown};
use super::hidden;
use super::hidden::Hidden;
use super::xls_formats::{builtin, u16_at, u32_at};

type Zip = zip::ZipArchive<BufReader<File>>;

/// The records of an XLSB part: (type, data). Stops at the end or at a record cut short.
fn records(part: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let first = *part.get(at)?;
        at += 1;
        let mut kind = u16::from(first & 0x7F);
        if first & 0x80 != 0 {
            kind |= u16::from(part.get(at)? & 0x7F) << 7;
            at += 1;
        }
        let mut size = 0usize;
        for i in 0..4 {
            let b = *part.get(at)?;
            at += 1;
            size |= usize::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                break;
            }
        }
        let data = part.get(at..at.checked_add(size)?)?;
        at += size;
        Some((kind, data))
    })
}

/// An XLWideString at `at`: its text and the offset after it.
fn wide_text(data: &[u8], at: usize) -> Option<(String, usize)> {
    let count = usize::try_from(u32_at(data, at)?).ok()?;
    let end = at.checked_add(4)?.checked_add(count.checked_mul(2)?)?;
    let units: Vec<u16> = data
        .get(at + 4..end)?
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .collect();
    Some((String::from_utf16_lossy(&units), end))
}

const BRT_FMT: u16 = 0x002C;
const BRT_XF: u16 = 0x002F;
const BRT_BEGIN_CELL_XFS: u16 = 0x0269;
const BRT_END_CELL_XFS: u16 = 0x026A;
const BRT_BUNDLE_SH: u16 = 0x009C;
const BRT_ROW_HDR: u16 = 0x0000;
const BRT_CELL_RK: u16 = 0x0002;
const BRT_CELL_REAL: u16 = 0x0005;
const BRT_FMLA_NUM: u16 = 0x0009;
const BRT_COL_INFO: u16 = 0x003C;
const BRT_MERGE_CELL: u16 = 0x00B0;
const BRT_BEGIN_FILTER_COLUMN: u16 = 0x00A3;

/// What calamine does not give of an Excel binary sheet.
#[derive(Default)]
pub(crate) struct XlsbSheet {
    /// Number cells whose format changes what they show: 0-based (row, column).
    pub shown: HashMap<(u32, u32), Shown>,
    /// Merged cells: (first row, first column, last row, last column), 0-based.
    pub merges: Vec<Merge>,
    pub hidden: Hidden,
}

/// How the number cells of the sheet `name` are shown (for the cells whose format changes
/// what they show), its merges and what it hides. Empty when the parts cannot be read this
/// way (calamine then reads the file, or says why not).
pub(crate) fn read(path: &Path, name: &str) -> XlsbSheet {
    let mut sheet = XlsbSheet::default();
    let Some(mut zip) = File::open(path)
        .ok()
        .and_then(|f| Zip::new(BufReader::new(f)).ok())
    else {
        return sheet;
    };
    let styles = part(&mut zip, "xl/styles.bin").map_or_else(Vec::new, |p| styles(&p));
    let Some(bytes) = sheet_part(&mut zip, name).and_then(|p| part(&mut zip, &p)) else {
        return sheet;
    };
    let shown = &mut sheet.shown;
    let mut row = 0u32;
    for (kind, data) in records(&bytes) {
        match kind {
            BRT_ROW_HDR => {
                row = u32_at(data, 0).unwrap_or(row);
                // fDyZero: the row is hidden.
                if data.get(11).is_some_and(|flags| flags & 0x10 != 0) {
                    sheet.hidden.rows.push(row as usize + 1);
                }
            }
            BRT_CELL_RK | BRT_CELL_REAL | BRT_FMLA_NUM => {
                if let (Some(column), Some(style)) = (u32_at(data, 0), u32_at(data, 4))
                    && let Some(&s) = usize::try_from(style & 0x00FF_FFFF)
                        .ok()
                        .and_then(|i| styles.get(i))
                    && s != Shown::Plain
                {
                    shown.insert((row, column), s);
                }
            }
            BRT_COL_INFO if data.get(16).is_some_and(|flags| flags & 1 != 0) => {
                if let (Some(first), Some(last)) = (u32_at(data, 0), u32_at(data, 4))
                    && last >= first
                {
                    sheet.hidden.columns.push((first as usize, last as usize));
                }
            }
            BRT_MERGE_CELL => {
                if let (Some(top), Some(bottom), Some(left), Some(right)) = (
                    u32_at(data, 0),
                    u32_at(data, 4),
                    u32_at(data, 8),
                    u32_at(data, 12),
                ) {
                    sheet.merges.push((top, left, bottom, right));
                }
            }
            BRT_BEGIN_FILTER_COLUMN => sheet.hidden.filtered = true,
            _ => {}
        }
    }
    sheet
}

/// The cell styles of `xl/styles.bin` (its cellXfs, in order): what each one's format does.
fn styles(part: &[u8]) -> Vec<Shown> {
    let mut codes: HashMap<u16, Shown> = HashMap::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    for (kind, data) in records(part) {
        match kind {
            BRT_FMT => {
                if let (Some(id), Some((code, _))) = (u16_at(data, 0), wide_text(data, 2)) {
                    codes.insert(id, formats::classify(&code));
                }
            }
            BRT_BEGIN_CELL_XFS => in_cell_xfs = true,
            BRT_END_CELL_XFS => break,
            BRT_XF if in_cell_xfs => {
                let id = u16_at(data, 2).unwrap_or(0);
                styles.push(codes.get(&id).copied().unwrap_or_else(|| builtin(id)));
            }
            _ => {}
        }
    }
    styles
}

/// The zip path of the sheet `name`'s part, from `xl/workbook.bin` and its relationships.
fn sheet_part(zip: &mut Zip, name: &str) -> Option<String> {
    let workbook = part(zip, "xl/workbook.bin")?;
    let relation = records(&workbook).find_map(|(kind, data)| {
        if kind != BRT_BUNDLE_SH {
            return None;
        }
        let (relation, after) = wide_text(data, 8)?;
        let (sheet, _) = wide_text(data, after)?;
        (sheet == name).then_some(relation)
    })?;
    let rels = String::from_utf8(part(zip, "xl/_rels/workbook.bin.rels")?).ok()?;
    hidden::relation_target(&rels, &relation)
}

/// The bytes of a part, its name matched without regard to case or slashes as Excel does.
fn part(zip: &mut Zip, name: &str) -> Option<Vec<u8>> {
    let wanted = name.replace('\\', "/");
    let index = (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .and_then(Result::ok)
            .is_some_and(|n| n.replace('\\', "/").eq_ignore_ascii_case(&wanted))
    })?;
    let mut entry = zip.by_index(index).ok()?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}
