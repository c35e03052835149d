//! `roadmap export --pdf`: the printed document made natively, on A4
//! landscape pages. The timeline is the markup crate's standalone SVG
//! (one drawing per axis, its dates repeated), drawn by `krilla-svg` with
//! its text kept as text; the heading and the list are laid out here,
//! wrapped by the measured advances of the embedded font, and no item is
//! split between two pages.

use std::sync::Arc;

use krilla::Document;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla_svg::{SurfaceExt, SvgSettings};
use roadmap_core::controls::{Lines, neutralise};
use roadmap_core::{ItemRef, KnownFacts, Phrase, STALE_SYMBOL, capitalised, stale_label};
use roadmap_markup::Scene;
use roadmap_markup::describe::safe_href;
use roadmap_markup::drawing::{WIDTH, standalone_blocks};
use roadmap_markup::explorer::statuses_present;
use roadmap_markup::list::facts;
use roadmap_markup::outline::{indicator_text, source_text};
use roadmap_markup::page::heading_lines;
use roadmap_markup::page_words::PageWord;
use roadmap_markup::words::Word;

use super::pdf_text::{BOLD, Block, Face, Layout, Line, MARGIN, PAGE_H, PAGE_W, REGULAR, leading};

/// The list, block by block: an axis heading kept with its first mission,
/// each mission with its facts, each milestone with its facts.
fn list_blocks(layout: &Layout, scene: &Scene<'_>) -> Vec<Block> {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let mut blocks = Vec::new();
    let mut heading = layout.lines(PageWord::Contents.text(lang, 0), 14.0, 0.0, true, false);
    for axis in roadmap.axes() {
        let item = ItemRef::Axis(axis);
        heading.push(Line::space(6.0));
        heading.extend(layout.lines(&axis.title, 12.0, 0.0, true, false));
        let facts_line = facts(scene, item);
        if !facts_line.is_empty() {
            heading.extend(layout.lines(&facts_line, 9.0, 0.0, false, true));
        }
        heading.extend(description(layout, axis.description.as_deref(), 0.0));
        for mission in &axis.missions {
            let item = ItemRef::Mission(axis, mission);
            let status = mission.effective_status(today);
            let mut block = std::mem::take(&mut heading);
            let title = format!("{} {}", status.symbol(), mission.title);
            block.extend(layout.lines(&title, 10.0, 12.0, true, false));
            block.extend(layout.lines(&facts(scene, item), 9.0, 24.0, false, true));
            block.extend(description(layout, mission.description.as_deref(), 24.0));
            if let Some(owner) = &mission.owner {
                let text = format!(
                    "{}{}{owner}",
                    capitalised(lang.phrase(Phrase::Owner)),
                    lang.colon()
                );
                block.extend(layout.lines(&text, 9.0, 24.0, false, false));
            }
            for indicator in &mission.indicators {
                let text = format!("• {}", indicator_text(indicator, lang));
                block.extend(layout.lines(&text, 9.0, 24.0, false, false));
            }
            for source in mission.sources.iter().filter_map(|id| roadmap.source(id)) {
                let text = format!("↗ {}", source_text(source, lang));
                let link = source.url.as_deref().and_then(safe_href);
                block.extend(
                    layout
                        .lines(&text, 8.0, 24.0, false, true)
                        .into_iter()
                        .map(|line| Line {
                            link: link.map(str::to_owned),
                            ..line
                        }),
                );
            }
            blocks.push(block);
            for milestone in &mission.milestones {
                let item = ItemRef::Milestone(axis, mission, milestone);
                let status = milestone.effective_status(today);
                let title = format!("{} {}", status.symbol(), milestone.title);
                let mut block = layout.lines(&title, 9.5, 36.0, true, false);
                block.extend(layout.lines(&facts(scene, item), 9.0, 48.0, false, true));
                block.extend(description(layout, milestone.description.as_deref(), 48.0));
                blocks.push(block);
            }
        }
        if !heading.is_empty() {
            // An axis without missions.
            blocks.push(std::mem::take(&mut heading));
        }
    }
    blocks
}

/// An item's description, when it has one, under its facts.
fn description(layout: &Layout, text: Option<&str>, indent: f32) -> Vec<Line> {
    text.filter(|text| !text.trim().is_empty())
        .map(|text| layout.lines(text, 9.0, indent, false, false))
        .unwrap_or_default()
}

/// Draws `line` with its baseline at `y`.
fn draw_line(surface: &mut Surface<'_>, layout: &Layout, line: &Line, y: f32) {
    if line.text.is_empty() {
        return;
    }
    let font = if line.bold {
        layout.bold.font.clone()
    } else {
        layout.regular.font.clone()
    };
    let grey = if line.grey { 0x44 } else { 0x16 };
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(grey, grey, grey).into(),
        ..Fill::default()
    }));
    surface.draw_text(
        Point::from_xy(MARGIN + line.indent, y),
        font,
        line.size,
        &line.text,
        false,
        TextDirection::Auto,
    );
}

/// What goes on pages, in order.
enum Piece {
    Text(Block),
    Drawing(Box<usvg::Tree>),
}

impl Piece {
    /// Its height on the page, and the scale of a drawing.
    fn height(&self) -> (f32, f32) {
        match self {
            Piece::Text(block) => (block.iter().map(leading).sum(), 1.0),
            Piece::Drawing(tree) => {
                let size = tree.size();
                let scale = ((PAGE_W - 2.0 * MARGIN) / size.width())
                    .min((PAGE_H - 2.0 * MARGIN) / size.height());
                (size.height() * scale, scale)
            }
        }
    }
}

/// The legend in a line: "Légende : ◐ en cours · ✔ terminé · ↻ ancien…".
fn legend(scene: &Scene<'_>) -> String {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let mut keys: Vec<String> = statuses_present(roadmap, today)
        .into_iter()
        .map(|status| format!("{} {}", status.symbol(), status.label(lang)))
        .collect();
    if KnownFacts::of(roadmap, today).stale_statuses > 0 {
        keys.push(format!(
            "{STALE_SYMBOL} {}",
            stale_label(lang, roadmap.stale_after_months())
        ));
    }
    format!(
        "{}{}{}",
        Word::Legend.text(lang),
        lang.colon(),
        keys.join(" · ")
    )
}

/// Something placed on a page, at a height: a line's baseline, a
/// drawing's top.
enum Placed<'p> {
    Line(&'p Line),
    Drawing(&'p usvg::Tree, f32),
}

/// The pieces page by page: a piece that does not fit the rest of a page
/// starts the next one; only a block taller than a whole page (a title of
/// thousands of characters) is cut, between its lines.
fn paginate(pieces: &[Piece]) -> Vec<Vec<(Placed<'_>, f32)>> {
    let bottom = PAGE_H - MARGIN;
    let mut pages = vec![Vec::new()];
    let mut y = MARGIN;
    for piece in pieces {
        let (height, scale) = piece.height();
        if y > MARGIN && y + height > bottom {
            pages.push(Vec::new());
            y = MARGIN;
        }
        match piece {
            Piece::Text(block) => {
                for line in block {
                    if y > MARGIN && y + leading(line) > bottom {
                        pages.push(Vec::new());
                        y = MARGIN;
                    }
                    y += leading(line);
                    if let Some(page) = pages.last_mut() {
                        page.push((Placed::Line(line), y - line.size * 0.3));
                    }
                }
            }
            Piece::Drawing(tree) => {
                if let Some(page) = pages.last_mut() {
                    page.push((Placed::Drawing(tree, scale), y));
                }
                y += height + 6.0;
            }
        }
    }
    pages
}

/// The fonts the drawings' text is set in: the embedded ones only, so a
/// PDF is the same on every machine.
fn font_database() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    db
}

/// The PDF of `scene`'s roadmap.
pub fn pdf(scene: &Scene<'_>) -> anyhow::Result<Vec<u8>> {
    let layout = Layout {
        regular: Face::new(REGULAR)?,
        bold: Face::new(BOLD)?,
    };
    let lang = scene.lang;
    let options = usvg::Options {
        fontdb: Arc::new(font_database()),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    let mut pieces = Vec::new();
    // The heading: title, then its facts.
    let mut head = Vec::new();
    for (n, text) in heading_lines(scene).iter().enumerate() {
        if n == 0 {
            head.extend(layout.lines(text, 16.0, 0.0, true, false));
        } else {
            head.extend(layout.lines(text, 9.0, 0.0, false, true));
        }
    }
    head.extend(layout.lines(PageWord::Timeline.text(lang, 1), 14.0, 0.0, true, false));
    head.extend(layout.lines(&scene.period(), 9.0, 0.0, false, true));
    pieces.push(Piece::Text(head));
    for svg in standalone_blocks(scene, WIDTH) {
        let tree = usvg::Tree::from_str(&svg, &options)
            .map_err(|e| anyhow::anyhow!("the timeline cannot be drawn: {e}"))?;
        pieces.push(Piece::Drawing(Box::new(tree)));
    }
    pieces.push(Piece::Text(layout.lines(
        &legend(scene),
        9.0,
        0.0,
        false,
        false,
    )));
    pieces.push(Piece::Text(layout.lines(
        PageWord::ListIsText.text(lang, 1),
        9.0,
        0.0,
        false,
        true,
    )));
    pieces.extend(list_blocks(&layout, scene).into_iter().map(Piece::Text));

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(neutralise(scene.roadmap.title(), Lines::One).into_owned())
            .language(lang.code().to_owned()),
    );
    let settings = || PageSettings::new(Size::from_wh(PAGE_W, PAGE_H).expect("A4 is a size"));
    for placed in paginate(&pieces) {
        let mut page = document.start_page_with(settings());
        let mut surface = page.surface();
        for (piece, y) in &placed {
            let y = *y;
            match piece {
                Placed::Line(line) => draw_line(&mut surface, &layout, line, y),
                &Placed::Drawing(tree, scale) => {
                    let size = tree.size();
                    surface.push_transform(&Transform::from_translate(MARGIN, y));
                    surface.push_transform(&Transform::from_scale(scale, scale));
                    surface.draw_svg(
                        tree,
                        Size::from_wh(size.width(), size.height()).expect("a drawing has a size"),
                        SvgSettings::default(),
                    );
                    surface.pop();
                    surface.pop();
                }
            }
        }
        surface.finish();
        // A source's lines open its address (web or mail only).
        for (piece, y) in &placed {
            if let Placed::Line(line) = piece
                && let Some(url) = &line.link
            {
                let width = layout.regular.width(&line.text, line.size);
                if let Some(rect) =
                    Rect::from_xywh(MARGIN + line.indent, y - line.size, width, line.size * 1.3)
                {
                    let target = Target::Action(LinkAction::new(url.clone()).into());
                    page.add_annotation(Annotation::new_link(
                        LinkAnnotation::new(rect, target),
                        Some(url.clone()),
                    ));
                }
            }
        }
        page.finish();
    }
    document
        .finish()
        .map_err(|e| anyhow::anyhow!("the PDF cannot be written: {e:?}"))
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
    fn a_block_that_fits_a_page_is_never_cut() {
        let layout = layout();
        // Blocks of 9 lines: a page holds 4 of them and some lines more.
        let blocks: Vec<Piece> = (0..12)
            .map(|n| {
                let text = format!("{n} ").repeat(9);
                Piece::Text(
                    (0..9)
                        .flat_map(|_| layout.lines(&text, 10.0, 0.0, false, false))
                        .collect(),
                )
            })
            .collect();
        let pages = paginate(&blocks);
        assert!(pages.len() > 1);
        for (n, block) in blocks.iter().enumerate() {
            let Piece::Text(lines) = block else { continue };
            let on: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, page)| {
                    page.iter().any(|(placed, _)| {
                        matches!(placed, Placed::Line(line) if lines.iter().any(|l| std::ptr::eq(l, *line)))
                    })
                })
                .map(|(index, _)| index)
                .collect();
            assert_eq!(on.len(), 1, "block {n} is on pages {on:?}");
        }
        for page in &pages {
            for (_, y) in page {
                assert!(*y <= PAGE_H - MARGIN, "a line below the margin");
            }
        }
    }
}
