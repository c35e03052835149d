//! The list: axes, then their missions, then their milestones, as nested
//! ordered lists drawn as a stepper. It shows every item, dated or not, in
//! words: the narrow-screen view, and the timeline's text alternative
//! (printed after it).

use roadmap_core::{ItemKey, ItemRef, Phrase, Status, clamped};

use crate::describe::{counts_text, dates_text, progress_of, status_words};
use crate::scene::Scene;
use crate::since::list_mark;
use crate::timeline::status_class;
use crate::words::Word;
use crate::write::Markup;

/// The progress meter: an SVG bar whose fill is sized by a geometry
/// attribute, never a `style` attribute, which a host page's
/// Content-Security-Policy `style-src` without 'unsafe-inline' blocks.
/// Decoration only: the percentage is always said in words next to it.
pub fn meter(m: &mut Markup, percent: f64) {
    m.raw(
        "<svg class=\"meter\" aria-hidden=\"true\" viewBox=\"0 0 100 1\" \
         preserveAspectRatio=\"none\"><rect class=\"meter-fill\" width=\"",
    )
    .int(clamped(percent, 0.0, 100.0).round() as usize)
    .raw("\" height=\"1\"/></svg>");
}

/// An item's facts in a line, in the list and in exported pages: "◐ en
/// cours (mars 2023) · T1 2023 → fin 2024 · avancement 40 %".
pub fn facts(scene: &Scene<'_>, item: ItemRef<'_>) -> String {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let mut parts = Vec::new();
    parts.extend(status_words(roadmap, item, lang, today));
    if !matches!(item, ItemRef::Axis(_)) {
        parts
            .push(dates_text(item, lang).unwrap_or_else(|| lang.phrase(Phrase::NoDate).to_owned()));
    }
    if let Some(progress) = progress_of(item, today) {
        parts.push(format!(
            "{} {}",
            lang.phrase(Phrase::Progress),
            lang.percent(progress)
        ));
    }
    parts.extend(counts_text(item, lang, today));
    parts.join(" · ")
}

/// Opens an entry of the list: `<li class="KIND s-STATUS">`, the status
/// dot, then `<div class="entry">` (the caller closes both).
pub fn open_entry(m: &mut Markup, kind: &str, status: Status) {
    m.raw("<li class=\"").raw(kind).raw(" ");
    status_class(m, status);
    m.raw("\"><span class=\"dot\" aria-hidden=\"true\">")
        .symbol(status.symbol())
        .raw("</span><div class=\"entry\">");
}

/// A title that opens its item: `button.link-btn[data-item]`.
fn open_button(
    m: &mut Markup,
    scene: &Scene<'_>,
    class: &str,
    id: &str,
    key: ItemKey,
    title: &str,
) {
    m.raw("<button type=\"button\" class=\"")
        .raw(class)
        .raw("\"")
        .attr("data-item", id);
    if scene.selected == Some(key) {
        m.raw(" aria-current=\"true\"");
    }
    if let Some(lang) = scene.title_lang() {
        m.attr("lang", lang);
    }
    m.raw(">").text(title).raw("</button>");
    list_mark(m, scene, key);
}

/// The list (`section.list`).
pub fn list(scene: &Scene<'_>) -> String {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let mut m = Markup::new();
    let mut name = String::from(Word::List.text(lang));
    name.push_str(" — ");
    name.push_str(roadmap.title());
    m.raw("<section class=\"list\"")
        .attr("aria-label", &name)
        .raw("><ol class=\"axes\">");
    for (a, axis) in roadmap.axes().iter().enumerate() {
        let axis_key = ItemKey::Axis(a);
        if !scene.shows(axis_key) {
            continue;
        }
        m.raw("<li class=\"axis\"><h3 class=\"axis-title\">");
        open_button(&mut m, scene, "link-btn", &axis.id, axis_key, &axis.title);
        m.raw("</h3><p class=\"facts\">")
            .text(&facts(scene, ItemRef::Axis(axis)))
            .raw("</p><ol class=\"missions\">");
        for (i, mission) in axis.missions.iter().enumerate() {
            let key = ItemKey::Mission(a, i);
            if !scene.shows(key) {
                continue;
            }
            open_entry(&mut m, "mission", mission.effective_status(today));
            open_button(
                &mut m,
                scene,
                "link-btn mission-title",
                &mission.id,
                key,
                &mission.title,
            );
            m.raw("<p class=\"facts\">")
                .text(&facts(scene, ItemRef::Mission(axis, mission)))
                .raw("</p>");
            if let Some(progress) = mission.progress_percent(today) {
                meter(&mut m, progress);
            }
            if !mission.milestones.is_empty() {
                m.raw("<ol class=\"milestones\"")
                    .attr("aria-label", Word::Milestones.text(lang))
                    .raw(">");
                for (s, milestone) in mission.milestones.iter().enumerate() {
                    let key = ItemKey::Milestone(a, i, s);
                    if !scene.shows(key) {
                        continue;
                    }
                    open_entry(&mut m, "milestone", milestone.effective_status(today));
                    open_button(
                        &mut m,
                        scene,
                        "link-btn",
                        &milestone.id,
                        key,
                        &milestone.title,
                    );
                    m.raw("<p class=\"facts\">")
                        .text(&facts(scene, ItemRef::Milestone(axis, mission, milestone)))
                        .raw("</p></div></li>");
                }
                m.raw("</ol>");
            }
            m.raw("</div></li>");
        }
        m.raw("</ol></li>");
    }
    m.raw("</ol></section>");
    m.finish()
}
