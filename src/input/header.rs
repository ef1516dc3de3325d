//! Headers over two rows: a group header merged across several columns (`Điểm` over `Tự chấm`
//! and `Hội đồng`) with the sub-headers in the row under it. The field names come from both
//! rows (`diem_tu_cham`, `diem_hoi_dong`) and the sub-header row is never a record. The two
//! rows are found from the sheet's merges, or given (`--header-row 4-5`, `header_row = "4-5"`).

use super::cells::{Cell, GridRow, Merge};
use crate::diag::{Diagnostic, msg};

/// The header row(s) as given: `4` (one row) or `4-5` (a group header row and the sub-header
/// row under it). Returns the first row and whether the header has two rows. `at` is where
/// the text was given (`--header-row`, `vanban.toml: sources.x.header_row`).
pub fn parse_header_rows(text: &str, at: &str) -> Result<(usize, bool), Diagnostic> {
    let text = text.trim();
    let number = |part: &str| part.trim().parse::<usize>().ok();
    let bad = || {
        Diagnostic::error(at, msg!("input-header-rows-expected", text = text))
            .with_hint(msg!("input-header-rows-give"))
    };
    let Some((first, last)) = text.split_once('-') else {
        let first = number(text).ok_or_else(bad)?;
        return one_row(first, at).map(|first| (first, false));
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return Err(bad());
    };
    header_range(first, last, at)
}

/// A header given as its two rows (`[4, 5]` in a manifest, `4-5` on the command line).
pub fn header_range(first: usize, last: usize, at: &str) -> Result<(usize, bool), Diagnostic> {
    let first = one_row(first, at)?;
    one_row(last, at)?;
    if last == first {
        return Ok((first, false));
    }
    if last < first {
        return Err(Diagnostic::error(
            at,
            msg!("input-header-rows-backwards", first = first, last = last),
        )
        .with_hint(msg!(
            "input-header-rows-group-first",
            first = first,
            last = last
        )));
    }
    if last > first + 1 {
        return Err(Diagnostic::error(
            at,
            msg!(
                "input-header-rows-too-many",
                first = first,
                last = last,
                count = last - first + 1
            ),
        )
        .with_hint(msg!(
            "input-header-rows-give-two",
            first = first,
            next = first + 1
        )));
    }
    Ok((first, true))
}

fn one_row(n: usize, at: &str) -> Result<usize, Diagnostic> {
    if n == 0 {
        return Err(Diagnostic::error(at, msg!("input-rows-numbered-from-1"))
            .with_hint(msg!("input-give-row-number-as-excel-shows")));
    }
    Ok(n)
}

/// The columns a header cell merged across several columns covers, in the row `header`
/// (1-based): (first, last), 0-based.
fn groups_in(merges: &[Merge], header: usize) -> Vec<(usize, usize)> {
    merges
        .iter()
        .filter(|&&(top, left, bottom, right)| {
            top as usize + 1 == header && bottom == top && right > left
        })
        .map(|&(_, left, _, right)| (left as usize, right as usize))
        .collect()
}

/// Detects a header over two rows from the merges: a header merged across several columns in
/// the header row (`rows[0]`), with headers under it in the next row, and every other header
/// merged down over both rows (`STT`). The header row then holds the joined names (`Điểm Tự
/// chấm`) and the row under it is removed; returns its number.
pub(crate) fn detect(rows: &mut Vec<GridRow>, merges: &[Merge]) -> Option<usize> {
    let header = rows[0].number;
    let groups = groups_in(merges, header);
    let sub = rows.get(1).filter(|r| r.number == header + 1)?;
    let under = |&(left, right): &(usize, usize)| {
        (left..=right).all(|c| matches!(sub.cell(c), Cell::Text(_)))
    };
    if groups.is_empty() || !groups.iter().all(under) {
        return None;
    }
    // A row under a merged header whose other cells are not merged down is a data row.
    let down = |column: usize| {
        merges.iter().any(|&(top, left, bottom, right)| {
            top as usize + 1 == header
                && bottom as usize + 1 > header
                && (left as usize..=right as usize).contains(&column)
        })
    };
    let in_group = |column: usize| groups.iter().any(|&(l, r)| (l..=r).contains(&column));
    let width = rows[0].cells.len().max(sub.cells.len());
    let others: Vec<usize> = (0..width)
        .filter(|&c| !in_group(c) && !rows[0].cell(c).is_blank())
        .collect();
    if others.is_empty() || !others.iter().all(|&c| down(c)) {
        return None;
    }
    let sub = rows.remove(1);
    join(&mut rows[0], &sub, &groups, false);
    Some(sub.number)
}

/// The header given over two rows: `rows[0]` is the group header row, `rows[1]` must be the
/// row under it. Groups are the header's merges across columns; where the file has none (CSV,
/// OpenDocument), a blank group cell belongs to the group header on its left. The sub-header
/// row is removed. Fails when the row under the header is empty.
pub(crate) fn given(
    rows: &mut Vec<GridRow>,
    merges: &[Merge],
    place: &str,
) -> Result<(), Diagnostic> {
    let header = rows[0].number;
    let sub = header + 1;
    if !rows
        .get(1)
        .is_some_and(|r| r.number == sub && !r.is_blank())
    {
        return Err(Diagnostic::error(
            place,
            msg!("input-sub-header-row-empty", header = header, sub = sub),
        )
        .with_hint(msg!("input-give-header-row-one-row", header = header)));
    }
    let groups = groups_in(merges, header);
    let carry = groups.is_empty();
    let sub = rows.remove(1);
    join(&mut rows[0], &sub, &groups, carry);
    Ok(())
}

/// Joins each group header to the sub-headers under it (`Điểm` + `Tự chấm`); a header merged
/// down over both rows (`STT`, copied into the sub-header row too) keeps its one name. With
/// `carry`, a blank header cell over a sub-header continues the group on its left.
fn join(top: &mut GridRow, sub: &GridRow, groups: &[(usize, usize)], carry: bool) {
    let width = top.cells.len().max(sub.cells.len());
    let mut group: Option<String> = None;
    let mut names = Vec::with_capacity(width);
    for column in 0..width {
        let above = top.cell(column).header_text();
        let below = sub.cell(column).header_text();
        let merged = groups
            .iter()
            .find(|&&(left, right)| (left..=right).contains(&column))
            .map(|&(left, _)| top.cell(left).header_text());
        let name = if let Some(merged) = merged {
            if below.is_empty() {
                merged
            } else {
                format!("{merged} {below}")
            }
        } else if !above.is_empty() {
            group = (!below.is_empty() && below != above).then(|| above.clone());
            if below.is_empty() || below == above {
                above
            } else {
                format!("{above} {below}")
            }
        } else {
            match (&group, carry) {
                (Some(g), true) if !below.is_empty() => format!("{g} {below}"),
                _ => {
                    group = None;
                    below
                }
            }
        };
        names.push(name);
    }
    top.cells = names.iter().map(|n| Cell::text(n.trim())).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_are_one_row_or_two() {
        assert_eq!(parse_header_rows("4", "--header-row").unwrap(), (4, false));
        assert_eq!(parse_header_rows("4-5", "--header-row").unwrap(), (4, true));
        assert_eq!(
            parse_header_rows(" 4 - 5 ", "--header-row").unwrap(),
            (4, true)
        );
        assert_eq!(
            parse_header_rows("4-4", "--header-row").unwrap(),
            (4, false)
        );
        for bad in ["5-4", "0-1", "4-7", "x", "4-", "0"] {
            assert!(parse_header_rows(bad, "--header-row").is_err(), "{bad}");
        }
    }

    fn row(number: usize, cells: &[&str]) -> GridRow {
        GridRow {
            number,
            cells: cells.iter().map(|t| Cell::text(t)).collect(),
        }
    }

    #[test]
    fn a_given_header_without_merges_carries_the_group_to_the_right() {
        let mut rows = vec![
            row(4, &["STT", "Đơn vị", "Điểm", "", "Ghi chú"]),
            row(5, &["", "", "Tự chấm", "Hội đồng", ""]),
            row(6, &["1", "VP", "95", "94", ""]),
        ];
        given(&mut rows, &[], "x.csv").unwrap();
        let names: Vec<String> = rows[0].cells.iter().map(Cell::header_text).collect();
        assert_eq!(
            names,
            ["STT", "Đơn vị", "Điểm Tự chấm", "Điểm Hội đồng", "Ghi chú"]
        );
        assert_eq!(rows[1].number, 6);
    }
}
