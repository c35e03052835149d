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

#[cfg(not(feature = "full-loader"))]
use serde::Deserialize as _;

use crate::diagnostics::{Diagnostic, Locations, MAX_SHOWN, NotShown};
use crate::json_reader::{JsonError, JsonReader};
use crate::load::{JSON_HELP, LoadError, text_of};
use crate::model::Roadmap;
use crate::raw::RawRoadmap;
use crate::validate::validate;

/// The file structs in `text`, or the path of the first key none of them
/// takes (the full loader's build, which says where it is).
#[cfg(feature = "full-loader")]
fn parse(text: &str) -> Result<Result<RawRoadmap, String>, JsonError> {
    let mut unknown = None;
    let mut reader = JsonReader::new(text);
    let raw: RawRoadmap = serde_ignored::deserialize(&mut reader, |path| {
        unknown.get_or_insert_with(|| path.to_string());
    })?;
    reader.end()?;
    Ok(unknown.map_or(Ok(raw), Err))
}

/// The file structs in `text`; an unknown key is refused by serde
/// (`deny_unknown_fields` in this build), with its place.
#[cfg(not(feature = "full-loader"))]
fn parse(text: &str) -> Result<RawRoadmap, JsonError> {
    let mut reader = JsonReader::new(text);
    let raw = RawRoadmap::deserialize(&mut reader)?;
    reader.end()?;
    Ok(raw)
}

/// The reader's error as a diagnostic, at its place when it has one.
fn syntax_error(text: &str, error: &JsonError) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(error.message()).with_help(JSON_HELP);
    diagnostic.location = error.at.map(|at| Locations::new(text).locate(at..at));
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
    #[cfg(feature = "full-loader")]
    let raw = raw.map_err(|path| {
        fail(vec![
            Diagnostic::error(format!("unknown field `{path}`"))
                .with_help("remove it, or check its spelling against the JSON Schema"),
        ])
    })?;
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
