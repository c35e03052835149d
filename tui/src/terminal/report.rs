//! How a terminal command reports a roadmap that does not load: the
//! diagnostics as `roadmap check` prints them, coloured only when that is
//! safe, every control character shown as an escape. The plain commands,
//! the explorer, the presenter and the server all report through here.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::process::ExitCode;

use roadmap_core::controls::{self, Lines};
use roadmap_core::{Diagnostic, LoadError, NotShown};

/// Whether diagnostics on standard error get colours: not under
/// `NO_COLOR`, nor into a pipe.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Prints why a roadmap did not load; the exit code that says so.
pub fn report_failure(err: &LoadError) -> ExitCode {
    eprint!("{}", rendered(&err.file, &err.diagnostics, err.not_shown));
    ExitCode::FAILURE
}

/// Text of several lines (a message, a report) safe to print: see
/// [`controls::neutralise`].
pub fn safe(text: &str) -> Cow<'_, str> {
    controls::neutralise(text, Lines::Many)
}

/// Diagnostics as `roadmap check` shows them. Coloured only when nothing
/// in them holds a control character, so that the renderer's colours are
/// the only escapes printed; else plain, every control shown as an escape.
pub fn rendered(file: &str, diagnostics: &[Diagnostic], not_shown: NotShown) -> String {
    let clean = |text: &str| controls::first_forbidden(text, Lines::One).is_none();
    let all_clean = clean(file)
        && diagnostics.iter().all(|d| {
            clean(&d.message)
                && d.help.as_deref().is_none_or(clean)
                && d.location.as_ref().is_none_or(|at| clean(at.line_text()))
        });
    if all_clean && use_color() {
        roadmap_core::render_all(file, diagnostics, not_shown, true)
    } else {
        safe(&roadmap_core::render_all(
            file,
            diagnostics,
            not_shown,
            false,
        ))
        .into_owned()
    }
}
