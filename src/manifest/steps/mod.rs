//! The steps that change the rows, applied in the order the manifest writes them: joins
//! (`join`), computed fields and ranks (`field`, `rank`), the Council's vote counts (`votes`).
//! Each takes the tables and gives them back with one more field; none writes a file.

mod field;
mod join;
mod rank;
mod votes;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use field::compute_field;
use join::apply_join;
use votes::count_votes;

use super::load::Loaded;
use super::lookup::add_column;
use super::schema::{FieldSpec, Join, Manifest, Votes};
use crate::diag::Diagnostic;
use crate::input::Table;

/// Applies every step in the manifest's order; returns one line per `[[votes]]` (how many
/// nominees passed). A failing step adds its errors, and the field it would have added still
/// exists for the checks that follow, so one mistake gives one message.
pub(super) fn apply(
    loaded: &Loaded,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let manifest = &loaded.manifest;
    let mut votes_counted = Vec::new();
    let steps = steps(manifest);
    for (k, step) in steps.iter().enumerate() {
        let result = match step {
            Step::Join(j, join) => {
                let consume =
                    !read_after(manifest, &steps[k + 1..], &join.from) && join.from != join.into;
                apply_join(loaded, *j, join, consume, tables)
            }
            Step::Field(field) => compute_field(loaded, field, tables, globals),
            Step::Votes(votes) => {
                count_votes(loaded, votes, tables, globals).map(|(summary, mut found)| {
                    votes_counted.push(summary);
                    warnings.append(&mut found);
                })
            }
        };
        if let Err(es) = result {
            errors.extend(es);
            // What the step would have added still exists for the checks that follow,
            // so one mistake gives one message.
            let added = match step {
                Step::Join(_, join) => (&join.into, &join.field),
                Step::Field(field) => (&field.source, &field.name),
                Step::Votes(votes) => (&votes.source, &votes.field),
            };
            if let Some(table) = tables.get_mut(added.0) {
                add_column(table, added.1);
            }
        }
    }
    votes_counted
}

/// What the manifest changes in the rows, in the order it is written.
enum Step<'m> {
    Join(usize, &'m Join),
    Field(&'m FieldSpec),
    Votes(&'m Votes),
}

/// Whether a source is read by any of `later` steps, or by a rule, quota or document.
fn read_after(manifest: &Manifest, later: &[Step], name: &str) -> bool {
    later.iter().any(|step| match step {
        Step::Join(_, join) => join.into == name || join.from == name,
        Step::Field(field) => field.source == name,
        Step::Votes(votes) => votes.source == name,
    }) || manifest.rules.iter().any(|r| r.source == name)
        || manifest.quotas.iter().any(|q| q.source == name)
        || manifest.documents.iter().any(|d| d.source == name)
}

fn steps(manifest: &Manifest) -> Vec<Step<'_>> {
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (j, join) in manifest.joins.iter().enumerate() {
        steps.push((join.span().start, Step::Join(j, join.get_ref())));
    }
    for field in &manifest.fields {
        steps.push((field.span().start, Step::Field(field.get_ref())));
    }
    for votes in &manifest.votes {
        steps.push((votes.span().start, Step::Votes(votes.get_ref())));
    }
    steps.sort_by_key(|(at, _)| *at);
    steps.into_iter().map(|(_, step)| step).collect()
}
