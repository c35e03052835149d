//! The yew function components: the root [`app::App`], the explorer
//! around a loaded roadmap, and its timeline, list and detail views.

pub mod app;
pub mod detail;
pub mod explorer;
pub mod hooks;
pub mod list;
pub mod meter;
pub mod timeline;
