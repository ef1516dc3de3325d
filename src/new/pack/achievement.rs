//! The achievement reports of a nominee and of a unit, over the unit, with the titles and
//! awards of its history rows.

use crate::new::achievement::awards_table_with;
use crate::new::blocks::{Item, blank, body_items, centered, kept_with_next, pt, rule};
use crate::new::decree::{Head, header_with, sign_off, two_signatures, two_signatures_at};
use crate::new::measure::{TEXT_WIDTH, TITLE_RULE};

use super::shared::{HEAD, SO_DATE, h, h_after_table, p, table_or, tag, unit_name};

/// The unit over which an achievement report is made: the Department over the unit.
fn report_head() -> Item {
    Item::t(header_with(Head {
        parent: "{{hoa co_quan_ban_hanh}}",
        agency: &unit_name("don_vi."),
        number: None,
        vv: None,
        date: Some(SO_DATE),
        layout: HEAD,
    }))
}

/// `III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG` of an achievement report: the titles and the
/// awards of the history rows `history` (`can_bo.lich_su`, `don_vi.lich_su`), one table each.
fn awards_from(history: &str) -> Vec<Item> {
    let decision = r#"Số {{so_quyet_dinh}} ngày {{ngay ngay_quyet_dinh "dd/mm/yyyy"}} của {{co_quan_ban_hanh}}"#;
    let titles = format!(r#"(where {history} "loai" "Danh hiệu thi đua")"#);
    let awards = format!(r#"(where {history} "loai" "Hình thức khen thưởng")"#);
    let mut items = vec![
        h("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
        h("1. Danh hiệu thi đua"),
    ];
    items.extend(table_or(
        &titles,
        awards_table_with(
            &format!("{{{{#each {titles}}}}}"),
            "Danh hiệu thi đua",
            "{{noi_dung}}",
            "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định",
            decision,
        ),
        "Chưa được công nhận danh hiệu thi đua.",
    ));
    items.push(h_after_table("2. Hình thức khen thưởng"));
    // The last table goes with the signature under it: a signature never stands alone.
    items.extend(table_or(
        &awards,
        kept_with_next(awards_table_with(
            &format!("{{{{#each {awards}}}}}"),
            "Hình thức khen thưởng",
            "{{noi_dung}}",
            "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
            decision,
        )),
        "Chưa được khen thưởng.",
    ));
    items.push(Item::p(blank(14)));
    items
}

/// `BÁO CÁO THÀNH TÍCH` / `ĐỀ NGHỊ TẶNG ...` (`DANH HIỆU` before a title of emulation), with
/// an optional third line, and a short rule.
fn achievement_title(extra: Option<&str>) -> Vec<Item> {
    let mut items = vec![
        Item::p(centered("BÁO CÁO THÀNH TÍCH", pt(14).bold(), 360, 0)),
        Item::p(centered(
            r#"ĐỀ NGHỊ TẶNG {{#if (in hinh_thuc_de_nghi "Chiến sĩ thi đua cơ sở" "Tập thể lao động tiên tiến")}}DANH HIỆU {{/if}}{{hoa hinh_thuc_de_nghi}}"#,
            pt(14).bold(),
            0,
            0,
        )),
    ];
    if let Some(line) = extra {
        items.push(Item::p(centered(line, pt(14).bold(), 0, 0)));
    }
    items.push(Item::p(rule(TITLE_RULE, TEXT_WIDTH, 240)));
    items
}

pub(super) fn thanh_tich_ca_nhan() -> Vec<Item> {
    let mut items = vec![report_head()];
    items.extend(achievement_title(None));
    items.push(h("I. SƠ LƯỢC LÝ LỊCH"));
    items.extend(body_items(&[
        "- Họ và tên: {{can_bo.ho_va_ten}}; Giới tính: {{can_bo.gioi_tinh}}",
        r#"- Sinh ngày, tháng, năm: {{ngay can_bo.ngay_sinh "dd/mm/yyyy"}}"#,
        "- Quê quán: {{can_bo.que_quan}}",
        "- Đơn vị công tác: {{don_vi.ten_don_vi}}, {{co_quan_ban_hanh}}",
        "- Chức vụ: {{can_bo.chuc_vu}}",
        "- Trình độ chuyên môn, nghiệp vụ: {{can_bo.trinh_do_chuyen_mon}}",
    ]));
    items.push(h("II. THÀNH TÍCH ĐẠT ĐƯỢC"));
    items.push(h("1. Quyền hạn, nhiệm vụ được giao"));
    items.extend(body_items(&[
        "Là {{can_bo.chuc_vu}} của {{don_vi.ten_don_vi}}, tham gia thực hiện chức năng, nhiệm vụ của đơn vị: {{don_vi.chuc_nang_nhiem_vu}}",
    ]));
    items.push(h("2. Thành tích đạt được"));
    // The achievement is written to follow "Đã có thành tích" (as on the certificate).
    items.push(tag("{{#if thanh_tich}}"));
    items.push(p("Đã có thành tích {{thanh_tich}}."));
    items.push(tag("{{/if}}"));
    items.extend(body_items(&[
        "Kết quả đánh giá, xếp loại năm {{nam}}: {{can_bo.xep_loai}}.",
    ]));
    items.push(tag("{{#if can_bo.sang_kien}}"));
    items.push(p(
        r#"Sáng kiến: “{{can_bo.sang_kien}}”, được công nhận cấp {{#if (eq can_bo.cap_cong_nhan_sang_kien "Cơ sở")}}cơ sở{{else}}{{can_bo.cap_cong_nhan_sang_kien}}{{/if}}."#,
    ));
    items.push(tag("{{/if}}"));
    items.push(tag("{{#if can_bo.de_tai_nghien_cuu}}"));
    items.push(p("Đề tài nghiên cứu: “{{can_bo.de_tai_nghien_cuu}}”."));
    items.push(tag("{{/if}}"));
    items.extend(awards_from("can_bo.lich_su"));
    sign_off(
        &mut items,
        two_signatures(
            (
                &["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"],
                "(Ký, đóng dấu)",
                "{{don_vi.thu_truong}}",
            ),
            (
                &["NGƯỜI BÁO CÁO", "THÀNH TÍCH"],
                "(Ký, ghi rõ họ và tên)",
                "{{can_bo.ho_va_ten}}",
            ),
        ),
    );
    items
}

pub(super) fn thanh_tich_tap_the() -> Vec<Item> {
    let mut items = vec![report_head()];
    items.extend(achievement_title(Some("{{don_vi.ten_don_vi}}")));
    items.push(h("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"));
    items.push(h("1. Đặc điểm, tình hình"));
    items.extend(body_items(&[
        "- Trụ sở: {{don_vi.dia_chi}}; điện thoại: {{don_vi.dien_thoai}}.",
        "- Quá trình thành lập và phát triển: {{don_vi.qua_trinh_phat_trien}}",
        "- Tổng số cán bộ, công chức, viên chức và người lao động: {{don_vi.so_bien_che}} người.",
    ]));
    items.push(h("2. Chức năng, nhiệm vụ"));
    items.push(p("{{don_vi.chuc_nang_nhiem_vu}}"));
    items.push(h("II. THÀNH TÍCH ĐẠT ĐƯỢC"));
    items.push(h("1. Kết quả thực hiện nhiệm vụ được giao"));
    items.push(p("{{don_vi.ket_qua_noi_bat}}"));
    items.push(h("2. Thành tích trong phong trào thi đua"));
    items.push(p("Đơn vị đã có thành tích {{thanh_tich}}."));
    items.push(h(
        "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    ));
    items.push(p(
        "Tập thể {{don_vi.ten_don_vi}} nội bộ đoàn kết, gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của {{co_quan_ban_hanh}}; thực hiện tốt quy chế dân chủ cơ sở, thực hành tiết kiệm, chống lãng phí.",
    ));
    items.extend(awards_from("don_vi.lich_su"));
    // `THỦ TRƯỞNG CƠ QUAN CẤP TRÊN` in bold 14 pt is 80 mm: its column takes 92 mm.
    sign_off(
        &mut items,
        two_signatures_at(
            (
                &["THỦ TRƯỞNG CƠ QUAN CẤP TRÊN", "NHẬN XÉT, XÁC NHẬN"],
                "(Ký, đóng dấu)",
                "{{giam_doc}}",
            ),
            (
                &["THỦ TRƯỞNG ĐƠN VỊ"],
                "(Ký, đóng dấu)",
                "{{don_vi.thu_truong}}",
            ),
            5200,
        ),
    );
    items
}
