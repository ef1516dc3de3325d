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
