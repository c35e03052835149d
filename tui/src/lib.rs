//! The `roadmap` terminal front end: the command line, the plain-text
//! outline, the interactive explorer (state in [`app`], keys in
//! [`keys`], drawing in [`ui`]), the presenter ([`present`]) and the
//! `roadmap serve` web server ([`serve`]).

pub mod app;
pub mod bundled;
pub mod cells;
mod editing;
pub mod keys;
pub mod loading;
pub mod outline;
pub mod present;
pub mod save;
pub mod serve;
pub mod symlinks;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod watch;
