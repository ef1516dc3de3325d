//! What Word users will do with the output: LibreOffice must open every document, and
//! openxml-audit must find no OOXML violation that the template did not already have (Word
//! repairs or refuses what LibreOffice forgives).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// Renders the three fixture jobs (both template variants) and a built template with every
/// block shape, and returns (template, outputs) pairs.
fn render_everything(dir: &Path) -> Vec<(PathBuf, Vec<PathBuf>)> {
    let mut jobs: Vec<(String, Vec<String>)> = Vec::new();
    for variant in ["lo", "pd"] {
        jobs.push((
            format!("cong-van-don-doc-{variant}.docx"),
            vec!["--data".into(), "data/don-vi.xlsx".into()],
        ));
        jobs.push((
            format!("danh-sach-khen-thuong-{variant}.docx"),
            vec![
                "--data".into(),
                "data/khen-thuong.xlsx".into(),
                "--header-row".into(),
                "3".into(),
                "--group-by".into(),
                "ma_don_vi".into(),
                "--combine".into(),
                format!("out/danh-sach-{variant}/tat-ca.docx"),
            ],
        ));
        jobs.push((
            format!("giay-moi-hop-{variant}.docx"),
            vec!["--data".into(), "data/don-vi.ods".into()],
        ));
    }
    let mut results = Vec::new();
    for (template, data_args) in jobs {
        let out = format!("out/{}", template.trim_end_matches(".docx"));
        let mut args = vec![
            "render".to_string(),
            format!("templates/{template}"),
            "--out".into(),
            out.clone(),
        ];
        args.extend(data_args);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = vanban(dir, &args);
        assert_eq!(run.code, 0, "{template}: {}", run.stderr);
        let mut outputs: Vec<PathBuf> = docx_files(&dir.join(&out))
            .iter()
            .map(|f| dir.join(&out).join(f))
            .collect();
        if template.starts_with("danh-sach") {
            let variant = if template.contains("-lo") { "lo" } else { "pd" };
            outputs.push(dir.join(format!("out/danh-sach-{variant}/tat-ca.docx")));
        }
        results.push((dir.join("templates").join(&template), outputs));
    }
    // A built template: split runs, a table-row block, a paragraph block around a table,
    // nested loops, header and footer tags, data with markup characters and line breaks.
    let builder = DocxBuilder::new(
        [
            p(&["Kính gửi: {{ten_", "don_vi}}."]),
            p(&["{{#if ghi_chu}}"]),
            p(&["{{ghi_chu}}"]),
            table(&[
                row(&["STT", "Họ và tên"]),
                row(&["{{#each rows}}{{stt}}", "{{ho_ten}}{{/each}}"]),
            ]),
            p(&["{{/if}}"]),
            p(&["{{#each rows}}{{ho_ten}}: {{#each tags}}[{{this}}]{{/each}}; {{/each}}"]),
        ]
        .concat(),
    )
    .header(p(&["{{ten_don_vi}}"]))
    .footer(p(&["Trang của {{ma}}"]));
    std::fs::write(dir.join("built.docx"), builder.build()).unwrap();
    let data = r#"[
      {"ma": "A", "ten_don_vi": "Nước sạch & <Vệ sinh>", "ghi_chu": "dòng 1\ndòng 2\t\"x\" 'y'",
       "rows": [{"ho_ten": "An", "tags": ["a", "b"]}, {"ho_ten": "Bình", "tags": []}]},
      {"ma": "B", "ten_don_vi": "B", "ghi_chu": "", "rows": []}
    ]"#;
    std::fs::write(dir.join("built.json"), data).unwrap();
    let run = vanban(
        dir,
        &[
            "render",
            "built.docx",
            "--data",
            "built.json",
            "--out",
            "out/built",
            "--combine",
            "out/built/all.docx",
        ],
    );
    assert_eq!(run.code, 0, "built: {}", run.stderr);
    let outputs = docx_files(&dir.join("out/built"))
        .iter()
        .map(|f| dir.join("out/built").join(f))
        .collect();
    results.push((dir.join("built.docx"), outputs));
    results
}

fn workspace_with_everything() -> tempfile::TempDir {
    workspace(&[
        "cong-van-don-doc-lo.docx",
        "cong-van-don-doc-pd.docx",
        "danh-sach-khen-thuong-lo.docx",
        "danh-sach-khen-thuong-pd.docx",
        "giay-moi-hop-lo.docx",
        "giay-moi-hop-pd.docx",
        "don-vi.xlsx",
        "don-vi.ods",
        "khen-thuong.xlsx",
        "to-trinh.hbs.docx",
        "to-trinh-3.json",
    ])
}

#[test]
fn libreoffice_opens_every_output() {
    if !tool_available("soffice", &["--version"]) {
        return;
    }
    let dir = workspace_with_everything();
    let jobs = render_everything(dir.path());
    let outputs: Vec<&PathBuf> = jobs.iter().flat_map(|(_, o)| o).collect();
    assert!(outputs.len() >= 30, "{} outputs", outputs.len());
    // Names repeat across jobs (tat-ca.docx): the last job's PDF stands for each name.
    let pdf_dir = convert_to_pdf(dir.path(), &outputs);
    if tool_available("pdftotext", &["-v"]) {
        let text = Command::new("pdftotext")
            .arg(pdf_dir.join("cong-van-don-doc-lo-2.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("Kính gửi: Chi cục Thủy lợi."), "{text}");
    }
}

/// The kinds of violation openxml-audit finds: (part, description).
pub fn violations(path: &Path) -> BTreeSet<(String, String)> {
    let output = Command::new("openxml-audit")
        .args(["-o", "json", "-m", "0"])
        .arg(path)
        .output()
        .expect("openxml-audit runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit output for {}: {e}\n{}",
            path.display(),
            String::from_utf8_lossy(&output.stdout)
        )
    });
    let mut found = BTreeSet::new();
    for file in report.as_array().into_iter().flatten() {
        for error in file["errors"].as_array().into_iter().flatten() {
            found.insert((
                error["part_uri"].as_str().unwrap_or("").to_string(),
                error["description"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    found
}

#[test]
fn outputs_add_no_ooxml_violation_to_their_templates() {
    if !tool_available("openxml-audit", &["--help"]) {
        return;
    }
    let dir = workspace_with_everything();
    for (template, outputs) in render_everything(dir.path()) {
        let allowed = violations(&template);
        for output in outputs {
            let added: Vec<_> = violations(&output).difference(&allowed).cloned().collect();
            assert!(
                added.is_empty(),
                "{} adds {added:?} to {}",
                output.display(),
                template.display()
            );
        }
    }
}

#[test]
fn every_bundled_template_is_clean() {
    if !tool_available("openxml-audit", &["--help"]) {
        return;
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut templates: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    templates.sort();
    assert_eq!(templates.len(), 12, "{templates:?}");
    for template in &templates {
        assert_eq!(
            violations(template),
            BTreeSet::new(),
            "{}",
            template.display()
        );
    }
}
