//! The Hà Nội pack: the twelve templates of `templates/`, built from the starters' blocks
//! and written out in full for the Sở Tài nguyên và Môi trường Hà Nội and its units (the data
//! each one sees: /work/pack-spec.md).
//!
//! ```text
//! stem -> items (header, title, body, grid tables, signature) -> letter / certificate /
//!      -> positioned frames (phôi) -> header rows marked -> tidy::pack -> .docx bytes
//! ```
//!
//! `templates/<stem>.docx` is exactly `template(stem)`: a test holds them equal, and
//! `cargo test --lib new::pack::tests::write_pack -- --ignored` writes them.
//!
//! The files: `shared` (the pack's header, headings, grid tables), then the documents by who
//! issues them, `unit` and `department`, and `achievement` and `certificate`.

mod achievement;
mod certificate;
mod department;
mod shared;
mod unit;

use docx_rs::Docx;

use crate::new::certificate::CERTIFICATE_SECTION;
use crate::new::page::letter;
use crate::new::tidy;
use achievement::{thanh_tich_ca_nhan, thanh_tich_tap_the};
use certificate::{giay_khen, giay_khen_phoi};
use department::{bao_cao_so, bien_ban, cong_van_don_doc, quyet_dinh_giay_khen, to_trinh_so};
use shared::repeat_header_rows;
use unit::{bao_cao, ke_hoach, to_trinh};

/// The file stems of the pack, in the order of the spec.
pub const PACK: &[&str] = &[
    "ke-hoach",
    "bao-cao",
    "bao-cao-so",
    "cong-van-don-doc",
    "to-trinh",
    "to-trinh-so",
    "bien-ban",
    "bao-cao-thanh-tich-ca-nhan",
    "bao-cao-thanh-tich-tap-the",
    "quyet-dinh-giay-khen",
    "giay-khen",
    "giay-khen-phoi",
];

/// The .docx bytes of the pack's template `stem`.
pub fn template(stem: &str) -> Result<Vec<u8>, String> {
    let (docx, section): (Docx, &'static [&'static str]) = match stem {
        "ke-hoach" => (letter(ke_hoach()), &[]),
        "bao-cao" => (letter(bao_cao()), &[]),
        "bao-cao-so" => (letter(bao_cao_so()), &[]),
        "cong-van-don-doc" => (letter(cong_van_don_doc()), &[]),
        "to-trinh" => (letter(to_trinh()), &[]),
        "to-trinh-so" => (letter(to_trinh_so()), &[]),
        "bien-ban" => (letter(bien_ban()), &[]),
        "bao-cao-thanh-tich-ca-nhan" => (letter(thanh_tich_ca_nhan()), &[]),
        "bao-cao-thanh-tich-tap-the" => (letter(thanh_tich_tap_the()), &[]),
        "quyet-dinh-giay-khen" => (letter(quyet_dinh_giay_khen()), &[]),
        "giay-khen" => (giay_khen(), CERTIFICATE_SECTION),
        "giay-khen-phoi" => (giay_khen_phoi(), &[]),
        _ => return Err(format!("no template '{stem}' in the pack")),
    };
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    tidy::pack(
        xml,
        tidy::Extras {
            section,
            made: None,
        },
    )
    .map_err(|e| format!("cannot write the template '{stem}': {e}"))
}

#[cfg(test)]
mod tests;
