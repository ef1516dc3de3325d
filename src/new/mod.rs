//! `vanban new`: starter templates laid out to Decree 30/2020 (nd30.md), built with docx-rs.
//!
//! ```text
//! kind -> items (header table, title, body, signature table) -> docx_rs::Docx (A4, margins,
//!      -> page numbers from page 2) -> tidy::pack (schema order, theme) -> .docx bytes
//! ```
//!
//! Every tag is typed as one run of its own, so Word shows it as written and the engine
//! finds it without joining runs. Elements the decree sets in capitals take their text
//! through `{{hoa ...}}`, so the data can keep ordinary case (`Sở Tài nguyên và Môi trường`)
//! and the same field reads well in the body.
//!
//! The files, bottom-up: `measure` (page and measures), `blocks` (runs, paragraphs, tables),
//! `decree` (header, title and signature blocks) and `page` (the A4 page); the starters by
//! family, `letters`, `achievement` and `certificate`, and `calibration` (the page to line
//! blanks up with); `pack` (the bundled templates, built
//! from the same blocks). `tidy` (schema order, theme, zip) stands apart: this file and `pack`
//! hand it the built document.

mod achievement;
mod blocks;
mod calibration;
mod certificate;
mod decree;
mod letters;
mod measure;
pub mod pack;
mod page;
mod tidy;

use docx_rs::Docx;

use achievement::{thanh_tich_ca_nhan, thanh_tich_tap_the};
use certificate::{CERTIFICATE_SECTION, giay_khen};
use letters::{bao_cao, bien_ban, cong_van, ke_hoach, quyet_dinh, to_trinh};
use page::letter;

/// The kinds `vanban new` knows, with a one-line Vietnamese description each.
pub const KINDS: &[(&str, &str)] = &[
    ("ke-hoach", "Kế hoạch"),
    ("bao-cao", "Báo cáo"),
    ("to-trinh", "Tờ trình"),
    ("bien-ban", "Biên bản"),
    ("cong-van", "Công văn"),
    ("quyet-dinh", "Quyết định"),
    ("bao-cao-thanh-tich-ca-nhan", "Báo cáo thành tích cá nhân"),
    ("bao-cao-thanh-tich-tap-the", "Báo cáo thành tích tập thể"),
    ("giay-khen", "Giấy khen"),
];

/// `vanban new calibration OUT.docx [--offset X,Y]`: not a template but the page to line
/// pre-printed blanks up with ([`calibration_page`]).
pub const CALIBRATION: &str = "calibration";

/// The .docx bytes of a starter template of `kind`; Err with a message listing the kinds.
pub fn starter(kind: &str) -> Result<Vec<u8>, String> {
    starter_made(kind, None)
}

/// A starter whose properties say when it was `made` (`2026-12-03T09:30:00Z`).
pub fn starter_made(kind: &str, made: Option<String>) -> Result<Vec<u8>, String> {
    let body = match kind {
        "ke-hoach" => ke_hoach(),
        "bao-cao" => bao_cao(),
        "to-trinh" => to_trinh(),
        "bien-ban" => bien_ban(),
        "cong-van" => cong_van(),
        "quyet-dinh" => quyet_dinh(),
        "bao-cao-thanh-tich-ca-nhan" => thanh_tich_ca_nhan(),
        "bao-cao-thanh-tich-tap-the" => thanh_tich_tap_the(),
        "giay-khen" => return pack(kind, giay_khen(), CERTIFICATE_SECTION, made),
        _ => {
            let kinds: Vec<String> = KINDS
                .iter()
                .map(|(k, d)| format!("  {k:<28} {d}"))
                .collect();
            return Err(format!(
                "unknown kind '{kind}'; the kinds are:\n{}",
                kinds.join("\n")
            ));
        }
    };
    pack(kind, letter(body), &[], made)
}

/// The calibration page for pre-printed blanks, everything on it moved by the printer's
/// `offset` (mm right and down).
pub fn calibration_page(offset: (f64, f64), made: Option<String>) -> Result<Vec<u8>, String> {
    let mut xml = calibration::calibration(offset).build();
    xml.document = calibration::with_drawings(&xml.document, offset)?;
    tidy::pack(xml, tidy::Extras { section: &[], made })
        .map_err(|e| format!("cannot write the calibration page: {e}"))
}

/// Builds the document and packs it, with `section` elements docx-rs cannot write.
fn pack(
    kind: &str,
    docx: Docx,
    section: &'static [&'static str],
    made: Option<String>,
) -> Result<Vec<u8>, String> {
    tidy::pack(docx.build(), tidy::Extras { section, made })
        .map_err(|e| format!("cannot write the starter '{kind}': {e}"))
}

/// The time now as a document property writes it: `2026-12-03T09:30:00Z`.
pub fn now_w3c() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = crate::input::dates::civil_from_days(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

#[cfg(test)]
mod tests;
