//! The pack's certificates: the Giấy khen printed whole, and the one printed on the office's
//! pre-printed blanks (phôi), its fields in frames anchored to the page.

use docx_rs::{AlignmentType, Docx, Paragraph};

use crate::new::blocks::{Font, blank, para, pt, spacing};
use crate::new::certificate::{BLANK_FRAMES, Certificate, certificate};
use crate::new::measure::{BODY_LINE, SINGLE};
use crate::new::page::{landscape, with_defaults};

/// The signer's lines on a certificate: `KT. GIÁM ĐỐC` (when given), `PHÓ GIÁM ĐỐC`.
const CERTIFICATE_SIGNER: &[&str] = &[
    "{{#if quyen_han}}",
    "{{hoa quyen_han}}",
    "{{/if}}",
    "{{hoa chuc_vu_ky}}",
];

pub(super) fn giay_khen() -> Docx {
    certificate(Certificate {
        awardee: "{{nguoi_nhan}}",
        unit: "{{noi_cong_tac}}",
        decision: "Quyết định số {{so_quyet_dinh}}",
        date: "{{dia_danh}}, {{ngay_thang ngay_quyet_dinh}}",
        titles: CERTIFICATE_SIGNER,
    })
}

/// mm to twips.
const fn mm(mm: u32) -> u32 {
    mm * 567 / 10
}

/// A paragraph in a frame anchored to the page: `x` from the left edge (centred on the page
/// when `None`), `y` from the top edge, `width` fixed, the height growing with the text.
fn framed(p: Paragraph, x: Option<u32>, y: u32, width: u32) -> Paragraph {
    let p = p
        .wrap("around")
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("auto")
        .frame_y(y as i32)
        .frame_width(width);
    match x {
        Some(x) => p.frame_x(x as i32),
        None => p.x_align("center"),
    }
}

/// Giấy khen on the office's pre-printed blanks (phôi), for a person or a collective alike
/// (it reads `nguoi_nhan`, `noi_cong_tac`, `thanh_tich`, `so_quyet_dinh`, `so_vao_so`,
/// `dia_danh`, `ngay_quyet_dinh`, `quyen_han`, `chuc_vu_ky`, `nguoi_ky`), landscape A4: no Quốc hiệu, title or
/// border. The fields stand in three frames anchored to the page where a typical blank leaves
/// room: the awardee, their unit and the achievement; the decision's number; the date and the
/// signature. Consecutive paragraphs with the same frame properties make one frame in Word and
/// LibreOffice, so a long name or achievement wraps and pushes the lines under it down inside
/// its frame instead of running into them. A user drags a frame in Word to fit their blank.
pub(super) fn giay_khen_phoi() -> Docx {
    let line = |text: &str, font: Font, after: u32| {
        para(text, font)
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, after, SINGLE))
    };
    // The frames' places are shared with the calibration page (`vanban new calibration`).
    let [body, left, right] =
        BLANK_FRAMES.map(|f| move |p: Paragraph| framed(p, f.x.map(mm), mm(f.y), mm(f.width)));
    let mut frames = vec![
        body(line("{{nguoi_nhan}}", pt(22).bold(), 160)),
        body(line("{{noi_cong_tac}}", pt(16), 160)),
        body(
            line("Đã có thành tích {{thanh_tich}}", pt(16), 0)
                .line_spacing(spacing(0, 0, BODY_LINE))
                .indent(Some(mm(10) as i32), None, Some(mm(10) as i32), None),
        ),
        left(line("Quyết định số {{so_quyet_dinh}}", pt(13), 120)),
        left(line("Số vào sổ: {{so_vao_so}}", pt(13), 0)),
        right(line(
            "{{dia_danh}}, {{ngay_thang ngay_quyet_dinh}}",
            pt(14).italic(),
            0,
        )),
    ];
    frames.extend(
        CERTIFICATE_SIGNER
            .iter()
            .map(|t| right(line(t, pt(14).bold(), 0))),
    );
    // Room to sign and stamp, then the signer's name.
    frames.push(right(
        line("{{nguoi_ky}}", pt(14).bold(), 0).line_spacing(spacing(1200, 0, SINGLE)),
    ));
    let docx = with_defaults(landscape(1134));
    frames
        .into_iter()
        .fold(docx, |d, p| d.add_paragraph(p))
        .add_paragraph(blank(14))
}
