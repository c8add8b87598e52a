//! overshare: finds personal data that web page code sends to tracker, analytics, session
//! replay, CRM and error-monitoring SDKs.
//!
//! The pipeline, one module per stage: [`walk`] → [`prefilter`] → [`extract`] → [`parse`] →
//! [`analyze`] → [`lints`] → [`suppress`] → [`report`]. [`pipeline`] takes one file through
//! it, [`driver`] runs it over many files in parallel, and a [`Workspace`] (configurations,
//! catalogs, project index, file system view) is what both run in. [`kinds`] says which files
//! the stages read, and how.

pub mod analyze;
pub mod baseline;
pub mod catalog;
pub mod changed;
pub mod config;
pub mod driver;
pub mod extract;
pub mod kinds;
#[path = "../lints/mod.rs"]
pub mod lints;
pub mod lsp;
pub mod not_analysed;
pub mod parse;
pub mod pipeline;
pub mod prefilter;
pub mod project;
pub mod report;
pub mod resolve;
pub mod source;
pub mod suppress;
pub mod walk;
pub mod workspace;

pub use driver::{check_text, FileResult, Options, RunError};
pub use workspace::Workspace;
