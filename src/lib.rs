//! vanban: Vietnamese official documents from spreadsheets and Word templates.
//!
//! The modules read bottom-up; each imports only the ones listed before it
//! (`tests/layers.rs` keeps it so):
//!
//! ```text
//! diag       messages with their place, did-you-mean, paths for messages
//! input      spreadsheet / CSV / JSON -> input::Table (typed values with their cells)
//! helpers    the Handlebars helpers (numbers, money in words, dates, text)
//! docx       docx::Package (parts, raw copy, part repairs, combined files)
//! template   package -> template::compile (tags across runs, blocks widened to rows /
//!            paragraphs, one Handlebars template per part)
//! context    documents per row or per group, plus globals
//! eval       snippets of a manifest or a command line evaluated on a document
//! check      a template against its data, before anything is written
//! convert    .docx -> PDF through a pool of headless LibreOffice processes
//! batch      context x template -> rendered parts -> .docx written (temporary file, then
//!            rename), names, numbering, parallel jobs
//! manifest   vanban.toml: schema, load, steps (joins, fields, ranks, votes), checks, summary
//! new        starter templates and the bundled pack
//! cli        the commands
//! serve      `vanban serve`: the web page, beside cli
//! ```

pub mod batch;
pub mod check;
pub mod cli;
pub mod context;
pub mod convert;
pub mod diag;
pub mod docx;
pub mod eval;
pub mod helpers;
pub mod input;
pub mod manifest;
pub mod new;
pub mod serve;
pub mod template;
#[doc(hidden)]
pub mod testkit;
