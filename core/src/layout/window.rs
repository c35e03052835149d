//! The days a timeline shows and where they fall: [`TimeWindow`] says which
//! days (and zooms and pans while keeping a day in place), [`Scale`] maps
//! those days to x over a width in the caller's unit and back. The rest of
//! the layout measures in these terms.

use time::Date;

use crate::dates::Day;
use crate::model::Roadmap;

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
                .chain(
                    mission
                        .milestones
                        .iter()
                        .flat_map(|m| m.timeline_date().into_iter().chain(m.planned_ghost())),
                );
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
        let new_days = super::clamped(
            (days / factor).round(),
            MIN_WINDOW_DAYS as f64,
            MAX_WINDOW_DAYS as f64,
        ) as i64;
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
        let index = super::clamped((x / per_day + 1e-9).floor(), 0.0, self.days - 1.0);
        day_of(i64::from(self.start) + index as i64)
    }

    /// Where julian day `day` starts, like [`Scale::x_of`].
    pub(super) fn x_of_julian(&self, day: i32) -> f64 {
        f64::from(day - self.start) * self.width / self.days
    }

    /// The window's first and last days, as julian day numbers.
    pub(super) fn julian_bounds(&self) -> (i32, i32) {
        (self.start, julian(self.window.end))
    }
}

/// The julian day number of `day`: the layout counts days with these.
pub(super) fn julian(day: Day) -> i32 {
    day.to_julian_day()
}

/// The day of julian number `day`, clamped to the calendar `time` supports.
fn day_of(day: i64) -> Day {
    let clamped = day.clamp(i64::from(julian(Date::MIN)), i64::from(julian(Date::MAX)));
    Date::from_julian_day(clamped as i32).unwrap_or(Date::MIN)
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::layout::fixtures::{AXES, DAYS, WIDTH, close, day, roadmap, window, x};

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
}
