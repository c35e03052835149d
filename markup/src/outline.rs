//! The complete list of a roadmap for pages that are read without the
//! widget (an exported page, an HTML fragment, print): axes, missions and
//! milestones with their dates as written, status as symbol and word,
//! progress, owner, indicators and sources as links. Nothing in it is a
//! button: it is the timeline's text alternative, in reading order.

use roadmap_core::{ItemRef, Language, Phrase, Roadmap, capitalised};

use crate::describe::{safe_href, status_of};
use crate::list::{facts, open_entry};
use crate::page_words::PageWord;
use crate::plan_text::{LinkForm, plan_facts};
use crate::scene::Scene;
use crate::write::Markup;

/// ` lang="…"` on roadmap text when the page speaks another language.
fn text_lang(m: &mut Markup, scene: &Scene<'_>) {
    if let Some(code) = scene.title_lang() {
        m.attr("lang", code);
    }
}

/// A paragraph of roadmap text, when there is one.
fn paragraph(m: &mut Markup, scene: &Scene<'_>, class: &str, text: Option<&str>) {
    if let Some(text) = text {
        m.raw("<p class=\"").raw(class).raw("\"");
        text_lang(m, scene);
        m.raw(">").text(text).raw("</p>");
    }
}

/// "Sources : title (publisher, date) ; …", each title a link when its
/// address is a web page or an e-mail address.
pub fn sources_line(m: &mut Markup, roadmap: &Roadmap, ids: &[String], lang: Language) {
    let sources: Vec<_> = ids.iter().filter_map(|id| roadmap.source(id)).collect();
    if sources.is_empty() {
        return;
    }
    m.raw("<p class=\"item-sources\">")
        .text(&capitalised(lang.phrase(Phrase::Sources)))
        .text(lang.colon());
    for (n, source) in sources.iter().enumerate() {
        if n > 0 {
            m.text(if lang == Language::Fr { " ; " } else { "; " });
        }
        source_entry(m, source, lang);
    }
    m.raw("</p>");
}

/// A source: its title, a link when its address is a web page or an
/// e-mail address, then who published it and when.
pub fn source_entry(m: &mut Markup, source: &roadmap_core::Source, lang: Language) {
    match source.url.as_deref().and_then(safe_href) {
        Some(href) => {
            m.raw("<a").attr("href", href).raw(">").text(&source.title);
            m.raw("</a>");
        }
        None => {
            m.text(&source.title);
        }
    }
    let about: Vec<String> = source
        .publisher
        .iter()
        .cloned()
        .chain(source.date.map(|date| date.render(lang)))
        .collect();
    if !about.is_empty() {
        m.text(" (").text(&about.join(", ")).text(")");
    }
}

/// A source in plain text, for print: "title (publisher, date) — address".
pub fn source_text(source: &roadmap_core::Source, lang: Language) -> String {
    let mut text = source.title.clone();
    let about: Vec<String> = source
        .publisher
        .iter()
        .cloned()
        .chain(source.date.map(|date| date.render(lang)))
        .collect();
    if !about.is_empty() {
        text.push_str(" (");
        text.push_str(&about.join(", "));
        text.push(')');
    }
    if let Some(url) = source.url.as_deref().and_then(safe_href) {
        text.push_str(" — ");
        text.push_str(url);
    }
    text
}

/// "Taux : départ : 35 % (sept. 2021) → cible : 80 % (2022)".
pub fn indicator_text(indicator: &roadmap_core::Indicator, lang: Language) -> String {
    let steps = indicator.steps_text(lang);
    let mut text = indicator.name.clone();
    if !steps.is_empty() {
        text.push_str(lang.colon());
        text.push_str(&steps);
    }
    if let Some(note) = &indicator.note {
        text.push_str(" — ");
        text.push_str(note);
    }
    text
}

/// The item's health, re-plannings and dependencies, a paragraph each,
/// written as the detail panel writes them, each linked item a link to
/// its place in the page.
fn plan_paragraphs(m: &mut Markup, scene: &Scene<'_>, item: ItemRef<'_>) {
    let Some(key) = scene.roadmap.key_of(item.id()) else {
        return;
    };
    for fact in plan_facts(scene, key, LinkForm::Anchor) {
        m.raw("<div class=\"plan-fact\">")
            .text(&fact.label)
            .text(scene.lang.colon())
            .raw(&fact.markup)
            .raw("</div>");
    }
}

/// One mission with its milestones.
fn mission_item(m: &mut Markup, scene: &Scene<'_>, item: ItemRef<'_>) {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let ItemRef::Mission(axis, mission) = item else {
        return;
    };
    let status = mission.effective_status(today);
    open_entry(m, "mission", status);
    m.raw("<h4 class=\"mission-title\"").attr("id", &mission.id);
    text_lang(m, scene);
    m.raw(">")
        .text(&mission.title)
        .raw("</h4><p class=\"facts\">")
        .text(&facts(scene, item))
        .raw("</p>");
    plan_paragraphs(m, scene, item);
    paragraph(m, scene, "description", mission.description.as_deref());
    if let Some(owner) = &mission.owner {
        m.raw("<p class=\"owner\">")
            .text(&capitalised(lang.phrase(Phrase::Owner)))
            .text(lang.colon())
            .text(owner)
            .raw("</p>");
    }
    if !mission.indicators.is_empty() {
        m.raw("<p class=\"indicators-title\">")
            .text(&capitalised(lang.phrase(Phrase::Indicators)))
            .raw("</p><ul class=\"indicators\">");
        for indicator in &mission.indicators {
            m.raw("<li>")
                .text(&indicator_text(indicator, lang))
                .raw("</li>");
        }
        m.raw("</ul>");
    }
    paragraph(m, scene, "note-text", mission.note.as_deref());
    sources_line(m, roadmap, &mission.sources, lang);
    if !mission.milestones.is_empty() {
        m.raw("<ol class=\"milestones\">");
        for milestone in &mission.milestones {
            let item = ItemRef::Milestone(axis, mission, milestone);
            let status = status_of(item, today).unwrap_or(status);
            open_entry(m, "milestone", status);
            m.raw("<p class=\"milestone-title\"")
                .attr("id", &milestone.id);
            text_lang(m, scene);
            m.raw("><strong>")
                .text(&milestone.title)
                .raw("</strong></p><p class=\"facts\">")
                .text(&facts(scene, item))
                .raw("</p>");
            plan_paragraphs(m, scene, item);
            paragraph(m, scene, "description", milestone.description.as_deref());
            paragraph(m, scene, "note-text", milestone.note.as_deref());
            sources_line(m, roadmap, &milestone.sources, lang);
            m.raw("</div></li>");
        }
        m.raw("</ol>");
    }
    m.raw("</div></li>");
}

/// The list (`section.list.static-list`) under its `h2`.
pub fn outline(scene: &Scene<'_>) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut m = Markup::new();
    m.raw("<section class=\"list static-list\"><h2>")
        .text(PageWord::Contents.text(lang, 0))
        .raw("</h2><ol class=\"axes\">");
    for axis in roadmap.axes() {
        let item = ItemRef::Axis(axis);
        m.raw("<li class=\"axis\"><h3 class=\"axis-title\"")
            .attr("id", &axis.id);
        text_lang(&mut m, scene);
        m.raw(">").text(&axis.title).raw("</h3>");
        let facts = facts(scene, item);
        if !facts.is_empty() {
            m.raw("<p class=\"facts\">").text(&facts).raw("</p>");
        }
        paragraph(&mut m, scene, "description", axis.description.as_deref());
        sources_line(&mut m, roadmap, &axis.sources, lang);
        m.raw("<ol class=\"missions\">");
        for mission in &axis.missions {
            mission_item(&mut m, scene, ItemRef::Mission(axis, mission));
        }
        m.raw("</ol></li>");
    }
    m.raw("</ol></section>");
    m.finish()
}
