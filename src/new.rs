//! `vanban new`: starter templates laid out to Decree 30/2020 (nd30.md), built with docx-rs.
//!
//! ```text
//! kind -> items (header table, title, body, signature table) -> docx_rs::Docx (A4, margins,
//!      -> page numbers from page 2) -> tidy::pack (schema order, theme) -> .docx bytes
//! ```
//!
//! Every tag is typed as one run of its own, so Word shows it as written and the engine
//! finds it without joining runs. Elements the decree sets in capitals take their text
//! through `{{hoa ...}}`, so the data can keep ordinary case (`Sở Tài nguyên và Môi trường`)
//! and the same field reads well in the body.

pub mod pack;
mod tidy;

use docx_rs::{
    AlignmentType, BorderType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, PageOrientationType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

/// The kinds `vanban new` knows, with a one-line Vietnamese description each.
pub const KINDS: &[(&str, &str)] = &[
    ("ke-hoach", "Kế hoạch"),
    ("bao-cao", "Báo cáo"),
    ("to-trinh", "Tờ trình"),
    ("bien-ban", "Biên bản"),
    ("cong-van", "Công văn"),
    ("quyet-dinh", "Quyết định"),
    ("bao-cao-thanh-tich-ca-nhan", "Báo cáo thành tích cá nhân"),
    ("bao-cao-thanh-tich-tap-the", "Báo cáo thành tích tập thể"),
    ("giay-khen", "Giấy khen"),
];

/// The .docx bytes of a starter template of `kind`; Err with a message listing the kinds.
pub fn starter(kind: &str) -> Result<Vec<u8>, String> {
    let body = match kind {
        "ke-hoach" => ke_hoach(),
        "bao-cao" => bao_cao(),
        "to-trinh" => to_trinh(),
        "bien-ban" => bien_ban(),
        "cong-van" => cong_van(),
        "quyet-dinh" => quyet_dinh(),
        "bao-cao-thanh-tich-ca-nhan" => thanh_tich_ca_nhan(),
        "bao-cao-thanh-tich-tap-the" => thanh_tich_tap_the(),
        "giay-khen" => return pack(kind, giay_khen(), CERTIFICATE_SECTION),
        _ => {
            let kinds: Vec<String> = KINDS
                .iter()
                .map(|(k, d)| format!("  {k:<28} {d}"))
                .collect();
            return Err(format!(
                "unknown kind '{kind}'; the kinds are:\n{}",
                kinds.join("\n")
            ));
        }
    };
    pack(kind, letter(body), &[])
}

/// Builds the document and packs it, with `section` elements docx-rs cannot write.
fn pack(kind: &str, docx: Docx, section: &'static [&'static str]) -> Result<Vec<u8>, String> {
    tidy::pack(docx.build(), tidy::Extras { section })
        .map_err(|e| format!("cannot write the starter '{kind}': {e}"))
}

// ---------------------------------------------------------------------------------------
// Page and measures (twips: 1 mm = 56.7 twips, 1 pt = 20 twips)

const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
/// The decree's model file: top 25, bottom 20, left 35, right 20 mm.
const MARGIN_TOP: i32 = 1417;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1984;
const MARGIN_RIGHT: i32 = 1134;
/// The page number sits 12 mm from the top edge, inside the 25 mm margin.
const HEADER_DISTANCE: i32 = 680;
/// Width of the text: 210 - 35 - 20 mm.
const TEXT_WIDTH: usize = (A4_SHORT as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Left and right padding of table cells.
const CELL_PAD: usize = 108;
/// The header table, about 40/60. The Quốc hiệu in bold 13 pt is 96 mm long, so the table
/// is 170 mm wide, centred on the 155 mm text (as the decree's model and LibreOffice-written
/// letters do).
const HEAD_LEFT: usize = 3855;
const HEAD_RIGHT: usize = 5783;
/// The signature table, over the text's width.
const SIGN_LEFT: usize = 3969;
const SIGN_RIGHT: usize = TEXT_WIDTH - SIGN_LEFT;
/// The line under the Tiêu ngữ: as long as `Độc lập - Tự do - Hạnh phúc` in bold 14 pt
/// (Times New Roman and its metric twin Liberation Serif: 171.4 pt).
const MOTTO_RULE: usize = 3440;
/// The line under the agency's name and under the trích yếu: 1/3 to 1/2 of their text.
const AGENCY_RULE: usize = 1600;
const TITLE_RULE: usize = 2550;
/// Body paragraphs: first-line indent 1.27 cm, 6 pt after, lines at 1.15.
const FIRST_LINE: i32 = 720;
const BODY_AFTER: u32 = 120;
const BODY_LINE: i32 = 276;
const SINGLE: i32 = 240;

const FONT: &str = "Times New Roman";

/// The legal bases every commendation document cites first.
const CAN_CU_LUAT: &str = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
const CAN_CU_NGHI_DINH: &str = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;";

/// A run's look: size in points, weight and slant.
#[derive(Debug, Clone, Copy)]
struct Font {
    pt: usize,
    bold: bool,
    italic: bool,
    color: Option<&'static str>,
}

const fn pt(pt: usize) -> Font {
    Font {
        pt,
        bold: false,
        italic: false,
        color: None,
    }
}

impl Font {
    const fn bold(mut self) -> Font {
        self.bold = true;
        self
    }
    const fn italic(mut self) -> Font {
        self.italic = true;
        self
    }
    const fn color(mut self, color: &'static str) -> Font {
        self.color = Some(color);
        self
    }
}

/// The runs of `text`: each `{{...}}` tag a run of its own, the text between in others.
fn runs(text: &str, font: Font) -> Vec<docx_rs::Run> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let close = rest[open..]
            .find("}}")
            .map(|c| open + c + 2)
            .unwrap_or(rest.len());
        if open > 0 {
            pieces.push(&rest[..open]);
        }
        pieces.push(&rest[open..close]);
        rest = &rest[close..];
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
        .into_iter()
        .map(|piece| {
            let mut run = docx_rs::Run::new().add_text(piece).size(font.pt * 2);
            if font.bold {
                run = run.bold();
            }
            if font.italic {
                run = run.italic();
            }
            if let Some(color) = font.color {
                run = run.color(color);
            }
            run
        })
        .collect()
}

/// A paragraph of `text` with its runs, the paragraph mark in the same size.
fn para(text: &str, font: Font) -> Paragraph {
    let mut p = Paragraph::new().size(font.pt * 2);
    for run in runs(text, font) {
        p = p.add_run(run);
    }
    p
}

fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

/// A centred line, single-spaced.
fn centered(text: &str, font: Font, before: u32, after: u32) -> Paragraph {
    para(text, font)
        .align(AlignmentType::Center)
        .line_spacing(spacing(before, after, SINGLE))
}

/// A left-aligned line, single-spaced (Nơi nhận).
fn left(text: &str, font: Font) -> Paragraph {
    para(text, font)
        .align(AlignmentType::Left)
        .line_spacing(spacing(0, 0, SINGLE))
}

/// A body paragraph: justified, first line indented 1.27 cm, 6 pt after.
fn body_in(text: &str, font: Font) -> Paragraph {
    para(text, font)
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(spacing(0, BODY_AFTER, BODY_LINE))
}

fn body(text: &str) -> Paragraph {
    body_in(text, pt(14))
}

/// A heading (`I. MỤC ĐÍCH, YÊU CẦU`, `1. Mục đích`): a bold body line kept with the next.
fn heading(text: &str) -> Paragraph {
    body_in(text, pt(14).bold()).keep_next(true)
}

/// A body paragraph that opens with a bold lead (`Điều 1. `).
fn lead(bold: &str, text: &str) -> Paragraph {
    let mut p = body(text);
    p.children.splice(
        0..0,
        runs(bold, pt(14).bold())
            .into_iter()
            .map(|r| docx_rs::ParagraphChild::Run(Box::new(r))),
    );
    p
}

/// A short solid line, centred in `width` twips: the bottom border of an empty paragraph
/// four points high, indented from both sides (Word and LibreOffice draw it the same way).
fn rule(length: usize, width: usize, after: u32) -> Paragraph {
    let side = (width.saturating_sub(length) / 2) as i32;
    let mut p = Paragraph::new()
        .size(4)
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(after)
                .line(80)
                .line_rule(LineSpacingType::Exact),
        );
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

fn blank(pt: usize) -> Paragraph {
    Paragraph::new()
        .size(pt * 2)
        .line_spacing(spacing(0, 0, SINGLE))
}

fn nil_borders() -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |b, p| {
        b.set(TableBorder::new(p).border_type(BorderType::Nil))
    })
}

fn grid_borders() -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |b, p| {
        b.set(
            TableBorder::new(p)
                .border_type(BorderType::Single)
                .size(4)
                .color("000000"),
        )
    })
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// A table of fixed columns; `borders` decides whether it is a layout table or a grid.
fn table(widths: &[usize], rows: Vec<TableRow>, borders: TableBorders) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .align(docx_rs::TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PAD, 0, CELL_PAD))
        .set_borders(borders)
}

// ---------------------------------------------------------------------------------------
// The parts every letter shares

/// What the header table shows on its second row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Row2 {
    /// `Số: {{so}}/{{ky_hieu}}` and the place and date.
    NumberAndDate,
    /// The same, with the công văn's `V/v {{trich_yeu}}` under the number.
    CongVan,
    /// Number only (Biên bản: no date line in the header).
    NumberOnly,
    /// Date only (achievement reports have no number).
    DateOnly,
}

/// What a header table prints: the parent agency (upper case, not bold) over the issuing
/// agency (bold, with a short line under it), the number (and a công văn's `V/v` line) on
/// the left of the second row, the place and date on its right. `None` leaves a blank line.
#[derive(Debug, Clone, Copy)]
struct Head<'a> {
    parent: &'a str,
    agency: &'a str,
    number: Option<&'a str>,
    vv: Option<&'a str>,
    date: Option<&'a str>,
    layout: HeadLayout,
}

/// The header table's column widths, type sizes and the length of the line under the
/// Tiêu ngữ (as long as the Tiêu ngữ at its size).
#[derive(Debug, Clone, Copy)]
struct HeadLayout {
    left: usize,
    right: usize,
    agency_pt: usize,
    quoc_hieu_pt: usize,
    tieu_ngu_pt: usize,
    motto_rule: usize,
}

/// The starters' header: agency and Quốc hiệu in 13 pt, Tiêu ngữ in 14 pt.
const STARTER_HEAD: HeadLayout = HeadLayout {
    left: HEAD_LEFT,
    right: HEAD_RIGHT,
    agency_pt: 13,
    quoc_hieu_pt: 13,
    tieu_ngu_pt: 14,
    motto_rule: MOTTO_RULE,
};

impl Head<'static> {
    /// The starters' header: `co_quan_chu_quan` over `co_quan_ban_hanh`, `Số: {{so}}/{{ky_hieu}}`,
    /// `{{dia_danh}}, {{ngay_thang ngay_ky}}`, as `row2` asks.
    fn starter(row2: Row2) -> Head<'static> {
        let number = Some("Số: {{so}}/{{ky_hieu}}");
        let date = Some("{{dia_danh}}, {{ngay_thang ngay_ky}}");
        let (number, vv, date) = match row2 {
            Row2::NumberAndDate => (number, None, date),
            Row2::CongVan => (number, Some("V/v {{trich_yeu}}"), date),
            Row2::NumberOnly => (number, None, None),
            Row2::DateOnly => (None, None, date),
        };
        Head {
            parent: "{{hoa co_quan_chu_quan}}",
            agency: "{{hoa co_quan_ban_hanh}}",
            number,
            vv,
            date,
            layout: STARTER_HEAD,
        }
    }
}

/// The borderless two-column header: agency, line (and number) on the left; Quốc hiệu,
/// Tiêu ngữ, line (and place, date) on the right. The number and the date share the second
/// row, so they stand on one line however many lines the agency's name takes.
fn header_table(row2: Row2) -> Table {
    header_with(Head::starter(row2))
}

fn header_with(head: Head) -> Table {
    let l = head.layout;
    let left_text = l.left - 2 * CELL_PAD;
    let right_text = l.right - 2 * CELL_PAD;
    let agency = cell(
        l.left,
        vec![
            centered(head.parent, pt(l.agency_pt), 0, 0),
            centered(head.agency, pt(l.agency_pt).bold(), 0, 0),
            rule(AGENCY_RULE, left_text, 0),
        ],
    );
    let nation = cell(
        l.right,
        vec![
            centered(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                pt(l.quoc_hieu_pt).bold(),
                0,
                0,
            ),
            centered(
                "Độc lập - Tự do - Hạnh phúc",
                pt(l.tieu_ngu_pt).bold(),
                0,
                0,
            ),
            rule(l.motto_rule, right_text, 0),
        ],
    );
    let mut left2 = match head.number {
        Some(number) => vec![centered(number, pt(13), 120, 0)],
        None => vec![blank(13)],
    };
    if let Some(vv) = head.vv {
        left2.push(centered(vv, pt(12), 120, 0));
    }
    let right2 = match head.date {
        Some(date) => vec![centered(date, pt(14).italic(), 120, 0)],
        None => vec![blank(14)],
    };
    table(
        &[l.left, l.right],
        vec![
            TableRow::new(vec![agency, nation]),
            TableRow::new(vec![cell(l.left, left2), cell(l.right, right2)]),
        ],
        nil_borders(),
    )
}

/// Tên loại and trích yếu, centred in bold, with a short line under them.
fn title(ten_loai: &str, trich_yeu: &str) -> Vec<Item> {
    vec![
        Item::p(centered(ten_loai, pt(14).bold(), 360, 0)),
        Item::p(centered(trich_yeu, pt(14).bold(), 0, 0)),
        Item::p(rule(TITLE_RULE, TEXT_WIDTH, 240)),
    ]
}

/// The borderless signature table: Nơi nhận on the left, the signature on the right.
fn signature(noi_nhan: &[&str]) -> Item {
    signature_by(
        noi_nhan,
        &[
            "{{#if quyen_han}}",
            "{{hoa quyen_han}}",
            "{{/if}}",
            "{{hoa chuc_vu_ky}}",
        ],
        "{{nguoi_ky}}",
    )
}

/// The signature table with the signer's title lines and name given.
fn signature_by(noi_nhan: &[&str], titles: &[&str], name: &str) -> Item {
    let mut receivers = vec![left("Nơi nhận:", pt(12).bold().italic())];
    receivers.extend(noi_nhan.iter().map(|line| left(line, pt(11))));
    let mut signer: Vec<Paragraph> = titles
        .iter()
        .map(|t| centered(t, pt(14).bold(), 0, 0))
        .collect();
    signer.extend((0..4).map(|_| blank(14)));
    signer.push(centered(name, pt(14).bold(), 0, 0));
    Item::t(table(
        &[SIGN_LEFT, SIGN_RIGHT],
        vec![
            TableRow::new(vec![
                top_padded(cell(SIGN_LEFT, receivers)),
                top_padded(cell(SIGN_RIGHT, signer)),
            ])
            .cant_split(),
        ],
        nil_borders(),
    ))
}

/// Two signatures side by side (Biên bản, achievement reports): each a title of one or two
/// lines, a note in italics, space to sign, and the name.
fn two_signatures(left_sig: (&[&str], &str, &str), right_sig: (&[&str], &str, &str)) -> Item {
    let lines = left_sig.0.len().max(right_sig.0.len());
    let half = TEXT_WIDTH / 2;
    let column = |(titles, note, name): (&[&str], &str, &str)| {
        let mut ps: Vec<Paragraph> = titles
            .iter()
            .map(|t| centered(t, pt(14).bold(), 0, 0))
            .collect();
        ps.push(centered(note, pt(14).italic(), 0, 0));
        ps.extend((0..4 + lines - titles.len()).map(|_| blank(14)));
        ps.push(centered(name, pt(14).bold(), 0, 0));
        top_padded(cell(half, ps))
    };
    Item::t(table(
        &[half, TEXT_WIDTH - half],
        vec![TableRow::new(vec![column(left_sig), column(right_sig)]).cant_split()],
        nil_borders(),
    ))
}

/// Appends the signature block, keeping the last paragraph before it on its page: the
/// signature never stands alone on a page.
fn sign_off(items: &mut Vec<Item>, signature: Item) {
    if let Some(Item::P(p)) = items.last_mut() {
        **p = std::mem::replace(&mut **p, Paragraph::new()).keep_next(true);
    }
    items.push(signature);
}

/// 6 pt between the body and the signature block, kept when a tag paragraph vanishes.
fn top_padded(mut c: TableCell) -> TableCell {
    c.property = c.property.margin_top(120, WidthType::Dxa);
    c
}

/// What the body of a document is made of.
enum Item {
    P(Box<Paragraph>),
    T(Box<Table>),
}

impl Item {
    fn p(paragraph: Paragraph) -> Item {
        Item::P(Box::new(paragraph))
    }
    fn t(table: Table) -> Item {
        Item::T(Box::new(table))
    }
}

fn body_items(lines: &[&str]) -> Vec<Item> {
    lines.iter().map(|l| Item::p(body(l))).collect()
}

/// A heading with its paragraphs under it.
fn section(heading_text: &str, lines: &[&str]) -> Vec<Item> {
    let mut items = vec![Item::p(heading(heading_text))];
    items.extend(body_items(lines));
    items
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A portrait A4 letter with the decree's margins, Times New Roman 14 pt, and page numbers
/// centred in the top margin from page 2 (a first-page header left empty, `w:titlePg`).
fn letter(items: Vec<Item>) -> Docx {
    let page_number = Paragraph::new()
        .align(AlignmentType::Center)
        .size(26)
        .add_run(field_run().add_field_char(FieldCharType::Begin, false))
        .add_run(field_run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(field_run().add_field_char(FieldCharType::Separate, false))
        .add_run(field_run().add_text("2"))
        .add_run(field_run().add_field_char(FieldCharType::End, false));
    let docx = Docx::new()
        .page_size(A4_SHORT, A4_LONG)
        .page_orient(PageOrientationType::Portrait)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
        .header(Header::new().add_paragraph(page_number))
        .first_header(Header::new().add_paragraph(blank(13)));
    add_items(with_defaults(docx), items)
}

fn field_run() -> docx_rs::Run {
    docx_rs::Run::new().size(26)
}

fn with_defaults(docx: Docx) -> Docx {
    docx.default_fonts(fonts())
        .default_size(28)
        .default_tab_stop(720)
}

fn add_items(docx: Docx, items: Vec<Item>) -> Docx {
    items.into_iter().fold(docx, |d, item| match item {
        Item::P(p) => d.add_paragraph(*p),
        Item::T(t) => d.add_table(*t),
    })
}

// ---------------------------------------------------------------------------------------
// The kinds

fn ke_hoach() -> Vec<Item> {
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
    items.extend(section("3. Tiêu chí thi đua", &["{{tieu_chi}}"]));
    items.extend(section("III. KHEN THƯỞNG", &["{{noi_dung_khen_thuong}}"]));
    items.extend(section(
        "IV. TỔ CHỨC THỰC HIỆN",
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

fn bao_cao() -> Vec<Item> {
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

fn to_trinh() -> Vec<Item> {
    let mut items = vec![Item::t(header_table(Row2::NumberAndDate))];
    items.extend(title("TỜ TRÌNH", "{{trich_yeu}}"));
    items.push(Item::p(centered("Kính gửi: {{kinh_gui}}.", pt(14), 0, 240)));
    items.extend(body_items(&[
        "Căn cứ {{can_cu}};",
        r#"Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng ngày {{ngay ngay_hop "dd/mm/yyyy"}},"#,
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

fn cong_van() -> Vec<Item> {
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

fn quyet_dinh() -> Vec<Item> {
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

fn bien_ban() -> Vec<Item> {
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
fn awards_table_with(each: &str, what: &str, value2: &str, decision: &str, value3: &str) -> Item {
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

fn thanh_tich_ca_nhan() -> Vec<Item> {
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

fn thanh_tich_tap_the() -> Vec<Item> {
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

/// The certificate's section: content centred on the page, in a frame of two lines (thick
/// outside) in the certificate's red, 8 mm from the paper's edge.
const CERTIFICATE_SECTION: &[&str] = &[r#"<w:vAlign w:val="center"/>"#, CERTIFICATE_FRAME];
const CERTIFICATE_FRAME: &str = r#"<w:pgBorders w:offsetFrom="page"><w:top w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:left w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:bottom w:val="thickThinSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:right w:val="thickThinSmallGap" w:sz="24" w:space="24" w:color="C00000"/></w:pgBorders>"#;

/// Giấy khen: one landscape A4 page in a red frame: Quốc hiệu, the awarding authority,
/// `GIẤY KHEN` in large red capitals, the awardee and the achievement, then the decision's
/// number on the left and the date and signature on the right.
fn giay_khen() -> Docx {
    certificate(Certificate {
        awardee: "{{ho_va_ten}}",
        unit: "{{don_vi}}",
        decision: "Quyết định số: {{so}}/{{ky_hieu}}",
        date: "{{dia_danh}}, {{ngay_thang ngay_ky}}",
        titles: &["{{hoa chuc_vu_ky}}"],
    })
}

/// The texts of a certificate that differ between the starter and the pack.
#[derive(Debug, Clone, Copy)]
struct Certificate<'a> {
    awardee: &'a str,
    unit: &'a str,
    decision: &'a str,
    date: &'a str,
    /// The signer's title lines (bold), under the date.
    titles: &'a [&'a str],
}

fn certificate(texts: Certificate) -> Docx {
    const MARGIN: i32 = 1134;
    let width = (A4_LONG as i32 - 2 * MARGIN) as usize;
    let red = "C00000";
    let mut items = vec![
        Item::p(centered(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            pt(14).bold(),
            240,
            0,
        )),
        Item::p(centered("Độc lập - Tự do - Hạnh phúc", pt(15).bold(), 0, 0)),
        Item::p(rule(3690, width, 0)),
        Item::p(centered(
            "{{hoa chuc_danh_tham_quyen}}",
            pt(16).bold(),
            600,
            0,
        )),
        Item::p(centered("TẶNG", pt(16).bold(), 360, 0)),
        Item::p(centered("GIẤY KHEN", pt(40).bold().color(red), 240, 240)),
        Item::p(centered(texts.awardee, pt(22).bold(), 0, 120)),
        Item::p(centered(texts.unit, pt(16), 0, 240)),
        Item::p(
            centered("Đã có thành tích {{thanh_tich}}", pt(16), 0, 600).indent(
                Some(1134),
                None,
                Some(1134),
                None,
            ),
        ),
    ];
    let half = width * 2 / 5;
    let mut signer = vec![centered(texts.date, pt(14).italic(), 0, 0)];
    signer.extend(
        texts
            .titles
            .iter()
            .map(|t| centered(t, pt(14).bold(), 0, 0)),
    );
    signer.extend((0..4).map(|_| blank(14)));
    signer.push(centered("{{nguoi_ky}}", pt(14).bold(), 0, 0));
    items.push(Item::t(table(
        &[half, width - half],
        vec![TableRow::new(vec![
            cell(
                half,
                vec![
                    centered(texts.decision, pt(13), 0, 0),
                    centered("Số vào sổ: {{so_vao_so}}", pt(13), 0, 0),
                ],
            ),
            cell(width - half, signer),
        ])],
        nil_borders(),
    )));
    add_items(with_defaults(landscape(MARGIN)), items)
}

/// A landscape A4 page with the same margin on every side.
fn landscape(margin: i32) -> Docx {
    Docx::new()
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
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
                        "" | "hoa" | "ngay" | "ngay_thang" | "each" | "if" | "dd" | "mm"
                        | "yyyy" | "quyen_han" | "nam" | "ten_danh_hieu" | "hinh_thuc"
                        | "quyet_dinh" => continue,
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
}
