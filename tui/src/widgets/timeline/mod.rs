//! The timeline as the explorer's pane and the presenter's timeline slide
//! both draw it: the Gantt view painted from `roadmap_core::layout`. This
//! module places the view ([`Scene`], the rows on screen, the hit test for
//! clicks); `paint` writes its cells.
//!
//! Core decides where everything goes (scale, ticks, lanes, hit tests);
//! this module only turns x into cells and paints. A row label column sits
//! on the left, the time axis on top, then one line per layout row. Only
//! the rows on screen are painted (`bars_in`/`markers_in` on the visible
//! row range), so a 10,000-milestone roadmap draws as fast as a small one.
//!
//! Glyphs: a mission bar is `█` for the done share and `░` for the rest,
//! `▒` when its progress is unknown, with its status symbol at its start
//! and `◀`/`▶` where it runs past the window. A day milestone is its status
//! symbol; an imprecise one (month, quarter…) is a bracket `├─✔─┤` over
//! the whole period it names, so precision shows without colour. A
//! milestone delivered or re-planned away from its plan keeps the ghost
//! of that plan under it, faint and dotted (`╎┄┄╎`, `◇` for a day).

mod paint;

use std::collections::HashSet;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Block;
use roadmap_core::{
    DateSpan, Day, FuzzyDate, ItemKey, Language, LayoutOptions, Roadmap, TickScale, TimeWindow,
    TimelineLayout,
};

use crate::terminal::theme::ThemeKind;
use crate::text::Text;

/// Where the parts of the pane are on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Geometry {
    /// Row labels, level with `body`.
    pub(super) labels: Rect,
    /// Tick labels, then (when there is room) the tick rule.
    pub(super) header: Rect,
    /// Bars and markers, one line per layout row.
    pub(super) body: Rect,
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
pub(super) struct View<'a> {
    pub(super) scene: &'a Scene<'a>,
    pub(super) geometry: Geometry,
    pub(super) layout: TimelineLayout<'a>,
    pub(super) visible: Range<usize>,
    /// The row of the selected item, if placed.
    pub(super) selected_row: Option<usize>,
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
    pub(super) fn line_of(&self, row: usize) -> u16 {
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
pub(super) fn cells(x0: f64, x1: f64, width: u16) -> Range<u16> {
    if width == 0 {
        return 0..0;
    }
    let last = f64::from(width - 1);
    let start = (x0 - 0.5).ceil().clamp(0.0, last) as u16;
    let end = ((x1 - 0.5).ceil().clamp(0.0, last + 1.0) as u16).max(start + 1);
    start..end
}

/// The cell of a point at `x`.
pub(super) fn point_cell(x: f64, width: u16) -> u16 {
    x.floor().clamp(0.0, f64::from(width.saturating_sub(1))) as u16
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
    paint::header(buf, &view);
    paint::labels(buf, &view);
    paint::body(buf, &view);
}

/// The item `scene` draws at `column`, `row` of the screen when drawn in
/// `area`, for mouse clicks: the row's item in the label column, the
/// layout's hit test in the time area.
pub fn item_at(scene: &Scene<'_>, area: Rect, column: u16, row: u16) -> Option<ItemKey> {
    let view = View::new(scene, area);
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
    use roadmap_core::{Format, load};

    use super::*;
    use crate::terminal::theme::ThemeKind;

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

    fn tech_gouv() -> Roadmap {
        let bundled = crate::files::bundled::TECH_GOUV;
        load(bundled.file, bundled.text.as_bytes(), Format::Toml)
            .expect("Tech.gouv loads")
            .roadmap
    }

    /// The timeline of `roadmap` over its whole span on 15 June 2020, with
    /// `selected` selected.
    fn scene(roadmap: &Roadmap, selected: Option<ItemKey>) -> Scene<'_> {
        let today = "2020-06-15"
            .parse::<FuzzyDate>()
            .expect("valid date")
            .first_day();
        Scene {
            roadmap,
            window: TimeWindow::around(roadmap),
            keep: None,
            selected,
            lang: Language::Fr,
            today,
            theme: ThemeKind::NoColor,
        }
    }

    #[test]
    fn clicks_map_to_what_is_drawn_there() {
        let roadmap = tech_gouv();
        let scene = scene(&roadmap, Some(ItemKey::Axis(0)));
        let area = Rect::new(0, 0, 100, 40);
        let view = View::new(&scene, area);
        let Geometry {
            labels,
            header,
            body,
        } = view.geometry;
        assert_eq!((labels.width, body.x, header.height), (27, 28, 2));
        // The first line under the header is axis 1's header.
        assert_eq!(item_at(&scene, area, 5, body.y), Some(ItemKey::Axis(0)));
        assert_eq!(
            item_at(&scene, area, body.x + 3, body.y),
            Some(ItemKey::Axis(0))
        );
        // Its first mission's label, then a milestone drawn on its lane.
        assert_eq!(
            item_at(&scene, area, 5, body.y + 1),
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
            item_at(&scene, area, body.x + column, body.y + 1),
            Some(marker.key)
        );
        // Header, borders and the space past the last row hit nothing.
        assert_eq!(item_at(&scene, area, body.x + 3, header.y), None);
        assert_eq!(item_at(&scene, area, 0, body.y), None);
        assert_eq!(item_at(&scene, area, 99, body.y), None);
        let past = view.line_of(view.visible.end);
        if past < body.bottom() {
            assert_eq!(item_at(&scene, area, 5, past), None);
        }
    }

    #[test]
    fn clicks_follow_the_scroll_of_the_selection() {
        let roadmap = tech_gouv();
        let area = Rect::new(0, 0, 100, 16);
        // The last mission the timeline places (the very last ones are
        // undated).
        let missions: Vec<ItemKey> = roadmap
            .axes()
            .iter()
            .enumerate()
            .flat_map(|(a, axis)| (0..axis.missions.len()).map(move |m| ItemKey::Mission(a, m)))
            .collect();
        let placed = missions
            .iter()
            .rev()
            .copied()
            .find(|&key| {
                View::new(&scene(&roadmap, Some(key)), area)
                    .selected_row
                    .is_some()
            })
            .expect("a placed mission");
        let scene_placed = scene(&roadmap, Some(placed));
        let view = View::new(&scene_placed, area);
        assert!(view.visible.start > 0, "the view scrolled down");
        let selected = view.selected_row.expect("the selection is placed");
        assert!(view.visible.contains(&selected));
        let line = view.line_of(selected);
        let key = view.layout.rows[selected].key;
        assert!(key.is_some());
        assert_eq!(item_at(&scene_placed, area, 3, line), key);
        // An undated mission scrolls to its axis but highlights no row.
        let last = scene(&roadmap, missions.last().copied());
        let view = View::new(&last, area);
        if view.selected_row.is_none() {
            assert_eq!(view.visible.end, view.layout.rows.len());
        }
    }

    /// A roadmap whose last mission needs the first, twenty lanes apart.
    fn far_apart() -> Roadmap {
        use std::fmt::Write as _;

        let mut text = String::from(
            "id = \"t\"\ntitle = \"T\"\norganisation = \"O\"\nlanguage = \"fr\"\n\
             published = \"2020\"\nperiod = { start = \"2020\", end = \"2020\" }\n\n\
             [[axes]]\nid = \"a\"\ntitle = \"A\"\n\n\
             [[axes.missions]]\nid = \"first\"\ntitle = \"First\"\nstart = \"2020-01\"\nend = \"2020-02\"\n",
        );
        for n in 0..20 {
            let _ = write!(
                text,
                "\n[[axes.missions]]\nid = \"m{n}\"\ntitle = \"M{n}\"\nstart = \"2020-04\"\nend = \"2020-05\"\n"
            );
        }
        text.push_str(
            "\n[[axes.missions]]\nid = \"last\"\ntitle = \"Last\"\nstart = \"2020-07\"\nend = \"2020-12\"\ndepends_on = [\"first\"]\n",
        );
        load("t.toml", text.as_bytes(), Format::Toml)
            .expect("valid")
            .roadmap
    }

    /// The body's characters, line by line.
    fn body_text(buf: &ratatui::buffer::Buffer, body: Rect) -> Vec<String> {
        (body.y..body.bottom())
            .map(|y| {
                (body.x..body.right())
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_link_to_a_row_off_screen_runs_to_the_edge() {
        let roadmap = far_apart();
        let last = ItemKey::Mission(0, 21);
        let scene = Scene {
            window: TimeWindow::new(
                "2020-01-01".parse::<FuzzyDate>().expect("day").first_day(),
                "2020-12-31".parse::<FuzzyDate>().expect("day").first_day(),
            ),
            ..scene(&roadmap, Some(last))
        };
        let area = Rect::new(0, 0, 60, 12);
        let view = View::new(&scene, area);
        assert!(view.visible.start > 1, "the first mission is off screen");
        let mut buf = ratatui::buffer::Buffer::empty(area);
        paint::body(&mut buf, &view);
        let lines = body_text(&buf, view.geometry.body);
        let row = view.selected_row.expect("placed") - view.visible.start;
        // The vertical line leaves the top edge in the column past February,
        // turns at the last mission's row and ends in an arrow before July.
        let column = lines[row].chars().position(|c| c == '╰').expect("a corner");
        for line in &lines[..row] {
            let at = line.chars().nth(column);
            assert!(matches!(at, Some('│' | '┊')), "{lines:#?}");
        }
        assert!(lines[0].chars().nth(column) == Some('│'), "{lines:#?}");
        assert!(lines[row].contains("─→"), "{lines:#?}");
    }

    #[test]
    fn links_are_clipped_at_every_size_without_panicking() {
        let roadmap = far_apart();
        for selected in [ItemKey::Mission(0, 0), ItemKey::Mission(0, 21)] {
            let scene = scene(&roadmap, Some(selected));
            for width in [1, 2, 13, 14, 20, 41] {
                for height in [1, 2, 3, 5, 8, 30] {
                    let area = Rect::new(0, 0, width, height);
                    let backend = ratatui::backend::TestBackend::new(width, height);
                    let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
                    terminal
                        .draw(|frame| {
                            draw_scene(frame, area, &scene, false, |_| Block::bordered());
                        })
                        .expect("drawn");
                }
            }
        }
    }
}
