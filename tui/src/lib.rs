//! The `roadmap` terminal front end: the command line, the plain-text
//! outline, and the interactive explorer (state in [`app`], keys in
//! [`keys`], drawing in [`ui`]), and the `roadmap serve` web server
//! ([`serve`]).

pub mod app;
pub mod bundled;
mod editing;
pub mod keys;
pub mod loading;
pub mod outline;
pub mod save;
pub mod serve;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod watch;
