//! Rows and columns an `.xlsx` sheet hides, read from the package's XML (calamine does not
//! expose them): rows hidden by an active AutoFilter are not what the clerk sees as the list,
//! rows and columns hidden by hand are. [`Hidden`] is also what the `.xls` and `.ods` readers
//! (`xls_formats`, `ods_formats`) find.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::Event;

/// What a sheet hides.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Hidden {
    /// 1-based numbers of the hidden rows.
    pub rows: Vec<usize>,
    /// 0-based (first, last) of hidden column ranges.
    pub columns: Vec<(usize, usize)>,
    /// The sheet has an AutoFilter with a filter set on a column: its hidden rows are
    /// filtered out.
    pub filtered: bool,
}

/// The hidden rows and columns of the sheet `name` of the `.xlsx` at `path`; `None` when the
/// package cannot be read this way (calamine reports such files).
pub(crate) fn read(path: &Path, name: &str) -> Option<Hidden> {
    let file = File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let part = sheet_part(&mut zip, name)?;
    let sheet = zip.by_name(&part).ok()?;
    Some(scan(BufReader::new(sheet)))
}

fn text_of(zip: &mut zip::ZipArchive<BufReader<File>>, part: &str) -> Option<String> {
    let mut entry = zip.by_name(part).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}

fn attribute(e: &quick_xml::events::BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// `xl/worksheets/sheet1.xml` for the sheet `name`, through the workbook's relationships.
fn sheet_part(zip: &mut zip::ZipArchive<BufReader<File>>, name: &str) -> Option<String> {
    let workbook = text_of(zip, "xl/workbook.xml")?;
    let mut reader = quick_xml::Reader::from_str(&workbook);
    let mut id = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "sheet"
                    && attribute(&e, "name").as_deref() == Some(name) =>
            {
                id = attribute(&e, "id");
                break;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let rels = text_of(zip, "xl/_rels/workbook.xml.rels")?;
    relation_target(&rels, &id?)
}

/// The zip path of the part the relationship `id` of the workbook's relationships `rels`
/// points at (`xl/worksheets/sheet1.xml`).
pub(crate) fn relation_target(rels: &str, id: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "Relationship"
                    && attribute(&e, "Id").as_deref() == Some(id) =>
            {
                let target = attribute(&e, "Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn is_true(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true"))
}

/// One pass over the sheet's XML, cells skipped.
fn scan(reader: impl std::io::BufRead) -> Hidden {
    let mut xml = quick_xml::Reader::from_reader(reader);
    let mut hidden = Hidden::default();
    let mut buf = Vec::new();
    let mut in_filter = false;
    let mut next_row = 1usize;
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "row" => {
                    let number = attribute(&e, "r")
                        .and_then(|r| r.parse().ok())
                        .unwrap_or(next_row);
                    next_row = number + 1;
                    if is_true(attribute(&e, "hidden")) {
                        hidden.rows.push(number);
                    }
                }
                "col" if is_true(attribute(&e, "hidden")) => {
                    let bound = |a: &str| attribute(&e, a).and_then(|v| v.parse::<usize>().ok());
                    if let (Some(min), Some(max)) = (bound("min"), bound("max"))
                        && min >= 1
                        && max >= min
                    {
                        hidden.columns.push((min - 1, max - 1));
                    }
                }
                "autoFilter" => in_filter = true,
                "filterColumn" if in_filter => hidden.filtered = true,
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "autoFilter" => in_filter = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_columns_and_an_active_filter_are_read() {
        let xml = br#"<worksheet><cols><col min="3" max="4" hidden="1"/></cols><sheetData>
            <row r="1"><c r="A1"/></row><row r="2" hidden="1"/><row r="5" hidden="true"/>
            </sheetData><autoFilter ref="A1:D9"><filterColumn colId="1"/></autoFilter></worksheet>"#;
        assert_eq!(
            scan(&xml[..]),
            Hidden {
                rows: vec![2, 5],
                columns: vec![(2, 3)],
                filtered: true
            }
        );
        let by_hand = br#"<worksheet><sheetData><row r="3" hidden="1"/></sheetData><autoFilter ref="A1:D9"/></worksheet>"#;
        assert!(!scan(&by_hand[..]).filtered);
    }
}
