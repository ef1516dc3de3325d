//! The round: the folder's `vanban.toml`, listed, checked and run through `manifest` as
//! `vanban check` and `vanban run` do, with the documents written in the job's folder and
//! the register kept beside the manifest (so a second run keeps its numbers).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::jobs::{self, Outcome, Problem, problems};
use super::state::State;
use crate::diag::{Diagnostic, io_error, msg};
use crate::manifest::{self, Loaded};

/// The manifest's file name in the round's folder.
pub const MANIFEST: &str = "vanban.toml";

/// One source as the page lists it.
pub struct SourceInfo {
    pub name: String,
    pub file: String,
    pub sheet: Option<String>,
    /// Rows read; `None` when the file could not be read.
    pub rows: Option<usize>,
    pub modified: Option<String>,
}

/// The manifest, loaded from the folder.
pub fn load(folder: &Path) -> Result<Loaded, Vec<Problem>> {
    manifest::load(&folder.join(MANIFEST)).map_err(|e| problems_in(folder, &e))
}

/// The problems as the page shows them: paths relative to the round's folder.
fn problems_in(folder: &Path, ds: &[Diagnostic]) -> Vec<Problem> {
    let shown = crate::diag::display(folder);
    problems(ds)
        .into_iter()
        .map(|p| p.relative_to(&shown))
        .collect()
}

/// Whether the folder has a round.
pub fn exists(folder: &Path) -> bool {
    folder.join(MANIFEST).is_file()
}

/// The manifest's sources with their rows and dates, and the problems of reading them.
pub fn sources(folder: &Path) -> Result<(Vec<SourceInfo>, Vec<Problem>), Vec<Problem>> {
    let loaded = load(folder)?;
    let (tables, found) = manifest::sources(&loaded);
    let list = loaded
        .manifest
        .sources
        .iter()
        .map(|(name, source)| SourceInfo {
            name: name.clone(),
            file: source.file.clone(),
            sheet: source.sheet.clone(),
            rows: tables.get(name).map(|t| t.rows.len()),
            modified: std::fs::metadata(loaded.resolve(&source.file))
                .and_then(|m| m.modified())
                .ok()
                .map(local_time),
        })
        .collect();
    Ok((list, problems_in(folder, &found)))
}

/// What "Kiểm tra" shows: every problem `vanban check` finds, and the numbers a run would
/// print.
pub struct Checked {
    pub problems: Vec<Problem>,
    pub numbers: Vec<String>,
    pub documents: Option<usize>,
}

/// `vanban check vanban.toml`, for the page.
pub fn check(folder: &Path) -> Checked {
    let loaded = match load(folder) {
        Ok(loaded) => loaded,
        Err(problems) => {
            return Checked {
                problems,
                numbers: Vec::new(),
                documents: None,
            };
        }
    };
    match checked(&loaded) {
        Ok((mut prepared, preview)) => {
            prepared.warnings.extend(preview.warnings);
            Checked {
                problems: problems_in(folder, &prepared.warnings),
                numbers: preview.numbers,
                documents: Some(preview.documents),
            }
        }
        Err(found) => Checked {
            problems: problems_in(folder, &found),
            numbers: Vec::new(),
            documents: None,
        },
    }
}

fn checked(loaded: &Loaded) -> Result<(manifest::Prepared, manifest::Preview), Vec<Diagnostic>> {
    let prepared = manifest::prepare(loaded)?;
    let preview = manifest::preview(loaded, &prepared)?;
    Ok((prepared, preview))
}

/// `vanban run` into a new job folder; runs on the calling thread.
pub fn run(state: &Arc<State>, pdf: bool) -> Outcome {
    let id = super::security::random_token()[..16].to_string();
    let dir = match jobs::job_dir(&state.root) {
        Ok(dir) => dir,
        Err(e) => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let mut outcome = Outcome::new(id, dir);
            outcome.fatal = problems(&[Diagnostic::error(
                "",
                msg!(
                    "serve-cannot-make-work-folder",
                    e = io_error(&e, e.to_string())
                ),
            )]);
            return outcome;
        }
    };
    let mut outcome = Outcome::new(id, dir);
    let out = outcome.dir.path().join("out");
    let status = &state.status;
    status.set_phase("Đang kiểm tra dữ liệu");
    let mut loaded = match load(&state.folder) {
        Ok(loaded) => loaded,
        Err(found) => {
            outcome.fatal = found;
            return outcome;
        }
    };
    loaded.out_override = Some(out.clone());
    let combines = loaded
        .manifest
        .documents
        .iter()
        .filter(|d| d.combine.is_some())
        .count();
    match checked(&loaded) {
        Ok((_, preview)) => {
            let per_document = if pdf { 2 } else { 1 };
            status.total.store(
                preview.documents * per_document + combines + 1,
                Ordering::SeqCst,
            );
        }
        Err(found) => {
            outcome.fatal = problems_in(&state.folder, &found);
            return outcome;
        }
    }
    status.set_phase("Đang tạo văn bản");
    let stop = Arc::new(AtomicBool::new(false));
    jobs::watch(out.clone(), state.status.clone(), stop.clone());
    let options = manifest::RunOptions {
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        quiet: true,
        clean: false,
        pdf,
    };
    let ran = manifest::run(&loaded, &options);
    stop.store(true, Ordering::SeqCst);
    let report = match ran {
        Ok(report) => report,
        Err(found) => {
            outcome.fatal = problems_in(&state.folder, &found);
            return outcome;
        }
    };
    status.set_phase("Đang đóng gói");
    let base = PathBuf::from("out");
    let mut files = BTreeSet::new();
    for (_, r) in &report.kinds {
        outcome.written += r.written;
        outcome.total += r.total;
        outcome
            .failures
            .extend(problems_in(&state.folder, &r.failures));
        for line in &r.register {
            // A certificate and its blank share their number: listed once.
            if !outcome.numbers.contains(&line.number) {
                outcome.numbers.push(line.number.clone());
            }
        }
        for file in &r.files {
            files.insert(base.join(file));
        }
        if let Some(rel) = r.combined.as_ref().and_then(|c| c.strip_prefix(&out).ok()) {
            outcome.combined.push(base.join(rel));
            files.insert(base.join(rel));
        }
    }
    outcome.warnings = problems_in(&state.folder, &report.warnings);
    // The documents per unit: the first folder of their name (`KH01/...`, `So/...`).
    let mut groups: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for (_, r) in &report.kinds {
        for file in &r.files {
            let unit = match file.components().count() {
                0 | 1 => String::new(),
                _ => file
                    .components()
                    .next()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .unwrap_or_default(),
            };
            match groups.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.push(base.join(file)),
                None => groups.push((unit, vec![base.join(file)])),
            }
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    outcome.groups = groups;
    let summary = base.join(manifest::SUMMARY);
    outcome.summary = std::fs::read_to_string(outcome.dir.path().join(&summary)).ok();
    if outcome.summary.is_some() {
        files.insert(summary);
    }
    // The register as this run left it, copied into the job's folder.
    let register = manifest::register_path(&loaded);
    if let Some(name) = register.file_name() {
        let copy = base.join(name);
        if std::fs::copy(&register, outcome.dir.path().join(&copy)).is_ok() {
            files.insert(copy.clone());
            outcome.register = Some(copy);
        }
    }
    outcome.pack(&base, files);
    outcome
}

/// Replaces the source `name`'s workbook by `bytes` (an upload whose name ended in
/// `.extension`), once it reads as that source: same kind of file, the sheet there.
/// Returns the rows read and where the replaced workbook was kept.
pub fn replace_source(
    state: &State,
    name: &str,
    extension: &str,
    bytes: &[u8],
) -> Result<(usize, Option<String>), Vec<Problem>> {
    let loaded = load(&state.folder)?;
    let Some(source) = loaded.manifest.sources.get(name) else {
        return Err(vec![message(&format!("Không có nguồn dữ liệu '{name}'."))]);
    };
    let target = loaded.resolve(&source.file);
    let wanted = target
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !extension.eq_ignore_ascii_case(&wanted) {
        return Err(vec![message(&format!(
            "Nguồn '{name}' là tệp .{wanted}; tệp thả vào là .{}. Hãy thả một tệp .{wanted}.",
            extension.to_lowercase()
        ))]);
    }
    // Read from a copy in a job folder first: a file that does not read as the source
    // leaves the round as it was.
    let dir = jobs::job_dir(&state.root).map_err(|e| vec![message(&e.to_string())])?;
    let trial = dir.path().join(format!("tai-len.{wanted}"));
    std::fs::write(&trial, bytes).map_err(|e| vec![message(&e.to_string())])?;
    let options = crate::manifest::load_options(&loaded.display, name, source)
        .map_err(|e| problems_in(&state.folder, &e))?;
    let table = crate::input::load_table(&trial, &loaded.show(&source.file), &options)
        .map_err(|e| problems_in(&state.folder, &e))?;
    let kept = keep_old(&target).map_err(|e| {
        problems(&[Diagnostic::error(
            loaded.show(&source.file),
            msg!("cli-cannot-write-file", e = io_error(&e, e.to_string())),
        )])
    })?;
    crate::batch::write_atomically(&target, bytes).map_err(|e| {
        problems(&[Diagnostic::error(
            loaded.show(&source.file),
            msg!("cli-cannot-write-file", e = io_error(&e, e.to_string())),
        )])
    })?;
    let kept = kept.map(|path| {
        let shown = path.strip_prefix(&state.folder).unwrap_or(&path);
        crate::diag::display(shown)
    });
    Ok((table.rows.len(), kept))
}

/// Copies the workbook about to be replaced to `ban-cu/` beside it, named with the time
/// (`ban-cu/can-bo-2026-12-04-030112.xlsx`), so a replacement never loses the clerk's file.
fn keep_old(target: &Path) -> std::io::Result<Option<PathBuf>> {
    if !target.is_file() {
        return Ok(None);
    }
    let dir = target.parent().unwrap_or(Path::new(".")).join("ban-cu");
    std::fs::create_dir_all(&dir)?;
    let stem = target.file_stem().unwrap_or_default().to_string_lossy();
    let extension = target.extension().unwrap_or_default().to_string_lossy();
    let time: String = crate::new::now_w3c()
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    let (day, clock) = time.split_at(8.min(time.len()));
    let day = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let kept = dir.join(format!("{stem}-{day}-{clock}{suffix}.{extension}"));
        if !kept.exists() {
            std::fs::copy(target, &kept)?;
            return Ok(Some(kept));
        }
    }
    unreachable!("some name is free")
}

/// A message of the page's own, shown like a problem without a place.
pub fn message(text: &str) -> Problem {
    Problem {
        file: String::new(),
        place: String::new(),
        error: true,
        message: text.to_string(),
        hints: Vec::new(),
    }
}

/// `dd/mm/yyyy HH:MM` in the machine's time zone.
fn local_time(time: std::time::SystemTime) -> String {
    let seconds = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let offset = utc_offset(seconds);
    let local = seconds + offset;
    let (y, m, d) = crate::input::dates::civil_from_days(local.div_euclid(86_400));
    let t = local.rem_euclid(86_400);
    format!("{d:02}/{m:02}/{y:04} {:02}:{:02}", t / 3600, t % 3600 / 60)
}

#[cfg(unix)]
fn utc_offset(seconds: i64) -> i64 {
    let t = seconds as libc::time_t;
    // SAFETY: localtime_r writes only into `tm`, which lives for the call.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            0
        } else {
            tm.tm_gmtoff
        }
    }
}

#[cfg(not(unix))]
fn utc_offset(_seconds: i64) -> i64 {
    0
}
