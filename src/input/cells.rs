//! The raw grid of a sheet or CSV file: cells as read, before any header is known, and the
//! small conversions every reader shares (NFC text, numbers as JSON, column letters).

use serde_json::{Number, Value};
use unicode_normalization::UnicodeNormalization;

/// One cell as read, before it becomes a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    /// NFC text, never empty.
    Text(String),
    Number(Value),
    Bool(bool),
    /// Already formatted: `31/10/2025`, `08:30`.
    Date(String),
    /// An Excel error value as Excel shows it: `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub(crate) fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(nfc(s))
        }
    }

    /// Empty, or text of white space only.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text a header cell gives.
    pub(crate) fn header_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => s.trim().to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

/// A sheet row (or CSV record) that has at least one cell; `cells` is indexed by the
/// absolute 0-based column.
#[derive(Debug, Clone)]
pub(crate) struct GridRow {
    /// 1-based sheet row number.
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl GridRow {
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    pub(crate) fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// A merged region of a sheet: (first row, first column, last row, last column), 0-based.
pub(crate) type Merge = (u32, u32, u32, u32);

/// Text cells whose text in the file is not NFC: (1-based row, 0-based column) to the text as
/// typed (decomposed accents). Their [`Cell::Text`] holds the NFC text; a join or a column
/// that matched only after that says so.
pub(crate) type Typed = std::collections::HashMap<(usize, usize), String>;

/// Keeps `text`, read at (`row`, `column`), in `typed` when NFC changes it.
pub(crate) fn keep_typed(typed: &mut Typed, row: usize, column: usize, text: &str) {
    if unicode_normalization::is_nfc_quick(text.chars()) != unicode_normalization::IsNormalized::Yes
        && nfc(text) != text
    {
        typed.insert((row, column), text.to_string());
    }
}

pub(crate) fn nfc(s: &str) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// NFC in place: most text already is, and then nothing is copied.
pub(crate) fn into_nfc(s: String) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// A number as a JSON value: whole numbers within ±2^53 as integers, others as floats;
/// a value JSON cannot hold (NaN, infinity) as its text.
pub(crate) fn number_value(x: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() <= EXACT {
        return Value::from(x as i64);
    }
    Number::from_f64(x).map_or_else(|| Value::String(x.to_string()), Value::Number)
}

/// Excel column letters for a 0-based column: 0 `A`, 25 `Z`, 26 `AA`.
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        for (index, letters) in [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            assert_eq!(column_letter(index), letters);
        }
    }

    #[test]
    fn whole_numbers_become_integers_and_others_stay_floats() {
        assert_eq!(number_value(1207.0), Value::from(1207));
        assert_eq!(number_value(-4.0), Value::from(-4));
        assert_eq!(number_value(8.5), Value::from(8.5));
        assert_eq!(number_value(-0.0), Value::from(0));
        assert_eq!(
            number_value(9_007_199_254_740_992.0),
            Value::from(9_007_199_254_740_992_i64)
        );
        assert!(number_value(1e300).is_f64());
        assert_eq!(number_value(f64::NAN), Value::String("NaN".into()));
    }
}
