//! The unit's own documents: its Kế hoạch, its Báo cáo with the scores, its Tờ trình with the
//! nominations.

use crate::new::blocks::{Item, blank, body_in, body_items, centered, pt, spacing};
use crate::new::decree::{sign_off, title};
use crate::new::letters::{CAN_CU_LUAT, CAN_CU_NGHI_DINH};
use crate::new::measure::{BODY_AFTER, BODY_LINE};

use super::shared::{
    C, L, SO_DATE, col, grid, h, h_after_table, italic, p, p_after_table, sub, table_or, tag,
    unit_head, unit_signature,
};

/// ` (qua Văn phòng Sở)` after the Department's name, except in the documents of the office
/// itself, which does not send its own papers through itself.
const QUA: &str =
    "{{#unless (eq ten_don_vi don_vi_thuong_truc)}} (qua {{don_vi_thuong_truc}}){{/unless}}";

/// The Nơi nhận line of the Department (through its office, as [`QUA`]).
const NHAN_SO: &str = "- {{co_quan_ban_hanh}}{{#unless (eq ten_don_vi don_vi_thuong_truc)}} (qua {{don_vi_thuong_truc}}){{/unless}};";

pub(super) fn ke_hoach() -> Vec<Item> {
    let mut items = vec![unit_head("{{dia_danh}}, {{ngay_thang ngay_ke_hoach}}")];
    items.extend(title(
        "KẾ HOẠCH",
        "Thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}",
    ));
    items.extend(body_items(&[
        "Thực hiện {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố,",
        "{{ten_don_vi}} xây dựng Kế hoạch thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} (sau đây gọi tắt là Phong trào thi đua), cụ thể như sau:",
    ]));
    items.push(h("I. MỤC ĐÍCH, YÊU CẦU"));
    items.push(h("1. Mục đích"));
    items.extend(body_items(&[
        "- Cụ thể hóa Kế hoạch của {{co_quan_ban_hanh}} thành các nội dung, chỉ tiêu phù hợp với chức năng, nhiệm vụ của {{ten_don_vi}}; tạo khí thế thi đua sôi nổi, huy động sức mạnh đoàn kết của toàn thể cán bộ, công chức, viên chức, người lao động trong đơn vị chung sức, đồng lòng xây dựng, phát triển kết cấu hạ tầng kinh tế, xã hội của Thủ đô đồng bộ, hiện đại.",
        "- Đẩy mạnh thực hiện nghiêm túc các quy định về thực hành tiết kiệm, chống lãng phí trong cán bộ, đảng viên, công chức, viên chức, người lao động; phát huy tính chủ động, sáng tạo, tự lực tự cường, góp phần thực hiện thắng lợi Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội Đại biểu lần thứ XVII của Đảng bộ Thành phố.",
        "- Tổ chức phong trào thi đua với nội dung, hình thức phong phú, thiết thực, hiệu quả, tạo sức lan tỏa; kịp thời phát hiện, biểu dương, khen thưởng và nhân rộng các điển hình tiên tiến trong đơn vị.",
    ]));
    items.push(h("2. Yêu cầu"));
    items.extend(body_items(&[
        "- Phong trào thi đua được triển khai sâu rộng, đồng bộ, xuyên suốt đến từng bộ phận, từng cán bộ, công chức, viên chức, người lao động của đơn vị; gắn với việc thực hiện nhiệm vụ chính trị, chuyên môn được giao, bảo đảm thiết thực, hiệu quả, tránh hình thức.",
        "- Thường xuyên kiểm tra, giám sát việc thực hiện phong trào thi đua. Kịp thời phát hiện, bồi dưỡng, biểu dương, khen thưởng, nhân rộng các điển hình tiên tiến, người tốt, việc tốt, các mô hình tiêu biểu, những cách làm hay, sáng tạo trong triển khai thực hiện phong trào thi đua.",
    ]));
    items.push(h("II. NỘI DUNG, GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA"));
    items.push(h("1. Đối tượng thi đua"));
    items.extend(body_items(&[
        "a) Tập thể: {{ten_don_vi}}.",
        "b) Cá nhân: {{so_bien_che}} cán bộ, công chức, viên chức, người lao động của {{ten_don_vi}}.",
    ]));
    items.push(h("2. Nội dung Phong trào thi đua"));
    items.push(sub(
        "2.1. Thi đua đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại",
    ));
    items.extend(body_items(&[
        "- Thi đua thực hiện tốt chức năng tham mưu về tài nguyên và môi trường phục vụ công tác giải phóng mặt bằng và hoàn thành sớm, bảo đảm chất lượng các công trình, dự án trọng điểm; các công trình giao thông, hạ tầng kỹ thuật; các công trình an sinh xã hội, bảo vệ môi trường trên địa bàn Thành phố.",
        "- Thi đua nghiên cứu, ứng dụng khoa học kỹ thuật, công nghệ thông tin, chuyển đổi số và phương pháp quản lý hiện đại trong lĩnh vực tài nguyên và môi trường để nâng cao hiệu quả lao động, rút ngắn thời gian giải quyết công việc, tiết kiệm tài nguyên và nguồn nhân lực.",
        "- Thi đua nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức; tích cực tuyên truyền, vận động nhân dân chấp hành tốt việc giải phóng mặt bằng cho các dự án hạ tầng tại địa bàn cư trú.",
    ]));
    items.push(sub("2.2. Thi đua thực hành tiết kiệm, chống lãng phí"));
    items.extend(body_items(&[
        "- Thi đua thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí được giao; mua sắm, quản lý, sử dụng tài sản công đúng mục đích, đối tượng, định mức, tiêu chuẩn, chế độ do cơ quan có thẩm quyền ban hành.",
        "- Thi đua thực hành tiết kiệm, chống lãng phí trong quản lý, khai thác, sử dụng tài nguyên; quản lý, sử dụng hiệu quả thời gian lao động; tiết kiệm điện, nước, văn phòng phẩm, đẩy mạnh sử dụng văn bản điện tử trong chỉ đạo, điều hành.",
    ]));
    items.push(h("3. Tiêu chí thi đua"));
    items.push(sub("3.1. Đối với tập thể"));
    items.push(p(
        r#"{{ten_don_vi}} phấn đấu đạt các tiêu chí thi đua theo Kế hoạch của {{co_quan_ban_hanh}}, chấm theo thang điểm {{sum diem "tieu_chi.diem_toi_da"}}, gồm các tiêu chí về phát triển kết cấu hạ tầng và về thực hành tiết kiệm, chống lãng phí:"#,
    ));
    // One table per group of criteria (`muc` of the criteria sheet: a) infrastructure,
    // b) thrift), each with its own subtotal.
    items.push(tag(r#"{{#each (group diem "tieu_chi.muc")}}"#));
    items.push(sub("{{key}}"));
    items.push(grid(
        "rows",
        &[
            col("STT", 800, "{{stt}}", C),
            col("Nội dung tiêu chí", 6488, "{{tieu_chi.noi_dung}}", L),
            col("Điểm tối đa", 1500, "{{tieu_chi.diem_toi_da}}", C),
        ],
        13,
        &[
            (2, "Cộng", C),
            (1, r#"{{sum rows "tieu_chi.diem_toi_da"}}"#, C),
        ],
    ));
    items.push(Item::p(blank(6)));
    items.push(tag("{{/each}}"));
    items.push(Item::p(
        body_in("3.2. Đối với cá nhân", pt(14).bold().italic())
            .keep_next(true)
            .line_spacing(spacing(240, BODY_AFTER, BODY_LINE)),
    ));
    items.push(p(
        "Gương mẫu thực hiện quản lý, sử dụng tài sản nhà nước được giao đúng mục đích, định mức, tiêu chuẩn, chế độ; hoàn thành tốt nhiệm vụ được giao; có sáng kiến, giải pháp hữu ích được cấp có thẩm quyền công nhận trong việc xây dựng, tổ chức thực hiện cơ chế, chính sách tạo điều kiện thuận lợi cho xây dựng kết cấu hạ tầng và thực hành tiết kiệm, chống lãng phí.",
    ));
    items.push(h("4. Giải pháp thực hiện"));
    items.extend(body_items(&[
        "4.1. Phổ biến, quán triệt Kế hoạch này đến toàn thể cán bộ, công chức, viên chức, người lao động của đơn vị; tuyên truyền chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về xây dựng kết cấu hạ tầng và thực hành tiết kiệm, chống lãng phí, tạo sự đồng thuận trong thực hiện.",
        "4.2. Cụ thể hóa các tiêu chí thi đua thành nhiệm vụ, chỉ tiêu của từng bộ phận, từng cá nhân; gắn kết quả thực hiện phong trào thi đua với việc đánh giá, xếp loại cán bộ, công chức, viên chức hằng năm.",
        "4.3. Thực hiện công khai việc quản lý, sử dụng kinh phí, tài sản công, thời gian lao động; tăng cường tự kiểm tra, kịp thời chấn chỉnh các biểu hiện lãng phí trong đơn vị.",
        "4.4. Phát hiện, động viên, biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu; chú trọng khen thưởng cán bộ, công chức, viên chức, người lao động có đề xuất, sáng kiến, giải pháp trong thực hiện nhiệm vụ.",
    ]));
    items.push(h("III. KHEN THƯỞNG"));
    items.push(h("1. Danh hiệu thi đua, hình thức khen thưởng"));
    items.push(sub("a) Khen thưởng thành tích đột xuất"));
    items.push(p(
        "Trong quá trình thực hiện Phong trào thi đua, {{ten_don_vi}} kịp thời phát hiện, đề nghị {{co_quan_ban_hanh}} khen thưởng các tập thể, cá nhân có thành tích đột xuất theo quy định của pháp luật.",
    ));
    items.push(sub("b) Khen thưởng hằng năm"));
    items.push(p(
        "Trên cơ sở kết quả thực hiện phong trào thi đua, {{ten_don_vi}} bình xét, lựa chọn tập thể, cá nhân tiêu biểu đề nghị Giám đốc Sở công nhận danh hiệu thi đua, tặng Giấy khen theo thẩm quyền; trường hợp đặc biệt xuất sắc đề nghị Sở trình Chủ tịch UBND Thành phố tặng Bằng khen, UBND Thành phố tặng Cờ thi đua.",
    ));
    items.push(sub("c) Khen thưởng sơ kết, tổng kết"));
    items.push(p(
        "Thực hiện theo hướng dẫn của {{co_quan_ban_hanh}} khi sơ kết, tổng kết Phong trào thi đua theo từng giai đoạn.",
    ));
    items.push(h("2. Tiêu chuẩn khen thưởng"));
    items.push(p(
        "Bảo đảm tiêu chuẩn theo quy định của {{luat_thi_dua}}, các văn bản hướng dẫn thi hành và các tiêu chuẩn sau:",
    ));
    items.push(sub("2.1. Đối với tập thể"));
    items.extend(body_items(&[
        "- Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
        "- Cụ thể hóa các mục tiêu, chỉ tiêu phát triển kết cấu hạ tầng và thực hành tiết kiệm, chống lãng phí của đơn vị; tích cực tham gia phong trào thi đua, có sáng kiến, giải pháp cụ thể, triển khai thực hiện có hiệu quả Phong trào thi đua.",
    ]));
    items.push(sub("2.2. Đối với cá nhân"));
    items.extend(body_items(&[
        "- Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; được đánh giá, xếp loại từ mức Hoàn thành tốt nhiệm vụ trở lên.",
        "- Có thành tích xuất sắc và có sáng kiến, giải pháp giúp đơn vị triển khai thực hiện có hiệu quả Phong trào thi đua.",
    ]));
    items.push(h("3. Quy trình thủ tục, hồ sơ khen thưởng"));
    items.push(sub("a) Quy trình thủ tục"));
    items.push(p(&format!(
        "{{{{ten_don_vi}}}} tổ chức họp bình xét, lựa chọn tập thể, cá nhân tiêu biểu, gửi hồ sơ đề nghị về {{{{co_quan_ban_hanh}}}}{QUA} để Hội đồng Thi đua - Khen thưởng Sở xem xét, đề nghị Giám đốc Sở khen thưởng theo thẩm quyền, trình UBND Thành phố khen thưởng các trường hợp đủ tiêu chuẩn.",
    )));
    items.push(sub("b) Hồ sơ đề nghị khen thưởng"));
    items.push(p(&format!(
        r#"Hồ sơ gồm: Tờ trình đề nghị khen thưởng; Biên bản họp bình xét của đơn vị; Báo cáo thành tích của tập thể, cá nhân theo mẫu ban hành kèm theo {{{{nghi_dinh_thi_dua}}}}; gửi về {{{{co_quan_ban_hanh}}}}{QUA} trước ngày {{{{ngay han_nop_ho_so "dd/mm/yyyy"}}}}."#,
    )));
    items.push(h("IV. TIẾN ĐỘ THỰC HIỆN"));
    items.extend(body_items(&[
        "1. Tháng 3 năm {{nam}}: ban hành Kế hoạch; phổ biến, quán triệt đến toàn thể cán bộ, công chức, viên chức, người lao động; tổ chức đăng ký thi đua.",
        "2. Từ tháng 4 đến tháng 10 năm {{nam}}: tổ chức thực hiện các nội dung thi đua; định kỳ kiểm tra, đánh giá, rút kinh nghiệm.",
        "3. Tháng 11 năm {{nam}}: tự chấm điểm theo tiêu chí thi đua, báo cáo kết quả thực hiện Phong trào thi đua về Sở.",
        "4. Tháng 12 năm {{nam}}: bình xét, đề nghị khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    ]));
    items.push(h("V. TỔ CHỨC THỰC HIỆN"));
    items.extend(body_items(&[
        "1. Lãnh đạo {{ten_don_vi}} chỉ đạo chung việc tổ chức thực hiện Kế hoạch; phân công cán bộ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Phong trào thi đua của đơn vị.",
        "2. Các bộ phận, cán bộ, công chức, viên chức, người lao động của đơn vị căn cứ Kế hoạch này đăng ký thi đua và tổ chức thực hiện; tổ Công đoàn, Chi đoàn Thanh niên phối hợp tuyên truyền, vận động đoàn viên tích cực hưởng ứng Phong trào thi đua.",
        &format!(r#"3. Đơn vị tự chấm điểm theo tiêu chí thi đua, báo cáo kết quả thực hiện Phong trào thi đua năm {{{{nam}}}} về {{{{co_quan_ban_hanh}}}}{QUA} trước ngày {{{{ngay han_bao_cao "dd/mm/yyyy"}}}} để tổng hợp, báo cáo Sở Kế hoạch và Đầu tư và UBND Thành phố."#),
        "Trên đây là Kế hoạch thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} của {{ten_don_vi}}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, cá nhân kịp thời phản ánh về lãnh đạo đơn vị để xem xét, điều chỉnh, bổ sung phù hợp./.",
    ]));
    sign_off(
        &mut items,
        unit_signature(&[
            NHAN_SO,
            "- Lãnh đạo đơn vị;",
            "- Các bộ phận thuộc đơn vị (để thực hiện);",
            "- Lưu: VT, {{ky_hieu}}.",
        ]),
    );
    items
}

pub(super) fn bao_cao() -> Vec<Item> {
    let mut items = vec![unit_head(SO_DATE)];
    items.extend(title(
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}",
    ));
    items.push(p(
        "Thực hiện {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố, {{ten_don_vi}} báo cáo kết quả thực hiện phong trào thi đua năm {{nam}} như sau:",
    ));
    items.push(h("I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN"));
    items.extend(body_items(&[
        r#"Ngày {{ngay ngay_ke_hoach "dd/mm/yyyy"}}, {{ten_don_vi}} ban hành Kế hoạch thực hiện phong trào thi đua năm {{nam}}, cụ thể hóa các tiêu chí thi đua của Sở thành nhiệm vụ của từng bộ phận, cá nhân; phổ biến, quán triệt đến toàn thể {{so_bien_che}} cán bộ, công chức, viên chức, người lao động của đơn vị."#,
        "Lãnh đạo đơn vị thường xuyên theo dõi, đôn đốc, kiểm tra việc thực hiện; gắn kết quả thực hiện phong trào thi đua với việc đánh giá, xếp loại cán bộ, công chức, viên chức cuối năm.",
    ]));
    items.push(h("II. KẾT QUẢ THỰC HIỆN"));
    items.push(h("1. Kết quả nổi bật"));
    items.push(p("{{ket_qua_noi_bat}}"));
    items.push(h(
        "2. Kết quả đánh giá, xếp loại và thi đua của cán bộ, công chức, viên chức",
    ));
    items.extend(body_items(&[
        "Tổng số cán bộ, công chức, viên chức, người lao động: {{so_bien_che}} người; kết quả đánh giá, xếp loại năm {{nam}}:",
        r#"- Hoàn thành xuất sắc nhiệm vụ: {{count can_bo "xep_loai" "Hoàn thành xuất sắc nhiệm vụ"}} người;"#,
        r#"- Hoàn thành tốt nhiệm vụ: {{count can_bo "xep_loai" "Hoàn thành tốt nhiệm vụ"}} người;"#,
        r#"- Hoàn thành nhiệm vụ: {{count can_bo "xep_loai" "Hoàn thành nhiệm vụ"}} người;"#,
        r#"- Không hoàn thành nhiệm vụ: {{count can_bo "xep_loai" "Không hoàn thành nhiệm vụ"}} người."#,
        r#"Đạt danh hiệu “Lao động tiên tiến”: {{count can_bo "danh_hieu" "Lao động tiên tiến"}} người; có sáng kiến được công nhận: {{count can_bo "cap_cong_nhan_sang_kien" "Cơ sở" "Thành phố"}} người (cấp cơ sở: {{count can_bo "cap_cong_nhan_sang_kien" "Cơ sở"}}, cấp Thành phố: {{count can_bo "cap_cong_nhan_sang_kien" "Thành phố"}}); bị xử lý kỷ luật: {{count can_bo "ky_luat" "Khiển trách" "Cảnh cáo"}} người."#,
    ]));
    items.push(h("3. Kết quả chấm điểm thi đua"));
    items.push(p(
        "Kết quả tự chấm điểm của đơn vị và điểm thẩm định của Hội đồng Thi đua - Khen thưởng Sở theo tiêu chí thi đua:",
    ));
    items.push(grid(
        "diem",
        &[
            col("STT", 800, "{{stt}}", C),
            col("Tiêu chí", 4288, "{{tieu_chi.noi_dung}}", L),
            col("Điểm tối đa", 1200, "{{tieu_chi.diem_toi_da}}", C),
            col("Tự chấm", 1250, "{{so diem_tu_cham 1}}", C),
            col("Hội đồng", 1250, "{{so diem_hoi_dong 1}}", C),
        ],
        13,
        &[
            (2, "Tổng cộng", C),
            (1, r#"{{sum diem "tieu_chi.diem_toi_da"}}"#, C),
            (1, "{{so tong_tu_cham 1}}", C),
            (1, "{{so tong_diem 1}}", C),
        ],
    ));
    items.push(p_after_table(
        "Tổng điểm do Hội đồng Thi đua - Khen thưởng Sở thẩm định: {{so tong_diem 1}} điểm, xếp thứ {{xep_hang}} trong các Phòng, đơn vị thuộc Sở.",
    ));
    items.push(h("III. TỒN TẠI, HẠN CHẾ"));
    items.push(p("{{ton_tai_han_che}}"));
    items.push(h("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
    items.push(p("{{phuong_huong}}"));
    items.push(h("V. ĐỀ XUẤT, KIẾN NGHỊ"));
    items.extend(body_items(&[
        "{{kien_nghi}}",
        "Trên đây là báo cáo kết quả thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} của {{ten_don_vi}}./.",
    ]));
    sign_off(
        &mut items,
        unit_signature(&[NHAN_SO, "- Lãnh đạo đơn vị;", "- Lưu: VT, {{ky_hieu}}."]),
    );
    items
}

pub(super) fn to_trinh() -> Vec<Item> {
    let mut items = vec![unit_head(SO_DATE)];
    items.extend(title("TỜ TRÌNH", "Đề nghị khen thưởng năm {{nam}}"));
    items.push(Item::p(centered(
        "Kính gửi: {{chuc_danh_tham_quyen}}.",
        pt(14),
        0,
        240,
    )));
    for line in [
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Căn cứ {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố;",
        "Căn cứ kết quả thực hiện nhiệm vụ năm {{nam}} và kết quả bình xét thi đua của đơn vị,",
    ] {
        items.push(italic(line));
    }
    items.push(p(
        r#"{{ten_don_vi}} kính trình {{chuc_danh_tham_quyen}} xem xét, khen thưởng theo thẩm quyền{{#if (or (gt (count de_nghi_ca_nhan "cap_quyet_dinh" "Thành phố") 0) (gt (count de_nghi_tap_the "cap_quyet_dinh" "Thành phố") 0))}} và trình UBND Thành phố khen thưởng{{/if}} cho {{count de_nghi_ca_nhan}} cá nhân{{#if de_nghi_tap_the}} và {{count de_nghi_tap_the}} tập thể{{/if}} đã có thành tích xuất sắc trong thực hiện phong trào thi đua năm {{nam}}, cụ thể như sau:"#,
    ));
    items.push(h("1. Cá nhân"));
    items.extend(table_or(
        "de_nghi_ca_nhan",
        grid(
            "de_nghi_ca_nhan",
            &[
                col("STT", 750, "{{stt}}", C),
                col("Họ và tên", 1900, "{{can_bo.ho_va_ten}}", L),
                col("Chức vụ", 1500, "{{can_bo.chuc_vu}}", L),
                col("Hình thức đề nghị", 1500, "{{hinh_thuc_de_nghi}}", L),
                col("Thành tích", 3138, "{{hoa_dau thanh_tich}}", L),
            ],
            12,
            &[],
        ),
        "Đơn vị không đề nghị khen thưởng cá nhân.",
    ));
    items.push(tag("{{#if de_nghi_tap_the}}"));
    items.push(h_after_table("2. Tập thể"));
    items.push(grid(
        "de_nghi_tap_the",
        &[
            col("STT", 750, "{{stt}}", C),
            col("Tập thể", 2550, "{{ten_don_vi}}", L),
            col("Hình thức đề nghị", 1900, "{{hinh_thuc_de_nghi}}", L),
            col("Thành tích", 3588, "{{hoa_dau thanh_tich}}", L),
        ],
        12,
        &[],
    ));
    items.push(tag("{{/if}}"));
    items.push(Item::p(
        body_in("(Có hồ sơ đề nghị khen thưởng kèm theo)", pt(14).italic())
            .line_spacing(spacing(120, BODY_AFTER, BODY_LINE)),
    ));
    items.push(p(
        "Kính trình {{chuc_danh_tham_quyen}} xem xét, quyết định./.",
    ));
    sign_off(
        &mut items,
        unit_signature(&[
            "- Như trên;",
            "{{#unless (eq ten_don_vi don_vi_thuong_truc)}}",
            "- {{don_vi_thuong_truc}} (Thường trực Hội đồng TĐ-KT);",
            "{{/unless}}",
            "- Lưu: VT, {{ky_hieu}}.",
        ]),
    );
    items
}
