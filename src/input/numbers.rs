//! Numbers in CSV text, decided per column, never per cell.
//!
//! Excel in the Vietnamese locale writes `1.250.000` and `8,5` (a dot groups thousands, a
//! comma is the decimal mark); Google Sheets and LibreOffice exports may write `1250000` and
//! `8.5`, or `1,250,000.5`. A column is numeric only when every non-empty cell reads as a
//! number in one convention; when both conventions read every cell but give different values
//! (`1.500`: 1500 or 1,5), the column is ambiguous and stays text as typed. A number with a
//! leading zero (`001080012345`) is text in both.

use crate::diag::msg;
use serde_json::Value;

use super::cells::{self, Cell, GridRow, column_letter};
use crate::diag::{Diagnostic, quote};

/// How a number is written: which character groups thousands and which marks decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Convention {
    /// `1.250.000`, `8,5`.
    Vietnamese,
    /// `1,250,000`, `8.5`.
    English,
}

impl Convention {
    fn marks(self) -> (char, char) {
        match self {
            Convention::Vietnamese => ('.', ','),
            Convention::English => (',', '.'),
        }
    }
}

/// `text` as a plain decimal (`-1250000.5`) in `convention`, or `None` when it is no number
/// there.
pub(crate) fn read(text: &str, convention: Convention) -> Option<String> {
    let (group, decimal) = convention.marks();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, fraction) = match body.split_once(decimal) {
        Some((int, fraction)) => (int, Some(fraction)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole = if int.contains(group) {
        let mut groups = int.split(group);
        let first = groups.next()?;
        if !digits(first) || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        let mut whole = first.to_string();
        for g in groups {
            if g.len() != 3 || !digits(g) {
                return None;
            }
            whole.push_str(g);
        }
        whole
    } else {
        if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        int.to_string()
    };
    match fraction {
        None => Some(format!("{sign}{whole}")),
        Some(f) if digits(f) => Some(format!("{sign}{whole}.{f}")),
        Some(_) => None,
    }
}

/// What a column's cells are.
#[derive(Debug, PartialEq)]
enum Decision {
    Numbers(Convention),
    /// Text as typed, nothing to say.
    Text,
    /// Both conventions read every cell, with different values: the first cell that differs.
    Ambiguous {
        row: usize,
        text: String,
    },
    /// Numbers and other text: the first cell that is no number.
    Mixed {
        row: usize,
        text: String,
    },
}

/// Types the CSV cells of `rows` (the data rows under the header) column by column: a column
/// whose every non-empty cell is a number in one convention becomes numbers; any other stays
/// text as typed, with a note when it held numbers. `header` gives a column's header text.
pub(crate) fn type_columns(
    rows: &mut [GridRow],
    header: impl Fn(usize) -> Option<String>,
    location: impl Fn(usize, usize) -> String,
) -> Vec<Diagnostic> {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut notes = Vec::new();
    for column in 0..width {
        let decision = decide(rows, column);
        let name = match header(column) {
            Some(h) => format!("column {} ({})", column_letter(column), quote(&h)),
            None => continue,
        };
        match decision {
            Decision::Numbers(convention) => {
                for row in rows.iter_mut() {
                    if let Some(cell) = row.cells.get_mut(column)
                        && let Cell::Text(text) = cell
                        && let Some(value) = read(text, convention).and_then(|n| to_value(&n))
                    {
                        *cell = Cell::Number(value);
                    }
                }
            }
            Decision::Text => {}
            Decision::Ambiguous { row, text } => {
                let english = read(&text, Convention::English).unwrap_or_default();
                let vietnamese = read(&text, Convention::Vietnamese).unwrap_or_default();
                notes.push(
                    Diagnostic::note(
                        location(column, row),
                        msg!(
                            "input-numbers-read-two-ways-with",
                            name = name.to_string(),
                            text = &text.to_string(),
                            vietnamese = shown(&vietnamese).to_string(),
                            comma = if text.contains('.') { "dot" } else { "comma" }.to_string(),
                            english = shown(&english).to_string(),
                            comma2 = if text.contains('.') { "point" } else { "comma" }.to_string()
                        ),
                    )
                    .with_hint(msg!("input-templates-print-these-cells-typed")),
                );
            }
            Decision::Mixed { row, text } => notes.push(
                Diagnostic::note(
                    location(column, row),
                    msg!(
                        "input-holds-numbers-text-such-whole",
                        name = name.to_string(),
                        text = &text.to_string()
                    ),
                )
                .with_hint(msg!("input-make-column-numbers-leave-only")),
            ),
        }
    }
    notes
}

/// `1500`, `1,5`: a plain decimal as a note shows it.
fn shown(plain: &str) -> String {
    match plain.split_once('.') {
        Some((int, fraction)) => match fraction.trim_end_matches('0') {
            "" => int.to_string(),
            fraction => format!("{int},{fraction}"),
        },
        None => plain.to_string(),
    }
}

fn to_value(plain: &str) -> Option<Value> {
    number_cell(plain).or_else(|| plain.parse::<f64>().ok().map(super::formats::number))
}

fn decide(rows: &[GridRow], column: usize) -> Decision {
    let (mut vietnamese, mut english) = (true, true);
    let mut differs: Option<(usize, &str)> = None;
    let mut other: Option<(usize, &str)> = None;
    let mut any_number = false;
    let mut leading_zero_only = true;
    for row in rows {
        let text = match row.cell(column) {
            Cell::Text(t) => t.as_str(),
            Cell::Empty => continue,
            // Not CSV text (never the case for CSV rows): leave the column alone.
            _ => return Decision::Text,
        };
        let vi = read(text, Convention::Vietnamese);
        let en = read(text, Convention::English);
        if vi.is_some() || en.is_some() {
            any_number = true;
        } else if other.is_none() {
            other = Some((row.number, text));
        }
        if vi.is_none() && en.is_none() && !is_zero_padded(text) {
            leading_zero_only = false;
        }
        if let (Some(v), Some(e)) = (&vi, &en)
            && v != e
            && differs.is_none()
        {
            differs = Some((row.number, text));
        }
        vietnamese &= vi.is_some();
        english &= en.is_some();
    }
    match (vietnamese, english) {
        (false, false) => match other {
            Some((row, text)) if any_number && !leading_zero_only => Decision::Mixed {
                row,
                text: text.to_string(),
            },
            _ => Decision::Text,
        },
        (true, true) => match differs {
            Some((row, text)) => Decision::Ambiguous {
                row,
                text: text.to_string(),
            },
            None if any_number => Decision::Numbers(Convention::Vietnamese),
            None => Decision::Text,
        },
        (true, false) => Decision::Numbers(Convention::Vietnamese),
        (false, true) => Decision::Numbers(Convention::English),
    }
}

/// Digits with a leading zero (`0109876543`): an ID typed as text, never a number.
fn is_zero_padded(text: &str) -> bool {
    text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit())
}

/// A plain decimal number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`. Whole values become integers
/// (`12`, `3.0`), others floats; an integer too long for 64 bits stays text.
pub(crate) fn number_cell(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, fraction) = match unsigned.split_once('.') {
        Some((int, fraction)) => (int, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    match fraction {
        None => text.parse::<i64>().ok().map(Value::from),
        Some(fraction) if digits(fraction) => text.parse::<f64>().ok().map(cells::number_value),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(column: &[&str]) -> Vec<GridRow> {
        column
            .iter()
            .enumerate()
            .map(|(i, t)| GridRow {
                number: i + 2,
                cells: vec![Cell::text(t)],
            })
            .collect()
    }

    #[test]
    fn numbers_read_in_each_convention() {
        use Convention::*;
        assert_eq!(read("1.250.000", Vietnamese).as_deref(), Some("1250000"));
        assert_eq!(read("1.250.000", English), None);
        assert_eq!(read("8,5", Vietnamese).as_deref(), Some("8.5"));
        assert_eq!(read("8,5", English), None);
        assert_eq!(read("1.500", Vietnamese).as_deref(), Some("1500"));
        assert_eq!(read("1.500", English).as_deref(), Some("1.500"));
        assert_eq!(
            read("-1.250.000,75", Vietnamese).as_deref(),
            Some("-1250000.75")
        );
        assert_eq!(read("1,250,000.5", English).as_deref(), Some("1250000.5"));
        assert_eq!(read("0,5", Vietnamese).as_deref(), Some("0.5"));
        for text in [
            "001080012345",
            "1.25.000",
            "1e5",
            "",
            "-",
            " 12",
            "12 ",
            "0.250.000",
            "1,5,",
        ] {
            assert_eq!(read(text, Vietnamese), None, "{text:?}");
        }
    }

    #[test]
    fn a_column_is_numbers_only_in_one_convention_for_all_its_cells() {
        assert_eq!(
            decide(&rows(&["500.000", "1.500", "1.250.000"]), 0),
            Decision::Numbers(Convention::Vietnamese)
        );
        assert_eq!(
            decide(&rows(&["8,5", "7", ""]), 0),
            Decision::Numbers(Convention::Vietnamese)
        );
        assert_eq!(
            decide(&rows(&["8.5", "1250000"]), 0),
            Decision::Numbers(Convention::English)
        );
        assert_eq!(
            decide(&rows(&["500.000", "1.500"]), 0),
            Decision::Ambiguous {
                row: 2,
                text: "500.000".into()
            }
        );
        assert_eq!(
            decide(&rows(&["12", "Hội trường"]), 0),
            Decision::Mixed {
                row: 3,
                text: "Hội trường".into()
            }
        );
        assert_eq!(decide(&rows(&["0109876543", "12"]), 0), Decision::Text);
        assert_eq!(decide(&rows(&["An", "Bình"]), 0), Decision::Text);
    }

    #[test]
    fn only_plain_decimal_numbers_are_numbers() {
        for (text, value) in [
            ("12", Value::from(12)),
            ("-4.5", Value::from(-4.5)),
            ("0.25", Value::from(0.25)),
            ("0", Value::from(0)),
            ("3.0", Value::from(3)),
            ("1207", Value::from(1207)),
        ] {
            assert_eq!(number_cell(text), Some(value), "{text:?}");
        }
        for text in [
            "012",
            "0109876543",
            "1e5",
            "1,5",
            " 12",
            "12 ",
            "+5",
            ".5",
            "5.",
            "-",
            "",
            "1.2.3",
            "12345678901234567890",
            "١٢",
        ] {
            assert_eq!(number_cell(text), None, "{text:?}");
        }
    }
}
