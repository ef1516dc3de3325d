//! `vanban run` and `vanban check MANIFEST`: sources, joins, filters, the summary.

use crate::common::*;

/// A folder with a unit sheet (CSV), a staff sheet (CSV), a template and a manifest.
fn batch(staff: &str, extra_manifest: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let template = DocxBuilder::new(
        [
            p(&["Đơn vị: {{ten_don_vi}} ({{nam}})"]),
            table(&[
                row(&["STT", "Họ và tên"]),
                row(&["{{#each can_bo}}{{stt}}", "{{ho_va_ten}}{{/each}}"]),
            ]),
        ]
        .concat(),
    );
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::create_dir_all(dir.path().join("inputs")).unwrap();
    std::fs::write(dir.path().join("templates/bao-cao.docx"), template.build()).unwrap();
    std::fs::write(
        dir.path().join("inputs/don-vi.csv"),
        "Mã đơn vị,Tên đơn vị,Đã báo cáo\nVP,Văn phòng Sở,Có\nTTR,Thanh tra Sở,\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("inputs/can-bo.csv"), staff).unwrap();
    let manifest = format!(
        r#"
[globals]
nam = 2025

[sources.don_vi]
file = "inputs/don-vi.csv"

[sources.can_bo]
file = "inputs/can-bo.csv"

[[joins]]
into = "don_vi"
from = "can_bo"
key = "ma_don_vi"
as = "can_bo"

[[documents]]
kind = "bao-cao"
template = "templates/bao-cao.docx"
source = "don_vi"
name = "{{{{ma_don_vi}}}}/Bao-cao-{{{{ma_don_vi}}}}.docx"
combine = "So/Bao-cao-tat-ca.docx"
{extra_manifest}
"#
    );
    std::fs::create_dir_all(dir.path().join("batch")).unwrap();
    std::fs::write(dir.path().join("vanban.toml"), manifest).unwrap();
    dir
}

const STAFF: &str = "Mã đơn vị,Họ và tên\nVP,Nguyễn Văn An\nTTR,Lê Thị Bình\nVP,Trần Văn Cường\n";

#[test]
fn run_makes_one_document_per_unit_with_its_joined_staff() {
    let dir = batch(STAFF, "");
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        docx_files(&dir.path().join("out")),
        [
            "So/Bao-cao-tat-ca.docx",
            "TTR/Bao-cao-TTR.docx",
            "VP/Bao-cao-VP.docx"
        ]
    );
    let vp = dir.path().join("out/VP/Bao-cao-VP.docx");
    let rows = vanban::testkit::table_rows(
        &entry_text(&std::fs::read(&vp).unwrap(), "word/document.xml").unwrap(),
        1,
    );
    assert_eq!(
        rows,
        [
            ["STT", "Họ và tên"],
            ["1", "Nguyễn Văn An"],
            ["2", "Trần Văn Cường"]
        ]
    );
    assert!(body(&vp).starts_with("Đơn vị: Văn phòng Sở (2025)"));
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(
        summary.contains(
            "bao-cao: 2 of 2 documents written\n  VP/Bao-cao-VP.docx\n  TTR/Bao-cao-TTR.docx\n"
        ),
        "{summary}"
    );
}

#[test]
fn a_staff_row_whose_unit_does_not_exist_is_a_located_error_and_nothing_is_written() {
    let dir = batch("Mã đơn vị,Họ và tên\nVP,An\nXYZ,Bình\n", "");
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "inputs/can-bo.csv:A3: 'XYZ' matches no row of 'don_vi' (inputs/don-vi.csv)\n\
         hint: add 'XYZ' to inputs/don-vi.csv, or correct the code\nerror: 1 problem found; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists());
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert_eq!(check.code, 2);
    assert!(
        check
            .stderr
            .ends_with("error: 1 problem found in vanban.toml\n"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_filter_keeps_only_the_documents_it_is_true_for() {
    let extra = r#"
[[documents]]
kind = "don-doc"
template = "templates/bao-cao.docx"
source = "don_vi"
filter = "(not da_bao_cao)"
"#;
    let dir = batch(STAFF, extra);
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = docx_files(&dir.path().join("out"));
    assert!(files.contains(&"don-doc-3.docx".to_string()), "{files:?}");
    assert!(!files.contains(&"don-doc-2.docx".to_string()), "{files:?}");
}

#[test]
fn check_reports_every_manifest_problem_at_once() {
    let extra = r#"
[[documents]]
kind = "x"
template = "templates/khong-co.docx"
source = "don_vii"
"#;
    let dir = batch(STAFF, extra);
    let run = vanban(dir.path(), &["check", "vanban.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "vanban.toml: documents 'x': no source 'don_vii'\nhint: did you mean 'don_vi'?"
        ),
        "{}",
        run.stderr
    );
    let run = vanban(dir.path(), &["check", "batch/../vanban.toml"]);
    assert_eq!(run.code, 2, "paths resolve relative to the manifest");
}

#[test]
fn a_manifest_that_is_not_toml_is_located() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "out = \"out\"\n[sources\n").unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("vanban.toml:2: "), "{}", run.stderr);
}

#[test]
fn a_second_run_gives_byte_identical_files() {
    let dir = batch(STAFF, "");
    assert_eq!(vanban(dir.path(), &["run"]).code, 0);
    let first = std::fs::read(dir.path().join("out/So/Bao-cao-tat-ca.docx")).unwrap();
    assert_eq!(vanban(dir.path(), &["run"]).code, 0);
    let second = std::fs::read(dir.path().join("out/So/Bao-cao-tat-ca.docx")).unwrap();
    assert!(first == second);
}

#[test]
fn numbers_are_assigned_in_run_order_padded_and_a_given_number_wins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["Số: {{so_ky_hieu}}"])).build(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("u.csv"),
        "Mã đơn vị,Số\nVP,\nTTR,45\nCCBVMT,\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        r#"
[globals]
ngay_ky = 2025-03-05

[sources.u]
file = "u.csv"

[[documents]]
kind = "ke-hoach"
template = "t.docx"
source = "u"
name = "{{ma_don_vi}}/KH-{{so}}.docx"
numbering = { symbol = "KH-STNMT", first = 9 }
"#,
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/VP/KH-09.docx")),
        "Số: 09/KH-STNMT"
    );
    assert_eq!(
        body(&dir.path().join("out/TTR/KH-45.docx")),
        "Số: 45/KH-STNMT"
    );
    assert_eq!(
        body(&dir.path().join("out/CCBVMT/KH-10.docx")),
        "Số: 10/KH-STNMT"
    );
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(
        summary.contains(
            "register (number\tdate\tkind\tunit\tfile)\n  09/KH-STNMT\t05/03/2025\tke-hoach\tVP\tVP/KH-09.docx\n  45/KH-STNMT\t05/03/2025\tke-hoach\tTTR\tTTR/KH-45.docx\n  10/KH-STNMT\t05/03/2025\tke-hoach\tCCBVMT\tCCBVMT/KH-10.docx\n"
        ),
        "{summary}"
    );
}

#[test]
fn a_rule_warns_at_the_cell_of_each_row_that_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["{{ho_va_ten}}"])).build(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d.csv"),
        "Họ và tên,Hình thức,Xếp loại\n\
         An,Lao động tiên tiến,Hoàn thành tốt nhiệm vụ\n\
         Bình,Lao động tiên tiến,Hoàn thành nhiệm vụ\n\
         Chi,Giấy khen,Hoàn thành nhiệm vụ\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        r#"
[sources.d]
file = "d.csv"

[[rules]]
name = "lao-dong-tien-tien"
source = "d"
when = '(eq hinh_thuc "Lao động tiên tiến")'
require = '(in xep_loai "Hoàn thành tốt nhiệm vụ" "Hoàn thành xuất sắc nhiệm vụ")'
field = "xep_loai"
message = "Lao động tiên tiến needs a rating of Hoàn thành tốt nhiệm vụ or better (Law art. 24)"

[[documents]]
kind = "x"
template = "t.docx"
source = "d"
"#,
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = "d.csv:C3: warning: rule 'lao-dong-tien-tien': Lao động tiên tiến needs a rating of Hoàn thành tốt nhiệm vụ or better (Law art. 24)";
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("warning:"))
            .collect::<Vec<_>>(),
        [warning]
    );
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(
        summary.contains(&format!("warnings\n  {warning}\n")),
        "{summary}"
    );
}
