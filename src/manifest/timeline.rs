//! The round's timeline (`[[dates]]`): each document's date against the dates it must follow
//! or precede, once every document is planned. A date out of order is a warning at the cell
//! it comes from (the clerk signs; the order is the procedure's).

use crate::diag::msg;
use std::cmp::Ordering;

use super::load::Loaded;
use super::schema::DateOrder;
use crate::batch::{Job, Plan};
use crate::diag::Diagnostic;

/// A document's date, as the helpers read dates (`dd/mm/yyyy`).
fn day_of(text: &str) -> Option<crate::helpers::DateTime> {
    crate::helpers::parse_date(text)
}

/// The warnings of every `[[dates]]` entry, over the planned jobs (one per document spec).
pub(super) fn check(loaded: &Loaded, jobs: &[Job], plans: &[Plan]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for order in &loaded.manifest.dates {
        let line = loaded.line_of(order.span().start);
        warnings.extend(check_one(loaded, order.get_ref(), line, jobs, plans));
    }
    warnings
}

fn check_one(
    loaded: &Loaded,
    order: &DateOrder,
    line: usize,
    jobs: &[Job],
    plans: &[Plan],
) -> Vec<Diagnostic> {
    let here = format!("{}:{line}", loaded.display);
    let kind = |name: &str| {
        loaded
            .manifest
            .documents
            .iter()
            .position(|d| d.kind == name)
    };
    let Some(k) = kind(&order.date) else {
        return vec![
            Diagnostic::warning(
                &here,
                msg!(
                    "manifest-dates-no-document-kind",
                    date = order.date.to_string()
                ),
            )
            .with_hint(
                match crate::diag::closest(
                    &order.date,
                    loaded.manifest.documents.iter().map(|d| d.kind.as_str()),
                ) {
                    Some(near) => msg!("manifest-did-you-mean", near = near),
                    None => msg!("manifest-name-kind-whose-dates-checked"),
                },
            ),
        ];
    };
    let dates = jobs[k].dates(&plans[k], None);
    let bounds = [
        (&order.after, Ordering::Greater, "after"),
        (&order.not_before, Ordering::Equal, "on or after"),
        (&order.before, Ordering::Less, "before"),
        (&order.not_after, Ordering::Equal, "on or before"),
    ];
    let mut warnings = Vec::new();
    for (bound, want, words) in bounds {
        let Some(bound) = bound else { continue };
        let later = matches!(words, "after" | "on or after");
        // Another kind: the latest (or earliest) of its documents; else a field of each
        // document (its row or a global).
        let theirs: Vec<(String, String)> = match kind(bound) {
            Some(b) => {
                let all = jobs[b].dates(&plans[b], None);
                let pick = all
                    .into_iter()
                    .filter(|(d, _)| day_of(d).is_some())
                    .reduce(|a, b| {
                        let (x, y) = (day_of(&a.0), day_of(&b.0));
                        if (later && y > x) || (!later && y < x) {
                            b
                        } else {
                            a
                        }
                    });
                match pick {
                    Some(one) => vec![one; dates.len()],
                    None => continue,
                }
            }
            None => jobs[k].dates(&plans[k], Some(bound)),
        };
        for ((date, at), (other, _)) in dates.iter().zip(&theirs) {
            let (Some(mine), Some(them)) = (day_of(date), day_of(other)) else {
                continue;
            };
            let ok = match (want, later) {
                (Ordering::Greater, _) => mine > them,
                (Ordering::Less, _) => mine < them,
                (_, true) => mine >= them,
                (_, false) => mine <= them,
            };
            if !ok {
                let why = order
                    .message
                    .as_deref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default();
                warnings.push(
                    Diagnostic::warning(
                        at,
                        msg!(
                            "manifest-dated-not",
                            date = order.date.to_string(),
                            date2 = date.to_string(),
                            words = words.replace(' ', "-"),
                            bound = bound.to_string(),
                            other = other.to_string(),
                            why = why.to_string()
                        ),
                    )
                    .with_hint(msg!("manifest-order-set", here = here.to_string())),
                );
            }
        }
    }
    warnings
}
