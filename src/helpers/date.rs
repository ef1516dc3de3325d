//! Dates: `ngay_thang` (the Decree 30 date line) and `ngay` (a small format language).
//!
//! Dates arrive as text: `dd/mm/yyyy` (what the input stage produces; `d/m/yyyy`, and `-` or
//! `.` instead of `/`, are read too), optionally followed by ` hh:mm` or ` hh:mm:ss`; or ISO
//! `yyyy-mm-dd`, optionally followed by `Thh:mm[:ss[.fff]]` (or a space instead of `T`) and a
//! zone (`Z`, `+07:00`), which is ignored. Impossible dates (`31/04/2023`) are refused.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// Reads a date in any accepted form; `None` if `text` is not one.
pub(crate) fn parse_date(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let (date, time) = match text.find(['T', ' ']) {
        Some(i) => (&text[..i], Some(text[i + 1..].trim_start())),
        None => (text, None),
    };
    let (year, month, day) = parse_ymd(date)?;
    if month == 0 || month > 12 || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let (hour, minute, second) = match time {
        Some(t) => parse_time(t)?,
        None => (0, 0, 0),
    };
    Some(DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    })
}

fn all_digits(s: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn parse_ymd(date: &str) -> Option<(u16, u8, u8)> {
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = date.split(separator).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if separator == '-' && all_digits(a, 4..=4) {
        // ISO yyyy-mm-dd
        if !all_digits(b, 2..=2) || !all_digits(c, 2..=2) {
            return None;
        }
        return Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?));
    }
    if !all_digits(a, 1..=2) || !all_digits(b, 1..=2) || !all_digits(c, 4..=4) {
        return None;
    }
    Some((c.parse().ok()?, b.parse().ok()?, a.parse().ok()?))
}

fn parse_time(time: &str) -> Option<(u8, u8, u8)> {
    // Drop a zone: `Z`, `+07:00`, `-0500`.
    let time = time.trim_end_matches(['Z', 'z']);
    let time = match time.rfind(['+', '-']) {
        Some(i) => &time[..i],
        None => time,
    };
    // Drop fractions of a second.
    let time = time.split('.').next()?;
    let parts: Vec<&str> = time.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, "0"),
        [h, m, s] if all_digits(s, 2..=2) => (*h, *m, *s),
        _ => return None,
    };
    if !all_digits(h, 1..=2) || !all_digits(m, 2..=2) {
        return None;
    }
    let (h, m, s): (u8, u8, u8) = (h.parse().ok()?, m.parse().ok()?, s.parse().ok()?);
    (h < 24 && m < 60 && s < 60).then_some((h, m, s))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

/// The Decree 30 date line: `ngày 05 tháng 01 năm 2023`, `ngày 29 tháng 6 năm 2019`: a day
/// below 10 and the months 1 and 2 get a leading zero, other months do not.
pub(crate) fn date_line(d: DateTime) -> String {
    let month = if d.month < 3 {
        format!("{:02}", d.month)
    } else {
        d.month.to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day, d.year)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Day(usize),
    Month(usize),
    Year(usize),
    Hour(usize),
    /// `m` / `mm` next to an hour or a second: minutes.
    Minute(usize),
    Second(usize),
}

enum Piece {
    Literal(String),
    Field(Token),
}

/// `ngay`'s format language. Tokens: `dd` (05), `d` (5), `mm` (03), `m` (3), `yyyy` (2023),
/// `yy` (23), and for times `hh`, `h`, `ss`, `s`, with `mm` / `m` meaning minutes right after an
/// hour or right before a second (as in Excel: `dd/mm/yyyy hh:mm`). Letters are case-insensitive.
/// A word (a run of letters) is a token sequence only if it is made entirely of these tokens
/// (`dd`, `ddmmyyyy`); any other word is printed as it is, so `ngày dd tháng m năm yyyy` works
/// (`năm` is not read as a month). Every other character is printed as it is.
pub(crate) fn format_date(d: DateTime, format: &str) -> String {
    let pieces = tokenize(format);
    let fields: Vec<(usize, Token)> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Piece::Field(t) => Some((i, *t)),
            Piece::Literal(_) => None,
        })
        .collect();
    let mut out = String::with_capacity(format.len() + 4);
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(s) => out.push_str(s),
            Piece::Field(token) => {
                let token = match *token {
                    Token::Month(n) => {
                        let at = fields.iter().position(|(j, _)| *j == i).unwrap_or(0);
                        let after_hour = at > 0 && matches!(fields[at - 1].1, Token::Hour(_));
                        let before_second =
                            matches!(fields.get(at + 1), Some((_, Token::Second(_))));
                        if after_hour || before_second {
                            Token::Minute(n)
                        } else {
                            Token::Month(n)
                        }
                    }
                    t => t,
                };
                let (value, width) = match token {
                    Token::Day(n) => (u32::from(d.day), n),
                    Token::Month(n) => (u32::from(d.month), n),
                    Token::Year(4) => (u32::from(d.year), 4),
                    Token::Year(_) => (u32::from(d.year % 100), 2),
                    Token::Hour(n) => (u32::from(d.hour), n),
                    Token::Minute(n) => (u32::from(d.minute), n),
                    Token::Second(n) => (u32::from(d.second), n),
                };
                let _ = write!(out, "{value:0width$}");
            }
        }
    }
    out
}

fn tokenize(format: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        let word = &chars[start..i];
        match word_tokens(word) {
            Some(tokens) => {
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.extend(tokens.into_iter().map(Piece::Field));
            }
            None => literal.extend(word),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

/// The tokens making up `word`, or `None` if it is not made entirely of tokens.
fn word_tokens(word: &[char]) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < word.len() {
        let c = word[i].to_ascii_lowercase();
        let mut n = 1;
        while i + n < word.len() && word[i + n].to_ascii_lowercase() == c {
            n += 1;
        }
        let token = match (c, n) {
            ('d', 1 | 2) => Token::Day(n),
            ('m', 1 | 2) => Token::Month(n),
            ('y', 2 | 4) => Token::Year(n),
            ('h', 1 | 2) => Token::Hour(n),
            ('s', 1 | 2) => Token::Second(n),
            _ => return None,
        };
        tokens.push(token);
        i += n;
    }
    Some(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> DateTime {
        parse_date(text).unwrap_or_else(|| panic!("{text:?} should be a date"))
    }

    #[test]
    fn dates_are_read_in_every_accepted_form() {
        for (text, ymd, hms) in [
            ("05/03/2023", (2023, 3, 5), (0, 0, 0)),
            ("5/3/2023", (2023, 3, 5), (0, 0, 0)),
            ("05-03-2023", (2023, 3, 5), (0, 0, 0)),
            ("05.03.2023", (2023, 3, 5), (0, 0, 0)),
            (" 29/02/2024 ", (2024, 2, 29), (0, 0, 0)),
            ("05/03/2023 14:30", (2023, 3, 5), (14, 30, 0)),
            ("05/03/2023 7:05:09", (2023, 3, 5), (7, 5, 9)),
            ("2023-03-05", (2023, 3, 5), (0, 0, 0)),
            ("2023-03-05T08:15:00", (2023, 3, 5), (8, 15, 0)),
            ("2023-03-05T08:15", (2023, 3, 5), (8, 15, 0)),
            ("2023-03-05T08:15:00.250Z", (2023, 3, 5), (8, 15, 0)),
            ("2023-03-05T08:15:00+07:00", (2023, 3, 5), (8, 15, 0)),
            ("2023-03-05 08:15:00", (2023, 3, 5), (8, 15, 0)),
        ] {
            let got = d(text);
            assert_eq!((got.year, got.month, got.day), ymd, "{text:?}");
            assert_eq!((got.hour, got.minute, got.second), hms, "{text:?}");
        }
    }

    #[test]
    fn text_that_is_not_a_date_is_refused() {
        for text in [
            "",
            "abc",
            "45000",
            "31/04/2023",
            "29/02/2023",
            "29/02/1900",
            "00/01/2023",
            "01/13/2023",
            "2023/03/05",
            "05/03/23",
            "05/03-2023",
            "2023-3-5",
            "05/03/2023 25:00",
            "05/03/2023 10:61",
            "05/03/2023 nay",
            "14:30",
            "1.250.000",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
        assert!(parse_date("29/02/2000").is_some());
    }

    #[test]
    fn the_date_line_pads_days_below_10_and_months_1_and_2_only() {
        for (text, line) in [
            ("05/01/2020", "ngày 05 tháng 01 năm 2020"),
            ("29/06/2019", "ngày 29 tháng 6 năm 2019"),
            ("11/01/2023", "ngày 11 tháng 01 năm 2023"),
            ("05/03/2023", "ngày 05 tháng 3 năm 2023"),
            ("1/2/2024", "ngày 01 tháng 02 năm 2024"),
            ("10/10/2024", "ngày 10 tháng 10 năm 2024"),
            ("31/12/2024", "ngày 31 tháng 12 năm 2024"),
            ("09/11/2024", "ngày 09 tháng 11 năm 2024"),
            ("2023-01-05", "ngày 05 tháng 01 năm 2023"),
            ("2023-09-20T10:00:00", "ngày 20 tháng 9 năm 2023"),
            ("20/09/2023 10:00", "ngày 20 tháng 9 năm 2023"),
        ] {
            assert_eq!(date_line(d(text)), line, "{text:?}");
        }
    }

    #[test]
    fn the_format_language_prints_each_token() {
        let date = d("05/03/2023 14:07:09");
        for (format, out) in [
            ("dd/mm/yyyy", "05/03/2023"),
            ("d/m/yyyy", "5/3/2023"),
            ("DD/MM/YYYY", "05/03/2023"),
            ("dd.mm.yy", "05.03.23"),
            ("yyyy-mm-dd", "2023-03-05"),
            ("ddmmyyyy", "05032023"),
            ("mm/yyyy", "03/2023"),
            ("yyyy", "2023"),
            ("ngày dd tháng m năm yyyy", "ngày 05 tháng 3 năm 2023"),
            ("Hà Nội, ngày d", "Hà Nội, ngày 5"),
            ("dd/mm/yyyy hh:mm", "05/03/2023 14:07"),
            ("hh:mm:ss", "14:07:09"),
            ("h giờ m phút", "14 giờ 7 phút"),
            ("hh giờ mm", "14 giờ 07"),
            ("yyy ddd", "yyy ddd"),
            ("", ""),
        ] {
            assert_eq!(format_date(date, format), out, "{format:?}");
        }
    }
}
