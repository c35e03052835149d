//! The timeline pane: the Gantt view drawn from `roadmap_core::layout`.

use ratatui::Frame;
use ratatui::layout::Rect;
use roadmap_core::ItemKey;

use super::pane_block;
use crate::app::{App, Pane};
use crate::text::Text;

/// Draws the timeline in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, Pane::Timeline, Text::Timeline.get(app.lang));
    frame.render_widget(block, area);
}

/// The item drawn at `column`, `row` of the screen, for mouse clicks.
pub fn item_at(_app: &App, _area: Rect, _column: u16, _row: u16) -> Option<ItemKey> {
    None
}
