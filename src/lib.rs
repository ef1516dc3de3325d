//! vanban: Vietnamese official documents from spreadsheets and Word templates.
//!
//! ```text
//! spreadsheet / json  -> input::Table (rows of typed values with their cell locations)
//!                     -> context (per row or per group, plus globals)
//! template .docx      -> docx::Package -> template::compile (tags found across runs,
//!                        blocks widened to rows / paragraphs, one Handlebars template per part)
//! context x template  -> rendered parts -> docx written (untouched entries copied raw;
//!                        temporary file then rename)
//! ```

pub mod batch;
pub mod check;
pub mod cli;
pub mod context;
pub mod diag;
pub mod docx;
pub mod eval;
pub mod helpers;
pub mod input;
pub mod manifest;
pub mod new;
pub mod template;
#[doc(hidden)]
pub mod testkit;
