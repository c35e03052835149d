//! The timeline layout: where every tick, mission bar and milestone marker
//! of a roadmap falls, in the caller's unit (terminal cells or CSS pixels).
//! Both front ends only paint what [`TimelineLayout::new`] computes, so the
//! terminal and the web widget agree on scale, ticks, lanes and hit testing.
//!
//! One concept per module, each using only those listed before it: the
//! window and its scale (`window`), ticks and their labels (`ticks`), lane
//! packing (`lanes`), the rows' items with their days and rollups, which
//! do not depend on the window (`arrangement`), bars and markers clamped
//! to the window (`placement`), hit testing (`hit`), the selected item's
//! dependency lines (`connectors`) and runs of overlapping milestones
//! (`crowds`); this module puts them together. A front end that keeps an
//! [`Arrangement`] places it in each new window ([`TimelineLayout::place`]).

mod arrangement;
mod connectors;
mod crowds;
mod hit;
mod lanes;
mod placement;
mod ticks;
mod window;

#[cfg(test)]
#[cfg(feature = "full-loader")]
mod fixtures;

use std::ops::Range;

pub use arrangement::{Arrangement, RowKind};
pub use connectors::Connector;
pub use crowds::{Crowd, Crowding};
pub use lanes::Packing;
pub use placement::{Bar, Ghost, Marker, Row};
pub use ticks::{Tick, TickScale};
pub use window::{MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, Scale, TimeWindow};

use crate::dates::Day;
use crate::locale::Language;

/// `value` kept within `low..=high` (a NaN gives `low`). Not `f64::clamp`:
/// its panic message on `low > high` formats both floats, which would bring
/// the float printing code into the web widget's module.
pub fn clamped(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}
use crate::model::{ItemKey, Roadmap};
use placement::Placement;

/// What the caller asks of a layout; every length is in its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Width of the time area.
    pub width: f64,
    /// Language of the tick labels.
    pub language: Language,
    /// The day statuses and progress are computed for, and the today line.
    pub today: Day,
    /// How missions are given lanes.
    pub packing: Packing,
    /// Smallest distance between two tick labels' starts: the longest
    /// label ("janv.", "2020") and a space.
    pub min_label_gap: f64,
    /// How far from a marker a pointer still hits it.
    pub hit_tolerance: f64,
    /// Empty days required between two missions sharing a lane.
    pub pack_gap_days: u32,
}

impl LayoutOptions {
    /// Options for a terminal `width` cells wide: labels 6 cells apart, a
    /// hit tolerance of 1 cell, one lane per mission, 14 days between
    /// packed missions.
    pub fn for_cells(width: f64, language: Language, today: Day) -> Self {
        LayoutOptions {
            width,
            language,
            today,
            packing: Packing::OnePerMission,
            min_label_gap: 6.0,
            hit_tolerance: 1.0,
            pack_gap_days: 14,
        }
    }

    /// Options for a web page `width` CSS pixels wide: labels 48 px apart,
    /// a hit tolerance of 6 px, one lane per mission, 14 days between
    /// packed missions.
    pub fn for_pixels(width: f64, language: Language, today: Day) -> Self {
        LayoutOptions {
            min_label_gap: 48.0,
            hit_tolerance: 6.0,
            ..LayoutOptions::for_cells(width, language, today)
        }
    }
}

/// Everything a front end paints for one window and width.
///
/// Undated items are not placed (the outline lists them). Bars and markers
/// wholly outside the window are left out; those reaching past an edge are
/// clamped and flagged. Rows do not depend on the window. Bars and markers
/// are stored row by row, so the items of visible rows are one slice
/// ([`TimelineLayout::bars_in`], [`TimelineLayout::markers_in`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout<'a> {
    /// The days → x mapping used.
    pub scale: Scale,
    /// How finely the axis is ticked.
    pub tick_scale: TickScale,
    /// Ticks in the window, left to right.
    pub ticks: Vec<Tick>,
    /// The middle of today, when today is in the window.
    pub today_x: Option<f64>,
    /// Axis headers and lanes, top to bottom.
    pub rows: Vec<Row<'a>>,
    /// Mission bars, row by row, left to right within a row.
    pub bars: Vec<Bar<'a>>,
    /// Milestone markers, row by row.
    pub markers: Vec<Marker<'a>>,
    hit_tolerance: f64,
    /// Start of each axis's missions in `mission_rows`.
    axis_offsets: Vec<usize>,
    /// The row of each mission, axis after axis; `None` when undated.
    mission_rows: Vec<Option<usize>>,
}

impl<'a> TimelineLayout<'a> {
    /// Lays `roadmap` out over `window`: ticks, today line, rows, bars and
    /// markers. Linear in the number of items, but for sorting each axis's
    /// missions.
    pub fn new(roadmap: &'a Roadmap, window: TimeWindow, options: &LayoutOptions) -> Self {
        TimelineLayout::filtered(roadmap, window, options, &|_| true)
    }

    /// Like [`TimelineLayout::new`], with only the missions and milestones
    /// `keep` accepts (a mission stays when one of its milestones is kept),
    /// as front ends do when the user filters. Axes keep their header.
    pub fn filtered(
        roadmap: &'a Roadmap,
        window: TimeWindow,
        options: &LayoutOptions,
        keep: &dyn Fn(ItemKey) -> bool,
    ) -> Self {
        let arrangement = Arrangement::new(roadmap, options, keep);
        TimelineLayout::place(roadmap, &arrangement, window, options)
    }

    /// Places `arrangement`, made of `roadmap` for the options' day,
    /// packing and gap ([`Arrangement::fits`]), in `window`: what
    /// [`TimelineLayout::filtered`] lays out, without arranging again.
    /// Linear in the number of arranged items, with no date arithmetic
    /// but the window's.
    pub fn place(
        roadmap: &'a Roadmap,
        arrangement: &Arrangement,
        window: TimeWindow,
        options: &LayoutOptions,
    ) -> Self {
        let scale = window.scale(options.width);
        let (tick_scale, ticks) = scale.ticks(options.language, options.min_label_gap);
        let today = options.today;
        let mut layout = TimelineLayout {
            scale,
            tick_scale,
            ticks,
            today_x: window.contains(today).then(|| scale.x_mid(today)),
            rows: Vec::with_capacity(arrangement.rows.len()),
            bars: Vec::new(),
            markers: Vec::new(),
            hit_tolerance: options.hit_tolerance,
            axis_offsets: arrangement.axis_offsets.clone(),
            mission_rows: arrangement.mission_rows.clone(),
        };
        let placement = Placement { scale };
        for (row, arranged) in arrangement.rows.iter().enumerate() {
            let (bars_start, markers_start) = (layout.bars.len(), layout.markers.len());
            let missions = arrangement.missions.get(arranged.missions.clone());
            layout.bars.extend(
                missions
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|mission| placement.bar(roadmap, mission, row)),
            );
            let milestones = arrangement.milestones.get(arranged.milestones.clone());
            layout.markers.extend(
                milestones
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|milestone| placement.marker(roadmap, milestone, row)),
            );
            let bars = bars_start..layout.bars.len();
            placement::fill_label_room(&mut layout.bars[bars.clone()], scale.width());
            layout.rows.push(Row {
                kind: arranged.kind,
                axis: arranged.axis,
                key: arranged.key,
                label: arranged
                    .key
                    .map_or("", |key| placement::title_of(roadmap, key)),
                bars,
                markers: markers_start..layout.markers.len(),
            });
        }
        layout
    }

    /// The bars of `rows` (indices into [`TimelineLayout::rows`], clamped),
    /// for drawing only what is visible.
    pub fn bars_in(&self, rows: Range<usize>) -> &[Bar<'a>] {
        let range = self.items_in(rows, |row| &row.bars);
        self.bars.get(range).unwrap_or_default()
    }

    /// The markers of `rows` (indices into [`TimelineLayout::rows`], clamped).
    pub fn markers_in(&self, rows: Range<usize>) -> &[Marker<'a>] {
        let range = self.items_in(rows, |row| &row.markers);
        self.markers.get(range).unwrap_or_default()
    }

    fn items_in(
        &self,
        rows: Range<usize>,
        items: impl for<'r> Fn(&'r Row<'a>) -> &'r Range<usize>,
    ) -> Range<usize> {
        let end = rows.end.min(self.rows.len());
        if rows.start >= end {
            return 0..0;
        }
        items(&self.rows[rows.start]).start..items(&self.rows[end - 1]).end
    }

    /// The row showing `key`: an axis's header, a mission's lane, a
    /// milestone's mission's lane; `None` for undated missions and their
    /// milestones, and for items the timeline does not show.
    pub fn row_of(&self, key: ItemKey) -> Option<usize> {
        match key {
            ItemKey::Axis(a) => self
                .rows
                .iter()
                .position(|row| row.kind == RowKind::Axis && row.axis == a),
            ItemKey::Mission(a, m) | ItemKey::Milestone(a, m, _) => {
                let offset = *self.axis_offsets.get(a)?;
                let next = self
                    .axis_offsets
                    .get(a + 1)
                    .copied()
                    .unwrap_or(self.mission_rows.len());
                if offset + m >= next {
                    return None;
                }
                self.mission_rows[offset + m]
            }
            ItemKey::Indicator(..) | ItemKey::Review(_) => None,
        }
    }

    /// The item under a pointer at `x` on `row`: on a header, the axis; on
    /// a lane, the nearest point marker within the hit tolerance, else the
    /// narrowest span marker within it, else the nearest bar within it.
    pub fn item_at(&self, x: f64, row: usize) -> Option<ItemKey> {
        hit::item_at(
            self.rows.get(row)?,
            &self.bars,
            &self.markers,
            x,
            self.hit_tolerance,
        )
    }
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::layout::fixtures::{AXES, WIDTH, close, day, options, roadmap, window, x};

    #[test]
    fn a_filter_keeps_only_the_kept_items_and_their_missions() {
        let roadmap = roadmap(AXES);
        let old = roadmap.key_of("old").expect("milestone old");
        let keep = |key: ItemKey| key == old;
        let layout =
            TimelineLayout::filtered(&roadmap, window(), &options(Packing::OnePerMission), &keep);
        // The kept milestone's mission stays, with only that milestone
        // (here outside the window, so no marker), and no other mission.
        let missions: Vec<ItemKey> = layout.bars.iter().map(|b| b.key).collect();
        assert_eq!(missions, [ItemKey::Mission(0, 0)]);
        assert!(layout.markers.is_empty());
        // Every axis keeps its header.
        let headers = layout
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Axis)
            .count();
        assert_eq!(headers, roadmap.axes().len());
        assert_eq!(layout.row_of(ItemKey::Mission(1, 0)), None);
    }

    #[test]
    fn today_line_sits_in_the_middle_of_today_or_is_absent() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let today_x = layout.today_x.expect("today is in the window");
        close(today_x, x(365.5));
        let later = LayoutOptions {
            today: day("2022-01-01"),
            ..options(Packing::OnePerMission)
        };
        assert_eq!(TimelineLayout::new(&map, window(), &later).today_x, None);
    }

    /// 10 axes of 50 missions of 20 milestones, every precision: each
    /// mission spans a quarter of 2019–2021, its milestones a day, a month,
    /// the quarter or the semester in it.
    fn large_roadmap() -> Roadmap {
        let mut text = String::new();
        for a in 0..10 {
            let _ = write!(text, "[[axes]]\nid = \"a{a}\"\ntitle = \"Axe {a}\"\n");
            for m in 0..50_usize {
                let year = 2019 + (a + m / 4) % 3;
                let quarter = 1 + m % 4;
                let _ = write!(
                    text,
                    "[[axes.missions]]\nid = \"a{a}m{m}\"\ntitle = \"Mission {m}\"\n\
                     start = \"{year}-Q{quarter}\"\nend = \"{year}-Q{quarter}\"\n",
                );
                for s in 0..20 {
                    let month = 3 * quarter - 2 + s % 3;
                    let date = match s % 4 {
                        0 => format!("{year}-{month:02}-{:02}", 1 + s),
                        1 => format!("{year}-{month:02}"),
                        2 => format!("{year}-Q{quarter}"),
                        _ => format!("{year}-H{}", quarter.div_ceil(2)),
                    };
                    let _ = write!(
                        text,
                        "[[axes.missions.milestones]]\nid = \"a{a}m{m}s{s}\"\n\
                         title = \"Jalon {s}\"\ndate = \"{date}\"\n",
                    );
                }
            }
        }
        roadmap(&text)
    }

    #[test]
    fn ten_thousand_milestones_are_all_placed() {
        let map = large_roadmap();
        let window = TimeWindow::around(&map);
        for packing in [Packing::OnePerMission, Packing::Packed] {
            let layout = TimelineLayout::new(&map, window, &options(packing));
            assert_eq!(layout.markers.len(), 10_000);
            assert_eq!(layout.bars.len(), 500);
            assert!(layout.markers.iter().all(|m| (0.0..=WIDTH).contains(&m.x0)));
            assert!(
                layout
                    .bars
                    .iter()
                    .all(|b| 0.0 <= b.x0 && b.x0 < b.x1 && b.x1 <= WIDTH)
            );
            let lanes = layout.rows.len() - 10;
            match packing {
                Packing::OnePerMission => assert_eq!(lanes, 500),
                Packing::Packed => assert!(lanes < 500, "{lanes} lanes"),
            }
            for row in &layout.rows {
                let bars = &layout.bars[row.bars.clone()];
                assert!(bars.windows(2).all(|pair| pair[0].x1 <= pair[1].x0));
            }
        }
    }
}
