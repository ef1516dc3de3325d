//! Jobs: one at a time, each in its own temporary folder under the server's work folder,
//! run on a thread of its own so the server keeps answering. A job's progress is counted
//! from the documents appearing in its output folder; when it ends, its result (the files it
//! made, listed, and a .zip of them) stays until the next job of its kind replaces it (the
//! folder removed then) or the server stops.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::diag::{Diagnostic, Lang, io_error, msg};

/// The .zip of everything a job made, inside its folder.
pub const ZIP: &str = "van-ban.zip";

/// What the page shows of the job running or last run.
#[derive(Default)]
pub struct Status {
    /// A job is running (a second one is refused).
    pub busy: AtomicBool,
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    /// What the job is doing, for the page.
    pub phase: Mutex<String>,
    /// Set when a job ended: its id, to fetch its result.
    pub last: Mutex<Option<String>>,
}

impl Status {
    /// Takes the one job slot; `false` when a job is running.
    pub fn start(&self, phase: &str) -> bool {
        if self.busy.swap(true, Ordering::SeqCst) {
            return false;
        }
        self.done.store(0, Ordering::SeqCst);
        self.total.store(0, Ordering::SeqCst);
        self.set_phase(phase);
        true
    }

    pub fn set_phase(&self, phase: &str) {
        if let Ok(mut p) = self.phase.lock() {
            *p = phase.to_string();
        }
    }

    /// Ends the job: its progress full, its id kept for the page, the slot free.
    pub fn finish(&self, id: &str) {
        self.done
            .store(self.total.load(Ordering::SeqCst), Ordering::SeqCst);
        if let Ok(mut last) = self.last.lock() {
            *last = Some(id.to_string());
        }
        self.busy.store(false, Ordering::SeqCst);
    }
}

/// A job's outcome, kept with its folder.
pub struct Outcome {
    pub id: String,
    /// The job's folder, removed when the outcome is dropped.
    pub dir: tempfile::TempDir,
    /// Problems that stopped it before anything was written, rendered.
    pub fatal: Vec<Problem>,
    /// The documents made, by kind (or unit): paths relative to `out`.
    pub groups: Vec<(String, Vec<PathBuf>)>,
    /// Every file a download may name, relative to `dir`.
    pub files: BTreeSet<PathBuf>,
    pub warnings: Vec<Problem>,
    pub failures: Vec<Problem>,
    pub written: usize,
    pub total: usize,
    /// The summary's text (`tom-tat.txt`), when the job writes one.
    pub summary: Option<String>,
    /// The register's copy, relative to `dir`.
    pub register: Option<PathBuf>,
    /// The numbers printed in the register by this run.
    pub numbers: Vec<String>,
    /// The combined files, relative to `dir`.
    pub combined: Vec<PathBuf>,
    pub zip: Option<PathBuf>,
}

impl Outcome {
    pub fn new(id: String, dir: tempfile::TempDir) -> Outcome {
        Outcome {
            id,
            dir,
            fatal: Vec::new(),
            groups: Vec::new(),
            files: BTreeSet::new(),
            warnings: Vec::new(),
            failures: Vec::new(),
            written: 0,
            total: 0,
            summary: None,
            register: None,
            numbers: Vec::new(),
            combined: Vec::new(),
            zip: None,
        }
    }

    /// Takes `files` (relative to its folder) as the ones a download may name, with the .zip
    /// of them all (names inside `base`).
    pub fn pack(&mut self, base: &Path, files: BTreeSet<PathBuf>) {
        match write_zip(self.dir.path(), base, &files) {
            Ok(zip) => {
                self.files.insert(zip.clone());
                self.zip = Some(zip);
            }
            Err(e) => self.failures.push(Problem::of(&Diagnostic::error(
                ZIP,
                msg!("serve-cannot-write-zip", e = io_error(&e, e.to_string())),
            ))),
        }
        self.files.extend(files);
    }

    /// The file a download names, if this job made it: a relative path without `..`, listed
    /// among the job's files, a plain file and not a link.
    pub fn file(&self, asked: &str) -> Option<PathBuf> {
        let relative = Path::new(asked);
        let plain = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !plain || !self.files.contains(relative) {
            return None;
        }
        let path = self.dir.path().join(relative);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        meta.file_type().is_file().then_some(path)
    }
}

/// A diagnostic as the page shows it: the file it is in, the place inside it, the message
/// and its hints, in Vietnamese.
#[derive(Debug, Clone)]
pub struct Problem {
    pub file: String,
    pub place: String,
    pub error: bool,
    pub message: String,
    pub hints: Vec<String>,
}

impl Problem {
    pub fn of(d: &Diagnostic) -> Problem {
        let rendered = d.render(Lang::Vi);
        let mut lines = rendered.lines();
        let first = lines.next().unwrap_or("");
        let message = first
            .strip_prefix(d.location.as_str())
            .map(|rest| rest.trim_start_matches(':').trim_start())
            .unwrap_or(first);
        let (file, place) = split_location(&d.location);
        Problem {
            file,
            place,
            error: d.is_error(),
            message: without_label(message).to_string(),
            hints: lines.map(|h| without_label(h).to_string()).collect(),
        }
    }

    /// The problem with `folder/` taken off its paths (the page names the folder once).
    /// A place that is a bare number is a line of the file (`vanban.toml:8`).
    pub fn relative_to(mut self, folder: &str) -> Problem {
        let prefix = format!("{}/", folder.trim_end_matches('/'));
        let strip = |text: &mut String| *text = strip_folder(text, &prefix);
        strip(&mut self.file);
        strip(&mut self.message);
        self.hints.iter_mut().for_each(strip);
        if !self.place.is_empty() && self.place.bytes().all(|b| b.is_ascii_digit()) {
            self.place = format!("dòng {}", self.place);
        }
        self
    }
}

/// `text` with `prefix` taken off each path it starts (`/round/inputs/x.xlsx` as
/// `inputs/x.xlsx`); the folder itself, with nothing after it, stays as it is.
fn strip_folder(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        let names_a_file = after
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || "._-".contains(c));
        out.push_str(&rest[..at]);
        if !names_a_file {
            out.push_str(prefix);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A line without the severity or hint label the page shows in its own way
/// (`warning: `, `hint: `, or the catalogue's `cảnh báo: `, `gợi ý: `).
fn without_label(line: &str) -> &str {
    const LABELS: [&str; 8] = [
        "error: ",
        "warning: ",
        "note: ",
        "hint: ",
        "lỗi: ",
        "cảnh báo: ",
        "ghi chú: ",
        "gợi ý: ",
    ];
    LABELS
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .unwrap_or(line)
}

/// `inputs/x.xlsx:CanBo!B12` as (`inputs/x.xlsx`, `CanBo!B12`); `templates/x.docx: word/...`
/// as (`templates/x.docx`, `word/...`).
fn split_location(location: &str) -> (String, String) {
    // A Windows drive letter (`C:\...`) is not a separator.
    let start = if location.as_bytes().get(1) == Some(&b':') {
        2
    } else {
        0
    };
    match location[start..].find(':') {
        Some(i) => (
            location[..start + i].to_string(),
            location[start + i + 1..].trim().to_string(),
        ),
        None => (location.to_string(), String::new()),
    }
}

/// The problems grouped by file, in the order first found.
pub fn by_file(problems: &[Problem]) -> Vec<(String, Vec<&Problem>)> {
    let mut groups: Vec<(String, Vec<&Problem>)> = Vec::new();
    for p in problems {
        match groups.iter_mut().find(|(f, _)| *f == p.file) {
            Some((_, list)) => list.push(p),
            None => groups.push((p.file.clone(), vec![p])),
        }
    }
    groups
}

pub fn problems(ds: &[Diagnostic]) -> Vec<Problem> {
    ds.iter().map(Problem::of).collect()
}

/// Counts the documents appearing under `out` into `status.done` until `stop` is set.
pub fn watch(out: PathBuf, status: Arc<Status>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            let n = count_documents(&out);
            let total = status.total.load(Ordering::SeqCst);
            status
                .done
                .store(n.min(total.saturating_sub(1)), Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
    });
}

fn count_documents(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            match e.file_type() {
                Ok(t) if t.is_dir() => count_documents(&path),
                Ok(t) if t.is_file() && !name.starts_with('.') && is_document(&path) => 1,
                _ => 0,
            }
        })
        .sum()
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("pdf"))
}

/// Writes `dir/van-ban.zip` holding every file of `files` (relative to `dir`) under its
/// name inside `base` (`out/KH/x.docx` as `KH/x.docx`); temp file, then rename.
pub fn write_zip(dir: &Path, base: &Path, files: &BTreeSet<PathBuf>) -> std::io::Result<PathBuf> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for file in files {
        let name = file.strip_prefix(base).unwrap_or(file);
        let name: Vec<String> = name
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        zip.start_file(name.join("/"), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(&std::fs::read(dir.join(file))?)?;
    }
    let bytes = zip.finish().map_err(std::io::Error::other)?.into_inner();
    crate::batch::write_atomically(&dir.join(ZIP), &bytes)?;
    Ok(PathBuf::from(ZIP))
}

/// A new job folder under the server's work folder.
pub fn job_dir(root: &Path) -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new().prefix("job-").tempdir_in(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_shown_inside_the_round() {
        let p = Problem::of(
            &Diagnostic::error(
                "/r/inputs/x.xlsx",
                msg!("input-no-such-file-looked", shown = "/r"),
            )
            .with_hint(msg!("manifest-order-set", here = "/r/vanban.toml:530")),
        )
        .relative_to("/r");
        assert_eq!(p.file, "inputs/x.xlsx");
        assert_eq!(p.message, "không có tệp này (đã tìm trong /r/)");
        assert_eq!(p.hints, ["thứ tự này được đặt ở vanban.toml:530"]);
        let line = Problem::of(&Diagnostic::error(
            "/r/vanban.toml:8",
            msg!("input-no-such-file"),
        ))
        .relative_to("/r");
        assert_eq!(
            (line.file.as_str(), line.place.as_str()),
            ("vanban.toml", "dòng 8")
        );
        let cell = Problem::of(&Diagnostic::warning(
            "/r/inputs/x.xlsx:CanBo!B12",
            msg!("input-no-such-file"),
        ));
        assert_eq!(cell.relative_to("/r").place, "CanBo!B12");
    }
}
