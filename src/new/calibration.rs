//! The calibration page for pre-printed blanks (`vanban new calibration`): on plain landscape
//! A4 paper, a millimetre grid (lines every mm, stronger every 5 and 10 mm, numbered every
//! 10 mm from the paper's top-left corner) and the outline of each field frame of the
//! certificate on blanks, named, with its place in mm. Printed at actual size and laid over a
//! blank against the light, it shows where the fields will fall.
//!
//! The printer's offset moves everything on the page, grid and frames alike, as it moves the
//! certificate's frames: with the right offset the grid's edges sit on the paper's edges and
//! the outlines on the blank's boxes.
//!
//! Everything is a drawing anchored to the page (behind the text): docx-rs writes the page
//! and a note, and the drawings' runs take the place of a marker run in the built XML.

use docx_rs::{Docx, Paragraph, Run};

use super::blocks::{para, pt};
use super::certificate::{BLANK_FRAMES, BlankFrame};
use super::page::{landscape, with_defaults};

/// The marker run's text, replaced by the drawings.
pub(super) const MARKER: &str = "VANBAN-CALIBRATION-DRAWINGS";

/// The paper, in mm.
const WIDTH: u32 = 297;
const HEIGHT: u32 = 210;
/// EMU (drawing units) per mm.
const EMU: f64 = 36000.0;

/// `28,5`, `-2`: mm as the page writes them (a decimal comma).
fn mm_text(mm: f64) -> String {
    let rounded = (mm * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    text.replace('.', ",").replace("-0", "0")
}

fn signed(mm: f64) -> String {
    if mm > 0.0 {
        format!("+{}", mm_text(mm))
    } else {
        mm_text(mm)
    }
}

fn emu(mm: f64) -> i64 {
    (mm * EMU).round() as i64
}

/// The frame's left edge from the paper's, in mm.
fn frame_x(frame: &BlankFrame) -> f64 {
    match frame.x {
        Some(x) => x as f64,
        None => (WIDTH as f64 - frame.width as f64) / 2.0,
    }
}

/// The page: the note on how to use it, and the marker run the drawings replace.
pub(super) fn calibration(offset: (f64, f64)) -> Docx {
    let note = format!(
        "Trang căn chỉnh phôi Giấy khen (khổ A4 ngang). In trên giấy trắng ở đúng kích thước \
         (100%, không thu phóng), đặt lên phôi và soi trước ánh sáng: mỗi khung đỏ là chỗ một \
         ô của phôi sẽ được in; ô lớn của lưới là 10 mm. Độ lệch máy in: ngang {} mm, dọc {} mm \
         ([print] offset_mm, --offset).",
        signed(offset.0),
        signed(offset.1),
    );
    with_defaults(landscape(1134))
        .add_paragraph(para(&note, pt(10)).indent(Some(1134), None, Some(1134), None))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(MARKER)))
}

/// The drawings' runs: the grid, its numbers and the frames' outlines, moved by `offset`.
pub(super) fn drawings(offset: (f64, f64)) -> String {
    let mut shapes = Shapes::default();
    let (dx, dy) = offset;
    // The grid: one drawing per line weight, each line a sub-path.
    for (step, skip, colour, line) in [
        (1, Some(5), "D0D0D0", 3175),
        (5, Some(10), "A0A0A0", 6350),
        (10, None, "606060", 9525),
    ] {
        let keep = |mm: u32| mm.is_multiple_of(step) && skip.is_none_or(|s| !mm.is_multiple_of(s));
        let mut path = String::new();
        for x in (0..=WIDTH).filter(|&x| keep(x)) {
            path.push_str(&segment((x, 0), (x, HEIGHT)));
        }
        for y in (0..=HEIGHT).filter(|&y| keep(y)) {
            path.push_str(&segment((0, y), (WIDTH, y)));
        }
        let geometry = format!(
            r#"<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{}" h="{}" fill="none">{path}</a:path></a:pathLst></a:custGeom>"#,
            emu(WIDTH as f64),
            emu(HEIGHT as f64)
        );
        shapes.add(
            (dx, dy),
            (WIDTH as f64, HEIGHT as f64),
            &geometry,
            &format!(
                r#"<a:noFill/><a:ln w="{line}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln>"#
            ),
            None,
        );
    }
    // The numbers, every 10 mm along the top and the left, inside the printable area.
    let label = |text: &str| paragraph(text, 14, "606060", false);
    for x in (10..WIDTH).step_by(10) {
        shapes.text(
            (x as f64 + 0.4 + dx, 10.3 + dy),
            (8.0, 3.5),
            &label(&x.to_string()),
        );
    }
    for y in (20..HEIGHT).step_by(10) {
        shapes.text(
            (10.4 + dx, y as f64 + 0.3 + dy),
            (8.0, 3.5),
            &label(&y.to_string()),
        );
    }
    // The frames: a red outline each, named, with its place.
    for frame in &BLANK_FRAMES {
        let x = frame_x(frame);
        let text = format!(
            "{}{}",
            paragraph(frame.name, 18, "C00000", true),
            paragraph(
                &format!(
                    "x {} mm, y {} mm, rộng {} mm",
                    mm_text(x),
                    frame.y,
                    frame.width
                ),
                16,
                "C00000",
                false
            ),
        );
        shapes.add(
            (x + dx, frame.y as f64 + dy),
            (frame.width as f64, frame.height as f64),
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#,
            r#"<a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln>"#,
            Some(&text),
        );
    }
    shapes.runs
}

fn segment(from: (u32, u32), to: (u32, u32)) -> String {
    let point =
        |(x, y): (u32, u32)| format!(r#"<a:pt x="{}" y="{}"/>"#, emu(x as f64), emu(y as f64));
    format!(
        "<a:moveTo>{}</a:moveTo><a:lnTo>{}</a:lnTo>",
        point(from),
        point(to)
    )
}

/// A paragraph of a text box: `size` in half-points.
fn paragraph(text: &str, size: u32, colour: &str, bold: bool) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:rPr>{bold}<w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        crate::template::escape_plain(text)
    )
}

/// The drawings' runs, numbered in order.
#[derive(Default)]
struct Shapes {
    runs: String,
    count: usize,
}

impl Shapes {
    /// A text box without outline or fill.
    fn text(&mut self, at: (f64, f64), size: (f64, f64), text: &str) {
        self.add(
            at,
            size,
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#,
            "<a:noFill/><a:ln><a:noFill/></a:ln>",
            Some(text),
        );
    }

    /// A shape anchored to the page at `at` (mm from its top-left corner), behind the text.
    fn add(
        &mut self,
        at: (f64, f64),
        size: (f64, f64),
        geometry: &str,
        look: &str,
        text: Option<&str>,
    ) {
        self.count += 1;
        let n = self.count;
        let (cx, cy) = (emu(size.0), emu(size.1));
        let (text_box, text) = match text {
            Some(text) => (
                r#" txBox="1""#,
                format!("<wps:txbx><w:txbxContent>{text}</w:txbxContent></wps:txbx>"),
            ),
            None => ("", String::new()),
        };
        self.runs.push_str(&format!(
            r#"<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{n}" name="Hình {n}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr{text_box}/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{geometry}{look}</wps:spPr>{text}<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="36000" tIns="18000" rIns="36000" bIns="18000" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#,
            x = emu(at.0),
            y = emu(at.1),
        ));
    }
}

/// `document.xml` with the marker's run replaced by the drawings.
pub(super) fn with_drawings(document: &[u8], offset: (f64, f64)) -> Result<Vec<u8>, String> {
    let xml = std::str::from_utf8(document).map_err(|e| e.to_string())?;
    let at = xml.find(MARKER).ok_or("no marker run")?;
    let start = xml[..at].rfind("<w:r>").ok_or("no marker run")?;
    let end = at + xml[at..].find("</w:r>").ok_or("no marker run")? + "</w:r>".len();
    Ok(format!("{}{}{}", &xml[..start], drawings(offset), &xml[end..]).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_are_written_with_a_decimal_comma() {
        assert_eq!(mm_text(28.5), "28,5");
        assert_eq!(mm_text(80.0), "80");
        assert_eq!(signed(1.5), "+1,5");
        assert_eq!(signed(-2.0), "-2");
        assert_eq!(signed(0.0), "0");
    }
}
