//! Placing items on the timeline's rows: a mission's span becomes a
//! [`Bar`], each milestone a [`Marker`] (a point for a day, a span for a
//! month, quarter, semester or year), both clamped to the window and
//! flagged where they reach past it.

use std::ops::Range;

use super::arrangement::{ArrangedMilestone, ArrangedMission, Days, RowKind};
use super::window::Scale;
use crate::dates::Precision;
use crate::model::{ItemKey, ItemRef, Roadmap};
use crate::status::Status;

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
    ///
    /// [`Packing::OnePerMission`]: super::Packing::OnePerMission
    pub key: Option<ItemKey>,
    /// Title of `key`'s item; empty for a shared lane.
    pub label: &'a str,
    /// This row's bars in [`TimelineLayout::bars`](super::TimelineLayout::bars).
    pub bars: Range<usize>,
    /// This row's markers in
    /// [`TimelineLayout::markers`](super::TimelineLayout::markers).
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
    /// The original plan, when the marker stands elsewhere (delivered or
    /// re-planned on other dates) and the plan lies in the window.
    pub planned: Option<Ghost>,
}

/// Where a milestone's original plan lies, drawn faintly under the marker
/// so that the move from plan to reality shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ghost {
    /// Start of the planned span (or the point), clamped to 0..=width.
    pub x0: f64,
    /// End of the planned span (or the point), clamped to 0..=width.
    pub x1: f64,
    /// The planned span starts before the window.
    pub clipped_start: bool,
    /// The planned span ends after the window.
    pub clipped_end: bool,
    /// How precise the planned date is.
    pub precision: Precision,
}

impl Ghost {
    /// Whether the plan is a point (a day).
    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
    }
}

impl Marker<'_> {
    /// Whether the marker is a point (a day-precise milestone).
    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
    }
}

/// Places arranged items in one window: the days → x mapping.
pub(super) struct Placement {
    /// The days → x mapping.
    pub(super) scale: Scale,
}

impl Placement {
    /// The bar of an arranged mission on row `row`, when it reaches into
    /// the window.
    pub(super) fn bar<'a>(
        &self,
        roadmap: &'a Roadmap,
        mission: &ArrangedMission,
        row: usize,
    ) -> Option<Bar<'a>> {
        let (x0, x1, clipped_start, clipped_end) =
            self.clamp_span(mission.days.0, mission.days.1)?;
        Some(Bar {
            key: mission.key,
            row,
            x0,
            x1,
            clipped_start,
            clipped_end,
            progress: mission.progress,
            status: mission.status,
            label: title_of(roadmap, mission.key),
            label_room: 0.0,
        })
    }

    /// The marker of an arranged milestone on row `row`, when it lies in
    /// the window, with its plan when that does too.
    pub(super) fn marker<'a>(
        &self,
        roadmap: &'a Roadmap,
        milestone: &ArrangedMilestone,
        row: usize,
    ) -> Option<Marker<'a>> {
        let (x0, x1, clipped_start, clipped_end) = self.clamp_days(milestone.days)?;
        let planned = milestone.planned.and_then(|plan| {
            let (x0, x1, clipped_start, clipped_end) = self.clamp_days(plan)?;
            Some(Ghost {
                x0,
                x1,
                clipped_start,
                clipped_end,
                precision: plan.precision,
            })
        });
        Some(Marker {
            key: milestone.key,
            row,
            x0,
            x1,
            clipped_start,
            clipped_end,
            precision: milestone.days.precision,
            status: milestone.status,
            label: title_of(roadmap, milestone.key),
            planned,
        })
    }

    /// The x extent of a date's days: a point at the middle of a day, else
    /// the span, clamped, with the clip flags; `None` when outside the
    /// window.
    fn clamp_days(&self, days: Days) -> Option<(f64, f64, bool, bool)> {
        if days.precision == Precision::Day {
            let (start, end) = self.scale.julian_bounds();
            (start..=end).contains(&days.first).then(|| {
                let x = self.scale.x_of_julian(days.first) + self.scale.per_day() / 2.0;
                (x, x, false, false)
            })
        } else {
            self.clamp_span(days.first, days.last)
        }
    }

    /// The x extent of the julian days `first..=last`, clamped, with the
    /// clip flags; `None` when wholly outside the window.
    fn clamp_span(&self, first: i32, last: i32) -> Option<(f64, f64, bool, bool)> {
        let scale = &self.scale;
        let (start, end) = scale.julian_bounds();
        if last < start || first > end {
            return None;
        }
        let width = scale.width();
        let x0 = super::clamped(scale.x_of_julian(first.max(start)), 0.0, width);
        let x1 = super::clamped(scale.x_of_julian(last.min(end) + 1), 0.0, width);
        Some((x0, x1, first < start, last > end))
    }
}

/// The title of the axis, mission or milestone `key`; empty for another
/// item, or one the roadmap does not hold.
pub(super) fn title_of(roadmap: &Roadmap, key: ItemKey) -> &str {
    match roadmap.get(key) {
        Some(ItemRef::Axis(axis)) => &axis.title,
        Some(ItemRef::Mission(_, mission)) => &mission.title,
        Some(ItemRef::Milestone(_, _, milestone)) => &milestone.title,
        _ => "",
    }
}

/// Gives each bar of one row, left to right, the room its label has: up to
/// the next bar, or to `width` for the last one.
pub(super) fn fill_label_room(bars: &mut [Bar<'_>], width: f64) {
    let mut room_end = width;
    for bar in bars.iter_mut().rev() {
        bar.label_room = room_end - bar.x0;
        room_end = bar.x0;
    }
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::layout::fixtures::{AXES, WIDTH, close, day, options, roadmap, window, x};
    use crate::layout::{Packing, TimeWindow, TimelineLayout};

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
    fn delivered_milestones_stand_at_their_delivery() {
        let axes = r#"
[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "m"
title = "M"

[[axes.missions.milestones]]
id = "delivered-only"
title = "Livré sans date prévue"
done_on = "2020-08"

[[axes.missions.milestones]]
id = "late-delivery"
title = "Prévu au T1 2019, livré en mai 2020"
date = "2019-Q1"
done_on = "2020-05-14"
"#;
        let map = roadmap(axes);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let marker = |key| {
            layout
                .markers
                .iter()
                .find(|m| m.key == key)
                .expect("a delivered milestone is drawn")
        };
        let august = marker(ItemKey::Milestone(0, 0, 0));
        assert_eq!(august.precision, Precision::Month);
        close(august.x0, x(578.0)); // 1 August 2020
        close(august.x1, x(609.0)); // end of 31 August 2020
        assert_eq!(august.status, Status::Done);
        let may = marker(ItemKey::Milestone(0, 0, 1));
        assert!(may.is_point());
        close(may.x0, x(499.5)); // middle of 14 May 2020, not Q1 2019
        // The mission's bar, drawn from its milestones, reaches from the
        // earliest plan (Q1 2019) to the latest delivery.
        let bar = &layout.bars[0];
        close(bar.x0, 0.0);
        close(bar.x1, x(609.0));
    }

    #[test]
    fn a_moved_milestone_keeps_the_ghost_of_its_plan() {
        let axes = r#"
[[sources]]
id = "s"
title = "S"

[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "m"
title = "M"

[[axes.missions.milestones]]
id = "late-delivery"
title = "Prévu au T1 2019, livré en mai 2020"
date = "2019-Q1"
done_on = "2020-05-14"

[[axes.missions.milestones]]
id = "replanned"
title = "Prévu au T1 2020, replanifié au T3 2020"
date = "2020-Q1"
revised = [{ date = "2020-Q3", on = "2020-02-10", source = "s" }]

[[axes.missions.milestones]]
id = "as-planned"
title = "Livré comme prévu"
date = "2020-06"
done_on = "2020-06"

[[axes.missions.milestones]]
id = "plan-outside"
title = "Prévu avant la fenêtre"
date = "2018"
done_on = "2019-03-01"
"#;
        let map = roadmap(axes);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let marker = |s| {
            layout
                .markers
                .iter()
                .find(|m| m.key == ItemKey::Milestone(0, 0, s))
                .expect("drawn")
        };
        let late = marker(0);
        close(late.x0, x(499.5));
        let ghost = late.planned.expect("the plan is drawn");
        assert_eq!(ghost.precision, Precision::Quarter);
        close(ghost.x0, 0.0);
        close(ghost.x1, x(90.0)); // end of 31 March 2019
        // A re-planned one stands on its latest revision, its plan a ghost.
        let replanned = marker(1);
        assert_eq!(replanned.precision, Precision::Quarter);
        close(replanned.x0, x(547.0)); // 1 July 2020
        let ghost = replanned.planned.expect("the plan is drawn");
        close(ghost.x0, x(365.0)); // 1 January 2020
        // Delivered as planned: nothing to show; a plan before the window
        // is left out, not drawn at the edge.
        assert_eq!(marker(2).planned, None);
        assert_eq!(marker(3).planned, None);
        // The mission's bar, drawn from its milestones, reaches the latest
        // re-planning (the end of Q3 2020).
        close(layout.bars[0].x1, x(639.0));
    }
}
