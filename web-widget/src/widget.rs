//! One widget on the page: its state (the roadmap loaded or why not, the
//! view, the window, the open item, the sizes of its boxes) and the
//! drawing of that state into its shadow root. Every drawing is
//! `roadmap_markup`'s text written into a few containers; a change writes
//! only the parts it changes (a zoom the controls, the ticks and the rows;
//! a scroll the rows), and keyboard focus is found again by the `data-`
//! attribute of the element that had it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use roadmap_core::{Language, Roadmap};
use roadmap_markup::explorer::{Frame, explorer_of, shell};
use roadmap_markup::failure::{alert, loading};
use roadmap_markup::since::{Changes, Since};
use roadmap_markup::timeline::rows_label;
use roadmap_markup::timeline::{column_widths, visible_rows};
use roadmap_markup::write::Markup;
use roadmap_markup::{Chart, Scene, View};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry, ShadowRoot};

use crate::arranged::Arranged;
use crate::browser;
use crate::input::{LoadFailure, load_once};
use crate::items::item_id;
use crate::live::{self, Follower, LiveUpdate, Notice, note_text};
use crate::options::{RoadmapInput, WidgetProps};
use crate::patch::{Piece, patch, patch_element, pieces, redraw};
use crate::since;
use crate::tip;
use crate::viewer::{Msg, Viewer};

/// Where loading stands.
enum Load {
    Loading,
    Failed(LoadFailure),
    Ready(Viewer),
}

/// The sizes of the widget's boxes, in CSS pixels (0: not known).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sizes {
    /// The explorer's width: chooses between timeline and list.
    pub explorer: f64,
    /// The rows' scrolled box: width and height.
    pub rows: (f64, f64),
}

/// What the last drawing of the timeline used, to know what a change
/// must draw again.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drawn {
    view: View,
    rows_size: (f64, f64),
    rows: (usize, usize),
    /// How many rows the timeline has (0 until laid out): rows do not
    /// depend on the window, so a scroll needs no layout to know which
    /// are in view.
    count: usize,
}

/// A drag in progress.
#[derive(Debug, Clone, Copy)]
pub struct Drag {
    /// The pointer dragging.
    pub pointer: i32,
    /// Where it went down (client x).
    pub start_x: f64,
    /// The window when it went down.
    pub window: roadmap_core::TimeWindow,
    /// Whether it moved enough to be a drag rather than a click.
    pub moved: bool,
}

/// The state of one widget.
pub struct State {
    /// The shadow root drawn into.
    pub shadow: ShadowRoot,
    /// `div.host`, the shadow root's one element (beside a `<style>`).
    host: Element,
    root: Element,
    body: Element,
    note: Option<Element>,
    props: WidgetProps,
    load: Load,
    /// Counts loads, so that an older one finishing late is ignored.
    generation: u32,
    /// The sizes measured.
    pub sizes: Sizes,
    /// How far the rows are scrolled down.
    pub scroll_top: f64,
    /// Whether the page is being printed.
    pub printing: bool,
    /// Whether the page was told this roadmap is drawn.
    told: bool,
    /// The view to tell the page about, once the borrow is released.
    pending_drawn: Option<View>,
    drawn: Option<Drawn>,
    /// The drag in progress.
    pub drag: Option<Drag>,
    /// Wheel movement not yet a whole day.
    pub wheel_rest: f64,
    follower: Option<Follower>,
    observer: Option<Observer>,
    /// The rows' box observed, while the timeline is shown.
    observed_scroller: Option<Element>,
    /// The top-level elements of the rows drawn, to redraw them in place.
    rows_drawn: Vec<Piece>,
    /// The top-level elements of the ticks drawn.
    ticks_drawn: Vec<Piece>,
    /// The zoom buttons' markup drawn, written again only when it changes.
    zoom_drawn: String,
    /// What changed since the edition `since` names, once compared.
    changes: Option<Rc<Changes>>,
    /// Counts comparisons, so that an older one finishing late is ignored.
    compared: u32,
    /// The timeline's rows and items, kept across zooms, pans and scrolls.
    arranged: Arranged,
}

/// A `ResizeObserver` and the callback it calls.
type Observer = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A widget: its state, shared with its event listeners and loads.
pub type Shared = Rc<RefCell<State>>;

impl State {
    /// The interface language: asked for, else the page's, else the
    /// roadmap's own, else French.
    fn lang(&self) -> Language {
        self.props
            .lang
            .or_else(browser::page_language)
            .or_else(|| match &self.load {
                Load::Ready(viewer) => Some(viewer.roadmap.language()),
                _ => None,
            })
            .unwrap_or(Language::Fr)
    }

    /// The viewer, once a roadmap is loaded.
    pub fn viewer(&self) -> Option<&Viewer> {
        match &self.load {
            Load::Ready(viewer) => Some(viewer),
            _ => None,
        }
    }

    /// The view shown now.
    pub fn view(&self) -> Option<View> {
        self.viewer()
            .map(|viewer| viewer.choice.shown(self.sizes.explorer))
    }

    fn scene<'a>(&'a self, viewer: &'a Viewer) -> Scene<'a> {
        Scene {
            roadmap: &viewer.roadmap,
            lang: self.lang(),
            today: viewer.today,
            window: viewer.window,
            selected: viewer.selected,
            since: self.changes.as_deref().map(|changes| Since {
                changes,
                only_changed: viewer.only_changed,
            }),
        }
    }

    /// The chart of `scene`, made of `viewer`, for rows `width` pixels
    /// wide, from the arrangement kept while the roadmap, day and filter
    /// stay.
    fn chart<'s, 'a>(&self, scene: &'s Scene<'a>, viewer: &Viewer, width: f64) -> Chart<'s, 'a> {
        self.arranged
            .chart(scene, &viewer.roadmap, self.changes.as_ref(), width)
    }

    /// The label column's and the time area's widths, without a layout.
    pub fn column_widths(&self) -> Option<(f64, f64)> {
        self.viewer()?;
        Some(column_widths(self.sizes.rows.0))
    }

    /// The timeline as last laid out, for hit tests.
    pub fn with_chart<T>(&self, f: impl FnOnce(&Chart<'_, '_>) -> T) -> Option<T> {
        let viewer = self.viewer()?;
        let scene = self.scene(viewer);
        let chart = self.chart(&scene, viewer, self.sizes.rows.0);
        Some(f(&chart))
    }

    fn query(&self, selector: &str) -> Option<Element> {
        self.shadow.query_selector(selector).ok().flatten()
    }

    /// Draws everything: the loading line, the alert or the explorer.
    pub fn draw(&mut self) {
        let lang = self.lang();
        let _ = self.root.set_attribute("lang", lang.code());
        let _ = self
            .root
            .set_attribute("data-theme", self.props.theme.keyword());
        let focus = focus_key(&self.shadow);
        match &self.load {
            Load::Loading => {
                self.body.set_inner_html(&loading(lang));
                self.drawn = None;
            }
            Load::Failed(failure) => {
                self.body.set_inner_html(&alert(failure, lang));
                self.drawn = None;
            }
            Load::Ready(viewer) => {
                let view = viewer.choice.shown(self.sizes.explorer);
                let scene = self.scene(viewer);
                let frame = Frame {
                    view,
                    printing: self.printing,
                    rows_width: self.sizes.rows.0,
                    scroll_top: self.scroll_top,
                    rows_height: self.sizes.rows.1,
                };
                let chart =
                    (view == View::Timeline).then(|| self.chart(&scene, viewer, frame.rows_width));
                let in_view = chart
                    .as_ref()
                    .map(|chart| chart.visible_rows(frame.scroll_top, frame.rows_height));
                let rows = chart
                    .as_ref()
                    .zip(in_view.clone())
                    .map(|(chart, in_view)| chart.rows(in_view));
                let mut markup = String::from("<div class=\"explorer\" data-view=\"");
                markup.push_str(view.keyword());
                markup.push_str("\">");
                markup.push_str(&explorer_of(
                    &scene,
                    &frame,
                    chart.as_ref().zip(rows.as_deref()),
                ));
                markup.push_str("</div>");
                self.body.set_inner_html(&markup);
                // What the rows and ticks hold, to redraw them in place,
                // and how many rows there are: rows do not depend on the
                // window, so a scroll needs no layout to know which are
                // in view.
                let (ticks, count, zoom) = match &chart {
                    Some(chart) => (
                        pieces(&chart.tick_marks()),
                        chart.layout.rows.len(),
                        chart.zoom_group(),
                    ),
                    None => (Vec::new(), 0, String::new()),
                };
                self.rows_drawn = rows.as_deref().map(pieces).unwrap_or_default();
                self.ticks_drawn = ticks;
                self.zoom_drawn = zoom;
                self.drawn = Some(Drawn {
                    view,
                    rows_size: self.sizes.rows,
                    rows: in_view.map_or((0, 0), |rows| (rows.start, rows.end)),
                    count,
                });
                self.after_explorer(view);
            }
        }
        restore_focus(&self.shadow, focus.as_ref());
    }

    /// After the explorer is written: the rows' box is scrolled back, its
    /// size followed and checked (a first guess redrawn at once, before
    /// the frame is painted), and the page told the roadmap is drawn.
    fn after_explorer(&mut self, view: View) {
        let scroller = self.query(".timeline .scroller");
        if let Some(observed) = self.observed_scroller.take()
            && let Some((observer, _)) = &self.observer
        {
            observer.unobserve(&observed);
        }
        if let Some(scroller) = &scroller {
            scroller.set_scroll_top(self.scroll_top as i32);
            let size = (
                f64::from(scroller.client_width()),
                f64::from(scroller.client_height()),
            );
            if size != self.sizes.rows && size.0 > 0.0 {
                self.sizes.rows = size;
                self.rows_resized();
            }
            if let Some((observer, _)) = &self.observer {
                observer.observe(scroller);
            }
            self.observed_scroller = Some(scroller.clone());
        }
        self.note_rows();
        let drawn = match view {
            View::List => true,
            View::Timeline => self.sizes.rows.0 > 0.0,
        };
        if drawn && !self.told {
            self.told = true;
            self.pending_drawn = Some(view);
        }
    }

    /// Remembers which rows are on screen, from their count.
    fn note_rows(&mut self) {
        let sizes = self.sizes;
        let top = self.scroll_top;
        if let Some(drawn) = &mut self.drawn {
            let rows = visible_rows(sizes.rows.0, drawn.count, top, sizes.rows.1);
            drawn.rows = (rows.start, rows.end);
            drawn.rows_size = sizes.rows;
        }
    }

    /// Draws what the window changes: the zoom buttons, the period, the
    /// ticks and the rows.
    pub fn draw_window(&mut self) {
        let Some(viewer) = self.viewer() else {
            return;
        };
        if viewer.choice.shown(self.sizes.explorer) != View::Timeline {
            return;
        }
        let focus = focus_key(&self.shadow);
        // The milestone it names moves or goes.
        tip::hide(&self.shadow);
        let scene = self.scene(viewer);
        let chart = self.chart(&scene, viewer, self.sizes.rows.0);
        let rows = chart.visible_rows(self.scroll_top, self.sizes.rows.1);
        let count = chart.layout.rows.len();
        let period = scene.period();
        let zoom = chart.zoom_group();
        // Its pressed states set in place: a button written anew would
        // lose the keyboard focus, to be given back after the drawing.
        if zoom != self.zoom_drawn
            && let Some(group) = self.query(".controls .group.zoom")
        {
            patch_element(&group, &self.zoom_drawn, &zoom);
        }
        if let Some(line) = self.query("p.period") {
            line.set_text_content(Some(&period));
        }
        let mut ticks_drawn = None;
        if let Some(ticks) = self.query("svg.ticks") {
            let mut width = Markup::new();
            width.number(chart.width);
            set_changed(&ticks, "width", &width.finish());
            let marks = chart.tick_marks();
            let new = pieces(&marks);
            if !patch(&ticks, &self.ticks_drawn, &new) {
                ticks.set_inner_html(&marks);
            }
            ticks_drawn = Some(new);
        }
        // The rows' element stays: it may hold a drag's pointer capture.
        let svg = self.query("svg.rows");
        if let Some(svg) = &svg {
            let mut width = Markup::new();
            width.number(chart.width);
            let mut height = Markup::new();
            height.number(chart.height());
            set_changed(svg, "width", &width.finish());
            set_changed(svg, "height", &height.finish());
            set_changed(svg, "aria-label", &rows_label(&scene, &period));
        }
        let rows_markup = chart.rows(rows.clone());
        self.zoom_drawn = zoom;
        if let Some(ticks_drawn) = ticks_drawn {
            self.ticks_drawn = ticks_drawn;
        }
        if let Some(svg) = &svg {
            self.rows_drawn = redraw(svg, &self.rows_drawn, &rows_markup);
        }
        restore_focus(&self.shadow, focus.as_ref());
        if let Some(drawn) = &mut self.drawn {
            drawn.rows = (rows.start, rows.end);
            drawn.rows_size = self.sizes.rows;
            drawn.count = count;
        }
        if !self.told && self.sizes.rows.0 > 0.0 {
            self.told = true;
            self.pending_drawn = Some(View::Timeline);
        }
    }

    /// Draws the rows again when a scroll brings others into view.
    pub fn scrolled(&mut self, top: f64) {
        self.scroll_top = top;
        // Placed by the milestone before the scroll.
        tip::hide(&self.shadow);
        let (Some(drawn), Some(viewer)) = (self.drawn, self.viewer()) else {
            return;
        };
        // Which rows are in view needs no layout once their count is known;
        // their markup does, only when they change.
        let rows = visible_rows(self.sizes.rows.0, drawn.count, top, self.sizes.rows.1);
        if drawn.count > 0 && (rows.start, rows.end) == drawn.rows {
            return;
        }
        let scene = self.scene(viewer);
        let chart = self.chart(&scene, viewer, self.sizes.rows.0);
        let rows = chart.visible_rows(top, self.sizes.rows.1);
        if (rows.start, rows.end) == drawn.rows {
            return;
        }
        let focus = focus_key(&self.shadow);
        let rows_markup = chart.rows(rows.clone());
        if let Some(svg) = self.query("svg.rows") {
            self.rows_drawn = redraw(&svg, &self.rows_drawn, &rows_markup);
        }
        restore_focus(&self.shadow, focus.as_ref());
        if let Some(drawn) = &mut self.drawn {
            drawn.rows = (rows.start, rows.end);
        }
    }

    /// The rows' box is now `self.sizes.rows`: a new width lays the window
    /// out again; a new height only brings other rows into view, if any (a
    /// roadmap shorter than the box's highest shows all its rows at once,
    /// whatever the first guess of that height).
    fn rows_resized(&mut self) {
        let Some(drawn) = self.drawn else {
            return;
        };
        // Sizes are whole pixels.
        if (drawn.rows_size.0 - self.sizes.rows.0).abs() < 0.5 {
            self.scrolled(self.scroll_top);
            if let Some(drawn) = &mut self.drawn {
                drawn.rows_size = self.sizes.rows;
            }
        } else {
            self.draw_window();
        }
    }

    /// The boxes changed size: the view may change, or the timeline's width.
    pub fn resized(&mut self, sizes: Sizes) {
        let before = self.view();
        self.sizes = sizes;
        let Some(view) = self.view() else {
            return;
        };
        match self.drawn {
            Some(drawn) if Some(view) == before && drawn.view == view => {
                if view == View::Timeline && drawn.rows_size != sizes.rows {
                    self.rows_resized();
                }
            }
            _ => self.draw(),
        }
    }

    /// Applies a reader's message and draws what it changes.
    pub fn update(&mut self, msg: Msg) {
        let Load::Ready(viewer) = &mut self.load else {
            return;
        };
        let window_only = matches!(
            msg,
            Msg::ZoomIn
                | Msg::ZoomOut
                | Msg::ZoomAround { .. }
                | Msg::ZoomTo { .. }
                | Msg::PanSteps(_)
                | Msg::PanDays(_)
                | Msg::SetWindow(_)
                | Msg::Today
                | Msg::Fit
        );
        let before = viewer
            .selected
            .and_then(|key| item_id(&viewer.roadmap, key));
        let window = viewer.window;
        viewer.update(msg);
        let after = viewer
            .selected
            .and_then(|key| item_id(&viewer.roadmap, key));
        if window_only {
            if viewer.window != window {
                self.draw_window();
            }
            return;
        }
        self.draw();
        // Focus follows the detail: into it when it opens, back to the
        // item when it closes; by id, so that a newer version (`live`)
        // that moves the open item does not move focus.
        if after != before {
            match (&after, before) {
                (Some(_), _) => {
                    if let Some(heading) = self.query("section.detail h3") {
                        browser::focus(&heading);
                    }
                }
                (None, Some(id)) => self.focus_item(&id),
                (None, None) => {}
            }
        }
    }

    /// Shows a newer notice in the live region.
    fn notice(&mut self, notice: Option<&Notice>) {
        if let Some(note) = &self.note {
            let (class, text) = note_text(notice, self.lang());
            note.set_class_name(class);
            note.set_text_content(Some(&text));
        }
    }

    /// The page's options changed: reload when the source did, else draw.
    pub fn set_props(cell: &Shared, props: WidgetProps) {
        let (reload, compare) = {
            let mut state = cell.borrow_mut();
            let reload = state.props.input != props.input || state.props.live != props.live;
            let compare = !reload && state.props.since != props.since;
            let today = props.today;
            let choice = props.view;
            let view_changed = state.props.view != props.view;
            let live_changed = state.props.live != props.live;
            state.props = props;
            if live_changed {
                state.set_shell();
            }
            if !reload {
                if let Load::Ready(viewer) = &mut state.load {
                    if let Some(today) = today {
                        viewer.today = today;
                    }
                    if view_changed {
                        viewer.choice = choice;
                    }
                }
                state.draw();
            }
            (reload, compare)
        };
        if reload {
            start_load(cell);
        } else if compare {
            start_compare(cell);
        }
        tell_drawn(cell);
    }

    /// Writes the widget's frame: the root with its theme and language,
    /// the body, and the live region when the widget follows its source.
    fn set_shell(&mut self) {
        let markup = shell(self.props.theme.keyword(), self.lang(), self.props.live);
        self.host.set_inner_html(&markup);
        let root = self.host.query_selector(".roadmap").ok().flatten();
        if let Some(root) = root {
            self.body = root
                .query_selector(".body")
                .ok()
                .flatten()
                .unwrap_or_else(|| root.clone());
            self.note = root.query_selector(".live-note").ok().flatten();
            if let Some((observer, _)) = &self.observer {
                observer.observe(&self.body);
            }
            self.root = root;
        }
        self.drawn = None;
    }

    /// Removes everything the widget drew and stops following its source.
    pub fn destroy(&mut self) {
        self.follower = None;
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        self.generation = self.generation.wrapping_add(1);
        while let Some(child) = self.shadow.first_child() {
            let _ = self.shadow.remove_child(&child);
        }
    }
}

/// Starts a widget in `shadow` (already holding the stylesheet).
pub fn start(shadow: ShadowRoot, props: WidgetProps) -> Option<Shared> {
    let document = web_sys::window()?.document()?;
    let host = document.create_element("div").ok()?;
    host.set_class_name("host");
    shadow.append_child(&host).ok()?;
    let cell = Rc::new(RefCell::new(State {
        shadow,
        root: host.clone(),
        body: host.clone(),
        host,
        note: None,
        props,
        load: Load::Loading,
        generation: 0,
        sizes: Sizes::default(),
        scroll_top: 0.0,
        printing: browser::printing(),
        told: false,
        pending_drawn: None,
        drawn: None,
        drag: None,
        wheel_rest: 0.0,
        follower: None,
        observer: None,
        observed_scroller: None,
        rows_drawn: Vec::new(),
        ticks_drawn: Vec::new(),
        zoom_drawn: String::new(),
        changes: None,
        compared: 0,
        arranged: Arranged::default(),
    }));
    let observer = observe_sizes(Rc::downgrade(&cell));
    {
        let mut state = cell.borrow_mut();
        state.observer = observer;
        state.set_shell();
    }
    start_load(&cell);
    tell_drawn(&cell);
    Some(cell)
}

/// Follows the sizes of the body (the explorer's width) and of the rows'
/// box, so that the widget follows its own box, not the window's.
fn observe_sizes(weak: Weak<RefCell<State>>) -> Option<Observer> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Read without the state, which a drawing may hold when a layout
        // it forces delivers observations (Chromium does, in print media).
        let mut explorer = None;
        let mut rows = None;
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<ResizeObserverEntry>() else {
                continue;
            };
            let rect = entry.content_rect();
            let target = entry.target();
            if target.class_name() == "body" {
                explorer = Some(rect.width().round());
            } else {
                // The content box, which the scroll bar's room is not
                // part of: the client box of a box without padding.
                rows = Some((rect.width().round(), rect.height().round()));
            }
        }
        let weak = weak.clone();
        // Drawn in a microtask, still before the frame is painted: a
        // drawing lays the page out, and during a print layout Chromium
        // may deliver observations again, to this very callback.
        wasm_bindgen_futures::spawn_local(async move {
            let Some(cell) = weak.upgrade() else {
                return;
            };
            {
                let Ok(mut state) = cell.try_borrow_mut() else {
                    return;
                };
                let mut sizes = state.sizes;
                sizes.explorer = explorer.unwrap_or(sizes.explorer);
                sizes.rows = rows.unwrap_or(sizes.rows);
                if sizes != state.sizes {
                    state.resized(sizes);
                }
            }
            tell_drawn(&cell);
        });
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    Some((observer, callback))
}

/// Loads the roadmap the options name, then draws it (or why not).
fn start_load(cell: &Shared) {
    let (input, live, mine, weak) = {
        let mut state = cell.borrow_mut();
        state.generation = state.generation.wrapping_add(1);
        state.follower = None;
        state.told = false;
        state.load = Load::Loading;
        state.notice(None);
        state.draw();
        // The sizes a first drawing needs, from the hidden copy of the
        // boxes the loading line carries.
        let size = |selector: &str| {
            state.query(selector).map_or((0.0, 0.0), |element| {
                (
                    f64::from(element.client_width()),
                    f64::from(element.client_height()),
                )
            })
        };
        let explorer = size(".probe .explorer").0;
        let rows = size(".probe .scroller");
        if explorer > 0.0 {
            state.sizes = Sizes { explorer, rows };
        }
        (
            state.props.input.clone(),
            state.props.live,
            state.generation,
            Rc::downgrade(cell),
        )
    };
    match input {
        // A constant guard too, so that the lean module carries no live code.
        RoadmapInput::Url(url) if live::ENABLED && live => {
            let first = std::cell::Cell::new(true);
            let on_update = {
                let weak = weak.clone();
                Rc::new(move |update: LiveUpdate| {
                    let Some(cell) = weak.upgrade() else {
                        return;
                    };
                    let mut newer = false;
                    {
                        let mut state = cell.borrow_mut();
                        if state.generation != mine {
                            return;
                        }
                        match update {
                            LiveUpdate::Roadmap(result) => {
                                newer = !first.replace(false) && result.is_ok();
                                state.loaded(result);
                                if newer {
                                    state.notice(Some(&Notice::updated()));
                                }
                            }
                            LiveUpdate::Refused(text) => {
                                state.notice(Some(&Notice::Refused(text)));
                            }
                            LiveUpdate::Unchanged => state.notice(None),
                        }
                    }
                    // The marks of `since` are of the version they were
                    // compared with: a newer one is compared again.
                    if newer {
                        start_compare(&cell);
                    }
                    tell_drawn(&cell);
                }) as Rc<dyn Fn(LiveUpdate)>
            };
            let follower = live::follow(url, on_update);
            cell.borrow_mut().follower = Some(follower);
        }
        input => load_once(input, move |result| finish(&weak, mine, result)),
    }
    start_compare(cell);
}

/// Compares the edition `since` names with the roadmap shown, when the
/// page asks, then draws the changes; a newer load or `since` drops it.
fn start_compare(cell: &Shared) {
    // Without the feature nothing asks (the options say so): the constant
    // keeps the comparison out of the lean module.
    if !since::ENABLED {
        return;
    }
    let (since, input, mine, weak) = {
        let mut state = cell.borrow_mut();
        let had = state.changes.take().is_some();
        state.compared = state.compared.wrapping_add(1);
        let Some(since) = state.props.since.clone() else {
            if had {
                state.draw();
            }
            return;
        };
        (
            since,
            state.props.input.clone(),
            state.compared,
            Rc::downgrade(cell),
        )
    };
    wasm_bindgen_futures::spawn_local(async move {
        let changes = since::compare(&since, &input).await;
        let Some(cell) = weak.upgrade() else {
            return;
        };
        let mut state = cell.borrow_mut();
        if state.compared == mine {
            state.changes = Some(Rc::new(changes));
            state.draw();
        }
    });
}

/// A load finished: drawn unless a newer one started meanwhile.
fn finish(weak: &Weak<RefCell<State>>, mine: u32, result: Result<Rc<Roadmap>, LoadFailure>) {
    let Some(cell) = weak.upgrade() else {
        return;
    };
    {
        let mut state = cell.borrow_mut();
        if state.generation != mine {
            return;
        }
        state.loaded(result);
    }
    tell_drawn(&cell);
}

impl State {
    /// A roadmap (or why there is none) arrived: a newer version of the
    /// one shown keeps the reader's view; else it starts from the whole
    /// roadmap, then opens the item the page's URL names.
    fn loaded(&mut self, result: Result<Rc<Roadmap>, LoadFailure>) {
        match (result, &mut self.load) {
            (Ok(roadmap), Load::Ready(_)) => self.update(Msg::Replace(roadmap)),
            (Ok(roadmap), _) => {
                let today = self.props.today.unwrap_or_else(browser::today);
                self.load = Load::Ready(Viewer::new(roadmap, today, self.props.view));
                self.scroll_top = 0.0;
                self.draw();
                self.reveal_fragment();
            }
            (Err(failure), _) => {
                self.load = Load::Failed(failure);
                self.draw();
            }
        }
    }

    /// Opens the item the page URL's fragment names, if this roadmap has it.
    pub fn reveal_fragment(&mut self) {
        let key = self.viewer().and_then(|viewer| {
            browser::url_fragment().and_then(|id| crate::items::linked_item(&viewer.roadmap, &id))
        });
        if let Some(key) = key {
            self.update(Msg::Reveal(key));
        }
    }
}

/// Tells the page the roadmap is drawn, when a drawing said so; outside
/// of the state's borrow, since the page's listener may call the widget.
pub fn tell_drawn(cell: &Shared) {
    let (view, root) = {
        let mut state = cell.borrow_mut();
        (state.pending_drawn.take(), state.root.clone())
    };
    if let Some(view) = view {
        browser::announce_drawn(&root, view.keyword());
    }
}

/// Sets an attribute unless it has that value already: the same value
/// set again would still make the browser look at the element again.
fn set_changed(element: &Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

/// The attributes that name a focusable element across drawings.
const FOCUS_KEYS: [&str; 5] = [
    "data-item",
    "data-crowd",
    "data-act",
    "data-open",
    "data-focus",
];

/// How to find the focused element again: one of its [`FOCUS_KEYS`].
fn focus_key(shadow: &ShadowRoot) -> Option<(&'static str, String)> {
    let active = shadow.active_element()?;
    FOCUS_KEYS
        .iter()
        .find_map(|&name| active.get_attribute(name).map(|value| (name, value)))
}

/// Focuses the element named `key` when focus was lost by a drawing.
fn restore_focus(shadow: &ShadowRoot, key: Option<&(&'static str, String)>) {
    let Some((name, value)) = key else {
        return;
    };
    if shadow.active_element().is_some() {
        return;
    }
    if let Some(element) = find(shadow, name, value) {
        browser::focus(&element);
    }
}

impl State {
    /// Gives the keyboard's focus to the item `id`, or to the crowd of
    /// milestones it is drawn in (known by its first milestone).
    pub fn focus_item(&self, id: &str) {
        let in_crowd = || {
            let roadmap = &self.viewer()?.roadmap;
            let key = roadmap.key_of(id)?;
            let crowd = self.with_chart(|chart| chart.crowd_with(key)).flatten()?;
            find(
                &self.shadow,
                "data-crowd",
                &item_id(roadmap, *crowd.members.first()?)?,
            )
        };
        if let Some(element) = find(&self.shadow, "data-item", id).or_else(in_crowd) {
            browser::focus(&element);
        }
    }
}

/// The first element whose attribute `name` is `value`.
pub fn find(shadow: &ShadowRoot, name: &str, value: &str) -> Option<Element> {
    let mut selector = String::from("[");
    selector.push_str(name);
    selector.push(']');
    let found = shadow.query_selector_all(&selector).ok()?;
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .find(|element| element.get_attribute(name).as_deref() == Some(value))
}
