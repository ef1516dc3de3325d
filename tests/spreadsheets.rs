//! The office's own spreadsheets (issue 12): every value read as the clerk sees it on screen,
//! or refused / warned with its place and the fix.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};
use serde_json::{Value, json};

use crate::common::*;

/// `vanban data FILE ARGS...` in `dir`: the rows, and what went to stderr.
pub(crate) fn data(dir: &Path, file: &str, args: &[&str]) -> (Vec<Value>, String) {
    let mut all = vec!["data", file];
    all.extend_from_slice(args);
    let run = vanban(dir, &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    (rows, run.stderr)
}

/// `vanban render t.docx --data FILE ARGS...` in `dir`, with a one-paragraph template `text`;
/// it must succeed.
pub(crate) fn render(dir: &Path, text: &str, file: &str, args: &[&str]) {
    std::fs::write(dir.join("t.docx"), DocxBuilder::new(p(&[text])).build()).unwrap();
    let mut all = vec!["render", "t.docx", "--data", file];
    all.extend_from_slice(args);
    let run = vanban(dir, &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

pub(crate) fn column(rows: &[Value], key: &str) -> Vec<Value> {
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
    render(
        dir.path(),
        "{{cccd}} {{ty_le}} {{#if (gt ty_le 0.851)}}trên{{else}}dưới{{/if}} {{tien}} {{so tien}} {{doc_tien tien}}",
        "can-bo.xlsx",
        &["--name", "{{_row}}.docx"],
    );
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

// ---------------------------------------------------------------------------------------------
// CSV as Excel writes it in the Vietnamese locale

/// Excel 365 (vi-VN), "CSV UTF-8 (Comma delimited)": a BOM, `;` between fields, CRLF,
/// thousands dots and decimal commas; a header holding a comma.
const EXCEL_VI_CSV: &[u8] = b"\xEF\xBB\xBFH\xe1\xbb\x8d t\xc3\xaan;\xc4\x90\xe1\xbb\x8ba ch\xe1\xbb\x89 (x\xc3\xa3, ph\xc6\xb0\xe1\xbb\x9dng);Ti\xe1\xbb\x81n;\xc4\x90i\xe1\xbb\x83m;CCCD\r\n\
An;X\xc3\xa3 A, huy\xe1\xbb\x87n B;500.000;8,5;001080012345\r\n\
B\xc3\xacnh;Ph\xc6\xb0\xe1\xbb\x9dng C;1.500;7;001080012346\r\n\
Chi;X\xc3\xa3 D;1.250.000;9,25;001080012347\r\n";

#[test]
fn a_vietnamese_excel_csv_reads_money_and_marks_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.csv"), EXCEL_VI_CSV).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        rows[0].as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "ho_ten",
            "dia_chi_xa_phuong",
            "tien",
            "diem",
            "cccd",
            "_row"
        ]
    );
    assert_eq!(
        column(&rows, "tien"),
        [json!(500000), json!(1500), json!(1250000)]
    );
    assert_eq!(column(&rows, "diem"), [json!(8.5), json!(7), json!(9.25)]);
    assert_eq!(column(&rows, "cccd")[0], json!("001080012345"));
    assert_eq!(
        column(&rows, "dia_chi_xa_phuong")[0],
        json!("Xã A, huyện B")
    );
}

#[test]
fn a_sum_over_a_vietnamese_csv_is_the_money_the_clerk_typed() {
    let dir = tempfile::tempdir().unwrap();
    let csv =
        "sep=;\r\nĐơn vị;Họ tên;Tiền\r\nVP;An;500.000\r\nVP;Bình;1.500\r\nKT;Chi;1.250.000\r\n";
    std::fs::write(dir.path().join("d.csv"), csv).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(stderr, "");
    assert_eq!(column(&rows, "_row"), [json!(3), json!(4), json!(5)]);
    render(
        dir.path(),
        "{{don_vi}}: {{count}} người, {{so (sum rows \"tien\")}} đồng",
        "d.csv",
        &["--group-by", "don_vi"],
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        ["t-KT.docx", "t-VP.docx"]
    );
    assert_eq!(
        body(&dir.path().join("out/t-VP.docx")),
        "VP: 2 người, 501.500 đồng"
    );
    assert_eq!(
        body(&dir.path().join("out/t-KT.docx")),
        "KT: 1 người, 1.250.000 đồng"
    );
}

#[test]
fn a_csv_column_that_reads_two_ways_stays_text_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Họ tên,Tiền,Phòng\nAn,500.000,12\nBình,1.500,Hội trường\n";
    std::fs::write(dir.path().join("d.csv"), csv).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(column(&rows, "tien"), [json!("500.000"), json!("1.500")]);
    assert_eq!(column(&rows, "phong"), [json!("12"), json!("Hội trường")]);
    assert_eq!(
        stderr,
        "d.csv:B2: note: the numbers of column B ('Tiền') read two ways ('500.000' is 500000 with a thousands dot, 500 with a decimal point), so the column is kept as text, as typed\n\
         hint: templates print these cells as typed; to make them numbers, write every number of the column in one convention with its decimals (8,5 or 1.250.000)\n\
         d.csv:C3: note: column C ('Phòng') holds numbers and text such as 'Hội trường', so the whole column is kept as text, as typed\n\
         hint: to make the column numbers, leave only numbers in it (or empty cells)\n"
    ); // The helpers read such text as the clerk does: a dot before three digits groups thousands.
    render(
        dir.path(),
        "{{tien}} {{doc_tien tien}}",
        "d.csv",
        &["--name", "{{_row}}.docx"],
    );
    assert_eq!(
        body(&dir.path().join("out/2.docx")),
        "500.000 Năm trăm nghìn đồng"
    );
    assert_eq!(
        body(&dir.path().join("out/3.docx")),
        "1.500 Một nghìn năm trăm đồng"
    );
}

#[test]
fn an_english_convention_csv_reads_decimal_points() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Tên,Điểm,Tiền\nAn,8.5,\"1,250,000\"\nBình,7.25,\"500,000\"\n";
    std::fs::write(dir.path().join("d.csv"), csv).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(stderr, "");
    assert_eq!(column(&rows, "diem"), [json!(8.5), json!(7.25)]);
    assert_eq!(column(&rows, "tien"), [json!(1250000), json!(500000)]);
}

// ---------------------------------------------------------------------------------------------
// Encodings

/// UTF-16 LE with a BOM, as Excel's "Unicode Text" writes it.
fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

#[test]
fn excel_unicode_text_is_read_as_csv_or_txt() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Họ tên\tĐịa chỉ (xã, phường)\tTiền\r\nNguyễn Văn An\tXã A, huyện B\t1.250.000\r\n";
    for name in ["d.txt", "d.csv"] {
        std::fs::write(dir.path().join(name), utf16le(text)).unwrap();
        let (rows, stderr) = data(dir.path(), name, &[]);
        assert_eq!(stderr, "", "{name}");
        assert_eq!(
            rows,
            [
                json!({"ho_ten": "Nguyễn Văn An", "dia_chi_xa_phuong": "Xã A, huyện B", "tien": 1250000, "_row": 2})
            ],
            "{name}"
        );
    }
}

#[test]
fn a_windows_1258_csv_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    // "Họ tên;Quê quán\r\nNguyễn Văn Đức;Hà Nội\r\n" as Excel's "CSV (Comma delimited)"
    // writes it on a Vietnamese Windows: tone marks as combining characters.
    let bytes = b"Ho\xf2 t\xean;Qu\xea qua\xecn\r\nNguy\xea\xden V\xe3n \xd0\xfd\xecc;Ha\xcc N\xf4\xf2i\r\n";
    std::fs::write(dir.path().join("d.csv"), bytes).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(
        rows,
        [json!({"ho_ten": "Nguyễn Văn Đức", "que_quan": "Hà Nội", "_row": 2})]
    );
    assert_eq!(
        stderr,
        "d.csv: note: the file is not UTF-8: it was read as Windows-1258 (Vietnamese)\n\
         hint: in Excel 2016 or later, save it as 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 has no CSV UTF-8: hand over the .xlsx instead\n"
    );
}

#[test]
fn a_tcvn3_csv_is_converted_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    // "Họ tên,Quê quán\nAn,Hà Nội\n" typed in TCVN3 (ABC): `Hä tªn,Quª qu¸n\nAn,Hµ Néi`.
    let bytes = b"H\xe4 t\xaan,Qu\xaa qu\xb8n\nAn,H\xb5 N\xe9i\n";
    std::fs::write(dir.path().join("d.csv"), bytes).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(
        rows,
        [json!({"ho_ten": "An", "que_quan": "Hà Nội", "_row": 2})]
    );
    assert_eq!(
        stderr,
        "d.csv: note: the file is not UTF-8: it was read as TCVN3 (ABC) and converted to Unicode\n\
         hint: in Excel 2016 or later, save it as 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 has no CSV UTF-8: hand over the .xlsx instead\n"
    );
}

#[test]
fn a_csv_whose_encoding_cannot_be_told_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.csv"), b"Ten,Tinh\nAn,H\xe0 N\xf4i\n").unwrap();
    let run = vanban(dir.path(), &["data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "d.csv:line 2: the file is not UTF-8 text and its encoding cannot be told for certain (cell B2)\n\
         hint: in Excel 2016 or later, save it as 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 has no CSV UTF-8: hand over the .xlsx instead\n\
         error: 1 problem found; nothing was written\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Rows that are not records

/// A list as offices keep it: section headings, a `Cộng` row per section, a `Tổng cộng` row
/// and the signature block under the table.
fn sectioned_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("DanhSach").unwrap();
    let rows: &[&[&str]] = &[
        &["STT", "Họ và tên", "Đơn vị", "Tiền"],
        &["I. VĂN PHÒNG SỞ"],
        &["1", "Nguyễn Văn An", "VP", "500000"],
        &["2", "Trần Thị Bình", "VP", "1500"],
        &["", "Cộng", "", "501500"],
        &["II. CHI CỤC THỦY LỢI"],
        &["3", "Lê Văn Chi", "CCTL", "1250000"],
        &["", "Tổng cộng", "", "1751500"],
        &[],
        &[
            "",
            "Người lập biểu",
            "",
            "Hà Nội, ngày 05 tháng 01 năm 2026",
        ],
        &["", "Phạm Dũng", "", "Mai Thái"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            match text.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write_string(r as u32, c as u16, *text).unwrap(),
            };
        }
    }
    workbook.save(path).unwrap();
}

#[test]
fn totals_sections_and_signatures_are_not_records() {
    let dir = tempfile::tempdir().unwrap();
    sectioned_workbook(&dir.path().join("ds.xlsx"));
    let (rows, stderr) = data(dir.path(), "ds.xlsx", &[]);
    assert_eq!(column(&rows, "_row"), [json!(3), json!(4), json!(7)]);
    assert_eq!(
        column(&rows, "_muc"),
        [
            json!("I. VĂN PHÒNG SỞ"),
            json!("I. VĂN PHÒNG SỞ"),
            json!("II. CHI CỤC THỦY LỢI")
        ]
    );
    assert_eq!(
        stderr,
        "ds.xlsx:DanhSach!A2: note: row 2 is a section heading ('I. VĂN PHÒNG SỞ'), not a record: the rows under it have it in the field '_muc'\n\
         ds.xlsx:DanhSach!A5: note: row 5 is a totals row ('Cộng'), not a record, so it is left out\n\
         ds.xlsx:DanhSach!A6: note: row 6 is a section heading ('II. CHI CỤC THỦY LỢI'), not a record: the rows under it have it in the field '_muc'\n\
         ds.xlsx:DanhSach!A8: note: row 8 is a totals row ('Tổng cộng'), not a record, so it is left out\n\
         ds.xlsx:DanhSach!A10: note: rows 10-11: the signature block under the table ('Người lập biểu'), not records, so they are left out\n"
    );

    render(
        dir.path(),
        "{{_muc}}: {{count}} người, {{so (sum rows \"tien\")}} đồng",
        "ds.xlsx",
        &["--group-by", "_muc", "--name", "{{count}}.docx"],
    );
    assert_eq!(docx_files(&dir.path().join("out")), ["1.docx", "2.docx"]);
    assert_eq!(
        body(&dir.path().join("out/2.docx")),
        "I. VĂN PHÒNG SỞ: 2 người, 501.500 đồng"
    );
    assert_eq!(
        body(&dir.path().join("out/1.docx")),
        "II. CHI CỤC THỦY LỢI: 1 người, 1.250.000 đồng"
    );
}

// ---------------------------------------------------------------------------------------------
// Merged cells and hidden sheets

#[test]
fn a_unit_merged_down_its_rows_belongs_to_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let hidden = workbook.add_worksheet().set_name("Cu").unwrap();
    hidden.write_string(0, 0, "Cũ").unwrap();
    hidden.set_hidden(true);
    let sheet = workbook.add_worksheet().set_name("DanhSach").unwrap();
    sheet.set_active(true);
    for (c, h) in ["Đơn vị", "Họ và tên", "Tiền"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet
        .merge_range(1, 0, 3, 0, "Văn phòng", &Format::new())
        .unwrap();
    sheet
        .merge_range(4, 0, 5, 0, "Chi cục", &Format::new())
        .unwrap();
    for (r, (name, money)) in [
        ("An", 100),
        ("Bình", 200),
        ("Chi", 300),
        ("Dũng", 400),
        ("Em", 500),
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(r as u32 + 1, 1, *name).unwrap();
        sheet.write_number(r as u32 + 1, 2, *money).unwrap();
    }
    workbook.save(dir.path().join("ds.xlsx")).unwrap();
    let (rows, stderr) = data(dir.path(), "ds.xlsx", &[]);
    assert_eq!(
        stderr,
        "ds.xlsx: note: the sheet 'DanhSach' is read: 'Cu' before it is hidden\n\
         hint: give --sheet NAME to read another sheet\n"
    );
    assert_eq!(
        column(&rows, "don_vi"),
        ["Văn phòng", "Văn phòng", "Văn phòng", "Chi cục", "Chi cục"]
    );
    render(
        dir.path(),
        "{{don_vi}}: {{count}} người, {{sum rows \"tien\"}}",
        "ds.xlsx",
        &["--group-by", "don_vi"],
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        ["t-Chi cục.docx", "t-Văn phòng.docx"]
    );
    assert_eq!(
        body(&dir.path().join("out/t-Văn phòng.docx")),
        "Văn phòng: 3 người, 600"
    );
}

// ---------------------------------------------------------------------------------------------
// The header row

#[test]
fn a_header_under_a_title_block_is_found_or_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("CanBo").unwrap();
    sheet.write_string(0, 0, "UBND TỈNH NGHỆ AN").unwrap();
    sheet
        .write_string(0, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .unwrap();
    sheet
        .merge_range(2, 0, 2, 3, "DANH SÁCH CÁN BỘ", &Format::new())
        .unwrap();
    for (c, h) in ["STT", "Họ và tên", "Năm sinh", "Ghi chú"]
        .iter()
        .enumerate()
    {
        sheet.write_string(4, c as u16, *h).unwrap();
    }
    sheet.write_number(5, 0, 1).unwrap();
    sheet.write_string(5, 1, "An").unwrap();
    sheet.write_number(5, 2, 1980).unwrap();
    workbook.save(dir.path().join("cb.xlsx")).unwrap();
    let (rows, stderr) = data(dir.path(), "cb.xlsx", &[]);
    assert_eq!(
        rows,
        [json!({"stt": 1, "ho_va_ten": "An", "nam_sinh": 1980, "ghi_chu": "", "_row": 6})]
    );
    assert_eq!(
        stderr,
        "cb.xlsx:CanBo: note: row 5 is taken as the header row: the rows above it are a title\n\
         hint: give --header-row N to take another row (--header-row 5 says this one)\n"
    );

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("So").unwrap();
    sheet.write_string(0, 0, "Báo cáo").unwrap();
    for c in 0..3u16 {
        sheet.write_number(1, c, f64::from(c)).unwrap();
    }
    workbook.save(dir.path().join("so.xlsx")).unwrap();
    let run = vanban(dir.path(), &["data", "so.xlsx"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "so.xlsx:So: cannot tell which row holds the column headers: row 1 and the rows under it do not look like a header over a table\n\
         hint: give --header-row N, the number of the row of the column headers\n\
         error: 1 problem found; nothing was written\n"
    );
}

/// `diem.xlsx`, sheet `Diem`: a title in row 1, a header over rows 3-4 (`STT` and `Đơn vị`
/// merged down, `Điểm` merged across `Tự chấm` and `Hội đồng`), two units in rows 5-6.
pub(crate) fn score_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Diem").unwrap();
    let merged = Format::new();
    sheet.write_string(0, 0, "BẢNG ĐIỂM THI ĐUA").unwrap();
    sheet.merge_range(2, 0, 3, 0, "STT", &merged).unwrap();
    sheet.merge_range(2, 1, 3, 1, "Đơn vị", &merged).unwrap();
    sheet.merge_range(2, 2, 2, 3, "Điểm", &merged).unwrap();
    sheet.write_string(3, 2, "Tự chấm").unwrap();
    sheet.write_string(3, 3, "Hội đồng").unwrap();
    for (r, (unit, own, board)) in [("VP", 95.5, 94.0), ("CCTL", 90.0, 88.5)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 4;
        sheet.write_number(r, 0, f64::from(r - 3)).unwrap();
        sheet.write_string(r, 1, *unit).unwrap();
        sheet.write_number(r, 2, *own).unwrap();
        sheet.write_number(r, 3, *board).unwrap();
    }
    workbook.save(path).unwrap();
}

#[test]
fn a_two_row_header_names_fields_from_both_rows() {
    let dir = tempfile::tempdir().unwrap();
    score_workbook(&dir.path().join("diem.xlsx"));
    let (rows, stderr) = data(dir.path(), "diem.xlsx", &[]);
    assert_eq!(
        rows,
        [
            json!({"stt": 1, "don_vi": "VP", "diem_tu_cham": 95.5, "diem_hoi_dong": 94, "_row": 5}),
            json!({"stt": 2, "don_vi": "CCTL", "diem_tu_cham": 90, "diem_hoi_dong": 88.5, "_row": 6}),
        ]
    );
    assert_eq!(
        stderr,
        "diem.xlsx:Diem: note: row 3 is taken as the header row: the rows above it are a title\n\
         hint: give --header-row N to take another row (--header-row 3 says this one)\n\
         diem.xlsx:Diem: note: rows 3-4 are a two-row header: a merged header over several columns is joined to the header under it (row 4 is no record)\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Files that are not what their name says

#[test]
fn an_xml_spreadsheet_or_a_web_page_named_xls_is_named_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let xml = "<?xml version=\"1.0\"?>\r\n<?mso-application progid=\"Excel.Sheet\"?>\r\n\
        <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\r\n\
        <Worksheet ss:Name=\"Sheet1\"><Table><Row><Cell><Data ss:Type=\"String\">Họ tên</Data></Cell></Row></Table></Worksheet></Workbook>\r\n";
    std::fs::write(dir.path().join("bao-cao.xls"), xml).unwrap();
    let html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\
        <head><meta charset=\"utf-8\"></head><body><table><tr><td>Họ tên</td></tr></table></body></html>";
    std::fs::write(dir.path().join("xuat.xls"), html).unwrap();
    for (file, what) in [
        ("bao-cao.xls", "an XML Spreadsheet 2003 file"),
        ("xuat.xls", "a web page (HTML)"),
    ] {
        let run = vanban(dir.path(), &["data", file]);
        assert_eq!(run.code, 2, "{file}");
        assert_eq!(
            run.stderr,
            format!(
                "{file}: cannot read the workbook: it is {what} with a .xls name, not a real .xls file\n\
                 hint: open it in Excel (or LibreOffice Calc) and save it as an Excel Workbook (.xlsx)\n\
                 error: 1 problem found; nothing was written\n"
            )
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Keys that look equal

#[test]
fn units_that_differ_only_in_invisible_spaces_are_one_unit_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Đơn vị,Họ tên,Tiền\nVP,An,100\nVP ,Bình,200\nVP\u{a0},Chi,300\nKT,Dũng,400\n";
    std::fs::write(dir.path().join("d.csv"), csv).unwrap();
    let (rows, stderr) = data(dir.path(), "d.csv", &[]);
    assert_eq!(column(&rows, "don_vi"), ["VP", "VP", "VP", "KT"]);
    assert_eq!(
        stderr,
        "d.csv:A3: warning: 'VP ' and 'VP' in A2 differ only in spaces, so they are taken as one value\n\
         hint: delete the extra spaces in the sheet (Find and Replace) to make the two cells alike\n\
         d.csv:A4: warning: 'VP<NBSP>' and 'VP' in A2 differ only in spaces, so they are taken as one value\n\
         hint: delete the extra spaces in the sheet (Find and Replace) to make the two cells alike\n"
    );
    render(
        dir.path(),
        "{{don_vi}}: {{count}} người, {{sum rows \"tien\"}}",
        "d.csv",
        &["--group-by", "don_vi"],
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        ["t-KT.docx", "t-VP.docx"]
    );
    assert_eq!(body(&dir.path().join("out/t-VP.docx")), "VP: 3 người, 600");
}

// ---------------------------------------------------------------------------------------------
// Hidden rows and columns

/// A list of four people (`DanhSach`: An, Bình, Chi, Dũng) in `loc.xlsx`, with an AutoFilter
/// showing unit `VP` only (rows 3 and 5 hidden), and in `an.xlsx`, with row 3 and column C
/// hidden by hand.
pub(crate) fn hidden_workbooks(dir: &Path) {
    use rust_xlsxwriter::FilterCondition;
    let people = [("An", "VP"), ("Bình", "KT"), ("Chi", "VP"), ("Dũng", "KT")];
    for (name, filtered) in [("loc.xlsx", true), ("an.xlsx", false)] {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet().set_name("DanhSach").unwrap();
        for (c, h) in ["Họ tên", "Đơn vị", "Ghi chú"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, (person, unit)) in people.iter().enumerate() {
            sheet.write_string(r as u32 + 1, 0, *person).unwrap();
            sheet.write_string(r as u32 + 1, 1, *unit).unwrap();
        }
        if filtered {
            sheet.autofilter(0, 0, 4, 2).unwrap();
            sheet
                .filter_column(1, &FilterCondition::new().add_list_filter("VP"))
                .unwrap();
        } else {
            sheet.set_row_hidden(2).unwrap();
            sheet.set_column_hidden(2).unwrap();
        }
        workbook.save(dir.join(name)).unwrap();
    }
}

#[test]
fn rows_hidden_by_an_autofilter_are_left_out_and_hidden_by_hand_kept() {
    let dir = tempfile::tempdir().unwrap();
    hidden_workbooks(dir.path());
    let (rows, stderr) = data(dir.path(), "loc.xlsx", &[]);
    assert_eq!(column(&rows, "ho_ten"), ["An", "Chi"]);
    assert_eq!(
        stderr,
        "loc.xlsx:DanhSach: note: rows 3 and 5 are hidden by the sheet's AutoFilter, so they are left out\n\
         hint: to read every row, give --keep-filtered (keep_filtered = true in a manifest's source), or clear the filter (Data > Clear) and save\n"
    );
    let (rows, stderr) = data(dir.path(), "an.xlsx", &[]);
    assert_eq!(column(&rows, "ho_ten"), ["An", "Bình", "Chi", "Dũng"]);
    assert_eq!(
        stderr,
        "an.xlsx:DanhSach: note: row 3 is hidden in the sheet; it is read like the others\n\
         an.xlsx:DanhSach: note: column C is hidden in the sheet; it is read like the others\n"
    );
}

#[test]
fn workbooks_saved_by_libreoffice_show_numbers_as_calc_shows_them() {
    // tests/fixtures/so-dinh-dang.{xlsx,ods}: written by LibreOffice Calc 7.4 from a workbook
    // with CCCD numbers formatted 000000000000, rates formatted 0% and 0.0%, and money computed
    // by =(2.34+0.3)*2340000; so-dinh-dang.xls: the .xlsx saved as "MS Excel 97" by Calc.
    for file in ["so-dinh-dang.xlsx", "so-dinh-dang.ods", "so-dinh-dang.xls"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(fixture(file), dir.path().join(file)).unwrap();
        let (rows, stderr) = data(dir.path(), file, &[]);
        assert_eq!(stderr, "", "{file}");
        assert_eq!(
            column(&rows, "cccd"),
            ["001080012345", "012345678901"],
            "{file}"
        );
        assert_eq!(column(&rows, "ty_le"), ["85%", "85,5%"], "{file}");
        assert_eq!(
            column(&rows, "tien"),
            [json!(6177600), json!(0.3)],
            "{file}"
        );
    }
}
