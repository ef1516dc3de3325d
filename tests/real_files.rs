//! Packages as real producers write them (the .NET packaging code, Python's ElementTree,
//! Strict OOXML, zips with Unicode path fields...), each built in code: accepted, checked and
//! rendered like the ones Word writes, or refused with a message that says why.

use crate::common::*;

const MAIN_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/// Renders `t.docx` (the `docx` bytes) with `data` (CSV) and returns the run and the body
/// of `out/t-_row2.docx` (empty when it was not written).
fn render_csv(docx: &[u8], data: &str) -> (Run, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), docx).unwrap();
    std::fs::write(dir.path().join("d.csv"), data).unwrap();
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    let out = dir.path().join("out/t-2.docx");
    let text = if out.exists() {
        body(&out)
    } else {
        String::new()
    };
    (run, text)
}

/// `vanban check t.docx [ARGS]` on `docx`, with `d.csv` holding `data`.
fn check_csv(docx: &[u8], data: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), docx).unwrap();
    std::fs::write(dir.path().join("d.csv"), data).unwrap();
    let mut all = vec!["check", "t.docx"];
    all.extend_from_slice(args);
    vanban(dir.path(), &all)
}

fn letter() -> DocxBuilder {
    DocxBuilder::new(p(&["Kính gửi: {{ten_", "don_vi}}."]))
}

// ---------------------------------------------------------------------------------------------
// 1. The main part is found as the standard says: `_rels/.rels`, then the content types.

#[test]
fn a_main_part_typed_only_by_a_default_content_type_is_found() {
    // As the .NET packaging code writes it: every .xml part is typed main by a Default, the
    // others by their Overrides, and word/document.xml has no Override of its own.
    let types = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="{MAIN_TYPE}"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#
    );
    let docx = with_entries(
        &letter().build(),
        &[
            ("[Content_Types].xml", Some(&types)),
            // Typed main by the Default too, but no relationship points at it.
            (
                "customXml/item1.xml",
                Some(
                    "<b:Sources xmlns:b=\"http://schemas.openxmlformats.org/officeDocument/2006/bibliography\"/>",
                ),
            ),
        ],
    );
    let (run, text) = render_csv(&docx, "Tên đơn vị\nSở Tài chính\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(text, "Kính gửi: Sở Tài chính.");
    let run = check_csv(&docx, "Tên đơn vị\nSở Tài chính\n", &["--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn the_main_part_is_the_one_the_package_relationship_names() {
    // The main part under another name, its extension typed by a Default; a stale
    // word/document.xml with an Override is no part of the document.
    let built = letter().build();
    let document = entry_text(&built, "word/document.xml").unwrap();
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#;
    let types = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="XML" ContentType="application/xml"/><Default Extension="xml" ContentType="{MAIN_TYPE}"/><Override PartName="/word/Document.xml" ContentType="{MAIN_TYPE}"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#
    );
    let stale = document.replace("Kính gửi", "{{khong_co}}");
    let docx = with_entries(
        &built,
        &[
            ("[Content_Types].xml", Some(&types)),
            ("_rels/.rels", Some(rels)),
            ("word/document.xml", Some(&stale)),
            ("word/main.xml", Some(&document)),
            (
                "word/_rels/main.xml.rels",
                entry_text(&built, "word/_rels/document.xml.rels").as_deref(),
            ),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), &docx).unwrap();
    std::fs::write(dir.path().join("d.csv"), "Tên đơn vị\nSở Tài chính\n").unwrap();
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("out/t-2.docx");
    assert_eq!(
        part_text(&out, "word/main.xml").join("\n"),
        "Kính gửi: Sở Tài chính."
    );
}

#[test]
fn a_main_part_named_but_missing_is_said_so() {
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document1.xml"/></Relationships>"#;
    let docx = with_entries(&letter().build(), &[("_rels/.rels", Some(rels))]);
    let (run, _) = render_csv(&docx, "Tên đơn vị\nA\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: not a Word document: its main part 'word/document1.xml', named in '_rels/.rels', is missing\n\
         hint: save the template from Word or LibreOffice Writer as .docx\n"
    );
}

#[test]
fn a_workbook_renamed_docx_is_not_a_word_document() {
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", "<workbook/>"),
    ]);
    let (run, _) = render_csv(&docx, "Tên đơn vị\nA\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: not a Word document: its main part 'xl/workbook.xml' is of type 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'\n\
         hint: save the template from Word or LibreOffice Writer as .docx\n"
    );
}

/// A zip of text entries, in order.
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
