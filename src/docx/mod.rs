//! The .docx package: a zip of XML parts. Reading finds the parts that can hold text (from
//! `[Content_Types].xml`, not a fixed list); writing copies untouched entries raw, in the
//! template's order, and deflates only the rendered parts.

use std::collections::HashMap;
use std::io::{Cursor, Read, Seek, Write};
use std::path::Path;
use std::sync::Arc;

use quick_xml::events::Event;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::diag::{Diagnostic, lower};

pub mod combine;
pub mod fixup;

/// The largest part vanban inflates: a bigger one is refused, never filled into memory.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// The deflate level of rendered parts: zlib-rs level 3 writes files about the size
/// docxtemplater writes (level 6 is 4% smaller and slower; level 1 is 10% larger).
pub const DEFLATE_LEVEL: i64 = 3;

/// How the text of a part is written, which decides how values are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// WordprocessingML (document, headers, footers, footnotes, endnotes): text in `w:t`.
    Word,
    /// Any other XML with text (document properties): values are plain escaped text.
    Plain,
}

/// A part that can hold tags, read from the template.
#[derive(Debug, Clone)]
pub struct TextPart {
    /// Zip entry name: `word/document.xml`.
    pub name: String,
    pub index: usize,
    pub kind: PartKind,
    pub content_type: String,
    pub xml: String,
}

/// A document's rendered parts: (zip index, XML).
pub type Rendered = Vec<(usize, Vec<u8>)>;

pub type Archive = ZipArchive<Cursor<Arc<[u8]>>>;

pub struct Package {
    archive: Archive,
    /// Entry names in zip order.
    pub entries: Vec<String>,
    pub text_parts: Vec<TextPart>,
    /// `PartName` (without the leading `/`) to content type, from the Override elements.
    pub overrides: HashMap<String, String>,
}

const WORD_TEXT_TYPES: &[&str] = &[
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
];
const PLAIN_TEXT_TYPES: &[&str] = &["application/vnd.openxmlformats-package.core-properties+xml"];
/// Content types of the main document part.
pub const MAIN_DOCUMENT_TYPES: &[&str] = &[
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

impl Package {
    /// Reads a template. Messages are plain; the caller puts the file's name in front.
    pub fn open(path: &Path) -> Result<Package, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(
                "",
                format!("cannot read the file: {}", lower(&e.to_string())),
            )
        })?;
        Package::from_bytes(bytes)
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<Package, Diagnostic> {
        let bytes: Arc<[u8]> = bytes.into();
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Diagnostic::error(
                "",
                match e {
                    zip::result::ZipError::Io(e) => {
                        format!("cannot read the file: {}", crate::diag::io_message(&e))
                    }
                    _ => "not a .docx file: it is not a zip archive, or it is damaged or cut short"
                        .to_string(),
                },
            )
            .with_hint("save the template from Word or LibreOffice Writer as .docx")
        })?;
        let mut entries = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(|e| {
                Diagnostic::error(
                    "",
                    format!("broken zip entry {i}: {}", lower(&e.to_string())),
                )
            })?;
            entries.push(file.name().map(|n| n.into_owned()).unwrap_or_default());
        }
        let content_types =
            read_entry(&mut archive, &entries, "[Content_Types].xml")?.ok_or_else(|| {
                Diagnostic::error("", "not a .docx file: it has no '[Content_Types].xml'")
                    .with_hint("save the template from Word or LibreOffice Writer as .docx")
            })?;
        let overrides = parse_overrides(&content_types)
            .map_err(|m| Diagnostic::error("[Content_Types].xml", m))?;

        let mut text_parts = Vec::new();
        for (index, name) in entries.iter().enumerate() {
            let Some(content_type) = overrides.get(name) else {
                continue;
            };
            let kind = if WORD_TEXT_TYPES.contains(&content_type.as_str()) {
                PartKind::Word
            } else if PLAIN_TEXT_TYPES.contains(&content_type.as_str()) {
                PartKind::Plain
            } else {
                continue;
            };
            let xml = read_entry(&mut archive, &entries, name)?.unwrap_or_default();
            text_parts.push(TextPart {
                name: name.clone(),
                index,
                kind,
                content_type: content_type.clone(),
                xml,
            });
        }
        if !text_parts
            .iter()
            .any(|p| MAIN_DOCUMENT_TYPES.contains(&p.content_type.as_str()))
        {
            return Err(Diagnostic::error(
                "",
                "not a Word document: it has no 'word/document.xml'",
            )
            .with_hint("save the template from Word or LibreOffice Writer as .docx"));
        }
        Ok(Package {
            archive,
            entries,
            text_parts,
            overrides,
        })
    }

    /// The zip index of an entry.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|n| n == name)
    }

    /// Reads any entry as text (relationships, styles...).
    pub fn read_text(&self, name: &str) -> Result<Option<String>, Diagnostic> {
        let mut archive = self.archive.clone();
        read_entry(&mut archive, &self.entries, name)
    }

    /// Writes the package with `replaced` entries (by zip index) in place of the template's
    /// and `added` entries appended at the end; every other entry is copied raw.
    pub fn write<W: Write + Seek>(
        &self,
        out: W,
        replaced: &[(usize, &[u8])],
        added: &[(String, Vec<u8>)],
    ) -> zip::result::ZipResult<W> {
        let mut archive = self.archive.clone();
        let mut zip = ZipWriter::new(out);
        let mut last_time = zip::DateTime::default();
        for i in 0..archive.len() {
            if let Some((_, bytes)) = replaced.iter().find(|(index, _)| *index == i) {
                let file = archive.by_index_raw(i)?;
                let time = file.last_modified().unwrap_or_default();
                let name = file.name()?.into_owned();
                drop(file);
                zip.start_file(name, deflated(time))?;
                zip.write_all(bytes)?;
                last_time = time;
            } else {
                let file = archive.by_index_raw(i)?;
                last_time = file.last_modified().unwrap_or(last_time);
                zip.raw_copy_file(file)?;
            }
        }
        for (name, bytes) in added {
            zip.start_file(name.as_str(), deflated(last_time))?;
            zip.write_all(bytes)?;
        }
        zip.finish()
    }
}

fn deflated(time: zip::DateTime) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
        .last_modified_time(time)
        .unix_permissions(0o644)
}

/// Inflates one entry as UTF-8 text, refusing parts larger than [`MAX_PART_BYTES`].
fn read_entry(
    archive: &mut Archive,
    entries: &[String],
    name: &str,
) -> Result<Option<String>, Diagnostic> {
    let Some(index) = entries.iter().position(|e| e == name) else {
        return Ok(None);
    };
    let file = archive.by_index(index).map_err(|e| {
        Diagnostic::error(
            name,
            format!("cannot read this part: {}", lower(&e.to_string())),
        )
    })?;
    let mut bytes = Vec::with_capacity(file.size().min(MAX_PART_BYTES) as usize);
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Diagnostic::error(
                name,
                format!("cannot inflate this part: {}", lower(&e.to_string())),
            )
        })?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Diagnostic::error(
            name,
            format!(
                "this part inflates to more than {} MiB; refusing it",
                MAX_PART_BYTES / 1024 / 1024
            ),
        ));
    }
    // A byte order mark goes: quick-xml skips it without counting its 3 bytes, which would
    // shift every byte offset of the part's tokens (and cut characters in two).
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Diagnostic::error(name, "this part is not UTF-8 text"))
}

/// `PartName` (no leading `/`) to `ContentType` from `[Content_Types].xml`.
fn parse_overrides(xml: &str) -> Result<HashMap<String, String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut map = HashMap::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "Override" => {
                let mut part = None;
                let mut content_type = None;
                for attr in e.attributes().flatten() {
                    let raw = attr.value.to_string();
                    let value = quick_xml::escape::unescape(&raw)
                        .map(|v| v.into_owned())
                        .unwrap_or(raw);
                    match attr.key.local_name().as_ref() {
                        "PartName" => part = Some(value),
                        "ContentType" => content_type = Some(value),
                        _ => {}
                    }
                }
                if let (Some(part), Some(content_type)) = (part, content_type) {
                    map.insert(part.trim_start_matches('/').to_string(), content_type);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("malformed XML: {}", lower(&e.to_string()))),
        }
    }
    Ok(map)
}
