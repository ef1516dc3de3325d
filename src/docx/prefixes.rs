//! Namespace prefixes as the rest of vanban reads them. A part may bind the
//! WordprocessingML namespace to any prefix (`ns0:p`, as Python's ElementTree writes it) or
//! make it the default namespace, and Strict OOXML has namespaces of its own (the ISO ones,
//! `http://purl.oclc.org/ooxml/...`). Such a part is rewritten so that each namespace vanban
//! reads is bound to its usual prefix (`w`, `w14`, `wp`, `r`, `mc`, `dc`, `cp`), its URI
//! kept: the same document, spelt as Word spells it. A part already spelt so is left as it is.

use crate::diag::msg;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};

use crate::diag::{Message, lower};

/// Namespace URIs (transitional and strict) and the prefix vanban reads them by.
const USUAL: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    (
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "w14",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "wp",
    ),
    (
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        "wp",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "r",
    ),
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    (
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "cp",
    ),
];

fn usual_prefix(uri: &str) -> Option<&'static str> {
    USUAL.iter().find(|(u, _)| *u == uri).map(|(_, p)| *p)
}

fn usual_uri(prefix: &str) -> impl Iterator<Item = &'static str> + '_ {
    USUAL
        .iter()
        .filter(move |(_, p)| *p == prefix)
        .map(|(u, _)| *u)
}

/// The part with the usual prefixes; a plain message when its XML cannot be read or it binds
/// one prefix to two namespaces.
pub fn normalize(xml: &str) -> Result<Cow<'_, str>, Message> {
    if !needs_renaming(&quick_bindings(xml)) {
        return Ok(Cow::Borrowed(xml));
    }
    let bindings = bindings(xml)?;
    let mut uris: HashMap<&str, &str> = HashMap::new();
    for (prefix, uri) in &bindings {
        if let Some(other) = uris.insert(prefix, uri)
            && other != uri
        {
            return Err(match prefix.as_str() {
                "" => msg!("docx-part-declares-two-default-namespaces"),
                p => msg!("docx-part-binds-prefix-two-namespaces", p = p.to_string()),
            });
        }
    }
    // Old prefix ("" for the default namespace) to new.
    let mut rename: HashMap<String, String> = HashMap::new();
    let taken: HashSet<&str> = uris.keys().copied().collect();
    let mut fresh = 0;
    for (&prefix, &uri) in &uris {
        match usual_prefix(uri) {
            Some(usual) if usual != prefix => {
                rename.insert(prefix.to_string(), usual.to_string());
            }
            Some(_) => {}
            None if !prefix.is_empty() && usual_uri(prefix).next().is_some() => {
                // A usual prefix bound to something else moves out of the way.
                let name = loop {
                    fresh += 1;
                    let name = format!("ns{fresh}");
                    if !taken.contains(name.as_str()) {
                        break name;
                    }
                };
                rename.insert(prefix.to_string(), name);
            }
            None => {}
        }
    }
    rewrite(xml, &rename).map(Cow::Owned)
}

/// `xmlns` declarations found in the text, without parsing it: enough to see that a part
/// needs no renaming.
fn quick_bindings(xml: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("xmlns") {
        rest = &rest[at + 5..];
        let (prefix, after) = match rest.strip_prefix(':') {
            Some(r) => {
                let len = r.find(['=', ' ', '>', '/']).unwrap_or(r.len());
                (&r[..len], &r[len..])
            }
            None => ("", rest),
        };
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(len) = after[1..].find(quote) {
            out.push((prefix, &after[1..1 + len]));
        }
    }
    out
}

fn needs_renaming(bindings: &[(&str, &str)]) -> bool {
    bindings
        .iter()
        .any(|&(prefix, uri)| match usual_prefix(uri) {
            Some(usual) => usual != prefix,
            None => !prefix.is_empty() && usual_uri(prefix).next().is_some(),
        })
}

/// Every `xmlns` declaration of the part: (prefix, or "" for the default; URI).
fn bindings(xml: &str) -> Result<Vec<(String, String)>, Message> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                for attr in e.attributes().flatten() {
                    let key = attr.key.as_ref().to_string();
                    let prefix = match key.strip_prefix("xmlns") {
                        Some("") => "",
                        Some(p) if p.starts_with(':') => &p[1..],
                        _ => continue,
                    };
                    out.push((prefix.to_string(), attr.value.to_string()));
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => {
                return Err(msg!("docx-malformed-xml", reason = lower(&e.to_string())));
            }
        }
    }
}

/// Markup-compatibility attributes whose values name prefixes (`w14 wp14`) or qualified
/// names (`w14:x`).
const PREFIX_LISTS: &[&str] = &[
    "Ignorable",
    "MustUnderstand",
    "ProcessContent",
    "PreserveElements",
    "PreserveAttributes",
];

fn rewrite(xml: &str, rename: &HashMap<String, String>) -> Result<String, Message> {
    let qname = |name: &str, element: bool| -> String {
        match name.split_once(':') {
            Some((prefix, local)) => match rename.get(prefix) {
                Some(new) => format!("{new}:{local}"),
                None => name.to_string(),
            },
            // Attributes without a prefix are in no namespace; elements are in the default.
            None if element => match rename.get("") {
                Some(new) => format!("{new}:{name}"),
                None => name.to_string(),
            },
            None => name.to_string(),
        }
    };
    let start_tag = |e: &BytesStart, out: &mut String| {
        out.push('<');
        out.push_str(&qname(e.name().as_ref(), true));
        let mut declared: HashSet<String> = HashSet::new();
        for attr in e.attributes().flatten() {
            let key = attr.key.as_ref();
            let value = attr.value.to_string().replace('"', "&quot;");
            let (key, value) = match key.strip_prefix("xmlns") {
                Some("") => match rename.get("") {
                    Some(new) => (format!("xmlns:{new}"), value),
                    None => (key.to_string(), value),
                },
                Some(p) if p.starts_with(':') => {
                    let p = &p[1..];
                    let p = rename.get(p).map_or(p, String::as_str);
                    (format!("xmlns:{p}"), value)
                }
                _ => {
                    let key = qname(key, false);
                    let is_list = key
                        .strip_prefix("mc:")
                        .is_some_and(|local| PREFIX_LISTS.contains(&local));
                    let value = if is_list {
                        let words: Vec<String> = value
                            .split_whitespace()
                            .map(|w| match rename.get(w.split(':').next().unwrap_or(w)) {
                                Some(new) => match w.split_once(':') {
                                    Some((_, local)) => format!("{new}:{local}"),
                                    None => new.clone(),
                                },
                                None => w.to_string(),
                            })
                            .collect();
                        words.join(" ")
                    } else {
                        value
                    };
                    (key, value)
                }
            };
            // Two old prefixes renamed to one are declared once.
            if key.starts_with("xmlns") && !declared.insert(key.clone()) {
                continue;
            }
            out.push(' ');
            out.push_str(&key);
            out.push_str("=\"");
            out.push_str(&value);
            out.push('"');
        }
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() + xml.len() / 16);
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| msg!("docx-malformed-xml", reason = lower(&e.to_string())))?;
        let end = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                start_tag(&e, &mut out);
                out.push('>');
            }
            Event::Empty(e) => {
                start_tag(&e, &mut out);
                out.push_str("/>");
            }
            Event::End(e) => {
                out.push_str("</");
                out.push_str(&qname(e.name().as_ref(), true));
                out.push('>');
            }
            Event::Eof => break,
            _ => out.push_str(&xml[start..end]),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    #[test]
    fn a_part_spelt_as_word_spells_it_is_left_alone() {
        let xml = format!(r#"<w:document xmlns:w="{W}"><w:body/></w:document>"#);
        assert!(matches!(normalize(&xml), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn another_prefix_becomes_w() {
        let xml = format!(
            r#"<ns0:document xmlns:ns0="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="ns0"><ns0:p ns0:rsidR="1"><ns0:t xml:space="preserve">a &amp; b</ns0:t></ns0:p></ns0:document>"#
        );
        assert_eq!(
            normalize(&xml).unwrap(),
            format!(
                r#"<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w"><w:p w:rsidR="1"><w:t xml:space="preserve">a &amp; b</w:t></w:p></w:document>"#
            )
        );
    }

    #[test]
    fn a_default_namespace_gets_the_prefix_and_w_bound_elsewhere_moves() {
        let xml = format!(r#"<document xmlns="{W}" xmlns:w="urn:x"><p w:a="1"/></document>"#);
        assert_eq!(
            normalize(&xml).unwrap(),
            format!(r#"<w:document xmlns:w="{W}" xmlns:ns1="urn:x"><w:p ns1:a="1"/></w:document>"#)
        );
    }

    #[test]
    fn one_prefix_for_two_namespaces_is_refused() {
        let xml = format!(r#"<a:document xmlns:a="{W}"><a:p xmlns:a="urn:x"/></a:document>"#);
        assert_eq!(
            normalize(&xml).unwrap_err().to_string(),
            "the part binds the prefix 'a' to two namespaces; save it again from Word or LibreOffice Writer"
        );
    }
}
