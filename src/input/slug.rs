//! Header slugs: `Họ và tên` becomes `ho_va_ten`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, Vietnamese diacritics removed, `đ` to `d`, every run of other characters to
/// `_`, trimmed of `_`.
pub fn slugify(header: &str) -> String {
    let mut slug = String::with_capacity(header.len());
    let mut pending_separator = false;
    for c in header.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if pending_separator && !slug.is_empty() {
                slug.push('_');
            }
            pending_separator = false;
            slug.push(c);
        } else {
            pending_separator = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_follow_the_contract() {
        for (header, slug) in [
            ("Họ và tên", "ho_va_ten"),
            ("Mã đơn vị", "ma_don_vi"),
            ("Điểm (tối đa 10)", "diem_toi_da_10"),
            ("  Số   CV ", "so_cv"),
            ("Ngày sinh (dd/mm/yyyy)", "ngay_sinh_dd_mm_yyyy"),
            ("ĐƠN VỊ", "don_vi"),
            ("Xếp loại", "xep_loai"),
            ("Hưởng ứng", "huong_ung"),
            ("%", ""),
        ] {
            assert_eq!(slugify(header), slug, "header {header:?}");
        }
    }

    #[test]
    fn decomposed_input_gives_the_same_slug() {
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Thủ trưởng").collect();
        assert_eq!(slugify(&nfd), "thu_truong");
    }
}
