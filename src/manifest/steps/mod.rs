//! The steps that change the rows, applied in the order the manifest writes them: joins
//! (`join`), computed fields and ranks (`field`, `rank`), the Council's vote counts (`votes`),
//! and the rules and quotas (`checks`, beside this folder), which warn and may record what
//! failed on the rows. Each takes the tables and gives them back with at most one more
//! field; none writes a file.

mod field;
mod join;
mod rank;
mod votes;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use field::compute_field;
use join::apply_join;
use votes::count_votes;

use super::checks::{apply_quota, apply_rule};
use super::load::Loaded;
use super::lookup::add_column;
use super::schema::{FieldSpec, Join, Manifest, Quota, Rule, Votes};
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
    // Tables a failed step should have changed: the steps that read them would only repeat
    // its error, so they are skipped (and what they read becomes tainted in turn).
    let mut tainted: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (k, step) in steps.iter().enumerate() {
        let reads: Vec<&str> = match step {
            Step::Join(_, join) => vec![join.into.as_str(), join.from.as_str()],
            Step::Field(field) => vec![field.source.as_str()],
            Step::Votes(votes) => vec![votes.source.as_str()],
            Step::Rule(rule) => vec![rule.source.as_str()],
            Step::Quota(quota) => vec![quota.source.as_str()],
        };
        if reads.iter().any(|r| tainted.contains(r)) {
            tainted.insert(reads[0]);
            continue;
        }
        let result = match step {
            Step::Join(j, join) => {
                let consume =
                    !read_after(manifest, &steps[k + 1..], &join.from) && join.from != join.into;
                apply_join(loaded, *j, join, consume, tables)
                    .map(|mut found| warnings.append(&mut found))
            }
            Step::Field(field) => compute_field(loaded, field, tables, globals),
            Step::Votes(votes) => {
                count_votes(loaded, votes, tables, globals).map(|(summary, mut found)| {
                    votes_counted.push(summary);
                    warnings.append(&mut found);
                })
            }
            Step::Rule(rule) => apply_rule(loaded, rule, tables, globals)
                .map(|mut found| warnings.append(&mut found)),
            Step::Quota(quota) => apply_quota(loaded, quota, tables, globals)
                .map(|mut found| warnings.append(&mut found)),
        };
        if let Err(es) = result {
            errors.extend(es);
            tainted.insert(reads[0]);
            // What the step would have added still exists for the checks that follow,
            // so one mistake gives one message.
            let added = match step {
                Step::Join(_, join) => Some((&join.into, &join.field)),
                Step::Field(field) => Some((&field.source, &field.name)),
                Step::Votes(votes) => Some((&votes.source, &votes.field)),
                Step::Rule(rule) => rule.record.as_ref().map(|r| (&rule.source, r)),
                Step::Quota(quota) => quota.record.as_ref().map(|r| (&quota.source, r)),
            };
            if let Some((source, field)) = added
                && let Some(table) = tables.get_mut(source)
            {
                add_column(table, field);
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
    Rule(&'m Rule),
    Quota(&'m Quota),
}

/// Whether a source is read by any of `later` steps, or by a rule, quota or document.
fn read_after(manifest: &Manifest, later: &[Step], name: &str) -> bool {
    later.iter().any(|step| match step {
        Step::Join(_, join) => join.into == name || join.from == name,
        Step::Field(field) => field.source == name,
        Step::Votes(votes) => votes.source == name,
        Step::Rule(rule) => rule.source == name,
        Step::Quota(quota) => quota.source == name,
    }) || manifest.documents.iter().any(|d| d.source == name)
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
    for rule in &manifest.rules {
        steps.push((rule.span().start, Step::Rule(rule.get_ref())));
    }
    for quota in &manifest.quotas {
        steps.push((quota.span().start, Step::Quota(quota.get_ref())));
    }
    steps.sort_by_key(|(at, _)| *at);
    steps.into_iter().map(|(_, step)| step).collect()
}
