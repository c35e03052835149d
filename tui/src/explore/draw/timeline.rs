//! The explorer's timeline pane: the shared timeline
//! ([`crate::widgets::timeline`]) of the current tab, with its filters and
//! selection, framed as a pane.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::pane_block;
use crate::explore::state::{App, Pane};
use crate::widgets::timeline::draw_scene;

/// Draws the explorer's timeline pane in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_scene(frame, area, &app.timeline_scene(), false, |title| {
        pane_block(app, Pane::Timeline, title)
    });
}
