//! The page a document is set on: a portrait A4 letter with the decree's margins and page
//! numbers from page 2, or a landscape A4 page; Times New Roman 14 pt by default; the body's
//! items added in order.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin,
    PageOrientationType, Paragraph, RunFonts,
};

use super::blocks::{Item, blank};
use super::measure::{
    A4_LONG, A4_SHORT, FONT, HEADER_DISTANCE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP,
};

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A portrait A4 letter with the decree's margins, Times New Roman 14 pt, and page numbers
/// centred in the top margin from page 2 (a first-page header left empty, `w:titlePg`).
pub(super) fn letter(items: Vec<Item>) -> Docx {
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

pub(super) fn with_defaults(docx: Docx) -> Docx {
    docx.default_fonts(fonts())
        .default_size(28)
        .default_tab_stop(720)
}

pub(super) fn add_items(docx: Docx, items: Vec<Item>) -> Docx {
    items.into_iter().fold(docx, |d, item| match item {
        Item::P(p) => d.add_paragraph(*p),
        Item::T(t) => d.add_table(*t),
    })
}

/// A landscape A4 page with the same margin on every side.
pub(super) fn landscape(margin: i32) -> Docx {
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
