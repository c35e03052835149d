//! The `roadmap` terminal front end: one binary, three programs on the
//! core's checked `Roadmap`, and what they share. Rooms, from the bottom:
//!
//! - [`text`]: every word the programs show, in French and English.
//! - [`files`]: reading, saving and watching roadmap files; the bundled ones.
//! - [`terminal`]: the full screen, colours, text width, what a key-binding
//!   table is, the `?` overlay drawn from one, how a file that does not
//!   load is reported.
//! - [`widgets`]: drawing both programs use (timeline, progress, reviews).
//! - [`commands`]: `check`, `export`, `list`, `schema` — plain output.
//! - [`explore`]: `roadmap` — the interactive explorer (state, update, keys,
//!   geometry, drawing, event loop).
//! - [`present`]: `roadmap present` — slides for a big screen.
//! - [`serve`]: `roadmap serve` — the web widget over HTTP, live.
//!
//! A room uses only the rooms listed before it, so the module graph has
//! no circle; `main.rs` parses the command line and hands over to one
//! (each program's `launch`, or a command's `run`).

pub mod commands;
pub mod explore;
pub mod files;
pub mod present;
pub mod serve;
pub mod terminal;
pub mod text;
pub mod widgets;
