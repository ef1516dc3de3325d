//! The .docx package: a zip of XML parts. Reading finds the parts that can hold text (from
//! `[Content_Types].xml`, not a fixed list); writing copies untouched entries raw, in the
//! template's order, and deflates only the rendered parts.

use crate::diag::msg;
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
pub mod numbering;
pub mod prefixes;
pub mod tables;

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
    /// The main document part's index in `text_parts`.
    pub main: usize,
    pub content_types: ContentTypes,
}

/// `[Content_Types].xml`: a part's type is its Override's, or else its extension's Default.
/// Part names and extensions compare case-insensitively, as OPC says.
#[derive(Debug, Clone, Default)]
pub struct ContentTypes {
    /// Lower-case part name (no leading `/`) to content type.
    overrides: HashMap<String, String>,
    /// Lower-case extension to content type.
    defaults: HashMap<String, String>,
}

impl ContentTypes {
    pub fn of(&self, part: &str) -> Option<&str> {
        let part = part.trim_start_matches('/').to_lowercase();
        if let Some(t) = self.overrides.get(&part) {
            return Some(t);
        }
        let (_, extension) = part.rsplit_once('.')?;
        if extension.contains('/') {
            return None;
        }
        self.defaults.get(extension).map(String::as_str)
    }
}

/// The package relationship to the main part, transitional and strict.
const OFFICE_DOCUMENT_RELS: &[&str] = &[
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
];

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
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
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
                msg!(
                    "docx-cannot-read-file",
                    reason = lower(&e.to_string()).to_string()
                ),
            )
        })?;
        Package::from_bytes(bytes)
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<Package, Diagnostic> {
        if is_encrypted_package(&bytes) {
            return Err(Diagnostic::error(
                "",
                msg!("docx-cannot-read-template-protected-password"),
            )
            .with_hint(msg!("docx-open-word-remove-password-open")));
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(Diagnostic::error("", msg!("docx-not-docx-file-word-97"))
                .with_hint(msg!("docx-open-word-libreoffice-writer-save")));
        }
        let bytes: Arc<[u8]> = bytes.into();
        let all = bytes.clone();
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Diagnostic::error(
                "",
                match e {
                    zip::result::ZipError::Io(e) => {
                        msg!("input-cannot-read-file", e = crate::diag::io_arg(&e))
                    }
                    _ => msg!("docx-not-zip-archive"),
                },
            )
            .with_hint(msg!("docx-save-template-from-word-libreoffice"))
        })?;
        let mut entries = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(|e| {
                Diagnostic::error(
                    "",
                    msg!(
                        "docx-broken-zip-entry",
                        i = i.to_string(),
                        reason = lower(&e.to_string()).to_string()
                    ),
                )
            })?;
            // The central directory's name, as Word reads it, even where a Unicode Path
            // field would rename the entry.
            let name = central_name(&all, file.central_header_start())
                .or_else(|| file.name().ok().map(|n| n.into_owned()))
                .unwrap_or_default();
            entries.push(name);
        }
        let content_types =
            read_entry(&mut archive, &entries, "[Content_Types].xml")?.ok_or_else(|| {
                Diagnostic::error("", msg!("docx-not-docx-file-has-no"))
                    .with_hint(msg!("docx-save-template-from-word-libreoffice"))
            })?;
        let content_types = parse_content_types(&content_types)
            .map_err(|m| Diagnostic::error("[Content_Types].xml", m))?;
        let main_name = main_part_name(&mut archive, &entries, &content_types)?;

        let mut text_parts = Vec::new();
        let mut main = None;
        for (index, name) in entries.iter().enumerate() {
            let Some(content_type) = content_types.of(name) else {
                continue;
            };
            let is_main = main_name.as_deref() == Some(name.as_str());
            let kind = if MAIN_DOCUMENT_TYPES.contains(&content_type) {
                // A part typed as a main document that the package does not point at (a
                // Default typing every .xml so) is not a document of this package.
                if !is_main {
                    continue;
                }
                PartKind::Word
            } else if WORD_TEXT_TYPES.contains(&content_type) {
                PartKind::Word
            } else if PLAIN_TEXT_TYPES.contains(&content_type) {
                PartKind::Plain
            } else {
                continue;
            };
            let xml = read_entry(&mut archive, &entries, name)?.unwrap_or_default();
            // Any prefix for the namespaces vanban reads: the part as Word would spell it.
            let xml = match prefixes::normalize(&xml) {
                Ok(std::borrow::Cow::Borrowed(_)) => xml,
                Ok(std::borrow::Cow::Owned(renamed)) => renamed,
                Err(message) => return Err(Diagnostic::error(name, message)),
            };
            if is_main {
                main = Some(text_parts.len());
            }
            text_parts.push(TextPart {
                name: name.clone(),
                index,
                kind,
                content_type: content_type.to_string(),
                xml,
            });
        }
        // Every other entry is copied as it is stored: one that fails its checksum would be
        // copied damaged.
        for (index, name) in entries.iter().enumerate() {
            if !text_parts.iter().any(|p| p.index == index) {
                inflate(&mut archive, index, name)?;
            }
        }
        let Some(main) = main else {
            return Err(Diagnostic::error(
                "",
                match main_name {
                    Some(name) => match content_types.of(&name) {
                        Some(t) => msg!(
                            "docx-not-word-document-main-part-2",
                            name = name.to_string(),
                            t = t.to_string()
                        ),
                        None => msg!(
                            "docx-not-word-document-main-part-3",
                            name = name.to_string()
                        ),
                    },
                    None => msg!("docx-not-word-document-has-no"),
                },
            )
            .with_hint(msg!("docx-save-template-from-word-libreoffice")));
        };
        Ok(Package {
            archive,
            entries,
            text_parts,
            main,
            content_types,
        })
    }

    /// The zip index of an entry.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|n| n == name)
    }

    /// The main document part.
    pub fn main_part(&self) -> &TextPart {
        &self.text_parts[self.main]
    }

    /// The first ids above those every story part uses (the text parts and the comments).
    /// The numbering part of the main document: its zip index and XML.
    pub fn numbering(&self) -> Option<(usize, String)> {
        let main = self.main_part();
        let (dir, file) = main.name.rsplit_once('/').unwrap_or(("", &main.name));
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let rels = self.read_text(&rels_name).ok()??;
        let name = parse_relationships(&rels)
            .into_iter()
            .find(|r| !r.external && r.kind.ends_with("/relationships/numbering"))
            .map(|r| resolve_target(dir, &r.target))?;
        let index = self.entries.iter().position(|e| *e == name)?;
        Some((index, self.read_text(&name).ok()??))
    }

    pub fn free_ids(&self) -> fixup::FreeIds {
        let comments: Vec<String> = (self.entries.iter())
            .filter(|e| self.content_types.of(e) == Some(COMMENTS_TYPE))
            .filter_map(|e| self.read_text(e).ok().flatten())
            .map(|xml| match prefixes::normalize(&xml) {
                Ok(std::borrow::Cow::Owned(renamed)) => renamed,
                _ => xml,
            })
            .collect();
        fixup::FreeIds::above(
            (self.text_parts.iter())
                .filter(|p| p.kind == PartKind::Word)
                .map(|p| p.xml.as_str())
                .chain(comments.iter().map(String::as_str)),
        )
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
            // Each entry is written under the name it was read by.
            let name = self.entries[i].as_str();
            if let Some((_, bytes)) = replaced.iter().find(|(index, _)| *index == i) {
                let file = archive.by_index_raw(i)?;
                let time = file.last_modified().unwrap_or_default();
                drop(file);
                zip.start_file(name, deflated(time))?;
                zip.write_all(bytes)?;
                last_time = time;
            } else {
                let file = archive.by_index_raw(i)?;
                last_time = file.last_modified().unwrap_or(last_time);
                if file.name()? == name {
                    zip.raw_copy_file(file)?;
                } else {
                    // A Unicode Path field renames it: written anew without that field.
                    drop(file);
                    let mut bytes = Vec::new();
                    archive.by_index(i)?.read_to_end(&mut bytes)?;
                    zip.start_file(name, deflated(last_time))?;
                    zip.write_all(&bytes)?;
                }
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
    let mut bytes = inflate(archive, index, name)?;
    // A byte order mark goes: quick-xml skips it without counting its 3 bytes, which would
    // shift every byte offset of the part's tokens (and cut characters in two).
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Diagnostic::error(name, msg!("docx-this-part-not-utf-8")))
}

/// Inflates one entry, refusing one larger than [`MAX_PART_BYTES`] and one that fails its
/// checksum.
fn inflate(archive: &mut Archive, index: usize, name: &str) -> Result<Vec<u8>, Diagnostic> {
    let file = archive.by_index(index).map_err(|e| {
        Diagnostic::error(
            name,
            msg!(
                "docx-cannot-read-this-part",
                reason = lower(&e.to_string()).to_string()
            ),
        )
    })?;
    let mut bytes = Vec::with_capacity(file.size().min(MAX_PART_BYTES) as usize);
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::InvalidData && e.to_string().contains("checksum") {
                Diagnostic::error(
                    "",
                    msg!("docx-damaged-file-fails-checksum", name = name.to_string()),
                )
                .with_hint(msg!("docx-file-was-damaged-copy-download"))
            } else {
                Diagnostic::error(
                    name,
                    msg!(
                        "docx-cannot-inflate-this-part",
                        reason = lower(&e.to_string()).to_string()
                    ),
                )
            }
        })?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Diagnostic::error(
            name,
            msg!(
                "docx-this-part-inflates-more-than",
                mib = MAX_PART_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(bytes)
}

/// The signature of a compound file (OLE): Word 97-2003 documents, and the container Office
/// puts a password-protected .docx in.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A compound file holding an `EncryptedPackage` stream: a .docx with a password to open.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.starts_with(&OLE_MAGIC) && bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// The file name of the central directory record at `offset`, when it is UTF-8.
fn central_name(zip: &[u8], offset: u64) -> Option<String> {
    let record = zip.get(offset as usize..)?;
    if !record.starts_with(b"PK\x01\x02") {
        return None;
    }
    let len = u16::from_le_bytes([*record.get(28)?, *record.get(29)?]) as usize;
    let name = record.get(46..46 + len)?;
    String::from_utf8(name.to_vec()).ok()
}

/// The main part's entry name, as the package relationship `officeDocument` in `_rels/.rels`
/// names it; without that relationship, the part typed as a main document (`word/document.xml`
/// first). `None` when there is neither.
fn main_part_name(
    archive: &mut Archive,
    entries: &[String],
    content_types: &ContentTypes,
) -> Result<Option<String>, Diagnostic> {
    let typed_main = |name: &String| {
        content_types
            .of(name)
            .is_some_and(|t| MAIN_DOCUMENT_TYPES.contains(&t))
    };
    let find = |target: &str| {
        entries
            .iter()
            .find(|e| e.eq_ignore_ascii_case(target))
            .cloned()
    };
    let rels_entry = find("_rels/.rels");
    if let Some(rels_entry) = rels_entry {
        let rels = read_entry(archive, entries, &rels_entry)?.unwrap_or_default();
        let target = parse_relationships(&rels)
            .into_iter()
            .find(|r| OFFICE_DOCUMENT_RELS.contains(&r.kind.as_str()) && !r.external)
            .map(|r| resolve_target("", &r.target));
        if let Some(target) = target {
            return match find(&target) {
                Some(name) => Ok(Some(name)),
                None => Err(Diagnostic::error(
                    "",
                    msg!(
                        "docx-not-word-document-main-part",
                        target = target.to_string()
                    ),
                )
                .with_hint(msg!("docx-save-template-from-word-libreoffice"))),
            };
        }
    }
    Ok(entries
        .iter()
        .find(|e| *e == "word/document.xml" && typed_main(e))
        .or_else(|| entries.iter().find(|e| typed_main(e)))
        .cloned())
}

/// One `Relationship` of a `.rels` part.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
    /// `TargetMode="External"`: a URL, not a part.
    pub external: bool,
}

/// The relationships of a `.rels` part; unreadable XML gives those read before it.
pub fn parse_relationships(xml: &str) -> Vec<Relationship> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e)) | Ok(Event::Start(e))
                if e.local_name().as_ref() == "Relationship" =>
            {
                let mut rel = Relationship {
                    id: String::new(),
                    kind: String::new(),
                    target: String::new(),
                    external: false,
                };
                for (key, value) in attributes(&e) {
                    match key.as_str() {
                        "Id" => rel.id = value,
                        "Type" => rel.kind = value,
                        "Target" => rel.target = value,
                        "TargetMode" => rel.external = value == "External",
                        _ => {}
                    }
                }
                out.push(rel);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// The entry name a relationship's target points at, from the folder of its source part:
/// `/word/document.xml` and `word/./document.xml` are `word/document.xml`, `../x` goes up.
pub fn resolve_target(dir: &str, target: &str) -> String {
    let target = target.split(['#', '?']).next().unwrap_or("");
    let target = percent_decode(target);
    let mut segments: Vec<&str> = Vec::new();
    let joined;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute,
        None => {
            joined = if dir.is_empty() {
                target.clone()
            } else {
                format!("{dir}/{target}")
            };
            &joined
        }
    };
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// `%20` and the like in a part name, as UTF-8.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// An element's attributes: (local name, unescaped value).
fn attributes(e: &quick_xml::events::BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|attr| {
            let raw = attr.value.to_string();
            let value = quick_xml::escape::unescape(&raw)
                .map(|v| v.into_owned())
                .unwrap_or(raw);
            (attr.key.local_name().as_ref().to_string(), value)
        })
        .collect()
}

/// The Override and Default elements of `[Content_Types].xml`.
fn parse_content_types(xml: &str) -> Result<ContentTypes, crate::diag::Message> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut types = ContentTypes::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if matches!(e.local_name().as_ref(), "Override" | "Default") =>
            {
                let mut part = None;
                let mut content_type = None;
                for (key, value) in attributes(&e) {
                    match key.as_str() {
                        "PartName" | "Extension" => part = Some(value),
                        "ContentType" => content_type = Some(value.trim().to_string()),
                        _ => {}
                    }
                }
                if let (Some(key), Some(content_type)) = (part, content_type) {
                    let key = key.trim_start_matches('/').to_lowercase();
                    if e.local_name().as_ref() == "Override" {
                        types.overrides.insert(percent_decode(&key), content_type);
                    } else {
                        types.defaults.insert(key, content_type);
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(msg!(
                    "docx-malformed-xml",
                    reason = (lower(&e.to_string())).to_string()
                ));
            }
        }
    }
    Ok(types)
}
