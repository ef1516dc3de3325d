//! The manifest's computed data: fields and ranks, Council votes against thresholds, quotas,
//! the order of steps, whole-source documents and numbering books.

use crate::common::*;

/// A folder holding `files` (CSV text), a one-paragraph template `t.docx` and the manifest.
fn project(files: &[(&str, &str)], template: &str, manifest: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&[template])).build(),
    )
    .unwrap();
    std::fs::write(dir.path().join("vanban.toml"), manifest).unwrap();
    dir
}

fn warnings(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| l.contains("warning:"))
        .collect()
}

const NOMINEES: &str = "Mã,Hình thức,Đồng ý,Không đồng ý\n\
    A,Chiến sĩ thi đua cơ sở,9,2\n\
    B,Chiến sĩ thi đua cơ sở,8,3\n\
    C,Giấy khen,6,5\n\
    D,Giấy khen,5,6\n";

fn votes_manifest(members: u32) -> String {
    format!(
        r#"
[globals]
hoi_dong = {members}

[sources.d]
file = "d.csv"

[[votes]]
source = "d"
for = "dong_y"
against = "khong_dong_y"
members = "hoi_dong"
threshold = "50%"
thresholds = [{{ when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")', threshold = "80%" }}]

[[documents]]
kind = "bien-ban"
template = "t.docx"
source = "d"
whole = true
name = "bb.docx"
"#
    )
}

const VOTE_LINE: &str = "{{#each rows}}{{ma}} {{bieu_quyet.dong_y}}/{{bieu_quyet.thanh_vien}} {{so bieu_quyet.ty_le 2}}% {{bieu_quyet.nguong}} {{bieu_quyet.ket_qua}}; {{/each}}";

#[test]
fn votes_are_counted_against_the_threshold_of_each_award() {
    let dir = project(&[("d.csv", NOMINEES)], VOTE_LINE, &votes_manifest(11));
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/bb.docx")),
        "A 9/11 81,82% 80% Đạt; B 8/11 72,73% 80% Không đạt; \
         C 6/11 54,55% 50% Đạt; D 5/11 45,45% 50% Không đạt; "
    );
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(
        summary.contains("votes\n  d: 4 nominees counted against 11 members, 2 passed\n"),
        "{summary}"
    );
}

#[test]
fn a_share_exactly_at_the_threshold_passes() {
    // 10 members: 8 is exactly 80%, 5 exactly 50%; one vote fewer fails.
    let data = "Mã,Hình thức,Đồng ý,Không đồng ý\n\
        A,Chiến sĩ thi đua cơ sở,8,2\nB,Chiến sĩ thi đua cơ sở,7,3\n\
        C,Giấy khen,5,5\nD,Giấy khen,4,6\n";
    let dir = project(&[("d.csv", data)], VOTE_LINE, &votes_manifest(10));
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/bb.docx")),
        "A 8/10 80,00% 80% Đạt; B 7/10 70,00% 80% Không đạt; \
         C 5/10 50,00% 50% Đạt; D 4/10 40,00% 50% Không đạt; "
    );
}

#[test]
fn impossible_vote_counts_are_located_errors_and_nothing_is_written() {
    let data = "Mã,Hình thức,Đồng ý,Không đồng ý\n\
        A,Giấy khen,9,3\nB,Giấy khen,bảy,1\nC,Giấy khen,,\n";
    let dir = project(&[("d.csv", data)], VOTE_LINE, &votes_manifest(11));
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "d.csv:C2: votes on 'd': 9 for and 3 against make more votes than the 11 members"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("d.csv:C3: votes on 'd': expected a whole number of votes, found bảy"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_nominee_without_a_count_is_a_warning_and_not_passed() {
    let data = "Mã,Hình thức,Đồng ý,Không đồng ý\nA,Giấy khen,,\n";
    let dir = project(
        &[("d.csv", data)],
        "{{#each rows}}{{ma}} {{bieu_quyet.ket_qua}}{{/each}}",
        &votes_manifest(11),
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        warnings(&run),
        ["d.csv:C2: warning: votes on 'd': no vote count; the nominee is marked not passed"]
    );
    assert_eq!(body(&dir.path().join("out/bb.docx")), "A Chưa biểu quyết");
}

const UNITS: &str = "Mã đơn vị,Tên đơn vị,Số biên chế\nVP,Văn phòng Sở,20\nTTR,Thanh tra Sở,12\n";

fn quota_manifest() -> &'static str {
    r#"
[sources.u]
file = "u.csv"

[sources.d]
file = "d.csv"

[[joins]]
into = "d"
from = "u"
key = "ma_don_vi"
as = "don_vi"
one = true

[[quotas]]
name = "chien-si"
source = "d"
per = "ma_don_vi"
when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")'
max = "15%"
of = "don_vi.so_bien_che"
field = "hinh_thuc"

[[quotas]]
name = "bang-khen"
source = "d"
per = "ma_don_vi"
when = '(eq hinh_thuc "Bằng khen")'
max = 1

[[documents]]
kind = "x"
template = "t.docx"
source = "d"
whole = true
name = "x.docx"
"#
}

#[test]
fn quotas_warn_at_the_first_row_beyond_them_and_not_at_the_limit() {
    // VP: 15% of 20 = 3 Chiến sĩ (3 given: at the limit), 2 Bằng khen (1 allowed);
    // TTR: 15% of 12 = 1.8, so 1 Chiến sĩ (2 given).
    let nominations = "Mã đơn vị,Họ và tên,Hình thức\n\
        VP,An,Chiến sĩ thi đua cơ sở\nVP,Bình,Chiến sĩ thi đua cơ sở\nVP,Chi,Chiến sĩ thi đua cơ sở\n\
        TTR,Dũng,Chiến sĩ thi đua cơ sở\nVP,Em,Bằng khen\nTTR,Giang,Chiến sĩ thi đua cơ sở\n\
        VP,Hà,Bằng khen\nTTR,Khoa,Bằng khen\n";
    let dir = project(
        &[("u.csv", UNITS), ("d.csv", nominations)],
        "{{count rows}}",
        quota_manifest(),
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        warnings(&run),
        [
            "d.csv:C7: warning: quota 'chien-si': 'TTR' has 2, over its quota of 1 (15% of 12)",
            "d.csv:A8: warning: quota 'bang-khen': 'VP' has 2, over its quota of 1",
        ]
    );
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(warnings(&check).len(), 2, "{}", check.stderr);
    assert!(
        check
            .stderr
            .ends_with("vanban.toml: no errors; 2 warnings\n"),
        "{}",
        check.stderr
    );
}

#[test]
fn computed_fields_keep_their_type_and_ranks_share_ties() {
    let scores = "Mã đơn vị,Điểm\nA,40\nA,45.5\nB,90\nC,80\nD,85.5\nE,70\n";
    let units = "Mã đơn vị\nA\nB\nC\nD\nE\n";
    let manifest = r#"
[sources.u]
file = "u.csv"

[sources.s]
file = "s.csv"

[[joins]]
into = "u"
from = "s"
key = "ma_don_vi"
as = "diem"

[[fields]]
source = "u"
name = "tong"
value = '(sum diem "diem")'

[[fields]]
source = "u"
name = "hang"
rank = "tong"

[[fields]]
source = "u"
name = "thap"
rank = "tong"
order = "asc"

[[fields]]
source = "u"
name = "nhan"
value = '{{ma_don_vi}}-{{hang}}-{{thap}}'

[[documents]]
kind = "x"
template = "t.docx"
source = "u"
whole = true
name = "x.docx"
"#;
    let dir = project(
        &[("u.csv", units), ("s.csv", scores)],
        "{{#each (sort rows \"hang\")}}{{nhan}} {{tong}}; {{/each}}",
        manifest,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/x.docx")),
        "B-1-5 90; A-2-3 85,5; D-2-3 85,5; C-4-2 80; E-5-1 70; "
    );
}

#[test]
fn steps_apply_in_the_order_the_manifest_writes_them() {
    // The join written after the field copies rows that have it; the one before does not.
    let units = "Mã đơn vị,Tên đơn vị\nVP,Văn phòng Sở\n";
    let staff = "Mã đơn vị,Họ và tên\nVP,An\n";
    let manifest = r#"
[sources.u]
file = "u.csv"

[sources.c]
file = "c.csv"

[[joins]]
into = "u"
from = "c"
key = "ma_don_vi"
as = "truoc"

[[fields]]
source = "c"
name = "ten_in"
value = '{{hoa ho_va_ten}}'

[[joins]]
into = "u"
from = "c"
key = "ma_don_vi"
as = "sau"

[[documents]]
kind = "x"
template = "t.docx"
source = "u"
name = "x.docx"
"#;
    let dir = project(
        &[("u.csv", units), ("c.csv", staff)],
        "{{#each sau}}{{ten_in}}{{/each}} {{#each truoc}}{{default ten_in \"-\"}}{{/each}}",
        manifest,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(body(&dir.path().join("out/x.docx")), "AN -");
}

#[test]
fn each_unit_keeps_its_own_book_and_kinds_with_one_symbol_share_theirs() {
    let units = "Mã đơn vị,Ký hiệu,Đã nộp\nVP,VP,Không\nQLDD,QLĐĐ,Không\nTTR,TTr,Có\n";
    let manifest = r#"
[globals]
ngay_ky = 2025-12-01

[sources.u]
file = "u.csv"

[[documents]]
kind = "ke-hoach"
template = "t.docx"
source = "u"
name = "{{ma_don_vi}}/KH.docx"
numbering = { symbol = "KH-{{ky_hieu}}", per = "ma_don_vi" }

[[documents]]
kind = "cong-van-don-doc"
template = "t.docx"
source = "u"
filter = '(eq da_nop "Không")'
name = "{{ma_don_vi}}/CV.docx"
numbering = { symbol = "STNMT-VP", first = 7 }

[[documents]]
kind = "giay-moi"
template = "t.docx"
source = "u"
name = "{{ma_don_vi}}/GM.docx"
numbering = { symbol = "STNMT-VP" }
"#;
    let dir = project(&[("u.csv", units)], "Số: {{so_ky_hieu}}", manifest);
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let number = |f: &str| body(&dir.path().join("out").join(f));
    assert_eq!(number("VP/KH.docx"), "Số: 01/KH-VP");
    assert_eq!(number("QLDD/KH.docx"), "Số: 01/KH-QLĐĐ");
    assert_eq!(number("TTR/KH.docx"), "Số: 01/KH-TTr");
    assert_eq!(number("VP/CV.docx"), "Số: 07/STNMT-VP");
    assert_eq!(number("QLDD/CV.docx"), "Số: 08/STNMT-VP");
    // The invitations continue the same book.
    assert_eq!(number("VP/GM.docx"), "Số: 09/STNMT-VP");
    assert_eq!(number("TTR/GM.docx"), "Số: 11/STNMT-VP");
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(
        summary.contains("  08/STNMT-VP\t01/12/2025\tcong-van-don-doc\tQLDD\tQLDD/CV.docx\n"),
        "{summary}"
    );
}

#[test]
fn a_grouped_document_gets_one_file_per_unit_with_its_rows_and_the_joined_unit() {
    let units = "Mã đơn vị,Tên đơn vị\nVP,Văn phòng Sở\nTTR,Thanh tra Sở\n";
    let staff = "Mã đơn vị,Họ và tên\nVP,An\nTTR,Bình\nVP,Chi\n";
    let manifest = r#"
[sources.u]
file = "u.csv"

[sources.c]
file = "c.csv"

[[joins]]
into = "c"
from = "u"
key = "ma_don_vi"
as = "don_vi"
one = true

[[documents]]
kind = "danh-sach"
template = "t.docx"
source = "c"
group_by = "ma_don_vi"
name = "{{ma_don_vi}}/DS.docx"
"#;
    let dir = project(
        &[("u.csv", units), ("c.csv", staff)],
        "{{don_vi.ten_don_vi}} ({{count}}): {{#each rows}}{{ho_va_ten}};{{/each}}",
        manifest,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/VP/DS.docx")),
        "Văn phòng Sở (2): An;Chi;"
    );
    assert_eq!(
        body(&dir.path().join("out/TTR/DS.docx")),
        "Thanh tra Sở (1): Bình;"
    );
}

#[test]
fn a_combined_file_cannot_leave_the_output_folder() {
    let manifest = r#"
[sources.u]
file = "u.csv"

[[documents]]
kind = "x"
template = "t.docx"
source = "u"
name = "{{ma}}.docx"
combine = "../../ra-ngoai.docx"
"#;
    let dir = project(&[("u.csv", "Mã\nA\nB\n")], "{{ma}}", manifest);
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(body(&dir.path().join("out/ra-ngoai.docx")), "A\nB");
    assert!(!dir.path().join("ra-ngoai.docx").exists());
    assert!(!dir.path().parent().unwrap().join("ra-ngoai.docx").exists());
}

#[test]
fn a_source_joined_and_read_again_keeps_its_rows() {
    // `c` is joined into `u`, then makes documents of its own: the join copies its rows.
    // `s` is read by nothing after its join: the join takes its rows (no copy), same output.
    let units = "Mã đơn vị\nVP\nTTR\n";
    let staff = "Mã đơn vị,Họ và tên\nVP,An\nTTR,Bình\nVP,Chi\n";
    let manifest = r#"
[sources.u]
file = "u.csv"

[sources.c]
file = "c.csv"

[sources.s]
file = "c.csv"

[[joins]]
into = "u"
from = "c"
key = "ma_don_vi"
as = "can_bo"

[[joins]]
into = "u"
from = "s"
key = "ma_don_vi"
as = "ban_sao"

[[documents]]
kind = "don-vi"
template = "t.docx"
source = "u"
whole = true
name = "u.docx"

[[documents]]
kind = "can-bo"
template = "t2.docx"
source = "c"
name = "{{ho_va_ten}}.docx"
"#;
    let dir = project(
        &[("u.csv", units), ("c.csv", staff)],
        "{{#each rows}}{{ma_don_vi}}:{{#each can_bo}}{{ho_va_ten}}{{/each}}/{{#each ban_sao}}{{ho_va_ten}}{{/each}};{{/each}}",
        manifest,
    );
    std::fs::write(
        dir.path().join("t2.docx"),
        DocxBuilder::new(p(&["{{ho_va_ten}}"])).build(),
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/u.docx")),
        "VP:AnChi/AnChi;TTR:Bình/Bình;"
    );
    for name in ["An", "Bình", "Chi"] {
        assert_eq!(body(&dir.path().join(format!("out/{name}.docx"))), name);
    }
}

#[test]
fn a_symbol_naming_a_missing_field_stops_the_run_before_anything_is_written() {
    let manifest = r#"
[sources.u]
file = "u.csv"

[[documents]]
kind = "a"
template = "t2.docx"
source = "u"
name = "a-{{ma}}.docx"

[[documents]]
kind = "ke-hoach"
template = "t.docx"
source = "u"
name = "kh-{{ma}}.docx"
numbering = { symbol = "KH-{{ky_hieeu}}" }
"#;
    let dir = project(
        &[("u.csv", "Mã,Ký hiệu\nA,VP\n")],
        "{{so_ky_hieu}}",
        manifest,
    );
    std::fs::write(
        dir.path().join("t2.docx"),
        DocxBuilder::new(p(&["{{ma}}"])).build(),
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "numbering symbol: 'KH-{{ky_hieeu}}': no field 'ky_hieeu' in the data (rendering u.csv:A2)\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("out").exists());
}
