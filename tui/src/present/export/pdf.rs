//! The slides as a PDF: a page per slide, A4 landscape, each run of cells
//! set in `DejaVu Sans Mono` at its cell's place, so the presenter's boxes,
//! gauges and big figures join up as on a terminal; text stays real text
//! (selectable, with its accents), and the outline lists the slides.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use roadmap_core::Language;
use roadmap_core::controls::{Lines, neutralise};
use skrifa::MetadataProvider;

use super::grid::{COLUMNS, ROWS, Run, SlidePage};
use super::ink::{Ink, Rgb};
use crate::commands::pdf_text::{BOLD, Face, MARGIN, PAGE_H, PAGE_W, REGULAR};

/// `DejaVu Sans Mono` (its licence in `tui/fonts/`): every box-drawing
/// and block glyph the presenter draws, one advance wide.
const MONO: &[u8] = include_bytes!("../../../fonts/DejaVuSansMono.ttf");
const MONO_BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSansMono-Bold.ttf");

/// A font and whether it has a glyph for a character.
struct Typeface {
    face: Face,
    data: &'static [u8],
}

impl Typeface {
    fn new(data: &'static [u8]) -> anyhow::Result<Typeface> {
        Ok(Typeface {
            face: Face::new(data)?,
            data,
        })
    }

    fn has_all(&self, text: &str) -> bool {
        skrifa::FontRef::new(self.data)
            .is_ok_and(|font| text.chars().all(|c| font.charmap().map(c).is_some()))
    }
}

/// The fonts of a page and the size of its cells.
struct Grid {
    mono: Typeface,
    mono_bold: Typeface,
    /// For what the monospace font lacks (Hebrew, Arabic…).
    sans: Typeface,
    sans_bold: Typeface,
    /// The font size that makes one advance of the monospace font a cell.
    size: f32,
    /// A cell's width and height, in points.
    cell_w: f32,
    cell_h: f32,
    /// The baseline below a row's top, in points.
    ascent: f32,
    /// The grid's top left corner on the page.
    left: f32,
    top: f32,
}

impl Grid {
    fn new() -> anyhow::Result<Grid> {
        let mono = Typeface::new(MONO)?;
        let font = skrifa::FontRef::new(MONO)
            .map_err(|e| anyhow::anyhow!("the embedded font cannot be read: {e}"))?;
        let metrics = font.metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let em = f32::from(metrics.units_per_em);
        let cell_w = (PAGE_W - 2.0 * MARGIN) / f32::from(COLUMNS);
        let size = cell_w / (mono.face.width("M", 1.0));
        // Rows as tall as the font's line, so box and block glyphs meet.
        let line = (metrics.ascent - metrics.descent) / em;
        let cell_h = size * line;
        Ok(Grid {
            mono,
            mono_bold: Typeface::new(MONO_BOLD)?,
            sans: Typeface::new(REGULAR)?,
            sans_bold: Typeface::new(BOLD)?,
            size,
            cell_w,
            cell_h,
            ascent: size * metrics.ascent / em,
            left: MARGIN,
            top: (PAGE_H - cell_h * f32::from(ROWS)) / 2.0,
        })
    }

    /// The font for `text` in `ink`: the monospace one when it has every
    /// character, else `DejaVu Sans`.
    fn font(&self, text: &str, bold: bool) -> &Typeface {
        let (mono, sans) = if bold {
            (&self.mono_bold, &self.sans_bold)
        } else {
            (&self.mono, &self.sans)
        };
        if mono.has_all(text) || !sans.has_all(text) {
            mono
        } else {
            sans
        }
    }

    fn x(&self, column: u16) -> f32 {
        self.left + self.cell_w * f32::from(column)
    }

    fn y(&self, row: usize) -> f32 {
        // At most ROWS rows: exact in f32.
        self.top + self.cell_h * u16::try_from(row).map_or(0.0, f32::from)
    }
}

/// The PDF of `pages`, the slides of the roadmap titled `title`.
pub fn document(title: &str, lang: Language, pages: &[SlidePage]) -> anyhow::Result<Vec<u8>> {
    let grid = Grid::new()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(neutralise(title, Lines::One).into_owned())
            .language(lang.code().to_owned()),
    );
    let mut outline = Outline::new();
    for (index, page) in pages.iter().enumerate() {
        let size = Size::from_wh(PAGE_W, PAGE_H).expect("A4 is a size");
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        for (row, runs) in page.rows.iter().enumerate() {
            for run in runs {
                draw_run(&mut surface, &grid, row, run);
            }
        }
        surface.finish();
        pdf_page.finish();
        let heading = format!(
            "{}/{} · {}",
            index + 1,
            pages.len(),
            neutralise(&page.heading, Lines::One)
        );
        outline.push_child(OutlineNode::new(
            heading,
            XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(outline);
    document
        .finish()
        .map_err(|e| anyhow::anyhow!("the PDF cannot be written: {e:?}"))
}

fn fill(colour: Rgb) -> Fill {
    let [r, g, b] = colour;
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }
}

/// Fills `rect` with `colour`.
fn draw_rect(surface: &mut Surface<'_>, rect: Option<Rect>, colour: Rgb) {
    let Some(rect) = rect else { return };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(colour)));
        surface.draw_path(&path);
    }
}

/// Draws `run` on `row`: its background, its text piece by piece, its
/// underline or strike.
fn draw_run(surface: &mut Surface<'_>, grid: &Grid, row: usize, run: &Run) {
    let ink: Ink = run.ink;
    let top = grid.y(row);
    let width = grid.cell_w * f32::from(run_width(run));
    if let Some(bg) = ink.bg {
        draw_rect(
            surface,
            Rect::from_xywh(grid.x(run.column), top, width, grid.cell_h),
            bg,
        );
    }
    let baseline = top + grid.ascent;
    for (column, text) in pieces(run) {
        let font = grid.font(&text, ink.bold);
        surface.set_fill(Some(fill(ink.fg)));
        surface.draw_text(
            Point::from_xy(grid.x(column), baseline),
            font.face.font.clone(),
            grid.size,
            &font.face.printable(&text),
            false,
            TextDirection::LeftToRight,
        );
    }
    let stroke = grid.size * 0.06;
    if ink.underline {
        let y = baseline + grid.size * 0.12;
        draw_rect(
            surface,
            Rect::from_xywh(grid.x(run.column), y, width, stroke),
            ink.fg,
        );
    }
    if ink.crossed {
        let y = baseline - grid.size * 0.3;
        draw_rect(
            surface,
            Rect::from_xywh(grid.x(run.column), y, width, stroke),
            ink.fg,
        );
    }
}

/// The cells a run covers (a wide grapheme takes two).
fn run_width(run: &Run) -> u16 {
    let cells: usize = run
        .cells
        .iter()
        .map(|c| crate::terminal::cells::width(c).max(1))
        .sum();
    u16::try_from(cells).unwrap_or(COLUMNS)
}

/// The run's text as pieces set from their first cell: consecutive
/// one-character, one-cell graphemes together (a monospace advance each),
/// anything else alone; blanks are not drawn, but end a piece.
fn pieces(run: &Run) -> Vec<(u16, String)> {
    let mut pieces: Vec<(u16, String)> = Vec::new();
    let mut open = false;
    let mut column = run.column;
    for grapheme in &run.cells {
        let width = u16::try_from(crate::terminal::cells::width(grapheme).max(1)).unwrap_or(1);
        let simple = width == 1 && grapheme.chars().count() == 1;
        if grapheme.trim().is_empty() {
            open = false;
        } else if simple && open {
            if let Some((_, text)) = pieces.last_mut() {
                text.push_str(grapheme);
            }
        } else {
            pieces.push((column, grapheme.clone()));
            open = simple;
        }
        column += width;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use roadmap_core::{STALE_SYMBOL, Status};

    #[test]
    fn every_embedded_font_has_the_status_and_stale_marks() {
        let grid = Grid::new().expect("fonts");
        let marks: String = Status::ALL
            .iter()
            .map(|status| status.symbol())
            .chain([STALE_SYMBOL])
            .collect();
        for (name, font) in [
            ("DejaVu Sans Mono", &grid.mono),
            ("DejaVu Sans Mono Bold", &grid.mono_bold),
            ("DejaVu Sans", &grid.sans),
            ("DejaVu Sans Bold", &grid.sans_bold),
        ] {
            for mark in marks.chars() {
                assert!(font.has_all(&mark.to_string()), "{name} lacks {mark}");
            }
        }
        // And the monospace ones every box-drawing and block glyph.
        let drawing: String = ('\u{2500}'..='\u{259f}').collect();
        assert!(grid.mono.has_all(&drawing) && grid.mono_bold.has_all(&drawing));
    }

    #[test]
    fn pieces_start_at_their_cells_and_skip_blanks() {
        let run = Run {
            column: 3,
            cells: ["a", "b", " ", " ", "中", "c", "e\u{301}", "d"]
                .map(str::to_owned)
                .to_vec(),
            ink: Ink::PLAIN,
        };
        assert_eq!(
            pieces(&run),
            [
                (3, "ab".to_owned()),
                (7, "中".to_owned()),
                (9, "c".to_owned()),
                (10, "e\u{301}".to_owned()),
                (11, "d".to_owned()),
            ]
        );
    }
}
