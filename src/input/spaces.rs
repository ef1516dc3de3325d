//! Text that looks equal is equal: the spaces a clerk cannot see on screen (a space at either
//! end, two spaces for one, a no-break space, a zero-width space) are tidied in every text
//! value, so that `VP`, `VP ` and `VP<NBSP>` are one unit when grouped or joined. Text is NFC
//! too, so accents typed decomposed (NFD, as some keyboards and Macs write them) are the same
//! letters. Two cells of a column that were told apart only so are named in a warning.

use crate::diag::msg;
use std::collections::HashMap;

use super::cells::column_letter;
use crate::diag::Diagnostic;

/// `text` with its invisible spaces tidied: no-break and other Unicode spaces become plain
/// spaces, zero-width characters go, runs of spaces become one, and the ends are trimmed
/// (line breaks inside the cell are kept). `None` when nothing changes.
pub(crate) fn tidy(text: &str) -> Option<String> {
    let odd = |c: char| {
        c == '\t'
            || (c != ' ' && c != '\n' && c.is_whitespace())
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    };
    let clean = !text.starts_with([' ', '\n'])
        && !text.ends_with([' ', '\n'])
        && !text.contains("  ")
        && !text.contains(" \n")
        && !text.contains("\n ")
        && !text.contains(odd);
    if clean {
        return None;
    }
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let mut out = String::with_capacity(line.len());
        for c in line.chars() {
            let c = match c {
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
                c if c == '\t' || c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(c);
        }
        let trimmed = out.trim_end().to_string();
        lines.push(trimmed);
    }
    let joined = lines.join("\n");
    Some(joined.trim_matches('\n').to_string())
}

/// The text with its invisible characters shown: `VP<NBSP>`.
pub(crate) fn visible(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\u{A0}' => out.push_str("<NBSP>"),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                out.push_str("<zero-width space>")
            }
            '\t' => out.push_str("<tab>"),
            c => out.push(c),
        }
    }
    out
}

/// How two texts that are one value once tidied differ: `spaces`, `accents` (how their
/// accents are encoded) or `both`, the selector of the messages that say so.
pub(crate) fn difference(a: &str, b: &str) -> &'static str {
    let plain = |t: &str| tidy(t).unwrap_or_else(|| t.to_string());
    let composed = |t: &str| super::cells::nfc(t);
    let spaces = composed(a) != composed(b);
    let accents = plain(a) != plain(b);
    match (spaces, accents) {
        (true, true) => "both",
        (false, true) => "accents",
        _ => "spaces",
    }
}

/// How many cells of one column a table names.
const NAMED: usize = 10;

/// The texts of each column, to find cells that differ only in spaces.
#[derive(Default)]
pub(crate) struct Lookalikes {
    /// Per column: tidy text -> (first row, its text as typed).
    seen: HashMap<usize, HashMap<String, (usize, String)>>,
    found: Vec<(usize, usize, String, usize, String)>,
    per_column: HashMap<usize, usize>,
}

impl Lookalikes {
    /// A text cell of `column` (0-based) in `row`: `typed` as in the file, `tidy` as kept.
    pub(crate) fn add(&mut self, column: usize, row: usize, typed: &str, tidy: &str) {
        let seen = self.seen.entry(column).or_default();
        match seen.get(tidy) {
            None => {
                seen.insert(tidy.to_string(), (row, typed.to_string()));
            }
            Some((first_row, first)) if first != typed => {
                let count = self.per_column.entry(column).or_default();
                if *count < NAMED {
                    *count += 1;
                    self.found
                        .push((column, row, typed.to_string(), *first_row, first.clone()));
                }
            }
            Some(_) => {}
        }
    }

    /// One warning per pair found, at the later cell.
    pub(crate) fn warnings(self, location: impl Fn(&str, usize) -> String) -> Vec<Diagnostic> {
        self.found
            .into_iter()
            .map(|(column, row, typed, first_row, first)| {
                let letter = column_letter(column);
                let how = difference(&typed, &first);
                Diagnostic::warning(
                    location(&letter, row),
                    msg!(
                        "input-differ-only-spaces-they-taken",
                        typed = &visible(&typed).to_string(),
                        first = &visible(&first).to_string(),
                        letter = letter.to_string(),
                        first_row = first_row.to_string(),
                        how = how
                    ),
                )
                .with_hint(msg!("input-make-two-cells-alike", how = how))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_spaces_are_tidied() {
        assert_eq!(tidy("VP"), None);
        assert_eq!(tidy("Hà Nội\nViệt Nam"), None);
        assert_eq!(tidy("VP ").as_deref(), Some("VP"));
        assert_eq!(tidy("VP\u{a0}").as_deref(), Some("VP"));
        assert_eq!(tidy("\u{200b}V\u{200b}P").as_deref(), Some("VP"));
        assert_eq!(tidy("Văn  phòng").as_deref(), Some("Văn phòng"));
        assert_eq!(tidy(" a \n b ").as_deref(), Some("a\nb"));
        assert_eq!(tidy("   ").as_deref(), Some(""));
    }
}
