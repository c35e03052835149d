//! Lane packing: which lane of its axis each dated mission takes, one per
//! mission or shared by missions that leave a gap between them
//! ([`Packing`]). Lanes depend on dates only, never on the window, so they
//! stay put while the reader zooms and pans.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::window::julian;
use crate::model::{Axis, ItemKey};

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
    ///
    /// [`LayoutOptions::pack_gap_days`]: super::LayoutOptions::pack_gap_days
    Packed,
}

/// A dated mission while lanes are assigned; days are julian, inclusive.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    /// Index of the mission in its axis.
    pub(super) mission: usize,
    /// The mission's span.
    pub(super) bar: (i32, i32),
    /// The span and the milestones kept.
    extent: (i32, i32),
    /// The lane given, from 0.
    pub(super) lane: u32,
}

/// Lane assignment for one axis at a time, reusing its buffers.
#[derive(Debug, Default)]
pub(super) struct Lanes {
    /// The axis's dated missions, sorted by lane then start once assigned.
    pub(super) placed: Vec<Placed>,
    /// Lanes in use, by the julian day their last mission ends.
    busy: BinaryHeap<Reverse<(i32, u32)>>,
    /// Lanes free at the current start, lowest first.
    free: BinaryHeap<Reverse<u32>>,
}

impl Lanes {
    /// Gives the axis's dated missions their lanes; returns the number of
    /// lanes.
    pub(super) fn assign(
        &mut self,
        axis: &Axis,
        a: usize,
        packing: Packing,
        gap_days: u32,
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
                .filter_map(|(_, milestone)| milestone.timeline_date())
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
        match packing {
            Packing::OnePerMission => {
                for (lane, p) in (0..).zip(self.placed.iter_mut()) {
                    p.lane = lane;
                }
                self.placed.len() as u32
            }
            Packing::Packed => self.pack(i64::from(gap_days)),
        }
    }

    /// Gives each mission the first lane free at its start, `gap` empty
    /// days after the lane's last mission. Sorted by start, with a heap of
    /// busy lanes by end day and a heap of free lane numbers, it is
    /// O(n log n) where scanning every lane would be O(n²).
    fn pack(&mut self, gap: i64) -> u32 {
        self.placed.sort_unstable_by_key(by_start as Order);
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
        // Each lane keeps its missions in start order. One sort function
        // for both sorts: a sort is large code, instantiated per key.
        self.placed.sort_unstable_by_key(by_lane as Order);
        lanes
    }
}

/// A sort key of placed missions: both sorts take it as a function
/// pointer, so that they share one instantiation of the sort.
type Order = fn(&Placed) -> (u32, (i32, i32), usize);

/// The order of packing: by start, then file order.
fn by_start(p: &Placed) -> (u32, (i32, i32), usize) {
    (0, p.extent, p.mission)
}

/// The order of lanes: by lane, each in start order.
fn by_lane(p: &Placed) -> (u32, (i32, i32), usize) {
    (p.lane, p.extent, p.mission)
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::layout::fixtures::{AXES, WIDTH, close, options, roadmap, window, x};
    use crate::layout::{LayoutOptions, RowKind, TimelineLayout};

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
}
