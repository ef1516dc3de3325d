//! Comparisons and logic: `eq ne gt gte lt lte and or not in default`.
//!
//! A missing field counts as empty here (no error): these helpers are conditions, and
//! `{{#if (eq chuc_vu "Trưởng phòng")}}` should simply be false where the field is absent.
//!
//! Equality (`eq`, `ne`, `in`, and the matching of `count` / `where`):
//! - two numbers, or a number and numeric text (`8` and `"8"`, `7.5` and `"7,5"`): by value;
//! - two texts: equal if they are the same text; or if both are numbers (`"7,5"` and `"7.5"`),
//!   unless one of them is a code with a leading zero (`"01"`, `"007"`), which is only ever
//!   compared as text (`"01"` ≠ `"1"`: IDs stay distinct); or if both are dates for the same
//!   moment (`"05/03/2023"` and `"2023-03-05"`);
//! - null (or missing) equals `""`; booleans equal booleans; lists and objects by content.
//!
//! Order (`gt gte lt lte`): numbers (and numeric text, codes with a leading zero excepted when
//! both sides are text) by value when both sides are numeric, dates chronologically when both
//! sides are dates, otherwise the printed texts in Vietnamese alphabetical order (exact text
//! breaks ties). `sort` classifies a whole column instead: see `list`.

use std::cmp::Ordering;

use handlebars::{JsonTruthy, RenderError};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::number::{Dec, to_dec};
use super::text::is_blank;
use super::{Args, collate, date, format_value};

/// A code such as `01` or `007`: digits after a leading zero. Compared as text only.
fn is_code(text: &str) -> bool {
    let mut bytes = text.trim().bytes();
    bytes.next() == Some(b'0') && bytes.next().is_some_and(|b| b.is_ascii_digit())
}

/// Both values as numbers, unless both are texts and one is a code (see [`is_code`]).
fn both_numbers(a: &Value, b: &Value) -> Option<(Dec, Dec)> {
    if let (Value::String(x), Value::String(y)) = (a, b)
        && (is_code(x) || is_code(y))
    {
        return None;
    }
    Some((to_dec(a)?, to_dec(b)?))
}

pub(crate) fn equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(_), Value::Number(_))
        | (Value::Number(_), Value::String(_))
        | (Value::String(_), Value::Number(_)) => {
            matches!(both_numbers(a, b), Some((x, y)) if x == y)
        }
        (Value::String(x), Value::String(y)) => {
            x == y
                || x.nfc().eq(y.nfc())
                || matches!(both_numbers(a, b), Some((p, q)) if p == q)
                || matches!(
                    (date::parse_date(x), date::parse_date(y)),
                    (Some(p), Some(q)) if p == q
                )
        }
        (Value::Null, Value::String(s)) | (Value::String(s), Value::Null) => s.is_empty(),
        _ => a == b,
    }
}

/// The order of two values (see the module documentation).
pub(crate) fn compare(a: &Value, b: &Value) -> Ordering {
    if let Some((x, y)) = both_numbers(a, b) {
        return x.cmp(&y);
    }
    if let (Value::String(x), Value::String(y)) = (a, b)
        && let (Some(p), Some(q)) = (date::parse_date(x), date::parse_date(y))
    {
        return p.cmp(&q);
    }
    let (x, y) = (format_value(a), format_value(b));
    collate::text_cmp(&x, &y).then_with(|| x.cmp(&y))
}

pub(crate) fn truthy(value: &Value) -> bool {
    value.is_truthy(false)
}

pub(crate) fn eq(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(equals(args.lenient(0), args.lenient(1))))
}

pub(crate) fn ne(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(!equals(args.lenient(0), args.lenient(1))))
}

fn order(args: &Args<'_, '_>) -> Ordering {
    compare(args.lenient(0), args.lenient(1))
}

pub(crate) fn gt(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(order(args) == Ordering::Greater))
}

pub(crate) fn gte(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(order(args) != Ordering::Less))
}

pub(crate) fn lt(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(order(args) == Ordering::Less))
}

pub(crate) fn lte(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(order(args) != Ordering::Greater))
}

/// True when every argument is truthy (Handlebars truthiness: `""`, 0, false, null, missing
/// and `[]` are false).
pub(crate) fn and(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(
        (0..args.len()).all(|i| truthy(args.lenient(i))),
    ))
}

pub(crate) fn or(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(
        (0..args.len()).any(|i| truthy(args.lenient(i))),
    ))
}

pub(crate) fn not(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    Ok(Value::Bool(!truthy(args.lenient(0))))
}

/// `{{in v a b c}}`: whether v equals any of the others; `{{in v list}}` with a single list
/// looks in the list.
pub(crate) fn in_(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let v = args.lenient(0);
    let found = match args.lenient(1) {
        Value::Array(items) if args.len() == 2 => items.iter().any(|x| equals(v, x)),
        _ => (1..args.len()).any(|i| equals(v, args.lenient(i))),
    };
    Ok(Value::Bool(found))
}

/// `{{default v "text"}}`: v, or the text where v is missing, null, `""` or only spaces.
pub(crate) fn default(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    if args.is_missing(0) || is_blank(args.lenient(0)) {
        Ok(args.value(1)?.clone())
    } else {
        Ok(args.lenient(0).clone())
    }
}
