//! The plain commands: `check`, `export`, `list` and `schema` print and
//! exit, with no full screen. Also how every command reports a roadmap
//! that does not load.

pub mod check;
pub mod export;
pub mod list;
pub mod schema;

use std::io::IsTerminal;
use std::process::ExitCode;

use roadmap_core::LoadError;

/// Whether diagnostics on standard error get colours: not under
/// `NO_COLOR`, nor into a pipe.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Prints why a roadmap did not load; the exit code that says so.
pub fn report_failure(err: &LoadError) -> ExitCode {
    eprint!("{}", err.render(use_color()));
    ExitCode::FAILURE
}
