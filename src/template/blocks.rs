//! Blocks: pairing `{{#x}}` / `{{else}}` / `{{/x}}` and widening each block to the shape of
//! the document around it (inside a paragraph, a table row, or the paragraphs between two
//! tag-only paragraphs).

use super::expr::TagKind;
use super::scan::{Piece, Scan};
use super::xml::{PartTree, TokKind};
use crate::diag::{Message, msg};

/// The block helpers of column blocks.
pub const COLUMN_HELPERS: &[&str] = &["each_col", "if_col", "unless_col"];

pub fn is_column_helper(name: &str) -> bool {
    COLUMN_HELPERS.contains(&name)
}

/// Whether a scanned tag opens or closes a column block.
pub fn is_column_tag(scan: &Scan, tag: usize) -> bool {
    matches!(&scan.tags[tag].tag, Ok(t) if matches!(&t.kind,
        TagKind::Open(h) | TagKind::Close(h) if is_column_helper(h)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Open and close in the same paragraph.
    Inline,
    /// Open and close in different cells of one table row: the row repeats or drops.
    TableRow,
    /// Open and close alone in their own paragraphs: those paragraphs vanish and what lies
    /// between them repeats or drops.
    Paragraphs,
    /// Open and close each in a tag row (a table row that holds nothing but block tags) of
    /// one table: those rows vanish and the rows between them repeat or drop.
    Rows,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Inline => "inline",
            Shape::TableRow => "table row",
            Shape::Paragraphs => "paragraphs",
            Shape::Rows => "table rows",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Block {
    pub helper: String,
    pub open: usize,
    pub elses: Vec<usize>,
    pub close: usize,
    pub shape: Shape,
}

/// A block problem at a paragraph (0-based), with hints.
#[derive(Debug, Clone)]
pub struct BlockError {
    pub paragraph: usize,
    pub message: crate::diag::Message,
    pub hints: Vec<crate::diag::Message>,
}

/// Which paragraphs hold nothing but block tags, comments and spaces: they may vanish.
pub fn control_only_paragraphs(tree: &PartTree, scan: &Scan) -> Vec<bool> {
    let mut control = vec![false; tree.paragraphs.len()];
    let mut has_tag = vec![false; tree.paragraphs.len()];
    // Whether every tag of the paragraph is a block tag or a comment; whether all open
    // blocks, or all close them.
    let mut tags_are_control = vec![true; tree.paragraphs.len()];
    let mut all_open = vec![true; tree.paragraphs.len()];
    let mut all_close = vec![true; tree.paragraphs.len()];
    for (index, found) in scan.tags.iter().enumerate() {
        has_tag[found.paragraph] = true;
        let kind = found.tag.as_ref().map(|t| &t.kind);
        // A column block's tags keep their cell's row a row of the table.
        let is_control = matches!(
            kind,
            Ok(TagKind::Open(_) | TagKind::Else | TagKind::Close(_) | TagKind::Comment)
        ) && !is_column_tag(scan, index);
        tags_are_control[found.paragraph] &= is_control;
        all_open[found.paragraph] &= matches!(kind, Ok(TagKind::Open(_)));
        all_close[found.paragraph] &= matches!(kind, Ok(TagKind::Close(_)));
    }
    for (p, paragraph) in tree.paragraphs.iter().enumerate() {
        if !has_tag[p] {
            continue;
        }
        let tags_are_control = tags_are_control[p];
        let text_is_blank = paragraph.nodes.iter().all(|&n| match &scan.pieces[n] {
            Some(pieces) => pieces.iter().all(|piece| match piece {
                Piece::Text(t) => t.trim().is_empty(),
                Piece::Tag(_) => true,
            }),
            None => tree.nodes[n].text.trim().is_empty(),
        });
        let end = tree.end_of(paragraph.open);
        // A section break of the paragraph's own (in its `w:pPr`) stays behind when the
        // paragraph vanishes (see [`section_break`]), where its tags all open or all close.
        let own_break = section_break(tree, p).is_some();
        let holds_objects = tree.tokens[paragraph.open..end].iter().any(|t| {
            let object = match &*t.name {
                "w:drawing" | "w:pict" | "w:object" | "w:p" => true,
                "w:sectPr" => !own_break || !(all_open[p] || all_close[p]),
                _ => false,
            };
            object && t.kind != TokKind::End && !std::ptr::eq(t, &tree.tokens[paragraph.open])
        });
        control[p] = tags_are_control && text_is_blank && !holds_objects;
    }
    control
}

/// The tag rows of a part (by `w:tr` start token): rows whose paragraphs hold block tags
/// and nothing else (no text, no drawing, no nested table), at least one tag among them.
pub fn tag_rows(
    tree: &PartTree,
    control: &[bool],
    scan: &Scan,
) -> std::collections::HashSet<usize> {
    let mut has_tag = vec![false; tree.paragraphs.len()];
    for found in &scan.tags {
        has_tag[found.paragraph] = true;
    }
    let mut verdict: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
    for (p, paragraph) in tree.paragraphs.iter().enumerate() {
        let Some(row) = paragraph.row else { continue };
        let fine = if has_tag[p] {
            control[p]
        } else {
            paragraph
                .nodes
                .iter()
                .all(|&n| tree.nodes[n].text.trim().is_empty())
        };
        let entry = verdict.entry(row).or_insert(true);
        *entry &= fine;
    }
    verdict
        .into_iter()
        .filter(|&(row, fine)| {
            fine && tree
                .paragraphs
                .iter()
                .enumerate()
                .any(|(p, par)| par.row == Some(row) && has_tag[p])
                && !tree.tokens[row + 1..tree.end_of(row)]
                    .iter()
                    .any(|t| matches!(&*t.name, "w:tbl" | "w:drawing" | "w:pict" | "w:object"))
        })
        .map(|(row, _)| row)
        .collect()
}

/// The span of the `w:pPr` of paragraph `p` when it holds the paragraph's section break
/// (`w:sectPr`): the section that paragraph ends.
pub fn section_break(tree: &PartTree, p: usize) -> Option<std::ops::Range<usize>> {
    let open = tree.paragraphs[p].open;
    let end = tree.end_of(open);
    let ppr = (open + 1..end)
        .find(|&i| tree.tokens[i].parent == open && &*tree.tokens[i].name == "w:pPr")?;
    let ppr_end = tree.end_of(ppr);
    (ppr + 1..ppr_end)
        .any(|i| tree.tokens[i].parent == ppr && &*tree.tokens[i].name == "w:sectPr")
        .then(|| tree.tokens[ppr].start..tree.tokens[ppr_end].end)
}

/// Pairs every block and decides its shape; reports every problem.
pub fn pair_blocks(
    tree: &PartTree,
    scan: &Scan,
    control: &[bool],
) -> (Vec<Block>, Vec<BlockError>) {
    struct Open {
        tag: usize,
        helper: String,
        elses: Vec<usize>,
    }
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let rows = tag_rows(tree, control, scan);
    let para = |tag: usize| scan.tags[tag].paragraph;
    let text = |tag: usize| scan.tags[tag].text.clone();
    for (id, found) in scan.tags.iter().enumerate() {
        let Ok(tag) = &found.tag else { continue };
        // Column blocks pair on their own (see `columns::pair_columns`).
        if is_column_tag(scan, id) {
            continue;
        }
        match &tag.kind {
            TagKind::Open(helper) => stack.push(Open {
                tag: id,
                helper: helper.clone(),
                elses: Vec::new(),
            }),
            TagKind::Else => match stack.last_mut() {
                Some(open) => open.elses.push(id),
                None => errors.push(BlockError {
                    paragraph: found.paragraph,
                    message: msg!("template-outside-any-block", text = found.text.to_string()),
                    hints: vec![msg!("template-use-between-if-if-remove")],
                }),
            },
            TagKind::Close(name) => {
                let Some(depth) = stack.iter().rposition(|o| &o.helper == name) else {
                    let message = match stack.last() {
                        Some(top) => BlockError {
                            paragraph: found.paragraph,
                            message: msg!(
                                "template-does-not-match",
                                text = found.text.to_string(),
                                tag = text(top.tag).to_string()
                            ),
                            hints: vec![msg!(
                                "template-opened-paragraph-close-with",
                                tag = text(top.tag).to_string(),
                                tag2 = para(top.tag) + 1,
                                helper = top.helper.to_string()
                            )],
                        },
                        None => BlockError {
                            paragraph: found.paragraph,
                            message: msg!(
                                "template-closes-no-open-block",
                                text = found.text.to_string()
                            ),
                            hints: vec![msg!(
                                "template-remove-open-block-before-with",
                                name = name.to_string()
                            )],
                        },
                    };
                    errors.push(message);
                    // A close that matches nothing was most likely meant for the innermost
                    // block: take it as closed, so it is not reported a second time.
                    stack.pop();
                    continue;
                };
                while stack.len() > depth + 1 {
                    let inner = stack.pop().expect("stack deeper than depth");
                    errors.push(BlockError {
                        paragraph: para(inner.tag),
                        message: msg!("template-unclosed", tag = text(inner.tag).to_string()),
                        hints: vec![msg!(
                            "template-close-with-before-paragraph",
                            helper = inner.helper.to_string(),
                            text = found.text.to_string(),
                            paragraph = found.paragraph + 1
                        )],
                    });
                }
                let open = stack.pop().expect("matched entry");
                match decide_shape(tree, scan, control, &rows, open.tag, &open.elses, id) {
                    Ok(shape) => blocks.push(Block {
                        helper: open.helper,
                        open: open.tag,
                        elses: open.elses,
                        close: id,
                        shape,
                    }),
                    Err(e) => errors.push(e),
                }
            }
            TagKind::Value | TagKind::Comment => {}
        }
    }
    for open in stack {
        errors.push(BlockError {
            paragraph: para(open.tag),
            message: msg!("template-unclosed", tag = text(open.tag).to_string()),
            hints: vec![msg!(
                "template-close-with",
                helper = open.helper.to_string()
            )],
        });
    }
    // A vanishing paragraph cannot also hold the tags of a row-shaped block.
    for block in &blocks {
        if block.shape != Shape::TableRow {
            continue;
        }
        for &t in [block.open, block.close].iter().chain(&block.elses) {
            let p = para(t);
            let mixed = blocks.iter().any(|b| {
                b.shape == Shape::Paragraphs
                    && [b.open, b.close]
                        .iter()
                        .chain(&b.elses)
                        .any(|&u| para(u) == p)
            });
            if mixed {
                errors.push(BlockError {
                    paragraph: p,
                    message: msg!("template-paragraph-holds-tags-table-row", p = p + 1),
                    hints: vec![msg!("template-put-each-block-s-tags")],
                });
            }
        }
    }
    // A tag row vanishes whole: it cannot also hold the tags of a block of another shape.
    let row_of = |t: usize| tree.paragraphs[para(t)].row;
    for block in blocks.iter().filter(|b| b.shape == Shape::Rows) {
        for &t in [block.open, block.close].iter().chain(&block.elses) {
            let other = blocks.iter().find(|b| {
                b.shape != Shape::Rows
                    && [b.open, b.close]
                        .iter()
                        .chain(&b.elses)
                        .any(|&u| row_of(u) == row_of(t))
            });
            if let Some(other) = other {
                let (table, row, _) = tree.paragraphs[para(t)].table_pos.unwrap_or_default();
                errors.push(BlockError {
                    paragraph: para(t),
                    message: msg!(
                        "template-row-table-holds-block-over",
                        row = row.to_string(),
                        table = table.to_string(),
                        t = text(t).to_string(),
                        open = text(other.open).to_string()
                    ),
                    hints: vec![msg!("template-give-each-block-over-rows")],
                });
            }
        }
    }
    blocks.sort_by_key(|b| b.open);
    (blocks, errors)
}

fn decide_shape(
    tree: &PartTree,
    scan: &Scan,
    control: &[bool],
    tag_rows: &std::collections::HashSet<usize>,
    open: usize,
    elses: &[usize],
    close: usize,
) -> Result<Shape, BlockError> {
    let tags = &scan.tags;
    let (po, pc) = (tags[open].paragraph, tags[close].paragraph);
    let (o, c) = (&tree.paragraphs[po], &tree.paragraphs[pc]);
    let both = msg!(
        "template-opens-paragraph-closes-paragraph",
        text = tags[open].text.to_string(),
        po = po + 1,
        text2 = tags[close].text.to_string(),
        pc = pc + 1
    );
    if po == pc {
        if let Some(&e) = elses.iter().find(|&&e| tags[e].paragraph != po) {
            return Err(BlockError {
                paragraph: po,
                message: msg!(
                    "template-opens-closes-paragraph-but-paragraph",
                    text = tags[open].text.to_string(),
                    po = po + 1,
                    text2 = tags[e].text.to_string(),
                    paragraph = tags[e].paragraph + 1
                ),
                hints: vec![msg!("template-keep-whole-block-one-paragraph")],
            });
        }
        let path = |tag: usize| node_path(tree, tags[tag].first_node);
        let open_path = path(open);
        if let Some(&other) = elses
            .iter()
            .chain([&close])
            .find(|&&t| path(t) != open_path)
        {
            return Err(BlockError {
                paragraph: po,
                message: msg!(
                    "template-sit-different-levels-paragraph-one",
                    text = tags[open].text.to_string(),
                    text2 = tags[other].text.to_string(),
                    po = po + 1
                ),
                hints: vec![msg!("template-retype-both-tags-plain-text")],
            });
        }
        return Ok(Shape::Inline);
    }
    let all_ends = || [open, close].into_iter().chain(elses.iter().copied());
    let alone = all_ends().all(|t| control[tags[t].paragraph])
        && all_ends().all(|t| tree.paragraphs[tags[t].paragraph].container == o.container);
    if alone {
        return Ok(Shape::Paragraphs);
    }
    // Each end in a tag row of one table, open and close in different rows.
    let row_of = |t: usize| tree.paragraphs[tags[t].paragraph].row;
    let in_tag_rows = all_ends().all(|t| row_of(t).is_some_and(|r| tag_rows.contains(&r)));
    if in_tag_rows && row_of(open) != row_of(close) {
        let table = |t: usize| row_of(t).map(|r| tree.tokens[r].parent);
        if all_ends().all(|t| table(t) == table(open)) {
            return Ok(Shape::Rows);
        }
    }
    if o.row.is_some() && o.row == c.row && o.cell != c.cell {
        if let Some(&e) = elses.first() {
            return Err(BlockError {
                paragraph: po,
                message: msg!(
                    "template-repeats-table-row-which-cannot",
                    text = tags[open].text.to_string(),
                    text2 = tags[e].text.to_string(),
                    paragraph = tags[e].paragraph + 1
                ),
                hints: vec![msg!("template-put-choice-inside-one-cell")],
            });
        }
        return Ok(Shape::TableRow);
    }
    Err(shape_error(tree, scan, control, open, elses, close, both))
}

/// Why a block has no shape, in the words a Word user would use.
fn shape_error(
    tree: &PartTree,
    scan: &Scan,
    control: &[bool],
    open: usize,
    elses: &[usize],
    close: usize,
    both: Message,
) -> BlockError {
    let tags = &scan.tags;
    let (po, pc) = (tags[open].paragraph, tags[close].paragraph);
    let (o, c) = (&tree.paragraphs[po], &tree.paragraphs[pc]);
    let (ot, ct) = (&tags[open].text, &tags[close].text);
    let error = |message: Message, hint: Message| BlockError {
        paragraph: po,
        message,
        hints: vec![hint],
    };
    match (o.table_pos, c.table_pos) {
        (Some((t1, r1, _)), Some((t2, r2, _))) if t1 == t2 && r1 != r2 && o.row.is_some() => {
            return error(
                msg!(
                    "template-opens-row-table-but-closes",
                    ot = ot.to_string(),
                    r1 = r1.to_string(),
                    t1 = t1.to_string(),
                    ct = ct.to_string(),
                    r2 = r2.to_string()
                ),
                msg!(
                    "template-block-that-repeats-table-row",
                    ct = ct.to_string(),
                    r1 = r1.to_string()
                ),
            );
        }
        (Some((t, r, cell)), None) => {
            return error(
                msg!(
                    "template-opens-table-cell-table-row",
                    ot = ot.to_string(),
                    t = t.to_string(),
                    r = r.to_string(),
                    cell = cell.to_string(),
                    ct = ct.to_string(),
                    pc = pc + 1
                ),
                msg!("template-close-same-row-s-last"),
            );
        }
        (None, Some((t, r, cell))) => {
            return error(
                msg!(
                    "template-opens-outside-table-but-closes",
                    ot = ot.to_string(),
                    ct = ct.to_string(),
                    t = t.to_string(),
                    r = r.to_string(),
                    cell = cell.to_string()
                ),
                msg!("template-put-both-tags-outside-table"),
            );
        }
        _ => {}
    }
    let ends = [open, close].into_iter().chain(elses.iter().copied());
    let not_alone: Vec<usize> = ends.filter(|&t| !control[tags[t].paragraph]).collect();
    if o.container == c.container && !not_alone.is_empty() {
        let t = not_alone[0];
        let p = tags[t].paragraph;
        let others: String = tree.paragraphs[p]
            .nodes
            .iter()
            .map(|&n| match &scan.pieces[n] {
                Some(pieces) => pieces
                    .iter()
                    .filter_map(|piece| match piece {
                        Piece::Text(text) => Some(text.as_str()),
                        Piece::Tag(_) => None,
                    })
                    .collect::<String>(),
                None => tree.nodes[n].text.clone(),
            })
            .collect::<String>();
        let others = others.trim();
        let what = if others.is_empty() {
            msg!("template-other-tags")
        } else {
            msg!(
                "template-text",
                text = others.chars().take(30).collect::<String>().to_string()
            )
        };
        return error(
            msg!(
                "template-but-does-not-stand-alone",
                both = &both,
                text = tags[t].text.to_string(),
                p = p + 1
            ),
            msg!(
                "template-move-out-paragraph-keep-whole",
                what = &what,
                p = p + 1
            ),
        );
    }
    error(
        msg!("template-which-different-places-body-table", both = &both),
        msg!(
            "template-put-each-alone-paragraph-same",
            ot = ot.to_string(),
            ct = ct.to_string()
        ),
    )
}

/// The names of the elements between a text node and its paragraph (`w:r`, or
/// `w:hyperlink/w:r`).
fn node_path(tree: &PartTree, node: usize) -> Vec<&str> {
    let paragraph = tree.paragraphs[tree.nodes[node].paragraph].open;
    let mut path = Vec::new();
    let mut t = tree.tokens[tree.nodes[node].open].parent;
    while t != usize::MAX && t != paragraph {
        path.push(&*tree.tokens[t].name);
        t = tree.tokens[t].parent;
    }
    path
}
