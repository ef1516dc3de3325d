//! List helpers: `sum count where sort sort_ten group`. A list is an array of rows (objects);
//! a field is named by its key (`"tong_diem"`) or by its header text (`"Tổng điểm"`, slugged).
//!
//! A field that no row of a non-empty list has is an error (a typo would otherwise give 0 or
//! nothing); a row that lacks a field some other row has counts as empty there.

use std::cmp::Ordering;
use std::collections::HashMap;

use handlebars::RenderError;
use serde_json::{Map, Value};

use super::collate::{self, NameKey};
use super::date::{self, DateTime};
use super::logic::equals;
use super::number::{self, Dec, NumError, to_dec};
use super::text::is_blank;
use super::{Args, describe, format_value};
use crate::diag::msg;
use crate::input::slug::slugify;

/// A field as a template names it.
struct Field {
    name: String,
    slug: String,
}

impl Field {
    /// The field's value in `row`; a dotted name (`"bieu_quyet.dat"`) walks into objects.
    fn get<'v>(&self, row: &'v Value) -> Option<&'v Value> {
        let object = row.as_object()?;
        if let Some(value) = object.get(&self.name).or_else(|| object.get(&self.slug)) {
            return Some(value);
        }
        let (first, rest) = self.name.split_once('.')?;
        let inner = Field {
            slug: slugify(rest),
            name: rest.to_string(),
        };
        let outer = object.get(first).or_else(|| object.get(&slugify(first)))?;
        inner.get(outer)
    }

    /// The field's value in `row`, `None` when absent or blank.
    fn filled<'v>(&self, row: &'v Value) -> Option<&'v Value> {
        self.get(row).filter(|v| !is_blank(v))
    }
}

fn list_arg<'a>(args: &'a Args<'_, '_>, i: usize) -> Result<&'a Vec<Value>, RenderError> {
    match args.value(i)? {
        Value::Array(items) => Ok(items),
        other => Err(args.expected(msg!("helper-what-rows"), other)),
    }
}

/// Argument `i` as a field of the rows of `list` (checked: see the module documentation).
fn field_arg(args: &Args<'_, '_>, i: usize, list: &[Value]) -> Result<Field, RenderError> {
    let name = match args.value(i)? {
        Value::String(s) if !s.trim().is_empty() => s.clone(),
        other => return Err(args.expected(msg!("helper-what-field-name"), other)),
    };
    let field = Field {
        slug: slugify(&name),
        name,
    };
    for item in list {
        if !item.is_object() {
            return Err(args.fail(msg!("helper-rows-found-item", item = describe(item))));
        }
    }
    if !list.is_empty() && !list.iter().any(|row| field.get(row).is_some()) {
        let known: Vec<&str> = list[0]
            .as_object()
            .map(Map::keys)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .take(12)
            .collect();
        return Err(args.fail(msg!(
            "helper-no-row-has-field",
            field = field.name.clone(),
            known = known.join(", ")
        )));
    }
    Ok(field)
}

/// `{{sum list "field"}}`: the total of a column; numeric text counts, blanks are skipped.
/// An integer when whole.
pub(crate) fn sum(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let mut total = Dec::ZERO;
    for (i, row) in list.iter().enumerate() {
        let Some(value) = field.filled(row) else {
            continue;
        };
        let n = match value {
            Value::Number(n) => Dec::from_json_number(n),
            Value::String(s) => number::parse_text(s),
            _ => Err(NumError::NotANumber),
        }
        .map_err(|_| {
            args.fail(msg!(
                "helper-number-in-field",
                field = field.name.clone(),
                row = i + 1,
                found = describe(value)
            ))
        })?;
        total = total
            .checked_add(n)
            .ok_or_else(|| args.fail(msg!("helper-total-too-large")))?;
    }
    Ok(total.to_json())
}

/// `{{count list}}`: how many rows; `{{count list "field" value...}}`: how many rows have
/// `field` equal to one of the values.
pub(crate) fn count(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    match args.len() {
        1 => Ok(Value::from(list.len())),
        2 => Err(args.fail(msg!("helper-count-arguments"))),
        n => {
            let field = field_arg(args, 1, list)?;
            let values = (2..n)
                .map(|i| args.value(i))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Value::from(
                list.iter()
                    .filter(|row| values.iter().any(|value| matches(&field, row, value)))
                    .count(),
            ))
        }
    }
}

/// `{{ty_le part whole}}`: the share `part / whole` as a number (`7` of `10` is `0.7`), for
/// conditions like `(gte (ty_le (count can_bo "danh_hieu" "Lao động tiên tiến") (count can_bo)) 0.7)`.
pub(crate) fn ty_le(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let number = |i: usize| -> Result<Dec, RenderError> {
        let v = args.value(i)?;
        to_dec(v).ok_or_else(|| args.expected(msg!("helper-what-number"), v))
    };
    let (part, whole) = (number(0)?, number(1)?);
    part.checked_div(whole)
        .map(Dec::to_json)
        .ok_or_else(|| args.fail(msg!("helper-share-of-zero")))
}

/// `{{lien_tuc list "field" value last_year years}}`: whether, in each of the `years` years
/// ending with `last_year`, some row of `list` has `nam` equal to that year and `field`
/// equal to `value` (award history over consecutive years, keyed by a stable code).
pub(crate) fn lien_tuc(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let value = args.value(2)?;
    let whole = |i: usize| -> Result<i64, RenderError> {
        let v = args.value(i)?;
        to_dec(v)
            .and_then(|d| d.to_json().as_i64())
            .ok_or_else(|| args.expected(msg!("helper-what-whole-number"), v))
    };
    let last = whole(3)?;
    let years = whole(4)?;
    if years < 1 {
        return Err(args.fail(msg!("helper-at-least-one-year", years = years.to_string())));
    }
    let year = Field {
        name: "nam".into(),
        slug: "nam".into(),
    };
    let held = |y: i64| {
        list.iter().any(|row| {
            matches(&field, row, value)
                && year
                    .filled(row)
                    .and_then(to_dec)
                    .and_then(|d| d.to_json().as_i64())
                    == Some(y)
        })
    };
    Ok(Value::Bool((last - years + 1..=last).all(held)))
}

fn matches(field: &Field, row: &Value, value: &Value) -> bool {
    equals(field.get(row).unwrap_or(&Value::Null), value)
}

/// `{{where list "field" value}}`: the rows whose field equals value, in order.
pub(crate) fn where_(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let value = args.value(2)?;
    Ok(Value::Array(
        list.iter()
            .filter(|row| matches(&field, row, value))
            .cloned()
            .collect(),
    ))
}

enum SortKey {
    Number(Dec),
    Date(DateTime),
    Text(collate::Key),
}

/// `{{sort list "field" ["asc"|"desc"]}}`: a stable sort. The column is sorted as numbers if
/// every filled value is a number (or numeric text), else as dates if every one is a date,
/// else as text in Vietnamese alphabetical order. Blank values go last in either direction.
pub(crate) fn sort(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let descending = if args.len() > 2 {
        match args.value(2)? {
            Value::String(s) if s.eq_ignore_ascii_case("desc") => true,
            Value::String(s) if s.eq_ignore_ascii_case("asc") => false,
            other => return Err(args.expected(msg!("helper-what-asc-desc"), other)),
        }
    } else {
        false
    };
    let values: Vec<Option<&Value>> = list.iter().map(|row| field.filled(row)).collect();
    let numbers: Option<Vec<Option<Dec>>> = values
        .iter()
        .map(|v| v.map(|v| to_dec(v).ok_or(())).transpose().ok())
        .collect();
    let keys: Vec<Option<SortKey>> = if let Some(numbers) = numbers {
        numbers
            .into_iter()
            .map(|n| n.map(SortKey::Number))
            .collect()
    } else {
        let dates: Option<Vec<Option<DateTime>>> = values
            .iter()
            .map(|v| {
                v.map(|v| v.as_str().and_then(date::parse_date).ok_or(()))
                    .transpose()
                    .ok()
            })
            .collect();
        match dates {
            Some(dates) => dates.into_iter().map(|d| d.map(SortKey::Date)).collect(),
            None => values
                .iter()
                .map(|v| v.map(|v| SortKey::Text(collate::key(&format_value(v)))))
                .collect(),
        }
    };
    let order = sorted_indices(&keys, |a, b| {
        let o = match (a, b) {
            (SortKey::Number(x), SortKey::Number(y)) => x.cmp(y),
            (SortKey::Date(x), SortKey::Date(y)) => x.cmp(y),
            (SortKey::Text(x), SortKey::Text(y)) => collate::key_cmp(x, y),
            _ => Ordering::Equal,
        };
        if descending { o.reverse() } else { o }
    });
    Ok(Value::Array(
        order.into_iter().map(|i| list[i].clone()).collect(),
    ))
}

/// Indices of `keys` in stable order by `cmp`, blank keys (`None`) last.
fn sorted_indices<K>(keys: &[Option<K>], cmp: impl Fn(&K, &K) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
        (Some(x), Some(y)) => cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    order
}

/// `{{sort_ten list "field"}}`: Vietnamese personnel order of a name column (given name, then
/// middle names, then family name; see `collate`). Stable; blank names last.
pub(crate) fn sort_ten(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let keys: Vec<Option<NameKey>> = list
        .iter()
        .map(|row| {
            field
                .filled(row)
                .map(|v| NameKey::new(&format_value(v)))
                .filter(|k| !k.is_empty())
        })
        .collect();
    let order = sorted_indices(&keys, collate::name_cmp);
    Ok(Value::Array(
        order.into_iter().map(|i| list[i].clone()).collect(),
    ))
}

/// `{{group list "field"}}`: `[{ "key": value, "rows": [...], "count": n }]` in order of first
/// appearance. Rows are grouped by the printed value of the field (a row without the field is
/// in the group of `""`).
pub(crate) fn group(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let list = list_arg(args, 0)?;
    let field = field_arg(args, 1, list)?;
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in list {
        let value = field
            .get(row)
            .cloned()
            .unwrap_or_else(|| Value::String(String::new()));
        let at = *index.entry(format_value(&value)).or_insert_with(|| {
            groups.push((value, Vec::new()));
            groups.len() - 1
        });
        groups[at].1.push(row.clone());
    }
    Ok(Value::Array(
        groups
            .into_iter()
            .map(|(key, rows)| {
                let count = rows.len();
                let mut group = Map::new();
                group.insert("key".to_string(), key);
                group.insert("rows".to_string(), Value::Array(rows));
                group.insert("count".to_string(), Value::from(count));
                Value::Object(group)
            })
            .collect(),
    ))
}
