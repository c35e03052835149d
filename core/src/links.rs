//! Dependencies between missions and milestones (`depends_on`), both ways
//! ("depends on", "needed by"), each flagged when the predecessor ends
//! after the dependent starts. A mission runs from `start` to `end`; a
//! milestone is a moment: its planned `date`, or, for what the views show,
//! where it stands now (delivered, else re-planned, else planned). With
//! fuzzy dates, "after" means surely after: the predecessor's end begins
//! after the dependent's start is over, so no overlap of imprecise spans
//! is called late.

use crate::dates::FuzzyDate;
use crate::model::{ItemKey, ItemRef, Milestone, Mission, Roadmap};

/// Which dates a dependency is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// The plan as first written (`date`, `start`, `end`): what `roadmap
    /// check` warns about.
    Planned,
    /// Where items stand now: a milestone's delivery, else its latest
    /// re-planning, else its plan.
    Current,
}

/// When a dependable item starts and ends, on `dates`.
pub(crate) fn bounds(item: ItemRef<'_>, dates: Dates) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
    match item {
        ItemRef::Mission(_, mission) => mission_bounds(mission),
        ItemRef::Milestone(_, _, milestone) => {
            let at = milestone_date(milestone, dates);
            (at, at)
        }
        _ => (None, None),
    }
}

fn mission_bounds(mission: &Mission) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
    (mission.start, mission.end)
}

fn milestone_date(milestone: &Milestone, dates: Dates) -> Option<FuzzyDate> {
    match dates {
        Dates::Planned => milestone.date,
        Dates::Current => milestone.timeline_date(),
    }
}

/// Whether a predecessor ending on `end` surely ends after a dependent
/// starting on `start` has started; `false` when either is unknown.
pub fn ends_after_start(end: Option<FuzzyDate>, start: Option<FuzzyDate>) -> bool {
    matches!((end, start), (Some(end), Some(start)) if end.first_day() > start.last_day())
}

/// One end of a dependency, seen from the other item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The item at the other end.
    pub key: ItemKey,
    /// The predecessor ends after the dependent starts, on current dates.
    pub late: bool,
}

impl Roadmap {
    /// Whether `dependent`'s dependency on `predecessor` is late on `dates`.
    pub fn is_late_dependency(
        &self,
        dependent: ItemKey,
        predecessor: ItemKey,
        dates: Dates,
    ) -> bool {
        let (Some(dependent), Some(predecessor)) = (self.get(dependent), self.get(predecessor))
        else {
            return false;
        };
        ends_after_start(bounds(predecessor, dates).1, bounds(dependent, dates).0)
    }

    /// The items `key` depends on, in the order written.
    pub fn depends_on(&self, key: ItemKey) -> Vec<Link> {
        let ids: &[String] = match self.get(key) {
            Some(ItemRef::Mission(_, m)) => &m.depends_on,
            Some(ItemRef::Milestone(_, _, m)) => &m.depends_on,
            _ => &[],
        };
        ids.iter()
            .filter_map(|id| self.key_of(id))
            .map(|other| Link {
                key: other,
                late: self.is_late_dependency(key, other, Dates::Current),
            })
            .collect()
    }

    /// The items that depend on `key`, in file order.
    pub fn needed_by(&self, key: ItemKey) -> Vec<Link> {
        let Some(id) = self.get(key).map(|item| item.id().to_owned()) else {
            return Vec::new();
        };
        let mut links = Vec::new();
        for (a, axis) in self.axes().iter().enumerate() {
            for (m, mission) in axis.missions.iter().enumerate() {
                let mission_key = ItemKey::Mission(a, m);
                if mission.depends_on.contains(&id) {
                    links.push(mission_key);
                }
                for (s, milestone) in mission.milestones.iter().enumerate() {
                    if milestone.depends_on.contains(&id) {
                        links.push(ItemKey::Milestone(a, m, s));
                    }
                }
            }
        }
        links
            .into_iter()
            .map(|other| Link {
                key: other,
                late: self.is_late_dependency(other, key, Dates::Current),
            })
            .collect()
    }
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};

    const FILE: &str = r#"
id = "t"
title = "T"
organisation = "O"
language = "en"
published = "2020"
period = { start = "2020", end = "2022" }

[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "build"
title = "Build"
start = "2020-Q1"
end = "2021-Q2"

[[axes.missions.milestones]]
id = "platform"
title = "Platform"
date = "2020-Q4"
done_on = "2021-03"

[[axes.missions]]
id = "roll-out"
title = "Roll-out"
start = "2021-01"
end = "2021-12"
depends_on = ["build", "platform"]

[[axes.missions.milestones]]
id = "first-users"
title = "First users"
date = "2021-Q1"
depends_on = ["platform"]
"#;

    fn roadmap() -> Roadmap {
        load_str("t.toml", FILE, Format::Toml)
            .expect("valid")
            .roadmap
    }

    #[test]
    fn surely_after_only() {
        let d = |t: &str| Some(t.parse::<FuzzyDate>().expect("a date"));
        assert!(ends_after_start(d("2021-Q2"), d("2021-01")));
        // Overlapping spans are not surely after.
        assert!(!ends_after_start(d("2021-Q1"), d("2021-01")));
        assert!(!ends_after_start(d("2021"), d("2021-06-01")));
        assert!(!ends_after_start(None, d("2021-01")));
        assert!(!ends_after_start(d("2022"), None));
    }

    #[test]
    fn links_go_both_ways_with_the_late_flag() {
        let roadmap = roadmap();
        let (build, platform) = (ItemKey::Mission(0, 0), ItemKey::Milestone(0, 0, 0));
        let (roll_out, first_users) = (ItemKey::Mission(0, 1), ItemKey::Milestone(0, 1, 0));
        assert_eq!(
            roadmap.depends_on(roll_out),
            [
                // Build ends in Q2 2021, after roll-out starts in January.
                Link {
                    key: build,
                    late: true
                },
                // Planned for Q4 2020, but delivered in March 2021.
                Link {
                    key: platform,
                    late: true
                },
            ]
        );
        assert!(!roadmap.is_late_dependency(roll_out, platform, Dates::Planned));
        // March 2021 against Q1 2021: overlapping, so not surely late.
        assert_eq!(
            roadmap.depends_on(first_users),
            [Link {
                key: platform,
                late: false
            }]
        );
        assert_eq!(
            roadmap.needed_by(platform),
            [
                Link {
                    key: roll_out,
                    late: true
                },
                Link {
                    key: first_users,
                    late: false
                },
            ]
        );
        assert_eq!(roadmap.needed_by(build).len(), 1);
        assert!(roadmap.depends_on(build).is_empty());
    }
}
