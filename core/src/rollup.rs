//! Progress and status rolled up the tree: a milestone's progress, a
//! mission's from its milestones, an axis's from its missions, the
//! roadmap's from its axes, and counts by status at every level. Stated
//! values always win over computed ones, and a computed value is only given
//! when every child's is stated or implied (done is 100 %, planned is 0 %):
//! an average over the few known children, or an "in progress" taken as
//! 0 %, would claim far more than the sources say. Where no percentage
//! holds, the count of done children does.

use crate::dates::{Day, FuzzyDate};
use crate::locale::Language;
use crate::model::{Axis, ItemRef, Milestone, Mission, Roadmap};
use crate::status::{Status, StatusReport};

/// What can honestly be said of an item's completion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProgressFigure {
    /// A percentage, stated or computed from children that all have one.
    Percent(f64),
    /// Some children's progress is not known: only how many are done.
    Counts {
        /// Children done.
        done: usize,
        /// Children counted (cancelled ones are left out).
        total: usize,
        /// What the children are.
        of: Counted,
    },
    /// Nothing is known.
    Unknown,
}

/// The kind of children a [`ProgressFigure::Counts`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Milestones of a mission.
    Milestones,
    /// Missions of an axis or a roadmap.
    Missions,
}

impl ProgressFigure {
    /// The percentage, when there is one.
    pub fn percent(self) -> Option<f64> {
        match self {
            ProgressFigure::Percent(p) => Some(p),
            _ => None,
        }
    }

    /// In a narrow form for one-line rows: "40 %", "1/3", nothing when
    /// unknown.
    pub fn short(self, lang: Language) -> String {
        match self {
            ProgressFigure::Percent(p) => lang.percent(p),
            ProgressFigure::Counts { done, total, .. } => format!("{done}/{total}"),
            ProgressFigure::Unknown => String::new(),
        }
    }

    /// In words: "40 %", "1 of 3 milestones done" / "1 jalon terminé sur 3",
    /// "unknown" / "inconnu".
    pub fn text(self, lang: Language) -> String {
        match self {
            ProgressFigure::Percent(p) => lang.percent(p),
            ProgressFigure::Counts { done, total, of } => counts_text(done, total, of, lang),
            ProgressFigure::Unknown => Status::Unknown.label(lang).to_owned(),
        }
    }
}

/// "1 of 3 milestones done", "aucune mission terminée sur 6".
fn counts_text(done: usize, total: usize, of: Counted, lang: Language) -> String {
    match lang {
        Language::En => {
            let noun = match (of, total) {
                (Counted::Milestones, 1) => "milestone",
                (Counted::Milestones, _) => "milestones",
                (Counted::Missions, 1) => "mission",
                (Counted::Missions, _) => "missions",
            };
            format!("{done} of {total} {noun} done")
        }
        Language::Fr => {
            let plural = done > 1;
            let (count, noun, done_word) = match (of, done, plural) {
                (Counted::Milestones, 0, _) => ("aucun".to_owned(), "jalon", "terminé"),
                (Counted::Missions, 0, _) => ("aucune".to_owned(), "mission", "terminée"),
                (Counted::Milestones, n, false) => (n.to_string(), "jalon", "terminé"),
                (Counted::Milestones, n, true) => (n.to_string(), "jalons", "terminés"),
                (Counted::Missions, n, false) => (n.to_string(), "mission", "terminée"),
                (Counted::Missions, n, true) => (n.to_string(), "missions", "terminées"),
            };
            format!("{count} {noun} {done_word} sur {total}")
        }
    }
}

/// Done and counted (not cancelled) among `statuses`; (0, 0) when none is
/// known, as "0 of 3 done" would then say more than the sources.
fn done_of(statuses: impl Iterator<Item = Status>) -> (usize, usize) {
    let (done, total, known) =
        statuses
            .filter(|&s| s != Status::Cancelled)
            .fold((0, 0, 0), |(done, total, known), s| {
                (
                    done + usize::from(s == Status::Done),
                    total + 1,
                    known + usize::from(s != Status::Unknown),
                )
            });
    if known == 0 { (0, 0) } else { (done, total) }
}

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

impl FromIterator<Status> for StatusCounts {
    fn from_iter<I: IntoIterator<Item = Status>>(statuses: I) -> Self {
        let mut counts = StatusCounts::default();
        for status in statuses {
            counts.add(status);
        }
        counts
    }
}

impl Milestone {
    /// Where the milestone stands on a timeline: its delivery when it was
    /// delivered (what happened beats what was planned), else its latest
    /// sourced re-planning, else its planned date; `None` when the sources
    /// give none.
    pub fn timeline_date(&self) -> Option<FuzzyDate> {
        self.done_on
            .or_else(|| self.revised.last().map(|r| r.date))
            .or(self.date)
    }

    /// The original plan, when the timeline draws the milestone elsewhere
    /// (delivered or re-planned on other dates): drawn as a ghost under it.
    pub fn planned_ghost(&self) -> Option<FuzzyDate> {
        let planned = self.date?;
        let drawn = self.timeline_date()?;
        (planned.first_day() != drawn.first_day() || planned.last_day() != drawn.last_day())
            .then_some(planned)
    }

    /// The status shown on `today` (see [`Status::derive`]).
    pub fn effective_status(&self, today: Day) -> Status {
        let progress = self.progress.map(crate::model::Progress::percent);
        if self.done_on.is_some() && self.status.is_none() {
            return Status::Done;
        }
        Status::derive(self.status, progress, None, self.date.as_ref(), today)
    }

    /// Progress in percent: stated, else implied by the status (100 when
    /// done, 0 when planned, so not started); `None` otherwise: in progress,
    /// late or at risk without a stated figure could be anywhere, cancelled
    /// is left out of rollups, unknown makes the rollup unknown.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        if let Some(progress) = self.progress {
            return Some(progress.percent());
        }
        match self.effective_status(today) {
            Status::Done => Some(100.0),
            // Not met: over without the result, so nothing of it is done.
            Status::Planned | Status::NotMet => Some(0.0),
            Status::Late
            | Status::AtRisk
            | Status::InProgress
            | Status::Cancelled
            | Status::Unknown => None,
        }
    }
}

impl Mission {
    /// The mission's span: its own `start`/`end`, else its milestones'
    /// extent, planned, re-planned and delivery dates alike.
    pub fn span(&self) -> Option<(FuzzyDate, FuzzyDate)> {
        let dates = || {
            self.milestones.iter().flat_map(|m| {
                m.date
                    .into_iter()
                    .chain(m.done_on)
                    .chain(m.latest_revision().map(|r| r.date))
            })
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

    /// What can be said of its completion: a percentage, else how many of
    /// its milestones are done, else unknown.
    pub fn progress_figure(&self, today: Day) -> ProgressFigure {
        if let Some(p) = self.progress_percent(today) {
            return ProgressFigure::Percent(p);
        }
        let (done, total) = done_of(self.milestones.iter().map(|m| m.effective_status(today)));
        if total == 0 {
            return ProgressFigure::Unknown;
        }
        ProgressFigure::Counts {
            done,
            total,
            of: Counted::Milestones,
        }
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
        self.milestones
            .iter()
            .map(|milestone| milestone.effective_status(today))
            .collect()
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

    /// A percentage, else how many of its missions are done, else unknown.
    pub fn progress_figure(&self, today: Day) -> ProgressFigure {
        missions_figure(
            self.progress_percent(today),
            self.missions.iter().map(|m| m.effective_status(today)),
        )
    }

    /// Its missions counted by status.
    pub fn mission_counts(&self, today: Day) -> StatusCounts {
        self.missions
            .iter()
            .map(|mission| mission.effective_status(today))
            .collect()
    }
}

impl Roadmap {
    /// Overall progress: the mean of the axes' progress, when all are known.
    pub fn progress_percent(&self, today: Day) -> Option<f64> {
        mean_of_known(self.axes.iter().map(|a| a.progress_percent(today)))
    }

    /// A percentage, else how many missions are done, else unknown.
    pub fn progress_figure(&self, today: Day) -> ProgressFigure {
        missions_figure(
            self.progress_percent(today),
            self.missions().map(|(_, _, m)| m.effective_status(today)),
        )
    }

    /// Whether a status true at `as_of` is older than the threshold on `today`:
    /// more than `stale_after_months` months lie between the end of the
    /// as-of date's span and today.
    pub fn is_stale(&self, as_of: FuzzyDate, today: Day) -> bool {
        let last = as_of.last_day();
        let months = |d: Day| i64::from(d.year()) * 12 + i64::from(u8::from(d.month()));
        let gap = months(today) - months(last);
        let limit = i64::from(self.stale_after_months);
        gap > limit || (gap == limit && today.day() > last.day())
    }

    /// The status of a mission or milestone as a reader should see it (see
    /// [`StatusReport`]); `None` for other items.
    pub fn status_report(&self, item: ItemRef<'_>, today: Day) -> Option<StatusReport> {
        let (status, written, as_of, due) = match item {
            ItemRef::Mission(_, mission) => (
                mission.effective_status(today),
                mission.status.is_some(),
                // A status derived from milestones is as fresh as their newest.
                mission
                    .as_of
                    .filter(|_| mission.status.is_some())
                    .or_else(|| mission.milestones.iter().filter_map(|m| m.as_of).max()),
                mission.end,
            ),
            ItemRef::Milestone(_, _, milestone) => (
                milestone.effective_status(today),
                milestone.status.is_some(),
                milestone.as_of,
                milestone.date,
            ),
            _ => return None,
        };
        let open = matches!(status, Status::Planned | Status::InProgress);
        // "Unknown" claims nothing to date; done, cancelled and not met are outcomes and do not age.
        let as_of = as_of.filter(|_| status != Status::Unknown);
        let can_age = !matches!(status, Status::Done | Status::Cancelled | Status::NotMet);
        Some(StatusReport {
            status,
            derived: !written,
            as_of,
            stale: can_age && as_of.is_some_and(|as_of| self.is_stale(as_of, today)),
            past_due: due.filter(|due| open && due.last_day() < today),
        })
    }

    /// Every mission counted by status.
    pub fn mission_counts(&self, today: Day) -> StatusCounts {
        self.missions()
            .map(|(_, _, mission)| mission.effective_status(today))
            .collect()
    }

    /// Every milestone counted by status.
    pub fn milestone_counts(&self, today: Day) -> StatusCounts {
        self.milestones()
            .map(|(_, milestone)| milestone.effective_status(today))
            .collect()
    }
}

/// The percentage when known, else the missions done, else unknown.
fn missions_figure(percent: Option<f64>, statuses: impl Iterator<Item = Status>) -> ProgressFigure {
    if let Some(p) = percent {
        return ProgressFigure::Percent(p);
    }
    match done_of(statuses) {
        (_, 0) => ProgressFigure::Unknown,
        (done, total) => ProgressFigure::Counts {
            done,
            total,
            of: Counted::Missions,
        },
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

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::{Counted, ProgressFigure};
    use crate::dates::FuzzyDate;
    use crate::load::{Format, load_str};
    use crate::locale::Language;
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

    const HONEST: &str = r#"
id = "h"
title = "H"
organisation = "O"
language = "en"
published = "2023-03"
period = { start = "2023", end = "2025" }
stale_after_months = 12
[[sources]]
id = "march"
title = "Press release"
date = "2023-03-09"
[[sources]]
id = "september"
title = "Review"
date = "2023-09"
[[axes]]
id = "a"
title = "A"
[[axes.missions]]
id = "suite"
title = "In progress, one milestone in progress without a figure"
status = "in-progress"
sources = ["march"]
[[axes.missions.milestones]]
id = "s1"
title = "started"
status = "in-progress"
sources = ["march"]
[[axes.missions]]
id = "implied"
title = "Done and planned imply their progress"
[[axes.missions.milestones]]
id = "i1"
title = "done"
status = "done"
sources = ["march"]
[[axes.missions.milestones]]
id = "i2"
title = "planned"
status = "planned"
date = "2026-Q4"
sources = ["march"]
[[axes.missions]]
id = "overdue"
title = "Written in progress, due end 2025, last reported September 2023"
end = "end-2025"
status = "in-progress"
sources = ["march", "september"]
[[axes.missions]]
id = "fresh"
title = "Reported recently"
status = "planned"
as_of = "2026-10"
sources = ["march"]
[[axes.missions]]
id = "unknown"
title = "The sources do not say"
status = "unknown"
sources = ["march"]
[[axes.missions.milestones]]
id = "u1"
title = "nobody knows"
status = "unknown"
sources = ["march"]
[[axes.missions]]
id = "undated"
title = "No status, due long ago"
end = "2023-Q1"
"#;

    fn honest() -> crate::Roadmap {
        load_str("h.toml", HONEST, Format::Toml).unwrap().roadmap
    }

    fn november_2026() -> crate::Day {
        "2026-11-15".parse::<FuzzyDate>().unwrap().first_day()
    }

    fn mission<'a>(roadmap: &'a crate::Roadmap, id: &str) -> crate::ItemRef<'a> {
        roadmap.find(id).unwrap()
    }

    #[test]
    fn in_progress_without_a_figure_is_not_zero_percent() {
        let roadmap = honest();
        let Some(crate::ItemRef::Mission(_, suite)) = roadmap.find("suite") else {
            panic!("suite is a mission")
        };
        assert_eq!(suite.progress_percent(november_2026()), None);
        assert_eq!(
            suite.progress_figure(november_2026()),
            ProgressFigure::Counts {
                done: 0,
                total: 1,
                of: Counted::Milestones
            }
        );
        assert_eq!(
            suite.progress_figure(november_2026()).text(Language::En),
            "0 of 1 milestone done"
        );
        assert_eq!(
            suite.progress_figure(november_2026()).text(Language::Fr),
            "aucun jalon terminé sur 1"
        );
    }

    #[test]
    fn done_and_planned_imply_their_percentage() {
        let roadmap = honest();
        let Some(crate::ItemRef::Mission(_, implied)) = roadmap.find("implied") else {
            panic!("implied is a mission")
        };
        assert_eq!(
            implied.progress_figure(november_2026()),
            ProgressFigure::Percent(50.0)
        );
    }

    #[test]
    fn a_roadmap_without_every_figure_counts_missions_done() {
        let roadmap = honest();
        let figure = roadmap.progress_figure(november_2026());
        assert_eq!(figure.percent(), None);
        assert_eq!(figure.text(Language::En), "0 of 6 missions done");
        assert_eq!(figure.text(Language::Fr), "aucune mission terminée sur 6");
        let two = ProgressFigure::Counts {
            done: 2,
            total: 6,
            of: Counted::Missions,
        };
        assert_eq!(two.text(Language::Fr), "2 missions terminées sur 6");
        assert_eq!(two.text(Language::En), "2 of 6 missions done");
    }

    #[test]
    fn a_written_status_keeps_its_word_and_its_date() {
        let roadmap = honest();
        let report = roadmap
            .status_report(mission(&roadmap, "suite"), november_2026())
            .unwrap();
        assert_eq!(report.status, Status::InProgress);
        assert!(!report.derived);
        assert_eq!(report.as_of, Some("2023-03-09".parse().unwrap()));
        assert!(
            report.stale,
            "March 2023 is older than 12 months in November 2026"
        );
        let fresh = roadmap
            .status_report(mission(&roadmap, "fresh"), november_2026())
            .unwrap();
        assert_eq!(fresh.as_of, Some("2026-10".parse().unwrap()), "as_of wins");
        assert!(!fresh.stale);
    }

    #[test]
    fn done_does_not_age_and_unknown_claims_no_date() {
        let roadmap = honest();
        let done = roadmap
            .status_report(roadmap.find("i1").unwrap(), november_2026())
            .unwrap();
        assert_eq!(done.as_of, Some("2023-03-09".parse().unwrap()));
        assert!(!done.stale);
        let unknown = roadmap
            .status_report(roadmap.find("unknown").unwrap(), november_2026())
            .unwrap();
        assert_eq!((unknown.as_of, unknown.stale), (None, false));
        assert_eq!(unknown.words(Language::En), "unknown");
        // Children none of whose status is known give no count either.
        let Some(crate::ItemRef::Mission(_, mission)) = roadmap.find("unknown") else {
            panic!("unknown is a mission")
        };
        assert_eq!(
            mission.progress_figure(november_2026()),
            ProgressFigure::Unknown
        );
    }

    #[test]
    fn a_stale_status_past_its_date_says_what_was_last_known() {
        let roadmap = honest();
        let report = roadmap
            .status_report(mission(&roadmap, "overdue"), november_2026())
            .unwrap();
        // Written in progress: not turned into "late".
        assert_eq!(report.status, Status::InProgress);
        // The newest cited source dates it.
        assert_eq!(report.as_of, Some("2023-09".parse().unwrap()));
        assert!(report.stale);
        assert_eq!(
            report.words(Language::En),
            "due end 2025; last reported in progress, September 2023"
        );
    }

    #[test]
    fn late_is_derived_only_when_nothing_is_written() {
        let roadmap = honest();
        let report = roadmap
            .status_report(mission(&roadmap, "undated"), november_2026())
            .unwrap();
        assert_eq!(report.status, Status::Late);
        assert!(report.derived);
        assert_eq!(report.words(Language::En), "late (derived)");
    }

    #[test]
    fn staleness_counts_whole_months_from_the_end_of_the_span() {
        let roadmap = honest();
        let day = |t: &str| t.parse::<FuzzyDate>().unwrap().first_day();
        let march = "2023-03".parse::<FuzzyDate>().unwrap();
        assert!(!roadmap.is_stale(march, day("2024-03-31")));
        assert!(roadmap.is_stale(march, day("2024-04-01")));
    }
}
