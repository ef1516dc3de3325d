//! Helpers that print one value: `ngay_thang`, `ngay`, `so`, `doc_so`, `doc_tien`, `la_ma`,
//! `hoa`, `thuong`, `stt`.

use handlebars::RenderError;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::date::{self, DateTime};
use super::number::{self, DECIMALS, Dec, NumError};
use super::{Args, describe, format_value, words};
use crate::diag::msg;

/// Present but empty: `""` (or only spaces) and null print nothing.
pub(crate) fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Argument `i` as a date; `None` when blank.
fn date_arg(args: &Args<'_, '_>, i: usize) -> Result<Option<DateTime>, RenderError> {
    let value = args.value(i)?;
    if is_blank(value) {
        return Ok(None);
    }
    match value {
        Value::String(s) => date::parse_date(s)
            .map(Some)
            .ok_or_else(|| args.expected(msg!("helper-what-date"), value)),
        _ => Err(args.expected(msg!("helper-what-date"), value)),
    }
}

/// Argument `i` as a number; `None` when blank.
pub(crate) fn number_arg(args: &Args<'_, '_>, i: usize) -> Result<Option<Dec>, RenderError> {
    let value = args.value(i)?;
    if is_blank(value) {
        return Ok(None);
    }
    let parsed = match value {
        Value::Number(n) => Dec::from_json_number(n),
        Value::String(s) => number::parse_text(s),
        _ => Err(NumError::NotANumber),
    };
    match parsed {
        Ok(d) => Ok(Some(d)),
        Err(NumError::TooLarge) => {
            Err(args.fail(msg!("helper-number-too-large", value = describe(value))))
        }
        Err(NumError::NotANumber) => Err(args.expected(msg!("helper-what-number"), value)),
    }
}

fn text_value(s: String) -> Result<Value, RenderError> {
    Ok(Value::String(s))
}

/// `{{ngay_thang d}}`: `ngày 05 tháng 3 năm 2023`.
pub(crate) fn ngay_thang(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    text_value(date_arg(args, 0)?.map(date::date_line).unwrap_or_default())
}

/// `{{ngay d "fmt"}}`: the date in a format (default `dd/mm/yyyy`).
pub(crate) fn ngay(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let format = if args.len() > 1 {
        match args.value(1)? {
            Value::String(s) => s.as_str(),
            other => return Err(args.expected(msg!("helper-what-date-format"), other)),
        }
    } else {
        "dd/mm/yyyy"
    };
    let date = date_arg(args, 0)?;
    text_value(
        date.map(|d| date::format_date(d, format))
            .unwrap_or_default(),
    )
}

/// `{{so n [decimals]}}`: `1.250.000`, `7,5`.
pub(crate) fn so(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let decimals = if args.len() > 1 {
        let value = args.value(1)?;
        let d = number::to_dec(value)
            .filter(|d| d.is_whole() && (0..=i128::from(DECIMALS)).contains(&d.trunc()));
        match d {
            Some(d) => Some(d.trunc() as u32),
            None => return Err(args.expected(msg!("helper-what-decimals"), value)),
        }
    } else {
        None
    };
    let n = number_arg(args, 0)?;
    text_value(n.map(|n| n.grouped(decimals)).unwrap_or_default())
}

/// `{{doc_so n}}`: `một trăm linh năm`.
pub(crate) fn doc_so(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    text_value(
        number_arg(args, 0)?
            .map(words::read_number)
            .unwrap_or_default(),
    )
}

/// `{{doc_tien n}}`: `Một triệu hai trăm năm mươi nghìn đồng`.
pub(crate) fn doc_tien(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    text_value(
        number_arg(args, 0)?
            .map(words::read_money)
            .unwrap_or_default(),
    )
}

/// `{{la_ma n}}`: Roman numerals, 1 to 3999.
pub(crate) fn la_ma(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let Some(n) = number_arg(args, 0)? else {
        return text_value(String::new());
    };
    let roman = n
        .is_whole()
        .then(|| u32::try_from(n.trunc()).ok())
        .flatten()
        .and_then(words::roman);
    match roman {
        Some(r) => text_value(r),
        None => Err(args.expected(msg!("helper-what-roman"), args.value(0)?)),
    }
}

/// Argument 0 as text for `hoa` / `thuong`: text, numbers and booleans as they print.
fn case_arg(args: &Args<'_, '_>) -> Result<String, RenderError> {
    match args.value(0)? {
        v @ (Value::Array(_) | Value::Object(_)) => Err(args.expected(msg!("helper-what-text"), v)),
        v => Ok(format_value(v)),
    }
}

/// `{{hoa s}}`: upper case, Vietnamese letters included (`đ` → `Đ`), NFC.
pub(crate) fn hoa(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    text_value(case_arg(args)?.to_uppercase().nfc().collect())
}

/// `{{hoa_dau s}}`: the first letter in upper case, the rest as written (`xuất sắc …` →
/// `Xuất sắc …`), NFC.
pub(crate) fn hoa_dau(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let text: String = case_arg(args)?.nfc().collect();
    let mut chars = text.chars();
    let capitalised = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).nfc().collect(),
        None => String::new(),
    };
    text_value(capitalised)
}

/// `{{thuong s}}`: lower case, NFC.
pub(crate) fn thuong(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    text_value(case_arg(args)?.to_lowercase().nfc().collect())
}

/// `{{stt}}`: the 1-based row number inside `{{#each}}`.
pub(crate) fn stt(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    match args.index() {
        Some(i) => Ok(Value::from(i + 1)),
        None => Err(args.fail(msg!("helper-stt-outside-each"))),
    }
}
