//! Small helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;

pub use vanban::testkit::{
    DocxBuilder, bold, crc32, entry_text, p, paragraphs, r, row, table, table_rows, with_entries,
};

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `vanban ARGS` in `dir`.
pub fn vanban(dir: &Path, args: &[&str]) -> Run {
    vanban_env(dir, args, &[])
}

/// Runs `vanban ARGS` in `dir` with these environment variables set.
pub fn vanban_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .expect("vanban runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A fresh working folder holding copies of the named fixtures under `data/` and
/// `templates/`, as in ../shared/fixtures.
pub fn workspace(fixtures: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in fixtures {
        let sub = if name.ends_with(".docx") {
            "templates"
        } else {
            "data"
        };
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::copy(fixture(name), dir.path().join(sub).join(name)).expect("fixture copied");
    }
    dir
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Paragraph texts of a part of a written .docx.
pub fn part_text(docx: &Path, part: &str) -> Vec<String> {
    let bytes = std::fs::read(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let xml =
        entry_text(&bytes, part).unwrap_or_else(|| panic!("{} has no {part}", docx.display()));
    paragraphs(&xml)
}

/// The body's paragraphs, joined by newlines.
pub fn body(docx: &Path) -> String {
    part_text(docx, "word/document.xml").join("\n")
}

/// Every .docx under `dir`, relative, sorted.
pub fn docx_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    walk(dir, dir, &mut found);
    found.sort();
    found
}

/// Every file under `dir`, relative, sorted.
pub fn all_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    walk_all(dir, dir, &mut found);
    found.sort();
    found
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) {
    let mut all = Vec::new();
    walk_all(root, dir, &mut all);
    found.extend(all.into_iter().filter(|f| f.ends_with(".docx")));
}

fn walk_all(root: &Path, dir: &Path, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk_all(root, &path, found);
        } else {
            found.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

/// Writes a built template and a data file into a fresh folder.
pub fn with_template(builder: &DocxBuilder, data_name: &str, data: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("t.docx"), builder.build()).unwrap();
    std::fs::write(dir.path().join(data_name), data).unwrap();
    dir
}

/// Whether an external tool is present; where the tests must run (CI), its absence fails.
pub fn tool_available(program: &str, probe: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(probe)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        if std::env::var_os("VANBAN_REQUIRE_OFFICE_TOOLS").is_some() {
            panic!(
                "{program} is required here (VANBAN_REQUIRE_OFFICE_TOOLS is set) but does not run"
            );
        }
        eprintln!("notice: {program} is not installed; skipping this test (CI installs it)");
    }
    ok
}

/// Converts `files` to PDF with LibreOffice (its own profile under `work`) into `work/pdf`,
/// asserting that each PDF was written; returns that folder.
pub fn convert_to_pdf<P: AsRef<Path>>(work: &Path, files: &[P]) -> PathBuf {
    let pdf_dir = work.join("pdf");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf_dir)
        .args(files.iter().map(AsRef::as_ref))
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    for file in files {
        let file = file.as_ref();
        let pdf = pdf_dir.join(file.with_extension("pdf").file_name().unwrap());
        let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 1000,
            "LibreOffice did not convert {}",
            file.display()
        );
    }
    pdf_dir
}
