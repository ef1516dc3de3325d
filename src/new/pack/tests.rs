//! The pack's templates compiled and rendered with sample data: the rows its tables repeat,
//! the certificates and the blank, the decree's page, and `templates/` as the generator writes
//! it.

mod sample;

use super::shared::HEAD;
use super::{PACK, template};
use crate::docx::Package;
use crate::new::measure::TEXT_WIDTH;
use crate::template::{CompileOptions, Template};
use crate::testkit::{entry_text, paragraphs, table_rows};
use handlebars::Context;
use sample::sample;
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

fn document(stem: &str) -> String {
    let bytes = template(stem).unwrap_or_else(|e| panic!("{stem}: {e}"));
    entry_text(&bytes, "word/document.xml").expect("word/document.xml")
}

fn compile(stem: &str) -> Template {
    let package = Package::from_bytes(template(stem).unwrap()).unwrap();
    Template::compile(package, CompileOptions::default())
        .unwrap_or_else(|e| panic!("{stem}: {e:?}"))
}

/// The rendered document.xml of `stem` with `data`.
fn render(stem: &str, data: &Value) -> String {
    let template = compile(stem);
    let parts = template
        .render(&Context::from(data.clone()))
        .unwrap_or_else(|e| panic!("{stem}: {e:?}"));
    let main = template
        .parts
        .iter()
        .position(|p| p.name == "word/document.xml")
        .unwrap();
    String::from_utf8(parts[main].1.clone()).unwrap()
}

/// Every table of a part: its rows of cell texts.
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    (1..)
        .map(|n| table_rows(xml, n))
        .take_while(|rows| !rows.is_empty())
        .collect()
}

#[test]
fn the_pack_has_twelve_templates_and_names_a_wrong_one() {
    assert_eq!(PACK.len(), 12);
    for stem in PACK {
        assert!(template(stem).is_ok(), "{stem}");
    }
    assert!(
        template("giay-moi-hop")
            .unwrap_err()
            .contains("giay-moi-hop")
    );
}

#[test]
fn every_template_compiles_with_the_engine() {
    for stem in PACK {
        compile(stem);
    }
}

#[test]
fn every_template_renders_its_sample_with_no_tag_left() {
    for stem in PACK {
        let xml = render(stem, &sample(stem));
        let text = paragraphs(&xml).join("\n");
        assert!(
            !text.contains("{{") && !text.contains("}}"),
            "{stem}: {text}"
        );
        assert_eq!(text.nfc().collect::<String>(), text, "{stem}: not NFC");
    }
}

#[test]
fn table_blocks_repeat_their_rows() {
    // Kế hoạch: a) infrastructure and b) thrift apart, each its rows and their sum
    let xml = render("ke-hoach", &sample("ke-hoach"));
    let text = paragraphs(&xml).join("\n");
    let a = text.find("a) Về phát triển kết cấu hạ tầng").expect("a)");
    let b = text
        .find("b) Về thực hành tiết kiệm, chống lãng phí")
        .expect("b)");
    assert!(a < b, "{text}");
    let t = tables(&xml);
    for group in &t[1..3] {
        assert_eq!(group.len(), 1 + 7 + 1, "{group:?}");
        assert_eq!(group[1][0], "1");
        assert_eq!(group[8][..], ["Cộng", "50"]);
    }
    // Báo cáo: one row per criterion and a total
    let t = &tables(&render("bao-cao", &sample("bao-cao")))[1];
    assert_eq!(t.len(), 1 + 14 + 1, "{t:?}");
    assert_eq!(t[1][0], "1");
    assert_eq!(t[14][0], "14");
    assert_eq!(t[15][0], "Tổng cộng");
    assert_eq!(t[15][1], "100");
    assert_eq!(t[1][3..], ["7,0", "6,5"]);
    assert_eq!(t[15][2..], ["98,0", "95,5"]);

    // the Department's ranking, best first
    let t = &tables(&render("bao-cao-so", &sample("bao-cao-so")))[1];
    let ranks: Vec<&str> = t[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ranks, ["1", "2", "3", "4", "5"]);
    let text = paragraphs(&render("bao-cao-so", &sample("bao-cao-so"))).join("\n");
    assert!(text.contains("- Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu;\n- Trung tâm Công nghệ thông tin tài nguyên môi trường.\n"), "{text}");
    assert!(text.contains("3/5 Phòng, đơn vị đã gửi báo cáo"), "{text}");

    // Tờ trình: the collective table only when the unit nominates collectives
    let mut data = sample("to-trinh");
    let xml = render("to-trinh", &data);
    let t = tables(&xml);
    assert_eq!(t.len(), 4, "header, two lists, signature");
    assert_eq!(t[1].len(), 3);
    assert_eq!(
        t[1][2][1..4],
        ["Trần Văn Đức", "Chuyên viên chính", "Giấy khen"]
    );
    assert_eq!(t[2][1][1], "Phòng Quy hoạch - Kế hoạch sử dụng đất");
    data["de_nghi_tap_the"] = json!([]);
    let xml = render("to-trinh", &data);
    assert_eq!(tables(&xml).len(), 3);
    assert!(!paragraphs(&xml).iter().any(|p| p == "2. Tập thể"));
    assert!(
        paragraphs(&xml)
            .iter()
            .any(|p| p.contains("cho 2 cá nhân đã có"))
    );

    // Tờ trình of the Department: passed city nominations, one table per list with a
    // heading row per award and its people under it
    let xml = render("to-trinh-so", &sample("to-trinh-so"));
    let t = tables(&xml);
    assert_eq!(t.len(), 4, "header, individuals, collectives, signature");
    assert_eq!(t[1].len(), 4, "{:?}", t[1]);
    assert_eq!(t[1][1][..2], ["I", "Bằng khen: 2 cá nhân"]);
    assert_eq!(t[1][2][1], "Đỗ Thị Minh Ngọc");
    assert_eq!(
        t[1][3][2],
        "Chuyên viên chính, Phòng Quy hoạch - Kế hoạch sử dụng đất"
    );
    assert_eq!(t[2][1][..2], ["I", "Cờ thi đua: 1 tập thể"]);
    assert_eq!(
        t[2][2][1],
        "Trung tâm Công nghệ thông tin tài nguyên môi trường"
    );

    // Biên bản: every nomination with its vote
    let xml = render("bien-ban", &sample("bien-ban"));
    let t = tables(&xml);
    assert_eq!(t[1].len(), 1 + 5);
    assert_eq!(t[1][3][4..], ["8", "3", "72,73%", "80%", "Không đạt"]);
    assert_eq!(t[2].len(), 1 + 3);
    let text = paragraphs(&xml).join("\n");
    assert!(
        text.contains("Tổng hợp: 4/5 cá nhân và 2/3 tập thể"),
        "{text}"
    );
    assert!(text.contains("Cuộc họp kết thúc vào 11 giờ 15 phút, ngày 10 tháng 12 năm 2025./."));
    assert!(text.contains("Thời gian bắt đầu: 8 giờ 30 phút, ngày 10 tháng 12 năm 2025."));

    // Quyết định: Giấy khen that passed, collectives then individuals
    let xml = render("quyet-dinh-giay-khen", &sample("quyet-dinh-giay-khen"));
    let t = tables(&xml);
    assert_eq!(t[2].len(), 2);
    assert_eq!(t[2][1][1], "Phòng Quy hoạch - Kế hoạch sử dụng đất");
    assert_eq!(t[3].len(), 2);
    assert_eq!(
        t[3][1][1..],
        [
            "Trần Văn Đức",
            "Chuyên viên chính",
            "Phòng Quy hoạch - Kế hoạch sử dụng đất"
        ]
    );
    let text = paragraphs(&xml).join("\n");
    assert!(
        text.contains("cho 1 tập thể và 1 cá nhân (có danh sách kèm theo)"),
        "{text}"
    );
    assert!(text.contains("Số: 125/QĐ-STNMT"));

    // achievement reports: titles and awards from the history
    let xml = render(
        "bao-cao-thanh-tich-ca-nhan",
        &sample("bao-cao-thanh-tich-ca-nhan"),
    );
    let t = tables(&xml);
    assert_eq!(t[1].len(), 3, "{:?}", t[1]);
    assert_eq!(t[1][2][..2], ["2024", "Chiến sĩ thi đua cơ sở"]);
    assert_eq!(
        t[1][2][2],
        "Số 1390/QĐ-STNMT ngày 20/12/2024 của Sở Tài nguyên và Môi trường"
    );
    assert_eq!(t[2].len(), 3);
    let text = paragraphs(&xml).join("\n");
    assert!(
        text.contains("ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"),
        "{text}"
    );
    assert!(text.contains("Sáng kiến: “Giải pháp số hóa"), "{text}");
    assert!(!text.contains("Đề tài nghiên cứu"), "{text}");
    let xml = render(
        "bao-cao-thanh-tich-tap-the",
        &sample("bao-cao-thanh-tich-tap-the"),
    );
    let t = tables(&xml);
    assert_eq!(t[1].len(), 3);
    assert_eq!(t[2].len(), 2);
    assert!(
        paragraphs(&xml)
            .join("\n")
            .contains("ĐỀ NGHỊ TẶNG GIẤY KHEN\nPhòng Quy hoạch")
    );
}

#[test]
fn certificates_print_the_awardee_and_the_signer() {
    for stem in ["giay-khen", "giay-khen-phoi"] {
        let text = paragraphs(&render(stem, &sample(stem))).join("\n");
        for want in [
            "Ông Trần Văn Đức",
            "Chuyên viên chính, Phòng Quy hoạch - Kế hoạch sử dụng đất",
            "Quyết định số 125/QĐ-STNMT",
            "Số vào sổ: 07",
            "Hà Nội, ngày 15 tháng 12 năm 2025",
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
            "Mai Trọng Thái",
        ] {
            assert!(text.contains(want), "{stem}: no '{want}' in {text}");
        }
    }
}

#[test]
fn the_blank_has_only_fields_in_frames_anchored_to_the_page() {
    let xml = document("giay-khen-phoi");
    for printed in [
        "CỘNG HÒA",
        "Độc lập",
        "GIẤY KHEN",
        "TẶNG",
        "pgBorders",
        "<w:tbl>",
    ] {
        assert!(!xml.contains(printed), "pre-printed '{printed}'");
    }
    let sect = &xml[xml.rfind("<w:sectPr").unwrap()..];
    assert!(sect.contains(r#"w:orient="landscape""#) && sect.contains(r#"w:w="16838""#));
    let paras: Vec<&str> = xml.split("<w:p>").skip(1).collect();
    let with_text: Vec<&&str> = paras.iter().filter(|p| p.contains("<w:t")).collect();
    assert_eq!(with_text.len(), 11);
    let mut frames: Vec<&str> = Vec::new();
    for p in with_text {
        let frame = &p[p.find("<w:framePr").expect("a frame")..];
        let frame = &frame[..frame.find("/>").unwrap()];
        for attr in [
            r#"w:hAnchor="page""#,
            r#"w:vAnchor="page""#,
            r#"w:hRule="auto""#,
            "w:w=",
            "w:y=",
        ] {
            assert!(frame.contains(attr), "{frame}: no {attr}");
        }
        if frames.last() != Some(&frame) {
            frames.push(frame);
        }
    }
    // Three frames of consecutive paragraphs: the awardee, unit and achievement flow in
    // one, so a long name pushes the achievement down instead of running into it.
    assert_eq!(frames.len(), 3, "{frames:#?}");
}

#[test]
fn text_is_nfc_and_every_tag_is_a_run_of_its_own() {
    for stem in PACK {
        let xml = document(stem);
        assert_eq!(xml.nfc().collect::<String>(), xml, "{stem}: not NFC");
        for piece in xml.split("<w:t").skip(1) {
            if !piece.starts_with(['>', ' ']) {
                continue;
            }
            let text = &piece[piece.find('>').unwrap() + 1..piece.find("</w:t>").unwrap()];
            if text.contains("{{") || text.contains("}}") {
                assert!(
                    text.matches("{{").count() == 1
                        && text.starts_with("{{")
                        && text.ends_with("}}"),
                    "{stem}: the run '{text}' is not one tag"
                );
            }
        }
    }
}

#[test]
fn letters_follow_the_decree_page_and_tables_span_the_text() {
    for stem in PACK.iter().filter(|s| !s.starts_with("giay-khen")) {
        let xml = document(stem);
        let sect = &xml[xml.rfind("<w:sectPr").unwrap()..];
        assert!(
            sect.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
            "{stem}"
        );
        assert!(
            sect.contains(r#"w:top="1417""#) && sect.contains(r#"w:left="1984""#),
            "{stem}"
        );
        assert!(
            xml.contains(">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<"),
            "{stem}"
        );
        // every table: the header (170 mm, centred) or the text's width
        for grid in xml.split("<w:tblGrid>").skip(1) {
            let grid = &grid[..grid.find("</w:tblGrid>").unwrap()];
            let sum: usize = grid
                .split(r#"w:w=""#)
                .skip(1)
                .map(|w| w[..w.find('"').unwrap()].parse::<usize>().unwrap())
                .sum();
            assert!(
                sum == TEXT_WIDTH || sum == HEAD.left + HEAD.right,
                "{stem}: a table {sum} twips wide"
            );
        }
        // grid tables repeat their heading row on every page (the achievement reports'
        // award tables are the starters', without)
        if stem.starts_with("bao-cao-thanh-tich") {
            continue;
        }
        assert_eq!(
            xml.matches("<w:tblHeader").count(),
            xml.matches(r#"w:val="single" w:sz="4""#).count() / 6,
            "{stem}"
        );
    }
    let xml = document("bien-ban");
    assert!(
        !xml.contains("ngay_thang ngay_ky"),
        "Biên bản: no date line"
    );
    assert!(
        document("cong-van-don-doc")
            .contains(">V/v đôn đốc báo cáo kết quả thực hiện phong trào thi đua năm <")
    );
}

#[test]
fn bundled_templates_are_the_generator_output() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for stem in PACK {
        let bundled = std::fs::read(dir.join(format!("{stem}.docx")))
            .unwrap_or_else(|e| panic!("templates/{stem}.docx: {e}"));
        assert!(
            bundled == template(stem).unwrap(),
            "templates/{stem}.docx is not the generator's output; run \
             cargo test --lib new::pack::tests::write_pack -- --ignored"
        );
    }
}

#[test]
fn output_is_deterministic() {
    for stem in PACK {
        assert!(template(stem).unwrap() == template(stem).unwrap(), "{stem}");
    }
}

/// Writes the pack to templates/: `cargo test --lib new::pack::tests::write_pack -- --ignored`.
#[test]
#[ignore]
fn write_pack() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    for stem in PACK {
        std::fs::write(dir.join(format!("{stem}.docx")), template(stem).unwrap()).unwrap();
    }
}

/// Writes each template's sample record to `VANBAN_PACK_LOOK` (default /tmp/pack-look) as
/// a JSON list, for `vanban render` and a look in LibreOffice.
#[test]
#[ignore]
fn write_samples() {
    let dir = std::env::var("VANBAN_PACK_LOOK").unwrap_or("/tmp/pack-look".into());
    std::fs::create_dir_all(&dir).unwrap();
    for stem in PACK {
        let json = serde_json::to_string_pretty(&json!([sample(stem)])).unwrap();
        std::fs::write(format!("{dir}/{stem}.json"), json).unwrap();
    }
}

#[test]
fn the_blank_serves_a_collective_with_the_fields_a_collectives_row_has() {
    // A collective's nomination, with the fields the manifest gives it, and no person's.
    let data = json!({
        "nguoi_nhan": "Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu",
        "noi_cong_tac": "Sở Tài nguyên và Môi trường thành phố Hà Nội",
        "thanh_tich": "xuất sắc trong thực hiện phong trào thi đua năm 2025",
        "so_quyet_dinh": "125/QĐ-STNMT",
        "so_vao_so": "02",
        "dia_danh": "Hà Nội",
        "ngay_quyet_dinh": "15/12/2025",
        "quyen_han": "KT. Giám đốc",
        "chuc_vu_ky": "Phó Giám đốc",
        "nguoi_ky": "Mai Trọng Thái",
    });
    let text = paragraphs(&render("giay-khen-phoi", &data)).join("\n");
    for want in [
        "Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu",
        "Sở Tài nguyên và Môi trường thành phố Hà Nội",
        "Số vào sổ: 02",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    ] {
        assert!(text.contains(want), "no '{want}' in {text}");
    }
}

#[test]
fn the_units_plan_keeps_the_seed_plans_sections() {
    let text = paragraphs(&render("ke-hoach", &sample("ke-hoach"))).join("\n");
    let mut at = 0;
    for heading in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG, GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA",
        "3.1. Đối với tập thể",
        "a) Về phát triển kết cấu hạ tầng",
        "b) Về thực hành tiết kiệm, chống lãng phí",
        "3.2. Đối với cá nhân",
        "4. Giải pháp thực hiện",
        "III. KHEN THƯỞNG",
        "a) Khen thưởng thành tích đột xuất",
        "b) Khen thưởng hằng năm",
        "c) Khen thưởng sơ kết, tổng kết",
        "2.1. Đối với tập thể",
        "2.2. Đối với cá nhân",
        "a) Quy trình thủ tục",
        "b) Hồ sơ đề nghị khen thưởng",
        "IV. TIẾN ĐỘ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
    ] {
        let found = text[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("no '{heading}' after byte {at} in {text}"));
        at += found + heading.len();
    }
    // The office's own plan does not send its papers through itself.
    let mut data = sample("ke-hoach");
    data["ten_don_vi"] = json!("Văn phòng Sở");
    let text = paragraphs(&render("ke-hoach", &data)).join("\n");
    assert!(!text.contains("(qua Văn phòng Sở)"), "{text}");
    assert!(text.contains("- Sở Tài nguyên và Môi trường;"), "{text}");
    let text = paragraphs(&render("ke-hoach", &sample("ke-hoach"))).join("\n");
    assert!(text.contains("(qua Văn phòng Sở)"), "{text}");
}

#[test]
fn a_units_header_name_carries_the_line_break_its_data_gives() {
    let mut data = sample("ke-hoach");
    let header = |data: &Value| tables(&render("ke-hoach", data))[0][0][0].clone();
    assert!(header(&data).contains("\nPHÒNG QUY HOẠCH - KẾ HOẠCH SỬ DỤNG ĐẤT\n"));
    data["ten_tieu_de"] = json!("Phòng Quy hoạch - Kế hoạch\nsử dụng đất");
    let text = header(&data);
    assert!(
        text.contains("\nPHÒNG QUY HOẠCH - KẾ HOẠCH\nSỬ DỤNG ĐẤT\n"),
        "{text:?}"
    );
    // the body keeps the name as it reads
    let body = paragraphs(&render("ke-hoach", &data)).join("\n");
    assert!(body.contains("Phòng Quy hoạch - Kế hoạch sử dụng đất xây dựng Kế hoạch"));
}
