//! One slide of a presentation as HTML text, from the core's plan and
//! figures (`roadmap_core::slides`): the same figures the terminal
//! presenter draws. Each slide is a `<section>` region named by its
//! heading (`h2#slide-heading`, which takes the focus when the slide
//! changes); the timeline slide is drawn by the one timeline renderer,
//! [`Chart`]. Speaker notes are never written.

use roadmap_core::slides::{
    AxisSlide, IndicatorLine, MilestoneLine, SlideContent, SummarySlide, TimelineSlide, TitleSlide,
    review_counts,
};
use roadmap_core::{
    Day, Gender, Language, Measurement, Phrase, PlannedSlide, ProgressFigure, Roadmap, SlidePhrase,
    StatusCounts, capitalised, render_range, short_when, slide_content,
};

use crate::list::meter;
use crate::scene::Scene;
use crate::timeline::{Chart, status_class};
use crate::words::{SlidesWord, Word};
use crate::write::Markup;

/// The slides' own stylesheet, loaded only with the slides view, so that a
/// page showing a timeline never pays for it.
pub const SLIDES_STYLE: &str = include_str!("slides.css");

/// The id of the shown slide's heading, which names its region.
pub const HEADING_ID: &str = "slide-heading";

/// Where a slide is drawn: its place in the deck and the room it has.
#[derive(Debug, Clone, Copy)]
pub struct SlideFrame {
    /// The language of the words.
    pub lang: Language,
    /// The day statuses are computed for.
    pub today: Day,
    /// The slide's width in CSS pixels (for the timeline).
    pub width: f64,
}

/// "Diapositive 3 sur 7": the announcement of a change and the footer.
pub fn position(lang: Language, index: usize, count: usize) -> String {
    format!(
        "{} {} {} {count}",
        SlidesWord::Slide.text(lang),
        index + 1,
        SlidesWord::SlideOf.text(lang)
    )
}

/// The view around the slides (`div.slides-view`): the slide's place,
/// filled by [`slide`], and the bar of controls with the slide number,
/// announced politely when it changes. `theme` is the widget's
/// `data-theme` (light or dark). No region of its own: each slide is one,
/// named by its heading.
pub fn view(lang: Language, theme: &str) -> String {
    let mut m = Markup::new();
    m.raw("<div class=\"roadmap slides-view\"")
        .attr("data-theme", theme)
        .attr("lang", lang.code())
        .raw("><div class=\"slide-area\"></div><div class=\"slides-bar\">");
    for (act, word, face) in [
        ("previous", SlidesWord::PreviousSlide, "◀"),
        ("next", SlidesWord::NextSlide, "▶"),
    ] {
        m.raw("<button type=\"button\" class=\"btn\"")
            .attr("data-act", act)
            .attr("aria-label", word.text(lang))
            .raw(">")
            .text(face)
            .raw("</button>");
    }
    m.raw("<button type=\"button\" class=\"btn\" data-act=\"fullscreen\">")
        .text(SlidesWord::FullScreen.text(lang))
        .raw("</button><span class=\"keys\">")
        .text(SlidesWord::SlidesKeys.text(lang))
        .raw("</span><span class=\"typed\" aria-hidden=\"true\"></span>")
        // Updated every second: never read out on its own (aria-live off).
        .raw("<span class=\"slide-auto\" aria-live=\"off\" hidden></span>")
        .raw("<p class=\"slide-position\" aria-live=\"polite\" aria-atomic=\"true\"></p>")
        // In the bar, so that it sits just above it whatever its height.
        .raw("<p class=\"slide-clock\" aria-live=\"off\" hidden></p></div></div>");
    m.finish()
}

/// The auto-advance indication: "Auto-advance · 12 s · p: pause", or
/// that it is paused when `left` is `None`.
pub fn auto_indication(lang: Language, left: Option<u64>) -> String {
    match left {
        Some(seconds) => format!(
            "{} · {seconds} s · {}",
            SlidesWord::AutoAdvance.text(lang),
            SlidesWord::PauseKey.text(lang)
        ),
        None => SlidesWord::AutoPaused.text(lang).to_owned(),
    }
}

/// The clock corner, as the terminal presenter's: the time of day and
/// the time since the slides opened ("14:05 · 4:05 elapsed").
pub fn clock(lang: Language, hour: u32, minute: u32, elapsed_seconds: u64) -> String {
    format!(
        "{hour:02}:{minute:02} · {} {}",
        elapsed(elapsed_seconds),
        SlidesWord::Elapsed.text(lang)
    )
}

/// A time elapsed as both presenters show it: "4:05" under an hour,
/// "1:02:03" from an hour.
pub fn elapsed(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// The slide `index` of `deck` (a plan of `roadmap`) as a `<section>`.
pub fn slide(roadmap: &Roadmap, deck: &[PlannedSlide], index: usize, frame: &SlideFrame) -> String {
    let Some(planned) = deck.get(index) else {
        return String::new();
    };
    let mut m = Markup::new();
    m.raw("<section class=\"slide\"")
        .attr("data-kind", kind_keyword(planned))
        .attr("aria-labelledby", HEADING_ID)
        .raw(">");
    let axis_count = deck.iter().filter(|s| s.number.is_some()).count();
    match slide_content(roadmap, planned, frame.today, frame.lang) {
        Some(SlideContent::Title(title)) => title_slide(&mut m, roadmap, &title, frame.lang),
        Some(SlideContent::Axis(axis)) => {
            axis_slide(&mut m, roadmap, &axis, axis_count, frame.lang);
        }
        Some(SlideContent::Timeline(timeline)) => {
            timeline_slide(&mut m, roadmap, planned, timeline, frame);
        }
        Some(SlideContent::Summary(summary)) => {
            summary_slide(&mut m, roadmap, planned, &summary, frame.lang);
        }
        // The slide of changes needs two editions: only its heading.
        None => heading(&mut m, roadmap, frame.lang, &planned.heading, None),
    }
    m.raw("</section>");
    m.finish()
}

/// The kind's keyword (`data-kind`): title, axis, timeline, summary, since.
fn kind_keyword(planned: &PlannedSlide) -> &'static str {
    match planned.kind {
        roadmap_core::SlideKind::Title => "title",
        roadmap_core::SlideKind::Axis => "axis",
        roadmap_core::SlideKind::Timeline => "timeline",
        roadmap_core::SlideKind::Summary => "summary",
        roadmap_core::SlideKind::Since => "since",
    }
}

/// The slide's heading, in the roadmap's language when it is not the
/// interface's, and a headline figure beside it.
fn heading(m: &mut Markup, roadmap: &Roadmap, lang: Language, text: &str, figure: Option<&str>) {
    m.raw("<header class=\"slide-head\"><h2")
        .attr("id", HEADING_ID)
        .raw(" tabindex=\"-1\"");
    title_lang(m, roadmap, lang);
    m.raw(">").text(text).raw("</h2>");
    if let Some(figure) = figure {
        m.raw("<p class=\"headline\">").text(figure).raw("</p>");
    }
    m.raw("</header>");
}

fn title_lang(m: &mut Markup, roadmap: &Roadmap, lang: Language) {
    if roadmap.language() != lang {
        m.attr("lang", roadmap.language().code());
    }
}

/// A figure as the headline shows it: "40 %", "3/7", else "inconnu".
fn headline(progress: ProgressFigure, lang: Language) -> String {
    match progress {
        ProgressFigure::Unknown => progress.text(lang),
        figure => figure.short(lang),
    }
}

fn title_slide(m: &mut Markup, roadmap: &Roadmap, slide: &TitleSlide, lang: Language) {
    m.raw("<div class=\"title-slide\"><h2")
        .attr("id", HEADING_ID)
        .raw(" tabindex=\"-1\"");
    title_lang(m, roadmap, lang);
    m.raw(">")
        .text(&slide.title)
        .raw("</h2><p class=\"organisation\">")
        .text(&slide.organisation)
        .raw("</p><p class=\"period\">")
        .text(&render_range(
            Some(slide.period.start),
            Some(slide.period.end),
            lang,
        ))
        .raw("</p><p class=\"overall\"><span class=\"figure\">")
        .text(&headline(slide.overall, lang))
        .raw("</span> <span class=\"label\">")
        .text(&capitalised(lang.phrase(Phrase::Overall)));
    // Under counts ("0/14"), the label says what is counted.
    if matches!(slide.overall, ProgressFigure::Counts { .. }) {
        m.text(lang.colon()).text(&slide.overall.text(lang));
    }
    m.raw("</span></p><ul class=\"counts\">");
    counts_line(m, Word::Missions, &slide.missions, Gender::Feminine, lang);
    counts_line(
        m,
        Word::Milestones,
        &slide.milestones,
        Gender::Masculine,
        lang,
    );
    m.raw("</ul><ul class=\"known\">");
    for line in &slide.known {
        m.raw("<li>").text(line).raw("</li>");
    }
    m.raw("</ul></div>");
}

/// "Missions : ✔ 3 terminées · ◐ 5 en cours", status by symbol and word.
fn counts_line(m: &mut Markup, word: Word, counts: &StatusCounts, gender: Gender, lang: Language) {
    m.raw("<li>").text(word.text(lang)).text(lang.colon());
    for (index, (status, count)) in counts.nonzero().enumerate() {
        if index > 0 {
            m.raw(" · ");
        }
        m.raw("<span class=\"");
        status_class(m, status);
        m.raw("\">")
            .symbol(status.symbol())
            .raw(" ")
            .int(count)
            .raw(" ")
            .text(&status.counted(lang, count, gender))
            .raw("</span>");
    }
    m.raw("</li>");
}

fn axis_slide(m: &mut Markup, roadmap: &Roadmap, slide: &AxisSlide, axes: usize, lang: Language) {
    let title = format!("{}/{axes} · {}", slide.number, slide.title);
    heading(
        m,
        roadmap,
        lang,
        &title,
        Some(&headline(slide.progress, lang)),
    );
    m.raw("<div class=\"columns\"><div class=\"column\"><h3>")
        .text(Word::Missions.text(lang))
        .raw("</h3><ul class=\"gauges\">");
    for mission in &slide.missions {
        m.raw("<li class=\"");
        status_class(m, mission.status);
        m.raw("\"><span class=\"gauge-label\"><span class=\"mark\" aria-hidden=\"true\">")
            .symbol(mission.status.symbol());
        if mission.stale {
            m.symbol(roadmap_core::STALE_SYMBOL);
        }
        m.raw("</span> ")
            .text(&mission.title)
            .raw("<span class=\"visually-hidden\"> — ")
            .text(mission.status.label(lang))
            .raw("</span></span>");
        gauge(m, mission.progress, lang);
        m.raw("</li>");
    }
    m.raw("</ul></div><div class=\"column\">");
    milestones(
        m,
        SlidePhrase::NextMilestones,
        Some(SlidePhrase::NoNextMilestone),
        &slide.next,
        lang,
    );
    milestones(
        m,
        SlidePhrase::LateMilestones,
        Some(SlidePhrase::NoLateMilestone),
        &slide.late,
        lang,
    );
    if !slide.indicators.is_empty() {
        m.raw("<h3>")
            .text(&capitalised(lang.phrase(Phrase::Indicators)))
            .raw("</h3><ul class=\"indicators\">");
        for indicator in &slide.indicators {
            indicator_item(m, indicator, lang);
        }
        m.raw("</ul>");
    }
    if !slide.delivered.is_empty() {
        milestones(
            m,
            SlidePhrase::DeliveredMilestones,
            None,
            &slide.delivered,
            lang,
        );
    }
    m.raw("</div></div>");
}

/// A progress meter and its figure in words.
fn gauge(m: &mut Markup, progress: ProgressFigure, lang: Language) {
    m.raw("<span class=\"gauge\">");
    if let Some(percent) = progress.percent() {
        meter(m, percent);
    }
    m.raw("<span class=\"gauge-figure\">")
        .text(&progress.text(lang))
        .raw("</span></span>");
}

/// A titled list of milestones, or what is said when it is empty.
fn milestones(
    m: &mut Markup,
    title: SlidePhrase,
    empty: Option<SlidePhrase>,
    list: &[MilestoneLine],
    lang: Language,
) {
    m.raw("<h3>").text(title.text(lang)).raw("</h3>");
    if list.is_empty() {
        if let Some(empty) = empty {
            m.raw("<p class=\"empty\">")
                .text(empty.text(lang))
                .raw("</p>");
        }
        return;
    }
    m.raw("<ul class=\"milestones\">");
    for milestone in list {
        m.raw("<li><span class=\"");
        status_class(m, milestone.status);
        m.raw("\"><span aria-hidden=\"true\">")
            .symbol(milestone.status.symbol())
            .raw("</span> ")
            .text(&short_when(milestone.date, milestone.done_on, lang))
            .raw("<span class=\"visually-hidden\"> — ")
            .text(milestone.status.label(lang))
            .raw("</span></span> ")
            .text(&milestone.title)
            .raw("</li>");
    }
    m.raw("</ul>");
}

/// "• name  actuel 43 → cible 100".
fn indicator_item(m: &mut Markup, indicator: &IndicatorLine, lang: Language) {
    let value = |measure: &Option<Measurement>| {
        measure.as_ref().map_or_else(
            || ProgressFigure::Unknown.text(lang),
            |measure| measure.value_text(lang, &indicator.unit),
        )
    };
    m.raw("<li>")
        .text(&indicator.name)
        .raw(" <span class=\"values\">")
        .text(lang.phrase(Phrase::Current))
        .raw(" ")
        .text(&value(&indicator.current))
        .raw(" → ")
        .text(lang.phrase(Phrase::Target))
        .raw(" ")
        .text(&value(&indicator.target))
        .raw("</span></li>");
}

fn timeline_slide(
    m: &mut Markup,
    roadmap: &Roadmap,
    planned: &PlannedSlide,
    slide: TimelineSlide,
    frame: &SlideFrame,
) {
    heading(m, roadmap, frame.lang, &planned.heading, None);
    let scene = Scene {
        roadmap,
        lang: frame.lang,
        today: frame.today,
        window: slide.window,
        selected: None,
        since: None,
    };
    // Nothing to open on a slide: the items are no buttons, and each
    // milestone names itself by its `<title>`.
    let chart = Chart::new(&scene, frame.width.max(320.0)).still();
    let period = scene.period();
    m.raw("<p class=\"period\">")
        .text(&period)
        .raw("</p><div class=\"chart\">")
        .raw(&chart.ticks())
        .raw("<div class=\"scroller\">")
        .raw(&chart.rows_svg(0..chart.layout.rows.len(), &period))
        .raw("</div></div>");
}

fn summary_slide(
    m: &mut Markup,
    roadmap: &Roadmap,
    planned: &PlannedSlide,
    slide: &SummarySlide,
    lang: Language,
) {
    heading(m, roadmap, lang, &planned.heading, None);
    m.raw("<div class=\"columns\"><div class=\"column\"><h3>")
        .text(SlidePhrase::ProgressByAxis.text(lang))
        .raw("</h3><ul class=\"gauges\">");
    for (label, progress) in &slide.axes {
        m.raw("<li><span class=\"gauge-label\">")
            .text(label)
            .raw("</span>");
        gauge(m, *progress, lang);
        m.raw("</li>");
    }
    // The reviews and the slips beside the axes, which take the height.
    m.raw("</ul></div><div class=\"column\"><h3>")
        .text(&capitalised(lang.phrase(Phrase::Reviews)))
        .raw("</h3><ul class=\"reviews\">");
    for review in &slide.reviews {
        m.raw("<li><span class=\"date\">")
            .text(&review.date.render(lang))
            .raw("</span> ")
            .text(&review.title);
        if let Some(counts) = review_counts(review, lang) {
            m.raw(" <span class=\"s-done\">")
                .text(&counts)
                .raw("</span>");
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
    let counted = slide.counted();
    if counted.len() < 2 {
        m.raw("<p class=\"empty\">")
            .text(SlidePhrase::FewReviews.text(lang))
            .raw("</p>");
    } else {
        review_bars(m, &counted, lang);
    }
    m.raw("<h3>")
        .text(SlidePhrase::PlannedVsActual.text(lang))
        .raw("</h3><ul class=\"slip\">");
    for line in slide.slip.overall_lines() {
        m.raw("<li>").text(line).raw("</li>");
    }
    for (label, figure) in &slide.slip.axes {
        m.raw("<li>")
            .text(label)
            .raw(" — ")
            .text(figure)
            .raw("</li>");
    }
    m.raw("</ul></div></div>");
}

/// The done share of each counted review as a bar, its date under it;
/// decoration beside the list, which says every figure in words.
fn review_bars(m: &mut Markup, counted: &[(roadmap_core::FuzzyDate, f64)], lang: Language) {
    m.raw("<ol class=\"review-bars\" aria-hidden=\"true\">");
    for (date, percent) in counted {
        m.raw("<li><svg class=\"bar\" viewBox=\"0 0 1 100\" preserveAspectRatio=\"none\"><rect class=\"meter-fill\" width=\"1\" y=\"")
            .int(100 - percent.clamp(0.0, 100.0).round() as usize)
            .raw("\" height=\"")
            .int(percent.clamp(0.0, 100.0).round() as usize)
            .raw("\"/></svg><span>")
            .text(&lang.percent(*percent))
            .raw("</span><span>")
            .text(&date.render(lang))
            .raw("</span></li>");
    }
    m.raw("</ol>");
}
