//! Rendered tables as rows of cells on their grid, and the repairs made on them after
//! rendering: equal adjacent values merged vertically (cells marked [`MERGE_MARK`]), a
//! vertical merge continuation left without its start made a start, and columns repeated
//! or dropped by a column block (cells between [`column_open`] and [`COLUMN_CLOSE`]) with the
//! table grid and cell widths changed so the table keeps its width.

use std::ops::Range;

use quick_xml::events::Event;

/// Marks a cell whose value merges with the cell above it when both are equal.
pub const MERGE_MARK: &str = "<!--vb-merge-->";
/// Closes the cells of one row that a column block made.
pub const COLUMN_CLOSE: &str = "<!--/vb-col-->";

/// Opens the cells of one row that a column block made: the block covers `span` grid
/// columns from grid column `grid` of the template's table.
pub fn column_open(grid: usize, span: usize) -> String {
    format!("<!--vb-col {grid} {span}-->")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    Restart,
    Continue,
}

#[derive(Debug)]
struct Cell {
    /// `<w:tc>` ... `</w:tc>`.
    span: Range<usize>,
    /// The `w:tcPr` element, or the empty range just after `<w:tc>`.
    props: Range<usize>,
    grid: usize,
    grid_span: usize,
    vmerge: Option<VMerge>,
    /// `w:tcW` (its markup span and width) when it is in twentieths of a point.
    width: Option<(Range<usize>, u64)>,
    /// The text of its `w:t`s.
    text: String,
    merge: bool,
    /// Index of the column group (among the row's) holding it.
    group: Option<usize>,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<Cell>,
    /// Column groups: (template grid column, grid columns it covers, cells inside).
    groups: Vec<(usize, usize, usize)>,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
    /// Each `w:gridCol`: its markup span and width.
    grid: Vec<(Range<usize>, u64)>,
}

/// Every table of a part (nested ones after their parents' rows are read).
fn read_tables(xml: &str) -> Option<Vec<Table>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut done = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    // Per open table: the open row, the open cell, the open column group.
    let mut open_cells: Vec<Option<Cell>> = Vec::new();
    let mut open_groups: Vec<Option<(usize, usize, usize)>> = Vec::new();
    let mut in_text = false;
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let end = reader.buffer_position() as usize;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name();
                let name = name.as_ref();
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.to_string())
                };
                let int_attr = |key: &str| attr(key).and_then(|v| v.parse::<u64>().ok());
                match name {
                    "w:tbl" if !empty => {
                        tables.push(Table::default());
                        open_cells.push(None);
                        open_groups.push(None);
                    }
                    "w:gridCol" => {
                        if let Some(t) = tables.last_mut() {
                            t.grid.push((start..end, int_attr("w:w").unwrap_or(0)));
                        }
                    }
                    "w:tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Row::default());
                        }
                    }
                    "w:tc" if !empty => {
                        let row = tables.last().and_then(|t| t.rows.last());
                        let grid = row
                            .and_then(|r| r.cells.last())
                            .map_or(0, |c| c.grid + c.grid_span);
                        let group = open_groups
                            .last()
                            .copied()
                            .flatten()
                            .map(|_| row.map_or(0, |r| r.groups.len().saturating_sub(1)));
                        if let Some(slot) = open_cells.last_mut() {
                            *slot = Some(Cell {
                                span: start..end,
                                props: end..end,
                                grid,
                                grid_span: 1,
                                vmerge: None,
                                width: None,
                                text: String::new(),
                                merge: false,
                                group,
                            });
                        }
                    }
                    "w:tcPr" => {
                        if let Some(Some(cell)) = open_cells.last_mut() {
                            cell.props = start..end;
                        }
                    }
                    "w:gridSpan" => {
                        if let Some(Some(cell)) = open_cells.last_mut() {
                            cell.grid_span = int_attr("w:val").unwrap_or(1).max(1) as usize;
                        }
                    }
                    "w:vMerge" => {
                        if let Some(Some(cell)) = open_cells.last_mut() {
                            cell.vmerge = Some(match attr("w:val").as_deref() {
                                Some("restart") => VMerge::Restart,
                                _ => VMerge::Continue,
                            });
                        }
                    }
                    "w:tcW" => {
                        let dxa = attr("w:type").as_deref() == Some("dxa");
                        if let (Some(Some(cell)), true, Some(w)) =
                            (open_cells.last_mut(), dxa, int_attr("w:w"))
                        {
                            cell.width = Some((start..end, w));
                        }
                    }
                    "w:t" if !empty => in_text = true,
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:tbl" => {
                    open_cells.pop();
                    open_groups.pop();
                    done.push(tables.pop()?);
                }
                "w:tcPr" => {
                    if let Some(Some(cell)) = open_cells.last_mut() {
                        cell.props.end = end;
                    }
                }
                "w:tc" => {
                    let mut cell = open_cells.last_mut()?.take()?;
                    cell.span.end = end;
                    let row = tables.last_mut()?.rows.last_mut()?;
                    if let Some(g) = cell.group {
                        row.groups[g].2 += 1;
                    }
                    row.cells.push(cell);
                }
                "w:t" => in_text = false,
                _ => {}
            },
            Event::Text(_) if in_text => {
                if let Some(Some(cell)) = open_cells.last_mut() {
                    cell.text.push_str(&xml[start..end]);
                }
            }
            Event::Comment(_) => {
                let text = xml[start + 4..end - 3].to_string();
                let mark = |m: &str| m[4..m.len() - 3].to_string();
                if text == mark(MERGE_MARK) {
                    if let Some(Some(cell)) = open_cells.last_mut() {
                        cell.merge = true;
                    }
                } else if let Some(rest) = text.strip_prefix("vb-col ") {
                    let mut numbers = rest.split(' ').filter_map(|n| n.parse::<usize>().ok());
                    let (grid, span) = (numbers.next()?, numbers.next()?);
                    if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        row.groups.push((grid, span, 0));
                    }
                    *open_groups.last_mut()? = Some((grid, span, 0));
                } else if text == mark(COLUMN_CLOSE) {
                    *open_groups.last_mut()? = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(done)
}

/// The `w:tcPr` of a cell with its `w:vMerge` set to `merge` (in schema order: after
/// `w:cnfStyle`, `w:tcW`, `w:gridSpan`, `w:hMerge`).
fn with_vmerge(props: &str, merge: VMerge) -> String {
    let element = match merge {
        VMerge::Restart => "<w:vMerge w:val=\"restart\"/>",
        VMerge::Continue => "<w:vMerge/>",
    };
    if props.is_empty() {
        return format!("<w:tcPr>{element}</w:tcPr>");
    }
    let mut s = props.to_string();
    if let Some(at) = s.find("<w:vMerge") {
        let end = s[at..].find("/>").map(|e| at + e + 2).unwrap_or(s.len());
        s.replace_range(at..end, element);
        return s;
    }
    if s.ends_with("/>") {
        return format!("<w:tcPr>{element}</w:tcPr>");
    }
    let mut at = s.find('>').map_or(s.len(), |i| i + 1);
    for before in ["<w:cnfStyle", "<w:tcW", "<w:gridSpan", "<w:hMerge"] {
        if let Some(i) = s.find(before) {
            let close = s[i..].find("/>").map(|e| i + e + 2).unwrap_or(at);
            at = at.max(close);
        }
    }
    s.insert_str(at, element);
    s
}

/// Replaces `edits` (sorted, not overlapping) in `xml`.
fn apply_edits(xml: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(xml.len() + 256);
    let mut copied = 0;
    for (range, text) in edits {
        if range.start < copied {
            continue;
        }
        out.push_str(&xml[copied..range.start]);
        out.push_str(&text);
        copied = range.end;
    }
    out.push_str(&xml[copied..]);
    out
}

/// Merges equal values of marked cells with the marked cell above them in the same grid
/// column, makes a continuation without a start above it a start, and removes the marks.
pub fn merge_cells(xml: &str) -> String {
    let Some(tables) = read_tables(xml) else {
        return xml.replace(MERGE_MARK, "");
    };
    let mut edits = Vec::new();
    for table in &tables {
        for (r, row) in table.rows.iter().enumerate() {
            let above = |cell: &Cell| {
                r.checked_sub(1).and_then(|a| {
                    table.rows[a]
                        .cells
                        .iter()
                        .find(|c| c.grid == cell.grid && c.grid_span == cell.grid_span)
                })
            };
            let below = |cell: &Cell| {
                table.rows.get(r + 1).and_then(|b| {
                    b.cells
                        .iter()
                        .find(|c| c.grid == cell.grid && c.grid_span == cell.grid_span)
                })
            };
            for cell in &row.cells {
                let joins = |other: Option<&Cell>| {
                    other.is_some_and(|o| o.merge && cell.merge && o.text == cell.text)
                };
                let new = if cell.merge {
                    if joins(above(cell)) {
                        Some(VMerge::Continue)
                    } else if joins(below(cell)) {
                        Some(VMerge::Restart)
                    } else {
                        None
                    }
                } else if cell.vmerge == Some(VMerge::Continue)
                    && above(cell).is_none_or(|a| a.vmerge.is_none())
                {
                    Some(VMerge::Restart)
                } else {
                    None
                };
                let Some(new) = new else { continue };
                let props = &xml[cell.props.clone()];
                edits.push((cell.props.clone(), with_vmerge(props, new)));
                if new == VMerge::Continue {
                    // A continuation shows nothing of its own.
                    edits.push((
                        cell.props.end..cell.span.end - "</w:tc>".len(),
                        "<w:p/>".into(),
                    ));
                }
            }
        }
    }
    apply_edits(xml, edits).replace(MERGE_MARK, "")
}

/// Repeats or drops the grid columns of each column block as its cells say, and changes the
/// widths of the table's grid and cells so that the table keeps its width; removes the marks.
pub fn fit_columns(xml: &str) -> String {
    let strip = |xml: String| {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml.as_str();
        while let Some(at) = rest.find("<!--vb-col ").or_else(|| rest.find(COLUMN_CLOSE)) {
            let at = match (rest.find("<!--vb-col "), rest.find(COLUMN_CLOSE)) {
                (Some(a), Some(b)) => a.min(b),
                _ => at,
            };
            out.push_str(&rest[..at]);
            let end = rest[at..].find("-->").map_or(rest.len(), |e| at + e + 3);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    };
    let Some(tables) = read_tables(xml) else {
        return strip(xml.to_string());
    };
    let mut edits = Vec::new();
    for table in &tables {
        // Per template grid column (of a block): how many copies; its span.
        let mut copies: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
        for row in &table.rows {
            for &(grid, span, cells) in &row.groups {
                copies.entry(grid).or_insert((cells, span));
            }
        }
        if copies.is_empty() || table.grid.is_empty() {
            continue;
        }
        let total: u64 = table.grid.iter().map(|(_, w)| w).sum();
        let dropped: u64 = copies
            .iter()
            .filter(|(_, (n, _))| *n == 0)
            .flat_map(|(&g, &(_, span))| table.grid.iter().skip(g).take(span))
            .map(|(_, w)| w)
            .sum();
        // Widths of the columns that stay grow by total / (total - dropped).
        let grow = |w: u64| {
            if dropped == 0 || dropped >= total {
                w
            } else {
                (w as u128 * total as u128 / (total - dropped) as u128) as u64
            }
        };
        let in_block = |g: usize| {
            copies
                .iter()
                .find(|&(&start, &(_, span))| g >= start && g < start + span)
                .map(|(&start, &(n, span))| (start, n, span))
        };
        let col = |w: u64| format!("<w:gridCol w:w=\"{w}\"/>");
        for (g, (range, w)) in table.grid.iter().enumerate() {
            let text = match in_block(g) {
                // A block's copies, each of its grid columns in turn.
                Some((start, n, span)) if start == g && n > 0 => {
                    let one: String = table.grid[g..(g + span).min(table.grid.len())]
                        .iter()
                        .map(|(_, w)| col(grow(*w) / n as u64))
                        .collect();
                    one.repeat(n)
                }
                Some(_) => String::new(),
                None => col(grow(*w)),
            };
            edits.push((range.clone(), text));
        }
        for row in &table.rows {
            for cell in &row.cells {
                let Some((range, w)) = &cell.width else {
                    continue;
                };
                let w = match cell.group {
                    Some(g) => grow(*w) / row.groups[g].2.max(1) as u64,
                    None => grow(*w),
                };
                let markup = &xml[range.clone()];
                let value = markup.find("w:w=\"").map(|i| i + 5);
                if let Some(v) = value {
                    let len = markup[v..].find('"').unwrap_or(0);
                    let text = format!("{}{w}{}", &markup[..v], &markup[v + len..]);
                    edits.push((range.clone(), text));
                }
            }
        }
    }
    strip(apply_edits(xml, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
        )
    }

    #[test]
    fn equal_marked_values_merge_down_and_the_marks_go() {
        let rows: String = ["A", "A", "B"]
            .iter()
            .map(|v| {
                format!(
                    "<w:tr>{}{}</w:tr>",
                    cell(&format!("{MERGE_MARK}{v}")),
                    cell("x")
                )
            })
            .collect();
        let out = merge_cells(&format!("<w:tbl>{rows}</w:tbl>"));
        assert!(!out.contains("vb-merge"), "{out}");
        assert_eq!(
            out.matches("<w:vMerge w:val=\"restart\"/>").count(),
            1,
            "{out}"
        );
        assert_eq!(out.matches("<w:vMerge/>").count(), 1, "{out}");
        assert_eq!(out.matches(">A<").count(), 1, "{out}");
        assert!(out.contains(
            "<w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/><w:vMerge w:val=\"restart\"/></w:tcPr>"
        ));
    }

    #[test]
    fn a_continuation_without_its_start_starts_a_merge() {
        let c = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>";
        let out = merge_cells(&format!("<w:tbl><w:tr>{c}</w:tr><w:tr>{c}</w:tr></w:tbl>"));
        assert_eq!(
            out,
            format!(
                "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p/></w:tc></w:tr><w:tr>{c}</w:tr></w:tbl>"
            )
        );
    }

    #[test]
    fn a_column_block_splits_its_width_among_its_copies_and_a_dropped_one_gives_it_away() {
        let grid = "<w:tblGrid><w:gridCol w:w=\"100\"/><w:gridCol w:w=\"300\"/></w:tblGrid>";
        let copies = format!(
            "{}{}{}{COLUMN_CLOSE}",
            column_open(1, 1),
            cell("1"),
            cell("2")
        );
        let xml = format!("<w:tbl>{grid}<w:tr>{}{copies}</w:tr></w:tbl>", cell("a"));
        let out = fit_columns(&xml);
        assert!(
            out.contains(
                "<w:gridCol w:w=\"100\"/><w:gridCol w:w=\"150\"/><w:gridCol w:w=\"150\"/>"
            ),
            "{out}"
        );
        assert_eq!(out.matches("w:w=\"50\"").count(), 2, "{out}");
        assert!(!out.contains("vb-col"), "{out}");
        let none = format!("{}{COLUMN_CLOSE}", column_open(1, 1));
        let xml = format!("<w:tbl>{grid}<w:tr>{}{none}</w:tr></w:tbl>", cell("a"));
        let out = fit_columns(&xml);
        assert!(
            out.contains("<w:tblGrid><w:gridCol w:w=\"400\"/></w:tblGrid>"),
            "{out}"
        );
        assert!(out.contains("<w:tcW w:w=\"400\""), "{out}");
    }
}
