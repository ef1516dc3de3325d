//! `load_table` on the shared fixtures and on small files written here.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::*;
use crate::diag::Severity;

const FIXTURES: &str = "/work/shared/fixtures/data";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn load(path: &Path, options: &LoadOptions) -> Result<Table, Vec<Diagnostic>> {
    let display = format!("inputs/{}", path.file_name().unwrap().to_string_lossy());
    load_table(path, &display, options)
}

fn ok(path: &Path, options: &LoadOptions) -> Table {
    match load(path, options) {
        Ok(table) => table,
        Err(errors) => panic!("{path:?} failed: {errors:#?}"),
    }
}

fn err(path: &Path, options: &LoadOptions) -> Vec<Diagnostic> {
    match load(path, options) {
        Ok(table) => panic!("{path:?} loaded: {table:#?}"),
        Err(errors) => errors,
    }
}

fn sheet(name: &str) -> LoadOptions {
    LoadOptions {
        sheet: Some(name.to_string()),
        ..LoadOptions::default()
    }
}

fn header_row(n: usize) -> LoadOptions {
    LoadOptions {
        header_row: Some(n),
        ..LoadOptions::default()
    }
}

fn keys(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.key.as_str()).collect()
}

fn column(table: &Table, key: &str) -> Vec<Value> {
    table.rows.iter().map(|r| r.fields[key].clone()).collect()
}

fn numbers(table: &Table) -> Vec<usize> {
    table.rows.iter().map(|r| r.number).collect()
}

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const DON_VI_KEYS: [&str; 11] = [
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
];

fn check_don_vi(table: &Table) {
    assert_eq!(table.kind, SourceKind::Spreadsheet);
    assert_eq!(table.sheet.as_deref(), Some("DonVi"));
    assert_eq!(keys(table), DON_VI_KEYS);
    let letters: Vec<&str> = table.columns.iter().map(|c| c.letter.as_str()).collect();
    assert_eq!(
        letters,
        ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
    );
    assert_eq!(table.columns[0].header, "Mã đơn vị");
    assert_eq!(numbers(table), [2, 3, 4, 5, 6]);
    assert!(table.warnings.is_empty(), "{:#?}", table.warnings);

    let first = &table.rows[0].fields;
    assert_eq!(first["ma_don_vi"], json!("CCTL"));
    assert_eq!(first["ten_don_vi"], json!("Chi cục Thủy lợi"));
    assert_eq!(first["ma_so_thue"], json!("0109876543"));
    assert_eq!(first["so_cong_van"], json!(1207));
    assert!(first["so_cong_van"].is_i64());
    assert_eq!(first["so_can_bo"], json!(42));
    assert_eq!(first["han_nop"], json!("31/10/2025"));
    assert_eq!(first["ngay_hop"], json!("04/11/2025"));
    assert_eq!(first["gio_hop"], json!("8 giờ 00"));
    let order: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(order, DON_VI_KEYS);

    assert_eq!(
        column(table, "so_cong_van"),
        [
            json!(1207),
            json!(1208),
            json!(1209),
            json!(1210),
            json!(1211)
        ]
    );
    assert_eq!(
        column(table, "ma_so_thue"),
        [
            json!("0109876543"),
            json!("0106543210"),
            json!("0100234781"),
            json!("0108811452"),
            json!("0107003395")
        ]
    );
    assert_eq!(
        column(table, "han_nop"),
        [
            json!("31/10/2025"),
            json!("05/11/2025"),
            json!("07/11/2025"),
            json!("10/11/2025"),
            json!("14/11/2025")
        ]
    );
    assert_eq!(column(table, "ngay_hop")[2], json!("09/01/2026"));
    assert_eq!(column(table, "phong_hop")[2], json!(""));
    assert_eq!(
        column(table, "ho_so_con_thieu")[3],
        json!("Giải trình các tiêu chí có điểm tự chấm < 50% điểm tối đa & tài liệu minh chứng")
    );
    assert_eq!(
        column(table, "ten_don_vi")[4],
        json!("Trung tâm Nước sạch & Vệ sinh môi trường nông thôn")
    );
    for row in &table.rows {
        assert!(row.errors.is_empty());
        assert_eq!(row.fields.len(), DON_VI_KEYS.len());
    }
}

#[test]
fn don_vi_xlsx_gives_five_rows_of_typed_values() {
    check_don_vi(&ok(&fixture("don-vi.xlsx"), &LoadOptions::default()));
}

#[test]
fn don_vi_ods_gives_the_same_values_as_the_xlsx() {
    check_don_vi(&ok(&fixture("don-vi.ods"), &LoadOptions::default()));
}

#[test]
fn the_sheet_can_be_named() {
    check_don_vi(&ok(&fixture("don-vi.xlsx"), &sheet("DonVi")));
}

#[test]
fn khen_thuong_with_header_row_3_gives_sixteen_people() {
    let table = ok(&fixture("khen-thuong.xlsx"), &header_row(3));
    assert_eq!(table.sheet.as_deref(), Some("DanhSach"));
    assert_eq!(
        keys(&table),
        [
            "ma_don_vi",
            "ten_don_vi",
            "ho_va_ten",
            "chuc_vu",
            "hinh_thuc",
            "ghi_chu"
        ]
    );
    assert_eq!(numbers(&table), (4..=19).collect::<Vec<_>>());
    assert_eq!(table.rows[0].fields["ho_va_ten"], json!("Hoàng Văn Thắng"));
    assert_eq!(table.rows[15].fields["ho_va_ten"], json!("Lò Văn Sướng"));
    assert_eq!(table.rows[15].fields["ma_don_vi"], json!("CCKL"));
    let notes = column(&table, "ghi_chu");
    let filled: Vec<usize> = table
        .rows
        .iter()
        .zip(&notes)
        .filter(|(_, v)| **v != json!(""))
        .map(|(r, _)| r.number)
        .collect();
    assert_eq!(filled, [4, 6, 10, 12, 18, 19]);
    assert!(notes[8].as_str().unwrap().contains("\"cắm mốc\""));
    assert!(table.warnings.is_empty(), "{:#?}", table.warnings);
}

#[test]
fn khen_thuong_without_a_header_row_finds_the_header_below_the_title() {
    let table = ok(&fixture("khen-thuong.xlsx"), &LoadOptions::default());
    assert_eq!(table.columns[0].key, "ma_don_vi");
    assert_eq!(table.rows[0].number, 4);
    assert_eq!(
        table.warnings[0].to_string(),
        "inputs/khen-thuong.xlsx:DanhSach: note: row 3 is taken as the header row: the rows above it are a title\n\
         hint: give --header-row N to take another row (--header-row 3 says this one)"
    );
}

#[test]
fn tong_hop_gives_the_cached_formula_values() {
    let table = ok(&fixture("khen-thuong.xlsx"), &sheet("TongHop"));
    assert_eq!(
        keys(&table),
        ["ma_don_vi", "ten_don_vi", "so_nguoi_de_nghi"]
    );
    // Row 5 is the totals row (`Tổng`, 16): no unit, so no record.
    assert_eq!(numbers(&table), [2, 3, 4]);
    assert_eq!(
        column(&table, "so_nguoi_de_nghi"),
        [json!(5), json!(4), json!(7)]
    );
    assert_eq!(
        table.warnings[0].to_string(),
        "inputs/khen-thuong.xlsx:TongHop!A5: note: row 5 is a totals row ('Tổng'), not a record, so it is left out"
    );
}

#[test]
fn a_missing_sheet_names_the_sheets_that_exist() {
    let errors = err(&fixture("khen-thuong.xlsx"), &sheet("CanBoo"));
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "inputs/khen-thuong.xlsx: no sheet 'CanBoo'\nhint: the workbook has the sheets 'DanhSach', 'TongHop'"
    );
}

#[test]
fn a_header_row_below_the_data_is_an_error() {
    let errors = err(&fixture("khen-thuong.xlsx"), &header_row(40));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location, "inputs/khen-thuong.xlsx:DanhSach");
    assert!(errors[0].message.contains("header row 40"), "{}", errors[0]);
    assert!(errors[0].message.contains("19"), "{}", errors[0]);
}

// ---------------------------------------------------------------------------------------------
// Workbooks written here

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

/// A minimal workbook with one sheet `CanBo`. Styles: 1 = date (numFmt 14), 2 = date and time
/// (22), 3 = `hh:mm` (custom 164).
fn write_xlsx(path: &Path, rows_xml: &str, date1904: bool) {
    let files: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
                .to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                .to_string(),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr{}/><sheets><sheet name="CanBo" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                if date1904 { r#" date1904="1""# } else { "" }
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
                .to_string(),
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#
                .to_string(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("{SHEET_HEAD}{rows_xml}{SHEET_TAIL}"),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, content) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn error_cells_become_empty_fields_with_a_cell_error_and_dates_are_formatted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("can-bo.xlsx");
    // The used range starts at B2: row numbers and letters stay Excel's.
    let rows = format!(
        r#"<row r="2">{}{}{}{}{}{}</row>
<row r="3">{}<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" s="1"><v>45961</v></c><c r="E3" s="2"><v>45961.5</v></c><c r="F3" s="3"><v>0.3541666666666667</v></c><c r="G3" t="b"><v>1</v></c></row>
<row r="5">{}<c r="C5" t="e"><v>#N/A</v></c><c r="D5" s="1"><v>60</v></c><c r="E5" s="1"><v>61</v></c><c r="F5"><v>8.5</v></c><c r="G5" t="b"><v>0</v></c></row>"#,
        s("B2", "Họ tên"),
        s("C2", "Tỷ lệ"),
        s("D2", "Ngày sinh"),
        s("E2", "Lúc"),
        s("F2", "Giờ"),
        s("G2", "Đảng viên"),
        s("B3", "Lê Văn Tám"),
        s("B5", "Võ Thị Sáu"),
    );
    write_xlsx(&path, &rows, false);
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(
        keys(&table),
        ["ho_ten", "ty_le", "ngay_sinh", "luc", "gio", "dang_vien"]
    );
    assert_eq!(table.columns[0].letter, "B");
    assert_eq!(numbers(&table), [3, 5]);
    let first = &table.rows[0];
    assert_eq!(first.fields["ty_le"], json!(""));
    assert_eq!(first.errors.len(), 1);
    assert_eq!(first.errors[0].key, "ty_le");
    assert_eq!(first.errors[0].location, "inputs/can-bo.xlsx:CanBo!C3");
    assert_eq!(first.errors[0].value, "#DIV/0!");
    assert_eq!(first.fields["ngay_sinh"], json!("31/10/2025"));
    assert_eq!(first.fields["luc"], json!("31/10/2025 12:00"));
    assert_eq!(first.fields["gio"], json!("08:30"));
    assert_eq!(first.fields["dang_vien"], json!(true));
    let second = &table.rows[1];
    assert_eq!(second.errors[0].location, "inputs/can-bo.xlsx:CanBo!C5");
    assert_eq!(second.errors[0].value, "#N/A");
    assert_eq!(second.fields["ngay_sinh"], json!("29/02/1900"));
    assert_eq!(second.fields["luc"], json!("01/03/1900"));
    assert_eq!(second.fields["gio"], json!(8.5));
    assert_eq!(second.fields["dang_vien"], json!(false));
    // Error cells are the caller's to judge: no warning here.
    assert!(table.warnings.is_empty(), "{:#?}", table.warnings);
    assert_eq!(table.cell_location("B", 5), "inputs/can-bo.xlsx:CanBo!B5");
}

#[test]
fn dates_of_a_1904_workbook_count_from_1904() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.xlsx");
    let rows = format!(
        r#"<row r="1">{}</row><row r="2"><c r="A2" s="1"><v>44499</v></c></row>"#,
        s("A1", "Ngày")
    );
    write_xlsx(&path, &rows, true);
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.rows[0].fields["ngay"], json!("31/10/2025"));
}

#[test]
fn duplicate_slugs_in_a_workbook_are_all_reported_with_both_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.xlsx");
    let rows = format!(
        r#"<row r="1">{}{}{}{}{}</row><row r="2">{}</row>"#,
        s("A1", "STT"),
        s("B1", "Họ  tên"),
        s("C1", "Họ tên"),
        s("D1", "Số"),
        s("E1", "SỐ"),
        s("A2", "1"),
    );
    write_xlsx(&path, &rows, false);
    let errors = err(&path, &LoadOptions::default());
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "inputs/x.xlsx:CanBo!C1: header 'Họ tên' gives the same field name 'ho_ten' as 'Họ  tên' in column B\nhint: rename one of the two columns",
            "inputs/x.xlsx:CanBo!E1: header 'SỐ' gives the same field name 'so' as 'Số' in column D\nhint: rename one of the two columns",
        ]
    );
}

#[test]
fn a_damaged_or_foreign_file_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = write(&dir, "hong.xlsx", b"PK\x03\x04 this is not really a zip");
    let errors = err(&garbage, &LoadOptions::default());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location, "inputs/hong.xlsx");
    assert!(
        errors[0].message.starts_with("cannot read the workbook: "),
        "{}",
        errors[0]
    );
    assert_eq!(errors[0].message, errors[0].message.to_lowercase());

    let html = write(
        &dir,
        "bao-cao.xls",
        b"<html><body><table><tr><td>1</td></tr></table></body></html>",
    );
    let errors = err(&html, &LoadOptions::default());
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "inputs/bao-cao.xls: cannot read the workbook: it is a web page (HTML) with a .xls name, not a real .xls file\n\
         hint: open it in Excel (or LibreOffice Calc) and save it as an Excel Workbook (.xlsx)"
    );

    let missing = dir.path().join("khong-co.xlsx");
    let errors = err(&missing, &LoadOptions::default());
    let folder = crate::diag::display(&std::fs::canonicalize(dir.path()).unwrap());
    assert_eq!(
        errors[0].message,
        format!("no such file (looked in {folder}/)")
    );
    write(&dir, "can-bo.csv", b"Ten\nAn\n");
    let errors = err(&dir.path().join("can-bo.cvs"), &LoadOptions::default());
    assert_eq!(
        errors[0].to_string(),
        format!(
            "inputs/can-bo.cvs: no such file (looked in {folder}/)\nhint: did you mean 'can-bo.csv'?"
        )
    );
    let errors = err(&dir.path().join("nowhere/x.csv"), &LoadOptions::default());
    assert_eq!(
        errors[0].message,
        format!("no such file: there is no folder {}/nowhere/", folder)
    );

    let text = write(&dir, "notes.txt", b"hello");
    let errors = err(&text, &LoadOptions::default());
    assert_eq!(
        errors[0].to_string(),
        "inputs/notes.txt: unsupported data file type '.txt'\nhint: use a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods), a .csv file (UTF-8) or a .json file"
    );
}

#[test]
fn a_workbook_whose_extension_lies_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("real.xls");
    write_xlsx(
        &path,
        &format!(
            r#"<row r="1">{}</row><row r="2">{}</row>"#,
            s("A1", "Tên"),
            s("A2", "An")
        ),
        false,
    );
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.rows[0].fields["ten"], json!("An"));
}

#[test]
fn extensions_are_matched_without_regard_to_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("HOA.XLSX");
    write_xlsx(
        &path,
        &format!(
            r#"<row r="1">{}</row><row r="2">{}</row>"#,
            s("A1", "Tên"),
            s("A2", "An")
        ),
        false,
    );
    assert_eq!(ok(&path, &LoadOptions::default()).rows.len(), 1);
    let csv = write(&dir, "X.CSV", b"a\n1\n");
    assert_eq!(ok(&csv, &LoadOptions::default()).kind, SourceKind::Csv);
}

// ---------------------------------------------------------------------------------------------
// CSV

#[test]
fn csv_with_a_bom_reads_numbers_and_keeps_leading_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "don-vi.csv",
        "\u{feff}Mã đơn vị,Số công văn,Mã số thuế,Điểm,Ghi chú\n\
         CCTL,1207,0109876543,8.5,1e5\n\
         \n\
         CCKL,-4,012, 12,\"1,5\"\n\
         ,,,,\n\
         TTKN,0,0.25,-0.5,\"dòng 1\ndòng 2\"\n\
         VPDK,3,x,y,z\n"
            .as_bytes(),
    );
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.kind, SourceKind::Csv);
    assert_eq!(table.sheet, None);
    assert_eq!(
        keys(&table),
        ["ma_don_vi", "so_cong_van", "ma_so_thue", "diem", "ghi_chu"]
    );
    assert_eq!(table.columns[0].header, "Mã đơn vị");
    assert_eq!(table.columns[4].letter, "E");
    // Blank lines are rows too; a record spanning two lines takes one row.
    assert_eq!(numbers(&table), [2, 4, 6, 7]);
    assert_eq!(
        column(&table, "so_cong_van"),
        [json!(1207), json!(-4), json!(0), json!(3)]
    );
    assert_eq!(
        column(&table, "ma_so_thue"),
        [json!("0109876543"), json!("012"), json!("0.25"), json!("x")]
    );
    // A column is numbers only when all its cells are: these stay text, as typed (spaces at
    // the ends, which the clerk cannot see, tidied).
    assert_eq!(
        column(&table, "diem"),
        [json!("8.5"), json!("12"), json!("-0.5"), json!("y")]
    );
    assert_eq!(
        column(&table, "ghi_chu"),
        [
            json!("1e5"),
            json!("1,5"),
            json!("dòng 1\ndòng 2"),
            json!("z")
        ]
    );
    assert_eq!(table.cell_location("B", 4), "inputs/don-vi.csv:B4");
}

#[test]
fn csv_text_is_nfc_and_short_records_are_padded() {
    let dir = tempfile::tempdir().unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Thủ trưởng").collect();
    let path = write(&dir, "x.csv", format!("Tên,Chức vụ\n{nfd}\n").as_bytes());
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.rows[0].fields["ten"], json!("Thủ trưởng"));
    assert_eq!(table.rows[0].fields["chuc_vu"], json!(""));
}

#[test]
fn csv_header_row_can_be_given_and_semicolons_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.csv",
        "BÁO CÁO;;\n\nHọ tên;Điểm;\nAn;8,5;\nBình;9;\n".as_bytes(),
    );
    let table = ok(&path, &header_row(3));
    assert_eq!(keys(&table), ["ho_ten", "diem"]);
    assert_eq!(numbers(&table), [4, 5]);
    assert_eq!(column(&table, "diem"), [json!(8.5), json!(9)]);
}

#[test]
fn csv_duplicate_slugs_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.csv",
        "Họ tên,Họ  tên,Số,Số!,SỐ\n1,2,3,4,5\n".as_bytes(),
    );
    let errors = err(&path, &LoadOptions::default());
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "inputs/x.csv:B1: header 'Họ  tên' gives the same field name 'ho_ten' as 'Họ tên' in column A\nhint: rename one of the two columns",
            "inputs/x.csv:D1: header 'Số!' gives the same field name 'so' as 'Số' in column C\nhint: rename one of the two columns",
            "inputs/x.csv:E1: header 'SỐ' gives the same field name 'so' as 'Số' in column C\nhint: rename one of the two columns",
        ]
    );
}

#[test]
fn csv_headers_without_a_field_name_and_data_without_a_header_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.csv",
        "Tên,%,,Tuổi,\nAn,5,x,30,\nBình,6,,31,\n".as_bytes(),
    );
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(keys(&table), ["ten", "tuoi"]);
    assert_eq!(table.columns[1].letter, "D");
    let lines: Vec<String> = table.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "inputs/x.csv:B1: warning: header '%' gives no field name, so column B is ignored\nhint: give the column a header with letters or digits",
            "inputs/x.csv:C2: warning: column C holds data but has no header, so it is ignored\nhint: give it a header in row 1 to use it in templates",
        ]
    );
    assert!(
        table
            .warnings
            .iter()
            .all(|w| w.severity == Severity::Warning)
    );
}

#[test]
fn csv_that_is_not_utf8_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    // "Hà Nội" in Windows-1258 is not UTF-8.
    let path = write(&dir, "x.csv", b"Ten,Tinh\nAn,H\xe0 N\xf4i\n");
    let errors = err(&path, &LoadOptions::default());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location, "inputs/x.csv:line 2");
    assert_eq!(
        errors[0].to_string(),
        "inputs/x.csv:line 2: the file is not UTF-8 text and its encoding cannot be told for certain (cell B2)\n\
         hint: in Excel 2016 or later, save it as 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 has no CSV UTF-8: hand over the .xlsx instead"
    );
}

#[test]
fn an_empty_csv_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "x.csv", b"\xEF\xBB\xBF\n\n");
    let errors = err(&path, &LoadOptions::default());
    assert_eq!(
        errors[0].to_string().lines().next(),
        Some("inputs/x.csv: the file is empty")
    );
}

#[test]
fn csv_in_tcvn3_is_converted_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.csv",
        "Hä vµ tªn,§¬n vÞ\nNguyÔn V¨n Hïng,Chi côc KiÓm l©m\nLª ThÞ Hoa,Trung t©m N\u{AD}íc s¹ch\nJohn Smith,UBND\n"
            .as_bytes(),
    );
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(
        keys(&table),
        ["ho_va_ten", "don_vi"],
        "{:#?}",
        table.warnings
    );
    assert_eq!(table.columns[0].header, "Họ và tên");
    assert_eq!(table.rows[0].fields["ho_va_ten"], json!("Nguyễn Văn Hùng"));
    assert_eq!(table.rows[1].fields["don_vi"], json!("Trung tâm Nước sạch"));
    assert_eq!(table.rows[2].fields["ho_va_ten"], json!("John Smith"));
    let lines: Vec<String> = table.warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(
        lines,
        ["converted 6 cells typed in TCVN3 to Unicode: A1, B1, A2, B2, A3, B3"]
    );
    assert_eq!(table.warnings[0].location, "inputs/x.csv");

    let off = LoadOptions {
        legacy: Legacy::Off,
        ..LoadOptions::default()
    };
    let table = ok(&path, &off);
    assert_eq!(table.columns[0].header, "Hä vµ tªn");
    assert_eq!(
        table.rows[0].fields[&table.columns[0].key],
        json!("NguyÔn V¨n Hïng")
    );
    assert!(table.warnings.is_empty());
}

// ---------------------------------------------------------------------------------------------
// JSON

#[test]
fn a_json_array_gives_one_row_per_object_with_keys_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Thủy lợi").collect();
    let path = write(
        &dir,
        "x.json",
        format!(
            "\u{feff}[{{\"Mã\": \"CCTL\", \"so\": 1207, \"diem\": 8.0, \"ten\": \"{nfd}\"}},\n \
             {{\"so\": 1208, \"extra\": null, \"ds\": [\"{nfd}\"]}}]"
        )
        .as_bytes(),
    );
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.kind, SourceKind::JsonArray);
    assert_eq!(keys(&table), ["Mã", "so", "diem", "ten", "extra", "ds"]);
    assert!(
        table
            .columns
            .iter()
            .all(|c| c.header == c.key && c.letter.is_empty())
    );
    assert_eq!(numbers(&table), [1, 2]);
    let first = table.fields(0);
    assert_eq!(first["so"], json!(1207));
    assert_eq!(first["diem"], json!(8.0));
    assert!(first["diem"].is_f64());
    assert_eq!(first["ten"], json!("Thủy lợi"));
    // A key a record lacks stays missing: templates that read it fail for that record only.
    assert!(!first.contains_key("extra"));
    let second = table.fields(1);
    assert!(!second.contains_key("Mã"));
    assert_eq!(second["extra"], Value::Null);
    assert_eq!(second["ds"], json!(["Thủy lợi"]));
    assert_eq!(table.cell_location("", 2), "inputs/x.json:record 2");
}

#[test]
fn a_json_object_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "x.json", br#"{"so": "12/QD", "ngay": "31/10/2025"}"#);
    let table = ok(&path, &LoadOptions::default());
    assert_eq!(table.kind, SourceKind::JsonObject);
    assert_eq!(numbers(&table), [1]);
    assert_eq!(table.fields(0)["so"], json!("12/QD"));
}

#[test]
fn a_json_array_element_that_is_not_an_object_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.json",
        br#"[{"a": 1}, {"a": 2}, "ba", [1], {"a": 5}]"#,
    );
    let errors = err(&path, &LoadOptions::default());
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.location, e.message))
        .collect();
    assert_eq!(
        lines,
        [
            "inputs/x.json:record 3: expected an object, found a string",
            "inputs/x.json:record 4: expected an object, found an array",
        ]
    );
}

#[test]
fn invalid_json_is_located_by_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "x.json", b"[\n  {\"a\": 1},\n  {\"a\": 2,}\n]\n");
    let errors = err(&path, &LoadOptions::default());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location, "inputs/x.json:3:11");
    assert!(
        errors[0].message.starts_with("invalid JSON: "),
        "{}",
        errors[0]
    );
    assert!(!errors[0].message.contains("line"), "{}", errors[0]);

    let path = write(&dir, "y.json", b"42");
    let errors = err(&path, &LoadOptions::default());
    assert_eq!(
        errors[0].message,
        "expected an array of objects or one object, found a number"
    );
}

#[test]
fn odd_files_give_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let junk: &[&[u8]] = &[
        b"",
        b"\xEF\xBB\xBF",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 truncated compound file",
        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        b"\xff\xfe\x00garbage\x00\x01",
    ];
    for extension in ["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "json"] {
        for (i, bytes) in junk.iter().enumerate() {
            let path = write(&dir, &format!("f{i}.{extension}"), bytes);
            if let Err(errors) = load(&path, &LoadOptions::default()) {
                assert!(!errors.is_empty());
                assert!(errors.iter().all(|e| e.location.starts_with("inputs/f")));
            }
        }
        let folder = dir.path().join(format!("folder.{extension}"));
        std::fs::create_dir(&folder).unwrap();
        let errors = err(&folder, &LoadOptions::default());
        assert_eq!(
            errors[0].message, "cannot read the file: it is a folder",
            "{extension}"
        );
    }
}
