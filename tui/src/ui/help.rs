//! The `?` overlays: every key binding, generated from the table in
//! `crate::keys` that also drives the explorer and the presenter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use roadmap_core::Language;

use super::centered;
use crate::app::App;
use crate::keys::{BINDINGS, Binding, Scope};
use crate::text::Text;
use crate::theme::ThemeKind;

/// The explorer's help lines: its bindings, then the mouse.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = binding_lines(BINDINGS, &Scope::ALL, app.lang, app.theme);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::KeyMouse.get(app.lang),
        app.theme.muted(),
    )));
    lines
}

/// Help lines for a table of bindings: one heading per scope of `scopes`
/// and one line per key group.
pub fn binding_lines<M>(
    bindings: &[Binding<M>],
    scopes: &[Scope],
    lang: Language,
    theme: ThemeKind,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &scope in scopes {
        let shown: Vec<_> = bindings
            .iter()
            .filter(|b| b.scope == scope && !b.shown.is_empty())
            .collect();
        if shown.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            scope.title().get(lang),
            theme.heading(),
        )));
        for binding in shown {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", binding.shown), theme.highlight()),
                Span::raw(binding.text.get(lang)),
            ]));
        }
    }
    lines
}

/// Draws the explorer's overlay over the middle of `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App) {
    overlay(
        frame,
        screen,
        lines(app),
        app.help_scroll,
        app.lang,
        app.theme,
    );
}

/// Draws help `lines` in a framed box over the middle of `screen`,
/// scrolled down by `scroll` lines.
pub fn overlay(
    frame: &mut Frame,
    screen: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    lang: Language,
    theme: ThemeKind,
) {
    let area = centered(screen, 76, lines.len() as u16 + 2);
    let visible = area.height.saturating_sub(2);
    let scroll = scroll.min((lines.len() as u16).saturating_sub(visible));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", Text::Help.get(lang)),
            theme.heading(),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", Text::HelpClose.get(lang)),
            theme.muted(),
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
