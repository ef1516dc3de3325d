//! Computed fields: a `[[fields]]` entry's expression (or rank) evaluated on every row of its
//! source.

use crate::diag::msg;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::rank::rank;
use crate::context;
use crate::diag::Diagnostic;
use crate::eval::Subject;
use crate::input::Table;
use crate::manifest::load::Loaded;
use crate::manifest::lookup::{add_column, eval_for, table_of};
use crate::manifest::schema::FieldSpec;

/// Computes a `[[fields]]` entry into every row of its source.
pub(super) fn compute_field(
    loaded: &Loaded,
    spec: &FieldSpec,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<(), Vec<Diagnostic>> {
    let place = format!("fields '{}'", spec.name);
    let table = table_of(loaded, tables, &spec.source, &place)?;
    let values = match (&spec.value, &spec.rank) {
        (Some(value), None) => {
            let mut eval = eval_for(loaded, &place, table, globals);
            let compiled = eval.value(value).map_err(|d| vec![d])?;
            let documents = context::Documents::per_row(table, globals);
            let reads = eval.reads();
            (0..documents.len())
                .map(|i| {
                    eval.get(
                        &compiled,
                        &Subject::from(documents.get_only(i, reads.as_ref())),
                    )
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(|d| vec![d])?
        }
        (None, Some(by)) => {
            // `when`: the rows that take part in the ranking.
            let among = match &spec.when {
                Some(when) => {
                    let mut eval = eval_for(loaded, &place, table, globals);
                    let condition = eval.condition(when).map_err(|d| vec![d])?;
                    let documents = context::Documents::per_row(table, globals);
                    let reads = eval.reads();
                    let among = (0..documents.len())
                        .map(|i| {
                            let row = documents.get_only(i, reads.as_ref());
                            eval.holds(&condition, &Subject::from(row))
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|d| vec![d])?;
                    Some(among)
                }
                None => None,
            };
            rank(
                loaded,
                &place,
                table,
                by,
                spec.order.as_deref(),
                among.as_deref(),
            )?
        }
        _ => {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                msg!("manifest-give-either-value-rank", place = place.to_string()),
            )]);
        }
    };
    for (row, value) in table.rows.iter_mut().zip(values) {
        row.fields.insert(spec.name.clone(), value);
    }
    add_column(table, &spec.name);
    Ok(())
}
