//! Tables, lists and notes the way offices build them (issue 15): absent columns where the
//! README allows them, check without blind spots, rows as blocks, combined files that
//! paginate per document.

use std::path::Path;

use crate::common::*;

/// The body text of the one document a run wrote to out/.
fn only_output(dir: &Path) -> String {
    let files = docx_files(&dir.join("out"));
    assert_eq!(files.len(), 1, "{files:?}");
    body(&dir.join("out").join(&files[0]))
}

/// A field no row has is fine as `default`'s value, as the condition of `#if` / `#unless`
/// and inside the branch that renders only where it is present.
fn optional_fields() -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["Họp tại {{default phong_hop \"Phòng họp số 1\"}}."]),
            p(&["{{#if so_dien_thoai}}ĐT: {{so_dien_thoai}}{{else}}Không có điện thoại{{/if}}"]),
            p(&["{{#unless fax}}Không có fax{{else}}Fax: {{fax}}{{/unless}}"]),
            p(&["Người nhận: {{ho_ten}}"]),
        ]
        .concat(),
    )
}

#[test]
fn default_if_and_unless_accept_a_column_no_row_has_in_check_and_render() {
    let dir = with_template(&optional_fields(), "d.csv", "Họ tên\nAn\n");
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        only_output(dir.path()),
        "Họp tại Phòng họp số 1.\nKhông có điện thoại\nKhông có fax\nNgười nhận: An"
    );
}

#[test]
fn default_if_and_unless_accept_a_field_no_group_member_has() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_ten}} {{default phong_hop \"P1\"}}{{#if so_dien_thoai}} ĐT {{so_dien_thoai}}{{/if}}"]),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.csv", "Họ tên,Đơn vị\nAn,A\nBình,A\n");
    let args = [
        "render",
        "t.docx",
        "--data",
        "d.csv",
        "--group-by",
        "don_vi",
    ];
    let check = vanban(
        dir.path(),
        &["check", "t.docx", "--data", "d.csv", "--group-by", "don_vi"],
    );
    assert_eq!(check.code, 0, "{}", check.stderr);
    let run = vanban(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(only_output(dir.path()), "An P1\nBình P1");
}

#[test]
fn an_absent_column_outside_its_condition_stays_a_located_error() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#if so_dien_thoai}}có{{/if}}"]),
            p(&["{{#unless so_dien_thoai}}ĐT: {{so_dien_thoai}}{{/unless}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.csv", "Họ tên\nAn\n");
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 2: {{so_dien_thoai}}: no field 'so_dien_thoai' in the data\n\
         hint: d.csv has the fields 'ho_ten'\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_misspelt_field_over_rows_no_record_shows_is_checked_against_every_field_of_the_data() {
    let builder = DocxBuilder::new(
        [
            p(&["{{don_vi}}"]),
            p(&["{{#each rows}}"]),
            p(&["{{ho_tn}}"]),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let data = r#"[{"don_vi": "A", "rows": [], "lanh_dao": [{"ho_ten": "Bình"}]}, {"don_vi": "B", "rows": [], "lanh_dao": []}]"#;
    let dir = with_template(&builder, "d.json", data);
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert!(
        check.stderr.contains(
            "t.docx: word/document.xml paragraph 3: {{ho_tn}}: no field 'ho_tn' in the data\n\
             hint: did you mean 'ho_ten'?\n"
        ),
        "{}",
        check.stderr
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_helper_written_without_its_argument_says_what_it_needs() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}}: {{doc_tien}}, {{ngay_thang}}"]));
    let dir = with_template(&builder, "d.csv", "Họ tên\nAn\n");
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{doc_tien}}: doc_tien needs a number\n\
         hint: write what it reads after its name: {{doc_tien tong_tien}}\n\
         t.docx: word/document.xml paragraph 1: {{ngay_thang}}: ngay_thang needs a date\n\
         hint: write what it reads after its name: {{ngay_thang ngay_ky}}\n\
         error: 2 problems found in t.docx\n"
    );
}

#[test]
fn check_on_json_names_the_fields_some_records_lack_and_how_many() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}} {{default chuc_vu \"Chuyên viên\"}}"]));
    let data =
        r#"[{"ho_ten": "An", "chuc_vu": "Trưởng phòng"}, {"ho_ten": "Bình"}, {"ho_ten": "Chi"}]"#;
    let dir = with_template(&builder, "d.json", data);
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("d.json: note: 2 of 3 records lack the field 'chuc_vu' (records 2, 3)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_value_is_reported_at_its_own_cell() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}}: {{ngay_thang ngay_ky}}"]));
    let data = "Họ tên,Chức vụ,Ngày ký\nAn,CV,05/03/2023\nBình,CV,32/13/2023\n";
    let dir = with_template(&builder, "d.csv", data);
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{ngay_thang ngay_ky}}: ngay_thang: expected a date (dd/mm/yyyy), found '32/13/2023' (rendering d.csv:C3)\n\
         error: 1 of 2 documents failed; 1 written to out/\n"
    );
}

#[test]
fn a_bad_value_in_a_grouped_document_is_reported_at_its_own_cell() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_ten}}: {{ngay_thang ngay_ky}}"]),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let data = "Đơn vị,Họ tên,Ngày ký\nA,An,05/03/2023\nA,Bình,32/13/2023\n";
    let dir = with_template(&builder, "d.csv", data);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--group-by",
            "don_vi",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 2: {{ngay_thang ngay_ky}}: ngay_thang: expected a date (dd/mm/yyyy), found '32/13/2023' (rendering d.csv:C3)\n\
         error: 1 of 1 document failed; 0 written to out/\n"
    );
}

/// The Department's nominee list: a heading row per unit, numbered I, II, ..., its people
/// under it numbered 1, 2, ...; the block tags stand in rows of their own.
fn nominee_list() -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"]),
            table(&[
                row(&["STT", "Họ và tên", "Chức vụ"]),
                row(&["{{#each (group rows \"ten_don_vi\")}}", "", ""]),
                row(&["{{la_ma (stt)}}", "{{key}}", ""]),
                row(&["", "{{#each rows}}", ""]),
                row(&["{{stt}}", "{{ho_va_ten}}", "{{chuc_vu}}"]),
                row(&["{{/each}}", "", ""]),
                row(&["{{/each}}", "", ""]),
                row(&["", "Tổng cộng: {{count rows}} người", ""]),
            ]),
            p(&["Hết danh sách."]),
        ]
        .concat()
        // Columns wide enough for a name on one line.
        .replace("w:w=\"2000\"", "w:w=\"3000\""),
    )
}

const NOMINEES: &str = "Cấp,Tên đơn vị,Họ và tên,Chức vụ\n\
Sở,Văn phòng Sở,Nguyễn Văn An,Chánh Văn phòng\n\
Sở,Phòng Khoáng sản,Trần Thị Bình,Trưởng phòng\n\
Sở,Văn phòng Sở,Lê Văn Cường,Chuyên viên\n\
Sở,Phòng Khoáng sản,Phạm Thị Dung,Chuyên viên\n\
Sở,Chi cục Thủy lợi,Hoàng Văn Em,Chi cục trưởng\n";

fn render_nominees(dir: &Path) -> std::path::PathBuf {
    let run = vanban(
        dir,
        &["render", "t.docx", "--data", "d.csv", "--group-by", "cap"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = docx_files(&dir.join("out"));
    assert_eq!(files.len(), 1, "{files:?}");
    dir.join("out").join(&files[0])
}

#[test]
fn block_tags_alone_in_table_rows_give_heading_rows_per_group_and_member_rows_under_them() {
    let dir = with_template(&nominee_list(), "d.csv", NOMINEES);
    let out = render_nominees(dir.path());
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    let rows: Vec<String> = table_rows(&xml, 1)
        .into_iter()
        .map(|cells| cells.join(" | "))
        .collect();
    assert_eq!(
        rows,
        [
            "STT | Họ và tên | Chức vụ",
            "I | Văn phòng Sở | ",
            "1 | Nguyễn Văn An | Chánh Văn phòng",
            "2 | Lê Văn Cường | Chuyên viên",
            "II | Phòng Khoáng sản | ",
            "1 | Trần Thị Bình | Trưởng phòng",
            "2 | Phạm Thị Dung | Chuyên viên",
            "III | Chi cục Thủy lợi | ",
            "1 | Hoàng Văn Em | Chi cục trưởng",
            " | Tổng cộng: 5 người | ",
        ]
    );
    assert_eq!(
        paragraphs(&xml).last().map(String::as_str),
        Some("Hết danh sách.")
    );
}

#[test]
fn block_tag_rows_show_in_inspect_as_blocks_over_table_rows() {
    let dir = with_template(&nominee_list(), "d.csv", NOMINEES);
    let run = vanban(dir.path(), &["inspect", "t.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "word/document.xml paragraph 5 (table 1, row 2, cell 1): {{#each (group rows \"ten_don_vi\")}} opens a block (table rows) that closes at paragraph 20\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn rows_repeated_zero_times_leave_a_table_word_opens() {
    let builder = DocxBuilder::new(
        [
            table(&[
                row(&["STT", "Họ và tên"]),
                row(&["{{#each rows}}", ""]),
                row(&["{{stt}}", "{{ho_va_ten}}"]),
                row(&["{{/each}}", ""]),
            ]),
            p(&["Hết."]),
        ]
        .concat(),
    );
    let builder = DocxBuilder {
        body: builder
            .body
            .replace("{{#each rows}}", "{{#each (where rows \"chon\" \"có\")}}"),
        ..builder
    };
    let dir = with_template(&builder, "d.csv", "Cấp,Họ và tên,Chọn\nSở,An,không\n");
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--group-by", "cap"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir
        .path()
        .join("out")
        .join(&docx_files(&dir.path().join("out"))[0]);
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    assert_eq!(table_rows(&xml, 1), [["STT", "Họ và tên"]]);
    assert!(!xml.contains("{{"), "{xml}");
}

#[test]
fn a_tag_row_that_also_holds_another_block_is_a_located_error() {
    let two_paragraphs = format!(
        "<w:tc>{}{}</w:tc></w:tr>",
        p(&["{{#if a}}"]),
        p(&["{{/if}}"])
    );
    let first = row(&["{{#each rows}}"]).replace("</w:tr>", &two_paragraphs);
    let builder = DocxBuilder::new(table(&[
        first,
        row(&["{{ho_va_ten}}", ""]),
        row(&["{{/each}}", ""]),
    ]));
    let dir = with_template(&builder, "d.json", r#"{"rows": []}"#);
    let run = vanban(dir.path(), &["check", "t.docx"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "t.docx: word/document.xml paragraph 1: row 1 of table 1 holds {{#each rows}} (a block over table rows) and {{#if a}} (a block of another shape)\n\
             hint: give each block over rows tag rows of its own, holding nothing else\n"
        ),
        "{}",
        run.stderr
    );
}

/// `template` as LibreOffice Writer saves it (opened and saved again as .docx), in `dir/lo`.
fn saved_by_libreoffice(dir: &Path, template: &str) -> std::path::PathBuf {
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(dir.join("lo"))
        .arg(dir.join(template))
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    dir.join("lo").join(template)
}

/// The text LibreOffice shows of a .docx, page by page (pdftotext of its PDF).
fn pdf_pages(dir: &Path, docx: &Path) -> Vec<String> {
    let pdf_dir = convert_to_pdf(dir, &[docx]);
    let pdf = pdf_dir.join(docx.with_extension("pdf").file_name().unwrap());
    let output = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// openxml-audit finds nothing in `output` that `template` did not already have.
fn assert_no_added_violations(template: &Path, output: &Path) {
    let allowed = crate::office::violations(template);
    let added: Vec<_> = crate::office::violations(output)
        .difference(&allowed)
        .cloned()
        .collect();
    assert!(added.is_empty(), "{} adds {added:?}", output.display());
}

/// `vanban render t.docx --data DATA EXTRA... --combine out/tat-ca.docx`, which succeeds.
fn render_combined(dir: &Path, data: &str, extra: &[&str]) {
    let mut args = vec!["render", "t.docx", "--data", data];
    args.extend(extra);
    args.extend(["--combine", "out/tat-ca.docx"]);
    let run = vanban(dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The lines of a page with their runs of spaces shortened to one.
fn squeezed(page: &str) -> Vec<String> {
    page.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn heading_rows_of_a_template_saved_by_libreoffice_show_in_its_pdf_and_pass_openxml_audit() {
    if !tool_available("soffice", &["--version"])
        || !tool_available("pdftotext", &["-v"])
        || !tool_available("openxml-audit", &["--help"])
    {
        return;
    }
    let dir = with_template(&nominee_list(), "d.csv", NOMINEES);
    let template = saved_by_libreoffice(dir.path(), "t.docx");
    std::fs::copy(&template, dir.path().join("t.docx")).unwrap();
    let out = render_nominees(dir.path());
    let lines = squeezed(&pdf_pages(dir.path(), &out).concat());
    let expected = [
        "STT Họ và tên Chức vụ",
        "I Văn phòng Sở",
        "1 Nguyễn Văn An Chánh Văn phòng",
        "2 Lê Văn Cường Chuyên viên",
        "II Phòng Khoáng sản",
        "1 Trần Thị Bình Trưởng phòng",
        "2 Phạm Thị Dung Chuyên viên",
        "III Chi cục Thủy lợi",
        "1 Hoàng Văn Em Chi cục trưởng",
        "Tổng cộng: 5 người",
        "Hết danh sách.",
    ];
    let start = lines
        .iter()
        .position(|l| l == expected[0])
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(&lines[start..start + expected.len()], expected);
    assert_no_added_violations(&template, &out);
}

/// A paragraph of exactly one 18 pt line: 40 fit on the builder's A4 page.
fn line(text: &str) -> String {
    p(&[text]).replacen(
        "<w:p>",
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/></w:pPr>"#,
        1,
    )
}

/// Documents of one page, two pages and a full page, with page numbers in the footer.
fn paged_documents() -> (DocxBuilder, &'static str) {
    let builder = DocxBuilder::new([line("{{ten}}"), line("{{#each dong}}"), line("{{this}}"), line("{{/each}}")].concat())
        .footer(r#"<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#);
    let lines = |n: usize| {
        (1..=n)
            .map(|i| format!("\"dòng {i}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let data = format!(
        r#"[{{"ten": "Văn bản A", "dong": [{}]}}, {{"ten": "Văn bản B", "dong": [{}]}}, {{"ten": "Văn bản C", "dong": [{}]}}]"#,
        lines(39),
        lines(60),
        lines(5)
    );
    (builder, Box::leak(data.into_boxed_str()))
}

/// [`paged_documents`] rendered one file each and combined into out/tat-ca.docx.
fn render_paged_documents() -> tempfile::TempDir {
    let (builder, data) = paged_documents();
    let dir = with_template(&builder, "d.json", data);
    render_combined(dir.path(), "d.json", &[]);
    dir
}

#[test]
fn a_combined_file_numbers_each_documents_pages_from_1_and_adds_no_blank_page() {
    if !tool_available("soffice", &["--version"]) || !tool_available("pdftotext", &["-v"]) {
        return;
    }
    let dir = render_paged_documents();
    let out = dir.path().join("out");
    let mut singles: Vec<std::path::PathBuf> = docx_files(&out)
        .into_iter()
        .filter(|f| f != "tat-ca.docx")
        .map(|f| out.join(f))
        .collect();
    singles.sort();
    let pages_of = |docx: &Path| pdf_pages(dir.path(), docx);
    let single_pages: Vec<usize> = singles.iter().map(|d| pages_of(d).len()).collect();
    assert_eq!(single_pages, [1, 2, 1]);
    let combined = pages_of(&out.join("tat-ca.docx"));
    assert_eq!(combined.len(), 4, "{combined:#?}");
    let footers: Vec<String> = combined
        .iter()
        .map(|page| squeezed(page).last().cloned().unwrap_or_default())
        .collect();
    assert_eq!(footers, ["Trang 1", "Trang 1", "Trang 2", "Trang 1"]);
    let firsts: Vec<String> = combined
        .iter()
        .map(|page| squeezed(page).first().cloned().unwrap_or_default())
        .collect();
    assert_eq!(firsts, ["Văn bản A", "Văn bản B", "dòng 40", "Văn bản C"]);
    // Each document's section ends in its last paragraph: no empty paragraph between them,
    // which would spill onto a page of its own after a full page in Word.
    let text = body(&out.join("tat-ca.docx"));
    assert!(text.contains("dòng 39\nVăn bản B\n"), "{text}");
    assert!(text.contains("dòng 60\nVăn bản C\n"), "{text}");
}

#[test]
fn a_combined_file_adds_no_ooxml_violation_to_its_template() {
    if !tool_available("openxml-audit", &["--help"]) {
        return;
    }
    let dir = render_paged_documents();
    assert_no_added_violations(
        &dir.path().join("t.docx"),
        &dir.path().join("out/tat-ca.docx"),
    );
}

/// A paragraph of a numbered list (Word's automatic numbering, `w:numId` 1).
fn item(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// The numbering instances of a part's paragraphs, in order.
fn num_ids(xml: &str) -> Vec<&str> {
    xml.match_indices("<w:numId w:val=\"")
        .map(|(at, key)| {
            let rest = &xml[at + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// A template with a numbered list.
fn numbered_list() -> Vec<u8> {
    with_numbering(&DocxBuilder::new(
        [
            p(&["{{ten}}"]),
            item("Mục một của {{ten}}"),
            item("Mục hai"),
            item("Mục ba"),
        ]
        .concat(),
    ))
}

/// The package of `builder` with a numbering part defining `w:numId` 1 (decimal, `1.`).
fn with_numbering(builder: &DocxBuilder) -> Vec<u8> {
    let bytes = builder.build();
    let numbering = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let types = entry_text(&bytes, "[Content_Types].xml").unwrap().replace(
        "</Types>",
        r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#,
    );
    let rels = entry_text(&bytes, "word/_rels/document.xml.rels").unwrap().replace(
        "</Relationships>",
        r#"<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#,
    );
    with_entries(
        &bytes,
        &[
            ("[Content_Types].xml", Some(&types)),
            ("word/_rels/document.xml.rels", Some(&rels)),
            ("word/numbering.xml", Some(numbering)),
        ],
    )
}

#[test]
fn each_document_of_a_combined_file_starts_its_numbered_lists_at_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), numbered_list()).unwrap();
    std::fs::write(dir.path().join("d.csv"), "Tên\nA\nB\nC\n").unwrap();
    render_combined(dir.path(), "d.csv", &[]);
    let combined = dir.path().join("out/tat-ca.docx");
    let bytes = std::fs::read(&combined).unwrap();
    let xml = entry_text(&bytes, "word/document.xml").unwrap();
    assert_eq!(num_ids(&xml), ["1", "1", "1", "2", "2", "2", "3", "3", "3"]);
    let numbering = entry_text(&bytes, "word/numbering.xml").unwrap();
    assert!(
        numbering.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="3">"#),
        "{numbering}"
    );
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &combined);
    }
    if tool_available("soffice", &["--version"]) && tool_available("pdftotext", &["-v"]) {
        let pages: Vec<Vec<String>> = pdf_pages(dir.path(), &combined)
            .iter()
            .map(|page| squeezed(page))
            .collect();
        assert_eq!(pages.len(), 3);
        for (page, name) in pages.iter().zip(["A", "B", "C"]) {
            assert_eq!(
                page[..4],
                [
                    name.to_string(),
                    format!("1. Mục một của {name}"),
                    "2. Mục hai".to_string(),
                    "3. Mục ba".to_string()
                ]
            );
        }
    }
}

#[test]
fn each_repetition_of_a_block_starts_its_numbered_list_at_1() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_ten}}"]),
            item("Nhiệm vụ một của {{ho_ten}}"),
            item("Nhiệm vụ hai"),
            p(&["{{/each}}"]),
            p(&["Hết."]),
        ]
        .concat(),
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), with_numbering(&builder)).unwrap();
    let data = "Cấp,Họ tên\nSở,An\nSở,Bình\nPhòng,Chi\n";
    std::fs::write(dir.path().join("d.csv"), data).unwrap();
    render_combined(dir.path(), "d.csv", &["--group-by", "cap"]);
    let out = docx_files(&dir.path().join("out"))
        .into_iter()
        .map(|f| dir.path().join("out").join(f))
        .find(|f| body(f).starts_with("An\n"))
        .expect("the document of An and Bình");
    let bytes = std::fs::read(&out).unwrap();
    let xml = entry_text(&bytes, "word/document.xml").unwrap();
    assert!(!xml.contains("vanban:repeat"), "{xml}");
    assert_eq!(num_ids(&xml), ["2", "2", "3", "3"]);
    let numbering = entry_text(&bytes, "word/numbering.xml").unwrap();
    assert!(numbering.contains(r#"<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#), "{numbering}");
    // In the combined file, the second document's list gets an instance of its own.
    let combined = std::fs::read(dir.path().join("out/tat-ca.docx")).unwrap();
    let combined_xml = entry_text(&combined, "word/document.xml").unwrap();
    assert_eq!(num_ids(&combined_xml), ["2", "2", "3", "3", "4", "4"]);
    let combined_numbering = entry_text(&combined, "word/numbering.xml").unwrap();
    for id in ["2", "3", "4"] {
        let num = format!("<w:num w:numId=\"{id}\">");
        assert!(combined_numbering.contains(&num), "{combined_numbering}");
    }
    if tool_available("openxml-audit", &["--help"]) {
        let template = dir.path().join("t.docx");
        assert_no_added_violations(&template, &out);
        assert_no_added_violations(&template, &dir.path().join("out/tat-ca.docx"));
    }
    if tool_available("soffice", &["--version"]) && tool_available("pdftotext", &["-v"]) {
        let lines = squeezed(&pdf_pages(dir.path(), &out).concat());
        assert_eq!(
            lines,
            [
                "An",
                "1. Nhiệm vụ một của An",
                "2. Nhiệm vụ hai",
                "Bình",
                "1. Nhiệm vụ một của Bình",
                "2. Nhiệm vụ hai",
                "Hết."
            ]
        );
    }
}

#[test]
fn a_continue_numbering_comment_keeps_one_list_through_the_repetitions() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{!-- đánh số tiếp --}}"]),
            item("Nhiệm vụ của {{ho_ten}}"),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), with_numbering(&builder)).unwrap();
    std::fs::write(dir.path().join("d.csv"), "Cấp,Họ tên\nSở,An\nSở,Bình\n").unwrap();
    let args = ["render", "t.docx", "--data", "d.csv", "--group-by", "cap"];
    let run = vanban(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir
        .path()
        .join("out")
        .join(&docx_files(&dir.path().join("out"))[0]);
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    assert_eq!(num_ids(&xml), ["1", "1"]);
    assert_eq!(body(&out), "Nhiệm vụ của An\nNhiệm vụ của Bình");
}

#[test]
fn a_vertical_merge_inside_repeated_rows_restarts_in_each_copy() {
    let merged = |text: &str, how: &str| {
        row(&[text, "x"]).replacen(
            r#"<w:tcW w:w="2000" w:type="dxa"/>"#,
            &format!(r#"<w:tcW w:w="2000" w:type="dxa"/><w:vMerge{how}/>"#),
            1,
        )
    };
    let builder = DocxBuilder::new(
        [
            table(&[
                row(&["STT", "Thông tin"]),
                row(&["{{#each rows}}", ""]),
                merged("{{stt}}", r#" w:val="restart""#).replace(">x<", ">{{ho_ten}}<"),
                merged("", "").replace(">x<", ">{{chuc_vu}}<"),
                row(&["{{/each}}", ""]),
            ]),
            p(&["Hết."]),
        ]
        .concat(),
    );
    let data = "Cấp,Họ tên,Chức vụ\nSở,An,Trưởng phòng\nSở,Bình,Chuyên viên\n";
    let dir = with_template(&builder, "d.csv", data);
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--group-by", "cap"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir
        .path()
        .join("out")
        .join(&docx_files(&dir.path().join("out"))[0]);
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    assert_eq!(
        table_rows(&xml, 1),
        [
            ["STT", "Thông tin"],
            ["1", "An"],
            ["", "Trưởng phòng"],
            ["2", "Bình"],
            ["", "Chuyên viên"]
        ]
    );
    assert_eq!(xml.matches(r#"<w:vMerge w:val="restart"/>"#).count(), 2);
    assert_eq!(xml.matches("<w:vMerge/>").count(), 2);
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &out);
    }
}

/// The nominee list with the unit column merged where adjacent rows have the same unit.
fn merged_units() -> DocxBuilder {
    DocxBuilder::new(
        [
            table(&[
                row(&["STT", "Đơn vị", "Họ và tên"]),
                row(&["{{#each (sort rows \"ten_don_vi\")}}", "", ""]),
                row(&["{{stt}}", "{{!-- gộp --}}{{ten_don_vi}}", "{{ho_va_ten}}"]),
                row(&["{{/each}}", "", ""]),
            ]),
            p(&["Hết."]),
        ]
        .concat()
        .replace("w:w=\"2000\"", "w:w=\"3000\""),
    )
}

#[test]
fn a_merge_comment_merges_equal_adjacent_values_of_a_column_in_repeated_rows() {
    let dir = with_template(&merged_units(), "d.csv", NOMINEES);
    let out = render_nominees(dir.path());
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    assert_eq!(
        table_rows(&xml, 1),
        [
            ["STT", "Đơn vị", "Họ và tên"],
            ["1", "Chi cục Thủy lợi", "Hoàng Văn Em"],
            ["2", "Phòng Khoáng sản", "Trần Thị Bình"],
            ["3", "", "Phạm Thị Dung"],
            ["4", "Văn phòng Sở", "Nguyễn Văn An"],
            ["5", "", "Lê Văn Cường"],
        ]
    );
    assert_eq!(xml.matches(r#"<w:vMerge w:val="restart"/>"#).count(), 2);
    assert_eq!(xml.matches("<w:vMerge/>").count(), 2);
    assert!(!xml.contains("vb-merge"), "{xml}");
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &out);
    }
}

#[test]
fn a_merge_comment_outside_a_table_is_a_located_error() {
    let builder = DocxBuilder::new(p(&["{{!-- gộp --}}{{ho_ten}}"]));
    let dir = with_template(&builder, "d.csv", "Họ tên\nAn\n");
    let run = vanban(dir.path(), &["check", "t.docx"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "t.docx: word/document.xml paragraph 1: {{!-- gộp --}} merges a table cell, but it is not in a table\n\
             hint: put it in the cell whose equal values should merge, beside its tag\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_merge_whose_start_row_repeats_zero_times_leaves_no_orphan_continuation() {
    let merged = |text: &str, how: &str| {
        row(&[text, "x"]).replacen(
            r#"<w:tcW w:w="2000" w:type="dxa"/>"#,
            &format!(r#"<w:tcW w:w="2000" w:type="dxa"/><w:vMerge{how}/>"#),
            1,
        )
    };
    let builder = DocxBuilder::new(
        [
            table(&[
                row(&["STT", "Thông tin"]),
                row(&["{{#each rows}}", ""]),
                merged("{{stt}}", r#" w:val="restart""#).replace(">x<", ">{{ho_ten}}<"),
                row(&["{{/each}}", ""]),
                merged("", "").replace(">x<", ">Hết danh sách<"),
                merged("", "").replace(">x<", ">Ký tên<"),
            ]),
            p(&["Hết."]),
        ]
        .concat(),
    );
    let builder = DocxBuilder {
        body: builder
            .body
            .replace("{{#each rows}}", "{{#each (where rows \"chon\" \"có\")}}"),
        ..builder
    };
    let dir = with_template(&builder, "d.csv", "Cấp,Họ tên,Chọn\nSở,An,không\n");
    let out = render_nominees(dir.path());
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    assert_eq!(
        table_rows(&xml, 1),
        [["STT", "Thông tin"], ["", "Hết danh sách"], ["", "Ký tên"]]
    );
    // The first continuation left without its start starts the merge; the next continues it.
    assert_eq!(xml.matches(r#"<w:vMerge w:val="restart"/>"#).count(), 1);
    assert_eq!(xml.matches("<w:vMerge/>").count(), 1);
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &out);
    }
}

/// A row whose cells may hold several paragraphs, split at `§`.
fn row_of_paragraphs(cells: &[&str]) -> String {
    row(cells).replace(
        "§",
        "</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">",
    )
}

/// Award history by year as columns, and a note column shown only when asked for.
fn award_history() -> DocxBuilder {
    DocxBuilder::new(
        [
            table(&[
                row_of_paragraphs(&[
                    "STT",
                    "Họ và tên",
                    "{{#each_col nam_khen as |nam|}}§Năm {{nam}}",
                    "{{#if_col co_ghi_chu}}§Ghi chú",
                ]),
                row(&["{{#each rows}}", "", "", ""]),
                row_of_paragraphs(&[
                    "{{stt}}",
                    "{{ho_ten}}",
                    "{{lookup khen nam}}§{{/each_col}}",
                    "{{ghi_chu}}§{{/if_col}}",
                ]),
                row(&["{{/each}}", "", "", ""]),
            ]),
            p(&["Hết."]),
        ]
        .concat(),
    )
}

const AWARDS: &str = r#"{"nam_khen": ["2020", "2021", "2022"], "co_ghi_chu": false, "rows": [
    {"ho_ten": "An", "ghi_chu": "", "khen": {"2020": "CSTĐ", "2021": "GK", "2022": "BK"}},
    {"ho_ten": "Bình", "ghi_chu": "", "khen": {"2020": "", "2021": "CSTĐ", "2022": "GK"}}]}"#;

fn render_awards(dir: &Path) -> (std::path::PathBuf, String) {
    let run = vanban(dir, &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out").join(&docx_files(&dir.join("out"))[0]);
    let xml = entry_text(&std::fs::read(&out).unwrap(), "word/document.xml").unwrap();
    (out, xml)
}

#[test]
fn a_column_block_repeats_a_column_per_item_and_drops_one_whose_condition_is_false() {
    let dir = with_template(&award_history(), "d.json", AWARDS);
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let (out, xml) = render_awards(dir.path());
    assert_eq!(
        table_rows(&xml, 1),
        [
            ["STT", "Họ và tên", "Năm 2020", "Năm 2021", "Năm 2022"],
            ["1", "An", "CSTĐ", "GK", "BK"],
            ["2", "Bình", "", "CSTĐ", "GK"],
        ]
    );
    // Four columns of 2000 became five: the two kept grow by the dropped one's share and
    // the three years share one column's width.
    let grid: Vec<&str> = xml
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(grid, ["2666", "2666", "888", "888", "888"]);
    assert!(xml.contains("<w:tcW w:w=\"888\" w:type=\"dxa\"/>"), "{xml}");
    assert!(!xml.contains("vb-col"), "{xml}");
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &out);
    }
}

#[test]
fn every_misuse_of_a_column_block_is_located() {
    let check = |rows: Vec<String>| {
        let builder = DocxBuilder::new(table(&rows));
        let dir = with_template(&builder, "d.json", AWARDS);
        let run = vanban(dir.path(), &["check", "t.docx"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        run.stderr
    };
    let unclosed = check(vec![
        row(&["STT", "{{#each_col nam_khen as |nam|}}"]),
        row(&["1", "{{nam}}"]),
    ]);
    assert!(
        unclosed.starts_with(
            "t.docx: word/document.xml paragraph 2: unclosed {{#each_col nam_khen as |nam|}}\n\
             hint: close it with {{/each_col}} in the last cell of the same column\n"
        ),
        "{unclosed}"
    );
    let other_column = check(vec![
        row(&["{{#each_col nam_khen as |nam|}}", "{{nam}}"]),
        row(&["1", "{{/each_col}}"]),
    ]);
    assert!(
        other_column.contains(
            "t.docx: word/document.xml paragraph 4: {{/each_col}} closes no column block opened above it in the same column\n"
        ),
        "{other_column}"
    );
    let merged = row(&["x"]).replace(
        r#"<w:tcW w:w="2000" w:type="dxa"/>"#,
        r#"<w:tcW w:w="4000" w:type="dxa"/><w:gridSpan w:val="2"/>"#,
    );
    let crossing = check(vec![
        row(&["STT", "{{#each_col nam_khen as |nam|}}{{nam}}"]),
        merged,
        row(&["1", "{{/each_col}}"]),
    ]);
    assert!(
        crossing.starts_with(
            "t.docx: word/document.xml paragraph 2: {{#each_col nam_khen as |nam|}} repeats a column of table 1, but row 2 has no cell on exactly that column (a merged cell crosses its edge)\n\
             hint: split the merged cell of row 2 at the column's edges, or end the column block above it\n"
        ),
        "{crossing}"
    );
    let unnamed = check(vec![row(&["STT", "{{#each_col nam_khen}}x{{/each_col}}"])]);
    assert!(
        unnamed.starts_with(
            "t.docx: word/document.xml paragraph 2: {{#each_col nam_khen}} needs a name for its items\n"
        ),
        "{unnamed}"
    );
}

/// `builder`'s package with a footnotes part holding the separators and `notes`.
fn with_footnotes(builder: &DocxBuilder, notes: &str) -> Vec<u8> {
    let bytes = builder.build();
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"#
    );
    let types = entry_text(&bytes, "[Content_Types].xml").unwrap().replace(
        "</Types>",
        r#"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>"#,
    );
    let rels = entry_text(&bytes, "word/_rels/document.xml.rels").unwrap().replace(
        "</Relationships>",
        r#"<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#,
    );
    with_entries(
        &bytes,
        &[
            ("[Content_Types].xml", Some(&types)),
            ("word/_rels/document.xml.rels", Some(&rels)),
            ("word/footnotes.xml", Some(&footnotes)),
        ],
    )
}

/// A paragraph ending with a reference to footnote `id`.
fn with_note_reference(text: &str, id: u32) -> String {
    p(&[text]).replace(
        "</w:p>",
        &format!(r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r></w:p>"#),
    )
}

/// A paragraph per row ending with a reference to footnote 1, then `after`.
fn noted_rows(after: String) -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            with_note_reference("{{ho_ten}}", 1),
            p(&["{{/each}}"]),
            after,
        ]
        .concat(),
    )
}

#[test]
fn a_footnote_inside_a_repeated_block_is_copied_per_repetition_with_its_own_id_and_values() {
    let builder = noted_rows(with_note_reference("Căn cứ Luật Thi đua, khen thưởng", 2));
    let notes = [
        r#"<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{{ho_ten}}, {{chuc_vu}}</w:t></w:r></w:p></w:footnote>"#,
        r#"<w:footnote w:id="2"><w:p><w:r><w:t>Luật số 06/2022/QH15.</w:t></w:r></w:p></w:footnote>"#,
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), with_footnotes(&builder, &notes)).unwrap();
    let data = "Cấp,Họ tên,Chức vụ\nSở,An,Trưởng phòng\nSở,Bình,Chuyên viên\n";
    std::fs::write(dir.path().join("d.csv"), data).unwrap();
    let check = vanban(
        dir.path(),
        &["check", "t.docx", "--data", "d.csv", "--group-by", "cap"],
    );
    assert_eq!(check.code, 0, "{}", check.stderr);
    let out = render_nominees(dir.path());
    let bytes = std::fs::read(&out).unwrap();
    let xml = entry_text(&bytes, "word/document.xml").unwrap();
    let references: Vec<&str> = xml
        .split("<w:footnoteReference w:id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(references, ["3", "4", "2"]);
    let footnotes = entry_text(&bytes, "word/footnotes.xml").unwrap();
    assert!(
        !footnotes.contains("<w:footnote w:id=\"1\">"),
        "{footnotes}"
    );
    assert!(
        footnotes.contains(
            r#"<w:footnote w:id="3"><w:p><w:r><w:t xml:space="preserve">An, Trưởng phòng</w:t></w:r></w:p></w:footnote><w:footnote w:id="4"><w:p><w:r><w:t xml:space="preserve">Bình, Chuyên viên</w:t></w:r></w:p></w:footnote>"#
        ),
        "{footnotes}"
    );
    assert!(!xml.contains("vb:note"), "{xml}");
    if tool_available("openxml-audit", &["--help"]) {
        assert_no_added_violations(&dir.path().join("t.docx"), &out);
    }
}

#[test]
fn columns_and_merges_of_a_template_saved_by_libreoffice_show_in_its_pdf_and_pass_openxml_audit() {
    if !tool_available("soffice", &["--version"])
        || !tool_available("pdftotext", &["-v"])
        || !tool_available("openxml-audit", &["--help"])
    {
        return;
    }
    let awards = r#"{"nam_khen": ["2020", "2021", "2022"], "co_ghi_chu": true, "rows": [
        {"ho_ten": "An", "ghi_chu": "Trưởng phòng", "khen": {"2020": "CSTĐ", "2021": "GK", "2022": "BK"}},
        {"ho_ten": "Bình", "ghi_chu": "Trưởng phòng", "khen": {"2020": "GK", "2021": "CSTĐ", "2022": "GK"}}]}"#;
    let builder = award_history();
    let builder = DocxBuilder {
        body: (builder.body)
            .replace("{{ghi_chu}}", "{{!-- gộp --}}{{ghi_chu}}")
            .replace("Năm {{nam}}", "{{nam}}")
            .replace("w:w=\"2000\"", "w:w=\"2800\""),
        ..builder
    };
    let dir = with_template(&builder, "d.json", awards);
    let template = saved_by_libreoffice(dir.path(), "t.docx");
    std::fs::copy(&template, dir.path().join("t.docx")).unwrap();
    let (out, xml) = render_awards(dir.path());
    assert_eq!(
        xml.matches(r#"<w:vMerge w:val="restart"/>"#).count(),
        1,
        "{xml}"
    );
    let lines = squeezed(&pdf_pages(dir.path(), &out).concat());
    let expected = [
        "STT Họ và tên 2020 2021 2022 Ghi chú",
        "1 An CSTĐ GK BK Trưởng phòng",
        "2 Bình GK CSTĐ GK",
    ];
    let start = lines
        .iter()
        .position(|l| l == expected[0])
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(&lines[start..start + expected.len()], expected);
    assert_no_added_violations(&template, &out);
}

#[test]
fn a_tag_after_a_footnote_copied_per_repetition_keeps_its_paragraph_number() {
    let builder = noted_rows(p(&["{{ho_tn}}"]));
    let note = r#"<w:footnote w:id="1"><w:p><w:r><w:t>{{chuc_vu}}</w:t></w:r></w:p><w:p><w:r><w:t>{{ho_ten}}</w:t></w:r></w:p></w:footnote>"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), with_footnotes(&builder, note)).unwrap();
    std::fs::write(dir.path().join("d.csv"), "Cấp,Họ tên,Chức vụ\nSở,An,CV\n").unwrap();
    let run = vanban(
        dir.path(),
        &["check", "t.docx", "--data", "d.csv", "--group-by", "cap"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "t.docx: word/document.xml paragraph 4: {{ho_tn}}: no field 'ho_tn' in the data\n"
        ),
        "{}",
        run.stderr
    );
}
