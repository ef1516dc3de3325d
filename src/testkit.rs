//! Small .docx packages built in code, for tests and fuzzing: the XML given is what Word or
//! LibreOffice would have written, runs split wherever the test wants them.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A package whose body is `body` (the content of `w:body`, without `w:sectPr`), with an
/// optional header and footer (the content of `w:hdr` / `w:ftr`) and a document title.
#[derive(Debug, Clone, Default)]
pub struct DocxBuilder {
    pub body: String,
    pub header: Option<String>,
    pub footer: Option<String>,
    pub title: Option<String>,
}

impl DocxBuilder {
    pub fn new(body: impl Into<String>) -> Self {
        DocxBuilder {
            body: body.into(),
            ..Self::default()
        }
    }

    pub fn header(mut self, xml: impl Into<String>) -> Self {
        self.header = Some(xml.into());
        self
    }

    pub fn footer(mut self, xml: impl Into<String>) -> Self {
        self.footer = Some(xml.into());
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn build(&self) -> Vec<u8> {
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
        );
        let mut doc_rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
        );
        let mut sect = String::from("<w:sectPr>");
        let mut parts: Vec<(String, String)> = Vec::new();
        if let Some(header) = &self.header {
            types.push_str(r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#);
            doc_rels.push_str(r#"<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#);
            sect.push_str(r#"<w:headerReference w:type="default" r:id="rIdH1"/>"#);
            parts.push((
                "word/header1.xml".into(),
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{header}</w:hdr>"#),
            ));
        }
        if let Some(footer) = &self.footer {
            types.push_str(r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#);
            doc_rels.push_str(r#"<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#);
            sect.push_str(r#"<w:footerReference w:type="default" r:id="rIdF1"/>"#);
            parts.push((
                "word/footer1.xml".into(),
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}>{footer}</w:ftr>"#),
            ));
        }
        sect.push_str(r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>"#);
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
        );
        if let Some(title) = &self.title {
            types.push_str(r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#);
            rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#);
            parts.push((
                "docProps/core.xml".into(),
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2001-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2001-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"#),
            ));
        }
        types.push_str("</Types>");
        doc_rels.push_str("</Relationships>");
        rels.push_str("</Relationships>");
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{}{sect}</w:body></w:document>"#,
            self.body
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default();
        let mut entries = vec![
            ("[Content_Types].xml".to_string(), types),
            ("_rels/.rels".to_string(), rels),
            ("word/document.xml".to_string(), document),
            ("word/_rels/document.xml.rels".to_string(), doc_rels),
            ("word/styles.xml".to_string(), styles),
        ];
        entries.extend(parts);
        for (name, text) in entries {
            zip.start_file(name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish").into_inner()
    }
}

/// A paragraph of plain runs, one run per piece: `p(&["Kính gửi: {{ten_", "don_vi}}."])`.
pub fn p(runs: &[&str]) -> String {
    let mut xml = String::from("<w:p>");
    for run in runs {
        xml.push_str(&r(run));
    }
    xml.push_str("</w:p>");
    xml
}

/// A run with its text escaped.
pub fn r(text: &str) -> String {
    let mut escaped = String::new();
    crate::template::xml::escape_text(text, &mut escaped);
    format!(r#"<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r>"#)
}

/// A bold run.
pub fn bold(text: &str) -> String {
    let mut escaped = String::new();
    crate::template::xml::escape_text(text, &mut escaped);
    format!(r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escaped}</w:t></w:r>"#)
}

/// A table row of one-paragraph cells.
pub fn row(cells: &[&str]) -> String {
    let mut xml = String::from("<w:tr>");
    for cell in cells {
        xml.push_str(&format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
            p(&[cell])
        ));
    }
    xml.push_str("</w:tr>");
    xml
}

/// A table of rows.
pub fn table(rows: &[String]) -> String {
    let columns = rows
        .first()
        .map(|r| r.matches("<w:tc>").count())
        .unwrap_or(1);
    let grid: String = (0..columns).map(|_| r#"<w:gridCol w:w="2000"/>"#).collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

/// The text of an entry of a .docx.
pub fn entry_text(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).ok()?;
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The visible text of each paragraph of a part (`w:t`, with `w:br` as `\n` and `w:tab` as
/// `\t`), in document order.
pub fn paragraphs(xml: &str) -> Vec<String> {
    use crate::template::xml::{TokKind, parse};
    let Ok(tree) = parse(xml, crate::docx::PartKind::Word) else {
        return Vec::new();
    };
    let text_of: std::collections::HashMap<usize, &str> = tree
        .nodes
        .iter()
        .map(|n| (n.open, n.text.as_str()))
        .collect();
    tree.paragraphs
        .iter()
        .map(|paragraph| {
            let mut text = String::new();
            let end = tree.end_of(paragraph.open);
            let mut i = paragraph.open + 1;
            while i < end {
                let tok = &tree.tokens[i];
                match (tok.kind, &*tok.name) {
                    (TokKind::Start, "w:p") => i = tok.partner,
                    (TokKind::Start, "w:t") => {
                        text.push_str(text_of.get(&i).copied().unwrap_or(""))
                    }
                    (TokKind::Empty, "w:br") => text.push('\n'),
                    (TokKind::Empty, "w:tab") => text.push('\t'),
                    _ => {}
                }
                i += 1;
            }
            text
        })
        .collect()
}

/// The entry names of a .docx, in zip order.
pub fn entry_names(docx: &[u8]) -> Vec<String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(docx)) else {
        return Vec::new();
    };
    (0..archive.len())
        .filter_map(|i| Some(archive.by_index_raw(i).ok()?.name().ok()?.into_owned()))
        .collect()
}

/// The cell texts of each row of the `n`th table (1-based, in document order) of a part.
pub fn table_rows(xml: &str, n: usize) -> Vec<Vec<String>> {
    let Ok(tree) = crate::template::xml::parse(xml, crate::docx::PartKind::Word) else {
        return Vec::new();
    };
    let texts = paragraphs(xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for (paragraph, text) in tree.paragraphs.iter().zip(texts) {
        let Some((table, row, cell)) = paragraph.table_pos else {
            continue;
        };
        if table != n {
            continue;
        }
        if last != Some((row, cell)) {
            if last.map(|(r, _)| r) != Some(row) {
                rows.push(Vec::new());
            }
            rows.last_mut().expect("a row").push(text);
        } else if let Some(cell_text) = rows.last_mut().and_then(|r| r.last_mut()) {
            cell_text.push('\n');
            cell_text.push_str(&text);
        }
        last = Some((row, cell));
    }
    rows
}

/// A copy of a .docx with entries changed: `Some(text)` replaces the entry of that name (or
/// adds it at the end), `None` removes it; the other entries keep their order and bytes.
pub fn with_entries(docx: &[u8], changes: &[(&str, Option<&str>)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let mut done: Vec<&str> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let name = file.name().expect("a name").into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("entry read");
        let change = changes.iter().find(|(n, _)| *n == name);
        match change {
            Some((n, None)) => done.push(n),
            Some((n, Some(text))) => {
                done.push(n);
                zip.start_file(name, options).expect("zip entry");
                zip.write_all(text.as_bytes()).expect("zip write");
            }
            None => {
                zip.start_file(name, options).expect("zip entry");
                zip.write_all(&bytes).expect("zip write");
            }
        }
    }
    for (name, text) in changes {
        if let (false, Some(text)) = (done.contains(name), text) {
            zip.start_file(*name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
    }
    zip.finish().expect("zip finish").into_inner()
}

/// The CRC-32 of `bytes`, as zip stores it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
