//! The plain commands: `check`, `diff`, `export`, `list` and `schema` print and
//! exit, with no full screen. They report a roadmap that does not load
//! through [`crate::terminal::report`].

pub mod check;
pub mod diff;
pub mod export;
pub mod export_pdf;
pub mod list;
pub(crate) mod pdf_text;
pub mod schema;
