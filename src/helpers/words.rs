//! Numbers in words (`doc_so`, `doc_tien`) and Roman numerals (`la_ma`).
//!
//! The reading follows the CLDR `vi` spell-out rules as Decree 30 documents use them
//! (northern usage: `linh`, `nghìn`):
//! - `mười` for 10, `<digit> mươi` for 20-90;
//! - a final 1 after twenty or more is `mốt` (21 `hai mươi mốt`; 11 `mười một`);
//! - a final 4 after twenty or more is `tư` (24 `hai mươi tư`; 14 `mười bốn`);
//! - a final 5 after any ten is `lăm` (15 `mười lăm`, 25 `hai mươi lăm`; 105 `một trăm linh năm`);
//! - after `trăm`, a zero tens digit before a non-zero unit is `linh` (`một trăm linh năm`).
//!
//! **Groups of three digits (the one rule for zeros).** The number is cut into groups of
//! three digits from the right; scale words are `nghìn`, `triệu`, `tỷ`, and above a `tỷ` the part
//! in front is read as a number of `tỷ` (`một nghìn tỷ`, `một triệu tỷ`, `một tỷ tỷ`).
//! - The first (leftmost) group is read as it is: `5`, `50`, `105`.
//! - A group that is entirely zero is skipped, with its scale word.
//! - Every other group is read with all three digits: `không trăm` when its hundreds digit is
//!   0, then `linh` when its tens digit is 0 too: 1 005 000 is `một triệu không trăm linh năm
//!   nghìn`, 1 050 000 000 is `một tỷ không trăm năm mươi triệu`, 1 000 001 is `một triệu không
//!   trăm linh một` (the zero thousands group is skipped; the units group is a later group),
//!   1 000 000 000 is `một tỷ`.
//!
//! Decimals: the whole part, `phẩy`, then the digits after the comma read as a number, each
//! leading zero as `không`: 7,5 `bảy phẩy năm`, 7,25 `bảy phẩy hai mươi lăm`, 7,05 `bảy phẩy
//! không năm`. Negatives start with `âm`.

use super::number::Dec;

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

const BILLION: u128 = 1_000_000_000;

/// A whole number in words: `không`, `một trăm linh năm`, `một tỷ không trăm năm mươi triệu`.
pub(crate) fn read_whole(n: u128) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut words = Vec::new();
    read_from_billions(n, &mut words);
    words.join(" ")
}

/// `n` > 0, read as a first group: whatever stands in front of the last `tỷ` is itself a number.
fn read_from_billions(n: u128, words: &mut Vec<&'static str>) {
    if n >= BILLION {
        read_from_billions(n / BILLION, words);
        words.push("tỷ");
        let low = n % BILLION;
        if low > 0 {
            read_below_billion(low, false, words);
        }
    } else {
        read_below_billion(n, true, words);
    }
}

/// `n` in 1..10^9: up to three groups (triệu, nghìn, units). `first`: whether the first non-zero
/// group is the leftmost group of the whole number (read as it is) or a later one (read in full).
fn read_below_billion(n: u128, first: bool, words: &mut Vec<&'static str>) {
    let groups = [
        (n / 1_000_000, Some("triệu")),
        (n / 1_000 % 1_000, Some("nghìn")),
        (n % 1_000, None),
    ];
    let mut leading = first;
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        read_group(group as usize, leading, words);
        if let Some(scale) = scale {
            words.push(scale);
        }
        leading = false;
    }
}

/// One group of three digits, 1..=999. `leading`: the leftmost group, read without `không trăm`.
fn read_group(group: usize, leading: bool, words: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    let has_hundreds = !leading || hundreds > 0;
    if has_hundreds {
        words.push(DIGITS[hundreds]);
        words.push("trăm");
    }
    match tens {
        0 => {
            if units > 0 {
                if has_hundreds {
                    words.push("linh");
                }
                words.push(DIGITS[units]);
            }
        }
        1 => {
            words.push("mười");
            match units {
                0 => {}
                5 => words.push("lăm"),
                u => words.push(DIGITS[u]),
            }
        }
        t => {
            words.push(DIGITS[t]);
            words.push("mươi");
            match units {
                0 => {}
                1 => words.push("mốt"),
                4 => words.push("tư"),
                5 => words.push("lăm"),
                u => words.push(DIGITS[u]),
            }
        }
    }
}

/// Any number in words, lower case (`doc_so`).
pub(crate) fn read_number(n: Dec) -> String {
    let mut out = String::new();
    let frac = n.frac_digits();
    if n.is_negative() && (n.abs_int() > 0 || !frac.is_empty()) {
        out.push_str("âm ");
    }
    out.push_str(&read_whole(n.abs_int()));
    if !frac.is_empty() {
        out.push_str(" phẩy");
        let significant = frac.trim_start_matches('0');
        for _ in 0..frac.len() - significant.len() {
            out.push_str(" không");
        }
        // At most ten digits: always fits.
        let rest: u128 = significant.parse().unwrap_or(0);
        out.push(' ');
        out.push_str(&read_whole(rest));
    }
    out
}

/// Money in words (`doc_tien`): rounded to whole đồng, capitalised, ending with `đồng`.
pub(crate) fn read_money(n: Dec) -> String {
    let words = read_number(n.round(0));
    let mut chars = words.chars();
    let mut out = String::with_capacity(words.len() + 8);
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
    }
    out.push_str(chars.as_str());
    out.push_str(" đồng");
    out
}

/// Roman numerals for 1..=3999.
pub(crate) fn roman(mut n: u32) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helpers::number::parse_text;

    /// Expected readings written by hand from the rules in the module documentation.
    const WHOLE: &[(u128, &str)] = &[
        (0, "không"),
        (1, "một"),
        (2, "hai"),
        (3, "ba"),
        (4, "bốn"),
        (5, "năm"),
        (6, "sáu"),
        (7, "bảy"),
        (8, "tám"),
        (9, "chín"),
        (10, "mười"),
        (11, "mười một"),
        (12, "mười hai"),
        (13, "mười ba"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (16, "mười sáu"),
        (17, "mười bảy"),
        (18, "mười tám"),
        (19, "mười chín"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (22, "hai mươi hai"),
        (23, "hai mươi ba"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (26, "hai mươi sáu"),
        (27, "hai mươi bảy"),
        (28, "hai mươi tám"),
        (29, "hai mươi chín"),
        (30, "ba mươi"),
        (31, "ba mươi mốt"),
        (34, "ba mươi tư"),
        (35, "ba mươi lăm"),
        (40, "bốn mươi"),
        (41, "bốn mươi mốt"),
        (44, "bốn mươi tư"),
        (45, "bốn mươi lăm"),
        (50, "năm mươi"),
        (51, "năm mươi mốt"),
        (54, "năm mươi tư"),
        (55, "năm mươi lăm"),
        (60, "sáu mươi"),
        (66, "sáu mươi sáu"),
        (70, "bảy mươi"),
        (77, "bảy mươi bảy"),
        (80, "tám mươi"),
        (88, "tám mươi tám"),
        (90, "chín mươi"),
        (91, "chín mươi mốt"),
        (94, "chín mươi tư"),
        (95, "chín mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (102, "một trăm linh hai"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (109, "một trăm linh chín"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (114, "một trăm mười bốn"),
        (115, "một trăm mười lăm"),
        (120, "một trăm hai mươi"),
        (121, "một trăm hai mươi mốt"),
        (124, "một trăm hai mươi tư"),
        (125, "một trăm hai mươi lăm"),
        (200, "hai trăm"),
        (205, "hai trăm linh năm"),
        (215, "hai trăm mười lăm"),
        (250, "hai trăm năm mươi"),
        (301, "ba trăm linh một"),
        (311, "ba trăm mười một"),
        (404, "bốn trăm linh bốn"),
        (414, "bốn trăm mười bốn"),
        (444, "bốn trăm bốn mươi tư"),
        (500, "năm trăm"),
        (555, "năm trăm năm mươi lăm"),
        (610, "sáu trăm mười"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1004, "một nghìn không trăm linh bốn"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1011, "một nghìn không trăm mười một"),
        (1015, "một nghìn không trăm mười lăm"),
        (1021, "một nghìn không trăm hai mươi mốt"),
        (1050, "một nghìn không trăm năm mươi"),
        (1100, "một nghìn một trăm"),
        (1101, "một nghìn một trăm linh một"),
        (1200, "một nghìn hai trăm"),
        (1234, "một nghìn hai trăm ba mươi tư"),
        (1999, "một nghìn chín trăm chín mươi chín"),
        (2000, "hai nghìn"),
        (2005, "hai nghìn không trăm linh năm"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (2024, "hai nghìn không trăm hai mươi tư"),
        (2025, "hai nghìn không trăm hai mươi lăm"),
        (5000, "năm nghìn"),
        (10000, "mười nghìn"),
        (10001, "mười nghìn không trăm linh một"),
        (10500, "mười nghìn năm trăm"),
        (11000, "mười một nghìn"),
        (15000, "mười lăm nghìn"),
        (21000, "hai mươi mốt nghìn"),
        (24000, "hai mươi tư nghìn"),
        (25000, "hai mươi lăm nghìn"),
        (50000, "năm mươi nghìn"),
        (100000, "một trăm nghìn"),
        (101000, "một trăm linh một nghìn"),
        (105000, "một trăm linh năm nghìn"),
        (115000, "một trăm mười lăm nghìn"),
        (250000, "hai trăm năm mươi nghìn"),
        (
            999999,
            "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
        (1000000, "một triệu"),
        (1000001, "một triệu không trăm linh một"),
        (1000010, "một triệu không trăm mười"),
        (1000100, "một triệu một trăm"),
        (1001000, "một triệu không trăm linh một nghìn"),
        (1005000, "một triệu không trăm linh năm nghìn"),
        (1010000, "một triệu không trăm mười nghìn"),
        (1050000, "một triệu không trăm năm mươi nghìn"),
        (1100000, "một triệu một trăm nghìn"),
        (1250000, "một triệu hai trăm năm mươi nghìn"),
        (1500000, "một triệu năm trăm nghìn"),
        (
            1234567,
            "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy",
        ),
        (2000005, "hai triệu không trăm linh năm"),
        (5000000, "năm triệu"),
        (10000000, "mười triệu"),
        (15000000, "mười lăm triệu"),
        (21000000, "hai mươi mốt triệu"),
        (100000000, "một trăm triệu"),
        (105000000, "một trăm linh năm triệu"),
        (
            999999999,
            "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
        (1000000000, "một tỷ"),
        (1000000001, "một tỷ không trăm linh một"),
        (1000001000, "một tỷ không trăm linh một nghìn"),
        (1000500000, "một tỷ năm trăm nghìn"),
        (1001000000, "một tỷ không trăm linh một triệu"),
        (1050000000, "một tỷ không trăm năm mươi triệu"),
        (1500000000, "một tỷ năm trăm triệu"),
        (2000000000, "hai tỷ"),
        (
            2345678901,
            "hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một",
        ),
        (10000000000, "mười tỷ"),
        (15000000000, "mười lăm tỷ"),
        (100000000000, "một trăm tỷ"),
        (1000000000000, "một nghìn tỷ"),
        (1000000000001, "một nghìn tỷ không trăm linh một"),
        (1005000000000, "một nghìn không trăm linh năm tỷ"),
        (1500000000000, "một nghìn năm trăm tỷ"),
        (1000050000000, "một nghìn tỷ không trăm năm mươi triệu"),
        (25000000000000, "hai mươi lăm nghìn tỷ"),
        (100000000000000, "một trăm nghìn tỷ"),
        (
            999_999_999_999_999,
            "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ \
             chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
        (1_000_000_000_000_000, "một triệu tỷ"),
        (1_000_005_000_000_000, "một triệu không trăm linh năm tỷ"),
        (1_000_000_000_000_000_000, "một tỷ tỷ"),
    ];

    #[test]
    fn whole_numbers_are_read_by_the_cldr_vi_rules() {
        for &(n, words) in WHOLE {
            assert_eq!(read_whole(n), words, "{n}");
        }
        assert!(WHOLE.len() >= 150, "{} cases", WHOLE.len());
    }

    #[test]
    fn negatives_and_decimals_are_read_with_am_and_phay() {
        for (text, words) in [
            ("-1", "âm một"),
            ("-15", "âm mười lăm"),
            ("-1250000", "âm một triệu hai trăm năm mươi nghìn"),
            ("-0,5", "âm không phẩy năm"),
            ("-0", "không"),
            ("7,5", "bảy phẩy năm"),
            ("7,25", "bảy phẩy hai mươi lăm"),
            ("7,05", "bảy phẩy không năm"),
            ("7,005", "bảy phẩy không không năm"),
            ("0,5", "không phẩy năm"),
            ("0,125", "không phẩy một trăm hai mươi lăm"),
            ("8,75", "tám phẩy bảy mươi lăm"),
            ("9,1", "chín phẩy một"),
            ("9,21", "chín phẩy hai mươi mốt"),
            ("10,50", "mười phẩy năm"),
            ("105,105", "một trăm linh năm phẩy một trăm linh năm"),
            ("1.250.000,5", "một triệu hai trăm năm mươi nghìn phẩy năm"),
        ] {
            let n = parse_text(text).unwrap();
            assert_eq!(read_number(n), words, "{text}");
        }
    }

    #[test]
    fn money_is_capitalised_rounded_and_ends_with_dong() {
        for (text, words) in [
            ("0", "Không đồng"),
            ("1250000", "Một triệu hai trăm năm mươi nghìn đồng"),
            ("1005000", "Một triệu không trăm linh năm nghìn đồng"),
            ("500", "Năm trăm đồng"),
            ("15000", "Mười lăm nghìn đồng"),
            ("1000000000", "Một tỷ đồng"),
            ("1050000000", "Một tỷ không trăm năm mươi triệu đồng"),
            ("1250000,4", "Một triệu hai trăm năm mươi nghìn đồng"),
            (
                "1250000,5",
                "Một triệu hai trăm năm mươi nghìn không trăm linh một đồng",
            ),
            ("0,4", "Không đồng"),
            ("-25000", "Âm hai mươi lăm nghìn đồng"),
            ("-0,4", "Không đồng"),
        ] {
            let n = parse_text(text).unwrap();
            assert_eq!(read_money(n), words, "{text}");
        }
    }

    #[test]
    fn roman_numerals_cover_1_to_3999() {
        for (n, r) in [
            (1, "I"),
            (3, "III"),
            (4, "IV"),
            (5, "V"),
            (9, "IX"),
            (10, "X"),
            (14, "XIV"),
            (40, "XL"),
            (49, "XLIX"),
            (90, "XC"),
            (400, "CD"),
            (1994, "MCMXCIV"),
            (2024, "MMXXIV"),
            (3999, "MMMCMXCIX"),
        ] {
            assert_eq!(roman(n).as_deref(), Some(r), "{n}");
        }
        assert_eq!(roman(0), None);
        assert_eq!(roman(4000), None);
    }
}
