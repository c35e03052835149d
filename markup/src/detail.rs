//! The detail panel of one axis, mission or milestone: dates as written,
//! status in words and symbol, progress, owner, budget, dependencies,
//! indicators, children and sources. Only `http(s):` and `mailto:`
//! addresses become links.

use roadmap_core::{Budget, ItemKey, ItemRef, Language, Phrase, Roadmap, capitalised};

use crate::describe::{
    counts_text, dates_text, kind_word, progress_of, safe_href, status_of, status_words,
};
use crate::list::meter;
use crate::plan_text::{LinkForm, plan_facts};
use crate::scene::{Scene, item_id};
use crate::timeline::status_class;
use crate::words::Word;
use crate::write::Markup;

/// Opens the `lang` attribute of roadmap text, when it is needed.
fn title_lang(m: &mut Markup, scene: &Scene<'_>) {
    if let Some(lang) = scene.title_lang() {
        m.attr("lang", lang);
    }
}

/// A button that opens the item `key`: `button.link-btn[data-open]`.
fn open_button(m: &mut Markup, scene: &Scene<'_>, key: ItemKey, title: &str) {
    m.raw("<button type=\"button\" class=\"link-btn\"").attr(
        "data-open",
        &item_id(scene.roadmap, key).unwrap_or_default(),
    );
    title_lang(m, scene);
    m.raw(">").text(title).raw("</button>");
}

/// The detail panel of `key` (`section.detail`); empty when there is no
/// such item.
pub fn detail(scene: &Scene<'_>, key: ItemKey) -> String {
    let (roadmap, lang) = (scene.roadmap, scene.lang);
    let Some(item) = roadmap.get(key) else {
        return String::new();
    };
    let label = |phrase: Phrase| capitalised(lang.phrase(phrase));
    let mut m = Markup::new();
    let mut name = String::from(Word::Detail.text(lang));
    name.push_str(" — ");
    name.push_str(item.title());
    m.raw("<section class=\"detail\"")
        .attr("aria-label", &name)
        .raw("><div class=\"detail-head\"><div><p class=\"kind\">")
        .text(kind_word(key).text(lang));
    // Where the item sits: "Axe · title › Mission · title".
    let trail = match item {
        ItemRef::Mission(axis, _) => vec![axis.title.as_str()],
        ItemRef::Milestone(axis, mission, _) => vec![axis.title.as_str(), mission.title.as_str()],
        _ => Vec::new(),
    };
    if !trail.is_empty() {
        m.raw("<span");
        title_lang(&mut m, scene);
        m.raw(">")
            .text(" · ")
            .text(&trail.join(" › "))
            .raw("</span>");
    }
    m.raw("</p><h3 tabindex=\"-1\" data-focus=\"heading\"");
    title_lang(&mut m, scene);
    m.raw(">")
        .text(item.title())
        .raw("</h3></div><button type=\"button\" class=\"btn close\" data-act=\"close\"")
        .raw(" title=\"")
        .text(Word::Close.text(lang))
        .raw(" (Échap / Esc)\"><span aria-hidden=\"true\">✕ </span>")
        .text(Word::Close.text(lang))
        .raw("</button></div>");
    facts_grid(&mut m, scene, item, key);

    let (description, note, sources) = texts_of(item);
    if let Some(text) = description {
        m.raw("<p class=\"description\"");
        title_lang(&mut m, scene);
        m.raw(">").text(text).raw("</p>");
    }
    if let Some(text) = note {
        m.raw("<p class=\"note-text\"");
        title_lang(&mut m, scene);
        m.raw("><strong>")
            .text(Word::Note.text(lang))
            .text(lang.colon())
            .raw("</strong>")
            .text(text)
            .raw("</p>");
    }
    if let ItemRef::Mission(_, mission) = item
        && !mission.indicators.is_empty()
    {
        m.raw("<h4>")
            .text(&label(Phrase::Indicators))
            .raw("</h4><ul class=\"indicators\">");
        for indicator in &mission.indicators {
            indicator_item(&mut m, indicator, lang);
        }
        m.raw("</ul>");
    }
    children(&mut m, scene, item, key);
    sources_list(&mut m, roadmap, sources, lang);
    if let Some(id) = item_id(roadmap, key) {
        let mut href = String::from("#");
        href.push_str(&id);
        m.raw("<p class=\"permalink\"><a")
            .attr("href", &href)
            .raw(">")
            .text(Word::LinkToItem.text(lang))
            .raw("</a></p>");
    }
    m.raw("</section>");
    m.finish()
}

/// The facts (`dl.facts-grid`): dates (with the slip from the plan),
/// status, progress, owner, budget, tags, then health, re-plannings and
/// dependencies both ways.
fn facts_grid(m: &mut Markup, scene: &Scene<'_>, item: ItemRef<'_>, key: ItemKey) {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let label = |phrase: Phrase| capitalised(lang.phrase(phrase));
    m.raw("<dl class=\"facts-grid\">");
    crate::since::detail_fact(m, scene, key);

    let fact = |m: &mut Markup, term: &str| {
        m.raw("<dt>").text(term).raw("</dt><dd>");
    };
    match dates_text(item, lang) {
        Some(dates) => {
            fact(m, Word::Dates.text(lang));
            m.text(&dates).raw("</dd>");
        }
        None if !matches!(item, ItemRef::Axis(_)) => {
            fact(m, Word::Dates.text(lang));
            m.text(lang.phrase(Phrase::NoDate)).raw("</dd>");
        }
        None => {}
    }
    if let (Some(status), Some(words)) = (
        status_of(item, today),
        status_words(roadmap, item, lang, today),
    ) {
        fact(m, Word::Status.text(lang));
        m.raw("<span class=\"");
        status_class(m, status);
        m.raw("\">").text(&words).raw("</span></dd>");
    }
    if let Some(counts) = counts_text(item, lang, today) {
        fact(m, &label(Phrase::Progress));
        m.text(&counts).raw("</dd>");
    }
    if let Some(progress) = progress_of(item, today) {
        fact(m, &label(Phrase::Progress));
        m.text(&lang.percent(progress));
        meter(m, progress);
        m.raw("</dd>");
    }
    if let ItemRef::Mission(_, mission) = item {
        if let Some(owner) = &mission.owner {
            fact(m, &label(Phrase::Owner));
            m.text(owner).raw("</dd>");
        }
        if let Some(budget) = &mission.budget {
            fact(m, &label(Phrase::Budget));
            m.text(&budget_text(budget, lang)).raw("</dd>");
        }
        if !mission.tags.is_empty() {
            let tags: Vec<&str> = mission
                .tags
                .iter()
                .map(|id| roadmap.tag(id).map_or(id.as_str(), |t| t.label.as_str()))
                .collect();
            fact(m, Word::Tags.text(lang));
            m.text(&tags.join(", ")).raw("</dd>");
        }
    }
    for fact in plan_facts(scene, key, LinkForm::Open) {
        m.raw("<dt>")
            .text(&fact.label)
            .raw("</dt><dd>")
            .raw(&fact.markup)
            .raw("</dd>");
    }
    m.raw("</dl>");
}

/// Description, note and source ids of an item.
fn texts_of(item: ItemRef<'_>) -> (Option<&str>, Option<&str>, &[String]) {
    match item {
        ItemRef::Axis(axis) => (axis.description.as_deref(), None, &axis.sources),
        ItemRef::Mission(_, mission) => (
            mission.description.as_deref(),
            mission.note.as_deref(),
            &mission.sources,
        ),
        ItemRef::Milestone(_, _, milestone) => (
            milestone.description.as_deref(),
            milestone.note.as_deref(),
            &milestone.sources,
        ),
        ItemRef::Indicator(_, _, indicator) => {
            (None, indicator.note.as_deref(), &indicator.sources)
        }
        ItemRef::Review(review) => (None, review.note.as_deref(), &review.sources),
    }
}

/// An axis's missions or a mission's milestones, each a button.
fn children(m: &mut Markup, scene: &Scene<'_>, item: ItemRef<'_>, key: ItemKey) {
    let (roadmap, lang, today) = (scene.roadmap, scene.lang, scene.today);
    let keys: Vec<ItemKey> = match (item, key) {
        (ItemRef::Axis(axis), ItemKey::Axis(a)) => (0..axis.missions.len())
            .map(|i| ItemKey::Mission(a, i))
            .collect(),
        (ItemRef::Mission(_, mission), ItemKey::Mission(a, i)) => (0..mission.milestones.len())
            .map(|s| ItemKey::Milestone(a, i, s))
            .collect(),
        _ => return,
    };
    if keys.is_empty() {
        return;
    }
    let heading = if matches!(key, ItemKey::Axis(_)) {
        Word::Missions
    } else {
        Word::Milestones
    };
    m.raw("<h4>")
        .text(heading.text(lang))
        .raw("</h4><ul class=\"children\">");
    for child in keys {
        let Some(item) = roadmap.get(child) else {
            continue;
        };
        let when = dates_text(item, lang).unwrap_or_else(|| lang.phrase(Phrase::NoDate).to_owned());
        let facts = status_words(roadmap, item, lang, today)
            .map_or_else(|| when.clone(), |words| format!("{words} · {when}"));
        match status_of(item, today) {
            Some(status) => {
                m.raw("<li class=\"");
                status_class(m, status);
                m.raw("\">");
            }
            None => {
                m.raw("<li>");
            }
        }
        open_button(m, scene, child, item.title());
        m.raw("<span class=\"facts\">")
            .text(" — ")
            .text(&facts)
            .raw("</span></li>");
    }
    m.raw("</ul>");
}

/// "≈ 10 M€ (note)".
fn budget_text(budget: &Budget, lang: Language) -> String {
    let mut text = lang.money(budget.amount, &budget.currency);
    if budget.approximate {
        text.insert_str(0, "≈ ");
    }
    if let Some(note) = &budget.note {
        text.push_str(" (");
        text.push_str(note);
        text.push(')');
    }
    text
}

/// "départ : 35 % (sept. 2021) → actuel : 50 % → cible : 80 % (2022)".
fn indicator_item(m: &mut Markup, indicator: &roadmap_core::Indicator, lang: Language) {
    // The qualifier ("au moins 43"), the date and the note, as core words them.
    let steps = indicator.steps_text(lang);
    m.raw("<li><strong>").text(&indicator.name).raw("</strong>");
    if !steps.is_empty() {
        m.text(lang.colon()).text(&steps);
    }
    if let Some(note) = &indicator.note {
        m.raw("<span class=\"facts\">")
            .text(" — ")
            .text(note)
            .raw("</span>");
    }
    m.raw("</li>");
}

/// The cited sources; a title is a link only for web and mail addresses.
fn sources_list(m: &mut Markup, roadmap: &Roadmap, ids: &[String], lang: Language) {
    if ids.is_empty() {
        return;
    }
    m.raw("<h4>")
        .text(&capitalised(lang.phrase(Phrase::Sources)))
        .raw("</h4><ul class=\"sources\">");
    for source in ids.iter().filter_map(|id| roadmap.source(id)) {
        // Who, then what (a link to the official address), then when.
        m.raw("<li>");
        if let Some(publisher) = &source.publisher {
            m.raw("<span class=\"facts\">")
                .text(publisher)
                .text(" — ")
                .raw("</span>");
        }
        match source.url.as_deref().and_then(safe_href) {
            Some(href) => {
                m.raw("<a")
                    .attr("href", href)
                    .raw(" target=\"_blank\" rel=\"noopener noreferrer\">")
                    .text(&source.title)
                    .raw("<span class=\"visually-hidden\"> (")
                    .text(Word::NewWindow.text(lang))
                    .raw(")</span></a>");
            }
            None => {
                m.raw("<span class=\"source-title\">")
                    .text(&source.title)
                    .raw("</span>");
            }
        }
        if let Some(date) = source.date {
            m.raw("<span class=\"facts\">")
                .text(" — ")
                .text(&date.render(lang))
                .raw("</span>");
        }
        if let Some(note) = &source.note {
            m.raw("<span class=\"source-note\">")
                .text(note)
                .raw("</span>");
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
}
