//! Column blocks: `{{#each_col list as |x|}}` in a table cell and `{{/each_col}}` in a cell
//! of the same grid column further down (or the same cell) repeat that column once per item
//! of the list, header and body cells together; `{{#if_col c}}` / `{{#unless_col c}}` keep
//! or drop it. Each row's cell of the column is wrapped in the `_col` helper, which works out
//! the list once (where the block opens) and repeats the cell in the row's own context; the
//! table's grid and widths are fitted after rendering (`docx::tables::fit_columns`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use handlebars::{
    BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue,
    Output, RenderContext, RenderError, Renderable,
};

use super::blocks::BlockError;
pub use super::blocks::{is_column_helper, is_column_tag};
use super::expr::TagKind;
use super::scan::Scan;
use super::xml::{PartTree, TokKind};
use crate::diag::{Message, msg};

/// A column block, paired and placed.
#[derive(Debug, Clone)]
pub struct ColumnBlock {
    pub helper: String,
    pub open: usize,
    pub close: usize,
    /// First grid column and how many it covers.
    pub grid: (usize, usize),
    /// The `w:tc` start token of the column's cell in each row it covers (tag rows left out).
    pub cells: Vec<usize>,
    /// A number unique in the run, naming the block's list in the `_col` helper.
    pub id: usize,
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

/// The value of attribute `name` in a start tag's markup.
fn attr_value(markup: &str, name: &str) -> Option<usize> {
    let key = format!(" {name}=\"");
    let start = markup.find(&key)? + key.len();
    let len = markup[start..].find('"')?;
    markup[start..start + len].parse().ok()
}

/// The first grid column and span of the cell starting at token `tc`.
pub fn grid_of(tree: &PartTree, xml: &str, tc: usize) -> (usize, usize) {
    let row = tree.tokens[tc].parent;
    let mut col = 0;
    let mut i = row + 1;
    while i < tree.end_of(row) {
        let t = &tree.tokens[i];
        if t.parent == row && t.kind != TokKind::End {
            let end = tree.end_of(i);
            let find = |name: &str| {
                (i + 1..end)
                    .find(|&k| &*tree.tokens[k].name == name)
                    .and_then(|k| {
                        attr_value(&xml[tree.tokens[k].start..tree.tokens[k].end], "w:val")
                    })
            };
            match &*t.name {
                "w:trPr" => col += find("w:gridBefore").unwrap_or(0),
                "w:tc" => {
                    let span = find("w:gridSpan").unwrap_or(1).max(1);
                    if i == tc {
                        return (col, span);
                    }
                    col += span;
                }
                _ => {}
            }
            i = end;
        }
        i += 1;
    }
    (col, 1)
}

/// Pairs the column blocks of a part and finds their cells; reports every misuse.
pub fn pair_columns(
    tree: &PartTree,
    xml: &str,
    scan: &Scan,
    tag_rows: &std::collections::HashSet<usize>,
) -> (Vec<ColumnBlock>, Vec<BlockError>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let place = |t: usize| {
        let p = &tree.paragraphs[scan.tags[t].paragraph];
        p.cell
            .map(|tc| (tree.tokens[p.row.unwrap_or(0)].parent, tc))
    };
    let error = |t: usize, message: Message, hint: Message| BlockError {
        paragraph: scan.tags[t].paragraph,
        message,
        hints: vec![hint],
    };
    for (id, found) in scan.tags.iter().enumerate() {
        let Ok(tag) = &found.tag else { continue };
        match &tag.kind {
            TagKind::Open(h) if is_column_helper(h) => {
                if place(id).is_none() {
                    errors.push(error(
                        id,
                        msg!("template-column-not-in-table", text = &found.text),
                        msg!("template-column-put-in-first-cell"),
                    ));
                    continue;
                }
                if h == "each_col" && !tag.expr.contains(" as |") {
                    errors.push(error(
                        id,
                        msg!("template-column-needs-item-name", text = &found.text),
                        msg!("template-column-name-items"),
                    ));
                }
                open.push(id);
            }
            TagKind::Else => {
                // An else inside a column block (and no other block opened since).
                let inner = scan.tags[..id].iter().rev().find_map(|f| match &f.tag {
                    Ok(t) => match &t.kind {
                        TagKind::Open(h) | TagKind::Close(h) => Some((h.clone(), &t.kind)),
                        _ => None,
                    },
                    Err(_) => None,
                });
                if let Some((h, TagKind::Open(_))) = inner
                    && is_column_helper(&h)
                {
                    errors.push(error(
                        id,
                        msg!("template-column-else", text = &found.text),
                        msg!("template-column-choice-in-one-cell"),
                    ));
                }
            }
            TagKind::Close(h) if is_column_helper(h) => {
                let Some((table, tc)) = place(id) else {
                    errors.push(error(
                        id,
                        msg!("template-column-close-not-in-table", text = &found.text),
                        msg!("template-column-put-in-last-cell"),
                    ));
                    continue;
                };
                let grid = grid_of(tree, xml, tc);
                // The open block of this helper in the same table and grid column.
                let matching = open.iter().rposition(|&o| {
                    matches!(&scan.tags[o].tag, Ok(t) if t.kind == TagKind::Open(h.clone()))
                        && place(o)
                            .is_some_and(|(t, c)| t == table && grid_of(tree, xml, c) == grid)
                });
                let Some(at) = matching else {
                    let hint = match open.last() {
                        Some(&o) => msg!(
                            "template-column-opened-close-in-own-column",
                            tag = &scan.tags[o].text,
                            paragraph = scan.tags[o].paragraph + 1
                        ),
                        None => msg!("template-column-open-in-first-cell", helper = h),
                    };
                    errors.push(BlockError {
                        paragraph: found.paragraph,
                        message: msg!("template-column-closes-no-block", text = &found.text),
                        hints: vec![hint],
                    });
                    continue;
                };
                let o = open.remove(at);
                match column_cells(tree, xml, tag_rows, o, id, scan, grid) {
                    Ok(cells) => blocks.push(ColumnBlock {
                        helper: h.clone(),
                        open: o,
                        close: id,
                        grid,
                        cells,
                        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                    }),
                    Err(e) => errors.push(e),
                }
            }
            _ => {}
        }
    }
    for o in open {
        let h = match &scan.tags[o].tag {
            Ok(t) => match &t.kind {
                TagKind::Open(h) => h.clone(),
                _ => String::new(),
            },
            Err(_) => String::new(),
        };
        errors.push(error(
            o,
            msg!("template-unclosed", tag = &scan.tags[o].text),
            msg!("template-column-close-in-last-cell", helper = h),
        ));
    }
    (blocks, errors)
}

/// The column's cell in every row from the open tag's to the close tag's; an error where a
/// row has no cell exactly on the column (a merged cell crosses its edge).
fn column_cells(
    tree: &PartTree,
    xml: &str,
    tag_rows: &std::collections::HashSet<usize>,
    open: usize,
    close: usize,
    scan: &Scan,
    grid: (usize, usize),
) -> Result<Vec<usize>, BlockError> {
    let row_of = |t: usize| tree.paragraphs[scan.tags[t].paragraph].row.unwrap_or(0);
    let (first, last) = (row_of(open), row_of(close));
    let table = tree.tokens[first].parent;
    let (ot, ct) = (&scan.tags[open].text, &scan.tags[close].text);
    let pos = |t: usize| {
        tree.paragraphs[scan.tags[t].paragraph]
            .table_pos
            .unwrap_or_default()
    };
    let (tn, r1, _) = pos(open);
    let (_, r2, _) = pos(close);
    if tree.tokens[last].parent != table || last < first {
        return Err(BlockError {
            paragraph: scan.tags[open].paragraph,
            message: msg!(
                "template-column-closes-above",
                ot = ot,
                r1 = r1,
                tn = tn,
                ct = ct,
                r2 = r2
            ),
            hints: vec![msg!("template-column-open-first-close-last")],
        });
    }
    let open_grid = grid_of(
        tree,
        xml,
        tree.paragraphs[scan.tags[open].paragraph].cell.unwrap_or(0),
    );
    if open_grid != grid {
        return Err(BlockError {
            paragraph: scan.tags[open].paragraph,
            message: msg!(
                "template-column-different-columns",
                ot = ot,
                ct = ct,
                tn = tn
            ),
            hints: vec![msg!("template-column-close-in-its-column")],
        });
    }
    let mut cells = Vec::new();
    let mut number = 0;
    let mut i = table + 1;
    while i < tree.end_of(table) {
        let t = &tree.tokens[i];
        if t.parent == table && t.kind == TokKind::Start && &*t.name == "w:tr" {
            number += 1;
            if i >= first && i <= last && !tag_rows.contains(&i) {
                let cell = (i + 1..tree.end_of(i)).find(|&c| {
                    tree.tokens[c].parent == i
                        && &*tree.tokens[c].name == "w:tc"
                        && tree.tokens[c].kind == TokKind::Start
                        && grid_of(tree, xml, c).0 >= grid.0
                });
                match cell {
                    Some(c) if grid_of(tree, xml, c) == grid => cells.push(c),
                    _ => {
                        return Err(BlockError {
                            paragraph: scan.tags[open].paragraph,
                            message: msg!(
                                "template-column-merged-cell-crosses",
                                ot = ot,
                                tn = tn,
                                row = number
                            ),
                            hints: vec![msg!("template-column-split-merged-cell", row = number)],
                        });
                    }
                }
            }
            i = tree.end_of(i);
        }
        i += 1;
    }
    Ok(cells)
}

thread_local! {
    /// The value each column block's list (or condition) had where it opened, by block id.
    static LISTS: RefCell<HashMap<usize, JsonValue>> = RefCell::new(HashMap::new());
}

/// `{{#_col id "each" [list] as |x|}}`: renders its content once per item of the list given
/// where the block opens (remembered for the rows below), in the context around it, with the
/// item as `x` and `@index`; `"if"` / `"unless"`: once or not at all.
pub struct ColumnHelper;

impl HelperDef for ColumnHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let id = h.param(0).and_then(|p| p.value().as_u64()).unwrap_or(0) as usize;
        let kind = h
            .param(1)
            .and_then(|p| p.value().as_str())
            .unwrap_or("each");
        let value = match h.param(2) {
            Some(p) => {
                let v = p.value().clone();
                LISTS.with(|l| l.borrow_mut().insert(id, v.clone()));
                v
            }
            None => LISTS
                .with(|l| l.borrow().get(&id).cloned())
                .unwrap_or(JsonValue::Null),
        };
        let Some(t) = h.template() else { return Ok(()) };
        let truthy = match &value {
            JsonValue::Null => false,
            JsonValue::Bool(b) => *b,
            JsonValue::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
            JsonValue::String(s) => !s.is_empty(),
            JsonValue::Array(a) => !a.is_empty(),
            JsonValue::Object(_) => true,
        };
        match kind {
            "if" | "unless" => {
                if truthy == (kind == "if") {
                    t.render(r, ctx, rc, out)?;
                }
                Ok(())
            }
            _ => {
                let items: Vec<JsonValue> = match value {
                    JsonValue::Array(a) => a,
                    JsonValue::Null => Vec::new(),
                    other => {
                        return Err(crate::helpers::other(msg!(
                            "helper-each-col-needs-list",
                            found = crate::helpers::format_value(&other)
                        )));
                    }
                };
                let (path, base) = match rc.block() {
                    Some(b) => (b.base_path().clone(), b.base_value().cloned()),
                    None => (Vec::new(), None),
                };
                let n = items.len();
                for (i, item) in items.into_iter().enumerate() {
                    let mut block = BlockContext::new();
                    *block.base_path_mut() = path.clone();
                    if let Some(base) = &base {
                        block.set_base_value(base.clone());
                    }
                    block.set_local_var("index", JsonValue::from(i));
                    block.set_local_var("first", JsonValue::from(i == 0));
                    block.set_local_var("last", JsonValue::from(i + 1 == n));
                    if let Some(name) = h.block_param() {
                        let mut params = BlockParams::new();
                        params.add_value(name, item)?;
                        block.set_block_params(params);
                    }
                    rc.push_block(block);
                    let result = t.render(r, ctx, rc, out);
                    rc.pop_block();
                    result.map_err(|e: RenderError| e)?;
                }
                Ok(())
            }
        }
    }
}
