//! The language of messages: English by default, Vietnamese when the locale is Vietnamese or
//! with `--lang vi`, the same error and exit code in both.

use std::path::Path;

use crate::common::vanban_env;

const ARGS: &[&str] = &[
    "check",
    "templates/giay-khen.docx",
    "--data",
    "inputs/can-bo.xlsx",
    "--sheet",
    "Khong",
];

const ENGLISH: &str = "inputs/can-bo.xlsx: no sheet 'Khong'\n\
                       hint: the workbook has one sheet: 'CanBo'\n\
                       error: 1 problem found in templates/giay-khen.docx\n";

const VIETNAMESE: &str = "inputs/can-bo.xlsx: lỗi: không có trang tính 'Khong'\n\
                          gợi ý: sổ tính có một trang tính: 'CanBo'\n\
                          lỗi: tìm thấy 1 vấn đề trong templates/giay-khen.docx\n";

/// `vanban ARGS` at the repository's root with exactly this locale (the runner's own unset).
fn run(args: &[&str], locale: &[(&str, &str)]) -> (String, i32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut env = vec![("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "C.UTF-8")];
    for (name, value) in locale {
        env.retain(|(n, _)| n != name);
        env.push((name, value));
    }
    let run = vanban_env(root, args, &env);
    (run.stderr, run.code)
}

#[test]
fn english_is_the_default() {
    assert_eq!(run(ARGS, &[]), (ENGLISH.to_string(), 2));
}

#[test]
fn a_vietnamese_locale_gives_vietnamese_messages_with_the_same_exit_code() {
    assert_eq!(
        run(ARGS, &[("LANG", "vi_VN.UTF-8")]),
        (VIETNAMESE.to_string(), 2)
    );
}

#[test]
fn lang_vi_gives_vietnamese_whatever_the_locale() {
    let mut args = vec!["--lang", "vi"];
    args.extend_from_slice(ARGS);
    assert_eq!(run(&args, &[]), (VIETNAMESE.to_string(), 2));
    // The option after the command, too.
    let mut after = ARGS.to_vec();
    after.extend_from_slice(&["--lang", "vi"]);
    assert_eq!(run(&after, &[]), (VIETNAMESE.to_string(), 2));
}

#[test]
fn lang_en_and_lc_all_win_over_a_vietnamese_lang() {
    let mut args = vec!["--lang", "en"];
    args.extend_from_slice(ARGS);
    assert_eq!(
        run(&args, &[("LANG", "vi_VN.UTF-8")]),
        (ENGLISH.to_string(), 2)
    );
    assert_eq!(
        run(ARGS, &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "en_US.UTF-8")]),
        (ENGLISH.to_string(), 2)
    );
    assert_eq!(
        run(ARGS, &[("LC_MESSAGES", "vi_VN.UTF-8")]),
        (VIETNAMESE.to_string(), 2)
    );
}

#[test]
fn status_lines_are_in_vietnamese_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ke-hoach.docx");
    let file = file.to_str().unwrap();
    let (text, code) = run(&["--lang", "vi", "new", "ke-hoach", file], &[]);
    assert_eq!(
        (text, code),
        (format!("đã ghi mẫu ke-hoach vào {file}\n"), 0)
    );
    let (text, code) = run(&["--lang", "vi", "new", "ke-hoach", file], &[]);
    assert_eq!(
        (text, code),
        (
            format!(
                "{file}: lỗi: tệp đã có sẵn\n\
                 gợi ý: hãy chọn tên khác, hoặc thêm --force để ghi đè\n\
                 lỗi: tìm thấy 1 vấn đề; chưa ghi tệp nào\n"
            ),
            2
        )
    );
}

#[test]
fn a_helper_s_complaint_about_a_value_is_said_in_the_reader_s_language() {
    let builder = crate::common::DocxBuilder::new(crate::common::p(&[&crate::common::r(
        "Số tiền: {{doc_tien tien}}",
    )]));
    let dir = crate::common::with_template(&builder, "d.csv", "Tên,Tiền\nAn,năm trăm\n");
    let args = ["render", "t.docx", "--data", "d.csv"];
    let english = vanban_env(dir.path(), &args, &[("LC_ALL", ""), ("LANG", "C.UTF-8")]);
    assert_eq!(english.code, 1, "{}", english.stderr);
    assert!(
        english
            .stderr
            .contains("doc_tien: expected a number, found 'năm trăm'"),
        "{}",
        english.stderr
    );
    let mut vi = vec!["--lang", "vi"];
    vi.extend_from_slice(&args);
    let vietnamese = vanban_env(dir.path(), &vi, &[("LC_ALL", ""), ("LANG", "C.UTF-8")]);
    assert_eq!(vietnamese.code, english.code);
    assert!(
        vietnamese
            .stderr
            .contains("doc_tien: cần một số, nhưng gặp 'năm trăm'"),
        "{}",
        vietnamese.stderr
    );
    assert!(
        !vietnamese.stderr.contains("expected"),
        "{}",
        vietnamese.stderr
    );
}
