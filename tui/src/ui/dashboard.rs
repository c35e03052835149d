//! The dashboard pane: progress per axis, counts by status, progress reviews.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::pane_block;
use crate::app::{App, Pane};
use crate::text::Text;

/// Draws the dashboard in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, Pane::Dashboard, Text::Dashboard.get(app.lang));
    frame.render_widget(block, area);
}
