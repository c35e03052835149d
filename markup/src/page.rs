//! A roadmap as one self-contained HTML document (no network, no
//! script): its heading, the whole timeline drawn per axis, the legend,
//! the complete list and the sources; or as the fragment a page puts
//! inside `<roadmap-timeline>`, seen before the widget runs and by readers
//! and robots without JavaScript. The widget's stylesheet is included
//! whole, with the page's own rules and its print rules after it.

use roadmap_core::{KnownFacts, render_range};

use crate::drawing::{DRAWING_CLASS, WIDTH, timeline_blocks};
use crate::explorer::{legend, published_and_progress};
use crate::outline::outline;
use crate::page_words::PageWord;
use crate::palette::{FONT_STACK, WIDGET_CSS, drawing_rules};
use crate::scene::Scene;
use crate::write::Markup;

/// The page's own rules: layout of a whole document, and print.
const PAGE_CSS: &str = include_str!("page.css");

/// The heading in lines of text: the title; organisation, period,
/// publication and overall progress; what the sources say and as of when;
/// the summary, when there is one.
pub fn heading_lines(scene: &Scene<'_>) -> Vec<String> {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let period = roadmap.period();
    let mut meta = vec![
        roadmap.organisation().to_owned(),
        format!(
            "{}{}{}",
            PageWord::Period.text(lang, 1),
            lang.colon(),
            render_range(Some(period.start), Some(period.end), lang)
        ),
    ];
    meta.extend(published_and_progress(scene));
    let known = KnownFacts::of(roadmap, today);
    let mut said = vec![known.statuses_text(lang)];
    said.extend(known.sources_text(lang));
    let mut lines = vec![
        roadmap.title().to_owned(),
        meta.join(" · "),
        said.join(" · "),
    ];
    lines.extend(roadmap.summary().map(str::to_owned));
    lines
}

/// The heading (`header.head`): [`heading_lines`] as markup.
fn heading(scene: &Scene<'_>) -> String {
    let roadmap = scene.roadmap;
    let lines = heading_lines(scene);
    let mut m = Markup::new();
    m.raw("<header class=\"head static-head\"><h1 class=\"title\"")
        .attr("lang", roadmap.language().code())
        .raw(">")
        .text(&lines[0])
        .raw("</h1><p class=\"meta\">")
        .text(&lines[1])
        .raw("</p><p class=\"meta\">")
        .text(&lines[2])
        .raw("</p>");
    if let Some(summary) = lines.get(3) {
        m.raw("<p class=\"summary\"")
            .attr("lang", roadmap.language().code())
            .raw(">")
            .text(summary)
            .raw("</p>");
    }
    m.raw("</header>");
    m.finish()
}

/// The legend without its keyboard help: a page without the widget has no
/// keys to press. The help is the crate's last paragraph of the legend,
/// its text escaped, so cutting at its fixed tags cannot cut a text.
fn still_legend(scene: &Scene<'_>) -> String {
    let legend = legend(scene);
    match (legend.find("<p class=\"hint\">"), legend.rfind("</p>")) {
        (Some(start), Some(end)) if end > start => {
            let mut kept = legend[..start].to_owned();
            kept.push_str(&legend[end + "</p>".len()..]);
            kept
        }
        _ => legend,
    }
}

/// Every source of the roadmap, each a link when it is a web page.
fn all_sources(scene: &Scene<'_>) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut m = Markup::new();
    if roadmap.sources().is_empty() {
        return String::new();
    }
    m.raw("<section class=\"page-sources\"><h2>")
        .text(PageWord::RoadmapSources.text(lang, roadmap.sources().len()))
        .raw("</h2><ul class=\"sources\">");
    for source in roadmap.sources() {
        m.raw("<li>");
        crate::outline::source_entry(&mut m, source, lang);
        m.raw("</li>");
    }
    m.raw("</ul></section>");
    m.finish()
}

/// The body every static form shares: heading, timeline, legend (when
/// `legend`), the list and the sources.
fn body(scene: &Scene<'_>, with_legend: bool) -> String {
    let lang = scene.lang;
    let mut m = Markup::new();
    m.raw(&heading(scene))
        .raw("<section class=\"static-section\"><h2>")
        .text(PageWord::Timeline.text(lang, 1))
        .raw("</h2>")
        .raw(&timeline_blocks(scene, WIDTH));
    if with_legend {
        m.raw(&still_legend(scene));
    }
    m.raw("<p class=\"note\">")
        .text(PageWord::ListIsText.text(lang, 1))
        .raw("</p></section>")
        .raw(&outline(scene))
        .raw(&all_sources(scene));
    m.finish()
}

/// The whole page: a self-contained HTML document.
pub fn document(scene: &Scene<'_>) -> String {
    let lang = scene.lang;
    let mut m = Markup::new();
    m.raw("<!DOCTYPE html>\n<html")
        .attr("lang", lang.code())
        .raw("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .text(scene.roadmap.title())
        .raw("</title><style>\n")
        .raw(WIDGET_CSS)
        .raw("\n")
        .raw(PAGE_CSS)
        .raw("</style></head><body><main class=\"host\"><div class=\"roadmap roadmap-static\" data-theme=\"auto\"")
        .attr("lang", lang.code())
        .raw(">")
        .raw(&body(scene, true))
        .raw("</div></main></body></html>\n");
    m.finish()
}

/// The fragment for `<roadmap-timeline>`: the same heading, timeline and
/// list without `<html>` or the widget's stylesheet (the host page styles
/// its text; the drawing carries its own colours, scoped to it).
pub fn fragment(scene: &Scene<'_>) -> String {
    let lang = scene.lang;
    let scope = format!("svg.{DRAWING_CLASS}");
    let mut m = Markup::new();
    m.raw("<div class=\"roadmap-static\"")
        .attr("lang", lang.code())
        .raw("><style>")
        .raw(&scope)
        .raw("{max-width:100%;height:auto;display:block}\n")
        .raw(&drawing_rules(&scope, FONT_STACK))
        .raw("</style>")
        .raw(&body(scene, false))
        .raw("</div>\n");
    m.finish()
}
