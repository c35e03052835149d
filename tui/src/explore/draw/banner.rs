//! The banner that says why a tab shows an older version of its file than
//! the one on disk: the file's first problem with its place and how to fix
//! it, or that the file is gone. Words and a marker tell it, not colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use roadmap_core::Language;

use crate::explore::geometry::MARKER;
use crate::explore::state::{App, FileProblem};
use crate::terminal::cells;
use crate::text::Text;

/// Draws the banner for `problem` in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, problem: &FileProblem) {
    let mut lines = lines(&app.tab().file, problem, app.lang).into_iter();
    let Some(first) = lines.next() else {
        return;
    };
    let [head, tail] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    // The whole first row in the alert style, so the banner reads as one
    // even where its text is short.
    frame.render_widget(Paragraph::new(first).style(app.theme.alert()), head);
    frame.render_widget(Paragraph::new(lines.collect::<Vec<_>>()), tail);
}

/// The banner's lines, most important first, so that a narrow screen
/// loses the least: what is shown and why, where the problem is, how to
/// fix it.
pub fn lines(file: &str, problem: &FileProblem, lang: Language) -> Vec<Line<'static>> {
    let lines = match problem {
        FileProblem::Invalid(error) => {
            // Errors first: they are why the file did not load.
            let first = error
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .or_else(|| error.diagnostics.first());
            let mut state = Text::FileInvalid.get(lang).to_owned();
            match error.problem_count().saturating_sub(1) {
                0 => {}
                1 => state = format!("{state} · {}", Text::OneMoreProblem.get(lang)),
                more => state = format!("{state} · +{more} {}", Text::MoreProblems.get(lang)),
            }
            let place = first.map_or_else(|| error.file.clone(), |d| d.located(&error.file));
            let help = first.and_then(|d| d.help.as_deref()).unwrap_or_default();
            vec![state, place, format!("→ {help}")]
        }
        FileProblem::Missing => vec![
            format!("{file}: {}", Text::FileRemoved.get(lang)),
            Text::FileReturns.get(lang).to_owned(),
        ],
        FileProblem::NotWatched(reason) => vec![
            format!("{file}: {}", Text::NotWatched.get(lang)),
            reason.clone(),
        ],
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(row, text)| {
            let indent = if row == 0 { MARKER } else { "  " };
            Line::from(format!("{indent}{}", cells::safe(&text)))
        })
        .collect()
}
