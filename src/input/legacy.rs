//! Text typed in the legacy Vietnamese encodings TCVN3 (ABC, `.VnTime` fonts) and VNI-Windows
//! (`VNI-Times` fonts), as it arrives once a spreadsheet program has read it as Windows-1252:
//! `Hµ Néi` (TCVN3) and `Haø Noäi` (VNI) are `Hà Nội`.
//!
//! Sources of the tables:
//! - TCVN3: TCVN 5712:1993, the upper half (0xA0-0xFF) that the VN3 ("ABC") set uses, as
//!   implemented in glibc `iconvdata/tcvn5712-1.c` (`map_from_tcvn_high`, the TCVN5712-1
//!   charset of iconv).
//! - VNI-Windows: VNI Software's font encoding, one base letter followed by one mark character
//!   (`e` + `ã` is `ễ`), as tabulated in xvnkb's `vni.h` (Dao Hai Lam, VISC, 2002): marks
//!   `ù ø û õ ï` (tones), `â á à å ã ä` (circumflex and tone), `ê é è ú ü ë` (breve and tone);
//!   letters `ô ö ñ` (ơ ư đ) and `í ì æ ó ò î` (í ì ỉ ĩ ị ỵ); capitals likewise.
//!
//! Detection (`Legacy::Auto`) is conservative: a word only counts when its conversion is a
//! well-formed Vietnamese syllable and it holds a character or pair that Unicode Vietnamese
//! never has (`¸`, `µ`, `¨` in TCVN3; `ø`, `ï`, `ñ`, `e` + `ã` in VNI). The table is taken for
//! legacy text when one column holds at least two such words and few contradicting cells; then
//! every column without contradicting cells is converted, cell by cell where the conversion
//! gives syllables. Text holding any Unicode-only letter (`ư`, `ạ`, ...) is never touched.

use crate::diag::msg;
use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::Legacy;
use super::cells::{Cell, GridRow, column_letter};
use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Tcvn3,
    Vni,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3",
            Encoding::Vni => "VNI",
        }
    }
}

/// Cells converted from one encoding.
#[derive(Debug)]
pub(crate) struct Conversion {
    pub encoding: Encoding,
    /// Found by `Legacy::Auto` (then the user is told).
    pub auto: bool,
    /// (0-based column, 1-based row) of each converted cell.
    pub cells: Vec<(usize, usize)>,
}

/// How many cells a warning names.
const LISTED: usize = 10;

impl Conversion {
    /// `converted 3 cells typed in TCVN3 to Unicode: B4, B7, C9` at `place`.
    pub(crate) fn warning(&self, place: &str) -> Diagnostic {
        let n = self.cells.len();
        let mut list = self
            .cells
            .iter()
            .take(LISTED)
            .map(|&(column, row)| format!("{}{row}", column_letter(column)))
            .collect::<Vec<_>>()
            .join(", ");
        if n > LISTED {
            list.push_str(&format!(" and {} more", n - LISTED));
        }
        Diagnostic::warning(
            place,
            msg!(
                "input-converted-cell-typed-unicode",
                n = n,
                name = self.encoding.name().to_string(),
                list = list.to_string()
            ),
        )
        .with_hint(msg!("input-check-converted-text-give-legacy"))
    }
}

/// Converts the legacy text cells of `rows` in place.
pub(crate) fn convert_rows(rows: &mut [GridRow], mode: Legacy) -> Vec<Conversion> {
    let (encoding, columns) = match mode {
        Legacy::Off => return Vec::new(),
        Legacy::Tcvn3 => (Encoding::Tcvn3, None),
        Legacy::Vni => (Encoding::Vni, None),
        Legacy::Auto => match detect(rows) {
            Some((encoding, columns)) => (encoding, Some(columns)),
            None => return Vec::new(),
        },
    };
    let mut cells = Vec::new();
    for row in rows.iter_mut() {
        let number = row.number;
        for (column, cell) in row.cells.iter_mut().enumerate() {
            let Cell::Text(text) = cell else { continue };
            if !may_be_legacy(text) {
                continue;
            }
            if let Some(columns) = &columns
                && (!columns.contains(&column) || !evaluate(text, encoding).candidate)
            {
                continue;
            }
            let converted = decode(text, encoding);
            if converted != *text {
                *text = converted;
                cells.push((column, number));
            }
        }
    }
    if cells.is_empty() {
        return Vec::new();
    }
    vec![Conversion {
        encoding,
        auto: columns.is_some(),
        cells,
    }]
}

/// Legacy text is made of ASCII and Latin-1 (plus Windows-1252 punctuation) and has at least
/// one character above ASCII that a legacy encoding maps to a Vietnamese letter.
fn may_be_legacy(text: &str) -> bool {
    let mut high = false;
    for c in text.chars() {
        match c as u32 {
            0xA1..=0xFF => high = true,
            // Latin Extended, combining marks, Greek, Cyrillic ... Vietnamese letters.
            0x100..=0x1FFF => return false,
            _ => {}
        }
    }
    high
}

#[derive(Debug, Default, Clone, Copy)]
struct Eval {
    /// Every word the conversion changes becomes a Vietnamese syllable (at least one does).
    candidate: bool,
    /// Words of a candidate that hold a sign Unicode Vietnamese never has.
    strong: usize,
    /// A word with such a sign that does not convert to a syllable.
    contradiction: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct ColumnStats {
    strong: usize,
    strong_cells: usize,
    contradictions: usize,
}

impl ColumnStats {
    fn add(&mut self, eval: Eval) {
        self.strong += eval.strong;
        self.strong_cells += usize::from(eval.strong > 0);
        self.contradictions += usize::from(eval.contradiction);
    }

    /// Enough evidence on its own.
    fn convincing(&self) -> bool {
        self.strong >= 2 && self.contradictions * 4 <= self.strong_cells
    }

    /// Converted once another column of the table convinced: nothing speaks against it.
    fn plausible(&self) -> bool {
        self.contradictions == 0
    }
}

/// The encoding of the table and the columns typed in it, if any.
fn detect(rows: &[GridRow]) -> Option<(Encoding, Vec<usize>)> {
    let mut stats: [BTreeMap<usize, ColumnStats>; 2] = [BTreeMap::new(), BTreeMap::new()];
    for row in rows {
        for (column, cell) in row.cells.iter().enumerate() {
            let Cell::Text(text) = cell else { continue };
            if !may_be_legacy(text) {
                continue;
            }
            for (i, encoding) in [Encoding::Tcvn3, Encoding::Vni].into_iter().enumerate() {
                stats[i]
                    .entry(column)
                    .or_default()
                    .add(evaluate(text, encoding));
            }
        }
    }
    let mut best: Option<(usize, Encoding, Vec<usize>)> = None;
    for (i, encoding) in [Encoding::Tcvn3, Encoding::Vni].into_iter().enumerate() {
        if !stats[i].values().any(ColumnStats::convincing) {
            continue;
        }
        let columns: Vec<usize> = stats[i]
            .iter()
            .filter(|(_, s)| s.convincing() || s.plausible())
            .map(|(&c, _)| c)
            .collect();
        let strong: usize = stats[i].values().map(|s| s.strong).sum();
        if best.as_ref().is_none_or(|(b, _, _)| strong > *b) {
            best = Some((strong, encoding, columns));
        }
    }
    best.map(|(_, encoding, columns)| (encoding, columns))
}

fn evaluate(text: &str, encoding: Encoding) -> Eval {
    let (mut good, mut bad, mut strong) = (0, 0, 0);
    let mut contradiction = false;
    for word in words(text) {
        let converted = decode_word(word, encoding, false);
        if converted == word {
            continue;
        }
        let is_strong = has_strong_sign(word, encoding);
        if !converted.chars().any(is_vowel) {
            // `§VT` (ĐVT): an abbreviation, neither for nor against.
            continue;
        }
        if is_syllable(&converted) {
            good += 1;
            strong += usize::from(is_strong);
        } else {
            bad += 1;
            contradiction |= is_strong;
        }
    }
    let candidate = good > 0 && bad == 0;
    Eval {
        candidate,
        strong: if candidate { strong } else { 0 },
        contradiction,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c)
}

/// Runs of ASCII letters and Latin-1 characters.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The text with every word converted, NFC.
pub(crate) fn decode(text: &str, encoding: Encoding) -> String {
    let capitals = cell_capitals(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push_str(&decode_word(&text[start..i], encoding, capitals));
        }
        out.push(c);
    }
    if let Some(start) = word_start {
        out.push_str(&decode_word(&text[start..], encoding, capitals));
    }
    out.nfc().collect()
}

/// The cell is typed in capitals: its ASCII letters are all capitals and one word at least
/// holds two of them. `Hµ NéI` is `HÀ NỘI`, but `BÐ MÑ` is `Bé Mẹ`: one capital a word is
/// how names are written.
fn cell_capitals(text: &str) -> bool {
    words(text).any(all_capitals)
        && text
            .chars()
            .filter(char::is_ascii_alphabetic)
            .all(|c| c.is_ascii_uppercase())
}

/// Two ASCII letters at least, all capitals.
fn all_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(char::is_ascii_alphabetic);
    letters.clone().count() >= 2 && letters.all(|c| c.is_ascii_uppercase())
}

/// `capitals`: the whole cell is typed in capitals (see [`decode_tcvn3_word`]).
fn decode_word(word: &str, encoding: Encoding, capitals: bool) -> String {
    match encoding {
        Encoding::Tcvn3 => decode_tcvn3_word(word, capitals),
        Encoding::Vni => decode_vni_word(word),
    }
}

// ---------------------------------------------------------------------------------------------
// TCVN3

/// TCVN 5712:1993, bytes 0xA0..=0xFF (read as U+00A0..=U+00FF) to Unicode. 0xB0-0xB4 are the
/// combining tone marks. The capitals with tone marks (0xAF, 0xBA, 0xBF-0xC5, ...) come from
/// the full VN1 set; VN3 text mostly writes capitals with the small letters' codes in a
/// `.VnTimeH` font instead (see [`decode_tcvn3_word`]).
const TCVN3_HIGH: [char; 96] = [
    // 0xA0
    '\u{00A0}', '\u{0102}', '\u{00C2}', '\u{00CA}', '\u{00D4}', '\u{01A0}', '\u{01AF}', '\u{0110}',
    '\u{0103}', '\u{00E2}', '\u{00EA}', '\u{00F4}', '\u{01A1}', '\u{01B0}', '\u{0111}', '\u{1EB0}',
    // 0xB0
    '\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}', '\u{00E0}', '\u{1EA3}', '\u{00E3}',
    '\u{00E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}', '\u{1EB4}',
    // 0xC0
    '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}', '\u{1EA7}',
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{00E8}', '\u{1EC2}', '\u{1EBB}', '\u{1EBD}',
    // 0xD0
    '\u{00E9}', '\u{1EB9}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}', '\u{00EC}',
    '\u{1EC9}', '\u{1EC4}', '\u{1EBE}', '\u{1ED2}', '\u{0129}', '\u{00ED}', '\u{1ECB}', '\u{00F2}',
    // 0xE0
    '\u{1ED4}', '\u{1ECF}', '\u{00F5}', '\u{00F3}', '\u{1ECD}', '\u{1ED3}', '\u{1ED5}', '\u{1ED7}',
    '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}', '\u{1EE3}', '\u{00F9}',
    // 0xF0
    '\u{1ED6}', '\u{1EE7}', '\u{0169}', '\u{00FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}', '\u{1EEF}',
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{00FD}', '\u{1EF5}', '\u{1ED0}',
];

/// Latin-1 letters that are Vietnamese letters in Unicode too: weak evidence for either
/// legacy encoding.
const VIETNAMESE_LATIN1: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

fn tcvn3_char(c: char) -> char {
    match c as u32 {
        code @ 0xA0..=0xFF => TCVN3_HIGH[(code - 0xA0) as usize],
        _ => c,
    }
}

fn decode_tcvn3_word(word: &str, capitals: bool) -> String {
    let converted: String = word.chars().map(tcvn3_char).nfc().collect();
    // `.VnTimeH` fonts show every letter as a capital, so capitals are typed with the codes of
    // small letters: `CéNG HßA X· HéI` is `CỘNG HÒA XÃ HỘI`. A word (or a whole cell) whose
    // ASCII letters are all capitals, two at least so that `Hµ` stays `Hà`, is taken for such
    // text.
    if capitals || all_capitals(word) {
        converted.to_uppercase()
    } else {
        converted
    }
}

// ---------------------------------------------------------------------------------------------
// VNI

const GRAVE: char = '\u{0300}';
const ACUTE: char = '\u{0301}';
const CIRCUMFLEX: char = '\u{0302}';
const TILDE: char = '\u{0303}';
const BREVE: char = '\u{0306}';
const HOOK: char = '\u{0309}';
const DOT: char = '\u{0323}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    None,
    Circumflex,
    Breve,
}

/// A VNI mark character: the shape it adds and its tone.
fn vni_mark(c: char) -> Option<(Shape, Option<char>)> {
    Some(match c.to_lowercase().next()? {
        'ù' => (Shape::None, Some(ACUTE)),
        'ø' => (Shape::None, Some(GRAVE)),
        'û' => (Shape::None, Some(HOOK)),
        'õ' => (Shape::None, Some(TILDE)),
        'ï' => (Shape::None, Some(DOT)),
        'â' => (Shape::Circumflex, None),
        'á' => (Shape::Circumflex, Some(ACUTE)),
        'à' => (Shape::Circumflex, Some(GRAVE)),
        'å' => (Shape::Circumflex, Some(HOOK)),
        'ã' => (Shape::Circumflex, Some(TILDE)),
        'ä' => (Shape::Circumflex, Some(DOT)),
        'ê' => (Shape::Breve, None),
        'é' => (Shape::Breve, Some(ACUTE)),
        'è' => (Shape::Breve, Some(GRAVE)),
        'ú' => (Shape::Breve, Some(HOOK)),
        'ü' => (Shape::Breve, Some(TILDE)),
        'ë' => (Shape::Breve, Some(DOT)),
        _ => return None,
    })
}

/// A letter a VNI mark can follow, as its Unicode letter (`ô` is `ơ`, `ö` is `ư`).
fn vni_base(c: char) -> Option<char> {
    match c {
        'a' | 'A' | 'e' | 'E' | 'o' | 'O' | 'u' | 'U' | 'y' | 'Y' => Some(c),
        'ô' => Some('ơ'),
        'Ô' => Some('Ơ'),
        'ö' => Some('ư'),
        'Ö' => Some('Ư'),
        _ => None,
    }
}

/// `base` + `mark` as one Vietnamese letter (decomposed), when VNI combines them.
fn vni_combine(base: char, mark: char) -> Option<String> {
    let letter = vni_base(base)?;
    let (shape, tone) = vni_mark(mark)?;
    let lower = letter.to_ascii_lowercase();
    let fits = match shape {
        Shape::None => true,
        Shape::Circumflex => matches!(lower, 'a' | 'e' | 'o'),
        Shape::Breve => lower == 'a',
    };
    if !fits {
        return None;
    }
    let mut out = String::from(letter);
    match shape {
        Shape::None => {}
        Shape::Circumflex => out.push(CIRCUMFLEX),
        Shape::Breve => out.push(BREVE),
    }
    out.extend(tone);
    Some(out)
}

/// VNI characters that stand for a whole letter.
fn vni_single(c: char) -> char {
    match c {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => c,
    }
}

fn decode_vni_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(combined) = chars
            .get(i + 1)
            .and_then(|&mark| vni_combine(chars[i], mark))
        {
            out.push_str(&combined);
            i += 2;
        } else {
            out.push(vni_single(chars[i]));
            i += 1;
        }
    }
    out.nfc().collect()
}

/// A sign Unicode Vietnamese never has: TCVN3 codes that are not Vietnamese letters in
/// Unicode; VNI's `ñ ö æ î` and base + mark pairs other than `o` + `à á ã` (which Unicode
/// Vietnamese has in `hoà`, `hoá`).
fn has_strong_sign(word: &str, encoding: Encoding) -> bool {
    match encoding {
        Encoding::Tcvn3 => word
            .chars()
            .any(|c| ('\u{A1}'..='\u{FF}').contains(&c) && !VIETNAMESE_LATIN1.contains(c)),
        Encoding::Vni => {
            let chars: Vec<char> = word.chars().collect();
            chars.iter().any(|c| "ñÑöÖæÆîÎ".contains(*c))
                || chars.windows(2).any(|pair| {
                    vni_combine(pair[0], pair[1]).is_some()
                        && !(matches!(pair[0], 'o' | 'O') && "àáãÀÁÃ".contains(pair[1]))
                })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables

fn is_vowel(c: char) -> bool {
    std::iter::once(c)
        .nfd()
        .next()
        .is_some_and(|base| "aeiouyAEIOUY".contains(base))
}

const ONSETS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Vowel groups that end the syllable (their last letter is a glide).
const OPEN_NUCLEI: [&str; 29] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi",
];
/// Vowel groups that need a final consonant.
const CLOSED_NUCLEI: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"];
/// Vowel groups with or without a final consonant.
const FREE_NUCLEI: [&str; 15] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ",
];
const CODAS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// A well-formed Vietnamese syllable (any case): onset, vowel group, final consonant, one tone
/// at most, and only the acute or dot-below tone before a final `c ch p t`.
fn is_syllable(word: &str) -> bool {
    let mut tone = None;
    let mut bare = String::new();
    for c in word.to_lowercase().nfd() {
        match c {
            GRAVE | ACUTE | TILDE | HOOK | DOT => {
                if tone.replace(c).is_some() {
                    return false;
                }
            }
            _ => bare.push(c),
        }
    }
    let bare: String = bare.nfc().collect();
    ONSETS.iter().any(|onset| {
        let Some(rest) = bare.strip_prefix(onset) else {
            return false;
        };
        let first = rest.chars().next();
        let front = first.is_some_and(|c| "eêiy".contains(c));
        let onset_fits = match *onset {
            "k" | "gh" | "ngh" => front,
            "c" | "ng" => !front,
            "g" => !first.is_some_and(|c| "eê".contains(c)),
            _ => true,
        };
        onset_fits && rime_fits(rest, tone)
    })
}

fn rime_fits(rest: &str, tone: Option<char>) -> bool {
    let coda_fits = |coda: &str| {
        CODAS.contains(&coda)
            && (!matches!(coda, "c" | "ch" | "p" | "t") || matches!(tone, Some(ACUTE | DOT)))
    };
    OPEN_NUCLEI.contains(&rest)
        || FREE_NUCLEI.contains(&rest)
        || CLOSED_NUCLEI
            .iter()
            .chain(FREE_NUCLEI.iter())
            .any(|nucleus| rest.strip_prefix(nucleus).is_some_and(coda_fits))
}

// ---------------------------------------------------------------------------------------------
// Encoders for the tests: the inverse of the decoding tables above

/// Unicode text to legacy text, the inverse of [`decode`]; used only by the tests.
#[cfg(test)]
pub(crate) mod encode {
    use unicode_normalization::UnicodeNormalization;

    use super::{ACUTE, BREVE, CIRCUMFLEX, DOT, GRAVE, HOOK, Shape, TCVN3_HIGH, TILDE, vni_mark};

    const HORN: char = '\u{031B}';

    /// A letter split into its base letter (with its letter mark: `Ư`), and its tone.
    fn split_tone(c: char) -> (char, Option<char>) {
        let mut tone = None;
        let base: String = std::iter::once(c)
            .nfd()
            .filter(|&m| {
                let is_tone = matches!(m, GRAVE | ACUTE | TILDE | HOOK | DOT);
                if is_tone {
                    tone = Some(m);
                }
                !is_tone
            })
            .nfc()
            .collect();
        let mut chars = base.chars();
        match (chars.next(), chars.next()) {
            (Some(base), None) => (base, tone),
            _ => panic!("{c:?} is not one letter"),
        }
    }

    /// The TCVN3 code of `c`: itself below 0xA0, else its place in [`TCVN3_HIGH`].
    pub(crate) fn tcvn3_code(c: char) -> Option<char> {
        if (c as u32) < 0xA0 {
            return Some(c);
        }
        let at = TCVN3_HIGH.iter().position(|&t| t == c)?;
        char::from_u32(0xA0 + at as u32)
    }

    /// Unicode to TCVN3, one code per letter where the table has one. The capitals with a tone
    /// that the table lacks (`Ứ`, `Ỷ`, `À` ...) are written as the capital without its tone
    /// followed by one of TCVN 5712's combining tone marks (0xB0-0xB4), which [`super::decode`]
    /// recomposes. Panics on a character that TCVN3 cannot write.
    pub(crate) fn tcvn3(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.nfc() {
            if let Some(code) = tcvn3_code(c) {
                out.push(code);
                continue;
            }
            let (base, tone) = split_tone(c);
            let codes = tcvn3_code(base).zip(tone.and_then(tcvn3_code));
            let Some((base, tone)) = codes else {
                panic!("TCVN3 has no code for {c:?}");
            };
            out.push(base);
            out.push(tone);
        }
        out
    }

    /// Capitals as typed in a `.VnTimeH` font: the codes of the small letters, which that font
    /// draws as capitals, with the ASCII letters in capitals (the only sign of the font that
    /// survives in the text).
    pub(crate) fn tcvn3_vntimeh(capitals: &str) -> String {
        tcvn3(&capitals.to_lowercase())
            .chars()
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    /// The VNI mark character for a letter mark and a tone (inverse of [`vni_mark`]).
    fn vni_mark_char(shape: Shape, tone: Option<char>, capital: bool) -> char {
        let mark = "ùøûõïâáàåãäêéèúüë"
            .chars()
            .find(|&m| vni_mark(m).is_some_and(|(s, t)| s == shape && t == tone))
            .expect("every letter mark and tone has a VNI mark");
        if capital {
            mark.to_uppercase().next().unwrap_or(mark)
        } else {
            mark
        }
    }

    /// Unicode to VNI-Windows: base letter then a mark character, the letters with a letter of
    /// their own (`đ ơ ư`, `i` and `ỵ` with tones) as that letter. Panics on a character that
    /// VNI cannot write.
    pub(crate) fn vni(text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        for c in text.nfc() {
            let single = match c {
                'đ' => Some('ñ'),
                'Đ' => Some('Ñ'),
                'í' | 'Í' | 'ì' | 'Ì' => Some(c),
                'ỉ' => Some('æ'),
                'Ỉ' => Some('Æ'),
                'ĩ' => Some('ó'),
                'Ĩ' => Some('Ó'),
                'ị' => Some('ò'),
                'Ị' => Some('Ò'),
                'ỵ' => Some('î'),
                'Ỵ' => Some('Î'),
                _ if c.is_ascii() => Some(c),
                _ => None,
            };
            if let Some(s) = single {
                out.push(s);
                continue;
            }
            let mut parts = std::iter::once(c).nfd();
            let base = parts.next().filter(|b| "aeouyAEOUY".contains(*b));
            let Some(base) = base else {
                panic!("VNI has no code for {c:?}");
            };
            let (mut shape, mut horn, mut tone) = (Shape::None, false, None);
            for mark in parts {
                match mark {
                    CIRCUMFLEX => shape = Shape::Circumflex,
                    BREVE => shape = Shape::Breve,
                    HORN => horn = true,
                    GRAVE | ACUTE | TILDE | HOOK | DOT => tone = Some(mark),
                    _ => panic!("VNI has no code for {c:?}"),
                }
            }
            let capital = base.is_uppercase();
            out.push(match (base, horn) {
                ('o', true) => 'ô',
                ('O', true) => 'Ô',
                ('u', true) => 'ö',
                ('U', true) => 'Ö',
                (_, true) => panic!("VNI has no code for {c:?}"),
                _ => base,
            });
            if shape != Shape::None || tone.is_some() {
                out.push(vni_mark_char(shape, tone, capital));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn grid(columns: &[&[&str]]) -> Vec<GridRow> {
        let height = columns.iter().map(|c| c.len()).max().unwrap_or(0);
        (0..height)
            .map(|r| GridRow {
                number: r + 1,
                cells: columns
                    .iter()
                    .map(|c| c.get(r).map_or(Cell::Empty, |s| Cell::text(s)))
                    .collect(),
            })
            .collect()
    }

    fn texts(rows: &[GridRow]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.clone(),
                        _ => String::new(),
                    })
                    .collect()
            })
            .collect()
    }

    /// Real words and names that hold, with their small and capital forms, every vowel with
    /// every tone, and `đ`.
    const WORDS: [&str; 83] = [
        "Nguyễn Thị Phượng",
        "Đặng Quốc Khánh",
        "Hà Nội",
        "Thủy lợi",
        "kiểm lâm",
        "ĐỒNG",
        "ỨNG",
        "Ỷ",
        "ỹ",
        "Trần Văn Thắng",
        "Phạm Thị Hằng",
        "Lê Hữu Nghĩa",
        "Võ Thị Sáu",
        "Hoàng Minh Tuấn",
        "Bùi Thị Thu Thảo",
        "Đỗ Xuân Trường",
        "Huỳnh Tấn Phát",
        "Lý Thường Kiệt",
        "Ngô Sĩ Liên",
        "Dương Quảng Hàm",
        "Vũ Trọng Phụng",
        "Hồ Xuân Hương",
        "Tô Hoài",
        "Chu Văn An",
        "Lương Thế Vinh",
        "Mạc Đĩnh Chi",
        "Nguyễn Trãi",
        "Phan Bội Châu",
        "Cù Chính Lan",
        "Lò Văn Giá",
        "Quách Tuấn Du",
        "Tạ Quang Bửu",
        "Cẩm Phả",
        "Ẳng Nưa",
        "ẵm con",
        "Trẻ em",
        "Vẽ tranh",
        "Đẹp",
        "Chè xanh",
        "Bé Mẹ",
        "Tỉnh ủy",
        "Kỳ Sơn",
        "Mỹ Tho",
        "Quỵ",
        "Lỡ hẹn",
        "Vỡ đê",
        "Gửi thư",
        "Lừng lẫy",
        "Lực lượng",
        "Sở Tư pháp",
        "Thuở nhỏ",
        "Cử tri",
        "Mười",
        "ỉ ôi",
        "Ỷ Lan",
        "Ủy ban nhân dân",
        "Ấp Bắc",
        "Ở đợ",
        "Ơn",
        "Ưng ý",
        "Ẩn",
        "Ẽo ẹt",
        "Ĩ",
        "Ỉa",
        "Ọc",
        "Ụ",
        "Ợ",
        "Ự",
        "Ữ",
        "Ỡ",
        "Ỗ",
        "Thẳng thắn",
        "Đậu Văn Thận",
        "Tiền Giang",
        "Bình Định",
        "Hóc Môn",
        "Cổ Loa",
        "Thới Lai",
        "Phú Thọ",
        "Đức Phổ",
        "Kỷ luật",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN",
    ];

    /// Each word as written, in small letters and in capitals.
    fn case_forms() -> impl Iterator<Item = String> {
        WORDS
            .iter()
            .flat_map(|w| [w.to_string(), w.to_lowercase(), w.to_uppercase()])
    }

    #[test]
    fn the_words_hold_every_vowel_with_every_tone_in_both_cases() {
        let letters: HashSet<char> = case_forms()
            .flat_map(|w| w.chars().collect::<Vec<_>>())
            .collect();
        let mut missing = String::new();
        for vowel in "aăâeêioôơuưy".chars() {
            for tone in [
                None,
                Some(GRAVE),
                Some(HOOK),
                Some(TILDE),
                Some(ACUTE),
                Some(DOT),
            ] {
                let small: String = std::iter::once(vowel).chain(tone).nfc().collect();
                missing.extend(
                    [small.clone(), small.to_uppercase()]
                        .iter()
                        .flat_map(|s| s.chars())
                        .filter(|c| !letters.contains(c)),
                );
            }
        }
        missing.extend("đĐ".chars().filter(|c| !letters.contains(c)));
        assert_eq!(missing, "");
        // 12 vowels x 6 tones x 2 cases, and đ Đ, in the words as written (not only in the
        // forms made from them) as far as the small letters go.
        let written: HashSet<char> = WORDS
            .iter()
            .flat_map(|w| w.to_lowercase().chars().collect::<Vec<_>>())
            .collect();
        assert!(written.is_superset(&letters.iter().flat_map(|c| c.to_lowercase()).collect()));
    }

    #[test]
    fn every_tcvn3_code_encodes_back_to_itself() {
        for code in 0xA0..=0xFF_u32 {
            let c = char::from_u32(code).unwrap();
            assert_eq!(encode::tcvn3_code(tcvn3_char(c)), Some(c), "{code:#X}");
        }
    }

    #[test]
    fn every_vni_code_encodes_back_to_itself() {
        let mut codes: Vec<String> = "ñÑôÔöÖæÆóÓòÒîÎíÍìÌ".chars().map(String::from).collect();
        for mark in "ùøûõïâáàåãäêéèúüë".chars() {
            for base in "aeouyôö".chars() {
                for (b, m) in [(base, mark), (up(base), up(mark))] {
                    // ỵ is `î` (what the encoder writes) or `y` + `ï` (also read).
                    let y_dot = matches!(b, 'y' | 'Y') && matches!(m, 'ï' | 'Ï');
                    if vni_combine(b, m).is_some() && !y_dot {
                        codes.push([b, m].iter().collect());
                    }
                }
            }
        }
        assert_eq!(codes.len(), 18 + 2 * (5 * 7 - 1 + 6 * 3 + 6));
        assert_eq!(decode("yï Yï", Encoding::Vni), "ỵ Ỵ");
        for code in codes {
            let unicode = decode(&code, Encoding::Vni);
            assert_eq!(unicode.chars().count(), 1, "{code}");
            assert_eq!(encode::vni(&unicode), code, "{unicode}");
        }
    }

    fn up(c: char) -> char {
        c.to_uppercase().next().unwrap()
    }

    #[test]
    fn words_round_trip_through_tcvn3() {
        for text in case_forms() {
            let tcvn3 = encode::tcvn3(&text);
            assert!(tcvn3.chars().all(|c| (c as u32) < 0x100), "{tcvn3}");
            assert_eq!(decode(&tcvn3, Encoding::Tcvn3), text, "{text} as {tcvn3}");
        }
    }

    /// VN3 text usually types capitals in a `.VnTimeH` font, with the small letters' codes; the
    /// decoder takes a word for capitals when its ASCII letters, two at least, are, and a cell
    /// when all its ASCII letters are and one word is. Otherwise nothing in the text tells the
    /// capitals from small letters (`BÐ MÑ` is `BÉ MẸ` in `.VnTimeH`, `Bé Mẹ` in `.VnTime`):
    /// those come back small, as the test expects.
    #[test]
    fn capitals_round_trip_through_vntimeh_text() {
        let mut lost = Vec::new();
        for word in WORDS {
            let capitals = word.to_uppercase();
            let tcvn3 = encode::tcvn3_vntimeh(&capitals);
            let decoded = decode(&tcvn3, Encoding::Tcvn3);
            if shows_capitals(&capitals) {
                assert_eq!(decoded, capitals, "{capitals} as {tcvn3}");
            } else {
                let small: String = capitals
                    .chars()
                    .flat_map(|c| c.to_lowercase())
                    .map(|c| {
                        if c.is_ascii() {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                assert_eq!(decoded, small, "{capitals} as {tcvn3}");
                lost.push(decoded);
            }
        }
        assert_eq!(encode::tcvn3_vntimeh("CỘNG HÒA"), "CéNG HßA");
        assert!(lost.contains(&"ỷ".to_string()) && lost.contains(&"ơN".to_string()));
        assert!(lost.len() < WORDS.len() / 4, "{lost:?}");
    }

    /// A word of `text` has two ASCII letters: enough to tell `.VnTimeH` capitals.
    fn shows_capitals(text: &str) -> bool {
        text.split_whitespace()
            .any(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
    }

    #[test]
    fn words_round_trip_through_vni() {
        for text in case_forms() {
            let vni = encode::vni(&text);
            assert!(vni.chars().all(|c| (c as u32) < 0x100), "{vni}");
            assert_eq!(decode(&vni, Encoding::Vni), text, "{text} as {vni}");
        }
        assert_eq!(encode::vni("Nguyễn Thị Phượng"), "Nguyeãn Thò Phöôïng");
        assert_eq!(encode::vni("CỘNG HÒA"), "COÄNG HOØA");
    }

    type Encoder = fn(&str) -> String;

    #[test]
    fn auto_detects_an_encoded_column_and_converts_it_back() {
        let header = || std::iter::once("Họ và tên".to_string());
        let all: Vec<String> = header().chain(case_forms()).collect();
        // `.VnTimeH` capitals, where the text shows them.
        let capitals: Vec<String> = WORDS
            .iter()
            .map(|w| w.to_uppercase())
            .filter(|w| shows_capitals(w))
            .collect();
        let cases: [(Encoding, Encoder, &[String]); 3] = [
            (Encoding::Tcvn3, encode::tcvn3, &all),
            (Encoding::Tcvn3, encode::tcvn3_vntimeh, &capitals),
            (Encoding::Vni, encode::vni, &all),
        ];
        for (encoding, encode, original) in cases {
            let encoded: Vec<String> = original.iter().map(|t| encode(t)).collect();
            let column: Vec<&str> = encoded.iter().map(String::as_str).collect();
            let mut rows = grid(&[&column]);
            let conversions = convert_rows(&mut rows, Legacy::Auto);
            assert_eq!(conversions.len(), 1, "{encoding:?}");
            assert_eq!(conversions[0].encoding, encoding);
            assert!(conversions[0].auto);
            let converted: Vec<String> = texts(&rows).into_iter().map(|r| r[0].clone()).collect();
            assert_eq!(converted, original, "{encoding:?}");
        }
    }

    #[test]
    fn tcvn3_text_converts_to_unicode() {
        for (tcvn3, unicode) in [
            ("Hµ Néi", "Hà Nội"),
            ("NguyÔn V¨n Hïng", "Nguyễn Văn Hùng"),
            ("§inh ThÞ Ph\u{AD}îng", "Đinh Thị Phượng"),
            ("Chi côc KiÓm l©m", "Chi cục Kiểm lâm"),
            (
                "Trung t©m N\u{AD}íc s¹ch & VÖ sinh m«i tr\u{AD}êng",
                "Trung tâm Nước sạch & Vệ sinh môi trường",
            ),
            (
                "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("Hµ NéI", "HÀ NỘI"),
            // One capital a word: names, not capitals.
            ("T« B¸", "Tô Bá"),
            ("BÐ MÑ", "Bé Mẹ"),
        ] {
            assert_eq!(decode(tcvn3, Encoding::Tcvn3), unicode);
        }
    }

    #[test]
    fn vni_text_converts_to_unicode() {
        for (vni, unicode) in [
            ("Haø Noäi", "Hà Nội"),
            ("Nguyeãn Vaên Huøng", "Nguyễn Văn Hùng"),
            ("Ñinh Thò Phöôïng", "Đinh Thị Phượng"),
            ("Chi cuïc Kieåm laâm", "Chi cục Kiểm lâm"),
            ("COÄNG HOØA XAÕ HOÄI", "CỘNG HÒA XÃ HỘI"),
            ("Tröôøng hoïc", "Trường học"),
        ] {
            assert_eq!(decode(vni, Encoding::Vni), unicode);
        }
    }

    #[test]
    fn syllables_are_recognised() {
        for good in [
            "Nguyễn", "người", "nước", "khuyên", "quýt", "gì", "giêng", "kỳ", "xoong", "Đinh",
            "HÒA", "yêu", "thuở", "ạ", "oanh",
        ] {
            assert!(is_syllable(good), "{good}");
        }
        for bad in [
            "Nguyeón", "cafộ", "Mỹller", "nạve", "Peđa", "àtn", "hoàt", "kan", "ngi", "ấ", "email",
            "cơngx", "nàc",
        ] {
            assert!(!is_syllable(bad), "{bad}");
        }
    }

    #[test]
    fn auto_converts_a_tcvn3_column_and_names_its_cells() {
        let mut rows = grid(&[
            &["Hä vµ tªn", "NguyÔn V¨n Hïng", "Lª ThÞ Hoa", "Nam"],
            &["Ghi chó", "", "", ""],
            &["Email", "a@b.vn", "Phone", "Nam"],
        ]);
        let conversions = convert_rows(&mut rows, Legacy::Auto);
        assert_eq!(conversions.len(), 1);
        assert_eq!(conversions[0].encoding, Encoding::Tcvn3);
        assert_eq!(conversions[0].cells, vec![(0, 1), (1, 1), (0, 2), (0, 3)]);
        let t = texts(&rows);
        assert_eq!(t[0][0], "Họ và tên");
        assert_eq!(t[0][1], "Ghi chú");
        assert_eq!(t[1][0], "Nguyễn Văn Hùng");
        assert_eq!(t[2][0], "Lê Thị Hoa");
        assert_eq!(
            conversions[0].warning("x.xlsx:CanBo").to_string(),
            "x.xlsx:CanBo: warning: converted 4 cells typed in TCVN3 to Unicode: A1, B1, A2, A3\n\
             hint: check the converted text; give --legacy off to keep the text as it was typed"
        );
    }

    #[test]
    fn auto_converts_a_vni_column() {
        let mut rows = grid(&[&["Hoï teân", "Nguyeãn Vaên Huøng", "Ñinh Thò Phöôïng"]]);
        let conversions = convert_rows(&mut rows, Legacy::Auto);
        assert_eq!(conversions.len(), 1);
        assert_eq!(conversions[0].encoding, Encoding::Vni);
        let t = texts(&rows);
        assert_eq!(t[0][0], "Họ tên");
        assert_eq!(t[1][0], "Nguyễn Văn Hùng");
        assert_eq!(t[2][0], "Đinh Thị Phượng");
    }

    #[test]
    fn auto_leaves_unicode_vietnamese_and_other_languages_alone() {
        let original: &[&[&str]] = &[
            &[
                "Họ và tên",
                "Hoà Bình",
                "Hoá học",
                "Bà Rịa",
                "Võ Thị Sáu",
                "Lê Văn Tám",
                "Phòng họp tầng 3",
                "Hội trường A",
            ],
            &[
                "Note",
                "Café au lait",
                "naïve",
                "Müller",
                "Peña",
                "© 2024",
                "25°C, 5 µm",
                "« citation »",
            ],
            &["Hoà", "Hoá", "Toà", "Lý", "Đà", "Cà Mau", "Tây Ninh", "Bé"],
        ];
        let mut rows = grid(original);
        let before = texts(&rows);
        assert!(convert_rows(&mut rows, Legacy::Auto).is_empty());
        assert_eq!(texts(&rows), before);
    }

    #[test]
    fn forced_modes_convert_without_detection_and_off_converts_nothing() {
        let mut rows = grid(&[&["Hµ"]]);
        let conversions = convert_rows(&mut rows, Legacy::Tcvn3);
        assert!(!conversions[0].auto);
        assert_eq!(texts(&rows)[0][0], "Hà");

        let mut rows = grid(&[&["Haø"]]);
        convert_rows(&mut rows, Legacy::Vni);
        assert_eq!(texts(&rows)[0][0], "Hà");

        let mut rows = grid(&[&["NguyÔn V¨n Hïng", "Lª ThÞ Hoa"]]);
        assert!(convert_rows(&mut rows, Legacy::Off).is_empty());
        assert_eq!(texts(&rows)[0][0], "NguyÔn V¨n Hïng");

        // Unicode text is never converted, even when forced.
        let mut rows = grid(&[&["Nguyễn Văn Hùng"]]);
        assert!(convert_rows(&mut rows, Legacy::Tcvn3).is_empty());
    }

    #[test]
    fn a_long_list_of_cells_is_shortened() {
        let conversion = Conversion {
            encoding: Encoding::Vni,
            auto: true,
            cells: (0..13).map(|r| (1, r + 2)).collect(),
        };
        assert_eq!(
            conversion.warning("x.csv").message,
            "converted 13 cells typed in VNI to Unicode: B2, B3, B4, B5, B6, B7, B8, B9, B10, B11 and 3 more"
        );
    }
}
