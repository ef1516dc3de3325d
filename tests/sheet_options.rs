//! The office's spreadsheets read with the options a clerk gives (issue 12): a header over two
//! rows given as `--header-row 4-5` (or `header_row = "4-5"` in a manifest), rows hidden by
//! an AutoFilter kept with `--keep-filtered`.

use serde_json::json;

use crate::common::*;
use crate::spreadsheets::{column, data, hidden_workbooks, render, score_workbook};

const SCORES_CSV: &str = "BẢNG ĐIỂM THI ĐUA;;;;\n\
    STT;Đơn vị;Điểm;;Ghi chú\n\
    ;;Tự chấm;Hội đồng;\n\
    1;VP;95,5;94;\n\
    2;CCTL;90;88,5;mới\n";

#[test]
fn a_two_row_header_given_names_fields_from_both_rows_in_a_workbook_and_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    score_workbook(&dir.path().join("diem.xlsx"));
    let (rows, stderr) = data(dir.path(), "diem.xlsx", &["--header-row", "3-4"]);
    assert_eq!(stderr, "");
    assert_eq!(
        rows,
        [
            json!({"stt": 1, "don_vi": "VP", "diem_tu_cham": 95.5, "diem_hoi_dong": 94, "_row": 5}),
            json!({"stt": 2, "don_vi": "CCTL", "diem_tu_cham": 90, "diem_hoi_dong": 88.5, "_row": 6}),
        ]
    );
    // A CSV file has no merges: the blank cell right of `Điểm` continues its group.
    std::fs::write(dir.path().join("diem.csv"), SCORES_CSV).unwrap();
    let (rows, stderr) = data(dir.path(), "diem.csv", &["--header-row", "2-3"]);
    assert_eq!(stderr, "");
    assert_eq!(
        rows,
        [
            json!({"stt": 1, "don_vi": "VP", "diem_tu_cham": 95.5, "diem_hoi_dong": 94, "ghi_chu": "", "_row": 4}),
            json!({"stt": 2, "don_vi": "CCTL", "diem_tu_cham": 90, "diem_hoi_dong": 88.5, "ghi_chu": "mới", "_row": 5}),
        ]
    );
    render(
        dir.path(),
        "{{don_vi}}: {{diem_tu_cham}} / {{diem_hoi_dong}}",
        "diem.csv",
        &["--header-row", "2-3", "--name", "{{don_vi}}.docx"],
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        ["CCTL.docx", "VP.docx"]
    );
    assert_eq!(body(&dir.path().join("out/VP.docx")), "VP: 95,5 / 94");
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["{{diem_hoi_dong}}"])).build(),
    )
    .unwrap();
    let run = vanban(
        dir.path(),
        &[
            "check",
            "t.docx",
            "--data",
            "diem.xlsx",
            "--header-row",
            "3-4",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "diem.xlsx: note: no tag reads the columns 'stt', 'don_vi', 'diem_tu_cham'\n\
             t.docx: no problems found\n"
        )
    );
}

#[test]
fn a_bad_header_range_is_refused_with_a_hint_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    score_workbook(&dir.path().join("diem.xlsx"));
    let cases = [
        (
            "5-4",
            "--header-row: header rows 5-4 run backwards: the first row must be above the last\n\
             hint: give the group header row first: 4-5\n",
        ),
        (
            "0-1",
            "--header-row: rows are numbered from 1\n\
             hint: give the row number as Excel shows it at the left of the sheet\n",
        ),
        (
            "4-7",
            "--header-row: header rows 4-7 span 4 rows: a header has one row, or two (a group header over sub-headers)\n\
             hint: give the group header row and the sub-header row under it (4-5), or the one row of the column headers\n",
        ),
        (
            "bốn",
            "--header-row: expected a row number or two rows such as 4-5, found 'bốn'\n\
             hint: give the row of the column headers (4), or the group header row and the sub-header row under it (4-5)\n",
        ),
    ];
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["{{stt}}"])).build(),
    )
    .unwrap();
    for (range, message) in cases {
        for command in [
            &["data", "diem.xlsx"][..],
            &["render", "t.docx", "--data", "diem.xlsx"],
            &["check", "t.docx", "--data", "diem.xlsx"],
        ] {
            let mut args = command.to_vec();
            args.extend(["--header-row", range]);
            let run = vanban(dir.path(), &args);
            assert_eq!(run.code, 2, "{args:?}");
            assert_eq!(
                run.stderr,
                format!("{message}error: 1 problem found; nothing was written\n"),
                "{args:?}"
            );
        }
    }
    assert!(!dir.path().join("out").exists());
    // The row under a given header must hold the sub-headers.
    let run = vanban(dir.path(), &["data", "diem.xlsx", "--header-row", "6-7"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "diem.xlsx:Diem: header row 7 (the sub-header row of 6-7) is empty\n\
         hint: give --header-row 6 for a header of one row, or the two rows that hold the headers\n\
         error: 1 problem found; nothing was written\n"
    );
}

fn manifest(header_row: &str, extra: &str) -> String {
    format!(
        "out = \"out\"\n\
         [sources.diem]\nfile = \"diem.csv\"\nheader_row = {header_row}\n{extra}\n\
         [[documents]]\nkind = \"bang-diem\"\ntemplate = \"t.docx\"\nsource = \"diem\"\n\
         name = \"{{{{don_vi}}}}.docx\"\n"
    )
}

#[test]
fn a_manifest_gives_a_two_row_header_as_text_or_as_two_numbers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("diem.csv"), SCORES_CSV).unwrap();
    let template = DocxBuilder::new(p(&["{{don_vi}}: {{diem_tu_cham}} / {{diem_hoi_dong}}"]));
    std::fs::write(dir.path().join("t.docx"), template.build()).unwrap();
    for header_row in ["\"2-3\"", "[2, 3]"] {
        std::fs::write(dir.path().join("vanban.toml"), manifest(header_row, "")).unwrap();
        let run = vanban(dir.path(), &["run", "--quiet"]);
        assert_eq!(run.code, 0, "{header_row}: {}", run.stderr);
        assert_eq!(
            docx_files(&dir.path().join("out")),
            ["CCTL.docx", "VP.docx"]
        );
        assert_eq!(body(&dir.path().join("out/CCTL.docx")), "CCTL: 90 / 88,5");
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    }
    for (header_row, message) in [
        (
            "[3, 2]",
            "vanban.toml: sources.diem.header_row: header rows 3-2 run backwards: the first row must be above the last\n\
             hint: give the group header row first: 2-3\n",
        ),
        (
            "[2, 3, 4]",
            "vanban.toml: sources.diem.header_row: expected two rows such as [4, 5], found 3 numbers\n",
        ),
        (
            "\"2-5\"",
            "vanban.toml: sources.diem.header_row: header rows 2-5 span 4 rows: a header has one row, or two (a group header over sub-headers)\n\
             hint: give the group header row and the sub-header row under it (2-3), or the one row of the column headers\n",
        ),
    ] {
        std::fs::write(dir.path().join("vanban.toml"), manifest(header_row, "")).unwrap();
        let run = vanban(dir.path(), &["run"]);
        assert_eq!(run.code, 2, "{header_row}");
        assert_eq!(
            run.stderr,
            format!("{message}error: 1 problem found; nothing was written\n"),
            "{header_row}"
        );
        assert!(!dir.path().join("out").exists());
    }
}

#[test]
fn rows_hidden_by_an_autofilter_are_kept_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    hidden_workbooks(dir.path());
    let (rows, stderr) = data(dir.path(), "loc.xlsx", &["--keep-filtered"]);
    assert_eq!(column(&rows, "ho_ten"), ["An", "Bình", "Chi", "Dũng"]);
    assert_eq!(
        stderr,
        "loc.xlsx:DanhSach: note: rows 3 and 5 are hidden by the sheet's AutoFilter; they are read like the others, as asked\n"
    );
    // Rows hidden by hand are read either way.
    let (rows, _) = data(dir.path(), "an.xlsx", &["--keep-filtered"]);
    assert_eq!(rows.len(), 4);
    // In a manifest: `keep_filtered = true` in the source.
    let template = DocxBuilder::new(p(&["{{ho_ten}} ({{don_vi}})"]));
    std::fs::write(dir.path().join("t.docx"), template.build()).unwrap();
    for (keep, files) in [
        (
            "true",
            &["An.docx", "Bình.docx", "Chi.docx", "Dũng.docx"][..],
        ),
        ("false", &["An.docx", "Chi.docx"]),
    ] {
        std::fs::write(
            dir.path().join("vanban.toml"),
            format!(
                "out = \"out\"\n[sources.ds]\nfile = \"loc.xlsx\"\nkeep_filtered = {keep}\n\
                 [[documents]]\nkind = \"ds\"\ntemplate = \"t.docx\"\nsource = \"ds\"\nname = \"{{{{ho_ten}}}}.docx\"\n"
            ),
        )
        .unwrap();
        let run = vanban(dir.path(), &["run", "--quiet"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            docx_files(&dir.path().join("out")),
            files,
            "keep_filtered = {keep}"
        );
        assert_eq!(body(&dir.path().join("out/Chi.docx")), "Chi (VP)");
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    }
}

/// `inputs/don-vi.xlsx` (units; `KT ` typed with a trailing space) and `inputs/can-bo.xlsx`
/// (staff, unit codes typed with a no-break space, a space, or clean).
fn joined_workbooks(dir: &std::path::Path) {
    use rust_xlsxwriter::Workbook;
    std::fs::create_dir_all(dir.join("inputs")).unwrap();
    type Sheet<'a> = (&'a str, &'a str, [&'a str; 2], &'a [[&'a str; 2]]);
    let sheets: [Sheet; 2] = [
        (
            "don-vi.xlsx",
            "DonVi",
            ["Mã đơn vị", "Tên đơn vị"],
            &[["VP", "Văn phòng"], ["KT ", "Phòng Kế toán"]],
        ),
        (
            "can-bo.xlsx",
            "CanBo",
            ["Họ tên", "Mã đơn vị"],
            &[
                ["An", "VP\u{a0}"],
                ["Bình", "VP"],
                ["Chi", "VP "],
                ["Dũng", "KT"],
            ],
        ),
    ];
    for (file, name, headers, rows) in sheets {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet().set_name(name).unwrap();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, cells) in rows.iter().enumerate() {
            for (c, text) in cells.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, *text).unwrap();
            }
        }
        workbook.save(dir.join("inputs").join(file)).unwrap();
    }
}

#[test]
fn join_keys_that_match_only_after_tidying_spaces_are_warned_naming_both_cells() {
    let dir = tempfile::tempdir().unwrap();
    joined_workbooks(dir.path());
    let template = DocxBuilder::new(p(&["{{ten_don_vi}}:{{#each can_bo}} {{ho_ten}}{{/each}}"]));
    std::fs::write(dir.path().join("t.docx"), template.build()).unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        "out = \"out\"\n\
         [sources.don_vi]\nfile = \"inputs/don-vi.xlsx\"\n\
         [sources.can_bo]\nfile = \"inputs/can-bo.xlsx\"\n\
         [[joins]]\ninto = \"don_vi\"\nfrom = \"can_bo\"\nkey = \"ma_don_vi\"\nas = \"can_bo\"\n\
         [[documents]]\nkind = \"ds\"\ntemplate = \"t.docx\"\nsource = \"don_vi\"\nname = \"{{ma_don_vi}}.docx\"\n",
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(docx_files(&dir.path().join("out")), ["KT.docx", "VP.docx"]);
    assert_eq!(
        body(&dir.path().join("out/VP.docx")),
        "Văn phòng: An Bình Chi"
    );
    assert_eq!(body(&dir.path().join("out/KT.docx")), "Phòng Kế toán: Dũng");
    let hint = "hint: delete the extra spaces in the sheet (Find and Replace) to make the two cells alike\n";
    let expected = [
        "inputs/can-bo.xlsx:CanBo!B2: warning: the key 'VP<NBSP>' and 'VP' in inputs/don-vi.xlsx:DonVi!A2 differ only in spaces, so they are taken as one key\n",
        "inputs/can-bo.xlsx:CanBo!B5: warning: the key 'KT' and 'KT ' in inputs/don-vi.xlsx:DonVi!A3 differ only in spaces, so they are taken as one key\n",
    ];
    for warning in expected {
        assert!(
            run.stderr.contains(&format!("{warning}{hint}")),
            "{warning}\n{}",
            run.stderr
        );
    }
    // Once per key: Chi's `VP ` (B4) is no second warning of the join.
    assert_eq!(
        run.stderr.matches("as one key").count(),
        2,
        "{}",
        run.stderr
    );
}

/// `text` with its accents decomposed (NFD), as some keyboards and Macs type them.
fn decomposed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
}

#[test]
fn keys_typed_with_decomposed_accents_are_one_value_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let kt = "Phòng Kế toán";
    let units = format!("Tên đơn vị,Số biên chế\nVăn phòng,12\n{kt},5\n");
    let staff = format!(
        "Họ tên,Tên đơn vị\nAn,Văn phòng\nBình,{}\nChi,{} \nDũng,{kt}\n",
        decomposed(kt),
        decomposed(kt)
    );
    std::fs::write(dir.path().join("don-vi.csv"), units).unwrap();
    std::fs::write(dir.path().join("can-bo.csv"), staff).unwrap();
    // In one column: a warning at each cell that differs from the first.
    let (rows, stderr) = data(dir.path(), "can-bo.csv", &[]);
    assert_eq!(column(&rows, "ten_don_vi")[1], kt);
    assert_eq!(
        stderr,
        format!(
            "can-bo.csv:B4: warning: '{nfd} ' and '{nfd}' in B3 differ only in spaces, so they are taken as one value\n\
             hint: delete the extra spaces in the sheet (Find and Replace) to make the two cells alike\n\
             can-bo.csv:B5: warning: '{kt}' and '{nfd}' in B3 differ only in how their accents are encoded, so they are taken as one value\n\
             hint: retype one of the two cells with the keyboard set to Unicode dựng sẵn (precomposed), to make them alike\n",
            nfd = decomposed(kt)
        )
    );
    render(
        dir.path(),
        "{{ten_don_vi}}: {{count}}",
        "can-bo.csv",
        &["--group-by", "ten_don_vi", "--name", "{{ten_don_vi}}.docx"],
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        [format!("{kt}.docx"), "Văn phòng.docx".to_string()]
    );
    assert_eq!(
        body(&dir.path().join(format!("out/{kt}.docx"))),
        format!("{kt}: 3")
    );
    // Across a join: once per key, naming both cells.
    let template = DocxBuilder::new(p(&["{{ten_don_vi}}:{{#each can_bo}} {{ho_ten}}{{/each}}"]));
    std::fs::write(dir.path().join("t.docx"), template.build()).unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        "out = \"out\"\n\
         [sources.don_vi]\nfile = \"don-vi.csv\"\n\
         [sources.can_bo]\nfile = \"can-bo.csv\"\n\
         [[joins]]\ninto = \"don_vi\"\nfrom = \"can_bo\"\nkey = \"ten_don_vi\"\nas = \"can_bo\"\n\
         [[documents]]\nkind = \"ds\"\ntemplate = \"t.docx\"\nsource = \"don_vi\"\nname = \"dv-{{_row}}.docx\"\n",
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/dv-3.docx")),
        format!("{kt}: Bình Chi Dũng")
    );
    let warning = format!(
        "can-bo.csv:B3: warning: the key '{}' and '{kt}' in don-vi.csv:A3 differ only in how their accents are encoded, so they are taken as one key\n\
         hint: retype one of the two cells with the keyboard set to Unicode dựng sẵn (precomposed), to make them alike\n",
        decomposed(kt)
    );
    assert!(run.stderr.contains(&warning), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("as one key").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn excel_97_and_opendocument_sheets_hide_rows_as_xlsx_does() {
    // tests/fixtures/loc.{xls,ods}: an AutoFilter showing unit VP only (rows 3 and 5 hidden);
    // an-hang.{xls,ods}: row 3 and column C hidden by hand; saved by LibreOffice Calc
    // (tools/tao-bang-bo-cuc.py).
    for extension in ["xls", "ods"] {
        let dir = tempfile::tempdir().unwrap();
        for stem in ["loc", "an-hang"] {
            let file = format!("{stem}.{extension}");
            std::fs::copy(fixture(&file), dir.path().join(&file)).unwrap();
        }
        let loc = format!("loc.{extension}");
        let (rows, stderr) = data(dir.path(), &loc, &[]);
        assert_eq!(column(&rows, "ho_ten"), ["An", "Chi"], "{loc}");
        assert_eq!(
            stderr,
            format!(
                "{loc}:DanhSach: note: rows 3 and 5 are hidden by the sheet's AutoFilter, so they are left out\n\
                 hint: to read every row, give --keep-filtered (keep_filtered = true in a manifest's source), or clear the filter (Data > Clear) and save\n"
            )
        );
        let (rows, _) = data(dir.path(), &loc, &["--keep-filtered"]);
        assert_eq!(
            column(&rows, "ho_ten"),
            ["An", "Bình", "Chi", "Dũng"],
            "{loc}"
        );
        let by_hand = format!("an-hang.{extension}");
        let (rows, stderr) = data(dir.path(), &by_hand, &[]);
        assert_eq!(rows.len(), 4, "{by_hand}");
        assert_eq!(
            stderr,
            format!(
                "{by_hand}:DanhSach: note: row 3 is hidden in the sheet; it is read like the others\n\
                 {by_hand}:DanhSach: note: column C is hidden in the sheet; it is read like the others\n"
            )
        );
    }
}
