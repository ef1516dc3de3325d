//! A part's XML as a list of elements with byte spans, plus the structure the tag scanner
//! needs: paragraphs (numbered in document order, nested ones included), the text nodes of
//! each paragraph, runs, and the table row and cell around each paragraph.

use crate::diag::msg;
use quick_xml::events::Event;

use crate::diag::lower;

use crate::docx::PartKind;

/// One element boundary: a start tag, an end tag or an empty element.
#[derive(Debug, Clone)]
pub struct Tok {
    pub kind: TokKind,
    /// Byte span of the markup (`<w:t xml:space="preserve">`).
    pub start: usize,
    pub end: usize,
    /// Qualified name (`w:t`).
    pub name: Box<str>,
    /// For a start tag, the index of its end tag (and the reverse); itself for an empty one.
    pub partner: usize,
    /// Index of the enclosing start tag, `usize::MAX` at the root.
    pub parent: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Start,
    End,
    Empty,
}

/// Text between a start and its end tag that the scanner reads: a `w:t` in Word parts, any
/// element holding only text in plain parts.
#[derive(Debug, Clone)]
pub struct TextNode {
    /// The start tag's index; its end tag is `tokens[open].partner`.
    pub open: usize,
    /// The paragraph it belongs to (index into `paragraphs`).
    pub paragraph: usize,
    /// The decoded text.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Start tag index of the `w:p` (or of the text element in plain parts).
    pub open: usize,
    /// Text nodes, in order.
    pub nodes: Vec<usize>,
    /// Innermost `w:tr` and `w:tc` start tags around the paragraph, if any.
    pub row: Option<usize>,
    pub cell: Option<usize>,
    /// 1-based table number (in order of `w:tbl` start), row and cell numbers, for messages.
    pub table_pos: Option<(usize, usize, usize)>,
    /// The element holding the paragraph (`w:body`, `w:tc`, `w:txbxContent`...).
    pub container: usize,
    /// A name for the paragraph in plain parts (`dc:title`).
    pub label: Option<String>,
}

#[derive(Debug, Default)]
pub struct PartTree {
    pub tokens: Vec<Tok>,
    pub nodes: Vec<TextNode>,
    pub paragraphs: Vec<Paragraph>,
    /// Tags where Word does not show text (paragraph, the text, where): field codes.
    pub hidden_tags: Vec<(usize, String, &'static str)>,
}

impl PartTree {
    pub fn end_of(&self, start: usize) -> usize {
        self.tokens[start].partner
    }
}

/// Reads a part. Fails with a plain message and the line of malformed XML.
pub fn parse(xml: &str, kind: PartKind) -> Result<PartTree, crate::diag::Message> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut tree = PartTree::default();
    let mut stack: Vec<usize> = Vec::new();
    let mut paragraphs: Vec<usize> = Vec::new();
    let mut rows: Vec<usize> = Vec::new();
    let mut cells: Vec<usize> = Vec::new();
    // Per open table: (table number, rows so far); per open row: cells so far.
    let mut tables: Vec<(usize, usize)> = Vec::new();
    let mut row_cells: Vec<usize> = Vec::new();
    let mut table_count = 0;
    // Whether the open element has child elements (plain parts).
    let mut has_children: Vec<bool> = Vec::new();
    loop {
        let start = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let pos = reader.error_position() as usize;
                return Err(msg!(
                    "template-malformed-xml-line",
                    line = line_of(xml, pos).to_string(),
                    reason = (lower(&e.to_string())).to_string()
                ));
            }
        };
        let end = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                let name: Box<str> = e.name().as_ref().into();
                let index = tree.tokens.len();
                let parent = stack.last().copied().unwrap_or(usize::MAX);
                if let Some(flag) = has_children.last_mut() {
                    *flag = true;
                }
                match (kind, &*name) {
                    (PartKind::Word, "w:p") => {
                        let cell_pos = tables
                            .last()
                            .map(|&(t, r)| (t, r, *row_cells.last().unwrap_or(&0)));
                        paragraphs.push(tree.paragraphs.len());
                        tree.paragraphs.push(Paragraph {
                            open: index,
                            nodes: Vec::new(),
                            row: rows.last().copied(),
                            cell: cells.last().copied(),
                            table_pos: cell_pos,
                            container: parent,
                            label: None,
                        });
                    }
                    (PartKind::Word, "w:tbl") => {
                        table_count += 1;
                        tables.push((table_count, 0));
                    }
                    (PartKind::Word, "w:tr") => {
                        rows.push(index);
                        if let Some(t) = tables.last_mut() {
                            t.1 += 1;
                        }
                        row_cells.push(0);
                    }
                    (PartKind::Word, "w:tc") => {
                        cells.push(index);
                        if let Some(c) = row_cells.last_mut() {
                            *c += 1;
                        }
                    }
                    _ => {}
                }
                if kind == PartKind::Word
                    && &*name == "w:fldSimple"
                    && xml[start..end].contains("{{")
                {
                    let p = paragraphs.last().copied().unwrap_or(0);
                    tree.hidden_tags
                        .push((p, xml[start..end].to_string(), "a field code"));
                }
                tree.tokens.push(Tok {
                    kind: TokKind::Start,
                    start,
                    end,
                    name,
                    partner: index,
                    parent,
                });
                stack.push(index);
                has_children.push(false);
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else {
                    return Err(msg!(
                        "template-malformed-xml-line-unexpected-end",
                        line = line_of(xml, start).to_string()
                    ));
                };
                let had_children = has_children.pop().unwrap_or(true);
                let index = tree.tokens.len();
                let name = tree.tokens[open].name.clone();
                tree.tokens[open].partner = index;
                tree.tokens.push(Tok {
                    kind: TokKind::End,
                    start,
                    end,
                    name: name.clone(),
                    partner: open,
                    parent: stack.last().copied().unwrap_or(usize::MAX),
                });
                let content = &xml[tree.tokens[open].end..start];
                match (kind, &*name) {
                    (PartKind::Word, "w:p") => {
                        paragraphs.pop();
                    }
                    (PartKind::Word, "w:t") => {
                        if let Some(&p) = paragraphs.last() {
                            push_node(&mut tree, open, p, content)?;
                        }
                    }
                    (PartKind::Word, "w:instrText") if content.contains("{{") => {
                        let p = paragraphs.last().copied().unwrap_or(0);
                        tree.hidden_tags
                            .push((p, content.trim().to_string(), "a field code"));
                    }
                    (PartKind::Word, "w:tbl") => {
                        tables.pop();
                    }
                    (PartKind::Word, "w:tr") => {
                        rows.pop();
                        row_cells.pop();
                    }
                    (PartKind::Word, "w:tc") => {
                        cells.pop();
                    }
                    (PartKind::Plain, _) if !had_children && content.contains('{') => {
                        let p = tree.paragraphs.len();
                        tree.paragraphs.push(Paragraph {
                            open,
                            nodes: Vec::new(),
                            row: None,
                            cell: None,
                            table_pos: None,
                            container: tree.tokens[open].parent,
                            label: Some(name.to_string()),
                        });
                        push_node(&mut tree, open, p, content)?;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name: Box<str> = e.name().as_ref().into();
                if let Some(flag) = has_children.last_mut() {
                    *flag = true;
                }
                let index = tree.tokens.len();
                if kind == PartKind::Word && &*name == "w:p" {
                    // An empty paragraph still counts in the numbering.
                    tree.paragraphs.push(Paragraph {
                        open: index,
                        nodes: Vec::new(),
                        row: rows.last().copied(),
                        cell: cells.last().copied(),
                        table_pos: tables
                            .last()
                            .map(|&(t, r)| (t, r, *row_cells.last().unwrap_or(&0))),
                        container: stack.last().copied().unwrap_or(usize::MAX),
                        label: None,
                    });
                }
                tree.tokens.push(Tok {
                    kind: TokKind::Empty,
                    start,
                    end,
                    name,
                    partner: index,
                    parent: stack.last().copied().unwrap_or(usize::MAX),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(&open) = stack.last() {
        return Err(msg!(
            "template-malformed-xml-line-never-closed",
            name = (tree.tokens[open].name).to_string(),
            line = line_of(xml, tree.tokens[open].start).to_string()
        ));
    }
    Ok(tree)
}

fn push_node(
    tree: &mut PartTree,
    open: usize,
    paragraph: usize,
    raw: &str,
) -> Result<(), crate::diag::Message> {
    if raw.contains("<![CDATA[") {
        // Text in CDATA is left as it is: Word never writes it.
        return Ok(());
    }
    let text = quick_xml::escape::unescape(raw)
        .map_err(|e| {
            msg!(
                "template-malformed-xml-text",
                raw = raw.to_string(),
                reason = (lower(&e.to_string())).to_string()
            )
        })?
        .into_owned();
    let index = tree.nodes.len();
    tree.nodes.push(TextNode {
        open,
        paragraph,
        text,
    });
    tree.paragraphs[paragraph].nodes.push(index);
    Ok(())
}

pub fn line_of(xml: &str, pos: usize) -> usize {
    let pos = pos.min(xml.len());
    xml.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// XML-escapes text for element content and attribute values.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        escape_char(c, out);
    }
}

/// One character escaped; characters XML 1.0 forbids are dropped.
pub fn escape_char(c: char, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        c if is_xml_char(c) => out.push(c),
        _ => {}
    }
}

/// Characters XML 1.0 allows.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_count_cells_and_nested_text_boxes() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>c &amp; d</w:t></w:r></w:p></w:txbxContent></w:pict><w:t>e</w:t></w:r></w:p></w:body></w:document>"#;
        let tree = parse(xml, PartKind::Word).unwrap();
        assert_eq!(tree.paragraphs.len(), 5);
        let texts: Vec<_> = tree
            .paragraphs
            .iter()
            .map(|p| {
                p.nodes
                    .iter()
                    .map(|&n| tree.nodes[n].text.as_str())
                    .collect::<String>()
            })
            .collect();
        assert_eq!(texts, ["a", "b", "", "e", "c & d"]);
        assert_eq!(tree.paragraphs[1].table_pos, Some((1, 1, 1)));
        assert_eq!(tree.paragraphs[2].table_pos, Some((1, 1, 2)));
    }

    #[test]
    fn malformed_xml_is_reported_with_its_line() {
        let err = parse("<a>\n<b></a>", PartKind::Word).unwrap_err();
        assert!(
            err.to_string().starts_with("malformed XML at line 2"),
            "{err}"
        );
    }
}
