//! What the one-template flow makes: the first document previewed as page images
//! (`batch::render`, LibreOffice, then pdftoppm), and every document (`batch::render`) in a job
//! folder, with a combined file and a .zip.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use maud::{Markup, html};

use super::jobs::{self, Outcome};
use super::pages;
use super::replies;
use super::single::{Choices, Shared, answer_of, no_files, render_config, shown};
use super::state::{Session, State};
use crate::diag::{Diagnostic, Lang};

pub fn routes() -> Router<Arc<State>> {
    Router::new()
        .route("/mot-mau/xem-truoc", post(preview))
        .route("/mot-mau/tao", post(make_all))
}

async fn preview(
    axum::extract::State(state): Shared,
    axum::extract::Form(choices): axum::extract::Form<Choices>,
) -> Response {
    if !state.status.start("Đang dựng trang xem trước") {
        return replies::busy();
    }
    let job = state.clone();
    let answer = tokio::task::spawn_blocking(move || first_pages(&job, &choices)).await;
    state.status.finish("");
    answer_of(answer)
}

/// The first document rendered, converted by LibreOffice, its pages as PNG images.
fn first_pages(state: &State, choices: &Choices) -> Result<Markup, Markup> {
    let fail = |ds: &[Diagnostic], session: &Session| {
        html! {
            p.loi { "Không xem trước được." }
            (pages::problem_list(&shown(session, ds)))
        }
    };
    let work = jobs::job_dir(&state.root).map_err(|e| pages::message("loi", &e.to_string()))?;
    let (config, display) = {
        let slot = state
            .single
            .lock()
            .map_err(|_| pages::message("loi", "Lỗi bên trong."))?;
        let session = slot
            .as_ref()
            .ok_or_else(|| pages::message("loi", "Chưa có tệp."))?;
        let config = render_config(session, choices, work.path().join("out"), None)
            .ok_or_else(|| pages::message("loi", "Chưa có mẫu và bảng tính."))?;
        let report = crate::batch::render(&config).map_err(|ds| fail(&ds, session))?;
        let first = report
            .files
            .first()
            .ok_or_else(|| pages::message("canh-bao", "Dữ liệu không cho văn bản nào."))?;
        (
            work.path().join("out").join(first),
            crate::diag::display(first),
        )
    };
    let soffice = crate::convert::find_soffice().map_err(|_| {
        pages::message(
            "loi",
            "Chưa cài LibreOffice nên không xem trước được. Văn bản vẫn tạo được bằng nút “Tạo tất cả”.",
        )
    })?;
    let pdf_dir = crate::convert::WorkDir::new(work.path())
        .map_err(|e| pages::message("loi", &e.to_string()))?;
    let options = crate::convert::Options {
        pdfa: false,
        jobs: 1,
        timeout: crate::convert::default_timeout(),
    };
    let made = crate::convert::convert(
        &soffice,
        std::slice::from_ref(&config),
        &pdf_dir,
        &options,
        &|_, _| {},
    );
    let pdf = match made.into_iter().next() {
        Some(Ok(pdf)) => pdf,
        Some(Err(message)) => {
            return Err(pages::message(
                "loi",
                &format!(
                    "LibreOffice không chuyển được văn bản: {}",
                    message.render(Lang::Vi)
                ),
            ));
        }
        None => {
            return Err(pages::message(
                "loi",
                "LibreOffice không chuyển được văn bản.",
            ));
        }
    };
    let prefix = work.path().join("trang");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-l", "4"])
        .arg(&pdf)
        .arg(&prefix)
        .status();
    if !rendered.is_ok_and(|s| s.success()) {
        return Err(pages::message(
            "loi",
            "Không dựng được ảnh trang: cần pdftoppm (gói poppler-utils).",
        ));
    }
    let mut images: Vec<PathBuf> = std::fs::read_dir(work.path())
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "png"))
                .collect()
        })
        .unwrap_or_default();
    images.sort();
    let pages_count = crate::convert::page_count(&pdf).unwrap_or(images.len());
    Ok(html! {
        h3 { "Xem trước: " (display) " (" (pages_count) " trang)" }
        div.trang #mot-mau-trang {
            @for (i, image) in images.iter().enumerate() {
                @if let Ok(bytes) = std::fs::read(image) {
                    img alt={ "Trang " (i + 1) } src={ "data:image/png;base64," (base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &bytes)) };
                }
            }
        }
    })
}

async fn make_all(
    axum::extract::State(state): Shared,
    axum::extract::Form(choices): axum::extract::Form<Choices>,
) -> Response {
    let ready = state.single.lock().ok().is_some_and(|s| {
        s.as_ref()
            .is_some_and(|s| s.template.is_some() && s.data.is_some())
    });
    if !ready {
        return no_files();
    }
    if !state.status.start("Đang tạo văn bản") {
        return replies::busy();
    }
    let job = state.clone();
    std::thread::spawn(move || {
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&job, &choices)));
        let id = match outcome {
            Ok(Some(outcome)) => {
                let id = outcome.id.clone();
                if let Ok(mut slot) = job.single.lock()
                    && let Some(session) = slot.as_mut()
                {
                    session.outcome = Some(outcome);
                }
                id
            }
            _ => String::new(),
        };
        job.status.finish(&id);
    });
    pages::fragment(StatusCode::ACCEPTED, html! {})
}

/// Every document, a combined .docx and the .zip, in a new job folder.
fn run(state: &Arc<State>, choices: &Choices) -> Option<Outcome> {
    let id = super::security::random_token()[..16].to_string();
    let dir = jobs::job_dir(&state.root).ok()?;
    let mut outcome = Outcome::new(id, dir);
    let base = PathBuf::from("out");
    let out = outcome.dir.path().join(&base);
    let combined = PathBuf::from("Tat-ca.docx");
    let fatal = {
        let slot = state.single.lock().ok()?;
        let session = slot.as_ref()?;
        let config = render_config(
            session,
            choices,
            out.clone(),
            Some(outcome.dir.path().join(&combined)),
        )?;
        // The total for the progress bar: the documents a render makes.
        if let Ok(table) = crate::input::load_table(&config.data, "", &config.load) {
            let total = match config.group_by.as_deref() {
                Some(key) => table
                    .rows
                    .iter()
                    .map(|r| r.fields.get(key).map(crate::helpers::format_value))
                    .collect::<BTreeSet<_>>()
                    .len(),
                None => table.rows.len(),
            };
            state.status.total.store(total + 2, Ordering::SeqCst);
        }
        let rendered = {
            let stop = Arc::new(AtomicBool::new(false));
            jobs::watch(out.clone(), state.status.clone(), stop.clone());
            let r = crate::batch::render(&config);
            stop.store(true, Ordering::SeqCst);
            r
        };
        match rendered {
            Ok(report) => {
                outcome.written = report.written;
                outcome.total = report.total;
                outcome.failures = shown(session, &report.failures);
                outcome.warnings = shown(session, &report.warnings);
                let files: Vec<PathBuf> = report.files.iter().map(|f| base.join(f)).collect();
                outcome.groups = vec![(String::new(), files)];
                if report.combined.is_some() {
                    outcome.combined.push(combined.clone());
                }
                Vec::new()
            }
            Err(ds) => shown(session, &ds),
        }
    };
    if !fatal.is_empty() {
        outcome.fatal = fatal;
        return Some(outcome);
    }
    let mut files: BTreeSet<PathBuf> = outcome.groups.iter().flat_map(|(_, f)| f.clone()).collect();
    files.extend(outcome.combined.iter().cloned());
    outcome.pack(&base, files);
    Some(outcome)
}
