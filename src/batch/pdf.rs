//! A job's PDFs: its rendered documents (and its combined file) converted by the LibreOffice
//! pool, each PDF renamed into place as soon as LibreOffice has written it, so the first
//! ones are there while the others convert.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::files::place;
use super::{Pdf, progress_bar};
use crate::convert;
use crate::diag::{Diagnostic, display, msg};

/// What to convert: the documents rendered into the work folder, by position.
pub(super) struct Job<'a> {
    pub(super) out: &'a Path,
    /// The documents' names (relative to `out`), by position.
    pub(super) names: &'a [Option<PathBuf>],
    /// The positions of the documents rendered, in order.
    pub(super) made: &'a [usize],
    /// Each document's .docx in the work folder.
    pub(super) input: &'a (dyn Fn(usize) -> Option<PathBuf> + Sync),
    /// Each document's PDF is wanted (else only the combined one).
    pub(super) each: bool,
    /// The combined PDF's place and its .docx in the work folder.
    pub(super) combined: Option<(&'a Path, PathBuf)>,
    pub(super) quiet: bool,
    pub(super) stem: &'a str,
}

/// What came of it.
#[derive(Default)]
pub(super) struct Made {
    /// Documents whose PDF failed, by position.
    pub(super) failed: HashSet<usize>,
    pub(super) failures: Vec<Diagnostic>,
    pub(super) pdfs: usize,
    /// The combined PDF, when written.
    pub(super) combined: Option<PathBuf>,
}

/// Converts the job's documents, moving each PDF into place when it is written.
pub(super) fn make(pdf: &Pdf, work: &convert::WorkDir, job: &Job) -> Made {
    let documents: Vec<usize> = job
        .made
        .iter()
        .copied()
        .filter(|&k| (job.input)(k).is_some())
        .collect();
    let mut inputs: Vec<PathBuf> = documents.iter().filter_map(|&k| (job.input)(k)).collect();
    inputs.extend(job.combined.as_ref().map(|(_, docx)| docx.clone()));
    let converting = progress_bar(
        inputs.len() as u64,
        job.quiet,
        &format!("{} (PDF)", job.stem),
    );
    // Each document's outcome as it comes: placed (with its page count, for the combined
    // PDF's outline) or why it failed.
    let outcomes: Mutex<Vec<Option<Result<usize, crate::diag::Message>>>> =
        Mutex::new(vec![None; documents.len()]);
    let results = convert::convert(&pdf.soffice, &inputs, work, &pdf.options, &|i, result| {
        converting.inc(1);
        let Some(&k) = documents.get(i) else {
            return; // the combined PDF, finished below
        };
        let outcome = result.clone().and_then(|made| {
            let pages = match job.combined {
                Some(_) => convert::page_count(&made).unwrap_or(0),
                None => 0,
            };
            if let (Some(name), true) = (&job.names[k], job.each) {
                place(&made, &job.out.join(name).with_extension("pdf"))?;
            }
            Ok(pages)
        });
        outcomes.lock().unwrap()[i] = Some(outcome);
    });
    converting.finish_and_clear();
    let outcomes = outcomes.into_inner().unwrap();
    let mut made = Made::default();
    // The combined PDF's outline: each document's title and page count; none when one
    // document failed or its pages could not be counted.
    let mut outline: Option<Vec<(String, usize)>> = Some(Vec::new());
    for (&k, outcome) in documents.iter().zip(outcomes) {
        let Some(name) = &job.names[k] else { continue };
        let outcome = outcome.unwrap_or_else(|| Err(msg!("convert-not-converted")));
        match (&mut outline, &outcome) {
            (Some(entries), Ok(pages)) if *pages > 0 => entries.push((
                name.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                *pages,
            )),
            _ => outline = None,
        }
        if !job.each {
            continue;
        }
        match outcome {
            Ok(_) => made.pdfs += 1,
            Err(reason) => {
                made.failed.insert(k);
                made.failures.push(Diagnostic::error(
                    display(&job.out.join(name).with_extension("pdf")),
                    msg!("batch-cannot-make-pdf", reason = reason),
                ));
            }
        }
    }
    if let (Some((path, _)), Some(result)) = (&job.combined, results.into_iter().last()) {
        let result = result.and_then(|pdf| {
            if let Some(entries) = &outline {
                convert::add_outline(&pdf, entries)?;
            }
            place(&pdf, path)
        });
        match result {
            Ok(()) => {
                made.combined = Some(path.to_path_buf());
                made.pdfs += 1;
            }
            Err(reason) => made.failures.push(Diagnostic::error(
                display(path),
                msg!("batch-cannot-make-pdf", reason = reason),
            )),
        }
    }
    made
}
