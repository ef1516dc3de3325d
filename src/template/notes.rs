//! Footnotes and endnotes inside repeated blocks. The main document's template carries a
//! copy of each such note right after its reference (in a `vb:note` element), so that the
//! note is filled in the repetition's context; after rendering each copy moves to the notes
//! part with a new id, and the note it was copied from leaves the notes part.

use std::collections::HashSet;

/// Footnotes or endnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteKind {
    pub const ALL: [NoteKind; 2] = [NoteKind::Footnote, NoteKind::Endnote];

    /// `footnote` / `endnote`: the element of a note is `w:footnote`, its reference
    /// `w:footnoteReference`, its part's root `w:footnotes`.
    pub fn word(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnote",
            NoteKind::Endnote => "endnote",
        }
    }

    pub fn of_reference(element: &str) -> Option<NoteKind> {
        match element {
            "w:footnoteReference" => Some(NoteKind::Footnote),
            "w:endnoteReference" => Some(NoteKind::Endnote),
            _ => None,
        }
    }

    /// Whether a part of this content type holds these notes.
    pub fn holds(self, content_type: &str) -> bool {
        content_type.ends_with(&format!("{}s+xml", self.word()))
    }
}

/// The number (1-based) each paragraph of a part has in the template: the paragraphs of a
/// note copied into the part (`spliced`) are not counted, and take the number of the
/// paragraph holding their reference.
pub fn paragraph_numbers(tree: &super::xml::PartTree, spliced: bool) -> Vec<usize> {
    if !spliced {
        return (1..=tree.paragraphs.len()).collect();
    }
    let mut numbers = Vec::with_capacity(tree.paragraphs.len());
    let mut counted = 0;
    for paragraph in &tree.paragraphs {
        let mut t = tree.tokens[paragraph.open].parent;
        let mut in_note = false;
        while t != usize::MAX {
            if &*tree.tokens[t].name == "vb:note" {
                in_note = true;
                break;
            }
            t = tree.tokens[t].parent;
        }
        if !in_note {
            counted += 1;
        }
        numbers.push(counted.max(1));
    }
    numbers
}

/// The value of `w:id` in an element's markup.
fn id_of(markup: &str) -> Option<&str> {
    let start = markup.find(" w:id=\"")? + 7;
    let len = markup[start..].find('"')?;
    Some(&markup[start..start + len])
}

/// The span of note `id`'s element (`<w:footnote w:id="2">...</w:footnote>`) in its part,
/// and the span of its content.
fn note_span(
    xml: &str,
    kind: NoteKind,
    id: &str,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let open = format!("<w:{} ", kind.word());
    let close = format!("</w:{}>", kind.word());
    let mut from = 0;
    while let Some(at) = xml[from..].find(&open) {
        let start = from + at;
        let tag_end = start + xml[start..].find('>')? + 1;
        if id_of(&xml[start..tag_end]) == Some(id) {
            if xml[..tag_end].ends_with("/>") {
                return Some((start..tag_end, tag_end..tag_end));
            }
            let end = tag_end + xml[tag_end..].find(&close)?;
            return Some((start..end + close.len(), tag_end..end));
        }
        from = tag_end;
    }
    None
}

/// The main document's XML with a copy of each note in `looped` after every reference to
/// it; `notes` gives each kind's part XML.
pub fn splice(
    main: &str,
    looped: &HashSet<(NoteKind, String)>,
    notes: &dyn Fn(NoteKind) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(main.len() + 1024);
    let mut rest = main;
    let parts: Vec<(NoteKind, Option<String>)> =
        NoteKind::ALL.iter().map(|&k| (k, notes(k))).collect();
    while let Some(at) = rest.find("Reference ") {
        let start = rest[..at].rfind('<').unwrap_or(at);
        let end = at + rest[at..].find('>').map_or(rest.len() - at, |e| e + 1);
        out.push_str(&rest[..end]);
        let name = rest[start + 1..at + "Reference".len()].to_string();
        let markup = &rest[start..end];
        if let (Some(kind), Some(id)) = (NoteKind::of_reference(&name), id_of(markup))
            && looped.contains(&(kind, id.to_string()))
            && let Some((_, Some(xml))) = parts.iter().find(|(k, _)| *k == kind)
            && let Some((_, content)) = note_span(xml, kind, id)
        {
            out.push_str(&format!("<vb:note k=\"{}\">", kind.word()));
            out.push_str(&xml[content]);
            out.push_str("</vb:note>");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A notes part without the notes in `looped`.
pub fn strip(xml: &str, kind: NoteKind, looped: &HashSet<(NoteKind, String)>) -> String {
    let mut xml = xml.to_string();
    for (k, id) in looped {
        if *k == kind
            && let Some((span, _)) = note_span(&xml, kind, id)
        {
            xml.replace_range(span, "");
        }
    }
    xml
}

/// Moves the rendered copies out of the main document: each reference before a copy takes
/// a new id (above every id of its notes part) and the copy goes to the end of that part.
/// `notes` holds each kind's rendered part XML, which gains the copies.
pub fn gather(main: &str, notes: &mut [(NoteKind, String)]) -> String {
    let mut next: Vec<(NoteKind, u64)> = notes
        .iter()
        .map(|(k, xml)| {
            let open = format!("<w:{} ", k.word());
            let max = xml
                .match_indices(&open)
                .filter_map(|(at, _)| {
                    let end = at + xml[at..].find('>')?;
                    id_of(&xml[at..=end])?.parse::<u64>().ok()
                })
                .max()
                .unwrap_or(0);
            (*k, max + 1)
        })
        .collect();
    let mut out = String::with_capacity(main.len());
    let mut added: Vec<(NoteKind, String)> = Vec::new();
    let mut rest = main;
    while let Some(at) = rest.find("<vb:note k=\"") {
        let before = &rest[..at];
        let kind = if rest[at..].starts_with("<vb:note k=\"endnote\"") {
            NoteKind::Endnote
        } else {
            NoteKind::Footnote
        };
        let content_start = at + rest[at..].find('>').map_or(0, |e| e + 1);
        let end = content_start + rest[content_start..].find("</vb:note>").unwrap_or(0);
        let id = next
            .iter_mut()
            .find(|(k, _)| *k == kind)
            .map(|(_, n)| {
                *n += 1;
                *n - 1
            })
            .unwrap_or(1);
        // The reference just before the copy takes the new id.
        let reference = format!("<w:{}Reference ", kind.word());
        match before.rfind(&reference) {
            Some(r) => {
                let markup_end = r + before[r..].find('>').map_or(0, |e| e + 1);
                let markup = &before[r..markup_end];
                let renamed = match id_of(markup) {
                    Some(old) => {
                        markup.replacen(&format!(" w:id=\"{old}\""), &format!(" w:id=\"{id}\""), 1)
                    }
                    None => markup.to_string(),
                };
                out.push_str(&before[..r]);
                out.push_str(&renamed);
                out.push_str(&before[markup_end..]);
            }
            None => out.push_str(before),
        }
        added.push((
            kind,
            format!(
                "<w:{k} w:id=\"{id}\">{}</w:{k}>",
                &rest[content_start..end],
                k = kind.word()
            ),
        ));
        rest = &rest[end + "</vb:note>".len()..];
    }
    out.push_str(rest);
    for (kind, xml) in notes.iter_mut() {
        let copies: String = added
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, n)| n.as_str())
            .collect();
        let root_end = format!("</w:{}s>", kind.word());
        if let Some(at) = xml.rfind(&root_end) {
            xml.insert_str(at, &copies);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endnote_copied_per_repetition_takes_new_ids_and_leaves_its_original() {
        let notes = r#"<w:endnotes><w:endnote w:id="0"><w:p/></w:endnote><w:endnote w:id="5"><w:p><w:r><w:t>{{x}}</w:t></w:r></w:p></w:endnote></w:endnotes>"#;
        let looped: HashSet<(NoteKind, String)> = [(NoteKind::Endnote, "5".to_string())].into();
        let main = r#"<w:r><w:endnoteReference w:id="5"/></w:r>"#;
        let spliced = splice(main, &looped, &|k| {
            (k == NoteKind::Endnote).then(|| notes.to_string())
        });
        assert_eq!(
            spliced,
            r#"<w:r><w:endnoteReference w:id="5"/><vb:note k="endnote"><w:p><w:r><w:t>{{x}}</w:t></w:r></w:p></vb:note></w:r>"#
        );
        // Two repetitions, rendered.
        let rendered = spliced.replace("{{x}}", "A") + &spliced.replace("{{x}}", "B");
        let mut parts = vec![(NoteKind::Endnote, strip(notes, NoteKind::Endnote, &looped))];
        let main = gather(&rendered, &mut parts);
        assert_eq!(
            main,
            r#"<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r>"#
        );
        assert_eq!(
            parts[0].1,
            r#"<w:endnotes><w:endnote w:id="0"><w:p/></w:endnote><w:endnote w:id="1"><w:p><w:r><w:t>A</w:t></w:r></w:p></w:endnote><w:endnote w:id="2"><w:p><w:r><w:t>B</w:t></w:r></w:p></w:endnote></w:endnotes>"#
        );
    }
}
