//! The `?` overlay both programs show: help lines generated from a
//! key-binding table (the one that also drives behaviour), drawn in a
//! framed box over the middle of the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use roadmap_core::Language;

use super::centered;
use super::keys::{Binding, Scope};
use super::theme::ThemeKind;
use crate::text::Text;

/// Help lines for a table of bindings: one heading per scope of `scopes`
/// and one line per key group.
pub fn binding_lines<M, S: Scope>(
    bindings: &[Binding<M, S>],
    scopes: &[S],
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
