//! The slides view (`view="slides"`), built into the complete module only
//! (cargo feature `slides`), which `js/roadmap-timeline.js` loads for that
//! view, `live` and `since` alone, so that a timeline page never pays for it. It loads
//! the roadmap as the widget does (and follows it when `live`), plans the
//! deck with the core, writes one slide at a time with
//! `roadmap_markup::slides`, and moves through it by keys, swipes, its
//! buttons and the page's fragment (`#slide-3`), as [`SlideNav`] decides,
//! which also moves on by itself (auto-advance) as time passes; a timer
//! runs only while auto-advance or the clock corner needs it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use gloo_events::{EventListener, EventListenerOptions};
use roadmap_core::{Language, PlannedSlide, Roadmap, plan};
use roadmap_markup::failure::{alert, loading};
use roadmap_markup::slides::{
    HEADING_ID, SLIDES_STYLE, SlideFrame, auto_indication, clock, position, slide, view,
};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, KeyboardEvent, PointerEvent, ShadowRoot};

use crate::browser;
use crate::input::{LoadFailure, load_once};
use crate::live::{self, Follower, LiveUpdate};
use crate::mount::{add_style, js_error, props_from, shadow_root_of};
use crate::options::{RoadmapInput, WidgetProps};
use crate::slide_nav::{AutoState, KeyEffect, SlideNav, fragment, slide_of_fragment};

/// The slides view in one element.
struct Slides {
    shadow: ShadowRoot,
    view: Element,
    area: Element,
    position: Element,
    typed: Element,
    auto_shown: Element,
    clock_shown: Element,
    props: WidgetProps,
    /// The `auto` option (`"20s"`), read: it wins over the roadmap's own.
    auto: Option<Result<Duration, String>>,
    /// When the view opened (ms, `performance.now()`), for the clock's elapsed time.
    opened: f64,
    /// Ticks while auto-advance or the clock is on; cleared when dropped.
    ticker: Option<Ticker>,
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
        let auto = auto_option(options);
        let reload = {
            let mut slides = self.cell.borrow_mut();
            slides.auto = auto;
            let reload = slides.props.input != props.input || slides.props.live != props.live;
            let source = slides.props.input != props.input;
            slides.props = props;
            if source {
                // Another roadmap: from its first slide, or its failure.
                slides.roadmap = None;
                slides.deck.clear();
                // The clock and a pause are the reader's: they stay.
                let kept = std::mem::take(&mut slides.nav);
                slides.nav.clock = kept.clock;
                slides.nav.auto.paused = kept.auto.paused;
                slides.told = false;
            }
            if !reload && slides.roadmap.is_some() {
                slides.shell();
                slides.replan();
                slides.draw();
            }
            slides.set_auto();
            reload
        };
        if reload {
            start_load(&self.cell);
        }
        tell_drawn(&self.cell);
        keep_time(&self.cell);
    }

    /// Removes the view; its shadow root is left empty.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        let mut slides = self.cell.borrow_mut();
        slides.follower = None;
        slides.ticker = None;
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
        typed: host.clone(),
        auto_shown: host.clone(),
        clock_shown: host,
        props: props_from(options),
        auto: auto_option(options),
        opened: browser_now(),
        ticker: None,
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
    keep_time(&cell);
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
        if let (Some(view), Some(area), Some(position), Some(typed), Some(auto), Some(clock)) = (
            find(".slides-view"),
            find(".slide-area"),
            find(".slide-position"),
            find(".typed"),
            find(".slide-auto"),
            find(".slide-clock"),
        ) {
            self.view = view;
            self.area = area;
            self.position = position;
            self.typed = typed;
            self.auto_shown = auto;
            self.clock_shown = clock;
        }
        self.draw_time();
    }

    /// How long a slide stays: the `auto` option, else the roadmap's
    /// `[presentation] auto`, else never.
    fn set_auto(&mut self) {
        let every = match &self.auto {
            Some(Ok(every)) => Some(*every),
            Some(Err(_)) => None,
            None => self
                .roadmap
                .as_ref()
                .and_then(|roadmap| roadmap.presentation().auto),
        };
        let every = every.map(|every| every.as_secs_f64() * 1000.0);
        if every != self.nav.auto.every {
            self.nav.auto.every = every;
            self.nav.reached(browser_now());
        }
        self.draw_time();
    }

    /// Time passes: auto-advance, then the indication and the clock.
    fn tick(&mut self) {
        if self.roadmap.is_some() && self.nav.tick(browser_now()) {
            // Not the reader's move: the focus stays where it is, and the
            // page's URL names the slide without a step in the history.
            self.arrived();
            if let Some(window) = web_sys::window() {
                let _ = window
                    .location()
                    .replace(&format!("#{}", fragment(self.nav.current)));
            }
        }
        self.draw_time();
    }

    /// The auto-advance indication (or why the `auto` option is not
    /// understood) and the clock corner, written only when they change.
    fn draw_time(&self) {
        let lang = self.lang();
        let now = browser_now();
        let auto = match (&self.auto, self.nav.auto_state(now)) {
            (Some(Err(error)), _) => Some(error.clone()),
            // Nothing to move through yet (loading, or failed to load).
            _ if self.roadmap.is_none() => None,
            (_, AutoState::Off) => None,
            (_, AutoState::Paused) => Some(auto_indication(lang, None)),
            (_, AutoState::Left(seconds)) => Some(auto_indication(lang, Some(seconds))),
        };
        show_text(&self.auto_shown, auto.as_deref());
        let corner = self.nav.clock.then(|| {
            let date = js_sys::Date::new_0();
            // Whole seconds since the view opened; the cast drops the fraction.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let elapsed = ((now - self.opened) / 1000.0).max(0.0) as u64;
            clock(lang, date.get_hours(), date.get_minutes(), elapsed)
        });
        show_text(&self.clock_shown, corner.as_deref());
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

    /// Another slide is shown: drawn, and the auto-advance delay counts
    /// from now.
    fn arrived(&mut self) {
        self.nav.reached(browser_now());
        self.draw();
        self.draw_time();
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
        self.arrived();
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
                self.set_auto();
                if first {
                    if let Some(index) = browser::url_fragment().and_then(|f| slide_of_fragment(&f))
                    {
                        self.nav.go_to(index);
                    }
                    self.arrived();
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
            self.arrived();
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
            KeyEffect::Shown => {
                self.draw_state();
                self.draw_time();
            }
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
            self.arrived();
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
            self.arrived();
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
                keep_time(&cell);
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
        input => load_once(input, move |result| finish(&weak, mine, result)),
    }
}

/// Milliseconds on the page's monotonic clock (`performance.now()`),
/// which a change of the wall clock does not move.
fn browser_now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The `auto` option (`"20s"`, `"1m 30s"`), read; `None` when not given.
fn auto_option(options: &JsValue) -> Option<Result<Duration, String>> {
    let text = js_sys::Reflect::get(options, &JsValue::from_str("auto"))
        .ok()?
        .as_string()?;
    Some(
        roadmap_core::presentation::parse_duration(&text).map_err(|error| format!("auto: {error}")),
    )
}

/// Shows `text` in `element`, or hides it (`None`); the DOM is touched
/// only when something changes, so that a tick costs nothing else.
fn show_text(element: &Element, text: Option<&str>) {
    let hidden = element.has_attribute("hidden");
    match text {
        Some(text) => {
            if element.text_content().as_deref() != Some(text) {
                element.set_text_content(Some(text));
            }
            if hidden {
                let _ = element.remove_attribute("hidden");
            }
        }
        None if !hidden => {
            let _ = element.set_attribute("hidden", "");
        }
        None => {}
    }
}

/// A `setInterval` timer, cleared when dropped (the view destroyed, or
/// nothing left to count), so that it never outlives the view.
struct Ticker {
    id: i32,
    _tick: Closure<dyn FnMut()>,
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.id);
        }
    }
}

/// A tick four times a second: auto-advance moves within a quarter of a
/// second of its time, and the seconds shown never skip one.
const TICK_MS: i32 = 250;

/// Starts the timer when auto-advance or the clock needs it, stops it
/// when neither does.
fn keep_time(cell: &Shared) {
    let mut slides = cell.borrow_mut();
    let needed = slides.nav.auto.every.is_some() || slides.nav.clock;
    if !needed {
        slides.ticker = None;
        return;
    }
    if slides.ticker.is_some() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let weak = Rc::downgrade(cell);
    let tick = Closure::<dyn FnMut()>::new(move || {
        if let Some(cell) = weak.upgrade() {
            if let Ok(mut slides) = cell.try_borrow_mut() {
                slides.tick();
            }
            tell_drawn(&cell);
        }
    });
    if let Ok(id) = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        TICK_MS,
    ) {
        slides.ticker = Some(Ticker { id, _tick: tick });
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
    keep_time(&cell);
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
