//! Reading a roadmap file: bytes → checked [`Roadmap`], or every problem
//! found, each located by line and column with a hint on how to fix it.
//!
//! TOML is the authored format, JSON the interchange one; both have the same
//! shape and go through the same checks. Any input ends in a roadmap or an
//! error: size, encoding and nesting are bounded before parsing.

use std::fmt::{self, Write as _};

use crate::diagnostics::{Diagnostic, LineIndex, Severity};
use crate::introspect::{closest, fields_of};
use crate::locate::{Path, SpannedDocument, Step};
use crate::model::Roadmap;
use crate::raw::{
    RawAxis, RawBudget, RawIndicator, RawMeasurement, RawMilestone, RawMission, RawPeriod,
    RawReview, RawRoadmap, RawSource, RawTag,
};
use crate::validate::{Finding, validate};

/// Larger inputs are refused: a roadmap of 10,000 milestones is about 2 MB.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The authored format, with comments.
    Toml,
    /// The interchange format, as `roadmap export` writes it.
    Json,
}

impl Format {
    /// The format a file name suggests: JSON for `.json`, TOML otherwise.
    pub fn from_file_name(name: &str) -> Format {
        if name.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

/// A roadmap that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The checked roadmap.
    pub roadmap: Roadmap,
    /// Problems that do not stop the load.
    pub warnings: Vec<Diagnostic>,
}

/// Why a file did not load: every error found, and the warnings too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file's name as given to [`load`].
    pub file: String,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Every diagnostic as people read it, then a count.
    pub fn render(&self, color: bool) -> String {
        render_all(&self.file, &self.diagnostics, color)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        let first = self
            .errors()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        write!(f, "{}: {count} error(s); first: {first}", self.file)
    }
}

/// Renders diagnostics one after the other with a closing count.
pub fn render_all(file: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.render(file, color));
        out.push_str("\n\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let _ = writeln!(out, "{file}: {errors} error(s), {warnings} warning(s)");
    out
}

/// Loads a roadmap from a file's bytes. `file` names it in messages.
pub fn load(file: &str, bytes: &[u8], format: Format) -> Result<Loaded, LoadError> {
    let fail = |diagnostics| LoadError {
        file: file.to_owned(),
        diagnostics,
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(fail(vec![
            Diagnostic::error(format!(
                "the file is {:.1} MB, more than the {} MB a roadmap may be",
                bytes.len() as f64 / 1e6,
                MAX_INPUT_BYTES / (1024 * 1024)
            ))
            .with_help("split the roadmap into several files"),
        ]));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let mut diagnostic = Diagnostic::error(format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                err.valid_up_to()
            ))
            .with_help("save the file as UTF-8; is it a roadmap file at all?");
            diagnostic.location = Some(LineIndex::new(prefix).locate(prefix.len()..prefix.len()));
            return Err(fail(vec![diagnostic]));
        }
    };
    load_str(file, text, format)
}

/// Loads a roadmap from text.
pub fn load_str(file: &str, text: &str, format: Format) -> Result<Loaded, LoadError> {
    let mut ignored: Vec<Path> = Vec::new();
    let raw = match format {
        Format::Toml => parse_toml(text, &mut ignored),
        Format::Json => parse_json(text, &mut ignored),
    };
    let raw = raw.map_err(|diagnostics| LoadError {
        file: file.to_owned(),
        diagnostics,
    })?;
    let (roadmap, mut findings) = validate(raw);
    findings.extend(ignored.into_iter().map(unknown_field));
    if findings.is_empty()
        && let Some(roadmap) = roadmap
    {
        return Ok(Loaded {
            roadmap,
            warnings: Vec::new(),
        });
    }
    let diagnostics = locate(text, format, findings);
    match roadmap {
        Some(roadmap) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            roadmap,
            warnings: diagnostics,
        }),
        _ => Err(LoadError {
            file: file.to_owned(),
            diagnostics,
        }),
    }
}

fn parse_toml(text: &str, ignored: &mut Vec<Path>) -> Result<RawRoadmap, Vec<Diagnostic>> {
    let index = std::cell::OnceCell::new();
    let located = |message: &str, span: Option<std::ops::Range<usize>>| {
        let (message, help) = toml_message(message);
        let mut diagnostic = Diagnostic::error(message).with_help(help);
        diagnostic.location = Some(
            index
                .get_or_init(|| LineIndex::new(text))
                .locate(span.unwrap_or(0..0)),
        );
        diagnostic
    };
    let Ok(table) = toml::de::DeTable::parse(text) else {
        // Parse again, recovering, to report every syntax error at once.
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        // After a broken header, recovery files later keys under the
        // previous table: those "duplicate" reports are echoes, not news.
        return Err(errors
            .iter()
            .enumerate()
            .filter(|(i, e)| *i == 0 || !e.message().contains("duplicate"))
            .map(|(_, e)| e)
            .take(MAX_SYNTAX_ERRORS)
            .map(|e| located(e.message(), e.span()))
            .collect());
    };
    let deserializer = toml::de::Deserializer::from(table);
    serde_ignored::deserialize(deserializer, |path| ignored.push(convert_path(&path)))
        .map_err(|e| vec![located(e.message(), e.span())])
}

/// More syntax errors than this are mostly echoes of the first ones.
const MAX_SYNTAX_ERRORS: usize = 20;

fn parse_json(text: &str, ignored: &mut Vec<Path>) -> Result<RawRoadmap, Vec<Diagnostic>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let raw = serde_ignored::deserialize(&mut deserializer, |path| {
        ignored.push(convert_path(&path));
    })
    .and_then(|raw: RawRoadmap| deserializer.end().map(|()| raw));
    raw.map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the location says it already.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head);
        let mut diagnostic = Diagnostic::error(message.to_owned())
            .with_help("fix the JSON syntax; `roadmap export` writes valid files");
        diagnostic.location = Some(LineIndex::new(text).at_line_column(e.line(), e.column()));
        vec![diagnostic]
    })
}

/// Splits toml's messages into the problem and, where toml suggests one, the fix.
fn toml_message(message: &str) -> (String, String) {
    let message = message.trim();
    let help = if message.contains("missing field") {
        "add the field named above"
    } else if message.starts_with("invalid type") {
        "check the value's type: text in quotes, numbers without"
    } else {
        "fix the TOML syntax at the place shown"
    };
    (message.to_owned(), help.to_owned())
}

fn convert_path(path: &serde_ignored::Path<'_>) -> Path {
    use serde_ignored::Path as P;
    match path {
        P::Root => Path::default(),
        P::Seq { parent, index } => convert_path(parent).index(*index),
        P::Map { parent, key } => convert_path(parent).key(key.clone()),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            convert_path(parent)
        }
    }
}

/// An "unknown field" finding for a key serde ignored, with the closest known field.
fn unknown_field(path: Path) -> Finding {
    let Some(Step::Key(key)) = path.steps.last() else {
        return (path, Diagnostic::error("unexpected value"));
    };
    let key = key.to_string();
    let parent = path.steps.iter().rev().skip(1).find_map(|step| match step {
        Step::Key(k) => Some(k.as_ref()),
        Step::Index(_) => None,
    });
    let known = expected_fields(parent);
    let help = match closest(&key, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!(
            "known fields here: {}",
            known
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    (
        path.key_name(),
        Diagnostic::error(format!("unknown field `{key}`")).with_help(help),
    )
}

/// The fields allowed in the table reached through key `parent`.
fn expected_fields(parent: Option<&str>) -> &'static [&'static str] {
    match parent {
        None => fields_of::<RawRoadmap>(),
        Some("period") => fields_of::<RawPeriod>(),
        Some("sources") => fields_of::<RawSource>(),
        Some("tags") => fields_of::<RawTag>(),
        Some("reviews") => fields_of::<RawReview>(),
        Some("axes") => fields_of::<RawAxis>(),
        Some("missions") => fields_of::<RawMission>(),
        Some("budget") => fields_of::<RawBudget>(),
        Some("milestones") => fields_of::<RawMilestone>(),
        Some("indicators") => fields_of::<RawIndicator>(),
        Some(_) => fields_of::<RawMeasurement>(),
    }
}

/// Gives every finding its line and column, in file order.
fn locate(text: &str, format: Format, findings: Vec<Finding>) -> Vec<Diagnostic> {
    let document = match format {
        Format::Toml => SpannedDocument::toml(text),
        Format::Json => SpannedDocument::json(text),
    };
    let index = LineIndex::new(text);
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .map(|(path, mut diagnostic)| {
            diagnostic.location = Some(index.locate(document.span(&path)));
            diagnostic
        })
        .collect();
    diagnostics.sort_by_key(|d| {
        (
            d.location.as_ref().map(|l| (l.line, l.column)),
            d.severity != Severity::Error,
        )
    });
    diagnostics
}

/// The JSON Schema of the file format, generated from the model's file types.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(RawRoadmap);
    serde_json::to_value(schema).unwrap_or_default()
}

/// The roadmap in the JSON interchange format, which [`load`] reads back.
pub fn to_json(roadmap: &Roadmap) -> String {
    // Serialising plain structs, strings and finite numbers cannot fail.
    serde_json::to_string_pretty(roadmap).unwrap_or_default()
}
