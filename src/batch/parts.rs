//! What vanban changes in a rendered document beyond its template's parts: the properties
//! in `docProps/core.xml` (title, author, number, and the document's own date, so the same
//! inputs give the same file) and the printer offset that moves a blank's frames.

use serde_json::Value;

use super::numbering::Numbering;

/// The body with every page-anchored frame (`w:framePr`) moved by `(right, down)` mm, for a
/// printer that does not place the page where the blank expects it. A frame centred on the
/// page gets its position written out (page width from the section), then moved.
pub(super) fn offset_frames(xml: &[u8], (right, down): (f64, f64)) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let twips = |mm: f64| (mm * 1440.0 / 25.4).round() as i64;
    let (dx, dy) = (twips(right), twips(down));
    let attr = |tag: &str, name: &str| -> Option<i64> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = start + tag[start..].find('"')?;
        tag[start..end].trim().parse().ok()
    };
    let set = |tag: &str, name: &str, value: i64| -> String {
        let key = format!(" {name}=\"");
        match tag.find(&key) {
            Some(at) => {
                let start = at + key.len();
                let end = start + tag[start..].find('"').unwrap_or(0);
                format!("{}{value}{}", &tag[..start], &tag[end..])
            }
            None => {
                let close = if tag.ends_with("/>") {
                    tag.len() - 2
                } else {
                    tag.len() - 1
                };
                format!("{}{key}{value}\"{}", tag[..close].trim_end(), &tag[close..])
            }
        }
    };
    let page_width = text
        .find("<w:pgSz")
        .and_then(|i| text[i..].find('>').map(|j| &text[i..i + j + 1]))
        .and_then(|tag| attr(tag, "w:w"));
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(start) = rest.find("<w:framePr") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        out.push_str(&rest[..start]);
        let mut tag = rest[start..start + len + 1].to_string();
        if let Some(y) = attr(&tag, "w:y") {
            tag = set(&tag, "w:y", y + dy);
        }
        match (attr(&tag, "w:x"), page_width, attr(&tag, "w:w")) {
            (Some(x), _, _) => tag = set(&tag, "w:x", x + dx),
            (None, Some(page), Some(width)) if tag.contains("w:xAlign=\"center\"") => {
                tag = tag.replace(" w:xAlign=\"center\"", "");
                tag = set(&tag, "w:x", (page - width) / 2 + dx);
            }
            _ => {}
        }
        out.push_str(&tag);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// A document's properties, which its PDF carries too: title (the trích yếu, else the
/// document's title, else its line's title in the register, else its kind), author (the issuing agency), subject and keywords
/// (số và ký hiệu).
#[derive(Debug, Default)]
pub(super) struct Properties {
    title: Option<String>,
    author: Option<String>,
    number: Option<String>,
}

impl Properties {
    pub(super) fn of(
        data: &Value,
        numbering: Option<&Numbering>,
        registered: Option<&str>,
        kind: &str,
    ) -> Properties {
        let field = |name: &str| {
            data.get(name)
                .map(crate::helpers::format_value)
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
        };
        let number_field = numbering.map_or("so".to_string(), |n| format!("{}_ky_hieu", n.field));
        Properties {
            title: field("trich_yeu")
                .or_else(|| field("ten_van_ban"))
                .or_else(|| field("tieu_de"))
                .or_else(|| registered.filter(|t| !t.is_empty()).map(str::to_string))
                .or_else(|| Some(kind.to_string())),
            author: field("co_quan_ban_hanh").or_else(|| field("co_quan")),
            number: field(&number_field).or_else(|| field("so_ky_hieu")),
        }
    }

    /// `docProps/core.xml` with these properties in place of the template's (only where it
    /// has none, when `keep`).
    pub(super) fn apply(&self, xml: &[u8], keep: bool) -> Vec<u8> {
        let Ok(text) = std::str::from_utf8(xml) else {
            return xml.to_vec();
        };
        let mut text = text.to_string();
        for (element, value) in [
            ("dc:title", &self.title),
            ("dc:creator", &self.author),
            ("dc:subject", &self.number),
            ("cp:keywords", &self.number),
        ] {
            let Some(value) = value else { continue };
            let prefix = element.split(':').next().unwrap_or_default();
            if !text.contains(&format!("xmlns:{prefix}=")) {
                continue;
            }
            let escaped = crate::template::escape_plain(value);
            let full = format!("<{element}>{escaped}</{element}>");
            let open = format!("<{element}");
            let close = format!("</{element}>");
            if let Some(start) = text.find(&open) {
                let rest = &text[start..];
                let end = match (rest.find("/>"), rest.find('>'), rest.find(&close)) {
                    (Some(slash), Some(gt), _) if slash + 1 == gt => start + gt + 1,
                    (_, Some(gt), Some(c)) => {
                        if keep && !rest[gt + 1..c].trim().is_empty() {
                            continue;
                        }
                        start + c + close.len()
                    }
                    _ => continue,
                };
                text.replace_range(start..end, &full);
            } else if let Some(end) = text.rfind("</cp:coreProperties>") {
                text.insert_str(end, &full);
            }
        }
        text.into_bytes()
    }
}

/// The package part that holds a document's creation and modification dates.
pub(super) const CORE: &str = "docProps/core.xml";

/// The document's own date (`dd/mm/yyyy`): the numbering's `date` field, else `ngay_ky`.
pub(super) fn document_date(data: &Value, numbering: Option<&Numbering>) -> Option<String> {
    let field = |name: &str| {
        data.get(name)
            .map(crate::helpers::format_value)
            .filter(|v| !v.trim().is_empty())
    };
    numbering
        .and_then(|n| n.date.as_deref())
        .and_then(field)
        .or_else(|| field("ngay_ky"))
}

/// `2025-12-15T00:00:00Z` for `15/12/2025`.
pub(super) fn w3c_date(date: &str) -> Option<String> {
    let d = crate::helpers::parse_date(date)?;
    Some(format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year, d.month, d.day
    ))
}

/// `docProps/core.xml` with its created and modified dates set to `stamp`, so a document
/// says when it was issued (and the same inputs give the same file).
pub(super) fn dated(xml: &[u8], stamp: &str) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let mut text = text.to_string();
    for element in ["dcterms:created", "dcterms:modified"] {
        let Some(start) = text.find(&format!("<{element}")) else {
            continue;
        };
        let Some(open_end) = text[start..].find('>').map(|i| start + i + 1) else {
            continue;
        };
        if text[..open_end].ends_with("/>") {
            continue;
        }
        if let Some(close) = text[open_end..].find(&format!("</{element}>")) {
            text.replace_range(open_end..open_end + close, stamp);
        }
    }
    text.into_bytes()
}
