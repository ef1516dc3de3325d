//! The Council's votes: for and against counted per nominee against the members and the
//! threshold that applies, giving each row its `bieu_quyet` (share, verdict).

use crate::diag::msg;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::context;
use crate::diag::Diagnostic;
use crate::eval::Subject;
use crate::input::Table;
use crate::manifest::load::Loaded;
use crate::manifest::lookup::{
    add_column, column_letter, count_cell, eval_for, parse_share, table_of,
};
use crate::manifest::schema::Votes;

/// Counts a `[[votes]]` entry into every row of its source; returns the summary line and the
/// warnings (a nominee with no count).
pub(super) fn count_votes(
    loaded: &Loaded,
    votes: &Votes,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    let place = format!("votes on '{}'", votes.source);
    let place_text = msg!("manifest-votes-on", source = &votes.source);
    let table = table_of(loaded, tables, &votes.source, &place)?;
    let error = |message: crate::diag::Message| {
        vec![Diagnostic::error(
            &loaded.display,
            msg!("manifest-message", place = &place_text, message = message),
        )]
    };
    // A positive whole number, written in the manifest or a global's name.
    let whole = |what: &str, value: &toml::Value| -> Result<u64, Vec<Diagnostic>> {
        match value {
            toml::Value::Integer(n) if *n > 0 => Ok(*n as u64),
            toml::Value::String(name) => match globals.get(name) {
                Some(v) => count_cell(Some(v))
                    .ok()
                    .flatten()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| {
                        error(msg!(
                            "manifest-global-not-positive-whole-number",
                            what = what.to_string(),
                            name = name.to_string()
                        ))
                    }),
                None => Err(error(msg!(
                    "manifest-no-global",
                    what = what.to_string(),
                    name = name.to_string()
                ))),
            },
            other => Err(error(msg!(
                "manifest-expected-number-global-s-name",
                what = what.to_string(),
                other = other.to_string()
            ))),
        }
    };
    let members = whole("members", &votes.members)?;
    let present = votes
        .present
        .as_ref()
        .map(|p| whole("present", p))
        .transpose()?;
    let share = |text: &str| {
        parse_share(text).ok_or_else(|| {
            error(msg!(
                "manifest-threshold-expected-share-like-80",
                text = text.to_string()
            ))
        })
    };
    let mut eval = eval_for(loaded, &place, table, globals);
    let default = (share(&votes.threshold)?, votes.threshold.as_str());
    let mut thresholds = Vec::new();
    for t in &votes.thresholds {
        thresholds.push((
            eval.condition(&t.when).map_err(|d| vec![d])?,
            share(&t.threshold)?,
            t.threshold.as_str(),
        ));
    }
    let for_letter = column_letter(loaded, &place, table, &votes.for_).map_err(|d| vec![d])?;
    let against_letter =
        column_letter(loaded, &place, table, &votes.against).map_err(|d| vec![d])?;
    let for_key = table
        .column(&votes.for_)
        .map(|c| c.key.clone())
        .unwrap_or_default();
    let against_key = table
        .column(&votes.against)
        .map(|c| c.key.clone())
        .unwrap_or_default();
    let abstained = votes
        .abstained
        .as_deref()
        .map(|name| {
            let letter = column_letter(loaded, &place, table, name).map_err(|d| vec![d])?;
            let key = table
                .column(name)
                .map(|c| c.key.clone())
                .unwrap_or_default();
            Ok::<_, Vec<Diagnostic>>((key, letter))
        })
        .transpose()?;
    let documents = context::Documents::per_row(table, globals);
    let reads = eval.reads();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut results = Vec::new();
    let (mut counted, mut passed) = (0, 0);
    for i in 0..documents.len() {
        let document = Subject::from(documents.get_only(i, reads.as_ref()));
        let number = table.rows[i].number;
        let fields = &table.rows[i].fields;
        let cell = |key: &str, letter: &str| {
            count_cell(fields.get(key)).map_err(|m| {
                Diagnostic::error(
                    table.cell_location(letter, number),
                    msg!("manifest-message-2", place = &place_text, m = m),
                )
            })
        };
        let (yes, no) = match (
            cell(&for_key, &for_letter),
            cell(&against_key, &against_letter),
        ) {
            (Ok(yes), Ok(no)) => (yes, no),
            (a, b) => {
                errors.extend(a.err());
                errors.extend(b.err());
                results.push(Value::Null);
                continue;
            }
        };
        let mut chosen = default;
        for (when, share, text) in &thresholds {
            match eval.holds(when, &document) {
                Ok(true) => {
                    chosen = (*share, text);
                    break;
                }
                Ok(false) => {}
                Err(d) => errors.push(d),
            }
        }
        let ((num, den), threshold) = chosen;
        let mut result = Map::new();
        result.insert("thanh_vien".into(), Value::from(members));
        result.insert("nguong".into(), Value::from(threshold));
        match yes {
            None => {
                warnings.push(Diagnostic::warning(
                    table.cell_location(&for_letter, number),
                    msg!("manifest-no-vote-count-nominee-marked", place = &place_text),
                ));
                result.insert("dong_y".into(), Value::Null);
                result.insert(
                    "khong_dong_y".into(),
                    no.map(Value::from).unwrap_or(Value::Null),
                );
                result.insert("ty_le".into(), Value::Null);
                result.insert("dat".into(), Value::Bool(false));
                result.insert("ket_qua".into(), Value::from("Chưa biểu quyết"));
            }
            Some(yes) => {
                let not_voting = match &abstained {
                    Some((key, letter)) => match cell(key, letter) {
                        Ok(n) => n.unwrap_or(0),
                        Err(e) => {
                            errors.push(e);
                            0
                        }
                    },
                    None => 0,
                };
                let cast = yes + no.unwrap_or(0) + not_voting;
                if let Some(present) = present.filter(|&p| p != cast) {
                    let what = match &votes.abstained {
                        Some(_) => msg!(
                            "manifest-against-not-voting-make",
                            yes = yes.to_string(),
                            no = no.unwrap_or(0).to_string(),
                            not_voting = not_voting.to_string(),
                            cast = cast.to_string()
                        ),
                        None => msg!(
                            "manifest-against-make",
                            yes = yes.to_string(),
                            no = no.unwrap_or(0).to_string(),
                            cast = cast.to_string()
                        ),
                    };
                    warnings.push(
                        Diagnostic::warning(
                            table.cell_location(&for_letter, number),
                            msg!(
                                "manifest-not-members-present",
                                place = &place_text,
                                what = what,
                                present = present
                            ),
                        )
                        .with_hint(match &votes.abstained {
                            Some(name) => msg!(
                                "manifest-correct-counts-record-members-who",
                                name = name.to_string()
                            ),
                            None => msg!("manifest-record-members-who-did-not-vote"),
                        }),
                    );
                }
                result.insert("khong_bieu_quyet".into(), Value::from(not_voting));
                if yes + no.unwrap_or(0) > members {
                    errors.push(Diagnostic::error(
                        table.cell_location(&for_letter, number),
                        msg!(
                            "manifest-against-make-more-votes-than",
                            place = &place_text,
                            yes = yes.to_string(),
                            no = no.unwrap_or(0).to_string(),
                            members = members.to_string()
                        ),
                    ));
                }
                // Percent of all members to two decimals, rounded half up.
                let hundredths =
                    (yes as u128 * 10_000 * 2 + members as u128) / (2 * members as u128);
                let pass = yes as u128 * den >= num * members as u128;
                counted += 1;
                passed += usize::from(pass);
                result.insert("dong_y".into(), Value::from(yes));
                result.insert("khong_dong_y".into(), Value::from(no.unwrap_or(0)));
                result.insert(
                    "ty_le".into(),
                    serde_json::Number::from_f64(hundredths as f64 / 100.0)
                        .map(Value::Number)
                        .unwrap_or(Value::Null),
                );
                result.insert("dat".into(), Value::Bool(pass));
                result.insert(
                    "ket_qua".into(),
                    Value::from(if pass { "Đạt" } else { "Không đạt" }),
                );
            }
        }
        results.push(Value::Object(result));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (row, result) in table.rows.iter_mut().zip(results) {
        row.fields.insert(votes.field.clone(), result);
    }
    add_column(table, &votes.field);
    Ok((
        format!(
            "{}: {counted} nominees counted against {members} members, {passed} passed",
            votes.source
        ),
        warnings,
    ))
}
