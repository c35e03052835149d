//! The lean reader of the JSON export: a small JSON reader (`json_reader`)
//! fills the same file structs as the full loader and the same validation
//! checks them, without the TOML parser, the document tree or the span
//! scanner. A field added to the format is read by both, since both fill
//! `raw::RawRoadmap`.
//!
//! It is the web widget's common path. Its errors name the value's path,
//! and the line and column only for what the JSON reader refuses, in
//! short: a reader that wants every problem located and explained (the
//! full loader) reads the file again.

use crate::diagnostics::{Diagnostic, Locations, MAX_SHOWN, NotShown};
use crate::json_reader::{JsonError, JsonReader, Problem};
use crate::load::{JSON_HELP, LoadError, text_of};
use crate::model::Roadmap;
use crate::raw::RawRoadmap;
use crate::validate::validate;

/// The file structs in `text`. An unknown key is refused, with its place,
/// as the full loader refuses it.
fn parse(text: &str) -> Result<RawRoadmap, JsonError> {
    let mut raw = RawRoadmap::default();
    JsonReader::new(text).read_all(&mut raw)?;
    Ok(raw)
}

/// The reader's error as a diagnostic, at its place.
fn syntax_error(text: &str, error: &JsonError) -> Diagnostic {
    let help = match error.problem {
        Problem::UnknownField(_) => "remove it, or check its spelling against the JSON Schema",
        _ => JSON_HELP,
    };
    let mut diagnostic = Diagnostic::error(error.message()).with_help(help);
    diagnostic.location = Some(Locations::new(text).locate(error.at..error.at));
    diagnostic
}

/// Reads a roadmap from the JSON export's bytes (as `roadmap export` writes
/// it, or any JSON file of the same shape). `file` names it in messages.
/// Warnings are dropped; any error, an unknown key included, refuses the
/// file, as the full loader does.
pub fn read_export(file: &str, bytes: &[u8]) -> Result<Roadmap, LoadError> {
    let fail = |diagnostics| LoadError::new(file, diagnostics);
    let text = text_of(bytes).map_err(|diagnostic| fail(vec![diagnostic]))?;
    let raw = parse(text).map_err(|e| fail(vec![syntax_error(text, &e)]))?;
    // Where an id was first defined needs the located loader.
    let (roadmap, findings, _) = validate(raw);
    let mut errors = findings
        .into_iter()
        .filter(|(_, diagnostic)| diagnostic.is_error())
        .map(|(path, mut diagnostic)| {
            if !path.steps.is_empty() {
                diagnostic.message = format!("{path}: {}", diagnostic.message);
            }
            diagnostic
        });
    let shown: Vec<Diagnostic> = errors.by_ref().take(MAX_SHOWN).collect();
    match roadmap {
        Some(roadmap) if shown.is_empty() => Ok(roadmap),
        _ => {
            let mut not_shown = NotShown::default();
            for diagnostic in errors {
                not_shown.count(diagnostic.severity);
            }
            let diagnostics = if shown.is_empty() {
                // Validation always names why it gives no roadmap; this
                // only guards against a silent refusal.
                vec![Diagnostic::error("the roadmap could not be read").with_help(JSON_HELP)]
            } else {
                shown
            };
            Err(LoadError {
                file: file.to_owned(),
                diagnostics,
                not_shown,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::read_export;

    fn first_error(text: &str) -> String {
        let err = read_export("t.json", text.as_bytes()).expect_err("refused");
        err.errors().next().expect("an error").located("t.json")
    }

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
            let message = first_error(text);
            assert!(
                message.starts_with(&format!("t.json:{place}: unknown field `")),
                "{message}"
            );
        }
    }
}
