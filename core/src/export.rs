//! The lean reader of the JSON export: a small JSON reader (`json_reader`)
//! fills the same file structs as the full loader and the same validation
//! checks them, without the TOML parser, the document tree or the span
//! scanner. A field added to the format is read by both, since both fill
//! `raw::RawRoadmap`.
//!
//! It is the web widget's common path. It refuses what the full loader
//! refuses, but says only where: the line and column where the JSON reader
//! stopped, or the path of the first value the checks refused. Its checks
//! make no messages (see `validate::Verdict`), so that their words stay out
//! of the widget's module: a reader that wants every problem located and
//! explained (the full loader, `roadmap check`) reads the file again.

use std::fmt;

use crate::json_reader::{JsonError, JsonReader};
use crate::load::{TextProblem, text_of};
use crate::model::Roadmap;
use crate::raw::RawRoadmap;
use crate::source::Locator;
use crate::validate::verdict;

/// The file structs in `text`. An unknown key is refused, with its place,
/// as the full loader refuses it.
fn parse(text: &str) -> Result<RawRoadmap, JsonError> {
    let mut raw = RawRoadmap::default();
    JsonReader::new(text).read_all(&mut raw)?;
    Ok(raw)
}

/// Why the lean reader refused a file, and where when it can say: what is
/// wrong and how to fix it are the full loader's to say (`roadmap check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRefusal {
    /// The file's name, as given to [`read_export`].
    pub file: String,
    /// Where in the file, when known.
    pub at: Option<RefusedAt>,
}

/// Where the lean reader refused a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusedAt {
    /// Where the JSON reader stopped: 1-based line and column (in characters).
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The path of the first value the checks refused, as
    /// `axes[0].missions[2].end`.
    Value(String),
}

impl ExportRefusal {
    /// The file and the place, as compilers name them: `file:line:column`,
    /// `file: axes[0].id`, or the file alone.
    pub fn located(&self) -> String {
        let file = &self.file;
        match &self.at {
            Some(RefusedAt::Text { line, column }) => format!("{file}:{line}:{column}"),
            Some(RefusedAt::Value(path)) => format!("{file}: {path}"),
            None => file.clone(),
        }
    }
}

impl fmt::Display for ExportRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: this JSON is not a valid roadmap export; `roadmap check {}` says why",
            self.located(),
            self.file
        )
    }
}

impl std::error::Error for ExportRefusal {}

/// Reads a roadmap from the JSON export's bytes (as `roadmap export` writes
/// it, or any JSON file of the same shape). `file` names it in the
/// refusal. Warnings are not looked for; any error, an unknown key
/// included, refuses the file, as the full loader does.
pub fn read_export(file: &str, bytes: &[u8]) -> Result<Roadmap, ExportRefusal> {
    let refuse = |at| ExportRefusal {
        file: file.to_owned(),
        at,
    };
    let text_at = |text: &str, offset: usize| {
        let place = Locator::new(text).locate(offset..offset);
        RefusedAt::Text {
            line: place.line,
            column: place.column,
        }
    };
    let text = text_of(bytes).map_err(|problem| match problem {
        TextProblem::TooLarge(_) => refuse(None),
        TextProblem::NotUtf8(valid_up_to) => refuse(
            std::str::from_utf8(&bytes[..valid_up_to])
                .ok()
                .map(|prefix| text_at(prefix, valid_up_to)),
        ),
    })?;
    let raw = parse(text).map_err(|error| refuse(Some(text_at(text, error.at))))?;
    verdict(raw).map_err(|path| {
        // A problem with the whole file (a missing field) has no path.
        refuse((!path.steps.is_empty()).then(|| RefusedAt::Value(path.to_string())))
    })
}

#[cfg(test)]
mod tests {
    use super::read_export;

    #[test]
    fn an_unknown_key_is_refused_at_its_place_in_every_struct() {
        for (text, place) in [
            ("{\n  \"titel\": \"x\"\n}", "2:3"),
            ("{\"period\": {\"start\": \"2024\",\n \"fin\": 1}}", "2:2"),
            ("{\"presentation\": {\n\"pace\": 2}}", "2:1"),
            (
                "{\"presentation\": {\"window\": {\"from\": \"2024\",\n \"til\": \"2025\"}}}",
                "2:2",
            ),
            (
                "{\"axes\": [{\"missions\": [{\"health\": [{\n\"grade\": \"good\"}]}]}]}",
                "2:1",
            ),
            (
                "{\"axes\": [{\"missions\": [{\"milestones\": [{\"revised\": [{\n\"why\": 1}]}]}]}]}",
                "2:1",
            ),
        ] {
            let refusal = read_export("t.json", text.as_bytes()).expect_err("refused");
            assert_eq!(refusal.located(), format!("t.json:{place}"), "{text}");
        }
    }
}
