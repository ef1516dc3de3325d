//! Bad input, generated here: every case gets its exact exit code and message, and every run
//! is checked for what bad input must never do: die by a signal or a panic, write outside
//! the output folder, leave a temporary or partial file, or damage the output of an
//! earlier run.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::*;

// ---------------------------------------------------------------------------------------------
// The guard every bad run goes through

/// The output of an earlier run, which no later run may damage.
const EARLIER: &str = "out/earlier/ket-qua.docx";

/// A working folder with `t.docx`, the data file and the output of an earlier run.
fn setup(template: &[u8], data_name: &str, data: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("t.docx"), template).unwrap();
    std::fs::write(dir.path().join(data_name), data).unwrap();
    let earlier = dir.path().join(EARLIER);
    std::fs::create_dir_all(earlier.parent().unwrap()).unwrap();
    std::fs::write(&earlier, letter().build()).unwrap();
    dir
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    all_files(dir)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

fn is_temporary(name: &str) -> bool {
    name.split('/')
        .any(|part| part.starts_with(".vanban-") || part.ends_with(".tmp"))
}

/// Runs `vanban ARGS` in `dir` and checks that it exited with `code` (never by a signal or
/// a panic), wrote nothing outside its output folder (nothing at all when it stopped with
/// exit 2), left no temporary file, and kept every file that was there before.
fn run_checked(dir: &Path, args: &[&str], code: i32) -> Run {
    let out = args
        .iter()
        .position(|a| *a == "--out")
        .map_or("out", |i| args[i + 1]);
    let out_prefix = format!("{}/", out.trim_end_matches('/'));
    let before = snapshot(dir);
    let run = vanban(dir, args);
    assert!(
        (0..=2).contains(&run.code),
        "vanban died (exit {}): {}",
        run.code,
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "vanban panicked: {}",
        run.stderr
    );
    assert_eq!(run.code, code, "stderr: {}", run.stderr);
    let after = snapshot(dir);
    for (name, bytes) in &before {
        assert!(
            after.get(name) == Some(bytes),
            "{name} was changed or removed by a run that exited {}",
            run.code
        );
    }
    for name in after.keys().filter(|n| !before.contains_key(*n)) {
        assert!(
            name.starts_with(&out_prefix),
            "{name} was written outside {out_prefix}"
        );
        assert!(run.code != 2, "{name} was written by a run that exited 2");
    }
    let temporary: Vec<&String> = after.keys().filter(|n| is_temporary(n)).collect();
    assert!(temporary.is_empty(), "left behind: {temporary:?}");
    run
}

/// The stderr lines that are not hints.
fn problems(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| !l.starts_with("hint:") && !l.ends_with("; nothing was written"))
        .collect()
}

/// The documents of a run (under `out/`, without the earlier run's).
fn written(dir: &Path) -> Vec<String> {
    docx_files(&dir.join("out"))
        .into_iter()
        .filter(|n| !n.starts_with("earlier/"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Inputs built in code

fn letter() -> DocxBuilder {
    DocxBuilder::new(p(&["Kính gửi: {{ten}}"]))
}

/// A zip of the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The entries of a built package, with `word/document.xml` replaced.
fn with_document(document: &[u8]) -> Vec<u8> {
    let built = letter().build();
    let mut archive = zip::ZipArchive::new(Cursor::new(built)).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        if name == "word/document.xml" {
            content = document.to_vec();
        }
        entries.push((name, content));
    }
    let entries: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    zip_of(&entries)
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// A minimal workbook with one sheet `CanBo` whose `<worksheet>` holds `content`
/// (`<sheetData>...</sheetData>` and what may follow it).
fn xlsx(content: &str) -> Vec<u8> {
    let sheet = format!("{SHEET_HEAD}{content}</worksheet>");
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="CanBo" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// A minimal OpenDocument spreadsheet whose `content.xml` is `content`; `encrypted` marks
/// its content as encrypted in the manifest, as LibreOffice does for a password to open.
fn ods(content: &[u8], encrypted: bool) -> Vec<u8> {
    let manifest = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{}</manifest:file-entry></manifest:manifest>"#,
        if encrypted {
            r#"<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data>"#
        } else {
            ""
        }
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content),
    ])
}

const ODS_CONTENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="CanBo"><table:table-row><table:table-cell office:value-type="string"><text:p>Tên</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>An</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;

/// An inline-string cell.
fn s(r: &str, text: &str) -> String {
    let mut escaped = String::new();
    vanban::template::xml::escape_text(text, &mut escaped);
    format!(r#"<c r="{r}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>"#)
}

fn rows(rows: &[(usize, String)]) -> String {
    let mut xml = String::from("<sheetData>");
    for (number, cells) in rows {
        xml.push_str(&format!(r#"<row r="{number}">{cells}</row>"#));
    }
    xml.push_str("</sheetData>");
    xml
}

/// The CRC-32 of `n` copies of `byte`, in O(log n): one byte's step of the CRC register is
/// an affine map over GF(2), raised to the `n`th power by squaring.
fn crc32_of_repeated(byte: u8, n: u64) -> u32 {
    fn step(mut crc: u32, byte: u8) -> u32 {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
        crc
    }
    // (columns of the linear part, constant)
    type Affine = ([u32; 32], u32);
    fn apply(map: &Affine, v: u32) -> u32 {
        let mut out = map.1;
        for (bit, column) in map.0.iter().enumerate() {
            if v >> bit & 1 == 1 {
                out ^= column;
            }
        }
        out
    }
    fn compose(outer: &Affine, inner: &Affine) -> Affine {
        let linear = |v: u32| apply(outer, v) ^ outer.1;
        let mut columns = [0u32; 32];
        for (bit, column) in columns.iter_mut().enumerate() {
            *column = linear(inner.0[bit]);
        }
        (columns, apply(outer, inner.1))
    }
    let constant = step(0, byte);
    let mut columns = [0u32; 32];
    for (bit, column) in columns.iter_mut().enumerate() {
        *column = step(1 << bit, byte) ^ constant;
    }
    let mut power: Affine = (columns, constant);
    let mut result: Affine = (std::array::from_fn(|bit| 1 << bit), 0);
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            result = compose(&power, &result);
        }
        power = compose(&power, &power);
        n >>= 1;
    }
    !apply(&result, 0xFFFF_FFFF)
}

/// Raw deflate of `1 + 258 * copies` spaces: a space, then `copies` back-references of
/// length 258 at distance 1, in one block of fixed Huffman codes (13 bits per 258 bytes).
fn deflated_spaces(copies: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, count: u32) {
            self.acc |= u64::from(value) << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            let reversed = code.reverse_bits() >> (32 - len);
            self.put(reversed, len);
        }
    }
    let mut bits = Bits {
        out: Vec::with_capacity(copies * 13 / 8 + 16),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(b' '), 8); // literal ' '
    for _ in 0..copies {
        bits.code(0b1100_0101, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// A .docx whose `word/document.xml` inflates to `1 + 258 * copies` spaces. The zip is
/// written by hand: the zip crate cannot take data that is already deflated.
fn zip_bomb(copies: usize) -> Vec<u8> {
    let plain = letter().build();
    let mut archive = zip::ZipArchive::new(Cursor::new(plain)).unwrap();
    let content_types = {
        let mut file = archive.by_name("[Content_Types].xml").unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut text).unwrap();
        text
    };
    let size = 1 + 258 * copies as u64;
    let entries: Vec<(&str, Vec<u8>, u16, u32, u64)> = vec![
        (
            "[Content_Types].xml",
            content_types.clone(),
            0,
            crc32(&content_types),
            content_types.len() as u64,
        ),
        (
            "word/document.xml",
            deflated_spaces(copies),
            8,
            crc32_of_repeated(b' ', size),
            size,
        ),
    ];
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, method, crc, size) in &entries {
        let offset = out.len() as u32;
        let header = |out: &mut Vec<u8>, central_entry: bool| {
            out.extend_from_slice(if central_entry {
                &[0x50, 0x4b, 0x01, 0x02, 20, 0]
            } else {
                &[0x50, 0x4b, 0x03, 0x04]
            });
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(*size as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_entry {
                out.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name.as_bytes());
        };
        header(&mut out, false);
        out.extend_from_slice(data);
        header(&mut central, true);
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A compound file (the container of encrypted Office documents) whose directory holds an
/// `EncryptedPackage` stream: what Excel writes for a workbook with a password to open.
fn encrypted_workbook() -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FAT: u32 = 0xFFFF_FFFD;
    let mut file = vec![0u8; 512 * 3];
    let header = &mut file[..512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes()); // minor version
    header[26..28].copy_from_slice(&3u16.to_le_bytes()); // major version: 512-byte sectors
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes()); // byte order
    header[30..32].copy_from_slice(&9u16.to_le_bytes()); // sector shift
    header[32..34].copy_from_slice(&6u16.to_le_bytes()); // mini sector shift
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    header[56..60].copy_from_slice(&0x1000u32.to_le_bytes()); // mini stream cutoff
    header[60..64].copy_from_slice(&END.to_le_bytes()); // no mini FAT
    header[68..72].copy_from_slice(&END.to_le_bytes()); // no DIFAT sectors
    header[76..80].copy_from_slice(&0u32.to_le_bytes()); // the FAT is sector 0
    for i in 1..109 {
        header[76 + 4 * i..80 + 4 * i].copy_from_slice(&FREE.to_le_bytes());
    }
    // Sector 0 (file offset 512): the FAT.
    let fat = &mut file[512..1024];
    for i in 0..128 {
        let value = match i {
            0 => FAT,
            1 => END,
            _ => FREE,
        };
        fat[4 * i..4 * i + 4].copy_from_slice(&value.to_le_bytes());
    }
    // Sector 1: the directory.
    let entry = |file: &mut [u8], index: usize, name: &str, kind: u8, child: u32| {
        let e = &mut file[1024 + 128 * index..1024 + 128 * (index + 1)];
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        e[..utf16.len()].copy_from_slice(&utf16);
        e[64..66].copy_from_slice(&(utf16.len() as u16 + 2).to_le_bytes());
        e[66] = kind;
        e[67] = 1; // black
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&END.to_le_bytes());
    };
    entry(&mut file, 0, "Root Entry", 5, 1);
    entry(&mut file, 1, "EncryptedPackage", 2, FREE);
    for index in 2..4 {
        let e = &mut file[1024 + 128 * index..1024 + 128 * (index + 1)];
        e[68..80].copy_from_slice(&[0xFF; 12]);
    }
    file
}

// ---------------------------------------------------------------------------------------------
// Templates

#[test]
fn a_template_that_is_not_a_zip_is_refused_with_exit_2() {
    let dir = setup(b"Kinh gui: {{ten}}\n", "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert_eq!(
        lines[0],
        "t.docx: not a .docx file: it is not a zip archive, or it is damaged or cut short"
    );
    assert_eq!(
        lines[1],
        "hint: save the template from Word or LibreOffice Writer as .docx"
    );
}

#[test]
fn a_zip_without_a_document_part_is_not_a_word_document() {
    let content_types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
    let template = zip_of(&[
        ("[Content_Types].xml", content_types),
        ("word/styles.xml", b"<w:styles/>"),
    ]);
    let dir = setup(&template, "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: not a Word document: it has no 'word/document.xml'\n\
         hint: save the template from Word or LibreOffice Writer as .docx\nerror: 1 problem found; nothing was written\n"
    );

    let template = zip_of(&[("word/document.xml", b"<w:document/>")]);
    let dir = setup(&template, "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: not a .docx file: it has no '[Content_Types].xml'\n\
         hint: save the template from Word or LibreOffice Writer as .docx\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_truncated_template_is_refused_with_exit_2() {
    let whole = letter().build();
    let dir = setup(&whole[..whole.len() / 2], "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    let problems = problems(&run);
    assert_eq!(problems.len(), 1, "{}", run.stderr);
    assert_eq!(
        problems[0],
        "t.docx: not a .docx file: it is not a zip archive, or it is damaged or cut short"
    );
}

#[test]
fn a_zip_bomb_is_refused_quickly_without_filling_memory() {
    // 300 MiB of spaces in a 2 MB file.
    let copies = 300 * 1024 * 1024 / 258 + 1;
    let bomb = zip_bomb(copies);
    assert!(bomb.len() < 3_000_000, "{} bytes", bomb.len());
    let dir = setup(&bomb, "d.csv", b"Ten\nAn\n");
    let started = Instant::now();
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    let elapsed = started.elapsed();
    assert_eq!(
        run.stderr,
        format!(
            "t.docx: word/document.xml: this part inflates to more than {} MiB; refusing it\nerror: 1 problem found; nothing was written\n",
            vanban::docx::MAX_PART_BYTES / 1024 / 1024
        )
    );
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

#[test]
fn the_zip_bomb_of_the_test_is_a_true_zip_of_what_it_claims() {
    // The bomb's builder, checked at a size that can be inflated here.
    let bomb = zip_bomb(1000);
    let xml = entry_text(&bomb, "word/document.xml").expect("inflates with a good checksum");
    assert_eq!(xml.len(), 1 + 258 * 1000);
    assert!(xml.bytes().all(|b| b == b' '));
    assert_eq!(crc32_of_repeated(b' ', 4321), crc32(&[b' '; 4321]));
}

#[test]
fn malformed_xml_in_a_part_is_located_and_stops_the_run() {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
{}
<w:p><w:r><w:t>{{{{ten}}}}</w:t></w:r></w:body></w:document>"#,
        p(&["Kính gửi"])
    );
    let dir = setup(&with_document(document.as_bytes()), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml: malformed XML at line 4: ill-formed document: expected `</w:p>`, but `</w:body>` was found\nerror: 1 problem found; nothing was written\n"
    );

    let dir = setup(
        &with_document(b"\xff\xfe<w:document/>"),
        "d.csv",
        b"Ten\nAn\n",
    );
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml: this part is not UTF-8 text\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_hash_argument_without_a_value_is_a_template_error_not_a_panic() {
    // Found by the template fuzzer: `key=` at the end of a tag indexed past the expression.
    let builder = DocxBuilder::new(p(&["Kính gửi: {{ten a=}}"]));
    let dir = setup(&builder.build(), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{ten a=}}: no value after '=' in the expression\nerror: 1 problem found; nothing was written\n"
    );
    let fuzzed = std::fs::read(fixture("bad/template-body-hash-without-value.xml")).unwrap();
    let builder = DocxBuilder::new(String::from_utf8_lossy(&fuzzed));
    let dir = setup(&builder.build(), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert!(
        run.stderr
            .starts_with("t.docx: word/document.xml paragraph 1: "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_part_that_starts_with_a_byte_order_mark_is_rendered_intact() {
    // Found by the template fuzzer: the mark shifted every offset by 3 bytes, which cut 'ợ'
    // in two (a panic) or, in ASCII text, wrote `< xml:space="preserve">:t&gt;` (exit 0).
    let built = letter().build();
    let document = entry_text(&built, "word/document.xml").unwrap();
    let document = document.replace("Kính gửi: {{ten}}", "Kính gửi: {{ten}} và Thủy lợi");
    for text in [
        format!("\u{feff}{document}"),
        format!("\u{feff}{}", document.replace("Kính gửi", "Dear")),
    ] {
        let dir = setup(&with_document(text.as_bytes()), "d.csv", b"Ten\nAn\n");
        let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 0);
        assert_eq!(run.stderr, "wrote 1 document to out/\n");
        let docx = std::fs::read(dir.path().join("out/t-2.docx")).unwrap();
        let xml = entry_text(&docx, "word/document.xml").unwrap();
        vanban::template::xml::parse(&xml, vanban::docx::PartKind::Word).expect("well-formed");
        assert!(paragraphs(&xml)[0].ends_with(": An và Thủy lợi"), "{xml}");
    }
    let fuzzed = std::fs::read(fixture("bad/template-document-with-bom.xml")).unwrap();
    let dir = setup(&with_document(&fuzzed), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert!(run.stderr.starts_with("t.docx: "), "{}", run.stderr);
}

#[test]
fn a_template_with_1000_tags_renders_every_one() {
    let paragraph = p(&["{{ten}} {{ma}}"; 5]);
    let dir = setup(
        &DocxBuilder::new(paragraph.repeat(100)).build(),
        "d.csv",
        b"Ten,Ma\nAn,1\n",
    );
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    let paragraphs = part_text(&dir.path().join("out/t-2.docx"), "word/document.xml");
    assert_eq!(paragraphs.len(), 100);
    assert!(paragraphs.iter().all(|p| p == &"An 1".repeat(5)));
}

// Handlebars' compiler finds the line and column of every tag by counting from the start of
// the source, so vanban compiles a part in pieces of 64 tags (template::CHUNK_TAGS); whole,
// these templates took about an hour. How long they take is measured by hand, not here.

#[test]
fn a_template_with_100000_tags_renders() {
    // 100,000 tags: 10,000 paragraphs of ten tags, each tag in a run of its own.
    let paragraph = p(&[
        "{{ten}}", " ", "{{ma}}", " ", "{{ten}}", " ", "{{ma}}", " ", "{{ten}}", " ", "{{ma}}",
        " ", "{{ten}}", " ", "{{ma}}", " ", "{{ten}}", " ", "{{ma}}",
    ]);
    let body = paragraph.repeat(10_000);
    let dir = setup(
        &DocxBuilder::new(body).build(),
        "d.csv",
        b"Ten,Ma\nAn,1\nBinh,2\n",
    );
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 0);
    assert_eq!(run.stderr, "wrote 2 documents to out/\n");
    let paragraphs = part_text(&dir.path().join("out/t-3.docx"), "word/document.xml");
    assert_eq!(paragraphs.len(), 10_000);
    assert!(
        paragraphs
            .iter()
            .all(|p| p == "Binh 2 Binh 2 Binh 2 Binh 2 Binh 2")
    );
}

#[test]
fn a_template_with_100000_tags_each_in_its_own_paragraph_renders() {
    let body = p(&["{{ten}}"]).repeat(100_000);
    let dir = setup(&DocxBuilder::new(body).build(), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    let paragraphs = part_text(&dir.path().join("out/t-2.docx"), "word/document.xml");
    assert_eq!(paragraphs.len(), 100_000);
}

// ---------------------------------------------------------------------------------------------
// Data

#[test]
fn text_saved_as_xlsx_is_refused_with_a_hint() {
    let dir = setup(&letter().build(), "d.xlsx", "Tên\nAn\n".as_bytes());
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx: cannot read the workbook: it is not a .xlsx file, or it is damaged or cut short\n\
         hint: check that the file is a spreadsheet saved by Excel or LibreOffice\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_workbook_with_a_password_to_open_is_refused_with_a_hint() {
    let dir = setup(&letter().build(), "d.xlsx", &encrypted_workbook());
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx: cannot read the workbook: it is protected by a password\n\
         hint: open it, remove the password to open (File > Info > Protect Workbook) and save it\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn an_opendocument_spreadsheet_with_a_password_to_open_is_refused_with_a_hint() {
    let dir = setup(
        &letter().build(),
        "d.ods",
        &ods(ODS_CONTENT.as_bytes(), true),
    );
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.ods"], 2);
    assert_eq!(
        run.stderr,
        "d.ods: cannot read the workbook: it is protected by a password\n\
         hint: open it, remove the password to open (File > Info > Protect Workbook) and save it\nerror: 1 problem found; nothing was written\n"
    );
    // The same file without the password is read.
    let dir = setup(
        &letter().build(),
        "d.ods",
        &ods(ODS_CONTENT.as_bytes(), false),
    );
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.ods"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(body(&dir.path().join("out/t-2.docx")), "Kính gửi: An");
}

#[test]
fn an_opendocument_spreadsheet_cut_short_inside_a_table_is_refused_not_read_forever() {
    // Found by the load_table fuzzer: calamine 0.38 reads a table until its end tag and
    // loops forever when the file ends first.
    let cut = &ODS_CONTENT[..ODS_CONTENT.find("<table:table-row>").unwrap()];
    let fuzzed = std::fs::read(fixture("bad/ods-content-cut-short-in-table.xml")).unwrap();
    let mismatched = ODS_CONTENT.replace("</table:table>", "</table:tablx>");
    for content in [cut.as_bytes(), &fuzzed, mismatched.as_bytes()] {
        let dir = setup(&letter().build(), "d.ods", &ods(content, false));
        let started = Instant::now();
        let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.ods"], 2);
        assert_eq!(
            run.stderr,
            "d.ods: cannot read the workbook: the file is damaged (its content is cut short or is not well-formed XML)\n\
             hint: open it in LibreOffice Calc or Excel and save it again\nerror: 1 problem found; nothing was written\n"
        );
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn a_sheet_with_a_cell_in_row_1048576_is_read_quickly() {
    let data = xlsx(&rows(&[
        (1, s("A1", "Tên")),
        (2, s("A2", "An")),
        (1_048_576, s("A1048576", "Cuối")),
    ]));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let started = Instant::now();
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    let elapsed = started.elapsed();
    assert_eq!(run.stderr, "wrote 2 documents to out/\n");
    assert_eq!(written(dir.path()), ["t-1048576.docx", "t-2.docx"]);
    assert_eq!(
        body(&dir.path().join("out/t-1048576.docx")),
        "Kính gửi: Cuối"
    );
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}

#[test]
fn a_sheet_whose_cells_span_the_whole_grid_is_read_quickly() {
    // Two cells at opposite corners: a dense grid of them would be 17 billion cells.
    let data = xlsx(&rows(&[
        (1, s("A1", "Tên")),
        (2, s("A2", "An")),
        (1_048_576, s("XFD1048576", "góc")),
    ]));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let started = Instant::now();
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    let elapsed = started.elapsed();
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo!XFD1048576: warning: column XFD holds data but has no header, so it is ignored\n\
         hint: give it a header in row 1 to use it in templates\n\
         wrote 1 document to out/\n"
    );
    assert_eq!(written(dir.path()), ["t-2.docx"]);
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}

#[test]
fn a_cell_whose_column_is_past_xfd_is_refused_not_allocated() {
    // Found by the load_table fuzzer: a column of 51 letters made calamine's dense range ask
    // for 99 GB (an abort). Read cell by cell, a cell past XFD1048576 is refused.
    let data = xlsx(&rows(&[
        (1, s("A1", "Tên")),
        (2, r#"<c r="AAAAAA2"><v>8.5</v></c>"#.to_string()),
    ]));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo: cannot read the workbook: the file is damaged (it has a cell in row 2 column 12356631, past XFD1048576, the last cell of a sheet)\n\
         hint: open it in Excel or LibreOffice and save it again\nerror: 1 problem found; nothing was written\n"
    );
    // The fuzzer's own sheet: 51 letters overflow calamine's column number, a panic in a
    // debug build (caught, and silent) and a wrapped number in a release build.
    let fuzzed = std::fs::read(fixture("bad/xlsx-sheet-column-past-xfd.xml")).unwrap();
    let data = xlsx(&String::from_utf8_lossy(&fuzzed));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert!(
        run.stderr.starts_with("d.xlsx") && run.stderr.contains("the file is damaged"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_sheet_with_cells_far_to_the_right_on_many_rows_is_refused_with_its_size() {
    // 1,100 rows reaching column XFD: 18 million cells once laid out, most of them empty.
    let mut sheet = vec![(1, [s("A1", "Tên"), s("B1", "Mã")].concat())];
    for n in 2..=1101 {
        sheet.push((
            n,
            [
                s(&format!("A{n}"), "An"),
                format!(r#"<c r="XFD{n}"><v>0</v></c>"#),
            ]
            .concat(),
        ));
    }
    let dir = setup(&letter().build(), "d.xlsx", &xlsx(&rows(&sheet)));
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo: the sheet is too large to read: its cells reach column XFD and row 1101\n\
         hint: delete the rows and columns past the table (select them, Delete) and save\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_cell_of_one_megabyte_of_text_is_written_whole() {
    let long = "Đê điều ".repeat(100_000); // 1.1 MB
    let data = xlsx(&rows(&[(1, s("A1", "Tên")), (2, s("A2", &long))]));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    // The space at the end of the cell, which no one sees, is tidied (issue 12).
    assert_eq!(
        body(&dir.path().join("out/t-2.docx")),
        format!("Kính gửi: {}", long.trim_end())
    );

    let csv = format!("Tên\n\"{long}\"\n");
    let dir = setup(&letter().build(), "d.csv", csv.as_bytes());
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    // The space at the end of the cell, which no one sees, is tidied (issue 12).
    assert_eq!(
        body(&dir.path().join("out/t-2.docx")),
        format!("Kính gửi: {}", long.trim_end())
    );
}

#[test]
fn control_characters_that_xml_forbids_are_dropped_from_documents_and_names() {
    let builder = DocxBuilder::new(p(&["Kính gửi: {{ten}}"])).title("{{ten}}");
    // From a CSV file, from a workbook (Excel writes them as `_x0001_`) and from --set.
    let csv = "Tên\n\"A\u{1}B\u{8}C\u{1b}D\u{fffe}E\u{7f}F\"\n";
    let dir = setup(&builder.build(), "d.csv", csv.as_bytes());
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--name", "{{ten}}"],
        0,
    );
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(written(dir.path()), ["A_B_C_D\u{fffe}E_F.docx"]);
    let docx = std::fs::read(dir.path().join("out/A_B_C_D\u{fffe}E_F.docx")).unwrap();
    let xml = entry_text(&docx, "word/document.xml").unwrap();
    vanban::template::xml::parse(&xml, vanban::docx::PartKind::Word).expect("well-formed");
    assert_eq!(paragraphs(&xml), ["Kính gửi: ABCDE\u{7f}F"]);
    let core = entry_text(&docx, "docProps/core.xml").unwrap();
    vanban::template::xml::parse(&core, vanban::docx::PartKind::Plain).expect("well-formed");
    assert!(core.contains("<dc:title>ABCDE\u{7f}F</dc:title>"), "{core}");

    let data = xlsx(&rows(&[
        (1, s("A1", "Tên")),
        (2, s("A2", "A_x0001_B_x001B_C")),
    ]));
    let dir = setup(&builder.build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(body(&dir.path().join("out/t-2.docx")), "Kính gửi: ABC");

    let dir = setup(
        &DocxBuilder::new(p(&["{{nam}}"])).build(),
        "d.csv",
        b"Ten\nAn\n",
    );
    let run = run_checked(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--set",
            "nam=20\u{2}25",
        ],
        0,
    );
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(body(&dir.path().join("out/t-2.docx")), "2025");
}

fn error_cells() -> Vec<u8> {
    xlsx(&rows(&[
        (
            1,
            [s("A1", "Tên"), s("B1", "Điểm"), s("C1", "Ghi chú")].concat(),
        ),
        (
            2,
            [
                s("A2", "An"),
                r#"<c r="B2"><v>8.5</v></c>"#.into(),
                s("C2", ""),
            ]
            .concat(),
        ),
        (
            3,
            [
                s("A3", "Bình"),
                r#"<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#.into(),
                r#"<c r="C3" t="e"><v>#N/A</v></c>"#.into(),
            ]
            .concat(),
        ),
    ]))
}

#[test]
fn an_error_cell_in_a_column_the_template_uses_stops_the_run_at_its_cell() {
    let builder = DocxBuilder::new(p(&["{{ten}}: {{diem}}"]));
    let dir = setup(&builder.build(), "d.xlsx", &error_cells());
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo!B3: the cell holds the error '#DIV/0!' and the template uses 'diem'\n\
         hint: fix the formula in the spreadsheet, or clear the cell\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn an_error_cell_in_a_column_the_template_does_not_use_is_a_warning() {
    let builder = DocxBuilder::new(p(&["{{ten}}"]));
    let dir = setup(&builder.build(), "d.xlsx", &error_cells());
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo!B3: warning: the cell holds the error '#DIV/0!'\n\
         d.xlsx:CanBo!C3: warning: the cell holds the error '#N/A'\n\
         wrote 2 documents to out/\n"
    );
    assert_eq!(written(dir.path()), ["t-2.docx", "t-3.docx"]);
}

#[test]
fn a_merged_header_names_its_first_column_and_the_others_are_warned_about() {
    let data = xlsx(&format!(
        "{}<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>",
        rows(&[
            (1, [s("A1", "Tên"), s("C1", "Mã")].concat()),
            (2, [s("A2", "An"), s("B2", "Văn"), s("C2", "CCTL")].concat()),
        ])
    ));
    let builder = DocxBuilder::new(p(&["{{ten}} ({{ma}})"]));
    let dir = setup(&builder.build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo!B2: warning: column B holds data but has no header, so it is ignored\n\
         hint: give it a header in row 1 to use it in templates\n\
         wrote 1 document to out/\n"
    );
    assert_eq!(body(&dir.path().join("out/t-2.docx")), "An (CCTL)");
}

#[test]
fn an_empty_sheet_is_refused_with_exit_2() {
    let dir = setup(&letter().build(), "d.xlsx", &xlsx("<sheetData/>"));
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 2);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo: the sheet 'CanBo' is empty\n\
         hint: put a header row and data rows in it\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_sheet_of_headers_only_writes_no_document_and_says_so() {
    let data = xlsx(&rows(&[(1, s("A1", "Tên"))]));
    let dir = setup(&letter().build(), "d.xlsx", &data);
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.xlsx"], 0);
    assert_eq!(
        run.stderr,
        "d.xlsx:CanBo: warning: the sheet 'CanBo' has headers in row 1 but no data rows below them\n\
         hint: check --sheet and --header-row, or fill in the data\n\
         wrote 0 documents to out/\n"
    );
    assert!(written(dir.path()).is_empty());
    // The same for a CSV file, and for `vanban data`, which prints no rows.
    let dir = setup(&letter().build(), "d.csv", "Tên\n".as_bytes());
    let run = run_checked(dir.path(), &["data", "d.csv"], 0);
    assert_eq!(run.stdout, "[]\n");
    assert_eq!(
        run.stderr,
        "d.csv: warning: the file has headers in row 1 but no data rows below them\n\
         hint: check --sheet and --header-row, or fill in the data\n"
    );
}

#[test]
fn group_keys_spelled_nfc_and_nfd_are_one_group() {
    let nfc = "Chi cục Thủy lợi";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
    assert_ne!(nfc, nfd);
    let builder = DocxBuilder::new(p(&["{{don_vi}}: {{count}}"]));
    let csv = format!("Đơn vị,Tên\n{nfc},An\n{nfd},Bình\n");
    let dir = setup(&builder.build(), "d.csv", csv.as_bytes());
    let run = run_checked(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--group-by",
            "don_vi",
        ],
        0,
    );
    // One group, and a warning naming the two cells (issue 12).
    assert_eq!(
        run.stderr,
        format!(
            "d.csv:A3: warning: '{nfd}' and '{nfc}' in A2 differ only in how their accents are encoded, so they are taken as one value\n\
             hint: retype one of the two cells with the keyboard set to Unicode dựng sẵn (precomposed), to make them alike\n\
             wrote 1 document to out/\n"
        )
    );
    assert_eq!(written(dir.path()), [format!("t-{nfc}.docx")]);
    assert_eq!(
        body(&dir.path().join(format!("out/t-{nfc}.docx"))),
        format!("{nfc}: 2")
    );

    let json = format!(r#"[{{"don_vi": "{nfd}"}}, {{"don_vi": "{nfc}"}}]"#);
    let dir = setup(&builder.build(), "d.json", json.as_bytes());
    let run = run_checked(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.json",
            "--group-by",
            "don_vi",
        ],
        0,
    );
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(written(dir.path()), [format!("t-{nfc}.docx")]);
}

// ---------------------------------------------------------------------------------------------
// Names and the output folder

#[test]
fn names_from_data_values_cannot_leave_the_output_folder() {
    let long = "Đ".repeat(300);
    let csv = format!("Tên\n../../thoat\n/etc/x\nC:\\x\nCON\naux.docx\n{long}\n..\n");
    let dir = setup(&letter().build(), "d.csv", csv.as_bytes());
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--name", "{{ten}}"],
        0,
    );
    assert_eq!(run.stderr, "wrote 7 documents to out/\n");
    let cut = format!("{}.docx", "Đ".repeat(97));
    let mut expected = vec![
        ".._.._thoat.docx".to_string(),
        "_etc_x.docx".into(),
        "C__x.docx".into(),
        "CON_.docx".into(),
        "aux_.docx".into(),
        cut,
        "_.docx".into(),
    ];
    expected.sort();
    assert_eq!(written(dir.path()), expected);
}

#[test]
fn name_patterns_cannot_leave_the_output_folder() {
    let dir = setup(&letter().build(), "d.csv", b"Ten\nAn\n");
    for (pattern, name) in [
        ("../{{ten}}", "An.docx"),
        ("../../x/{{ten}}", "x/An.docx"),
        ("/etc/{{ten}}", "etc/An.docx"),
        // `\` separates folders as on Windows; the drive's `:` becomes `_`.
        ("C:\\Windows\\x-{{ten}}", "C_/Windows/x-An.docx"),
        ("C:\\{{ten}}", "C_/An.docx"),
        ("CON", "CON_.docx"),
        ("aux.docx", "aux_.docx"),
        ("{{ten}}/..", "An.docx"),
    ] {
        let run = run_checked(
            dir.path(),
            &["render", "t.docx", "--data", "d.csv", "--name", pattern],
            0,
        );
        assert_eq!(run.stderr, "wrote 1 document to out/\n", "{pattern}");
        assert!(
            dir.path().join("out").join(name).is_file(),
            "{pattern}: {:?}",
            written(dir.path())
        );
        std::fs::remove_file(dir.path().join("out").join(name)).unwrap();
    }
}

#[test]
fn a_name_too_long_for_the_file_system_is_cut() {
    let long = "x".repeat(300);
    let dir = setup(&letter().build(), "d.csv", b"Ten\nAn\n");
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--name", &long],
        0,
    );
    assert_eq!(run.stderr, "wrote 1 document to out/\n");
    assert_eq!(written(dir.path()), [format!("{}.docx", "x".repeat(195))]);
}

#[test]
fn an_output_folder_that_is_a_file_stops_the_run() {
    let dir = setup(&letter().build(), "d.csv", b"Ten\nAn\n");
    std::fs::write(dir.path().join("ra"), b"not a folder").unwrap();
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--out", "ra"],
        2,
    );
    assert_eq!(
        run.stderr,
        "ra: the output folder is a file\nerror: 1 problem found; nothing was written\n"
    );
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--out", "ra/con"],
        2,
    );
    // The message goes on with the system's own words.
    assert!(
        run.stderr
            .starts_with("ra/con: cannot create the output folder: "),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_cannot_be_written_stops_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup(&letter().build(), "d.csv", b"Ten\nAn\n");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), b"").is_ok() {
        std::fs::remove_file(locked.join("probe")).unwrap();
        eprintln!(
            "notice: running as root, where a read-only folder can be written; skipping the read-only output folder"
        );
        return;
    }
    let run = run_checked(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--out", "locked"],
        2,
    );
    // The message goes on with the system's own words.
    assert!(
        run.stderr
            .starts_with("locked: cannot write in the output folder: "),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// A run stopped by force

#[cfg(unix)]
#[test]
fn a_run_killed_in_the_middle_leaves_only_complete_documents() {
    let builder = DocxBuilder::new(p(&["Kính gửi: {{ten}} ", "{{ma}}"]).repeat(200));
    let mut csv = String::from("Tên,Mã\n");
    for i in 0..3000 {
        csv.push_str(&format!("Người {i},M{i:04}\n"));
    }
    let dir = setup(&builder.build(), "d.csv", csv.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "t.docx", "--data", "d.csv", "--jobs", "2"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if written(dir.path()).len() >= 50 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be killed"
        );
        assert!(started.elapsed() < Duration::from_secs(60), "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9)
    );

    let files = all_files(&dir.path().join("out"));
    let documents: Vec<&String> = files
        .iter()
        .filter(|f| f.ends_with(".docx") && !f.starts_with("earlier/"))
        .collect();
    assert!(documents.len() >= 50 && documents.len() < 3001);
    for name in &documents {
        let bytes = std::fs::read(dir.path().join("out").join(name)).unwrap();
        let xml = entry_text(&bytes, "word/document.xml")
            .unwrap_or_else(|| panic!("{name} is not a complete document"));
        assert!(xml.ends_with("</w:document>"), "{name}");
    }
    let leftovers: Vec<&String> = files.iter().filter(|f| !f.ends_with(".docx")).collect();
    for name in &leftovers {
        let file = name.rsplit('/').next().unwrap();
        assert!(
            file.starts_with(".vanban-") && file.ends_with(".tmp"),
            "unexpected file {name}"
        );
    }
    eprintln!(
        "notice: killed after {} documents; temporary files left: {leftovers:?}",
        documents.len()
    );
}

#[test]
fn a_template_with_a_password_to_open_is_named_so() {
    let dir = setup(&encrypted_workbook(), "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: cannot read the template: it is protected by a password\n\
         hint: open it in Word, remove the password to open (File > Info > Protect Document) and save it\nerror: 1 problem found; nothing was written\n"
    );
    let run = run_checked(dir.path(), &["check", "t.docx"], 2);
    assert!(
        run.stderr
            .starts_with("t.docx: cannot read the template: it is protected by a password\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_word_97_document_renamed_docx_is_named_so() {
    let mut doc = vec![0u8; 1536];
    doc[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let dir = setup(&doc, "d.csv", b"Ten\nAn\n");
    let run = run_checked(dir.path(), &["render", "t.docx", "--data", "d.csv"], 2);
    assert_eq!(
        run.stderr,
        "t.docx: not a .docx file: it is a Word 97-2003 document (.doc)\n\
         hint: open it in Word or LibreOffice Writer and save it as .docx\nerror: 1 problem found; nothing was written\n"
    );
}
