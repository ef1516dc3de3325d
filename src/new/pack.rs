//! The Hà Nội pack: the twelve templates of `templates/`, built from the starters' blocks
//! and written out in full for the Sở Tài nguyên và Môi trường Hà Nội and its units (the data
//! each one sees: /work/pack-spec.md).
//!
//! ```text
//! stem -> items (header, title, body, grid tables, signature) -> letter / certificate /
//!      -> positioned frames (phôi) -> header rows marked -> tidy::pack -> .docx bytes
//! ```
//!
//! `templates/<stem>.docx` is exactly `template(stem)`: a test holds them equal, and
//! `cargo test --lib new::pack::tests::write_pack -- --ignored` writes them.

use docx_rs::{
    AlignmentType, Docx, HeightRule, Paragraph, TableCell, TableCellMargins, TableRow, VAlignType,
};

use super::{
    CAN_CU_LUAT, CAN_CU_NGHI_DINH, CELL_PAD, CERTIFICATE_SECTION, Certificate, Font, Head,
    HeadLayout, Item, TEXT_WIDTH, awards_table_with, blank, body, body_in, body_items, cell,
    centered, certificate, grid_borders, header_with, heading, landscape, lead, left, letter, para,
    pt, rule, sign_off, signature, signature_by, spacing, table, tidy, title, two_signatures,
    with_defaults,
};

/// The file stems of the pack, in the order of the spec.
pub const PACK: &[&str] = &[
    "ke-hoach",
    "bao-cao",
    "bao-cao-so",
    "cong-van-don-doc",
    "to-trinh",
    "to-trinh-so",
    "bien-ban",
    "bao-cao-thanh-tich-ca-nhan",
    "bao-cao-thanh-tich-tap-the",
    "quyet-dinh-giay-khen",
    "giay-khen",
    "giay-khen-phoi",
];

/// The .docx bytes of the pack's template `stem`.
pub fn template(stem: &str) -> Result<Vec<u8>, String> {
    let (docx, section): (Docx, &'static [&'static str]) = match stem {
        "ke-hoach" => (letter(ke_hoach()), &[]),
        "bao-cao" => (letter(bao_cao()), &[]),
        "bao-cao-so" => (letter(bao_cao_so()), &[]),
        "cong-van-don-doc" => (letter(cong_van_don_doc()), &[]),
        "to-trinh" => (letter(to_trinh()), &[]),
        "to-trinh-so" => (letter(to_trinh_so()), &[]),
        "bien-ban" => (letter(bien_ban()), &[]),
        "bao-cao-thanh-tich-ca-nhan" => (letter(thanh_tich_ca_nhan()), &[]),
        "bao-cao-thanh-tich-tap-the" => (letter(thanh_tich_tap_the()), &[]),
        "quyet-dinh-giay-khen" => (letter(quyet_dinh_giay_khen()), &[]),
        "giay-khen" => (giay_khen(), CERTIFICATE_SECTION),
        "giay-khen-phoi" => (giay_khen_phoi(), &[]),
        _ => return Err(format!("no template '{stem}' in the pack")),
    };
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    tidy::pack(xml, tidy::Extras { section })
        .map_err(|e| format!("cannot write the template '{stem}': {e}"))
}

// ---------------------------------------------------------------------------------------
// Blocks of the pack

/// The height (twips) that marks a grid table's header row: at least 8 mm, and repeated at
/// the top of every page the table runs onto (`w:tblHeader`, which docx-rs cannot write).
const HEADER_ROW: u32 = 454;

/// Adds `w:tblHeader` to the rows [`grid`] marked with their [`HEADER_ROW`] height.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mark = format!(r#"<w:trHeight w:val="{HEADER_ROW}" w:hRule="atLeast" />"#);
    xml.replace(&mark, &format!("{mark}<w:tblHeader />"))
        .into_bytes()
}

/// The pack's header: agency lines and Quốc hiệu in 12 pt, Tiêu ngữ in 13 pt (the decree
/// allows 12-13 and 13-14), so `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG` (71 mm in bold 12 pt) stands on
/// one line over the Department's documents and the units', and `CỘNG HÒA XÃ HỘI CHỦ NGHĨA
/// VIỆT NAM` (88 mm) on one line beside it; 171 mm wide, centred on the text.
const HEAD: HeadLayout = HeadLayout {
    left: 4400,
    right: 5300,
    agency_pt: 12,
    quoc_hieu_pt: 12,
    tieu_ngu_pt: 13,
    // `Độc lập - Tự do - Hạnh phúc` in bold 13 pt: 159 pt
    motto_rule: 3190,
};

/// The unit's own documents: the Department over the unit, the unit's number and a date.
fn unit_head(date: &'static str) -> Item {
    Item::t(header_with(Head {
        parent: "{{hoa co_quan_ban_hanh}}",
        agency: "{{hoa ten_don_vi}}",
        number: Some("Số: {{so_ky_hieu}}"),
        vv: None,
        date: Some(date),
        layout: HEAD,
    }))
}

/// The Department's documents: the city over the Department.
fn so_head(
    number: Option<&'static str>,
    vv: Option<&'static str>,
    date: Option<&'static str>,
) -> Item {
    Item::t(header_with(Head {
        parent: "{{hoa co_quan_chu_quan}}",
        agency: "{{hoa co_quan_ban_hanh}}",
        number,
        vv,
        date,
        layout: HEAD,
    }))
}

const SO_DATE: &str = "{{dia_danh}}, {{ngay_thang ngay_ky}}";

/// The unit head's signature, with the Nơi nhận.
fn unit_signature(noi_nhan: &[&str]) -> Item {
    signature_by(noi_nhan, &["{{hoa chuc_vu_thu_truong}}"], "{{thu_truong}}")
}

/// A sub-heading (`2.1. Thi đua ...`, `a) Tập thể:`): bold italic, kept with the next line.
fn sub(text: &str) -> Item {
    Item::p(body_in(text, pt(14).bold().italic()).keep_next(true))
}

fn h(text: &str) -> Item {
    Item::p(heading(text))
}

/// A heading that follows a table: 12 pt above it.
fn h_after_table(text: &str) -> Item {
    Item::p(heading(text).line_spacing(spacing(240, super::BODY_AFTER, super::BODY_LINE)))
}

fn p(text: &str) -> Item {
    Item::p(body(text))
}

/// A body paragraph that follows a table: 6 pt above it.
fn p_after_table(text: &str) -> Item {
    Item::p(body(text).line_spacing(spacing(200, super::BODY_AFTER, super::BODY_LINE)))
}

fn italic(text: &str) -> Item {
    Item::p(body_in(text, pt(14).italic()))
}

/// A block tag alone in its paragraph (`{{#each ...}}`, `{{/if}}`): the paragraph vanishes
/// when the document is rendered.
fn tag(text: &str) -> Item {
    Item::p(body(text).keep_next(true))
}

/// One column of a grid table: its heading, width, the text of its cell in the repeated row
/// (tags and text) and the alignment of that text.
#[derive(Debug, Clone, Copy)]
struct Col<'a> {
    head: &'a str,
    width: usize,
    value: &'a str,
    align: AlignmentType,
}

const fn col<'a>(head: &'a str, width: usize, value: &'a str, align: AlignmentType) -> Col<'a> {
    Col {
        head,
        width,
        value,
        align,
    }
}

const C: AlignmentType = AlignmentType::Center;
const L: AlignmentType = AlignmentType::Left;

/// A cell of a grid table: its lines at `font`, 2 pt above and below, centred vertically.
fn grid_cell(width: usize, text: &str, font: Font, align: AlignmentType) -> TableCell {
    cell(
        width,
        vec![
            para(text, font)
                .align(align)
                .line_spacing(spacing(40, 40, super::SINGLE)),
        ],
    )
    .vertical_align(VAlignType::Center)
}

/// A bordered table over the text's width: a header row (repeated on every page) and one row
/// repeated by the engine for each item of `list` (`{{#each list}}` opens in the first cell,
/// `{{/each}}` closes in the last), then the `total` row if any (cells: span, text, align).
fn grid(list: &str, cols: &[Col], size: usize, total: &[(usize, &str, AlignmentType)]) -> Item {
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    debug_assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH, "{list}");
    let head = TableRow::new(
        cols.iter()
            .map(|c| grid_cell(c.width, c.head, pt(size).bold(), C))
            .collect(),
    )
    .row_height(HEADER_ROW as f32)
    .height_rule(HeightRule::AtLeast)
    .cant_split();
    let last = cols.len() - 1;
    let row = TableRow::new(
        cols.iter()
            .enumerate()
            .map(|(i, c)| {
                let mut text = c.value.to_string();
                if i == 0 {
                    text = format!("{{{{#each {list}}}}}{text}");
                }
                if i == last {
                    text.push_str("{{/each}}");
                }
                grid_cell(c.width, &text, pt(size), c.align)
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head, row];
    if !total.is_empty() {
        let mut at = 0;
        let cells = total
            .iter()
            .map(|&(span, text, align)| {
                let width = widths[at..at + span].iter().sum();
                at += span;
                let c = grid_cell(width, text, pt(size).bold(), align);
                if span > 1 { c.grid_span(span) } else { c }
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    let narrow = size < 13;
    let mut t = table(&widths, rows, grid_borders());
    if narrow {
        // dense tables: 1 mm padding, so short headings (`Ngưỡng`) keep to one line
        t = t.margins(TableCellMargins::new().margin(0, 57, 0, 57));
    } else {
        t = t.margins(TableCellMargins::new().margin(0, CELL_PAD, 0, CELL_PAD));
    }
    Item::t(t)
}

/// `III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG` of an achievement report: the titles and the
/// awards of the history rows `history` (`can_bo.lich_su`, `don_vi.lich_su`), one table each.
fn awards_from(history: &str) -> Vec<Item> {
    let decision = r#"Số {{so_quyet_dinh}} ngày {{ngay ngay_quyet_dinh "dd/mm/yyyy"}} của {{co_quan_ban_hanh}}"#;
    vec![
        h("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
        h("1. Danh hiệu thi đua"),
        awards_table_with(
            &format!(r#"{{{{#each (where {history} "loai" "Danh hiệu thi đua")}}}}"#),
            "Danh hiệu thi đua",
            "{{noi_dung}}",
            "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định",
            decision,
        ),
        h_after_table("2. Hình thức khen thưởng"),
        awards_table_with(
            &format!(r#"{{{{#each (where {history} "loai" "Hình thức khen thưởng")}}}}"#),
            "Hình thức khen thưởng",
            "{{noi_dung}}",
            "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
            decision,
        ),
        Item::p(blank(14)),
    ]
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
    items.push(Item::p(rule(super::TITLE_RULE, TEXT_WIDTH, 240)));
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
                    super::SINGLE,
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

// ---------------------------------------------------------------------------------------
// The unit's documents

fn ke_hoach() -> Vec<Item> {
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
    items.push(grid(
        "diem",
        &[
            col("STT", 800, "{{stt}}", C),
            col("Nội dung tiêu chí", 6488, "{{tieu_chi.noi_dung}}", L),
            col("Điểm tối đa", 1500, "{{tieu_chi.diem_toi_da}}", C),
        ],
        13,
        &[
            (2, "Tổng cộng", C),
            (1, r#"{{sum diem "tieu_chi.diem_toi_da"}}"#, C),
        ],
    ));
    items.push(Item::p(
        body_in("3.2. Đối với cá nhân", pt(14).bold().italic())
            .keep_next(true)
            .line_spacing(spacing(240, super::BODY_AFTER, super::BODY_LINE)),
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
    items.push(p(
        "Căn cứ kết quả thực hiện phong trào thi đua, {{ten_don_vi}} bình xét, lựa chọn tập thể, cá nhân tiêu biểu đề nghị Giám đốc Sở công nhận danh hiệu thi đua, tặng Giấy khen theo thẩm quyền; trường hợp đặc biệt xuất sắc đề nghị Sở trình Chủ tịch UBND Thành phố tặng Bằng khen, UBND Thành phố tặng Cờ thi đua.",
    ));
    items.push(h("2. Tiêu chuẩn khen thưởng"));
    items.push(p(
        "Thực hiện theo quy định của Luật Thi đua, khen thưởng, các văn bản hướng dẫn thi hành và các tiêu chuẩn tại Mục III Kế hoạch của Sở; cá nhân được đề nghị khen thưởng phải được đánh giá, xếp loại từ mức Hoàn thành tốt nhiệm vụ trở lên và có sáng kiến, giải pháp giúp đơn vị triển khai có hiệu quả Phong trào thi đua.",
    ));
    items.push(h("3. Hồ sơ đề nghị khen thưởng"));
    items.push(p(
        r#"Hồ sơ gồm: Tờ trình đề nghị khen thưởng; Biên bản họp bình xét của đơn vị; Báo cáo thành tích của tập thể, cá nhân theo mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ; gửi về {{co_quan_ban_hanh}} (qua {{don_vi_thuong_truc}}) trước ngày {{ngay han_nop_ho_so "dd/mm/yyyy"}}."#,
    ));
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
        r#"3. Đơn vị tự chấm điểm theo tiêu chí thi đua, báo cáo kết quả thực hiện Phong trào thi đua năm {{nam}} về {{co_quan_ban_hanh}} (qua {{don_vi_thuong_truc}}) trước ngày {{ngay han_bao_cao "dd/mm/yyyy"}} để tổng hợp, báo cáo Sở Kế hoạch và Đầu tư và UBND Thành phố."#,
        "Trên đây là Kế hoạch thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}} của {{ten_don_vi}}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, cá nhân kịp thời phản ánh về lãnh đạo đơn vị để xem xét, điều chỉnh, bổ sung phù hợp./.",
    ]));
    sign_off(
        &mut items,
        unit_signature(&[
            "- Sở Tài nguyên và Môi trường (qua Văn phòng Sở);",
            "- Lãnh đạo đơn vị;",
            "- Các bộ phận thuộc đơn vị (để thực hiện);",
            "- Lưu: VT, {{ky_hieu}}.",
        ]),
    );
    items
}

fn bao_cao() -> Vec<Item> {
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
        unit_signature(&[
            "- Sở Tài nguyên và Môi trường (qua Văn phòng Sở);",
            "- Lãnh đạo đơn vị;",
            "- Lưu: VT, {{ky_hieu}}.",
        ]),
    );
    items
}

fn to_trinh() -> Vec<Item> {
    let mut items = vec![unit_head(SO_DATE)];
    items.extend(title("TỜ TRÌNH", "Đề nghị khen thưởng năm {{nam}}"));
    items.push(Item::p(centered(
        "Kính gửi: {{chuc_danh_tham_quyen}}.",
        pt(14),
        0,
        240,
    )));
    items.extend(body_items(&[
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Thực hiện {{ke_hoach_so}} về tổ chức thực hiện phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố;",
        "Căn cứ kết quả thực hiện nhiệm vụ năm {{nam}} và kết quả bình xét thi đua của đơn vị,",
        "{{ten_don_vi}} kính trình {{chuc_danh_tham_quyen}} xem xét, khen thưởng (hoặc trình cấp trên khen thưởng) cho {{count de_nghi_ca_nhan}} cá nhân{{#if de_nghi_tap_the}} và {{count de_nghi_tap_the}} tập thể{{/if}} đã có thành tích xuất sắc trong thực hiện phong trào thi đua năm {{nam}}, cụ thể như sau:",
    ]));
    items.push(h("1. Cá nhân"));
    items.push(grid(
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
        body_in("(Có hồ sơ đề nghị khen thưởng kèm theo)", pt(14).italic()).line_spacing(spacing(
            120,
            super::BODY_AFTER,
            super::BODY_LINE,
        )),
    ));
    items.push(p(
        "Kính trình {{chuc_danh_tham_quyen}} xem xét, quyết định./.",
    ));
    sign_off(
        &mut items,
        unit_signature(&[
            "- Như trên;",
            "- Văn phòng Sở (Thường trực Hội đồng TĐ-KT);",
            "- Lưu: VT, {{ky_hieu}}.",
        ]),
    );
    items
}

// ---------------------------------------------------------------------------------------
// The Department's documents

fn bao_cao_so() -> Vec<Item> {
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
            col("Điểm tự chấm", 1300, "{{so tong_tu_cham 1}}", C),
            col("Điểm Hội đồng", 1300, "{{so tong_diem 1}}", C),
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

fn cong_van_don_doc() -> Vec<Item> {
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

/// The nominations of `list` decided by the city that passed the Council's vote.
fn city_passed(list: &str) -> String {
    format!(r#"(where (where {list} "cap_quyet_dinh" "Thành phố") "bieu_quyet.dat" true)"#)
}

fn to_trinh_so() -> Vec<Item> {
    let mut items = vec![so_head(Some("Số: {{so_ky_hieu}}"), None, Some(SO_DATE))];
    items.extend(title(
        "TỜ TRÌNH",
        "Đề nghị tặng Bằng khen, Cờ thi đua năm {{nam}}",
    ));
    items.extend(kinh_gui(&[
        "- Ủy ban nhân dân thành phố Hà Nội;",
        "- Ban Thi đua - Khen thưởng Thành phố (qua Sở Kế hoạch và Đầu tư).",
    ]));
    items.extend(body_items(&[
        CAN_CU_LUAT,
        CAN_CU_NGHI_DINH,
        "Thực hiện Kế hoạch số 16/KH-UBND ngày 11/01/2023 của UBND Thành phố về tổ chức phong trào thi đua “{{ten_phong_trao}}” trên địa bàn Thành phố;",
        r#"Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Sở ngày {{ngay ngay_hop "dd/mm/yyyy"}},"#,
        "{{co_quan_ban_hanh}} kính trình UBND Thành phố xem xét, tặng Bằng khen của Chủ tịch UBND Thành phố, Cờ thi đua của UBND Thành phố cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}, cụ thể như sau:",
    ]));
    items.push(h("I. CÁ NHÂN"));
    items.push(tag(&format!(
        r#"{{{{#each (group {} "hinh_thuc_de_nghi")}}}}"#,
        city_passed("de_nghi_ca_nhan")
    )));
    items.push(sub("{{stt}}. {{key}}: {{count}} cá nhân"));
    items.push(grid(
        "rows",
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
        &[],
    ));
    items.push(Item::p(blank(6)));
    items.push(tag("{{/each}}"));
    items.push(h_after_table("II. TẬP THỂ"));
    items.push(tag(&format!(
        r#"{{{{#each (group {} "hinh_thuc_de_nghi")}}}}"#,
        city_passed("de_nghi_tap_the")
    )));
    items.push(sub("{{stt}}. {{key}}: {{count}} tập thể"));
    items.push(grid(
        "rows",
        &[
            col("STT", 750, "{{stt}}", C),
            col("Tên tập thể", 2950, "{{ten_don_vi}}", L),
            col("Thành tích", 5088, "{{hoa_dau thanh_tich}}", L),
        ],
        12,
        &[],
    ));
    items.push(Item::p(blank(6)));
    items.push(tag("{{/each}}"));
    items.push(Item::p(
        body_in("(Có hồ sơ đề nghị khen thưởng kèm theo)", pt(14).italic()).line_spacing(spacing(
            120,
            super::BODY_AFTER,
            super::BODY_LINE,
        )),
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

fn bien_ban() -> Vec<Item> {
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
        "2. Hội đồng thảo luận, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng, Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ và {{ke_hoach_so}}; biểu quyết bằng phiếu kín. Tỷ lệ phiếu đồng ý tính trên tổng số {{hoi_dong_thanh_vien}} thành viên Hội đồng và phải đạt ngưỡng quy định cho từng hình thức.",
        "3. Kết quả biểu quyết:",
    ]));
    items.push(sub("a) Cá nhân"));
    let votes = [
        col("Đồng ý", 800, "{{bieu_quyet.dong_y}}", C),
        col("Không đồng ý", 760, "{{bieu_quyet.khong_dong_y}}", C),
        col("Tỷ lệ", 920, "{{so bieu_quyet.ty_le 2}}%", C),
        col("Ngưỡng", 880, "{{bieu_quyet.nguong}}", C),
        col("Kết quả", 1050, "{{bieu_quyet.ket_qua}}", C),
    ];
    let mut people = vec![
        col("STT", 560, "{{stt}}", C),
        col("Họ và tên", 1300, "{{can_bo.ho_va_ten}}", L),
        col("Đơn vị", 1318, "{{don_vi.ten_don_vi}}", L),
        col("Hình thức đề nghị", 1200, "{{hinh_thuc_de_nghi}}", L),
    ];
    people.extend(votes);
    items.push(grid("de_nghi_ca_nhan", &people, 11, &[]));
    items.push(Item::p(
        body_in("b) Tập thể", pt(14).bold().italic())
            .keep_next(true)
            .line_spacing(spacing(240, super::BODY_AFTER, super::BODY_LINE)),
    ));
    let mut groups = vec![
        col("STT", 560, "{{stt}}", C),
        col("Tập thể", 2418, "{{ten_don_vi}}", L),
        col("Hình thức đề nghị", 1400, "{{hinh_thuc_de_nghi}}", L),
    ];
    groups.extend(votes);
    items.push(grid("de_nghi_tap_the", &groups, 11, &[]));
    items.extend([
        p_after_table(
            r#"Tổng hợp: {{count de_nghi_ca_nhan "bieu_quyet.dat" true}}/{{count de_nghi_ca_nhan}} cá nhân và {{count de_nghi_tap_the "bieu_quyet.dat" true}}/{{count de_nghi_tap_the}} tập thể đạt tỷ lệ phiếu đồng ý theo quy định."#,
        ),
        p(
            r#"4. Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen, công nhận danh hiệu thi đua cho {{count (where de_nghi_ca_nhan "cap_quyet_dinh" "Sở") "bieu_quyet.dat" true}} cá nhân và {{count (where de_nghi_tap_the "cap_quyet_dinh" "Sở") "bieu_quyet.dat" true}} tập thể; trình UBND Thành phố tặng Bằng khen, Cờ thi đua cho {{count (where de_nghi_ca_nhan "cap_quyet_dinh" "Thành phố") "bieu_quyet.dat" true}} cá nhân và {{count (where de_nghi_tap_the "cap_quyet_dinh" "Thành phố") "bieu_quyet.dat" true}} tập thể."#,
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
        left("Nơi nhận:", pt(12).bold().italic()).line_spacing(spacing(240, 0, super::SINGLE)),
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

fn quyet_dinh_giay_khen() -> Vec<Item> {
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
        r#"Tặng Giấy khen của {{chuc_danh_tham_quyen}} cho {{count (where de_nghi_tap_the "hinh_thuc_de_nghi" "Giấy khen") "bieu_quyet.dat" true}} tập thể và {{count (where de_nghi_ca_nhan "hinh_thuc_de_nghi" "Giấy khen") "bieu_quyet.dat" true}} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong thực hiện phong trào thi đua “{{ten_phong_trao}}” năm {{nam}}."#,
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
    items.push(Item::p(rule(super::TITLE_RULE, TEXT_WIDTH, 240)));
    items.push(h("I. TẬP THỂ"));
    items.push(grid(
        r#"(where (where de_nghi_tap_the "hinh_thuc_de_nghi" "Giấy khen") "bieu_quyet.dat" true)"#,
        &[
            col("STT", 900, "{{stt}}", C),
            col("Tên tập thể", 7888, "{{ten_don_vi}}", L),
        ],
        13,
        &[],
    ));
    items.push(h_after_table("II. CÁ NHÂN"));
    items.push(grid(
        r#"(where (where de_nghi_ca_nhan "hinh_thuc_de_nghi" "Giấy khen") "bieu_quyet.dat" true)"#,
        &[
            col("STT", 800, "{{stt}}", C),
            col("Họ và tên", 2600, "{{can_bo.ho_va_ten}}", L),
            col("Chức vụ", 2200, "{{can_bo.chuc_vu}}", L),
            col("Đơn vị", 3188, "{{don_vi.ten_don_vi}}", L),
        ],
        13,
        &[],
    ));
    items.push(Item::p(centered(
        "Danh sách này có {{count (where de_nghi_tap_the \"hinh_thuc_de_nghi\" \"Giấy khen\") \"bieu_quyet.dat\" true}} tập thể và {{count (where de_nghi_ca_nhan \"hinh_thuc_de_nghi\" \"Giấy khen\") \"bieu_quyet.dat\" true}} cá nhân./.",
        pt(14).italic(),
        240,
        0,
    )));
    items
}

// ---------------------------------------------------------------------------------------
// Achievement reports

/// The unit over which an achievement report is made: the Department over the unit.
fn report_head() -> Item {
    Item::t(header_with(Head {
        parent: "{{hoa co_quan_ban_hanh}}",
        agency: "{{hoa don_vi.ten_don_vi}}",
        number: None,
        vv: None,
        date: Some(SO_DATE),
        layout: HEAD,
    }))
}

fn thanh_tich_ca_nhan() -> Vec<Item> {
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
        "Sáng kiến: “{{can_bo.sang_kien}}”, được công nhận cấp {{can_bo.cap_cong_nhan_sang_kien}}.",
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

fn thanh_tich_tap_the() -> Vec<Item> {
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
    sign_off(
        &mut items,
        two_signatures(
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
        ),
    );
    items
}

// ---------------------------------------------------------------------------------------
// Certificates

/// The signer's lines on a certificate: `KT. GIÁM ĐỐC` (when given), `PHÓ GIÁM ĐỐC`.
const CERTIFICATE_SIGNER: &[&str] = &[
    "{{#if quyen_han}}",
    "{{hoa quyen_han}}",
    "{{/if}}",
    "{{hoa chuc_vu_ky}}",
];

fn giay_khen() -> Docx {
    certificate(Certificate {
        awardee: "{{nguoi_nhan}}",
        unit: "{{noi_cong_tac}}",
        decision: "Quyết định số {{so_quyet_dinh}}",
        date: "{{dia_danh}}, {{ngay_thang ngay_quyet_dinh}}",
        titles: CERTIFICATE_SIGNER,
    })
}

/// mm to twips.
const fn mm(mm: u32) -> u32 {
    mm * 567 / 10
}

/// A paragraph in a frame anchored to the page: `x` from the left edge (centred on the page
/// when `None`), `y` from the top edge, `width` fixed, the height growing with the text.
fn framed(p: Paragraph, x: Option<u32>, y: u32, width: u32) -> Paragraph {
    let p = p
        .wrap("around")
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("auto")
        .frame_y(y as i32)
        .frame_width(width);
    match x {
        Some(x) => p.frame_x(x as i32),
        None => p.x_align("center"),
    }
}

/// Giấy khen on the office's pre-printed blanks (phôi), landscape A4: no Quốc hiệu, title or
/// border. The fields stand in three frames anchored to the page where a typical blank leaves
/// room: the awardee, their unit and the achievement; the decision's number; the date and the
/// signature. Consecutive paragraphs with the same frame properties make one frame in Word and
/// LibreOffice, so a long name or achievement wraps and pushes the lines under it down inside
/// its frame instead of running into them. A user drags a frame in Word to fit their blank.
fn giay_khen_phoi() -> Docx {
    let line = |text: &str, font: Font, after: u32| {
        para(text, font)
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, after, super::SINGLE))
    };
    let body = |p: Paragraph| framed(p, None, mm(80), mm(240));
    let left = |p: Paragraph| framed(p, Some(mm(30)), mm(166), mm(100));
    let right = |p: Paragraph| framed(p, Some(mm(155)), mm(152), mm(115));
    let mut frames = vec![
        body(line("{{nguoi_nhan}}", pt(22).bold(), 160)),
        body(line("{{noi_cong_tac}}", pt(16), 160)),
        body(
            line("Đã có thành tích {{thanh_tich}}", pt(16), 0)
                .line_spacing(spacing(0, 0, super::BODY_LINE))
                .indent(Some(mm(10) as i32), None, Some(mm(10) as i32), None),
        ),
        left(line("Quyết định số {{so_quyet_dinh}}", pt(13), 120)),
        left(line("Số vào sổ: {{so_vao_so}}", pt(13), 0)),
        right(line(
            "{{dia_danh}}, {{ngay_thang ngay_quyet_dinh}}",
            pt(14).italic(),
            0,
        )),
    ];
    frames.extend(
        CERTIFICATE_SIGNER
            .iter()
            .map(|t| right(line(t, pt(14).bold(), 0))),
    );
    // Room to sign and stamp, then the signer's name.
    frames.push(right(
        line("{{nguoi_ky}}", pt(14).bold(), 0).line_spacing(spacing(1560, 0, super::SINGLE)),
    ));
    let docx = with_defaults(landscape(1134));
    frames
        .into_iter()
        .fold(docx, |d, p| d.add_paragraph(p))
        .add_paragraph(blank(14))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::Package;
    use crate::template::{CompileOptions, Template};
    use crate::testkit::{entry_text, paragraphs, table_rows};
    use handlebars::Context;
    use serde_json::{Map, Value, json};
    use unicode_normalization::UnicodeNormalization;

    // -----------------------------------------------------------------------------------
    // Sample data, shaped as the manifest builds it (pack-spec.md: "What each template sees")

    fn globals() -> Map<String, Value> {
        let Value::Object(g) = json!({
            "nam": 2025,
            "nam_truoc": 2024,
            "co_quan_chu_quan": "UBND thành phố Hà Nội",
            "co_quan_ban_hanh": "Sở Tài nguyên và Môi trường",
            "dia_danh": "Hà Nội",
            "ngay_ky": "20/11/2025",
            "nguoi_ky": "Mai Trọng Thái",
            "chuc_vu_ky": "Phó Giám đốc",
            "quyen_han": "KT. Giám đốc",
            "giam_doc": "Nguyễn Huy Cường",
            "ten_phong_trao": "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
            "ke_hoach_so": "Kế hoạch số 45/KH-STNMT ngày 15/02/2023 của Sở Tài nguyên và Môi trường",
            "han_bao_cao": "15/11/2025",
            "han_nop_ho_so": "28/11/2025",
            "hoi_dong_thanh_vien": 11,
            "don_vi_thuong_truc": "Văn phòng Sở",
            "today": "20/11/2025",
            "chuc_danh_tham_quyen": "Giám đốc Sở Tài nguyên và Môi trường",
            "so_quyet_dinh": "125/QĐ-STNMT",
            "ngay_quyet_dinh": "15/12/2025",
            "so": "05",
            "so_ky_hieu": "05/KH-QHKHSDĐ",
        }) else {
            unreachable!()
        };
        g
    }

    fn with_globals(row: Value) -> Value {
        let Value::Object(mut row) = row else {
            unreachable!()
        };
        for (k, v) in globals() {
            row.entry(k).or_insert(v);
        }
        Value::Object(row)
    }

    const CRITERIA: &[(&str, &str, u32)] = &[
        (
            "a",
            "Triển khai tốt cơ chế, chính sách, quy hoạch; nâng cao hiệu lực quản lý nhà nước về đầu tư kết cấu hạ tầng",
            8,
        ),
        (
            "a",
            "Hoàn thành đúng và vượt tiến độ nhiệm vụ được giao phục vụ các dự án hạ tầng trọng điểm",
            8,
        ),
        (
            "a",
            "Đẩy mạnh cải cách thủ tục hành chính; công khai, minh bạch thông tin",
            7,
        ),
        (
            "a",
            "Ứng dụng công nghệ số, phương pháp quản lý hiện đại trong quản lý công trình",
            7,
        ),
        (
            "a",
            "Đào tạo, phát triển nguồn nhân lực đáp ứng yêu cầu chuyển đổi số",
            6,
        ),
        (
            "a",
            "Huy động, phân bổ nguồn lực có trọng tâm; giải ngân vốn đầu tư công được giao",
            7,
        ),
        (
            "a",
            "Tuyên truyền, vận động và giám sát trong đầu tư phát triển kết cấu hạ tầng",
            7,
        ),
        (
            "b",
            "Ban hành Chương trình thực hành tiết kiệm, chống lãng phí hằng năm có chỉ tiêu cụ thể",
            8,
        ),
        (
            "b",
            "Ban hành kịp thời định mức kinh tế - kỹ thuật, tiêu chuẩn, chế độ thuộc thẩm quyền",
            7,
        ),
        (
            "b",
            "Giảm tỷ trọng chi thường xuyên trong tổng chi ngân sách được giao",
            7,
        ),
        (
            "b",
            "Đổi mới cơ chế quản lý kinh phí khoa học; nâng cao hiệu quả đơn vị sự nghiệp",
            7,
        ),
        (
            "b",
            "Quản lý, sử dụng tài sản công đúng mục đích, tiêu chuẩn, định mức",
            7,
        ),
        (
            "b",
            "Quản lý chặt chẽ, khai thác hiệu quả nguồn lực từ tài nguyên; quan trắc tự động",
            7,
        ),
        (
            "b",
            "Cải cách thủ tục hành chính lĩnh vực đất đai, môi trường, khoáng sản, tài nguyên nước",
            7,
        ),
    ];

    fn diem(offset: f64) -> Value {
        let rows: Vec<Value> = CRITERIA
            .iter()
            .enumerate()
            .map(|(i, (muc, noi_dung, max))| {
                let muc = if *muc == "a" {
                    "a) Về phát triển kết cấu hạ tầng"
                } else {
                    "b) Về thực hành tiết kiệm, chống lãng phí"
                };
                let tu_cham = f64::from(*max) - if i % 4 == 0 { offset } else { 0.0 };
                let hoi_dong = tu_cham - if i % 3 == 0 { 0.5 } else { 0.0 };
                json!({
                    "ma_don_vi": "QHKH",
                    "ma_tieu_chi": format!("TC{:02}", i + 1),
                    "diem_tu_cham": tu_cham,
                    "diem_hoi_dong": hoi_dong,
                    "tieu_chi": {
                        "ma_tieu_chi": format!("TC{:02}", i + 1),
                        "muc": muc,
                        "noi_dung": noi_dung,
                        "diem_toi_da": max,
                    }
                })
            })
            .collect();
        Value::Array(rows)
    }

    fn history(code_key: &str, code: &str, rows: &[(u32, &str, &str, &str, &str, &str)]) -> Value {
        Value::Array(
            rows.iter()
                .map(|(nam, loai, noi_dung, so, ngay, co_quan)| {
                    json!({
                        code_key: code, "nam": nam, "loai": loai, "noi_dung": noi_dung,
                        "so_quyet_dinh": so, "ngay_quyet_dinh": ngay, "co_quan_ban_hanh": co_quan,
                    })
                })
                .collect(),
        )
    }

    const SO: &str = "Sở Tài nguyên và Môi trường";
    const UB: &str = "UBND thành phố Hà Nội";

    fn staff(code: &str, name: &str, sex: &str, chuc_vu: &str, xep_loai: &str) -> Value {
        let lich_su = history(
            "ma_can_bo",
            code,
            &[
                (2022, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
                (2023, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
                (2024, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
                (
                    2023,
                    "Danh hiệu thi đua",
                    "Chiến sĩ thi đua cơ sở",
                    "1254/QĐ-STNMT",
                    "22/12/2023",
                    SO,
                ),
                (
                    2024,
                    "Danh hiệu thi đua",
                    "Chiến sĩ thi đua cơ sở",
                    "1390/QĐ-STNMT",
                    "20/12/2024",
                    SO,
                ),
                (
                    2022,
                    "Hình thức khen thưởng",
                    "Giấy khen của Giám đốc Sở",
                    "1187/QĐ-STNMT",
                    "26/12/2022",
                    SO,
                ),
                (
                    2024,
                    "Hình thức khen thưởng",
                    "Bằng khen của Chủ tịch UBND Thành phố",
                    "3021/QĐ-UBND",
                    "12/6/2024",
                    UB,
                ),
            ],
        );
        json!({
            "ma_can_bo": code, "ma_don_vi": "QHKH", "ho_va_ten": name, "ngay_sinh": "14/08/1982",
            "gioi_tinh": sex, "chuc_vu": chuc_vu, "trinh_do_chuyen_mon": "Thạc sĩ Quản lý đất đai",
            "que_quan": "Xã Liên Bạt, huyện Ứng Hòa, thành phố Hà Nội", "xep_loai": xep_loai,
            "danh_hieu": if xep_loai.contains("nhiệm vụ") && !xep_loai.starts_with("Không") && xep_loai != "Hoàn thành nhiệm vụ" { "Lao động tiên tiến" } else { "" },
            "sang_kien": if code.ends_with('1') { "Giải pháp số hóa hồ sơ điều chỉnh quy hoạch sử dụng đất cấp huyện trên nền tảng GIS" } else { "" },
            "cap_cong_nhan_sang_kien": if code.ends_with('1') { "Cơ sở" } else { "" },
            "de_tai_nghien_cuu": "", "ky_luat": if code.ends_with('9') { "Khiển trách" } else { "" },
            "lich_su": lich_su,
        })
    }

    fn unit_row() -> Value {
        json!({
            "ma_don_vi": "QHKH", "ten_don_vi": "Phòng Quy hoạch - Kế hoạch sử dụng đất",
            "ky_hieu": "QHKHSDĐ", "loai_hinh": "Phòng", "thu_truong": "Nguyễn Thị Thanh Hương",
            "chuc_vu_thu_truong": "Trưởng phòng", "so_bien_che": 12,
            "dia_chi": "18 Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội",
            "dien_thoai": "024 3773 1562", "ngay_ke_hoach": "12/03/2025", "da_nop_bao_cao": "Có",
            "ngay_nop_bao_cao": "10/11/2025",
            "ket_qua_noi_bat": "Tham mưu UBND Thành phố phê duyệt điều chỉnh quy hoạch sử dụng đất đến năm 2030 của 30 quận, huyện, thị xã, bảo đảm quỹ đất cho 146 dự án hạ tầng giao thông, thủy lợi, trường học. Rút ngắn thời gian thẩm định kế hoạch sử dụng đất hằng năm cấp huyện từ 30 xuống 20 ngày; 100% hồ sơ được giải quyết đúng hạn.",
            "ton_tai_han_che": "Việc cập nhật cơ sở dữ liệu quy hoạch sử dụng đất ở một số quận, huyện còn chậm. Nhân lực còn mỏng so với khối lượng công việc.",
            "phuong_huong": "Hoàn thành thẩm định kế hoạch sử dụng đất năm 2026 cấp huyện trước ngày 31/12/2025; đẩy mạnh số hóa hồ sơ quy hoạch.",
            "kien_nghi": "Đề nghị Sở bổ sung 02 biên chế công chức cho Phòng trong năm 2026.",
            "chuc_nang_nhiem_vu": "Tham mưu, giúp Giám đốc Sở quản lý nhà nước về quy hoạch, kế hoạch sử dụng đất; thẩm định quy hoạch, kế hoạch sử dụng đất cấp huyện.",
            "qua_trinh_phat_trien": "Thành lập năm 2008 trên cơ sở tổ chức lại Phòng Quy hoạch - Kế hoạch thuộc Sở Tài nguyên, Môi trường và Nhà đất Hà Nội.",
            "tong_tu_cham": 98.0, "tong_diem": 95.5, "xep_hang": 2,
        })
    }

    fn vote(dong_y: u32, nguong: &str) -> Value {
        let ty_le = (f64::from(dong_y) * 10000.0 / 11.0).round() / 100.0;
        let dat = if nguong == "80%" {
            dong_y >= 9
        } else {
            dong_y >= 6
        };
        json!({
            "dong_y": dong_y, "khong_dong_y": 11 - dong_y, "thanh_vien": 11, "ty_le": ty_le,
            "nguong": nguong, "dat": dat, "ket_qua": if dat { "Đạt" } else { "Không đạt" },
        })
    }

    fn individual(
        code: &str,
        name: &str,
        sex: &str,
        chuc_vu: &str,
        hinh_thuc: &str,
        dong_y: u32,
    ) -> Value {
        let city = hinh_thuc == "Bằng khen";
        let nguong = if hinh_thuc == "Chiến sĩ thi đua cơ sở" {
            "80%"
        } else {
            "50%"
        };
        let unit = unit_row();
        json!({
            "ma_can_bo": code, "ma_don_vi": "QHKH", "ho_va_ten": name, "hinh_thuc_de_nghi": hinh_thuc,
            "cap_quyet_dinh": if city { "Thành phố" } else { "Sở" },
            "thanh_tich": "Chủ trì tham mưu thẩm định kế hoạch sử dụng đất năm 2025 của 12 quận, huyện, bảo đảm quỹ đất cho các dự án hạ tầng giao thông trọng điểm của Thành phố",
            "phieu_dong_y": dong_y, "phieu_khong_dong_y": 11 - dong_y,
            "can_bo": staff(code, name, sex, chuc_vu, "Hoàn thành xuất sắc nhiệm vụ"),
            "don_vi": unit,
            "bieu_quyet": vote(dong_y, nguong),
            "nguoi_nhan": format!("{} {name}", if sex == "Nữ" { "Bà" } else { "Ông" }),
            "noi_cong_tac": format!("{chuc_vu}, Phòng Quy hoạch - Kế hoạch sử dụng đất"),
        })
    }

    fn collective(code: &str, name: &str, hinh_thuc: &str, dong_y: u32) -> Value {
        let mut unit = unit_row();
        unit["ma_don_vi"] = json!(code);
        unit["ten_don_vi"] = json!(name);
        unit["lich_su"] = history(
            "ma_don_vi",
            code,
            &[
                (
                    2023,
                    "Danh hiệu thi đua",
                    "Tập thể lao động tiên tiến",
                    "1255/QĐ-STNMT",
                    "22/12/2023",
                    SO,
                ),
                (
                    2024,
                    "Danh hiệu thi đua",
                    "Tập thể lao động tiên tiến",
                    "1391/QĐ-STNMT",
                    "20/12/2024",
                    SO,
                ),
                (
                    2024,
                    "Hình thức khen thưởng",
                    "Giấy khen của Giám đốc Sở",
                    "1392/QĐ-STNMT",
                    "20/12/2024",
                    SO,
                ),
            ],
        );
        unit["can_bo"] = json!([staff(
            "CB0101",
            "Lê Văn Toàn",
            "Nam",
            "Trưởng phòng",
            "Hoàn thành tốt nhiệm vụ"
        )]);
        json!({
            "ma_don_vi": code, "ten_don_vi": name, "hinh_thuc_de_nghi": hinh_thuc,
            "cap_quyet_dinh": if hinh_thuc == "Cờ thi đua" { "Thành phố" } else { "Sở" },
            "thanh_tich": "Hoàn thành xuất sắc nhiệm vụ năm 2025; dẫn đầu khối các Phòng thuộc Sở trong phong trào thi đua",
            "phieu_dong_y": dong_y, "phieu_khong_dong_y": 11 - dong_y,
            "don_vi": unit,
            "bieu_quyet": vote(dong_y, "50%"),
            "nguoi_nhan": name,
            "noi_cong_tac": "Sở Tài nguyên và Môi trường",
        })
    }

    fn individuals() -> Vec<Value> {
        vec![
            individual(
                "CB0011",
                "Nguyễn Thị Thu Hà",
                "Nữ",
                "Phó Trưởng phòng",
                "Chiến sĩ thi đua cơ sở",
                10,
            ),
            individual(
                "CB0012",
                "Trần Văn Đức",
                "Nam",
                "Chuyên viên chính",
                "Giấy khen",
                9,
            ),
            individual(
                "CB0013",
                "Phạm Quang Huy",
                "Nam",
                "Chuyên viên",
                "Chiến sĩ thi đua cơ sở",
                8,
            ),
            individual(
                "CB0014",
                "Đỗ Thị Minh Ngọc",
                "Nữ",
                "Phó Trưởng phòng",
                "Bằng khen",
                11,
            ),
            individual(
                "CB0015",
                "Vũ Hoàng Long",
                "Nam",
                "Chuyên viên chính",
                "Bằng khen",
                10,
            ),
        ]
    }

    fn collectives() -> Vec<Value> {
        vec![
            collective(
                "QHKH",
                "Phòng Quy hoạch - Kế hoạch sử dụng đất",
                "Giấy khen",
                10,
            ),
            collective(
                "TTCNTT",
                "Trung tâm Công nghệ thông tin tài nguyên môi trường",
                "Cờ thi đua",
                9,
            ),
            collective("KS", "Phòng Khoáng sản", "Tập thể lao động tiên tiến", 5),
        ]
    }

    /// A unit row with its staff, scores, history and nominations.
    fn unit() -> Value {
        let mut u = unit_row();
        u["can_bo"] = json!([
            staff(
                "CB0011",
                "Nguyễn Thị Thu Hà",
                "Nữ",
                "Phó Trưởng phòng",
                "Hoàn thành xuất sắc nhiệm vụ"
            ),
            staff(
                "CB0012",
                "Trần Văn Đức",
                "Nam",
                "Chuyên viên chính",
                "Hoàn thành tốt nhiệm vụ"
            ),
            staff(
                "CB0019",
                "Lương Thị Hồng",
                "Nữ",
                "Chuyên viên",
                "Hoàn thành nhiệm vụ"
            ),
        ]);
        u["diem"] = diem(1.0);
        u["lich_su"] = history(
            "ma_don_vi",
            "QHKH",
            &[(
                2024,
                "Danh hiệu thi đua",
                "Tập thể lao động tiên tiến",
                "1391/QĐ-STNMT",
                "20/12/2024",
                SO,
            )],
        );
        u["de_nghi_ca_nhan"] = json!(individuals()[..2]);
        u["de_nghi_tap_the"] = json!(collectives()[..1]);
        u["so_ky_hieu"] = json!("05/KH-QHKHSDĐ");
        with_globals(u)
    }

    fn department() -> Value {
        let names = [
            ("VP", "Văn phòng Sở", "Có"),
            ("TTS", "Thanh tra Sở", "Có"),
            ("QHKH", "Phòng Quy hoạch - Kế hoạch sử dụng đất", "Có"),
            (
                "TNN",
                "Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu",
                "Không",
            ),
            (
                "TTCNTT",
                "Trung tâm Công nghệ thông tin tài nguyên môi trường",
                "Không",
            ),
        ];
        let rows: Vec<Value> = names
            .iter()
            .enumerate()
            .map(|(i, (code, name, nop))| {
                let mut u = unit_row();
                u["ma_don_vi"] = json!(code);
                u["ten_don_vi"] = json!(name);
                u["da_nop_bao_cao"] = json!(nop);
                u["so_bien_che"] = json!(10 + 3 * i);
                u["tong_tu_cham"] = json!(99.0 - i as f64);
                u["tong_diem"] = json!(97.5 - 2.0 * i as f64);
                u["xep_hang"] = json!((i + 3) % 5 + 1);
                u
            })
            .collect();
        let mut d = Map::new();
        d.insert("rows".into(), Value::Array(rows));
        d.insert("count".into(), json!(names.len()));
        let mut v = with_globals(Value::Object(d));
        v["so_ky_hieu"] = json!("12/BC-STNMT");
        v
    }

    fn meeting() -> Value {
        let mut m = with_globals(json!({
            "nam": 2025,
            "ten_cuoc_hop": "Họp Hội đồng Thi đua - Khen thưởng Sở xét khen thưởng năm 2025",
            "ngay_hop": "10/12/2025", "gio_bat_dau": "8 giờ 30 phút", "gio_ket_thuc": "11 giờ 15 phút",
            "dia_diem": "Phòng họp tầng 3, trụ sở Sở Tài nguyên và Môi trường, 18 Huỳnh Thúc Kháng, Đống Đa, Hà Nội",
            "chu_tri": "Nguyễn Huy Cường", "chuc_vu_chu_tri": "Giám đốc Sở, Chủ tịch Hội đồng",
            "thu_ky": "Hoàng Thị Lan Anh", "chuc_vu_thu_ky": "Phó Chánh Văn phòng Sở",
            "so_thanh_vien_co_mat": 11, "so_quyet_dinh": "125/QĐ-STNMT", "ngay_quyet_dinh": "15/12/2025",
            "de_nghi_ca_nhan": individuals(),
            "de_nghi_tap_the": collectives(),
        }));
        m["so_ky_hieu"] = json!("03/BB-HĐTĐKT");
        m
    }

    /// The record each template is rendered with.
    fn sample(stem: &str) -> Value {
        match stem {
            "ke-hoach" => unit(),
            "bao-cao" | "to-trinh" => {
                let mut u = unit();
                let number = if stem == "bao-cao" {
                    "18/BC-QHKHSDĐ"
                } else {
                    "21/TTr-QHKHSDĐ"
                };
                u["so_ky_hieu"] = json!(number);
                u
            }
            "cong-van-don-doc" => {
                let mut u = unit();
                u["da_nop_bao_cao"] = json!("Không");
                u["so_ky_hieu"] = json!("1520/STNMT-VP");
                u
            }
            "bao-cao-so" => department(),
            "to-trinh-so" | "bien-ban" | "quyet-dinh-giay-khen" => {
                let mut m = meeting();
                let number = match stem {
                    "to-trinh-so" => "48/TTr-STNMT",
                    "bien-ban" => "03/BB-HĐTĐKT",
                    _ => "",
                };
                m["so_ky_hieu"] = json!(number);
                m
            }
            "bao-cao-thanh-tich-ca-nhan" => with_globals(individuals()[0].clone()),
            "giay-khen" | "giay-khen-phoi" => {
                let mut g = with_globals(individuals()[1].clone());
                g["so_vao_so"] = json!("07");
                g
            }
            "bao-cao-thanh-tich-tap-the" => with_globals(collectives()[0].clone()),
            _ => panic!("no sample for {stem}"),
        }
    }

    // -----------------------------------------------------------------------------------

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
        // Kế hoạch and Báo cáo: one row per criterion and a total
        for stem in ["ke-hoach", "bao-cao"] {
            let t = &tables(&render(stem, &sample(stem)))[1];
            assert_eq!(t.len(), 1 + 14 + 1, "{stem}: {t:?}");
            assert_eq!(t[1][0], "1");
            assert_eq!(t[14][0], "14");
            assert_eq!(t[15][0], "Tổng cộng");
            assert_eq!(t[15][1], "100", "{stem}");
        }
        let t = &tables(&render("bao-cao", &sample("bao-cao")))[1];
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

        // Tờ trình of the Department: passed city nominations, a table per award
        let xml = render("to-trinh-so", &sample("to-trinh-so"));
        let t = tables(&xml);
        assert_eq!(t.len(), 4, "header, Bằng khen, Cờ thi đua, signature");
        assert_eq!(t[1].len(), 3);
        assert_eq!(t[1][1][1], "Đỗ Thị Minh Ngọc");
        assert_eq!(
            t[1][2][2],
            "Chuyên viên chính, Phòng Quy hoạch - Kế hoạch sử dụng đất"
        );
        assert_eq!(
            t[2][1][1],
            "Trung tâm Công nghệ thông tin tài nguyên môi trường"
        );
        let text = paragraphs(&xml).join("\n");
        assert!(text.contains("1. Bằng khen: 2 cá nhân"), "{text}");
        assert!(text.contains("1. Cờ thi đua: 1 tập thể"), "{text}");

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
        assert!(
            text.contains("Cuộc họp kết thúc vào 11 giờ 15 phút, ngày 10 tháng 12 năm 2025./.")
        );
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
}
