//! The root component: fetches or reads the roadmap, shows the loading
//! state or the failure (as an alert inside the widget), then hands the
//! roadmap to the explorer.

use std::cell::Cell;
use std::rc::Rc;

use roadmap_core::{Language, Roadmap};
use yew::platform::spawn_local;
use yew::{
    Callback, Html, function_component, html, use_effect_with, use_mut_ref, use_node_ref, use_state,
};

use crate::browser;
use crate::input::{LoadFailure, file_name_of, load_roadmap, read_lean};
use crate::live::{self, LiveUpdate, Notice, live_note};
use crate::options::{RoadmapInput, WidgetProps};
use crate::ui::explorer::Explorer;
use crate::ui::hooks::use_first_sizes;
use crate::words::Word;

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
enum LoadState {
    Loading,
    Failed(LoadFailure),
    /// The roadmap and the load's number, which keys the explorer so that
    /// a new roadmap starts from a fresh view.
    Ready(Rc<Roadmap>, u32),
}

/// The widget.
#[function_component]
pub fn App(props: &WidgetProps) -> Html {
    let state = use_state(|| LoadState::Loading);
    let notice = use_state(|| None::<Notice>);
    let generation = use_mut_ref(|| 0_u32);
    let (probe_explorer, probe_scroller) = (use_node_ref(), use_node_ref());
    let first_sizes = use_first_sizes(probe_explorer.clone(), probe_scroller.clone());
    {
        let state = state.clone();
        let notice = notice.clone();
        use_effect_with((props.input.clone(), props.live), move |(input, live)| {
            let mine = {
                let mut current = generation.borrow_mut();
                *current = current.wrapping_add(1);
                *current
            };
            let ready = move |result: Result<Rc<Roadmap>, LoadFailure>| match result {
                Ok(roadmap) => LoadState::Ready(roadmap, mine),
                Err(failure) => LoadState::Failed(failure),
            };
            let mut follower = None;
            notice.set(None);
            match input.clone() {
                RoadmapInput::Url(url) if *live => {
                    state.set(LoadState::Loading);
                    let first = Cell::new(true);
                    follower = Some(live::follow(
                        url,
                        Callback::from(move |update| match update {
                            LiveUpdate::Roadmap(result) => {
                                if !first.replace(false) && result.is_ok() {
                                    notice.set(Some(Notice::updated()));
                                }
                                state.set(ready(result));
                            }
                            LiveUpdate::Refused(text) => notice.set(Some(Notice::Refused(text))),
                            LiveUpdate::Unchanged => notice.set(None),
                        }),
                    ));
                }
                RoadmapInput::Url(url) => {
                    state.set(LoadState::Loading);
                    spawn_local(async move {
                        let result = match browser::fetch_bytes(&url).await {
                            Ok(bytes) => load_roadmap(file_name_of(&url), &bytes).await,
                            Err(failure) => Err(failure),
                        };
                        // A newer load started meanwhile: its result wins.
                        if *generation.borrow() == mine {
                            state.set(ready(result));
                        }
                    });
                }
                // An export given inline is drawn at once, as it always was.
                RoadmapInput::Inline { name, text } => {
                    if let Some(roadmap) = read_lean(&name, text.as_bytes()) {
                        state.set(ready(Ok(roadmap)));
                    } else {
                        state.set(LoadState::Loading);
                        spawn_local(async move {
                            let result = load_roadmap(&name, text.as_bytes()).await;
                            if *generation.borrow() == mine {
                                state.set(ready(result));
                            }
                        });
                    }
                }
                RoadmapInput::Missing => state.set(LoadState::Failed(LoadFailure::NoSource)),
            }
            move || drop(follower)
        });
    }
    let today = props.today.unwrap_or_else(browser::today);
    // Asked for, else the page's, else the roadmap's own language.
    let roadmap = match &*state {
        LoadState::Ready(roadmap, _) => Some(roadmap),
        _ => None,
    };
    let lang = props
        .lang
        .or_else(browser::page_language)
        .or_else(|| roadmap.map(|r| r.language()))
        .unwrap_or(Language::Fr);
    let body = match &*state {
        LoadState::Loading => html! {
            <>
                <p class="status-line" role="status">{ Word::Loading.text(lang) }</p>
                <div class="probe" aria-hidden="true">
                    <div class="explorer" ref={probe_explorer}>
                        <section class="timeline">
                            <div class="chart">
                                <div class="scroller" ref={probe_scroller}>
                                    <svg class="rows" width="1" height="4000"></svg>
                                </div>
                            </div>
                        </section>
                    </div>
                </div>
            </>
        },
        LoadState::Failed(failure) => html! {
            <div class="error" role="alert">
                <p class="error-title">{ Word::LoadFailed.text(lang) }</p>
                <p class="error-what">{ failure.summary(lang) }</p>
                if let Some(help) = failure.help() {
                    <p class="error-help" lang="en">{ help }</p>
                }
            </div>
        },
        LoadState::Ready(roadmap, generation) => html! {
            <Explorer
                key={*generation}
                roadmap={roadmap.clone()}
                {lang}
                {today}
                view={props.view}
                {first_sizes}
            />
        },
    };
    html! {
        <div class="roadmap" data-theme={props.theme.keyword()} lang={lang.code()}>
            { body }
            if props.live {
                { live_note(notice.as_ref(), lang) }
            }
        </div>
    }
}
