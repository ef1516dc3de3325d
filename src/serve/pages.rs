//! The page's HTML, written with maud and compiled into the binary, in Vietnamese: the
//! page itself (the round, one template, the starters) and the fragments the script puts
//! into it (a check's problems, a job's results, messages). `app.js` and `app.css` beside
//! this file are embedded as they are.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::jobs::{Outcome, Problem, by_file};
use super::round::{Checked, SourceInfo};

pub const SCRIPT: &str = include_str!("app.js");
pub const STYLE: &str = include_str!("app.css");

/// What the page shows of the round's folder.
pub enum Round {
    /// No `vanban.toml` in the folder.
    None(String),
    /// The manifest does not read: its problems.
    Broken(String, Vec<Problem>),
    Sources(String, Vec<SourceInfo>, Vec<Problem>),
}

/// The whole page.
pub fn index(token: &str, round: &Round, kinds: &[(&str, &str)], max_upload: usize) -> Markup {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="vanban-token" content=(token);
                meta name="vanban-max-upload" content=(max_upload);
                title { "vanban — soạn văn bản hàng loạt" }
                link rel="stylesheet" href="/app.css";
                script src="/app.js" defer {}
            }
            body {
                header {
                    h1 { "vanban" span.sub { " · soạn văn bản hành chính từ bảng tính" } }
                    nav {
                        a href="#dot" { "Đợt văn bản" }
                        a href="#mot-mau" { "Một mẫu, một bảng tính" }
                        a href="#mau-trong" { "Mẫu trống" }
                    }
                }
                main {
                    (round_section(round))
                    (single_section())
                    (starters_section(kinds))
                }
                footer {
                    "Trang chạy trên chính máy này; không tệp nào được gửi ra ngoài. "
                    "Tệp tải lên tối đa " (mib(max_upload)) "."
                }
            }
        }
    }
}

fn mib(bytes: usize) -> String {
    format!("{} MiB", bytes.div_ceil(1024 * 1024))
}

fn round_section(round: &Round) -> Markup {
    html! {
        section #dot {
            h2 { "Đợt văn bản" }
            @match round {
                Round::None(folder) => {
                    p.muted {
                        "Thư mục " code { (folder) } " chưa có tệp vanban.toml. "
                        "Hãy chạy " code { "vanban serve THƯ_MỤC" } " với thư mục của đợt, "
                        "hoặc dùng phần “Một mẫu, một bảng tính” bên dưới."
                    }
                }
                Round::Broken(folder, problems) => {
                    p { "Thư mục " code { (folder) } ": tệp vanban.toml có lỗi." }
                    (problem_list(problems))
                }
                Round::Sources(folder, sources, problems) => {
                    p.muted { "Thư mục " code { (folder) } ". Kéo một bảng tính mới thả vào dòng của nguồn để thay tệp." }
                    table.nguon {
                        thead { tr {
                            th { "Nguồn" } th { "Tệp" } th { "Trang tính" }
                            th.so { "Số dòng đọc được" } th { "Sửa lần cuối" } th { "Thay tệp" }
                        } }
                        tbody {
                            @for s in sources {
                                tr.tha data-source=(s.name) {
                                    td { code { (s.name) } }
                                    td { (s.file) }
                                    td { (s.sheet.as_deref().unwrap_or("(trang đầu)")) }
                                    td.so { @match s.rows { Some(n) => (n), None => span.loi { "không đọc được" } } }
                                    td { (s.modified.as_deref().unwrap_or("—")) }
                                    td {
                                        label.nut-nho {
                                            "Chọn tệp…"
                                            input.an-tep type="file" accept=".xlsx,.xlsm,.xls,.xlsb,.ods,.csv" data-replace=(s.name);
                                        }
                                        span.tin {}
                                    }
                                }
                            }
                        }
                    }
                    @if !problems.is_empty() { (problem_list(problems)) }
                    div.hang-nut {
                        button #kiem-tra type="button" { "Kiểm tra" }
                        button #tao.chinh type="button" { "Tạo văn bản" }
                        label.chon { input #kem-pdf type="checkbox"; " Kèm bản PDF (cần LibreOffice)" }
                    }
                    (progress_box("tien-do"))
                    div #ket-qua-kiem-tra {}
                    div #ket-qua {}
                }
            }
        }
    }
}

fn single_section() -> Markup {
    html! {
        section #mot-mau {
            h2 { "Một mẫu, một bảng tính" }
            p.muted { "Thả vào đây một mẫu .docx và một bảng tính (.xlsx, .xls, .ods, .csv): chọn trang tính, dòng tiêu đề, cột nhóm; xem trước văn bản đầu tiên; tạo tất cả." }
            div.vung-tha #tha-mot-mau {
                p { "Kéo thả mẫu .docx và bảng tính vào đây" }
                label.nut-nho { "Chọn tệp…" input #chon-mot-mau.an-tep type="file" multiple accept=".docx,.xlsx,.xlsm,.xls,.xlsb,.ods,.csv"; }
            }
            div #mot-mau-noi-dung {}
        }
    }
}

fn starters_section(kinds: &[(&str, &str)]) -> Markup {
    html! {
        section #mau-trong {
            h2 { "Mẫu trống theo Nghị định 30/2020/NĐ-CP" }
            p.muted { "Tải một mẫu .docx đã dàn trang đúng thể thức, rồi sửa trong Word." }
            ul.mau {
                @for (kind, label) in kinds {
                    li { a href={ "/mau/" (kind) ".docx" } download { (label) } " " code.muted { (kind) } }
                }
            }
        }
    }
}

/// A progress bar and its line, hidden until a job runs.
pub fn progress_box(id: &str) -> Markup {
    html! {
        div.tien-do id=(id) hidden {
            progress max="100" value="0" {}
            span { "" }
        }
    }
}

/// The problems grouped by file, each with its place and hints.
pub fn problem_list(problems: &[Problem]) -> Markup {
    html! {
        @for (file, list) in by_file(problems) {
            @if file.is_empty() && list.iter().all(|p| p.place.is_empty()) {
                // Problems without a place: lines, not a table.
                @for p in &list {
                    p class=(if p.error { "loi" } else { "canh-bao" }) {
                        (p.message)
                        @for h in &p.hints { span.goi-y { " " (h) } }
                    }
                }
            } @else {
            div.nhom {
                h3 { @if file.is_empty() { "Chung" } @else { (file) } }
                table.van-de {
                    thead { tr { th { "Vị trí" } th { "Mức" } th { "Nội dung" } } }
                    tbody {
                        @for p in list {
                            tr class=(if p.error { "loi" } else { "canh-bao" }) {
                                td.vi-tri { code { (p.place) } }
                                td { @if p.error { "Lỗi" } @else { "Cảnh báo" } }
                                td {
                                    (p.message)
                                    @for h in &p.hints { div.goi-y { (h) } }
                                }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

/// "Kiểm tra": the summary line, every problem by file, the numbers a run would print.
pub fn checked(c: &Checked) -> Markup {
    let errors = c.problems.iter().filter(|p| p.error).count();
    let warnings = c.problems.len() - errors;
    html! {
        h3 { "Kết quả kiểm tra" }
        @if c.problems.is_empty() {
            p.tot { "Không tìm thấy vấn đề nào." }
        } @else if errors > 0 {
            p.loi { (errors) " lỗi, " (warnings) " cảnh báo. Cần sửa các lỗi trước khi tạo văn bản." }
        } @else {
            p.canh-bao { "Không có lỗi; " (warnings) " cảnh báo." }
        }
        @if let Some(n) = c.documents { p { "Sẽ tạo " (n) " văn bản." } }
        (problem_list(&c.problems))
        @if !c.numbers.is_empty() {
            details {
                summary { "Số văn bản sẽ cấp (sổ đăng ký chưa thay đổi)" }
                ul.so-cap { @for n in &c.numbers { li { (n) } } }
            }
        }
    }
}

/// A finished job: what was made, the downloads, the register and the summary.
pub fn outcome(o: &Outcome) -> Markup {
    let link = |path: &std::path::Path| {
        let shown = path
            .strip_prefix("out")
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        (download_url(&o.id, path), shown)
    };
    html! {
        @if !o.fatal.is_empty() {
            p.loi { "Chưa tạo văn bản nào: cần sửa các lỗi sau." }
            (problem_list(&o.fatal))
        } @else {
            @if o.failures.is_empty() {
                p.tot #da-tao { "Đã tạo " (o.written) " văn bản." }
            } @else {
                p.loi #da-tao { (o.total - o.written) " trên " (o.total) " văn bản không tạo được; đã tạo " (o.written) "." }
                (problem_list(&o.failures))
            }
            div.hang-nut {
                @if let Some(zip) = &o.zip {
                    a.nut.chinh #tai-zip href=(download_url(&o.id, zip)) download { "Tải tất cả (.zip)" }
                }
                @if let Some(register) = &o.register {
                    a.nut #tai-so href=(download_url(&o.id, register)) download { "Sổ đăng ký văn bản đi (.xlsx)" }
                }
            }
            @if !o.numbers.is_empty() {
                details {
                    summary { "Số đã cấp (" (o.numbers.len()) ")" }
                    p #so-da-cap { (o.numbers.join(", ")) }
                }
            }
            @if !o.combined.is_empty() {
                h3 { "Tệp gộp" }
                ul.tep { @for c in &o.combined { @let (href, shown) = link(c); li { a href=(href) download { (shown) } } } }
            }
            @if let [(unit, files)] = o.groups.as_slice() && unit.is_empty() {
                h3 { "Văn bản đã tạo" }
                ul.tep { @for f in files { @let (href, shown) = link(f); li { a href=(href) download { (shown) } } } }
            } @else {
                h3 { "Văn bản theo đơn vị" }
            }
            @for (unit, files) in o.groups.iter().filter(|(u, _)| !u.is_empty() || o.groups.len() > 1) {
                details.don-vi {
                    summary { @if unit.is_empty() { "Thư mục chính" } @else { (unit) } " — " (files.len()) " tệp" }
                    ul.tep { @for f in files { @let (href, shown) = link(f); li { a href=(href) download { (shown) } } } }
                }
            }
            @if !o.warnings.is_empty() {
                details {
                    summary { (o.warnings.len()) " cảnh báo" }
                    (problem_list(&o.warnings))
                }
            }
            @if let Some(summary) = &o.summary {
                details {
                    summary { "Tóm tắt (tom-tat.txt)" }
                    pre { (summary) }
                }
            }
        }
    }
}

pub fn download_url(id: &str, path: &std::path::Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| percent(&c.as_os_str().to_string_lossy()))
        .collect();
    format!("/tai/{id}/{}", parts.join("/"))
}

/// Percent-encodes everything but unreserved characters.
pub fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A message of the page (upload too big, a job running...) as a fragment.
pub fn message(class: &str, text: &str) -> Markup {
    html! { p class=(class) { (text) } }
}

/// A refused request: a short Vietnamese page (or fragment) with its status.
pub fn refusal(status: StatusCode, text: &str) -> Response {
    let body = html! {
        (DOCTYPE)
        html lang="vi" { head { meta charset="utf-8"; title { "vanban" } } body { p.loi { (text) } } }
    };
    (status, body).into_response()
}

/// A fragment with its status.
pub fn fragment(status: StatusCode, markup: Markup) -> Response {
    (status, markup).into_response()
}
