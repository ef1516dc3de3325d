//! The bundled pack: `vanban.toml` with `inputs/` and `templates/`, run as the README's first
//! command runs it.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A copy of the repository's manifest, inputs and templates in a temporary folder.
pub fn pack_copy() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root.join("vanban.toml"), dir.path().join("vanban.toml")).unwrap();
    for folder in ["inputs", "templates"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(
                    &path,
                    dir.path().join(folder).join(path.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    dir
}

/// The pack, run once for all the tests of this module.
pub fn pack_run() -> &'static (tempfile::TempDir, Run) {
    static RUN: std::sync::OnceLock<(tempfile::TempDir, Run)> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let dir = pack_copy();
        let run = vanban(dir.path(), &["run", "--quiet"]);
        (dir, run)
    })
}

fn out(file: &str) -> PathBuf {
    pack_run().0.path().join("out").join(file)
}

fn summary() -> String {
    std::fs::read_to_string(out("tom-tat.txt")).unwrap()
}

/// Every kind of the manifest with the number of documents it wrote, from the summary.
fn written() -> Vec<(String, usize)> {
    summary()
        .lines()
        .filter_map(|l| {
            let (kind, rest) = l.split_once(": ")?;
            let n = rest
                .strip_suffix(" documents written")?
                .split(" of ")
                .next()?;
            Some((kind.to_string(), n.parse().ok()?))
        })
        .collect()
}

#[test]
fn the_pack_makes_every_kind_of_document() {
    let (_, run) = pack_run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kinds = written();
    let names: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "ke-hoach",
            "bao-cao",
            "cong-van-don-doc",
            "to-trinh",
            "bao-cao-thanh-tich-ca-nhan",
            "bao-cao-thanh-tich-tap-the",
            "bien-ban",
            "bao-cao-so",
            "to-trinh-so",
            "quyet-dinh-giay-khen",
            "giay-khen-ca-nhan",
            "giay-khen-tap-the",
            "giay-khen-phoi",
            "giay-khen-phoi-tap-the",
        ]
    );
    for (kind, n) in &kinds {
        assert!(*n >= 1, "{kind} wrote nothing");
    }
    // One plan per unit; a report from each of the 10 units that reported (the other 4 are
    // reminded instead).
    assert_eq!(kinds[0].1, 14);
    assert_eq!(kinds[1].1, 10);
    assert_eq!(kinds[2].1, 4);
    for combined in [
        "So/Tat-ca/Ke-hoach.docx",
        "So/Tat-ca/Bao-cao.docx",
        "So/Tat-ca/Cong-van-don-doc.docx",
        "So/In/Giay-khen.docx",
        "So/In/Giay-khen-phoi.docx",
    ] {
        assert!(out(combined).is_file(), "{combined}");
    }
}

#[test]
fn a_second_run_of_the_pack_gives_byte_identical_files() {
    let (dir, run) = pack_run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let again = tempfile::tempdir().unwrap();
    let second = vanban(
        dir.path(),
        &["run", "--quiet", "--out", again.path().to_str().unwrap()],
    );
    assert_eq!(second.code, 0, "{}", second.stderr);
    let files = all_files(&dir.path().join("out"));
    assert!(files.len() > 100, "{}", files.len());
    assert_eq!(files, all_files(again.path()));
    for file in &files {
        let a = std::fs::read(dir.path().join("out").join(file)).unwrap();
        let b = std::fs::read(again.path().join(file)).unwrap();
        assert!(a == b, "{file} differs between two runs");
    }
}

/// The first file of every kind, from the summary.
fn one_of_each_kind() -> Vec<PathBuf> {
    let mut samples = Vec::new();
    let mut want = false;
    for line in summary().lines() {
        if line.ends_with(" documents written") {
            want = true;
        } else if want && let Some(file) = line.strip_prefix("  ") {
            samples.push(out(file));
            want = false;
        }
    }
    samples
}

#[test]
fn libreoffice_opens_one_document_of_every_kind_and_it_reads_right() {
    if !tool_available("soffice", &["--version"]) {
        return;
    }
    let samples = one_of_each_kind();
    assert_eq!(samples.len(), 14, "{samples:?}");
    let work = tempfile::tempdir().unwrap();
    let pdf_dir = convert_to_pdf(work.path(), &samples);
    if tool_available("pdftotext", &["-v"]) {
        let text = std::process::Command::new("pdftotext")
            .arg(pdf_dir.join("Bien-ban-hop-Hoi-dong.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("BIÊN BẢN"), "{text}");
        assert!(text.contains("Không đạt"), "{text}");
    }
}

#[test]
fn the_pack_adds_no_ooxml_violation() {
    if !tool_available("openxml-audit", &["--help"]) {
        return;
    }
    for sample in one_of_each_kind() {
        assert_eq!(
            crate::office::violations(&sample),
            std::collections::BTreeSet::new(),
            "{}",
            sample.display()
        );
    }
}

/// Every table row of a document's body, cells as text.
fn rows_of(file: &str) -> Vec<Vec<String>> {
    let xml = entry_text(&std::fs::read(out(file)).unwrap(), "word/document.xml").unwrap();
    (1..)
        .map(|n| table_rows(&xml, n))
        .take_while(|rows| !rows.is_empty())
        .flatten()
        .collect()
}

/// The row whose second cell is `name`.
fn row_named<'r>(rows: &'r [Vec<String>], name: &str) -> &'r [String] {
    rows.iter()
        .find(|r| r.get(1).is_some_and(|c| c == name))
        .unwrap_or_else(|| panic!("no row for {name}"))
}

#[test]
fn every_rule_and_quota_fires_on_its_planted_row_and_nowhere_else() {
    // The planted cases are listed at the top of tools/tao-du-lieu.py; every other row passes.
    // `--quiet` keeps the terminal quiet; the summary lists every warning.
    let summary = summary();
    let located: Vec<String> = summary
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.split_once(": warning: "))
        .map(|(at, message)| format!("{at} {}", message.split('\'').nth(1).unwrap_or("")))
        .collect();
    assert_eq!(
        located,
        [
            "inputs/de-nghi.xlsx:CaNhan!G4 de_nghi_ca_nhan",
            "inputs/de-nghi.xlsx:CaNhan!A20 ca-nhan-xep-loai",
            "inputs/de-nghi.xlsx:CaNhan!F13 ca-nhan-thanh-tich",
            "inputs/de-nghi.xlsx:CaNhan!F38 ca-nhan-thanh-tich",
            "inputs/can-bo.xlsx:CanBo!J69 lao-dong-tien-tien",
            "inputs/de-nghi.xlsx:CaNhan!D41 chien-si-thi-dua-co-so",
            "inputs/de-nghi.xlsx:CaNhan!D46 bang-khen-hai-nam-xuat-sac",
            "inputs/de-nghi.xlsx:CaNhan!D27 bang-khen-hai-lan-chien-si",
            "inputs/de-nghi.xlsx:TapThe!C3 tap-the-lao-dong-tien-tien",
            "inputs/de-nghi.xlsx:TapThe!C4 tap-the-ky-luat",
            "inputs/de-nghi.xlsx:CaNhan!D9 chien-si-thi-dua-co-so",
            "inputs/de-nghi.xlsx:CaNhan!D34 bang-khen",
            // The date-order warnings quote no name: a plan dated after its deadline.
            "inputs/don-vi.xlsx:DonVi!J9 ",
            "inputs/don-vi.xlsx:DonVi!J10 ",
        ],
        "{summary}"
    );
    // Each rule of the manifest fired, so each has a failing row; the rows it passes are the
    // other rows of its source (45 nominations, 8 collectives, 300 staff).
    let manifest = std::fs::read_to_string(pack_run().0.path().join("vanban.toml")).unwrap();
    let rules = manifest.matches("[[rules]]").count();
    let mut fired: Vec<&str> = located
        .iter()
        .filter(|l| {
            !l.contains(":CaNhan!D9 ")
                && !l.contains(":CaNhan!D34 ")
                && !l.contains(":CaNhan!G4 ")
                && !l.contains(":DonVi!")
        })
        .map(|l| l.rsplit(' ').next().unwrap())
        .collect();
    fired.dedup();
    assert_eq!(fired.len(), rules, "{fired:?}");
    assert!(
        summary.contains("  inputs/de-nghi.xlsx:CaNhan!D9: warning: quota 'chien-si-thi-dua-co-so': 'QHKH' has 3, over its quota of 1 (15% of 12)\n"),
        "{summary}"
    );
}

#[test]
fn the_minutes_print_each_nominees_votes_and_verdict_at_the_thresholds_edge() {
    let rows = rows_of("So/Bien-ban-hop-Hoi-dong.docx");
    let cells = |name: &str| row_named(&rows, name)[4..].join(" | ");
    // CB0007: 9 of 11 for Chiến sĩ thi đua cơ sở (80%): passes; CB0147 and CB0216: 8 of 11 fail.
    assert_eq!(cells("Nguyễn Ngọc Lợi"), "9 | 2 | 81,82% | 80% | Đạt");
    assert_eq!(cells("Nguyễn Hồng Ánh"), "8 | 3 | 72,73% | 80% | Không đạt");
    let summary = summary();
    assert!(
        summary.contains(
            "votes\n  de_nghi_ca_nhan: 45 nominees counted against 11 members, 42 passed\n"
        ),
        "{summary}"
    );
}

#[test]
fn numbers_follow_each_book_and_a_certificate_keeps_its_number_in_both_forms() {
    let summary = summary();
    for line in [
        "  01/KH-VP\t12/03/2024\tke-hoach\tVP\tVP/Ke-hoach-VP.docx\n",
        "  412/STNMT-VP\t18/11/2024\tcong-van-don-doc\tTTS\tTTS/Cong-van-don-doc-TTS.docx\n",
        "  415/STNMT-VP\t18/11/2024\tcong-van-don-doc\tDDBD\tDDBD/Cong-van-don-doc-DDBD.docx\n",
        "  01/GK\t12/12/2024\tgiay-khen-ca-nhan\tVP\tVP/Giay-khen/CB0019.docx\n",
        "  01/GK\t12/12/2024\tgiay-khen-phoi\tVP\tSo/In/Phoi/CB0019.docx\n",
    ] {
        assert!(summary.contains(line), "{line}\n{summary}");
    }
    assert!(body(&out("VP/Giay-khen/CB0019.docx")).contains("Số vào sổ: 01"));
    assert!(body(&out("So/In/Phoi/CB0019.docx")).contains("Số vào sổ: 01"));
}

#[test]
fn the_department_summary_ranks_the_units_that_reported_and_no_other() {
    let rows = rows_of("So/Bao-cao-tong-ket.docx");
    let rank = |unit: &str| {
        rows.iter()
            .find(|r| r.iter().any(|c| c == unit))
            .unwrap_or_else(|| panic!("no row for {unit}"))[0]
            .clone()
    };
    assert_eq!(rank("Văn phòng Đăng ký đất đai Hà Nội"), "1");
    assert_eq!(
        rank("Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu"),
        "10"
    );
    // Thanh tra Sở, KS, DDBD and DKTK sent no report: no rank.
    for unit in [
        "Thanh tra Sở",
        "Phòng Khoáng sản",
        "Phòng Đo đạc, Bản đồ và Viễn thám",
        "Phòng Đăng ký thống kê đất đai",
    ] {
        assert_eq!(rank(unit), "", "{unit}");
    }
}

#[test]
fn a_units_report_joins_its_scores_to_the_criteria() {
    let rows = rows_of("VP/Bao-cao-VP.docx");
    let scores: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.len() == 5 && r[0].parse::<u32>().is_ok())
        .collect();
    assert_eq!(scores.len(), 14, "{rows:?}");
    assert!(
        scores[0][1].starts_with("Thực hiện tốt cơ chế"),
        "{:?}",
        scores[0]
    );
}

#[test]
fn each_combined_file_holds_every_document_of_its_kind_each_in_its_own_section() {
    let kinds = written();
    let count = |kind: &str| kinds.iter().find(|(k, _)| k == kind).unwrap().1;
    for (kind, combined) in [
        ("ke-hoach", "So/Tat-ca/Ke-hoach.docx"),
        ("cong-van-don-doc", "So/Tat-ca/Cong-van-don-doc.docx"),
        ("giay-khen-ca-nhan", "So/In/Giay-khen.docx"),
        ("giay-khen-phoi", "So/In/Giay-khen-phoi.docx"),
    ] {
        let xml = entry_text(&std::fs::read(out(combined)).unwrap(), "word/document.xml").unwrap();
        assert_eq!(xml.matches("<w:sectPr").count(), count(kind), "{combined}");
    }
    // The four units that have not reported get a reminder, numbered in one book.
    assert_eq!(count("cong-van-don-doc"), 4);
    let letters = body(&out("So/Tat-ca/Cong-van-don-doc.docx"));
    for (number, unit) in [
        ("412/STNMT-VP", "Thanh tra Sở"),
        ("413/STNMT-VP", "Phòng Đăng ký thống kê đất đai"),
        ("414/STNMT-VP", "Phòng Khoáng sản"),
        ("415/STNMT-VP", "Phòng Đo đạc, Bản đồ và Viễn thám"),
    ] {
        assert!(letters.contains(&format!("Số: {number}")), "{number}");
        assert!(letters.contains(&format!("Kính gửi: {unit}.")), "{unit}");
    }
}

// ---------------------------------------------------------------------------------------
// Layout as a clerk reads it before signing (issue 14): the XML of every document, and the
// pages LibreOffice lays out.

/// The XML of each `<w:p>` of `xml` with its visible text (runs' `w:t`), in order.
fn paragraph_xml(xml: &str) -> Vec<(&str, String)> {
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:p>").or_else(|| rest.find("<w:p ")) {
        let start = [rest.find("<w:p>"), rest.find("<w:p ")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(at);
        let end = rest[start..]
            .find("</w:p>")
            .map_or(rest.len(), |e| start + e + 6);
        let chunk = &rest[start..end];
        found.push((chunk, texts_of(chunk)));
        rest = &rest[end..];
    }
    found
}

/// The joined `w:t` texts of an XML chunk.
fn texts_of(chunk: &str) -> String {
    let mut text = String::new();
    let mut rest = chunk;
    while let Some(at) = rest.find("<w:t") {
        let after = &rest[at + 4..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let open = at + 4 + after.find('>').unwrap() + 1;
        let close = rest[open..].find("</w:t>").map_or(rest.len(), |c| open + c);
        text.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    text
}

/// The runs of a paragraph's XML that print text.
fn text_runs(paragraph: &str) -> Vec<&str> {
    paragraph
        .split("<w:r>")
        .skip(1)
        .map(|r| &r[..r.find("</w:r>").unwrap_or(r.len())])
        .filter(|r| r.contains("<w:t"))
        .collect()
}

fn document_xml(file: &Path) -> String {
    entry_text(&std::fs::read(file).unwrap(), "word/document.xml").unwrap()
}

#[test]
fn every_legal_basis_line_of_every_kind_is_italic() {
    let mut kinds_with_bases = 0;
    for sample in one_of_each_kind() {
        let xml = document_xml(&sample);
        let mut bases = 0;
        for (p, text) in paragraph_xml(&xml) {
            if !text.starts_with("Căn cứ ") {
                continue;
            }
            bases += 1;
            for run in text_runs(p) {
                assert!(
                    run.contains("<w:i />") || run.contains("<w:i/>"),
                    "{}: a Căn cứ line is upright: {text}",
                    sample.display()
                );
            }
        }
        if bases > 0 {
            kinds_with_bases += 1;
        }
    }
    // the unit's and the Department's Tờ trình and the decision cite their legal bases
    assert_eq!(kinds_with_bases, 3);
}

/// The bordered tables (`w:tblBorders` single) of a document's XML, as their XML.
fn grid_tables(xml: &str) -> Vec<&str> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap_or(t.len())])
        .filter(|t| t.contains(r#"<w:top w:val="single""#))
        .collect()
}

#[test]
fn no_document_of_the_pack_prints_a_table_without_body_rows() {
    let root = pack_run().0.path().join("out");
    let mut tables = 0;
    for file in docx_files(&root) {
        let xml = document_xml(&root.join(&file));
        for t in grid_tables(&xml) {
            tables += 1;
            let rows = t.matches("<w:tr>").count() + t.matches("<w:tr ").count();
            assert!(rows >= 2, "{file}: a table of its header row alone");
        }
    }
    assert!(tables > 100, "{tables}");
    // where a nominee has no past award, the report says so in one sentence
    let reports = body(&out("So/Tat-ca/Bao-cao-thanh-tich-ca-nhan.docx"));
    assert!(
        reports.contains("Chưa được khen thưởng.")
            || reports.contains("Chưa được công nhận danh hiệu thi đua."),
        "no nominee of the pack without past awards"
    );
}

#[test]
fn no_template_of_the_pack_cites_a_law_of_its_own() {
    // The legal bases are the globals luat_thi_dua and nghi_dinh_thi_dua (vanban.toml).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        seen += 1;
        let text = texts_of(&document_xml(&path));
        for citation in ["Luật Thi đua", "NĐ-CP", "/QH1", "Nghị định số"] {
            assert!(
                !text.contains(citation),
                "{}: cites '{citation}' in its text",
                path.display()
            );
        }
    }
    assert_eq!(seen, 12);
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("vanban.toml")).unwrap();
    assert!(manifest.contains("\nluat_thi_dua = \"Luật Thi đua, khen thưởng số 06/2022/QH15"));
    assert!(manifest.contains("\nnghi_dinh_thi_dua = \"Nghị định số 98/2023/NĐ-CP"));
    let decision = body(&out("So/Quyet-dinh-tang-Giay-khen.docx"));
    assert!(
        decision
            .contains("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"),
        "{decision}"
    );
}

/// The pack's documents as LibreOffice lays them out: the combined files of every kind and
/// the Department's own, converted once; None (with a notice) where soffice is absent.
fn pack_pdfs() -> Option<&'static (tempfile::TempDir, PathBuf, Vec<PathBuf>)> {
    static PDFS: std::sync::OnceLock<Option<(tempfile::TempDir, PathBuf, Vec<PathBuf>)>> =
        std::sync::OnceLock::new();
    PDFS.get_or_init(|| {
        if !tool_available("soffice", &["--version"])
            || !tool_available("pdftotext", &["-v"])
            || !tool_available("pdfinfo", &["-v"])
        {
            return None;
        }
        let files: Vec<PathBuf> = [
            "So/Tat-ca/Ke-hoach.docx",
            "So/Tat-ca/Bao-cao.docx",
            "So/Tat-ca/Cong-van-don-doc.docx",
            "So/Tat-ca/To-trinh.docx",
            "So/Tat-ca/Bao-cao-thanh-tich-ca-nhan.docx",
            "So/Tat-ca/Bao-cao-thanh-tich-tap-the.docx",
            "So/Bien-ban-hop-Hoi-dong.docx",
            "So/Bao-cao-tong-ket.docx",
            "So/To-trinh-UBND-Thanh-pho.docx",
            "So/Quyet-dinh-tang-Giay-khen.docx",
            "So/In/Giay-khen.docx",
            "So/In/Giay-khen-tap-the.docx",
            "So/In/Giay-khen-phoi.docx",
            "So/In/Giay-khen-phoi-tap-the.docx",
        ]
        .iter()
        .map(|f| out(f))
        .collect();
        let work = tempfile::tempdir().unwrap();
        let dir = convert_to_pdf(work.path(), &files);
        let pdfs = files
            .iter()
            .map(|f| dir.join(f.with_extension("pdf").file_name().unwrap()))
            .collect();
        Some((work, dir, pdfs))
    })
    .as_ref()
}

fn page_count(pdf: &Path) -> usize {
    let info = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The text of page `page` of `pdf` as `pdftotext -layout` prints it.
fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&text.stdout).into_owned()
}

/// Whether a page's first line of text (its number aside) opens a signature block: the
/// Nơi nhận or a signer's title, so that nothing of the text it signs stands on the page.
fn opens_with_signature(page: &str) -> bool {
    let Some(first) = page
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
    else {
        return false;
    };
    first.starts_with("Nơi nhận")
        || [
            "GIÁM ĐỐC",
            "THỦ TRƯỞNG",
            "THƯ KÝ",
            "CHỦ TỌA",
            "NGƯỜI BÁO CÁO",
            "CHÁNH ",
        ]
        .iter()
        .any(|t| first.starts_with(t) || first.starts_with(&format!("KT. {t}")))
}

#[test]
fn no_page_of_any_document_holds_only_a_signature_block() {
    let Some((_, _, pdfs)) = pack_pdfs() else {
        return;
    };
    let kinds = written();
    let count = |kind: &str| kinds.iter().find(|(k, _)| k == kind).unwrap().1;
    for pdf in pdfs {
        let pages = page_count(pdf);
        for page in 1..=pages {
            let text = page_text(pdf, page);
            assert!(
                !opens_with_signature(&text),
                "{} page {page} of {pages} holds only a signature block:\n{text}",
                pdf.display()
            );
        }
        // the last page holds the end of the text and its signature (or the decision's list)
        let last = page_text(pdf, pages);
        let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            last.contains("/.")
                || last.contains("(Ký")
                || name.starts_with("Giay-khen")
                || name.starts_with("Quyet-dinh"),
            "{name}: last page\n{last}"
        );
    }
    // a certificate is one page: the combined files hold one page per certificate
    for (kind, file) in [
        ("giay-khen-ca-nhan", "Giay-khen.pdf"),
        ("giay-khen-tap-the", "Giay-khen-tap-the.pdf"),
        ("giay-khen-phoi", "Giay-khen-phoi.pdf"),
    ] {
        let pdf = pdfs.iter().find(|p| p.ends_with(file)).unwrap();
        assert_eq!(page_count(pdf), count(kind), "{file}");
    }
}

#[test]
fn the_check_for_a_lone_signature_reads_a_page_as_a_clerk_would() {
    assert!(opens_with_signature(
        "   2\n\nNơi nhận:        KT. GIÁM ĐỐC\n- Như trên;"
    ));
    assert!(opens_with_signature(
        "\nTHỦ TRƯỞNG ĐƠN VỊ      NGƯỜI BÁO CÁO\n"
    ));
    assert!(opens_with_signature("   3\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"));
    assert!(!opens_with_signature(
        "  2\n   Trên đây là báo cáo ...\nNơi nhận:"
    ));
    assert!(!opens_with_signature("DANH SÁCH\nTập thể, cá nhân"));
}

/// Words of the pack's unit names that a line must not split: each a word of two syllables.
const COMPOUNDS: &[&str] = &[
    "ĐẤT ĐAI",
    "HÀ NỘI",
    "VIỄN THÁM",
    "TÀI NGUYÊN",
    "MÔI TRƯỜNG",
    "THÔNG TIN",
    "CÔNG NGHỆ",
    "KHÍ TƯỢNG",
    "THỦY VĂN",
    "BIẾN ĐỔI",
    "KHÍ HẬU",
    "QUY HOẠCH",
    "KẾ HOẠCH",
    "SỬ DỤNG",
    "ĐĂNG KÝ",
    "THỐNG KÊ",
    "QUẢN LÝ",
    "KHOÁNG SẢN",
    "ĐO ĐẠC",
    "BẢN ĐỒ",
    "BẢO VỆ",
    "PHÁT TRIỂN",
    "QUỸ ĐẤT",
    "TRUNG TÂM",
    "QUAN TRẮC",
    "VĂN PHÒNG",
    "THANH TRA",
    "CHI CỤC",
    "TÀI CHÍNH",
];

/// The lines of the header's left column on each first page of `pdf`: from the line under
/// the Department's name to the line before `Số:` (or the date), as `pdftotext -layout`
/// prints them (the left column is the text before the first run of three spaces).
fn header_names(pdf: &Path) -> Vec<Vec<String>> {
    let mut names = Vec::new();
    for page in 1..=page_count(pdf) {
        let text = page_text(pdf, page);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        if !lines.first().is_some_and(|l| l.contains("CỘNG HÒA")) {
            continue;
        }
        let left = |l: &str| {
            l.trim()
                .split("   ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let name: Vec<String> = lines[1..]
            .iter()
            .map(|l| left(l))
            .take_while(|l| !l.starts_with("Số:") && !l.starts_with("Hà Nội") && !l.is_empty())
            .filter(|l| !l.starts_with("Độc lập"))
            .collect();
        names.push(name);
    }
    names
}

#[test]
fn no_header_line_of_a_units_name_ends_inside_a_word() {
    let Some((_, _, pdfs)) = pack_pdfs() else {
        return;
    };
    let mut seen = 0;
    for file in ["Ke-hoach.pdf", "Bao-cao-thanh-tich-tap-the.pdf"] {
        let pdf = pdfs.iter().find(|p| p.ends_with(file)).unwrap();
        for name in header_names(pdf) {
            seen += 1;
            for pair in name.windows(2) {
                let end = pair[0].rsplit(' ').next().unwrap_or("");
                let start = pair[1].split(' ').next().unwrap_or("");
                let joined = format!("{end} {start}");
                assert!(
                    !COMPOUNDS.contains(&joined.as_str()),
                    "{file}: the unit's name breaks inside '{joined}': {name:?}"
                );
            }
        }
    }
    // 14 plans and the collectives' reports
    assert!(seen >= 14 + 5, "{seen}");
}

#[test]
fn every_field_of_the_blank_lies_inside_its_printable_area() {
    let Some((_, _, pdfs)) = pack_pdfs() else {
        return;
    };
    let pdf = pdfs
        .iter()
        .find(|p| p.ends_with("Giay-khen-phoi.pdf"))
        .unwrap();
    let boxes = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let boxes = String::from_utf8_lossy(&boxes.stdout);
    let number = |s: &str, attr: &str| -> f64 {
        let at = s.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    let page = &boxes[boxes.find("<page ").unwrap()..];
    let (width, height) = (number(page, "width"), number(page, "height"));
    assert!(width > height, "landscape");
    // 20 mm all round
    let margin = 20.0 / 25.4 * 72.0;
    let mut words = 0;
    for word in boxes.split("<word ").skip(1) {
        words += 1;
        let text = &word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()];
        let (x0, y0) = (number(word, "xMin"), number(word, "yMin"));
        let (x1, y1) = (number(word, "xMax"), number(word, "yMax"));
        assert!(
            x0 >= margin && y0 >= margin && x1 <= width - margin && y1 <= height - margin,
            "'{text}' at ({x0:.0}, {y0:.0})-({x1:.0}, {y1:.0}) pt lies outside the printable area"
        );
    }
    assert!(words > 20, "{boxes}");
}
