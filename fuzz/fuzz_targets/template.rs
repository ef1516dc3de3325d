//! The template compiler and renderer on arbitrary `word/document.xml` content.
//!
//! First byte: bit 0 clear, the rest is the *body* of a well-formed document built with
//! `DocxBuilder` (reaches tag scanning, block pairing and emission quickly); bit 0 set, the
//! rest is the whole `word/document.xml` as raw bytes (reaches the zip reader and XML
//! parser); bit 1 chooses how `[brackets]` are read (spreadsheet or JSON data).
//!
//! Oracles: no panic; a template that compiles and renders gives parts that are well-formed
//! XML and a package that opens again.

#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use handlebars::Context;
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use vanban::docx::Package;
use vanban::template::{CompileOptions, Template};
use vanban::testkit::DocxBuilder;

/// The entries of a built package other than `word/document.xml`.
fn other_entries() -> &'static Vec<(String, Vec<u8>)> {
    static ENTRIES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let bytes = DocxBuilder::new("").header("<w:p/>").title("t").build();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("built package");
        (0..archive.len())
            .filter_map(|i| {
                let mut file = archive.by_index(i).expect("entry");
                let name = file.name().expect("name").into_owned();
                let mut content = Vec::new();
                file.read_to_end(&mut content).expect("read");
                (name != "word/document.xml").then_some((name, content))
            })
            .collect()
    })
}

fn package_with_document(document: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut entries = other_entries().iter();
    // `[Content_Types].xml` and `_rels/.rels` first, as in the built package.
    for (name, content) in entries.by_ref().take(2) {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document).unwrap();
    for (name, content) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let mut data = vanban::context::globals("31/10/2025", &[("nam".into(), "2025".into())]);
        let row = json!({
            "ten": "Chi cục <Thủy lợi> & \"Đê\" 'điều'",
            "so": 1207,
            "diem": 8.5,
            "ngay": "31/10/2025",
            "co": true,
            "rong": "",
            "bad": "a\u{1}b\u{fffe}c\r\nd\te",
            "ngoac": "{{x}} \\{{y}}",
            "_row": 3,
        });
        for (k, v) in row.as_object().unwrap() {
            data.insert(k.clone(), v.clone());
        }
        data.insert(
            "rows".into(),
            json!([row, {"ten": "Hai", "so": 0, "_row": 4}]),
        );
        data.insert("count".into(), json!(2));
        Context::wraps(serde_json::Value::Object(data)).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        DocxBuilder::new(String::from_utf8_lossy(rest)).build()
    } else {
        package_with_document(rest)
    };
    let Ok(package) = Package::from_bytes(bytes) else {
        return;
    };
    let options = CompileOptions {
        slug_brackets: mode & 2 != 0,
    };
    let template = match Template::compile(package, options) {
        Ok(template) => template,
        Err(errors) => {
            assert!(!errors.is_empty(), "a failed compile reports a problem");
            return;
        }
    };
    let Ok(parts) = template.render(context()) else {
        return;
    };
    for (index, xml) in &parts {
        let part = template
            .parts
            .iter()
            .find(|p| p.index == *index)
            .expect("a rendered part was compiled");
        let text = std::str::from_utf8(xml).expect("rendered XML is UTF-8");
        if let Err(e) = vanban::template::xml::parse(text, part.kind) {
            panic!(
                "rendered {} is not well-formed: {e}\n--- source ---\n{}\n--- output ---\n{text}",
                part.name, part.source
            );
        }
    }
    let mut out = Cursor::new(Vec::new());
    let replaced: Vec<(usize, &[u8])> = parts.iter().map(|(i, b)| (*i, b.as_slice())).collect();
    template
        .package
        .write(&mut out, &replaced, &[])
        .expect("the rendered package is written");
    Package::from_bytes(out.into_inner()).expect("the written package opens again");
});
