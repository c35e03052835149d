//! `roadmap present FILE --notes`: the speaker notes of the slide a
//! presenter of the same file is on, in a second terminal, with the clock,
//! the time elapsed and the time left on the slide. [`frame`] is what the
//! presenter sends, [`channel`] carries it (a Unix domain socket), [`app`]
//! holds the window's state and its pure `update`, [`ui`] draws, [`run`]
//! drives a real terminal.

pub mod app;
pub mod channel;
pub mod frame;
pub mod run;
pub mod ui;

pub use app::{Link, NotesApp, NotesMsg};
pub use frame::NotesFrame;
