//! The encoding of a CSV or text file, from its bytes: UTF-8 with or without a BOM, UTF-16
//! with a BOM (Excel's "Unicode Text"), and the Vietnamese single-byte encodings where the
//! bytes leave no doubt: Windows-1258 (Excel's "CSV (Comma delimited)" on a Vietnamese
//! Windows) and TCVN3 (ABC). Anything else that is not UTF-8 is refused by the caller.

use std::borrow::Cow;

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Read {
    Utf8,
    Utf16,
    /// Windows-1258: letters with combining tone marks, made NFC afterwards.
    Windows1258,
    /// TCVN3 (ABC) bytes, read as Windows-1252 for the legacy converter to turn to Unicode.
    Tcvn3,
}

/// The text of `bytes` as UTF-8 bytes and how it was read; `None` when the bytes are not
/// UTF-8 and their encoding cannot be told for certain (or UTF-16 that is damaged).
pub(crate) fn decode(bytes: &[u8]) -> Option<(Cow<'_, [u8]>, Read)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some((Cow::Borrowed(rest), Read::Utf8));
    }
    for (bom, encoding) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text = encoding.decode_without_bom_handling_and_without_replacement(rest)?;
            return Some((Cow::Owned(text.into_owned().into_bytes()), Read::Utf16));
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Some((Cow::Borrowed(bytes), Read::Utf8));
    }
    let (windows1258, tcvn3) = evidence(bytes);
    let (encoding, read) = match (windows1258, tcvn3) {
        (w, 0) if w >= 2 => (encoding_rs::WINDOWS_1258, Read::Windows1258),
        (0, t) if t >= 2 => (encoding_rs::WINDOWS_1252, Read::Tcvn3),
        _ => return None,
    };
    let (text, _, _) = encoding.decode(bytes);
    Some((Cow::Owned(text.into_owned().into_bytes()), read))
}

/// Counts of byte pairs only one of the encodings writes in Vietnamese text:
/// - Windows-1258: a vowel followed by a combining tone mark (`a` + 0xEC is `á`);
/// - TCVN3: a letter next to a precomposed toned vowel or `ă â ê ô ơ ư đ` (0xA8-0xAE,
///   0xB5-0xB9), which Windows-1258 has as symbols (`¨ © ª « ¬ ® µ ¶ · ¸ ¹`).
fn evidence(bytes: &[u8]) -> (usize, usize) {
    const TONES: [u8; 5] = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2];
    let vowel = |b: u8| {
        b"aeiouyAEIOUY".contains(&b)
            || [
                0xC2, 0xE2, 0xC3, 0xE3, 0xCA, 0xEA, 0xD4, 0xF4, 0xD5, 0xF5, 0xDD, 0xFD,
            ]
            .contains(&b)
    };
    let tcvn3_letter = |b: u8| (0xA8..=0xAE).contains(&b) || (0xB5..=0xB9).contains(&b);
    let (mut windows1258, mut tcvn3) = (0, 0);
    for pair in bytes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if vowel(a) && TONES.contains(&b) {
            windows1258 += 1;
        }
        if (a.is_ascii_alphabetic() && tcvn3_letter(b))
            || (tcvn3_letter(a) && b.is_ascii_alphabetic())
        {
            tcvn3 += 1;
        }
    }
    (windows1258, tcvn3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Option<(String, Read)> {
        decode(bytes).map(|(t, r)| (String::from_utf8(t.into_owned()).unwrap(), r))
    }

    #[test]
    fn boms_and_utf8_are_read_as_they_say() {
        assert_eq!(text(b"\xEF\xBB\xBFa;b"), Some(("a;b".into(), Read::Utf8)));
        assert_eq!(
            text(b"\xFF\xFEa\x00\t\x00\xe0\x00"),
            Some(("a\tà".into(), Read::Utf16))
        );
        assert_eq!(text(b"\xFE\xFF\x00a"), Some(("a".into(), Read::Utf16)));
        assert_eq!(text(b"\xFF\xFEa"), None);
    }

    #[test]
    fn vietnamese_code_pages_are_read_only_when_certain() {
        // "Hà Nội;Nguyễn Văn Đức" as Excel writes it in Windows-1258.
        let windows1258 = b"H\xe0 N\xf4\xf2i;Nguy\xea\xden V\xe3n \xd0\xfd\xecc";
        let (decoded, read) = text(windows1258).unwrap();
        assert_eq!(read, Read::Windows1258);
        assert_eq!(super::super::cells::nfc(&decoded), "Hà Nội;Nguyễn Văn Đức");
        // "Hà Nội" in TCVN3: `Hµ Néi`.
        let (decoded, read) = text(b"H\xb5 N\xe9i;H\xb5 T\xd8nh").unwrap();
        assert_eq!(read, Read::Tcvn3);
        assert_eq!(decoded, "Hµ Néi;Hµ T\u{d8}nh");
        // Latin-1 accents alone say nothing for certain.
        assert_eq!(text(b"Ten,Tinh\nAn,H\xe0 N\xf4i\n"), None);
    }
}
