//! Characters a roadmap's text may not hold: those a terminal obeys rather
//! than shows (C0 controls but the tab, DEL, C1 controls) and the bidi
//! overrides and isolates that reorder how text reads. The loader refuses
//! them ([`first_forbidden`]); whatever prints text on a terminal passes it
//! through [`neutralise`], for text that reaches it another way (a file
//! name, an error message, an older export).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a text may span lines: descriptions, notes and summaries may,
/// ids, titles, names, dates and addresses may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: a line break is refused like any control character.
    One,
    /// Several lines: `\n` (or `\r\n`) is a line break.
    Many,
}

/// Whether `c` is never allowed in text: a C0 control other than the tab
/// and the line feed, DEL, a C1 control, or a bidi override, embedding or
/// isolate (U+202A–U+202E, U+2066–U+2069). The line feed is left to
/// [`Lines`].
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first character of `text` that it may not hold as `lines` text,
/// with its byte offset.
pub fn first_forbidden(text: &str, lines: Lines) -> Option<(usize, char)> {
    refused(text, lines).next()
}

/// `text` without the characters it may not hold as `lines` text.
pub fn without_forbidden(text: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (at, c) in refused(text, lines) {
        out.push_str(&text[from..at]);
        from = at + c.len_utf8();
    }
    out.push_str(&text[from..]);
    out
}

/// The characters `text` may not hold as `lines` text, with their byte
/// offsets. A carriage return right before a line feed is part of the line
/// break (files written on Windows) where lines are allowed.
fn refused(text: &str, lines: Lines) -> impl Iterator<Item = (usize, char)> + '_ {
    // Most texts hold nothing to refuse: seen by their bytes, they need
    // not be decoded character by character.
    let suspect = if may_hold_refused(text) { text } else { "" };
    let mut chars = suspect.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let allowed = match c {
                '\n' => lines == Lines::Many,
                '\r' => lines == Lines::Many && chars.peek().is_some_and(|&(_, next)| next == '\n'),
                c => !is_forbidden(c),
            };
            if !allowed {
                return Some((at, c));
            }
        }
        None
    })
}

/// Whether `text` has a byte sequence that could be a refused character
/// or a line break: a C0 control, DEL, the UTF-8 of a C1 control
/// (`C2 80`–`C2 9F`) or of a bidi control (`E2 80 AA`–`E2 80 AE`,
/// `E2 81 A6`–`E2 81 A9`). `false` proves [`refused`] finds nothing; `true`
/// asks it to look character by character.
fn may_hold_refused(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &byte)| match byte {
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// `text` made safe to print on a terminal: each forbidden character (and
/// a line break in [`Lines::One`] text) becomes a visible escape such as
/// `\u{1b}`, a tab becomes a space, a `\r\n` line break becomes `\n`.
/// Text with nothing to change is borrowed as is.
pub fn neutralise(text: &str, lines: Lines) -> Cow<'_, str> {
    let unsafe_char = |c: char| c == '\t' || c == '\n' || c == '\r' || is_forbidden(c);
    if !may_hold_refused(text) || !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\n' if lines == Lines::Many => out.push('\n'),
            '\r' if lines == Lines::Many && chars.peek() == Some(&'\n') => {}
            c if c == '\n' || c == '\r' || is_forbidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `U+001B (ESCAPE)`: how messages name a forbidden character.
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    match name(c) {
        Some(name) => format!("{code} ({name})"),
        None => code,
    }
}

/// Whether `c` is a bidi control (an override, embedding or isolate).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The Unicode names of the characters an attack on a terminal uses most.
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0}' => "NULL",
        '\u{7}' => "BELL",
        '\u{8}' => "BACKSPACE",
        '\n' => "LINE FEED",
        '\u{b}' => "LINE TABULATION",
        '\u{c}' => "FORM FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{1b}' => "ESCAPE",
        '\u{7f}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{90}' => "DEVICE CONTROL STRING",
        '\u{9b}' => "CONTROL SEQUENCE INTRODUCER",
        '\u{9c}' => "STRING TERMINATOR",
        '\u{9d}' => "OPERATING SYSTEM COMMAND",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_commands_and_bidi_controls_are_forbidden() {
        for c in [
            '\u{0}', '\u{7}', '\u{8}', '\r', '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in [
            '\t', '\n', 'a', 'é', '\u{a0}', '\u{200d}', '\u{fe0f}', '\u{200f}',
        ] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn line_breaks_only_where_text_may_span_lines() {
        assert_eq!(first_forbidden("a\nb", Lines::One), Some((1, '\n')));
        assert_eq!(first_forbidden("a\nb", Lines::Many), None);
        assert_eq!(first_forbidden("a\r\nb", Lines::Many), None);
        assert_eq!(first_forbidden("a\rb", Lines::Many), Some((1, '\r')));
        assert_eq!(first_forbidden("a\tb", Lines::One), None);
        assert_eq!(
            first_forbidden("é\u{1b}[31m", Lines::Many),
            Some((2, '\u{1b}'))
        );
        assert_eq!(
            without_forbidden("a\u{1b}[31m\r\nb\u{202e}", Lines::Many),
            "a[31m\r\nb"
        );
        assert_eq!(without_forbidden("a\nb", Lines::One), "ab");
    }

    #[test]
    fn neutralised_text_shows_controls_as_escapes() {
        assert_eq!(
            neutralise("a\u{1b}]0;x\u{7}b", Lines::One),
            "a\\u{1b}]0;x\\u{7}b"
        );
        assert_eq!(neutralise("a\nb\r\nc", Lines::One), "a\\u{a}b\\u{d}\\u{a}c");
        assert_eq!(neutralise("a\nb\r\nc\rd", Lines::Many), "a\nb\nc\\u{d}d");
        assert_eq!(
            neutralise("x\u{202e}y\u{9b}z\tw", Lines::One),
            "x\\u{202e}y\\u{9b}z w"
        );
        assert!(matches!(
            neutralise("plain ⚠️ text", Lines::One),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_byte_scan_misses_no_character_the_loader_refuses() {
        // Every character, alone and between others: whatever `refused`
        // would look at is seen by the scan.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = format!("a{c}é");
            let watched = is_forbidden(c) || matches!(c, '\t' | '\n' | '\r');
            if watched {
                assert!(may_hold_refused(&text), "{c:?}");
            }
        }
        // French text passes without being decoded.
        assert!(!may_hold_refused("« Élan » — l’État, 10 M€\u{a0}!"));
    }

    #[test]
    fn messages_name_the_character() {
        assert_eq!(describe('\u{1b}'), "U+001B (ESCAPE)");
        assert_eq!(describe('\u{202e}'), "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        assert_eq!(describe('\u{80}'), "U+0080");
    }
}
