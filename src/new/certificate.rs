//! The certificate (Giấy khen): one landscape A4 page in a red frame, its texts given by the
//! starter or the pack.

use docx_rs::{Docx, TableRow};

use super::blocks::{Item, blank, cell, centered, nil_borders, pt, rule, table};
use super::measure::A4_LONG;
use super::page::{add_items, landscape, with_defaults};

/// The certificate's section: content centred on the page, in a frame of two lines (thick
/// outside) in the certificate's red, 8 mm from the paper's edge.
pub(super) const CERTIFICATE_SECTION: &[&str] =
    &[r#"<w:vAlign w:val="center"/>"#, CERTIFICATE_FRAME];
const CERTIFICATE_FRAME: &str = r#"<w:pgBorders w:offsetFrom="page"><w:top w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:left w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:bottom w:val="thickThinSmallGap" w:sz="24" w:space="24" w:color="C00000"/><w:right w:val="thickThinSmallGap" w:sz="24" w:space="24" w:color="C00000"/></w:pgBorders>"#;

/// Giấy khen: one landscape A4 page in a red frame: Quốc hiệu, the awarding authority,
/// `GIẤY KHEN` in large red capitals, the awardee and the achievement, then the decision's
/// number on the left and the date and signature on the right.
pub(super) fn giay_khen() -> Docx {
    certificate(Certificate {
        awardee: "{{ho_va_ten}}",
        unit: "{{don_vi}}",
        decision: "Quyết định số: {{so}}/{{ky_hieu}}",
        date: "{{dia_danh}}, {{ngay_thang ngay_ky}}",
        titles: &["{{hoa chuc_vu_ky}}"],
    })
}

/// The texts of a certificate that differ between the starter and the pack.
#[derive(Debug, Clone, Copy)]
pub(super) struct Certificate<'a> {
    pub(super) awardee: &'a str,
    pub(super) unit: &'a str,
    pub(super) decision: &'a str,
    pub(super) date: &'a str,
    /// The signer's title lines (bold), under the date.
    pub(super) titles: &'a [&'a str],
}

pub(super) fn certificate(texts: Certificate) -> Docx {
    const MARGIN: i32 = 1134;
    let width = (A4_LONG as i32 - 2 * MARGIN) as usize;
    let red = "C00000";
    let mut items = vec![
        Item::p(centered(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            pt(14).bold(),
            240,
            0,
        )),
        Item::p(centered("Độc lập - Tự do - Hạnh phúc", pt(15).bold(), 0, 0)),
        Item::p(rule(3690, width, 0)),
        Item::p(centered(
            "{{hoa chuc_danh_tham_quyen}}",
            pt(16).bold(),
            600,
            0,
        )),
        Item::p(centered("TẶNG", pt(16).bold(), 360, 0)),
        Item::p(centered("GIẤY KHEN", pt(40).bold().color(red), 240, 240)),
        Item::p(centered(texts.awardee, pt(22).bold(), 0, 120)),
        Item::p(centered(texts.unit, pt(16), 0, 240)),
        Item::p(
            centered("Đã có thành tích {{thanh_tich}}", pt(16), 0, 600).indent(
                Some(1134),
                None,
                Some(1134),
                None,
            ),
        ),
    ];
    let half = width * 2 / 5;
    let mut signer = vec![centered(texts.date, pt(14).italic(), 0, 0)];
    signer.extend(
        texts
            .titles
            .iter()
            .map(|t| centered(t, pt(14).bold(), 0, 0)),
    );
    signer.extend((0..4).map(|_| blank(14)));
    signer.push(centered("{{nguoi_ky}}", pt(14).bold(), 0, 0));
    items.push(Item::t(table(
        &[half, width - half],
        vec![TableRow::new(vec![
            cell(
                half,
                vec![
                    centered(texts.decision, pt(13), 0, 0),
                    centered("Số vào sổ: {{so_vao_so}}", pt(13), 0, 0),
                ],
            ),
            cell(width - half, signer),
        ])],
        nil_borders(),
    )));
    add_items(with_defaults(landscape(MARGIN)), items)
}

/// A field frame of the certificate printed on pre-printed blanks (phôi), anchored to the
/// page, in mm: `x` from the left edge (centred on the page when `None`), `y` from the top,
/// `width` fixed; `height` is the room the blank leaves for it (the frame itself grows with
/// its text), drawn by the calibration page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlankFrame {
    /// What it holds, as the calibration page names it.
    pub(crate) name: &'static str,
    pub(crate) x: Option<u32>,
    pub(crate) y: u32,
    pub(crate) width: u32,
    pub(crate) height: u32,
}

/// The blank's frames (landscape A4, every field inside 20 mm margins): the awardee, their
/// unit and the achievement; the decision's number; the date and the signature (the
/// signer's name, 21 mm under the titles, ends about 180 mm from the top edge).
pub(crate) const BLANK_FRAMES: [BlankFrame; 3] = [
    BlankFrame {
        name: "Người nhận, nơi công tác, thành tích",
        x: None,
        y: 80,
        width: 240,
        height: 45,
    },
    BlankFrame {
        name: "Quyết định số, số vào sổ",
        x: Some(30),
        y: 158,
        width: 100,
        height: 16,
    },
    BlankFrame {
        name: "Địa danh, ngày; chức vụ, người ký",
        x: Some(155),
        y: 140,
        width: 115,
        height: 42,
    },
];
