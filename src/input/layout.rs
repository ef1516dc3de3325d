//! Rows of a sheet that are not records, as an office lays its tables out: a totals row
//! (`Tổng cộng`, `Cộng`, `Tổng số`), a section heading (`I. VĂN PHÒNG SỞ`, one text across
//! the row) and the signature block under the table (`Người lập biểu`, `Hà Nội, ngày ...`).
//! Each is left out with a note naming its row; a section heading is given to the rows under
//! it as the field `_muc`.

use super::cells::{Cell, GridRow};

/// What a data row under the header is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Record,
    /// A totals row: the text that says so (`Tổng cộng`).
    Totals(String),
    /// A section heading: its text.
    Section(String),
    /// The first row of the signature block; it and every row below it are not records.
    Signature(String),
}

/// The kind of each row of `rows` (the rows under the header, in order). A signature row
/// only counts below the table: after a blank row or a totals row.
/// A row with one text may be a section heading only in a table of two columns or more
/// (in a table of one column every record has one text).
/// `width`: the number of columns with a header. A signature row holds few cells (at most
/// half the table's width), all text: a staff row whose position reads `Giám đốc` is a record.
pub(crate) fn classify(rows: &[GridRow], width: usize) -> Vec<Kind> {
    let sections = width >= 2;
    let mut kinds = Vec::with_capacity(rows.len());
    let mut after_table = false;
    let mut signed = false;
    for row in rows {
        let texts: Vec<&str> = row
            .cells
            .iter()
            .filter(|c| !c.is_blank())
            .map(|c| match c {
                Cell::Text(t) => t.trim(),
                _ => "",
            })
            .collect();
        if signed {
            kinds.push(Kind::Signature(String::new()));
            continue;
        }
        if texts.is_empty() {
            after_table = true;
            kinds.push(Kind::Record);
            continue;
        }
        let first_text = texts.iter().find(|t| !t.is_empty()).copied().unwrap_or("");
        let kind = if let Some(word) = totals_word(first_text) {
            after_table = true;
            Kind::Totals(word)
        } else if after_table
            && texts.len() * 2 <= width.max(4)
            && texts.iter().all(|t| !t.is_empty())
            && texts.iter().any(|t| is_signature(t))
        {
            signed = true;
            Kind::Signature(
                texts
                    .iter()
                    .find(|t| is_signature(t))
                    .unwrap_or(&"")
                    .to_string(),
            )
        } else if sections && texts.len() == 1 && is_heading(texts[0]) {
            Kind::Section(texts[0].to_string())
        } else {
            Kind::Record
        };
        kinds.push(kind);
    }
    kinds
}

/// `Tổng cộng`, `Cộng:`, `TỔNG SỐ`, `Tổng cộng (I+II)`: the words of a totals row.
fn totals_word(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches([':', '.', ' ']);
    for word in ["tổng cộng", "tổng số", "cộng", "tổng"] {
        if let Some(rest) = lower.strip_prefix(word)
            && (rest.is_empty()
                || (rest.starts_with([' ', ':', '('])
                    && !rest.trim_start().starts_with(char::is_alphabetic)))
        {
            return Some(text.trim_end_matches([':', ' ']).to_string());
        }
    }
    None
}

/// Words that open a signature block.
fn is_signature(text: &str) -> bool {
    let lower = text.to_lowercase();
    let starts = [
        "người lập",
        "người lập biểu",
        "người ký",
        "kế toán trưởng",
        "thủ trưởng",
        "xác nhận",
        "(ký",
        "giám đốc",
        "tm.",
        "kt.",
    ];
    starts.iter().any(|s| lower.starts_with(s))
        || (lower.contains(", ngày") && lower.contains("tháng") && lower.contains("năm"))
}

/// `I. VĂN PHÒNG SỞ`, `II - CHI CỤC`, `PHÒNG KẾ TOÁN`: words in capitals, alone on their row.
fn is_heading(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let upper = letters.clone().count() >= 3 && letters.all(|c| !c.is_lowercase());
    upper && text.contains(' ')
}

/// Where the header row is, without `--header-row`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Header {
    /// The first non-empty row (index in the rows).
    First(usize),
    /// A row below a title block (agency, title, merged rows).
    BelowTitle(usize),
    /// Nothing looks like a header: the first non-empty row's number.
    Unknown(usize),
}

/// How many non-empty rows the header is looked for in.
const HEADER_SEARCH: usize = 40;

/// The header row: the first row of texts as wide as the table (at least 3/5 of its widest
/// row, and two cells), looked for in the first rows; a table of one column has its header
/// in the first non-empty row. `rows` has a non-blank row.
pub(crate) fn header_row(rows: &[GridRow]) -> Header {
    let sample: Vec<(usize, &GridRow)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH)
        .collect();
    let filled = |r: &GridRow| r.cells.iter().filter(|c| !c.is_blank()).count();
    let Some(&(first, first_row)) = sample.first() else {
        return Header::First(0);
    };
    let widest = sample.iter().map(|(_, r)| filled(r)).max().unwrap_or(0);
    if widest <= 1 {
        return Header::First(first);
    }
    let wide = |r: &GridRow| {
        let n = filled(r);
        n >= 2 && n * 5 >= widest * 3
    };
    let texts = |r: &GridRow| {
        r.cells
            .iter()
            .all(|c| c.is_blank() || matches!(c, Cell::Text(_)))
    };
    match sample.iter().find(|(_, r)| wide(r) && texts(r)) {
        Some(&(i, _)) if i == first => Header::First(i),
        Some(&(i, _)) => Header::BelowTitle(i),
        // A header holding numbers (years), at the top of a table.
        None if wide(first_row) => Header::First(first),
        None => Header::Unknown(first_row.number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> GridRow {
        GridRow {
            number,
            cells: cells.iter().map(|t| Cell::text(t)).collect(),
        }
    }

    #[test]
    fn totals_headings_and_signatures_are_told_from_records() {
        let rows = [
            row(5, &["I. VĂN PHÒNG SỞ"]),
            row(6, &["1", "Nguyễn Văn An", "VP"]),
            row(7, &["2", "Tổng cục Thuế", "TCT"]),
            row(8, &["", "Cộng", "", "1.500.000"]),
            row(9, &["II - CHI CỤC THỦY LỢI"]),
            row(10, &["3", "Trần Bình", "CCTL"]),
            row(11, &["", "Tổng cộng:", "", "3.000.000"]),
            row(12, &[]),
            row(
                13,
                &[
                    "",
                    "Người lập biểu",
                    "",
                    "Hà Nội, ngày 05 tháng 01 năm 2026",
                ],
            ),
            row(14, &["", "Lê Chi", "", "Mai Thái"]),
        ];
        let kinds = classify(&rows, 4);
        assert_eq!(
            kinds,
            [
                Kind::Section("I. VĂN PHÒNG SỞ".into()),
                Kind::Record,
                Kind::Record,
                Kind::Totals("Cộng".into()),
                Kind::Section("II - CHI CỤC THỦY LỢI".into()),
                Kind::Record,
                Kind::Totals("Tổng cộng".into()),
                Kind::Record,
                Kind::Signature("Người lập biểu".into()),
                Kind::Signature(String::new()),
            ]
        );
    }

    #[test]
    fn the_header_is_found_below_a_title_block() {
        let title = [
            row(
                1,
                &[
                    "UBND TỈNH NGHỆ AN",
                    "",
                    "",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                ],
            ),
            row(
                2,
                &["SỞ NÔNG NGHIỆP", "", "", "Độc lập - Tự do - Hạnh phúc"],
            ),
            row(3, &["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"]),
            row(5, &["STT", "Họ và tên", "Đơn vị", "Ghi chú"]),
            row(6, &["1", "An", "VP"]),
        ];
        assert_eq!(header_row(&title), Header::BelowTitle(3));
        let plain = [row(1, &["Tên", "Tuổi"]), row(2, &["An", "30"])];
        assert_eq!(header_row(&plain), Header::First(0));
        let one_column = [row(1, &["Tên"]), row(2, &["An"])];
        assert_eq!(header_row(&one_column), Header::First(0));
    }

    #[test]
    fn a_staff_row_after_a_blank_row_is_a_record_even_with_a_position_like_a_signature() {
        let rows = [
            row(2, &["1", "An", "Giám đốc", "VP"]),
            row(3, &[]),
            row(4, &["2", "Bình", "Giám đốc", "KT"]),
            row(5, &["3", "Chi", "Thủ trưởng", "TT"]),
        ];
        assert!(classify(&rows, 4).iter().all(|k| *k == Kind::Record));
    }

    #[test]
    fn names_that_start_like_totals_are_records() {
        for text in ["Tổng cục Thuế", "Cộng đồng", "Tổng hợp"] {
            assert_eq!(totals_word(text), None, "{text}");
        }
        assert!(!is_heading("Nguyễn Văn An"));
        assert!(!is_heading("VP"));
    }
}
