//! `roadmap present --export`: the presenter's slides written as pages.
//! Each slide is drawn by the presenter's own drawing on a grid of cells
//! ([`grid`]), in the terminal theme's colours set for paper ([`ink`]);
//! the grid is then written out as one HTML page ([`html`]) or a PDF
//! ([`pdf`]), a slide per page. Speaker notes are never written.

mod grid;
mod html;
mod ink;
mod pdf;

use std::path::Path;

use anyhow::Context;
use ratatui::layout::Size;

pub use grid::{COLUMNS, ROWS};

use super::PresentApp;
use crate::files::save;
use crate::terminal::theme::ThemeKind;

/// What `--export` writes, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlidesFormat {
    /// One self-contained HTML page.
    Html,
    /// A PDF document.
    Pdf,
}

impl SlidesFormat {
    /// The format `path` asks for by its extension (`.html`, `.htm`,
    /// `.pdf`, in any case), or why it asks for none.
    pub fn of(path: &Path) -> anyhow::Result<SlidesFormat> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("html" | "htm") => Ok(SlidesFormat::Html),
            Some("pdf") => Ok(SlidesFormat::Pdf),
            _ => anyhow::bail!(
                "--export {}: the slides are written as PDF or HTML, chosen by the name's ending; give a name ending in `.pdf` or `.html` (`--export slides.pdf`)",
                path.display()
            ),
        }
    }
}

/// The size slides are drawn at for an export.
pub fn size() -> Size {
    Size::new(COLUMNS, ROWS)
}

/// The theme of an export: the terminal's, or its high-contrast one.
/// `NO_COLOR` is about what a terminal shows, not a file.
pub fn theme(high_contrast: bool) -> ThemeKind {
    if high_contrast {
        ThemeKind::HighContrast
    } else {
        ThemeKind::Default
    }
}

/// Writes every slide of `app` to `path`, in the format its name asks
/// for, atomically (see [`save::write_output`]).
pub fn write(app: &mut PresentApp, path: &Path) -> anyhow::Result<()> {
    let format = SlidesFormat::of(path)?;
    let pages = grid::pages(app)?;
    let title = app.roadmap.title().to_owned();
    let bytes = match format {
        SlidesFormat::Html => html::document(&title, app.lang, &pages).into_bytes(),
        SlidesFormat::Pdf => pdf::document(&title, app.lang, &pages)?,
    };
    save::write_output(path, &bytes).with_context(|| format!("cannot write {}", path.display()))
}
