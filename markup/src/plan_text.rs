//! Plan against reality in words, for the detail panel and the exported
//! list alike: a mission's latest health with its date and history, a
//! milestone's sourced re-plannings, what an item depends on and what
//! needs it (⚠ when late), and the average slips of the legend. The words
//! are core's (`Slip`, `Revision`, `HealthReading`, `SlipSummary`); this
//! module only writes them as markup.

use roadmap_core::{HealthReading, ItemKey, ItemRef, Link, Phrase, Revision, capitalised};

use crate::outline::source_entry;
use crate::plan::LATE_MARK;
use crate::scene::{Scene, item_id};
use crate::words::Word;
use crate::write::Markup;

/// How a linked item is written: a button that opens it (the widget), or
/// a link to its place in the page (an exported list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkForm {
    /// `button.link-btn[data-open]`.
    Open,
    /// `a[href="#id"]`.
    Anchor,
}

/// One fact: its label and its value as markup.
pub struct PlanFact {
    /// "Météo", "Dépend de"…
    pub label: String,
    /// The value, written by this crate.
    pub markup: String,
}

/// The plan-against-reality facts of `key`, in reading order: health,
/// re-plannings, depends on, needed by. Empty for an item with none.
pub fn plan_facts(scene: &Scene<'_>, key: ItemKey, form: LinkForm) -> Vec<PlanFact> {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut facts = Vec::new();
    match roadmap.get(key) {
        Some(ItemRef::Mission(_, mission)) if !mission.health.is_empty() => {
            facts.push(PlanFact {
                label: Word::Health.text(lang).to_owned(),
                markup: health(scene, &mission.health),
            });
        }
        Some(ItemRef::Milestone(_, _, milestone)) if !milestone.revised.is_empty() => {
            facts.push(PlanFact {
                label: capitalised(lang.phrase(Phrase::Replanned)),
                markup: revisions(scene, &milestone.revised),
            });
        }
        _ => {}
    }
    for (phrase, late_words, links) in [
        (
            Phrase::DependsOn,
            Phrase::EndsAfterThisStarts,
            roadmap.depends_on(key),
        ),
        (
            Phrase::NeededBy,
            Phrase::StartsBeforeThisEnds,
            roadmap.needed_by(key),
        ),
    ] {
        if !links.is_empty() {
            facts.push(PlanFact {
                label: capitalised(lang.phrase(phrase)),
                markup: links_list(scene, &links, late_words, form),
            });
        }
    }
    facts
}

/// "☂ orageux (juin 2021) — Source · historique : ☀☁☂", the strip named
/// in words for assistive technologies.
fn health(scene: &Scene<'_>, readings: &[HealthReading]) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut m = Markup::new();
    let Some(latest) = readings.last() else {
        return String::new();
    };
    m.raw("<span class=\"health h-")
        .raw(latest.value.keyword())
        .raw("\">")
        .text(&latest.text(lang))
        .raw("</span>");
    if let Some(source) = roadmap.source(&latest.source) {
        m.text(" — ");
        source_entry(&mut m, source, lang);
    }
    if readings.len() > 1 {
        let said: Vec<String> = readings
            .iter()
            .map(|r| format!("{} ({})", r.value.label(lang), r.on.render(lang)))
            .collect();
        m.text(" · ")
            .text(Word::HealthHistory.text(lang))
            .text(lang.colon())
            .raw("<span class=\"health-strip\" role=\"img\"")
            .attr("aria-label", &said.join(", "))
            .raw(">")
            .text(&roadmap_core::health::strip(readings))
            .raw("</span>");
    }
    m.finish()
}

/// Each re-planning, oldest first: "T3 2020, annoncé le 10 février 2020
/// — Source".
fn revisions(scene: &Scene<'_>, revisions: &[Revision]) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut m = Markup::new();
    m.raw("<ul class=\"revisions\">");
    for revision in revisions {
        m.raw("<li>").text(&revision.text(lang));
        match roadmap.source(&revision.source) {
            Some(source) => {
                m.text(" — ");
                source_entry(&mut m, source, lang);
            }
            None => {
                m.text(" — ").text(&revision.source);
            }
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
    m.finish()
}

/// The linked items, each openable, "⚠ finit après le début de celui-ci"
/// after a late one.
fn links_list(scene: &Scene<'_>, links: &[Link], late_words: Phrase, form: LinkForm) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let mut m = Markup::new();
    m.raw("<ul class=\"inline links\">");
    for link in links {
        let Some(item) = roadmap.get(link.key) else {
            continue;
        };
        let id = item_id(roadmap, link.key).unwrap_or_default();
        m.raw(if link.late {
            "<li class=\"late\">"
        } else {
            "<li>"
        });
        match form {
            LinkForm::Open => {
                m.raw("<button type=\"button\" class=\"link-btn\"")
                    .attr("data-open", &id);
                if let Some(code) = scene.title_lang() {
                    m.attr("lang", code);
                }
                m.raw(">").text(item.title()).raw("</button>");
            }
            LinkForm::Anchor => {
                let mut href = String::from("#");
                href.push_str(&id);
                m.raw("<a").attr("href", &href);
                if let Some(code) = scene.title_lang() {
                    m.attr("lang", code);
                }
                m.raw(">").text(item.title()).raw("</a>");
            }
        }
        if link.late {
            m.raw(" <span class=\"late-link\">")
                .symbol(LATE_MARK)
                .text(" ")
                .text(lang.phrase(late_words))
                .raw("</span>");
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
    m.finish()
}

/// The average slips (`div.slips`): overall with how many milestones it
/// rests on, then each axis with a measured one; empty when no milestone
/// has both a plan and a delivery or re-planning to compare.
pub fn slip_block(scene: &Scene<'_>) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let summary = roadmap.slip_summary();
    if summary.measured == 0 {
        return String::new();
    }
    let mut m = Markup::new();
    m.raw("<div class=\"slips\"><p class=\"legend-title\">")
        .text(Word::PlannedVsActual.text(lang))
        .raw("</p><p>")
        .text(&capitalised(&summary.text(lang)));
    if let Some(rest) = summary.not_measured_text(lang) {
        m.text(" · ").text(&rest);
    }
    m.raw("</p><ul>");
    for (a, axis) in roadmap.axes().iter().enumerate() {
        let Some(figure) = axis.slip_summary().short_text(lang) else {
            continue;
        };
        m.raw("<li><span");
        if let Some(code) = scene.title_lang() {
            m.attr("lang", code);
        }
        m.raw(">")
            .text(&format!("{}. {}", a + 1, axis.title))
            .raw("</span>")
            .text(" — ")
            .text(&figure)
            .raw("</li>");
    }
    m.raw("</ul></div>");
    m.finish()
}
