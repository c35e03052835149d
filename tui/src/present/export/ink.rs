//! The terminal theme's colours on paper: the presenter's styles name
//! terminal colours (`Color::Green`, `Modifier::BOLD`) and a terminal
//! chooses their shades; for a page, this module chooses them, dark enough
//! to read on white (each at least 4.5:1 against it, as WCAG AA asks).

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// A colour as red, green and blue.
pub type Rgb = [u8; 3];

/// The page.
pub const PAPER: Rgb = [0xff, 0xff, 0xff];
/// Text in the terminal's default colour.
pub const INK: Rgb = [0x16, 0x16, 0x16];

/// How a cell's text is drawn on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ink {
    /// The text's colour.
    pub fg: Rgb,
    /// The cell's background, when not the page.
    pub bg: Option<Rgb>,
    /// Bold.
    pub bold: bool,
    /// Underlined.
    pub underline: bool,
    /// Struck through.
    pub crossed: bool,
}

impl Ink {
    /// The terminal's default: ink on the page.
    pub const PLAIN: Ink = Ink {
        fg: INK,
        bg: None,
        bold: false,
        underline: false,
        crossed: false,
    };

    /// How `cell` is drawn on paper.
    pub fn of(cell: &Cell) -> Ink {
        let on_colour = background(cell.bg);
        let mut fg = foreground(cell.fg, on_colour.is_some());
        let mut bg = on_colour;
        if cell.modifier.contains(Modifier::REVERSED) {
            (fg, bg) = (bg.unwrap_or(PAPER), Some(fg));
        }
        Ink {
            fg,
            bg,
            bold: cell.modifier.contains(Modifier::BOLD),
            underline: cell.modifier.contains(Modifier::UNDERLINED),
            crossed: cell.modifier.contains(Modifier::CROSSED_OUT),
        }
    }

    /// `#rrggbb` of the text's colour.
    pub fn fg_hex(&self) -> String {
        hex(self.fg)
    }

    /// `#rrggbb` of the background, when there is one.
    pub fn bg_hex(&self) -> Option<String> {
        self.bg.map(hex)
    }
}

fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A text colour: a light one (white, grey) is the page's ink unless the
/// cell has a background of its own, where it stays light.
fn foreground(color: Color, on_colour: bool) -> Rgb {
    match named(color) {
        Color::White | Color::Gray | Color::Reset if on_colour => PAPER,
        Color::White | Color::Reset => INK,
        other => shade(other).unwrap_or(INK),
    }
}

/// A background colour; `None` for the page itself.
fn background(color: Color) -> Option<Rgb> {
    match named(color) {
        Color::Reset | Color::White => None,
        other => shade(other),
    }
}

/// The shade of a terminal colour on paper; the bright variants, which a
/// dark screen needs, are the same shade here.
fn shade(color: Color) -> Option<Rgb> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => [0x00, 0x00, 0x00],
        Color::Red | Color::LightRed => [0xc9, 0x19, 0x1e],
        Color::Green | Color::LightGreen => [0x18, 0x75, 0x3c],
        Color::Yellow | Color::LightYellow => [0x7a, 0x5c, 0x00],
        Color::Blue | Color::LightBlue => [0x00, 0x00, 0x91],
        Color::Magenta | Color::LightMagenta => [0x8a, 0x2a, 0x8a],
        Color::Cyan | Color::LightCyan => [0x00, 0x6b, 0x6f],
        Color::Gray => [0x59, 0x59, 0x59],
        Color::DarkGray => [0x66, 0x66, 0x66],
        Color::White => PAPER,
        Color::Rgb(r, g, b) => [r, g, b],
        Color::Indexed(n) => return indexed(n),
    })
}

/// The 256-colour palette's first sixteen are the named colours.
const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// `color` by its name when it has one.
fn named(color: Color) -> Color {
    match color {
        Color::Indexed(n) if n < 16 => NAMED[usize::from(n)],
        other => other,
    }
}

/// xterm's 256 colours: the sixteen named, a 6×6×6 cube, 24 greys.
fn indexed(n: u8) -> Option<Rgb> {
    let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
    match n {
        0..=15 => shade(NAMED[usize::from(n)]),
        16..=231 => {
            let v = n - 16;
            Some([level(v / 36), level(v / 6 % 6), level(v % 6)])
        }
        232.. => {
            let grey = 8 + 10 * (n - 232);
            Some([grey, grey, grey])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    /// WCAG's contrast ratio of two colours.
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let luminance = |c: Rgb| {
            let linear = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn cell(style: Style) -> Cell {
        let mut cell = Cell::new("x");
        cell.set_style(style);
        cell
    }

    #[test]
    fn every_named_colour_reads_on_paper() {
        for n in 0..16 {
            let ink = Ink::of(&cell(Style::new().fg(Color::Indexed(n))));
            assert!(
                contrast(ink.fg, PAPER) >= 4.5,
                "colour {n}: {}",
                ink.fg_hex()
            );
        }
    }

    #[test]
    fn white_on_a_colour_stays_white_and_reversed_swaps() {
        let selected = Ink::of(&cell(Style::new().fg(Color::White).bg(Color::Blue)));
        assert_eq!(selected.fg, PAPER);
        assert_eq!(selected.bg, Some([0x00, 0x00, 0x91]));
        let reversed = Ink::of(&cell(Style::new().add_modifier(Modifier::REVERSED)));
        assert_eq!((reversed.fg, reversed.bg), (PAPER, Some(INK)));
    }
}
