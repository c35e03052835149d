//! The `?` overlay: every key binding, generated from the table in
//! `crate::keys` that also drives the explorer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::app::App;
use crate::keys::{BINDINGS, Scope};
use crate::text::Text;

/// The help lines, one heading per scope and one line per key group.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    for scope in Scope::ALL {
        let bindings: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.scope == scope && !b.shown.is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            scope.title().get(lang),
            app.theme.heading(),
        )));
        for binding in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", binding.shown), app.theme.highlight()),
                Span::raw(binding.text.get(lang)),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::KeyMouse.get(lang),
        app.theme.muted(),
    )));
    lines
}

/// Draws the overlay over the middle of `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App) {
    let lines = lines(app);
    let area = centered(screen, 76, lines.len() as u16 + 2);
    let visible = area.height.saturating_sub(2);
    let scroll = app
        .help_scroll
        .min((lines.len() as u16).saturating_sub(visible));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(Span::styled(
            format!(" {} ", Text::Help.get(app.lang)),
            app.theme.heading(),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", Text::HelpClose.get(app.lang)),
            app.theme.muted(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
