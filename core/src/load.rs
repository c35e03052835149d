//! Reading a roadmap file: bytes → checked [`Roadmap`], or every problem
//! found, each located by line and column with a hint on how to fix it.
//!
//! TOML is the authored format, JSON the interchange one; both have the same
//! shape and go through the same checks. Any input ends in a roadmap or an
//! error: size, encoding and nesting are bounded before parsing.

use std::fmt::{self, Write as _};

use crate::diagnostics::{Diagnostic, MAX_SHOWN, NotShown};
#[cfg(feature = "full-loader")]
use crate::diagnostics::{Locations, Severity};
#[cfg(feature = "full-loader")]
use crate::document;
#[cfg(feature = "full-loader")]
use crate::excerpt::{QUOTE_CHARS, shorten};
#[cfg(feature = "full-loader")]
use crate::locate::{Path, SpannedDocument, Step};
use crate::model::Roadmap;
use crate::raw::RawRoadmap;
#[cfg(feature = "full-loader")]
use crate::suggest::closest;
#[cfg(feature = "full-loader")]
use crate::validate::{Earlier, Finding, validate};

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
    /// Problems that do not stop the load: the first [`MAX_SHOWN`].
    pub warnings: Vec<Diagnostic>,
    /// Warnings found after those.
    pub not_shown: NotShown,
}

/// Why a file did not load: the first problems found (errors, then
/// warnings) and a count of the others.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file's name as given to [`load`].
    pub file: String,
    /// Errors and warnings, in file order: the first [`MAX_SHOWN`], errors
    /// before warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found after those, counted.
    pub not_shown: NotShown,
}

impl LoadError {
    /// A load error of these diagnostics, all shown.
    pub fn new(file: impl Into<String>, diagnostics: Vec<Diagnostic>) -> Self {
        LoadError {
            file: file.into(),
            diagnostics,
            not_shown: NotShown::default(),
        }
    }

    /// The errors shown.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Every error found, shown or not.
    pub fn error_count(&self) -> usize {
        self.errors().count() + self.not_shown.errors
    }

    /// Every problem found, errors and warnings, shown or not.
    pub fn problem_count(&self) -> usize {
        self.diagnostics.len() + self.not_shown.total()
    }

    /// Every diagnostic as people read it, then a count.
    pub fn render(&self, color: bool) -> String {
        render_all(&self.file, &self.diagnostics, self.not_shown, color)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.error_count();
        let first = self
            .errors()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        write!(f, "{}: {count} error(s); first: {first}", self.file)
    }
}

/// Renders the first [`MAX_SHOWN`] diagnostics one after the other, then
/// how many more were found (`not_shown` and any past those) and the
/// count of errors and warnings.
pub fn render_all(
    file: &str,
    diagnostics: &[Diagnostic],
    not_shown: NotShown,
    color: bool,
) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics.iter().take(MAX_SHOWN) {
        out.push_str(&diagnostic.render(file, color));
        out.push_str("\n\n");
    }
    let shown_errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let errors = shown_errors + not_shown.errors;
    let warnings = diagnostics.len() - shown_errors + not_shown.warnings;
    let more = not_shown.total() + diagnostics.len().saturating_sub(MAX_SHOWN);
    match more {
        0 => {}
        1 => {
            let _ = writeln!(out, "{file}: 1 more problem not shown");
        }
        more => {
            let _ = writeln!(out, "{file}: {more} more problems not shown");
        }
    }
    let _ = writeln!(out, "{file}: {errors} error(s), {warnings} warning(s)");
    out
}

/// Whether a load keeps its warnings, each located in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    /// Kept and located, as `roadmap check` reports them.
    Keep,
    /// Dropped before they are located: locating parses the text again,
    /// which a reader that only shows the roadmap (the web widget) need
    /// not pay for. Errors are located either way.
    Drop,
}

/// Why a file's bytes are not a roadmap's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextProblem {
    /// Larger than [`MAX_INPUT_BYTES`]: its size.
    TooLarge(usize),
    /// Not UTF-8: the offset of the first invalid byte.
    NotUtf8(usize),
}

/// A file's bytes as text, without a byte order mark: refused when larger
/// than [`MAX_INPUT_BYTES`] or not UTF-8. Both loaders start here.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, TextProblem> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(TextProblem::TooLarge(bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(err) => Err(TextProblem::NotUtf8(err.valid_up_to())),
    }
}

/// [`text_of`], its refusal said to people.
#[cfg(feature = "full-loader")]
pub(crate) fn text_or_diagnostic(bytes: &[u8]) -> Result<&str, Diagnostic> {
    text_of(bytes).map_err(|problem| match problem {
        TextProblem::TooLarge(size) => Diagnostic::error(format!(
            // Tenths by integers, as the file's size is an integer.
            "the file is {}.{} MB, more than the {} MB a roadmap may be",
            (size + 50_000) / 1_000_000,
            (size + 50_000) / 100_000 % 10,
            MAX_INPUT_BYTES / (1024 * 1024)
        ))
        .with_help("split the roadmap into several files"),
        TextProblem::NotUtf8(valid_up_to) => {
            let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
            let mut diagnostic = Diagnostic::error(format!(
                "the file is not UTF-8 text (invalid byte at offset {valid_up_to})"
            ))
            .with_help("save the file as UTF-8; is it a roadmap file at all?");
            diagnostic.location = Some(Locations::new(prefix).locate(prefix.len()..prefix.len()));
            diagnostic
        }
    })
}

#[cfg(feature = "full-loader")]
/// Loads a roadmap from a file's bytes. `file` names it in messages.
pub fn load(file: &str, bytes: &[u8], format: Format) -> Result<Loaded, LoadError> {
    load_with(file, bytes, format, Warnings::Keep)
}

#[cfg(feature = "full-loader")]
/// [`load`], keeping or dropping the warnings.
pub fn load_with(
    file: &str,
    bytes: &[u8],
    format: Format,
    warnings: Warnings,
) -> Result<Loaded, LoadError> {
    let text =
        text_or_diagnostic(bytes).map_err(|diagnostic| LoadError::new(file, vec![diagnostic]))?;
    load_text(file, text, format, warnings)
}

#[cfg(feature = "full-loader")]
/// Loads a roadmap from text.
pub fn load_str(file: &str, text: &str, format: Format) -> Result<Loaded, LoadError> {
    load_text(file, text, format, Warnings::Keep)
}

#[cfg(feature = "full-loader")]
fn load_text(
    file: &str,
    text: &str,
    format: Format,
    warnings: Warnings,
) -> Result<Loaded, LoadError> {
    let fail = |(diagnostics, not_shown)| LoadError {
        file: file.to_owned(),
        diagnostics,
        not_shown,
    };
    let parse = || match format {
        Format::Toml => parse_toml(text),
        Format::Json => parse_json(text),
    };
    let unknown = std::cell::RefCell::new(Vec::new());
    // A value that cannot be read is reported, then read as absent in a
    // new pass, so that one type error does not hide the file's other
    // problems.
    let mut unreadable: Vec<Finding> = Vec::new();
    let mut skipped: Vec<Path> = Vec::new();
    let raw = loop {
        let node = parse().map_err(|diagnostics| LoadError::new(file, diagnostics))?;
        unknown.borrow_mut().clear();
        let reading = document::Reading {
            unknown: &unknown,
            skipped: &skipped,
        };
        match document::read(node, &reading) {
            Ok(raw) => break Some(raw),
            Err((path, message, help)) => {
                let help = help.unwrap_or_else(|| match format {
                    Format::Toml => toml_help(&message).to_owned(),
                    Format::Json => JSON_HELP.to_owned(),
                });
                let skip = document::key_to_skip(&path);
                unreadable.push((path, Diagnostic::error(message).with_help(help)));
                match skip {
                    Some(skip) if unreadable.len() < MAX_UNREADABLE && !skipped.contains(&skip) => {
                        skipped.push(skip);
                    }
                    _ => break None,
                }
            }
        }
    };
    let Some(raw) = raw else {
        return Err(fail(locate(
            text,
            format,
            &unreadable,
            &unknown.into_inner(),
            &[],
        )));
    };
    let (roadmap, found, earlier) = validate(raw);
    let roadmap = if unreadable.is_empty() { roadmap } else { None };
    // Each finding with the earlier place it refers to, kept through the
    // filters below.
    let mut earlier: std::collections::HashMap<usize, Path> = earlier.into_iter().collect();
    let (findings, earlier): (Vec<Finding>, Vec<Option<Path>>) = unreadable
        .into_iter()
        .map(|finding| (finding, None))
        .chain(
            found
                .into_iter()
                .enumerate()
                .map(|(i, finding)| (finding, earlier.remove(&i)))
                .filter(|((path, diagnostic), _)| {
                    !echoes_a_skipped_key(path, diagnostic, &skipped)
                }),
        )
        .filter(|((_, diagnostic), _)| warnings == Warnings::Keep || diagnostic.is_error())
        .unzip();
    let earlier: Vec<Earlier> = earlier
        .into_iter()
        .enumerate()
        .filter_map(|(i, path)| path.map(|path| (i, path)))
        .collect();
    let unknown = unknown.into_inner();
    if findings.is_empty()
        && unknown.is_empty()
        && let Some(roadmap) = roadmap
    {
        return Ok(Loaded {
            roadmap,
            warnings: Vec::new(),
            not_shown: NotShown::default(),
        });
    }
    let (diagnostics, not_shown) = locate(text, format, &findings, &unknown, &earlier);
    match roadmap {
        Some(roadmap) if not_shown.errors == 0 && !diagnostics.iter().any(Diagnostic::is_error) => {
            Ok(Loaded {
                roadmap,
                warnings: diagnostics,
                not_shown,
            })
        }
        _ => Err(fail((diagnostics, not_shown))),
    }
}

/// Each pass of reading finds one unreadable value: past this many, the
/// file is reported without its other checks.
#[cfg(feature = "full-loader")]
const MAX_UNREADABLE: usize = 20;

#[cfg(feature = "full-loader")]
/// Whether `diagnostic` only says what leaving out a skipped key implies
/// (a missing field, no source cited): the unreadable value is the news.
fn echoes_a_skipped_key(path: &Path, diagnostic: &Diagnostic, skipped: &[Path]) -> bool {
    skipped.iter().any(|skip| {
        let Some((Step::Key(key), parent)) = skip.steps.split_last() else {
            return false;
        };
        path.steps == parent
            && (diagnostic
                .message
                .starts_with(&format!("missing field `{key}`"))
                || (key == "sources" && diagnostic.message.contains("cites no source")))
    })
}

#[cfg(feature = "full-loader")]
fn parse_toml(text: &str) -> Result<document::Node<'_>, Vec<Diagnostic>> {
    let Ok(table) = toml::de::DeTable::parse(text) else {
        // Parse again, recovering, to report every syntax error at once.
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        let mut locations = Locations::new(text);
        // After a broken header, recovery files later keys under the
        // previous table: those "duplicate" reports are echoes, not news.
        return Err(errors
            .iter()
            .enumerate()
            .filter(|(i, e)| *i == 0 || !e.message().contains("duplicate"))
            .map(|(_, e)| e)
            .take(MAX_SYNTAX_ERRORS)
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                let mut diagnostic = curly_quote(text, &span)
                    .or_else(|| duplicate_key(text, &span, e.message()))
                    .unwrap_or_else(|| {
                        let message = e.message().trim();
                        Diagnostic::error(message.to_owned()).with_help(toml_help(message))
                    });
                diagnostic.location = Some(locations.locate(span));
                diagnostic
            })
            .collect());
    };
    Ok(document::Node::Toml(toml::de::DeValue::Table(
        table.into_inner(),
    )))
}

#[cfg(feature = "full-loader")]
/// The error for a key defined twice, naming it; `sources` is the common
/// case: a list of the roadmap's own sources before the `[[sources]]`.
fn duplicate_key(text: &str, span: &std::ops::Range<usize>, message: &str) -> Option<Diagnostic> {
    if message.trim() != "duplicate key" {
        return None;
    }
    let key = text.get(span.clone())?.trim_matches('"');
    let key = shorten(key, QUOTE_CHARS);
    let help = if key == "sources" {
        "`sources` at the top of the file is the list of `[[sources]]` entries; to cite the sources about the whole roadmap, write `citations = [\"…\"]` instead".to_owned()
    } else {
        format!("define `{key}` once: remove or rename one of the two")
    };
    Some(Diagnostic::error(format!("`{key}` is defined twice")).with_help(help))
}

#[cfg(feature = "full-loader")]
/// The error for a value in a word processor's curly quotes, which looks
/// quoted to its author but is not to TOML.
fn curly_quote(text: &str, span: &std::ops::Range<usize>) -> Option<Diagnostic> {
    let quote = text.get(span.start..)?.chars().next()?;
    let name = match quote {
        '\u{201c}' => "left double quotation mark",
        '\u{201d}' => "right double quotation mark",
        '\u{2018}' => "left single quotation mark",
        '\u{2019}' => "right single quotation mark",
        '\u{ab}' | '\u{bb}' => "guillemet",
        _ => return None,
    };
    Some(
        Diagnostic::error(format!(
            "the value starts with a curly quote `{quote}` ({name}), which TOML does not read as a quote"
        ))
        .with_help("use straight quotes: `\"…\"` (a word processor may turn them curly)"),
    )
}

#[cfg(feature = "full-loader")]
/// More syntax errors than this are mostly echoes of the first ones.
const MAX_SYNTAX_ERRORS: usize = 20;

#[cfg(feature = "full-loader")]
pub(crate) const JSON_HELP: &str = "fix the JSON syntax; `roadmap export` writes valid files";

#[cfg(feature = "full-loader")]
fn parse_json(text: &str) -> Result<document::Node<'_>, Vec<Diagnostic>> {
    serde_json::from_str(text).map_err(|e| vec![json_error(text, &e)])
}

/// `serde_json`'s error in `text`, at its line and column.
#[cfg(feature = "full-loader")]
fn json_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    // serde_json appends " at line L column C"; the location says it already.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head);
    let mut diagnostic = Diagnostic::error(message.to_owned()).with_help(JSON_HELP);
    diagnostic.location = Some(Locations::new(text).at_line_column(e.line(), e.column()));
    diagnostic
}

#[cfg(feature = "full-loader")]
/// The fix for one of toml's (or the file structs') messages.
fn toml_help(message: &str) -> &'static str {
    if message.contains("missing field") {
        "add the field named above"
    } else if message.starts_with("invalid type") {
        "check the value's type: text in quotes, numbers without"
    } else {
        "fix the TOML syntax at the place shown"
    }
}

#[cfg(feature = "full-loader")]
/// The "unknown field" error for the key `path` ends with, with the
/// closest of the `known` fields.
fn unknown_field(path: &Path, known: &'static [&'static str]) -> Diagnostic {
    let Some(Step::Key(key)) = path.steps.last() else {
        return Diagnostic::error("unexpected value");
    };
    let help = match closest(key, known.iter().copied()) {
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
    let key = shorten(key, QUOTE_CHARS);
    Diagnostic::error(format!("unknown field `{key}`")).with_help(help)
}

#[cfg(feature = "full-loader")]
/// Gives the problems shown their line and column, in file order: the
/// first [`MAX_SHOWN`] (errors before warnings) of the `found` and of the
/// `unknown` keys, the others only counted. An unknown field's message (and
/// its "did you mean") is only written when the field is among them.
fn locate(
    text: &str,
    format: Format,
    found: &[Finding],
    unknown: &[document::UnknownKey],
    earlier: &[Earlier],
) -> (Vec<Diagnostic>, NotShown) {
    let spans = {
        let spanned = match format {
            Format::Toml => SpannedDocument::toml(text),
            Format::Json => SpannedDocument::json(text),
        };
        let paths: Vec<&Path> = found
            .iter()
            .map(|(path, _)| path)
            .chain(unknown.iter().map(|(path, _)| path))
            .chain(earlier.iter().map(|(_, path)| path))
            .collect();
        spanned.spans(&paths)
    };
    let problems = found.len() + unknown.len();
    let (spans, earlier_spans) = spans.split_at(problems.min(spans.len()));
    let mut earlier_lines = Locations::new(text);
    // Findings are numbered the found first, then the unknown keys.
    let severity = |i: usize| found.get(i).map_or(Severity::Error, |(_, d)| d.severity);
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (severity(i), spans[i].start));
    let mut not_shown = NotShown::default();
    for &i in order.iter().skip(MAX_SHOWN) {
        not_shown.count(severity(i));
    }
    order.truncate(MAX_SHOWN);
    order.sort_by_key(|&i| (spans[i].start, severity(i), i));
    let mut locations = Locations::new(text);
    let diagnostics = order
        .into_iter()
        .map(|i| {
            let mut diagnostic = found.get(i).map_or_else(
                || {
                    let (path, known) = &unknown[i - found.len()];
                    unknown_field(path, known)
                },
                |(_, diagnostic)| diagnostic.clone(),
            );
            diagnostic.location = Some(locations.locate(spans[i].clone()));
            if let Some(k) = earlier.iter().position(|&(at, _)| at == i)
                && let Some(span) = earlier_spans.get(k)
            {
                let line = earlier_lines.locate(span.clone()).line;
                let help = diagnostic.help.take().unwrap_or_default();
                diagnostic.help = Some(format!("{help} (first defined at line {line})"));
            }
            diagnostic
        })
        .collect();
    (diagnostics, not_shown)
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

#[cfg(feature = "full-loader")]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_unknown_references_are_compared_with_every_id() {
        let milestones: Vec<String> = (0..150)
            .map(|i| format!(r#"{{"id": "m{i}", "title": "M", "depends_on": ["clod"]}}"#))
            .collect();
        let text = format!(
            r#"{{"axes": [{{"id": "a", "missions": [{{"id": "cloud", "milestones": [{}]}}]}}]}}"#,
            milestones.join(", ")
        );
        let node = parse_json(&text).expect("JSON");
        let unknown = std::cell::RefCell::new(Vec::new());
        let reading = document::Reading {
            unknown: &unknown,
            skipped: &[],
        };
        let raw = document::read(node, &reading).expect("read");
        let (_, findings, _) = validate(raw);
        let helps: Vec<&str> = findings
            .iter()
            .filter(|(_, d)| d.message == "unknown mission or milestone `clod`")
            .filter_map(|(_, d)| d.help.as_deref())
            .collect();
        assert_eq!(helps.len(), 150);
        assert!(
            helps[..MAX_SHOWN]
                .iter()
                .all(|h| h.starts_with("did you mean `cloud`? If not, declare"))
        );
        assert!(
            helps[MAX_SHOWN..]
                .iter()
                .all(|h| h.starts_with("declare a mission or milestone with `id = \"clod\"`")),
            "{helps:?}"
        );
    }
}
