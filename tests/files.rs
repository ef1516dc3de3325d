//! Files that do not mislead: made with the process's umask, never overwritten by `new`
//! without `--force`.

use crate::common::{DocxBuilder, p, vanban};

#[test]
#[cfg(unix)]
fn output_files_are_made_with_the_umask_for_colleagues_to_open() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(p(&["Số: {{so_ky_hieu}}"])).build(),
    )
    .unwrap();
    let script = format!(
        "umask 022 && '{bin}' new cong-van n.docx && printf 'Mã đơn vị\\nVP\\n' > u.csv && \
         printf '[sources.u]\\nfile = \"u.csv\"\\n[[documents]]\\nkind = \"cv\"\\ntemplate = \"t.docx\"\\n\
source = \"u\"\\nnumbering = {{ symbol = \"STNMT-VP\" }}\\n' > vanban.toml && '{bin}' run -q",
        bin = env!("CARGO_BIN_EXE_vanban")
    );
    let status = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for file in [
        "n.docx",
        "so-dang-ky.xlsx",
        "out/tom-tat.txt",
        "out/cv-2.docx",
    ] {
        let mode = std::fs::metadata(dir.path().join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "{file}: {:o}", mode & 0o777);
    }
}

#[test]
fn new_does_not_overwrite_a_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), b"the clerk's own letter").unwrap();
    let run = vanban(dir.path(), &["new", "cong-van", "t.docx"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "t.docx: the file exists already\n\
         hint: choose another name, or add --force to replace it\n\
         error: 1 problem found; nothing was written\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("t.docx")).unwrap(),
        b"the clerk's own letter"
    );
    let run = vanban(dir.path(), &["new", "cong-van", "t.docx", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read(dir.path().join("t.docx"))
            .unwrap()
            .starts_with(b"PK")
    );
}

#[test]
fn a_document_is_dated_in_its_properties_by_its_own_date() {
    let dir = tempfile::tempdir().unwrap();
    // One template whose properties hold a tag, one whose properties are copied as they are.
    let tagged = DocxBuilder::new(p(&["{{ten}}"])).title("Công văn {{ten}}");
    let plain = DocxBuilder::new(p(&["{{ten}}"])).title("Công văn");
    std::fs::write(dir.path().join("a.docx"), tagged.build()).unwrap();
    std::fs::write(dir.path().join("b.docx"), plain.build()).unwrap();
    std::fs::write(
        dir.path().join("u.csv"),
        "Tên,Ngày ký\nAn,05/03/2025\nBình,\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        r#"
[sources.u]
file = "u.csv"

[[documents]]
kind = "a"
template = "a.docx"
source = "u"

[[documents]]
kind = "b"
template = "b.docx"
source = "u"
"#,
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for kind in ["a", "b"] {
        let dated = std::fs::read(dir.path().join(format!("out/{kind}-2.docx"))).unwrap();
        let core = vanban::testkit::entry_text(&dated, "docProps/core.xml").unwrap();
        assert!(
            core.contains(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-05T00:00:00Z</dcterms:created>\
                 <dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-03-05T00:00:00Z</dcterms:modified>"
            ),
            "{kind}: {core}"
        );
        // Without a date of its own, a document keeps the template's.
        let undated = std::fs::read(dir.path().join(format!("out/{kind}-3.docx"))).unwrap();
        let core = vanban::testkit::entry_text(&undated, "docProps/core.xml").unwrap();
        assert!(
            core.contains(">2001-01-01T00:00:00Z</dcterms:created>"),
            "{kind}: {core}"
        );
    }
}

#[test]
#[cfg(unix)]
fn a_starter_is_dated_the_day_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let run = vanban(dir.path(), &["new", "ke-hoach", "k.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let today = std::process::Command::new("date")
        .args(["-u", "+%F"])
        .output()
        .unwrap();
    let today = String::from_utf8(today.stdout).unwrap();
    let core = vanban::testkit::entry_text(
        &std::fs::read(dir.path().join("k.docx")).unwrap(),
        "docProps/core.xml",
    )
    .unwrap();
    for element in ["created", "modified"] {
        let open = format!(
            "<dcterms:{element} xsi:type=\"dcterms:W3CDTF\">{}T",
            today.trim()
        );
        assert!(core.contains(&open), "{element}: {core}");
    }
}
