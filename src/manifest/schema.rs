//! The manifest's TOML schema: what `vanban.toml` may say, as the types serde reads it into.
//! Only shapes and their documentation live here; reading the file is `load`, using it the
//! stages beside it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The output folder (default `out`).
    #[serde(default)]
    pub out: Option<String>,
    /// The outgoing register, beside the manifest (default `so-dang-ky.xlsx`): every number
    /// the run prints is kept there, and read back so that it never moves.
    #[serde(default)]
    pub register: Option<String>,
    /// Fields every document sees.
    #[serde(default)]
    pub globals: toml::Table,
    pub sources: BTreeMap<String, Source>,
    /// Joins, computed fields and vote counts change the rows; they apply in the order they
    /// are written in the manifest (a join copies the rows as they are at that point).
    #[serde(default)]
    pub joins: Vec<Spanned<Join>>,
    #[serde(default)]
    pub fields: Vec<Spanned<FieldSpec>>,
    #[serde(default)]
    pub votes: Vec<Spanned<Votes>>,
    /// Checks on the rows, reported as warnings (the Council decides); like the steps, they
    /// run in the manifest's order, so a rule that records its failures on the rows
    /// (`record`) comes before a join that copies them.
    #[serde(default)]
    pub rules: Vec<Spanned<Rule>>,
    #[serde(default)]
    pub quotas: Vec<Spanned<Quota>>,
    pub documents: Vec<DocumentSpec>,
    /// How PDFs are made: `[pdf] archive = false` for plain PDF instead of PDF/A-2b.
    #[serde(default)]
    pub pdf: PdfSpec,
    /// `[print] offset_mm = [x, y]`: the printer's offset (right, down) for pre-printed
    /// blanks; every frame of every document moves by it.
    #[serde(default)]
    pub print: PrintSpec,
    /// The round's timeline: dates that must come before or after others.
    #[serde(default)]
    pub dates: Vec<Spanned<DateOrder>>,
}

/// A date that must come after (or before) another: each a document kind (the date of each
/// of its documents) or a date field (a global, or a field of the same document's row).
/// A document whose date breaks it is a warning at the cell the date comes from.
///
/// ```toml
/// [[dates]]
/// date = "cong-van-don-doc"          # each reminder's date
/// after = "han_bao_cao"              # strictly after the deadline it reminds of
/// before = "han_bao_cao_moi"         # and before the new deadline it sets
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateOrder {
    pub date: String,
    /// Strictly later than.
    pub after: Option<String>,
    /// Strictly earlier than.
    pub before: Option<String>,
    /// On or after.
    pub not_before: Option<String>,
    /// On or before.
    pub not_after: Option<String>,
    /// Why, for the warning (the procedure's step).
    pub message: Option<String>,
}

/// A field computed for every row of a source, from an expression over the row (and the
/// rows joined to it), or as the row's rank by another field.
///
/// ```toml
/// [[fields]]
/// source = "don_vi"
/// name = "tong_diem"
/// value = '(sum diem "diem_hoi_dong")'   # an expression keeps its type (a number here)
///
/// [[fields]]
/// source = "de_nghi"
/// name = "nguoi_nhan"
/// value = '{{#if (eq can_bo.gioi_tinh "Nam")}}Ông{{else}}Bà{{/if}} {{can_bo.ho_va_ten}}'
///
/// [[fields]]
/// source = "don_vi"
/// name = "xep_hang"
/// rank = "tong_diem"                     # 1 for the highest; ties share a rank
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub source: String,
    pub name: String,
    /// A Handlebars expression (`(sum diem "x")`, `can_bo.ho_va_ten`) whose value the field
    /// takes, or a text with tags (`Ông {{ten}}`) the field takes as text.
    pub value: Option<String>,
    /// The field to rank the rows by: 1 for the highest (`order = "asc"`: the lowest).
    pub rank: Option<String>,
    pub order: Option<String>,
    /// With `rank`: a condition choosing the rows ranked (the others get an empty rank and
    /// do not count: `(eq da_nop_bao_cao "Có")`).
    pub when: Option<String>,
}

/// Council votes counted per nominee: the for and against columns of `source`, the share of
/// all members voting for, and the verdict against the threshold (at least that share).
///
/// ```toml
/// [[votes]]
/// source = "de_nghi"
/// for = "phieu_dong_y"
/// against = "phieu_khong_dong_y"
/// members = "hoi_dong_thanh_vien"    # a global, or a number
/// threshold = "50%"
/// thresholds = [{ when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")', threshold = "80%" }]
/// ```
///
/// Each row gets `bieu_quyet` (or `as`): `dong_y`, `khong_dong_y`, `khong_bieu_quyet`,
/// `thanh_vien`, `ty_le`
/// (percent of all members, two decimals), `nguong` (the threshold as written), `dat`,
/// `ket_qua` (`Đạt` / `Không đạt`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub source: String,
    #[serde(rename = "for")]
    pub for_: String,
    pub against: String,
    /// The column of members present who did not vote (or abstained).
    pub abstained: Option<String>,
    pub members: toml::Value,
    /// The members present (a number or a global's name): for, against and not voting must
    /// add up to it, else a warning at the row.
    pub present: Option<toml::Value>,
    pub threshold: String,
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    #[serde(rename = "as", default = "bieu_quyet")]
    pub field: String,
}

fn bieu_quyet() -> String {
    "bieu_quyet".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub when: String,
    pub threshold: String,
}

/// At most `max` rows (a number, or a share of the group's `of` field) for which `when`
/// holds, per value of `per`: a nomination list over its quota is a warning.
///
/// ```toml
/// [[quotas]]
/// name = "chien-si-thi-dua-co-so"
/// source = "de_nghi"
/// per = "ma_don_vi"
/// when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")'
/// max = "15%"
/// of = "don_vi.so_bien_che"
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub name: String,
    pub source: String,
    pub per: String,
    pub when: Option<String>,
    pub max: toml::Value,
    /// For a share: the expression, on a group's first row, of the number it is a share of.
    pub of: Option<String>,
    /// The column the warning points at (default: `per`).
    pub field: Option<String>,
    /// A list field of the rows that gets `label` on every row beyond the quota.
    pub record: Option<String>,
    /// What `record` writes (default: the message).
    pub label: Option<String>,
}

/// A rule of the plan or the law, as data: every row of `source` for which `when` holds must
/// satisfy `require`; a row that does not is a warning at its `field` cell.
///
/// ```toml
/// [[rules]]
/// name = "lao-dong-tien-tien"
/// source = "de_nghi"
/// when = '(eq hinh_thuc "Lao động tiên tiến")'
/// require = '(in xep_loai "Hoàn thành tốt nhiệm vụ" "Hoàn thành xuất sắc nhiệm vụ")'
/// field = "xep_loai"
/// message = "Lao động tiên tiến needs a rating of Hoàn thành tốt nhiệm vụ or better (Law art. 24)"
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub name: String,
    pub source: String,
    /// A Handlebars condition choosing the rows the rule is about (default: every row).
    pub when: Option<String>,
    /// The condition those rows must satisfy.
    pub require: String,
    /// The column the warning points at (default: the first).
    pub field: Option<String>,
    pub message: String,
    /// A list field of the rows (`khong_dat`) that gets `label` on every row breaking the
    /// rule, for the documents: the Council's minutes list them, awards leave them out.
    pub record: Option<String>,
    /// What `record` writes (default: the message), in the documents' language.
    pub label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub file: String,
    pub sheet: Option<String>,
    /// `4`, or a header of two rows (a group header over sub-headers): `"4-5"` or `[4, 5]`.
    pub header_row: Option<HeaderRow>,
    /// `auto` (default), `tcvn3`, `vni` or `off`.
    pub legacy: Option<String>,
    /// Read the rows an active AutoFilter hides, too (default: they are left out).
    #[serde(default)]
    pub keep_filtered: bool,
}

/// A source's `header_row` as written in the manifest.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum HeaderRow {
    One(usize),
    Range(String),
    Pair(Vec<usize>),
}

/// Rows of `from` attached to the rows of `into` whose `key` matches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Join {
    pub into: String,
    pub from: String,
    /// The key column in `into` (and in `from`, unless `from_key` names another); without a
    /// key, every row of `into` gets every row of `from` (a meeting and all its nominees).
    pub key: Option<String>,
    pub from_key: Option<String>,
    /// The field that receives the matching rows.
    #[serde(rename = "as")]
    pub field: String,
    /// One matching row as an object (a staff row's unit), not a list; every row of `into`
    /// must then have one.
    #[serde(default)]
    pub one: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// What the document is (`ke-hoach`): the default file name stem and the summary's label.
    pub kind: String,
    pub template: String,
    /// The source whose rows (or groups) give one document each.
    pub source: String,
    pub group_by: Option<String>,
    /// One document for the whole source, its rows in `rows` (a Department's summary).
    #[serde(default)]
    pub whole: bool,
    /// A Handlebars condition: documents for which it is false are not made.
    pub filter: Option<String>,
    /// The file name pattern, relative to the output folder.
    pub name: Option<String>,
    /// Also write all documents of this kind into one file (relative to the output folder);
    /// a `.pdf` name makes it a PDF, one bookmark per document.
    pub combine: Option<String>,
    /// The files made of each document: `["docx"]` (the default), `["pdf"]` or
    /// `["docx", "pdf"]` (the PDF beside the .docx, converted by LibreOffice).
    pub formats: Option<Vec<String>>,
    /// Document numbers: `numbering = { symbol = "KH-STNMT", first = 5 }` gives `so` = `05`
    /// and `so_ky_hieu` = `05/KH-STNMT` to documents whose data has no number.
    pub numbering: Option<crate::batch::Numbering>,
    /// The field (of the rows, or a global) holding this kind's own date: its documents see
    /// it as `ngay_ky`, and it dates their numbers and their properties.
    pub date: Option<String>,
    /// Fields a document of this kind cannot be made without (`["thanh_tich"]`): a row whose
    /// field is empty is not made, and is an error at its cell (exit 1).
    #[serde(default)]
    pub require: Vec<String>,
}

/// `[pdf]`: how PDFs are made.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdfSpec {
    /// PDF/A-2b, for the archive and a digital signature (default true).
    #[serde(default = "yes")]
    pub archive: bool,
}

impl Default for PdfSpec {
    fn default() -> Self {
        PdfSpec { archive: true }
    }
}

fn yes() -> bool {
    true
}

/// `[print]`: how documents line up on pre-printed blanks.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintSpec {
    pub offset_mm: Option<[f64; 2]>,
}
