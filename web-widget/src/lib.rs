//! The embeddable `<roadmap-timeline>` widget: yew function components that
//! paint what `roadmap_core::layout` computes — a timeline in SVG, a list,
//! a detail panel — inside a shadow root, for any web page.
//!
//! The browser entry point is [`mount::mount`] (exported to JavaScript);
//! `js/roadmap-timeline.js` defines the custom element on top of it. The
//! modules other than `mount`, `browser` and `ui` are plain Rust, tested
//! natively.

pub mod browser;
pub mod full;
pub mod input;
pub mod items;
pub mod live;
pub mod mount;
pub mod options;
pub mod ui;
pub mod viewer;

pub use roadmap_markup::{describe, words};
