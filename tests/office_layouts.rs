//! One list laid out as an office lays it out, saved by LibreOffice Calc as `.xlsx`, `.xls`
//! and `.ods` (tests/fixtures/bo-cuc.*, made by tools/tao-bang-bo-cuc.py): a title block, a
//! header over two rows, section headings, units merged down their people, totals rows and
//! the signature block (issue 12). Each format reads the same, in `data`, `render`, `check`
//! and a manifest.

use serde_json::{Value, json};

use crate::common::*;
use crate::spreadsheets::{column, data, render};

const FORMATS: [&str; 3] = ["bo-cuc.xlsx", "bo-cuc.xls", "bo-cuc.ods"];

/// The notes every format gives, for the file `file`.
fn notes(file: &str) -> String {
    format!(
        "{file}:DanhSach: note: row 4 is taken as the header row: the rows above it are a title\n\
         hint: give --header-row N to take another row (--header-row 4 says this one)\n\
         {file}:DanhSach: note: rows 4-5 are a two-row header: a merged header over several columns is joined to the header under it (row 5 is no record)\n\
         {file}:DanhSach!A6: note: row 6 is a section heading ('I. VĂN PHÒNG SỞ'), not a record: the rows under it have it in the field '_muc'\n\
         {file}:DanhSach!A10: note: row 10 is a totals row ('Cộng'), not a record, so it is left out\n\
         {file}:DanhSach!A11: note: row 11 is a section heading ('II. CHI CỤC THỦY LỢI'), not a record: the rows under it have it in the field '_muc'\n\
         {file}:DanhSach!A14: note: row 14 is a totals row ('Cộng'), not a record, so it is left out\n\
         {file}:DanhSach!A15: note: row 15 is a totals row ('Tổng cộng'), not a record, so it is left out\n\
         {file}:DanhSach!A17: note: rows 17-18: the signature block under the table ('Người lập biểu'), not records, so they are left out\n"
    )
}

fn copied(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(file), dir.path().join(file)).unwrap();
    dir
}

#[test]
fn a_list_laid_out_by_an_office_reads_the_same_in_every_format() {
    for file in FORMATS {
        let dir = copied(file);
        let (rows, stderr) = data(dir.path(), file, &[]);
        assert_eq!(stderr, notes(file), "{file}");
        assert_eq!(
            rows[0],
            json!({"stt": 1, "don_vi": "Văn phòng", "ho_va_ten": "Nguyễn Văn An", "cccd": "001080012345",
                   "diem_tu_cham": 95.5, "diem_hoi_dong": 94, "tien": 1250000, "_muc": "I. VĂN PHÒNG SỞ", "_row": 7}),
            "{file}"
        );
        assert_eq!(
            column(&rows, "ho_va_ten"),
            [
                "Nguyễn Văn An",
                "Trần Thị Bình",
                "Lê Văn Chi",
                "Phạm Thị Dung",
                "Hoàng Văn Em"
            ],
            "{file}"
        );
        // The units merged down their people belong to every row of the block.
        assert_eq!(
            column(&rows, "don_vi"),
            [
                "Văn phòng",
                "Văn phòng",
                "Phòng Kế toán",
                "Chi cục Thủy lợi",
                "Chi cục Thủy lợi"
            ],
            "{file}"
        );
        assert_eq!(
            column(&rows, "cccd"),
            [
                "001080012345",
                "012345678901",
                "026080000123",
                "001190000777",
                "001090000888"
            ],
            "{file}"
        );
        let sections: Vec<Value> = column(&rows, "_muc");
        assert_eq!(sections[2], "I. VĂN PHÒNG SỞ", "{file}");
        assert_eq!(sections[3], "II. CHI CỤC THỦY LỢI", "{file}");
    }
}

#[test]
fn documents_per_unit_and_per_section_add_up_as_the_totals_rows_say() {
    for file in FORMATS {
        let dir = copied(file);
        render(
            dir.path(),
            "{{don_vi}}: {{count}} người, {{so (sum rows \"tien\")}} đồng",
            file,
            &["--group-by", "don_vi", "--name", "{{don_vi}}.docx"],
        );
        assert_eq!(
            docx_files(&dir.path().join("out")),
            [
                "Chi cục Thủy lợi.docx",
                "Phòng Kế toán.docx",
                "Văn phòng.docx"
            ],
            "{file}"
        );
        assert_eq!(
            body(&dir.path().join("out/Văn phòng.docx")),
            "Văn phòng: 2 người, 1.750.000 đồng",
            "{file}"
        );
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
        // The sections' sums are the sheet's own `Cộng` rows: 3.250.000 and 1.500.000.
        render(
            dir.path(),
            "{{_muc}}: {{so (sum rows \"tien\")}}",
            file,
            &["--group-by", "_muc", "--name", "muc-{{_row}}.docx"],
        );
        assert_eq!(
            docx_files(&dir.path().join("out")),
            ["muc-12.docx", "muc-7.docx"],
            "{file}"
        );
        assert_eq!(
            body(&dir.path().join("out/muc-7.docx")),
            "I. VĂN PHÒNG SỞ: 3.250.000",
            "{file}"
        );
        assert_eq!(
            body(&dir.path().join("out/muc-12.docx")),
            "II. CHI CỤC THỦY LỢI: 1.500.000",
            "{file}"
        );
    }
}

#[test]
fn check_and_a_manifest_find_the_same_header_below_the_title() {
    let file = "bo-cuc.xls";
    let dir = copied(file);
    let template = DocxBuilder::new(p(&["{{ho_va_ten}} {{cccd}} {{diem_hoi_dong}}"]));
    std::fs::write(dir.path().join("t.docx"), template.build()).unwrap();
    let run = vanban(dir.path(), &["check", "t.docx", "--data", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with(&notes(file)), "{}", run.stderr);
    std::fs::write(
        dir.path().join("vanban.toml"),
        format!(
            "out = \"out\"\n[sources.ds]\nfile = \"{file}\"\n\
             [[documents]]\nkind = \"ds\"\ntemplate = \"t.docx\"\nsource = \"ds\"\nname = \"{{{{_row}}}}.docx\"\n"
        ),
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{file}:DanhSach: note: row 4 is taken as the header row: the rows above it are a title\n"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(docx_files(&dir.path().join("out")).len(), 5);
    assert_eq!(
        body(&dir.path().join("out/9.docx")),
        "Lê Văn Chi 026080000123 86"
    );
}
