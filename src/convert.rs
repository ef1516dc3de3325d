//! PDF: .docx files converted by headless LibreOffice, run by vanban itself.
//!
//! A pool of `jobs` workers, each running one `soffice --convert-to pdf` at a time over a
//! batch of files (one process converts many files: its start-up is paid once per batch),
//! each worker with its own private profile folder (`-env:UserInstallation`), so runs of
//! LibreOffice elsewhere on the machine are neither used nor disturbed.
//!
//! A watchdog stops a process that writes no PDF for `timeout` (the whole process group:
//! `soffice` is a launcher that starts `soffice.bin`). A file that LibreOffice cannot
//! convert, or that it hangs or crashes on, is tried once more alone, then fails by itself;
//! the other files of its batch go on in a fresh process. Everything lives in one work
//! folder that is removed at the end, and also on Ctrl-C (the processes are killed first).

use crate::diag::msg;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Message};

/// How PDFs are made.
#[derive(Debug, Clone)]
pub struct Options {
    /// PDF/A-2b (archivable, fonts embedded); plain PDF when false.
    pub pdfa: bool,
    /// LibreOffice processes at once.
    pub jobs: usize,
    /// A process that writes no PDF for this long is stopped.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pdfa: true,
            jobs: 1,
            timeout: default_timeout(),
        }
    }
}

/// 120 s, or `VANBAN_PDF_TIMEOUT` seconds.
pub fn default_timeout() -> Duration {
    let seconds = std::env::var("VANBAN_PDF_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(120.0);
    Duration::from_secs_f64(seconds)
}

/// The message when LibreOffice cannot be found, before anything is written.
fn missing(detail: String) -> Diagnostic {
    Diagnostic::error(
        "",
        msg!(
            "convert-libreoffice-needed-make-pdfs",
            detail = detail.to_string()
        ),
    )
    .with_hint(msg!("convert-install-debian-ubuntu-sudo-apt"))
}

/// The `soffice` program: `VANBAN_SOFFICE`, else `soffice` or `libreoffice` on the PATH,
/// else LibreOffice's usual install places.
pub fn find_soffice() -> Result<PathBuf, Diagnostic> {
    if let Some(set) = std::env::var_os("VANBAN_SOFFICE").filter(|s| !s.is_empty()) {
        let path = PathBuf::from(&set);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(missing(format!(
                "VANBAN_SOFFICE is '{}', which is not a file",
                path.display()
            )))
        };
    }
    let exe = if cfg!(windows) { ".exe" } else { "" };
    if let Some(paths) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&paths) {
            for name in ["soffice", "libreoffice"] {
                let candidate = dir.join(format!("{name}{exe}"));
                if candidate.is_file() {
                    return Ok(candidate);
                }
            }
        }
    }
    let usual = [
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
    ];
    usual
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .ok_or_else(|| missing("no soffice program on the PATH".into()))
}

/// Set by Ctrl-C: every worker stops its process.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Work folders in use, removed by the Ctrl-C handler.
static WORK_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// LibreOffice processes running.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static HANDLER: Once = Once::new();

/// On Ctrl-C: stop the processes, remove the work folders, exit 130.
fn install_handler() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            let start = Instant::now();
            while RUNNING.load(Ordering::SeqCst) > 0 && start.elapsed() < Duration::from_secs(3) {
                std::thread::sleep(Duration::from_millis(20));
            }
            if let Ok(dirs) = WORK_DIRS.lock() {
                for dir in dirs.iter() {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
            eprintln!("{}", msg!("convert-interrupted").shown());
            std::process::exit(130);
        });
    });
}

/// A work folder for one conversion run, inside `parent` (the output folder, so PDFs are
/// renamed into place), removed when dropped and on Ctrl-C.
pub struct WorkDir {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl WorkDir {
    pub fn new(parent: &Path) -> std::io::Result<WorkDir> {
        install_handler();
        let dir = tempfile::Builder::new()
            .prefix(".vanban-pdf-")
            .tempdir_in(parent)?;
        let path = dir.path().to_path_buf();
        if let Ok(mut dirs) = WORK_DIRS.lock() {
            dirs.push(path.clone());
        }
        Ok(WorkDir {
            dir: Some(dir),
            path,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if let Ok(mut dirs) = WORK_DIRS.lock() {
            dirs.retain(|d| d != &self.path);
        }
        if let Some(dir) = self.dir.take() {
            let _ = dir.close();
        }
    }
}

/// One file's conversion state.
struct Item {
    input: PathBuf,
    attempts: u32,
    result: Option<Result<PathBuf, Message>>,
}

/// Files one LibreOffice process converts at most: its start-up (seconds) is paid once per
/// batch, so batches are as large as the spread over the workers allows.
const MAX_BATCH: usize = 200;

/// The batches of `n` files for `workers` processes: the same number for each worker, of
/// sizes that differ by one at most, none larger than [`MAX_BATCH`].
fn batches(n: usize, workers: usize) -> Vec<Vec<usize>> {
    let workers = workers.max(1);
    let rounds = n.div_ceil(workers).div_ceil(MAX_BATCH).max(1);
    let count = (workers * rounds).min(n.max(1));
    (0..count)
        .map(|b| (b * n / count..(b + 1) * n / count).collect())
        .filter(|batch: &Vec<usize>| !batch.is_empty())
        .collect()
}

/// Converts every `.docx` of `inputs` (their stems distinct) to PDF in `work`. Returns, for
/// each input in order, the PDF made (inside `work`) or why it failed. `done` is called
/// once per file, as soon as its PDF is complete (LibreOffice still converting the others
/// of its batch) or it has failed, with its position and that result: a caller may move
/// the PDF away then (the returned path is then gone).
pub fn convert(
    soffice: &Path,
    inputs: &[PathBuf],
    work: &WorkDir,
    options: &Options,
    done: &(dyn Fn(usize, &Result<PathBuf, Message>) + Sync),
) -> Vec<Result<PathBuf, Message>> {
    let items: Vec<Mutex<Item>> = inputs
        .iter()
        .map(|input| {
            Mutex::new(Item {
                input: input.clone(),
                attempts: 0,
                result: None,
            })
        })
        .collect();
    let workers = options.jobs.clamp(1, inputs.len().max(1));
    let queue: Mutex<VecDeque<Vec<usize>>> = Mutex::new(batches(inputs.len(), workers).into());
    // Workers still converting: a worker whose queue is empty waits while others may requeue.
    let busy = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for worker in 0..workers {
            let (items, queue, busy) = (&items, &queue, &busy);
            scope.spawn(move || {
                let profile = work.path().join(format!("profile-{worker}"));
                let mut run = 0;
                loop {
                    let batch = {
                        let mut queue = queue.lock().unwrap();
                        let batch = queue.pop_front();
                        if batch.is_some() {
                            busy.fetch_add(1, Ordering::SeqCst);
                        }
                        batch
                    };
                    let Some(batch) = batch else {
                        if busy.load(Ordering::SeqCst) == 0 {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    };
                    run += 1;
                    let outdir = work.path().join(format!("out-{worker}-{run}"));
                    let requeue =
                        convert_batch(soffice, &profile, &outdir, items, &batch, options, done);
                    let mut queue = queue.lock().unwrap();
                    queue.extend(requeue);
                    busy.fetch_sub(1, Ordering::SeqCst);
                }
            });
        }
    });
    // On Ctrl-C the handler removes the work folder and ends the process: nothing more is
    // written meanwhile.
    while INTERRUPTED.load(Ordering::SeqCst) {
        std::thread::park();
    }
    items
        .into_iter()
        .map(|item| {
            item.into_inner()
                .unwrap()
                .result
                .unwrap_or_else(|| Err(msg!("convert-not-converted")))
        })
        .collect()
}

/// How one LibreOffice process ended.
enum Ending {
    Exited(std::process::ExitStatus),
    TimedOut,
    Interrupted,
    NotStarted(String),
    /// The work folder (in the output folder) was removed.
    Gone,
}

/// Records a file's result (once) and tells the caller.
fn finish(
    items: &[Mutex<Item>],
    i: usize,
    result: Result<PathBuf, Message>,
    done: &(dyn Fn(usize, &Result<PathBuf, Message>) + Sync),
) {
    {
        let mut item = items[i].lock().unwrap();
        if item.result.is_some() {
            return;
        }
        item.result = Some(result.clone());
    }
    done(i, &result);
}

/// Runs one process over `batch`; records each file's result (each PDF as soon as it is
/// complete), and returns the batches to try again.
fn convert_batch(
    soffice: &Path,
    profile: &Path,
    outdir: &Path,
    items: &[Mutex<Item>],
    batch: &[usize],
    options: &Options,
    done: &(dyn Fn(usize, &Result<PathBuf, Message>) + Sync),
) -> Vec<Vec<usize>> {
    let inputs: Vec<PathBuf> = batch
        .iter()
        .map(|&i| items[i].lock().unwrap().input.clone())
        .collect();
    let pdf_of = |input: &Path| {
        outdir.join(Path::new(input.file_name().unwrap_or_default()).with_extension("pdf"))
    };
    let ready = |j: usize| finish(items, batch[j], Ok(pdf_of(&inputs[j])), done);
    // The work folder lives in the output folder: when that is removed (a drive unplugged),
    // nothing more can be written and no file is retried.
    let work = profile.parent().unwrap_or(profile);
    let ending = if work.is_dir() {
        run_soffice(soffice, profile, outdir, &inputs, options, &pdf_of, &ready)
    } else {
        Ending::Gone
    };
    let ending = match ending {
        Ending::Exited(_) | Ending::TimedOut if !work.is_dir() => Ending::Gone,
        ending => ending,
    };
    let mut requeue = Vec::new();
    let mut rest = Vec::new();
    let mut blamed = false;
    for (j, (&i, input)) in batch.iter().zip(&inputs).enumerate() {
        if items[i].lock().unwrap().result.is_some() {
            continue;
        }
        let pdf = pdf_of(input);
        if complete_pdf(&pdf) {
            ready(j);
            continue;
        }
        let _ = std::fs::remove_file(&pdf);
        let reason = match &ending {
            Ending::Interrupted => {
                items[i].lock().unwrap().result = Some(Err(msg!("convert-interrupted-item")));
                continue;
            }
            Ending::NotStarted(e) => {
                finish(
                    items,
                    i,
                    Err(msg!("convert-cannot-start-libreoffice", e = e)),
                    done,
                );
                continue;
            }
            Ending::Gone => {
                let reason = msg!("convert-output-folder-removed-while-converting");
                finish(items, i, Err(reason), done);
                continue;
            }
            // A process that ended early: the first file it did not convert is the one it
            // stopped on; the files after it were never tried and go on elsewhere.
            Ending::TimedOut if !blamed => msg!(
                "convert-libreoffice-did-not-convert-within",
                seconds = options.timeout.as_secs_f64().round().to_string()
            ),
            Ending::Exited(status) if !status.success() && !blamed => {
                msg!(
                    "convert-libreoffice-stopped-while-converting",
                    status = status.to_string()
                )
            }
            Ending::Exited(status) if status.success() && disk_full(outdir) => {
                msg!("convert-libreoffice-could-not-write-disk-full")
            }
            Ending::Exited(status) if status.success() => {
                msg!("convert-libreoffice-could-not-convert-valid")
            }
            _ => {
                rest.push(i);
                continue;
            }
        };
        blamed = true;
        let attempts = {
            let mut item = items[i].lock().unwrap();
            item.attempts += 1;
            item.attempts
        };
        if attempts < 2 {
            requeue.push(vec![i]);
        } else {
            finish(items, i, Err(reason), done);
        }
    }
    // The folder holds the PDFs not yet moved by the caller; the work folder goes at the end.
    if !rest.is_empty() {
        requeue.push(rest);
    }
    requeue
}

/// No room left (under 1 MiB) on the disk that holds `dir` (or its parent).
fn disk_full(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let dir = if dir.is_dir() {
            dir
        } else {
            dir.parent().unwrap_or(dir)
        };
        let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: statvfs writes into the zeroed struct it is given; the path is a C string.
        let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(path.as_ptr(), &mut stat) } != 0 {
            return false;
        }
        (stat.f_bavail as u64).saturating_mul(stat.f_frsize as u64) < 1 << 20
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// A PDF written to its end.
fn complete_pdf(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let end = bytes.trim_ascii_end();
    bytes.starts_with(b"%PDF-") && end.ends_with(b"%%EOF")
}

/// The `--convert-to` argument: PDF/A-2b through the export filter's JSON options
/// (LibreOffice 7.4 and later), or plain PDF.
fn convert_to(options: &Options) -> String {
    if options.pdfa {
        r#"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#.into()
    } else {
        "pdf:writer_pdf_Export".into()
    }
}

fn file_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// Runs `soffice` over `inputs` under the watchdog.
fn run_soffice(
    soffice: &Path,
    profile: &Path,
    outdir: &Path,
    inputs: &[PathBuf],
    options: &Options,
    pdf_of: &dyn Fn(&Path) -> PathBuf,
    ready: &dyn Fn(usize),
) -> Ending {
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Ending::Interrupted;
    }
    let mut command = Command::new(soffice);
    command
        .arg(format!("-env:UserInstallation={}", file_url(profile)))
        .args([
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
        ])
        .arg(convert_to(options))
        .arg("--outdir")
        .arg(outdir)
        .args(inputs)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so the launcher and soffice.bin are stopped together.
        command.process_group(0);
    }
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let child = command.spawn();
    let ending = match child {
        Ok(child) => watch(child, outdir, inputs, options, pdf_of, ready),
        Err(e) => Ending::NotStarted(e.to_string()),
    };
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    ending
}

/// Waits for the process, calling `ready` with each input's position as soon as its PDF is
/// complete (LibreOffice writes each one to a temporary file it renames into place, in the
/// order given); stops the process when no PDF came for the timeout.
fn watch(
    mut child: Child,
    outdir: &Path,
    inputs: &[PathBuf],
    options: &Options,
    pdf_of: &dyn Fn(&Path) -> PathBuf,
    ready: &dyn Fn(usize),
) -> Ending {
    let mut last_progress = Instant::now();
    let names: Vec<std::ffi::OsString> = inputs
        .iter()
        .map(|input| pdf_of(input).file_name().unwrap_or_default().to_owned())
        .collect();
    let mut pending: Vec<usize> = (0..inputs.len()).collect();
    loop {
        let exited = child.try_wait();
        // The PDFs written since the last look (also those of a process that just ended).
        if let Ok(entries) = std::fs::read_dir(outdir) {
            let present: std::collections::HashSet<std::ffi::OsString> =
                entries.flatten().map(|e| e.file_name()).collect();
            let before = pending.len();
            pending.retain(|&j| {
                let complete = present.contains(&names[j]) && complete_pdf(&pdf_of(&inputs[j]));
                if complete {
                    ready(j);
                }
                !complete
            });
            if pending.len() < before {
                last_progress = Instant::now();
            }
        }
        match exited {
            Ok(Some(status)) => {
                // The launcher may have gone while soffice.bin lingers.
                kill_group(&mut child);
                return Ending::Exited(status);
            }
            Ok(None) => {}
            Err(_) => {
                kill_group(&mut child);
                return Ending::TimedOut;
            }
        }
        if INTERRUPTED.load(Ordering::SeqCst) {
            kill_group(&mut child);
            return Ending::Interrupted;
        }
        if outdir.parent().is_some_and(|work| !work.is_dir()) {
            kill_group(&mut child);
            return Ending::Gone;
        }
        if last_progress.elapsed() > options.timeout {
            kill_group(&mut child);
            return Ending::TimedOut;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Stops the process and every process of its group, and reaps it.
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        let pgid = child.id() as libc::pid_t;
        // SAFETY: killpg only sends a signal; the group is the child's own (process_group(0)).
        unsafe {
            libc::killpg(pgid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The number of pages of a PDF.
pub fn page_count(pdf: &Path) -> Option<usize> {
    lopdf::Document::load(pdf).ok().map(|d| d.get_pages().len())
}

/// Gives a combined PDF one outline entry (bookmark) per document: `documents` holds each
/// one's title and page count, in order. Rewrites the file in place (it is still in the work
/// folder); its PDF/A metadata is kept.
pub fn add_outline(pdf: &Path, documents: &[(String, usize)]) -> Result<(), Message> {
    let mut doc = lopdf::Document::load(pdf)
        .map_err(|e| msg!("convert-cannot-read-pdf", e = e.to_string()))?;
    let pages = doc.get_pages();
    let mut first = 1u32;
    for (title, count) in documents {
        let Some(&page) = pages.get(&first) else {
            return Err(msg!(
                "convert-has-pages-fewer-than-documents",
                pages = pages.len().to_string(),
                documents = (documents.iter().map(|(_, n)| n).sum::<usize>()).to_string()
            ));
        };
        doc.add_bookmark(lopdf::Bookmark::new(title.clone(), [0.0; 3], 0, page), None);
        first += *count as u32;
    }
    let Some(outline) = doc.build_outline() else {
        return Ok(());
    };
    let catalog = doc
        .catalog_mut()
        .map_err(|e| msg!("convert-cannot-read-pdf", e = e.to_string()))?;
    catalog.set("Outlines", lopdf::Object::Reference(outline));
    catalog.set("PageMode", lopdf::Object::Name(b"UseOutlines".to_vec()));
    doc.save(pdf)
        .map(|_| ())
        .map_err(|e| msg!("convert-cannot-write-pdf", e = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_what_a_url_cannot_hold() {
        assert_eq!(
            file_url(Path::new("/tmp/Hồ sơ/p")),
            "file:///tmp/H%E1%BB%93%20s%C6%A1/p"
        );
    }

    #[test]
    fn batches_are_even_over_the_workers_and_few() {
        let sizes = |n, w| batches(n, w).iter().map(Vec::len).collect::<Vec<_>>();
        assert_eq!(sizes(200, 2), [100, 100]);
        assert_eq!(sizes(5, 2), [2, 3]);
        assert_eq!(sizes(1, 4), [1]);
        assert_eq!(sizes(0, 2), Vec::<usize>::new());
        assert_eq!(sizes(500, 2), [125, 125, 125, 125]);
        let all: Vec<usize> = batches(500, 2).concat();
        assert_eq!(all, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn a_pdf_cut_short_is_not_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, "%PDF-1.6\n1 0 obj\n").unwrap();
        assert!(!complete_pdf(&path));
        std::fs::write(&path, "%PDF-1.6\n1 0 obj\n%%EOF\n").unwrap();
        assert!(complete_pdf(&path));
    }
}
