//! Excel's binary workbooks show numbers as Excel shows them (issue 12): the number formats
//! calamine does not expose are read from the file, for `.xls` (BIFF8, saved by LibreOffice
//! Calc as "MS Excel 97") and `.xlsb` (built byte by byte here: Calc cannot write it).

use serde_json::json;

use crate::common::*;
use crate::spreadsheets::{data, render};

#[test]
fn an_excel_97_workbook_shows_codes_and_rates_as_calc_shows_them() {
    // tests/fixtures/ma-so.xls: saved as "MS Excel 97" by LibreOffice Calc from a workbook with
    // codes formatted 00, 000, 0000000000 side by side, rates formatted 0.0% and a formula
    // formatted 0000. Calc shows: 01, 007, 0123456789, 90.0%, 0011 / 26, 250, 2212345678,
    // 12.5%, 0261.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("ma-so.xls"), dir.path().join("ma-so.xls")).unwrap();
    let (rows, stderr) = data(dir.path(), "ma-so.xls", &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        rows,
        [
            json!({"ho_va_ten": "Nguyễn Văn An", "ma_tinh": "01", "ma_huyen": "007", "so_bhxh": "0123456789", "ty_le": "90,0%", "diem": "0011", "_row": 2}),
            json!({"ho_va_ten": "Lê Thị Chi", "ma_tinh": "26", "ma_huyen": "250", "so_bhxh": "2212345678", "ty_le": "12,5%", "diem": "0261", "_row": 3}),
        ]
    );
    render(
        dir.path(),
        "{{ma_tinh}}.{{ma_huyen}}: {{so_bhxh}} ({{ty_le}})",
        "ma-so.xls",
        &["--name", "{{ma_tinh}}.docx"],
    );
    assert_eq!(
        body(&dir.path().join("out/01.docx")),
        "01.007: 0123456789 (90,0%)"
    );
}

/// One XLSB record: its type and size as 7-bit varints, then its data.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    if kind < 0x80 {
        out.push(kind as u8);
    } else {
        out.extend([(kind & 0x7F) as u8 | 0x80, (kind >> 7) as u8]);
    }
    let mut size = data.len();
    loop {
        let low = (size & 0x7F) as u8;
        size >>= 7;
        if size == 0 {
            out.push(low);
            break;
        }
        out.push(low | 0x80);
    }
    out.extend_from_slice(data);
}

/// An XLWideString: the count of UTF-16 units, then the units.
fn wide(text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = (units.len() as u32).to_le_bytes().to_vec();
    for unit in units {
        out.extend(unit.to_le_bytes());
    }
    out
}

/// A cell record's first bytes: its column and its style.
fn cell(column: u32, style: u32) -> Vec<u8> {
    let mut out = column.to_le_bytes().to_vec();
    out.extend(style.to_le_bytes());
    out
}

enum Value {
    Text(&'static str),
    Real(f64, u32),
    Whole(i32, u32),
}

/// An Excel binary workbook with the sheet `CanBo`: cell styles 1 `000000000000`, 2 the
/// built-in `0%`, 3 `000`, 4 `0.0%`.
fn xlsb(rows: &[&[Value]]) -> Vec<u8> {
    xlsb_with(rows, &[], &[])
}

/// The same, with the 0-based rows `hidden` hidden (fDyZero), and the records `tail` after
/// the sheet's data (merges, an AutoFilter).
fn xlsb_with(rows: &[&[Value]], hidden: &[u32], tail: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut styles = Vec::new();
    record(&mut styles, 0x0267, &2u32.to_le_bytes()); // BrtBeginFmts
    for (id, code) in [(164u16, "000000000000"), (165, "000"), (166, "0.0%")] {
        let mut data = id.to_le_bytes().to_vec();
        data.extend(wide(code));
        record(&mut styles, 0x002C, &data); // BrtFmt
    }
    record(&mut styles, 0x0268, &[]); // BrtEndFmts
    // A cell style format that is no cell's: only cellXfs count.
    record(&mut styles, 0x0272, &1u32.to_le_bytes()); // BrtBeginCellStyleXFs
    record(
        &mut styles,
        0x002F,
        &[0xFF, 0xFF, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    record(&mut styles, 0x0273, &[]); // BrtEndCellStyleXFs
    record(&mut styles, 0x0269, &5u32.to_le_bytes()); // BrtBeginCellXFs
    for format in [0u16, 164, 9, 165, 166] {
        let mut xf = vec![0u8; 16];
        xf[2..4].copy_from_slice(&format.to_le_bytes());
        record(&mut styles, 0x002F, &xf); // BrtXF
    }
    record(&mut styles, 0x026A, &[]); // BrtEndCellXFs

    let mut workbook = Vec::new();
    record(&mut workbook, 0x0083, &[]); // BrtBeginBook
    record(&mut workbook, 0x008F, &[]); // BrtBeginBundleShs
    let mut sheet = vec![0u8; 8];
    sheet.extend(wide("rId1"));
    sheet.extend(wide("CanBo"));
    record(&mut workbook, 0x009C, &sheet); // BrtBundleSh
    record(&mut workbook, 0x0090, &[]); // BrtEndBundleShs
    record(&mut workbook, 0x009D, &[0; 26]); // BrtCalcProp
    record(&mut workbook, 0x0084, &[]); // BrtEndBook

    let mut part = Vec::new();
    record(&mut part, 0x0081, &[]); // BrtBeginSheet
    let mut dimensions = 0u32.to_le_bytes().to_vec();
    dimensions.extend((rows.len() as u32 - 1).to_le_bytes());
    dimensions.extend(0u32.to_le_bytes());
    dimensions.extend(3u32.to_le_bytes());
    record(&mut part, 0x0094, &dimensions); // BrtWsDim
    record(&mut part, 0x0091, &[]); // BrtBeginSheetData
    for (r, cells) in rows.iter().enumerate() {
        let mut header = (r as u32).to_le_bytes().to_vec();
        header.extend([0u8; 13]);
        if hidden.contains(&(r as u32)) {
            header[11] = 0x10;
        }
        record(&mut part, 0x0000, &header); // BrtRowHdr
        for (c, value) in cells.iter().enumerate() {
            let c = c as u32;
            match value {
                Value::Text(text) => {
                    let mut data = cell(c, 0);
                    data.extend(wide(text));
                    record(&mut part, 0x0006, &data); // BrtCellSt
                }
                Value::Real(x, style) => {
                    let mut data = cell(c, *style);
                    data.extend(x.to_le_bytes());
                    record(&mut part, 0x0005, &data); // BrtCellReal
                }
                Value::Whole(n, style) => {
                    let mut data = cell(c, *style);
                    data.extend(((n << 2) | 2).to_le_bytes());
                    record(&mut part, 0x0002, &data); // BrtCellRk
                }
            }
        }
    }
    record(&mut part, 0x0092, &[]); // BrtEndSheetData
    part.extend_from_slice(tail);
    record(&mut part, 0x0082, &[]); // BrtEndSheet

    let relations = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.bin\"/>\
        </Relationships>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        ("xl/workbook.bin", &workbook[..]),
        ("xl/_rels/workbook.bin.rels", relations.as_bytes()),
        ("xl/styles.bin", &styles),
        ("xl/worksheets/sheet1.bin", &part),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_excel_binary_workbook_shows_ids_and_rates_as_excel_shows_them() {
    use Value::*;
    let dir = tempfile::tempdir().unwrap();
    let file = xlsb(&[
        &[Text("Họ và tên"), Text("CCCD"), Text("Tỷ lệ"), Text("Mã")],
        &[
            Text("Nguyễn Văn An"),
            Real(1_080_012_345.0, 1),
            Real(0.85, 2),
            Whole(7, 3),
        ],
        &[
            Text("Trần Thị Bình"),
            Real(12_345_678_901.0, 1),
            Real(0.855, 4),
            Whole(250, 3),
        ],
        &[Text("Lê Chi"), Real(12.0, 0), Whole(85, 0), Whole(3, 0)],
    ]);
    std::fs::write(dir.path().join("can-bo.xlsb"), file).unwrap();
    let (rows, stderr) = data(dir.path(), "can-bo.xlsb", &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        rows,
        [
            json!({"ho_va_ten": "Nguyễn Văn An", "cccd": "001080012345", "ty_le": "85%", "ma": "007", "_row": 2}),
            json!({"ho_va_ten": "Trần Thị Bình", "cccd": "012345678901", "ty_le": "85,5%", "ma": "250", "_row": 3}),
            json!({"ho_va_ten": "Lê Chi", "cccd": 12, "ty_le": 85, "ma": 3, "_row": 4}),
        ]
    );
    render(
        dir.path(),
        "{{ho_va_ten}}: {{cccd}}, {{ty_le}}",
        "can-bo.xlsb",
        &["--name", "{{ma}}.docx"],
    );
    assert_eq!(
        body(&dir.path().join("out/007.docx")),
        "Nguyễn Văn An: 001080012345, 85%"
    );
}

#[test]
fn an_excel_binary_workbook_gives_its_merges_and_its_filtered_rows() {
    use Value::*;
    let mut tail = Vec::new();
    record(&mut tail, 0x00B1, &1u32.to_le_bytes()); // BrtBeginMergeCells
    let merge: Vec<u8> = [1u32, 2, 0, 0]
        .iter()
        .flat_map(|n| n.to_le_bytes())
        .collect();
    record(&mut tail, 0x00B0, &merge); // BrtMergeCell A2:A3
    record(&mut tail, 0x00B2, &[]); // BrtEndMergeCells
    let mut filter = vec![0u8; 16];
    filter[4..8].copy_from_slice(&4u32.to_le_bytes());
    filter[12..16].copy_from_slice(&1u32.to_le_bytes());
    record(&mut tail, 0x00A1, &filter); // BrtBeginAFilter A1:B5
    record(&mut tail, 0x00A3, &[0, 0, 0, 0, 0, 0]); // BrtBeginFilterColumn
    record(&mut tail, 0x00A4, &[]); // BrtEndFilterColumn
    record(&mut tail, 0x00A2, &[]); // BrtEndAFilter
    let rows: [&[Value]; 5] = [
        &[Text("Đơn vị"), Text("Họ tên")],
        &[Text("Văn phòng"), Text("An")],
        &[Text(""), Text("Bình")],
        &[Text("Kế toán"), Text("Chi")],
        &[Text("Kế toán"), Text("Dũng")],
    ];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ds.xlsb"), xlsb_with(&rows, &[3], &tail)).unwrap();
    let (rows, stderr) = data(dir.path(), "ds.xlsb", &[]);
    assert_eq!(
        rows,
        [
            json!({"don_vi": "Văn phòng", "ho_ten": "An", "_row": 2}),
            json!({"don_vi": "Văn phòng", "ho_ten": "Bình", "_row": 3}),
            json!({"don_vi": "Kế toán", "ho_ten": "Dũng", "_row": 5}),
        ]
    );
    assert_eq!(
        stderr,
        "ds.xlsb:CanBo: note: row 4 is hidden by the sheet's AutoFilter, so it is left out\n\
         hint: to read every row, give --keep-filtered (keep_filtered = true in a manifest's source), or clear the filter (Data > Clear) and save\n"
    );
}
