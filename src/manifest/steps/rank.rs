//! Ranks: each row's place by a number field (1 for the highest, ties share a rank), for a
//! `[[fields]]` entry with `rank = "..."`.

use crate::diag::msg;
use serde_json::Value;

use crate::diag::Diagnostic;
use crate::input::Table;
use crate::manifest::load::Loaded;
use crate::manifest::lookup::{find_column, number};

/// Each row's rank by the number in field `by`: 1 for the highest (the lowest with
/// `order = "asc"`); equal values share a rank and the next rank skips (1, 2, 2, 4).
/// Rows outside `among` (when given) are not ranked: their rank is empty and they do not
/// count against the others (a unit whose report was not received).
pub(super) fn rank(
    loaded: &Loaded,
    place: &str,
    table: &Table,
    by: &str,
    order: Option<&str>,
    among: Option<&[bool]>,
) -> Result<Vec<Value>, Vec<Diagnostic>> {
    let ascending = match order {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(other) => {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                msg!(
                    "manifest-order-expected-asc-desc-found",
                    place = place.to_string(),
                    other = other.to_string()
                ),
            )]);
        }
    };
    let key = find_column(table, by, || {
        Diagnostic::error(
            &loaded.display,
            msg!(
                "manifest-no-field",
                place = place.to_string(),
                by = by.to_string(),
                source = table.source.to_string()
            ),
        )
    })
    .map_err(|d| vec![d])?
    .key
    .clone();
    let mut errors = Vec::new();
    let ranked = |i: usize| among.is_none_or(|a| a[i]);
    let numbers: Vec<Option<f64>> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if !ranked(i) {
                return None;
            }
            let value = row.fields.get(&key).unwrap_or(&Value::Null);
            number(value)
                .unwrap_or_else(|| {
                    errors.push(Diagnostic::error(
                        table.row_location(row.number),
                        msg!(
                            "manifest-expected-number-found",
                            place = place.to_string(),
                            by = by.to_string(),
                            value = crate::helpers::format_value(value).to_string()
                        ),
                    ));
                    0.0
                })
                .into()
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    // A row's rank is 1 + how many rows are strictly better.
    let mut sorted: Vec<f64> = numbers.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    Ok(numbers
        .iter()
        .map(|&n| {
            let Some(n) = n else {
                return Value::String(String::new());
            };
            let better = if ascending {
                sorted.partition_point(|&m| m < n)
            } else {
                sorted.len() - sorted.partition_point(|&m| m <= n)
            };
            Value::from(better + 1)
        })
        .collect())
}
