//! The timeline of a roadmap's whole period as SVG, every row drawn, for
//! what leaves the widget: one standalone SVG document (slides, reports,
//! the PDF), or one block per axis with the tick labels repeated (pages,
//! so that a printed timeline splits between axes and each part keeps its
//! dates). Drawn by [`Chart`], the widget's own code, with nothing to
//! click: items are pictures, the list is their text.

use std::ops::Range;

use roadmap_core::{Day, Language, Roadmap, RowKind, TimeWindow};

use crate::page_words::PageWord;
use crate::palette::{FONT_STACK, drawing_rules};
use crate::scene::Scene;
use crate::timeline::{Chart, HEAD};
use crate::words::Word;
use crate::write::Markup;

/// The width of an exported timeline, in CSS pixels: an A4 landscape page
/// less 10 mm margins (277 mm at 96 px per inch is 1047 px).
pub const WIDTH: f64 = 1040.0;

/// The class of an exported drawing's root, which scopes its own rules.
pub const DRAWING_CLASS: &str = "roadmap-drawing";

/// What an export shows: the whole period, nothing open.
pub fn whole_scene(roadmap: &Roadmap, lang: Language, today: Day) -> Scene<'_> {
    Scene {
        roadmap,
        lang,
        today,
        window: TimeWindow::around(roadmap),
        selected: None,
        since: None,
    }
}

/// The drawing's accessible name: "Frise chronologique — title — Période
/// affichée : … – …".
pub fn drawing_name(scene: &Scene<'_>) -> String {
    let mut name = String::from(Word::TimelineOf.text(scene.lang));
    name.push_str(" — ");
    name.push_str(scene.roadmap.title());
    name.push_str(" — ");
    name.push_str(&scene.period());
    name
}

/// The tick header's inside: [`Chart::ticks`] without its `<svg>` element.
fn ticks_inside(chart: &Chart<'_, '_>) -> String {
    let ticks = chart.ticks();
    let open_end = ticks.find('>').map_or(0, |at| at + 1);
    let close = ticks.rfind("</svg>").unwrap_or(ticks.len());
    ticks[open_end..close].to_owned()
}

/// The tick header (background and labels) with its top at `y`.
fn header(m: &mut Markup, chart: &Chart<'_, '_>, y: f64) {
    m.raw("<g class=\"ticks\" aria-hidden=\"true\" transform=\"translate(0 ")
        .number(y)
        .raw(")\"><rect class=\"head-band\" x=\"0\" y=\"0\"")
        .px("width", chart.width)
        .px("height", HEAD)
        .raw("/>")
        .raw(&ticks_inside(chart))
        .raw("</g>");
}

/// The rows' ranges, one per axis (an axis row and the lanes under it).
pub fn axis_blocks(chart: &Chart<'_, '_>) -> Vec<Range<usize>> {
    let rows = &chart.layout.rows;
    let mut starts: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(index, row)| *index == 0 || row.kind == RowKind::Axis)
        .map(|(index, _)| index)
        .collect();
    starts.dedup();
    let mut blocks = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(rows.len());
        blocks.push(start..end);
    }
    blocks
}

/// One `<svg>` of the tick header over the rows `rows`, its viewBox on
/// them: inline in a page (`standalone` false) or a document of its own.
fn drawing(chart: &Chart<'_, '_>, rows: Range<usize>, name: &str, standalone: bool) -> String {
    let scene = chart.scene;
    let top = rows.start as f64 * crate::timeline::ROW;
    let height = HEAD + (rows.end - rows.start) as f64 * crate::timeline::ROW;
    let mut m = Markup::new();
    m.raw("<svg");
    if standalone {
        m.raw(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    m.raw(" class=\"")
        .raw(DRAWING_CLASS)
        .raw("\" viewBox=\"0 ")
        .number(top - HEAD)
        .raw(" ")
        .number(chart.width)
        .raw(" ")
        .number(height)
        .raw("\"")
        .px("width", chart.width)
        .px("height", height)
        .raw(" role=\"img\"")
        .attr("lang", scene.roadmap.language().code())
        .attr("aria-label", name)
        .raw(">");
    if standalone {
        m.raw("<title>")
            .text(name)
            .raw("</title><desc>")
            .text(&description(scene))
            .raw("</desc><style>")
            .raw(&drawing_rules(&format!("svg.{DRAWING_CLASS}"), FONT_STACK))
            .raw("</style><rect class=\"page\"")
            .px("y", top - HEAD)
            .px("width", chart.width)
            .px("height", height)
            .raw("/>");
    }
    header(&mut m, chart, top - HEAD);
    m.raw(&chart.rows(rows)).raw("</svg>");
    m.finish()
}

/// What the drawing shows, in words: its period and how many items.
fn description(scene: &Scene<'_>) -> String {
    let roadmap = scene.roadmap;
    let mut text = scene.roadmap.organisation().to_owned();
    text.push_str(" — ");
    text.push_str(&scene.period());
    text.push_str(" — ");
    let lang = scene.lang;
    text.push_str(
        &[
            PageWord::Axes.count(lang, roadmap.axes().len()),
            PageWord::Missions.count(lang, roadmap.missions().count()),
            PageWord::Milestones.count(lang, roadmap.milestones().count()),
        ]
        .join(", "),
    );
    text
}

/// The whole timeline as one standalone SVG document.
pub fn standalone_svg(scene: &Scene<'_>, width: f64) -> String {
    let chart = Chart::new(scene, width).still();
    let rows = 0..chart.layout.rows.len();
    let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.push_str(&drawing(&chart, rows, &drawing_name(scene), true));
    svg.push('\n');
    svg
}

/// The whole timeline as standalone SVG documents, one per axis, each
/// with the tick header: the parts of a printed timeline.
pub fn standalone_blocks(scene: &Scene<'_>, width: f64) -> Vec<String> {
    let chart = Chart::new(scene, width).still();
    let name = drawing_name(scene);
    axis_blocks(&chart)
        .into_iter()
        .map(|rows| drawing(&chart, rows, &name, true))
        .collect()
}

/// The whole timeline as inline SVG, one block per axis, each with the
/// tick header: `figure.timeline` with the period said in words.
pub fn timeline_blocks(scene: &Scene<'_>, width: f64) -> String {
    let chart = Chart::new(scene, width).still();
    let name = drawing_name(scene);
    let mut m = Markup::new();
    m.raw("<figure class=\"timeline static-timeline\"")
        .attr("aria-label", &name)
        .raw("><figcaption class=\"period\">")
        .text(&scene.period())
        .raw("</figcaption>");
    for rows in axis_blocks(&chart) {
        let label = match chart.layout.rows.get(rows.start) {
            Some(row) if row.kind == RowKind::Axis => format!("{name} — {}", row.label),
            _ => name.clone(),
        };
        m.raw("<div class=\"chart timeline-block\">")
            .raw(&drawing(&chart, rows, &label, false))
            .raw("</div>");
    }
    m.raw("</figure>");
    m.finish()
}
