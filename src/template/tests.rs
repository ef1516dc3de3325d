//! The engine on packages built in code: tags across runs, blocks of every shape, escaping,
//! located errors.

use handlebars::Context;
use serde_json::{Value, json};

use super::{CompileOptions, Template};
use crate::docx::Package;
use crate::testkit::{DocxBuilder, bold, p, paragraphs, r, row, table};

fn compile(builder: &DocxBuilder) -> Result<Template, Vec<String>> {
    let package = Package::from_bytes(builder.build()).map_err(|d| vec![d.to_string()])?;
    Template::compile(package, CompileOptions::default())
        .map_err(|ds| ds.iter().map(ToString::to_string).collect())
}

/// Renders and returns every rendered part's XML by name.
fn render(builder: &DocxBuilder, data: Value) -> Vec<(String, String)> {
    let template = compile(builder).expect("template compiles");
    let parts = template.render(&Context::from(data)).expect("renders");
    parts
        .into_iter()
        .map(|(index, bytes)| {
            let name = template.package.entries[index].clone();
            let xml = String::from_utf8(bytes).expect("utf-8");
            assert_well_formed(&xml);
            (name, xml)
        })
        .collect()
}

fn document(builder: &DocxBuilder, data: Value) -> String {
    render(builder, data)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .map(|(_, xml)| xml)
        .expect("document rendered")
}

fn body_text(builder: &DocxBuilder, data: Value) -> Vec<String> {
    paragraphs(&document(builder, data))
}

fn assert_well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed output: {e}\n{xml}"),
        }
    }
}

#[test]
fn a_tag_split_over_runs_takes_the_format_of_its_first_run() {
    let body = format!(
        "<w:p>{}{}{}</w:p>",
        r("Kính gửi: {{ten_"),
        bold("don_vi"),
        bold("}}.")
    );
    let xml = document(
        &DocxBuilder::new(body),
        json!({"ten_don_vi": "Chi cục Thủy lợi"}),
    );
    assert_eq!(paragraphs(&xml), ["Kính gửi: Chi cục Thủy lợi."]);
    // The value sits in the first (plain) run; the bold runs keep only the final '.'.
    assert!(
        xml.contains(r#"<w:t xml:space="preserve">Kính gửi: Chi cục Thủy lợi</w:t>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<w:b/></w:rPr><w:t xml:space="preserve">.</w:t>"#),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<w:r>").count(),
        2,
        "the run that held only tag text is gone: {xml}"
    );
}

#[test]
fn a_bold_half_tag_prints_bold_when_it_begins_bold() {
    let body = format!("<w:p>{}{}</w:p>", bold("trước ngày {{han_"), r("nop}}"));
    let xml = document(&DocxBuilder::new(body), json!({"han_nop": "31/10/2025"}));
    assert!(
        xml.contains(r#"<w:b/></w:rPr><w:t xml:space="preserve">trước ngày 31/10/2025</w:t>"#),
        "{xml}"
    );
}

#[test]
fn proofing_marks_inside_a_split_tag_are_dropped() {
    let body = format!(
        r#"<w:p>{}<w:proofErr w:type="spellStart"/>{}<w:proofErr w:type="spellEnd"/>{}</w:p>"#,
        r("đồng chí {{thu_"),
        r("truong"),
        r("}}, Thủ trưởng")
    );
    let xml = document(
        &DocxBuilder::new(body),
        json!({"thu_truong": "Phan Văn Lộc"}),
    );
    assert_eq!(paragraphs(&xml), ["đồng chí Phan Văn Lộc, Thủ trưởng"]);
    assert!(!xml.contains("proofErr"), "{xml}");
}

#[test]
fn a_table_row_block_repeats_the_row_and_keeps_the_header() {
    let body = table(&[
        row(&["STT", "Họ và tên", "Chức vụ"]),
        row(&[
            "{{#each rows}}{{stt_}}",
            "{{ho_va_ten}}",
            "{{chuc_vu}}{{/each}}",
        ]),
    ]);
    let data = json!({"rows": [
        {"stt_": 1, "ho_va_ten": "Hoàng Văn Thắng", "chuc_vu": "Chi cục trưởng"},
        {"stt_": 2, "ho_va_ten": "Bùi Thị Ngọc Ánh", "chuc_vu": "Phó Chi cục trưởng"},
        {"stt_": 3, "ho_va_ten": "Ngô Quốc Khánh", "chuc_vu": "Kiểm lâm viên"},
    ]});
    let xml = document(&DocxBuilder::new(body), data);
    assert_eq!(
        xml.matches("<w:tr>").count(),
        4,
        "header and three people: {xml}"
    );
    assert_eq!(
        paragraphs(&xml),
        [
            "STT",
            "Họ và tên",
            "Chức vụ",
            "1",
            "Hoàng Văn Thắng",
            "Chi cục trưởng",
            "2",
            "Bùi Thị Ngọc Ánh",
            "Phó Chi cục trưởng",
            "3",
            "Ngô Quốc Khánh",
            "Kiểm lâm viên"
        ]
    );
}

#[test]
fn a_table_row_block_over_no_rows_leaves_the_header() {
    let body = table(&[row(&["STT"]), row(&["{{#each rows}}{{x}}", "{{/each}}"])]);
    let xml = document(&DocxBuilder::new(body), json!({"rows": []}));
    assert_eq!(xml.matches("<w:tr>").count(), 1, "{xml}");
}

#[test]
fn a_table_whose_only_row_repeats_zero_times_is_removed() {
    let body = format!(
        "{}{}",
        table(&[row(&["{{#each rows}}{{x}}", "{{/each}}"])]),
        p(&["sau"])
    );
    let xml = document(&DocxBuilder::new(body), json!({"rows": []}));
    assert!(!xml.contains("<w:tbl>"), "{xml}");
    assert_eq!(paragraphs(&xml), ["sau"]);
}

#[test]
fn a_paragraph_block_vanishes_with_its_tag_paragraphs() {
    let body = [
        p(&["Tổng số: 4 cá nhân."]),
        p(&["{{#if ghi_chu}}"]),
        p(&["Ý kiến của đơn vị:"]),
        p(&["{{ghi_chu}}"]),
        p(&["{{/if}}"]),
        p(&["Danh sách này gồm 4 cá nhân."]),
    ]
    .concat();
    let builder = DocxBuilder::new(body);
    assert_eq!(
        body_text(&builder, json!({"ghi_chu": ""})),
        ["Tổng số: 4 cá nhân.", "Danh sách này gồm 4 cá nhân."]
    );
    assert_eq!(
        body_text(&builder, json!({"ghi_chu": "Đã thông qua"})),
        [
            "Tổng số: 4 cá nhân.",
            "Ý kiến của đơn vị:",
            "Đã thông qua",
            "Danh sách này gồm 4 cá nhân."
        ]
    );
}

#[test]
fn a_paragraph_block_repeats_paragraphs_and_tables() {
    let body = [
        p(&["{{#each units}}"]),
        p(&["Đơn vị {{name}}"]),
        table(&[row(&["{{#each people}}{{this}}", "{{/each}}"])]),
        p(&["{{/each}}"]),
    ]
    .concat();
    let data = json!({"units": [
        {"name": "A", "people": ["An", "Bình"]},
        {"name": "B", "people": ["Chi"]},
    ]});
    assert_eq!(
        body_text(&DocxBuilder::new(body), data),
        // The body no longer ends with a paragraph, so one is added after the table.
        ["Đơn vị A", "An", "", "Bình", "", "Đơn vị B", "Chi", "", ""]
    );
}

#[test]
fn inline_blocks_choose_text_inside_a_paragraph() {
    let body = p(&["Thành phần: {{#if (gte n 40)}}Phó Thủ trưởng{{else}}Kế toán{{/if}}."]);
    let builder = DocxBuilder::new(body);
    assert_eq!(
        body_text(&builder, json!({"n": 42})),
        ["Thành phần: Phó Thủ trưởng."]
    );
    assert_eq!(
        body_text(&builder, json!({"n": 35})),
        ["Thành phần: Kế toán."]
    );
}

#[test]
fn tags_in_header_footer_and_title_are_filled() {
    let builder = DocxBuilder::new(p(&["x"]))
        .header(p(&["gửi {{ma_", "don_vi}}"]))
        .footer(p(&["Mã số thuế: {{ma_so_thue}}"]))
        .title("Giấy mời {{ma_don_vi}}");
    let parts = render(
        &builder,
        json!({"ma_don_vi": "CCTL", "ma_so_thue": "0109876543"}),
    );
    let get = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, x)| x.clone())
            .unwrap()
    };
    assert_eq!(paragraphs(&get("word/header1.xml")), ["gửi CCTL"]);
    assert_eq!(
        paragraphs(&get("word/footer1.xml")),
        ["Mã số thuế: 0109876543"]
    );
    assert!(get("docProps/core.xml").contains("<dc:title>Giấy mời CCTL</dc:title>"));
}

#[test]
fn values_cannot_inject_xml_or_tags() {
    let body = p(&["{{a}}|{{{b}}}|{{c}}"]);
    let data = json!({"a": "Nước sạch & <vệ sinh> \"x\" 'y'", "b": "</w:t></w:r><w:r><w:t>x", "c": "{{a}}"});
    assert_eq!(
        body_text(&DocxBuilder::new(body), data),
        ["Nước sạch & <vệ sinh> \"x\" 'y'|</w:t></w:r><w:r><w:t>x|{{a}}"]
    );
}

#[test]
fn line_breaks_and_tabs_in_values_become_word_breaks_and_tabs() {
    let body = p(&["{{a}}"]);
    let xml = document(
        &DocxBuilder::new(body),
        json!({"a": "dòng 1\ndòng 2\tcột\u{1}"}),
    );
    assert_eq!(paragraphs(&xml), ["dòng 1\ndòng 2\tcột"]);
    assert!(xml.contains("<w:br/>") && xml.contains("<w:tab/>"), "{xml}");
}

#[test]
fn escaped_braces_print_literally() {
    let body = p(&[r"Viết \{{ho_ten}} để in họ tên; {", "{x}}"]);
    assert_eq!(
        body_text(&DocxBuilder::new(body), json!({"x": 1})),
        ["Viết {{ho_ten}} để in họ tên; 1"]
    );
}

#[test]
fn nested_loops_render() {
    let body = p(&["{{#each groups}}[{{key}}:{{#each items}} {{this}}{{/each}}]{{/each}}"]);
    let data = json!({"groups": [{"key": "a", "items": [1, 2]}, {"key": "b", "items": [3]}]});
    assert_eq!(body_text(&DocxBuilder::new(body), data), ["[a: 1 2][b: 3]"]);
}

#[test]
fn a_missing_field_is_an_error_at_its_tag() {
    let body = [p(&["a"]), p(&["Họ tên: {{ho_", "ten}}"])].concat();
    let template = compile(&DocxBuilder::new(body)).unwrap();
    let err = template
        .render(&Context::from(json!({"x": 1})))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "word/document.xml paragraph 2: {{ho_ten}}: no field 'ho_ten' in the data\nhint: add a column 'ho_ten' to the data, or write {{default ho_ten \"...\"}}"
    );
}

#[test]
fn every_block_error_is_reported_at_once() {
    let body = [
        p(&["{{#each rows}}"]),
        p(&["{{x}}"]),
        p(&["{{/if}}"]),
        p(&["{{#if a}}"]),
        p(&["{{ho_ten"]),
    ]
    .concat();
    let errors = compile(&DocxBuilder::new(body)).err().unwrap();
    assert_eq!(
        errors,
        [
            "word/document.xml paragraph 5: unclosed tag '{{ho_ten'\nhint: close the tag with '}}', or write '\\{{' for literal braces",
            "word/document.xml paragraph 3: {{/if}} does not match {{#each rows}}\nhint: {{#each rows}} opened at paragraph 1; close it with {{/each}}",
            "word/document.xml paragraph 4: unclosed {{#if a}}\nhint: close it with {{/if}}",
        ]
    );
}

#[test]
fn a_block_of_no_shape_names_both_paragraphs() {
    let body = [p(&["a {{#if x}}"]), p(&["b {{/if}}"])].concat();
    let errors = compile(&DocxBuilder::new(body)).err().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("word/document.xml paragraph 1: {{#if x}} opens in paragraph 1 and {{/if}} closes in paragraph 2"),
        "{}",
        errors[0]
    );
}

#[test]
fn bookmarks_and_paragraph_ids_are_not_repeated() {
    let body = r#"<w:p w14:paraId="1A2B3C4D"><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>{{#each rows}}{{this}};</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t>{{/each}}</w:t></w:r></w:p>"#.to_string();
    let xml = document(&DocxBuilder::new(body), json!({"rows": [1, 2]}));
    assert_eq!(paragraphs(&xml), ["1;2;"]);
    assert!(
        !xml.contains("bookmarkStart") && !xml.contains("bookmarkEnd"),
        "{xml}"
    );
}

#[test]
fn a_template_without_tags_is_copied_untouched() {
    let builder = DocxBuilder::new(p(&["Không có thẻ"]));
    let template = compile(&builder).unwrap();
    assert!(template.parts.is_empty());
}

fn fixture_template(name: &str) -> Template {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let package = Package::open(&path).expect("fixture opens");
    Template::compile(
        package,
        CompileOptions {
            slug_brackets: true,
        },
    )
    .expect("fixture compiles")
}

#[test]
fn the_award_list_fixture_widens_its_blocks_as_its_readme_says() {
    for name in [
        "danh-sach-khen-thuong-lo.docx",
        "danh-sach-khen-thuong-pd.docx",
    ] {
        let template = fixture_template(name);
        let document = template
            .parts
            .iter()
            .find(|p| p.name == "word/document.xml")
            .unwrap();
        let shapes: Vec<(String, usize, usize, &str)> = document
            .blocks
            .iter()
            .map(|b| {
                (
                    document.tags[b.open].text.clone(),
                    document.tags[b.open].paragraph,
                    document.tags[b.close].paragraph,
                    b.shape.describe(),
                )
            })
            .collect();
        assert_eq!(
            shapes,
            [
                ("{{#each rows}}".to_string(), 12, 15, "table row"),
                ("{{#if ghi_chu}}".to_string(), 17, 20, "paragraphs"),
            ],
            "{name}"
        );
        assert_eq!(
            document.tags[document.blocks[0].open].table_pos,
            Some((2, 2, 1))
        );
        let footer = template
            .parts
            .iter()
            .find(|p| p.name == "word/footer1.xml")
            .unwrap();
        assert_eq!(footer.tags[0].paragraph, 1);
    }
}

#[test]
fn the_letter_fixture_finds_its_split_tags_where_its_readme_says() {
    for name in ["cong-van-don-doc-lo.docx", "cong-van-don-doc-pd.docx"] {
        let template = fixture_template(name);
        let mut found: Vec<(String, String, usize)> = template
            .parts
            .iter()
            .flat_map(|p| {
                p.tags
                    .iter()
                    .map(move |t| (p.name.clone(), t.text.clone(), t.paragraph))
            })
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                (
                    "word/document.xml".to_string(),
                    "{{han_nop}}".to_string(),
                    13
                ),
                ("word/document.xml".into(), "{{ho_so_con_thieu}}".into(), 12),
                ("word/document.xml".into(), "{{so_cong_van}}".into(), 4),
                ("word/document.xml".into(), "{{ten_don_vi}}".into(), 10),
                ("word/document.xml".into(), "{{thu_truong}}".into(), 13),
                ("word/footer1.xml".into(), "{{ma_don_vi}}".into(), 1),
                ("word/footer1.xml".into(), "{{ma_so_thue}}".into(), 1),
                ("word/header1.xml".into(), "{{ma_don_vi}}".into(), 1),
            ],
            "{name}"
        );
    }
}

#[test]
fn curly_quotes_in_a_default_work_like_straight_ones() {
    let template = fixture_template("giay-moi-hop-lo.docx");
    let data = json!({"ma_don_vi": "TTKN", "thu_truong": "Trịnh Xuân Trường", "ten_don_vi": "Trung tâm Khuyến nông",
        "so_can_bo": 35, "gio_hop": "8 giờ 30", "ngay_hop": "09/01/2026", "phong_hop": ""});
    let parts = template.render(&Context::from(data)).unwrap();
    let document = parts
        .iter()
        .find(|(i, _)| template.package.entries[*i] == "word/document.xml")
        .unwrap();
    let text = paragraphs(std::str::from_utf8(&document.1).unwrap()).join("\n");
    assert!(text.contains("Địa điểm: Phòng họp số 1, trụ sở"), "{text}");
    assert!(
        text.contains("Thời gian: 8 giờ 30, ngày 09 tháng 01 năm 2026."),
        "{text}"
    );
    assert!(
        text.contains(
            "Thành phần đi cùng: Kế toán trưởng hoặc cán bộ phụ trách công tác thi đua của đơn vị."
        ),
        "{text}"
    );
}

#[test]
fn both_copies_of_a_text_box_are_filled() {
    let text_box = |inner: &str| {
        format!(
            "<w:txbxContent>{}</w:txbxContent>",
            p(&["Hộp: {{ma_", inner])
        )
    };
    let body = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        text_box("don_vi}}"),
        text_box("don_vi}}")
    );
    let xml = document(&DocxBuilder::new(body), json!({"ma_don_vi": "CCTL"}));
    assert_eq!(paragraphs(&xml), ["", "Hộp: CCTL", "Hộp: CCTL"]);
}
