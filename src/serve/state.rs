//! What every request shares: the round's folder, the server's work folder, the guard, the
//! job slot and the results kept (the round's last run, the one-template session).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::ServeConfig;
use super::jobs::{Outcome, Status};
use super::security::Guard;

/// What every request shares.
pub struct State {
    pub folder: PathBuf,
    /// The server's work folder: every job folder is inside.
    pub root: PathBuf,
    pub guard: Guard,
    pub max_upload: usize,
    pub status: Arc<Status>,
    /// The last round run, with its folder.
    pub round: Mutex<Option<Outcome>>,
    /// The one-template flow's files and its last run.
    pub single: Mutex<Option<Session>>,
}

impl State {
    pub fn new(config: &ServeConfig, bound: SocketAddr, root: PathBuf) -> State {
        State {
            folder: config.folder.clone(),
            root,
            guard: Guard::new(bound, config.password.clone(), config.listen.is_none()),
            max_upload: config.max_upload,
            status: Arc::new(Status::default()),
            round: Mutex::new(None),
            single: Mutex::new(None),
        }
    }
}

/// The files dropped for the one-template flow, in their folder, and its last run.
pub struct Session {
    pub dir: tempfile::TempDir,
    /// `STEM.docx` in `dir` (see `safe_stem`), and the name it was uploaded as (shown, never a path).
    pub template: Option<(PathBuf, String)>,
    /// `bang-tinh.EXT` in `dir`, and its uploaded name.
    pub data: Option<(PathBuf, String)>,
    pub outcome: Option<Outcome>,
}
