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

/// Converts every `.docx` of `inputs` (their stems distinct) to PDF in `work`. Returns, for
/// each input in order, the PDF made (inside `work`) or why it failed. `done` is called
/// once per file finished.
pub fn convert(
    soffice: &Path,
    inputs: &[PathBuf],
    work: &WorkDir,
    options: &Options,
    done: &(dyn Fn() + Sync),
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
    // Batches small enough to spread over every worker, large enough to pay start-up rarely.
    let size = inputs.len().div_ceil(workers).clamp(1, 64);
    let queue: Mutex<VecDeque<Vec<usize>>> = Mutex::new(
        (0..inputs.len())
            .collect::<Vec<_>>()
            .chunks(size)
            .map(<[usize]>::to_vec)
            .collect(),
    );
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
}

/// Runs one process over `batch`; records each file's result, and returns the batches to
/// try again.
fn convert_batch(
    soffice: &Path,
    profile: &Path,
    outdir: &Path,
    items: &[Mutex<Item>],
    batch: &[usize],
    options: &Options,
    done: &(dyn Fn() + Sync),
) -> Vec<Vec<usize>> {
    let inputs: Vec<PathBuf> = batch
        .iter()
        .map(|&i| items[i].lock().unwrap().input.clone())
        .collect();
    let pdf_of = |input: &Path| {
        outdir.join(Path::new(input.file_name().unwrap_or_default()).with_extension("pdf"))
    };
    let ending = run_soffice(soffice, profile, outdir, &inputs, options, &pdf_of);
    let mut requeue = Vec::new();
    let mut rest = Vec::new();
    let mut blamed = false;
    for (&i, input) in batch.iter().zip(&inputs) {
        let pdf = pdf_of(input);
        let mut item = items[i].lock().unwrap();
        if complete_pdf(&pdf) {
            item.result = Some(Ok(pdf));
            done();
            continue;
        }
        let _ = std::fs::remove_file(&pdf);
        let reason = match &ending {
            Ending::Interrupted => {
                item.result = Some(Err(msg!("convert-interrupted-item")));
                continue;
            }
            Ending::NotStarted(e) => {
                item.result = Some(Err(msg!(
                    "convert-cannot-start-libreoffice",
                    e = e.to_string()
                )));
                done();
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
            Ending::Exited(status) if status.success() => {
                msg!("convert-libreoffice-could-not-convert-valid")
            }
            _ => {
                rest.push(i);
                continue;
            }
        };
        blamed = true;
        item.attempts += 1;
        if item.attempts < 2 {
            requeue.push(vec![i]);
        } else {
            item.result = Some(Err(reason));
            done();
        }
    }
    // The folder holds the PDFs made, renamed into place by the caller; the work folder
    // goes at the end.
    if !rest.is_empty() {
        requeue.push(rest);
    }
    requeue
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
        Ok(child) => watch(child, inputs, options, pdf_of),
        Err(e) => Ending::NotStarted(e.to_string()),
    };
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    ending
}

fn watch(
    mut child: Child,
    inputs: &[PathBuf],
    options: &Options,
    pdf_of: &dyn Fn(&Path) -> PathBuf,
) -> Ending {
    let mut last_progress = Instant::now();
    let mut seen = 0;
    loop {
        match child.try_wait() {
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
        let now_seen = inputs[seen..]
            .iter()
            .take_while(|input| pdf_of(input).exists())
            .count();
        if now_seen > 0 {
            seen += now_seen;
            last_progress = Instant::now();
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
    fn a_pdf_cut_short_is_not_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, "%PDF-1.6\n1 0 obj\n").unwrap();
        assert!(!complete_pdf(&path));
        std::fs::write(&path, "%PDF-1.6\n1 0 obj\n%%EOF\n").unwrap();
        assert!(complete_pdf(&path));
    }
}
