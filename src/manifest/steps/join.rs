//! Joins: the rows of one source attached to the rows of another by a key (a unit's staff),
//! as one object (`one = true`), or every row to every row (a meeting and its nominees).

use crate::diag::msg;
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::diag::Diagnostic;
use crate::helpers::format_value;
use crate::input::{Column, Table, show_invisible, tidied_difference};
use crate::manifest::load::Loaded;
use crate::manifest::lookup::{add_column, find_column, known_source};
use crate::manifest::schema::Join;

/// Attaches the rows of `join.from` to the rows of `join.into`. A row of `from` whose key
/// matches no row of `into` is an error at its key cell (a staff row whose unit code has no
/// unit); with `one`, so is a row of `into` with no match. Returns the warnings: a key typed
/// differently in the two tables (`VP` and `VP<NBSP>`) that matched only once its invisible
/// spaces were tidied, once per key, naming both cells.
pub(super) fn apply_join(
    loaded: &Loaded,
    j: usize,
    join: &Join,
    consume: bool,
    tables: &mut BTreeMap<String, Table>,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let place = format!("joins[{}]", j + 1);
    for name in [&join.into, &join.from] {
        known_source(loaded, tables, name, &place)?;
    }
    let child = &tables[&join.from];
    let Some(key) = join.key.as_deref() else {
        if join.one {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                msg!("manifest-one-true-needs-key", place = place.to_string()),
            )]);
        }
        let rows: Vec<Value> = (0..child.rows.len())
            .map(|i| {
                let mut object = child.fields(i).into_owned();
                object.insert("_row".into(), Value::from(child.rows[i].number));
                Value::Object(object)
            })
            .collect();
        let parent = tables.get_mut(&join.into).expect("checked above");
        for row in &mut parent.rows {
            row.fields
                .insert(join.field.clone(), Value::Array(rows.clone()));
        }
        add_column(parent, &join.field);
        return Ok(Vec::new());
    };
    let child_key_name = join.from_key.as_deref().unwrap_or(key);
    let column_of = |table: &Table, key: &str| -> Result<Column, Diagnostic> {
        find_column(table, key, || {
            Diagnostic::error(
                &table.source,
                msg!(
                    "manifest-no-column-2",
                    place = place.to_string(),
                    key = key.to_string()
                ),
            )
        })
        .cloned()
    };
    let child_key = column_of(child, child_key_name).map_err(|d| vec![d])?;
    let parent_key = column_of(&tables[&join.into], key).map_err(|d| vec![d])?;
    let parent = &tables[&join.into];
    let parent_source = parent.source.clone();
    // How many rows of `into` hold each key: the last of them takes the matching rows
    // without a copy.
    let mut wanted: HashMap<String, usize> = HashMap::new();
    // Each key's first cell in `into`: its row and its text as typed.
    let mut first_cell: HashMap<String, (usize, String)> = HashMap::new();
    for row in &parent.rows {
        let key = row
            .fields
            .get(&parent_key.key)
            .map(format_value)
            .unwrap_or_default();
        first_cell.entry(key.clone()).or_insert_with(|| {
            let typed = parent.typed(&parent_key.key, row.number).unwrap_or(&key);
            (row.number, typed.to_string())
        });
        *wanted.entry(key).or_default() += 1;
    }
    // The child rows by key, as templates see them; taken, not copied, when no later step,
    // rule or document reads `from` (a big roster joined once).
    let child_rows = if consume {
        std::mem::take(&mut tables.get_mut(&join.from).expect("checked above").rows)
    } else {
        tables[&join.from].rows.clone()
    };
    let child = &tables[&join.from];
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let tidied = !child.typed.is_empty() || !tables[&join.into].typed.is_empty();
    let mut by_key: HashMap<String, Vec<Value>> = HashMap::new();
    for row in child_rows {
        let key = row
            .fields
            .get(&child_key.key)
            .map(format_value)
            .unwrap_or_default();
        if let Some((parent_row, parent_typed)) = first_cell.get(&key).filter(|_| tidied)
            && let typed = child.typed(&child_key.key, row.number).unwrap_or(&key)
            && typed != parent_typed
        {
            let how = tidied_difference(typed, parent_typed);
            warnings.push(
                Diagnostic::warning(
                    child.cell_location(&child_key.letter, row.number),
                    msg!(
                        "manifest-join-key-tidied",
                        typed = show_invisible(typed),
                        first = show_invisible(parent_typed),
                        cell = tables[&join.into].cell_location(&parent_key.letter, *parent_row),
                        how = how
                    ),
                )
                .with_hint(msg!("input-make-two-cells-alike", how = how)),
            );
            first_cell.remove(&key);
        }
        if !join.one && !wanted.contains_key(&key) {
            errors.push(
                Diagnostic::error(
                    child.cell_location(&child_key.letter, row.number),
                    msg!(
                        "manifest-matches-no-row",
                        key = key.to_string(),
                        into = join.into.to_string(),
                        parent_source = parent_source.to_string()
                    ),
                )
                .with_hint(msg!(
                    "manifest-add-correct-code",
                    key = key.to_string(),
                    parent_source = parent_source.to_string()
                )),
            );
        }
        let mut object = row.fields;
        object.insert("_row".into(), Value::from(row.number));
        by_key.entry(key).or_default().push(Value::Object(object));
    }
    let parent = tables.get_mut(&join.into).expect("checked above");
    let letter = parent_key.letter.clone();
    for i in 0..parent.rows.len() {
        let key = parent.rows[i]
            .fields
            .get(&parent_key.key)
            .map(format_value)
            .unwrap_or_default();
        let left = wanted.get_mut(&key).expect("counted above");
        *left -= 1;
        let matches = if *left == 0 {
            by_key.remove(&key).unwrap_or_default()
        } else {
            by_key.get(&key).cloned().unwrap_or_default()
        };
        let value = if join.one {
            match matches.into_iter().next() {
                Some(row) => row,
                None => {
                    errors.push(Diagnostic::error(
                        parent.cell_location(&letter, parent.rows[i].number),
                        msg!(
                            "manifest-matches-no-row-2",
                            key = key.to_string(),
                            from = join.from.to_string()
                        ),
                    ));
                    Value::Null
                }
            }
        } else {
            Value::Array(matches)
        };
        parent.rows[i].fields.insert(join.field.clone(), value);
    }
    add_column(parent, &join.field);
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(errors)
    }
}
