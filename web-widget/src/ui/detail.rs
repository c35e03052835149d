//! The detail panel of one axis, mission or milestone: dates as written,
//! status in words and symbol, progress, owner, budget, dependencies,
//! indicators, children and sources. Every text is inserted as text; only
//! `http(s):` and `mailto:` addresses become links.

use roadmap_core::{
    Budget, Day, Indicator, ItemKey, ItemRef, Language, Measurement, Phrase, Roadmap,
};
use yew::{
    Callback, Html, NodeRef, Properties, UseReducerDispatcher, classes, function_component, html,
};

use crate::describe::{
    counts_text, dates_text, kind_word, progress_of, safe_href, status_of, status_words,
};
use roadmap_core::capitalised;

use crate::items::item_id;
use crate::ui::meter::meter;
use crate::viewer::{Msg, SharedRoadmap, Viewer};
use crate::words::Word;

/// What the detail panel is given.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DetailProps {
    /// The roadmap.
    pub roadmap: SharedRoadmap,
    /// The item shown.
    pub item: ItemKey,
    /// The interface language.
    pub lang: Language,
    /// The day statuses are computed for.
    pub today: Day,
    /// Where messages go.
    pub dispatcher: UseReducerDispatcher<Viewer>,
    /// The heading, which takes focus when the panel opens.
    pub heading: NodeRef,
}

/// The detail panel.
#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let DetailProps {
        roadmap,
        item: key,
        lang,
        today,
        dispatcher,
        heading,
    } = props;
    let (key, lang, today) = (*key, *lang, *today);
    let Some(item) = roadmap.get(key) else {
        return Html::default();
    };
    let open = |key: ItemKey| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::Select(key)))
    };
    let close = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::Close))
    };
    let label = |phrase: Phrase| capitalised(lang.phrase(phrase));
    let title_lang = (roadmap.language() != lang).then(|| roadmap.language().code());

    // Where the item sits: "Axe · title › Mission · title".
    let trail = match item {
        ItemRef::Mission(axis, _) => vec![axis.title.clone()],
        ItemRef::Milestone(axis, mission, _) => vec![axis.title.clone(), mission.title.clone()],
        _ => Vec::new(),
    };

    let mut facts: Vec<(String, Html)> = Vec::new();
    if let Some(dates) = dates_text(item, lang) {
        facts.push((Word::Dates.text(lang).to_owned(), html! { { dates } }));
    } else if !matches!(item, ItemRef::Axis(_)) {
        facts.push((
            Word::Dates.text(lang).to_owned(),
            html! { { lang.phrase(Phrase::NoDate) } },
        ));
    }
    if let (Some(status), Some(words)) = (
        status_of(item, today),
        status_words(roadmap, item, lang, today),
    ) {
        facts.push((
            Word::Status.text(lang).to_owned(),
            html! { <span class={format!("s-{}", status.keyword())}>{ words }</span> },
        ));
    }
    if let Some(counts) = counts_text(item, lang, today) {
        facts.push((label(Phrase::Progress), html! { { counts } }));
    }
    if let Some(progress) = progress_of(item, today) {
        facts.push((
            label(Phrase::Progress),
            html! {
                <>
                    { lang.percent(progress) }
                    { meter(progress) }
                </>
            },
        ));
    }
    if let ItemRef::Mission(_, mission) = item {
        if let Some(owner) = &mission.owner {
            facts.push((label(Phrase::Owner), html! { { owner.clone() } }));
        }
        if let Some(budget) = &mission.budget {
            facts.push((
                label(Phrase::Budget),
                html! { { budget_text(budget, lang) } },
            ));
        }
        if !mission.tags.is_empty() {
            let tags: Vec<String> = mission
                .tags
                .iter()
                .map(|id| {
                    roadmap
                        .tag(id)
                        .map_or_else(|| id.clone(), |t| t.label.clone())
                })
                .collect();
            facts.push((
                Word::Tags.text(lang).to_owned(),
                html! { { tags.join(", ") } },
            ));
        }
    }
    let depends_on: &[String] = match item {
        ItemRef::Mission(_, mission) => &mission.depends_on,
        ItemRef::Milestone(_, _, milestone) => &milestone.depends_on,
        _ => &[],
    };
    if !depends_on.is_empty() {
        let links = depends_on.iter().filter_map(|id| {
            let key = roadmap.key_of(id)?;
            let title = roadmap.get(key)?.title().to_owned();
            Some(html! {
                <li><button type="button" class="link-btn" onclick={open(key)} lang={title_lang}>{ title }</button></li>
            })
        });
        facts.push((
            label(Phrase::DependsOn),
            html! { <ul class="inline">{ for links }</ul> },
        ));
    }

    let (description, note, sources) = texts_of(item);
    let children = children_of(roadmap, item, key, lang, today, &open);
    let indicators = match item {
        ItemRef::Mission(_, mission) if !mission.indicators.is_empty() => {
            let rows = mission
                .indicators
                .iter()
                .map(|indicator| indicator_view(indicator, lang));
            html! {
                <>
                    <h4>{ label(Phrase::Indicators) }</h4>
                    <ul class="indicators">{ for rows }</ul>
                </>
            }
        }
        _ => Html::default(),
    };
    let sources = sources_view(roadmap, sources, lang);
    let id = item_id(roadmap, key).unwrap_or_default();

    html! {
        <section class="detail" aria-label={format!("{} — {}", Word::Detail.text(lang), item.title())}>
            <div class="detail-head">
                <div>
                    <p class="kind">
                        { kind_word(key).text(lang) }
                        if !trail.is_empty() {
                            <span lang={title_lang}>{ format!(" · {}", trail.join(" › ")) }</span>
                        }
                    </p>
                    <h3 ref={heading.clone()} tabindex="-1" lang={title_lang}>{ item.title().to_owned() }</h3>
                </div>
                <button type="button" class="btn close" onclick={close}
                    title={format!("{} (Échap / Esc)", Word::Close.text(lang))}>
                    <span aria-hidden="true">{ "✕ " }</span>{ Word::Close.text(lang) }
                </button>
            </div>
            <dl class="facts-grid">
                { for facts.into_iter().map(|(term, value)| html! {
                    <><dt>{ term }</dt><dd>{ value }</dd></>
                }) }
            </dl>
            if let Some(text) = description {
                <p class="description" lang={title_lang}>{ text.to_owned() }</p>
            }
            if let Some(text) = note {
                <p class="note-text" lang={title_lang}>
                    <strong>{ format!("{}{}", Word::Note.text(lang), lang.colon()) }</strong>{ text.to_owned() }
                </p>
            }
            { indicators }
            { children }
            { sources }
            if !id.is_empty() {
                <p class="permalink"><a href={format!("#{id}")}>{ Word::LinkToItem.text(lang) }</a></p>
            }
        </section>
    }
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
fn children_of(
    roadmap: &Roadmap,
    item: ItemRef<'_>,
    key: ItemKey,
    lang: Language,
    today: Day,
    open: &dyn Fn(ItemKey) -> Callback<yew::MouseEvent>,
) -> Html {
    let keys: Vec<ItemKey> = match (item, key) {
        (ItemRef::Axis(axis), ItemKey::Axis(a)) => (0..axis.missions.len())
            .map(|m| ItemKey::Mission(a, m))
            .collect(),
        (ItemRef::Mission(_, mission), ItemKey::Mission(a, m)) => (0..mission.milestones.len())
            .map(|s| ItemKey::Milestone(a, m, s))
            .collect(),
        _ => return Html::default(),
    };
    if keys.is_empty() {
        return Html::default();
    }
    let heading = if matches!(key, ItemKey::Axis(_)) {
        Word::Missions
    } else {
        Word::Milestones
    };
    let title_lang = (roadmap.language() != lang).then(|| roadmap.language().code());
    let rows = keys.into_iter().filter_map(|child| {
        let item = roadmap.get(child)?;
        let status = status_of(item, today);
        let when = dates_text(item, lang).unwrap_or_else(|| lang.phrase(Phrase::NoDate).to_owned());
        let facts = status_words(roadmap, item, lang, today)
            .map_or(when.clone(), |words| format!("{words} · {when}"));
        Some(html! {
            <li class={classes!(status.map(|s| format!("s-{}", s.keyword())))}>
                <button type="button" class="link-btn" onclick={open(child)} lang={title_lang}>
                    { item.title().to_owned() }
                </button>
                <span class="facts">{ format!(" — {facts}") }</span>
            </li>
        })
    });
    html! {
        <>
            <h4>{ heading.text(lang) }</h4>
            <ul class="children">{ for rows }</ul>
        </>
    }
}

/// "≈ 10 M€ (note)".
fn budget_text(budget: &Budget, lang: Language) -> String {
    let mut text = lang.money(budget.amount, &budget.currency);
    if budget.approximate {
        text = format!("≈ {text}");
    }
    if let Some(note) = &budget.note {
        text = format!("{text} ({note})");
    }
    text
}

/// "départ : 35 % (sept. 2021) → actuel : 50 % → cible : 80 % (2022)".
fn indicator_view(indicator: &Indicator, lang: Language) -> Html {
    // The qualifier ("au moins 43"), the date and the note, as core words them.
    let value = |m: &Measurement| m.text(lang, &indicator.unit);
    let steps: Vec<String> = [
        (Phrase::Baseline, &indicator.baseline),
        (Phrase::Current, &indicator.current),
        (Phrase::Target, &indicator.target),
    ]
    .into_iter()
    .filter_map(|(phrase, m)| {
        m.as_ref()
            .map(|m| format!("{}{}{}", lang.phrase(phrase), lang.colon(), value(m)))
    })
    .collect();
    html! {
        <li>
            <strong>{ indicator.name.clone() }</strong>
            if !steps.is_empty() {
                { format!("{}{}", lang.colon(), steps.join(" → ")) }
            }
            if let Some(note) = &indicator.note {
                <span class="facts">{ format!(" — {note}") }</span>
            }
        </li>
    }
}

/// The cited sources; a title is a link only for web and mail addresses.
fn sources_view(roadmap: &Roadmap, ids: &[String], lang: Language) -> Html {
    let items = ids.iter().filter_map(|id| roadmap.source(id)).map(|source| {
        // Who, then what (a link to the official address), then when.
        let publisher = source.publisher.as_ref().map(|p| format!("{p} — "));
        let mut about = Vec::new();
        if let Some(date) = source.date {
            about.push(date.render(lang));
        }
        let title = match source.url.as_deref().and_then(safe_href) {
            Some(href) => html! {
                <a href={href.to_owned()} target="_blank" rel="noopener noreferrer">
                    { source.title.clone() }
                    <span class="visually-hidden">{ format!(" ({})", Word::NewWindow.text(lang)) }</span>
                </a>
            },
            None => html! { <span class="source-title">{ source.title.clone() }</span> },
        };
        html! {
            <li>
                if let Some(publisher) = publisher {
                    <span class="facts">{ publisher }</span>
                }
                { title }
                if !about.is_empty() {
                    <span class="facts">{ format!(" — {}", about.join(", ")) }</span>
                }
                if let Some(note) = &source.note {
                    <span class="source-note">{ note.clone() }</span>
                }
            </li>
        }
    });
    if ids.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h4>{ capitalised(lang.phrase(Phrase::Sources)) }</h4>
            <ul class="sources">{ for items }</ul>
        </>
    }
}
