//! Text for PDF pages: the embedded fonts, the page's geometry, and lines
//! wrapped by the measured advances of the font's glyphs (between words,
//! and inside a word wider than a line), with roadmap text neutralised as
//! everywhere else (controls and bidi overrides shown, not obeyed).

use krilla::text::Font;
use roadmap_core::controls::{Lines, neutralise};
use roadmap_core::{STALE_ASCII_SYMBOL, STALE_SYMBOL};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size as FontSize};

/// `DejaVu Sans` (its licence beside it, in `tui/fonts/`): Latin with every
/// French accent, the status symbols, Hebrew and Arabic letters.
pub(crate) const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A4 landscape, in points.
pub(crate) const PAGE_W: f32 = 842.0;
pub(crate) const PAGE_H: f32 = 595.0;
pub(crate) const MARGIN: f32 = 36.0;

/// A font for drawing and the same font for measuring.
pub(crate) struct Face {
    pub(crate) font: Font,
    data: &'static [u8],
}

impl Face {
    pub(crate) fn new(data: &'static [u8]) -> anyhow::Result<Face> {
        let font = Font::new(data.into(), 0)
            .ok_or_else(|| anyhow::anyhow!("the embedded font cannot be read"))?;
        Ok(Face { font, data })
    }

    /// `text` with the stale mark, should the font lack it, as the ASCII
    /// mark the terminal uses where Unicode is missing (the embedded fonts
    /// have it: `present::export::pdf`'s tests check).
    pub(crate) fn printable(&self, text: &str) -> String {
        let has = |c: char| {
            skrifa::FontRef::new(self.data).is_ok_and(|font| font.charmap().map(c).is_some())
        };
        if !text.contains(STALE_SYMBOL) || has(STALE_SYMBOL) {
            return text.to_owned();
        }
        text.replace(STALE_SYMBOL, &STALE_ASCII_SYMBOL.to_string())
    }

    /// The width of `text` at `size` points: the sum of its glyphs'
    /// advances (kerning aside, a little narrower than drawn, so lines
    /// keep a margin).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(font) = skrifa::FontRef::new(self.data) else {
            return 0.0;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(FontSize::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .unwrap_or(size * 0.6)
            })
            .sum()
    }
}

/// One line of text to draw.
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) size: f32,
    pub(crate) indent: f32,
    pub(crate) grey: bool,
    /// The web or mail address the line links to.
    pub(crate) link: Option<String>,
}

impl Line {
    /// An empty line `size` points high: space before a heading.
    pub(crate) fn space(size: f32) -> Line {
        Line {
            text: String::new(),
            bold: false,
            size,
            indent: 0.0,
            grey: false,
            link: None,
        }
    }
}

/// Lines that stay on one page together.
pub(crate) type Block = Vec<Line>;

/// `text` cut into lines of at most `room` points: between words, and a
/// word wider than a line between its characters.
pub(crate) fn wrap(face: &Face, text: &str, size: f32, room: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if face.width(&candidate, size) <= room {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if face.width(word, size) <= room {
            word.clone_into(&mut line);
        } else {
            for c in word.chars() {
                let mut longer = line.clone();
                longer.push(c);
                if !line.is_empty() && face.width(&longer, size) > room {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The text layout: fonts and the room of a line.
pub(crate) struct Layout {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl Layout {
    /// `text` (neutralised: controls and bidi overrides shown as escapes)
    /// as wrapped lines.
    pub(crate) fn lines(
        &self,
        text: &str,
        size: f32,
        indent: f32,
        bold: bool,
        grey: bool,
    ) -> Vec<Line> {
        let face = if bold { &self.bold } else { &self.regular };
        let shown = face.printable(&neutralise(text, Lines::Many));
        wrap(face, &shown, size, PAGE_W - 2.0 * MARGIN - indent)
            .into_iter()
            .map(|text| Line {
                text,
                bold,
                size,
                indent,
                grey,
                link: None,
            })
            .collect()
    }
}

/// The height a line takes.
pub(crate) fn leading(line: &Line) -> f32 {
    line.size * 1.35
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout {
            regular: Face::new(REGULAR).expect("font"),
            bold: Face::new(BOLD).expect("font"),
        }
    }

    #[test]
    fn lines_fit_their_room_and_keep_every_letter() {
        let face = Face::new(REGULAR).expect("font");
        let text = format!("Télé-procédures et {} données", "é".repeat(500));
        let lines = wrap(&face, &text, 9.0, 200.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(face.width(line, 9.0) <= 200.0, "{line}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn controls_and_overrides_are_shown_not_obeyed() {
        let lines = layout().lines("a\u{1b}[31m\u{202e}b", 9.0, 0.0, false, false);
        let text: String = lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(text, "a\\u{1b}[31m\\u{202e}b");
    }
}
