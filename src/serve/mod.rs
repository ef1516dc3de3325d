//! `vanban serve`: the office's own web page, in Vietnamese, on 127.0.0.1.
//!
//! ```text
//! jobs      each job in its own temporary folder: its progress, results, the .zip
//! security  Host header, per-start token, access password: what requests are checked against
//! state     what every request shares (the job slot, the results kept)
//! round     the round of vanban.toml: sources, check, run, a source replaced
//! pages     the HTML (maud), compiled into the binary, with app.js and app.css beside it
//! replies   uploads against the limit, files sent, the page's own messages
//! single    one template and one workbook: the choices, the rows, the check
//! making    what is made of them: the preview, every document
//! routes    the URLs, and the middleware that checks every request
//! ```
//!
//! It sits beside `cli` and does what the commands do through the same library calls:
//! `manifest` for the round (`vanban check` / `vanban run`), `check`, `batch` and `input`
//! for one template and its workbook, `new` for the starters. Every diagnostic is shown with
//! [`Diagnostic::render`](crate::diag::Diagnostic::render) in Vietnamese.

mod jobs;
mod making;
mod pages;
mod replies;
mod round;
mod routes;
mod security;
mod single;
mod state;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::{Diagnostic, io_error, msg};

/// Uploads larger than this are refused unless `--max-upload` says otherwise.
pub const DEFAULT_MAX_UPLOAD: usize = 50 * 1024 * 1024;

/// `vanban serve`, validated.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The round's folder (with `vanban.toml`); the page still offers the one-template flow
    /// and the starters when it has none.
    pub folder: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Open the default browser on the page.
    pub open: bool,
    /// `--listen ADDR`: another address than 127.0.0.1 (needs `password`).
    pub listen: Option<SocketAddr>,
    /// The access password every request must carry (HTTP Basic, any user name).
    pub password: Option<String>,
    /// The largest upload accepted, in bytes.
    pub max_upload: usize,
}

/// Starts the server and serves until Ctrl-C. Errors come before anything is served.
pub fn serve(config: ServeConfig) -> Result<(), Vec<Diagnostic>> {
    if config.listen.is_some() && config.password.as_deref().is_none_or(str::is_empty) {
        return Err(vec![
            Diagnostic::error("--listen", msg!("serve-listen-needs-password"))
                .with_hint(msg!("serve-add-password")),
        ]);
    }
    let addr = config.listen.unwrap_or(SocketAddr::new(
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        config.port,
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            vec![Diagnostic::error(
                "",
                msg!("serve-cannot-start", e = io_error(&e, e.to_string())),
            )]
        })?;
    runtime.block_on(run(config, addr))
}

async fn run(config: ServeConfig, addr: SocketAddr) -> Result<(), Vec<Diagnostic>> {
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        vec![
            Diagnostic::error(
                addr.to_string(),
                msg!("serve-cannot-listen", e = io_error(&e, e.to_string())),
            )
            .with_hint(msg!("serve-choose-another-port")),
        ]
    })?;
    let bound = listener.local_addr().map_err(|e| {
        vec![Diagnostic::error(
            "",
            msg!("serve-cannot-listen", e = io_error(&e, e.to_string())),
        )]
    })?;
    // Every job folder lives under this one, removed on the way out even if a job is still
    // writing in it.
    let root = tempfile::Builder::new()
        .prefix("vanban-serve-")
        .tempdir()
        .map_err(|e| {
            vec![Diagnostic::error(
                "",
                msg!(
                    "serve-cannot-make-work-folder",
                    e = io_error(&e, e.to_string())
                ),
            )]
        })?;
    let state = Arc::new(state::State::new(&config, bound, root.path().to_path_buf()));
    let url = format!("http://{}/", bound);
    let app = routes::router(state.clone());
    // Ctrl-C stops the server; the job folders are removed as the state is dropped. The
    // handler is ours before the PDF converter would install its own.
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let stop_tx = std::sync::Mutex::new(Some(stop_tx));
    let _ = ctrlc::set_handler(move || {
        if let Some(tx) = stop_tx.lock().ok().and_then(|mut t| t.take()) {
            let _ = tx.send(());
        } else {
            std::process::exit(130);
        }
    });
    eprintln!("vanban serve: {url} (Ctrl-C to stop)");
    if config.open {
        open_browser(&url);
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = stop_rx.await;
        })
        .await;
    eprintln!("vanban serve: stopped");
    drop(state);
    let _ = root.close();
    served.map_err(|e| {
        vec![Diagnostic::error(
            "",
            msg!("serve-failed", e = io_error(&e, e.to_string())),
        )]
    })
}

/// Opens the default browser on `url`; a failure is only reported.
fn open_browser(url: &str) {
    let spawned = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = spawned {
        eprintln!("vanban serve: cannot open a browser ({e}); open {url} yourself");
    }
}
