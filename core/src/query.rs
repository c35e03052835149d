//! Search and filters: text that ignores case and accents ("souverainete"
//! finds "souveraineté"), and filters by axis, status, tag and date range.
//!
//! A [`SearchIndex`] folds every item's text once, so that incremental
//! search (a query per key press) only compares strings.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::dates::{Day, FuzzyDate};
use crate::model::{ItemKey, Roadmap};
use crate::status::Status;

/// Lower case without accents, for comparing what people type with what
/// the data says: "Souveraineté" and "SOUVERAINETE" both fold to
/// "souverainete"; "œ" folds to "oe".
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            '’' | 'ʼ' => folded.push('\''),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// What to look for. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words that must all appear (in any order) in an item's text.
    pub text: String,
    /// Keep items of these axes (ids).
    pub axes: Vec<String>,
    /// Keep items in these statuses, as shown on the query's day.
    pub statuses: Vec<Status>,
    /// Keep items carrying one of these tags, on themselves or their axis or mission.
    pub tags: Vec<String>,
    /// Keep items whose dates overlap this range (first and last day included).
    pub range: Option<(Day, Day)>,
    /// Keep only items whose status is stale on the query's day.
    pub stale: bool,
}

impl Query {
    /// A text-only query.
    pub fn text(text: impl Into<String>) -> Self {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.axes.is_empty()
            && self.statuses.is_empty()
            && self.tags.is_empty()
            && self.range.is_none()
            && !self.stale
    }
}

/// Every searchable item of a roadmap with its text folded once.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    entries: Vec<(ItemKey, String)>,
}

impl SearchIndex {
    /// Folds the text of every axis, mission and milestone of `roadmap`.
    pub fn new(roadmap: &Roadmap) -> Self {
        let mut entries = Vec::new();
        let join = |parts: &[Option<&str>]| {
            fold(
                &parts
                    .iter()
                    .flatten()
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        };
        for (a, axis) in roadmap.axes().iter().enumerate() {
            entries.push((
                ItemKey::Axis(a),
                join(&[
                    Some(&axis.id),
                    Some(&axis.title),
                    axis.description.as_deref(),
                ]),
            ));
            for (m, mission) in axis.missions.iter().enumerate() {
                entries.push((
                    ItemKey::Mission(a, m),
                    join(&[
                        Some(&mission.id),
                        Some(&mission.title),
                        mission.description.as_deref(),
                        mission.owner.as_deref(),
                        mission.note.as_deref(),
                    ]),
                ));
                for (s, milestone) in mission.milestones.iter().enumerate() {
                    entries.push((
                        ItemKey::Milestone(a, m, s),
                        join(&[
                            Some(&milestone.id),
                            Some(&milestone.title),
                            milestone.description.as_deref(),
                            milestone.note.as_deref(),
                        ]),
                    ));
                }
            }
        }
        SearchIndex { entries }
    }

    /// The items that match `query` on `today`, in tree order. Axes match
    /// by text only; missions and milestones pass every filter.
    pub fn search(&self, roadmap: &Roadmap, query: &Query, today: Day) -> Vec<ItemKey> {
        let folded = fold(&query.text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        self.entries
            .iter()
            .filter(|(_, text)| words.iter().all(|w| text.contains(w)))
            .filter(|(key, _)| passes_filters(roadmap, *key, query, today))
            .map(|(key, _)| *key)
            .collect()
    }
}

fn passes_filters(roadmap: &Roadmap, key: ItemKey, query: &Query, today: Day) -> bool {
    let axis_index = match key {
        ItemKey::Axis(a)
        | ItemKey::Mission(a, _)
        | ItemKey::Milestone(a, ..)
        | ItemKey::Indicator(a, ..) => a,
        ItemKey::Review(_) => return query.axes.is_empty(),
    };
    let Some(axis) = roadmap.axes().get(axis_index) else {
        return false;
    };
    if !query.axes.is_empty() && !query.axes.contains(&axis.id) {
        return false;
    }
    let (mission, milestone) = match key {
        ItemKey::Mission(_, m) => (axis.missions.get(m), None),
        ItemKey::Milestone(_, m, s) => {
            let mission = axis.missions.get(m);
            (
                mission,
                mission.and_then(|mission| mission.milestones.get(s)),
            )
        }
        _ => (None, None),
    };
    let Some(mission) = mission else {
        // Axes are not filtered by status, tag or date.
        return query.statuses.is_empty()
            && query.tags.is_empty()
            && query.range.is_none()
            && !query.stale;
    };
    if !query.tags.is_empty()
        && !query
            .tags
            .iter()
            .any(|tag| mission.tags.contains(tag) || axis.tags.contains(tag))
    {
        return false;
    }
    let (status, span) = match milestone {
        Some(milestone) => (
            milestone.effective_status(today),
            // From the planned date to the delivery: a filter on either finds it.
            {
                let dates = || milestone.date.into_iter().chain(milestone.done_on);
                dates().min().zip(dates().max_by_key(FuzzyDate::last_day))
            },
        ),
        None => (mission.effective_status(today), mission.span()),
    };
    if !query.statuses.is_empty() && !query.statuses.contains(&status) {
        return false;
    }
    if query.stale
        && !roadmap
            .get(key)
            .and_then(|item| roadmap.status_report(item, today))
            .is_some_and(|report| report.stale)
    {
        return false;
    }
    match (query.range, span) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((from, to)), Some((start, end))) => overlaps(from, to, &start, &end),
    }
}

fn overlaps(from: Day, to: Day, start: &FuzzyDate, end: &FuzzyDate) -> bool {
    start.first_day() <= to && from <= end.last_day()
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};

    const TEXT: &str = r#"
id = "q"
title = "Q"
organisation = "O"
language = "fr"
published = "2023"
period = { start = "2019", end = "2023" }
[[tags]]
id = "cloud"
label = "Cloud"
[[axes]]
id = "souv"
title = "Préserver la souveraineté numérique"
tags = ["cloud"]
[[axes.missions]]
id = "suite"
title = "Suite collaborative"
start = "2023"
end = "2023"
[[axes.missions.milestones]]
id = "messagerie"
title = "Messagerie collaborative"
date = "2023-Q2"
status = "in-progress"
as_of = "2021-03"
[[axes]]
id = "data"
title = "Données"
[[axes.missions]]
id = "label"
title = "Offre de labellisation"
end = "2020-Q1"
[[axes.missions.milestones]]
id = "catalogue"
title = "Catalogue GouvTech en ligne"
date = "2020-Q1"
done_on = "2021-05-17"
status = "done"
"#;

    fn roadmap() -> Roadmap {
        load_str("q.toml", TEXT, Format::Toml)
            .expect("valid")
            .roadmap
    }

    fn today() -> Day {
        "2023-06-01".parse::<FuzzyDate>().expect("date").first_day()
    }

    fn ids(roadmap: &Roadmap, keys: &[ItemKey]) -> Vec<String> {
        keys.iter()
            .filter_map(|k| roadmap.get(*k))
            .map(|item| match item {
                crate::model::ItemRef::Axis(a) => a.id.clone(),
                crate::model::ItemRef::Mission(_, m) => m.id.clone(),
                crate::model::ItemRef::Milestone(_, _, m) => m.id.clone(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Souveraineté NUMÉRIQUE"), "souverainete numerique");
        assert_eq!(fold("Œuvre à l’État"), "oeuvre a l'etat");
    }

    #[test]
    fn text_search_ignores_case_and_accents() {
        let roadmap = roadmap();
        let index = SearchIndex::new(&roadmap);
        let hits = index.search(&roadmap, &Query::text("souverainete"), today());
        assert_eq!(ids(&roadmap, &hits), ["souv"]);
        let hits = index.search(&roadmap, &Query::text("COLLABORATIVE suite"), today());
        assert_eq!(ids(&roadmap, &hits), ["suite"]);
        assert!(
            index
                .search(&roadmap, &Query::text("absent"), today())
                .is_empty()
        );
    }

    #[test]
    fn filters_by_axis_status_tag_and_range() {
        let roadmap = roadmap();
        let index = SearchIndex::new(&roadmap);
        let by_axis = Query {
            axes: vec!["data".into()],
            ..Query::default()
        };
        assert_eq!(
            ids(&roadmap, &index.search(&roadmap, &by_axis, today())),
            ["data", "label", "catalogue"]
        );
        let done = Query {
            statuses: vec![Status::Done],
            ..Query::default()
        };
        assert_eq!(
            ids(&roadmap, &index.search(&roadmap, &done, today())),
            ["label", "catalogue"]
        );
        let tagged = Query {
            tags: vec!["cloud".into()],
            ..Query::default()
        };
        assert_eq!(
            ids(&roadmap, &index.search(&roadmap, &tagged, today())),
            ["suite", "messagerie"]
        );
        let in_2020 = Query {
            range: Some((
                "2020-01-01".parse::<FuzzyDate>().expect("date").first_day(),
                "2020-12-31".parse::<FuzzyDate>().expect("date").first_day(),
            )),
            ..Query::default()
        };
        assert_eq!(
            ids(&roadmap, &index.search(&roadmap, &in_2020, today())),
            ["label", "catalogue"]
        );
    }

    #[test]
    fn the_stale_filter_keeps_statuses_older_than_the_threshold() {
        let roadmap = roadmap();
        let index = SearchIndex::new(&roadmap);
        let stale = Query {
            stale: true,
            ..Query::default()
        };
        // In progress as of March 2021, more than 12 months before June 2023;
        // the mission's derived status is as old as its milestone's.
        assert_eq!(
            ids(&roadmap, &index.search(&roadmap, &stale, today())),
            ["suite", "messagerie"]
        );
        let early = "2021-06-01".parse::<FuzzyDate>().expect("date").first_day();
        assert!(index.search(&roadmap, &stale, early).is_empty());
    }
}
