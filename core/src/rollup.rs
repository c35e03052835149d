//! Progress and status rolled up the tree: a milestone's progress, a
//! mission's from its milestones, an axis's from its missions, the
//! roadmap's from its axes, and counts by status at every level. Stated
//! values always win over computed ones.

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
    /// The status shown on `today` (see [`Status::derive`]).
    pub fn effective_status(&self, today: Day) -> Status {
        let progress = self.progress.map(crate::model::Progress::percent);
        if self.done_on.is_some() && self.status.is_none() {
            return Status::Done;
        }
        Status::derive(self.status, progress, None, self.date.as_ref(), today)
    }

    /// Progress in percent: stated, else 100 when done and 0 when planned,
    /// late or at risk; `None` when cancelled or unknown, which then count
    /// for nothing in the mission's average.
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
    /// The mission's span: its own `start`/`end`, else its milestones' extent.
    pub fn span(&self) -> Option<(FuzzyDate, FuzzyDate)> {
        let dates = || self.milestones.iter().filter_map(|m| m.date);
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
        let computed = mean(
            self.milestones
                .iter()
                .filter_map(|m| m.progress_percent(today)),
        );
        computed.or((self.status == Some(Status::Done)).then_some(100.0))
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
                mean(
                    self.missions
                        .iter()
                        .filter_map(|m| m.progress_percent(today)),
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
    /// Overall progress: the mean of the axes' progress.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        mean(self.axes.iter().filter_map(|a| a.progress_percent(today)))
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

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0_usize), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}
