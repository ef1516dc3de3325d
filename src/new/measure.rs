//! The page and its measures, in twips (1 mm = 56.7 twips, 1 pt = 20 twips): A4, the
//! decree's margins, the widths of the header and signature tables, the short rules, the body's
//! spacing, the font.

pub(super) const A4_SHORT: u32 = 11906;
pub(super) const A4_LONG: u32 = 16838;
/// The decree's model file: top 25, bottom 20, left 35, right 20 mm.
pub(super) const MARGIN_TOP: i32 = 1417;
pub(super) const MARGIN_BOTTOM: i32 = 1134;
pub(super) const MARGIN_LEFT: i32 = 1984;
pub(super) const MARGIN_RIGHT: i32 = 1134;
/// The page number sits 12 mm from the top edge, inside the 25 mm margin.
pub(super) const HEADER_DISTANCE: i32 = 680;
/// Width of the text: 210 - 35 - 20 mm.
pub(super) const TEXT_WIDTH: usize = (A4_SHORT as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Left and right padding of table cells.
pub(super) const CELL_PAD: usize = 108;
/// The header table, about 40/60. The Quốc hiệu in bold 13 pt is 96 mm long, so the table
/// is 170 mm wide, centred on the 155 mm text (as the decree's model and LibreOffice-written
/// letters do).
pub(super) const HEAD_LEFT: usize = 3855;
pub(super) const HEAD_RIGHT: usize = 5783;
/// The signature table, over the text's width.
pub(super) const SIGN_LEFT: usize = 3969;
pub(super) const SIGN_RIGHT: usize = TEXT_WIDTH - SIGN_LEFT;
/// The line under the Tiêu ngữ: as long as `Độc lập - Tự do - Hạnh phúc` in bold 14 pt
/// (Times New Roman and its metric twin Liberation Serif: 171.4 pt).
pub(super) const MOTTO_RULE: usize = 3440;
/// The line under the agency's name and under the trích yếu: 1/3 to 1/2 of their text.
pub(super) const AGENCY_RULE: usize = 1600;
pub(super) const TITLE_RULE: usize = 2550;
/// Body paragraphs: first-line indent 1.27 cm, 6 pt after, lines at 1.15.
pub(super) const FIRST_LINE: i32 = 720;
pub(super) const BODY_AFTER: u32 = 120;
pub(super) const BODY_LINE: i32 = 276;
pub(super) const SINGLE: i32 = 240;

pub(super) const FONT: &str = "Times New Roman";
