//! The URLs. GET reads (the page, the job's status and results, downloads, starters);
//! POST changes something and passes the token check of `security` first.
//!
//! ```text
//! GET  /                      the page
//! GET  /app.js /app.css       the script and the stylesheet
//! POST /kiem-tra              the round checked: problems by file
//! POST /tao[?pdf=1]           the round run, in the background (409 while a job runs)
//! GET  /trang-thai            the running job's progress, JSON
//! GET  /ket-qua/{id}          a finished job's results
//! GET  /tai/{id}/{*file}      a file the job made
//! POST /nguon/{name}          a source's workbook replaced (multipart, field `tep`)
//! POST /mot-mau/...           the one-template flow (see `single`)
//! GET  /mau/{kind}.docx       a starter template
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path as UrlPath, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::jobs::{Outcome, Status};
use super::security::Guard;
use super::{ServeConfig, pages, round, single};

/// What every request shares.
pub struct State {
    pub folder: PathBuf,
    /// The server's work folder: every job folder is inside.
    pub root: PathBuf,
    pub guard: Guard,
    pub max_upload: usize,
    pub status: Status,
    /// The last round run, with its folder.
    pub round: Mutex<Option<Outcome>>,
    /// The one-template flow's files and its last run.
    pub single: Mutex<Option<single::Session>>,
}

impl State {
    pub fn new(config: &ServeConfig, bound: SocketAddr, root: PathBuf) -> State {
        State {
            folder: config.folder.clone(),
            root,
            guard: Guard::new(bound, config.password.clone(), config.listen.is_none()),
            max_upload: config.max_upload,
            status: Status::default(),
            round: Mutex::new(None),
            single: Mutex::new(None),
        }
    }
}

type Shared = axum::extract::State<Arc<State>>;

pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(script))
        .route("/app.css", get(style))
        .route("/kiem-tra", post(check))
        .route("/tao", post(run))
        .route("/trang-thai", get(status))
        .route("/ket-qua/{id}", get(result))
        .route("/tai/{id}/{*file}", get(download))
        .route("/nguon/{name}", post(replace))
        .route("/mau/{file}", get(starter))
        .merge(single::routes())
        // The limit on a whole request body, a little over the upload limit for the form's
        // own bytes; the upload itself is measured in `upload`.
        .layer(DefaultBodyLimit::max(
            state.max_upload.saturating_add(64 * 1024),
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            super::security::check,
        ))
        .with_state(state)
}

fn folder_shown(state: &State) -> String {
    let absolute = std::path::absolute(&state.folder).unwrap_or(state.folder.clone());
    crate::diag::display(&absolute)
}

async fn index(axum::extract::State(state): Shared) -> Response {
    let shown = folder_shown(&state);
    let folder = state.folder.clone();
    let round = tokio::task::spawn_blocking(move || {
        if !round::exists(&folder) {
            return pages::Round::None(shown);
        }
        match round::sources(&folder) {
            Ok((sources, problems)) => pages::Round::Sources(shown, sources, problems),
            Err(problems) => pages::Round::Broken(shown, problems),
        }
    })
    .await
    .unwrap_or_else(|_| pages::Round::None(String::new()));
    pages::index(
        &state.guard.token,
        &round,
        crate::new::KINDS,
        state.max_upload,
    )
    .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        pages::SCRIPT,
    )
        .into_response()
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::STYLE,
    )
        .into_response()
}

async fn check(axum::extract::State(state): Shared) -> Response {
    let folder = state.folder.clone();
    match tokio::task::spawn_blocking(move || round::check(&folder)).await {
        Ok(checked) => pages::checked(&checked).into_response(),
        Err(_) => internal(),
    }
}

fn internal() -> Response {
    pages::fragment(
        StatusCode::INTERNAL_SERVER_ERROR,
        pages::message(
            "loi",
            "Có lỗi bên trong vanban; trang vẫn chạy, hãy thử lại.",
        ),
    )
}

/// The answer to a second job while one runs.
pub fn busy() -> Response {
    pages::fragment(
        StatusCode::CONFLICT,
        pages::message(
            "loi",
            "Đang có một việc chạy: hãy chờ việc đó xong rồi bấm lại.",
        ),
    )
}

#[derive(serde::Deserialize)]
struct RunQuery {
    pdf: Option<String>,
}

async fn run(axum::extract::State(state): Shared, Query(query): Query<RunQuery>) -> Response {
    let pdf = query.pdf.as_deref() == Some("1");
    if !state.status.start("Đang bắt đầu") {
        return busy();
    }
    let job = state.clone();
    std::thread::spawn(move || {
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| round::run(&job, pdf)));
        let id = match outcome {
            Ok(outcome) => {
                let id = outcome.id.clone();
                // The earlier run's folder goes as this one takes its place.
                if let Ok(mut slot) = job.round.lock() {
                    *slot = Some(outcome);
                }
                id
            }
            Err(_) => String::new(),
        };
        job.status.finish(&id);
    });
    pages::fragment(StatusCode::ACCEPTED, maud::html! {})
}

async fn status(axum::extract::State(state): Shared) -> Response {
    use std::sync::atomic::Ordering;
    let s = &state.status;
    let last = s.last.lock().ok().and_then(|l| l.clone());
    let phase = s.phase.lock().map(|p| p.clone()).unwrap_or_default();
    axum::Json(serde_json::json!({
        "busy": s.busy.load(Ordering::SeqCst),
        "done": s.done.load(Ordering::SeqCst),
        "total": s.total.load(Ordering::SeqCst),
        "phase": phase,
        "last": last,
    }))
    .into_response()
}

/// Runs `f` on the outcome with `id`, round or one-template.
fn with_outcome<T>(state: &State, id: &str, f: impl Fn(&Outcome) -> T) -> Option<T> {
    if let Some(o) = state.round.lock().ok()?.as_ref().filter(|o| o.id == id) {
        return Some(f(o));
    }
    let single = state.single.lock().ok()?;
    let o = single.as_ref()?.outcome.as_ref().filter(|o| o.id == id)?;
    Some(f(o))
}

async fn result(axum::extract::State(state): Shared, UrlPath(id): UrlPath<String>) -> Response {
    match with_outcome(&state, &id, pages::outcome) {
        Some(markup) => markup.into_response(),
        None => not_found(),
    }
}

fn not_found() -> Response {
    pages::fragment(
        StatusCode::NOT_FOUND,
        pages::message(
            "loi",
            "Không có tệp này: kết quả đã được thay bằng lần chạy mới, hoặc địa chỉ không đúng.",
        ),
    )
}

async fn download(
    axum::extract::State(state): Shared,
    UrlPath((id, file)): UrlPath<(String, String)>,
) -> Response {
    let Some(Some(path)) = with_outcome(&state, &id, |o| o.file(&file)) else {
        return not_found();
    };
    send_file(&path).await
}

/// A file as an attachment, under its own name.
pub async fn send_file(path: &std::path::Path) -> Response {
    let Ok(bytes) = tokio::fs::read(path).await else {
        return not_found();
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    attachment(&name, bytes)
}

pub fn attachment(name: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        pages::percent(name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type(name).to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from(bytes),
    )
        .into_response()
}

fn content_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    match lower.rsplit_once('.').map_or("", |(_, e)| e) {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// One uploaded file: the extension of its name (never the name itself as a path) and its
/// bytes, measured against the limit.
pub struct Upload {
    pub field: String,
    /// The name it was uploaded as, for messages only.
    pub name: String,
    pub extension: String,
    pub bytes: Vec<u8>,
}

/// Every file of a multipart upload; a fragment with the Vietnamese message on failure.
pub async fn uploads(state: &State, mut form: Multipart) -> Result<Vec<Upload>, Response> {
    let too_big = || {
        pages::fragment(
            StatusCode::PAYLOAD_TOO_LARGE,
            pages::message(
                "loi",
                &format!(
                    "Tệp quá lớn: giới hạn là {} MiB (đổi bằng vanban serve --max-upload).",
                    state.max_upload.div_ceil(1024 * 1024)
                ),
            ),
        )
    };
    let mut files = Vec::new();
    let mut total = 0usize;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(_) => return Err(bad_upload()),
        };
        let name = field.name().unwrap_or("").to_string();
        // Shown in messages; never a path: only its extension is kept for the saved copy.
        let shown: String = field
            .file_name()
            .map(|n| n.rsplit(['/', '\\']).next().unwrap_or("").to_string())
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(120)
            .collect();
        let extension = field
            .file_name()
            .and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_lowercase()))
            .filter(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or_default();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(_) => return Err(bad_upload()),
        };
        total += bytes.len();
        if total > state.max_upload {
            return Err(too_big());
        }
        files.push(Upload {
            field: name,
            name: shown,
            extension,
            bytes: bytes.to_vec(),
        });
    }
    Ok(files)
}

fn bad_upload() -> Response {
    pages::fragment(
        StatusCode::BAD_REQUEST,
        pages::message("loi", "Tệp tải lên không đọc được: hãy thử lại."),
    )
}

async fn replace(
    axum::extract::State(state): Shared,
    UrlPath(name): UrlPath<String>,
    form: Multipart,
) -> Response {
    let files = match uploads(&state, form).await {
        Ok(files) => files,
        Err(response) => return response,
    };
    let Some(file) = files.into_iter().find(|f| f.field == "tep") else {
        return bad_upload();
    };
    if state.status.busy.load(std::sync::atomic::Ordering::SeqCst) {
        return busy();
    }
    let job = state.clone();
    let replaced = tokio::task::spawn_blocking(move || {
        round::replace_source(&job, &name, &file.extension, &file.bytes)
    })
    .await;
    match replaced {
        Ok(Ok(rows)) => {
            pages::message("tot", &format!("Đã thay tệp: đọc được {rows} dòng.")).into_response()
        }
        Ok(Err(problems)) => pages::fragment(
            StatusCode::UNPROCESSABLE_ENTITY,
            maud::html! {
                p.loi { "Chưa thay tệp: tệp mới không dùng được cho nguồn này." }
                (pages::problem_list(&problems))
            },
        ),
        Err(_) => internal(),
    }
}

async fn starter(UrlPath(file): UrlPath<String>) -> Response {
    let kind = file.strip_suffix(".docx").unwrap_or(&file);
    if !crate::new::KINDS.iter().any(|(k, _)| *k == kind) {
        return not_found();
    }
    match crate::new::starter_made(kind, Some(crate::new::now_w3c())) {
        Ok(bytes) => attachment(&format!("{kind}.docx"), bytes),
        Err(_) => internal(),
    }
}
