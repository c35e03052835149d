//! The `roadmap` terminal front end: the command line, the plain-text
//! outline, the interactive explorer (state in [`app`], keys in
//! [`keys`], drawing in [`ui`]) and the presenter ([`present`]).

pub mod app;
pub mod bundled;
pub mod keys;
pub mod outline;
pub mod present;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
