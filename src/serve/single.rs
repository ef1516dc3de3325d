//! One template and one workbook, without a manifest: the files dropped on the page kept in
//! a folder of their own; the sheet, header row and group column chosen from lists read from
//! the workbook; the first rows as `vanban data` shows them; the template's problems against
//! that data (`check`). What is made of them (the preview, every document) is `making`.

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use maud::{Markup, html};

use super::jobs::{self, Problem, problems};
use super::pages;
use super::replies;
use super::state::{Session, State};
use crate::diag::Diagnostic;
use crate::input::LoadOptions;

/// The data files the flow takes.
const DATA: [&str; 7] = ["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "json"];

/// What the clerk chose.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Choices {
    #[serde(default)]
    pub sheet: String,
    #[serde(default)]
    pub header_row: String,
    #[serde(default)]
    pub group: String,
}

impl Choices {
    fn load(&self) -> LoadOptions {
        LoadOptions {
            sheet: Some(self.sheet.clone()).filter(|s| !s.is_empty()),
            header_row: self.header_row.parse().ok().filter(|&n| n > 0),
            ..Default::default()
        }
    }

    fn group_by(&self) -> Option<String> {
        Some(self.group.clone()).filter(|g| !g.is_empty())
    }
}

pub fn routes() -> Router<Arc<State>> {
    Router::new()
        .route("/mot-mau/tai-len", post(upload))
        .route("/mot-mau/doc", post(read))
}

pub type Shared = axum::extract::State<Arc<State>>;

async fn upload(axum::extract::State(state): Shared, form: Multipart) -> Response {
    let files = match replies::uploads(&state, form).await {
        Ok(files) => files,
        Err(response) => return response,
    };
    let job = state.clone();
    let answer = tokio::task::spawn_blocking(move || -> Result<Markup, Markup> {
        let mut slot = job.single.lock().map_err(|_| pages::message("loi", "Lỗi bên trong."))?;
        if slot.is_none() {
            let dir = jobs::job_dir(&job.root)
                .map_err(|e| pages::message("loi", &format!("Không tạo được thư mục làm việc: {e}")))?;
            *slot = Some(Session {
                dir,
                template: None,
                data: None,
                outcome: None,
            });
        }
        let session = slot.as_mut().expect("just set");
        for file in files {
            let shown = file.name.clone();
            let path = if file.extension == "docx" {
                // The documents are named after the template's stem: a safe one, made of
                // the uploaded name's letters and digits only.
                session.dir.path().join(format!("{}.docx", safe_stem(&shown)))
            } else if DATA.contains(&file.extension.as_str()) {
                session.dir.path().join(format!("bang-tinh.{}", file.extension))
            } else {
                return Err(pages::message(
                    "loi",
                    &format!(
                        "Tệp '{shown}' không phải mẫu .docx hay bảng tính (.xlsx, .xls, .ods, .csv)."
                    ),
                ));
            };
            // The earlier file of the same role goes.
            let earlier = if file.extension == "docx" {
                session.template.take()
            } else {
                session.data.take()
            };
            if let Some((old, _)) = earlier {
                let _ = std::fs::remove_file(old);
            }
            crate::batch::write_atomically(&path, &file.bytes)
                .map_err(|e| pages::message("loi", &format!("Không lưu được tệp: {e}")))?;
            if file.extension == "docx" {
                session.template = Some((path, shown));
            } else {
                session.data = Some((path, shown));
            }
        }
        Ok(view(session, &Choices::default()))
    })
    .await;
    answer_of(answer)
}

/// A blocking step's answer: its fragment, or its message with 422.
pub fn answer_of(answer: Result<Result<Markup, Markup>, tokio::task::JoinError>) -> Response {
    match answer {
        Ok(Ok(markup)) => markup.into_response(),
        Ok(Err(markup)) => pages::fragment(StatusCode::UNPROCESSABLE_ENTITY, markup),
        Err(_) => pages::fragment(
            StatusCode::INTERNAL_SERVER_ERROR,
            pages::message("loi", "Lỗi bên trong."),
        ),
    }
}

async fn read(
    axum::extract::State(state): Shared,
    axum::extract::Form(choices): axum::extract::Form<Choices>,
) -> Response {
    let job = state.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let slot = job.single.lock().ok()?;
        Some(view(slot.as_ref()?, &choices))
    })
    .await;
    match answer {
        Ok(Some(markup)) => markup.into_response(),
        _ => no_files(),
    }
}

pub fn no_files() -> Response {
    pages::fragment(
        StatusCode::CONFLICT,
        pages::message(
            "loi",
            "Chưa có mẫu và bảng tính: hãy thả hai tệp vào ô bên trên.",
        ),
    )
}

/// The ASCII letters, digits, `-` and `_` of a file name's stem (at most 60), or `mau`.
fn safe_stem(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let safe: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(60)
        .collect();
    if safe.is_empty() || safe == "bang-tinh" {
        "mau".into()
    } else {
        safe
    }
}

/// The problems as the page shows them: the uploaded names in place of the folder's.
pub fn shown(session: &Session, ds: &[Diagnostic]) -> Vec<Problem> {
    let folder = crate::diag::display(session.dir.path());
    let names: Vec<(String, String)> = [&session.template, &session.data]
        .into_iter()
        .flatten()
        .filter_map(|(path, name)| {
            Some((
                path.file_name()?.to_string_lossy().into_owned(),
                name.clone(),
            ))
        })
        .collect();
    problems(ds)
        .into_iter()
        .map(|p| {
            let mut p = p.relative_to(&folder);
            for (inner, name) in &names {
                if p.file == *inner {
                    p.file = name.clone();
                }
            }
            p
        })
        .collect()
}

/// The choices, the first rows, the problems and the buttons.
fn view(session: &Session, choices: &Choices) -> Markup {
    let (Some((template, template_name)), Some((data, data_name))) =
        (&session.template, &session.data)
    else {
        let missing = if session.template.is_none() {
            "Còn thiếu mẫu .docx."
        } else {
            "Còn thiếu bảng tính."
        };
        return html! {
            p.canh-bao { (missing) " Hãy thả thêm tệp vào ô bên trên." }
        };
    };
    let sheets = crate::input::visible_sheets(data);
    let table = crate::input::load_table(data, data_name, &choices.load());
    let columns: Vec<(String, String)> = match &table {
        Ok(t) => t
            .columns
            .iter()
            .map(|c| (c.key.clone(), c.header.clone()))
            .collect(),
        Err(_) => Vec::new(),
    };
    let found = crate::check::check(&crate::check::CheckConfig {
        template: template.clone(),
        data: Some(data.clone()),
        load: choices.load(),
        group_by: choices.group_by(),
    });
    let found = shown(session, &found);
    let errors = found.iter().filter(|p| p.error).count();
    html! {
        p { "Mẫu: " strong { (template_name) } " · Bảng tính: " strong { (data_name) } }
        form #mot-mau-chon.chon-mot-mau {
            @if !sheets.is_empty() {
                label { "Trang tính"
                    select name="sheet" {
                        @for s in &sheets {
                            option value=(s) selected[*s == choices.sheet] { (s) }
                        }
                    }
                }
            }
            label { "Dòng tiêu đề"
                select name="header_row" {
                    option value="" { "Tự động (dòng đầu có chữ)" }
                    @for n in 1..=20usize {
                        option value=(n) selected[choices.header_row == n.to_string()] { "Dòng " (n) }
                    }
                }
            }
            label { "Mỗi văn bản cho"
                select name="group" {
                    option value="" { "Một dòng" }
                    @for (key, header) in &columns {
                        option value=(key) selected[*key == choices.group] { "Mỗi giá trị của “" (header) "”" }
                    }
                }
            }
        }
        div #mot-mau-xem {
            @match &table {
                Ok(t) => {
                    h3 { "Dữ liệu (" (t.rows.len()) " dòng) — các dòng đầu, như mẫu nhận được" }
                    div.bang-cuon {
                        table #mot-mau-dong {
                            thead { tr { th { "_row" } @for c in &t.columns { th title=(c.header) { (c.key) } } } }
                            tbody {
                                @for i in 0..t.rows.len().min(8) {
                                    @let fields = t.fields(i);
                                    tr {
                                        td { (t.rows[i].number) }
                                        @for c in &t.columns {
                                            td { (fields.get(&c.key).map(crate::helpers::format_value).unwrap_or_default()) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Err(_) => {}
            }
            h3 { "Kiểm tra mẫu với dữ liệu" }
            @if found.is_empty() {
                p.tot #mot-mau-kiem-tra { "Không tìm thấy vấn đề nào." }
            } @else if errors > 0 {
                p.loi #mot-mau-kiem-tra { (errors) " lỗi, " (found.len() - errors) " cảnh báo." }
            } @else {
                p.canh-bao #mot-mau-kiem-tra { "Không có lỗi; " (found.len()) " cảnh báo." }
            }
            (pages::problem_list(&found))
        }
        div.hang-nut {
            button #mot-mau-xem-nut type="button" disabled[errors > 0] { "Xem trước văn bản đầu" }
            button #mot-mau-tao.chinh type="button" disabled[errors > 0] { "Tạo tất cả" }
        }
        (pages::progress_box("mot-mau-tien-do"))
        div #mot-mau-xem-truoc {}
        div #mot-mau-ket-qua {}
    }
}

/// The render of every document into `out`, as `vanban render` does.
pub fn render_config(
    session: &Session,
    choices: &Choices,
    out: PathBuf,
    combine: Option<PathBuf>,
) -> Option<crate::batch::RenderConfig> {
    let (template, _) = session.template.as_ref()?;
    let (data, _) = session.data.as_ref()?;
    Some(crate::batch::RenderConfig {
        formats: crate::batch::Formats::default(),
        offset_mm: None,
        pdfa: false,
        template: template.clone(),
        data: data.clone(),
        load: choices.load(),
        group_by: choices.group_by(),
        out,
        name: None,
        set: Vec::new(),
        combine,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        quiet: true,
    })
}
