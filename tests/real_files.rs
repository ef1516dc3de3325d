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
         hint: save the template from Word or LibreOffice Writer as .docx\nerror: 1 problem found; nothing was written\n"
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
         hint: save the template from Word or LibreOffice Writer as .docx\nerror: 1 problem found; nothing was written\n"
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

// ---------------------------------------------------------------------------------------------
// 2. `check` finds every tag `render` cannot read, and says in our words what is wrong.

/// The problem lines (errors and hints, not the summary) `check` and `render` print for a
/// template whose body is one paragraph holding `tag`.
fn check_and_render(tag: &str) -> (Run, Run) {
    let builder = DocxBuilder::new(p(&["Kính gửi: ", tag]));
    let dir = with_template(&builder, "d.csv", "x,y,name\n1,2,3\n");
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    let render = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    (check, render)
}

fn problem_lines(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| !l.starts_with("error: ") && !l.starts_with("note: "))
        .filter(|l| !l.contains("no tag reads the columns"))
        .collect()
}

#[test]
fn tags_handlebars_cannot_read_fail_check_as_they_fail_render_in_our_words() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "{{+x}}",
            "a field name cannot start with '+'",
            "a field is named by its column's header as a slug, like {{ho_va_ten}}, or by the header in brackets: {{[Họ và tên]}}",
        ),
        (
            "{{%x}}",
            "a field name cannot start with '%'",
            "a field is named by its column's header as a slug, like {{ho_va_ten}}, or by the header in brackets: {{[Họ và tên]}}",
        ),
        (
            "{{?x}}",
            "a field name cannot start with '?'",
            "a field is named by its column's header as a slug, like {{ho_va_ten}}, or by the header in brackets: {{[Họ và tên]}}",
        ),
        (
            "{{.x}}",
            "a field name cannot start with '.'",
            "write {{x}}, or {{this.x}} for a field of the current row",
        ),
        (
            "{{x.}}",
            "a field name cannot end with '.'",
            "write {{x}}, or name what follows the '.': {{x.ten}}",
        ),
        (
            "{{x..y}}",
            "'..' inside the field name 'x..y'",
            "separate the parts of a name with one dot: {{x.y}}; '../' reads a field of the block around: {{../nam}}",
        ),
        (
            "{{x/}}",
            "a field name cannot end with '/'",
            "write {{x}}, or name what follows the '/': {{x/ten}}",
        ),
        (
            "{{x=1}}",
            "'x=1' is a named argument with no helper before it",
            "to print 'x' write {{x}}; to compare, write {{#if (eq x 1)}}",
        ),
        (
            "{{x,y}}",
            "',' cannot be in a field name ('x,y')",
            "a helper's arguments are separated by spaces: {{so tong_tien 0}}",
        ),
        (
            "{{x|y}}",
            "'|' cannot be in a field name ('x|y')",
            "to print a value use {{x}}; a filter is written as a helper: {{y x}}",
        ),
        (
            "{{x;}}",
            "';' cannot be in a field name ('x;')",
            "a helper's arguments are separated by spaces: {{so tong_tien 0}}",
        ),
        (
            "{{x#}}",
            "'#' cannot be in a field name ('x#')",
            "a block opens with '#' before its helper: {{#if x}}",
        ),
        (
            "{{x!}}",
            "'!' cannot be in a field name ('x!')",
            "a comment starts with '!': {{! ghi chú }}",
        ),
        (
            "{{x+y}}",
            "'+' cannot be in a field name ('x+y')",
            "a tag does no arithmetic: compute the value in a column of the spreadsheet",
        ),
        (
            "{{`x`}}",
            "a field name cannot start with '`'",
            "a field is named by its column's header as a slug, like {{ho_va_ten}}, or by the header in brackets: {{[Họ và tên]}}",
        ),
        (
            "{{hoa x|y}}",
            "'|' cannot be in a field name ('x|y')",
            "to print a value use {{x}}",
        ),
        (
            "{{#if x.}}a{{/if}}",
            "a field name cannot end with '.'",
            "write {{x}}, or name what follows the '.': {{x.ten}}",
        ),
    ];
    for (tag, message, hint) in cases {
        let (check, render) = check_and_render(tag);
        let shown = tag.split("}}").next().unwrap_or(tag).to_string() + "}}";
        let expected = vec![
            format!("t.docx: word/document.xml paragraph 1: {shown}: {message}"),
            format!("hint: {hint}"),
        ];
        assert_eq!(check.code, 2, "{tag}: {}", check.stderr);
        assert_eq!(render.code, 2, "{tag}: {}", render.stderr);
        assert_eq!(problem_lines(&check), expected, "check {tag}");
        assert_eq!(problem_lines(&render), expected, "render {tag}");
    }
}

#[test]
fn a_tag_only_handlebars_refuses_is_still_caught_by_check_without_its_rule_names() {
    // `1.5.3` reads as a number and then a stray `.3`: no rule of ours sees it.
    let (check, render) = check_and_render("{{so 1.5.3}}");
    let expected = vec![
        "t.docx: word/document.xml paragraph 1: {{so 1.5.3}}: this tag cannot be read",
        "hint: a tag is a field {{ho_va_ten}}, a helper and its arguments {{so tong_tien}}, or a block {{#each rows}} ... {{/each}}",
    ];
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert_eq!(problem_lines(&check), expected);
    assert_eq!(problem_lines(&render), expected);
}

#[test]
fn paths_handlebars_reads_pass_check() {
    let builder = DocxBuilder::new(
        [
            p(&["{{x}} {{this.x}} {{./x}} {{@root.x}} {{[Tên đơn vị]}} {{x-y}} {{x:y}}"]),
            p(&["{{#each rows}}{{../x}} {{@index}} {{this}}{{/each}}"]),
        ]
        .concat(),
    );
    let dir = with_template(
        &builder,
        "d.json",
        r#"{"x": 1, "x-y": 2, "x:y": 3, "ten_don_vi": "A", "Tên đơn vị": "A", "rows": [1]}"#,
    );
    let check = vanban(dir.path(), &["check", "t.docx"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

// ---------------------------------------------------------------------------------------------
// 4. A `}}` in a paragraph with no `{{` (a code listing) is text, with a warning.

#[test]
fn closing_braces_in_a_paragraph_without_a_tag_are_printed_as_typed_with_a_warning() {
    let builder = DocxBuilder::new(
        [
            p(&["Kính gửi: {{ten_don_vi}}."]),
            p(&["fn main() { if x { y(); }}"]),
            p(&["{ho_", "ten}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.csv", "Tên đơn vị\nSở Tài chính\n");
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(
        check.stderr,
        "t.docx: word/document.xml paragraph 2: warning: stray '}}' after 'ain() { if x { y(); ', printed as typed\n\
         hint: delete it, or complete the tag it belonged to\n\
         t.docx: word/document.xml paragraph 3: warning: stray '}}' after '{ho_ten', printed as typed\n\
         hint: did you mean '{{ho_ten}}'?\n\
         t.docx: no errors; 2 warnings\n"
    );
    let render = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(
        render
            .stderr
            .contains("t.docx: word/document.xml paragraph 3: warning: stray '}}' after '{ho_ten', printed as typed"),
        "{}",
        render.stderr
    );
    assert_eq!(
        body(&dir.path().join("out/t-2.docx")),
        "Kính gửi: Sở Tài chính.\nfn main() { if x { y(); }}\n{ho_ten}}"
    );
}

#[test]
fn a_stray_closing_pair_beside_a_tag_is_still_an_error() {
    let (check, render) = check_and_render("{{x}} y}}");
    let expected = vec![
        "t.docx: word/document.xml paragraph 1: stray '}}' after 'Kính gửi: {{x}} y'",
        "hint: delete it, or complete the tag it belonged to",
    ];
    assert_eq!(check.code, 2);
    assert_eq!(problem_lines(&check), expected);
    assert_eq!(problem_lines(&render), expected);
}

// ---------------------------------------------------------------------------------------------
// 3. `check --data` resolves tags as `render` does.

#[test]
fn a_data_variable_handlebars_does_not_have_fails_check_and_render_alike() {
    for (tag, expected) in [
        (
            "{{@anh}}",
            [
                "t.docx: word/document.xml paragraph 1: {{@anh}}: '@anh' is not a data variable",
                "hint: vanban knows @index, @first, @last and @key inside {{#each}}, and @root.field anywhere; to print the field 'anh' write {{anh}}",
            ],
        ),
        (
            "{{@index}}",
            [
                "t.docx: word/document.xml paragraph 1: {{@index}}: '@index' is known only inside {{#each}}",
                "hint: move the tag between {{#each rows}} and {{/each}}; there {{stt}} prints the row number",
            ],
        ),
        (
            "{{so @root}}",
            [
                "t.docx: word/document.xml paragraph 1: {{so @root}}: '@root' alone is the whole document, not a value",
                "hint: name one of its fields: {{@root.nam}}",
            ],
        ),
    ] {
        let (check, render) = check_and_render(tag);
        assert_eq!(check.code, 2, "{tag}: {}", check.stderr);
        assert_eq!(render.code, 2, "{tag}: {}", render.stderr);
        assert_eq!(problem_lines(&check), expected, "{tag}");
        assert_eq!(problem_lines(&render), expected, "{tag}");
    }
    // Inside a block, the variables of `#each` are known.
    let builder = DocxBuilder::new(p(&[
        "{{#each rows}}{{@index}}{{#if @first}}*{{/if}}{{@root.nam}}{{/each}}",
    ]));
    let dir = with_template(&builder, "d.json", r#"{"nam": 2025, "rows": [1, 2]}"#);
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let render = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert_eq!(body(&dir.path().join("out/t.docx")), "0*202512025");
}

#[test]
fn check_with_data_fails_where_render_would_find_a_field_missing() {
    // Fields the static check cannot place: inside `#with`, up a block with `../`.
    let builder = DocxBuilder::new(
        [
            p(&["{{#with don_vi}}{{ten}}{{/with}}"]),
            p(&["{{#each rows}}{{../khong_co}}{{/each}}"]),
        ]
        .concat(),
    );
    let dir = with_template(
        &builder,
        "d.json",
        r#"[{"don_vi": {"ten": "A"}, "rows": [1]}, {"don_vi": {"ma": "B"}, "rows": [1], "khong_co": 1}]"#,
    );
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    let render = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert_eq!(render.code, 1, "{}", render.stderr);
    let failures = |run: &Run| -> Vec<String> {
        run.stderr
            .lines()
            .filter(|l| l.starts_with("t.docx: "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        failures(&check),
        [
            "t.docx: word/document.xml paragraph 2: {{../khong_co}}: no field '../khong_co' in the data (rendering d.json:record 1)",
            "t.docx: word/document.xml paragraph 1: {{ten}}: no field 'ten' in the data (rendering d.json:record 2)",
        ]
    );
    assert_eq!(failures(&check), failures(&render));
}

// ---------------------------------------------------------------------------------------------
// 7. Namespaces by URI, not by prefix; Strict OOXML read too.

const W_URI: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/// The built package with word/document.xml's `w:` prefix spelt `prefix:` (`""`: the
/// default namespace) and its WordprocessingML namespace `uri`.
fn respelt(builder: &DocxBuilder, prefix: &str, uri: &str) -> Vec<u8> {
    let built = builder.build();
    let xml = entry_text(&built, "word/document.xml").unwrap();
    let (open, close, attr, decl) = if prefix.is_empty() {
        (
            "<".to_string(),
            "</".to_string(),
            " w:",
            "xmlns=".to_string(),
        )
    } else {
        (
            format!("<{prefix}:"),
            format!("</{prefix}:"),
            " w:",
            format!("xmlns:{prefix}="),
        )
    };
    let mut xml = xml
        .replace("</w:", &close)
        .replace("<w:", &open)
        .replace(&format!("xmlns:w=\"{W_URI}\""), &format!("{decl}\"{uri}\""));
    if prefix.is_empty() {
        // Attributes need a prefix: keep `w` for them, bound to the same namespace.
        xml = xml.replacen(
            &format!("{decl}\"{uri}\""),
            &format!("{decl}\"{uri}\" xmlns:w=\"{uri}\""),
            1,
        );
    } else {
        xml = xml.replace(attr, &format!(" {prefix}:"));
    }
    with_entries(&built, &[("word/document.xml", Some(&xml))])
}

fn split_letter() -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["Kính gửi: {{ten_", "don_vi}}."]),
            table(&[row(&["{{#each rows}}{{ho_ten}}", "{{ghi_chu}}{{/each}}"])]),
        ]
        .concat(),
    )
}

#[test]
fn a_part_with_another_prefix_for_wordprocessingml_is_read_and_filled() {
    let data =
        "Tên đơn vị,Họ tên,Ghi chú\nSở Tài chính,An,\"dòng 1\ndòng 2\"\nSở Tài chính,Bình,x\n";
    for prefix in ["ns0", ""] {
        let docx = respelt(&split_letter(), prefix, W_URI);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.docx"), &docx).unwrap();
        std::fs::write(dir.path().join("d.csv"), data).unwrap();
        let args = ["t.docx", "--data", "d.csv", "--group-by", "ten_don_vi"];
        let check = vanban(dir.path(), &[&["check"], &args[..]].concat());
        assert_eq!(check.code, 0, "{prefix}: {}", check.stderr);
        let inspect = vanban(dir.path(), &["inspect", "t.docx"]);
        assert_eq!(
            inspect.stdout.lines().count(),
            5,
            "{prefix}: {}",
            inspect.stdout
        );
        let run = vanban(dir.path(), &[&["render"], &args[..]].concat());
        assert_eq!(run.code, 0, "{prefix}: {}", run.stderr);
        let out = dir.path().join("out/t-Sở Tài chính.docx");
        let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
        assert!(xml.contains(&format!("xmlns:w=\"{W_URI}\"")), "{xml}");
        assert_eq!(
            table_rows(&xml, 1),
            [
                vec!["An".to_string(), "dòng 1\ndòng 2".to_string()],
                vec!["Bình".to_string(), "x".to_string()]
            ]
        );
        assert_eq!(paragraphs(&xml)[0], "Kính gửi: Sở Tài chính.");
    }
}

#[test]
fn a_strict_ooxml_document_is_read_and_filled() {
    let built = respelt(&letter(), "w", W_STRICT);
    let rels = entry_text(&built, "_rels/.rels").unwrap().replace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    );
    let docx = with_entries(&built, &[("_rels/.rels", Some(&rels))]);
    let (run, text) = render_csv(&docx, "Tên đơn vị\nSở Tài chính\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(text, "Kính gửi: Sở Tài chính.");
}

#[test]
fn a_part_binding_one_prefix_to_two_namespaces_is_refused_with_its_name() {
    let built = letter().build();
    let xml = entry_text(&built, "word/document.xml")
        .unwrap()
        .replace(" xmlns:w=", " xmlns:ns0=\"urn:x\" xmlns:w=")
        .replacen("<w:p>", "<ns0:p xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/><w:p>", 1);
    let docx = with_entries(&built, &[("word/document.xml", Some(&xml))]);
    let (run, _) = render_csv(&docx, "Tên đơn vị\nA\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml: the part binds the prefix 'ns0' to two namespaces; save it again from Word or LibreOffice Writer\nerror: 1 problem found; nothing was written\n"
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Ids stay unique across the story parts when content repeats.

fn drawing(id: u32) -> String {
    format!(
        r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="9525" cy="9525"/><wp:docPr id="{id}" name="Hình {id}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>"#
    )
}

/// Every value of `attr` in the start tags of the elements `names` of `xml`.
fn ids_of(xml: &str, names: &[&str], attr: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for name in names {
        for piece in xml.split(&format!("<{name} ")).skip(1) {
            let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
            if let Some(at) = tag
                .find(&format!(" {attr}=\""))
                .or_else(|| tag.starts_with(&format!("{attr}=\"")).then_some(0))
            {
                let value = &tag[at..];
                let value = &value[value.find('"').unwrap() + 1..];
                ids.push(value[..value.find('"').unwrap()].to_string());
            }
        }
    }
    ids
}

/// A header with a drawing and tracked changes, and a block repeating others.
fn revisions_template() -> DocxBuilder {
    let ins = |id: u32, text: &str| {
        format!(
            r#"<w:ins w:id="{id}" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>"#
        )
    };
    let changed_run = |id: u32, text: &str| {
        format!(
            r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="{id}" w:author="A" w:date="2025-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
        )
    };
    DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            format!(
                "<w:p>{}{}{}</w:p>",
                r("{{ho_ten}} "),
                drawing(2),
                ins(2, " mới")
            ),
            format!("<w:p>{}</w:p>", changed_run(3, "đậm")),
            p(&["{{/each}}"]),
        ]
        .concat(),
    )
    .header(format!(
        "<w:p>{}{}{}</w:p>",
        drawing(1),
        ins(1, "Đầu trang"),
        changed_run(5, "x")
    ))
}

const REVISIONS_DATA: &str =
    r#"{"rows": [{"ho_ten": "An"}, {"ho_ten": "Bình"}, {"ho_ten": "Chi"}]}"#;

#[test]
fn repeated_drawings_and_tracked_changes_get_ids_no_story_part_uses() {
    let builder = revisions_template();
    let dir = with_template(&builder, "d.json", REVISIONS_DATA);
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = std::fs::read(dir.path().join("out/t.docx")).unwrap();
    let document = entry_text(&out, "word/document.xml").unwrap();
    let header = entry_text(&out, "word/header1.xml").unwrap();
    assert_eq!(
        paragraphs(&document)[..6],
        ["An  mới", "đậm", "Bình  mới", "đậm", "Chi  mới", "đậm"]
    );
    let revisions = ["w:ins", "w:rPrChange"];
    let mut annotation_ids = ids_of(&document, &revisions, "w:id");
    annotation_ids.extend(ids_of(&header, &revisions, "w:id"));
    assert_eq!(annotation_ids.len(), 8, "{annotation_ids:?}");
    let mut drawing_ids = ids_of(&document, &["wp:docPr"], "id");
    drawing_ids.extend(ids_of(&header, &["wp:docPr"], "id"));
    assert_eq!(drawing_ids.len(), 4, "{drawing_ids:?}");
    for ids in [&annotation_ids, &drawing_ids] {
        let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
    }
    // The first copy keeps the template's ids; the header's are untouched.
    assert_eq!(ids_of(&header, &["wp:docPr"], "id"), ["1"]);
    assert_eq!(ids_of(&document, &["wp:docPr"], "id")[0], "2");
}

// ---------------------------------------------------------------------------------------------
// 5. The zip as it is stored.

/// `built` rewritten entry by entry (`extra`: an Info-ZIP Unicode Path field naming the entry
/// otherwise; `stored`: not deflated).
fn rezip(built: &[u8], unicode_names: &[(&str, &str)], stored: &[&str]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(built)).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        let mut options = zip::write::FullFileOptions::default();
        if stored.contains(&name.as_str()) {
            options = options.compression_method(zip::CompressionMethod::Stored);
        }
        if let Some((_, other)) = unicode_names.iter().find(|(n, _)| *n == name) {
            let mut field = vec![1u8];
            field.extend_from_slice(&crc32(name.as_bytes()).to_le_bytes());
            field.extend_from_slice(other.as_bytes());
            options.add_extra_field(0x7075, &field, false).unwrap();
        }
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn entries_are_read_and_written_under_their_central_directory_names() {
    // Unicode Path fields that swap the body and the header, and rename the styles.
    let builder = DocxBuilder::new(p(&["Thân: {{b}}"])).header(p(&["Đầu trang: {{a}}"]));
    let docx = rezip(
        &builder.build(),
        &[
            ("word/document.xml", "word/header1.xml"),
            ("word/header1.xml", "word/document.xml"),
            ("word/styles.xml", "word/fontTable.xml"),
        ],
        &[],
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), &docx).unwrap();
    std::fs::write(dir.path().join("d.csv"), "a,b\nA,B\n").unwrap();
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("out/t-2.docx");
    assert_eq!(body(&out), "Thân: B");
    assert_eq!(part_text(&out, "word/header1.xml"), ["Đầu trang: A"]);
    let names = vanban::testkit::entry_names(&std::fs::read(&out).unwrap());
    assert!(names.contains(&"word/styles.xml".to_string()), "{names:?}");
    assert!(
        !names.contains(&"word/fontTable.xml".to_string()),
        "{names:?}"
    );
}

#[test]
fn an_entry_that_fails_its_checksum_is_a_located_error_and_nothing_is_written() {
    let built = DocxBuilder::new(p(&["{{a}}"])).build();
    let theme = "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office\"/>";
    let docx = with_entries(&built, &[("word/theme/theme1.xml", Some(theme))]);
    let mut docx = rezip(&docx, &[], &["word/theme/theme1.xml"]);
    let at = docx
        .windows(6)
        .position(|w| w == b"Office")
        .expect("the stored theme");
    docx[at] = b'X';
    let (run, _) = render_csv(&docx, "a\n1\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: damaged file: word/theme/theme1.xml fails its checksum\n\
         hint: the file was damaged in a copy or a download: take it again from where it came from, or save it again from Word\nerror: 1 problem found; nothing was written\n"
    );
    let check = check_csv(&docx, "a\n1\n", &[]);
    assert_eq!(check.code, 2);
    assert!(
        check
            .stderr
            .starts_with("t.docx: damaged file: word/theme/theme1.xml fails its checksum\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Shared with the corpus test.

/// `vanban ARGS` in `dir`, asserting that it ended by itself with an exit code of ours
/// (never a panic or a signal).
pub fn vanban_exit(dir: &std::path::Path, args: &[&str]) -> Run {
    let run = vanban(dir, args);
    assert!((0..=2).contains(&run.code), "{args:?} died: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    run
}

/// The corpus files built here: (stem, .docx, JSON data with `_expect`).
pub fn built_corpus() -> Vec<(String, Vec<u8>, String)> {
    let letter_data = r#"{"ten_don_vi": "Sở Tài chính", "rows": [{"ho_ten": "An", "ghi_chu": "x"}, {"ho_ten": "Bình", "ghi_chu": "y"}], "_expect": ["Kính gửi: Sở Tài chính.", "An", "Bình"]}"#;
    let strict = {
        let built = respelt(&letter(), "w", W_STRICT);
        let rels = entry_text(&built, "_rels/.rels").unwrap().replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
        );
        with_entries(&built, &[("_rels/.rels", Some(&rels))])
    };
    let unicode = rezip(
        &DocxBuilder::new(p(&["Thân: {{b}}"]))
            .header(p(&["Đầu trang: {{a}}"]))
            .build(),
        &[
            ("word/document.xml", "word/header1.xml"),
            ("word/header1.xml", "word/document.xml"),
        ],
        &[],
    );
    vec![
        (
            "built-default-namespace".into(),
            respelt(&split_letter(), "", W_URI),
            letter_data.into(),
        ),
        (
            "built-ns0".into(),
            respelt(&split_letter(), "ns0", W_URI),
            letter_data.into(),
        ),
        (
            "built-strict".into(),
            strict,
            r#"{"ten_don_vi": "Sở Tài chính", "_expect": ["Kính gửi: Sở Tài chính."]}"#.into(),
        ),
        (
            "built-revisions-drawings".into(),
            revisions_template().build(),
            REVISIONS_DATA.replace("}]}", r#"}], "_expect": ["An", "Bình", "Chi"]}"#),
        ),
        (
            "built-unicode-path".into(),
            unicode,
            r#"{"a": "A", "b": "B", "_expect": ["Thân: B", "Đầu trang: A"]}"#.into(),
        ),
    ]
}

#[test]
fn default_as_a_tag_s_helper_lets_its_field_be_missing_in_check_and_render() {
    // Found by the corpus: `{{default phong "..."}}` was refused as a missing field, though
    // `(default phong "...")` was not.
    let builder = DocxBuilder::new(p(&["Tại {{default phong \"Phòng họp số 1\"}}."]));
    let dir = with_template(&builder, "d.json", r#"{"x": 1}"#);
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let render = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert_eq!(body(&dir.path().join("out/t.docx")), "Tại Phòng họp số 1.");
}

#[test]
fn a_block_tag_in_the_paragraph_that_ends_a_section_keeps_the_section_break() {
    // As LibreOffice saves a block that ends where a section does: the section break sits in
    // the paragraph of `{{/if}}`, or of `{{#each}}` where the next section begins with it.
    let section_end = |tag: &str| {
        format!(
            r#"<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr>{}</w:p>"#,
            r(tag)
        )
    };
    let builder = DocxBuilder::new(
        [
            p(&["{{#if co}}"]),
            p(&["Có {{ten}}"]),
            section_end("{{/if}}"),
            section_end("{{#each rows}}"),
            p(&["Dòng {{this}}"]),
            p(&["{{/each}}"]),
            p(&["Hết"]),
        ]
        .concat(),
    );
    for (co, text) in [
        ("true", "Có A\n\n\nDòng 1\nDòng 2\nHết"),
        ("false", "\n\nDòng 1\nDòng 2\nHết"),
    ] {
        let dir = with_template(
            &builder,
            "d.json",
            &format!(r#"{{"co": {co}, "ten": "A", "rows": [1, 2]}}"#),
        );
        let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
        assert_eq!(check.code, 0, "{}", check.stderr);
        let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let out = std::fs::read(dir.path().join("out/t.docx")).unwrap();
        let xml = entry_text(&out, "word/document.xml").unwrap();
        assert_eq!(paragraphs(&xml).join("\n"), text, "{co}");
        // Both section breaks once each, and the body's own.
        assert_eq!(xml.matches("<w:sectPr>").count(), 3, "{co}: {xml}");
    }
}
