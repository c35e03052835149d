//! What a diagnostic shows of the file is bounded, however large the file:
//! the offending line is cut to a window around the place, and a value
//! quoted in a message to its first characters, each cut marked by `…`.
//! The work done is bounded too: only the shown part of a line is read.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Display columns of a line shown around a place (the `…` marks aside).
pub(crate) const EXCERPT_COLUMNS: usize = 120;
/// Of those, the most shown before the place, so the place itself has room.
const COLUMNS_BEFORE: usize = 40;
/// Characters of a value quoted between backquotes in a message.
pub(crate) const QUOTE_CHARS: usize = 80;
/// Characters of a whole message or hint.
pub(crate) const MESSAGE_CHARS: usize = 400;

/// Marks where text was cut.
const ELLIPSIS: char = '…';

/// A part of one line, and where in it the place is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text shown, with `…` where the line was cut.
    pub text: String,
    /// Byte range of the place in `text`.
    pub span: Range<usize>,
}

impl Excerpt {
    /// At most [`EXCERPT_COLUMNS`] display columns of `line` around `span`
    /// (byte offsets in `line`).
    pub(crate) fn around(line: &str, span: Range<usize>) -> Excerpt {
        let start = line.floor_char_boundary(span.start);
        let end = line.floor_char_boundary(span.end).max(start);
        let (mut from, used_before) = walk_back(line, start, COLUMNS_BEFORE);
        let (to, used_after) = walk_forward(line, start, EXCERPT_COLUMNS - used_before);
        if to == line.len() {
            // The line ends early: the columns left go before the place.
            from = walk_back(line, from, EXCERPT_COLUMNS - used_before - used_after).0;
        }
        let mut text = String::with_capacity(to - from + 2 * ELLIPSIS.len_utf8());
        if from > 0 {
            text.push(ELLIPSIS);
        }
        let shift = text.len();
        text.push_str(&line[from..to]);
        if to < line.len() {
            text.push(ELLIPSIS);
        }
        Excerpt {
            text,
            span: start - from + shift..end.min(to) - from + shift,
        }
    }

    /// The 1-based column, in characters, where the place starts in `text`.
    pub fn column(&self) -> usize {
        self.text[..self.span.start].chars().count() + 1
    }
}

/// How many columns `c` takes on a terminal (a tab as four, as the
/// diagnostics renderer shows it).
fn width(c: char) -> usize {
    if c == '\t' { 4 } else { c.width().unwrap_or(1) }
}

/// The start of the longest run ending at `at` that fits in `columns`, and
/// the columns it takes.
fn walk_back(line: &str, at: usize, columns: usize) -> (usize, usize) {
    let mut used = 0;
    let mut from = at;
    for (i, c) in line[..at].char_indices().rev() {
        if used + width(c) > columns {
            break;
        }
        used += width(c);
        from = i;
    }
    (from, used)
}

/// The end of the longest run starting at `at` that fits in `columns`, and
/// the columns it takes.
fn walk_forward(line: &str, at: usize, columns: usize) -> (usize, usize) {
    let mut used = 0;
    let mut to = at;
    for (i, c) in line[at..].char_indices() {
        if used + width(c) > columns {
            break;
        }
        used += width(c);
        to = at + i + c.len_utf8();
    }
    (to, used)
}

/// `message` with every part between backquotes cut to [`QUOTE_CHARS`]
/// characters and the whole to [`MESSAGE_CHARS`]: a 1 MB key named in a
/// message does not make a 1 MB message.
pub(crate) fn bound_message(message: String) -> String {
    if message.len() <= QUOTE_CHARS {
        return message;
    }
    let mut quoted = false;
    let mut cut = false;
    for part in message.split('`') {
        cut |= quoted && exceeds(part, QUOTE_CHARS);
        quoted = !quoted;
    }
    if !cut && !exceeds(&message, MESSAGE_CHARS) {
        return message;
    }
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(&shorten(part, QUOTE_CHARS));
        } else {
            out.push_str(part);
        }
        if exceeds(&out, MESSAGE_CHARS) {
            break;
        }
    }
    shorten(&out, MESSAGE_CHARS).into_owned()
}

/// `text` cut to `chars` characters, the last of which is then `…`.
pub(crate) fn shorten(text: &str, chars: usize) -> std::borrow::Cow<'_, str> {
    if !exceeds(text, chars) {
        return text.into();
    }
    let keep = text
        .char_indices()
        .nth(chars.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    format!("{}{ELLIPSIS}", &text[..keep]).into()
}

/// Whether `text` has more than `chars` characters (reading at most that many).
fn exceeds(text: &str, chars: usize) -> bool {
    text.len() > chars && text.char_indices().nth(chars).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole() {
        let excerpt = Excerpt::around("progress = 150", 11..14);
        assert_eq!(excerpt.text, "progress = 150");
        assert_eq!(&excerpt.text[excerpt.span.clone()], "150");
        assert_eq!(excerpt.column(), 12);
    }

    #[test]
    fn a_long_line_is_cut_on_both_sides_around_the_place() {
        let line = format!("{}\"2023-13\"{}", "a".repeat(10_000), "b".repeat(10_000));
        let excerpt = Excerpt::around(&line, 10_000..10_009);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        assert_eq!(excerpt.text.chars().count(), EXCERPT_COLUMNS + 2);
        assert_eq!(&excerpt.text[excerpt.span.clone()], "\"2023-13\"");
        assert_eq!(excerpt.column(), COLUMNS_BEFORE + 2);
    }

    #[test]
    fn near_an_end_the_window_leans_the_other_way() {
        let line = format!("{}x", "a".repeat(1_000));
        let end = Excerpt::around(&line, 1_000..1_001);
        assert!(end.text.starts_with('…') && !end.text.ends_with('…'));
        assert_eq!(end.text.chars().count(), EXCERPT_COLUMNS + 1);
        assert_eq!(&end.text[end.span.clone()], "x");
        let start = Excerpt::around(&line, 0..1);
        assert!(!start.text.starts_with('…') && start.text.ends_with('…'));
        assert_eq!(start.span, 0..1);
    }

    #[test]
    fn wide_characters_count_twice_and_are_never_split() {
        let line = "界".repeat(1_000);
        let at = 3 * 500;
        let excerpt = Excerpt::around(&line, at..at + 3);
        assert_eq!(excerpt.text.chars().count(), EXCERPT_COLUMNS / 2 + 2);
        assert_eq!(&excerpt.text[excerpt.span.clone()], "界");
    }

    #[test]
    fn a_place_longer_than_the_window_is_marked_to_its_cut() {
        let line = "x".repeat(500);
        let excerpt = Excerpt::around(&line, 10..490);
        assert_eq!(excerpt.span.start, 10);
        assert_eq!(excerpt.span.end, excerpt.text.len() - '…'.len_utf8());
    }

    #[test]
    fn quoted_values_are_shortened_and_short_messages_kept() {
        let short = "unknown field `statut`".to_owned();
        assert_eq!(bound_message(short.clone()), short);
        let key = "k".repeat(1 << 20);
        let message = bound_message(format!("unknown field `{key}` here"));
        assert_eq!(
            message,
            format!("unknown field `{}…` here", "k".repeat(QUOTE_CHARS - 1))
        );
        let long = bound_message("é".repeat(10_000));
        assert_eq!(long.chars().count(), MESSAGE_CHARS);
        assert!(long.ends_with('…'));
        let many = bound_message(format!("`{key}` ").repeat(20));
        assert!(many.chars().count() <= MESSAGE_CHARS, "{many}");
    }
}
