//! Problems found in a roadmap file, located by line and column, and their
//! rendering for people (with the offending line) and for machines (JSON).

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How serious a problem is: errors stop the load, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    Error,
    /// The file loads, but something looks wrong.
    Warning,
}

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// The text of the offending line, for display.
    pub line_text: String,
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
    /// An error with no position yet.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            help: None,
            location: None,
        }
    }

    /// A warning with no position yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
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

    /// The diagnostic as people read it: `file:line:column`, the line with
    /// the offending part marked, and the hint. `color` adds ANSI styles.
    pub fn render(&self, file: &str, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = Group::with_title(level.primary_title(&self.message));
        if let Some(at) = &self.location {
            // Only the offending line is handed over, so a huge file costs nothing here.
            let line_start = at.span.start - (at.column_byte_offset());
            let local =
                (at.span.start - line_start)..(at.span.end - line_start).min(at.line_text.len());
            let local = local.start..local.end.max(local.start);
            group = group.element(
                Snippet::source(&at.line_text)
                    .line_start(at.line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(local)),
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
        renderer.render(&[group])
    }
}

impl Location {
    /// Byte offset of the span's start within its line.
    fn column_byte_offset(&self) -> usize {
        self.line_text
            .char_indices()
            .nth(self.column - 1)
            .map_or(self.line_text.len(), |(offset, _)| offset)
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

/// Turns byte offsets of one text into line, column and line text.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The location of `span`, clamped to the text and to the first line it touches.
    pub(crate) fn locate(&self, span: Range<usize>) -> Location {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self.line_starts[line - 1];
        let line_end = self.text[line_start..]
            .find('\n')
            .map_or(self.text.len(), |i| line_start + i);
        let end = floor_char_boundary(self.text, span.end.clamp(start, line_end));
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        Location {
            line,
            column: self.text[line_start..start].chars().count() + 1,
            span: start..end,
            line_text: line_text.to_owned(),
        }
    }

    /// The location of a 1-based line and column (as `serde_json` reports them).
    pub(crate) fn at_line_column(&self, line: usize, column: usize) -> Location {
        let line = line.clamp(1, self.line_starts.len());
        let line_start = self.line_starts[line - 1];
        let rest = &self.text[line_start..];
        let offset = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        self.locate(line_start + offset..line_start + offset + 1)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_names_the_file_and_the_place_when_there_is_one() {
        let mut diagnostic = Diagnostic::error("bad date");
        assert_eq!(diagnostic.located("plan.toml"), "plan.toml: bad date");
        diagnostic.location = Some(LineIndex::new("a = 1\nb = x\n").locate(10..11));
        assert_eq!(diagnostic.located("plan.toml"), "plan.toml:2:5: bad date");
    }

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let index = LineIndex::new("a = 1\ntitre = \"élan\" x\n");
        let at = index.locate(22..23);
        assert_eq!((at.line, at.column), (2, 16));
        assert_eq!(at.line_text, "titre = \"élan\" x");
        let start = index.locate(0..0);
        assert_eq!((start.line, start.column), (1, 1));
        let past_end = index.locate(500..900);
        assert_eq!(past_end.line, 3);
    }

    #[test]
    fn rendering_names_the_place_and_the_fix() {
        let index = LineIndex::new("id = 1\nprogress = 150\n");
        let mut diag = Diagnostic::error("progress 150 is outside 0–100")
            .with_help("write a percentage between 0 and 100");
        diag.location = Some(index.locate(18..21));
        let text = diag.render("road.toml", false);
        assert!(text.contains("road.toml:2:12"), "{text}");
        assert!(text.contains("progress = 150"), "{text}");
        assert!(text.contains("^^^"), "{text}");
        assert!(
            text.contains("help: write a percentage between 0 and 100"),
            "{text}"
        );
    }
}
