//! Crowded milestones: on one lane, a run of marks that overlap one
//! another at the window's scale, too many to tell apart or to point at
//! one by one (days, and periods drawn narrow). A front end may draw such
//! a run as one mark that zooms in on it ([`TimelineLayout::crowds`]),
//! which also spares it drawing hundreds of hidden marks over a whole
//! large roadmap. A run that would open on more than half the window is
//! drawn mark by mark: zooming in would barely separate it. So a window
//! shorter than twice [`MIN_WINDOW_DAYS`] crowds nothing, and each crowd
//! opened on shows its marks at least twice as far apart.
//!
//! [`MIN_WINDOW_DAYS`]: super::MIN_WINDOW_DAYS

use super::TimelineLayout;
use super::arrangement::RowKind;
use super::placement::Marker;
use super::window::TimeWindow;
use crate::model::ItemKey;
use crate::rollup::StatusCounts;
use crate::status::Status;

/// When marks crowd, in the caller's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crowding {
    /// How far a day milestone's mark reaches on each side of its day.
    pub reach: f64,
    /// The narrowest a period milestone's mark is drawn.
    pub min_span: f64,
    /// The widest a period milestone's mark may be and still crowd: a wider
    /// one can be pointed at beside the marks over it, and zooming in could
    /// never separate it from the days it holds.
    pub widest: f64,
    /// The fewest overlapping marks that make a crowd.
    pub least: usize,
}

/// A run of overlapping milestones on one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Crowd {
    /// Index of the lane's row.
    pub row: usize,
    /// The left edge of its leftmost mark.
    pub x0: f64,
    /// The right edge of its rightmost mark.
    pub x1: f64,
    /// Its milestones, by where their marks start.
    pub members: Vec<ItemKey>,
    /// How many of them are in each status, on the layout's day.
    pub statuses: StatusCounts,
    /// The window that opens it: its days, and a tenth more on each side.
    pub window: TimeWindow,
}

impl TimelineLayout<'_> {
    /// The crowds of `row` (none on an axis header), leaving out the
    /// milestones `apart` names (say, the open one), which are drawn on
    /// their own whatever their neighbours.
    pub fn crowds(
        &self,
        row: usize,
        crowding: Crowding,
        apart: &dyn Fn(ItemKey) -> bool,
    ) -> Vec<Crowd> {
        let Some(lane) = self.rows.get(row).filter(|r| r.kind == RowKind::Lane) else {
            return Vec::new();
        };
        // Kept in order of their left edges as they come: a lane holds a
        // few dozen marks, and a sort would add its own code to the
        // widget's module for each element type.
        let mut marks: Vec<Mark> = Vec::new();
        for marker in self.markers.get(lane.markers.clone()).unwrap_or_default() {
            if apart(marker.key) || !crowdable(marker, crowding) {
                continue;
            }
            let mark = Mark::of(marker, crowding);
            let at = marks.partition_point(|other| other.left <= mark.left);
            marks.insert(at, mark);
        }
        let mut crowds = Vec::new();
        let mut run: Vec<Mark> = Vec::new();
        let mut end = f64::NEG_INFINITY;
        for mark in marks {
            if !run.is_empty() && mark.left >= end {
                self.push_crowd(&mut crowds, row, &run, crowding);
                run.clear();
            }
            end = if run.is_empty() {
                mark.right
            } else {
                end.max(mark.right)
            };
            run.push(mark);
        }
        self.push_crowd(&mut crowds, row, &run, crowding);
        crowds
    }

    /// Adds `run` to `crowds` when it has enough marks.
    fn push_crowd(&self, crowds: &mut Vec<Crowd>, row: usize, run: &[Mark], crowding: Crowding) {
        if run.len() < crowding.least.max(2) {
            return;
        }
        let least = |at: fn(&Mark) -> f64| run.iter().map(at).fold(f64::INFINITY, f64::min);
        let most = |at: fn(&Mark) -> f64| run.iter().map(at).fold(f64::NEG_INFINITY, f64::max);
        let (x0, x1) = (least(|mark| mark.x0), most(|mark| mark.x1));
        let day = |x: f64| self.scale.day_at(x);
        // Its days with a tenth more on each side, so that the marks at
        // its ends show whole; no shorter than the shortest window.
        let window = TimeWindow::new(day(x0), day(x1))
            .zoom(1.0 / 1.2, day(x0))
            .centered_on(day(f64::midpoint(x0, x1)));
        // A run over most of the window would open on nearly the same
        // window: its marks are drawn one by one instead.
        if window.days() * 2 > self.scale.window().days() {
            return;
        }
        crowds.push(Crowd {
            row,
            x0: least(|mark| mark.left),
            x1: most(|mark| mark.right),
            members: run.iter().map(|mark| mark.key).collect(),
            statuses: run.iter().map(|mark| mark.status).collect(),
            window,
        });
    }
}

/// A milestone's mark while crowds are found.
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Its edges as drawn.
    left: f64,
    right: f64,
    /// Its day or period.
    x0: f64,
    x1: f64,
    key: ItemKey,
    status: Status,
}

impl Mark {
    /// Where `marker`'s mark lies: around its day, or along its period.
    fn of(marker: &Marker<'_>, crowding: Crowding) -> Self {
        let (left, right) = if marker.is_point() {
            (marker.x0 - crowding.reach, marker.x0 + crowding.reach)
        } else {
            (
                marker.x0,
                marker.x0 + (marker.x1 - marker.x0).max(crowding.min_span),
            )
        };
        Mark {
            left,
            right,
            x0: marker.x0,
            x1: marker.x1,
            key: marker.key,
            status: marker.status,
        }
    }
}

/// Whether `marker` may crowd: a day, or a period no wider than
/// [`Crowding::widest`].
fn crowdable(marker: &Marker<'_>, crowding: Crowding) -> bool {
    marker.is_point() || marker.x1 - marker.x0 <= crowding.widest
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use std::fmt::Write as _;

    use super::Crowding;
    use crate::layout::fixtures::{day, roadmap};
    use crate::layout::{LayoutOptions, MIN_WINDOW_DAYS, TimeWindow, TimelineLayout};
    use crate::locale::Language;
    use crate::model::Roadmap;

    const CROWDING: Crowding = Crowding {
        reach: 7.0,
        min_span: 4.0,
        widest: 14.0,
        least: 2,
    };

    /// One mission: three days and a month close together in May 2020,
    /// the whole year 2020, and a day a year later.
    fn crowded() -> Roadmap {
        let mut axes = String::from(
            "[[axes]]\nid = \"a\"\ntitle = \"A\"\n[[axes.missions]]\nid = \"m\"\n\
             title = \"M\"\nstart = \"2020-01\"\nend = \"2021-12\"\n",
        );
        for (id, date) in [
            ("d1", "2020-05-01"),
            ("d2", "2020-05-03"),
            ("d3", "2020-05-05"),
            ("month", "2020-05"),
            ("year", "2020"),
            ("far", "2021-06-01"),
        ] {
            let _ = write!(
                axes,
                "[[axes.missions.milestones]]\nid = \"{id}\"\ntitle = \"{id}\"\ndate = \"{date}\"\n"
            );
        }
        roadmap(&axes)
    }

    /// `map` over `window`, 880 pixels wide as in the widget.
    fn laid_out(map: &Roadmap, window: TimeWindow) -> TimelineLayout<'_> {
        let options = LayoutOptions::for_pixels(880.0, Language::Fr, day("2020-01-01"));
        TimelineLayout::new(map, window, &options)
    }

    /// 2015–2030: a day is 0.15 pixels wide, a month 4.6.
    fn wide() -> TimeWindow {
        TimeWindow::new(day("2015-01-01"), day("2030-12-31"))
    }

    #[test]
    fn overlapping_marks_crowd_and_others_stay_on_their_own() {
        let map = crowded();
        let key = |id: &str| map.key_of(id).expect("an id");
        let layout = laid_out(&map, wide());
        let crowds = layout.crowds(1, CROWDING, &|_| false);
        assert_eq!(crowds.len(), 1, "{crowds:?}");
        let crowd = &crowds[0];
        assert_eq!(crowd.row, 1);
        // By their marks' left edges; the year, wider than a day's mark,
        // and the day a year later stay on their own.
        assert_eq!(crowd.members, ["d1", "d2", "d3", "month"].map(key));
        let x = |text: &str| layout.scale.x_mid(day(text));
        assert!(
            (crowd.x0 - (x("2020-05-01") - 7.0)).abs() < 1e-9,
            "{crowd:?}"
        );
        assert!(
            (crowd.x1 - (x("2020-05-05") + 7.0)).abs() < 1e-9,
            "{crowd:?}"
        );
        // Its window holds its days, a little more, and no more than that.
        let days = crowd.window;
        assert!(days.contains(day("2020-04-30")) && days.contains(day("2020-06-01")));
        assert!(days.days() < 45, "{days:?}");
        // The open one drawn apart, or too few for a crowd: none.
        let open = key("d2");
        let without = layout.crowds(1, CROWDING, &|k| k == open);
        assert_eq!(without[0].members, ["d1", "d3", "month"].map(key));
        let five = Crowding {
            least: 5,
            ..CROWDING
        };
        assert!(layout.crowds(1, five, &|_| false).is_empty());
        // An axis header crowds nothing.
        assert!(layout.crowds(0, CROWDING, &|_| false).is_empty());
        // Zoomed in on it, its marks are far enough apart.
        let closer = laid_out(&map, crowd.window);
        assert_eq!(closer.markers_in(1..2).len(), 5);
        assert!(closer.crowds(1, CROWDING, &|_| false).is_empty());
    }

    #[test]
    fn a_crowd_opens_on_half_the_window_at_most() {
        let map = crowded();
        let around = day("2020-05-03");
        // So wide a reach that every mark overlaps: the three days crowd,
        // and open on the shortest window.
        let everything = Crowding {
            reach: 1e6,
            ..CROWDING
        };
        let crowds = |days: i64| {
            let window = TimeWindow::new(around, around).zoom(1.0 / days as f64, around);
            assert_eq!(window.days(), days);
            laid_out(&map, window).crowds(1, everything, &|_| false)
        };
        let crowd = crowds(2 * MIN_WINDOW_DAYS).remove(0);
        assert_eq!(crowd.window.days(), MIN_WINDOW_DAYS);
        assert!(crowds(2 * MIN_WINDOW_DAYS - 1).is_empty());
    }
}
