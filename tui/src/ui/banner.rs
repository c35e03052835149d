//! The banner that says why a tab shows an older version of its file than
//! the one on disk: the file's first problem with its place and how to fix
//! it, or that the file is gone. Words and a marker tell it, not colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use roadmap_core::{Diagnostic, Language};

use crate::app::{App, FileProblem};
use crate::text::Text;

/// Lines the banner takes.
pub const HEIGHT: u16 = 2;

/// Put before the banner and before the name of a tab with a problem.
pub const MARKER: &str = "⚠ ";

/// Draws the banner for `problem` in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, problem: &FileProblem) {
    let [head, tail] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let [first, second] = lines(&app.tab().file, problem, app.lang);
    // The whole first row in the alert style, so the banner reads as one
    // even where its text is short.
    frame.render_widget(Paragraph::new(first).style(app.theme.alert()), head);
    frame.render_widget(Paragraph::new(second).style(app.theme.muted()), tail);
}

/// The banner's two lines: what is wrong and where, then what to do or
/// what is shown meanwhile.
pub fn lines(file: &str, problem: &FileProblem, lang: Language) -> [Line<'static>; 2] {
    let (what, then) = match problem {
        FileProblem::Invalid(error) => {
            // Errors first: they are why the file did not load.
            let first = error
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .or_else(|| error.diagnostics.first());
            let what = first.map_or_else(
                || format!("{}: {}", error.file, Text::FileInvalid.get(lang)),
                |d| format!("{}: {}", place(&error.file, d), d.message),
            );
            let mut then: Vec<String> = first.and_then(|d| d.help.clone()).into_iter().collect();
            then.push(Text::FileInvalid.get(lang).to_owned());
            match error.diagnostics.len().saturating_sub(1) {
                0 => {}
                1 => then.push(Text::OneMoreProblem.get(lang).to_owned()),
                more => then.push(format!("+{more} {}", Text::MoreProblems.get(lang))),
            }
            (what, then.join(" · "))
        }
        FileProblem::Missing => (
            format!("{file}: {}", Text::FileRemoved.get(lang)),
            Text::FileReturns.get(lang).to_owned(),
        ),
        FileProblem::NotWatched(reason) => (
            format!("{file}: {}", Text::NotWatched.get(lang)),
            reason.clone(),
        ),
    };
    [
        Line::from(format!("{MARKER}{what}")),
        Line::from(format!("  {then}")),
    ]
}

/// `file:line:column`, or the file alone for a problem with no place.
fn place(file: &str, diagnostic: &Diagnostic) -> String {
    match &diagnostic.location {
        Some(at) => format!("{file}:{}:{}", at.line, at.column),
        None => file.to_owned(),
    }
}
