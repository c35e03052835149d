//! The explorer's `?` overlay: the help lines generated from its key
//! table ([`crate::explore::keys`]), scrolled as the user asks.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::explore::keys::help_lines;
use crate::explore::state::App;
use crate::terminal::help::overlay;

/// Draws the explorer's overlay over the middle of `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App) {
    overlay(
        frame,
        screen,
        help_lines(app.lang, app.theme),
        app.help_scroll,
        app.lang,
        app.theme,
    );
}
