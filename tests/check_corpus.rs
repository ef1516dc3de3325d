//! `vanban check` on broken templates built in code (split runs included): every problem,
//! with its exact message and place, all in one run.

use crate::common::*;

/// Runs `vanban check t.docx` on a template with `body` and returns its stderr.
fn check(builder: DocxBuilder) -> String {
    let dir = with_template(&builder, "unused.txt", "");
    let run = vanban(dir.path(), &["check", "t.docx"]);
    assert_eq!(run.stdout, "", "check prints nothing on stdout");
    let problems = run
        .stderr
        .lines()
        .filter(|l| {
            !l.starts_with("hint:") && !l.starts_with("error:") && !l.ends_with("no problems found")
        })
        .count();
    assert_eq!(run.code, if problems > 0 { 2 } else { 0 }, "{}", run.stderr);
    run.stderr
}

fn body(xml: String) -> DocxBuilder {
    DocxBuilder::new(xml)
}

/// (case, template, the exact report without its summary line)
fn corpus() -> Vec<(&'static str, DocxBuilder, &'static str)> {
    let field_code = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD {{ho_ten}} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let hyperlink = "<w:p><w:r><w:t>{{#if a}}</w:t></w:r><w:hyperlink><w:r><w:t>x{{/if}}</w:t></w:r></w:hyperlink></w:p>";
    vec![
        (
            "an each that is never closed",
            body([p(&["{{#each rows}}"]), p(&["x"])].concat()),
            "t.docx: word/document.xml paragraph 1: unclosed {{#each rows}}\nhint: close it with {{/each}}",
        ),
        (
            "a close that nothing opened",
            body(p(&["a {{/if}}"])),
            "t.docx: word/document.xml paragraph 1: {{/if}} closes no open block\nhint: remove it, or open the block before it with {{#if ...}}",
        ),
        (
            "a close of the wrong block",
            body([p(&["{{#each rows}}"]), p(&["{{/if}}"])].concat()),
            "t.docx: word/document.xml paragraph 2: {{/if}} does not match {{#each rows}}\nhint: {{#each rows}} opened at paragraph 1; close it with {{/each}}",
        ),
        (
            "a tag half-deleted over a bold run",
            body(format!("<w:p>{}{}</w:p>", r("{{ho_"), bold("ten"))),
            "t.docx: word/document.xml paragraph 1: unclosed tag '{{ho_ten'\nhint: close the tag with '}}', or write '\\{{' for literal braces",
        ),
        (
            "a tag that lost an opening brace",
            body(p(&["{{a}} {ho_", "ten}}"])),
            "t.docx: word/document.xml paragraph 1: stray '}}' after '{{a}} {ho_ten'\nhint: did you mean '{{ho_ten}}'?",
        ),
        (
            "a stray closing pair",
            body(p(&["{{a}} xem }} ở đây"])),
            "t.docx: word/document.xml paragraph 1: stray '}}' after '{{a}} xem '\nhint: delete it, or complete the tag it belonged to",
        ),
        (
            "a misspelt helper",
            body(p(&["{{ngay_thangg ngay_ky}}"])),
            "t.docx: word/document.xml paragraph 1: {{ngay_thangg ngay_ky}}: unknown helper 'ngay_thangg'\nhint: did you mean 'ngay_thang'?",
        ),
        (
            "an unknown helper",
            body(p(&["{{khong_co a}}"])),
            "t.docx: word/document.xml paragraph 1: {{khong_co a}}: unknown helper 'khong_co'\nhint: see the helpers listed in the README",
        ),
        (
            "a helper with too many arguments",
            body(p(&["{{doc_so a b}}"])),
            "t.docx: word/document.xml paragraph 1: {{doc_so a b}}: 'doc_so' takes 1 argument, found 2",
        ),
        (
            "a sub-expression with too few arguments",
            body(p(&["{{so (sum rows)}}"])),
            "t.docx: word/document.xml paragraph 1: {{so (sum rows)}}: 'sum' takes 2 arguments, found 1",
        ),
        (
            "an unknown block helper",
            body(p(&["{{#neu a}}x{{/neu}}"])),
            "t.docx: word/document.xml paragraph 1: {{#neu a}}: unknown helper 'neu'\nhint: see the helpers listed in the README",
        ),
        (
            "an else outside any block",
            body(p(&["{{else}}"])),
            "t.docx: word/document.xml paragraph 1: {{else}} is outside any block\nhint: use it between {{#if ...}} and {{/if}}, or remove it",
        ),
        (
            "a row block that closes in the next row",
            body(table(&[
                row(&["{{#each rows}}{{a}}", "b"]),
                row(&["c", "{{/each}}"]),
            ])),
            "t.docx: word/document.xml paragraph 1: {{#each rows}} opens in row 1 of table 1 but {{/each}} closes in row 2\nhint: a block that repeats a table row opens in its first cell and closes in its last: move {{/each}} into row 1",
        ),
        (
            "a block that opens in a cell and closes outside its table",
            body([table(&[row(&["{{#if a}}x", "y"])]), p(&["{{/if}}"])].concat()),
            "t.docx: word/document.xml paragraph 1: {{#if a}} opens in a table cell (table 1, row 1, cell 1) but {{/if}} closes outside the table, in paragraph 3\nhint: close it in the same row's last cell, or put both tags outside the table, each alone in its paragraph",
        ),
        (
            "a block that opens outside a table and closes in a cell",
            body([p(&["{{#if x}}"]), table(&[row(&["{{/if}}"])])].concat()),
            "t.docx: word/document.xml paragraph 1: {{#if x}} opens outside the table but {{/if}} closes in a table cell (table 1, row 1, cell 1)\nhint: put both tags outside the table, each alone in its paragraph, or in the first and last cell of one row",
        ),
        (
            "an else in a repeated row",
            body(table(&[row(&["{{#if a}}x", "{{else}}", "y{{/if}}"])])),
            "t.docx: word/document.xml paragraph 1: {{#if a}} repeats a table row, which cannot hold {{else}} (paragraph 2)\nhint: put the choice inside one cell, or use two rows each with its own {{#if}}",
        ),
        (
            "a block tag that does not stand alone",
            body([p(&["Ý kiến: {{#if x}}"]), p(&["b"]), p(&["{{/if}}"])].concat()),
            "t.docx: word/document.xml paragraph 1: {{#if x}} opens in paragraph 1 and {{/if}} closes in paragraph 3, but {{#if x}} does not stand alone in paragraph 1\nhint: move the text 'Ý kiến:' out of paragraph 1, or keep the whole block inside one paragraph",
        ),
        (
            "an else and close typed after text",
            body([p(&["{{#if a}}"]), p(&["x"]), p(&["{{else}}y{{/if}}"])].concat()),
            "t.docx: word/document.xml paragraph 1: {{#if a}} opens in paragraph 1 and {{/if}} closes in paragraph 3, but {{/if}} does not stand alone in paragraph 3\nhint: move the text 'y' out of paragraph 3, or keep the whole block inside one paragraph",
        ),
        (
            "an unclosed string",
            body(p(&["{{default x \u{201c}abc}}"])),
            "t.docx: word/document.xml paragraph 1: unclosed tag '{{default x \u{201c}abc}}'\nhint: a quote (\") in the tag is not closed",
        ),
        (
            "an unclosed parenthesis",
            body(p(&["{{so (sum rows \"x\"}}"])),
            "t.docx: word/document.xml paragraph 1: {{so (sum rows \"x\"}}: unclosed '(' in the expression",
        ),
        (
            "a partial",
            body(p(&["{{> header}}"])),
            "t.docx: word/document.xml paragraph 1: {{> header}}: partials ({{> name}}) are not supported",
        ),
        (
            "an empty tag",
            body(p(&["{{ }}"])),
            "t.docx: word/document.xml paragraph 1: {{ }}: empty tag",
        ),
        (
            "a block without a name",
            body(p(&["{{#}}x{{/}}"])),
            "t.docx: word/document.xml paragraph 1: {{#}}: a block needs a helper name, like {{#each rows}}\nt.docx: word/document.xml paragraph 1: {{/}}: a closing tag needs the block's name, like {{/each}}",
        ),
        (
            "a tag in a field code",
            body(field_code.to_string()),
            "t.docx: word/document.xml paragraph 1: 'MERGEFIELD {{ho_ten}}' is inside a field code, which Word does not show\nhint: type the tag as plain text of the paragraph",
        ),
        (
            "block ends at different levels of a paragraph",
            body(hyperlink.to_string()),
            "t.docx: word/document.xml paragraph 1: {{#if a}} and {{/if}} sit at different levels of paragraph 1 (one is inside a hyperlink, field or content control)\nhint: retype both tags as plain text of the paragraph",
        ),
        (
            "an inner block left open",
            body([p(&["{{#each rows}}"]), p(&["{{#if a}}"]), p(&["{{/each}}"])].concat()),
            "t.docx: word/document.xml paragraph 2: unclosed {{#if a}}\nhint: close it with {{/if}} before {{/each}} at paragraph 3",
        ),
        (
            "an unclosed block in the header",
            body(p(&["x"])).header(p(&["{{#if a}}", "b"])),
            "t.docx: word/header1.xml paragraph 1: unclosed {{#if a}}\nhint: close it with {{/if}}",
        ),
        (
            "an open tag split over three runs and left open",
            body([p(&["{", "{#ea", "ch rows}}"]), p(&["x"])].concat()),
            "t.docx: word/document.xml paragraph 1: unclosed {{#each rows}}\nhint: close it with {{/each}}",
        ),
    ]
}

#[test]
fn every_broken_template_of_the_corpus_gets_its_exact_message() {
    let cases = corpus();
    assert!(cases.len() >= 25);
    for (case, builder, expected) in cases {
        let stderr = check(builder);
        let errors = expected.lines().filter(|l| !l.starts_with("hint:")).count();
        let summary = format!(
            "error: {errors} {} found in t.docx",
            if errors == 1 { "problem" } else { "problems" }
        );
        assert_eq!(stderr, format!("{expected}\n{summary}\n"), "case: {case}");
    }
}

#[test]
fn one_template_with_five_different_errors_reports_all_five() {
    let builder = body(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_"]),
            p(&["{{khong_co a}}"]),
            p(&["{{a}} x}}"]),
            p(&["{{doc_so 1 2}}"]),
            p(&["{{/if}}"]),
        ]
        .concat(),
    );
    let stderr = check(builder);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("hint:")).collect();
    assert_eq!(
        lines,
        [
            "t.docx: word/document.xml paragraph 2: unclosed tag '{{ho_'",
            "t.docx: word/document.xml paragraph 4: stray '}}' after '{{a}} x'",
            "t.docx: word/document.xml paragraph 3: {{khong_co a}}: unknown helper 'khong_co'",
            "t.docx: word/document.xml paragraph 5: {{doc_so 1 2}}: 'doc_so' takes 1 argument, found 2",
            "t.docx: word/document.xml paragraph 6: {{/if}} does not match {{#each rows}}",
            "error: 5 problems found in t.docx",
        ]
    );
}

#[test]
fn a_clean_template_passes() {
    let stderr = check(body(p(&[
        "{{#if a}}{{so n}}{{else}}{{ngay_thang d}}{{/if}}",
    ])));
    assert_eq!(stderr, "t.docx: no problems found\n");
}

#[test]
fn check_with_data_suggests_the_column_meant_and_checks_rows_inside_each() {
    let builder = body(
        [
            p(&["{{ten_don_vi}} – {{ho_ten}}"]),
            table(&[row(&[
                "{{#each rows}}{{stt}}",
                "{{ho_va_tenn}}",
                "{{chuc_vu}}{{/each}}",
            ])]),
        ]
        .concat(),
    );
    let dir = with_template(
        &builder,
        "d.csv",
        "Mã đơn vị,Tên đơn vị,Họ và tên,Chức vụ,Ghi chú\nA,Phòng A,An,CV,\n",
    );
    let run = vanban(
        dir.path(),
        &[
            "check",
            "t.docx",
            "--data",
            "d.csv",
            "--group-by",
            "ma_don_vi",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{ho_ten}}: no field 'ho_ten' in the data\n\
         hint: did you mean 'ho_va_ten'?\n\
         t.docx: word/document.xml paragraph 3 (table 1, row 1, cell 2): {{ho_va_tenn}}: no field 'ho_va_tenn' in the data\n\
         hint: did you mean 'ho_va_ten'?\n\
         d.csv: note: no tag reads the columns 'ho_va_ten', 'ghi_chu'\n\
         error: 2 problems found in t.docx\n"
    );
    assert!(!dir.path().join("out").exists(), "check renders nothing");
}

#[test]
fn check_with_matching_data_exits_0_with_notes_only() {
    let builder = body(p(&["{{ten_don_vi}}"]));
    let dir = with_template(&builder, "d.csv", "Tên đơn vị,Ghi chú\nA,\n");
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "d.csv: note: no tag reads the columns 'ghi_chu'\nt.docx: no problems found\n"
    );
}

#[test]
fn inspect_lists_every_tag_with_its_place_and_block_shape() {
    let dir = workspace(&["danh-sach-khen-thuong-lo.docx"]);
    let run = vanban(
        dir.path(),
        &[
            "inspect",
            "templates/danh-sach-khen-thuong-lo.docx",
            "--json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let tags = json["tags"].as_array().unwrap();
    let each = tags.iter().find(|t| t["tag"] == "{{#each rows}}").unwrap();
    assert_eq!(each["part"], "word/document.xml");
    assert_eq!(each["paragraph"], 12);
    assert_eq!(
        each["table"],
        serde_json::json!({"table": 2, "row": 2, "cell": 1})
    );
    assert_eq!(each["kind"], "block open");
    assert_eq!(each["expression"], "each rows");
    assert_eq!(each["shape"], "table row");
    assert_eq!(each["closes_at"], 15);
    let when = tags.iter().find(|t| t["tag"] == "{{#if ghi_chu}}").unwrap();
    assert_eq!(
        (
            when["shape"].as_str(),
            when["opens_at"].as_u64(),
            when["closes_at"].as_u64()
        ),
        (Some("paragraphs"), Some(17), Some(20))
    );
    let footer = tags
        .iter()
        .find(|t| t["part"] == "word/footer1.xml")
        .unwrap();
    assert_eq!(
        (footer["paragraph"].as_u64(), footer["kind"].as_str()),
        (Some(1), Some("value"))
    );

    let run = vanban(
        dir.path(),
        &["inspect", "templates/danh-sach-khen-thuong-lo.docx"],
    );
    assert!(run.stdout.contains(
        "word/document.xml paragraph 12 (table 2, row 2, cell 1): {{#each rows}} opens a block (table row) that closes at paragraph 15\n"
    ), "{}", run.stdout);
}

#[test]
fn render_errors_name_the_tag_the_part_and_the_row() {
    let builder = body([p(&["x"]), p(&["Ngày {{ngay_thang ngay_ky}}"])].concat());
    let dir = with_template(&builder, "d.csv", "Ngày ký\n31/10/2025\nkhông rõ\n");
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        "t.docx: word/document.xml paragraph 2: {{ngay_thang ngay_ky}}: ngay_thang: expected a date (dd/mm/yyyy), found 'không rõ' (rendering d.csv:A3)"
    );
}
