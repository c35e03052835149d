//! The timeline pane (and the presenter's timeline slide): the Gantt view
//! painted from `roadmap_core::layout`.
//!
//! Core decides where everything goes (scale, ticks, lanes, hit tests);
//! this pane only turns x into cells and paints. A row label column sits
//! on the left, the time axis on top, then one line per layout row. Only
//! the rows on screen are painted (`bars_in`/`markers_in` on the visible
//! row range), so a 10,000-milestone roadmap draws as fast as a small one.
//!
//! Glyphs: a mission bar is `█` for the done share and `░` for the rest,
//! `▒` when its progress is unknown, with its status symbol at its start
//! and `◀`/`▶` where it runs past the window. A day milestone is its status
//! symbol; an imprecise one (month, quarter…) is a bracket `├─✔─┤` over
//! the whole period it names, so precision shows without colour.

use std::collections::HashSet;
use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Block;
use roadmap_core::{
    Bar, DateSpan, Day, FuzzyDate, ItemKey, ItemRef, Language, LayoutOptions, Marker, Roadmap,
    RowKind, TickScale, TimeWindow, TimelineLayout,
};

use super::pane_block;
use crate::app::{App, Pane};
use crate::cells::{fit, pad, width, width_u16};
use crate::text::Text;
use crate::theme::ThemeKind;

/// The done share of a progress bar (also used by the dashboard).
pub const DONE: char = '█';
/// The share still to do of a progress bar (also used by the dashboard).
pub const TO_DO: char = '░';
/// A bar whose progress the sources do not give: no share is drawn
/// (also used by the presenter's gauges).
pub const UNKNOWN_PROGRESS: char = '▒';

/// Where the parts of the pane are on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Geometry {
    /// Row labels, level with `body`.
    labels: Rect,
    /// Tick labels, then (when there is room) the tick rule.
    header: Rect,
    /// Bars and markers, one line per layout row.
    body: Rect,
}

impl Geometry {
    /// Splits the pane `area` (borders included): a label column of about
    /// 28 % of the width (12 cells at least, half the width at most) and
    /// the time area to its right, under a one- or two-line header.
    fn new(area: Rect) -> Geometry {
        let inner = area.inner(Margin::new(1, 1));
        let share = (u32::from(inner.width) * 28 / 100) as u16;
        let label_width = share.max(12).min(inner.width / 2);
        let header_height = if inner.height >= 6 {
            2
        } else {
            inner.height.min(1)
        };
        let time_x = inner.x + label_width;
        let time_width = inner.width - label_width;
        let body_y = inner.y + header_height;
        let body_height = inner.height - header_height;
        Geometry {
            labels: Rect::new(inner.x, body_y, label_width, body_height),
            header: Rect::new(time_x, inner.y, time_width, header_height),
            body: Rect::new(time_x, body_y, time_width, body_height),
        }
    }
}

/// What a timeline shows and how, whoever draws it: the explorer's pane
/// (with its filters and selection) or the presenter's timeline slide.
#[derive(Debug, Clone, Copy)]
pub struct Scene<'a> {
    /// The roadmap drawn.
    pub roadmap: &'a Roadmap,
    /// The days shown.
    pub window: TimeWindow,
    /// The items the filters keep; `None` keeps all.
    pub keep: Option<&'a HashSet<ItemKey>>,
    /// The item drawn in the selection style, and kept in view.
    pub selected: Option<ItemKey>,
    /// Tick labels' language.
    pub lang: Language,
    /// The today line, and what is late.
    pub today: Day,
    /// Colours.
    pub theme: ThemeKind,
}

impl<'a> Scene<'a> {
    /// The core layout of this scene for a time area `width` cells wide.
    pub fn layout(&self, width: u16) -> TimelineLayout<'a> {
        let options = LayoutOptions::for_cells(f64::from(width), self.lang, self.today);
        let keep = |key: ItemKey| self.keep.is_none_or(|k| k.contains(&key));
        TimelineLayout::filtered(self.roadmap, self.window, &options, &keep)
    }
}

/// What draw and hit testing share: the geometry, the layout for the time
/// area's width, and the layout rows on screen.
struct View<'a> {
    scene: &'a Scene<'a>,
    geometry: Geometry,
    layout: TimelineLayout<'a>,
    visible: Range<usize>,
    /// The row of the selected item, if placed.
    selected_row: Option<usize>,
}

impl<'a> View<'a> {
    fn new(scene: &'a Scene<'a>, area: Rect) -> View<'a> {
        let geometry = Geometry::new(area);
        let layout = scene.layout(geometry.body.width);
        View::place(scene, geometry, layout)
    }

    /// The view of `layout` (made for `geometry`'s width) in `geometry`.
    fn place(scene: &'a Scene<'a>, geometry: Geometry, layout: TimelineLayout<'a>) -> View<'a> {
        let selected = scene.selected;
        let selected_row = selected.and_then(|key| layout.row_of(key));
        let near_selection = selected.and_then(|key| row_near(&layout, key));
        let height = usize::from(geometry.body.height);
        let offset = scroll_offset(near_selection, layout.rows.len(), height);
        let visible = offset..(offset + height).min(layout.rows.len());
        View {
            scene,
            geometry,
            layout,
            visible,
            selected_row,
        }
    }

    /// The screen line of layout row `row`.
    fn line_of(&self, row: usize) -> u16 {
        self.geometry.body.y + (row - self.visible.start) as u16
    }
}

/// The row showing `key`; for an undated mission or its milestones, the
/// row of its axis, so the view still scrolls to where the selection is.
fn row_near(layout: &TimelineLayout<'_>, key: ItemKey) -> Option<usize> {
    layout.row_of(key).or_else(|| match key {
        ItemKey::Mission(a, _) | ItemKey::Milestone(a, ..) | ItemKey::Indicator(a, ..) => {
            layout.row_of(ItemKey::Axis(a))
        }
        ItemKey::Axis(_) | ItemKey::Review(_) => None,
    })
}

/// The first layout row on screen, from the selection alone (no scroll
/// state): the view moves by thirds of its height so that the selected
/// row stays in the middle third, except near the ends.
fn scroll_offset(selected: Option<usize>, rows: usize, height: usize) -> usize {
    if height == 0 || rows <= height {
        return 0;
    }
    let selected = selected.unwrap_or(0).min(rows - 1);
    let offset = if height < 3 {
        selected + 1 - height
    } else {
        let step = height / 3;
        selected.saturating_sub(step) / step * step
    };
    offset.min(rows - height)
}

/// The cells a span `x0..x1` covers in a time area `width` cells wide:
/// those whose middle lies in the span, and at least one.
fn cells(x0: f64, x1: f64, width: u16) -> Range<u16> {
    if width == 0 {
        return 0..0;
    }
    let last = f64::from(width - 1);
    let start = (x0 - 0.5).ceil().clamp(0.0, last) as u16;
    let end = ((x1 - 0.5).ceil().clamp(0.0, last + 1.0) as u16).max(start + 1);
    start..end
}

/// The cell of a point at `x`.
fn point_cell(x: f64, width: u16) -> u16 {
    x.floor().clamp(0.0, f64::from(width.saturating_sub(1))) as u16
}

/// How many of `len` cells show `percent` done: rounded, but never all of
/// them before 100 % nor none after 0 %, so the bar never claims more (or
/// less) than the data.
pub fn done_cells(percent: f64, len: usize) -> usize {
    let percent = percent.clamp(0.0, 100.0);
    let mut done = (percent / 100.0 * len as f64).round() as usize;
    if percent > 0.0 {
        done = done.max(1);
    }
    if percent < 100.0 {
        done = done.min(len.saturating_sub(1));
    }
    done.min(len)
}

/// The window's span in words at the tick scale's precision, e.g.
/// "T1 2019 → T4 2021".
fn window_words(window: TimeWindow, scale: TickScale, lang: Language) -> String {
    let date = |day: Day| {
        let (year, month) = (day.year(), u8::from(day.month()));
        match scale {
            TickScale::Years => FuzzyDate::new(DateSpan::Year(year)),
            TickScale::Quarters => FuzzyDate::new(DateSpan::Quarter(year, month.div_ceil(3))),
            TickScale::Months if window.days() > 62 => FuzzyDate::new(DateSpan::Month(year, month)),
            TickScale::Months => FuzzyDate::day(day),
        }
    };
    let (start, end) = (
        date(window.start()).render(lang),
        date(window.end()).render(lang),
    );
    if start == end {
        start
    } else {
        format!("{start} → {end}")
    }
}

/// Draws the explorer's timeline pane in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_scene(frame, area, &app.timeline_scene(), false, |title| {
        pane_block(app, Pane::Timeline, title)
    });
}

/// Draws `scene` in `area`, framed by the block `frame_for` makes of the
/// title ("Timeline — T1 2019 → T4 2021"); with `fit_rows`, the frame
/// ends under the last row when that leaves `area` unfilled.
pub fn draw_scene(
    frame: &mut Frame,
    area: Rect,
    scene: &Scene<'_>,
    fit_rows: bool,
    frame_for: impl FnOnce(&str) -> Block<'static>,
) {
    let mut view = View::new(scene, area);
    let mut area = area;
    if fit_rows {
        let chrome = area.height - view.geometry.body.height;
        let rows = u16::try_from(view.layout.rows.len()).unwrap_or(u16::MAX);
        area.height = area.height.min(rows.saturating_add(chrome));
        view = View::place(scene, Geometry::new(area), view.layout);
    }
    let words = window_words(scene.window, view.layout.tick_scale, scene.lang);
    let title = format!("{} — {words}", Text::Timeline.get(scene.lang));
    frame.render_widget(frame_for(&title), area);
    if view.geometry.body.width == 0 || view.geometry.header.height == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    draw_header(buf, &view);
    draw_labels(buf, &view);
    draw_body(buf, &view);
}

/// Tick labels at their x (years emphasised, none overwriting another),
/// then the rule with tick marks and today's mark and word.
fn draw_header(buf: &mut Buffer, view: &View<'_>) {
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
fn draw_labels(buf: &mut Buffer, view: &View<'_>) {
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
                let status = match roadmap.get(key) {
                    Some(ItemRef::Mission(_, mission)) => Some(mission.effective_status(today)),
                    _ => None,
                };
                let lead = status.map_or_else(|| "  ".to_owned(), |s| format!(" {} ", s.symbol()));
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

/// Year lines, the today line, then span markers' rules, bars, span
/// markers' ends, point markers, and the selected item on top.
fn draw_body(buf: &mut Buffer, view: &View<'_>) {
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
    let start = cells(bar.x0, bar.x1, body.width).start + u16::from(first.is_some());
    put(buf, body.x + start, y, bar.status.symbol(), style);
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

/// Writes a one-cell character in `style` alone (nothing kept from what
/// the cell held, e.g. the today line's bold under a bar).
fn put(buf: &mut Buffer, x: u16, y: u16, symbol: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(symbol).set_style(Style::reset().patch(style));
    }
}

/// The item drawn at `column`, `row` of the screen, for mouse clicks: the
/// row's item in the label column, the layout's hit test in the time area.
pub fn item_at(app: &App, area: Rect, column: u16, row: u16) -> Option<ItemKey> {
    let scene = app.timeline_scene();
    let view = View::new(&scene, area);
    let Geometry { labels, body, .. } = view.geometry;
    if !(body.y..body.bottom()).contains(&row) {
        return None;
    }
    let index = view.visible.start + usize::from(row - body.y);
    if !view.visible.contains(&index) {
        return None;
    }
    if (labels.x..labels.right()).contains(&column) {
        return view.layout.rows[index].key;
    }
    if (body.x..body.right()).contains(&column) {
        return view.layout.item_at(f64::from(column - body.x) + 0.5, index);
    }
    None
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Size;
    use roadmap_core::{Format, load};

    use super::*;
    use crate::app::{Msg, Tab};
    use crate::theme::ThemeKind;

    #[test]
    fn the_selected_row_stays_in_the_middle_third() {
        // Everything fits: no scrolling.
        assert_eq!(scroll_offset(Some(5), 10, 10), 0);
        assert_eq!(scroll_offset(None, 100, 12), 0);
        // Near the top the view does not move.
        assert_eq!(scroll_offset(Some(7), 100, 12), 0);
        for selected in 0..100 {
            let offset = scroll_offset(Some(selected), 100, 12);
            assert!(
                (offset..offset + 12).contains(&selected),
                "{selected} at {offset}"
            );
            if (4..88).contains(&selected) {
                assert!(
                    (4..8).contains(&(selected - offset)),
                    "{selected} at {offset}"
                );
            }
        }
        // The last page is full.
        assert_eq!(scroll_offset(Some(99), 100, 12), 88);
        // Tiny heights still show the selection.
        assert_eq!(scroll_offset(Some(50), 100, 1), 50);
        assert_eq!(scroll_offset(Some(50), 100, 2), 49);
        assert_eq!(scroll_offset(Some(500), 100, 2), 98);
    }

    #[test]
    fn spans_cover_the_cells_whose_middle_they_hold() {
        assert_eq!(cells(0.0, 10.0, 80), 0..10);
        assert_eq!(cells(2.4, 5.6, 80), 2..6);
        assert_eq!(cells(2.6, 5.4, 80), 3..5);
        // At least one cell, even for a sliver or at the right edge.
        assert_eq!(cells(7.1, 7.2, 80), 7..8);
        assert_eq!(cells(80.0, 80.0, 80), 79..80);
        assert_eq!(cells(-3.0, 200.0, 80), 0..80);
        assert_eq!(cells(0.0, 5.0, 0), 0..0);
        assert_eq!(point_cell(7.9, 80), 7);
        assert_eq!(point_cell(80.0, 80), 79);
    }

    #[test]
    fn progress_fill_never_claims_more_than_the_data() {
        assert_eq!(done_cells(0.0, 10), 0);
        assert_eq!(done_cells(50.0, 10), 5);
        assert_eq!(done_cells(100.0, 10), 10);
        assert_eq!(done_cells(1.0, 10), 1);
        assert_eq!(done_cells(99.0, 10), 9);
        assert_eq!(done_cells(50.0, 1), 0);
        assert_eq!(done_cells(100.0, 1), 1);
        assert_eq!(done_cells(100.0, 0), 0);
    }

    #[test]
    fn clip_arrows_leave_room_for_the_status() {
        assert_eq!(ends(0..5, true, true), (Some(0), Some(4)));
        assert_eq!(ends(0..2, true, true), (Some(0), None));
        assert_eq!(ends(3..5, false, true), (None, Some(4)));
        assert_eq!(ends(3..4, true, true), (None, None));
    }

    #[test]
    fn the_window_is_named_at_the_tick_precision() {
        let day = |text: &str| text.parse::<FuzzyDate>().expect("valid date").first_day();
        let window = TimeWindow::new(day("2019-01-01"), day("2021-12-31"));
        assert_eq!(
            window_words(window, TickScale::Quarters, Language::Fr),
            "T1 2019 → T4 2021"
        );
        assert_eq!(
            window_words(window, TickScale::Years, Language::En),
            "2019 → 2021"
        );
        let week = TimeWindow::new(day("2020-05-04"), day("2020-05-10"));
        assert_eq!(
            window_words(week, TickScale::Months, Language::Fr),
            "4 mai 2020 → 10 mai 2020"
        );
    }

    fn tech_gouv(width: u16, height: u16) -> App {
        let bundled = crate::bundled::TECH_GOUV;
        let roadmap = load(bundled.file, bundled.text.as_bytes(), Format::Toml)
            .expect("Tech.gouv loads")
            .roadmap;
        let today = "2020-06-15"
            .parse::<FuzzyDate>()
            .expect("valid date")
            .first_day();
        let tab = Tab::new(bundled.file.to_owned(), roadmap, today);
        let mut app = App::new(
            vec![tab],
            Language::Fr,
            today,
            ThemeKind::NoColor,
            Size::new(width, height),
        );
        app.update(Msg::ShowPane(Pane::Timeline));
        app
    }

    #[test]
    fn clicks_map_to_what_is_drawn_there() {
        let app = tech_gouv(100, 40);
        let area = Rect::new(0, 0, 100, 40);
        let scene = app.timeline_scene();
        let view = View::new(&scene, area);
        let Geometry {
            labels,
            header,
            body,
        } = view.geometry;
        assert_eq!((labels.width, body.x, header.height), (27, 28, 2));
        // The first line under the header is axis 1's header.
        assert_eq!(item_at(&app, area, 5, body.y), Some(ItemKey::Axis(0)));
        assert_eq!(
            item_at(&app, area, body.x + 3, body.y),
            Some(ItemKey::Axis(0))
        );
        // Its first mission's label, then a milestone drawn on its lane.
        assert_eq!(
            item_at(&app, area, 5, body.y + 1),
            Some(ItemKey::Mission(0, 0))
        );
        let marker = view
            .layout
            .markers_in(1..2)
            .first()
            .expect("a milestone on lane 1");
        let column = if marker.is_point() {
            point_cell(marker.x0, body.width)
        } else {
            cells(marker.x0, marker.x1, body.width).start
        };
        assert_eq!(
            item_at(&app, area, body.x + column, body.y + 1),
            Some(marker.key)
        );
        // Header, borders and the space past the last row hit nothing.
        assert_eq!(item_at(&app, area, body.x + 3, header.y), None);
        assert_eq!(item_at(&app, area, 0, body.y), None);
        assert_eq!(item_at(&app, area, 99, body.y), None);
        let past = view.line_of(view.visible.end);
        if past < body.bottom() {
            assert_eq!(item_at(&app, area, 5, past), None);
        }
    }

    #[test]
    fn clicks_follow_the_scroll_of_the_selection() {
        let mut app = tech_gouv(100, 16);
        let area = Rect::new(0, 0, 100, 16);
        // The last outline row the timeline places (the very last ones
        // are undated).
        app.update(Msg::Bottom);
        for _ in 0..40 {
            if View::new(&app.timeline_scene(), area)
                .selected_row
                .is_some()
            {
                break;
            }
            app.update(Msg::Up);
        }
        let scene = app.timeline_scene();
        let view = View::new(&scene, area);
        assert!(view.visible.start > 0, "the view scrolled down");
        let selected = view.selected_row.expect("the selection is placed");
        assert!(view.visible.contains(&selected));
        let line = view.line_of(selected);
        let key = view.layout.rows[selected].key;
        assert!(key.is_some());
        assert_eq!(item_at(&app, area, 3, line), key);
        // An undated mission scrolls to its axis but highlights no row.
        app.update(Msg::Bottom);
        let scene = app.timeline_scene();
        let view = View::new(&scene, area);
        if view.selected_row.is_none() {
            assert_eq!(view.visible.end, view.layout.rows.len());
        }
    }
}
