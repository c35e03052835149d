//! The detail pane: everything about the selected item.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::pane_block;
use crate::app::{App, Pane};
use crate::text::Text;

/// Draws the detail of the selected item in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, Pane::Detail, Text::Detail.get(app.lang));
    frame.render_widget(block, area);
}
