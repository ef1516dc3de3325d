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
    /// Documents in the output folder that this run did not write, relative to it.
    pub stale: Vec<PathBuf>,
    /// The stale documents were removed (`--clean`).
    pub cleaned: bool,
    pub out: PathBuf,
}

impl RunReport {
    /// Every file the run wrote, as paths under the output folder.
    pub fn files(&self) -> std::collections::BTreeSet<PathBuf> {
        let mut files: std::collections::BTreeSet<PathBuf> = self
            .kinds
            .iter()
            .flat_map(|(_, r)| r.files.iter().map(|f| self.out.join(f)))
            .collect();
        files.extend(self.kinds.iter().filter_map(|(_, r)| r.combined.clone()));
        files.insert(self.out.join(SUMMARY));
        files
    }
}

/// The summary file written beside the documents.
pub const SUMMARY: &str = "tom-tat.txt";

pub(super) fn write_summary(loaded: &Loaded, report: &RunReport) -> std::io::Result<()> {
    let mut text = format!("vanban run {}\n\n", loaded.display);
    for (kind, r) in &report.kinds {
        let pdfs = match r.pdfs {
            0 => String::new(),
            1 => " (1 PDF)".into(),
            n => format!(" ({n} PDFs)"),
        };
        text.push_str(&format!(
            "{kind}: {} of {} documents written{pdfs}\n",
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
                e.file.as_deref().map(display).unwrap_or_default()
            ));
        }
    }
    if !report.stale.is_empty() {
        text.push_str(if report.cleaned {
            "\nremoved (documents of an earlier run that this run did not make)\n"
        } else {
            "\nstale (documents of an earlier run that this run did not make; `vanban run --clean` removes them)\n"
        });
        for file in &report.stale {
            text.push_str(&format!("  {}\n", display(file)));
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
    crate::batch::write_atomically(&report.out.join(SUMMARY), text.as_bytes())
}
