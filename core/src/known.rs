//! What a roadmap's sources let a reader know, and how fresh it is: how
//! many statuses are sourced and as of when, the latest dated facts
//! (indicator values, deliveries) and the span of the sources' dates. The
//! explorer's dashboard, the presenter and the widget show this instead of
//! a column of "unknown".

use crate::dates::{Day, FuzzyDate, render_range};
use crate::locale::Language;
use crate::model::{ItemKey, ItemRef, Roadmap};
use crate::status::Status;

/// A dated fact the data states: a measured value or a delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedFact {
    /// When it was true.
    pub date: FuzzyDate,
    /// The indicator or milestone it is about.
    pub item: ItemKey,
    /// What the fact is.
    pub kind: FactKind,
}

/// The kind of a [`DatedFact`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FactKind {
    /// An indicator's value (its latest or an earlier one).
    Value(f64),
    /// A milestone delivered.
    Delivered,
}

/// The summary of what is known, as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownFacts {
    /// Missions and milestones.
    pub items: usize,
    /// Those whose status is written in the data (not "unknown") and dated.
    pub sourced_statuses: usize,
    /// Of those, how many are stale.
    pub stale_statuses: usize,
    /// The newest as-of date of a sourced status.
    pub latest_status: Option<FuzzyDate>,
    /// Dated facts, newest first.
    pub facts: Vec<DatedFact>,
    /// The newest source date.
    pub newest_source: Option<FuzzyDate>,
    /// The oldest source date.
    pub oldest_source: Option<FuzzyDate>,
}

impl KnownFacts {
    /// What `roadmap` lets a reader know on `today`.
    pub fn of(roadmap: &Roadmap, today: Day) -> KnownFacts {
        let mut known = KnownFacts {
            items: 0,
            sourced_statuses: 0,
            stale_statuses: 0,
            latest_status: None,
            facts: Vec::new(),
            newest_source: roadmap.sources().iter().filter_map(|s| s.date).max(),
            oldest_source: roadmap.sources().iter().filter_map(|s| s.date).min(),
        };
        for (a, m, mission) in roadmap.missions() {
            let axis = &roadmap.axes()[a];
            let items = std::iter::once((mission.status, ItemRef::Mission(axis, mission))).chain(
                mission.milestones.iter().map(|milestone| {
                    (
                        milestone.status,
                        ItemRef::Milestone(axis, mission, milestone),
                    )
                }),
            );
            for (written, item) in items {
                known.items += 1;
                let Some(report) = roadmap.status_report(item, today) else {
                    continue;
                };
                let sourced = written.is_some_and(|s| s != Status::Unknown);
                if let (true, Some(as_of)) = (sourced, report.as_of) {
                    known.sourced_statuses += 1;
                    known.stale_statuses += usize::from(report.stale);
                    known.latest_status = known.latest_status.max(Some(as_of));
                }
            }
            for (s, milestone) in mission.milestones.iter().enumerate() {
                if let Some(date) = milestone.done_on {
                    known.facts.push(DatedFact {
                        date,
                        item: ItemKey::Milestone(a, m, s),
                        kind: FactKind::Delivered,
                    });
                }
            }
            for (i, indicator) in mission.indicators.iter().enumerate() {
                let measured = indicator.current.iter().chain(&indicator.history);
                for measurement in measured {
                    if let Some(date) = measurement.date {
                        known.facts.push(DatedFact {
                            date,
                            item: ItemKey::Indicator(a, m, i),
                            kind: FactKind::Value(measurement.value),
                        });
                    }
                }
            }
        }
        // Newest first; on a tie, file order.
        known
            .facts
            .sort_by_key(|fact| std::cmp::Reverse(fact.date.last_day()));
        known
    }

    /// "3 of 22 statuses sourced, the latest as of March 2023" /
    /// "3 états sourcés sur 22, le plus récent : mars 2023".
    pub fn statuses_text(&self, lang: Language) -> String {
        let (sourced, items) = (self.sourced_statuses, self.items);
        let latest = self.latest_status.map(|d| d.render(lang));
        match (lang, latest) {
            (Language::En, Some(latest)) => {
                format!("{sourced} of {items} statuses sourced, the latest as of {latest}")
            }
            (Language::En, None) => format!("{sourced} of {items} statuses sourced"),
            (Language::Fr, Some(latest)) => {
                format!(
                    "{} sur {items}, le plus récent\u{a0}: {latest}",
                    sourced_fr(sourced)
                )
            }
            (Language::Fr, None) => format!("{} sur {items}", sourced_fr(sourced)),
        }
    }

    /// "sources: 28 May 2020 → March 2023" / "sources : 28 mai 2020 → mars 2023".
    pub fn sources_text(&self, lang: Language) -> Option<String> {
        let range = render_range(Some(self.oldest_source?), self.newest_source, lang);
        Some(format!(
            "{}{}{range}",
            lang.phrase(crate::locale::Phrase::Sources),
            lang.colon()
        ))
    }
}

/// "aucun état sourcé", "1 état sourcé", "3 états sourcés".
fn sourced_fr(count: usize) -> String {
    match count {
        0 => "aucun état sourcé".to_owned(),
        1 => "1 état sourcé".to_owned(),
        n => format!("{n} états sourcés"),
    }
}

impl DatedFact {
    /// "March 2023 — Users: 42,000,000 users",
    /// "janvier 2023 — Lancement du guichet … : livré".
    pub fn text(&self, roadmap: &Roadmap, lang: Language) -> String {
        let date = self.date.render(lang);
        match (roadmap.get(self.item), self.kind) {
            (Some(ItemRef::Indicator(_, _, indicator)), FactKind::Value(value)) => format!(
                "{date} — {}{}{} {}",
                indicator.name,
                lang.colon(),
                lang.number(value),
                indicator.unit
            ),
            (Some(item), _) => format!(
                "{date} — {}{}{}",
                item.title(),
                lang.colon(),
                lang.phrase(crate::locale::Phrase::DeliveredOn)
            ),
            (None, _) => date,
        }
    }
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};

    const TEXT: &str = r#"
id = "k"
title = "K"
organisation = "O"
language = "en"
published = "2023-03"
period = { start = "2023", end = "2024" }
[[sources]]
id = "old"
title = "Old"
date = "2020-05-28"
[[sources]]
id = "new"
title = "New"
date = "2023-03"
[[axes]]
id = "a"
title = "A"
[[axes.missions]]
id = "m"
title = "FranceConnect"
status = "in-progress"
sources = ["new"]
[[axes.missions.milestones]]
id = "call"
title = "Call for projects launched"
date = "2023-01"
done_on = "2023-01"
status = "done"
sources = ["new"]
[[axes.missions.indicators]]
id = "users"
name = "Users"
unit = "users"
[[axes.missions.indicators.history]]
value = 15000000
date = "2020-05"
sources = ["old"]
[axes.missions.indicators.current]
value = 42000000
date = "2023-03"
sources = ["new"]
[[axes.missions]]
id = "u"
title = "Unknown"
status = "unknown"
sources = ["new"]
"#;

    fn known() -> (Roadmap, KnownFacts) {
        let roadmap = load_str("k.toml", TEXT, Format::Toml).unwrap().roadmap;
        let today = "2026-11-29".parse::<FuzzyDate>().unwrap().first_day();
        let known = KnownFacts::of(&roadmap, today);
        (roadmap, known)
    }

    #[test]
    fn counts_sourced_statuses_and_their_latest_date() {
        let (_, known) = known();
        assert_eq!((known.sourced_statuses, known.items), (2, 3));
        assert_eq!(known.stale_statuses, 1, "done does not age");
        assert_eq!(
            known.statuses_text(Language::En),
            "2 of 3 statuses sourced, the latest as of March 2023"
        );
        assert_eq!(
            known.statuses_text(Language::Fr),
            "2 états sourcés sur 3, le plus récent\u{a0}: mars 2023"
        );
    }

    #[test]
    fn lists_dated_facts_newest_first() {
        let (roadmap, known) = known();
        let texts: Vec<String> = known
            .facts
            .iter()
            .map(|f| f.text(&roadmap, Language::En))
            .collect();
        assert_eq!(
            texts,
            [
                "March 2023 — Users: 42,000,000 users",
                "January 2023 — Call for projects launched: delivered",
                "May 2020 — Users: 15,000,000 users",
            ]
        );
    }

    #[test]
    fn gives_the_span_of_the_sources() {
        let (_, known) = known();
        assert_eq!(
            known.sources_text(Language::En).as_deref(),
            Some("sources: 28 May 2020 → March 2023")
        );
        assert_eq!(
            known.sources_text(Language::Fr).as_deref(),
            Some("sources\u{a0}: 28 mai 2020 → mars 2023")
        );
    }
}
