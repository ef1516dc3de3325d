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
    assert_eq!(samples.len(), 13, "{samples:?}");
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
            "inputs/don-vi.xlsx:DonVi!J9 s plan",
            "inputs/don-vi.xlsx:DonVi!J10 s plan",
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
