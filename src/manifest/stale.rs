//! Documents an earlier run left in the output folder that this run did not write: listed in
//! the summary and as one warning, removed only when the user asks (`vanban run --clean`).

use crate::diag::msg;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, display};

/// What vanban writes, and so may call stale: documents and their PDFs.
const KINDS: [&str; 2] = ["docx", "pdf"];

/// The documents under `out` (relative to it, sorted) that are not in `written`.
pub fn find(out: &Path, written: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut stale = Vec::new();
    walk(out, out, written, &mut stale, 4);
    stale.sort();
    stale
}

fn walk(
    root: &Path,
    dir: &Path,
    written: &BTreeSet<PathBuf>,
    stale: &mut Vec<PathBuf>,
    depth: usize,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth > 1 {
                walk(root, &path, written, stale, depth - 1);
            }
            continue;
        }
        let ours = path
            .extension()
            .is_some_and(|e| KINDS.iter().any(|k| e.eq_ignore_ascii_case(k)));
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if kind.is_file()
            && ours
            && !hidden
            && !written.contains(&path)
            && let Ok(relative) = path.strip_prefix(root)
        {
            stale.push(relative.to_path_buf());
        }
    }
}

/// The one warning that names them.
pub fn warning(out: &Path, stale: &[PathBuf]) -> Diagnostic {
    let shown: Vec<String> = stale.iter().take(3).map(|p| display(p)).collect();
    let more = match stale.len() {
        n if n > 3 => msg!("and-more", count = n - 3),
        _ => msg!("empty"),
    };
    Diagnostic::warning(
        display(out),
        msg!(
            "manifest-from-earlier-run-not-written",
            count = stale.len(),
            shown = shown.join(", "),
            more = more
        ),
    )
    .with_hint(msg!("manifest-they-listed-summary-vanban-run"))
}

/// Removes the stale documents (`--clean`).
pub fn remove(out: &Path, stale: &[PathBuf]) -> Result<(), Diagnostic> {
    for file in stale {
        let path = out.join(file);
        std::fs::remove_file(&path).map_err(|e| {
            Diagnostic::error(
                display(&path),
                msg!(
                    "manifest-cannot-remove-stale-document",
                    e = crate::diag::io_arg(&e)
                ),
            )
        })?;
    }
    Ok(())
}
