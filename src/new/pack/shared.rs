//! The blocks the pack's documents share: its header (12-13 pt, so the Department's name
//! stands on one line) over the unit's or the Department's documents, the unit head's
//! signature, headings and body lines by role, and the grid tables whose rows the engine
//! repeats, their header rows repeated on every page.

use docx_rs::{AlignmentType, HeightRule, TableCell, TableCellMargins, TableRow, VAlignType};

use crate::new::blocks::{
    Font, Item, body, body_in, cell, grid_borders, heading, para, pt, spacing, table,
};
use crate::new::decree::{Head, HeadLayout, header_with, signature_by};
use crate::new::measure::{BODY_AFTER, BODY_LINE, CELL_PAD, SINGLE, TEXT_WIDTH};

/// The height (twips) that marks a grid table's header row: at least 8 mm, and repeated at
/// the top of every page the table runs onto (`w:tblHeader`, which docx-rs cannot write).
const HEADER_ROW: u32 = 454;

/// Adds `w:tblHeader` to the rows [`grid`] marked with their [`HEADER_ROW`] height.
pub(super) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mark = format!(r#"<w:trHeight w:val="{HEADER_ROW}" w:hRule="atLeast" />"#);
    xml.replace(&mark, &format!("{mark}<w:tblHeader />"))
        .into_bytes()
}

/// The pack's header: agency lines and Quốc hiệu in 12 pt, Tiêu ngữ in 13 pt (the decree
/// allows 12-13 and 13-14). The left column holds the pack's longest one-line unit names in
/// bold 12 pt (`PHÒNG ĐO ĐẠC, BẢN ĐỒ VÀ VIỄN THÁM`, 85 mm) so they do not break inside a word
/// (`VIỄN / THÁM`), and breaks the longer ones between words that belong apart (`TRUNG TÂM
/// CÔNG NGHỆ THÔNG TIN / TÀI NGUYÊN MÔI TRƯỜNG`); a name that needs its own break carries it
/// in the data (`ten_tieu_de`, see [`unit_name`]). The right column holds `CỘNG HÒA XÃ HỘI
/// CHỦ NGHĨA VIỆT NAM` (88 mm) on one line. 182 mm wide, centred on the page (14 mm from
/// either edge).
pub(super) const HEAD: HeadLayout = HeadLayout {
    left: 5100,
    right: 5230,
    agency_pt: 12,
    quoc_hieu_pt: 12,
    tieu_ngu_pt: 13,
    // `Độc lập - Tự do - Hạnh phúc` in bold 13 pt: 159 pt
    motto_rule: 3190,
    on_page: true,
};

/// A unit's name in the header, in capitals: `ten_tieu_de` where the data gives one (the
/// name with its own line breaks, `PHÒNG QUY HOẠCH - KẾ HOẠCH⏎SỬ DỤNG ĐẤT`), else the name.
/// `prefix` reaches the unit from the row (`don_vi.` in a nominee's report).
pub(super) fn unit_name(prefix: &str) -> String {
    format!("{{{{hoa (default {prefix}ten_tieu_de {prefix}ten_don_vi)}}}}")
}

/// The unit's own documents: the Department over the unit, the unit's number and a date.
pub(super) fn unit_head(date: &'static str) -> Item {
    Item::t(header_with(Head {
        parent: "{{hoa co_quan_ban_hanh}}",
        agency: &unit_name(""),
        number: Some("Số: {{so_ky_hieu}}"),
        vv: None,
        date: Some(date),
        layout: HEAD,
    }))
}

/// The Department's documents: the city over the Department.
pub(super) fn so_head(
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

pub(super) const SO_DATE: &str = "{{dia_danh}}, {{ngay_thang ngay_ky}}";

/// The unit head's signature, with the Nơi nhận.
pub(super) fn unit_signature(noi_nhan: &[&str]) -> Item {
    signature_by(noi_nhan, &["{{hoa chuc_vu_thu_truong}}"], "{{thu_truong}}")
}

/// A sub-heading (`2.1. Thi đua ...`, `a) Tập thể:`): bold italic, kept with the next line.
pub(super) fn sub(text: &str) -> Item {
    Item::p(body_in(text, pt(14).bold().italic()).keep_next(true))
}

pub(super) fn h(text: &str) -> Item {
    Item::p(heading(text))
}

/// A heading that follows a table: 12 pt above it.
pub(super) fn h_after_table(text: &str) -> Item {
    Item::p(heading(text).line_spacing(spacing(240, BODY_AFTER, BODY_LINE)))
}

pub(super) fn p(text: &str) -> Item {
    Item::p(body(text))
}

/// A body paragraph that follows a table: 6 pt above it.
pub(super) fn p_after_table(text: &str) -> Item {
    Item::p(body(text).line_spacing(spacing(200, BODY_AFTER, BODY_LINE)))
}

pub(super) fn italic(text: &str) -> Item {
    Item::p(body_in(text, pt(14).italic()))
}

/// A block tag alone in its paragraph (`{{#each ...}}`, `{{/if}}`): the paragraph vanishes
/// when the document is rendered.
pub(super) fn tag(text: &str) -> Item {
    Item::p(body(text).keep_next(true))
}

/// One column of a grid table: its heading, width, the text of its cell in the repeated row
/// (tags and text) and the alignment of that text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Col<'a> {
    head: &'a str,
    width: usize,
    value: &'a str,
    align: AlignmentType,
}

pub(super) const fn col<'a>(
    head: &'a str,
    width: usize,
    value: &'a str,
    align: AlignmentType,
) -> Col<'a> {
    Col {
        head,
        width,
        value,
        align,
    }
}

pub(super) const C: AlignmentType = AlignmentType::Center;
pub(super) const L: AlignmentType = AlignmentType::Left;

/// A cell of a grid table: its lines at `font`, 2 pt above and below, centred vertically.
fn grid_cell(width: usize, text: &str, font: Font, align: AlignmentType) -> TableCell {
    cell(
        width,
        vec![
            para(text, font)
                .align(align)
                .line_spacing(spacing(40, 40, SINGLE)),
        ],
    )
    .vertical_align(VAlignType::Center)
}

/// The header row of a grid table: each column's heading, bold and centred.
fn header_row(cols: &[Col], size: usize) -> TableRow {
    TableRow::new(
        cols.iter()
            .map(|c| grid_cell(c.width, c.head, pt(size).bold(), C))
            .collect(),
    )
    .row_height(HEADER_ROW as f32)
    .height_rule(HeightRule::AtLeast)
    .cant_split()
}

/// A bordered table over the text's width: a header row (repeated on every page) and one row
/// repeated by the engine for each item of `list` (`{{#each list}}` opens in the first cell,
/// `{{/each}}` closes in the last), then the `total` row if any (cells: span, text, align).
pub(super) fn grid(
    list: &str,
    cols: &[Col],
    size: usize,
    total: &[(usize, &str, AlignmentType)],
) -> Item {
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    debug_assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH, "{list}");
    let head = header_row(cols, size);
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

/// A bordered table of groups in one table: the header row, then per group of `groups`
/// (`{{#each (group ...)}}` alone in a tag row) a heading row (`heading`, its number in the
/// first cell) and a row per member (`{{#each rows}}` and `{{/each}}` alone in tag rows).
pub(super) fn grouped_grid(groups: &str, heading: &str, cols: &[Col], size: usize) -> Item {
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    debug_assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH, "{groups}");
    let head = header_row(cols, size);
    let rest: usize = widths[1..].iter().sum();
    let tag_row = |text: &str| {
        TableRow::new(vec![
            grid_cell(TEXT_WIDTH, text, pt(size), L).grid_span(cols.len()),
        ])
    };
    let heading_row = TableRow::new(vec![
        grid_cell(widths[0], "{{la_ma (stt)}}", pt(size).bold(), C),
        grid_cell(rest, heading, pt(size).bold(), L).grid_span(cols.len() - 1),
    ])
    .cant_split();
    let member = TableRow::new(
        cols.iter()
            .map(|c| grid_cell(c.width, c.value, pt(size), c.align))
            .collect(),
    )
    .cant_split();
    let rows = vec![
        head,
        tag_row(&format!("{{{{#each {groups}}}}}")),
        heading_row,
        tag_row("{{#each rows}}"),
        member,
        tag_row("{{/each}}"),
        tag_row("{{/each}}"),
    ];
    Item::t(
        table(&widths, rows, grid_borders())
            .margins(TableCellMargins::new().margin(0, CELL_PAD, 0, CELL_PAD)),
    )
}

/// `table` when `list` has rows, else the one sentence `none` saying there are none: a
/// table of no body rows is never printed (`{{#if list}}`, `{{else}}`, `{{/if}}` each alone in
/// a paragraph, so the branch not taken leaves nothing behind).
pub(super) fn table_or(list: &str, table: Item, none: &str) -> Vec<Item> {
    vec![
        tag(&format!("{{{{#if {list}}}}}")),
        table,
        tag("{{else}}"),
        Item::p(body(none).keep_next(true)),
        tag("{{/if}}"),
    ]
}
