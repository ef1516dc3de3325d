//! The answers the routes share: uploads read against the limit (their names kept for
//! messages only), files sent as attachments, and the page's own messages for a job already
//! running, a missing file, an internal failure.

use axum::body::Body;
use axum::extract::Multipart;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::pages;
use super::state::State;

pub fn internal() -> Response {
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

pub fn not_found() -> Response {
    pages::fragment(
        StatusCode::NOT_FOUND,
        pages::message(
            "loi",
            "Không có tệp này: kết quả đã được thay bằng lần chạy mới, hoặc địa chỉ không đúng.",
        ),
    )
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

pub fn content_type(name: &str) -> &'static str {
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

pub fn bad_upload() -> Response {
    pages::fragment(
        StatusCode::BAD_REQUEST,
        pages::message("loi", "Tệp tải lên không đọc được: hãy thử lại."),
    )
}
