//! The corpus: every .docx of tests/corpus (made by `tests/corpus/make.py` with python-docx,
//! LibreOffice Writer, Python's ElementTree and a .NET-style content-types part) and a few
//! built here in code (a default namespace, Strict OOXML, tracked changes and drawings in a
//! repeated block), each with the data of its JSON file. Each is inspected, checked and
//! rendered: nothing panics, check and render agree, and each output opens in LibreOffice
//! showing its values and adds no openxml-audit violation to its template (those two parts
//! run where soffice, pdftotext and openxml-audit are installed, as CI installs them).

use std::path::{Path, PathBuf};

use crate::common::*;
use crate::real_files::{built_corpus, vanban_exit};

/// Files refused on purpose: (file, the start of the message check and render both give).
const REFUSED: &[(&str, &str)] = &[];

/// A folder holding every corpus file and its data: (stem, template, data), sorted.
fn corpus(work: &Path) -> Vec<String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for name in all_files(&source) {
        if name.ends_with(".docx") || name.ends_with(".json") {
            std::fs::copy(source.join(&name), work.join(&name)).unwrap();
        }
    }
    for (stem, docx, data) in built_corpus() {
        std::fs::write(work.join(format!("{stem}.docx")), docx).unwrap();
        std::fs::write(work.join(format!("{stem}.json")), data).unwrap();
    }
    let stems: Vec<String> = docx_files(work)
        .into_iter()
        .map(|f| f.trim_end_matches(".docx").to_string())
        .collect();
    assert!(stems.len() >= 19, "{stems:?}");
    stems
}

/// The error lines of a run (no warnings, hints or summaries).
fn errors(run: &Run) -> Vec<String> {
    run.stderr
        .lines()
        .filter(|l| !l.starts_with("hint:") && !l.starts_with("error:"))
        .filter(|l| !l.contains(": warning: ") && !l.contains(": note: "))
        .filter(|l| !l.ends_with("no problems found") && !l.contains(": no errors; "))
        .filter(|l| !l.starts_with("wrote "))
        .map(str::to_string)
        .collect()
}

/// Inspects, checks and renders every file; returns (template, output) of those rendered.
fn render_corpus(work: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut rendered = Vec::new();
    for stem in corpus(work) {
        let docx = format!("{stem}.docx");
        let data = format!("{stem}.json");
        let out = format!("out/{stem}");
        let inspect = vanban_exit(work, &["inspect", "--json", &docx]);
        let check = vanban_exit(work, &["check", &docx, "--data", &data]);
        let render = vanban_exit(work, &["render", &docx, "--data", &data, "--out", &out]);
        assert_eq!(
            check.code == 0,
            render.code == 0,
            "{stem}: check and render disagree:\n{}\n{}",
            check.stderr,
            render.stderr
        );
        assert_eq!(errors(&check), errors(&render), "{stem}");
        match REFUSED.iter().find(|(f, _)| *f == docx) {
            Some((_, message)) => {
                assert_eq!((check.code, render.code, inspect.code), (2, 2, 2), "{stem}");
                assert!(
                    errors(&check).first().is_some_and(|e| e == message),
                    "{stem}: {}",
                    check.stderr
                );
            }
            None => {
                assert_eq!(
                    (check.code, render.code, inspect.code),
                    (0, 0, 0),
                    "{stem}:\n{}\n{}",
                    check.stderr,
                    render.stderr
                );
                let outputs = docx_files(&work.join(&out));
                assert_eq!(outputs.len(), 1, "{stem}: {outputs:?}");
                rendered.push((work.join(&docx), work.join(&out).join(&outputs[0])));
            }
        }
    }
    rendered
}

#[test]
fn every_corpus_file_is_inspected_checked_and_rendered_alike() {
    let work = tempfile::tempdir().unwrap();
    let rendered = render_corpus(work.path());
    assert!(rendered.len() >= 19, "{}", rendered.len());
    for (template, output) in &rendered {
        // The output is a package vanban reads again, with no tag left in its body.
        let again = vanban(work.path(), &["inspect", output.to_str().unwrap()]);
        assert_eq!(again.code, 0, "{}: {}", output.display(), again.stderr);
        let text = body(output);
        assert!(
            !text.contains("{{#") && !text.contains("{{/"),
            "{}: {text}",
            template.display()
        );
    }
}

/// The texts each output must show (`_expect` of its data).
fn expected(template: &Path) -> Vec<String> {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(template.with_extension("json")).unwrap())
            .unwrap();
    data["_expect"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_corpus_output_opens_in_libreoffice_with_its_values() {
    if !tool_available("soffice", &["--version"]) || !tool_available("pdftotext", &["-v"]) {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let rendered = render_corpus(work.path());
    // One name per output, so one LibreOffice call converts them all.
    let flat = work.path().join("flat");
    std::fs::create_dir_all(&flat).unwrap();
    let mut files = Vec::new();
    for (template, output) in &rendered {
        let name = flat.join(template.file_name().unwrap());
        std::fs::copy(output, &name).unwrap();
        files.push(name);
    }
    let pdf_dir = convert_to_pdf(work.path(), &files);
    for (template, _) in &rendered {
        let pdf = pdf_dir.join(template.with_extension("pdf").file_name().unwrap());
        let text = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for value in expected(template) {
            assert!(
                text.contains(&value),
                "{}: '{value}' not in {text}",
                template.display()
            );
        }
        assert!(!text.contains("{{ "), "{}: {text}", template.display());
    }
}

#[test]
fn every_corpus_output_adds_no_ooxml_violation_to_its_template() {
    if !tool_available("openxml-audit", &["--help"]) {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    for (template, output) in render_corpus(work.path()) {
        let allowed = crate::office::violations(&template);
        let added: Vec<_> = crate::office::violations(&output)
            .difference(&allowed)
            .cloned()
            .collect();
        assert!(added.is_empty(), "{} adds {added:?}", output.display());
    }
}
