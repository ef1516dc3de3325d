//! Repairs a rendered part where a block may have broken a rule Word enforces: a table cell
//! must hold a paragraph and end with one, a table needs a row, the body must not end with a
//! table, and drawings need distinct ids. Run only on parts whose template needs it.

use quick_xml::events::Event;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// A block may empty a cell, a table or the end of a container.
    pub repair_tables: bool,
    /// A repeated region holds drawings (`wp:docPr` ids).
    pub renumber_drawings: bool,
}

pub fn apply(needs: Needs, xml: String) -> String {
    let xml = if needs.repair_tables {
        repair_tables(&xml).unwrap_or(xml)
    } else {
        xml
    };
    if needs.renumber_drawings {
        renumber_drawings(&xml)
    } else {
        xml
    }
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

/// Gives every `wp:docPr` a distinct id, in document order.
fn renumber_drawings(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut next = 1u32;
    while let Some(at) = rest.find("<wp:docPr ") {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let tag_end = tail.find('>').unwrap_or(tail.len());
        let tag = &tail[..tag_end];
        match tag.find(" id=\"") {
            Some(id_at) => {
                let value_start = id_at + 5;
                let value_len = tag[value_start..].find('"').unwrap_or(0);
                out.push_str(&tag[..value_start]);
                out.push_str(&next.to_string());
                out.push_str(&tag[value_start + value_len..]);
                next += 1;
            }
            None => out.push_str(tag),
        }
        rest = &tail[tag_end..];
    }
    out.push_str(rest);
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
    fn drawings_get_distinct_ids() {
        let xml = r#"<wp:docPr id="7" name="a"/><wp:docPr id="7" name="a"/>"#;
        assert_eq!(
            renumber_drawings(xml),
            r#"<wp:docPr id="1" name="a"/><wp:docPr id="2" name="a"/>"#
        );
    }
}
