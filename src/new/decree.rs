//! The parts every letter shares, placed as Decree 30/2020 places them: the header table
//! (agency, number, Quốc hiệu, Tiêu ngữ, place and date), the title with its trích yếu, and
//! the signature blocks with the Nơi nhận, kept on the page of the text before them.

use docx_rs::{Paragraph, Table, TableAlignmentType, TableCell, TableRow, WidthType};

use super::blocks::{Item, blank, cell, centered, left, nil_borders, pt, rule, table};
use super::measure::{
    A4_SHORT, AGENCY_RULE, CELL_PAD, HEAD_LEFT, HEAD_RIGHT, MARGIN_LEFT, MOTTO_RULE, SIGN_LEFT,
    SIGN_RIGHT, TEXT_WIDTH, TITLE_RULE,
};

/// What the header table shows on its second row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Row2 {
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
pub(super) struct Head<'a> {
    pub(super) parent: &'a str,
    pub(super) agency: &'a str,
    pub(super) number: Option<&'a str>,
    pub(super) vv: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    pub(super) layout: HeadLayout,
}

/// The header table's column widths, type sizes and the length of the line under the
/// Tiêu ngữ (as long as the Tiêu ngữ at its size).
#[derive(Debug, Clone, Copy)]
pub(super) struct HeadLayout {
    pub(super) left: usize,
    pub(super) right: usize,
    pub(super) agency_pt: usize,
    pub(super) quoc_hieu_pt: usize,
    pub(super) tieu_ngu_pt: usize,
    pub(super) motto_rule: usize,
    /// Centre the table on the page rather than on the text: a header wider than the text
    /// then reaches as far into the left margin as into the right one.
    pub(super) on_page: bool,
}

/// The starters' header: agency and Quốc hiệu in 13 pt, Tiêu ngữ in 14 pt.
const STARTER_HEAD: HeadLayout = HeadLayout {
    left: HEAD_LEFT,
    right: HEAD_RIGHT,
    agency_pt: 13,
    quoc_hieu_pt: 13,
    tieu_ngu_pt: 14,
    motto_rule: MOTTO_RULE,
    on_page: false,
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
pub(super) fn header_table(row2: Row2) -> Table {
    header_with(Head::starter(row2))
}

pub(super) fn header_with(head: Head) -> Table {
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
    let t = table(
        &[l.left, l.right],
        vec![
            TableRow::new(vec![agency, nation]),
            TableRow::new(vec![cell(l.left, left2), cell(l.right, right2)]),
        ],
        nil_borders(),
    );
    if l.on_page {
        let page_edge = (A4_SHORT as i32 - (l.left + l.right) as i32) / 2;
        t.align(TableAlignmentType::Left)
            .indent(page_edge - MARGIN_LEFT)
    } else {
        t
    }
}

/// Tên loại and trích yếu, centred in bold, with a short line under them.
pub(super) fn title(ten_loai: &str, trich_yeu: &str) -> Vec<Item> {
    vec![
        Item::p(centered(ten_loai, pt(14).bold(), 360, 0)),
        Item::p(centered(trich_yeu, pt(14).bold(), 0, 0)),
        Item::p(rule(TITLE_RULE, TEXT_WIDTH, 240)),
    ]
}

/// The borderless signature table: Nơi nhận on the left, the signature on the right.
pub(super) fn signature(noi_nhan: &[&str]) -> Item {
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
pub(super) fn signature_by(noi_nhan: &[&str], titles: &[&str], name: &str) -> Item {
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
pub(super) fn two_signatures(
    left_sig: (&[&str], &str, &str),
    right_sig: (&[&str], &str, &str),
) -> Item {
    two_signatures_at(left_sig, right_sig, TEXT_WIDTH / 2)
}

/// Two signatures, the left column `left_width` twips wide: a long title
/// (`THỦ TRƯỞNG CƠ QUAN CẤP TRÊN`) stands on one line, so both names sit on one line too.
pub(super) fn two_signatures_at(
    left_sig: (&[&str], &str, &str),
    right_sig: (&[&str], &str, &str),
    left_width: usize,
) -> Item {
    let lines = left_sig.0.len().max(right_sig.0.len());
    let column = |(titles, note, name): (&[&str], &str, &str), width: usize| {
        let mut ps: Vec<Paragraph> = titles
            .iter()
            .map(|t| centered(t, pt(14).bold(), 0, 0))
            .collect();
        ps.push(centered(note, pt(14).italic(), 0, 0));
        ps.extend((0..4 + lines - titles.len()).map(|_| blank(14)));
        ps.push(centered(name, pt(14).bold(), 0, 0));
        top_padded(cell(width, ps))
    };
    let right_width = TEXT_WIDTH - left_width;
    Item::t(table(
        &[left_width, right_width],
        vec![
            TableRow::new(vec![
                column(left_sig, left_width),
                column(right_sig, right_width),
            ])
            .cant_split(),
        ],
        nil_borders(),
    ))
}

/// Appends the signature block, keeping the last paragraph before it on its page: the
/// signature never stands alone on a page.
pub(super) fn sign_off(items: &mut Vec<Item>, signature: Item) {
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
