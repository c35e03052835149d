//! Painting a placed timeline view cell by cell: the tick labels and
//! rule, the row labels, then bars and markers of the rows on screen, over
//! the ghosts of moved plans and the selected item's dependency lines.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use roadmap_core::{Bar, Connector, ItemRef, Marker, RowKind, Status};

use super::{Scene, View, cells, point_cell};
use crate::terminal::cells::{fit, pad, width, width_u16};
use crate::text::Text;
use crate::widgets::progress::{DONE, TO_DO, UNKNOWN_PROGRESS, done_cells};

/// Tick labels at their x (years emphasised, none overwriting another),
/// then the rule with tick marks and today's mark and word.
pub(super) fn header(buf: &mut Buffer, view: &View<'_>) {
    let header = view.geometry.header;
    let theme = view.scene.theme;
    let mut free_from = 0;
    for tick in &view.layout.ticks {
        let column = cells(tick.x, tick.x, header.width).start;
        let width = width_u16(&tick.label);
        if column < free_from || column.saturating_add(width) > header.width {
            continue;
        }
        let style = if tick.major {
            theme.heading()
        } else {
            theme.muted()
        };
        buf.set_stringn(
            header.x + column,
            header.y,
            &tick.label,
            usize::from(width),
            style,
        );
        free_from = column.saturating_add(width).saturating_add(1);
    }
    if header.height < 2 {
        return;
    }
    let y = header.y + 1;
    buf.set_string(
        header.x,
        y,
        "─".repeat(usize::from(header.width)),
        theme.muted(),
    );
    for tick in &view.layout.ticks {
        let column = cells(tick.x, tick.x, header.width).start;
        let style = if tick.major {
            theme.heading()
        } else {
            theme.muted()
        };
        put(buf, header.x + column, y, '┬', style);
    }
    let Some(today_x) = view.layout.today_x else {
        return;
    };
    let column = point_cell(today_x, header.width);
    put(buf, header.x + column, y, '▼', theme.today());
    // The word goes right of the mark, or left when it does not fit or
    // would hide a year's tick mark that the left side leaves visible.
    let word = format!(" {} ", Text::Today.get(view.scene.lang));
    let width = width_u16(&word);
    let right = (column + 1 + width <= header.width).then_some(column + 1);
    let left = (width <= column).then(|| column - width);
    let hides_a_year = |start: u16| {
        view.layout.ticks.iter().any(|t| {
            t.major && (start..start + width).contains(&cells(t.x, t.x, header.width).start)
        })
    };
    let start = match (right, left) {
        (Some(right), Some(left)) if hides_a_year(right) && !hides_a_year(left) => Some(left),
        (right, left) => right.or(left),
    };
    if let Some(start) = start {
        buf.set_string(header.x + start, y, &word, theme.today());
    }
}

/// Row labels: axis headers numbered in the heading style, mission lanes
/// indented after their status symbol (which milestones may hide on the
/// bar); the selected item's row in the selection style.
pub(super) fn labels(buf: &mut Buffer, view: &View<'_>) {
    let labels = view.geometry.labels;
    let label_room = usize::from(labels.width.saturating_sub(1));
    let Scene {
        roadmap,
        today,
        theme,
        ..
    } = *view.scene;
    for index in view.visible.clone() {
        let row = &view.layout.rows[index];
        let y = view.line_of(index);
        let selected = view.selected_row == Some(index);
        let (lead, text, style) = match (row.kind, row.key) {
            (RowKind::Axis, _) => {
                let number = format!("{}. ", row.axis + 1);
                (
                    String::new(),
                    format!("{number}{}", row.label),
                    theme.heading(),
                )
            }
            (RowKind::Lane, Some(key)) => {
                // The status symbol, with the stale mark as in the outline.
                let report = match roadmap.get(key) {
                    Some(item @ ItemRef::Mission(..)) => roadmap.status_report(item, today),
                    _ => None,
                };
                let status = report.map(|r| r.status);
                let lead = report.map_or_else(|| "  ".to_owned(), |r| format!(" {} ", r.symbols()));
                let style = match status {
                    _ if selected => theme.selected(),
                    Some(status) => theme.status(status),
                    None => Style::new(),
                };
                buf.set_stringn(labels.x, y, &lead, label_room, style);
                (lead, row.label.to_owned(), Style::new())
            }
            (RowKind::Lane, None) => ("  ".to_owned(), "…".to_owned(), theme.muted()),
        };
        let x = labels.x.saturating_add(width_u16(&lead));
        let room = label_room.saturating_sub(width(&lead));
        let (text, style) = if selected {
            (pad(&text, room), theme.selected())
        } else {
            (fit(&text, room), style)
        };
        buf.set_stringn(x, y, &text, room, style);
    }
}

/// Year lines, the today line, then span markers' rules, bars, the
/// ghosts of moved plans, the selected item's dependency lines, span
/// markers' ends, point markers, and the selected item on top.
pub(super) fn body(buf: &mut Buffer, view: &View<'_>) {
    let body = view.geometry.body;
    let theme = view.scene.theme;
    let lines = view.line_of(view.visible.start)..view.line_of(view.visible.end);
    for tick in view.layout.ticks.iter().filter(|t| t.major) {
        let column = body.x + cells(tick.x, tick.x, body.width).start;
        for y in lines.clone() {
            put(buf, column, y, '┊', theme.muted());
        }
    }
    if let Some(today_x) = view.layout.today_x {
        let column = body.x + point_cell(today_x, body.width);
        for y in lines {
            put(buf, column, y, '│', theme.today());
        }
    }
    let bars = view.layout.bars_in(view.visible.clone());
    let markers = view.layout.markers_in(view.visible.clone());
    let spans = || markers.iter().filter(|m| !m.is_point());
    for marker in spans() {
        draw_span_rule(buf, view, marker, theme.status(marker.status));
    }
    for bar in bars {
        draw_bar(buf, view, bar, theme.status(bar.status));
    }
    // Over the bars, under the milestones: the plans that moved (so that
    // what happened is drawn over them), then the selected item's
    // dependency lines.
    for marker in markers {
        draw_ghost(buf, view, marker, theme.muted().add_modifier(Modifier::DIM));
    }
    if let Some(selected) = view.scene.selected {
        for connector in view.layout.connectors(view.scene.roadmap, selected) {
            let style = if connector.late {
                theme.status(Status::Late)
            } else {
                theme.heading()
            };
            draw_connector(buf, view, &connector, style);
        }
    }
    // A bar's status stays readable over what was drawn since.
    for bar in bars {
        draw_bar_status(buf, view, bar, theme.status(bar.status));
    }
    for marker in spans() {
        draw_marker(buf, view, marker, theme.status(marker.status));
    }
    for marker in markers.iter().filter(|m| m.is_point()) {
        draw_marker(buf, view, marker, theme.status(marker.status));
    }
    let Some(selected) = view.scene.selected else {
        return;
    };
    let stand_out = theme.selected();
    if let Some(bar) = bars.iter().find(|b| b.key == selected) {
        // Restyled, not redrawn: its milestones stay visible on it.
        let range = cells(bar.x0, bar.x1, body.width);
        let area = Rect::new(
            body.x + range.start,
            view.line_of(bar.row),
            range.len() as u16,
            1,
        );
        buf.set_style(area, stand_out);
    }
    if let Some(marker) = markers.iter().find(|m| m.key == selected) {
        draw_span_rule(buf, view, marker, stand_out);
        draw_marker(buf, view, marker, stand_out);
    }
}

/// A mission bar: progress fill, status symbol first, clip arrows.
fn draw_bar(buf: &mut Buffer, view: &View<'_>, bar: &Bar<'_>, style: Style) {
    let body = view.geometry.body;
    let y = view.line_of(bar.row);
    let range = cells(bar.x0, bar.x1, body.width);
    let done = bar.progress.map(|p| done_cells(p, range.len()));
    for (i, column) in range.clone().enumerate() {
        let fill = match done {
            Some(done) if i < done => DONE,
            Some(_) => TO_DO,
            None => UNKNOWN_PROGRESS,
        };
        put(buf, body.x + column, y, fill, style);
    }
    let (first, last) = ends(range, bar.clipped_start, bar.clipped_end);
    if let Some(column) = first {
        put(buf, body.x + column, y, '◀', style);
    }
    if let Some(column) = last {
        put(buf, body.x + column, y, '▶', style);
    }
    draw_bar_status(buf, view, bar, style);
}

/// A bar's status symbol at its start, after its clip arrow.
fn draw_bar_status(buf: &mut Buffer, view: &View<'_>, bar: &Bar<'_>, style: Style) {
    let body = view.geometry.body;
    let range = cells(bar.x0, bar.x1, body.width);
    let (first, _) = ends(range.clone(), bar.clipped_start, bar.clipped_end);
    let start = range.start + u16::from(first.is_some());
    put(
        buf,
        body.x + start,
        view.line_of(bar.row),
        bar.status.symbol(),
        style,
    );
}

/// The clip arrows' cells of a span over `range`, when the span keeps at
/// least one cell for its status symbol.
fn ends(range: Range<u16>, clipped_start: bool, clipped_end: bool) -> (Option<u16>, Option<u16>) {
    let mut room = range.len();
    let first = (clipped_start && room >= 2).then(|| {
        room -= 1;
        range.start
    });
    let last = (clipped_end && room >= 2).then_some(range.end - 1);
    (first, last)
}

/// The rule inside an imprecise milestone's bracket.
fn draw_span_rule(buf: &mut Buffer, view: &View<'_>, marker: &Marker<'_>, style: Style) {
    if marker.is_point() {
        return;
    }
    let body = view.geometry.body;
    let y = view.line_of(marker.row);
    for column in cells(marker.x0, marker.x1, body.width) {
        put(buf, body.x + column, y, '─', style);
    }
}

/// A milestone: its status symbol at a day's x, or a bracket over the
/// period an imprecise date names (a lone symbol, underlined, when the
/// period is a single cell wide).
fn draw_marker(buf: &mut Buffer, view: &View<'_>, marker: &Marker<'_>, style: Style) {
    let body = view.geometry.body;
    let y = view.line_of(marker.row);
    let symbol = marker.status.symbol();
    if marker.is_point() {
        let column = point_cell(marker.x0, body.width);
        put(
            buf,
            body.x + column,
            y,
            symbol,
            style.add_modifier(Modifier::BOLD),
        );
        return;
    }
    let range = cells(marker.x0, marker.x1, body.width);
    if range.len() == 1 {
        put(
            buf,
            body.x + range.start,
            y,
            symbol,
            style.add_modifier(Modifier::UNDERLINED),
        );
        return;
    }
    let open = if marker.clipped_start { '◀' } else { '├' };
    let close = if marker.clipped_end { '▶' } else { '┤' };
    let (start, end) = (range.start, range.end - 1);
    if range.len() == 2 {
        put(buf, body.x + start, y, symbol, style);
    } else {
        put(buf, body.x + start, y, open, style);
        put(buf, body.x + start + 1, y, symbol, style);
    }
    put(buf, body.x + end, y, close, style);
}

/// A moved milestone's original plan, faint and dotted: `╎┄┄╎` over the
/// period it named, `◇` for a day.
fn draw_ghost(buf: &mut Buffer, view: &View<'_>, marker: &Marker<'_>, style: Style) {
    let Some(ghost) = marker.planned else {
        return;
    };
    let body = view.geometry.body;
    let y = view.line_of(marker.row);
    if ghost.is_point() {
        put(
            buf,
            body.x + point_cell(ghost.x0, body.width),
            y,
            '◇',
            style,
        );
        return;
    }
    let range = cells(ghost.x0, ghost.x1, body.width);
    for column in range.clone() {
        put(buf, body.x + column, y, '┄', style);
    }
    if range.len() >= 2 {
        if !ghost.clipped_start {
            put(buf, body.x + range.start, y, '╎', style);
        }
        if !ghost.clipped_end {
            put(buf, body.x + range.end - 1, y, '╎', style);
        }
    }
}

/// The glyphs of a dependency line: light when the order holds, heavy
/// when the earlier item ends after the later one starts, so the flag
/// shows without colour.
struct LineGlyphs {
    across: char,
    down: char,
    /// Corners: from the left turning down, from the left turning up,
    /// from above turning right, from below turning right, from above
    /// turning left, from below turning left.
    corners: [char; 6],
}

const LIGHT: LineGlyphs = LineGlyphs {
    across: '─',
    down: '│',
    corners: ['╮', '╯', '╰', '╭', '╯', '╮'],
};

const HEAVY: LineGlyphs = LineGlyphs {
    across: '━',
    down: '┃',
    corners: ['┓', '┛', '┗', '┏', '┛', '┓'],
};

/// A dependency line from the end of the earlier item to the start of the
/// later one: down (or up) the column just past the earlier one's end,
/// then along the later one's row to its start, ending in an arrow. Rows
/// off screen and columns past the edges are clipped, not drawn.
fn draw_connector(buf: &mut Buffer, view: &View<'_>, connector: &Connector, style: Style) {
    let body = view.geometry.body;
    let glyphs = if connector.late { &HEAVY } else { &LIGHT };
    let (from_x, from_row) = connector.from;
    let (to_x, to_row) = connector.to;
    // The first cell past the earlier item's end, and the later one's first.
    let column = cells(from_x, from_x, body.width).start;
    let target = cells(to_x, to_x, body.width).start;
    // The screen line of a layout row, when it is on screen.
    let line = |row: usize| view.visible.contains(&row).then(|| view.line_of(row));
    let at = |buf: &mut Buffer, x: u16, row: usize, symbol: char| {
        if let Some(y) = line(row) {
            put(buf, body.x + x, y, symbol, style);
        }
    };
    if from_row != to_row {
        let down = to_row > from_row;
        at(buf, column, from_row, glyphs.corners[usize::from(!down)]);
        let between = if down {
            from_row + 1..to_row
        } else {
            to_row + 1..from_row
        };
        for row in between {
            at(buf, column, row, glyphs.down);
        }
    }
    let corner = match (from_row == to_row, to_row > from_row, target > column) {
        (true, ..) => glyphs.across,
        (false, true, true) => glyphs.corners[2],
        (false, false, true) => glyphs.corners[3],
        (false, true, false) => glyphs.corners[4],
        (false, false, false) => glyphs.corners[5],
    };
    if target == column {
        // Straight above or below the later item's start: an arrow ends it.
        if from_row != to_row {
            let arrow = if to_row > from_row { '↓' } else { '↑' };
            let before = if to_row > from_row {
                to_row.checked_sub(1)
            } else {
                Some(to_row + 1)
            };
            if let Some(row) = before.filter(|r| *r != from_row) {
                at(buf, column, row, arrow);
            }
        }
        return;
    }
    at(buf, column, to_row, corner);
    if target > column {
        for x in column + 1..target {
            at(buf, x, to_row, glyphs.across);
        }
        if target > column + 1 {
            at(buf, target - 1, to_row, '→');
        }
    } else {
        for x in target + 1..column {
            at(buf, x, to_row, glyphs.across);
        }
    }
}

/// Writes a one-cell character in `style` alone (nothing kept from what
/// the cell held, e.g. the today line's bold under a bar).
fn put(buf: &mut Buffer, x: u16, y: u16, symbol: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(symbol).set_style(Style::reset().patch(style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_arrows_leave_room_for_the_status() {
        assert_eq!(ends(0..5, true, true), (Some(0), Some(4)));
        assert_eq!(ends(0..2, true, true), (Some(0), None));
        assert_eq!(ends(3..5, false, true), (None, Some(4)));
        assert_eq!(ends(3..4, true, true), (None, None));
    }
}
