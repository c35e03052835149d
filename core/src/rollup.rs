//! Progress and status rolled up the tree: a milestone's progress, a
//! mission's from its milestones, an axis's from its missions, the
//! roadmap's from its axes, and counts by status at every level. Stated
//! values always win over computed ones, and a computed value is only given
//! when every child's is known: an average over the few known children
//! would claim far more than the sources say.

use crate::dates::{Day, FuzzyDate};
use crate::model::{Axis, Milestone, Mission, Roadmap};
use crate::status::Status;

/// How many items are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts([usize; Status::ALL.len()]);

impl StatusCounts {
    /// Items in `status`.
    pub fn get(&self, status: Status) -> usize {
        self.0[status as usize]
    }

    /// Counts one more item in `status`.
    pub fn add(&mut self, status: Status) {
        self.0[status as usize] += 1;
    }

    /// All items counted.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Statuses with at least one item, in reporting order.
    pub fn nonzero(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL
            .into_iter()
            .map(|s| (s, self.get(s)))
            .filter(|&(_, n)| n > 0)
    }
}

impl Milestone {
    /// Where the milestone stands on a timeline: its delivery when it was
    /// delivered (what happened beats what was planned), else its planned
    /// date; `None` when the sources give neither.
    pub fn timeline_date(&self) -> Option<FuzzyDate> {
        self.done_on.or(self.date)
    }

    /// The status shown on `today` (see [`Status::derive`]).
    pub fn effective_status(&self, today: Day) -> Status {
        let progress = self.progress.map(crate::model::Progress::percent);
        if self.done_on.is_some() && self.status.is_none() {
            return Status::Done;
        }
        Status::derive(self.status, progress, None, self.date.as_ref(), today)
    }

    /// Progress in percent: stated, else 100 when done and 0 when planned,
    /// late or at risk; `None` when cancelled (left out of rollups) or
    /// unknown (which makes the rollup unknown).
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        if let Some(progress) = self.progress {
            return Some(progress.percent());
        }
        match self.effective_status(today) {
            Status::Done => Some(100.0),
            Status::Planned | Status::Late | Status::AtRisk | Status::InProgress => Some(0.0),
            Status::Cancelled | Status::Unknown => None,
        }
    }
}

impl Mission {
    /// The mission's span: its own `start`/`end`, else its milestones'
    /// extent, planned and delivery dates alike.
    pub fn span(&self) -> Option<(FuzzyDate, FuzzyDate)> {
        let dates = || {
            self.milestones
                .iter()
                .flat_map(|m| m.date.into_iter().chain(m.done_on))
        };
        let start = self.start.or_else(|| dates().min())?;
        let end = self
            .end
            .or_else(|| dates().max_by_key(FuzzyDate::last_day))?;
        Some((start, end))
    }

    /// Progress in percent: stated, else the mean of its milestones'.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        if let Some(progress) = self.progress {
            return Some(progress.percent());
        }
        if self.status == Some(Status::Done) {
            return Some(100.0);
        }
        let computed = mean_of_known(
            self.milestones
                .iter()
                .filter(|m| m.effective_status(today) != Status::Cancelled)
                .map(|m| m.progress_percent(today)),
        );
        // All listed milestones done while the data says the mission is not:
        // the list does not cover the work, so 100 % would be a claim.
        let unfinished = self.status.is_some_and(|s| s != Status::Done);
        computed.filter(|&p| !(unfinished && p >= 100.0))
    }

    /// The status shown on `today`.
    pub fn effective_status(&self, today: Day) -> Status {
        let span = self.span();
        let progress = self.progress_percent(today);
        if self.status.is_none() && !self.milestones.is_empty() {
            let counts = self.milestone_counts(today);
            if counts.get(Status::Done) + counts.get(Status::Cancelled) == counts.total() {
                return Status::Done;
            }
            // A delivered or started milestone means the mission has started.
            if counts.get(Status::Done) + counts.get(Status::InProgress) > 0 {
                return Status::derive(
                    Some(Status::InProgress),
                    progress,
                    None,
                    self.end.as_ref(),
                    today,
                );
            }
        }
        Status::derive(
            self.status,
            progress,
            span.as_ref().map(|(start, _)| start),
            self.end.as_ref(),
            today,
        )
    }

    /// Its milestones counted by status.
    pub fn milestone_counts(&self, today: Day) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for milestone in &self.milestones {
            counts.add(milestone.effective_status(today));
        }
        counts
    }
}

impl Axis {
    /// Progress in percent: stated, else the mean of its missions'.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        self.progress
            .map(crate::model::Progress::percent)
            .or_else(|| {
                mean_of_known(
                    self.missions
                        .iter()
                        .filter(|m| m.effective_status(today) != Status::Cancelled)
                        .map(|m| m.progress_percent(today)),
                )
            })
    }

    /// Its missions counted by status.
    pub fn mission_counts(&self, today: Day) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for mission in &self.missions {
            counts.add(mission.effective_status(today));
        }
        counts
    }
}

impl Roadmap {
    /// Overall progress: the mean of the axes' progress, when all are known.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        mean_of_known(self.axes.iter().map(|a| a.progress_percent(today)))
    }

    /// Every mission counted by status.
    pub fn mission_counts(&self, today: Day) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for (_, _, mission) in self.missions() {
            counts.add(mission.effective_status(today));
        }
        counts
    }

    /// Every milestone counted by status.
    pub fn milestone_counts(&self, today: Day) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for (_, milestone) in self.milestones() {
            counts.add(milestone.effective_status(today));
        }
        counts
    }
}

/// The mean, when there is at least one value and none is unknown.
fn mean_of_known(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let mut sum = 0.0;
    let mut count = 0_usize;
    for value in values {
        sum += value?;
        count += 1;
    }
    (count > 0).then(|| sum / count as f64)
}

#[cfg(test)]
mod tests {
    use crate::dates::FuzzyDate;
    use crate::load::{Format, load_str};
    use crate::status::Status;

    const TEXT: &str = r#"
id = "r"
title = "R"
organisation = "O"
language = "en"
published = "2020"
period = { start = "2020", end = "2022" }
[[axes]]
id = "a"
title = "A"
[[axes.missions]]
id = "known"
title = "All milestones known"
end = "2022"
[[axes.missions.milestones]]
id = "k1"
title = "done"
date = "2020-Q1"
status = "done"
[[axes.missions.milestones]]
id = "k2"
title = "half"
date = "2022-Q1"
progress = 50
[[axes.missions.milestones]]
id = "k3"
title = "dropped"
status = "cancelled"
[[axes.missions]]
id = "partly"
title = "One milestone unknown"
[[axes.missions.milestones]]
id = "p1"
title = "done"
status = "done"
[[axes.missions.milestones]]
id = "p2"
title = "nobody knows"
status = "unknown"
[[axes.missions]]
id = "unfinished"
title = "Stated in progress, its one listed milestone done"
status = "in-progress"
[[axes.missions.milestones]]
id = "u1"
title = "done"
status = "done"
[[axes]]
id = "b"
title = "B"
progress = 40
"#;

    fn today() -> crate::Day {
        "2021-06-01".parse::<FuzzyDate>().unwrap().first_day()
    }

    #[test]
    fn progress_rolls_up_only_from_known_children() {
        let roadmap = load_str("r.toml", TEXT, Format::Toml).unwrap().roadmap;
        let a = &roadmap.axes()[0];
        // Cancelled milestones are left out: (100 + 50) / 2.
        assert_eq!(a.missions[0].progress_percent(today()), Some(75.0));
        // One unknown milestone makes the mission's progress unknown…
        assert_eq!(a.missions[1].progress_percent(today()), None);
        // Milestones that are all done do not make a mission said unfinished 100 %.
        assert_eq!(a.missions[2].progress_percent(today()), None);
        // …and so the axis's and the roadmap's.
        assert_eq!(a.progress_percent(today()), None);
        assert_eq!(roadmap.progress_percent(today()), None);
        // A stated value wins.
        assert_eq!(roadmap.axes()[1].progress_percent(today()), Some(40.0));
    }

    #[test]
    fn counts_by_status_use_the_derived_status() {
        let roadmap = load_str("r.toml", TEXT, Format::Toml).unwrap().roadmap;
        let counts = roadmap.milestone_counts(today());
        assert_eq!(counts.get(Status::Done), 3);
        assert_eq!(counts.get(Status::InProgress), 1);
        assert_eq!(counts.get(Status::Cancelled), 1);
        assert_eq!(counts.get(Status::Unknown), 1);
        assert_eq!(counts.total(), 6);
        let missions = roadmap.mission_counts(today());
        assert_eq!(missions.get(Status::InProgress), 3, "{missions:?}");
    }
}
