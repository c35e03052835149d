//! The timeline layout: where every tick, mission bar and milestone marker
//! of a roadmap falls, in the caller's unit (terminal cells or CSS pixels).
//! Both front ends only paint what [`TimelineLayout::new`] computes, so the
//! terminal and the web widget agree on scale, ticks, lanes and hit testing.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use time::Date;

use crate::dates::{Day, Precision};
use crate::locale::Language;
use crate::model::{Axis, ItemKey, Roadmap};
use crate::status::Status;

/// The shortest window [`TimeWindow::zoom`] goes down to, in days.
pub const MIN_WINDOW_DAYS: i64 = 7;

/// The longest window [`TimeWindow::zoom`] goes up to, in days (200 years).
pub const MAX_WINDOW_DAYS: i64 = 200 * 366;

/// The days shown on the timeline, `start` and `end` both included.
///
/// Inclusive ends match [`FuzzyDate::last_day`](crate::FuzzyDate::last_day):
/// the window of 2019–2021 runs from 1 January 2019 to 31 December 2021.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    start: Day,
    end: Day,
}

impl TimeWindow {
    /// The window from `a` to `b` included, whichever comes first.
    pub fn new(a: Day, b: Day) -> Self {
        TimeWindow {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// A window covering the roadmap's period and every dated mission and
    /// milestone, widened to whole months (from the 1st of the first month
    /// to the last day of the last one).
    pub fn around(roadmap: &Roadmap) -> Self {
        let period = roadmap.period();
        let mut first = period.start.first_day().min(period.end.first_day());
        let mut last = period.start.last_day().max(period.end.last_day());
        for (_, _, mission) in roadmap.missions() {
            let dates = mission
                .span()
                .into_iter()
                .flat_map(|(start, end)| [start, end])
                .chain(mission.milestones.iter().filter_map(|m| m.date));
            for date in dates {
                first = first.min(date.first_day());
                last = last.max(date.last_day());
            }
        }
        let first = first.replace_day(1).unwrap_or(first);
        let last = last
            .replace_day(last.month().length(last.year()))
            .unwrap_or(last);
        TimeWindow::new(first, last)
    }

    /// First day shown.
    pub fn start(&self) -> Day {
        self.start
    }

    /// Last day shown (included).
    pub fn end(&self) -> Day {
        self.end
    }

    /// Number of days shown, at least 1.
    pub fn days(&self) -> i64 {
        i64::from(julian(self.end)) - i64::from(julian(self.start)) + 1
    }

    /// Whether `day` is shown.
    pub fn contains(&self, day: Day) -> bool {
        self.start <= day && day <= self.end
    }

    /// Zooms in by `factor` (above 1 shows fewer days, below 1 more) so that
    /// `anchor` stays where it was on screen, to within a day. The length
    /// stays within [`MIN_WINDOW_DAYS`]..=[`MAX_WINDOW_DAYS`]; a factor that
    /// is not a positive number leaves the window as it is.
    #[must_use]
    pub fn zoom(self, factor: f64, anchor: Day) -> Self {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let days = self.days() as f64;
        let new_days = (days / factor)
            .round()
            .clamp(MIN_WINDOW_DAYS as f64, MAX_WINDOW_DAYS as f64) as i64;
        // The anchor's middle keeps its share of the width.
        let offset = f64::from(julian(anchor) - julian(self.start)) + 0.5;
        let new_offset = offset / days * new_days as f64 - 0.5;
        let new_start = i64::from(julian(anchor)) - new_offset.round() as i64;
        TimeWindow::from_julian(new_start, new_days)
    }

    /// The same length moved by `days` (later when positive).
    #[must_use]
    pub fn pan(self, days: i64) -> Self {
        TimeWindow::from_julian(
            i64::from(julian(self.start)).saturating_add(days),
            self.days(),
        )
    }

    /// The same length with `day` in the middle.
    #[must_use]
    pub fn centered_on(self, day: Day) -> Self {
        let days = self.days();
        TimeWindow::from_julian(i64::from(julian(day)) - days / 2, days)
    }

    /// The mapping between days and x over `width` caller units.
    pub fn scale(self, width: f64) -> Scale {
        let width = if width.is_finite() {
            width.max(0.0)
        } else {
            0.0
        };
        Scale {
            window: self,
            start: julian(self.start),
            days: self.days() as f64,
            width,
        }
    }

    /// The window of `days` days from julian day `start`, kept within the
    /// calendar `time` supports.
    fn from_julian(start: i64, days: i64) -> Self {
        let (min, max) = (i64::from(julian(Date::MIN)), i64::from(julian(Date::MAX)));
        let days = days.clamp(1, max - min + 1);
        let start = start.clamp(min, max - days + 1);
        TimeWindow {
            start: day_of(start),
            end: day_of(start + days - 1),
        }
    }
}

/// Maps days to x and back for one window drawn over `width` units: day
/// `d` occupies `[x_of(d), x_of(d) + per_day())`, the window's first day
/// starts at 0 and its last day ends at `width`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    window: TimeWindow,
    start: i32,
    days: f64,
    width: f64,
}

impl Scale {
    /// The window mapped.
    pub fn window(&self) -> TimeWindow {
        self.window
    }

    /// The width the window spans, in caller units.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Caller units per day.
    pub fn per_day(&self) -> f64 {
        self.width / self.days
    }

    /// Where `day` starts; not clamped, so days outside the window fall
    /// below 0 or beyond the width.
    pub fn x_of(&self, day: Day) -> f64 {
        self.x_of_julian(julian(day))
    }

    /// The middle of `day`, where point items (a day milestone, today) sit.
    pub fn x_mid(&self, day: Day) -> f64 {
        self.x_of(day) + self.per_day() / 2.0
    }

    /// The day under `x`, clamped to the window.
    pub fn day_at(&self, x: f64) -> Day {
        let per_day = self.per_day();
        if per_day <= 0.0 || !x.is_finite() {
            return self.window.start;
        }
        // The epsilon keeps `day_at(x_of(d)) == d` despite rounding.
        let index = (x / per_day + 1e-9).floor().clamp(0.0, self.days - 1.0);
        day_of(i64::from(self.start) + index as i64)
    }

    /// The tick scale for this density and the ticks in the window: see
    /// [`TickScale`] and [`Tick`].
    pub fn ticks(&self, language: Language, min_label_gap: f64) -> (TickScale, Vec<Tick>) {
        let tick_scale = TickScale::choose(self.per_day(), min_label_gap);
        let step_months = match tick_scale {
            TickScale::Months => 1,
            TickScale::Quarters => 3,
            TickScale::Years => 12 * year_step(self.per_day(), min_label_gap),
        };
        let (start, end) = (self.window.start, self.window.end);
        let month_index = |day: Day| day.year() * 12 + i32::from(u8::from(day.month())) - 1;
        let mut ticks = Vec::new();
        let first = month_index(start);
        let aligned = first + (step_months - first.rem_euclid(step_months)) % step_months;
        for index in (aligned..=month_index(end)).step_by(step_months as usize) {
            let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
            let Ok(day) = time::Month::try_from(month)
                .map_err(drop)
                .and_then(|m| Date::from_calendar_date(year, m, 1).map_err(drop))
            else {
                continue;
            };
            if day < start {
                continue;
            }
            let major = month == 1;
            let label = if major {
                year.to_string()
            } else if tick_scale == TickScale::Quarters {
                format!("{}{}", language.quarter_letter(), month.div_ceil(3))
            } else {
                language.month_abbrev(month).to_owned()
            };
            ticks.push(Tick {
                x: self.x_of(day),
                day,
                label,
                major,
            });
        }
        if !ticks.iter().any(|t| t.major)
            && let Some(first) = ticks.first_mut()
        {
            first.label = format!("{} {}", first.label, first.day.year());
        }
        (tick_scale, ticks)
    }

    fn x_of_julian(&self, day: i32) -> f64 {
        f64::from(day - self.start) * self.width / self.days
    }
}

/// How finely the time axis is ticked.
///
/// Ticks fall on the first day of a year, quarter or month. The 1st of
/// January is always a major tick labelled with the year ("2020"); other
/// ticks are minor, labelled with the quarter ("T2" in French, "Q2" in
/// English) or the month abbreviation ("févr.", "Feb"). When no major tick
/// is in the window, the first tick also carries the year ("T3 2020",
/// "sept. 2020") so the reader always knows the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickScale {
    /// One tick per year, or per 2, 5, 10… years when years are too
    /// narrow for their labels; every tick is major.
    Years,
    /// One tick per quarter.
    Quarters,
    /// One tick per month.
    Months,
}

impl TickScale {
    /// The finest scale whose ticks stay at least `min_label_gap` apart at
    /// `units_per_day`, measured on the shortest period (28-day month,
    /// 90-day quarter) so that even February's label fits.
    pub fn choose(units_per_day: f64, min_label_gap: f64) -> TickScale {
        if 28.0 * units_per_day >= min_label_gap {
            TickScale::Months
        } else if 90.0 * units_per_day >= min_label_gap {
            TickScale::Quarters
        } else {
            TickScale::Years
        }
    }
}

/// Years between two year ticks: the smallest of 1, 2, 5, 10, 20… whose
/// ticks stay `min_label_gap` apart.
fn year_step(units_per_day: f64, min_label_gap: f64) -> i32 {
    let mut step = 1;
    for next in [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] {
        if f64::from(step) * 365.0 * units_per_day >= min_label_gap {
            break;
        }
        step = next;
    }
    step
}

/// A mark on the time axis, on the first day of a year, quarter or month.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where the day starts, in 0..width.
    pub x: f64,
    /// The day marked.
    pub day: Day,
    /// What to write there (see [`TickScale`]).
    pub label: String,
    /// Whether the tick starts a year.
    pub major: bool,
}

/// How missions are given lanes within an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Packing {
    /// Each dated mission has its own lane, in file order: the lane can
    /// carry the mission's title, like the outline.
    #[default]
    OnePerMission,
    /// Missions share lanes when their extents (span and milestones) leave
    /// at least [`LayoutOptions::pack_gap_days`] days between them: each
    /// takes, by start date, the first lane that is free. Lanes do not
    /// depend on the window, so they stay put while zooming and panning.
    Packed,
}

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

/// What a row of the timeline holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// The header of an axis, before its lanes.
    Axis,
    /// A lane of missions.
    Lane,
}

/// One row of the timeline; the front end gives it its height. Rows come
/// axis by axis: the axis header, then the axis's lanes. Every axis has a
/// header, even one without dated missions.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// Header or lane.
    pub kind: RowKind,
    /// Index of the axis the row belongs to.
    pub axis: usize,
    /// The axis of a header; the mission of a lane that holds exactly one
    /// (always so with [`Packing::OnePerMission`]); `None` for a shared lane.
    pub key: Option<ItemKey>,
    /// Title of `key`'s item; empty for a shared lane.
    pub label: &'a str,
    /// This row's bars in [`TimelineLayout::bars`].
    pub bars: Range<usize>,
    /// This row's markers in [`TimelineLayout::markers`].
    pub markers: Range<usize>,
}

/// A mission's span, clamped to the window.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    /// The mission.
    pub key: ItemKey,
    /// Index of its row.
    pub row: usize,
    /// Where the span's first day starts, clamped to 0..=width.
    pub x0: f64,
    /// Where the span's last day ends, clamped to 0..=width.
    pub x1: f64,
    /// The span starts before the window.
    pub clipped_start: bool,
    /// The span ends after the window.
    pub clipped_end: bool,
    /// Rolled-up progress, 0 to 100.
    pub progress: Option<f64>,
    /// Status on the layout's `today`.
    pub status: Status,
    /// The mission's title.
    pub label: &'a str,
    /// Room for the label from `x0`: up to the next bar of the row, or
    /// the right edge.
    pub label_room: f64,
}

/// A milestone on its mission's row.
///
/// A day milestone is a point (`x0 == x1`, at the middle of its day); an
/// imprecise one (month, quarter, semester, year) is a span covering its
/// whole period, never a made-up day.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker<'a> {
    /// The milestone.
    pub key: ItemKey,
    /// Index of its mission's row.
    pub row: usize,
    /// Start of the span (or the point), clamped to 0..=width.
    pub x0: f64,
    /// End of the span (or the point), clamped to 0..=width.
    pub x1: f64,
    /// The span starts before the window.
    pub clipped_start: bool,
    /// The span ends after the window.
    pub clipped_end: bool,
    /// How precise the date is; `Precision::Day` for points.
    pub precision: Precision,
    /// Status on the layout's `today`.
    pub status: Status,
    /// The milestone's title.
    pub label: &'a str,
}

impl Marker<'_> {
    /// Whether the marker is a point (a day-precise milestone).
    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
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

/// A dated mission while lanes are assigned; days are julian, inclusive.
#[derive(Debug, Clone, Copy)]
struct Placed {
    mission: usize,
    bar: (i32, i32),
    extent: (i32, i32),
    lane: u32,
}

/// Lane assignment for one axis at a time, reusing its buffers.
#[derive(Debug, Default)]
struct Lanes {
    /// The axis's dated missions, sorted by lane then start once assigned.
    placed: Vec<Placed>,
    /// Lanes in use, by the julian day their last mission ends.
    busy: BinaryHeap<Reverse<(i32, u32)>>,
    /// Lanes free at the current start, lowest first.
    free: BinaryHeap<Reverse<u32>>,
}

impl Lanes {
    /// Gives the axis's dated missions their lanes; returns the number of
    /// lanes.
    fn assign(
        &mut self,
        axis: &Axis,
        a: usize,
        options: &LayoutOptions,
        keep: &dyn Fn(ItemKey) -> bool,
    ) -> u32 {
        self.placed.clear();
        for (m, mission) in axis.missions.iter().enumerate() {
            let kept_milestone = |s: usize| keep(ItemKey::Milestone(a, m, s));
            let shown =
                keep(ItemKey::Mission(a, m)) || (0..mission.milestones.len()).any(kept_milestone);
            let Some((start, end)) = mission.span().filter(|_| shown) else {
                continue;
            };
            let (first, last) = (julian(start.first_day()), julian(end.last_day()));
            let bar = (first.min(last), first.max(last));
            let extent = mission
                .milestones
                .iter()
                .enumerate()
                .filter(|&(s, _)| kept_milestone(s))
                .filter_map(|(_, milestone)| milestone.date)
                .fold(bar, |(lo, hi), date| {
                    (
                        lo.min(julian(date.first_day())),
                        hi.max(julian(date.last_day())),
                    )
                });
            self.placed.push(Placed {
                mission: m,
                bar,
                extent,
                lane: 0,
            });
        }
        match options.packing {
            Packing::OnePerMission => {
                for (lane, p) in (0..).zip(self.placed.iter_mut()) {
                    p.lane = lane;
                }
                self.placed.len() as u32
            }
            Packing::Packed => self.pack(i64::from(options.pack_gap_days)),
        }
    }

    /// Gives each mission the first lane free at its start, `gap` empty
    /// days after the lane's last mission. Sorted by start, with a heap of
    /// busy lanes by end day and a heap of free lane numbers, it is
    /// O(n log n) where scanning every lane would be O(n²).
    fn pack(&mut self, gap: i64) -> u32 {
        self.placed.sort_unstable_by_key(|p| (p.extent, p.mission));
        self.busy.clear();
        self.free.clear();
        let mut lanes = 0;
        for p in &mut self.placed {
            while let Some(&Reverse((end, lane))) = self.busy.peek() {
                if i64::from(end) + gap >= i64::from(p.extent.0) {
                    break;
                }
                self.busy.pop();
                self.free.push(Reverse(lane));
            }
            p.lane = self.free.pop().map_or_else(
                || {
                    lanes += 1;
                    lanes - 1
                },
                |Reverse(lane)| lane,
            );
            self.busy.push(Reverse((p.extent.1, p.lane)));
        }
        // Stable: each lane keeps its missions in start order.
        self.placed.sort_by_key(|p| p.lane);
        lanes
    }
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
        let scale = window.scale(options.width);
        let (tick_scale, ticks) = scale.ticks(options.language, options.min_label_gap);
        let today = options.today;
        let mut layout = TimelineLayout {
            scale,
            tick_scale,
            ticks,
            today_x: window.contains(today).then(|| scale.x_mid(today)),
            rows: Vec::new(),
            bars: Vec::new(),
            markers: Vec::new(),
            hit_tolerance: options.hit_tolerance,
            axis_offsets: Vec::with_capacity(roadmap.axes().len()),
            mission_rows: Vec::new(),
        };
        let mut scratch = Lanes::default();
        for (a, axis) in roadmap.axes().iter().enumerate() {
            let offset = layout.mission_rows.len();
            layout.axis_offsets.push(offset);
            layout
                .mission_rows
                .resize(offset + axis.missions.len(), None);
            layout.rows.push(Row {
                kind: RowKind::Axis,
                axis: a,
                key: Some(ItemKey::Axis(a)),
                label: &axis.title,
                bars: layout.bars.len()..layout.bars.len(),
                markers: layout.markers.len()..layout.markers.len(),
            });

            let lanes = scratch.assign(axis, a, options, keep);
            let placed = &scratch.placed;

            let mut next = 0;
            for lane in 0..lanes {
                let row = layout.rows.len();
                let (bars_start, markers_start) = (layout.bars.len(), layout.markers.len());
                let first = next;
                while let Some(p) = placed.get(next).filter(|p| p.lane == lane) {
                    layout.mission_rows[offset + p.mission] = Some(row);
                    layout.place_mission(roadmap, a, p, row, today, keep);
                    next += 1;
                }
                let (key, label) = if next - first == 1 {
                    let m = placed[first].mission;
                    (
                        Some(ItemKey::Mission(a, m)),
                        axis.missions[m].title.as_str(),
                    )
                } else {
                    (None, "")
                };
                let bars = bars_start..layout.bars.len();
                let width = scale.width();
                for i in bars.clone() {
                    let end = layout.bars.get(i + 1).filter(|_| i + 1 < bars.end);
                    let room_end = end.map_or(width, |next_bar| next_bar.x0);
                    layout.bars[i].label_room = room_end - layout.bars[i].x0;
                }
                layout.rows.push(Row {
                    kind: RowKind::Lane,
                    axis: a,
                    key,
                    label,
                    bars,
                    markers: markers_start..layout.markers.len(),
                });
            }
        }
        layout
    }

    /// Adds the bar and markers of one placed mission that lie in the window.
    fn place_mission(
        &mut self,
        roadmap: &'a Roadmap,
        a: usize,
        p: &Placed,
        row: usize,
        today: Day,
        keep: &dyn Fn(ItemKey) -> bool,
    ) {
        let mission = &roadmap.axes()[a].missions[p.mission];
        if let Some((x0, x1, clipped_start, clipped_end)) = self.clamp_span(p.bar.0, p.bar.1) {
            self.bars.push(Bar {
                key: ItemKey::Mission(a, p.mission),
                row,
                x0,
                x1,
                clipped_start,
                clipped_end,
                progress: mission.progress_percent(today),
                status: mission.effective_status(today),
                label: &mission.title,
                label_room: 0.0,
            });
        }
        for (s, milestone) in mission.milestones.iter().enumerate() {
            let Some(date) = milestone
                .date
                .filter(|_| keep(ItemKey::Milestone(a, p.mission, s)))
            else {
                continue;
            };
            let precision = date.precision();
            let placed = if precision == Precision::Day {
                let day = date.first_day();
                self.scale.window.contains(day).then(|| {
                    let x = self.scale.x_mid(day);
                    (x, x, false, false)
                })
            } else {
                self.clamp_span(julian(date.first_day()), julian(date.last_day()))
            };
            let Some((x0, x1, clipped_start, clipped_end)) = placed else {
                continue;
            };
            self.markers.push(Marker {
                key: ItemKey::Milestone(a, p.mission, s),
                row,
                x0,
                x1,
                clipped_start,
                clipped_end,
                precision,
                status: milestone.effective_status(today),
                label: &milestone.title,
            });
        }
    }

    /// The x extent of the julian days `first..=last`, clamped, with the
    /// clip flags; `None` when wholly outside the window.
    fn clamp_span(&self, first: i32, last: i32) -> Option<(f64, f64, bool, bool)> {
        let scale = &self.scale;
        let (start, end) = (scale.start, julian(scale.window.end));
        if last < start || first > end {
            return None;
        }
        let width = scale.width;
        let x0 = scale.x_of_julian(first.max(start)).clamp(0.0, width);
        let x1 = scale.x_of_julian(last.min(end) + 1).clamp(0.0, width);
        Some((x0, x1, first < start, last > end))
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
        let row = self.rows.get(row)?;
        if row.kind == RowKind::Axis {
            return row.key;
        }
        let tolerance = self.hit_tolerance.max(0.0);
        let distance = |x0: f64, x1: f64| (x0 - x).max(x - x1).max(0.0);
        let markers = self.markers.get(row.markers.clone()).unwrap_or_default();
        // Points first, nearest wins; then spans, narrowest wins.
        let best_marker = markers
            .iter()
            .filter(|m| distance(m.x0, m.x1) <= tolerance)
            .min_by(|a, b| {
                let rank = |m: &Marker<'_>| {
                    (
                        !m.is_point(),
                        if m.is_point() {
                            distance(m.x0, m.x1)
                        } else {
                            m.x1 - m.x0
                        },
                    )
                };
                let (ra, rb) = (rank(a), rank(b));
                ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1))
            });
        if let Some(marker) = best_marker {
            return Some(marker.key);
        }
        self.bars
            .get(row.bars.clone())
            .unwrap_or_default()
            .iter()
            .map(|bar| (distance(bar.x0, bar.x1), bar.key))
            .filter(|&(d, _)| d <= tolerance)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, key)| key)
    }
}

fn julian(day: Day) -> i32 {
    day.to_julian_day()
}

/// The day of julian number `day`, clamped to the calendar `time` supports.
fn day_of(day: i64) -> Day {
    let clamped = day.clamp(i64::from(julian(Date::MIN)), i64::from(julian(Date::MAX)));
    Date::from_julian_day(clamped as i32).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::dates::FuzzyDate;
    use crate::load::{Format, load_str};

    const WIDTH: f64 = 200.0;

    /// 2019–2021: 1096 days, 2020 being a leap year.
    const DAYS: f64 = 1096.0;

    const HEADER: &str = r#"
id = "test"
title = "Test"
organisation = "Test"
language = "fr"
published = "2019-10"
period = { start = "2019", end = "2021" }
"#;

    /// Two axes: `a` has a mission starting before the window, one ending
    /// after it and an undated one; `b` has two missions that can share a
    /// lane and one that overlaps both.
    const AXES: &str = r#"
[[axes]]
id = "a"
title = "Axe A"

[[axes.missions]]
id = "m1"
title = "Avant la fenêtre"
start = "2018-07"
end = "2019-Q2"

[[axes.missions.milestones]]
id = "old"
title = "Avant"
date = "2018-09-15"

[[axes.missions.milestones]]
id = "q"
title = "Un trimestre"
date = "2019-Q2"

[[axes.missions]]
id = "m2"
title = "Jusqu'après"
start = "2020-03-01"
end = "2022-H1"

[[axes.missions.milestones]]
id = "trim"
title = "T2 2020"
date = "2020-Q2"

[[axes.missions.milestones]]
id = "day"
title = "Un jour"
date = "2020-05-14"

[[axes.missions.milestones]]
id = "late"
title = "Après"
date = "2022"

[[axes.missions]]
id = "m3"
title = "Sans date"

[[axes.missions.milestones]]
id = "undated"
title = "Sans date non plus"

[[axes]]
id = "b"
title = "Axe B"

[[axes.missions]]
id = "n1"
title = "Premier"
start = "2019-Q1"
end = "2019-Q3"

[[axes.missions]]
id = "n2"
title = "Deuxième"
start = "2020-01"
end = "2020-12"

[[axes.missions]]
id = "n3"
title = "Chevauche"
start = "2019-06"
end = "2020-02"
"#;

    fn roadmap(axes: &str) -> Roadmap {
        let text = format!("{HEADER}{axes}");
        load_str("test.toml", &text, Format::Toml)
            .expect("test roadmap loads")
            .roadmap
    }

    fn day(text: &str) -> Day {
        text.parse::<FuzzyDate>().expect("valid date").first_day()
    }

    fn window() -> TimeWindow {
        TimeWindow::new(day("2019-01-01"), day("2021-12-31"))
    }

    fn options(packing: Packing) -> LayoutOptions {
        LayoutOptions {
            packing,
            ..LayoutOptions::for_cells(WIDTH, Language::Fr, day("2020-01-01"))
        }
    }

    /// Where day number `offset` of the 2019–2021 window starts at width 200.
    fn x(offset: f64) -> f64 {
        offset * WIDTH / DAYS
    }

    #[track_caller]
    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "{actual} is not {expected}"
        );
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

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
    fn three_years_at_200_cells_are_ticked_by_year_and_quarter() {
        let scale = window().scale(WIDTH);
        let (tick_scale, ticks) = scale.ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Quarters);
        assert_eq!(
            labels(&ticks),
            [
                "2019", "T2", "T3", "T4", "2020", "T2", "T3", "T4", "2021", "T2", "T3", "T4"
            ]
        );
        assert_eq!(ticks[0].day, day("2019-01-01"));
        close(ticks[0].x, 0.0);
        close(ticks[1].x, x(90.0)); // 1 April 2019
        close(ticks[4].x, x(365.0)); // 1 January 2020
        close(ticks[8].x, x(731.0)); // 1 January 2021, after a leap year
        assert_eq!(
            ticks.iter().map(|t| t.major).collect::<Vec<_>>(),
            [
                true, false, false, false, true, false, false, false, true, false, false, false
            ]
        );
        let (_, english) = scale.ticks(Language::En, 6.0);
        assert_eq!(&labels(&english)[..5], ["2019", "Q2", "Q3", "Q4", "2020"]);
    }

    #[test]
    fn narrow_widths_tick_only_years_and_skip_some_when_crowded() {
        let (tick_scale, ticks) = window().scale(40.0).ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Years);
        assert_eq!(labels(&ticks), ["2019", "2020", "2021"]);
        close(ticks[1].x, 365.0 * 40.0 / DAYS);
        assert!(ticks.iter().all(|t| t.major));
        // At 10 cells a year is 3.3 cells: one label every two years.
        let (_, sparse) = window().scale(10.0).ticks(Language::Fr, 6.0);
        assert_eq!(labels(&sparse), ["2020"]);
    }

    #[test]
    fn wide_widths_tick_months_with_localised_names() {
        let scale = window().scale(1000.0);
        let (tick_scale, ticks) = scale.ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Months);
        assert_eq!(ticks.len(), 36);
        assert_eq!(&labels(&ticks)[..4], ["2019", "févr.", "mars", "avr."]);
        assert_eq!(ticks[12].label, "2020");
        close(ticks[1].x, 31.0 * 1000.0 / DAYS);
        let (_, english) = scale.ticks(Language::En, 6.0);
        assert_eq!(&labels(&english)[..3], ["2019", "Feb", "Mar"]);
    }

    #[test]
    fn without_a_year_tick_the_first_tick_names_the_year() {
        let half_year = TimeWindow::new(day("2020-07-15"), day("2020-12-31"));
        let (tick_scale, ticks) = half_year.scale(WIDTH).ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Months);
        assert_eq!(
            labels(&ticks),
            ["août 2020", "sept.", "oct.", "nov.", "déc."]
        );
        close(ticks[0].x, 17.0 * WIDTH / 170.0);
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

    #[test]
    fn one_lane_per_dated_mission_after_each_axis_header() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let rows: Vec<(RowKind, Option<ItemKey>, &str)> = layout
            .rows
            .iter()
            .map(|r| (r.kind, r.key, r.label))
            .collect();
        assert_eq!(
            rows,
            [
                (RowKind::Axis, Some(ItemKey::Axis(0)), "Axe A"),
                (
                    RowKind::Lane,
                    Some(ItemKey::Mission(0, 0)),
                    "Avant la fenêtre"
                ),
                (RowKind::Lane, Some(ItemKey::Mission(0, 1)), "Jusqu'après"),
                (RowKind::Axis, Some(ItemKey::Axis(1)), "Axe B"),
                (RowKind::Lane, Some(ItemKey::Mission(1, 0)), "Premier"),
                (RowKind::Lane, Some(ItemKey::Mission(1, 1)), "Deuxième"),
                (RowKind::Lane, Some(ItemKey::Mission(1, 2)), "Chevauche"),
            ]
        );
        // The undated mission and its milestone are not placed.
        assert_eq!(layout.row_of(ItemKey::Mission(0, 2)), None);
        assert_eq!(layout.row_of(ItemKey::Milestone(0, 2, 0)), None);
        assert!(layout.bars.iter().all(|b| b.key != ItemKey::Mission(0, 2)));
        assert_eq!(layout.row_of(ItemKey::Milestone(0, 1, 1)), Some(2));
        assert_eq!(layout.row_of(ItemKey::Axis(1)), Some(3));
        assert_eq!(layout.row_of(ItemKey::Mission(1, 2)), Some(6));
        assert_eq!(layout.row_of(ItemKey::Mission(7, 0)), None);
        // Axis B's missions, by row slice.
        let keys: Vec<ItemKey> = layout.bars_in(3..99).iter().map(|b| b.key).collect();
        assert_eq!(
            keys,
            [
                ItemKey::Mission(1, 0),
                ItemKey::Mission(1, 1),
                ItemKey::Mission(1, 2)
            ]
        );
        assert!(layout.bars_in(5..5).is_empty());
        assert_eq!(layout.markers_in(0..2).len(), 1);
    }

    #[test]
    fn packing_shares_lanes_between_missions_that_do_not_overlap() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::Packed));
        let rows: Vec<(RowKind, Option<ItemKey>)> =
            layout.rows.iter().map(|r| (r.kind, r.key)).collect();
        assert_eq!(
            rows,
            [
                (RowKind::Axis, Some(ItemKey::Axis(0))),
                (RowKind::Lane, None),
                (RowKind::Axis, Some(ItemKey::Axis(1))),
                (RowKind::Lane, None),
                (RowKind::Lane, Some(ItemKey::Mission(1, 2))),
            ]
        );
        assert_eq!(layout.rows[3].label, "");
        // n1 and n2 share a lane, left to right; n3 overlaps both.
        let lane: Vec<(ItemKey, usize)> = layout
            .bars_in(3..4)
            .iter()
            .map(|b| (b.key, b.row))
            .collect();
        assert_eq!(
            lane,
            [(ItemKey::Mission(1, 0), 3), (ItemKey::Mission(1, 1), 3)]
        );
        assert_eq!(layout.row_of(ItemKey::Mission(1, 2)), Some(4));
        // A label may run up to the next bar of its lane.
        let shared = layout.bars_in(3..4);
        close(shared[0].label_room, x(365.0));
        close(shared[1].label_room, WIDTH - x(365.0));
        // Markers stay on their mission's lane.
        assert!(
            layout
                .markers
                .iter()
                .all(|m| m.row == layout.row_of(m.key).expect("placed"))
        );
    }

    #[test]
    fn packing_keeps_a_gap_and_counts_milestones_outside_the_span() {
        let axes = r#"
[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "x"
title = "X"
start = "2019-01"
end = "2019-03"

[[axes.missions]]
id = "y"
title = "Y"
start = "2019-04-10"
end = "2019-06"

[[axes.missions]]
id = "z"
title = "Z"
start = "2019-08"
end = "2019-09"

[[axes.missions]]
id = "w"
title = "W"
start = "2019-11"
end = "2019-12"

[[axes.missions.milestones]]
id = "w-early"
title = "Annoncé tôt"
date = "2019-09-20"
"#;
        let map = roadmap(axes);
        let lanes = |gap| {
            let opts = LayoutOptions {
                pack_gap_days: gap,
                ..options(Packing::Packed)
            };
            let layout = TimelineLayout::new(&map, window(), &opts);
            (0..4)
                .map(|m| layout.row_of(ItemKey::Mission(0, m)).expect("placed"))
                .collect::<Vec<_>>()
        };
        // x ends 31 March, y starts 10 April: 9 empty days between them.
        // w's milestone (20 September) overlaps z, so w cannot follow z.
        assert_eq!(lanes(14), [1, 2, 1, 2]);
        assert_eq!(lanes(0), [1, 1, 1, 2]);
    }

    #[test]
    fn spans_past_the_window_are_clamped_and_flagged() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let bar = |key| {
            layout
                .bars
                .iter()
                .find(|b| b.key == key)
                .expect("bar placed")
        };
        let before = bar(ItemKey::Mission(0, 0));
        close(before.x0, 0.0);
        close(before.x1, x(181.0)); // ends with 30 June 2019
        assert!(before.clipped_start && !before.clipped_end);
        assert_eq!(before.label, "Avant la fenêtre");
        let after = bar(ItemKey::Mission(0, 1));
        close(after.x0, x(425.0)); // 1 March 2020
        close(after.x1, WIDTH);
        assert!(!after.clipped_start && after.clipped_end);
        // Markers wholly outside the window are left out.
        let markers: Vec<ItemKey> = layout.markers.iter().map(|m| m.key).collect();
        assert_eq!(
            markers,
            [
                ItemKey::Milestone(0, 0, 1),
                ItemKey::Milestone(0, 1, 0),
                ItemKey::Milestone(0, 1, 1)
            ]
        );
        // A span marker reaching past the start is clamped and flagged.
        let from_may = TimeWindow::new(day("2019-05-01"), day("2021-12-31"));
        let layout = TimelineLayout::new(&map, from_may, &options(Packing::OnePerMission));
        let quarter = &layout.markers[0];
        assert_eq!(quarter.key, ItemKey::Milestone(0, 0, 1));
        close(quarter.x0, 0.0);
        assert!(quarter.clipped_start && !quarter.clipped_end);
        let per_day = layout.scale.per_day();
        close(quarter.x1, 61.0 * per_day); // May and June
    }

    #[test]
    fn quarter_milestones_are_spans_and_day_milestones_points() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let marker = |key| {
            layout
                .markers
                .iter()
                .find(|m| m.key == key)
                .expect("marker placed")
        };
        let quarter = marker(ItemKey::Milestone(0, 0, 1));
        assert_eq!(quarter.precision, Precision::Quarter);
        assert!(!quarter.is_point());
        close(quarter.x0, x(90.0)); // 1 April 2019
        close(quarter.x1, x(181.0)); // end of 30 June 2019
        assert_eq!(quarter.row, 1);
        let point = marker(ItemKey::Milestone(0, 1, 1));
        assert!(point.is_point());
        close(point.x0, x(499.5)); // middle of 14 May 2020
        close(point.x1, point.x0);
        assert_eq!(point.label, "Un jour");
        assert_eq!(point.row, 2);
        // Statuses are those of the options' today (1 January 2020).
        assert_eq!(quarter.status, Status::Late);
        assert_eq!(point.status, Status::Planned);
    }

    #[test]
    fn bars_carry_rolled_up_status_and_progress() {
        let axes = r#"
[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "m"
title = "M"
start = "2019-01"
end = "2020-12"

[[axes.missions.milestones]]
id = "done"
title = "Fait"
date = "2019-06"
status = "done"

[[axes.missions.milestones]]
id = "todo"
title = "À faire"
date = "2020-06"
"#;
        let map = roadmap(axes);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let bar = &layout.bars[0];
        assert_eq!(bar.progress, Some(50.0));
        assert_eq!(bar.status, Status::InProgress);
    }

    #[test]
    fn pointers_hit_points_then_spans_then_bars() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        assert_eq!(layout.item_at(3.0, 0), Some(ItemKey::Axis(0)));
        // Row 2: bar from 77.6, the Q2 2020 span 83.2–99.8, the day at 91.1.
        assert_eq!(layout.item_at(91.5, 2), Some(ItemKey::Milestone(0, 1, 1)));
        assert_eq!(layout.item_at(85.0, 2), Some(ItemKey::Milestone(0, 1, 0)));
        assert_eq!(layout.item_at(150.0, 2), Some(ItemKey::Mission(0, 1)));
        assert_eq!(layout.item_at(77.0, 2), Some(ItemKey::Mission(0, 1)));
        assert_eq!(layout.item_at(10.0, 2), None);
        assert_eq!(layout.item_at(10.0, 99), None);
    }

    #[test]
    fn days_and_x_map_both_ways() {
        let scale = window().scale(WIDTH);
        close(scale.per_day(), WIDTH / DAYS);
        close(scale.x_of(day("2020-01-01")), x(365.0));
        close(scale.x_of(day("2018-12-31")), x(-1.0));
        for text in ["2019-01-01", "2020-02-29", "2021-12-31"] {
            assert_eq!(scale.day_at(scale.x_of(day(text))), day(text));
            assert_eq!(scale.day_at(scale.x_mid(day(text))), day(text));
        }
        assert_eq!(scale.day_at(-5.0), day("2019-01-01"));
        assert_eq!(scale.day_at(WIDTH), day("2021-12-31"));
        assert_eq!(scale.day_at(f64::NAN), day("2019-01-01"));
        assert_eq!(window().scale(-3.0).day_at(1.0), day("2019-01-01"));
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let anchor = day("2020-05-14");
        let before = window().scale(WIDTH).x_mid(anchor);
        let zoomed = window().zoom(2.0, anchor);
        assert_eq!(zoomed.days(), 548);
        let scale = zoomed.scale(WIDTH);
        assert!((scale.x_mid(anchor) - before).abs() <= scale.per_day());
        let out = window().zoom(0.5, anchor);
        assert_eq!(out.days(), 2192);
        assert!((out.scale(WIDTH).x_mid(anchor) - before).abs() <= out.scale(WIDTH).per_day());
        let closest = window().zoom(1e6, anchor);
        assert_eq!(closest.days(), MIN_WINDOW_DAYS);
        assert!(closest.contains(anchor));
        assert_eq!(window().zoom(1e-9, anchor).days(), MAX_WINDOW_DAYS);
        assert_eq!(window().zoom(0.0, anchor), window());
        assert_eq!(window().zoom(f64::NAN, anchor), window());
    }

    #[test]
    fn pan_and_centre_keep_the_length() {
        let later = window().pan(31);
        assert_eq!(later.start(), day("2019-02-01"));
        assert_eq!(later.end(), day("2022-01-31"));
        assert_eq!(window().pan(-365).start(), day("2018-01-01"));
        let centred = window().centered_on(day("2025-01-01"));
        assert_eq!(centred.days(), window().days());
        close(centred.scale(WIDTH).x_of(day("2025-01-01")), WIDTH / 2.0);
        // The calendar's ends hold.
        let far = window().pan(i64::MAX / 4);
        assert_eq!(far.end(), Date::MAX);
        assert_eq!(far.days(), window().days());
    }

    #[test]
    fn the_default_window_covers_the_period_and_every_dated_item() {
        let map = roadmap(AXES);
        let around = TimeWindow::around(&map);
        assert_eq!(around.start(), day("2018-07-01"));
        assert_eq!(around.end(), day("2022-12-31"));
        let only_period = roadmap("");
        let around = TimeWindow::around(&only_period);
        assert_eq!(
            (around.start(), around.end()),
            (day("2019-01-01"), day("2021-12-31"))
        );
        // Whole months, even for a day-precise item.
        let axes = r#"
[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "m"
title = "M"

[[axes.missions.milestones]]
id = "s"
title = "S"
date = "2023-02-14"
"#;
        assert_eq!(TimeWindow::around(&roadmap(axes)).end(), day("2023-02-28"));
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
