//! The list view: axes, then their missions, then their milestones, as
//! nested ordered lists drawn as a stepper. It shows every item, dated or
//! not, in words: the narrow-screen view and the timeline's text
//! alternative.

use roadmap_core::{Day, ItemKey, ItemRef, Language, Phrase};
use yew::{Callback, Html, Properties, UseReducerDispatcher, classes, function_component, html};

use crate::describe::{counts_text, dates_text, progress_of, status_words};
use crate::ui::meter::meter;
use crate::viewer::{Msg, SharedRoadmap, Viewer};
use crate::words::Word;

/// What the list is given.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ListProps {
    /// The roadmap.
    pub roadmap: SharedRoadmap,
    /// The interface language.
    pub lang: Language,
    /// The day statuses are computed for.
    pub today: Day,
    /// The item whose detail is open.
    pub selected: Option<ItemKey>,
    /// Where messages go.
    pub dispatcher: UseReducerDispatcher<Viewer>,
}

/// The list view.
#[function_component]
pub fn ListView(props: &ListProps) -> Html {
    let ListProps {
        roadmap,
        lang,
        today,
        selected,
        dispatcher,
    } = props;
    let (lang, today) = (*lang, *today);
    let open = |key: ItemKey| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::Select(key)))
    };
    // Titles are in the roadmap's language, which may not be the interface's.
    let title_lang = (roadmap.language() != lang).then(|| roadmap.language().code());
    let current = |key: ItemKey| (*selected == Some(key)).then_some("true");
    // "◐ en cours · T1 2023 – fin 2024 · 40 %"
    let facts = |key: ItemKey| -> String {
        let Some(item) = roadmap.get(key) else {
            return String::new();
        };
        let mut parts = Vec::new();
        parts.extend(status_words(roadmap, item, lang, today));
        if !matches!(item, ItemRef::Axis(_)) {
            parts.push(
                dates_text(item, lang).unwrap_or_else(|| lang.phrase(Phrase::NoDate).to_owned()),
            );
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
    };

    let axes = roadmap.axes().iter().enumerate().map(|(a, axis)| {
        let axis_key = ItemKey::Axis(a);
        let missions = axis.missions.iter().enumerate().map(|(m, mission)| {
            let key = ItemKey::Mission(a, m);
            let status = mission.effective_status(today);
            let milestones = mission.milestones.iter().enumerate().map(|(s, milestone)| {
                let key = ItemKey::Milestone(a, m, s);
                let status = milestone.effective_status(today);
                html! {
                    <li class={classes!("milestone", format!("s-{}", status.keyword()))}>
                        <span class="dot" aria-hidden="true">{ status.symbol() }</span>
                        <div class="entry">
                            <button type="button" class="link-btn" data-item={milestone.id.clone()}
                                aria-current={current(key)} onclick={open(key)} lang={title_lang}>
                                { milestone.title.clone() }
                            </button>
                            <p class="facts">{ facts(key) }</p>
                        </div>
                    </li>
                }
            });
            let progress = mission.progress_percent(today);
            html! {
                <li class={classes!("mission", format!("s-{}", status.keyword()))}>
                    <span class="dot" aria-hidden="true">{ status.symbol() }</span>
                    <div class="entry">
                        <button type="button" class="link-btn mission-title" data-item={mission.id.clone()}
                            aria-current={current(key)} onclick={open(key)} lang={title_lang}>
                            { mission.title.clone() }
                        </button>
                        <p class="facts">{ facts(key) }</p>
                        if let Some(p) = progress {
                            { meter(p) }
                        }
                        if !mission.milestones.is_empty() {
                            <ol class="milestones" aria-label={Word::Milestones.text(lang)}>
                                { for milestones }
                            </ol>
                        }
                    </div>
                </li>
            }
        });
        html! {
            <li class="axis">
                <h3 class="axis-title">
                    <button type="button" class="link-btn" data-item={axis.id.clone()}
                        aria-current={current(axis_key)} onclick={open(axis_key)} lang={title_lang}>
                        { axis.title.clone() }
                    </button>
                </h3>
                <p class="facts">{ facts(axis_key) }</p>
                <ol class="missions">{ for missions }</ol>
            </li>
        }
    });
    html! {
        <section class="list" aria-label={format!("{} — {}", Word::List.text(lang), roadmap.title())}>
            <ol class="axes">{ for axes }</ol>
        </section>
    }
}
