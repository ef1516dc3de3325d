//! The starters as a user meets them: every kind's tags, the decree's page and header, one
//! run per tag, and each starter compiled and rendered by the engine.

use super::{KINDS, starter};
use crate::docx::Package;
use crate::template::{CompileOptions, Template};
use crate::testkit::{entry_text, paragraphs, table_rows};
use handlebars::Context;
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

fn document(kind: &str) -> String {
    let bytes = starter(kind).unwrap_or_else(|e| panic!("{kind}: {e}"));
    entry_text(&bytes, "word/document.xml").expect("word/document.xml")
}

/// The value of attribute `attr` of the first `<element ...>` in `xml`.
fn attr(xml: &str, element: &str, attr: &str) -> Option<i64> {
    let start = xml.find(&format!("<{element} "))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    tag[at..at + tag[at..].find('"')?].parse().ok()
}

const TAGS: &[(&str, &[&str])] = &[
    (
        "ke-hoach",
        &[
            "{{ten_phong_trao}}",
            "{{muc_dich}}",
            "{{to_chuc_thuc_hien}}",
        ],
    ),
    ("bao-cao", &["{{ket_qua}}", "{{kien_nghi}}"]),
    ("to-trinh", &["{{kinh_gui}}", "{{so_ca_nhan}}"]),
    (
        "bien-ban",
        &[
            "{{ten_cuoc_hop}}",
            "{{chu_tri}}",
            "{{thu_ky}}",
            "{{gio_ket_thuc}}",
        ],
    ),
    (
        "cong-van",
        &["{{kinh_gui}}", "{{trich_yeu}}", "{{noi_dung}}"],
    ),
    (
        "quyet-dinh",
        &["{{hoa chuc_danh_tham_quyen}}", "{{thi_hanh}}"],
    ),
    (
        "bao-cao-thanh-tich-ca-nhan",
        &[
            "{{ho_va_ten}}",
            "{{#each danh_hieu}}",
            "{{#each khen_thuong}}",
        ],
    ),
    (
        "bao-cao-thanh-tich-tap-the",
        &[
            "{{ten_tap_the}}",
            "{{#each danh_hieu}}",
            "{{#each khen_thuong}}",
        ],
    ),
    (
        "giay-khen",
        &["{{ho_va_ten}}", "{{thanh_tich}}", "{{nguoi_ky}}"],
    ),
];

#[test]
fn every_kind_has_its_own_tags_listed_here() {
    let listed: Vec<&str> = TAGS.iter().map(|(k, _)| *k).collect();
    let kinds: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
    assert_eq!(listed, kinds);
}

#[test]
fn every_kind_has_the_quoc_hieu_tieu_ngu_and_its_tags() {
    for (kind, tags) in TAGS {
        let xml = document(kind);
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ] {
            assert!(xml.contains(text), "{kind}: no '{text}'");
        }
        for tag in tags.iter().chain(&["{{hoa chuc_vu_ky}}", "{{nguoi_ky}}"]) {
            let wanted = if tag.starts_with("{{hoa chuc_vu") || tag.contains("nguoi_ky") {
                // achievement reports are signed by the unit's head and the nominee
                !kind.starts_with("bao-cao-thanh-tich") && *kind != "bien-ban"
            } else {
                true
            };
            if wanted {
                assert!(xml.contains(&format!(">{tag}<")), "{kind}: no run '{tag}'");
            }
        }
    }
}

#[test]
fn letters_carry_the_agency_number_and_date_as_the_decree_places_them() {
    for (kind, _) in KINDS.iter().filter(|(k, _)| *k != "giay-khen") {
        let xml = document(kind);
        assert!(xml.contains(">{{hoa co_quan_chu_quan}}<"), "{kind}");
        assert!(xml.contains(">{{hoa co_quan_ban_hanh}}<"), "{kind}");
        let numbered = !kind.starts_with("bao-cao-thanh-tich");
        assert_eq!(xml.contains(">{{so}}<"), numbered, "{kind}: Số");
        let dated = *kind != "bien-ban";
        assert_eq!(
            xml.contains(">{{ngay_thang ngay_ky}}<"),
            dated,
            "{kind}: date line"
        );
    }
    assert!(document("cong-van").contains(">V/v <"));
    assert!(document("bien-ban").contains("Cuộc họp kết thúc vào "));
}

#[test]
fn pages_are_a4_with_the_decree_margins() {
    let mm = |twips: i64, mm: f64| (twips as f64 - mm * 56.7).abs() <= 1.0;
    for (kind, _) in KINDS {
        let xml = document(kind);
        let sect = &xml[xml.rfind("<w:sectPr").expect("w:sectPr")..];
        let (w, h) = (attr(sect, "w:pgSz", "w:w"), attr(sect, "w:pgSz", "w:h"));
        let margin = |side: &str| attr(sect, "w:pgMar", side).unwrap();
        if *kind == "giay-khen" {
            assert_eq!((w, h), (Some(16838), Some(11906)), "{kind}");
            assert!(sect.contains(r#"w:orient="landscape""#));
            assert!(sect.contains("<w:pgBorders"));
            for side in ["w:top", "w:bottom", "w:left", "w:right"] {
                assert!(mm(margin(side), 20.0), "{kind}: {side}");
            }
            continue;
        }
        assert_eq!((w, h), (Some(11906), Some(16838)), "{kind}");
        assert!(mm(margin("w:top"), 25.0), "{kind}: top");
        assert!(mm(margin("w:bottom"), 20.0), "{kind}: bottom");
        assert!(mm(margin("w:left"), 35.0), "{kind}: left");
        assert!(mm(margin("w:right"), 20.0), "{kind}: right");
        // page numbers from page 2: an empty first-page header
        assert!(sect.contains(r#"w:type="first""#) && sect.contains("<w:titlePg"));
    }
}

#[test]
fn the_default_font_is_times_new_roman_14_vietnamese() {
    let bytes = starter("ke-hoach").unwrap();
    let styles = entry_text(&bytes, "word/styles.xml").unwrap();
    let defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(defaults.contains(r#"w:ascii="Times New Roman""#));
    assert!(defaults.contains(r#"<w:sz w:val="28""#));
    assert!(defaults.contains(r#"w:val="vi-VN""#));
    let header = entry_text(&bytes, "word/header1.xml").unwrap()
        + &entry_text(&bytes, "word/header2.xml").unwrap();
    assert!(header.contains("PAGE"));
}

#[test]
fn text_is_nfc_and_every_tag_is_a_run_of_its_own() {
    for (kind, _) in KINDS {
        let xml = document(kind);
        assert_eq!(xml.nfc().collect::<String>(), xml, "{kind}: not NFC");
        for piece in xml.split("<w:t").skip(1) {
            if !piece.starts_with(['>', ' ']) {
                continue;
            }
            let text = &piece[piece.find('>').unwrap() + 1..piece.find("</w:t>").unwrap()];
            if text.contains("{{") || text.contains("}}") {
                let tags = text.matches("{{").count();
                assert_eq!(tags, text.matches("}}").count(), "{kind}: '{text}'");
                assert!(
                    tags == 1 && text.starts_with("{{") && text.ends_with("}}"),
                    "{kind}: the run '{text}' is not one tag"
                );
            }
        }
    }
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let e = starter("ke_hoach").unwrap_err();
    assert!(e.starts_with("unknown kind 'ke_hoach'"), "{e}");
    for (kind, description) in KINDS {
        assert!(e.contains(kind) && e.contains(description), "{e}");
    }
}

fn compile(kind: &str) -> Template {
    let package = Package::from_bytes(starter(kind).unwrap()).unwrap();
    Template::compile(package, CompileOptions::default())
        .unwrap_or_else(|e| panic!("{kind}: {e:?}"))
}

#[test]
fn every_starter_compiles_with_the_engine() {
    for (kind, _) in KINDS {
        compile(kind);
    }
}

/// Sample data for every field a starter reads: dates where a date helper reads them,
/// two rows for each award table, and no `quyen_han` (the director signs himself).
fn sample(template: &Template) -> Value {
    let mut data = serde_json::Map::new();
    for part in &template.parts {
        for tag in &part.tags {
            for word in tag.expr.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                let date = word.starts_with("ngay_") || word.starts_with("han_");
                let value = match word {
                    "" | "hoa" | "ngay" | "ngay_thang" | "each" | "if" | "dd" | "mm" | "yyyy"
                    | "quyen_han" | "nam" | "ten_danh_hieu" | "hinh_thuc" | "quyet_dinh" => {
                        continue;
                    }
                    "danh_hieu" | "khen_thuong" => json!([
                        {"nam": 2022, "ten_danh_hieu": "Lao động tiên tiến", "hinh_thuc": "Giấy khen", "quyet_dinh": "Số 12/QĐ-STNMT ngày 05/01/2023"},
                        {"nam": 2023, "ten_danh_hieu": "Chiến sĩ thi đua cơ sở", "hinh_thuc": "Bằng khen", "quyet_dinh": "Số 30/QĐ-UBND ngày 11/01/2024"}
                    ]),
                    _ if date => json!("05/01/2023"),
                    _ => json!(format!("<{word}>")),
                };
                data.insert(word.to_string(), value);
            }
        }
    }
    data.insert("nam".into(), json!(2023));
    Value::Object(data)
}

#[test]
fn every_starter_renders_and_its_blocks_take_their_shape() {
    for (kind, _) in KINDS {
        let template = compile(kind);
        let parts = template
            .render(&Context::from(sample(&template)))
            .unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        let main = template
            .parts
            .iter()
            .position(|p| p.name == "word/document.xml")
            .unwrap();
        let xml = String::from_utf8(parts[main].1.clone()).unwrap();
        let text = paragraphs(&xml).join("\n");
        assert!(!text.contains("{{"), "{kind}: {text}");
        if kind.starts_with("bao-cao-thanh-tich") {
            let rows = table_rows(&xml, 2);
            assert_eq!(rows.len(), 3, "{kind}: {rows:?}");
            assert_eq!(rows[2][1], "Chiến sĩ thi đua cơ sở");
            assert_eq!(table_rows(&xml, 3)[1][1], "Giấy khen");
        }
        if !kind.starts_with("bao-cao-thanh-tich") && *kind != "bien-ban" {
            // no quyen_han: the signature starts with the chức vụ, in capitals
            let sign = table_rows(&xml, if *kind == "giay-khen" { 1 } else { 2 });
            assert!(sign[0][1].contains("<CHUC_VU_KY>"), "{kind}: {sign:?}");
        }
        if *kind == "to-trinh" {
            assert!(text.contains("Số: <so>/<ky_hieu>"), "{text}");
            assert!(
                text.contains("<dia_danh>, ngày 05 tháng 01 năm 2023"),
                "{text}"
            );
        }
    }
}

/// Writes every starter to `VANBAN_NEW_CHECK` (default /tmp/new-check) for a look in
/// LibreOffice: `cargo test --lib new::tests::write_starters -- --ignored`.
#[test]
#[ignore]
fn write_starters() {
    let dir = std::env::var("VANBAN_NEW_CHECK").unwrap_or("/tmp/new-check".into());
    std::fs::create_dir_all(&dir).unwrap();
    for (kind, _) in KINDS {
        std::fs::write(format!("{dir}/{kind}.docx"), starter(kind).unwrap()).unwrap();
    }
}

#[test]
fn no_starter_cites_a_law_of_its_own() {
    // The legal bases are data: `{{luat_thi_dua}}` and `{{nghi_dinh_thi_dua}}`.
    let mut citing = 0;
    for (kind, _) in KINDS {
        let text = paragraphs(&document(kind)).join("\n");
        for citation in ["Luật Thi đua", "NĐ-CP", "/QH1", "Nghị định số"] {
            assert!(!text.contains(citation), "{kind} cites '{citation}'");
        }
        if text.contains("Căn cứ {{luat_thi_dua}};\nCăn cứ {{nghi_dinh_thi_dua}};") {
            citing += 1;
        }
    }
    // the Tờ trình and the Quyết định
    assert_eq!(citing, 2);
}

#[test]
fn the_plan_starter_keeps_the_seed_plans_sections() {
    let text = paragraphs(&document("ke-hoach")).join("\n");
    let mut at = 0;
    for heading in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG, GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA",
        "3.1. Đối với tập thể",
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
}
