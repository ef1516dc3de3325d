//! The office's own spreadsheets (issue 12): every value read as the clerk sees it on screen,
//! or refused / warned with its place and the fix.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};
use serde_json::{Value, json};

use crate::common::*;

/// `vanban data FILE ARGS...` in `dir`: the rows, and what went to stderr.
fn data(dir: &Path, file: &str, args: &[&str]) -> (Vec<Value>, String) {
    let mut all = vec!["data", file];
    all.extend_from_slice(args);
    let run = vanban(dir, &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    (rows, run.stderr)
}

fn column(rows: &[Value], key: &str) -> Vec<Value> {
    rows.iter().map(|r| r[key].clone()).collect()
}

/// A workbook such as an office keeps: CCCD numbers formatted `000000000000`, rates as
/// percentages, money computed by formulas with binary noise in their cached values.
fn formatted_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("CanBo").unwrap();
    let padded = Format::new().set_num_format("000000000000");
    let percent = Format::new().set_num_format("0%");
    let percent1 = Format::new().set_num_format("0.0%");
    let money = Format::new().set_num_format("#,##0");
    for (c, h) in ["Họ và tên", "CCCD", "Tỷ lệ", "Tiền"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Nguyễn Văn An").unwrap();
    sheet
        .write_number_with_format(1, 1, 1_080_012_345.0, &padded)
        .unwrap();
    sheet
        .write_number_with_format(1, 2, 0.85, &percent)
        .unwrap();
    sheet
        .write_formula_with_format(1, 3, "=(2.34+0.3)*2340000", &money)
        .unwrap()
        .set_formula_result(1, 3, format!("{}", (2.34 + 0.3) * 2_340_000.0));
    sheet.write_string(2, 0, "Trần Thị Bình").unwrap();
    sheet
        .write_number_with_format(2, 1, 12_345_678_901.0, &padded)
        .unwrap();
    sheet
        .write_number_with_format(2, 2, 0.855, &percent1)
        .unwrap();
    sheet.write_number(2, 3, 0.1 + 0.2).unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn number_formats_show_as_excel_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    formatted_workbook(&dir.path().join("can-bo.xlsx"));
    let (rows, stderr) = data(dir.path(), "can-bo.xlsx", &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        column(&rows, "cccd"),
        [json!("001080012345"), json!("012345678901")]
    );
    assert_eq!(column(&rows, "ty_le"), [json!("85%"), json!("85,5%")]);
    assert_eq!(column(&rows, "tien"), [json!(6177600), json!(0.3)]);
}

#[test]
fn formatted_numbers_print_and_compare_as_shown_in_documents() {
    let dir = tempfile::tempdir().unwrap();
    formatted_workbook(&dir.path().join("can-bo.xlsx"));
    let builder = DocxBuilder::new(p(&[
        "{{cccd}} {{ty_le}} {{#if (gt ty_le 0.851)}}trên{{else}}dưới{{/if}} {{tien}} {{so tien}} {{doc_tien tien}}",
    ]));
    std::fs::write(dir.path().join("t.docx"), builder.build()).unwrap();
    let run = vanban(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "can-bo.xlsx",
            "--name",
            "{{_row}}.docx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/2.docx")),
        "001080012345 85% dưới 6177600 6.177.600 Sáu triệu một trăm bảy mươi bảy nghìn sáu trăm đồng"
    );
    assert!(
        body(&dir.path().join("out/3.docx")).starts_with("012345678901 85,5% trên 0,3 0,3 "),
        "{}",
        body(&dir.path().join("out/3.docx"))
    );
}
