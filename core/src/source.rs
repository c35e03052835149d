//! The text a file's diagnostics point into, and the turning of byte
//! offsets into lines and columns. Every location of a file shares one copy
//! of its text and keeps only positions in it; no line table is built, so
//! locating a few problems in a 32 MB file costs a pass over it, not a
//! vector of its lines.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The text of one file, shared by the locations that point into it.
#[derive(Clone)]
pub(crate) struct SourceText(Arc<str>);

impl SourceText {
    #[cfg(any(feature = "full-loader", test))]
    pub(crate) fn new(text: &str) -> Self {
        SourceText(Arc::from(text))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq for SourceText {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for SourceText {}

/// Never the text itself: it may be megabytes.
impl fmt::Debug for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SourceText({} bytes)", self.0.len())
    }
}

/// A place in a text: 1-based line and column (in characters), the byte
/// range meant (within the line), and the byte range of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub line: usize,
    pub column: usize,
    pub span: Range<usize>,
    pub line_span: Range<usize>,
}

/// Turns byte offsets of one text into places. Offsets asked for in
/// increasing order are found in one pass over the text; going back starts
/// again from the top.
pub(crate) struct Locator<'a> {
    text: &'a str,
    /// Where the last place was: its offset, line, line start and column,
    /// and the end of its line once looked for (a 32 MB line is searched
    /// once, not once per place on it).
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
    line_end: Option<usize>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Locator {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
            line_end: None,
        }
    }

    /// The place of `span`, clamped to the text and to the first line it touches.
    pub(crate) fn locate(&mut self, span: Range<usize>) -> Place {
        let text = self.text;
        let start = text.floor_char_boundary(span.start);
        if start < self.offset {
            *self = Locator::new(text);
        }
        let skipped = &text[self.offset..start];
        match skipped.rfind('\n') {
            Some(last) => {
                self.line += skipped.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.offset + last + 1;
                self.column = text[self.line_start..start].chars().count() + 1;
                self.line_end = None;
            }
            None => self.column += skipped.chars().count(),
        }
        self.offset = start;
        let line_end = *self
            .line_end
            .get_or_insert_with(|| text[start..].find('\n').map_or(text.len(), |i| start + i));
        let end = text.floor_char_boundary(span.end.clamp(start, line_end));
        // A CRLF line ends before its `\r`.
        let shown_end = if text[..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        Place {
            line: self.line,
            column: self.column,
            span: start..end,
            line_span: self.line_start..shown_end.max(self.line_start),
        }
    }

    /// The place of a 1-based line and column (as `serde_json` reports them).
    #[cfg(feature = "full-loader")]
    pub(crate) fn at_line_column(&mut self, line: usize, column: usize) -> Place {
        let text = self.text;
        let line_start = if line <= 1 {
            0
        } else {
            // Past the last line means the last line.
            text.match_indices('\n')
                .take(line - 1)
                .last()
                .map_or(0, |(i, _)| i + 1)
        };
        let rest = &text[line_start..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let offset = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        self.locate(line_start + offset..line_start + offset + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let text = "a = 1\ntitre = \"élan\" x\n";
        let mut locator = Locator::new(text);
        let at = locator.locate(22..23);
        assert_eq!((at.line, at.column), (2, 16));
        assert_eq!(&text[at.line_span], "titre = \"élan\" x");
        let start = locator.locate(0..0);
        assert_eq!((start.line, start.column), (1, 1));
        let past_end = locator.locate(500..900);
        assert_eq!((past_end.line, past_end.span), (3, 24..24));
    }

    #[test]
    fn places_in_any_order_agree_with_a_fresh_count() {
        let text = "ab\r\ncdé\n\nfgh\nij";
        let offsets: Vec<usize> = (0..=text.len()).rev().chain(0..=text.len()).collect();
        let mut locator = Locator::new(text);
        for offset in offsets {
            let place = locator.locate(offset..offset + 2);
            let fresh = Locator::new(text).locate(offset..offset + 2);
            assert_eq!(place, fresh, "at {offset}");
            let before = &text[..place.span.start];
            assert_eq!(place.line, before.matches('\n').count() + 1);
            let line = before.rsplit('\n').next().unwrap_or_default();
            assert_eq!(place.column, line.chars().count() + 1);
            assert!(!text[place.line_span].contains(['\n', '\r']));
        }
    }

    #[test]
    #[cfg(feature = "full-loader")]
    fn line_and_column_pairs_find_their_offset() {
        let text = "{\n  \"id\": é1\n}";
        let place = Locator::new(text).at_line_column(2, 9);
        assert_eq!(&text[place.span.start..], "é1\n}");
        assert_eq!((place.line, place.column), (2, 9));
        let past = Locator::new(text).at_line_column(9, 40);
        assert_eq!((past.line, past.span.start), (3, text.len()));
    }
}
