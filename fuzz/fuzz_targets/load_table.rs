//! The data reader (`vanban::input::load_table`) on arbitrary files.
//!
//! First byte, low 3 bits: the kind of file the rest becomes:
//! 0 raw `.xlsx`, 1 raw `.xls`, 2 raw `.xlsb`, 3 raw `.ods`, 4 `.csv`, 5 `.json`,
//! 6 the sheet XML of a minimal `.xlsx` (the zip is built here, so mutations reach
//! calamine's cell reader instead of failing the zip's checksum), 7 the `content.xml` of a
//! minimal `.ods`. Bit 3 asks for `--header-row 2`; bit 4 for `--sheet CanBo`.
//!
//! Oracles: no panic escapes (calamine panics that vanban catches are allowed: they become
//! a message, and are printed once per place so they can be reported upstream); failures
//! are located at the file and worded in lower case; a table's rows hold only its columns.

#![no_main]

use std::collections::HashSet;
use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use vanban::input::{LoadOptions, load_table};

const XLSX_SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

fn xlsx(sheet: &[u8]) -> Vec<u8> {
    let files: [(&str, &[u8]); 6] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="CanBo" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        (
            "xl/styles.xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
        ),
        (
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\"><si><t>Họ và tên</t></si><si><t>Mã đơn vị</t></si><si><t>Chi cục Thủy lợi</t></si></sst>".as_bytes(),
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(XLSX_SHEET_HEAD.as_bytes()).unwrap();
    zip.write_all(sheet).unwrap();
    zip.finish().unwrap().into_inner()
}

fn ods(content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", options).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", options).unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap().into_inner()
}

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("vanban-fuzz-")
            .tempdir()
            .expect("scratch folder");
        dir.keep()
    })
}

/// Panics that vanban catches (calamine's, around the workbook read) are not crashes: print
/// each place once and go on. A panic that escapes still aborts (libfuzzer-sys catches it
/// and aborts).
fn quiet_caught_panics() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
        std::panic::set_hook(Box::new(|info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get_or_insert_with(HashSet::new).insert(place.clone()) {
                eprintln!("vanban-fuzz: panic at {place}: {info}");
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (extension, bytes): (&str, Vec<u8>) = match mode & 7 {
        0 => ("xlsx", rest.to_vec()),
        1 => ("xls", rest.to_vec()),
        2 => ("xlsb", rest.to_vec()),
        3 => ("ods", rest.to_vec()),
        4 => ("csv", rest.to_vec()),
        5 => ("json", rest.to_vec()),
        6 => ("xlsx", xlsx(rest)),
        _ => ("ods", ods(rest)),
    };
    let path = scratch().join(format!("f.{extension}"));
    std::fs::write(&path, &bytes).expect("scratch file written");
    let options = LoadOptions {
        header_row: (mode & 8 != 0).then_some(2),
        sheet: (mode & 16 != 0).then(|| "CanBo".to_string()),
        ..LoadOptions::default()
    };
    let loaded = load_table(&path, "in/f", &options);
    // After vanban's first load, which installs its own hook (silent while calamine runs):
    // this one replaces it and prints where calamine panicked.
    quiet_caught_panics();
    match loaded {
        Ok(table) => {
            for row in &table.rows {
                assert!(row.number >= 1);
                for key in row.fields.keys() {
                    assert!(
                        table.columns.iter().any(|c| &c.key == key),
                        "row {} has field {key:?} outside the columns",
                        row.number
                    );
                }
            }
            serde_json::to_string(&table.rows.iter().map(|r| &r.fields).collect::<Vec<_>>())
                .expect("rows print as JSON");
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "a failed load reports a problem");
            for e in &errors {
                assert!(e.location.starts_with("in/f"), "unlocated: {e}");
                assert!(
                    !e.message.starts_with(|c: char| c.is_uppercase()),
                    "not lower case: {e}"
                );
            }
        }
    }
});
