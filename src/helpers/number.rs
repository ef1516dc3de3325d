//! Numbers as the helpers read and print them.
//!
//! Every number is turned into a [`Dec`]: an exact decimal with ten decimals (an `i128` count
//! of 10⁻¹⁰), so sums of money and marks never show binary-float noise (`0.1 + 0.2` is `0,3`)
//! and printing never needs float formatting.
//!
//! Text that holds a number (a cell typed as text, a literal in a template) is read by
//! [`parse_text`], Vietnamese conventions first:
//! - `1250000`, `-4`, `+4`: whole numbers;
//! - `7,5`: one comma is the decimal comma; dots before it must be thousands groups
//!   (`1.250.000,5`);
//! - `7.5`, `0.250`, `1234.5`: one dot is a decimal point, except
//! - `1.250`, `12.500`, `250.000`: one dot followed by exactly three digits, after a first group
//!   of one to three digits not starting with `0`, is a thousands dot (Vietnamese writing:
//!   `1.250` is one thousand two hundred and fifty);
//! - `1.250.000`: several dots are thousands dots and must form groups of three;
//! - `85%`, `85,5%`: a percentage, as a spreadsheet shows a percent cell, is its value (0.85);
//! - several commas, a comma before a dot (`1,250.5`), spaces inside, letters: not a number.

use serde_json::{Number, Value};

/// Ten decimals: the most any helper prints.
pub(crate) const DECIMALS: u32 = 10;
const SCALE: i128 = 10_000_000_000;

/// An exact decimal number with ten decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Dec(i128);

/// Why a value is not a number the helpers can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumError {
    NotANumber,
    TooLarge,
}

impl Dec {
    pub(crate) const ZERO: Dec = Dec(0);

    pub(crate) fn from_int(i: i128) -> Result<Dec, NumError> {
        i.checked_mul(SCALE).map(Dec).ok_or(NumError::TooLarge)
    }

    /// From the sign, the digits before the decimal separator and those after it (any number:
    /// rounded half away from zero to ten).
    fn from_parts(negative: bool, int_digits: &str, frac_digits: &str) -> Result<Dec, NumError> {
        let int: i128 = if int_digits.is_empty() {
            0
        } else {
            int_digits.parse().map_err(|_| NumError::TooLarge)?
        };
        let mut frac: i128 = 0;
        for (i, c) in frac_digits.bytes().enumerate() {
            let digit = i128::from(c - b'0');
            if i < DECIMALS as usize {
                frac = frac * 10 + digit;
            } else {
                if digit >= 5 {
                    frac += 1;
                }
                break;
            }
        }
        for _ in frac_digits.len()..DECIMALS as usize {
            frac *= 10;
        }
        let magnitude = int
            .checked_mul(SCALE)
            .and_then(|v| v.checked_add(frac))
            .ok_or(NumError::TooLarge)?;
        Ok(Dec(if negative { -magnitude } else { magnitude }))
    }

    pub(crate) fn from_f64(f: f64) -> Result<Dec, NumError> {
        if !f.is_finite() {
            return Err(NumError::NotANumber);
        }
        // Display gives the shortest text that reads back as the same float, never with an
        // exponent: read that text exactly instead of multiplying the binary value.
        let text = format!("{f}");
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(NumError::NotANumber);
        }
        Dec::from_parts(negative, int, frac)
    }

    pub(crate) fn from_json_number(n: &Number) -> Result<Dec, NumError> {
        if let Some(i) = n.as_i64() {
            Dec::from_int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Dec::from_int(i128::from(u))
        } else {
            Dec::from_f64(n.as_f64().ok_or(NumError::NotANumber)?)
        }
    }

    pub(crate) fn is_whole(self) -> bool {
        self.0 % SCALE == 0
    }

    pub(crate) fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The whole part, truncated toward zero.
    pub(crate) fn trunc(self) -> i128 {
        self.0 / SCALE
    }

    /// The magnitude of the whole part.
    pub(crate) fn abs_int(self) -> u128 {
        self.0.unsigned_abs() / SCALE as u128
    }

    /// The digits after the decimal separator, trailing zeros removed (`""` when whole).
    pub(crate) fn frac_digits(self) -> String {
        let frac = self.0.unsigned_abs() % SCALE as u128;
        let digits = format!("{frac:010}");
        digits.trim_end_matches('0').to_string()
    }

    pub(crate) fn checked_add(self, other: Dec) -> Option<Dec> {
        self.0.checked_add(other.0).map(Dec)
    }

    /// The quotient to ten decimals (truncated); `None` when dividing by zero or too large.
    pub(crate) fn checked_div(self, other: Dec) -> Option<Dec> {
        if other.0 == 0 {
            return None;
        }
        self.0.checked_mul(SCALE)?.checked_div(other.0).map(Dec)
    }

    /// Rounded half away from zero to `decimals` (at most ten) decimals.
    pub(crate) fn round(self, decimals: u32) -> Dec {
        let decimals = decimals.min(DECIMALS);
        let unit = 10i128.pow(DECIMALS - decimals);
        let rest = self.0 % unit;
        let mut rounded = self.0 - rest;
        if rest.unsigned_abs() * 2 >= unit.unsigned_abs() {
            rounded += unit * self.0.signum();
        }
        Dec(rounded)
    }

    /// As JSON: an integer when whole (and within `i64`), a float otherwise.
    pub(crate) fn to_json(self) -> Value {
        if self.is_whole()
            && let Ok(i) = i64::try_from(self.trunc())
        {
            return Value::from(i);
        }
        let text = self.plain_with('.');
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number)
    }

    /// `1250000`, `-7,5`: no grouping, decimal comma, trailing zeros trimmed.
    pub(crate) fn plain(self) -> String {
        self.plain_with(',')
    }

    fn plain_with(self, separator: char) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let frac = self.frac_digits();
        if frac.is_empty() {
            format!("{sign}{}", self.abs_int())
        } else {
            format!("{sign}{}{separator}{frac}", self.abs_int())
        }
    }

    /// Decree 30 style: `1.250.000`, `-7,5`. With `decimals`, rounded to and padded to that many
    /// decimals (`{{so 7.5 2}}` is `7,50`); without, as many as the number has (at most ten).
    pub(crate) fn grouped(self, decimals: Option<u32>) -> String {
        let value = match decimals {
            Some(d) => self.round(d),
            None => self,
        };
        let mut frac = value.frac_digits();
        if let Some(d) = decimals {
            while frac.len() < d as usize {
                frac.push('0');
            }
        }
        let sign = if value.0 < 0 { "-" } else { "" };
        let digits = value.abs_int().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + frac.len() + 2);
        out.push_str(sign);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(',');
            out.push_str(&frac);
        }
        out
    }
}

/// A number written as text (see the module documentation for the accepted forms).
pub(crate) fn parse_text(text: &str) -> Result<Dec, NumError> {
    let text = text.trim();
    // A percentage as a spreadsheet shows it (`85%`, `85,5%`) is its value: 0.85, 0.855.
    if let Some(number) = text.strip_suffix('%')
        && !number.ends_with(char::is_whitespace)
        && !number.contains('%')
    {
        let hundred = Dec::from_int(100)?;
        return parse_text(number)?
            .checked_div(hundred)
            .ok_or(NumError::TooLarge);
    }
    let (negative, body) = if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('\u{2212}') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else {
        (false, text)
    };
    if body.is_empty()
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(NumError::NotANumber);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (int, frac): (String, &str) = match (commas, dots) {
        (0, 0) => (body.to_string(), ""),
        (0, 1) => {
            let (before, after) = body.split_once('.').unwrap_or((body, ""));
            if after.len() == 3 && is_group_lead(before) {
                (format!("{before}{after}"), "")
            } else {
                (before.to_string(), after)
            }
        }
        (0, _) => (ungroup(body).ok_or(NumError::NotANumber)?, ""),
        (1, _) => {
            let (before, after) = body.split_once(',').unwrap_or((body, ""));
            if after.contains('.') {
                return Err(NumError::NotANumber);
            }
            let int = if before.contains('.') {
                ungroup(before).ok_or(NumError::NotANumber)?
            } else {
                before.to_string()
            };
            (int, after)
        }
        _ => return Err(NumError::NotANumber),
    };
    if int.is_empty() || (frac.is_empty() && body.ends_with([',', '.'])) {
        return Err(NumError::NotANumber);
    }
    Dec::from_parts(negative, &int, frac)
}

/// The first group of a number written with thousands dots: one to three digits, no leading 0.
fn is_group_lead(group: &str) -> bool {
    (1..=3).contains(&group.len()) && !group.starts_with('0')
}

/// `1.250.000` to `1250000`; `None` unless every group after the first has three digits.
fn ungroup(text: &str) -> Option<String> {
    let mut groups = text.split('.');
    let first = groups.next()?;
    if !is_group_lead(first) {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// A JSON number, or text holding a number; `None` for anything else (empty text included).
pub(crate) fn to_dec(value: &Value) -> Option<Dec> {
    match value {
        Value::Number(n) => Dec::from_json_number(n).ok(),
        Value::String(s) => parse_text(s).ok(),
        _ => None,
    }
}

/// How `{{x}}` prints a JSON number: `1207`, `8,5`, `0,3` (at most ten decimals).
pub(crate) fn format_number(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    match Dec::from_json_number(n) {
        Ok(d) => d.plain(),
        // Beyond 10^28: print the float as Rust writes it, with a decimal comma.
        Err(_) => n
            .as_f64()
            .map(|f| format!("{f}").replace('.', ","))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dec(text: &str) -> Dec {
        parse_text(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
    }

    #[test]
    fn numeric_text_is_read_by_vietnamese_conventions() {
        for (text, plain) in [
            ("1250000", "1250000"),
            ("  42 ", "42"),
            ("-4", "-4"),
            ("+4", "4"),
            ("0", "0"),
            ("007", "7"),
            ("7,5", "7,5"),
            ("7.5", "7,5"),
            ("-0,25", "-0,25"),
            ("1.250", "1250"),
            ("12.500", "12500"),
            ("250.000", "250000"),
            ("1.250.000", "1250000"),
            ("1.250.000,5", "1250000,5"),
            ("1.250,75", "1250,75"),
            ("0.250", "0,25"),
            ("1234.567", "1234,567"),
            ("1.2345", "1,2345"),
            ("1.25", "1,25"),
            ("3,14159265358979", "3,1415926536"),
            ("0,00000000004", "0"),
            ("0,00000000005", "0,0000000001"),
        ] {
            assert_eq!(dec(text).plain(), plain, "{text:?}");
        }
    }

    #[test]
    fn percentages_read_as_their_value() {
        let dec = |t: &str| parse_text(t).map(|d| d.plain());
        assert_eq!(dec("85%"), Ok("0,85".to_string()));
        assert_eq!(dec("85,5%"), Ok("0,855".to_string()));
        assert_eq!(dec("-5%"), Ok("-0,05".to_string()));
        for text in ["%", "85%%", "85 %", "a%"] {
            assert_eq!(parse_text(text), Err(NumError::NotANumber), "{text:?}");
        }
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in [
            "",
            " ",
            "-",
            "abc",
            "7,5,1",
            "1,250.5",
            "1.25.000",
            "0.250.000",
            "1.2500.000",
            "12 500",
            "7,",
            "7.",
            ",5",
            ".5",
            "1e5",
            "5đ",
            "--5",
            "1.250.000.5",
        ] {
            assert_eq!(
                parse_text(text),
                Err(NumError::NotANumber),
                "{text:?} should not be a number"
            );
        }
        assert_eq!(
            parse_text("999999999999999999999999999999999"),
            Err(NumError::TooLarge)
        );
    }

    #[test]
    fn floats_are_read_without_binary_noise() {
        assert_eq!(Dec::from_f64(0.1 + 0.2).unwrap().plain(), "0,3");
        assert_eq!(Dec::from_f64(8.5).unwrap().plain(), "8,5");
        assert_eq!(Dec::from_f64(3.0).unwrap().plain(), "3");
        assert_eq!(Dec::from_f64(-0.0).unwrap().plain(), "0");
        assert_eq!(Dec::from_f64(1e-7).unwrap().plain(), "0,0000001");
        assert_eq!(Dec::from_f64(1e-11).unwrap().plain(), "0");
        assert_eq!(
            Dec::from_f64(123456789012.34).unwrap().plain(),
            "123456789012,34"
        );
        assert_eq!(
            Dec::from_f64(1e20).unwrap().plain(),
            "100000000000000000000"
        );
        assert_eq!(Dec::from_f64(1e30), Err(NumError::TooLarge));
    }

    #[test]
    fn grouping_uses_dots_and_a_decimal_comma() {
        for (text, decimals, out) in [
            ("0", None, "0"),
            ("5", None, "5"),
            ("999", None, "999"),
            ("1000", None, "1.000"),
            ("1250000", None, "1.250.000"),
            ("-1250000", None, "-1.250.000"),
            ("1000000000000", None, "1.000.000.000.000"),
            ("7,5", None, "7,5"),
            ("7,5", Some(1), "7,5"),
            ("7,5", Some(2), "7,50"),
            ("7,5", Some(0), "8"),
            ("-7,5", Some(0), "-8"),
            ("1234,5678", Some(2), "1.234,57"),
            ("1234,5", None, "1.234,5"),
            ("2,345", Some(2), "2,35"),
            ("-2,345", Some(2), "-2,35"),
            ("-0,04", Some(1), "0,0"),
            ("0,125", Some(10), "0,1250000000"),
        ] {
            assert_eq!(dec(text).grouped(decimals), out, "{text:?} {decimals:?}");
        }
    }

    #[test]
    fn json_numbers_print_without_grouping() {
        for (value, out) in [
            (json!(1207), "1207"),
            (json!(-3), "-3"),
            (json!(u64::MAX), "18446744073709551615"),
            (json!(8.5), "8,5"),
            (json!(2.0), "2"),
            (json!(0.1 + 0.2), "0,3"),
        ] {
            let Value::Number(n) = &value else {
                unreachable!()
            };
            assert_eq!(format_number(n), out, "{value}");
        }
        let Value::Number(huge) = json!(1.5e300) else {
            unreachable!()
        };
        assert_eq!(format_number(&huge), format!("{}", 1.5e300f64));
    }

    #[test]
    fn sums_come_back_as_integers_when_whole() {
        assert_eq!(dec("15").to_json(), json!(15));
        assert_eq!(dec("15,5").to_json(), json!(15.5));
        assert_eq!(dec("-0,3").to_json(), json!(-0.3));
        let total = dec("0,1").checked_add(dec("0,2")).unwrap();
        assert_eq!(total.to_json(), json!(0.3));
    }
}
