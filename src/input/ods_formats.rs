//! Number cells of an OpenDocument sheet as Calc shows them, for the formats `formats`
//! keeps (zero-padded numbers, percentages). calamine gives only the value; the cell's shown
//! text is in `content.xml` beside it (`office:value="1080012345"`, `<text:p>001080012345`),
//! so one pass over the sheet's XML tells which cells show more than their value. The same
//! pass gives the sheet's merged cells (`table:number-rows-spanned`) and the rows and columns
//! it hides (`table:visibility`: `filter` for rows a filter hides, `collapse` for rows and
//! columns hidden by hand), which calamine does not read for OpenDocument.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::cells::Merge;
use super::formats::Shown;
use super::hidden::Hidden;

/// What calamine does not give of an OpenDocument sheet.
#[derive(Default)]
pub(crate) struct OdsSheet {
    /// Cells whose shown text is a padded number or a percentage: 0-based (row, column) to
    /// how they show.
    pub shown: HashMap<(u32, u32), Shown>,
    /// Merged cells: (first row, first column, last row, last column), 0-based.
    pub merges: Vec<Merge>,
    pub hidden: Hidden,
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The shown numbers and the merges of the sheet `name`. Empty when the file cannot be read
/// this way.
pub(crate) fn read(path: &Path, name: &str) -> OdsSheet {
    let mut sheet = OdsSheet::default();
    let shown = &mut sheet.shown;
    let Ok(file) = File::open(path) else {
        return sheet;
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return sheet;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return sheet;
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut in_sheet = false;
    let (mut row, mut column) = (0u64, 0u64);
    let mut row_repeat = 1u64;
    // The next column of the sheet's column declarations.
    let mut sheet_column = 0u64;
    // The cell being read: its value, type, repeat count and text so far.
    let mut cell: Option<(f64, bool, u64, String)> = None;
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                in_sheet = attribute(&e, "table:name").as_deref() == Some(name);
                row = 0;
            }
            // The sheet ends: nothing more to read (tables inside cells are not looked for).
            Event::End(e) if e.name().as_ref() == "table:table" && in_sheet => break,
            _ if !in_sheet => {}
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated");
                hide_rows(&e, row, row_repeat, &mut sheet.hidden);
                column = 0;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                let count = repeat(&e, "table:number-rows-repeated");
                hide_rows(&e, row, count, &mut sheet.hidden);
                row += count;
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-column" => {
                let count = repeat(&e, "table:number-columns-repeated");
                if attribute(&e, "table:visibility").as_deref() == Some("collapse")
                    && let (Ok(first), Ok(last)) = (
                        usize::try_from(sheet_column),
                        usize::try_from(sheet_column + count - 1),
                    )
                {
                    sheet.hidden.columns.push((first, last));
                }
                sheet_column += count;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                row += row_repeat;
            }
            Event::Start(e) if is_cell(&e) => {
                merge(&e, row, column, &mut sheet.merges);
                let count = repeat(&e, "table:number-columns-repeated");
                let kind = attribute(&e, "office:value-type");
                let value = attribute(&e, "office:value").and_then(|v| v.parse::<f64>().ok());
                cell = match (kind.as_deref(), value) {
                    (Some("float"), Some(v)) => Some((v, false, count, String::new())),
                    (Some("percentage"), Some(v)) => Some((v, true, count, String::new())),
                    _ => {
                        column += count;
                        None
                    }
                };
            }
            Event::Empty(e) if is_cell(&e) => {
                merge(&e, row, column, &mut sheet.merges);
                column += repeat(&e, "table:number-columns-repeated");
            }
            Event::Text(t) => {
                if let Some((_, _, _, text)) = &mut cell {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::End(e)
                if (e.name().as_ref() == "table:table-cell"
                    || e.name().as_ref() == "table:covered-table-cell") =>
            {
                if let Some((value, percent, count, text)) = cell.take() {
                    if let Some(s) = classify(value, percent, &text) {
                        // Many repeats are empty columns to the sheet's edge: never those.
                        for c in column..column + count.min(1024) {
                            for r in row..row + row_repeat.min(1024) {
                                if let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) {
                                    shown.insert((r, c), s);
                                }
                            }
                        }
                    }
                    column += count;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    sheet
}

/// The rows (0-based `row`, `count` of them) a `table:table-row` hides: `filter` rows are
/// hidden by a filter, `collapse` rows by hand. Never more than 1,024 rows of one element (a
/// repeat to the sheet's edge).
fn hide_rows(e: &BytesStart<'_>, row: u64, count: u64, hidden: &mut Hidden) {
    let visibility = attribute(e, "table:visibility");
    if !matches!(visibility.as_deref(), Some("filter" | "collapse")) {
        return;
    }
    if visibility.as_deref() == Some("filter") {
        hidden.filtered = true;
    }
    for r in row..row + count.min(1024) {
        if let Ok(number) = usize::try_from(r + 1) {
            hidden.rows.push(number);
        }
    }
}

/// A cell spanning several rows or columns, at 0-based (`row`, `column`), as a merge.
fn merge(e: &BytesStart<'_>, row: u64, column: u64, merges: &mut Vec<Merge>) {
    let rows = repeat(e, "table:number-rows-spanned");
    let columns = repeat(e, "table:number-columns-spanned");
    if rows == 1 && columns == 1 {
        return;
    }
    let at = |start: u64, span: u64| u32::try_from(start.saturating_add(span - 1)).ok();
    if let (Ok(top), Ok(left), Some(bottom), Some(right)) = (
        u32::try_from(row),
        u32::try_from(column),
        at(row, rows),
        at(column, columns),
    ) {
        merges.push((top, left, bottom, right));
    }
}

fn is_cell(e: &BytesStart<'_>) -> bool {
    matches!(
        e.name().as_ref(),
        "table:table-cell" | "table:covered-table-cell"
    )
}

fn repeat(e: &BytesStart<'_>, name: &str) -> u64 {
    attribute(e, name)
        .and_then(|v| v.parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

/// How a number cell showing `text` shows its value.
fn classify(value: f64, percent: bool, text: &str) -> Option<Shown> {
    let text = text.trim();
    if percent {
        let number = text.strip_suffix('%')?.trim_end();
        let decimals = number.rfind(['.', ',']).map_or(0, |i| number.len() - i - 1);
        return Some(Shown::Percent(decimals));
    }
    let padded = text.len() >= 2
        && text.starts_with('0')
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse::<f64>().ok() == Some(value.round());
    padded.then_some(Shown::Padded(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_text_tells_padding_and_percent_decimals() {
        assert_eq!(
            classify(1_080_012_345.0, false, "001080012345"),
            Some(Shown::Padded(12))
        );
        assert_eq!(classify(0.85, true, "85%"), Some(Shown::Percent(0)));
        assert_eq!(classify(0.855, true, "85,5%"), Some(Shown::Percent(1)));
        assert_eq!(classify(12.0, false, "12"), None);
        assert_eq!(classify(0.5, false, "0,5"), None);
    }
}
