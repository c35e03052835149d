//! The authored file format as serde reads it, before any check.
//!
//! Private to the loader: dates, statuses and required fields stay loose
//! here (strings, options) so that validation can report every problem of a
//! file in one run with its position. The JSON Schema is generated from these
//! types, so `#[schemars]` attributes state the checked rules.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::dates::FuzzyDate;
use crate::locale::Language;
use crate::measure::ValueQualifier;
use crate::status::Status;

/// A roadmap file (TOML or JSON).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, title = "Roadmap")]
pub(crate) struct RawRoadmap {
    /// Short unique id of the roadmap, e.g. `dinum-2023`.
    #[schemars(required)]
    pub id: Option<String>,
    /// Title of the roadmap.
    #[schemars(required)]
    pub title: Option<String>,
    /// Who publishes it.
    #[schemars(required)]
    pub organisation: Option<String>,
    /// Language of the roadmap's text.
    #[schemars(required, with = "Option<Language>")]
    pub language: Option<String>,
    /// Publication date.
    #[schemars(required, with = "Option<FuzzyDate>")]
    pub published: Option<String>,
    /// Time span covered.
    #[schemars(required)]
    pub period: Option<RawPeriod>,
    /// A few sentences on what the roadmap is.
    pub summary: Option<String>,
    /// Ids of the sources about the whole roadmap (its announcement, its
    /// official text), from `[[sources]]`.
    #[serde(default)]
    pub citations: Vec<String>,
    /// Documents the roadmap's facts come from.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// Labels that cut across axes.
    #[serde(default)]
    pub tags: Vec<RawTag>,
    /// Dated progress reviews.
    #[serde(default)]
    pub reviews: Vec<RawReview>,
    /// The main lines of the roadmap.
    #[serde(default)]
    pub axes: Vec<RawAxis>,
    /// A status, progress or value whose as-of date is older than this many
    /// months is marked stale; 12 when left out.
    #[schemars(range(min = 1))]
    pub stale_after_months: Option<u32>,
}

/// Start and end of the roadmap.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Period")]
pub(crate) struct RawPeriod {
    /// First date covered.
    #[schemars(required, with = "Option<FuzzyDate>")]
    pub start: Option<String>,
    /// Last date covered.
    #[schemars(required, with = "Option<FuzzyDate>")]
    pub end: Option<String>,
}

/// A document cited by items.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Source")]
pub(crate) struct RawSource {
    /// Id cited in `sources = [...]`.
    #[schemars(required)]
    pub id: Option<String>,
    /// Title of the article or page.
    #[schemars(required)]
    pub title: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was published.
    #[schemars(with = "Option<FuzzyDate>")]
    pub date: Option<String>,
    /// An absolute http(s) address with a host, or a mailto address.
    #[schemars(url)]
    pub url: Option<String>,
    /// File name of a source article kept as text.
    pub file: Option<String>,
    /// Anything a reader should know about it.
    pub note: Option<String>,
}

/// A label that cuts across axes.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Tag")]
pub(crate) struct RawTag {
    /// Id used in `tags = [...]`.
    #[schemars(required)]
    pub id: Option<String>,
    /// Text shown.
    #[schemars(required)]
    pub label: Option<String>,
    /// What it means.
    pub description: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A dated progress review.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Review")]
pub(crate) struct RawReview {
    /// Unique id.
    #[schemars(required)]
    pub id: Option<String>,
    /// When the review was made.
    #[schemars(required, with = "Option<FuzzyDate>")]
    pub date: Option<String>,
    /// What the review is.
    #[schemars(required)]
    pub title: Option<String>,
    /// Projects done at that date.
    pub done: Option<u32>,
    /// Projects in the programme at that date.
    pub total: Option<u32>,
    /// Projects expected to be done soon after.
    pub planned: Option<u32>,
    /// Projects added by the review.
    pub added: Option<u32>,
    /// Free text.
    pub note: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A main line of the roadmap.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Axis")]
pub(crate) struct RawAxis {
    /// Unique id.
    #[schemars(required)]
    pub id: Option<String>,
    /// Name.
    #[schemars(required)]
    pub title: Option<String>,
    /// Longer text.
    pub description: Option<String>,
    /// Progress in percent; computed from missions when absent.
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// Tag ids.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Its missions.
    #[serde(default)]
    pub missions: Vec<RawMission>,
}

/// A line of work within an axis.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Mission")]
pub(crate) struct RawMission {
    /// Unique id.
    #[schemars(required)]
    pub id: Option<String>,
    /// Name.
    #[schemars(required)]
    pub title: Option<String>,
    /// Longer text.
    pub description: Option<String>,
    /// Who carries it.
    pub owner: Option<String>,
    /// Money set aside.
    pub budget: Option<RawBudget>,
    /// Start date.
    #[schemars(with = "Option<FuzzyDate>")]
    pub start: Option<String>,
    /// End date.
    #[schemars(with = "Option<FuzzyDate>")]
    pub end: Option<String>,
    /// Status; derived from dates and progress when absent.
    #[schemars(with = "Option<Status>")]
    pub status: Option<String>,
    /// Progress in percent; computed from milestones when absent.
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// The date at which the status, progress or value was true; the date
    /// of the newest cited source when left out.
    #[schemars(with = "Option<FuzzyDate>")]
    pub as_of: Option<String>,
    /// Tag ids.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of missions or milestones that must come first.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Free text.
    pub note: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Deliverables.
    #[serde(default)]
    pub milestones: Vec<RawMilestone>,
    /// Measured quantities.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// Money set aside for a mission.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Budget")]
pub(crate) struct RawBudget {
    /// Amount in `currency`.
    #[schemars(required)]
    pub amount: Option<f64>,
    /// ISO 4217 code; EUR when absent.
    pub currency: Option<String>,
    /// The source says "about".
    #[serde(default)]
    pub approximate: bool,
    /// Free text.
    pub note: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A dated deliverable.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Milestone")]
pub(crate) struct RawMilestone {
    /// Unique id.
    #[schemars(required)]
    pub id: Option<String>,
    /// What is delivered.
    #[schemars(required)]
    pub title: Option<String>,
    /// Longer text.
    pub description: Option<String>,
    /// Planned date; leave out when the sources give none.
    #[schemars(with = "Option<FuzzyDate>")]
    pub date: Option<String>,
    /// When it was actually delivered.
    #[schemars(with = "Option<FuzzyDate>")]
    pub done_on: Option<String>,
    /// Status; derived from dates and progress when absent.
    #[schemars(with = "Option<Status>")]
    pub status: Option<String>,
    /// Progress in percent.
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// The date at which the status, progress or value was true; the date
    /// of the newest cited source when left out.
    #[schemars(with = "Option<FuzzyDate>")]
    pub as_of: Option<String>,
    /// Ids of missions or milestones that must come first.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Free text.
    pub note: Option<String>,
    /// Source ids: the evidence.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A measured quantity.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Indicator")]
pub(crate) struct RawIndicator {
    /// Unique id.
    #[schemars(required)]
    pub id: Option<String>,
    /// What is measured.
    #[schemars(required)]
    pub name: Option<String>,
    /// Unit of every value ("%", "users", "EUR"…).
    #[schemars(required)]
    pub unit: Option<String>,
    /// Starting point.
    pub baseline: Option<RawMeasurement>,
    /// Goal.
    pub target: Option<RawMeasurement>,
    /// Latest value.
    pub current: Option<RawMeasurement>,
    /// Earlier values.
    #[serde(default)]
    pub history: Vec<RawMeasurement>,
    /// Free text.
    pub note: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One dated value of an indicator.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "full-loader"), serde(deny_unknown_fields))]
#[schemars(deny_unknown_fields, rename = "Measurement")]
pub(crate) struct RawMeasurement {
    /// The value, in the indicator's unit.
    #[schemars(required)]
    pub value: Option<f64>,
    /// How the source qualifies it: "at least", "about", "more than"…
    #[schemars(with = "Option<ValueQualifier>")]
    pub qualifier: Option<String>,
    /// When it was measured or is due.
    #[schemars(with = "Option<FuzzyDate>")]
    pub date: Option<String>,
    /// The date at which the status, progress or value was true; the date
    /// of the newest cited source when left out.
    #[schemars(with = "Option<FuzzyDate>")]
    pub as_of: Option<String>,
    /// Free text.
    pub note: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}
