//! The starters of the campaign's letters: Kế hoạch, Báo cáo, Tờ trình, Công văn, Quyết định
//! and Biên bản, each a header, a title, its body and a signature; and the legal bases the
//! commendation documents cite, here and in the pack.

use super::blocks::{Item, body_in, body_items, centered, lead, left, pt, section, spacing};
use super::decree::{Row2, header_table, sign_off, signature, title, two_signatures};
use super::measure::SINGLE;

/// The legal bases every commendation document cites first: data (the globals
/// `luat_thi_dua` and `nghi_dinh_thi_dua`, the citation as written after `Căn cứ`), since
/// the law and its decree change and a round cites those in force on its documents' dates.
pub(super) const CAN_CU_LUAT: &str = "Căn cứ {{luat_thi_dua}};";
pub(super) const CAN_CU_NGHI_DINH: &str = "Căn cứ {{nghi_dinh_thi_dua}};";

/// A sub-heading (`3.1. Đối với tập thể`, `a) Quy trình thủ tục`) in bold italics, kept with
/// the lines under it.
fn sub_section(heading_text: &str, lines: &[&str]) -> Vec<Item> {
    let mut items = vec![Item::p(
        body_in(heading_text, pt(14).bold().italic()).keep_next(true),
    )];
    items.extend(body_items(lines));
    items
}

/// The plan's sections as the seed plan has them: I-V, with II.3 criteria for collectives and
/// individuals, II.4 Giải pháp, III.1 a/b/c, III.2 for collectives and individuals, III.3
/// procedure and file, IV Tiến độ thực hiện.
pub(super) fn ke_hoach() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberAndDate))];
    items.extend(title("KẾ HOẠCH", "{{trich_yeu}}"));
    items.extend(body_items(&[
        "Thực hiện {{can_cu}};",
        "{{co_quan_ban_hanh}} xây dựng Kế hoạch tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}, cụ thể như sau:",
    ]));
    items.extend(section("I. MỤC ĐÍCH, YÊU CẦU", &[]));
    items.extend(section("1. Mục đích", &["{{muc_dich}}"]));
    items.extend(section("2. Yêu cầu", &["{{yeu_cau}}"]));
    items.extend(section(
        "II. NỘI DUNG, GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA",
        &[],
    ));
    items.extend(section("1. Đối tượng thi đua", &["{{doi_tuong}}"]));
    items.extend(section("2. Nội dung thi đua", &["{{noi_dung}}"]));
    items.extend(section("3. Tiêu chí thi đua", &[]));
    items.extend(sub_section(
        "3.1. Đối với tập thể",
        &["{{tieu_chi_tap_the}}"],
    ));
    items.extend(sub_section(
        "3.2. Đối với cá nhân",
        &["{{tieu_chi_ca_nhan}}"],
    ));
    items.extend(section("4. Giải pháp thực hiện", &["{{giai_phap}}"]));
    items.extend(section("III. KHEN THƯỞNG", &[]));
    items.extend(section("1. Danh hiệu thi đua, hình thức khen thưởng", &[]));
    items.extend(sub_section(
        "a) Khen thưởng thành tích đột xuất",
        &["{{khen_thuong_dot_xuat}}"],
    ));
    items.extend(sub_section(
        "b) Khen thưởng hằng năm",
        &["{{khen_thuong_hang_nam}}"],
    ));
    items.extend(sub_section(
        "c) Khen thưởng sơ kết, tổng kết",
        &["{{khen_thuong_so_ket}}"],
    ));
    items.extend(section("2. Tiêu chuẩn khen thưởng", &[]));
    items.extend(sub_section(
        "2.1. Đối với tập thể",
        &["{{tieu_chuan_tap_the}}"],
    ));
    items.extend(sub_section(
        "2.2. Đối với cá nhân",
        &["{{tieu_chuan_ca_nhan}}"],
    ));
    items.extend(section("3. Quy trình thủ tục, hồ sơ khen thưởng", &[]));
    items.extend(sub_section("a) Quy trình thủ tục", &["{{quy_trinh}}"]));
    items.extend(sub_section("b) Hồ sơ đề nghị khen thưởng", &["{{ho_so}}"]));
    items.extend(section("IV. TIẾN ĐỘ THỰC HIỆN", &["{{tien_do}}"]));
    items.extend(section(
        "V. TỔ CHỨC THỰC HIỆN",
        &[
            "{{to_chuc_thuc_hien}}",
            r#"Các đơn vị gửi báo cáo kết quả thực hiện về {{don_vi_thuong_truc}} trước ngày {{ngay han_bao_cao "dd/mm/yyyy"}} để tổng hợp./."#,
        ],
    ));
    sign_off(
        &mut items,
        signature(&["- {{noi_nhan}};", "- Lưu: VT, {{don_vi_soan_thao}}."]),
    );
    items
}

pub(super) fn bao_cao() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberAndDate))];
    items.extend(title("BÁO CÁO", "{{trich_yeu}}"));
    items.extend(body_items(&[
        "Thực hiện {{can_cu}}, {{co_quan_ban_hanh}} báo cáo kết quả thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} như sau:",
    ]));
    items.extend(section(
        "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN",
        &["{{chi_dao}}"],
    ));
    items.extend(section("II. KẾT QUẢ THỰC HIỆN", &["{{ket_qua}}"]));
    items.extend(section(
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        &["{{han_che}}"],
    ));
    items.extend(section(
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        &["{{phuong_huong}}"],
    ));
    items.extend(section(
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        &[
            "{{kien_nghi}}",
            "Trên đây là báo cáo kết quả thực hiện phong trào thi đua năm {{nam}} của {{co_quan_ban_hanh}}./.",
        ],
    ));
    sign_off(
        &mut items,
        signature(&[
            "- {{noi_nhan}} (để báo cáo);",
            "- Lưu: VT, {{don_vi_soan_thao}}.",
        ]),
    );
    items
}

pub(super) fn to_trinh() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberAndDate))];
    items.extend(title("TỜ TRÌNH", "{{trich_yeu}}"));
    items.push(Item::p(centered("Kính gửi: {{kinh_gui}}.", pt(14), 0, 240)));
    for line in [
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Căn cứ {{can_cu}};",
        r#"Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng ngày {{ngay ngay_hop "dd/mm/yyyy"}},"#,
    ] {
        items.push(Item::p(body_in(line, pt(14).italic())));
    }
    items.extend(body_items(&[
        "{{co_quan_ban_hanh}} kính trình {{kinh_gui}} xem xét, {{de_nghi}}, cụ thể như sau:",
        "- Tập thể: {{so_tap_the}} tập thể;",
        "- Cá nhân: {{so_ca_nhan}} cá nhân.",
    ]));
    items.push(Item::p(body_in(
        "(Có danh sách và hồ sơ kèm theo)",
        pt(14).italic(),
    )));
    items.extend(body_items(&[
        "Kính trình {{kinh_gui}} xem xét, quyết định./.",
    ]));
    sign_off(
        &mut items,
        signature(&["- Như trên;", "- Lưu: VT, {{don_vi_soan_thao}}."]),
    );
    items
}

pub(super) fn cong_van() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::CongVan))];
    items.push(Item::p(centered(
        "Kính gửi: {{kinh_gui}}.",
        pt(14),
        360,
        240,
    )));
    items.extend(body_items(&[
        "Thực hiện {{can_cu}}, {{co_quan_ban_hanh}} {{noi_dung}}.",
        r#"Đề nghị {{kinh_gui}} {{de_nghi}} trước ngày {{ngay han_nop "dd/mm/yyyy"}}."#,
        "Trân trọng./.",
    ]));
    sign_off(
        &mut items,
        signature(&["- Như trên;", "- Lưu: VT, {{don_vi_soan_thao}}."]),
    );
    items
}

pub(super) fn quyet_dinh() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberAndDate))];
    items.extend(title("QUYẾT ĐỊNH", "{{trich_yeu}}"));
    items.push(Item::p(centered(
        "{{hoa chuc_danh_tham_quyen}}",
        pt(14).bold(),
        0,
        240,
    )));
    for line in [
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Căn cứ {{can_cu}};",
        "Theo đề nghị của {{de_nghi_cua}}.",
    ] {
        items.push(Item::p(body_in(line, pt(14).italic())));
    }
    items.push(Item::p(centered("QUYẾT ĐỊNH:", pt(14).bold(), 120, 240)));
    items.push(Item::p(lead(
        "Điều 1. ",
        "Tặng Giấy khen của {{chuc_danh_tham_quyen}} cho {{doi_tuong_khen}} (có danh sách kèm theo), đã có thành tích {{thanh_tich}}.",
    )));
    items.push(Item::p(lead(
        "Điều 2. ",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    )));
    items.push(Item::p(lead(
        "Điều 3. ",
        "{{thi_hanh}} chịu trách nhiệm thi hành Quyết định này./.",
    )));
    sign_off(
        &mut items,
        signature(&["- Như Điều 3;", "- Lưu: VT, {{don_vi_soan_thao}}."]),
    );
    items
}

pub(super) fn bien_ban() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberOnly))];
    items.extend(title("BIÊN BẢN", "{{ten_cuoc_hop}}"));
    items.extend(body_items(&[
        "- Thời gian bắt đầu: {{gio_bat_dau}} giờ {{phut_bat_dau}}, {{ngay_thang ngay_hop}}.",
        "- Địa điểm: {{dia_diem}}.",
        "- Thành phần tham dự: {{thanh_phan}}.",
        "- Chủ trì: {{chu_tri}}, {{chuc_vu_chu_tri}}.",
        "- Thư ký: {{thu_ky}}, {{chuc_vu_thu_ky}}.",
        "- Nội dung (theo diễn biến cuộc họp):",
        "{{noi_dung}}",
        "Cuộc họp kết thúc vào {{gio_ket_thuc}} giờ {{phut_ket_thuc}}, {{ngay_thang ngay_hop}}./.",
    ]));
    sign_off(
        &mut items,
        two_signatures(
            (&["THƯ KÝ"], "(Chữ ký)", "{{thu_ky}}"),
            (&["CHỦ TỌA"], "(Chữ ký, dấu (nếu có))", "{{chu_tri}}"),
        ),
    );
    items.push(Item::p(
        left("Nơi nhận:", pt(12).bold().italic()).line_spacing(spacing(240, 0, SINGLE)),
    ));
    items.push(Item::p(left("- {{noi_nhan}};", pt(11))));
    items.push(Item::p(left("- Lưu: VT, {{don_vi_soan_thao}}.", pt(11))));
    items
}
