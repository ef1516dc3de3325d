//! PDF (issue 16): documents converted by vanban's own LibreOffice pool, checked with
//! poppler's tools as a user would open them; a converter that hangs or crashes (a fake
//! `VANBAN_SOFFICE`) fails only its document, as do the real LibreOffice killed mid-run and a
//! full disk (a file-size limit on the run); an output folder removed mid-run fails the
//! documents left; LibreOffice missing stops the run before anything is written; no
//! LibreOffice process or work folder is left behind. The calibration page for blanks.

use std::path::Path;
use std::process::Command;

use crate::common::{DocxBuilder, all_files, convert_to_pdf, p, tool_available, vanban_env};

/// A two-page template (a page break between its paragraphs), with properties.
fn template() -> DocxBuilder {
    DocxBuilder::new(format!(
        "{}{}<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>{}",
        p(&["{{co_quan_ban_hanh}}"]),
        p(&["Số: {{so_ky_hieu}} — {{trich_yeu}}"]),
        p(&["Trang hai của {{ma_don_vi}}: Nghị định 30, tiếng Việt đầy đủ ỗ ự ẫ"]),
    ))
    .title("Mẫu")
}

const DATA: &str = "ma_don_vi,trich_yeu,co_quan_ban_hanh,so_ky_hieu\n\
    VP,Kế hoạch thi đua năm 2025,SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG,05/KH-STNMT\n\
    TT,Báo cáo tổng kết,SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG,06/BC-STNMT\n\
    HANG,Treo,SỞ,07/X\n";

const NAME: &str = "t-{{ma_don_vi}}.docx";

fn folder(data: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), template().build()).unwrap();
    std::fs::write(dir.path().join("d.csv"), data).unwrap();
    dir
}

fn tool(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        output.status.success(),
        "{program} {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn info(pdf: &Path, key: &str) -> String {
    tool("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// A PDF's text, as pdftotext reads it.
fn text_of(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    info(pdf, "Pages").parse().unwrap_or(0)
}

/// Processes whose command line names `dir` (LibreOffice's or a fake's): none may survive.
fn processes_under(dir: &Path) -> Vec<String> {
    let needle = dir.to_string_lossy().into_owned();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.chars().all(|c| c.is_ascii_digit()) || name == std::process::id().to_string() {
            continue;
        }
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(&needle) {
                found.push(format!("{name}: {cmdline}"));
            }
        }
    }
    found
}

fn no_leftovers(dir: &Path, out: &Path) {
    let left = processes_under(dir);
    assert!(left.is_empty(), "processes left running: {left:?}");
    let work: Vec<String> = all_files(out)
        .into_iter()
        .filter(|f| f.contains(".vanban-"))
        .collect();
    assert!(work.is_empty(), "work files left: {work:?}");
    let dirs: Vec<_> = std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".vanban-pdf"))
        .collect();
    assert!(dirs.is_empty(), "work folders left");
}

fn office() -> bool {
    tool_available("soffice", &["--version"]) && tool_available("pdfinfo", &["-v"])
}

#[test]
fn pdf_beside_each_docx_is_pdf_a_with_its_fonts_properties_and_pages() {
    if !office() {
        return;
    }
    let dir = folder(&DATA.replace("HANG", "CCTL"));
    let run = vanban_env(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--name",
            NAME,
            "--pdf",
            "--combine",
            "out/all.pdf",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("out");
    let files = all_files(&out);
    for unit in ["VP", "TT", "CCTL"] {
        assert!(files.contains(&format!("t-{unit}.docx")), "{files:?}");
        assert!(files.contains(&format!("t-{unit}.pdf")), "{files:?}");
    }
    assert!(files.contains(&"all.pdf".to_string()), "{files:?}");
    no_leftovers(dir.path(), &out);

    let pdf = out.join("t-VP.pdf");
    // The .docx's own page count, as LibreOffice lays it out alone.
    let plain = convert_to_pdf(&dir.path().join("plain"), &[out.join("t-VP.docx")]);
    assert_eq!(pages(&pdf), 2);
    assert_eq!(pages(&pdf), pages(&plain.join("t-VP.pdf")));
    assert_eq!(info(&pdf, "Title"), "Kế hoạch thi đua năm 2025");
    assert_eq!(info(&pdf, "Author"), "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG");
    assert_eq!(info(&pdf, "Subject"), "05/KH-STNMT");
    assert_eq!(info(&pdf, "Keywords"), "05/KH-STNMT");
    let meta = tool("pdfinfo", &["-meta"], &pdf);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{meta}"
    );
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        assert_eq!(columns[n - 5], "yes", "font not embedded: {row}");
    }
    let text = text_of(&pdf);
    assert!(text.contains("tiếng Việt đầy đủ ỗ ự ẫ"), "{text}");

    // The combined PDF: every document's pages, one bookmark per document.
    let all = out.join("all.pdf");
    assert_eq!(pages(&all), 6);
    let meta = tool("pdfinfo", &["-meta"], &all);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    let toc = lopdf::Document::load(&all).unwrap().get_toc().unwrap();
    let entries: Vec<(String, usize)> = toc.toc.iter().map(|e| (e.title.clone(), e.page)).collect();
    assert_eq!(
        entries,
        [
            ("t-VP".to_string(), 1),
            ("t-TT".to_string(), 3),
            ("t-CCTL".to_string(), 5)
        ]
    );
}

#[test]
fn format_pdf_writes_only_pdfs_and_a_pdf_name_does_too() {
    if !office() {
        return;
    }
    let dir = folder(&DATA.replace("HANG", "CCTL"));
    let run = vanban_env(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--name",
            NAME,
            "--format",
            "pdf",
            "--plain-pdf",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("out");
    assert_eq!(all_files(&out), ["t-CCTL.pdf", "t-TT.pdf", "t-VP.pdf"]);
    let meta = tool("pdfinfo", &["-meta"], &out.join("t-VP.pdf"));
    assert!(!meta.contains("pdfaid:part"), "plain PDF asked for: {meta}");
    assert!(run.stderr.contains("wrote 3 documents"), "{}", run.stderr);

    let run = vanban_env(
        dir.path(),
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--out",
            "named",
            "--name",
            "{{ma_don_vi}}/{{ma_don_vi}}.pdf",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        all_files(&dir.path().join("named")),
        ["CCTL/CCTL.pdf", "TT/TT.pdf", "VP/VP.pdf"]
    );
    no_leftovers(dir.path(), &out);
}

/// A stand-in for `soffice`: converts each .docx to a tiny PDF, hangs on one whose text says
/// HANG, crashes on CRASH, and writes nothing for BROKEN (LibreOffice's way with a file it
/// cannot read).
const FAKE: &str = r#"#!/usr/bin/env python3
import os, signal, sys, time, zipfile
args = sys.argv[1:]
outdir = args[args.index("--outdir") + 1]
os.makedirs(outdir, exist_ok=True)
for path in [a for a in args if a.endswith(".docx")]:
    time.sleep(float(os.environ.get("FAKE_DELAY", "0")))
    text = zipfile.ZipFile(path).read("word/document.xml").decode()
    if "HANG" in text:
        time.sleep(600)
    if "CRASH" in text:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "BROKEN" in text:
        continue
    name = os.path.splitext(os.path.basename(path))[0] + ".pdf"
    with open(os.path.join(outdir, name), "w") as f:
        f.write("%PDF-1.4\n%%EOF\n")
"#;

fn fake(dir: &Path) -> String {
    let path = dir.join("fake-soffice");
    std::fs::write(&path, FAKE).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path.to_string_lossy().into_owned()
}

fn python() -> bool {
    tool_available("python3", &["--version"])
}

#[test]
fn a_hanging_or_crashing_conversion_fails_only_its_document() {
    if !python() {
        return;
    }
    let data = format!("{DATA}CRASH,Hỏng,SỞ,08/X\nBROKEN,Hỏng,SỞ,09/X\nCV,Công văn,SỞ,10/X\n");
    let dir = folder(&data);
    let soffice = fake(dir.path());
    let start = std::time::Instant::now();
    let run = vanban_env(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.csv", "--name", NAME, "--pdf", "--jobs", "2",
        ],
        &[("VANBAN_SOFFICE", &soffice), ("VANBAN_PDF_TIMEOUT", "1.5")],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let out = dir.path().join("out");
    let files = all_files(&out);
    for unit in ["VP", "TT", "CV"] {
        assert!(files.contains(&format!("t-{unit}.pdf")), "{files:?}");
    }
    for unit in ["HANG", "CRASH", "BROKEN"] {
        assert!(!files.contains(&format!("t-{unit}.pdf")), "{files:?}");
        // Its .docx is whole and kept.
        assert!(files.contains(&format!("t-{unit}.docx")), "{files:?}");
    }
    assert!(
        run.stderr
            .contains("out/t-HANG.pdf: cannot make the PDF: LibreOffice did not convert it within 2 s and was stopped"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "out/t-CRASH.pdf: cannot make the PDF: LibreOffice stopped while converting it"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("out/t-BROKEN.pdf: cannot make the PDF: LibreOffice could not convert it"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: 3 of 6 documents failed; 3 written to out/"),
        "{}",
        run.stderr
    );
    no_leftovers(dir.path(), &out);
}

#[test]
fn ctrl_c_stops_libreoffice_and_leaves_no_work_folder() {
    if !python() {
        return;
    }
    let dir = folder(DATA);
    let soffice = fake(dir.path());
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "t.docx", "--data", "d.csv", "--format", "pdf"])
        .env("VANBAN_SOFFICE", &soffice)
        .current_dir(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the (fake) LibreOffice runs, then interrupt.
    let start = std::time::Instant::now();
    while processes_under(dir.path()).len() < 2 && start.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    no_leftovers(dir.path(), &dir.path().join("out"));
}

#[test]
fn libreoffice_missing_stops_before_anything_is_written() {
    let dir = folder(DATA);
    for args in [
        &["render", "t.docx", "--data", "d.csv", "--pdf"][..],
        &[
            "render",
            "t.docx",
            "--data",
            "d.csv",
            "--combine",
            "out/x.pdf",
        ][..],
    ] {
        let run = vanban_env(
            dir.path(),
            args,
            &[("VANBAN_SOFFICE", "/nonexistent/soffice")],
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            "error: LibreOffice is needed to make PDFs: VANBAN_SOFFICE is '/nonexistent/soffice', which is not a file\n\
             hint: install it (Debian or Ubuntu: `sudo apt-get install libreoffice-writer-nogui`; \
             Windows: LibreOffice's installer from libreoffice.org), or set VANBAN_SOFFICE to its soffice program\n\
             error: 1 problem found; nothing was written\n"
        );
        assert!(!dir.path().join("out").exists());
    }
    let run = vanban_env(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--pdf"],
        &[("PATH", "/nonexistent")],
    );
    if !Path::new("/usr/lib/libreoffice/program/soffice").exists() {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("no soffice program on the PATH"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_manifest_kind_made_as_pdf_is_counted_in_the_summary_and_register() {
    if !python() {
        return;
    }
    let dir = folder(&DATA.replace("HANG", "CCTL"));
    let soffice = fake(dir.path());
    std::fs::write(
        dir.path().join("vanban.toml"),
        r#"
[sources.don_vi]
file = "d.csv"

[[documents]]
kind = "ke-hoach"
template = "t.docx"
source = "don_vi"
name = "{{ma_don_vi}}/Ke-hoach.docx"
formats = ["docx", "pdf"]
combine = "Tat-ca.pdf"

[[documents]]
kind = "bao-cao"
template = "t.docx"
source = "don_vi"
name = "bao-cao-{{ma_don_vi}}.docx"
formats = ["pdf"]
numbering = { symbol = "BC-STNMT" }
"#,
    )
    .unwrap();
    let run = vanban_env(dir.path(), &["run"], &[("VANBAN_SOFFICE", &soffice)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("out");
    let files = all_files(&out);
    for file in [
        "VP/Ke-hoach.docx",
        "VP/Ke-hoach.pdf",
        "Tat-ca.pdf",
        "bao-cao-VP.pdf",
        "bao-cao-CCTL.pdf",
    ] {
        assert!(files.contains(&file.to_string()), "{file}: {files:?}");
    }
    assert!(!files.contains(&"bao-cao-VP.docx".to_string()), "{files:?}");
    let summary = std::fs::read_to_string(out.join("tom-tat.txt")).unwrap();
    assert!(
        summary.contains("ke-hoach: 3 of 3 documents written (4 PDFs)"),
        "{summary}"
    );
    assert!(
        summary.contains("bao-cao: 3 of 3 documents written (3 PDFs)"),
        "{summary}"
    );
    assert!(summary.contains("VP/Ke-hoach.pdf"), "{summary}");
    assert!(summary.contains("bao-cao-VP.pdf"), "{summary}");
    no_leftovers(dir.path(), &out);

    // `run --pdf`: every kind's PDF too, here the kind without formats.
    let manifest = std::fs::read_to_string(dir.path().join("vanban.toml")).unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        manifest.replace("formats = [\"docx\", \"pdf\"]\n", ""),
    )
    .unwrap();
    let run = vanban_env(
        dir.path(),
        &["run", "--pdf", "--out", "all"],
        &[("VANBAN_SOFFICE", &soffice)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = all_files(&dir.path().join("all"));
    assert!(files.contains(&"VP/Ke-hoach.pdf".to_string()), "{files:?}");
    assert!(files.contains(&"VP/Ke-hoach.docx".to_string()), "{files:?}");
    std::fs::write(dir.path().join("vanban.toml"), manifest).unwrap();

    std::fs::write(
        dir.path().join("vanban.toml"),
        std::fs::read_to_string(dir.path().join("vanban.toml"))
            .unwrap()
            .replace(r#"formats = ["pdf"]"#, r#"formats = ["odt"]"#),
    )
    .unwrap();
    let run = vanban_env(dir.path(), &["check", "vanban.toml"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("documents 'bao-cao': formats: unknown format 'odt'"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_printer_offset_moves_every_frame() {
    let frame = "<w:p><w:pPr><w:framePr w:wrap=\"around\" w:hAnchor=\"page\" w:vAnchor=\"page\" \
                 w:x=\"1701\" w:y=\"9412\" w:w=\"5670\"/></w:pPr><w:r><w:t>{{ma_don_vi}}</w:t></w:r></w:p>";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.docx"), DocxBuilder::new(frame).build()).unwrap();
    std::fs::write(dir.path().join("d.csv"), "ma_don_vi\nVP\n").unwrap();
    let run = vanban_env(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.csv", "--offset", "2,-1.5", "--name", "x",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docx = std::fs::read(dir.path().join("out/x.docx")).unwrap();
    let xml = crate::common::entry_text(&docx, "word/document.xml").unwrap();
    // 2 mm right = 113 twips, 1.5 mm up = -85 twips.
    assert!(xml.contains("w:x=\"1814\" w:y=\"9327\""), "{xml}");
    stops(
        dir.path(),
        &["render", "t.docx", "--data", "d.csv", "--offset", "2"],
        "--offset: expected X,Y in mm, found '2'",
    );
}

/// `vanban ARGS` in `dir` stops before writing (exit 2) with `message`.
fn stops(dir: &Path, args: &[&str], message: &str) {
    let run = vanban_env(dir, args, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(message), "{}", run.stderr);
}

/// The drawings of a calibration page: (name, x, y, width, height) in mm, from the XML.
fn drawings(xml: &str) -> Vec<(String, f64, f64, f64, f64)> {
    let mm = |s: &str, open: &str, close: &str| -> f64 {
        let start = s.find(open).unwrap() + open.len();
        s[start..start + s[start..].find(close).unwrap()]
            .parse::<f64>()
            .unwrap()
            / 36000.0
    };
    xml.split("<wp:anchor ")
        .skip(1)
        .map(|a| {
            let text: String = a
                .split("<w:t")
                .skip(1)
                .filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</w:t>")?]))
                .collect::<Vec<_>>()
                .join(" | ");
            let h = a.find("<wp:positionH").unwrap();
            let v = a.find("<wp:positionV").unwrap();
            (
                text,
                mm(&a[h..], "<wp:posOffset>", "<"),
                mm(&a[v..], "<wp:posOffset>", "<"),
                mm(a, "<wp:extent cx=\"", "\""),
                mm(a, "\" cy=\"", "\""),
            )
        })
        .collect()
}

#[test]
fn the_calibration_page_draws_the_grid_and_the_blank_frames_moved_by_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let run = vanban_env(
        dir.path(),
        &["new", "calibration", "can-chinh.docx", "--offset", "1.5,-2"],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "wrote the calibration page to can-chinh.docx; print it at actual size\n"
    );
    let docx = std::fs::read(dir.path().join("can-chinh.docx")).unwrap();
    let xml = crate::common::entry_text(&docx, "word/document.xml").unwrap();
    let shapes = drawings(&xml);
    let near = |a: f64, b: f64| (a - b).abs() < 0.01;
    // The certificate on blanks' three frames (templates/giay-khen-phoi.docx), each outlined
    // at its place moved 1.5 mm right and 2 mm up, named, with its place in mm.
    let frames: Vec<_> = shapes
        .iter()
        .filter(|s| s.0.contains(" mm, y "))
        .cloned()
        .collect();
    let expected = [
        (
            "Người nhận, nơi công tác, thành tích | x 28,5 mm, y 80 mm, rộng 240 mm",
            28.5,
            80.0,
            240.0,
        ),
        (
            "Quyết định số, số vào sổ | x 30 mm, y 158 mm, rộng 100 mm",
            30.0,
            158.0,
            100.0,
        ),
        (
            "Địa danh, ngày; chức vụ, người ký | x 155 mm, y 140 mm, rộng 115 mm",
            155.0,
            140.0,
            115.0,
        ),
    ];
    assert_eq!(frames.len(), 3, "{frames:#?}");
    for ((text, x, y, w, _), (name, ex, ey, ew)) in frames.iter().zip(expected) {
        assert_eq!(text, name);
        assert!(
            near(*x, ex + 1.5) && near(*y, ey - 2.0) && near(*w, ew),
            "{text}: {x} {y} {w}"
        );
    }
    // The template's frames are where the page says: twips of x, y and width.
    let blank =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/giay-khen-phoi.docx"))
            .unwrap();
    let blank = crate::common::entry_text(&blank, "word/document.xml").unwrap();
    for frame in [
        r#"w:y="4536" w:w="13608""#,
        r#"w:x="1701" w:y="8958" w:w="5670""#,
        r#"w:x="8788" w:y="7938" w:w="6520""#,
    ] {
        assert!(blank.contains(frame), "{frame} not in the blank's frames");
    }
    // The grid: the page (297 x 210 mm) moved by the offset, and its numbers every 10 mm.
    let grid: Vec<_> = shapes.iter().filter(|s| s.0.is_empty()).collect();
    assert_eq!(grid.len(), 3, "{grid:?}");
    for (_, x, y, w, h) in grid {
        assert!(near(*x, 1.5) && near(*y, -2.0) && near(*w, 297.0) && near(*h, 210.0));
    }
    let numbers: Vec<&str> = shapes
        .iter()
        .map(|s| s.0.as_str())
        .filter(|t| t.parse::<u32>().is_ok())
        .collect();
    assert_eq!(numbers.len(), 29 + 19, "{numbers:?}");
    assert!(xml.contains("Độ lệch máy in: ngang +1,5 mm, dọc -2 mm"));

    stops(
        dir.path(),
        &["new", "ke-hoach", "k.docx", "--offset", "1,1"],
        "--offset: only the calibration page takes a printer offset",
    );

    if tool_available("openxml-audit", &["--help"]) {
        let found = crate::office::violations(&dir.path().join("can-chinh.docx"));
        assert!(found.is_empty(), "{found:?}");
    }
    // One landscape page in LibreOffice, the frames' names on it.
    if !office() {
        return;
    }
    let pdf =
        convert_to_pdf(dir.path(), &[dir.path().join("can-chinh.docx")]).join("can-chinh.pdf");
    assert_eq!(pages(&pdf), 1);
    assert!(
        info(&pdf, "Page size").contains("841.89 x 595.3"),
        "{}",
        info(&pdf, "Page size")
    );
    let text = text_of(&pdf);
    for name in [
        "Người nhận, nơi công tác, thành tích",
        "Quyết định số, số vào sổ",
        "x 155 mm, y 140 mm",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
}

/// Six documents of two pages each.
const SIX: &str = "ma_don_vi,trich_yeu,co_quan_ban_hanh,so_ky_hieu\n\
    VP,Kế hoạch,SỞ,01/KH\nTT,Báo cáo,SỞ,02/BC\nCCTL,Tờ trình,SỞ,03/TTr\n\
    KHTC,Công văn,SỞ,04/CV\nQHKH,Biên bản,SỞ,05/BB\nKS,Quyết định,SỞ,06/QĐ\n";

/// Starts `vanban ARGS` in `dir`, its output read when it ends.
fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits (at most two minutes) until `ready` holds.
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !ready() {
        assert!(
            start.elapsed().as_secs() < 120,
            "waited too long for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn finished(child: std::process::Child) -> (i32, String) {
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// One of `total` documents failed: the summary says so, and the others' PDFs are whole
/// (two pages each); returns them.
fn one_failed(stderr: &str, total: usize, out: &Path) -> Vec<String> {
    let summary = format!(
        "error: 1 of {total} documents failed; {} written to out/",
        total - 1
    );
    assert!(stderr.contains(&summary), "{stderr}");
    let pdfs = pdfs_in(out);
    assert_eq!(pdfs.len(), total - 1, "{pdfs:?}");
    for pdf in &pdfs {
        assert_eq!(pages(&out.join(pdf)), 2, "{pdf}");
    }
    pdfs
}

fn pdfs_in(out: &Path) -> Vec<String> {
    all_files(out)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect()
}

#[test]
fn an_output_folder_removed_mid_run_fails_the_documents_left_by_name() {
    if !python() {
        return;
    }
    let dir = folder(SIX);
    let soffice = fake(dir.path());
    let out = dir.path().join("out");
    let child = start(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.csv", "--name", NAME, "--pdf", "--jobs", "1",
        ],
        &[("VANBAN_SOFFICE", &soffice), ("FAKE_DELAY", "0.3")],
    );
    wait_for("the first PDF", || out.join("t-VP.pdf").exists());
    // The folder goes (a drive unplugged) while LibreOffice converts the others.
    wait_for("the folder to go", || {
        std::fs::remove_dir_all(&out).is_ok() && !out.exists()
    });
    let (code, stderr) = finished(child);
    assert_eq!(code, 1, "{stderr}");
    let failed: Vec<&str> = stderr
        .lines()
        .filter(|l| {
            l.ends_with("cannot make the PDF: the output folder was removed while converting")
        })
        .collect();
    assert!(
        failed.len() >= 4 && failed.iter().all(|l| l.starts_with("out/t-")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Nothing came back: no folder made again, no process left.
    assert!(!out.exists(), "{:?}", all_files(&out));
    assert!(
        processes_under(dir.path()).is_empty(),
        "{:?}",
        processes_under(dir.path())
    );
}

/// The real `soffice.bin` processes converting in `dir`, by pid.
fn converters(dir: &Path) -> Vec<String> {
    processes_under(dir)
        .into_iter()
        .filter(|p| p.contains("soffice.bin"))
        .map(|p| p.split(':').next().unwrap().to_string())
        .collect()
}

fn kill(pids: &[String]) {
    for pid in pids {
        let _ = Command::new("kill").args(["-KILL", pid]).status();
    }
}

#[test]
fn libreoffice_killed_mid_run_fails_only_the_document_it_was_converting() {
    if !office() {
        return;
    }
    let dir = folder(SIX);
    let out = dir.path().join("out");
    let child = start(
        dir.path(),
        &[
            "render", "t.docx", "--data", "d.csv", "--name", NAME, "--pdf", "--jobs", "1",
        ],
        &[],
    );
    // Once the first PDF is there, LibreOffice is killed; then the fresh one that tries
    // again the document it was converting, alone, is killed too.
    wait_for("the first PDF", || !pdfs_in(&out).is_empty());
    let first = converters(dir.path());
    assert!(
        !first.is_empty(),
        "no LibreOffice running after the first PDF"
    );
    kill(&first);
    wait_for("LibreOffice again", || {
        converters(dir.path()).iter().any(|p| !first.contains(p))
    });
    kill(&converters(dir.path()));
    let (code, stderr) = finished(child);
    assert_eq!(code, 1, "{stderr}");
    let failed: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("cannot make the PDF: LibreOffice stopped while converting it"))
        .collect();
    assert_eq!(failed.len(), 1, "{stderr}");
    for pdf in &one_failed(&stderr, 6, &out) {
        assert!(
            !failed[0].contains(pdf.as_str()),
            "{pdf} is written and failed"
        );
    }
    no_leftovers(dir.path(), &out);
}

#[test]
fn a_full_disk_fails_the_document_that_does_not_fit_and_writes_the_others() {
    if !office() {
        return;
    }
    // One document of many pages: its .docx is small (deflated), its PDF is not.
    let long = "Nội dung rất dài của báo cáo tổng kết phong trào thi đua năm 2024. ".repeat(2500);
    let data = format!("{SIX}DAI,{long},SỞ,07/BC\n");
    let dir = folder(&data);
    let out = dir.path().join("out");
    // Files may not grow past 200 kB (the disk is full for anything larger); the signal
    // that would end the process is ignored, so a write fails as on a full disk.
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    command
        .args([
            "render", "t.docx", "--data", "d.csv", "--name", NAME, "--pdf", "--jobs", "1",
        ])
        .current_dir(dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 200_000,
                    rlim_max: 200_000,
                };
                libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                Ok(())
            });
        }
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "out/t-DAI.pdf: cannot make the PDF: LibreOffice could not convert it \
             (is it a valid .docx? is there room on the disk?)"
        ),
        "{stderr}"
    );
    one_failed(&stderr, 7, &out);
    assert!(all_files(&out).contains(&"t-DAI.docx".to_string()));
    no_leftovers(dir.path(), &out);
}
