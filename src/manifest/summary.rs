//! What a run wrote, and the summary file `tom-tat.txt` written from it beside the documents:
//! the files per kind, the numbering register, the vote counts and every warning.

use std::path::PathBuf;

use super::load::Loaded;
use crate::batch::Report;
use crate::diag::{Diagnostic, display};

/// The result of `vanban run`: per document kind, what was written.
pub struct RunReport {
    pub kinds: Vec<(String, Report)>,
    pub warnings: Vec<Diagnostic>,
    pub votes: Vec<String>,
    pub out: PathBuf,
}

/// The summary file written beside the documents.
pub const SUMMARY: &str = "tom-tat.txt";

pub(super) fn write_summary(loaded: &Loaded, report: &RunReport) -> std::io::Result<()> {
    let mut text = format!("vanban run {}\n\n", loaded.display);
    for (kind, r) in &report.kinds {
        text.push_str(&format!(
            "{kind}: {} of {} documents written\n",
            r.written, r.total
        ));
        for file in &r.files {
            text.push_str(&format!("  {}\n", display(file)));
        }
        for f in &r.failures {
            text.push_str(&format!("  error: {f}\n"));
        }
    }
    let register: Vec<_> = report
        .kinds
        .iter()
        .flat_map(|(kind, r)| r.register.iter().map(move |e| (kind, e)))
        .collect();
    if !register.is_empty() {
        text.push_str("\nregister (number\tdate\tkind\tunit\tfile)\n");
        for (kind, e) in register {
            text.push_str(&format!(
                "  {}\t{}\t{kind}\t{}\t{}\n",
                e.number,
                e.date,
                e.unit,
                display(&e.file)
            ));
        }
    }
    if !report.votes.is_empty() {
        text.push_str("\nvotes\n");
        for line in &report.votes {
            text.push_str(&format!("  {line}\n"));
        }
    }
    if !report.warnings.is_empty() {
        text.push_str("\nwarnings\n");
        for w in &report.warnings {
            text.push_str(&format!("  {w}\n"));
        }
    }
    std::fs::create_dir_all(&report.out)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".vanban-")
        .tempfile_in(&report.out)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.persist(report.out.join(SUMMARY))
        .map_err(|e| e.error)?;
    Ok(())
}
