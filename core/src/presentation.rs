//! The presenter's choices, written in a file's `[presentation]` table or
//! given on the command line: which slides in what order, the axes left
//! out, the pace of auto-advance and the timeline slide's window. Names are
//! read here once, so the file and `--slides` accept the same words and get
//! the same did-you-mean.

use std::fmt;
use std::time::Duration;

use serde::{Serialize, Serializer};

use crate::dates::FuzzyDate;
use crate::suggest::closest;

/// One entry of a slide list (`slides = ["title", "axis:a1", …]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideChoice {
    /// `title`: the programme's title and overall progress.
    Title,
    /// `axes`: one slide per axis, in file order, but the hidden ones.
    Axes,
    /// `axis:<id>`: the slide of this axis.
    Axis(String),
    /// `timeline`: the whole programme on the timeline.
    Timeline,
    /// `summary`: progress per axis and the progress reviews.
    Summary,
}

/// The slide names, as written; `axis:` takes an axis id after it.
pub const SLIDE_NAMES: [&str; 5] = ["title", "axes", "axis:", "timeline", "summary"];

/// The slides shown when no list is given.
pub const DEFAULT_SLIDES: [SlideChoice; 4] = [
    SlideChoice::Title,
    SlideChoice::Axes,
    SlideChoice::Timeline,
    SlideChoice::Summary,
];

/// Why a slide name, an axis id or a duration was refused, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message, self.help)
    }
}

/// Why a choice was refused, before it is put in words: the checks of a
/// file make the words only for a reader that shows them.
#[derive(Debug, Clone)]
pub(crate) enum ChoiceProblem {
    /// `axis:` and no id after it.
    AxisWithoutId,
    /// A slide name that is none of [`SLIDE_NAMES`].
    UnknownSlide(String),
    /// A slide list with no slide.
    NoSlides,
    /// An axis id that is none of the roadmap's: the id, and the axes.
    UnknownAxis(String, Vec<String>),
    /// A text that does not read as a duration, and why.
    NotADuration(String, DurationError),
    /// A duration of no time at all.
    NoTime(String),
}

impl ChoiceProblem {
    /// The problem in words, with the fix.
    pub(crate) fn words(&self) -> ChoiceError {
        const DURATION_EXAMPLE: &str = "give a duration like `20s`, `1m` or `1m30s`";
        let (message, help) = match self {
            ChoiceProblem::AxisWithoutId => (
                "`axis:` names no axis".to_owned(),
                "write the axis's id after it, e.g. `axis:a1`".to_owned(),
            ),
            ChoiceProblem::UnknownSlide(name) => {
                let known = quoted(&SLIDE_NAMES);
                let help = match closest(name, SLIDE_NAMES) {
                    Some(near) => format!("did you mean `{near}`? The slides are {known}"),
                    None => format!("the slides are {known} (`axis:` followed by an axis id)"),
                };
                (format!("unknown slide `{name}`"), help)
            }
            ChoiceProblem::NoSlides => (
                "the slide list is empty".to_owned(),
                "name at least one slide, e.g. `title`, `axes`, `timeline`, `summary`".to_owned(),
            ),
            ChoiceProblem::UnknownAxis(id, axes) => {
                let axes: Vec<&str> = axes.iter().map(String::as_str).collect();
                let help = match closest(id, axes.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the axes are {}", quoted(&axes)),
                };
                (format!("unknown axis `{id}`"), help)
            }
            ChoiceProblem::NotADuration(text, error) => (
                format!("`{text}` is not a duration: {error}"),
                DURATION_EXAMPLE.to_owned(),
            ),
            ChoiceProblem::NoTime(text) => (
                format!("`{text}` is no time at all"),
                DURATION_EXAMPLE.to_owned(),
            ),
        };
        ChoiceError { message, help }
    }
}

impl SlideChoice {
    /// Reads one slide name. An axis id is only checked against the
    /// roadmap's axes by [`check_axis`].
    pub fn parse(text: &str) -> Result<SlideChoice, ChoiceError> {
        SlideChoice::read(text).map_err(|problem| problem.words())
    }

    /// [`SlideChoice::parse`], the refusal not yet in words.
    pub(crate) fn read(text: &str) -> Result<SlideChoice, ChoiceProblem> {
        let name = text.trim();
        match name {
            "title" => return Ok(SlideChoice::Title),
            "axes" => return Ok(SlideChoice::Axes),
            "timeline" => return Ok(SlideChoice::Timeline),
            "summary" => return Ok(SlideChoice::Summary),
            _ => {}
        }
        if let Some(id) = name.strip_prefix("axis:") {
            let id = id.trim();
            if id.is_empty() {
                return Err(ChoiceProblem::AxisWithoutId);
            }
            return Ok(SlideChoice::Axis(id.to_owned()));
        }
        Err(ChoiceProblem::UnknownSlide(name.to_owned()))
    }

    /// Reads a comma-separated list, as `--slides` takes it.
    pub fn parse_list(text: &str) -> Result<Vec<SlideChoice>, ChoiceError> {
        let choices = text
            .split(',')
            .filter(|name| !name.trim().is_empty())
            .map(SlideChoice::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if choices.is_empty() {
            return Err(ChoiceProblem::NoSlides.words());
        }
        Ok(choices)
    }
}

impl fmt::Display for SlideChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SlideChoice::Title => f.write_str("title"),
            SlideChoice::Axes => f.write_str("axes"),
            SlideChoice::Axis(id) => write!(f, "axis:{id}"),
            SlideChoice::Timeline => f.write_str("timeline"),
            SlideChoice::Summary => f.write_str("summary"),
        }
    }
}

impl Serialize for SlideChoice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Refuses an axis id that is not one of `axes`, with the closest one.
pub fn check_axis<'a>(
    id: &str,
    axes: impl IntoIterator<Item = &'a str> + Clone,
) -> Result<(), ChoiceError> {
    find_axis(id, axes).map_err(|problem| problem.words())
}

/// [`check_axis`], the refusal not yet in words.
pub(crate) fn find_axis<'a>(
    id: &str,
    axes: impl IntoIterator<Item = &'a str> + Clone,
) -> Result<(), ChoiceProblem> {
    if axes.clone().into_iter().any(|axis| axis == id) {
        return Ok(());
    }
    Err(ChoiceProblem::UnknownAxis(
        id.to_owned(),
        axes.into_iter().map(str::to_owned).collect(),
    ))
}

/// Reads a comma-separated slide list (`--slides`) and checks its axis
/// ids against `roadmap`'s axes.
pub fn slides_for_roadmap(
    text: &str,
    roadmap: &crate::model::Roadmap,
) -> Result<Vec<SlideChoice>, ChoiceError> {
    let choices = SlideChoice::parse_list(text)?;
    for choice in &choices {
        if let SlideChoice::Axis(id) = choice {
            check_axis(id, roadmap.axes().iter().map(|axis| axis.id.as_str()))?;
        }
    }
    Ok(choices)
}

/// Reads how long each slide stays with auto-advance on: `20s`, `1m`,
/// `1m30s`; more than no time at all.
pub fn parse_duration(text: &str) -> Result<Duration, ChoiceError> {
    read_pace(text).map_err(|problem| problem.words())
}

/// [`parse_duration`], the refusal not yet in words.
pub(crate) fn read_pace(text: &str) -> Result<Duration, ChoiceProblem> {
    let duration = read_duration(text.trim())
        .map_err(|error| ChoiceProblem::NotADuration(text.to_owned(), error))?;
    if duration.is_zero() {
        return Err(ChoiceProblem::NoTime(text.to_owned()));
    }
    Ok(duration)
}

/// Why a text is not a duration: humantime's error in the full loader's
/// build, and the command line's.
#[cfg(feature = "full-loader")]
pub(crate) type DurationError = humantime::DurationError;

/// Why a text is not a duration, in the lean reader's build: not in the
/// form the export writes.
#[cfg(not(feature = "full-loader"))]
#[derive(Debug, Clone)]
pub(crate) struct DurationError;

#[cfg(not(feature = "full-loader"))]
impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the form `roadmap export` writes")
    }
}

/// humantime's reading: the full loader's, and the command line's.
#[cfg(feature = "full-loader")]
fn read_duration(text: &str) -> Result<Duration, DurationError> {
    humantime::parse_duration(text)
}

#[cfg(not(feature = "full-loader"))]
fn read_duration(text: &str) -> Result<Duration, DurationError> {
    written_duration(text).ok_or(DurationError)
}

/// A duration in the form `humantime::format_duration` writes it, which
/// is how `roadmap export` writes `auto` (`20s`, `1m 30s`, `2days 4h`),
/// with humantime's lengths of a month and a year. The lean reader reads
/// only this, so that humantime stays out of the web widget's module; it
/// leaves any other form to the full loader, which reads it with humantime
/// and writes it back in this form.
#[cfg_attr(feature = "full-loader", allow(dead_code))]
fn written_duration(text: &str) -> Option<Duration> {
    // (unit, seconds, nanoseconds) per unit.
    const UNITS: [(&str, u64, u64); 13] = [
        ("years", 31_557_600, 0),
        ("year", 31_557_600, 0),
        ("months", 2_630_016, 0),
        ("month", 2_630_016, 0),
        ("days", 86_400, 0),
        ("day", 86_400, 0),
        ("h", 3_600, 0),
        ("m", 60, 0),
        ("s", 1, 0),
        ("ms", 0, 1_000_000),
        ("us", 0, 1_000),
        ("\u{b5}s", 0, 1_000),
        ("ns", 0, 1),
    ];
    let mut total = Duration::ZERO;
    let mut rest = text;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let number: u64 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let letters = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (_, seconds, nanos) = UNITS.iter().find(|(unit, ..)| *unit == &rest[..letters])?;
        let part = Duration::from_secs(number.checked_mul(*seconds)?)
            .checked_add(Duration::from_nanos(number.checked_mul(*nanos)?))?;
        total = total.checked_add(part)?;
        rest = rest[letters..].trim_start_matches(' ');
    }
    Some(total)
}

/// The days the timeline slide shows, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SlideWindow {
    /// First date shown (from its first day).
    pub from: FuzzyDate,
    /// Last date shown (to its last day).
    pub to: FuzzyDate,
}

/// A file's `[presentation]` table, checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Presentation {
    /// The slides in order; the default ([`DEFAULT_SLIDES`]) when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slides: Option<Vec<SlideChoice>>,
    /// Ids of axes that `axes` leaves out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hide: Vec<String>,
    /// Auto-advance after this long on a slide.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "human_duration"
    )]
    pub auto: Option<Duration>,
    /// The timeline slide's window; the whole programme and today when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<SlideWindow>,
}

impl Presentation {
    /// Nothing chosen: every default applies.
    pub fn is_default(&self) -> bool {
        *self == Presentation::default()
    }
}

/// Writes a duration as the file has it (`1m 30s`), so that the JSON
/// export reads back.
#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option`
fn human_duration<S: Serializer>(
    duration: &Option<Duration>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match duration {
        Some(duration) => serializer.collect_str(&humantime::format_duration(*duration)),
        None => serializer.serialize_none(),
    }
}

/// `a`, `b` and `c` in backquotes.
fn quoted(words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_names_read_and_write_back() {
        for text in ["title", "axes", "axis:a1", "timeline", "summary"] {
            let choice = SlideChoice::parse(text).expect("a slide");
            assert_eq!(choice.to_string(), text);
        }
        assert_eq!(
            SlideChoice::parse(" axis: a1 "),
            Ok(SlideChoice::Axis("a1".to_owned()))
        );
    }

    #[test]
    // "Did you mean" is the full loader's.
    #[cfg(feature = "full-loader")]
    fn a_mistyped_name_gets_the_closest_one() {
        let err = SlideChoice::parse("timelime").expect_err("unknown");
        assert_eq!(err.message, "unknown slide `timelime`");
        assert!(err.help.starts_with("did you mean `timeline`?"), "{err}");
        let err = SlideChoice::parse("axis:").expect_err("no id");
        assert_eq!(err.message, "`axis:` names no axis");
    }

    #[test]
    // "Did you mean" is the full loader's.
    #[cfg(feature = "full-loader")]
    fn the_command_line_list_is_split_on_commas() {
        assert_eq!(
            SlideChoice::parse_list("title,axis:a2, timeline,summary"),
            Ok(vec![
                SlideChoice::Title,
                SlideChoice::Axis("a2".to_owned()),
                SlideChoice::Timeline,
                SlideChoice::Summary,
            ])
        );
        assert_eq!(
            SlideChoice::parse_list(" , "),
            Err(ChoiceProblem::NoSlides.words())
        );
        let err = SlideChoice::parse_list("title,sumary").expect_err("unknown");
        assert_eq!(err.message, "unknown slide `sumary`");
        assert!(err.help.starts_with("did you mean `summary`?"), "{err}");
    }

    #[test]
    // "Did you mean" is the full loader's.
    #[cfg(feature = "full-loader")]
    fn unknown_axes_get_the_closest_id_or_the_list() {
        let axes = ["axe-1", "axe-2"];
        assert_eq!(check_axis("axe-2", axes), Ok(()));
        let err = check_axis("axe2", axes).expect_err("unknown");
        assert_eq!(err.message, "unknown axis `axe2`");
        assert!(err.help.starts_with("did you mean `axe-"), "{err}");
        let err = check_axis("finance", axes).expect_err("unknown");
        assert_eq!(err.help, "the axes are `axe-1` and `axe-2`");
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("20s"), Ok(Duration::from_secs(20)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert!(parse_duration("0s").is_err());
        let err = parse_duration("twenty").expect_err("not a duration");
        assert_eq!(err.help, "give a duration like `20s`, `1m` or `1m30s`");
    }

    #[test]
    fn the_lean_reader_reads_every_duration_as_written_back() {
        for text in [
            "20s",
            "1m30s",
            "1m 30s",
            "2days 4h",
            "1year 2months",
            "90ms",
            "5us",
            "1h 1ns",
        ] {
            let duration = humantime::parse_duration(text).expect("humantime reads it");
            let written = humantime::format_duration(duration).to_string();
            assert_eq!(written_duration(&written), Some(duration), "{written}");
            assert_eq!(written_duration(text), Some(duration), "{text}");
        }
        // Other forms are left to the full loader.
        for text in [
            "",
            "20",
            "s",
            "20 sec",
            "1.5h",
            "20s,",
            "-1s",
            "99999999999999999999s",
        ] {
            assert_eq!(written_duration(text), None, "{text}");
        }
    }
}
