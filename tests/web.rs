//! `vanban serve` tested as a clerk uses it: the page in a headless Chromium (the round
//! checked and run, the documents downloaded, a second run keeping the numbers), and the
//! refusals as plain HTTP requests (a foreign Host, a missing token, an upload over the
//! limit, a path out of the job's folder, a second job while one runs).

#[path = "web/support.rs"]
mod support;

use std::time::Duration;

use fantoccini::Locator;
use support::{Browser, Server, browser_available, multipart, pack_copy, zip_names};

/// The places of the pack's planted problems, as `vanban check vanban.toml` reports them.
const PLANTED: [&str; 6] = [
    "CaNhan!G4",  // votes that do not add up
    "CaNhan!F13", // a nominee without an achievement
    "CaNhan!D9",  // over the quota of Chiến sĩ thi đua cơ sở
    "TapThe!C3",  // under 70% Lao động tiên tiến
    "CanBo!J69",  // Lao động tiên tiến rated too low
    "DonVi!J9",   // a plan dated after the deadline
];

async fn text_of(browser: &Browser, css: &str) -> String {
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(180))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
        .text()
        .await
        .unwrap()
}

/// Chooses `value` in the one-template flow's `name` list, as a clerk does, and waits for
/// the page to show the data read with it.
async fn choose(browser: &Browser, name: &str, value: &str) {
    browser
        .client
        .execute(
            "const s = document.querySelector(`select[name='${arguments[0]}']`);
             s.value = arguments[1];
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![name.into(), value.into()],
        )
        .await
        .unwrap();
    text_of(
        browser,
        &format!("select[name='{name}'] option[value='{value}'][selected]"),
    )
    .await;
}

/// Clicks "Tạo văn bản" and waits for the results; the numbers printed.
async fn run_round(browser: &Browser, server: &Server) -> (String, Vec<String>) {
    let c = &browser.client;
    c.find(Locator::Css("#tao"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let made = text_of(browser, "#da-tao").await;
    assert_eq!(made, "Đã tạo 141 văn bản.");
    // The progress bar full, and said so.
    let bar = c
        .execute(
            "const b = document.querySelector('#tien-do progress');
             return [b.value, b.max, document.querySelector('#tien-do span').textContent,
                     document.querySelector('#tien-do').hidden];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(bar, serde_json::json!([152, 152, "Xong.", false]));
    let numbers = c
        .execute(
            "return document.querySelector('#so-da-cap').textContent",
            vec![],
        )
        .await
        .unwrap();
    let href = c
        .find(Locator::Css("#tai-zip"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .expect("the .zip link");
    let zip = server.get(&href);
    assert_eq!(zip.status, 200);
    (numbers.as_str().unwrap().to_string(), zip_names(&zip.body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_round_in_the_browser() {
    if !browser_available() {
        return;
    }
    let folder = pack_copy();
    let server = Server::start(folder.path(), &[]);
    let browser = Browser::start().await;
    let c = &browser.client;
    c.goto(&server.url()).await.unwrap();
    // The sources, with the rows read.
    let rows = c
        .find_all(Locator::Css("table.nguon tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 9);
    let don_vi = text_of(&browser, "tr[data-source='don_vi']").await;
    assert!(
        don_vi.contains("inputs/don-vi.xlsx") && don_vi.contains("DonVi"),
        "{don_vi}"
    );
    assert!(don_vi.contains(" 14 "), "14 units: {don_vi}");
    browser.shot("1-dot").await;

    // Kiểm tra: every planted warning at its cell, under its workbook.
    c.find(Locator::Css("#kiem-tra"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let summary = text_of(&browser, "#ket-qua-kiem-tra h3 + p").await;
    assert_eq!(summary, "Không có lỗi; 14 cảnh báo.");
    let groups = c
        .find_all(Locator::Css("#ket-qua-kiem-tra div.nhom"))
        .await
        .unwrap();
    let mut by_file = Vec::new();
    for g in groups {
        by_file.push(g.text().await.unwrap());
    }
    for place in PLANTED {
        let sheet = place.split('!').next().unwrap();
        let file = match sheet {
            "CaNhan" | "TapThe" => "inputs/de-nghi.xlsx",
            "CanBo" => "inputs/can-bo.xlsx",
            _ => "inputs/don-vi.xlsx",
        };
        assert!(
            by_file
                .iter()
                .any(|g| g.starts_with(file) && g.contains(place)),
            "{place} not under {file}: {by_file:#?}"
        );
    }
    browser.shot("2-kiem-tra").await;
    // The page as the README shows it: the sources, then the check's first problems.
    c.set_window_size(1200, 1000).await.unwrap();
    c.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    browser.shot("0-trang").await;
    c.set_window_size(1280, 900).await.unwrap();

    // Tạo văn bản: the .zip holds every document `vanban run` makes, the register and the
    // summary.
    let (numbers, names) = run_round(&browser, &server).await;
    browser.shot("3-ket-qua").await;
    let cli = pack_copy();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["run", "--quiet"])
        .current_dir(cli.path())
        .status()
        .unwrap();
    assert!(run.success());
    let mut expected = all_files(&cli.path().join("out"));
    expected.push("so-dang-ky.xlsx".into());
    expected.sort();
    assert_eq!(names, expected);
    assert!(
        numbers.contains("01/KH-VP") && numbers.contains("125/QĐ-STNMT"),
        "{numbers}"
    );

    // A second run keeps every number.
    c.refresh().await.unwrap();
    let (again, names_again) = run_round(&browser, &server).await;
    assert_eq!(again, numbers);
    assert_eq!(names_again, names);

    // A workbook that is not the source's kind leaves it as it was; the same workbook again
    // replaces it.
    let input = c
        .find(Locator::Css("input[data-replace='don_vi']"))
        .await
        .unwrap();
    let csv = folder.path().join("khac.csv");
    std::fs::write(&csv, "a,b\n1,2\n").unwrap();
    input.send_keys(&csv.display().to_string()).await.unwrap();
    let note = text_of(&browser, "tr[data-source='don_vi'] .tin p").await;
    assert!(note.starts_with("Chưa thay tệp"), "{note}");
    c.execute(
        "document.querySelector(\"tr[data-source='don_vi']\").scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    browser.shot("4-thay-tep-sai").await;
    // A workbook that reads as the source replaces it; the page then lists its rows.
    let original = std::fs::read(folder.path().join("inputs/don-vi.xlsx")).unwrap();
    let workbook = tempfile::tempdir().unwrap();
    let changed = workbook.path().join("don-vi-moi.xlsx");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs/don-vi.xlsx"),
        &changed,
    )
    .unwrap();
    let input = c
        .find(Locator::Css("input[data-replace='don_vi']"))
        .await
        .unwrap();
    input
        .send_keys(&changed.display().to_string())
        .await
        .unwrap();
    let note = text_of(&browser, "tr[data-source='don_vi'] .tin p.tot").await;
    // The replaced workbook is kept, named with the time, and the page says where.
    let kept = note
        .strip_prefix("Đã thay tệp: đọc được 14 dòng. Tệp cũ được giữ ở ")
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("{note}"));
    assert!(
        kept.starts_with("inputs/ban-cu/don-vi-") && kept.ends_with(".xlsx"),
        "{kept}"
    );
    assert_eq!(std::fs::read(folder.path().join(kept)).unwrap(), original);
}

fn all_files(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap();
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

#[test]
fn a_foreign_host_and_a_missing_token_are_refused() {
    let folder = pack_copy();
    let server = Server::start(folder.path(), &[]);
    let host = format!("rebind.example:{}", server.port);
    let page = server.request("GET", "/", &[("Host", &host)], &[]);
    assert_eq!(page.status, 403);
    assert!(page.body_text().contains("Địa chỉ trang không đúng"));
    assert_eq!(server.get("/").status, 200);
    let localhost = format!("localhost:{}", server.port);
    assert_eq!(
        server
            .request("GET", "/", &[("Host", &localhost)], &[])
            .status,
        200
    );

    for token in [None, Some("0".repeat(64))] {
        let headers: Vec<(&str, &str)> = token
            .as_deref()
            .map(|t| vec![("X-Vanban-Token", t)])
            .unwrap_or_default();
        let check = server.request("POST", "/kiem-tra", &headers, &[]);
        assert_eq!(check.status, 403, "{token:?}");
        assert!(check.body_text().contains("thiếu mã phiên"));
        assert_eq!(server.request("POST", "/tao", &headers, &[]).status, 403);
    }
    let token = server.token();
    let check = server.request("POST", "/kiem-tra", &[("X-Vanban-Token", &token)], &[]);
    assert_eq!(check.status, 200);
    assert!(check.body_text().contains("CaNhan!G4"));
}

#[test]
fn an_upload_over_the_limit_is_refused_and_changes_nothing() {
    let folder = pack_copy();
    let server = Server::start(folder.path(), &["--max-upload", "1"]);
    let token = server.token();
    let before = std::fs::read(folder.path().join("inputs/don-vi.xlsx")).unwrap();
    let (kind, body) = multipart("tep", "don-vi.xlsx", &vec![b'x'; 3 * 1024 * 1024 / 2]);
    let answer = server.request(
        "POST",
        "/nguon/don_vi",
        &[("X-Vanban-Token", &token), ("Content-Type", &kind)],
        &body,
    );
    assert_eq!(answer.status, 413);
    assert!(
        answer
            .body_text()
            .contains("Tệp quá lớn: giới hạn là 1 MiB"),
        "{}",
        answer.body_text()
    );
    assert_eq!(
        std::fs::read(folder.path().join("inputs/don-vi.xlsx")).unwrap(),
        before
    );
    // The server keeps serving.
    assert_eq!(server.get("/").status, 200);
    // Under the limit, a file that is no workbook is refused with its problem.
    let (kind, body) = multipart("tep", "../../don-vi.xlsx", b"not a workbook");
    let answer = server.request(
        "POST",
        "/nguon/don_vi",
        &[("X-Vanban-Token", &token), ("Content-Type", &kind)],
        &body,
    );
    assert_eq!(answer.status, 422, "{}", answer.body_text());
    assert!(answer.body_text().contains("Chưa thay tệp"));
    assert_eq!(
        std::fs::read(folder.path().join("inputs/don-vi.xlsx")).unwrap(),
        before
    );
}

#[test]
fn two_jobs_at_once_and_paths_out_of_the_job_are_refused() {
    let folder = pack_copy();
    let mut server = Server::start(folder.path(), &[]);
    let token = server.token();
    let first = server.request("POST", "/tao", &[("X-Vanban-Token", &token)], &[]);
    assert_eq!(first.status, 202);
    let second = server.request("POST", "/tao", &[("X-Vanban-Token", &token)], &[]);
    assert_eq!(second.status, 409);
    assert!(second.body_text().contains("Đang có một việc chạy"));
    // The page still answers while the job runs.
    assert_eq!(server.get("/").status, 200);
    let id = loop {
        let status: serde_json::Value =
            serde_json::from_slice(&server.get("/trang-thai").body).unwrap();
        if status["busy"] == false {
            // The progress counted every file to make: 141 documents, 10 combined files
            // and the summary; full at the end.
            assert_eq!(status["total"], 152, "{status}");
            assert_eq!(status["done"], 152, "{status}");
            assert_eq!(status["phase"], "Đang đóng gói", "{status}");
            break status["last"].as_str().unwrap().to_string();
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let made = server.get(&format!("/tai/{id}/out/So/Bao-cao-tong-ket.docx"));
    assert_eq!(made.status, 200);
    assert!(made.headers.contains("wordprocessingml"));
    for path in [
        format!("/tai/{id}/out/../../vanban.toml"),
        format!("/tai/{id}/out/%2e%2e/%2e%2e/vanban.toml"),
        format!("/tai/{id}/..%2f..%2fvanban.toml"),
        format!("/tai/{id}//etc/passwd"),
        format!("/tai/{id}/%2fetc%2fpasswd"),
        format!("/tai/{id}/out"),
        format!("/tai/{}/van-ban.zip", "0".repeat(16)),
    ] {
        let answer = server.request("GET", &path, &[], &[]);
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body_text().contains("[globals]"), "{path}");
    }
    // A link planted in the job's folder is not served either.
    let job_dirs: Vec<_> = std::fs::read_dir(server.tmp.path())
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .collect();
    assert_eq!(job_dirs.len(), 1);
    let planted = job_dirs[0].path().join("out/So/Bao-cao-tong-ket.docx");
    std::fs::remove_file(&planted).unwrap();
    std::os::unix::fs::symlink(folder.path().join("vanban.toml"), &planted).unwrap();
    let answer = server.get(&format!("/tai/{id}/out/So/Bao-cao-tong-ket.docx"));
    assert_eq!(answer.status, 404);

    // Ctrl-C: the server stops, exit 0, its work folder gone.
    assert_eq!(server.interrupt(), Some(0));
    assert_eq!(std::fs::read_dir(server.tmp.path()).unwrap().count(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_template_and_a_libreoffice_workbook_in_the_browser() {
    if !browser_available() {
        return;
    }
    let empty = tempfile::tempdir().unwrap();
    let server = Server::start(empty.path(), &[]);
    let browser = Browser::start().await;
    let c = &browser.client;
    c.goto(&server.url()).await.unwrap();
    let none = text_of(&browser, "#dot p").await;
    assert!(none.contains("chưa có tệp vanban.toml"), "{none}");
    // The template and the workbook Calc wrote (title rows above the header in row 3).
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let input = c.find(Locator::Css("#chon-mot-mau")).await.unwrap();
    let files = format!(
        "{}\n{}",
        fixtures.join("danh-sach-khen-thuong-lo.docx").display(),
        fixtures.join("khen-thuong.xlsx").display()
    );
    input.send_keys(&files).await.unwrap();
    let first = text_of(&browser, "#mot-mau-kiem-tra").await;
    assert!(
        first.contains("lỗi"),
        "the title row read as the header: {first}"
    );
    // The sheets are listed from the file, the header row chosen, then the group column
    // from the columns that row names.
    let sheets = c
        .find_all(Locator::Css("select[name='sheet'] option"))
        .await
        .unwrap();
    let mut names = Vec::new();
    for s in sheets {
        names.push(s.text().await.unwrap());
    }
    assert_eq!(names, ["DanhSach", "TongHop"]);
    choose(&browser, "header_row", "3").await;
    choose(&browser, "group", "ma_don_vi").await;
    let checked = text_of(&browser, "#mot-mau-kiem-tra").await;
    assert!(!checked.contains("lỗi,"), "{checked}");
    // The first rows as `vanban data` shows them: row 4 is the first person.
    let first_row = text_of(&browser, "#mot-mau-dong tbody tr").await;
    assert!(
        first_row.starts_with("4 CCKL Chi cục Kiểm lâm Hoàng Văn Thắng"),
        "{first_row}"
    );
    browser.shot("5-mot-mau").await;

    // Preview, where LibreOffice is installed: the first document's pages as images.
    if support::soffice_available() {
        c.find(Locator::Css("#mot-mau-xem-nut"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let heading = text_of(&browser, "#mot-mau-xem-truoc h3").await;
        assert!(heading.starts_with("Xem trước: "), "{heading}");
        let images = c
            .find_all(Locator::Css("#mot-mau-trang img"))
            .await
            .unwrap();
        assert!(!images.is_empty());
        browser.shot("6-xem-truoc").await;
    }

    // Make all: one document per unit, a combined file, the .zip.
    c.find(Locator::Css("#mot-mau-tao"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let made = text_of(&browser, "#mot-mau-ket-qua #da-tao").await;
    assert_eq!(made, "Đã tạo 3 văn bản.");
    let href = c
        .find(Locator::Css("#mot-mau-ket-qua #tai-zip"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let names = zip_names(&server.get(&href).body);
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.contains(&"Tat-ca.docx".to_string()), "{names:?}");
    browser.shot("7-mot-mau-ket-qua").await;
}

#[test]
fn listen_needs_a_password_and_then_every_request_gives_it() {
    let folder = pack_copy();
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .arg(folder.path())
        .env_remove("VANBAN_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.starts_with("--listen: another address than 127.0.0.1 needs a password"),
        "{stderr}"
    );
    let server = Server::start(
        folder.path(),
        &["--listen", "127.0.0.1:0", "--password", "mật khẩu"],
    );
    let page = server.get("/");
    assert_eq!(page.status, 401);
    assert!(
        page.headers
            .to_lowercase()
            .contains("www-authenticate: basic"),
        "{}",
        page.headers
    );
    assert!(page.body_text().contains("Cần mật khẩu truy cập"));
    // "u:mật khẩu" in base64.
    let auth = "Basic dTpt4bqtdCBraOG6qXU=";
    let wrong = "Basic dTpt";
    assert_eq!(
        server
            .request("GET", "/", &[("Authorization", wrong)], &[])
            .status,
        401
    );
    assert_eq!(
        server
            .request("GET", "/", &[("Authorization", auth)], &[])
            .status,
        200
    );
    assert_eq!(server.request("GET", "/app.js", &[], &[]).status, 401);
}

#[test]
fn pdfs_asked_for_without_libreoffice_are_refused_in_vietnamese() {
    let folder = pack_copy();
    let missing = folder.path().join("no-soffice");
    let server = Server::start_env(folder.path(), &[], &[("VANBAN_SOFFICE", &missing)]);
    let token = server.token();
    let answer = server.request("POST", "/tao?pdf=1", &[("X-Vanban-Token", &token)], &[]);
    assert_eq!(answer.status, 422);
    assert!(
        answer.body_text().contains("Chưa cài LibreOffice"),
        "{}",
        answer.body_text()
    );
    let status = server.get("/trang-thai").body_text();
    assert!(status.contains("\"busy\":false"), "{status}");
}

#[test]
fn every_starter_downloads_as_vanban_new_writes_it() {
    let empty = tempfile::tempdir().unwrap();
    let server = Server::start(empty.path(), &[]);
    let page = server.get("/").body_text();
    for kind in [
        "ke-hoach",
        "bao-cao",
        "to-trinh",
        "bien-ban",
        "cong-van",
        "quyet-dinh",
        "bao-cao-thanh-tich-ca-nhan",
        "bao-cao-thanh-tich-tap-the",
        "giay-khen",
    ] {
        let href = format!("/mau/{kind}.docx");
        assert!(
            page.contains(&format!("href=\"{href}\"")),
            "{kind} not on the page"
        );
        let answer = server.get(&href);
        assert_eq!(answer.status, 200, "{kind}");
        assert!(
            answer
                .headers
                .contains(&format!("filename=\"{kind}.docx\"")),
            "{}",
            answer.headers
        );
        let written = empty.path().join(format!("{kind}.docx"));
        let made = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["new", kind])
            .arg(&written)
            .status()
            .unwrap();
        assert!(made.success());
        // The same document but for the time it was made (docProps/core.xml).
        let body = |bytes: &[u8]| vanban::testkit::entry_text(bytes, "word/document.xml");
        assert_eq!(
            body(&answer.body),
            body(&std::fs::read(&written).unwrap()),
            "{kind}"
        );
    }
    assert_eq!(server.get("/mau/khong-co.docx").status, 404);
}

#[test]
fn a_round_with_pdfs_gives_each_documents_pdf() {
    if !support::soffice_available() {
        assert!(
            std::env::var_os("VANBAN_REQUIRE_OFFICE_TOOLS").is_none(),
            "LibreOffice and pdftoppm are required here"
        );
        eprintln!("note: skipped: LibreOffice or pdftoppm is missing");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["don-vi.xlsx", "cong-van-don-doc-lo.docx"] {
        std::fs::copy(fixtures.join(name), folder.path().join(name)).unwrap();
    }
    std::fs::write(
        folder.path().join("vanban.toml"),
        r#"[sources.don_vi]
file = "don-vi.xlsx"
sheet = "DonVi"

[[documents]]
kind = "cong-van"
template = "cong-van-don-doc-lo.docx"
source = "don_vi"
name = "{{ma_don_vi}}/Cong-van-{{ma_don_vi}}.docx"
"#,
    )
    .unwrap();
    let server = Server::start(folder.path(), &[]);
    let token = server.token();
    let started = server.request("POST", "/tao?pdf=1", &[("X-Vanban-Token", &token)], &[]);
    assert_eq!(started.status, 202);
    let id = loop {
        let status: serde_json::Value =
            serde_json::from_slice(&server.get("/trang-thai").body).unwrap();
        if status["busy"] == false {
            break status["last"].as_str().unwrap().to_string();
        }
        std::thread::sleep(Duration::from_millis(300));
    };
    let results = server.get(&format!("/ket-qua/{id}")).body_text();
    assert!(results.contains("Đã tạo 5 văn bản."), "{results}");
    let pdf = server.get(&format!("/tai/{id}/out/CCTL/Cong-van-CCTL.pdf"));
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF"));
    let zip = server.get(&format!("/tai/{id}/van-ban.zip"));
    let names = zip_names(&zip.body);
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".pdf")).count(),
        5,
        "{names:?}"
    );
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".docx")).count(),
        5,
        "{names:?}"
    );
}
