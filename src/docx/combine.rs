//! All documents of a run in one file, each starting on a new page, in run order (Word mail
//! merge's "edit individual documents").
//!
//! Each document becomes a section of its own, starting on a new page with its page numbers
//! restarted at 1 (`w:pgNumType w:start="1"` on its first section): its body, whose last
//! paragraph carries its section properties with `w:type nextPage` (a paragraph of their own
//! only after a final table, so a document that fills its last page adds no blank page); the
//! last keeps the body's final `w:sectPr`. Headers and
//! footers that hold tags are written once per document as new parts with their own
//! relationships, so every section shows its own. In documents after the first, ids that must
//! stay unique (bookmarks, comment anchors, `w14:paraId`) are dropped and drawing ids
//! renumbered.

use std::collections::{BTreeMap, HashMap};

use crate::docx::numbering::Numbering;
use crate::docx::{Package, Rendered, fixup, parse_relationships, resolve_target};

/// The combined package's parts: (zip index, XML) replacing the template's, and new entries.
pub type Combined = (Rendered, Vec<(String, Vec<u8>)>);

const HEADER_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const FOOTER_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
/// Header and footer relationships end so, in transitional and strict packages alike.
const HEADER_REL: &str = "/relationships/header";
const FOOTER_REL: &str = "/relationships/footer";

/// `templated` gives the zip index of each part that holds tags, by part name.
pub fn combine(
    package: &Package,
    templated: impl Fn(&str) -> Option<usize>,
    documents: &[Rendered],
) -> Result<Combined, String> {
    let main = package.main_part();
    let rels_name = rels_name_of(&main.name);
    let rels_index = package
        .entries
        .iter()
        .position(|e| *e == rels_name)
        .ok_or_else(|| format!("the template has no '{rels_name}'"))?;
    let mut rels_xml = package
        .read_text(&rels_name)
        .map_err(|d| d.message)?
        .unwrap_or_default();
    let types_index = package
        .entries
        .iter()
        .position(|e| e == "[Content_Types].xml")
        .ok_or("the template has no '[Content_Types].xml'")?;
    let mut types_xml = package
        .read_text("[Content_Types].xml")
        .map_err(|d| d.message)?
        .unwrap_or_default();

    // Headers and footers with tags, by relationship id.
    let relationships = parse_relationships(&rels_xml);
    let main_dir = main.name.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    // Relationship id to (zip index, `header` or `footer`, the relationship's type).
    let templated: BTreeMap<String, (usize, &str, &str)> = relationships
        .iter()
        .filter(|r| !r.external && (r.kind.ends_with(HEADER_REL) || r.kind.ends_with(FOOTER_REL)))
        .filter_map(|r| {
            let part_name = resolve_target(main_dir, &r.target);
            let index = templated(&part_name)?;
            let kind = if r.kind.ends_with(HEADER_REL) {
                "header"
            } else {
                "footer"
            };
            Some((r.id.clone(), (index, kind, r.kind.as_str())))
        })
        .collect();
    let mut next_part = 1 + package
        .entries
        .iter()
        .filter_map(|e| {
            let name = e.strip_prefix(&format!("{main_dir}/"))?;
            let digits: String = name
                .trim_start_matches("header")
                .trim_start_matches("footer")
                .trim_end_matches(".xml")
                .to_string();
            (name.starts_with("header") || name.starts_with("footer"))
                .then(|| digits.parse::<usize>().ok())?
        })
        .max()
        .unwrap_or(0);

    // Numbered lists restart in each document: its own numbering instances.
    // The first document's numbering (with the instances its repeated lists got) is the base.
    let mut numbering = package.numbering().map(|(index, xml)| {
        let first = documents
            .first()
            .and_then(|parts| parts.iter().find(|(i, _)| *i == index))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned());
        (index, Numbering::read(first.unwrap_or(xml)))
    });

    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    let mut new_rels = String::new();
    let mut new_types = String::new();
    let mut head = String::new();
    let mut body = String::new();
    let mut tail = String::new();
    for (d, parts) in documents.iter().enumerate() {
        let find = |index: usize| {
            parts
                .iter()
                .find(|(i, _)| *i == index)
                .map(|(_, b)| b.as_slice())
        };
        let xml = match find(main.index) {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => main.xml.clone(),
        };
        let (prefix, content, sect, suffix) = split_body(&xml)?;
        // Page numbers restart in the document's first section: the first section break of
        // its content, or its final section.
        let (content, sect) = match first_section_break(content) {
            Some(range) => {
                let mut content = content.to_string();
                let restarted = with_page_restart(&content[range.clone()]);
                content.replace_range(range, &restarted);
                (content, sect.to_string())
            }
            None => (content.to_string(), with_page_restart(sect)),
        };
        let mut content = content;
        let mut sect = sect;
        if d > 0 {
            // This document's own copies of templated headers and footers.
            let mut renamed: HashMap<String, String> = HashMap::new();
            for (id, (index, kind, rel_type)) in &templated {
                let Some(bytes) = find(*index) else { continue };
                let file = format!("{kind}{next_part}.xml");
                next_part += 1;
                let new_id = format!("rIdVanban{next_part}");
                added.push((resolve_target(main_dir, &file), bytes.to_vec()));
                new_rels.push_str(&format!(
                    r#"<Relationship Id="{new_id}" Type="{rel_type}" Target="{file}"/>"#
                ));
                new_types.push_str(&format!(
                    r#"<Override PartName="/{}" ContentType="{}"/>"#,
                    resolve_target(main_dir, &file),
                    if *kind == "header" {
                        HEADER_TYPE
                    } else {
                        FOOTER_TYPE
                    }
                ));
                renamed.insert(id.clone(), new_id);
            }
            content = rename_references(&content, &renamed);
            sect = rename_references(&sect, &renamed);
            content = drop_unique_marks(&content);
            if let Some((index, numbering)) = &mut numbering {
                // This document's own numbering instances, if its lists repeated.
                let own =
                    find(*index).map(|b| Numbering::read(String::from_utf8_lossy(b).into_owned()));
                content = numbering.restart_lists(&content, own.as_ref());
            }
        } else {
            head = prefix.to_string();
            tail = suffix.to_string();
        }
        let sect = with_next_page(&sect);
        if d + 1 < documents.len() {
            match end_section_in_last_paragraph(&content, &sect) {
                Some(ended) => body.push_str(&ended),
                None => {
                    body.push_str(&content);
                    body.push_str(&format!("<w:p><w:pPr>{sect}</w:pPr></w:p>"));
                }
            }
        } else {
            body.push_str(&content);
            body.push_str(&sect);
        }
    }
    let document = fixup::apply(
        fixup::Needs {
            repair_tables: false,
            renumber_drawings: true,
            renumber_revisions: true,
            restart_lists: false,
            ..fixup::Needs::default()
        },
        format!("{head}{body}{tail}"),
        &mut package.free_ids(),
    );
    insert_before(&mut rels_xml, "</Relationships>", &new_rels)?;
    insert_before(&mut types_xml, "</Types>", &new_types)?;

    // The other rendered parts (document properties, footnotes) come from the first document.
    let mut replaced: Rendered = documents
        .first()
        .map(|parts| {
            parts
                .iter()
                .filter(|(i, _)| *i != main.index && !templated.values().any(|(t, _, _)| t == i))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if let Some(first) = documents.first() {
        for (index, _, _) in templated.values() {
            if let Some(part) = first.iter().find(|(i, _)| i == index) {
                replaced.push(part.clone());
            }
        }
    }
    replaced.push((main.index, document.into_bytes()));
    if let Some((index, numbering)) = numbering
        && numbering.changed()
    {
        replaced.retain(|(i, _)| *i != index);
        replaced.push((index, numbering.finish().into_bytes()));
    }
    replaced.push((rels_index, rels_xml.into_bytes()));
    replaced.push((types_index, types_xml.into_bytes()));
    Ok((replaced, added))
}

fn rels_name_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// (everything up to the body's content, the content, the final `w:sectPr`, the rest).
fn split_body(xml: &str) -> Result<(&str, &str, &str, &str), String> {
    let open = xml.find("<w:body>").ok_or("the document has no <w:body>")? + "<w:body>".len();
    let close = xml
        .rfind("</w:body>")
        .ok_or("the document has no </w:body>")?;
    let body = &xml[open..close];
    let sect_start = body.rfind("<w:sectPr");
    match sect_start {
        Some(s)
            if body[s..].trim_end().ends_with("</w:sectPr>")
                || body[s..].trim_end().ends_with("/>") =>
        {
            Ok((&xml[..open], &body[..s], &body[s..], &xml[close..]))
        }
        _ => Ok((&xml[..open], body, "", &xml[close..])),
    }
}

/// The span of the first `w:sectPr` in a body's content (a section break in a paragraph).
fn first_section_break(content: &str) -> Option<std::ops::Range<usize>> {
    let start = content.find("<w:sectPr")?;
    if content[start..].starts_with("<w:sectPrChange") {
        return None;
    }
    let end = start + content[start..].find("</w:sectPr>")? + "</w:sectPr>".len();
    Some(start..end)
}

/// A section's properties with its page numbers starting at 1 (a `w:start` the template
/// set is kept).
fn with_page_restart(sect: &str) -> String {
    let sect = if sect.is_empty() {
        "<w:sectPr></w:sectPr>"
    } else {
        sect
    };
    if let Some(at) = sect.find("<w:pgNumType") {
        let end = at + sect[at..].find('>').unwrap_or(0);
        if sect[at..end].contains("w:start=") {
            return sect.to_string();
        }
        let name_end = at + "<w:pgNumType".len();
        return format!(r#"{} w:start="1"{}"#, &sect[..name_end], &sect[name_end..]);
    }
    // A self-closed `<w:sectPr/>`.
    if let Some(stripped) = sect.trim_end().strip_suffix("/>")
        && !sect.contains("</w:sectPr>")
    {
        return format!(r#"{stripped}><w:pgNumType w:start="1"/></w:sectPr>"#);
    }
    // In schema order: after `w:lnNumType`, before `w:cols` and what follows it.
    let after = [
        "<w:cols",
        "<w:formProt",
        "<w:vAlign",
        "<w:noEndnote",
        "<w:titlePg",
        "<w:textDirection",
        "<w:bidi",
        "<w:rtlGutter",
        "<w:docGrid",
        "<w:printerSettings",
        "<w:sectPrChange",
        "</w:sectPr>",
    ];
    let at = after
        .iter()
        .filter_map(|a| sect.find(a))
        .min()
        .unwrap_or(sect.len());
    format!(
        r#"{}<w:pgNumType w:start="1"/>{}"#,
        &sect[..at],
        &sect[at..]
    )
}

/// The content with `sect` ending its section in its last paragraph, when the content ends
/// with a paragraph (bookmark and comment ends after it aside) that ends no section yet:
/// inside its `w:pPr` (after `w:rPr`, before `w:pPrChange`), or in a `w:pPr` of its own.
fn end_section_in_last_paragraph(content: &str, sect: &str) -> Option<String> {
    use quick_xml::events::Event;
    let trailing = |name: &str| {
        matches!(
            name,
            "w:bookmarkEnd" | "w:bookmarkStart" | "w:commentRangeEnd" | "w:proofErr" | "w:permEnd"
        )
    };
    // The last top-level element that is not a trailing mark: (is a `w:p` start, its span).
    let mut reader = quick_xml::Reader::from_str(content);
    let mut depth = 0usize;
    let mut last: Option<(bool, usize, usize)> = None;
    let mut open_at = 0;
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event().ok()? {
            Event::Start(e) => {
                if depth == 0 {
                    open_at = before;
                    last = Some((e.name().as_ref() == "w:p", before, before));
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0
                    && let Some((is_p, start, _)) = last
                    && start == open_at
                {
                    last = Some((is_p, start, reader.buffer_position() as usize));
                }
            }
            Event::Empty(e) if depth == 0 && !trailing(e.name().as_ref()) => {
                last = Some((false, before, reader.buffer_position() as usize));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (true, start, end) = last? else {
        return None;
    };
    let paragraph = &content[start..end];
    // The paragraph's first child, if it is its `w:pPr`.
    let mut reader = quick_xml::Reader::from_str(paragraph);
    reader.read_event().ok()?; // `<w:p>`
    let p_open_end = reader.buffer_position() as usize;
    let insert = |at: usize, text: &str| {
        let mut out = content.to_string();
        out.insert_str(start + at, text);
        Some(out)
    };
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event().ok()? {
            Event::Text(_) => continue,
            Event::Start(e) if e.name().as_ref() == "w:pPr" => {
                let ppr_end = before + paragraph[before..].find("</w:pPr>")?;
                let ppr = &paragraph[before..ppr_end];
                if ppr.contains("<w:sectPr") {
                    return None;
                }
                let at = ppr.find("<w:pPrChange").map_or(ppr_end, |c| before + c);
                return insert(at, sect);
            }
            Event::Empty(e) if e.name().as_ref() == "w:pPr" => {
                let mut out = content.to_string();
                let at = start + before;
                let len = reader.buffer_position() as usize - before;
                out.replace_range(at..at + len, &format!("<w:pPr>{sect}</w:pPr>"));
                return Some(out);
            }
            _ => return insert(p_open_end, &format!("<w:pPr>{sect}</w:pPr>")),
        }
    }
}

/// A section's properties starting on a new page.
fn with_next_page(sect: &str) -> String {
    if sect.is_empty() {
        return r#"<w:sectPr><w:type w:val="nextPage"/></w:sectPr>"#.to_string();
    }
    if let Some(start) = sect.find("<w:type ") {
        let end = start + sect[start..].find("/>").map(|e| e + 2).unwrap_or(0);
        return format!(
            r#"{}<w:type w:val="nextPage"/>{}"#,
            &sect[..start],
            &sect[end..]
        );
    }
    for anchor in ["<w:pgSz", "<w:pgMar", "<w:cols", "</w:sectPr>"] {
        if let Some(at) = sect.find(anchor) {
            return format!(
                r#"{}<w:type w:val="nextPage"/>{}"#,
                &sect[..at],
                &sect[at..]
            );
        }
    }
    sect.to_string()
}

/// Points header and footer references at this document's own copies.
fn rename_references(xml: &str, renamed: &HashMap<String, String>) -> String {
    if renamed.is_empty() {
        return xml.to_string();
    }
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("Reference ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let end = after.find('>').map(|e| e + 1).unwrap_or(after.len());
        let mut tag = after[..end].to_string();
        let is_ref = before.ends_with("<w:header") || before.ends_with("<w:footer");
        if is_ref {
            for (old, new) in renamed {
                let from = format!("r:id=\"{old}\"");
                if tag.contains(&from) {
                    tag = tag.replace(&from, &format!("r:id=\"{new}\""));
                    break;
                }
            }
        }
        out.push_str(&tag);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Drops what must stay unique in a package from a later document's body.
fn drop_unique_marks(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let marks = [
        "<w:bookmarkStart ",
        "<w:bookmarkEnd ",
        "<w:commentRangeStart ",
        "<w:commentRangeEnd ",
        "<w:commentReference ",
    ];
    loop {
        let next = marks.iter().filter_map(|m| rest.find(m)).min();
        let Some(at) = next else { break };
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find("/>")
            .map(|e| at + e + 2)
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    for id in [" w14:paraId=\"", " w14:textId=\""] {
        while let Some(at) = out.find(id) {
            let value_end = out[at + id.len()..]
                .find('"')
                .map(|e| at + id.len() + e + 1);
            match value_end {
                Some(end) => out.replace_range(at..end, ""),
                None => break,
            }
        }
    }
    out
}

fn insert_before(xml: &mut String, anchor: &str, text: &str) -> Result<(), String> {
    let at = xml
        .rfind(anchor)
        .ok_or_else(|| format!("no '{anchor}' to add to"))?;
    xml.insert_str(at, text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_made_to_start_on_a_new_page() {
        assert_eq!(
            with_next_page(
                r#"<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="1"/></w:sectPr>"#
            ),
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:type w:val="nextPage"/><w:pgSz w:w="1"/></w:sectPr>"#
        );
        assert_eq!(
            with_next_page(r#"<w:sectPr><w:type w:val="continuous"/><w:pgSz/></w:sectPr>"#),
            r#"<w:sectPr><w:type w:val="nextPage"/><w:pgSz/></w:sectPr>"#
        );
    }

    #[test]
    fn header_references_point_at_the_copies() {
        let renamed = HashMap::from([("rId8".to_string(), "rIdVanban3".to_string())]);
        assert_eq!(
            rename_references(
                r#"<w:headerReference w:type="default" r:id="rId8"/><w:footerReference r:id="rId9"/>"#,
                &renamed
            ),
            r#"<w:headerReference w:type="default" r:id="rIdVanban3"/><w:footerReference r:id="rId9"/>"#
        );
    }

    #[test]
    fn page_numbers_restart_in_schema_order() {
        assert_eq!(
            with_page_restart(
                r#"<w:sectPr><w:pgSz w:w="1"/><w:pgMar w:top="1"/><w:cols w:space="1"/><w:docGrid/></w:sectPr>"#
            ),
            r#"<w:sectPr><w:pgSz w:w="1"/><w:pgMar w:top="1"/><w:pgNumType w:start="1"/><w:cols w:space="1"/><w:docGrid/></w:sectPr>"#
        );
        assert_eq!(
            with_page_restart(r#"<w:sectPr><w:pgNumType w:fmt="lowerRoman"/></w:sectPr>"#),
            r#"<w:sectPr><w:pgNumType w:start="1" w:fmt="lowerRoman"/></w:sectPr>"#
        );
        assert_eq!(
            with_page_restart(r#"<w:sectPr><w:pgNumType w:start="5"/></w:sectPr>"#),
            r#"<w:sectPr><w:pgNumType w:start="5"/></w:sectPr>"#
        );
        assert_eq!(
            with_page_restart(""),
            r#"<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>"#
        );
    }

    #[test]
    fn a_section_ends_in_the_last_paragraph_not_in_a_new_one() {
        let sect = "<w:sectPr/>";
        assert_eq!(
            end_section_in_last_paragraph(
                r#"<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>b</w:t></w:r></w:p><w:bookmarkEnd w:id="0"/>"#,
                sect
            )
            .as_deref(),
            Some(
                r#"<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr><w:sectPr/></w:pPr><w:r><w:t>b</w:t></w:r></w:p><w:bookmarkEnd w:id="0"/>"#
            )
        );
        assert_eq!(
            end_section_in_last_paragraph(
                r#"<w:p w14:paraId="1"><w:r><w:t>b</w:t></w:r></w:p>"#,
                sect
            )
            .as_deref(),
            Some(r#"<w:p w14:paraId="1"><w:pPr><w:sectPr/></w:pPr><w:r><w:t>b</w:t></w:r></w:p>"#)
        );
        assert_eq!(
            end_section_in_last_paragraph(r#"<w:p><w:pPr/></w:p>"#, sect).as_deref(),
            Some(r#"<w:p><w:pPr><w:sectPr/></w:pPr></w:p>"#)
        );
        // After a table, or where the paragraph already ends a section: a paragraph of its own.
        assert_eq!(
            end_section_in_last_paragraph(r#"<w:p/><w:tbl><w:tr/></w:tbl>"#, sect),
            None
        );
        assert_eq!(
            end_section_in_last_paragraph(r#"<w:p><w:pPr><w:sectPr/></w:pPr></w:p>"#, sect),
            None
        );
    }
}
