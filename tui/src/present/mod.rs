//! `roadmap present`: the roadmap as full-screen slides for a big screen.
//! [`slides`] makes the slides from the roadmap, [`app`] holds the state
//! and its pure `update`, [`keys`] maps keys to its messages, [`ui`] draws
//! (with `big` figures and `lists` that fit), [`run`] drives a real
//! terminal; [`since`] makes and draws the slide of what changed since
//! an earlier edition; [`notes`] is the speaker notes window that follows
//! it; [`export`] writes the slides as pages.

pub mod app;
mod big;
pub mod export;
pub mod keys;
pub mod launch;
mod lists;
#[cfg(unix)]
pub mod notes;
pub mod run;
pub mod since;
pub mod slides;
pub mod ui;

pub use app::{PresentApp, PresentMsg, Showing};
