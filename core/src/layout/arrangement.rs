//! What the timeline's rows hold whatever the window: the rows in order,
//! each shown mission's days, status and progress, each shown milestone's
//! days, status and original plan. Arranging takes the rollups and the
//! date arithmetic of every item; placing an arrangement in a window
//! ([`TimelineLayout::place`](super::TimelineLayout::place)) only maps
//! days to x, so that a front end which keeps it pays for neither at each
//! zoom or pan.

use std::ops::Range;

use super::lanes::{Lanes, Placed};
use super::window::julian;
use super::{LayoutOptions, Packing};
use crate::dates::{Day, FuzzyDate, Precision};
use crate::model::{ItemKey, Mission, Roadmap};
use crate::status::Status;

/// What a row of the timeline holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// The header of an axis, before its lanes.
    Axis,
    /// A lane of missions.
    Lane,
}

/// A date's days, as julian day numbers, first and last inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Days {
    pub(super) first: i32,
    pub(super) last: i32,
    /// How precise the date is: a day is a point on the timeline.
    pub(super) precision: Precision,
}

impl Days {
    fn of(date: FuzzyDate) -> Self {
        Days {
            first: julian(date.first_day()),
            last: julian(date.last_day()),
            precision: date.precision(),
        }
    }
}

/// A row: an axis's header or a lane, with its items' ranges.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ArrangedRow {
    pub(super) kind: RowKind,
    pub(super) axis: usize,
    /// As [`Row::key`](super::Row::key).
    pub(super) key: Option<ItemKey>,
    /// Its missions in [`Arrangement::missions`].
    pub(super) missions: Range<usize>,
    /// Its milestones in [`Arrangement::milestones`].
    pub(super) milestones: Range<usize>,
}

/// A shown mission: its span and rollups.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ArrangedMission {
    pub(super) key: ItemKey,
    /// Its span's first and last julian days.
    pub(super) days: (i32, i32),
    pub(super) progress: Option<f64>,
    pub(super) status: Status,
}

/// A shown, dated milestone.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ArrangedMilestone {
    pub(super) key: ItemKey,
    /// Where it is drawn: delivered, else last re-planned, else planned.
    pub(super) days: Days,
    pub(super) status: Status,
    /// The original plan, when it is drawn elsewhere.
    pub(super) planned: Option<Days>,
}

/// A roadmap's timeline rows and items for one day, packing and filter,
/// ready to be placed in any window; see the module's doc.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrangement {
    /// The day statuses and progress were computed for.
    today: Day,
    packing: Packing,
    pack_gap_days: u32,
    pub(super) rows: Vec<ArrangedRow>,
    /// Row by row, in lane order.
    pub(super) missions: Vec<ArrangedMission>,
    /// Row by row, mission after mission.
    pub(super) milestones: Vec<ArrangedMilestone>,
    /// Start of each axis's missions in `mission_rows`.
    pub(super) axis_offsets: Vec<usize>,
    /// The row of each mission, axis after axis; `None` when not shown.
    pub(super) mission_rows: Vec<Option<usize>>,
}

impl Arrangement {
    /// Arranges the missions and milestones of `roadmap` that `keep`
    /// accepts (a mission stays when one of its milestones is kept) for
    /// the options' day, packing and gap; axes keep their header.
    pub fn new(roadmap: &Roadmap, options: &LayoutOptions, keep: &dyn Fn(ItemKey) -> bool) -> Self {
        let today = options.today;
        let mut arrangement = Arrangement {
            today,
            packing: options.packing,
            pack_gap_days: options.pack_gap_days,
            rows: Vec::new(),
            missions: Vec::new(),
            milestones: Vec::new(),
            axis_offsets: Vec::with_capacity(roadmap.axes().len()),
            mission_rows: Vec::new(),
        };
        let mut scratch = Lanes::default();
        for (a, axis) in roadmap.axes().iter().enumerate() {
            let offset = arrangement.mission_rows.len();
            arrangement.axis_offsets.push(offset);
            arrangement
                .mission_rows
                .resize(offset + axis.missions.len(), None);
            arrangement.rows.push(ArrangedRow {
                kind: RowKind::Axis,
                axis: a,
                key: Some(ItemKey::Axis(a)),
                missions: 0..0,
                milestones: 0..0,
            });
            let lanes = scratch.assign(axis, a, options.packing, options.pack_gap_days, keep);
            let placed = &scratch.placed;
            let mut next = 0;
            for lane in 0..lanes {
                let row = arrangement.rows.len();
                let (missions, milestones) =
                    (arrangement.missions.len(), arrangement.milestones.len());
                let first = next;
                while let Some(p) = placed.get(next).filter(|p| p.lane == lane) {
                    arrangement.mission_rows[offset + p.mission] = Some(row);
                    arrangement.add_mission(&axis.missions[p.mission], a, p, keep);
                    next += 1;
                }
                arrangement.rows.push(ArrangedRow {
                    kind: RowKind::Lane,
                    axis: a,
                    key: (next - first == 1).then(|| ItemKey::Mission(a, placed[first].mission)),
                    missions: missions..arrangement.missions.len(),
                    milestones: milestones..arrangement.milestones.len(),
                });
            }
        }
        arrangement
    }

    /// Whether it was arranged for the day, packing and gap of `options`,
    /// so that placing it with them shows what a new arrangement would.
    pub fn fits(&self, options: &LayoutOptions) -> bool {
        self.today == options.today
            && self.packing == options.packing
            && self.pack_gap_days == options.pack_gap_days
    }

    /// Adds a placed mission of axis `a` and its kept, dated milestones.
    fn add_mission(
        &mut self,
        mission: &Mission,
        a: usize,
        p: &Placed,
        keep: &dyn Fn(ItemKey) -> bool,
    ) {
        let today = self.today;
        self.missions.push(ArrangedMission {
            key: ItemKey::Mission(a, p.mission),
            days: p.bar,
            progress: mission.progress_percent(today),
            status: mission.effective_status(today),
        });
        for (s, milestone) in mission.milestones.iter().enumerate() {
            let key = ItemKey::Milestone(a, p.mission, s);
            // A delivered milestone is drawn where it was delivered.
            let Some(date) = milestone.timeline_date().filter(|_| keep(key)) else {
                continue;
            };
            self.milestones.push(ArrangedMilestone {
                key,
                days: Days::of(date),
                status: milestone.effective_status(today),
                planned: milestone.planned_ghost().map(Days::of),
            });
        }
    }
}
