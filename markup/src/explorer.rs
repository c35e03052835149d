//! A loaded roadmap drawn whole: its heading (title, organisation,
//! publication, overall progress, what the sources say and as of when),
//! the view switch, the timeline or the list, the open detail, the legend
//! and, for print, the list after the timeline.

use roadmap_core::{
    Day, KnownFacts, Language, Phrase, ProgressFigure, Roadmap, STALE_SYMBOL, Status, capitalised,
    stale_label,
};

use crate::crowd::{CROWD_CLASS, crowd_key};
use crate::detail::detail;
use crate::list::list;
use crate::plan::plan_keys;
use crate::plan_text::slip_block;
use crate::scene::{Scene, View};
use crate::since::{legend_key, since_line};
use crate::timeline::{Chart, section_with, status_class};
use crate::words::Word;
use crate::write::Markup;

/// How the explorer is drawn, beside what it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The view shown.
    pub view: View,
    /// Whether the page is being printed: the timeline view then also
    /// carries the list, which is most of a large roadmap's elements.
    pub printing: bool,
    /// The width of the timeline's rows, in CSS pixels.
    pub rows_width: f64,
    /// How far the rows are scrolled down, in CSS pixels.
    pub scroll_top: f64,
    /// The height of the rows' scrolled box (0: not known).
    pub rows_height: f64,
}

/// "Publication : 9 mars 2023" and, when it can be said, "Avancement
/// global : …": the facts every heading of a roadmap gives.
pub fn published_and_progress(scene: &Scene<'_>) -> Vec<String> {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut facts = vec![format!(
        "{}{}{}",
        capitalised(lang.phrase(Phrase::Published)),
        lang.colon(),
        roadmap.published().render(lang)
    )];
    let progress = roadmap.progress_figure(scene.today);
    if progress != ProgressFigure::Unknown {
        facts.push(format!(
            "{}{}{}",
            capitalised(lang.phrase(Phrase::Overall)),
            lang.colon(),
            progress.text(lang)
        ));
    }
    facts
}

/// The heading (`div.head`): title, facts, view switch.
pub fn head(scene: &Scene<'_>, view: View) -> String {
    head_knowing(scene, view, &KnownFacts::of(scene.roadmap, scene.today))
}

/// [`head`], with what is known of the statuses counted already: a count
/// over every item, which the legend needs too.
fn head_knowing(scene: &Scene<'_>, view: View, known: &KnownFacts) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut meta = vec![roadmap.organisation().to_owned()];
    meta.extend(published_and_progress(scene));
    meta.push(known.statuses_text(lang));
    let mut m = Markup::new();
    m.raw("<div class=\"head\"><div class=\"titles\"><h2 class=\"title\"")
        .attr("lang", roadmap.language().code())
        .raw(">")
        .text(roadmap.title())
        .raw("</h2><p class=\"meta\">")
        .text(&meta.join(" · "))
        .raw("</p>")
        .raw(&since_line(scene))
        .raw("</div><div class=\"switch\" role=\"group\"")
        .attr("aria-label", Word::ViewSwitch.text(lang))
        .raw(">");
    for (shown, word, act) in [
        (View::Timeline, Word::Timeline, "view-timeline"),
        (View::List, Word::List, "view-list"),
    ] {
        m.raw("<button type=\"button\" class=\"btn\"")
            .attr("data-act", act)
            .attr("aria-pressed", if view == shown { "true" } else { "false" })
            .raw(">")
            .text(word.text(lang))
            .raw("</button>");
    }
    m.raw("</div></div>");
    m.finish()
}

/// The statuses of the roadmap's missions and milestones, each once, in
/// the order of [`Status`].
pub fn statuses_present(roadmap: &Roadmap, today: Day) -> Vec<Status> {
    let mut counts = roadmap.mission_counts(today);
    for (status, n) in roadmap.milestone_counts(today).nonzero() {
        for _ in 0..n {
            counts.add(status);
        }
    }
    counts.nonzero().map(|(status, _)| status).collect()
}

/// The legend (`div.legend`): the statuses present, each with its symbol
/// and colour, the stale mark when some status is stale, the shapes, and
/// the keyboard help.
pub fn legend(scene: &Scene<'_>) -> String {
    legend_knowing(scene, &KnownFacts::of(scene.roadmap, scene.today), false)
}

/// [`legend`], with what is known of the statuses counted already, and
/// the key of a crowd of milestones when the timeline draws one.
fn legend_knowing(scene: &Scene<'_>, known: &KnownFacts, crowded: bool) -> String {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let mut m = Markup::new();
    m.raw("<div class=\"legend\"><div class=\"legend-row\"><p class=\"legend-title\">")
        .text(Word::Legend.text(lang))
        .raw("</p><ul>");
    for status in statuses_present(roadmap, today) {
        m.raw("<li class=\"");
        status_class(&mut m, status);
        m.raw("\"><span class=\"swatch\" aria-hidden=\"true\">")
            .symbol(status.symbol())
            .raw("</span>")
            .text(status.label(lang))
            .raw("</li>");
    }
    if known.stale_statuses > 0 {
        m.raw("<li class=\"stale-key\"><span class=\"swatch\" aria-hidden=\"true\">")
            .symbol(STALE_SYMBOL)
            .raw("</span>")
            .text(&stale_label(lang, roadmap.stale_after_months()))
            .raw("</li>");
    }
    m.raw(
        "<li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"28\" height=\"14\">\
         <rect class=\"key-bar\" x=\"1\" y=\"2\" width=\"26\" height=\"10\" rx=\"2\"/>\
         <rect class=\"key-fill\" x=\"1\" y=\"2\" width=\"12\" height=\"10\" rx=\"2\"/></svg>",
    )
    .text(Word::MissionBar.text(lang))
    .raw(
        "</li><li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"16\" height=\"14\">\
         <polygon class=\"key-point\" points=\"8,1 14,7 8,13 2,7\"/></svg>",
    )
    .text(Word::DayMilestone.text(lang))
    .raw(
        "</li><li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"28\" height=\"14\">\
         <rect class=\"key-span\" x=\"1\" y=\"2\" width=\"26\" height=\"10\" rx=\"5\"/></svg>",
    )
    .text(Word::SpanMilestone.text(lang))
    .raw(
        "</li><li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"10\" height=\"14\">\
         <line class=\"key-today\" x1=\"5\" x2=\"5\" y1=\"0\" y2=\"14\"/></svg>",
    )
    .text(Word::Today.text(lang))
    .raw("</li>");
    if crowded {
        crowd_key(&mut m, lang);
    }
    plan_keys(&mut m, scene);
    legend_key(&mut m, scene);
    m.raw("</ul></div>")
        .raw(&slip_block(scene))
        .raw("<p class=\"hint\">")
        .text(Word::KeyboardHelp.text(lang))
        .raw("</p></div>");
    m.finish()
}

/// The list wrapper: on screen in the list view, for print only in the
/// timeline view.
pub fn list_wrap(scene: &Scene<'_>, view: View) -> String {
    let mut m = Markup::new();
    m.raw(if view == View::List {
        "<div class=\"list-wrap\">"
    } else {
        "<div class=\"list-wrap print-only\">"
    })
    .raw(&list(scene))
    .raw("</div>");
    m.finish()
}

/// The inside of the explorer (`div.explorer`, whose `data-view` is
/// `frame.view`): everything a loaded roadmap shows.
pub fn explorer(scene: &Scene<'_>, frame: &Frame) -> String {
    let chart = (frame.view == View::Timeline).then(|| Chart::new(scene, frame.rows_width));
    let rows = chart
        .as_ref()
        .map(|chart| chart.rows(chart.visible_rows(frame.scroll_top, frame.rows_height)));
    let timeline = chart.as_ref().zip(rows.as_deref());
    explorer_of(scene, frame, timeline)
}

/// [`explorer`] with its timeline already laid out and its visible rows
/// written (`timeline`, for the timeline view: the chart and
/// [`Chart::rows`]), for a caller that keeps using both.
pub fn explorer_of(
    scene: &Scene<'_>,
    frame: &Frame,
    timeline: Option<(&Chart<'_, '_>, &str)>,
) -> String {
    let known = KnownFacts::of(scene.roadmap, scene.today);
    let mut m = Markup::new();
    m.raw(&head_knowing(scene, frame.view, &known));
    if let Some((chart, rows)) = timeline.filter(|_| frame.view == View::Timeline) {
        m.raw(&section_with(chart, rows));
    }
    if let Some(key) = scene.selected {
        m.raw(&detail(scene, key));
    }
    if frame.view == View::Timeline {
        let crowded = timeline.is_some_and(|(_, rows)| rows.contains(CROWD_CLASS));
        m.raw(&legend_knowing(scene, &known, crowded));
    }
    // The list is the timeline's text alternative; in the timeline view it
    // is only printed, since the screen draws visible rows only.
    if frame.view == View::List || frame.printing {
        m.raw(&list_wrap(scene, frame.view));
    }
    m.finish()
}

/// The whole widget around a body: the theme, the language, and the
/// polite live region when the widget follows its source.
pub fn shell(theme: &str, lang: Language, live: bool) -> String {
    let mut m = Markup::new();
    m.raw("<div class=\"roadmap\"")
        .attr("data-theme", theme)
        .attr("lang", lang.code())
        .raw("><div class=\"body\"></div>");
    if live {
        // Always there, empty until something changes: a region added
        // with its text is not read out everywhere.
        m.raw("<p class=\"live-note\" role=\"status\"></p>");
    }
    m.raw("</div>");
    m.finish()
}
