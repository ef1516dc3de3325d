//! One template and one workbook, without a manifest.

use std::sync::Arc;

use axum::Router;

use super::jobs::Outcome;
use super::routes::State;

/// The files dropped for the one-template flow, in their folder, and its last run.
#[allow(dead_code)] // filled in by the one-template flow
pub struct Session {
    pub dir: tempfile::TempDir,
    pub outcome: Option<Outcome>,
}

pub fn routes() -> Router<Arc<State>> {
    Router::new()
}
