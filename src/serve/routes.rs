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

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path as UrlPath, Query, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::jobs::Outcome;
use super::replies::{attachment, bad_upload, busy, internal, not_found, send_file, uploads};
use super::state::State;
use super::{making, pages, round, single};

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
        .merge(making::routes())
        // The limit on a whole request body, a little over the upload limit for the form's
        // own bytes; the upload itself is measured in `upload`.
        .layer(DefaultBodyLimit::max(
            state.max_upload.saturating_add(64 * 1024),
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// The middleware: Host, password, then the token for anything but GET and HEAD.
async fn guard(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    request: Request,
    next: Next,
) -> Response {
    let guard = &state.guard;
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !guard.host_ok(host) {
        return pages::refusal(
            StatusCode::FORBIDDEN,
            "Địa chỉ trang không đúng: vanban chỉ trả lời khi được mở bằng địa chỉ của chính nó.",
        );
    }
    if !guard.password_ok(headers) {
        let mut response = pages::refusal(
            StatusCode::UNAUTHORIZED,
            "Cần mật khẩu truy cập để mở trang này.",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Basic realm=\"vanban\", charset=\"UTF-8\""),
        );
        return response;
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes && !guard.token_ok(headers) {
        return pages::refusal(
            StatusCode::FORBIDDEN,
            "Yêu cầu thiếu mã phiên của trang: hãy tải lại trang rồi thử lại.",
        );
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Nothing on the page comes from elsewhere, and no other site may frame it.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response.into_response()
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

#[derive(serde::Deserialize)]
struct RunQuery {
    pdf: Option<String>,
}

async fn run(axum::extract::State(state): Shared, Query(query): Query<RunQuery>) -> Response {
    let pdf = query.pdf.as_deref() == Some("1");
    if pdf && crate::convert::find_soffice().is_err() {
        return pages::fragment(
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::message(
                "loi",
                "Chưa cài LibreOffice nên không tạo được bản PDF. Hãy cài LibreOffice, \
                 hoặc bỏ chọn “Kèm bản PDF” để chỉ tạo văn bản .docx.",
            ),
        );
    }
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

async fn download(
    axum::extract::State(state): Shared,
    UrlPath((id, file)): UrlPath<(String, String)>,
) -> Response {
    let Some(Some(path)) = with_outcome(&state, &id, |o| o.file(&file)) else {
        return not_found();
    };
    send_file(&path).await
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
        Ok(Ok((rows, kept))) => {
            let kept = kept
                .map(|path| format!(" Tệp cũ được giữ ở {path}."))
                .unwrap_or_default();
            pages::message("tot", &format!("Đã thay tệp: đọc được {rows} dòng.{kept}"))
                .into_response()
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
