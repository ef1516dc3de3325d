//! Vietnamese alphabetical order, by ICU4X's collator (`icu_collator`, with its compiled CLDR
//! data) for the locale `vi` at secondary strength:
//!
//! - Letters first: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (CLDR's `vi`
//!   tailoring makes ă â đ ê ô ơ ư letters of their own; f j w z where Latin puts them),
//!   case-insensitive. Spaces and punctuation sort before digits, digits before letters, other
//!   scripts after. Leading, trailing and repeated spaces do not count.
//! - Then tones, syllable by syllable from the left: none, huyền, hỏi, ngã, sắc, nặng (CLDR's
//!   secondary order of the tone marks in `vi`): `An` < `Àn` … but `Án` < `Anh`: the letters
//!   decide first.
//! - Keys that are still equal (they differ only in case) keep their order: sorts are stable.
//!
//! [`name_cmp`] is the personnel order of `sort_ten`: the given name (the last word) first, then
//! the middle names in order, then the family name (the first word), each word compared by
//! letters then tones.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// Built once: the compiled data is static, building looks up the `vi` tailoring.
static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    let mut options = CollatorOptions::default();
    // Letters and tones; not case.
    options.strength = Some(Strength::Secondary);
    Collator::try_new(locale!("vi").into(), options)
        .expect("the compiled collation data has Vietnamese")
});

/// A collation key: ICU's sort key, whose bytes compare as the texts do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Key(Vec<u8>);

impl Key {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `text` trimmed, with each run of spaces as one space.
fn tidy(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if text.split(' ').any(str::is_empty) || text.chars().any(|c| c.is_whitespace() && c != ' ') {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    }
}

/// The collation key of `text`.
pub(crate) fn key(text: &str) -> Key {
    let text = tidy(text);
    let mut key = Vec::with_capacity(text.len() * 2 + 4);
    let Ok(()) = COLLATOR.write_sort_key_to(&text, &mut key);
    Key(key)
}

/// Vietnamese alphabetical order of two texts (letters, then tones; case ignored).
pub(crate) fn text_cmp(a: &str, b: &str) -> Ordering {
    COLLATOR.compare(&tidy(a), &tidy(b))
}

pub(crate) fn key_cmp(a: &Key, b: &Key) -> Ordering {
    a.cmp(b)
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
    use unicode_normalization::UnicodeNormalization;

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
