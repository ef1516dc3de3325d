//! Messages a clerk can act on, on the bundled round with one mistake each: one error for
//! one cause, the folder a missing file was looked for in, a did-you-mean for every name.

use std::path::Path;

use crate::common::vanban;

/// A copy of the bundled round with `from` replaced by `to` in its manifest.
fn round_with(from: &str, to: &str) -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for sub in ["templates", "inputs"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(root.join(sub)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    let manifest = std::fs::read_to_string(root.join("vanban.toml")).unwrap();
    assert!(manifest.contains(from), "the manifest has {from}");
    std::fs::write(
        dir.path().join("vanban.toml"),
        manifest.replacen(from, to, 1),
    )
    .unwrap();
    dir
}

/// The errors of `vanban run` (its warnings left out), and its exit code.
fn errors(dir: &Path) -> (String, i32) {
    let run = vanban(dir, &["run"]);
    let text: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.contains(": warning: "))
        .collect();
    (text.join("\n") + "\n", run.code)
}

#[test]
fn a_missing_workbook_is_one_error_naming_its_folder_and_the_nearest_file() {
    let dir = round_with("inputs/can-bo.xlsx", "inputs/can-bo-2025.xlsx");
    let folder = std::fs::canonicalize(dir.path().join("inputs")).unwrap();
    let (text, code) = errors(dir.path());
    assert_eq!(code, 2);
    assert_eq!(
        text,
        format!(
            "inputs/can-bo-2025.xlsx: no such file (looked in {}/)\n\
             hint: did you mean 'can-bo.xlsx'?\n\
             error: 1 problem found; nothing was written\n",
            folder.display()
        )
    );
    assert!(!dir.path().join("out").exists());
    assert!(!dir.path().join("so-dang-ky.xlsx").exists());
}

#[test]
fn a_missing_template_names_its_folder_and_the_nearest_file() {
    let dir = round_with("templates/bien-ban.docx", "templates/bien-ban-hop.docx");
    let folder = std::fs::canonicalize(dir.path().join("templates")).unwrap();
    let (text, code) = errors(dir.path());
    assert_eq!(code, 2);
    assert_eq!(
        text,
        format!(
            "templates/bien-ban-hop.docx: no such file (looked in {}/)\n\
             hint: did you mean 'bien-ban.docx'?\n\
             error: 1 problem found; nothing was written\n",
            folder.display()
        )
    );
}

#[test]
fn a_misspelt_field_in_a_filter_or_rule_is_an_error_with_the_field_meant() {
    let cases = [
        (
            "filter = '(eq da_nop_bao_cao \"Không\")'",
            "filter = '(eq da_nop_bao_ca \"Không\")'",
            "filter: '(eq da_nop_bao_ca \"Không\")': no field 'da_nop_bao_ca' in the data\n\
             hint: did you mean 'da_nop_bao_cao'?\n",
        ),
        (
            "when = '(eq danh_hieu \"Lao động tiên tiến\")'",
            "when = '(eq danh_heu \"Lao động tiên tiến\")'",
            "vanban.toml: rules 'lao-dong-tien-tien': '(eq danh_heu \"Lao động tiên tiến\")': no field 'danh_heu' in the data\n\
             hint: did you mean 'danh_hieu'?\n",
        ),
        (
            "from = \"don_vi\"\nkey = \"ma_don_vi\"",
            "from = \"don_vj\"\nkey = \"ma_don_vi\"",
            "vanban.toml: joins[1]: no source 'don_vj'\n\
             hint: did you mean 'don_vi'?\n",
        ),
        (
            "from = \"don_vi\"\nkey = \"ma_don_vi\"",
            "from = \"don_vi\"\nkey = \"ma_don_v\"",
            "inputs/don-vi.xlsx: joins[1]: no column 'ma_don_v'\n\
             hint: did you mean 'ma_don_vi'?\n",
        ),
        (
            "rank = \"tong_diem\"",
            "rank = \"tong_dem\"",
            "vanban.toml: fields 'xep_hang': no field 'tong_dem' in inputs/don-vi.xlsx\n\
             hint: did you mean 'tong_diem'?\n",
        ),
    ];
    for (from, to, expected) in cases {
        let dir = round_with(from, to);
        let (text, code) = errors(dir.path());
        assert_eq!(code, 2, "{text}");
        assert_eq!(
            text,
            format!("{expected}error: 1 problem found; nothing was written\n")
        );
    }
}

#[test]
fn a_header_the_data_lacks_is_named_as_written_with_the_column_meant() {
    use crate::common::{DocxBuilder, p};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["Kính gửi: {{[Họ tên]}}"])).build(),
    )
    .unwrap();
    std::fs::write(dir.path().join("d.csv"), "Mã cán bộ,Họ và tên\nCB1,An\n").unwrap();
    let run = vanban(dir.path(), &["check", "t.docx", "--data", "d.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "t.docx: word/document.xml paragraph 1: {{[Họ tên]}}: no column 'Họ tên' in the data\n\
             hint: did you mean '[Họ và tên]' (column B)?\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_group_by_names_the_field_meant() {
    use crate::common::{DocxBuilder, p};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["{{count}}"])).build(),
    )
    .unwrap();
    std::fs::write(dir.path().join("u.csv"), "Mã đơn vị,Họ và tên\nVP,An\n").unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        "[sources.u]\nfile = \"u.csv\"\n\n[[documents]]\nkind = \"x\"\ntemplate = \"t.docx\"\nsource = \"u\"\ngroup_by = \"ma_don_v\"\n",
    )
    .unwrap();
    let (text, code) = errors(dir.path());
    assert_eq!(code, 2);
    assert_eq!(
        text,
        "u.csv: --group-by: no column 'ma_don_v' in the data\n\
         hint: did you mean 'ma_don_vi'?\n\
         error: 1 problem found; nothing was written\n"
    );
}
