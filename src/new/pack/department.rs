//! The Department's documents: its summary report, the reminder to a unit, its Tờ trình to the
//! City, the Council's minutes with the votes, the decision on Giấy khen with its list.

use docx_rs::AlignmentType;

use crate::new::blocks::{
    Item, blank, body_in, body_items, centered, lead, left, para, pt, rule, spacing,
};
use crate::new::decree::{sign_off, signature, title, two_signatures};
use crate::new::letters::{CAN_CU_LUAT, CAN_CU_NGHI_DINH};
use crate::new::measure::{BODY_AFTER, BODY_LINE, SINGLE, TEXT_WIDTH, TITLE_RULE};

use super::shared::{
    C, L, SO_DATE, col, grid, grouped_grid, h, h_after_table, italic, p, p_after_table, so_head,
    sub, table_or, tag,
};

pub(super) fn bao_cao_so() -> Vec<Item> {
    let mut items = vec![so_head(Some("Số: {{so_ky_hieu}}"), None, Some(SO_DATE))];
    items.extend(title(
        "BÁO CÁO",
        "Tổng kết phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}",
    ));
    items.push(p(
        "Thực hiện Kế hoạch số 16/KH-UBND ngày 11/01/2023 của UBND Thành phố về tổ chức phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố và {{ke_hoach_so}}, {{co_quan_ban_hanh}} báo cáo kết quả thực hiện phong trào thi đua năm {{nam}} như sau:",
    ));
    items.push(h("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"));
    items.extend(body_items(&[
        r#"{{co_quan_ban_hanh}} đã chỉ đạo {{count rows}} Phòng, đơn vị trực thuộc xây dựng kế hoạch thực hiện phong trào thi đua năm {{nam}}, phổ biến đến {{sum rows "so_bien_che"}} cán bộ, công chức, viên chức, người lao động; giao {{don_vi_thuong_truc}} (Bộ phận thường trực phong trào) theo dõi, hướng dẫn, đôn đốc, tổng hợp kết quả."#,
        r#"Đến ngày {{ngay ngay_ky "dd/mm/yyyy"}}, {{count rows "da_nop_bao_cao" "Có"}}/{{count rows}} Phòng, đơn vị đã gửi báo cáo kết quả thực hiện về Sở; {{count rows "da_nop_bao_cao" "Không"}} đơn vị chưa gửi báo cáo đã được Sở đôn đốc bằng văn bản, gồm:"#,
    ]));
    items.push(tag(r#"{{#each (where rows "da_nop_bao_cao" "Không")}}"#));
    items.push(p("- {{ten_don_vi}}{{#if @last}}.{{else}};{{/if}}"));
    items.push(tag("{{/each}}"));
    items.push(h("II. KẾT QUẢ THỰC HIỆN"));
    items.push(h("1. Kết quả chung"));
    items.push(p(
        "Các Phòng, đơn vị đã tích cực triển khai các nội dung của phong trào thi đua gắn với thực hiện nhiệm vụ chính trị được giao: tham mưu công tác giải phóng mặt bằng, giao đất, cho thuê đất phục vụ các công trình, dự án hạ tầng trọng điểm của Thành phố; đẩy mạnh cải cách thủ tục hành chính trong lĩnh vực đất đai, môi trường, khoáng sản, tài nguyên nước; thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí, tài sản công.",
    ));
    items.push(h("2. Kết quả chấm điểm thi đua"));
    items.push(p(
        "Trên cơ sở báo cáo và bảng tự chấm điểm của các đơn vị, Hội đồng Thi đua - Khen thưởng Sở đã thẩm định, chấm điểm theo tiêu chí thi đua; kết quả xếp hạng như sau:",
    ));
    items.push(grid(
        r#"(sort rows "xep_hang")"#,
        &[
            col("Xếp hạng", 1300, "{{xep_hang}}", C),
            col("Đơn vị", 4888, "{{ten_don_vi}}", L),
            // A unit whose report was not received is not scored (nor ranked).
            col(
                "Điểm tự chấm",
                1300,
                r#"{{#if (eq da_nop_bao_cao "Có")}}{{so tong_tu_cham 1}}{{else}}-{{/if}}"#,
                C,
            ),
            col(
                "Điểm Hội đồng",
                1300,
                r#"{{#if (eq da_nop_bao_cao "Có")}}{{so tong_diem 1}}{{else}}Chưa nộp báo cáo{{/if}}"#,
                C,
            ),
        ],
        13,
        &[],
    ));
    items.push(h_after_table("III. TỒN TẠI, HẠN CHẾ"));
    items.push(p(
        "Một số đơn vị chưa gửi báo cáo đúng thời hạn; việc cụ thể hóa tiêu chí thi đua ở một số bộ phận còn chung chung; công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến có lúc chưa kịp thời.",
    ));
    items.push(h("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
    items.push(p(
        "Tiếp tục triển khai sâu rộng phong trào thi đua gắn với thực hiện nhiệm vụ chính trị của Sở; tập trung tham mưu hoàn thành công tác giải phóng mặt bằng các dự án hạ tầng trọng điểm; đẩy mạnh chuyển đổi số, cải cách hành chính; thực hành tiết kiệm, chống lãng phí; chuẩn bị sơ kết, tổng kết phong trào thi đua theo từng giai đoạn.",
    ));
    items.push(h("V. ĐỀ XUẤT, KIẾN NGHỊ"));
    items.extend(body_items(&[
        "Đề nghị Sở Kế hoạch và Đầu tư, Ban Thi đua - Khen thưởng Thành phố tổng hợp, báo cáo UBND Thành phố xem xét, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua năm {{nam}} theo đề nghị của {{co_quan_ban_hanh}}.",
        "Trên đây là báo cáo tổng kết phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} của {{co_quan_ban_hanh}}./.",
    ]));
    sign_off(
        &mut items,
        signature(&[
            "- Sở Kế hoạch và Đầu tư;",
            "- Ban Thi đua - Khen thưởng Thành phố;",
            "- Giám đốc Sở (để báo cáo);",
            "- Lưu: VT, VP.",
        ]),
    );
    items
}

pub(super) fn cong_van_don_doc() -> Vec<Item> {
    let mut items = vec![so_head(
        Some("Số: {{so_ky_hieu}}"),
        Some("V/v đôn đốc báo cáo kết quả thực hiện phong trào thi đua năm {{nam}}"),
        Some(SO_DATE),
    )];
    items.push(Item::p(centered(
        "Kính gửi: {{ten_don_vi}}.",
        pt(14),
        360,
        240,
    )));
    items.extend(body_items(&[
        r#"Thực hiện {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố, các Phòng, đơn vị trực thuộc Sở báo cáo kết quả thực hiện phong trào thi đua năm {{nam}} (kèm theo bảng tự chấm điểm theo tiêu chí thi đua) về {{co_quan_ban_hanh}} (qua {{don_vi_thuong_truc}}) trước ngày {{ngay han_bao_cao "dd/mm/yyyy"}}."#,
        "Đến nay, {{ten_don_vi}} chưa gửi báo cáo về Sở, ảnh hưởng đến tiến độ tổng hợp, xây dựng báo cáo tổng kết phong trào thi đua của Sở gửi Sở Kế hoạch và Đầu tư và UBND Thành phố.",
        r#"Để kịp thời tổng hợp, {{co_quan_ban_hanh}} đề nghị {{ten_don_vi}} khẩn trương hoàn thành báo cáo kết quả thực hiện phong trào thi đua năm {{nam}}, gửi về Sở (qua {{don_vi_thuong_truc}}) trước ngày {{ngay han_nop_ho_so "dd/mm/yyyy"}}, đồng thời gửi bản điện tử qua hệ thống quản lý văn bản và điều hành của Sở. Quá thời hạn trên, đơn vị không gửi báo cáo sẽ không được xem xét, bình xét thi đua, khen thưởng năm {{nam}}."#,
        "Trân trọng./.",
    ]));
    sign_off(
        &mut items,
        signature(&[
            "- Như trên;",
            "- Giám đốc Sở (để báo cáo);",
            "- Lưu: VT, VP.",
        ]),
    );
    items
}

/// The nominations of `list` decided by the city that the Council approved (passed the vote
/// and every rule, or an exception it recorded: `duoc_khen`).
fn city_passed(list: &str) -> String {
    format!(r#"(where (where {list} "cap_quyet_dinh" "Thành phố") "duoc_khen" true)"#)
}

pub(super) fn to_trinh_so() -> Vec<Item> {
    let mut items = vec![so_head(Some("Số: {{so_ky_hieu}}"), None, Some(SO_DATE))];
    items.extend(title(
        "TỜ TRÌNH",
        "Đề nghị tặng Bằng khen, Cờ thi đua năm {{nam}}",
    ));
    items.extend(kinh_gui(&[
        "- Ủy ban nhân dân thành phố Hà Nội;",
        "- Ban Thi đua - Khen thưởng Thành phố (qua Sở Kế hoạch và Đầu tư).",
    ]));
    for line in [
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Căn cứ Kế hoạch số 16/KH-UBND ngày 11/01/2023 của UBND Thành phố về tổ chức phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố;",
        r#"Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Sở ngày {{ngay ngay_hop "dd/mm/yyyy"}},"#,
    ] {
        items.push(italic(line));
    }
    items.push(p(
        "{{co_quan_ban_hanh}} kính trình UBND Thành phố xem xét, tặng Bằng khen của Chủ tịch UBND Thành phố, Cờ thi đua của UBND Thành phố cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}, cụ thể như sau:",
    ));
    items.push(h("I. CÁ NHÂN"));
    items.push(tag(&format!(
        "{{{{#if {}}}}}",
        city_passed("de_nghi_ca_nhan")
    )));
    items.push(grouped_grid(
        &format!(
            r#"(group {} "hinh_thuc_de_nghi")"#,
            city_passed("de_nghi_ca_nhan")
        ),
        "{{key}}: {{count}} cá nhân",
        &[
            col("STT", 750, "{{stt}}", C),
            col("Họ và tên", 1950, "{{can_bo.ho_va_ten}}", L),
            col(
                "Chức vụ, đơn vị",
                2600,
                "{{can_bo.chuc_vu}}, {{don_vi.ten_don_vi}}",
                L,
            ),
            col("Thành tích", 3488, "{{hoa_dau thanh_tich}}", L),
        ],
        12,
    ));
    items.push(Item::p(blank(6)));
    items.push(tag("{{else}}"));
    items.push(p("Không có cá nhân được đề nghị."));
    items.push(tag("{{/if}}"));
    items.push(h_after_table("II. TẬP THỂ"));
    items.push(tag(&format!(
        "{{{{#if {}}}}}",
        city_passed("de_nghi_tap_the")
    )));
    items.push(grouped_grid(
        &format!(
            r#"(group {} "hinh_thuc_de_nghi")"#,
            city_passed("de_nghi_tap_the")
        ),
        "{{key}}: {{count}} tập thể",
        &[
            col("STT", 750, "{{stt}}", C),
            col("Tên tập thể", 2950, "{{ten_don_vi}}", L),
            col("Thành tích", 5088, "{{hoa_dau thanh_tich}}", L),
        ],
        12,
    ));
    items.push(Item::p(blank(6)));
    items.push(tag("{{else}}"));
    items.push(p("Không có tập thể được đề nghị."));
    items.push(tag("{{/if}}"));
    items.push(Item::p(
        body_in("(Có hồ sơ đề nghị khen thưởng kèm theo)", pt(14).italic())
            .line_spacing(spacing(120, BODY_AFTER, BODY_LINE)),
    ));
    items.push(p(
        "{{co_quan_ban_hanh}} kính trình UBND Thành phố xem xét, quyết định./.",
    ));
    sign_off(
        &mut items,
        signature(&[
            "- Như trên;",
            "- Giám đốc Sở (để báo cáo);",
            "- Lưu: VT, VP.",
        ]),
    );
    items
}

pub(super) fn bien_ban() -> Vec<Item> {
    let mut items = vec![so_head(Some("Số: {{so_ky_hieu}}"), None, None)];
    items.extend(title("BIÊN BẢN", "{{ten_cuoc_hop}}"));
    items.extend(body_items(&[
        "- Thời gian bắt đầu: {{gio_bat_dau}}, {{ngay_thang ngay_hop}}.",
        "- Địa điểm: {{dia_diem}}.",
        "- Thành phần tham dự: {{so_thanh_vien_co_mat}}/{{hoi_dong_thanh_vien}} thành viên Hội đồng Thi đua - Khen thưởng {{co_quan_ban_hanh}}.",
        "- Chủ trì: {{chu_tri}}, {{chuc_vu_chu_tri}}.",
        "- Thư ký: {{thu_ky}}, {{chuc_vu_thu_ky}}.",
    ]));
    items.push(h("- Nội dung:"));
    items.extend(body_items(&[
        "1. Thư ký Hội đồng báo cáo tổng hợp hồ sơ đề nghị khen thưởng năm {{nam}} của các Phòng, đơn vị thuộc Sở: {{count de_nghi_ca_nhan}} cá nhân và {{count de_nghi_tap_the}} tập thể.",
        "2. Hội đồng thảo luận, đối chiếu tiêu chuẩn theo {{luat_thi_dua}}, {{nghi_dinh_thi_dua}} và {{ke_hoach_so}}; biểu quyết bằng phiếu kín. Tỷ lệ phiếu đồng ý tính trên tổng số {{hoi_dong_thanh_vien}} thành viên Hội đồng và phải đạt ngưỡng quy định cho từng hình thức.",
        "3. Kết quả biểu quyết:",
    ]));
    items.push(sub("a) Cá nhân"));
    // 10 pt, so a name stands on one line and a unit's name on two or three.
    let votes = [
        col("Đồng ý", 760, "{{bieu_quyet.dong_y}}", C),
        col("Không đồng ý", 720, "{{bieu_quyet.khong_dong_y}}", C),
        col("Tỷ lệ", 860, "{{so bieu_quyet.ty_le 2}}%", C),
        col("Ngưỡng", 840, "{{bieu_quyet.nguong}}", C),
        col("Kết quả", 968, "{{bieu_quyet.ket_qua}}", C),
    ];
    let mut people = vec![
        col("STT", 540, "{{stt}}", C),
        col("Họ và tên", 1700, "{{can_bo.ho_va_ten}}", L),
        col("Đơn vị", 1360, "{{don_vi.ten_don_vi}}", L),
        col("Hình thức đề nghị", 1040, "{{hinh_thuc_de_nghi}}", L),
    ];
    people.extend(votes);
    items.push(grid("de_nghi_ca_nhan", &people, 10, &[]));
    items.push(Item::p(
        body_in("b) Tập thể", pt(14).bold().italic())
            .keep_next(true)
            .line_spacing(spacing(240, BODY_AFTER, BODY_LINE)),
    ));
    let mut groups = vec![
        col("STT", 540, "{{stt}}", C),
        col("Tập thể", 2780, "{{ten_don_vi}}", L),
        col("Hình thức đề nghị", 1320, "{{hinh_thuc_de_nghi}}", L),
    ];
    groups.extend(votes);
    items.push(grid("de_nghi_tap_the", &groups, 10, &[]));
    items.extend([
        p_after_table(
            r#"Tổng hợp: {{count de_nghi_ca_nhan "bieu_quyet.dat" true}}/{{count de_nghi_ca_nhan}} cá nhân và {{count de_nghi_tap_the "bieu_quyet.dat" true}}/{{count de_nghi_tap_the}} tập thể đạt tỷ lệ phiếu đồng ý theo quy định."#,
        ),
        p(
            "4. Đối chiếu tiêu chuẩn, điều kiện, chỉ tiêu theo quy định, các trường hợp sau chưa đủ điều kiện:",
        ),
    ]);
    // Every nominee a rule or quota found short (`khong_dat`), with the Council's exception
    // where it recorded one; the others are not proposed.
    for (list, who) in [
        (
            "de_nghi_ca_nhan",
            "{{can_bo.ho_va_ten}} ({{don_vi.ten_don_vi}})",
        ),
        ("de_nghi_tap_the", "{{ten_don_vi}}"),
    ] {
        items.push(tag(&format!(
            r#"{{{{#each (where {list} "chua_dat_tieu_chuan" true)}}}}"#
        )));
        items.push(p(&format!(
            "- {who}, đề nghị {{{{hinh_thuc_de_nghi}}}}: {{{{#each khong_dat}}}}{{{{this}}}}{{{{#unless @last}}}}; {{{{/unless}}}}{{{{/each}}}}{{{{#if ngoai_le_cua_hoi_dong}}}}; ngoại lệ: {{{{ngoai_le_cua_hoi_dong}}}}.{{{{else}}}}; không đề nghị khen thưởng.{{{{/if}}}}"
        )));
        items.push(tag("{{/each}}"));
    }
    items.extend([
        p(
            r#"5. Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen, công nhận danh hiệu thi đua cho {{count (where de_nghi_ca_nhan "cap_quyet_dinh" "Sở") "duoc_khen" true}} cá nhân và {{count (where de_nghi_tap_the "cap_quyet_dinh" "Sở") "duoc_khen" true}} tập thể; trình UBND Thành phố tặng Bằng khen, Cờ thi đua cho {{count (where de_nghi_ca_nhan "cap_quyet_dinh" "Thành phố") "duoc_khen" true}} cá nhân và {{count (where de_nghi_tap_the "cap_quyet_dinh" "Thành phố") "duoc_khen" true}} tập thể."#,
        ),
        p(
            "Biên bản đã được thông qua tại cuộc họp; các thành viên dự họp nhất trí với nội dung biên bản.",
        ),
        p("Cuộc họp kết thúc vào {{gio_ket_thuc}}, {{ngay_thang ngay_hop}}./."),
    ]);
    sign_off(
        &mut items,
        two_signatures(
            (&["THƯ KÝ"], "(Chữ ký)", "{{thu_ky}}"),
            (&["CHỦ TỌA"], "(Chữ ký, dấu)", "{{chu_tri}}"),
        ),
    );
    items.push(Item::p(
        left("Nơi nhận:", pt(12).bold().italic()).line_spacing(spacing(240, 0, SINGLE)),
    ));
    for line in [
        "- Giám đốc Sở;",
        "- Thành viên Hội đồng TĐ-KT Sở;",
        "- Lưu: VT, VP.",
    ] {
        items.push(Item::p(left(line, pt(11))));
    }
    items
}

pub(super) fn quyet_dinh_giay_khen() -> Vec<Item> {
    let mut items = vec![so_head(
        Some("Số: {{so_quyet_dinh}}"),
        None,
        Some("{{dia_danh}}, {{ngay_thang ngay_quyet_dinh}}"),
    )];
    items.extend(title("QUYẾT ĐỊNH", "Về việc tặng Giấy khen năm {{nam}}"));
    items.push(Item::p(centered(
        "{{hoa chuc_danh_tham_quyen}}",
        pt(14).bold(),
        0,
        240,
    )));
    for line in [
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Căn cứ {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố;",
        r#"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Sở ngày {{ngay ngay_hop "dd/mm/yyyy"}};"#,
        "Theo đề nghị của Chánh Văn phòng Sở.",
    ] {
        items.push(italic(line));
    }
    items.push(Item::p(centered("QUYẾT ĐỊNH:", pt(14).bold(), 120, 240)));
    items.push(Item::p(lead(
        "Điều 1. ",
        r#"Tặng Giấy khen của {{chuc_danh_tham_quyen}} cho {{count (where de_nghi_tap_the "hinh_thuc_de_nghi" "Giấy khen") "duoc_khen" true}} tập thể và {{count (where de_nghi_ca_nhan "hinh_thuc_de_nghi" "Giấy khen") "duoc_khen" true}} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}."#,
    )));
    items.push(Item::p(lead(
        "Điều 2. ",
        "Quyết định này có hiệu lực kể từ ngày ký. Tiền thưởng kèm theo Giấy khen thực hiện theo quy định hiện hành, chi từ Quỹ thi đua, khen thưởng của Sở.",
    )));
    items.push(Item::p(lead(
        "Điều 3. ",
        "Chánh Văn phòng Sở, Trưởng phòng Kế hoạch - Tài chính, Thủ trưởng các Phòng, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )));
    sign_off(
        &mut items,
        signature(&[
            "- Như Điều 3;",
            "- Giám đốc Sở (để báo cáo);",
            "- Lưu: VT, VP.",
        ]),
    );
    // the list, from a new page
    items.push(Item::p(
        centered("DANH SÁCH", pt(14).bold(), 0, 0).page_break_before(true),
    ));
    items.push(Item::p(centered(
        "Tập thể, cá nhân được tặng Giấy khen của {{chuc_danh_tham_quyen}}",
        pt(14).bold(),
        0,
        0,
    )));
    items.push(Item::p(centered(
        r#"(Kèm theo Quyết định số {{so_quyet_dinh}} ngày {{ngay ngay_quyet_dinh "dd/mm/yyyy"}} của {{chuc_danh_tham_quyen}})"#,
        pt(14).italic(),
        0,
        0,
    )));
    items.push(Item::p(rule(TITLE_RULE, TEXT_WIDTH, 240)));
    let tap_the =
        r#"(where (where de_nghi_tap_the "hinh_thuc_de_nghi" "Giấy khen") "duoc_khen" true)"#;
    let ca_nhan =
        r#"(where (where de_nghi_ca_nhan "hinh_thuc_de_nghi" "Giấy khen") "duoc_khen" true)"#;
    items.push(h("I. TẬP THỂ"));
    items.extend(table_or(
        tap_the,
        grid(
            tap_the,
            &[
                col("STT", 900, "{{stt}}", C),
                col("Tên tập thể", 7888, "{{ten_don_vi}}", L),
            ],
            13,
            &[],
        ),
        "Không có tập thể được tặng Giấy khen.",
    ));
    items.push(h_after_table("II. CÁ NHÂN"));
    items.extend(table_or(
        ca_nhan,
        grid(
            ca_nhan,
            &[
                col("STT", 800, "{{stt}}", C),
                col("Họ và tên", 2600, "{{can_bo.ho_va_ten}}", L),
                col("Chức vụ", 2200, "{{can_bo.chuc_vu}}", L),
                col("Đơn vị", 3188, "{{don_vi.ten_don_vi}}", L),
            ],
            13,
            &[],
        ),
        "Không có cá nhân được tặng Giấy khen.",
    ));
    items.push(Item::p(centered(
        "Danh sách này có {{count (where de_nghi_tap_the \"hinh_thuc_de_nghi\" \"Giấy khen\") \"duoc_khen\" true}} tập thể và {{count (where de_nghi_ca_nhan \"hinh_thuc_de_nghi\" \"Giấy khen\") \"duoc_khen\" true}} cá nhân./.",
        pt(14).italic(),
        240,
        0,
    )));
    items
}

/// `Kính gửi:` with one recipient per line, each starting with `-`, the dashes aligned.
fn kinh_gui(lines: &[&str]) -> Vec<Item> {
    const AT: i32 = 567;
    const LABEL: i32 = 1361;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut p = para(line, pt(14))
                .align(AlignmentType::Left)
                .line_spacing(spacing(
                    0,
                    if i + 1 == lines.len() { 240 } else { 0 },
                    SINGLE,
                ))
                .indent(
                    Some(AT + LABEL),
                    (i == 0).then_some(docx_rs::SpecialIndentType::Hanging(LABEL)),
                    None,
                    None,
                );
            if i == 0 {
                let label = docx_rs::Run::new().add_text("Kính gửi:").size(28).add_tab();
                p.children
                    .insert(0, docx_rs::ParagraphChild::Run(Box::new(label)));
            }
            Item::p(p)
        })
        .collect()
}
