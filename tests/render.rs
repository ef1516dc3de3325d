//! `vanban render` on templates built in code: exit codes, messages, names, globals,
//! determinism, and what is (not) left on disk.

use crate::common::*;

fn letter() -> DocxBuilder {
    DocxBuilder::new(
        [
            p(&["Kính gửi: {{ten_", "don_vi}}."]),
            p(&["Năm {{nam}}: {{ho_ten}}"]),
        ]
        .concat(),
    )
}

#[test]
fn a_field_missing_from_some_json_records_fails_only_those_documents() {
    let data = r#"[{"ten_don_vi": "A", "ho_ten": "An"}, {"ten_don_vi": "B"}, {"ten_don_vi": "C", "ho_ten": "Chi"}]"#;
    let dir = with_template(&letter(), "d.json", data);
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.json", "--set", "nam=2025"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 2: {{ho_ten}}: no field 'ho_ten' in the data (rendering d.json:record 2)\n\
         hint: add a column 'ho_ten' to the data, or write {{default ho_ten \"...\"}}\n\
         error: 1 of 3 documents failed; 2 written to out/\n"
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        ["t-1.docx", "t-3.docx"]
    );
    assert_eq!(
        body(&dir.path().join("out/t-3.docx")),
        "Kính gửi: C.\nNăm 2025: Chi"
    );
}

#[test]
fn a_field_missing_from_every_row_stops_the_run_before_anything_is_written() {
    let dir = with_template(&letter(), "d.csv", "Tên đơn vị,Họ và tên\nA,An\n");
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--set", "nam=2025"],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: word/document.xml paragraph 2: {{ho_ten}}: no field 'ho_ten' in the data\n\
         hint: did you mean 'ho_va_ten'?\nerror: 1 problem found; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn every_template_error_is_reported_at_once_with_exit_2() {
    let builder = DocxBuilder::new(
        [
            p(&["{{#each rows}}"]),
            p(&["{{ho_ten"]),
            p(&["{{/if}}"]),
            p(&["{{khong_co x}}"]),
        ]
        .concat(),
    );
    let dir = with_template(&builder, "d.json", "[{}]");
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("hint:"))
        .collect();
    assert_eq!(
        lines,
        [
            "t.docx: word/document.xml paragraph 2: unclosed tag '{{ho_ten'",
            "t.docx: word/document.xml paragraph 4: {{khong_co x}}: unknown helper 'khong_co'",
            "t.docx: word/document.xml paragraph 3: {{/if}} does not match {{#each rows}}",
            "error: 3 problems found; nothing was written",
        ]
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn globals_are_visible_inside_each_and_a_row_field_wins() {
    let builder = DocxBuilder::new(p(&[
        "{{#each rows}}{{ho_ten}} {{nam}} {{don_vi}} {{@root.nam}};{{/each}}",
    ]));
    let data = "ma,ho_ten,don_vi\nA,An,\nA,Bình,Phòng 1\n";
    let dir = with_template(&builder, "d.csv", data);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--group-by",
            "ma",
            "--set",
            "nam=2025",
            "--set",
            "don_vi=Sở",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/t-A.docx")),
        "An 2025  2025;Bình 2025 Phòng 1 2025;"
    );
}

#[test]
fn name_patterns_make_folders_but_never_leave_the_output_folder() {
    let builder = DocxBuilder::new(p(&["{{ma}}"]));
    let data =
        r#"[{"ma": "../../etc/x"}, {"ma": "CON"}, {"ma": "A"}, {"ma": "a"}, {"ma": "C:\\x"}]"#;
    let dir = with_template(&builder, "d.json", data);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.json",
            "--name",
            "{{ma}}/Tờ trình {{ma}}.docx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        all_files(dir.path()),
        [
            "d.json",
            "out/.._.._etc_x/Tờ trình .._.._etc_x.docx",
            "out/A/Tờ trình A.docx",
            "out/CON_/Tờ trình CON.docx",
            "out/C__x/Tờ trình C__x.docx",
            "out/a/Tờ trình a-2.docx",
            "t.docx",
        ]
    );
}

#[test]
fn a_pattern_with_traversal_in_its_own_text_stays_inside() {
    let builder = DocxBuilder::new(p(&["{{ma}}"]));
    let dir = with_template(&builder, "d.json", r#"[{"ma": "A"}]"#);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.json",
            "--name",
            "../../{{ma}}/aux.docx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(all_files(&dir.path().join("out")), ["A/aux_.docx"]);
}

#[test]
fn the_same_inputs_give_byte_identical_files() {
    let builder = letter().header(p(&["{{ten_don_vi}}"])).title("{{ho_ten}}");
    let dir = with_template(
        &builder,
        "d.json",
        r#"[{"ten_don_vi": "A & B", "ho_ten": "An"}]"#,
    );
    let first = vanban(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.json", "--set", "nam=2025", "--out", "a",
        ],
    );
    let second = vanban(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.json", "--set", "nam=2025", "--out", "b", "--jobs",
            "1",
        ],
    );
    assert_eq!((first.code, second.code), (0, 0));
    let a = std::fs::read(dir.path().join("a/t-1.docx")).unwrap();
    let b = std::fs::read(dir.path().join("b/t-1.docx")).unwrap();
    assert!(a == b, "outputs differ");
}

#[test]
fn untouched_parts_are_copied_byte_for_byte() {
    let builder = letter();
    let dir = with_template(
        &builder,
        "d.json",
        r#"{"ten_don_vi": "A", "ho_ten": "An", "nam": 2025}"#,
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let template = std::fs::read(dir.path().join("t.docx")).unwrap();
    let output = std::fs::read(dir.path().join("out/t.docx")).unwrap();
    assert_eq!(
        vanban::testkit::entry_names(&template),
        vanban::testkit::entry_names(&output)
    );
    assert_eq!(
        entry_text(&template, "word/styles.xml"),
        entry_text(&output, "word/styles.xml")
    );
}

#[test]
fn an_output_folder_that_is_a_file_stops_the_run() {
    let dir = with_template(
        &letter(),
        "d.json",
        r#"{"ten_don_vi": "A", "ho_ten": "An", "nam": 1}"#,
    );
    std::fs::write(dir.path().join("out"), "not a folder").unwrap();
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "out: the output folder is a file\nerror: 1 problem found; nothing was written\n"
    );
}

#[test]
fn no_temporary_file_is_left_behind() {
    let dir = with_template(
        &letter(),
        "d.json",
        r#"[{"ten_don_vi": "A", "ho_ten": "An", "nam": 1}, {"ten_don_vi": "B"}]"#,
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(run.code, 1);
    assert_eq!(all_files(&dir.path().join("out")), ["t-1.docx"]);
}

#[test]
fn a_template_that_is_not_a_docx_is_refused_with_its_name() {
    let dir = with_template(&letter(), "d.json", "[]");
    std::fs::write(dir.path().join("bad.docx"), "hello").unwrap();
    let run = vanban(dir.path(), &["render", "bad.docx", "--data", "d.json"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("bad.docx: not a .docx file"),
        "{}",
        run.stderr
    );
}

#[test]
fn bracketed_header_text_names_a_column() {
    let builder = DocxBuilder::new(p(&["{{[Họ và tên]}} – {{[Điểm (tối đa 10)]}}"]));
    let dir = with_template(
        &builder,
        "d.csv",
        "\u{feff}Họ và tên,Điểm (tối đa 10)\nNguyễn Văn An,8.5\n",
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.path().join("out/t-2.docx")),
        "Nguyễn Văn An – 8,5"
    );
}

#[test]
fn the_summary_line_counts_documents_and_quiet_silences_it() {
    let dir = with_template(
        &letter(),
        "d.json",
        r#"[{"ten_don_vi": "A", "ho_ten": "An", "nam": 1}]"#,
    );
    let run = vanban(dir.path(), &["render", "t.docx", "--data", "d.json"]);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (0, "wrote 1 document to out/\n", "")
    );
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.json", "--quiet"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = vanban(dir.path(), &["render", "t.docx"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--data"), "{}", run.stderr);
    let run = vanban(
        dir.path(),
        &["render", "t.docx", "--data", "d.json", "--set", "nam"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("--set: expected KEY=VALUE, found 'nam'"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_writes_a_starter_that_check_accepts_and_refuses_an_unknown_kind() {
    let dir = tempfile::tempdir().unwrap();
    let run = vanban(dir.path(), &["new", "to-trinh", "mau/to-trinh.docx"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "wrote a to-trinh template to mau/to-trinh.docx\n")
    );
    let check = vanban(dir.path(), &["check", "mau/to-trinh.docx"]);
    assert_eq!(
        (check.code, check.stderr.as_str()),
        (0, "mau/to-trinh.docx: no problems found\n")
    );
    let text = body(&dir.path().join("mau/to-trinh.docx"));
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            && text.contains("Độc lập - Tự do - Hạnh phúc"),
        "{text}"
    );
    let run = vanban(dir.path(), &["new", "to-trinhh", "x.docx"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("error: unknown kind 'to-trinhh'"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("x.docx").exists());
}
