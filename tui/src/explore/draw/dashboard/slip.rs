//! The dashboard's planned-against-actual lines: the roadmap's average
//! slip and how many milestones it rests on, then each axis with a
//! measured one ([`crate::widgets::slip`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::explore::state::App;
use crate::terminal::cells::fit;
use crate::text::Text;
use crate::widgets::slip;

use super::{Data, render_lines};

/// Lines the section wants: the heading, the overall line, one per axis.
pub(super) fn slip_height(data: &Data<'_>) -> usize {
    1 + data.slip.overall_lines().count() + data.slip.axes.len()
}

/// The heading, the overall line, then the axes as many as fit (the last
/// line saying how many are left out).
pub(super) fn draw_slip(buf: &mut Buffer, area: Rect, app: &App, data: &Data<'_>) {
    let room = usize::from(area.width);
    let mut lines = vec![Line::styled(
        Text::PlannedVsActual.get(data.lang),
        app.theme.heading(),
    )];
    lines.extend(
        data.slip
            .overall_lines()
            .map(|text| Line::raw(fit(text, room))),
    );
    let rows = usize::from(area.height).saturating_sub(lines.len());
    let axes = &data.slip.axes;
    let shown = if rows >= axes.len() {
        axes.len()
    } else {
        rows.saturating_sub(1)
    };
    for (label, figure) in axes.iter().take(shown) {
        lines.push(Line::raw(slip::axis_line(label, figure, room)));
    }
    if shown < axes.len() && rows > 0 {
        lines.push(Line::styled(
            format!("… +{}", axes.len() - shown),
            app.theme.muted(),
        ));
    }
    render_lines(buf, area, &lines);
}
