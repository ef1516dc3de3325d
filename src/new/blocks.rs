//! The builders every document is made of: a run's look ([`Font`]), runs with each tag a run
//! of its own, paragraphs (centred, left, body, heading, lead), the short rule, blank lines,
//! cells and tables, and the [`Item`]s a document's body is a list of.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

use super::measure::{BODY_AFTER, BODY_LINE, CELL_PAD, FIRST_LINE, SINGLE};

/// A run's look: size in points, weight and slant.
#[derive(Debug, Clone, Copy)]
pub(super) struct Font {
    pt: usize,
    bold: bool,
    italic: bool,
    color: Option<&'static str>,
}

pub(super) const fn pt(pt: usize) -> Font {
    Font {
        pt,
        bold: false,
        italic: false,
        color: None,
    }
}

impl Font {
    pub(super) const fn bold(mut self) -> Font {
        self.bold = true;
        self
    }
    pub(super) const fn italic(mut self) -> Font {
        self.italic = true;
        self
    }
    pub(super) const fn color(mut self, color: &'static str) -> Font {
        self.color = Some(color);
        self
    }
}

/// The runs of `text`: each `{{...}}` tag a run of its own, the text between in others.
pub(super) fn runs(text: &str, font: Font) -> Vec<docx_rs::Run> {
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
pub(super) fn para(text: &str, font: Font) -> Paragraph {
    let mut p = Paragraph::new().size(font.pt * 2);
    for run in runs(text, font) {
        p = p.add_run(run);
    }
    p
}

pub(super) fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

/// A centred line, single-spaced.
pub(super) fn centered(text: &str, font: Font, before: u32, after: u32) -> Paragraph {
    para(text, font)
        .align(AlignmentType::Center)
        .line_spacing(spacing(before, after, SINGLE))
}

/// A left-aligned line, single-spaced (Nơi nhận).
pub(super) fn left(text: &str, font: Font) -> Paragraph {
    para(text, font)
        .align(AlignmentType::Left)
        .line_spacing(spacing(0, 0, SINGLE))
}

/// A body paragraph: justified, first line indented 1.27 cm, 6 pt after.
pub(super) fn body_in(text: &str, font: Font) -> Paragraph {
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

pub(super) fn body(text: &str) -> Paragraph {
    body_in(text, pt(14))
}

/// A heading (`I. MỤC ĐÍCH, YÊU CẦU`, `1. Mục đích`): a bold body line kept with the next.
pub(super) fn heading(text: &str) -> Paragraph {
    body_in(text, pt(14).bold()).keep_next(true)
}

/// A body paragraph that opens with a bold lead (`Điều 1. `).
pub(super) fn lead(bold: &str, text: &str) -> Paragraph {
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
pub(super) fn rule(length: usize, width: usize, after: u32) -> Paragraph {
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

pub(super) fn blank(pt: usize) -> Paragraph {
    Paragraph::new()
        .size(pt * 2)
        .line_spacing(spacing(0, 0, SINGLE))
}

pub(super) fn nil_borders() -> TableBorders {
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

pub(super) fn grid_borders() -> TableBorders {
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

pub(super) fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// A table of fixed columns; `borders` decides whether it is a layout table or a grid.
pub(super) fn table(widths: &[usize], rows: Vec<TableRow>, borders: TableBorders) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .align(docx_rs::TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PAD, 0, CELL_PAD))
        .set_borders(borders)
}

/// What the body of a document is made of.
pub(super) enum Item {
    P(Box<Paragraph>),
    T(Box<Table>),
}

impl Item {
    pub(super) fn p(paragraph: Paragraph) -> Item {
        Item::P(Box::new(paragraph))
    }
    pub(super) fn t(table: Table) -> Item {
        Item::T(Box::new(table))
    }
}

pub(super) fn body_items(lines: &[&str]) -> Vec<Item> {
    lines.iter().map(|l| Item::p(body(l))).collect()
}

/// A heading with its paragraphs under it.
pub(super) fn section(heading_text: &str, lines: &[&str]) -> Vec<Item> {
    let mut items = vec![Item::p(heading(heading_text))];
    items.extend(body_items(lines));
    items
}

/// `item` (a table) with every paragraph of its cells kept with the next: the table's last
/// rows go to the next page with what follows it (a signature) rather than leave it alone.
pub(super) fn kept_with_next(item: Item) -> Item {
    let Item::T(mut t) = item else { return item };
    for docx_rs::TableChild::TableRow(row) in &mut t.rows {
        for docx_rs::TableRowChild::TableCell(c) in &mut row.cells {
            for content in &mut c.children {
                if let docx_rs::TableCellContent::Paragraph(p) = content {
                    **p = std::mem::replace(&mut **p, Paragraph::new()).keep_next(true);
                }
            }
        }
    }
    Item::T(t)
}
