//! The slides view (`view="slides"`), built into the slides module only
//! (cargo feature `slides`), which `js/roadmap-timeline.js` loads for that
//! view alone, so that a page with a timeline never pays for it. It loads
//! the roadmap as the widget does (and follows it when `live`), plans the
//! deck with the core, writes one slide at a time with
//! `roadmap_markup::slides`, and moves through it by keys, swipes, its
//! buttons and the page's fragment (`#slide-3`), as [`SlideNav`] decides.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use roadmap_core::{Language, PlannedSlide, Roadmap, plan};
use roadmap_markup::failure::{alert, loading};
use roadmap_markup::slides::{HEADING_ID, SLIDES_STYLE, SlideFrame, position, slide, view};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, KeyboardEvent, PointerEvent, ShadowRoot};

use crate::browser;
use crate::input::{LoadFailure, file_name_of, load_roadmap, read_lean};
use crate::live::{self, Follower, LiveUpdate};
use crate::mount::{add_style, js_error, props_from, shadow_root_of};
use crate::options::{RoadmapInput, WidgetProps};
use crate::slide_nav::{KeyEffect, SlideNav, fragment, slide_of_fragment};

/// The slides view in one element.
struct Slides {
    shadow: ShadowRoot,
    view: Element,
    area: Element,
    position: Element,
    typed: Element,
    props: WidgetProps,
    roadmap: Option<Rc<Roadmap>>,
    deck: Vec<PlannedSlide>,
    nav: SlideNav,
    /// Counts loads, so that an older one finishing late is ignored.
    generation: u32,
    follower: Option<Follower>,
    /// Where a pointer went down: its id and client x, y.
    pointer: Option<(i32, f64, f64)>,
    /// The page is to be told the slides are drawn, once the borrow ends.
    pending_drawn: bool,
    told: bool,
}

type Shared = Rc<RefCell<Slides>>;

/// The slides view on the page, as `mountSlides` returns it.
#[wasm_bindgen]
pub struct SlidesHandle {
    cell: Shared,
    listeners: Vec<EventListener>,
}

#[wasm_bindgen]
impl SlidesHandle {
    /// Gives the view new options (`{ src | data, lang, theme, today, live }`).
    pub fn update(&mut self, options: &JsValue) {
        let props = props_from(options);
        let reload = {
            let mut slides = self.cell.borrow_mut();
            let reload = slides.props.input != props.input || slides.props.live != props.live;
            let source = slides.props.input != props.input;
            slides.props = props;
            if source {
                // Another roadmap: from its first slide, or its failure.
                slides.roadmap = None;
                slides.deck.clear();
                slides.nav = SlideNav::default();
                slides.told = false;
            }
            if !reload && slides.roadmap.is_some() {
                slides.shell();
                slides.replan();
                slides.draw();
            }
            reload
        };
        if reload {
            start_load(&self.cell);
        }
        tell_drawn(&self.cell);
    }

    /// Removes the view; its shadow root is left empty.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        let mut slides = self.cell.borrow_mut();
        slides.follower = None;
        slides.generation = slides.generation.wrapping_add(1);
        while let Some(child) = slides.shadow.first_child() {
            let _ = slides.shadow.remove_child(&child);
        }
    }
}

/// Renders the slides of the roadmap `options` name into `element`'s open
/// shadow root; the options are those of `mount`.
#[wasm_bindgen(js_name = mountSlides)]
pub fn mount_slides(element: &Element, options: &JsValue) -> Result<SlidesHandle, JsError> {
    let shadow = shadow_root_of(element)?;
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("the element has no document"))?;
    let mut css = String::from(roadmap_markup::STYLE);
    css.push_str(SLIDES_STYLE);
    add_style(&shadow, &document, &css)?;
    let host = document.create_element("div").map_err(|e| js_error(&e))?;
    host.set_class_name("host");
    shadow.append_child(&host).map_err(|e| js_error(&e))?;
    let cell = Rc::new(RefCell::new(Slides {
        shadow,
        view: host.clone(),
        area: host.clone(),
        position: host.clone(),
        typed: host,
        props: props_from(options),
        roadmap: None,
        deck: Vec::new(),
        nav: SlideNav::default(),
        generation: 0,
        follower: None,
        pointer: None,
        pending_drawn: false,
        told: false,
    }));
    cell.borrow_mut().shell();
    let listeners = listen(&cell);
    start_load(&cell);
    tell_drawn(&cell);
    Ok(SlidesHandle { cell, listeners })
}

impl Slides {
    /// The interface language: asked for, else the page's, else the
    /// roadmap's own, else French.
    fn lang(&self) -> Language {
        self.props
            .lang
            .or_else(browser::page_language)
            .or_else(|| self.roadmap.as_ref().map(|roadmap| roadmap.language()))
            .unwrap_or(Language::Fr)
    }

    fn query(&self, selector: &str) -> Option<Element> {
        self.shadow.query_selector(selector).ok().flatten()
    }

    /// Writes the frame: the slide's place and the bar of controls.
    fn shell(&mut self) {
        let markup = view(self.lang(), self.props.theme.keyword());
        let Some(host) = self.query(".host") else {
            return;
        };
        host.set_inner_html(&markup);
        let find = |selector: &str| host.query_selector(selector).ok().flatten();
        if let (Some(view), Some(area), Some(position), Some(typed)) = (
            find(".slides-view"),
            find(".slide-area"),
            find(".slide-position"),
            find(".typed"),
        ) {
            self.view = view;
            self.area = area;
            self.position = position;
            self.typed = typed;
        }
    }

    /// Plans the deck again (a new roadmap or language), keeping the slide
    /// shown by its identity, else its place.
    fn replan(&mut self) {
        let Some(roadmap) = &self.roadmap else {
            return;
        };
        let shown = self
            .deck
            .get(self.nav.current)
            .map(|planned| (planned.kind, planned.item.clone()));
        self.deck = plan(roadmap, None, self.lang());
        self.nav.count = self.deck.len();
        let kept = shown.and_then(|(kind, item)| {
            self.deck
                .iter()
                .position(|planned| planned.identity() == (kind, item.as_deref()))
        });
        self.nav.current = kept.unwrap_or(self.nav.current).min(self.deck.len() - 1);
    }

    /// Draws the slide shown, its number and the blank screen.
    fn draw(&mut self) {
        let lang = self.lang();
        let Some(roadmap) = self.roadmap.clone() else {
            return;
        };
        // The slide's box less its padding (4 % of the view's width each side).
        let width = f64::from(self.view.client_width()) * 0.92;
        let frame = SlideFrame {
            lang,
            today: self.props.today.unwrap_or_else(browser::today),
            width: if width > 0.0 { width } else { 1200.0 },
        };
        let had_focus = self
            .shadow
            .active_element()
            .is_some_and(|active| active.id() == HEADING_ID);
        self.area
            .set_inner_html(&slide(&roadmap, &self.deck, self.nav.current, &frame));
        self.area.set_scroll_top(0);
        self.position
            .set_text_content(Some(&position(lang, self.nav.current, self.deck.len())));
        self.draw_state();
        if had_focus {
            self.focus_heading();
        }
        if !self.told {
            self.told = true;
            self.pending_drawn = true;
        }
    }

    /// The blank screen and the number being typed.
    fn draw_state(&self) {
        let _ = self
            .view
            .set_attribute("data-blank", if self.nav.blank { "true" } else { "false" });
        self.typed.set_text_content(Some(&self.nav.typed));
    }

    fn focus_heading(&self) {
        if let Some(heading) = self.query(&format!("#{HEADING_ID}")) {
            browser::focus(&heading);
        }
    }

    /// The reader moved to another slide: drawn, its heading focused (a
    /// screen reader reads it), and its number put in the page's URL, so
    /// that back and forward move through the slides.
    fn moved(&mut self) {
        self.draw();
        self.focus_heading();
        let wanted = fragment(self.nav.current);
        if browser::url_fragment().as_deref() != Some(wanted.as_str())
            && let Some(window) = web_sys::window()
        {
            let _ = window.location().set_hash(&wanted);
        }
    }

    /// A roadmap (or why there is none) arrived.
    fn loaded(&mut self, result: Result<Rc<Roadmap>, LoadFailure>) {
        match result {
            Ok(roadmap) => {
                let first = self.roadmap.is_none();
                self.roadmap = Some(roadmap);
                if first {
                    self.shell();
                }
                self.replan();
                if first {
                    if let Some(index) = browser::url_fragment().and_then(|f| slide_of_fragment(&f))
                    {
                        self.nav.go_to(index);
                    }
                    self.draw();
                    // The slides are what the page is for: keys work at once,
                    // unless the reader is already somewhere else.
                    let idle = web_sys::window()
                        .and_then(|window| window.document())
                        .and_then(|document| document.active_element())
                        .is_none_or(|active| active.tag_name() == "BODY");
                    if idle {
                        self.focus_heading();
                    }
                } else {
                    self.draw();
                    self.follow_fragment();
                }
            }
            // A newer version that does not load keeps the one shown.
            Err(_) if self.roadmap.is_some() => {}
            Err(failure) => self.area.set_inner_html(&alert(&failure, self.lang())),
        }
    }

    /// The slide shown moved in a newer deck (a slide before it came or
    /// went): the page's fragment names its new place, in the same entry
    /// of the history.
    fn follow_fragment(&self) {
        let Some(shown) = browser::url_fragment().and_then(|f| slide_of_fragment(&f)) else {
            return;
        };
        if shown != self.nav.current
            && let Some(window) = web_sys::window()
        {
            let mut hash = String::from("#");
            hash.push_str(&fragment(self.nav.current));
            let _ = window.location().replace(&hash);
        }
    }

    /// The page's fragment changed (back, forward, a link): its slide.
    fn fragment_changed(&mut self) {
        if let Some(index) = browser::url_fragment().and_then(|f| slide_of_fragment(&f))
            && self.roadmap.is_some()
            && self.nav.go_to(index)
        {
            self.nav.blank = false;
            self.draw();
            self.focus_heading();
        }
    }

    fn key(&mut self, event: &KeyboardEvent) {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || self.roadmap.is_none() {
            return;
        }
        // A button keeps its own keys.
        let on_button = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.tag_name() == "BUTTON");
        if on_button && matches!(event.key().as_str(), " " | "Enter") {
            return;
        }
        match self.nav.key(&event.key()) {
            KeyEffect::Ignored => return,
            KeyEffect::Moved => self.moved(),
            KeyEffect::Shown => self.draw_state(),
            KeyEffect::FullScreen => self.full_screen(),
        }
        event.prevent_default();
    }

    fn click(&mut self, event: &Event) {
        let act = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-act]").ok().flatten())
            .and_then(|t| t.get_attribute("data-act"));
        let key = match act.as_deref() {
            Some("previous") => "ArrowLeft",
            Some("next") => "ArrowRight",
            Some("fullscreen") => return self.full_screen(),
            _ => return,
        };
        if self.nav.key(key) == KeyEffect::Moved {
            // The button keeps the focus, so it can be pressed again.
            self.draw();
            self.set_fragment();
        }
    }

    fn set_fragment(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&fragment(self.nav.current));
        }
    }

    /// The view on the whole screen, or back in its page.
    fn full_screen(&self) {
        let document = web_sys::window().and_then(|window| window.document());
        if let Some(document) = document {
            if document.fullscreen_element().is_some() {
                document.exit_fullscreen();
            } else {
                let _ = self.view.request_fullscreen();
            }
        }
    }

    fn pointer_down(&mut self, event: &PointerEvent) {
        self.pointer = Some((
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        ));
    }

    fn pointer_up(&mut self, event: &PointerEvent) {
        let Some((id, x, y)) = self.pointer.take() else {
            return;
        };
        if id != event.pointer_id() {
            return;
        }
        let (dx, dy) = (
            f64::from(event.client_x()) - x,
            f64::from(event.client_y()) - y,
        );
        if self.nav.swipe(dx, dy) {
            self.draw();
            self.set_fragment();
        }
    }
}

/// Listens for keys, clicks and swipes in the view, and for the page's
/// fragment and size; the listeners stop when dropped.
fn listen(cell: &Shared) -> Vec<EventListener> {
    let shadow = cell.borrow().shadow.clone();
    let on = |target: &web_sys::EventTarget,
              name: &'static str,
              options: EventListenerOptions,
              act: fn(&mut Slides, &Event)| {
        let weak = Rc::downgrade(cell);
        EventListener::new_with_options(target, name, options, move |event| {
            if let Some(cell) = weak.upgrade() {
                if let Ok(mut slides) = cell.try_borrow_mut() {
                    act(&mut slides, event);
                }
                tell_drawn(&cell);
            }
        })
    };
    let passive = EventListenerOptions::default();
    let active = EventListenerOptions::enable_prevent_default();
    let mut listeners = vec![
        on(&shadow, "keydown", active, |slides, event| {
            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                slides.key(event);
            }
        }),
        on(&shadow, "click", passive, Slides::click),
        on(&shadow, "pointerdown", passive, |slides, event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                slides.pointer_down(event);
            }
        }),
        on(&shadow, "pointerup", passive, |slides, event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                slides.pointer_up(event);
            }
        }),
        on(&shadow, "pointercancel", passive, |slides, _| {
            slides.pointer = None;
        }),
    ];
    if let Some(window) = web_sys::window() {
        listeners.push(on(&window, "hashchange", passive, |slides, _| {
            slides.fragment_changed();
        }));
        // The timeline slide is laid out for the view's width.
        listeners.push(on(&window, "resize", passive, |slides, _| slides.draw()));
    }
    listeners
}

/// Loads the roadmap the options name, then draws it (or why not).
fn start_load(cell: &Shared) {
    let (input, live, mine, weak) = {
        let mut slides = cell.borrow_mut();
        slides.generation = slides.generation.wrapping_add(1);
        slides.follower = None;
        if slides.roadmap.is_none() {
            let lang = slides.lang();
            slides.area.set_inner_html(&loading(lang));
        }
        (
            slides.props.input.clone(),
            slides.props.live,
            slides.generation,
            Rc::downgrade(cell),
        )
    };
    match input {
        RoadmapInput::Url(url) if live => {
            let on_update = {
                let weak = weak.clone();
                Rc::new(move |update: LiveUpdate| {
                    if let LiveUpdate::Roadmap(result) = update {
                        finish(&weak, mine, result);
                    }
                }) as Rc<dyn Fn(LiveUpdate)>
            };
            let follower = live::follow(url, on_update);
            cell.borrow_mut().follower = Some(follower);
        }
        RoadmapInput::Url(url) => {
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::fetch_bytes(&url).await {
                    Ok(bytes) => load_roadmap(file_name_of(&url), &bytes).await,
                    Err(failure) => Err(failure),
                };
                finish(&weak, mine, result);
            });
        }
        RoadmapInput::Inline { name, text } => {
            if let Some(roadmap) = read_lean(&name, text.as_bytes()) {
                cell.borrow_mut().loaded(Ok(roadmap));
            } else {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load_roadmap(&name, text.as_bytes()).await;
                    finish(&weak, mine, result);
                });
            }
        }
        RoadmapInput::Missing => cell.borrow_mut().loaded(Err(LoadFailure::NoSource)),
    }
}

/// A load finished: drawn unless a newer one started meanwhile.
fn finish(weak: &Weak<RefCell<Slides>>, mine: u32, result: Result<Rc<Roadmap>, LoadFailure>) {
    let Some(cell) = weak.upgrade() else {
        return;
    };
    {
        let mut slides = cell.borrow_mut();
        if slides.generation != mine {
            return;
        }
        slides.loaded(result);
    }
    tell_drawn(&cell);
}

/// Tells the page the slides are drawn (`roadmap-drawn`, view `slides`),
/// outside of the borrow, since the page's listener may call the view.
fn tell_drawn(cell: &Shared) {
    let view = {
        let mut slides = cell.borrow_mut();
        std::mem::take(&mut slides.pending_drawn).then(|| slides.view.clone())
    };
    if let Some(view) = view {
        browser::announce_drawn(&view, "slides");
    }
}
