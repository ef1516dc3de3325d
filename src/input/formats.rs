//! Number formats that change what a number cell shows: the clerk reads `001080012345` in a
//! cell formatted `000000000000` and `85,5%` in one formatted `0.0%`, never the bare value.
//! Other formats (grouping, currency, decimals) leave the value as it is.

use serde_json::Value;

use super::cells::{self, Cell};

/// What a number format does to a number, as far as vanban keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The value as it is.
    Plain,
    /// Zero-padded to this many digits (`000000000000`): IDs, phone and tax numbers.
    Padded(usize),
    /// A percentage with this many decimals (`0%`, `0.0%`).
    Percent(usize),
}

/// How the format `code` (as in `xl/styles.xml`) shows a number.
pub(crate) fn classify(code: &str) -> Shown {
    let section = first_section(code);
    let mut digits = String::new();
    let mut percent = false;
    let mut chars = section.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '%' => percent = true,
            '0' | '#' | '?' | '.' | ',' => digits.push(c),
            'E' | 'e' | '/' | '@' => return Shown::Plain,
            _ => {}
        }
    }
    if percent {
        let decimals = digits
            .split_once('.')
            .map_or(0, |(_, after)| after.chars().filter(|c| *c != ',').count());
        return Shown::Percent(decimals);
    }
    if digits.len() >= 2 && digits.bytes().all(|b| b == b'0') {
        return Shown::Padded(digits.len());
    }
    Shown::Plain
}

/// The first `;`-separated section of a format: the one positive numbers use.
fn first_section(code: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in code.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => return &code[..i],
            _ => {}
        }
    }
    code
}

/// A number cell as its format shows it: padded numbers and percentages become text as
/// Excel displays them (`001080012345`, `85,5%`).
pub(crate) fn apply(shown: Shown, x: f64) -> Cell {
    match shown {
        Shown::Plain => Cell::Number(cells::number_value(x)),
        Shown::Padded(width) if x.is_finite() && x.abs() < 1e15 => {
            let whole = x.round() as i64;
            let sign = if whole < 0 { "-" } else { "" };
            Cell::Text(format!("{sign}{:0width$}", whole.unsigned_abs()))
        }
        Shown::Percent(decimals) if x.is_finite() && x.abs() < 1e13 => {
            let text = format!("{:.*}", decimals.min(10), excel_rounded(x * 100.0));
            Cell::Text(format!("{}%", text.replace('.', ",")))
        }
        _ => Cell::Number(cells::number_value(x)),
    }
}

/// A float as Excel shows it in a General cell: to 15 significant digits, so that binary
/// noise (`6177599.999999999` for `(2.34+0.3)*2340000`) is gone.
pub(crate) fn excel_rounded(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// A number of a cell with no format that changes it.
pub(crate) fn number(x: f64) -> Value {
    cells::number_value(excel_rounded(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_padded_and_percent_formats_are_recognised() {
        assert_eq!(classify("000000000000"), Shown::Padded(12));
        assert_eq!(classify("00000"), Shown::Padded(5));
        assert_eq!(classify("0%"), Shown::Percent(0));
        assert_eq!(classify("0.0%"), Shown::Percent(1));
        assert_eq!(classify("0.00%;[Red]-0.00%"), Shown::Percent(2));
        for plain in [
            "General",
            "0",
            "#,##0",
            "0.00",
            "@",
            "0.00E+00",
            "\"%\"0",
            "#,##0\" đ\"",
        ] {
            assert_eq!(classify(plain), Shown::Plain, "{plain}");
        }
    }

    #[test]
    fn numbers_show_as_their_format_shows_them() {
        assert_eq!(
            apply(Shown::Padded(12), 1080012345.0),
            Cell::Text("001080012345".into())
        );
        assert_eq!(apply(Shown::Percent(0), 0.85), Cell::Text("85%".into()));
        assert_eq!(apply(Shown::Percent(1), 0.855), Cell::Text("85,5%".into()));
        assert_eq!(apply(Shown::Plain, 8.5), Cell::Number(Value::from(8.5)));
    }

    #[test]
    fn float_noise_is_rounded_to_fifteen_significant_digits() {
        let x = (2.34 + 0.3) * 2_340_000.0;
        assert_ne!(x, 6_177_600.0);
        assert_eq!(number(x), Value::from(6_177_600));
        assert_eq!(number(0.1 + 0.2), Value::from(0.3));
        assert_eq!(number(8.5), Value::from(8.5));
        assert_eq!(number(1e300), cells::number_value(1e300));
    }
}
