//! Problems found in a roadmap file, located by line and column, and their
//! rendering for people (with the offending line) and for machines (JSON).
//! A location keeps positions into the file's text, which every diagnostic
//! of the file shares; what is shown of it is cut to a window around the
//! place, and a message to a bounded length.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use serde::ser::SerializeStruct;

pub use crate::excerpt::Excerpt;
use crate::excerpt::bound_message;
use crate::source::SourceText;
#[cfg(any(feature = "full-loader", test))]
use crate::source::{Locator, Place};

/// Problems reported per file, errors first: those after are only counted.
pub const MAX_SHOWN: usize = 100;

/// How serious a problem is: errors stop the load, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    Error,
    /// The file loads, but something looks wrong.
    Warning,
}

/// Where in the file a problem is: positions in the file's text, shared
/// with the file's other diagnostics, never a copy of the line.
#[derive(Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the file, within the line.
    pub span: Range<usize>,
    /// Byte range of the line, without its line break.
    line_span: Range<usize>,
    text: SourceText,
}

impl Location {
    #[cfg(any(feature = "full-loader", test))]
    pub(crate) fn new(place: Place, text: &SourceText) -> Self {
        Location {
            line: place.line,
            column: place.column,
            span: place.span,
            line_span: place.line_span,
            text: text.clone(),
        }
    }

    /// The whole offending line (borrowed from the shared text).
    pub fn line_text(&self) -> &str {
        &self.text.as_str()[self.line_span.clone()]
    }

    /// The part of the line shown around the place: at most 120 display
    /// columns, with `…` where the line is cut.
    pub fn excerpt(&self) -> Excerpt {
        let start = self.line_span.start;
        Excerpt::around(
            self.line_text(),
            self.span.start.saturating_sub(start)..self.span.end.saturating_sub(start),
        )
    }
}

/// The line is shown as its excerpt: a location prints in bounded space.
impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Location")
            .field("line", &self.line)
            .field("column", &self.column)
            .field("span", &self.span)
            .field("excerpt", &self.excerpt().text)
            .finish_non_exhaustive()
    }
}

/// For machines: line, column, byte span, and the excerpt of the line with
/// the 1-based column (in characters) where the place starts in it.
impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let excerpt = self.excerpt();
        let mut out = serializer.serialize_struct("Location", 5)?;
        out.serialize_field("line", &self.line)?;
        out.serialize_field("column", &self.column)?;
        out.serialize_field("span", &self.span)?;
        out.serialize_field("excerpt", &excerpt.text)?;
        out.serialize_field("excerpt_column", &excerpt.column())?;
        out.end()
    }
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Where, when the problem has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl Diagnostic {
    /// An error with no position yet. A value quoted in `message` between
    /// backquotes is cut to 80 characters, the message to 400.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: bound_message(message.into()),
            help: None,
            location: None,
        }
    }

    /// A warning with no position yet, cut as [`Diagnostic::error`] is.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// The same diagnostic with a hint on how to fix it, cut as the message is.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(bound_message(help.into()));
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: message` on one line, the way compilers say it
    /// (`file: message` for a problem with no place): what a banner, an
    /// alert or a status line shows.
    pub fn located(&self, file: &str) -> String {
        match &self.location {
            Some(at) => format!("{file}:{}:{}: {}", at.line, at.column, self.message),
            None => format!("{file}: {}", self.message),
        }
    }

    /// The diagnostic as people read it: `file:line:column`, the line (cut
    /// around the place when long) with the offending part marked, and the
    /// hint. `color` adds ANSI styles.
    pub fn render(&self, file: &str, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = || Group::with_title(level.clone().primary_title(&self.message));
        let mut group = title();
        let place = self.location.as_ref().map(|at| (at, at.excerpt()));
        if let Some((at, excerpt)) = &place {
            group = group.element(
                Snippet::source(&excerpt.text)
                    .line_start(at.line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(excerpt.span.clone())),
            );
        } else {
            group = group.element(Level::NOTE.message(format!("in {file}")));
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = renderer.render(&[group]);
        if let Some((at, excerpt)) = &place
            && excerpt.column() != at.column
        {
            // The renderer counted the column in the excerpt: name the
            // line's, in the `-->` line that follows the title.
            let title = renderer.render(&[title()]);
            let from = if out.starts_with(&title) {
                title.len()
            } else {
                0
            };
            let counted = format!("{file}:{}:{}", at.line, excerpt.column());
            if let Some(i) = out[from..].find(&counted) {
                let i = from + i;
                out.replace_range(
                    i..i + counted.len(),
                    &format!("{file}:{}:{}", at.line, at.column),
                );
            }
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(at) => write!(f, "{}:{}: {}", at.line, at.column, self.message)?,
            None => f.write_str(&self.message)?,
        }
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

/// Problems found in a file but not kept, past the first [`MAX_SHOWN`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NotShown {
    /// Errors not shown.
    pub errors: usize,
    /// Warnings not shown.
    pub warnings: usize,
}

impl NotShown {
    /// Errors and warnings not shown.
    pub fn total(self) -> usize {
        self.errors + self.warnings
    }

    #[cfg(feature = "full-loader")]
    pub(crate) fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Gives byte ranges of one text their [`Location`]s, all sharing one
/// copy of the text: the full loader's (the lean reader names places by
/// line and column alone).
#[cfg(any(feature = "full-loader", test))]
pub(crate) struct Locations<'a> {
    locator: Locator<'a>,
    shared: SourceText,
}

#[cfg(any(feature = "full-loader", test))]
impl<'a> Locations<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Locations {
            locator: Locator::new(text),
            shared: SourceText::new(text),
        }
    }

    /// The location of `span`, clamped to the text and to the first line it
    /// touches. Spans asked for in file order cost one pass over the text.
    pub(crate) fn locate(&mut self, span: Range<usize>) -> Location {
        Location::new(self.locator.locate(span), &self.shared)
    }

    /// The location of a 1-based line and column (as `serde_json` reports them).
    #[cfg(feature = "full-loader")]
    pub(crate) fn at_line_column(&mut self, line: usize, column: usize) -> Location {
        Location::new(self.locator.at_line_column(line, column), &self.shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_names_the_file_and_the_place_when_there_is_one() {
        let mut diagnostic = Diagnostic::error("bad date");
        assert_eq!(diagnostic.located("plan.toml"), "plan.toml: bad date");
        diagnostic.location = Some(Locations::new("a = 1\nb = x\n").locate(10..11));
        assert_eq!(diagnostic.located("plan.toml"), "plan.toml:2:5: bad date");
    }

    #[test]
    fn locations_share_the_text_and_borrow_their_line() {
        let mut locations = Locations::new("a = 1\r\ntitre = \"élan\" x\n");
        let first = locations.locate(0..1);
        let at = locations.locate(23..24);
        assert_eq!((at.line, at.column), (2, 16));
        assert_eq!(at.line_text(), "titre = \"élan\" x");
        assert_eq!(first.line_text(), "a = 1");
        assert!(std::ptr::eq(first.text.as_str(), at.text.as_str()));
    }

    #[test]
    fn a_cut_line_still_names_the_column_of_the_whole_line() {
        let text = format!("{}\"2023-13\"", "é".repeat(1_000));
        let mut diag = Diagnostic::error("bad date");
        let at = Locations::new(&text).locate(2_000..2_009);
        let in_excerpt = format!("big.json:1:{}", at.excerpt().column());
        diag.location = Some(at);
        for color in [false, true] {
            let rendered = diag.render("big.json", color);
            assert!(rendered.contains("big.json:1:1001"), "{rendered}");
            assert!(!rendered.contains(&in_excerpt), "{rendered}");
        }
    }

    #[test]
    fn rendering_names_the_place_and_the_fix() {
        let mut diag = Diagnostic::error("progress 150 is outside 0–100")
            .with_help("write a percentage between 0 and 100");
        diag.location = Some(Locations::new("id = 1\nprogress = 150\n").locate(18..21));
        let text = diag.render("road.toml", false);
        assert_eq!(
            text,
            "error: progress 150 is outside 0–100\n --> road.toml:2:12\n  |\n2 | progress = 150\n  |            ^^^\n  |\n  = help: write a percentage between 0 and 100"
        );
    }
}
