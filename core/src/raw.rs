//! The authored file format as serde reads it, before any check.
//!
//! Private to the loader: dates, statuses and required fields stay loose
//! here (strings, options) so that validation can report every problem of a
//! file in one run with its position. The JSON Schema is generated from these
//! types, so `#[schemars]` attributes state the checked rules.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::dates::FuzzyDate;
use crate::health::Health;
use crate::locale::Language;
use crate::measure::ValueQualifier;
use crate::status::Status;

/// Declares the file structs, and with each its `Record` for the lean JSON
/// reader (`json_reader`), from the same definition: the struct is written
/// as is (serde's derive reads it for the full loader), and its `Record`
/// takes the same keys. serde's field names are the Rust names (no
/// `rename`): a test holds the two lists equal. A field left out holds its
/// `Default` in both readings, so a field takes `Option` or
/// `#[serde(default)]`, never `default = "…"`.
macro_rules! file_structs {
    // The field at `$index`, by one test per field, its place counted as
    // `0 + 1 + …` (a switch once compiled).
    (@field $self:ident $index:ident ($($place:tt)*) $field:ident $($rest:ident)*) => {
        if $index == $($place)* {
            return Some(&mut $self.$field);
        }
        file_structs!(@field $self $index ($($place)* + 1) $($rest)*);
    };
    (@field $self:ident $index:ident ($($place:tt)*)) => {};
    ($(
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident: $type:ty
            ),* $(,)?
        }
    )*) => {
    $(
        $(#[$meta])*
        $vis struct $name {
            $(
                $(#[$field_meta])*
                $field_vis $field: $type,
            )*
        }

        impl crate::json_reader::Record for $name {
            fn keys(&self) -> &'static [&'static str] {
                &[$(stringify!($field)),*]
            }

            fn field(&mut self, index: usize) -> Option<&mut dyn crate::json_reader::Field> {
                file_structs!(@field self index (0) $($field)*);
                None
            }
        }

        // The seen keys of an object are bits of a `u64`.
        const _: () = assert!([$(stringify!($field)),*].len() <= 64);
    )*

    /// Each struct's name, the keys serde's derive reads and the keys its
    /// `Record` takes.
    #[cfg(test)]
    fn file_struct_keys() -> Vec<(&'static str, &'static [&'static str], &'static [&'static str])> {
        vec![$((
            stringify!($name),
            crate::raw::serde_keys::<$name>(),
            crate::json_reader::Record::keys(&$name::default()),
        )),*]
    }
    };
}

// The JSON reader's tests declare their sample structs with it.
#[cfg(test)]
pub(crate) use file_structs;

file_structs! {
    /// A roadmap file (TOML or JSON).
    #[derive(Debug, Default, Deserialize, JsonSchema)]
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
        /// Speaker notes for the title slide: what the presenter says, shown
        /// only in the presenter's notes window, never on the audience's screen.
        /// Plain text: paragraphs apart by a blank line, `- ` list items.
        pub notes: Option<String>,
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
        /// How `roadmap present` shows the roadmap.
        pub presentation: Option<RawPresentation>,
    }

    /// The presenter's choices (`[presentation]`).
    #[derive(Debug, Default, Deserialize, JsonSchema)]
    #[schemars(deny_unknown_fields, rename = "Presentation")]
    pub(crate) struct RawPresentation {
        /// The slides in order: `title`, `axes` (every axis but the hidden
        /// ones), `axis:<id>` (one axis), `timeline`, `summary`; `["title",
        /// "axes", "timeline", "summary"]` when left out.
        pub slides: Option<Vec<String>>,
        /// Ids of the axes that `axes` leaves out.
        #[serde(default)]
        pub hide: Vec<String>,
        /// Go to the next slide by itself after this long: `20s`, `1m`,
        /// `1m30s`. `--auto` wins over it.
        pub auto: Option<String>,
        /// The days the timeline slide shows; the whole programme and today
        /// when left out.
        pub window: Option<RawSlideWindow>,
    }

    /// The timeline slide's window.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
    #[schemars(deny_unknown_fields, rename = "SlideWindow")]
    pub(crate) struct RawSlideWindow {
        /// First date shown, from its first day.
        #[schemars(required, with = "Option<FuzzyDate>")]
        pub from: Option<String>,
        /// Last date shown, to its last day.
        #[schemars(required, with = "Option<FuzzyDate>")]
        pub to: Option<String>,
    }

    /// Start and end of the roadmap.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
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
        /// Speaker notes for the axis's slide (see the roadmap's `notes`).
        pub notes: Option<String>,
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
        /// Health readings a source gives, oldest first.
        #[serde(default)]
        pub health: Vec<RawHealth>,
        /// Free text.
        pub note: Option<String>,
        /// Speaker notes about the mission, shown with its axis's slide (see
        /// the roadmap's `notes`).
        pub notes: Option<String>,
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

    /// A mission's health as a source rated it on a date.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
    #[schemars(deny_unknown_fields, rename = "HealthReading")]
    pub(crate) struct RawHealth {
        /// When the source rated it.
        #[schemars(required, with = "Option<FuzzyDate>")]
        pub on: Option<String>,
        /// The rating.
        #[schemars(required, with = "Option<Health>")]
        pub value: Option<String>,
        /// Id of the declared source that gives it.
        #[schemars(required)]
        pub source: Option<String>,
    }

    /// Money set aside for a mission.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
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
        /// Sourced re-plannings of `date`, oldest announcement first.
        #[serde(default)]
        pub revised: Vec<RawRevision>,
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

    /// A re-planning of a milestone's date, as a source announced it.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
    #[schemars(deny_unknown_fields, rename = "Revision")]
    pub(crate) struct RawRevision {
        /// The new planned date.
        #[schemars(required, with = "Option<FuzzyDate>")]
        pub date: Option<String>,
        /// When the re-planning was announced (the source's date).
        #[schemars(required, with = "Option<FuzzyDate>")]
        pub on: Option<String>,
        /// Id of the declared source that announced it.
        #[schemars(required)]
        pub source: Option<String>,
    }

    /// A measured quantity.
    #[derive(Debug, Default, Deserialize, JsonSchema)]
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
}

/// The keys serde's derive reads for `T`: the field list it gives the
/// deserializer.
#[cfg(test)]
pub(crate) fn serde_keys<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};

    struct Capture(Option<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for &mut Capture {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = Some(fields);
            Err(de::Error::custom("read no further"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut capture = Capture(None);
    assert!(
        T::deserialize(&mut capture).is_err(),
        "stopped at the struct"
    );
    capture.0.expect("a struct")
}

#[cfg(test)]
mod tests {
    use super::file_struct_keys;

    #[test]
    fn every_file_struct_takes_the_keys_serde_reads() {
        let structs = file_struct_keys();
        assert_eq!(structs.len(), 15);
        for (name, serde, ours) in structs {
            assert_eq!(serde, ours, "{name}");
        }
    }
}
