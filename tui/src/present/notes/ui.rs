//! Drawing the notes window: a header with the slide on screen, the clock,
//! the time elapsed and the time left on the slide; the slide's notes
//! (each mission's under its title); the next slide's heading; and what
//! the window waits for when no presenter is there. Drawing only reads the
//! [`NotesApp`].

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::SpeakerNote;

use super::app::{Link, NotesApp};
use super::frame::NotesFrame;
use crate::present::ui::duration;
use crate::terminal::cells::{self, fit};
use crate::text::Text;

/// Draws the whole notes window.
pub fn draw(frame: &mut Frame, app: &NotesApp) {
    let screen = frame.area();
    let [header, status, _, body, _, next, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(screen);
    draw_header(frame, header, app);
    let body = body.inner(Margin::new(1, 0));
    match (&app.frame, app.link) {
        (None, _) => draw_waiting(frame, body, app),
        (Some(shown), link) => {
            draw_status(frame, status, app, shown);
            let style = if link == Link::Closed {
                app.theme.muted()
            } else {
                Style::new()
            };
            draw_notes(frame, body, app, &shown.notes, style);
            let next_text = shown.next.as_ref().map_or_else(
                || Text::LastSlide.get(app.lang).to_owned(),
                |heading| {
                    format!(
                        "{}{}{heading}",
                        Text::NextSlide.get(app.lang),
                        app.lang.colon()
                    )
                },
            );
            let next_text = fit(&format!(" {next_text}"), usize::from(next.width));
            frame.render_widget(Line::styled(next_text, app.theme.heading()), next);
        }
    }
    if app.link == Link::Closed {
        let text = fit(
            &format!(" ⚠ {}", Text::PresenterClosed.get(app.lang)),
            usize::from(status.width),
        );
        frame.render_widget(Line::styled(text, app.theme.alert()), status);
    }
    let hint_text = fit(
        &format!(" {}", Text::NotesKeysHint.get(app.lang)),
        usize::from(hint.width),
    );
    frame.render_widget(Line::styled(hint_text, app.theme.muted()), hint);
    cells::scrub(frame.buffer_mut());
}

/// "Speaker notes · slide 2/6 · Heading" on the left, the clock and the
/// time elapsed on the right.
fn draw_header(frame: &mut Frame, area: Rect, app: &NotesApp) {
    let lang = app.lang;
    let clock = app.clock.map_or_else(
        || "--:--".to_owned(),
        |t| format!("{:02}:{:02}", t.hour(), t.minute()),
    );
    let elapsed = app
        .frame
        .as_ref()
        .map_or_else(|| "-:--".to_owned(), |shown| duration(shown.elapsed()));
    let right = format!(" {clock} · {} {elapsed} ", Text::Elapsed.get(lang));
    let mut left = format!(" {}", Text::SpeakerNotes.get(lang));
    if let Some(shown) = &app.frame {
        let _ = write!(
            left,
            " · {} {}/{} · {}",
            Text::Slide.get(lang),
            shown.number,
            shown.total,
            shown.heading
        );
    }
    let right_width = cells::width(&right).min(usize::from(area.width));
    let room = usize::from(area.width) - right_width;
    let line = Line::from(vec![
        Span::styled(cells::pad(&fit(&left, room), room), app.theme.heading()),
        Span::styled(fit(&right, right_width), app.theme.selected()),
    ]);
    frame.render_widget(line, area);
}

/// The time left on the slide with auto-advance, and whether the audience
/// sees a blank screen.
fn draw_status(frame: &mut Frame, area: Rect, app: &NotesApp, shown: &NotesFrame) {
    let mut parts = Vec::new();
    if let Some(left) = shown.left() {
        parts.push(format!(
            "{} {}",
            duration(left),
            Text::LeftOnSlide.get(app.lang)
        ));
    }
    if shown.blank {
        parts.push(Text::AudienceBlanked.get(app.lang).to_owned());
    }
    if parts.is_empty() {
        return;
    }
    let text = fit(&format!(" {}", parts.join(" · ")), usize::from(area.width));
    frame.render_widget(Line::styled(text, app.theme.highlight()), area);
}

/// The notes as written: paragraphs and `- ` items, a mission's notes
/// under its title; or a clear word that there are none.
fn draw_notes(frame: &mut Frame, area: Rect, app: &NotesApp, notes: &[SpeakerNote], style: Style) {
    if notes.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(Text::NoNotes.get(app.lang), app.theme.muted()))
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        if index > 0 {
            lines.push(Line::raw(""));
        }
        if let Some(about) = &note.about {
            lines.push(Line::styled(
                cells::safe(&format!("— {about}")).into_owned(),
                app.theme.heading(),
            ));
        }
        lines.extend(
            note.text
                .lines()
                .map(|line| Line::styled(cells::safe(line).into_owned(), style)),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.scroll, 0)),
        area,
    );
}

/// Before any presenter is reached: which file the window waits for, and
/// how to start its presenter.
fn draw_waiting(frame: &mut Frame, area: Rect, app: &NotesApp) {
    let lines = vec![
        Line::styled(
            format!(
                "{} {}",
                Text::WaitingPresenter.get(app.lang),
                cells::safe(&app.file)
            ),
            app.theme.heading(),
        ),
        Line::raw(""),
        Line::styled(Text::WaitingHint.get(app.lang), app.theme.muted()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
