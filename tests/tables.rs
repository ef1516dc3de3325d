//! Tables, lists and notes the way offices build them (issue 15): absent columns where the
//! README allows them, check without blind spots, rows as blocks, combined files that
//! paginate per document.

use std::path::Path;

use crate::common::*;

/// The body text of the one document a run wrote to out/.
fn only_output(dir: &Path) -> String {
    let files = docx_files(&dir.join("out"));
    assert_eq!(files.len(), 1, "{files:?}");
    body(&dir.join("out").join(&files[0]))
}

/// A field no row has is fine as `default`'s value, as the condition of `#if` / `#unless`
/// and inside the branch that renders only where it is present.
fn optional_fields() -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["Họp tại {{default phong_hop \"Phòng họp số 1\"}}."]),
            p(&["{{#if so_dien_thoai}}ĐT: {{so_dien_thoai}}{{else}}Không có điện thoại{{/if}}"]),
            p(&["{{#unless fax}}Không có fax{{else}}Fax: {{fax}}{{/unless}}"]),
            p(&["Người nhận: {{ho_ten}}"]),
        ]
        .concat(),
    )
}

#[test]
fn default_if_and_unless_accept_a_column_no_row_has_in_check_and_render() {
    let dir = with_template(&optional_fields(), "d.csv", "Họ tên\nAn\n");
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        only_output(dir.path()),
        "Họp tại Phòng họp số 1.\nKhông có điện thoại\nKhông có fax\nNgười nhận: An"
    );
}

#[test]
fn default_if_and_unless_accept_a_field_no_group_member_has() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_ten}} {{default phong_hop \"P1\"}}{{#if so_dien_thoai}} ĐT {{so_dien_thoai}}{{/if}}"]),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.csv", "Họ tên,Đơn vị\nAn,A\nBình,A\n");
    let args = [
        "render",
        "t.docx",
        "--data",
        "d.csv",
        "--group-by",
        "don_vi",
    ];
    let check = vanban(
        dir.path(),
        &["check", "t.docx", "--data", "d.csv", "--group-by", "don_vi"],
    );
    assert_eq!(check.code, 0, "{}", check.stderr);
    let run = vanban(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(only_output(dir.path()), "An P1\nBình P1");
}

#[test]
fn an_absent_column_outside_its_condition_stays_a_located_error() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#if so_dien_thoai}}có{{/if}}"]),
            p(&["{{#unless so_dien_thoai}}ĐT: {{so_dien_thoai}}{{/unless}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.csv", "Họ tên\nAn\n");
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 2: {{so_dien_thoai}}: no field 'so_dien_thoai' in the data\n\
         hint: d.csv has the fields 'ho_ten'\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_misspelt_field_over_rows_no_record_shows_is_checked_against_every_field_of_the_data() {
    let builder = DocxBuilder::new(
        [
            p(&["{{don_vi}}"]),
            p(&["{{#each rows}}"]),
            p(&["{{ho_tn}}"]),
            p(&["{{/each}}"]),
        ]
        .concat(),
    );
    let data = r#"[{"don_vi": "A", "rows": [], "lanh_dao": [{"ho_ten": "Bình"}]}, {"don_vi": "B", "rows": [], "lanh_dao": []}]"#;
    let dir = with_template(&builder, "d.json", data);
    let check = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert!(
        check.stderr.contains(
            "t.docx: word/document.xml paragraph 3: {{ho_tn}}: no field 'ho_tn' in the data\n\
             hint: did you mean 'ho_ten'?\n"
        ),
        "{}",
        check.stderr
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_helper_written_without_its_argument_says_what_it_needs() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}}: {{doc_tien}}, {{ngay_thang}}"]));
    let dir = with_template(&builder, "d.csv", "Họ tên\nAn\n");
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{doc_tien}}: doc_tien needs a number\n\
         hint: write what it reads after its name: {{doc_tien tong_tien}}\n\
         t.docx: word/document.xml paragraph 1: {{ngay_thang}}: ngay_thang needs a date\n\
         hint: write what it reads after its name: {{ngay_thang ngay_ky}}\n\
         error: 2 problems found in t.docx\n"
    );
}

#[test]
fn check_on_json_names_the_fields_some_records_lack_and_how_many() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}} {{default chuc_vu \"Chuyên viên\"}}"]));
    let data =
        r#"[{"ho_ten": "An", "chuc_vu": "Trưởng phòng"}, {"ho_ten": "Bình"}, {"ho_ten": "Chi"}]"#;
    let dir = with_template(&builder, "d.json", data);
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("d.json: note: 2 of 3 records lack the field 'chuc_vu' (records 2, 3)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_value_is_reported_at_its_own_cell() {
    let builder = DocxBuilder::new(p(&["{{ho_ten}}: {{ngay_thang ngay_ky}}"]));
    let data = "Họ tên,Chức vụ,Ngày ký\nAn,CV,05/03/2023\nBình,CV,32/13/2023\n";
    let dir = with_template(&builder, "d.csv", data);
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 1: {{ngay_thang ngay_ky}}: ngay_thang: expected a date (dd/mm/yyyy), found '32/13/2023' (rendering d.csv:C3)\n\
         error: 1 of 2 documents failed; 1 written to out/\n"
    );
}
