//! The embeddable `<roadmap-timeline>` widget: the markup of
//! `roadmap_markup` (a timeline in SVG, a list, a detail panel) written
//! into a shadow root, for any web page, and the reader's actions on it.
//!
//! The browser entry point is [`mount::mount`] (exported to JavaScript);
//! `js/roadmap-timeline.js` defines the custom element on top of it. The
//! modules other than `mount`, `widget`, `events`, `browser`, `live` and `tip`
//! are plain Rust, tested natively (`patch` but for its DOM calls).

pub mod arranged;
pub mod browser;
pub mod events;
pub mod full;
pub mod input;
pub mod items;
pub mod live;
pub mod mount;
pub mod options;
pub mod patch;
pub mod since;
pub mod slide_nav;
#[cfg(feature = "slides")]
pub mod slides;
pub mod tip;
pub mod viewer;
pub mod widget;

pub use roadmap_markup::{describe, words};

/// The module's allocator: talc instead of std's dlmalloc, which is larger
/// in the module (`./scripts/build-widget` prints the sizes).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
