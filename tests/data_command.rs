//! `vanban data`: the rows as templates see them.

use serde_json::{Value, json};

use crate::common::*;

fn rows(args: &[&str], fixtures: &[&str]) -> Vec<Value> {
    let dir = workspace(fixtures);
    let run = vanban(dir.path(), args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("stdout is JSON")
}

#[test]
fn data_prints_typed_values_with_slugs_and_row_numbers() {
    for file in ["don-vi.xlsx", "don-vi.ods"] {
        let rows = rows(&["data", &format!("data/{file}")], &[file]);
        assert_eq!(rows.len(), 5, "{file}");
        let first = &rows[0];
        assert_eq!(first["ma_so_thue"], json!("0109876543"), "{file}");
        assert_eq!(first["so_cong_van"], json!(1207), "{file}");
        assert_eq!(first["so_can_bo"], json!(42), "{file}");
        assert_eq!(first["han_nop"], json!("31/10/2025"), "{file}");
        assert_eq!(first["ngay_hop"], json!("04/11/2025"), "{file}");
        assert_eq!(first["ten_don_vi"], json!("Chi cục Thủy lợi"), "{file}");
        assert_eq!(first["_row"], json!(2), "{file}");
        assert_eq!(rows[2]["phong_hop"], json!(""), "{file}");
        let keys: Vec<&str> = first
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "ma_don_vi",
                "ten_don_vi",
                "thu_truong",
                "han_nop",
                "so_cong_van",
                "so_can_bo",
                "ma_so_thue",
                "ho_so_con_thieu",
                "ngay_hop",
                "gio_hop",
                "phong_hop",
                "_row"
            ],
            "{file}"
        );
    }
}

#[test]
fn data_reads_below_a_title_with_header_row() {
    let rows = rows(
        &["data", "data/khen-thuong.xlsx", "--header-row", "3"],
        &["khen-thuong.xlsx"],
    );
    assert_eq!(rows.len(), 16);
    let numbers: Vec<i64> = rows.iter().map(|r| r["_row"].as_i64().unwrap()).collect();
    assert_eq!(numbers, (4..=19).collect::<Vec<_>>());
}

#[test]
fn data_reads_cached_formula_values_of_another_sheet() {
    let rows = rows(
        &["data", "data/khen-thuong.xlsx", "--sheet", "TongHop"],
        &["khen-thuong.xlsx"],
    );
    let summary: Vec<(String, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["ma_don_vi"].as_str().unwrap().to_string(),
                r["so_nguoi_de_nghi"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [("CCKL".into(), 5), ("TTKN".into(), 4), ("VPDK".into(), 7),]
    );
    // The `Tổng` row (16) is a totals row, not a unit: it is left out (issue 12).
}

#[test]
fn a_missing_sheet_lists_the_sheets_that_exist() {
    let dir = workspace(&["khen-thuong.xlsx"]);
    let run = vanban(
        dir.path(),
        &["data", "data/khen-thuong.xlsx", "--sheet", "CanBo"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("data/khen-thuong.xlsx: no sheet 'CanBo'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("'DanhSach', 'TongHop'"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn a_formula_with_no_saved_value_is_named_once_per_column() {
    // Written by openpyxl, which stores formulas without calculating them.
    let dir = workspace(&["cong-thuc-chua-tinh.xlsx"]);
    let run = vanban(dir.path(), &["data", "data/cong-thuc-chua-tinh.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "data/cong-thuc-chua-tinh.xlsx:Diem!D2: warning: the cell holds a formula with no saved value (and 2 more in this column); it reads as empty\n\
         hint: open the workbook in Excel or LibreOffice and save it: they store each formula's value\n"
    );
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows[0]["tong"], json!(""));
    assert_eq!(rows[0]["diem_hoi_dong"], json!(7.5));
}
