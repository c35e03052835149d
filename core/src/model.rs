//! The checked roadmap: axes → missions → milestones, with indicators,
//! progress reviews, tags and sources.
//!
//! A [`Roadmap`] only comes out of the loader (`crate::load`), so its ids are
//! unique and every reference resolves; code that holds one need not check.

use std::collections::HashMap;

use serde::Serialize;

use crate::dates::FuzzyDate;
use crate::health::HealthReading;
use crate::locale::Language;
use crate::measure::ValueQualifier;
use crate::presentation::Presentation;
use crate::slip::Revision;
use crate::status::Status;

/// A percentage of completion, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Progress(f64);

impl Progress {
    /// `None` outside 0..=100 (and for NaN).
    pub fn new(percent: f64) -> Option<Progress> {
        (0.0..=100.0)
            .contains(&percent)
            .then_some(Progress(percent))
    }

    /// The percentage.
    pub fn percent(self) -> f64 {
        self.0
    }
}

/// Where a document came from; items cite sources by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Id cited by items.
    pub id: String,
    /// Title of the article or page.
    pub title: String,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    /// An absolute http(s) address with a host, or a mailto address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The source article's file name, for sources kept as text files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Anything a reader should know about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A label that cuts across axes (e.g. the Tech.gouv stakes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tag {
    /// Id used in `tags = [...]`.
    pub id: String,
    /// Text shown.
    pub label: String,
    /// What it means.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A dated progress review, e.g. "mid-2021: 9 of 43 projects done".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressReview {
    /// Unique id.
    pub id: String,
    /// When the review was made.
    pub date: FuzzyDate,
    /// What the review is.
    pub title: String,
    /// Projects done at that date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<u32>,
    /// Projects in the programme at that date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Projects expected to be done soon after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<u32>,
    /// Projects added by the review.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<u32>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl ProgressReview {
    /// Share of projects done, when both counts are known.
    pub fn progress(&self) -> Option<Progress> {
        match (self.done, self.total) {
            (Some(done), Some(total)) if total > 0 => {
                Progress::new(f64::from(done) * 100.0 / f64::from(total))
            }
            _ => None,
        }
    }
}

/// The roadmap's time span.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Period {
    /// First date covered.
    pub start: FuzzyDate,
    /// Last date covered.
    pub end: FuzzyDate,
}

/// Money set aside for a mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Budget {
    /// Amount in `currency`.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// The source says "about".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One value of an indicator at a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measurement {
    /// The value, in the indicator's unit.
    pub value: f64,
    /// How the source qualifies the value ("at least 43"); exact when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<ValueQualifier>,
    /// When it was measured or is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    /// The date at which the value was known: stated, else the newest cited
    /// source's date (filled in by the loader).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A measured quantity with baseline, target and current value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Unique id.
    pub id: String,
    /// What is measured.
    pub name: String,
    /// Unit of every value ("%", "users", "EUR"…).
    pub unit: String,
    /// Starting point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Measurement>,
    /// Goal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Measurement>,
    /// Latest value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Measurement>,
    /// Earlier values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Measurement>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A dated deliverable of a mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    /// Unique id.
    pub id: String,
    /// What is delivered.
    pub title: String,
    /// Longer text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Planned date; `None` when the sources give none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    /// When it was actually delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_on: Option<FuzzyDate>,
    /// Sourced re-plannings of `date`, in the order they were announced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revised: Vec<Revision>,
    /// Stated status; derived when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Stated progress.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// The date at which the status and progress were true: stated, else
    /// the newest cited source's date (filled in by the loader).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
    /// Ids of items that must come first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source ids: the evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A line of work within an axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mission {
    /// Unique id.
    pub id: String,
    /// Name.
    pub title: String,
    /// Longer text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who carries it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Money set aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<FuzzyDate>,
    /// End date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<FuzzyDate>,
    /// Stated status; derived when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Stated progress; rolled up from milestones when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// The date at which the status and progress were true: stated, else
    /// the newest cited source's date (filled in by the loader).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
    /// Tag ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids of items that must come first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Sourced health readings, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub health: Vec<HealthReading>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Speaker notes, for the presenter's eyes only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Deliverables, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Measured quantities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// A main line of the roadmap (DINUM "axe", Tech.gouv "mission").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    /// Unique id.
    pub id: String,
    /// Name.
    pub title: String,
    /// Longer text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Speaker notes for its slide, for the presenter's eyes only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Stated progress; rolled up from missions when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// Tag ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Source ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Its missions, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missions: Vec<Mission>,
}

/// Where an item with an id sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// `axes[axis]`.
    Axis(usize),
    /// `axes[axis].missions[mission]`.
    Mission(usize, usize),
    /// `axes[axis].missions[mission].milestones[milestone]`.
    Milestone(usize, usize, usize),
    /// `axes[axis].missions[mission].indicators[indicator]`.
    Indicator(usize, usize, usize),
    /// `reviews[review]`.
    Review(usize),
}

/// An item found by id.
#[derive(Debug, Clone, Copy)]
pub enum ItemRef<'a> {
    /// An axis.
    Axis(&'a Axis),
    /// A mission and its axis.
    Mission(&'a Axis, &'a Mission),
    /// A milestone with its axis and mission.
    Milestone(&'a Axis, &'a Mission, &'a Milestone),
    /// An indicator with its axis and mission.
    Indicator(&'a Axis, &'a Mission, &'a Indicator),
    /// A progress review.
    Review(&'a ProgressReview),
}

impl ItemRef<'_> {
    /// The item's id, unique in its roadmap.
    pub fn id(&self) -> &str {
        match self {
            ItemRef::Axis(a) => &a.id,
            ItemRef::Mission(_, m) => &m.id,
            ItemRef::Milestone(_, _, m) => &m.id,
            ItemRef::Indicator(_, _, i) => &i.id,
            ItemRef::Review(r) => &r.id,
        }
    }

    /// The item's title (name for indicators).
    pub fn title(&self) -> &str {
        match self {
            ItemRef::Axis(a) => &a.title,
            ItemRef::Mission(_, m) => &m.title,
            ItemRef::Milestone(_, _, m) => &m.title,
            ItemRef::Indicator(_, _, i) => &i.name,
            ItemRef::Review(r) => &r.title,
        }
    }
}

/// A whole, checked roadmap. Fields are read through methods so that ids stay
/// unique and references resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) organisation: String,
    pub(crate) language: Language,
    pub(crate) published: FuzzyDate,
    pub(crate) period: Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) notes: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) citations: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) reviews: Vec<ProgressReview>,
    pub(crate) axes: Vec<Axis>,
    pub(crate) stale_after_months: u32,
    #[serde(skip_serializing_if = "Presentation::is_default")]
    pub(crate) presentation: Presentation,
    #[serde(skip)]
    pub(crate) index: HashMap<String, ItemKey>,
}

impl Roadmap {
    /// Short id, e.g. `dinum-2023`.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Title.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Who publishes it.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }
    /// Language of its text.
    pub fn language(&self) -> Language {
        self.language
    }
    /// Publication date.
    pub fn published(&self) -> FuzzyDate {
        self.published
    }
    /// Ids of the sources about the whole roadmap.
    pub fn citations(&self) -> &[String] {
        &self.citations
    }
    /// Time span covered.
    pub fn period(&self) -> Period {
        self.period
    }
    /// Summary text.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }
    /// Speaker notes for the title slide, for the presenter's eyes only.
    pub fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }
    /// Sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// Tags, in file order.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }
    /// Progress reviews, in file order.
    pub fn reviews(&self) -> &[ProgressReview] {
        &self.reviews
    }
    /// Axes, in file order.
    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }
    /// Months after which a status's as-of date makes it stale.
    pub fn stale_after_months(&self) -> u32 {
        self.stale_after_months
    }

    /// How `roadmap present` shows it (`[presentation]`).
    pub fn presentation(&self) -> &Presentation {
        &self.presentation
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The tag with this id.
    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == id)
    }

    /// Where the item with this id sits.
    pub fn key_of(&self, id: &str) -> Option<ItemKey> {
        self.index.get(id).copied()
    }

    /// The item with this id.
    pub fn find(&self, id: &str) -> Option<ItemRef<'_>> {
        self.key_of(id).and_then(|key| self.get(key))
    }

    /// The item at this place.
    pub fn get(&self, key: ItemKey) -> Option<ItemRef<'_>> {
        Some(match key {
            ItemKey::Axis(a) => ItemRef::Axis(self.axes.get(a)?),
            ItemKey::Mission(a, m) => {
                let axis = self.axes.get(a)?;
                ItemRef::Mission(axis, axis.missions.get(m)?)
            }
            ItemKey::Milestone(a, m, s) => {
                let axis = self.axes.get(a)?;
                let mission = axis.missions.get(m)?;
                ItemRef::Milestone(axis, mission, mission.milestones.get(s)?)
            }
            ItemKey::Indicator(a, m, i) => {
                let axis = self.axes.get(a)?;
                let mission = axis.missions.get(m)?;
                ItemRef::Indicator(axis, mission, mission.indicators.get(i)?)
            }
            ItemKey::Review(r) => ItemRef::Review(self.reviews.get(r)?),
        })
    }

    /// Every mission with its axis index and mission index.
    pub fn missions(&self) -> impl Iterator<Item = (usize, usize, &Mission)> {
        self.axes.iter().enumerate().flat_map(|(a, axis)| {
            axis.missions
                .iter()
                .enumerate()
                .map(move |(m, mission)| (a, m, mission))
        })
    }

    /// Every milestone with its place.
    pub fn milestones(&self) -> impl Iterator<Item = (ItemKey, &Milestone)> {
        self.missions().flat_map(|(a, m, mission)| {
            mission
                .milestones
                .iter()
                .enumerate()
                .map(move |(s, milestone)| (ItemKey::Milestone(a, m, s), milestone))
        })
    }
}

#[cfg(feature = "test-support")]
impl Roadmap {
    /// Passes every text people read (titles, names, labels, units,
    /// owners, publishers, addresses, descriptions, notes, speaker notes, the
    /// summary;
    /// not ids and references, which keep the roadmap whole) through
    /// `rewrite`, with none of the loader's checks: for testing that views
    /// stay in bounds and safe whatever text reaches them.
    pub fn rewrite_texts(&mut self, mut rewrite: impl FnMut(&mut String)) {
        fn optional(text: &mut Option<String>, rewrite: &mut dyn FnMut(&mut String)) {
            if let Some(text) = text {
                rewrite(text);
            }
        }
        let rewrite = &mut rewrite as &mut dyn FnMut(&mut String);
        rewrite(&mut self.title);
        rewrite(&mut self.organisation);
        optional(&mut self.summary, rewrite);
        optional(&mut self.notes, rewrite);
        for source in &mut self.sources {
            rewrite(&mut source.title);
            optional(&mut source.publisher, rewrite);
            optional(&mut source.url, rewrite);
            optional(&mut source.file, rewrite);
            optional(&mut source.note, rewrite);
        }
        for tag in &mut self.tags {
            rewrite(&mut tag.label);
            optional(&mut tag.description, rewrite);
        }
        for review in &mut self.reviews {
            rewrite(&mut review.title);
            optional(&mut review.note, rewrite);
        }
        for axis in &mut self.axes {
            rewrite(&mut axis.title);
            optional(&mut axis.description, rewrite);
            optional(&mut axis.notes, rewrite);
            for mission in &mut axis.missions {
                rewrite(&mut mission.title);
                optional(&mut mission.description, rewrite);
                optional(&mut mission.owner, rewrite);
                optional(&mut mission.note, rewrite);
                optional(&mut mission.notes, rewrite);
                if let Some(budget) = &mut mission.budget {
                    rewrite(&mut budget.currency);
                    optional(&mut budget.note, rewrite);
                }
                for milestone in &mut mission.milestones {
                    rewrite(&mut milestone.title);
                    optional(&mut milestone.description, rewrite);
                    optional(&mut milestone.note, rewrite);
                }
                for indicator in &mut mission.indicators {
                    rewrite(&mut indicator.name);
                    rewrite(&mut indicator.unit);
                    optional(&mut indicator.note, rewrite);
                    let measurements = [
                        &mut indicator.baseline,
                        &mut indicator.target,
                        &mut indicator.current,
                    ];
                    for measurement in measurements.into_iter().flatten() {
                        optional(&mut measurement.note, rewrite);
                    }
                    for measurement in &mut indicator.history {
                        optional(&mut measurement.note, rewrite);
                    }
                }
            }
        }
    }
}
