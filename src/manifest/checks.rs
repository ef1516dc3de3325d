//! The checks of a manifest on the rows: rules of the plan or the law, and quotas per group.
//! They produce warnings at the cells concerned (the Council decides); only a check that
//! cannot be evaluated is an error. They run among the steps, in the manifest's order; one
//! with `record` writes its label into a list field of each row it finds, so that documents
//! can show (and awards leave out) what failed.

use crate::diag::msg;
use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::load::Loaded;
use super::lookup::{add_column, column_letter, count_cell, eval_for, known_source, parse_share};
use super::schema::{Quota, Rule};
use crate::context;
use crate::diag::Diagnostic;
use crate::eval::Subject;
use crate::helpers::format_value;
use crate::input::Table;

/// What a check found: the rows concerned by each warning.
type Found = Vec<(Vec<usize>, Diagnostic)>;

/// Runs a rule: its warnings, and with `record`, its label on the rows that break it.
pub(super) fn apply_rule(
    loaded: &Loaded,
    rule: &Rule,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let found = check_rule(loaded, rule, tables, globals)?;
    let label = rule.label.as_deref().unwrap_or(&rule.message);
    record(tables, &rule.source, rule.record.as_deref(), label, &found);
    Ok(found.into_iter().map(|(_, d)| d).collect())
}

/// Runs a quota: its warnings, and with `record`, its label on the rows beyond it.
pub(super) fn apply_quota(
    loaded: &Loaded,
    quota: &Quota,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let found = check_quota(loaded, quota, tables, globals)?;
    let label = quota
        .label
        .clone()
        .unwrap_or_else(|| format!("vượt chỉ tiêu '{}'", quota.name));
    record(
        tables,
        &quota.source,
        quota.record.as_deref(),
        &label,
        &found,
    );
    Ok(found.into_iter().map(|(_, d)| d).collect())
}

/// Appends `label` to the list field `field` of the rows `found` (every row gets the field,
/// empty where nothing failed).
fn record(
    tables: &mut BTreeMap<String, Table>,
    source: &str,
    field: Option<&str>,
    label: &str,
    found: &Found,
) {
    let (Some(field), Some(table)) = (field, tables.get_mut(source)) else {
        return;
    };
    add_column(table, field);
    for row in &mut table.rows {
        let entry = row
            .fields
            .entry(field.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if !entry.is_array() {
            *entry = Value::Array(Vec::new());
        }
    }
    for i in found.iter().flat_map(|(rows, _)| rows) {
        if let Some(Value::Array(list)) = table.rows[*i].fields.get_mut(field)
            && !list.iter().any(|v| v.as_str() == Some(label))
        {
            list.push(Value::String(label.to_string()));
        }
    }
}

/// The rows of a rule's source that break it, as warnings at their cells.
fn check_rule(
    loaded: &Loaded,
    rule: &Rule,
    tables: &BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Found, Vec<Diagnostic>> {
    let place = format!("rules '{}'", rule.name);
    known_source(loaded, tables, &rule.source, &place)?;
    let table = &tables[&rule.source];
    let mut eval = eval_for(loaded, &place, table, globals);
    let when = rule
        .when
        .as_deref()
        .map(|w| eval.condition(w))
        .transpose()
        .map_err(|d| vec![d])?;
    let require = eval.condition(&rule.require).map_err(|d| vec![d])?;
    let letter = match &rule.field {
        Some(field) => column_letter(loaded, &place, table, field).map_err(|d| vec![d])?,
        None => table
            .columns
            .iter()
            .map(|c| c.letter.clone())
            .find(|l| !l.is_empty())
            .unwrap_or_else(|| "A".into()),
    };
    let documents = context::Documents::per_row(table, globals);
    let reads = eval.reads();
    let mut found = Vec::new();
    for i in 0..documents.len() {
        let document = Subject::from(documents.get_only(i, reads.as_ref()));
        let applies = match &when {
            Some(when) => eval.holds(when, &document).map_err(|d| vec![d])?,
            None => true,
        };
        if applies && !eval.holds(&require, &document).map_err(|d| vec![d])? {
            found.push((
                vec![i],
                Diagnostic::warning(
                    table.cell_location(&letter, table.rows[i].number),
                    msg!(
                        "manifest-rule",
                        name = rule.name.to_string(),
                        message = rule.message.to_string()
                    ),
                ),
            ));
        }
    }
    Ok(found)
}

/// The groups of a quota's source over their quota, as warnings at the first row beyond it.
fn check_quota(
    loaded: &Loaded,
    quota: &Quota,
    tables: &BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Found, Vec<Diagnostic>> {
    let place = format!("quotas '{}'", quota.name);
    known_source(loaded, tables, &quota.source, &place)?;
    let table = &tables[&quota.source];
    let error = |message: crate::diag::Message| {
        vec![Diagnostic::error(
            &loaded.display,
            msg!(
                "manifest-message",
                place = place.to_string(),
                message = message
            ),
        )]
    };
    enum Max {
        Count(u64),
        Share((u128, u128), String),
    }
    let max = match &quota.max {
        toml::Value::Integer(n) if *n >= 0 => Max::Count(*n as u64),
        toml::Value::String(text) => match parse_share(text) {
            Some(share) if quota.of.is_some() => Max::Share(share, text.clone()),
            Some(_) => {
                return Err(error(msg!(
                    "manifest-max-share-say-what-with",
                    text = text.to_string()
                )));
            }
            None => {
                return Err(error(msg!(
                    "manifest-max-expected-number-share-like",
                    text = text.to_string()
                )));
            }
        },
        other => {
            return Err(error(msg!(
                "manifest-max-expected-number-share-like-2",
                other = other.to_string()
            )));
        }
    };
    let mut eval = eval_for(loaded, &place, table, globals);
    let when = quota
        .when
        .as_deref()
        .map(|w| eval.condition(w))
        .transpose()
        .map_err(|d| vec![d])?;
    let of = quota
        .of
        .as_deref()
        .map(|o| eval.value(o))
        .transpose()
        .map_err(|d| vec![d])?;
    let letter = column_letter(
        loaded,
        &place,
        table,
        quota.field.as_deref().unwrap_or(&quota.per),
    )
    .map_err(|d| vec![d])?;
    let key = context::group_key(table, &quota.per).map_err(|d| vec![d])?;
    let documents = context::Documents::per_row(table, globals);
    let reads = eval.reads();
    // Per group value: the rows for which `when` holds, in order.
    let mut members: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in 0..documents.len() {
        let document = Subject::from(documents.get_only(i, reads.as_ref()));
        if let Some(when) = &when
            && !eval.holds(when, &document).map_err(|d| vec![d])?
        {
            continue;
        }
        let value = table.rows[i]
            .fields
            .get(&key)
            .map(format_value)
            .unwrap_or_default();
        let at = *index.entry(value.clone()).or_insert_with(|| {
            members.push((value, Vec::new()));
            members.len() - 1
        });
        members[at].1.push(i);
    }
    let mut found = Vec::new();
    for (value, rows) in members {
        let (limit, why) = match &max {
            Max::Count(n) => (*n, msg!("empty")),
            Max::Share((num, den), text) => {
                let first = Subject::from(documents.get_only(rows[0], reads.as_ref()));
                let base = eval
                    .get(of.as_ref().expect("a share has 'of'"), &first)
                    .map_err(|d| vec![d])?;
                let base = count_cell(Some(&base)).ok().flatten().ok_or_else(|| {
                    vec![Diagnostic::error(
                        table.row_location(table.rows[rows[0]].number),
                        msg!(
                            "manifest-not-whole-number-here",
                            place = place.to_string(),
                            value = quota.of.as_deref().unwrap_or_default().to_string(),
                            base = format_value(&base).to_string()
                        ),
                    )]
                })?;
                (
                    (base as u128 * num / den) as u64,
                    msg!("manifest-quota-share", text = text, base = base),
                )
            }
        };
        if rows.len() as u64 > limit {
            let beyond = rows[limit as usize];
            let warning = Diagnostic::warning(
                table.cell_location(&letter, table.rows[beyond].number),
                msg!(
                    "manifest-quota-has-over-quota",
                    name = quota.name.to_string(),
                    value = value.to_string(),
                    count = rows.len().to_string(),
                    limit = limit.to_string(),
                    why = &why
                ),
            );
            // The warning once, at the first row beyond; every row beyond is recorded.
            found.push((rows[limit as usize..].to_vec(), warning));
        }
    }
    Ok(found)
}
