//! The starters of the achievement reports (Báo cáo thành tích cá nhân, tập thể), with the
//! award tables of their section III, one row per year repeated by the engine.

use docx_rs::{AlignmentType, TableRow, VAlignType};

use super::blocks::{
    Item, blank, cell, centered, grid_borders, heading, para, pt, rule, section, spacing, table,
};
use super::decree::{Row2, header_table, sign_off, two_signatures};
use super::measure::{BODY_AFTER, BODY_LINE, SINGLE, TEXT_WIDTH, TITLE_RULE};

/// The two tables of section III of an achievement report: one row per year, repeated by
/// the engine (`{{#each}}` opens in the first cell, closes in the last).
fn awards_table(list: &str, what: &str, field: &str, decision: &str) -> Item {
    awards_table_with(
        &format!("{{{{#each {list}}}}}"),
        what,
        &format!("{{{{{field}}}}}"),
        decision,
        "{{quyet_dinh}}",
    )
}

/// The awards table with the `#each` tag (`each`), the second cell's text and the third
/// cell's text (before its `{{/each}}`) given.
pub(super) fn awards_table_with(
    each: &str,
    what: &str,
    value2: &str,
    decision: &str,
    value3: &str,
) -> Item {
    let widths = [1500, 3000, TEXT_WIDTH - 4500];
    let head = |text: &str, w: usize| {
        cell(w, vec![centered(text, pt(13).bold(), 60, 60)]).vertical_align(VAlignType::Center)
    };
    let value = |text: &str, w: usize, align: AlignmentType| {
        cell(
            w,
            vec![
                para(text, pt(13))
                    .align(align)
                    .line_spacing(spacing(60, 60, SINGLE)),
            ],
        )
        .vertical_align(VAlignType::Center)
    };
    Item::t(table(
        &widths,
        vec![
            TableRow::new(vec![
                head("Năm", widths[0]),
                head(what, widths[1]),
                head(decision, widths[2]),
            ])
            .cant_split(),
            TableRow::new(vec![
                value(
                    &format!("{each}{{{{nam}}}}"),
                    widths[0],
                    AlignmentType::Center,
                ),
                value(value2, widths[1], AlignmentType::Left),
                value(
                    &format!("{value3}{{{{/each}}}}"),
                    widths[2],
                    AlignmentType::Left,
                ),
            ])
            .cant_split(),
        ],
        grid_borders(),
    ))
}

fn awards_section() -> Vec<Item> {
    let mut items = vec![
        Item::p(heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")),
        Item::p(heading("1. Danh hiệu thi đua")),
        awards_table(
            "danh_hieu",
            "Danh hiệu thi đua",
            "ten_danh_hieu",
            "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định",
        ),
        Item::p(
            heading("2. Hình thức khen thưởng").line_spacing(spacing(240, BODY_AFTER, BODY_LINE)),
        ),
        awards_table(
            "khen_thuong",
            "Hình thức khen thưởng",
            "hinh_thuc",
            "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
        ),
    ];
    items.push(Item::p(blank(14)));
    items
}

fn achievement_title(extra: Option<&str>) -> Vec<Item> {
    let mut items = vec![
        Item::p(centered("BÁO CÁO THÀNH TÍCH", pt(14).bold(), 360, 0)),
        Item::p(centered(
            "ĐỀ NGHỊ TẶNG {{hoa hinh_thuc_de_nghi}}",
            pt(14).bold(),
            0,
            0,
        )),
    ];
    if let Some(name) = extra {
        items.push(Item::p(centered(name, pt(14).bold(), 0, 0)));
    }
    items.push(Item::p(rule(TITLE_RULE, TEXT_WIDTH, 240)));
    items
}

pub(super) fn thanh_tich_ca_nhan() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::DateOnly))];
    items.extend(achievement_title(None));
    items.extend(section(
        "I. SƠ LƯỢC LÝ LỊCH",
        &[
            "- Họ và tên: {{ho_va_ten}}",
            r#"- Sinh ngày, tháng, năm: {{ngay ngay_sinh "dd/mm/yyyy"}}; Giới tính: {{gioi_tinh}}"#,
            "- Quê quán: {{que_quan}}",
            "- Trú quán: {{tru_quan}}",
            "- Đơn vị công tác: {{don_vi}}",
            "- Chức vụ (Đảng, chính quyền, đoàn thể): {{chuc_vu}}",
            "- Trình độ chuyên môn, nghiệp vụ: {{trinh_do}}",
            "- Học hàm, học vị, danh hiệu, giải thưởng: {{hoc_ham_hoc_vi}}",
        ],
    ));
    items.extend(section("II. THÀNH TÍCH ĐẠT ĐƯỢC", &[]));
    items.extend(section(
        "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận",
        &["{{nhiem_vu}}"],
    ));
    items.extend(section(
        "2. Thành tích đạt được của cá nhân",
        &["{{thanh_tich}}"],
    ));
    items.extend(awards_section());
    sign_off(
        &mut items,
        two_signatures(
            (
                &["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"],
                "(Ký, đóng dấu)",
                "{{thu_truong}}",
            ),
            (
                &["NGƯỜI BÁO CÁO", "THÀNH TÍCH"],
                "(Ký, ghi rõ họ và tên)",
                "{{ho_va_ten}}",
            ),
        ),
    );
    items
}

pub(super) fn thanh_tich_tap_the() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::DateOnly))];
    items.extend(achievement_title(Some("{{ten_tap_the}}")));
    items.extend(section("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", &[]));
    items.extend(section(
        "1. Đặc điểm, tình hình",
        &[
            "- Địa điểm trụ sở chính, điện thoại, địa chỉ trang tin điện tử: {{tru_so}}",
            "- Quá trình thành lập và phát triển: {{qua_trinh}}",
            "- Tổ chức bộ máy, tổng số cán bộ, công chức, viên chức và người lao động: {{to_chuc}}",
        ],
    ));
    items.extend(section(
        "2. Chức năng, nhiệm vụ",
        &["{{chuc_nang_nhiem_vu}}"],
    ));
    items.extend(section("II. THÀNH TÍCH ĐẠT ĐƯỢC", &[]));
    items.extend(section(
        "1. Kết quả thực hiện chức năng, nhiệm vụ được giao",
        &["{{ket_qua}}"],
    ));
    items.extend(section(
        "2. Những biện pháp, nguyên nhân đạt được thành tích; các phong trào thi đua đã được áp dụng",
        &["{{bien_phap}}"],
    ));
    items.extend(section(
        "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        &["{{chap_hanh}}"],
    ));
    items.extend(awards_section());
    sign_off(
        &mut items,
        two_signatures(
            (
                &[
                    "THỦ TRƯỞNG ĐƠN VỊ",
                    "CẤP TRÊN TRỰC TIẾP",
                    "NHẬN XÉT, XÁC NHẬN",
                ],
                "(Ký, đóng dấu)",
                "{{thu_truong_cap_tren}}",
            ),
            (&["THỦ TRƯỞNG ĐƠN VỊ"], "(Ký, đóng dấu)", "{{thu_truong}}"),
        ),
    );
    items
}
