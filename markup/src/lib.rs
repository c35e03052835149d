//! The roadmap's HTML and SVG, written as text: the heading, the timeline
//! (for a window and a range of rows), the list, the detail panel of an
//! item, the legend, the loading line and the failure alert. The web
//! widget writes these into its shadow root; a static page can write them
//! into a file, so the two never disagree.
//!
//! Every function takes what it draws — the roadmap, the language, the
//! day, the window, the widths, the open item — and no browser state.
//! Every roadmap text passes through [`write::Markup`], the one rule that
//! escapes and neutralises text for markup.

pub mod crowd;
pub mod describe;
pub mod detail;
pub mod drawing;
pub mod explorer;
pub mod failure;
pub mod list;
pub mod outline;
pub mod page;
pub mod page_words;
pub mod palette;
pub mod plan;
pub mod plan_text;
pub mod scene;
pub mod since;
pub mod slides;
pub mod timeline;
pub mod words;
pub mod write;

/// The one stylesheet of the markup (`src/style.css`, minified by
/// `build.rs`): colours, status colours and shapes, as custom properties
/// (`--roadmap-*`) a host page can override. The widget places it in each
/// shadow root; a static page would inline it.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

pub use explorer::{Frame, explorer};
pub use failure::LoadFailure;
pub use scene::{Scene, View, item_id};
pub use timeline::Chart;
pub use words::Word;
