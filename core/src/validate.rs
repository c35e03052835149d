//! Turns the loose file structs into a checked [`Roadmap`], reporting every
//! problem found with the place it comes from: missing fields, bad dates,
//! progress outside 0–100, end before start, duplicate ids, references to
//! unknown ids, dependency cycles, control characters in text, malformed
//! source addresses, revisions out of order, and (as warnings) milestones
//! outside their mission's period, items that cite no source and
//! dependencies planned to end after their dependent starts.

use std::collections::{HashMap, HashSet};

use crate::dates::FuzzyDate;
use crate::diagnostics::MAX_SHOWN;
use crate::health::{Health, HealthReading};
use crate::links::{self, Dates};
use crate::locale::Language;
use crate::locate::Path;
use crate::measure::ValueQualifier;
use crate::model::{
    Axis, Budget, Indicator, ItemKey, ItemRef, Measurement, Milestone, Mission, Period, Progress,
    ProgressReview, Roadmap, Source, Tag,
};
use crate::raw::{
    RawAxis, RawBudget, RawHealth, RawIndicator, RawMeasurement, RawMilestone, RawMission,
    RawReview, RawRevision, RawRoadmap, RawSource, RawTag,
};
use crate::slip::Revision;
use crate::status::Status;
use crate::suggest::closest;
use crate::text_checks;

mod findings;
mod presentation;

#[cfg(feature = "full-loader")]
pub(crate) use findings::{Earlier, Finding, Report};
pub(crate) use findings::{Findings, Verdict};

/// Checks `raw`; returns the roadmap (when no error was found), every
/// finding, errors and warnings, and the earlier places some refer to.
#[cfg(feature = "full-loader")]
pub(crate) fn validate(raw: RawRoadmap) -> (Option<Roadmap>, Vec<Finding>, Vec<Earlier>) {
    let (roadmap, report) = check::<Report>(raw);
    (roadmap, report.findings, report.earlier)
}

/// Checks `raw` with the same checks as [`validate`], keeping no words:
/// the roadmap, or the path of the first error found.
pub(crate) fn verdict(raw: RawRoadmap) -> Result<Roadmap, Path> {
    match check::<Verdict>(raw) {
        (Some(roadmap), _) => Ok(roadmap),
        (None, verdict) => Err(verdict.first_error.unwrap_or_default()),
    }
}

/// How many items of `raw` carry an id of the item-id map.
fn items_with_ids(raw: &RawRoadmap) -> usize {
    let missions = raw.axes.iter().flat_map(|axis| &axis.missions);
    raw.reviews.len()
        + raw.axes.len()
        + missions
            .map(|m| 1 + m.milestones.len() + m.indicators.len())
            .sum::<usize>()
}

/// Runs every check of `raw` into the sink `F`; the roadmap when no
/// error was found.
fn check<F: Findings>(mut raw: RawRoadmap) -> (Option<Roadmap>, F) {
    let mut found = F::default();
    text_checks::clean(&mut raw, &mut found);
    let mut check = Checker {
        found,
        // Sized once: growing the map would hash every id again.
        ids: HashMap::with_capacity(items_with_ids(&raw)),
        ..Checker::default()
    };
    let root = Path::default();
    let id = check.id(raw.id, &root, "roadmap");
    let title = check.required_text(raw.title, &root, "title", "roadmap");
    let organisation = check.required_text(raw.organisation, &root, "organisation", "roadmap");
    let language = check.language(raw.language, &root);
    let published = check.required_date(raw.published.as_deref(), &root, "published");
    let period = check.period(raw.period, &root);

    let sources: Vec<Source> = raw
        .sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| check.source(s, &root.item("sources", i)))
        .collect();
    check.source_ids = sources.iter().map(|s| s.id.clone()).collect();
    check.source_dates = sources
        .iter()
        .filter_map(|s| Some((s.id.clone(), s.date?)))
        .collect();
    check.refs(&raw.citations, &root, "citations", Target::Source);
    let tags: Vec<Tag> = raw
        .tags
        .into_iter()
        .enumerate()
        .map(|(i, t)| check.tag(t, &root.item("tags", i)))
        .collect();
    check.tag_ids = tags.iter().map(|t| t.id.clone()).collect();
    let reviews: Vec<ProgressReview> = raw
        .reviews
        .into_iter()
        .enumerate()
        .map(|(i, r)| check.review(r, i, &root.item("reviews", i)))
        .collect();
    let axes: Vec<Axis> = raw
        .axes
        .into_iter()
        .enumerate()
        .map(|(a, axis)| check.axis(axis, a, &root.item("axes", a)))
        .collect();
    if axes.is_empty() {
        check.warn(
            root.clone(),
            || "the roadmap has no axes",
            || "add an `[[axes]]` table with its `[[axes.missions]]`",
        );
    }
    let stale_after_months = check.stale_after_months(raw.stale_after_months, &root);
    let presentation = check.presentation(raw.presentation, &axes, &root);
    check.uncited(&sources, &root);
    check.resolve_references();
    check.find_cycles();
    check.late_plans(&axes);

    let failed = check.found.failed();
    let roadmap = (!failed).then(|| Roadmap {
        id,
        title,
        organisation,
        language,
        published: published.unwrap_or(period.start),
        period,
        summary: raw.summary,
        notes: raw.notes,
        citations: raw.citations,
        sources,
        tags,
        reviews,
        axes,
        stale_after_months,
        presentation,
        index: check.ids,
    });
    (roadmap, check.found)
}

/// A number of the file as a message quotes it: as Rust writes it (the
/// shortest form that reads back). Only a report writes it, so float
/// printing stays out of the lean reader's build.
fn written(value: f64) -> String {
    value.to_string()
}

/// The field that states something a reader should date: a status other
/// than `unknown` (which claims nothing), else a progress.
fn claimed_field(status: Option<Status>, progress: Option<Progress>) -> Option<&'static str> {
    match (status, progress) {
        (Some(s), _) if s != Status::Unknown => Some("status"),
        (_, Some(_)) => Some("progress"),
        _ => None,
    }
}

/// Months after which a status is stale when the file does not say.
const DEFAULT_STALE_AFTER_MONTHS: u32 = 12;

/// What a reference must point at.
#[derive(Clone, Copy)]
enum Target {
    Source,
    Tag,
    /// A mission or milestone, for `depends_on`.
    Item,
}

#[derive(Default)]
struct Checker<F> {
    found: F,
    /// Item ids (axes, missions, milestones, indicators, reviews).
    ids: HashMap<String, ItemKey>,
    source_ids: HashSet<String>,
    /// Publication dates of the sources that give one, by id.
    source_dates: HashMap<String, FuzzyDate>,
    /// Source ids cited anywhere, declared or not.
    cited: HashSet<String>,
    tag_ids: HashSet<String>,
    /// `depends_on` references, checked once every id is known.
    references: Vec<(Path, String)>,
    /// `depends_on` edges, from item id to item ids.
    dependencies: Vec<(String, Path, Vec<String>)>,
    /// Unknown references reported so far.
    suggested: usize,
}

impl<F: Findings> Checker<F> {
    /// An error at `path`; its words are made only if the sink keeps them.
    fn error<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    ) {
        self.found.error(path, message, help);
    }

    /// A warning at `path`, made as [`Checker::error`] makes an error.
    fn warn<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    ) {
        self.found.warn(path, message, help);
    }

    fn required_text(
        &mut self,
        value: Option<String>,
        at: &Path,
        field: &'static str,
        what: &str,
    ) -> String {
        match value {
            Some(text) if text.trim().is_empty() => {
                self.error(
                    at.key(field),
                    || format!("`{field}` is empty"),
                    || format!("give the {what} a {field}"),
                );
                text
            }
            Some(text) => text,
            None => {
                self.error(
                    at.clone(),
                    || format!("missing field `{field}` in this {what}"),
                    || format!("add `{field} = \"…\"`"),
                );
                String::new()
            }
        }
    }

    fn id(&mut self, value: Option<String>, at: &Path, what: &str) -> String {
        let id = self.required_text(value, at, "id", what);
        if let Some(bad) = id
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        {
            self.error(
                at.key("id"),
                || {
                    format!(
                        "id `{}` contains `{}`",
                        id.escape_debug(),
                        bad.escape_debug()
                    )
                },
                || "use letters, digits, `-`, `_` and `.` only",
            );
        }
        id
    }

    fn item_id(&mut self, value: Option<String>, at: &Path, what: &str, key: ItemKey) -> String {
        let id = self.id(value, at, what);
        if id.is_empty() {
            return id;
        }
        if let Some(&first) = self.ids.get(&id) {
            self.error(
                at.key("id"),
                || format!("duplicate id `{id}`"),
                || {
                    format!(
                        "ids must be unique in the file; `{id}` is already the id of {}",
                        article(first)
                    )
                },
            );
            self.found.repeats("item", &id);
        } else {
            self.ids.insert(id.clone(), key);
            self.found.first_defined("item", &id, || at.key("id"));
        }
        id
    }

    fn unique_in(&mut self, seen: &mut HashSet<String>, id: &str, at: &Path, what: &'static str) {
        if id.is_empty() {
            return;
        }
        if seen.insert(id.to_owned()) {
            self.found.first_defined(what, id, || at.key("id"));
        } else {
            self.error(
                at.key("id"),
                || format!("duplicate {what} id `{id}`"),
                || format!("give each {what} its own id"),
            );
            self.found.repeats(what, id);
        }
    }

    fn date(&mut self, text: Option<&str>, at: &Path, field: &'static str) -> Option<FuzzyDate> {
        let text = text?;
        match text.parse() {
            Ok(date) => Some(date),
            Err(err) => {
                let words = || split_hint(&err.to_string());
                self.error(
                    at.key(field),
                    || format!("bad date in `{field}`: {}", words().0),
                    || words().1,
                );
                None
            }
        }
    }

    fn required_date(
        &mut self,
        text: Option<&str>,
        at: &Path,
        field: &'static str,
    ) -> Option<FuzzyDate> {
        if text.is_none() {
            self.error(
                at.clone(),
                || format!("missing field `{field}`"),
                || format!("add `{field} = \"2023-03\"` (any date precision)"),
            );
        }
        self.date(text, at, field)
    }

    fn span(&mut self, start: Option<FuzzyDate>, end: Option<FuzzyDate>, at: &Path) {
        if let (Some(start), Some(end)) = (start, end)
            && end.last_day() < start.first_day()
        {
            self.error(
                at.key("end"),
                || {
                    format!(
                        "end {} is before start {}",
                        end.render(Language::En),
                        start.render(Language::En)
                    )
                },
                || "swap `start` and `end`, or fix the one that is wrong",
            );
        }
    }

    fn progress(&mut self, value: Option<f64>, at: &Path) -> Option<Progress> {
        let value = value?;
        let progress = Progress::new(value);
        if progress.is_none() {
            self.error(
                at.key("progress"),
                || format!("progress {} is outside 0–100", written(value)),
                || "write a percentage between 0 and 100",
            );
        }
        // A fraction written for a percentage: 0.5 for 50 %.
        if value > 0.0 && value < 1.0 {
            let percent = (value * 100.0 * 1000.0).round() / 1000.0;
            self.warn(
                at.key("progress"),
                || format!("progress {} is less than 1", written(value)),
                || {
                    format!(
                        "progress is a percentage from 0 to 100: did you mean `progress = {}`?",
                        written(percent)
                    )
                },
            );
        }
        progress
    }

    /// Reports `text`, which is none of the `keywords` a `what` takes,
    /// with the closest of them as a hint.
    fn unknown_keyword(&mut self, path: Path, what: &str, text: &str, keywords: &[&str]) {
        self.error(
            path,
            || format!("unknown {what} `{text}`"),
            || {
                let hint = match closest(text, keywords.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? "),
                    None => String::new(),
                };
                format!("{hint}use one of {}", quoted_list(keywords))
            },
        );
    }

    fn status(&mut self, value: Option<String>, at: &Path) -> Option<Status> {
        let text = value?;
        let status = text.parse().ok();
        if status.is_none() {
            let keywords = Status::ALL.map(Status::keyword);
            self.unknown_keyword(at.key("status"), "status", &text, &keywords);
        }
        status
    }

    /// The as-of date of a status, progress or value: the stated one, else
    /// the newest of the cited sources' dates. `stated` names the field that
    /// claims something (a status other than unknown, a progress): such a
    /// claim with no date at all is reported, since a reader cannot tell how
    /// old it is.
    fn as_of(
        &mut self,
        text: Option<&str>,
        sources: &[String],
        stated: Option<&'static str>,
        at: &Path,
    ) -> Option<FuzzyDate> {
        let as_of = self.date(text, at, "as_of").or_else(|| {
            sources
                .iter()
                .filter_map(|id| self.source_dates.get(id))
                .max()
                .copied()
        });
        if let Some(field) = stated.filter(|_| as_of.is_none() && text.is_none()) {
            self.warn(
                at.key(field),
                || format!("this `{field}` does not say when it was true"),
                || "add `as_of = \"2023-03\"` (the date of the source that says it), or give the cited `[[sources]]` a `date`",
            );
        }
        as_of
    }

    fn stale_after_months(&mut self, value: Option<u32>, at: &Path) -> u32 {
        match value {
            Some(0) => {
                self.error(
                    at.key("stale_after_months"),
                    || "`stale_after_months` is 0: every status would be stale",
                    || "write a number of months of at least 1, e.g. `stale_after_months = 12`",
                );
                DEFAULT_STALE_AFTER_MONTHS
            }
            Some(months) => months,
            None => DEFAULT_STALE_AFTER_MONTHS,
        }
    }

    fn language(&mut self, value: Option<String>, at: &Path) -> Language {
        let Some(text) = value else {
            self.error(
                at.clone(),
                || "missing field `language`",
                || "add `language = \"fr\"` or `language = \"en\"`",
            );
            return Language::default();
        };
        // A file names its language by code alone: the schema's two values.
        Language::from_code(&text).unwrap_or_else(|| {
            self.error(
                at.key("language"),
                || format!("unknown language `{}`: use `fr` or `en`", text.trim()),
                || "write `fr` or `en`",
            );
            Language::default()
        })
    }

    fn refs(&mut self, ids: &[String], at: &Path, field: &'static str, target: Target) {
        for (i, id) in ids.iter().enumerate() {
            let known = match target {
                Target::Source => {
                    self.cited.insert(id.clone());
                    self.source_ids.contains(id)
                }
                Target::Tag => self.tag_ids.contains(id),
                // Items may be declared further down: checked once all are known.
                Target::Item => {
                    self.references.push((at.key(field).index(i), id.clone()));
                    continue;
                }
            };
            if !known {
                self.unknown_reference(at.key(field).index(i), id, target);
            }
        }
    }

    /// Warns of each declared source that nothing cites: either the
    /// citations were forgotten or the entry is left over.
    fn uncited(&mut self, sources: &[Source], root: &Path) {
        if !F::WARNS {
            return;
        }
        for (i, source) in sources.iter().enumerate() {
            if !source.id.is_empty() && !self.cited.contains(&source.id) {
                let id = &source.id;
                self.warn(
                    root.item("sources", i).key("id"),
                    || format!("source `{id}` is cited by nothing"),
                    || format!(
                        "cite it with `sources = [\"{id}\"]` on the items it supports, or with `citations = [\"{id}\"]` at the top of the file if it is about the whole roadmap; or remove it"
                    ),
                );
            }
        }
    }

    fn cites(&mut self, sources: &[String], at: &Path, what: &str) {
        if sources.is_empty() {
            self.warn(
                at.clone(),
                || format!("this {what} cites no source"),
                || "add `sources = [\"…\"]` naming a `[[sources]]` entry",
            );
        }
        self.refs(sources, at, "sources", Target::Source);
    }

    fn period(&mut self, raw: Option<crate::raw::RawPeriod>, at: &Path) -> Period {
        let path = at.key("period");
        let Some(raw) = raw else {
            self.error(
                at.clone(),
                || "missing field `period`",
                || "add `period = { start = \"2023\", end = \"2024\" }`",
            );
            let placeholder = FuzzyDate::new(crate::dates::DateSpan::Year(2000));
            return Period {
                start: placeholder,
                end: placeholder,
            };
        };
        let start = self.required_date(raw.start.as_deref(), &path, "start");
        let end = self.required_date(raw.end.as_deref(), &path, "end");
        self.span(start, end, &path);
        let fallback = start
            .or(end)
            .unwrap_or(FuzzyDate::new(crate::dates::DateSpan::Year(2000)));
        Period {
            start: start.unwrap_or(fallback),
            end: end.unwrap_or(fallback),
        }
    }

    fn source(&mut self, raw: RawSource, at: &Path) -> Source {
        let id = self.id(raw.id, at, "source");
        let mut seen = std::mem::take(&mut self.source_ids);
        self.unique_in(&mut seen, &id, at, "source");
        self.source_ids = seen;
        if let Some(url) = raw.url.as_deref()
            && let Some(problem) = text_checks::url_problem(url)
        {
            let words = || problem.words(url);
            self.error(at.key("url"), || words().0, || words().1);
        }
        Source {
            id,
            title: self.required_text(raw.title, at, "title", "source"),
            publisher: raw.publisher,
            date: self.date(raw.date.as_deref(), at, "date"),
            url: raw.url,
            file: raw.file,
            note: raw.note,
        }
    }

    fn tag(&mut self, raw: RawTag, at: &Path) -> Tag {
        let id = self.id(raw.id, at, "tag");
        let mut seen = std::mem::take(&mut self.tag_ids);
        self.unique_in(&mut seen, &id, at, "tag");
        self.tag_ids = seen;
        self.refs(&raw.sources, at, "sources", Target::Source);
        Tag {
            id,
            label: self.required_text(raw.label, at, "label", "tag"),
            description: raw.description,
            sources: raw.sources,
        }
    }

    fn review(&mut self, raw: RawReview, index: usize, at: &Path) -> ProgressReview {
        let id = self.item_id(raw.id, at, "review", ItemKey::Review(index));
        let title = self.required_text(raw.title, at, "title", "review");
        let date = self.required_date(raw.date.as_deref(), at, "date");
        if let (Some(done), Some(total)) = (raw.done, raw.total)
            && done > total
        {
            self.error(
                at.key("done"),
                || format!("{done} done is more than the {total} in total"),
                || "check `done` and `total`",
            );
        }
        self.cites(&raw.sources, at, "review");
        ProgressReview {
            id,
            date: date.unwrap_or(FuzzyDate::new(crate::dates::DateSpan::Year(2000))),
            title,
            done: raw.done,
            total: raw.total,
            planned: raw.planned,
            added: raw.added,
            note: raw.note,
            sources: raw.sources,
        }
    }

    fn axis(&mut self, raw: RawAxis, a: usize, at: &Path) -> Axis {
        let id = self.item_id(raw.id, at, "axis", ItemKey::Axis(a));
        let title = self.required_text(raw.title, at, "title", "axis");
        let progress = self.progress(raw.progress, at);
        self.refs(&raw.tags, at, "tags", Target::Tag);
        self.cites(&raw.sources, at, "axis");
        let missions = raw
            .missions
            .into_iter()
            .enumerate()
            .map(|(m, mission)| self.mission(mission, a, m, &at.item("missions", m)))
            .collect();
        Axis {
            id,
            title,
            description: raw.description,
            notes: raw.notes,
            progress,
            tags: raw.tags,
            sources: raw.sources,
            missions,
        }
    }

    fn mission(&mut self, raw: RawMission, a: usize, m: usize, at: &Path) -> Mission {
        let id = self.item_id(raw.id, at, "mission", ItemKey::Mission(a, m));
        let title = self.required_text(raw.title, at, "title", "mission");
        let start = self.date(raw.start.as_deref(), at, "start");
        let end = self.date(raw.end.as_deref(), at, "end");
        self.span(start, end, at);
        let status = self.status(raw.status, at);
        let progress = self.progress(raw.progress, at);
        let budget = raw.budget.map(|b| self.budget(b, &at.key("budget")));
        self.refs(&raw.tags, at, "tags", Target::Tag);
        self.refs(&raw.depends_on, at, "depends_on", Target::Item);
        if !raw.depends_on.is_empty() {
            self.dependencies
                .push((id.clone(), at.key("depends_on"), raw.depends_on.clone()));
        }
        let health = self.health(raw.health, &at.key("health"));
        self.cites(&raw.sources, at, "mission");
        let claim = claimed_field(status, progress);
        let as_of = self.as_of(raw.as_of.as_deref(), &raw.sources, claim, at);
        let milestones = raw
            .milestones
            .into_iter()
            .enumerate()
            .map(|(s, milestone)| {
                let path = at.item("milestones", s);
                let milestone = self.milestone(milestone, ItemKey::Milestone(a, m, s), &path);
                self.within_mission(&milestone, start, end, &path);
                milestone
            })
            .collect();
        let indicators = raw
            .indicators
            .into_iter()
            .enumerate()
            .map(|(i, indicator)| {
                let path = at.item("indicators", i);
                self.indicator(indicator, ItemKey::Indicator(a, m, i), &path)
            })
            .collect();
        Mission {
            id,
            title,
            description: raw.description,
            owner: raw.owner,
            budget,
            start,
            end,
            status,
            progress,
            as_of,
            tags: raw.tags,
            depends_on: raw.depends_on,
            health,
            note: raw.note,
            notes: raw.notes,
            sources: raw.sources,
            milestones,
            indicators,
        }
    }

    fn within_mission(
        &mut self,
        milestone: &Milestone,
        start: Option<FuzzyDate>,
        end: Option<FuzzyDate>,
        at: &Path,
    ) {
        let Some(date) = milestone.date.filter(|_| F::WARNS) else {
            return;
        };
        let before = start.is_some_and(|start| date.last_day() < start.first_day());
        let after = end.is_some_and(|end| date.first_day() > end.last_day());
        if before || after {
            let bound =
                |d: Option<FuzzyDate>| d.map_or("…".to_owned(), |d| d.render(Language::En));
            self.warn(
                at.key("date"),
                || {
                    format!(
                        "milestone date {} falls outside its mission's period ({} – {})",
                        date.render(Language::En),
                        bound(start),
                        bound(end)
                    )
                },
                || "move the milestone, or widen the mission's `start`/`end`",
            );
        }
    }

    fn milestone(&mut self, raw: RawMilestone, key: ItemKey, at: &Path) -> Milestone {
        let id = self.item_id(raw.id, at, "milestone", key);
        let title = self.required_text(raw.title, at, "title", "milestone");
        let date = self.date(raw.date.as_deref(), at, "date");
        let done_on = self.date(raw.done_on.as_deref(), at, "done_on");
        let revised = self.revisions(raw.revised, &at.key("revised"));
        let status = self.status(raw.status, at);
        let progress = self.progress(raw.progress, at);
        self.refs(&raw.depends_on, at, "depends_on", Target::Item);
        if !raw.depends_on.is_empty() {
            self.dependencies
                .push((id.clone(), at.key("depends_on"), raw.depends_on.clone()));
        }
        self.cites(&raw.sources, at, "milestone");
        let claim = claimed_field(status, progress);
        let as_of = self.as_of(raw.as_of.as_deref(), &raw.sources, claim, at);
        Milestone {
            id,
            title,
            description: raw.description,
            date,
            done_on,
            revised,
            status,
            progress,
            as_of,
            depends_on: raw.depends_on,
            note: raw.note,
            sources: raw.sources,
        }
    }

    /// A milestone's re-plannings: each with its new date, the day it was
    /// announced and a declared source, listed in order of announcement.
    fn revisions(&mut self, raw: Vec<RawRevision>, at: &Path) -> Vec<Revision> {
        let mut revisions: Vec<Revision> = Vec::new();
        for (i, raw) in raw.into_iter().enumerate() {
            let at = at.index(i);
            let date = self.required_date(raw.date.as_deref(), &at, "date");
            let on = self.required_date(raw.on.as_deref(), &at, "on");
            let source =
                self.declared_source(raw.source, &at, "revision", "announced the new date");
            let (Some(date), Some(on)) = (date, on) else {
                continue;
            };
            let previous = revisions.last().map(|r| r.on);
            self.in_order(
                previous,
                on,
                &at,
                "revision",
                "was announced on",
                "revised",
                "the re-plannings were announced",
            );
            revisions.push(Revision { date, on, source });
        }
        revisions
    }

    /// A mission's health readings: each with its date, a value and a
    /// declared source, oldest first.
    fn health(&mut self, raw: Vec<RawHealth>, at: &Path) -> Vec<HealthReading> {
        let mut readings: Vec<HealthReading> = Vec::new();
        for (i, raw) in raw.into_iter().enumerate() {
            let at = at.index(i);
            let on = self.required_date(raw.on.as_deref(), &at, "on");
            let value = match raw.value {
                None => {
                    self.error(
                        at.clone(),
                        || "missing field `value` in this health reading",
                        || "add `value = \"green\"`, `\"amber\"` or `\"red\"`, as the source rates it",
                    );
                    None
                }
                Some(text) => {
                    let value = text.parse::<Health>().ok();
                    if value.is_none() {
                        let keywords = Health::ALL.map(Health::keyword);
                        self.unknown_keyword(at.key("value"), "health", &text, &keywords);
                    }
                    value
                }
            };
            let source =
                self.declared_source(raw.source, &at, "health reading", "gives the rating");
            let (Some(on), Some(value)) = (on, value) else {
                continue;
            };
            let previous = readings.last().map(|r| r.on);
            self.in_order(
                previous,
                on,
                &at,
                "reading",
                "is dated",
                "health",
                "the sources rated it",
            );
            readings.push(HealthReading { on, value, source });
        }
        readings
    }

    /// The `source` of a dated entry: required, and a declared source.
    fn declared_source(
        &mut self,
        source: Option<String>,
        at: &Path,
        what: &str,
        does: &str,
    ) -> String {
        let source = source.unwrap_or_default();
        // Left out or empty: either way it names no source.
        if source.is_empty() {
            self.error(
                at.clone(),
                || format!("missing field `source` in this {what}"),
                || format!("add `source = \"…\"` naming the `[[sources]]` entry that {does}"),
            );
        } else {
            self.cited.insert(source.clone());
            if !self.source_ids.contains(&source) {
                self.unknown_reference(at.key("source"), &source, Target::Source);
            }
        }
        source
    }

    /// Reports an entry of a dated list (`field`) listed before an earlier
    /// one: the list keeps the order things happened in.
    #[allow(clippy::too_many_arguments)] // one message, worded for each list
    fn in_order(
        &mut self,
        previous: Option<FuzzyDate>,
        on: FuzzyDate,
        at: &Path,
        what: &str,
        dated: &str,
        field: &str,
        order: &str,
    ) {
        if let Some(previous) = previous
            && on.last_day() < previous.first_day()
        {
            self.error(
                at.key("on"),
                || {
                    format!(
                        "this {what} {dated} {}, before the one listed above it ({})",
                        on.render(Language::En),
                        previous.render(Language::En)
                    )
                },
                || format!("list `{field}` in the order {order}, oldest first"),
            );
        }
    }

    fn budget(&mut self, raw: RawBudget, at: &Path) -> Budget {
        let amount = match raw.amount {
            Some(amount) if amount.is_finite() && amount >= 0.0 => amount,
            Some(amount) => {
                self.error(
                    at.key("amount"),
                    || format!("budget amount {} is not a positive number", written(amount)),
                    || "write the amount in units of `currency`, e.g. `amount = 10000000`",
                );
                0.0
            }
            None => {
                self.error(
                    at.clone(),
                    || "missing field `amount` in this budget",
                    || "add `amount = 10000000` (in units of `currency`)",
                );
                0.0
            }
        };
        self.refs(&raw.sources, at, "sources", Target::Source);
        Budget {
            amount,
            currency: raw.currency.unwrap_or_else(|| "EUR".to_owned()),
            approximate: raw.approximate,
            note: raw.note,
            sources: raw.sources,
        }
    }

    fn indicator(&mut self, raw: RawIndicator, key: ItemKey, at: &Path) -> Indicator {
        let id = self.item_id(raw.id, at, "indicator", key);
        let name = self.required_text(raw.name, at, "name", "indicator");
        let unit = self.required_text(raw.unit, at, "unit", "indicator");
        self.cites(&raw.sources, at, "indicator");
        let mut measure = |raw: Option<RawMeasurement>, field: &'static str| {
            raw.map(|m| self.measurement(m, &at.key(field)))
        };
        let baseline = measure(raw.baseline, "baseline");
        let target = measure(raw.target, "target");
        let current = measure(raw.current, "current");
        let history = raw
            .history
            .into_iter()
            .enumerate()
            .map(|(i, m)| self.measurement(m, &at.item("history", i)))
            .collect();
        Indicator {
            id,
            name,
            unit,
            baseline,
            target,
            current,
            history,
            note: raw.note,
            sources: raw.sources,
        }
    }

    fn measurement(&mut self, raw: RawMeasurement, at: &Path) -> Measurement {
        let value = match raw.value {
            Some(value) if value.is_finite() => value,
            Some(value) => {
                self.error(
                    at.key("value"),
                    || format!("value {} is not a number", written(value)),
                    || "write a finite number",
                );
                0.0
            }
            None => {
                self.error(
                    at.clone(),
                    || "missing field `value`",
                    || "add `value = …` in the indicator's unit",
                );
                0.0
            }
        };
        self.refs(&raw.sources, at, "sources", Target::Source);
        let date = self.date(raw.date.as_deref(), at, "date");
        let as_of = self.as_of(raw.as_of.as_deref(), &raw.sources, None, at);
        let qualifier = raw.qualifier.and_then(|text| {
            let qualifier = text.parse().ok();
            if qualifier.is_none() {
                let keywords = ValueQualifier::ALL.map(ValueQualifier::keyword);
                self.unknown_keyword(at.key("qualifier"), "qualifier", &text, &keywords);
            }
            qualifier
        });
        Measurement {
            value,
            qualifier,
            date,
            as_of,
            note: raw.note,
            sources: raw.sources,
        }
    }

    fn resolve_references(&mut self) {
        for (path, id) in std::mem::take(&mut self.references) {
            if !self.ids.get(&id).is_some_and(|key| is_dependable(*key)) {
                self.unknown_reference(path, &id, Target::Item);
            }
        }
    }

    /// Reports a reference to an id that is not declared, with the closest
    /// declared one; the candidates are only listed on this slow path, and
    /// only for the first references (those a report shows): each costs a
    /// look at every declared id.
    fn unknown_reference(&mut self, path: Path, id: &str, target: Target) {
        let what = match target {
            Target::Source => "source",
            Target::Tag => "tag",
            Target::Item => "mission or milestone",
        };
        let suggest = self.suggested < MAX_SHOWN;
        self.suggested += 1;
        let near = || match target {
            Target::Source => closest_id(id, self.source_ids.iter().map(String::as_str)),
            Target::Tag => closest_id(id, self.tag_ids.iter().map(String::as_str)),
            Target::Item => closest_id(
                id,
                self.ids
                    .iter()
                    .filter(|(_, key)| is_dependable(**key))
                    .map(|(id, _)| id.as_str()),
            ),
        };
        let help = || {
            let declare = match target {
                Target::Source => {
                    format!("declare it with a `[[sources]]` entry: `id = \"{id}\"` and a `title`")
                }
                Target::Tag => {
                    format!("declare it with a `[[tags]]` entry: `id = \"{id}\"` and a `label`")
                }
                Target::Item => format!("declare a {what} with `id = \"{id}\"`"),
            };
            match suggest.then(near).flatten() {
                Some(near) => format!("did you mean `{near}`? If not, {declare}"),
                None => format!("{declare}, or fix the reference"),
            }
        };
        self.found
            .error(path, || format!("unknown {what} `{id}`"), help);
    }

    /// Warns of each dependency whose predecessor is planned to end after
    /// the dependent is planned to start: the plan contradicts itself.
    fn late_plans(&mut self, axes: &[Axis]) {
        if !F::WARNS {
            return;
        }
        let mut found = Vec::new();
        for (id, at, deps) in &self.dependencies {
            let Some(dependent) = self.ids.get(id).and_then(|&key| item_in(axes, key)) else {
                continue;
            };
            let (start, _) = links::bounds(dependent, Dates::Planned);
            for (i, dep) in deps.iter().enumerate() {
                let Some(predecessor) = self.ids.get(dep).and_then(|&key| item_in(axes, key))
                else {
                    continue;
                };
                let (_, end) = links::bounds(predecessor, Dates::Planned);
                if let (Some(start), Some(end)) = (start, end)
                    && links::ends_after_start(Some(end), Some(start))
                {
                    found.push((at.index(i), id.clone(), dep.clone(), start, end));
                }
            }
        }
        for (at, id, dep, start, end) in found {
            self.warn(
                at,
                || {
                    format!(
                        "`{dep}` is planned to end {}, after `{id}` starts ({})",
                        end.render(Language::En),
                        start.render(Language::En)
                    )
                },
                || {
                    format!(
                        "`{id}` depends on `{dep}`: move one of the dates, or remove the dependency if `{id}` can start before `{dep}` ends"
                    )
                },
            );
        }
    }

    /// Reports each `depends_on` cycle once, with the chain that closes it.
    fn find_cycles(&mut self) {
        let edges: HashMap<&str, (&Path, &[String])> = self
            .dependencies
            .iter()
            .map(|(id, at, deps)| (id.as_str(), (at, deps.as_slice())))
            .collect();
        let mut cycles = Vec::new();
        // Depth-first, once over the graph: 1 = on the current path, 2 = done.
        let mut state: HashMap<&str, u8> = HashMap::new();
        for (start, _, _) in &self.dependencies {
            if state.contains_key(start.as_str()) {
                continue;
            }
            let mut path: Vec<(&str, usize)> = vec![(start.as_str(), 0)];
            state.insert(start, 1);
            while let Some(&mut (node, ref mut next)) = path.last_mut() {
                let deps = edges.get(node).map_or(&[][..], |(_, deps)| *deps);
                let Some(dep) = deps.get(*next) else {
                    state.insert(node, 2);
                    path.pop();
                    continue;
                };
                *next += 1;
                match state.get(dep.as_str()) {
                    Some(1) => {
                        let from = path.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let mut chain: Vec<&str> = path[from..].iter().map(|(n, _)| *n).collect();
                        chain.push(dep);
                        let at = edges.get(chain[0]).map(|(at, _)| (*at).clone());
                        cycles.push((at.unwrap_or_default(), chain.join(" → ")));
                    }
                    Some(_) => {}
                    None => {
                        state.insert(dep, 1);
                        path.push((dep, 0));
                    }
                }
            }
        }
        for (at, chain) in cycles {
            self.error(
                at,
                || format!("dependency cycle: {chain}"),
                || "remove one of these `depends_on` entries",
            );
        }
    }
}

/// The item at `key` among `axes`, for checks run before the roadmap exists.
fn item_in(axes: &[Axis], key: ItemKey) -> Option<ItemRef<'_>> {
    match key {
        ItemKey::Mission(a, m) => {
            let parent = axes.get(a)?;
            Some(ItemRef::Mission(parent, parent.missions.get(m)?))
        }
        ItemKey::Milestone(a, m, s) => {
            let parent = axes.get(a)?;
            let mission = parent.missions.get(m)?;
            Some(ItemRef::Milestone(
                parent,
                mission,
                mission.milestones.get(s)?,
            ))
        }
        _ => None,
    }
}

/// "an axis", "a mission"…: how a help text names the item that has an id.
fn article(key: ItemKey) -> &'static str {
    match key {
        ItemKey::Axis(_) => "an axis",
        ItemKey::Mission(..) => "a mission",
        ItemKey::Milestone(..) => "a milestone",
        ItemKey::Indicator(..) => "an indicator",
        ItemKey::Review(_) => "a review",
    }
}

/// The declared id among `candidates` closest to `id`. Ids whose numbers
/// differ (`report-2019`, `report-2021`) name different things, not a typo
/// of each other: they are not suggested.
fn closest_id<'a>(id: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let digits = |text: &str| {
        text.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    let wanted = digits(id);
    let same_numbers = |candidate: &&str| {
        let theirs = digits(candidate);
        // A transposition (2032 for 2023) is still a typo.
        theirs.len() == wanted.len() && {
            let (mut a, mut b): (Vec<char>, Vec<char>) =
                (theirs.chars().collect(), wanted.chars().collect());
            a.sort_unstable();
            b.sort_unstable();
            a == b
        }
    };
    closest(id, candidates.filter(same_numbers))
}

/// Whether `depends_on` may name the item.
fn is_dependable(key: ItemKey) -> bool {
    matches!(key, ItemKey::Mission(..) | ItemKey::Milestone(..))
}

/// Splits a date error's "message; hint" into its two parts.
fn split_hint(text: &str) -> (String, String) {
    match text.split_once("; ") {
        Some((message, hint)) => (message.to_owned(), hint.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
