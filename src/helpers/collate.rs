//! Vietnamese alphabetical order, done by hand (no collation crate needed): each letter is
//! split (NFD) into its base letter with its letter mark (ă â đ ê ô ơ ư) and its tone mark.
//!
//! - Letters first: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (the foreign
//!   letters f j w z where Latin puts them: after ê, i, v and y), case-insensitive. Spaces and
//!   punctuation sort before digits, digits before letters, other scripts after.
//! - Then tones, syllable by syllable from the left: none, huyền, hỏi, ngã, sắc, nặng
//!   (`An` < `Àn` … but `Án` < `Anh`: the letters decide first).
//! - Keys that are still equal (they differ only in case) keep their order: sorts are stable.
//!
//! [`name_cmp`] is the personnel order of `sort_ten`: the given name (the last word) first, then
//! the middle names in order, then the family name (the first word), each word compared by
//! letters then tones.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

const SPACE: u32 = 1;
const PUNCTUATION: u32 = 0x10;
const DIGIT: u32 = 0x20_0000;
const LETTER: u32 = 0x30_0000;
const OTHER: u32 = 0x40_0000;

/// A collation key: primary weights (letters), then one tone per weight.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Key {
    primary: Vec<u32>,
    tones: Vec<u8>,
}

impl Key {
    pub(crate) fn is_empty(&self) -> bool {
        self.primary.is_empty()
    }
}

fn letter_rank(letter: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|c| c == letter)
        .map(|p| LETTER + p as u32)
}

/// The collation key of `text`.
pub(crate) fn key(text: &str) -> Key {
    let mut key = Key::default();
    let lower = text.trim().to_lowercase();
    let mut chars = lower.nfd().peekable();
    while let Some(c) = chars.next() {
        let mut base = c;
        let mut tone = 0u8;
        while let Some(&mark) = chars.peek() {
            let combined = match (base, mark) {
                ('a', '\u{306}') => Some('ă'),
                ('a', '\u{302}') => Some('â'),
                ('e', '\u{302}') => Some('ê'),
                ('o', '\u{302}') => Some('ô'),
                ('o', '\u{31B}') => Some('ơ'),
                ('u', '\u{31B}') => Some('ư'),
                _ => None,
            };
            let tone_of = match mark {
                '\u{300}' => Some(1), // huyền
                '\u{309}' => Some(2), // hỏi
                '\u{303}' => Some(3), // ngã
                '\u{301}' => Some(4), // sắc
                '\u{323}' => Some(5), // nặng
                _ => None,
            };
            if let Some(letter) = combined {
                base = letter;
            } else if let Some(t) = tone_of {
                tone = t;
            } else if !unicode_normalization::char::is_combining_mark(mark) {
                break;
            }
            // Other combining marks (ü, ç …) are ignored.
            chars.next();
        }
        let weight = if base.is_whitespace() {
            // A run of spaces counts as one.
            if key.primary.last() == Some(&SPACE) {
                continue;
            }
            SPACE
        } else if let Some(rank) = letter_rank(base) {
            rank
        } else if let Some(d) = base.to_digit(10) {
            DIGIT + d
        } else if base.is_alphanumeric() {
            OTHER + base as u32
        } else {
            PUNCTUATION + base as u32
        };
        key.primary.push(weight);
        key.tones.push(tone);
    }
    key
}

/// Vietnamese alphabetical order of two texts (letters, then tones; case ignored).
pub(crate) fn text_cmp(a: &str, b: &str) -> Ordering {
    key_cmp(&key(a), &key(b))
}

pub(crate) fn key_cmp(a: &Key, b: &Key) -> Ordering {
    a.primary
        .cmp(&b.primary)
        .then_with(|| a.tones.cmp(&b.tones))
}

/// A person's name split for `sort_ten`: given name, middle names, family name.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameKey {
    given: Key,
    middle: Vec<Key>,
    family: Key,
}

impl NameKey {
    pub(crate) fn new(name: &str) -> NameKey {
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.as_slice() {
            [] => NameKey::default(),
            [given] => NameKey {
                given: key(given),
                ..NameKey::default()
            },
            [family, middle @ .., given] => NameKey {
                given: key(given),
                middle: middle.iter().map(|w| key(w)).collect(),
                family: key(family),
            },
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.given.is_empty()
    }
}

/// Personnel order: given name, then middle names, then family name.
pub(crate) fn name_cmp(a: &NameKey, b: &NameKey) -> Ordering {
    key_cmp(&a.given, &b.given)
        .then_with(|| {
            for (x, y) in a.middle.iter().zip(&b.middle) {
                let o = key_cmp(x, y);
                if o != Ordering::Equal {
                    return o;
                }
            }
            a.middle.len().cmp(&b.middle.len())
        })
        .then_with(|| key_cmp(&a.family, &b.family))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_names(names: &[&str]) -> Vec<String> {
        let mut keyed: Vec<(NameKey, &str)> = names.iter().map(|n| (NameKey::new(n), *n)).collect();
        keyed.sort_by(|a, b| name_cmp(&a.0, &b.0));
        keyed.into_iter().map(|(_, n)| n.to_string()).collect()
    }

    #[test]
    fn the_alphabet_is_in_vietnamese_order() {
        let letters = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o",
            "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
        ];
        for pair in letters.windows(2) {
            assert_eq!(text_cmp(pair[0], pair[1]), Ordering::Less, "{pair:?}");
            let upper: Vec<String> = pair.iter().map(|s| s.to_uppercase()).collect();
            assert_eq!(text_cmp(&upper[0], &upper[1]), Ordering::Less, "{upper:?}");
        }
    }

    #[test]
    fn tones_come_after_the_letters_in_their_own_order() {
        let tones = ["a", "à", "ả", "ã", "á", "ạ"];
        for pair in tones.windows(2) {
            assert_eq!(text_cmp(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
        // The letters decide before any tone.
        assert_eq!(text_cmp("ạ", "ă"), Ordering::Less);
        assert_eq!(text_cmp("Án", "Anh"), Ordering::Less);
        assert_eq!(text_cmp("tú", "tư"), Ordering::Less);
        // Tones combine with the letter marks: ặ is ă with nặng.
        assert_eq!(text_cmp("ặ", "â"), Ordering::Less);
        assert_eq!(text_cmp("ấ", "ầ"), Ordering::Greater);
    }

    #[test]
    fn text_order_ignores_case_and_decomposition() {
        assert_eq!(text_cmp("ĐỨC", "đức"), Ordering::Equal);
        let nfd: String = "Thủy".nfd().collect();
        assert_eq!(text_cmp(&nfd, "thủy"), Ordering::Equal);
        assert_eq!(text_cmp("An Giang", "Anh"), Ordering::Less);
        assert_eq!(text_cmp("Hà  Nội", "Hà Nội"), Ordering::Equal);
        assert_eq!(text_cmp("Tổ 2", "Tổ 10"), Ordering::Greater);
        assert_eq!(text_cmp("", "a"), Ordering::Less);
    }

    #[test]
    fn personnel_order_follows_given_name_then_middle_then_family() {
        let cases: &[(&[&str], &[&str])] = &[
            // 1. the given name decides first
            (
                &["Trần Văn Bình", "Nguyễn Thị An"],
                &["Nguyễn Thị An", "Trần Văn Bình"],
            ),
            // 2. same given name: the middle name decides
            (
                &["Nguyễn Văn An", "Lê Thị An"],
                &["Lê Thị An", "Nguyễn Văn An"],
            ),
            // 3. same given and middle names: the family name decides
            (&["Trần Văn An", "Lê Văn An"], &["Lê Văn An", "Trần Văn An"]),
            // 4. only the tone differs: none, huyền, hỏi, ngã, sắc, nặng
            (
                &[
                    "Hà Văn Ánh",
                    "Hà Văn Ảnh",
                    "Hà Văn Anh",
                    "Hà Văn Ạnh",
                    "Hà Văn Ãnh",
                    "Hà Văn Ành",
                ],
                &[
                    "Hà Văn Anh",
                    "Hà Văn Ành",
                    "Hà Văn Ảnh",
                    "Hà Văn Ãnh",
                    "Hà Văn Ánh",
                    "Hà Văn Ạnh",
                ],
            ),
            // 5. a ă â
            (
                &["Vũ Thị Lân", "Vũ Thị Lăng", "Vũ Thị Lan"],
                &["Vũ Thị Lan", "Vũ Thị Lăng", "Vũ Thị Lân"],
            ),
            // 6. d before đ, whatever follows
            (
                &["Nguyễn Văn Đức", "Nguyễn Văn Dũng"],
                &["Nguyễn Văn Dũng", "Nguyễn Văn Đức"],
            ),
            (&["Lê Đông", "Lê Dương"], &["Lê Dương", "Lê Đông"]),
            // 7. o ô ơ
            (
                &["Phạm Hợp", "Phạm Hộp", "Phạm Họp"],
                &["Phạm Họp", "Phạm Hộp", "Phạm Hợp"],
            ),
            (
                &["Lý Sơn", "Lý Sôn", "Lý Son"],
                &["Lý Son", "Lý Sôn", "Lý Sơn"],
            ),
            // 8. u before ư: the letters decide before the tone
            (
                &["Lê Thị Thư", "Lê Thị Thú", "Lê Thị Thu"],
                &["Lê Thị Thu", "Lê Thị Thú", "Lê Thị Thư"],
            ),
            // 9. a toned short name before a longer one
            (
                &["Mai Anh", "Mai Án", "Mai An"],
                &["Mai An", "Mai Án", "Mai Anh"],
            ),
            // 10. e before ê
            (&["Đỗ Bê", "Đỗ Bé", "Đỗ Be"], &["Đỗ Be", "Đỗ Bé", "Đỗ Bê"]),
            // 11. i before y
            (&["Lưu Vy", "Lưu Vi"], &["Lưu Vi", "Lưu Vy"]),
            // 12. digraphs are ordinary letter sequences: ch < cu
            (&["Hồ Cúc", "Hồ Chi"], &["Hồ Chi", "Hồ Cúc"]),
            // 13. no middle name comes before a middle name
            (
                &["Nguyễn Văn An", "Nguyễn An"],
                &["Nguyễn An", "Nguyễn Văn An"],
            ),
            // 14. several middle names, compared in order
            (
                &["Tôn Nữ Thị Hà", "Tôn Nữ Hà", "Tôn Nữ Anh Hà"],
                &["Tôn Nữ Hà", "Tôn Nữ Anh Hà", "Tôn Nữ Thị Hà"],
            ),
            // 15. case does not matter
            (
                &["NGUYỄN VĂN ĐỨC", "nguyễn văn dũng"],
                &["nguyễn văn dũng", "NGUYỄN VĂN ĐỨC"],
            ),
            // 16. extra spaces do not matter
            (
                &["  Trần   Văn  Cường ", "Lê Văn Bảo"],
                &["Lê Văn Bảo", "  Trần   Văn  Cường "],
            ),
            // 17. tone on the middle name, given names equal
            (
                &["Bùi Thụ Hải", "Bùi Thu Hải", "Bùi Thư Hải"],
                &["Bùi Thu Hải", "Bùi Thụ Hải", "Bùi Thư Hải"],
            ),
            // 18. a realistic list
            (
                &[
                    "Nguyễn Văn Thắng",
                    "Trần Thị Hương",
                    "Lê Minh Tuấn",
                    "Phạm Thị Ánh",
                    "Đặng Văn Bình",
                    "Hoàng Thị Hường",
                ],
                &[
                    "Phạm Thị Ánh",
                    "Đặng Văn Bình",
                    "Trần Thị Hương",
                    "Hoàng Thị Hường",
                    "Nguyễn Văn Thắng",
                    "Lê Minh Tuấn",
                ],
            ),
            // 19. u before ư, and n before ơ: Hùng < Hưng < Hương
            (
                &["Lê Hương", "Lê Hưng", "Lê Hùng"],
                &["Lê Hùng", "Lê Hưng", "Lê Hương"],
            ),
            // 20. the family name is compared last, with its own letters and tones
            (
                &["Đỗ Văn Nam", "Đào Văn Nam", "Dương Văn Nam"],
                &["Dương Văn Nam", "Đào Văn Nam", "Đỗ Văn Nam"],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(sorted_names(input), *expected, "input {input:?}");
        }
        assert!(cases.len() >= 20);
    }
}
