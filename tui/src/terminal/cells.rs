//! Text on a terminal grid: how many cells a text takes, how it is cut to
//! fit, and the last check that nothing a terminal would obey reaches it.
//! The one rule for the whole program: ratatui's own, grapheme cluster by
//! grapheme cluster, each as wide as ratatui draws it, so that what the
//! views compute and what ratatui draws never disagree.
//!
//! Text from outside the program (a roadmap, a file name, an error) goes
//! through [`fit`] or [`safe`], which show control characters and bidi
//! controls as visible escapes (`\u{1b}`, see
//! [`roadmap_core::controls::neutralise`]); [`scrub`] then takes out of a
//! drawn frame whatever such character is left, before it is sent.

use std::borrow::Cow;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::text::{Line, Span};
use roadmap_core::controls::{self, Lines};
use unicode_segmentation::UnicodeSegmentation;

/// Put at the end of a text that was cut.
const ELLIPSIS: char = '…';

/// The cells `text` takes as ratatui draws it: the sum of its grapheme
/// clusters' widths. Ratatui skips a cluster that holds a control
/// character, so it takes none.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// [`width`] as a screen coordinate (saturating at `u16::MAX`).
pub fn width_u16(text: &str) -> u16 {
    u16::try_from(width(text)).unwrap_or(u16::MAX)
}

fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) {
        0
    } else {
        usize::from(grapheme.cell_width())
    }
}

/// `text` as one line safe to show: control characters, line breaks and
/// bidi controls as visible escapes, tabs as spaces.
pub fn safe(text: &str) -> Cow<'_, str> {
    controls::neutralise(text, Lines::One)
}

/// `line` with the text of each span as [`safe`] shows it.
pub fn safe_line(line: Line<'_>) -> Line<'static> {
    Line {
        spans: line
            .spans
            .into_iter()
            .map(|span| Span::styled(safe(&span.content).into_owned(), span.style))
            .collect(),
        style: line.style,
        alignment: line.alignment,
    }
}

/// `text` as [`safe`] shows it, cut to at most `room` cells, ending with
/// "…" when cut. Cuts between grapheme clusters, so an emoji, a letter
/// with its accents or a wide character is kept whole or left out whole.
pub fn fit(text: &str, room: usize) -> String {
    let text = safe(text);
    if width(&text) <= room {
        return text.into_owned();
    }
    let mut out = String::new();
    if room == 0 {
        return out;
    }
    // One cell is kept for the ellipsis.
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let cells = grapheme_width(grapheme);
        if used + cells >= room {
            break;
        }
        out.push_str(grapheme);
        used += cells;
    }
    out.push(ELLIPSIS);
    out
}

/// [`fit`], then spaces up to exactly `room` cells.
pub fn pad(text: &str, room: usize) -> String {
    let mut out = fit(text, room);
    let padding = room.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', padding));
    out
}

/// `line` cut to `room` cells, span by span, each keeping its style; the
/// span that is cut ends with "…".
pub fn fit_line(line: Line<'static>, room: usize) -> Line<'static> {
    let mut left = room;
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        if left == 0 {
            break;
        }
        let text = fit(&span.content, left);
        left = left.saturating_sub(width(&text));
        spans.push(Span::styled(text, span.style));
    }
    Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    }
}

/// How many lines `text` takes wrapped at `width` cells, as ratatui's
/// word wrapping lays it out: words are not cut unless one is wider than
/// a line, which then takes as many lines as it needs.
pub fn wrapped_height(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut lines = 1;
    let mut used = 0;
    for word in safe(text).split_whitespace() {
        let w = self::width(word);
        if used > 0 && used + 1 + w > width {
            lines += 1;
            used = 0;
        }
        if w > width {
            // A word wider than the line is broken across lines.
            lines += (used + w).div_ceil(width) - 1;
            used = (used + w) % width;
        } else {
            used += w + usize::from(used > 0);
        }
    }
    lines
}

/// Takes out of every cell of `buffer` the characters a terminal would
/// obey (control characters, bidi controls): ratatui leaves out controls
/// but not bidi controls, which it keeps as zero-width marks of the cell
/// before. Nothing the views draw should hold any, as text goes through
/// [`fit`] or [`safe`]; this makes sure of it for every frame.
pub fn scrub(buffer: &mut Buffer) {
    let refused = |c: char| c.is_control() || controls::is_forbidden(c);
    for cell in &mut buffer.content {
        if cell.symbol().contains(refused) {
            let kept: String = cell.symbol().chars().filter(|&c| !refused(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;

    #[test]
    fn widths_are_counted_by_grapheme_cluster() {
        assert_eq!(width(""), 0);
        assert_eq!(width("abc"), 3);
        // A warning sign with its emoji selector is drawn two cells wide.
        assert_eq!(width("⚠\u{fe0f}"), 2);
        assert_eq!(width("⚠"), 1);
        assert_eq!(width("👨\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("🇫🇷"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("中文"), 4);
        // Ratatui draws no control character.
        assert_eq!(width("a\u{1b}b\u{9b}"), 2);
    }

    #[test]
    fn fitting_cuts_whole_clusters_and_marks_the_cut() {
        assert_eq!(fit("Mission", 10), "Mission");
        assert_eq!(fit("Mission", 7), "Mission");
        assert_eq!(fit("Mission", 6), "Missi…");
        assert_eq!(fit("Mission", 1), "…");
        assert_eq!(fit("Mission", 0), "");
        assert_eq!(fit("⚠\u{fe0f} Cloud", 4), "⚠\u{fe0f} …");
        assert_eq!(fit("⚠\u{fe0f} Cloud", 2), "…");
        assert_eq!(fit("中文字", 4), "中…");
        assert_eq!(fit("中文字", 3), "中…");
        assert_eq!(fit("e\u{301}te\u{301}", 3), "e\u{301}te\u{301}");
    }

    #[test]
    fn fitting_shows_controls_as_escapes() {
        assert_eq!(fit("a\u{1b}]0;x\u{7}", 40), "a\\u{1b}]0;x\\u{7}");
        assert_eq!(fit("a\u{202e}b", 40), "a\\u{202e}b");
        assert_eq!(fit("a\nb\tc", 40), "a\\u{a}b c");
    }

    #[test]
    fn wrapping_counts_lines_word_by_word() {
        assert_eq!(wrapped_height("", 10), 1);
        assert_eq!(wrapped_height("current 80 services", 40), 1);
        assert_eq!(wrapped_height("current 80 services", 10), 2);
        assert_eq!(wrapped_height("aaaaaaaaaaaaaaaaaaaaaaaaa", 10), 3);
    }

    #[test]
    fn padding_fills_exactly() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("中文字", 4), "中… ");
        assert_eq!(pad("⚠\u{fe0f}x", 3), "⚠\u{fe0f}x");
    }

    #[test]
    fn scrubbing_leaves_no_bidi_control_in_a_frame() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "ab", ratatui::style::Style::new());
        buffer[(0, 0)].set_symbol("a\u{202e}");
        buffer[(1, 0)].set_symbol("\u{2066}");
        scrub(&mut buffer);
        assert_eq!(buffer[(0, 0)].symbol(), "a");
        assert_eq!(buffer[(1, 0)].symbol(), " ");
    }

    /// Text as hostile as it gets: emoji with selectors and joiners,
    /// combining marks, wide and right-to-left letters, controls.
    fn hostile() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "é",
            "e\u{301}",
            "⚠\u{fe0f}",
            "👨\u{200d}👩\u{200d}👧",
            "🇫🇷",
            "中",
            "ｶﾞ",
            "\u{5e9}\u{5dc}",
            "لا",
            "\u{1b}",
            "\u{9b}",
            "\u{202e}",
            "\n",
            "\t",
            "\u{200d}",
            "\u{fe0f}",
            "\u{301}",
            " ",
            "…",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn what_fits_never_overflows(text in hostile(), room in 0usize..30) {
            let fitted = fit(&text, room);
            prop_assert!(width(&fitted) <= room, "{:?} at {}: {:?}", text, room, fitted);
            prop_assert_eq!(width(&pad(&text, room)), room);
            prop_assert!(!fitted.contains(|c: char| c.is_control() || controls::is_forbidden(c)));
        }

        #[test]
        fn widths_match_what_ratatui_draws(text in hostile()) {
            let shown = safe(&text);
            let area = Rect::new(0, 0, 80, 1);
            let mut buffer = Buffer::empty(area);
            let (x, _) = buffer.set_stringn(0, 0, &shown, 80, ratatui::style::Style::new());
            prop_assert_eq!(usize::from(x), width(&shown).min(80));
        }
    }
}
