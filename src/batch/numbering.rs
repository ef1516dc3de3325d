//! Document numbers: the books a run numbers in (one per symbol, per value of `per`, per
//! calendar year), seeded from the office's outgoing register so that a number once issued
//! stays with its document and is never issued twice. Reading and writing the register's
//! workbook is the manifest's; this room only decides numbers.

use crate::diag::msg;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crate::context::Documents;
use crate::diag::Diagnostic;
use crate::eval::{Eval, Subject};

/// How a kind of document is numbered: `05/KH-STNMT`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    /// The part after the number: `KH-STNMT`, `STNMT-VP`; it may hold tags of the document's
    /// data (`KH-{{ky_hieu}}`: each unit's own symbol).
    pub symbol: String,
    /// The first number of the book in a year.
    #[serde(default = "one")]
    pub first: u64,
    /// The field that holds the number; a number already in the data wins.
    #[serde(default = "so")]
    pub field: String,
    /// A field whose every value keeps its own count (`ma_don_vi`: each unit's book).
    pub per: Option<String>,
    /// The field that dates the document in the register (default `ngay_ky`, else today).
    pub date: Option<String>,
    /// A field naming what the number belongs to (`ma_can_bo`: an awardee): a document whose
    /// key already has a number in this book gets the same one (a certificate printed in two
    /// forms keeps one number). Without it, a document is known by its file name.
    pub key: Option<String>,
    /// The register's "Tên loại và trích yếu": a text with tags (default: the kind).
    pub title: Option<String>,
    /// The register's "Người ký": a text with tags (default: the field `nguoi_ky`).
    pub signer: Option<String>,
    /// The register's "Nơi nhận": a text with tags (default: none).
    pub recipient: Option<String>,
}

fn one() -> u64 {
    1
}

fn so() -> String {
    "so".into()
}

/// A line of the outgoing register (Sổ đăng ký văn bản đi): read from the office's workbook,
/// or made by this run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registered {
    /// As printed: `05/KH-STNMT`.
    pub number: String,
    /// `dd/mm/yyyy`
    pub date: String,
    pub title: String,
    pub signer: String,
    pub recipient: String,
    /// "Đơn vị, người nhận bản lưu" and "Số lượng bản": the clerk's, kept as written.
    pub copy_to: String,
    pub copies: String,
    /// The clerk's notes ("Ghi chú").
    pub note: String,
    /// The book's calendar year: numbers restart each year.
    pub year: i32,
    /// The book: the symbol, and the value of `per` in brackets when the book is per value.
    pub book: String,
    /// The number within the book, when it is a whole number.
    pub seq: Option<u64>,
    /// What the number belongs to (`ma_can_bo=CB0019`, or the file name); empty for a line
    /// added by hand.
    pub key: String,
    /// The file, relative to the output folder.
    pub file: Option<PathBuf>,
    /// The kind of document and its unit (or origin), for the summary.
    pub kind: String,
    pub unit: String,
    /// Where the line was read from (`so-dang-ky.xlsx:SoDangKy!A5`).
    pub place: Option<String>,
    /// Made by this run.
    pub made: bool,
}

/// The numbering books of a run, shared by every kind of document that numbers with the
/// same symbol: the register's lines and the ones this run adds.
#[derive(Debug, Default)]
pub struct Books(std::sync::Mutex<BookState>);

#[derive(Debug, Default)]
struct BookState {
    lines: Vec<Registered>,
    /// Numbers taken per book and year, by any line.
    taken: HashMap<(String, i32), BTreeSet<u64>>,
    /// The highest number of each book and year in the register as read, or given by this
    /// run: new numbers follow it (a number the data gives is only taken).
    highest: HashMap<(String, i32), u64>,
    /// The line of each book, year and key.
    by_key: HashMap<(String, i32, String), usize>,
}

impl Books {
    /// Books that continue a register. The lines must not contradict each other (see the
    /// manifest's register reader).
    pub fn from_register(lines: Vec<Registered>) -> Books {
        let mut state = BookState::default();
        for line in lines {
            state.add(line);
        }
        let highest = state
            .taken
            .iter()
            .filter_map(|(book, numbers)| Some((book.clone(), *numbers.last()?)))
            .collect();
        state.highest = highest;
        Books(std::sync::Mutex::new(state))
    }

    /// Every line, the register's first, then the new ones in run order.
    pub fn lines(&self) -> Vec<Registered> {
        self.lock().lines.clone()
    }

    /// Gives the line at `index` its file, if it has none yet (a certificate's full-page form
    /// comes first).
    pub(super) fn set_file(&self, index: usize, file: PathBuf) {
        let mut state = self.lock();
        if state.lines[index].file.is_none() {
            state.lines[index].file = Some(file);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BookState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl BookState {
    fn add(&mut self, line: Registered) -> usize {
        let at = self.lines.len();
        let book = (line.book.clone(), line.year);
        if let Some(seq) = line.seq {
            self.taken.entry(book.clone()).or_default().insert(seq);
        }
        if !line.key.is_empty() {
            self.by_key.insert((book.0, book.1, line.key.clone()), at);
        }
        self.lines.push(line);
        at
    }

    /// The next free number of a book: after the highest the register held or this run gave,
    /// from `first`, skipping every number taken.
    fn next(&self, book: &(String, i32), first: u64) -> u64 {
        let mut n = first.max(self.highest.get(book).map_or(0, |h| h + 1));
        if let Some(taken) = self.taken.get(book) {
            while taken.contains(&n) {
                n += 1;
            }
        }
        n
    }
}

/// A document's number as it prints: the number and the symbol it is written with, and its
/// line in the register.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub number: String,
    /// The register line's Tên loại và trích yếu.
    pub title: String,
    /// `05/KH-STNMT`, or the data's own `125/QĐ-STNMT`.
    pub full: String,
    pub line: usize,
}

/// What a numbered document is, for its register line.
pub(super) struct Subjecthood<'a> {
    pub kind: &'a str,
    /// The document's file name without its number, where it has one: its key when the
    /// numbering names no key field.
    pub name: Option<String>,
}

/// The year of a date written `dd/mm/yyyy` (or any text holding a four-digit year).
pub fn year_of(date: &str) -> Option<i32> {
    date.split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .find(|year| (1900..3000).contains(year))
}

/// Each selected document's number: the one its data gives, the one the register holds for
/// it, or the next free of its book (below 10 padded to two digits, as Decree 30 writes them).
pub(super) fn assign(
    numbering: &Numbering,
    slug: bool,
    documents: &Documents,
    selected: &[usize],
    names: &[Subjecthood],
    kind_date: Option<&str>,
    books: &Books,
) -> Result<Vec<Number>, Vec<Diagnostic>> {
    let mut eval = Eval::new("numbering symbol", None, slug).strict();
    let symbol = eval.text(&numbering.symbol).map_err(|d| vec![d])?;
    // The register's texts, each named in its messages.
    let texts = |label: &str, text: &Option<String>| -> Result<_, Vec<Diagnostic>> {
        let Some(text) = text.as_deref() else {
            return Ok(None);
        };
        let mut eval = Eval::new(&format!("numbering {label}"), None, slug).strict();
        let compiled = eval.text(text).map_err(|d| vec![d])?;
        Ok(Some((eval, compiled)))
    };
    let title = texts("title", &numbering.title)?;
    let signer = texts("signer", &numbering.signer)?;
    let recipient = texts("recipient", &numbering.recipient)?;
    // The fields the register's line reads, not the rows joined to the document's row.
    let keep = crate::eval::fields_named(
        [
            Some(numbering.symbol.as_str()),
            numbering.title.as_deref(),
            numbering.signer.as_deref(),
            numbering.recipient.as_deref(),
        ]
        .into_iter()
        .flatten(),
        slug,
    )
    .map(|mut keep| {
        let named = [
            Some(numbering.field.as_str()),
            numbering.per.as_deref(),
            numbering.key.as_deref(),
            numbering.date.as_deref(),
            kind_date,
            Some("ngay_ky"),
            Some("today"),
            Some("nguoi_ky"),
            Some("ma_don_vi"),
        ];
        keep.extend(named.into_iter().flatten().map(str::to_string));
        keep
    });
    let mut state = books.lock();
    let mut numbers = Vec::with_capacity(selected.len());
    let mut errors = Vec::new();
    for (k, &i) in selected.iter().enumerate() {
        let subject = Subject::from(documents.get_only(i, keep.as_ref()));
        let field = |name: &str| {
            subject
                .data()
                .get(name)
                .map(crate::helpers::format_value)
                .filter(|v| !v.trim().is_empty())
        };
        let symbol = eval.render(&symbol, &subject).map_err(|d| vec![d])?;
        let render = |text: &Option<(Eval, _)>| match text {
            Some((eval, t)) => eval.render(t, &subject).map(Some).map_err(|d| vec![d]),
            None => Ok(None),
        };
        let title = render(&title)?.unwrap_or_else(|| names[k].kind.to_string());
        let signer = render(&signer)?.or_else(|| field("nguoi_ky"));
        let recipient = render(&recipient)?.unwrap_or_default();
        let date = numbering
            .date
            .as_deref()
            .and_then(field)
            .or_else(|| kind_date.and_then(field))
            .or_else(|| field("ngay_ky"))
            .or_else(|| field("today"))
            .unwrap_or_default();
        let year = year_of(&date)
            .or_else(|| field("today").as_deref().and_then(year_of))
            .unwrap_or(0);
        let per = numbering.per.as_deref().and_then(field);
        let book_name = match &per {
            Some(value) => format!("{symbol} ({value})"),
            None => symbol.clone(),
        };
        let book = (book_name.clone(), year);
        let key = match numbering.key.as_deref() {
            Some(name) => field(name).map(|v| format!("{name}={v}")),
            None => names[k].name.clone(),
        };
        let earlier = key
            .as_ref()
            .and_then(|key| state.by_key.get(&(book.0.clone(), year, key.clone())))
            .copied();
        let given = field(&numbering.field);
        let (number, full, line) = match (given, earlier) {
            (Some(given), earlier) => {
                // The data's own number (a decision's `125/QĐ-STNMT`) prints as it is.
                let (number, full) = match given.split_once('/') {
                    Some((n, _)) => (n.trim().to_string(), given.clone()),
                    None => (given.clone(), format!("{given}/{symbol}")),
                };
                let seq = number.parse::<u64>().ok();
                let line = match earlier {
                    Some(at) if state.lines[at].number == full => at,
                    _ => {
                        let clash = seq.and_then(|seq| {
                            state.lines.iter().find(|l| {
                                l.book == book.0
                                    && l.year == year
                                    && l.seq == Some(seq)
                                    && l.key != key.clone().unwrap_or_default()
                            })
                        });
                        if let Some(other) = clash {
                            errors.push(Diagnostic::error(
                                "numbering",
                                msg!(
                                    "batch-number-from-data-already-register",
                                    subject = subject_origin(&subject).to_string(),
                                    full = full.to_string(),
                                    key = if other.key.is_empty() {
                                        "a line added by hand"
                                    } else {
                                        &other.key
                                    }
                                    .to_string(),
                                    p = other
                                        .place
                                        .as_deref()
                                        .map(|p| format!(" ({p})"))
                                        .unwrap_or_default()
                                        .to_string()
                                ),
                            ));
                        }
                        if let Some(at) = earlier {
                            state.lines[at].number = full.clone();
                            state.lines[at].seq = seq;
                            at
                        } else {
                            state.add(Registered {
                                number: full.clone(),
                                seq,
                                book: book.0.clone(),
                                year,
                                key: key.clone().unwrap_or_default(),
                                ..Registered::default()
                            })
                        }
                    }
                };
                (number, full, line)
            }
            (None, Some(at)) => {
                let line = &state.lines[at];
                let number = line
                    .number
                    .split_once('/')
                    .map_or(line.number.clone(), |(n, _)| n.to_string());
                (number, line.number.clone(), at)
            }
            (None, None) => {
                let seq = state.next(&book, numbering.first);
                state.highest.insert(book.clone(), seq);
                let number = format!("{seq:02}");
                let full = format!("{number}/{symbol}");
                let at = state.add(Registered {
                    number: full.clone(),
                    seq: Some(seq),
                    book: book.0.clone(),
                    year,
                    key: key.clone().unwrap_or_default(),
                    ..Registered::default()
                });
                (number, full, at)
            }
        };
        let entry = &mut state.lines[line];
        if !entry.made {
            entry.made = true;
            entry.date = date;
            entry.title = title;
            entry.signer = signer.unwrap_or_default();
            entry.recipient = recipient;
            entry.kind = names[k].kind.to_string();
            entry.unit = field("ma_don_vi").unwrap_or_else(|| subject_origin(&subject));
            entry.file = None;
        }
        let title = state.lines[line].title.clone();
        numbers.push(Number {
            number,
            title,
            full,
            line,
        });
    }
    if errors.is_empty() {
        Ok(numbers)
    } else {
        Err(errors)
    }
}

fn subject_origin(subject: &Subject) -> String {
    subject.origin().to_string()
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn a_year_is_read_from_a_written_date() {
        assert_eq!(year_of("15/12/2025"), Some(2025));
        assert_eq!(year_of("2026-01-05"), Some(2026));
        assert_eq!(year_of("ngày 5"), None);
    }
}
