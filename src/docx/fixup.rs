//! Repairs a rendered part where a block may have broken a rule Word enforces: a table cell
//! must hold a paragraph and end with one, a table needs a row, the body must not end with a
//! table, and drawings need distinct ids; tables merge equal values and fit their columns
//! (see [`super::tables`]). Run only on parts whose template needs it.

use quick_xml::events::Event;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// A block may empty a cell, a table or the end of a container.
    pub repair_tables: bool,
    /// A repeated region holds drawings (`wp:docPr` ids).
    pub renumber_drawings: bool,
    /// A repeated region holds tracked changes (`w:ins`, `w:del`, `w:rPrChange`... ids).
    pub renumber_revisions: bool,
    /// A repeated region holds a numbered list: each repetition's lists start again (see
    /// `numbering::Numbering::restart_repeated`).
    pub restart_lists: bool,
    /// Cells are marked to merge with equal values above them, or a vertical merge may lose
    /// its start (see [`super::tables::merge_cells`]).
    pub merge_cells: bool,
    /// A column block repeats or drops table columns (see [`super::tables::fit_columns`]).
    pub fit_columns: bool,
}

/// The next free ids of a document, above every id its template uses in any story part
/// (body, headers, footers, footnotes, endnotes, comments): copies get ids from here, so
/// they collide with no id of another part, nor with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeIds {
    /// `w:id` of annotations (tracked changes, bookmarks, comments).
    pub annotation: u64,
    /// `wp:docPr id` of drawings.
    pub drawing: u64,
}

impl FreeIds {
    /// The first ids above those used in `parts`.
    pub fn above<'a>(parts: impl IntoIterator<Item = &'a str>) -> FreeIds {
        let mut ids = FreeIds {
            annotation: 1,
            drawing: 1,
        };
        for xml in parts {
            ids.annotation = ids.annotation.max(max_value(xml, "w:id=\"", None) + 1);
            ids.drawing = ids
                .drawing
                .max(max_value(xml, " id=\"", Some("<wp:docPr ")) + 1);
        }
        ids
    }
}

/// The largest number that follows `key` in `xml` (within `element` start tags only, when
/// given); 0 when there is none.
fn max_value(xml: &str, key: &str, element: Option<&str>) -> u64 {
    let mut max = 0;
    let mut rest = xml;
    loop {
        let at = match element {
            Some(element) => match rest.find(element) {
                Some(e) => {
                    rest = &rest[e..];
                    let end = rest.find('>').unwrap_or(rest.len());
                    match rest[..end].find(key) {
                        Some(k) => k,
                        None => {
                            rest = &rest[end..];
                            continue;
                        }
                    }
                }
                None => break,
            },
            None => match rest.find(key) {
                Some(k) => k,
                None => break,
            },
        };
        rest = &rest[at + key.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if let Ok(n) = rest[..digits].parse::<u64>() {
            max = max.max(n);
        }
    }
    max
}

pub fn apply(needs: Needs, xml: String, free: &mut FreeIds) -> String {
    let xml = if needs.fit_columns {
        super::tables::fit_columns(&xml)
    } else {
        xml
    };
    let xml = if needs.merge_cells {
        super::tables::merge_cells(&xml)
    } else {
        xml
    };
    let xml = if needs.repair_tables {
        repair_tables(&xml).unwrap_or(xml)
    } else {
        xml
    };
    let xml = if needs.renumber_drawings {
        renumber(&xml, &|name| name == "wp:docPr", "id", &mut free.drawing)
    } else {
        xml
    };
    if needs.renumber_revisions {
        renumber(&xml, &is_revision, "w:id", &mut free.annotation)
    } else {
        xml
    }
}

/// Elements of tracked changes, whose `w:id` must be unique in the document.
pub fn is_revision(name: &str) -> bool {
    matches!(
        name,
        "w:ins"
            | "w:del"
            | "w:moveFrom"
            | "w:moveTo"
            | "w:rPrChange"
            | "w:pPrChange"
            | "w:tcPrChange"
            | "w:trPrChange"
            | "w:tblPrChange"
            | "w:tblPrExChange"
            | "w:tblGridChange"
            | "w:sectPrChange"
            | "w:numberingChange"
            | "w:cellIns"
            | "w:cellDel"
            | "w:cellMerge"
            | "w:moveFromRangeStart"
            | "w:moveFromRangeEnd"
            | "w:moveToRangeStart"
            | "w:moveToRangeEnd"
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Child {
    Paragraph,
    Table,
    Other,
}

struct Frame {
    name: Vec<u8>,
    /// Output length where the element started (to remove an empty table).
    out_start: usize,
    children: Vec<Child>,
    rows: usize,
}

/// `None` when the XML cannot be read (then it is left as it is).
fn repair_tables(xml: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() + 64);
    let mut stack: Vec<Frame> = Vec::new();
    let mut copied = 0;
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let end = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                out.push_str(&xml[copied..start]);
                copied = start;
                stack.push(Frame {
                    name: e.name().as_ref().as_bytes().to_vec(),
                    out_start: out.len(),
                    children: Vec::new(),
                    rows: 0,
                });
            }
            Event::Empty(e) => {
                let kind = match e.name().as_ref().as_bytes() {
                    b"w:p" => Child::Paragraph,
                    b"w:sectPr" => Child::Other,
                    _ => Child::Other,
                };
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(kind);
                }
            }
            Event::End(_) => {
                let frame = stack.pop()?;
                out.push_str(&xml[copied..start]);
                let name = frame.name.as_slice();
                let ends_without_paragraph = !frame.children.contains(&Child::Paragraph)
                    || frame.children.last() == Some(&Child::Table);
                match name {
                    b"w:tc" if ends_without_paragraph => out.push_str("<w:p/>"),
                    b"w:tbl" if frame.rows == 0 => {
                        // A table with no row left: drop it whole.
                        out.truncate(frame.out_start);
                        copied = end;
                        continue;
                    }
                    _ => {}
                }
                out.push_str(&xml[start..end]);
                copied = end;
                if let Some(parent) = stack.last_mut() {
                    match name {
                        b"w:p" => parent.children.push(Child::Paragraph),
                        b"w:tbl" => parent.children.push(Child::Table),
                        b"w:tr" => {
                            parent.rows += 1;
                            parent.children.push(Child::Other)
                        }
                        _ => parent.children.push(Child::Other),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        // A body whose last block is a table gets a paragraph before its section properties.
        if let Some(frame) = stack.last()
            && frame.name == b"w:sectPr"
            && stack.len() >= 2
        {
            let body = &stack[stack.len() - 2];
            let before = &body.children;
            if body.name == b"w:body" && before.last() == Some(&Child::Table) {
                let at = frame.out_start;
                out.insert_str(at, "<w:p/>");
                let body = stack.len() - 2;
                stack[body].children.push(Child::Paragraph);
                if let Some(f) = stack.last_mut() {
                    f.out_start += "<w:p/>".len();
                }
            }
        }
    }
    out.push_str(&xml[copied..]);
    Some(out)
}

/// Gives the elements `is_target` names distinct `attr` ids: the first of each id keeps it,
/// a repeat takes the next free one. A range's end (`w:moveFromRangeEnd`) follows its start.
fn renumber(xml: &str, is_target: &dyn Fn(&str) -> bool, attr: &str, next: &mut u64) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() + 64);
    let mut copied = 0;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    // A range start's old id to its new one, until its end.
    let mut ranges: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let key = format!(" {attr}=\"");
    loop {
        let start = reader.buffer_position() as usize;
        let Ok(event) = reader.read_event() else {
            return xml.to_string();
        };
        let end = reader.buffer_position() as usize;
        let name = match &event {
            Event::Start(e) | Event::Empty(e) => e.name().as_ref().to_string(),
            Event::Eof => break,
            _ => continue,
        };
        if !is_target(&name) {
            continue;
        }
        let markup = &xml[start..end];
        let Some(at) = markup.find(&key) else {
            continue;
        };
        let value_start = at + key.len();
        let value_len = markup[value_start..].find('"').unwrap_or(0);
        let id = &markup[value_start..value_start + value_len];
        let new = if name.ends_with("RangeEnd") {
            ranges.remove(id)
        } else if seen.insert(id.to_string()) {
            None
        } else {
            let new = *next;
            *next += 1;
            if name.ends_with("RangeStart") {
                ranges.insert(id.to_string(), new);
            }
            Some(new)
        };
        if let Some(new) = new {
            out.push_str(&xml[copied..start + value_start]);
            out.push_str(&new.to_string());
            copied = start + value_start + value_len;
        }
    }
    out.push_str(&xml[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emptied_cell_gets_a_paragraph() {
        let xml = "<w:tbl><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>";
        assert_eq!(
            repair_tables(xml).unwrap(),
            "<w:tbl><w:tr><w:tc><w:tcPr/><w:p/></w:tc></w:tr></w:tbl>"
        );
    }

    #[test]
    fn a_table_without_rows_is_removed() {
        let xml = "<w:body><w:p/><w:tbl><w:tblPr/><w:tblGrid/></w:tbl><w:p/></w:body>";
        assert_eq!(repair_tables(xml).unwrap(), "<w:body><w:p/><w:p/></w:body>");
    }

    #[test]
    fn a_body_ending_with_a_table_gets_a_paragraph() {
        let xml = "<w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:sectPr><w:pgSz/></w:sectPr></w:body>";
        assert_eq!(
            repair_tables(xml).unwrap(),
            "<w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/><w:sectPr><w:pgSz/></w:sectPr></w:body>"
        );
    }

    #[test]
    fn repeated_drawings_take_free_ids() {
        let xml = r#"<wp:docPr id="7" name="a"/><wp:docPr id="7" name="a"/><wp:docPr id="3"/>"#;
        let mut free = FreeIds::above([xml]);
        assert_eq!(free.drawing, 8);
        let needs = Needs {
            renumber_drawings: true,
            ..Needs::default()
        };
        assert_eq!(
            apply(needs, xml.to_string(), &mut free),
            r#"<wp:docPr id="7" name="a"/><wp:docPr id="8" name="a"/><wp:docPr id="3"/>"#
        );
        assert_eq!(free.drawing, 9);
    }

    #[test]
    fn repeated_tracked_changes_take_free_ids_and_ranges_stay_paired() {
        let copy = r#"<w:ins w:id="4" w:author="A"><w:r/></w:ins><w:moveFromRangeStart w:id="5" w:name="m"/><w:moveFromRangeEnd w:id="5"/>"#;
        let xml = format!("<w:body>{copy}{copy}</w:body>");
        let mut free = FreeIds {
            annotation: 20,
            drawing: 1,
        };
        let needs = Needs {
            renumber_revisions: true,
            ..Needs::default()
        };
        assert_eq!(
            apply(needs, xml, &mut free),
            format!(
                r#"<w:body>{copy}<w:ins w:id="20" w:author="A"><w:r/></w:ins><w:moveFromRangeStart w:id="21" w:name="m"/><w:moveFromRangeEnd w:id="21"/></w:body>"#
            )
        );
    }
}
