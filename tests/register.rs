//! The outgoing register (`so-dang-ky.xlsx`): numbers that never move, are never issued
//! twice, and are all in the register, whatever the runs, their order or a killed run.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;

use crate::common::{DocxBuilder, body, docx_files, p, vanban};

const MANIFEST: &str = r#"
[globals]
ngay_ky = 2025-11-20

[sources.u]
file = "u.csv"

[[documents]]
kind = "cong-van"
template = "t.docx"
source = "u"
filter = '(eq gui "x")'
name = "{{ma_don_vi}}.docx"
numbering = { symbol = "STNMT-VP", first = 412, key = "ma_don_vi", title = "V/v nhắc {{ma_don_vi}} nộp báo cáo" }
"#;

/// A folder with the template, the manifest and units `rows` (`code,gui`).
fn office(rows: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["Số: {{so_ky_hieu}}"])).build(),
    )
    .unwrap();
    std::fs::write(dir.path().join("vanban.toml"), MANIFEST).unwrap();
    units(dir.path(), rows);
    dir
}

fn units(dir: &Path, rows: &[(&str, &str)]) {
    let mut csv = String::from("Mã đơn vị,Gửi\n");
    for (code, send) in rows {
        csv.push_str(&format!("{code},{send}\n"));
    }
    std::fs::write(dir.join("u.csv"), csv).unwrap();
}

/// The number each file in `out/` prints, by file name.
fn printed(dir: &Path) -> BTreeMap<String, String> {
    docx_files(&dir.join("out"))
        .into_iter()
        .map(|f| {
            let text = body(&dir.join("out").join(&f));
            (f, text.trim_start_matches("Số: ").to_string())
        })
        .collect()
}

/// The register's rows below its header: (number, Ghi chú, key, file).
fn register(dir: &Path) -> Vec<[String; 4]> {
    let mut book: Xlsx<_> = open_workbook(dir.join("so-dang-ky.xlsx")).unwrap();
    let range = book.worksheet_range("SoDangKy").unwrap();
    range
        .rows()
        .skip(1)
        .map(|r| [0, 7, 10, 11].map(|c| r[c].to_string()))
        .collect()
}

fn no_number_twice(dir: &Path) {
    let printed = printed(dir);
    let mut seen = BTreeMap::new();
    for (file, number) in &printed {
        if let Some(other) = seen.insert(number.clone(), file.clone()) {
            panic!("{number} is printed by {other} and {file}");
        }
    }
    let registered: Vec<String> = register(dir).into_iter().map(|l| l[0].clone()).collect();
    for (file, number) in &printed {
        assert!(
            registered.contains(number),
            "{file} prints {number}, which the register lacks: {registered:?}"
        );
    }
}

#[test]
fn a_number_stays_with_its_document_and_a_dropped_one_is_never_issued_again() {
    let dir = office(&[("A", "x"), ("B", "x"), ("C", "x"), ("D", "x")]);
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first: Vec<(String, String)> = printed(dir.path()).into_iter().collect();
    assert_eq!(
        first,
        [
            ("A.docx", "412/STNMT-VP"),
            ("B.docx", "413/STNMT-VP"),
            ("C.docx", "414/STNMT-VP"),
            ("D.docx", "415/STNMT-VP")
        ]
        .map(|(f, n)| (f.to_string(), n.to_string()))
    );

    // B no longer gets a letter, E does, and the rows come in another order.
    units(
        dir.path(),
        &[("E", "x"), ("D", "x"), ("C", "x"), ("B", ""), ("A", "x")],
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "out: warning: 1 document from an earlier run was not written by this run: B.docx\n\
             hint: they are listed in the summary; `vanban run --clean` removes them"
        ),
        "{}",
        run.stderr
    );
    let second = printed(dir.path());
    assert_eq!(second["A.docx"], "412/STNMT-VP");
    assert_eq!(second["C.docx"], "414/STNMT-VP");
    assert_eq!(second["D.docx"], "415/STNMT-VP");
    assert_eq!(second["E.docx"], "416/STNMT-VP", "the next free number");
    no_number_twice(dir.path());
    let lines = register(dir.path());
    assert_eq!(lines.len(), 5);
    let b = lines.iter().find(|l| l[2] == "ma_don_vi=B").unwrap();
    assert_eq!(b[0], "413/STNMT-VP");
    assert_eq!(
        b[1],
        "Không còn được tạo ở lần chạy gần nhất; số không cấp lại"
    );
    let summary = std::fs::read_to_string(dir.path().join("out/tom-tat.txt")).unwrap();
    assert!(summary.contains("\nstale (documents of an earlier run that this run did not make; `vanban run --clean` removes them)\n  B.docx\n"), "{summary}");

    // B again, F new, E dropped; the stale B.docx is removed by --clean first.
    units(
        dir.path(),
        &[("F", "x"), ("A", "x"), ("B", "x"), ("C", "x"), ("D", "x")],
    );
    let run = vanban(dir.path(), &["run", "--clean"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let third = printed(dir.path());
    assert_eq!(third["B.docx"], "413/STNMT-VP", "B keeps its number");
    assert_eq!(
        third["F.docx"], "417/STNMT-VP",
        "E's 416 is not issued again"
    );
    assert!(!third.contains_key("E.docx"), "--clean removed E.docx");
    no_number_twice(dir.path());
    let lines = register(dir.path());
    let b = lines.iter().find(|l| l[2] == "ma_don_vi=B").unwrap();
    assert_eq!(b[1], "", "the mark goes when the document is made again");
    let e = lines.iter().find(|l| l[2] == "ma_don_vi=E").unwrap();
    assert_eq!(e[0], "416/STNMT-VP");
}

#[test]
fn the_same_inputs_give_the_same_register_and_check_lists_the_numbers() {
    let dir = office(&[("A", "x"), ("B", "x")]);
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(
        check.stdout,
        "numbers a run would print (the register is not changed):\n  \
         412/STNMT-VP  A.docx  (new)\n  413/STNMT-VP  B.docx  (new)\n"
    );
    assert!(!dir.path().join("so-dang-ky.xlsx").exists());
    assert_eq!(vanban(dir.path(), &["run"]).code, 0);
    let before = std::fs::read(dir.path().join("so-dang-ky.xlsx")).unwrap();
    assert_eq!(vanban(dir.path(), &["run"]).code, 0);
    assert_eq!(
        std::fs::read(dir.path().join("so-dang-ky.xlsx")).unwrap(),
        before,
        "a second run of the same inputs writes the same register"
    );
    units(dir.path(), &[("A", "x"), ("B", "x"), ("C", "x")]);
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert!(
        check
            .stdout
            .ends_with("  412/STNMT-VP  A.docx  (kept)\n  413/STNMT-VP  B.docx  (kept)\n  414/STNMT-VP  C.docx  (new)\n"),
        "{}",
        check.stdout
    );
    assert_eq!(
        std::fs::read(dir.path().join("so-dang-ky.xlsx")).unwrap(),
        before,
        "check changes nothing"
    );
}

/// A register written as a clerk would: the header, then `rows` of (A..K) texts.
fn hand_register(dir: &Path, sheet: &str, header: &[&str], rows: &[&[&str]]) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save(dir.join("so-dang-ky.xlsx")).unwrap();
}

const HEADER: [&str; 11] = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ghi chú",
    "Năm",
    "Sổ",
    "Mã văn bản",
];

#[test]
fn a_number_added_by_hand_is_taken_and_its_line_kept() {
    let dir = office(&[("A", "x"), ("B", "x")]);
    // The clerk's own register, with only the Decree's columns, and one letter numbered
    // outside vanban.
    hand_register(
        dir.path(),
        "SoDangKy",
        &HEADER[..8],
        &[
            &[
                "412/STNMT-VP",
                "18/11/2025",
                "Công văn về việc khác",
                "Nguyễn Văn A",
                "UBND thành phố",
                "Văn phòng",
                "2",
                "gửi tay",
            ],
            &["", "", "", "", "", "", "", "Sổ mở ngày 02/01/2025"],
        ],
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed = printed(dir.path());
    assert_eq!(printed["A.docx"], "413/STNMT-VP");
    assert_eq!(printed["B.docx"], "414/STNMT-VP");
    let lines = register(dir.path());
    assert_eq!(
        lines[0],
        ["412/STNMT-VP", "gửi tay", "", ""].map(String::from),
        "the hand-added line is kept as it was, unmarked"
    );
    assert_eq!(
        lines[1],
        ["", "Sổ mở ngày 02/01/2025", "", ""].map(String::from),
        "a line without a number is kept too"
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn a_register_that_contradicts_itself_stops_the_run_naming_both_cells() {
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a [&'a str]], &'a str);
    let cases: [Case; 5] = [
        (
            "SoDangKy",
            &HEADER,
            &[
                &[
                    "412/STNMT-VP",
                    "18/11/2025",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "2025",
                    "STNMT-VP",
                    "",
                ],
                &[
                    "412/STNMT-VP",
                    "19/11/2025",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "2025",
                    "STNMT-VP",
                    "",
                ],
            ],
            "so-dang-ky.xlsx:SoDangKy!A3: the number 412 of the book STNMT-VP (2025) is already at so-dang-ky.xlsx:SoDangKy!A2: one number belongs to one document\n",
        ),
        (
            "SoDangKy",
            &HEADER,
            &[&[
                "412/STNMT-VP",
                "18/11/2025",
                "",
                "",
                "",
                "",
                "",
                "",
                "2024",
                "STNMT-VP",
                "",
            ]],
            "so-dang-ky.xlsx:SoDangKy!I2: the number 412/STNMT-VP is in the book of 2024, but its date 18/11/2025 (so-dang-ky.xlsx:SoDangKy!B2) is in 2025; numbers restart each year\n",
        ),
        (
            "SoDangKy",
            &HEADER,
            &[&["bốn/STNMT-VP", "18/11/2025"]],
            "so-dang-ky.xlsx:SoDangKy!A2: 'bốn/STNMT-VP' does not start with a number\n",
        ),
        (
            "SoDangKy",
            &["Số, ký hiệu văn bản", "Trích yếu"],
            &[],
            "so-dang-ky.xlsx:SoDangKy!A1: the register has no column 'Ngày tháng văn bản' in its header row\n",
        ),
        (
            "Sheet1",
            &HEADER,
            &[],
            "so-dang-ky.xlsx: no sheet 'SoDangKy'\nhint: the workbook has one sheet: 'Sheet1'\n",
        ),
    ];
    for (sheet, header, rows, expected) in cases {
        let dir = office(&[("A", "x")]);
        hand_register(dir.path(), sheet, header, rows);
        let before = std::fs::read(dir.path().join("so-dang-ky.xlsx")).unwrap();
        let run = vanban(dir.path(), &["run"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(expected),
            "expected {expected}\ngot {}",
            run.stderr
        );
        assert!(
            run.stderr.ends_with("nothing was written\n"),
            "{}",
            run.stderr
        );
        assert!(!dir.path().join("out").exists(), "no document is written");
        assert_eq!(
            std::fs::read(dir.path().join("so-dang-ky.xlsx")).unwrap(),
            before,
            "the register is untouched"
        );
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_register_that_cannot_be_written_stops_the_run_before_any_document() {
    let dir = office(&[("A", "x")]);
    // A folder no one can create files in, not even root (tests may run as root).
    let manifest = format!("register = \"/proc/vanban-so-dang-ky.xlsx\"\n{MANIFEST}");
    std::fs::write(dir.path().join("vanban.toml"), manifest).unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "/proc/vanban-so-dang-ky.xlsx: cannot write the register: no such file or directory\n\
             hint: close the register if it is open in Excel, and check the folder can be written\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        docx_files(&dir.path().join("out")).is_empty(),
        "no document is written"
    );
}

#[test]
#[cfg(unix)]
fn a_run_killed_mid_batch_leaves_no_number_twice_and_none_unregistered() {
    let rows: Vec<(String, &str)> = (0..400).map(|i| (format!("U{i:03}"), "x")).collect();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(c, s)| (c.as_str(), *s)).collect();
    let dir = office(&rows);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["run", "--jobs", "1", "--quiet"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    while docx_files(&out).len() < 20 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let made = docx_files(&out).len();
    assert!(made < 400, "the run was killed mid-batch ({made} written)");
    no_number_twice(dir.path());
    // The units change a little before the next run: one fewer, one more.
    let mut next = rows.clone();
    next[3].1 = "";
    next.push(("V999", "x"));
    units(dir.path(), &next);
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    no_number_twice(dir.path());
    let printed = printed(dir.path());
    assert_eq!(printed["U000.docx"], "412/STNMT-VP");
    assert_eq!(printed["U399.docx"], "811/STNMT-VP");
    assert_eq!(printed["V999.docx"], "812/STNMT-VP");
}
