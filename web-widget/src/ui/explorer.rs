//! A loaded roadmap on screen: its heading, the view switch, the timeline
//! or the list (chosen, or by the widget's width), the detail panel, the
//! keyboard shortcuts and deep links (`#item-id` in the page URL).

use std::rc::Rc;

use gloo_events::EventListener;
use roadmap_core::{Day, KnownFacts, Language, Phrase, ProgressFigure};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::{
    Callback, Html, Properties, function_component, html, use_effect_with, use_memo, use_mut_ref,
    use_node_ref, use_reducer,
};

use crate::browser;
use crate::describe::day_text;
use crate::items::{item_id, linked_item};
use crate::ui::detail::Detail;
use crate::ui::hooks::{FirstSizes, Follow, use_element_size, use_printing};
use crate::ui::list::ListView;
use crate::ui::timeline::{Timeline, legend, statuses_present};
use crate::viewer::{Msg, SharedRoadmap, View, ViewChoice, Viewer};
use crate::words::Word;
use roadmap_core::capitalised;

/// What the explorer is given.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExplorerProps {
    /// The roadmap.
    pub roadmap: Rc<roadmap_core::Roadmap>,
    /// The interface language.
    pub lang: Language,
    /// The day statuses are computed for.
    pub today: Day,
    /// The view asked for by the page.
    pub view: ViewChoice,
    /// The sizes measured while the roadmap loaded.
    #[prop_or_default]
    pub first_sizes: FirstSizes,
}

/// The roadmap explorer.
#[function_component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let viewer = use_reducer(|| Viewer::new(props.roadmap.clone(), props.today, props.view));
    let dispatcher = viewer.dispatcher();
    let root = use_node_ref();
    let heading = use_node_ref();
    let (width, _) = use_element_size(root.clone(), props.first_sizes.explorer, Follow::Width);
    let view = viewer.choice.shown(width);
    let lang = props.lang;
    // Drawn from the viewer's roadmap, so that a newer version (`live`)
    // and the open item change together.
    let roadmap = SharedRoadmap(viewer.roadmap.clone());
    {
        let dispatcher = dispatcher.clone();
        let shown = viewer.roadmap.clone();
        use_effect_with(SharedRoadmap(props.roadmap.clone()), move |newer| {
            if !Rc::ptr_eq(&shown, &newer.0) {
                dispatcher.dispatch(Msg::Replace(newer.0.clone()));
            }
        });
    }
    let printing = use_printing();
    // Whole-roadmap walks, done once per roadmap and day.
    let statuses = use_memo((roadmap.clone(), props.today), |(roadmap, today)| {
        statuses_present(roadmap, *today)
    });
    let progress = *use_memo((roadmap.clone(), props.today), |(roadmap, today)| {
        roadmap.progress_figure(*today)
    });
    // What the sources say and as of when, and whether the legend needs the stale mark.
    let known = use_memo((roadmap.clone(), props.today), |(roadmap, today)| {
        KnownFacts::of(roadmap, *today)
    });

    // The page is told once, when the roadmap is first on screen: by the
    // timeline once its rows are drawn, by the list at once. Only the view
    // of the latest render counts (read when told, not when the callback
    // was made): before the width is known an auto view may briefly be the
    // timeline of a widget that turns out narrow.
    let on_drawn = {
        let sent = use_mut_ref(|| false);
        let shown = use_mut_ref(|| None::<View>);
        *shown.borrow_mut() = (width > 0.0).then_some(view);
        let root = root.clone();
        Callback::from(move |drawn: View| {
            if *shown.borrow() == Some(drawn)
                && !sent.replace(true)
                && let Some(element) = root.cast::<Element>()
            {
                browser::announce_drawn(&element, drawn.keyword());
            }
        })
    };
    {
        let on_drawn = on_drawn.clone();
        use_effect_with((view, width > 0.0), move |&(view, _)| {
            if view == View::List {
                on_drawn.emit(View::List);
            }
        });
    }

    // Deep links: `#id` on load, and whenever the fragment changes.
    {
        let dispatcher = dispatcher.clone();
        // The version shown when the fragment changes, not the first one.
        let current = use_mut_ref(|| roadmap.clone());
        *current.borrow_mut() = roadmap.clone();
        use_effect_with((), move |()| {
            let open = Rc::new(move || {
                let roadmap = current.borrow().clone();
                if let Some(key) = browser::url_fragment().and_then(|id| linked_item(&roadmap, &id))
                {
                    dispatcher.dispatch(Msg::Reveal(key));
                }
            });
            open();
            let listener = web_sys::window().map(|window| {
                let open = open.clone();
                EventListener::new(&window, "hashchange", move |_| open())
            });
            move || drop(listener)
        });
    }

    // Focus follows the detail: into it when it opens, back to the item
    // when it closes.
    {
        let heading = heading.clone();
        let root = root.clone();
        // By id: a newer version (`live`) that moves the open item must
        // not move focus.
        let previous = use_mut_ref(|| None::<String>);
        let selected = viewer.selected.and_then(|key| item_id(&roadmap, key));
        use_effect_with(selected, move |selected| {
            let before = previous.replace(selected.clone());
            if selected.is_some() {
                if let Some(heading) = heading.cast::<Element>() {
                    browser::focus(&heading);
                }
            } else if let Some(id) = before
                && let Some(root) = root.cast::<Element>()
                && let Ok(Some(item)) = root.query_selector(&format!("[data-item=\"{id}\"]"))
            {
                browser::focus(&item);
            }
        });
    }

    let onkeydown = {
        let dispatcher = dispatcher.clone();
        let open = viewer.selected.is_some();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let key = event.key();
            if key == "Escape" && open {
                event.prevent_default();
                dispatcher.dispatch(Msg::Close);
                return;
            }
            if view != View::Timeline || in_detail(&event) {
                return;
            }
            let msg = match key.as_str() {
                "+" | "=" => Msg::ZoomIn,
                "-" | "_" => Msg::ZoomOut,
                "ArrowLeft" => Msg::PanSteps(if event.shift_key() { -4 } else { -1 }),
                "ArrowRight" => Msg::PanSteps(if event.shift_key() { 4 } else { 1 }),
                _ => return,
            };
            event.prevent_default();
            dispatcher.dispatch(msg);
        })
    };

    let choose = |choice: ViewChoice| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::Choose(choice)))
    };
    let mut meta = vec![
        roadmap.organisation().to_owned(),
        format!(
            "{}{}{}",
            capitalised(lang.phrase(Phrase::Published)),
            lang.colon(),
            roadmap.published().render(lang)
        ),
    ];
    if progress != ProgressFigure::Unknown {
        meta.push(format!(
            "{}{}{}",
            capitalised(lang.phrase(Phrase::Overall)),
            lang.colon(),
            progress.text(lang)
        ));
    }
    meta.push(known.statuses_text(lang));
    let window = viewer.window;
    let period = format!(
        "{}{}{} – {}",
        Word::ShownPeriod.text(lang),
        lang.colon(),
        day_text(window.start(), lang),
        day_text(window.end(), lang)
    );

    html! {
        <div class="explorer" ref={root} {onkeydown} data-view={view.keyword()}>
            <div class="head">
                <div class="titles">
                    <h2 class="title" lang={roadmap.language().code()}>{ roadmap.title() }</h2>
                    <p class="meta">{ meta.join(" · ") }</p>
                </div>
                <div class="switch" role="group" aria-label={Word::ViewSwitch.text(lang)}>
                    <button type="button" class="btn" aria-pressed={(view == View::Timeline).to_string()}
                        onclick={choose(ViewChoice::Timeline)}>
                        { Word::Timeline.text(lang) }
                    </button>
                    <button type="button" class="btn" aria-pressed={(view == View::List).to_string()}
                        onclick={choose(ViewChoice::List)}>
                        { Word::List.text(lang) }
                    </button>
                </div>
            </div>
            if view == View::Timeline {
                <Timeline
                    roadmap={roadmap.clone()}
                    {window}
                    {lang}
                    today={props.today}
                    selected={viewer.selected}
                    dispatcher={dispatcher.clone()}
                    {period}
                    {on_drawn}
                    first_size={props.first_sizes.scroller}
                />
            }
            if let Some(key) = viewer.selected {
                <Detail
                    roadmap={roadmap.clone()}
                    item={key}
                    {lang}
                    today={props.today}
                    dispatcher={dispatcher.clone()}
                    heading={heading}
                />
            }
            if view == View::Timeline {
                { legend(&statuses, lang, (known.stale_statuses > 0).then(|| roadmap.stale_after_months())) }
            }
            // The list is the timeline's text alternative; in the timeline
            // view it is only printed, since the screen draws visible rows
            // only, and so only built for print (it is most of a large
            // roadmap's elements).
            if view == View::List || printing {
                <div class={if view == View::List { "list-wrap" } else { "list-wrap print-only" }}>
                    <ListView
                        roadmap={roadmap}
                        {lang}
                        today={props.today}
                        selected={viewer.selected}
                        dispatcher={dispatcher}
                    />
                </div>
            }
        </div>
    }
}

/// Whether a key was pressed inside the detail panel, whose text and
/// links keep their usual keys.
fn in_detail(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest(".detail").ok().flatten())
        .is_some()
}
