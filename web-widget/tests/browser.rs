//! The widget in a real browser: `mount` on fresh elements, then what its
//! shadow root shows. Run by `scripts/test-widget` in headless Chromium
//! (`cargo test -p roadmap-web-widget --target wasm32-unknown-unknown`
//! with `CHROMEDRIVER` set; the runner is set in `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]
#![allow(missing_docs)]

use std::time::Duration;

use roadmap_web_widget::mount::{WidgetHandle, mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const DINUM_JSON: &str = include_str!("../../data/dinum-2023.json");
const DINUM_TOML: &str = include_str!("../../data/dinum-2023.toml");
const TECH_JSON: &str = include_str!("../../data/tech-gouv-2019-2021.json");
/// The start of the DINUM roadmap's title, in both files.
const DINUM_TITLE: &str = "Une stratégie numérique au service de l'efficacité";
/// Longest wait for the widget to show something.
const PATIENCE: Duration = Duration::from_secs(10);

/// A fresh `<div>` in the page, 900 px wide (the timeline view's width).
fn fresh_element() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let element = document.create_element("div").expect("a div");
    element
        .set_attribute("style", "width: 900px")
        .expect("a style");
    document
        .body()
        .expect("a body")
        .append_child(&element)
        .expect("appended");
    element
}

/// The options object `{ key: value, … }`.
fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value))
            .expect("set");
    }
    object.into()
}

fn mount_with(pairs: &[(&str, &str)]) -> (Element, ShadowRoot, WidgetHandle) {
    let element = fresh_element();
    let handle = mount(&element, &options(pairs))
        .map_err(JsValue::from)
        .expect("mounted");
    let shadow = element.shadow_root().expect("an open shadow root");
    (element, shadow, handle)
}

/// Lets the browser run for `ms` milliseconds (loads finish asynchronously).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    JsFuture::from(promise).await.expect("the timer fires");
}

/// Waits until `selector` matches in `shadow`, at most [`PATIENCE`].
async fn wait_for(shadow: &ShadowRoot, selector: &str) -> Element {
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    loop {
        if let Some(found) = shadow.query_selector(selector).expect("a valid selector") {
            return found;
        }
        assert!(
            js_sys::Date::now() < deadline,
            "no {selector} after {PATIENCE:?}; the shadow root holds: {}",
            shadow.inner_html()
        );
        sleep(20).await;
    }
}

/// Waits until `done` holds, at most [`PATIENCE`].
async fn wait_until(done: impl Fn() -> bool, what: &str) {
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while !done() {
        assert!(
            js_sys::Date::now() < deadline,
            "not after {PATIENCE:?}: {what}"
        );
        sleep(20).await;
    }
}

fn count(shadow: &ShadowRoot, selector: &str) -> u32 {
    shadow
        .query_selector_all(selector)
        .expect("a valid selector")
        .length()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn text_of(shadow: &ShadowRoot, selector: &str) -> String {
    shadow
        .query_selector(selector)
        .expect("a valid selector")
        .map(|element| text(&element))
        .unwrap_or_default()
}

fn click(shadow: &ShadowRoot, selector: &str) {
    shadow
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// The buttons whose text is `label`.
fn button_labelled(shadow: &ShadowRoot, label: &str) -> Option<HtmlElement> {
    let buttons = shadow
        .query_selector_all("button")
        .expect("a valid selector");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .find(|button| button.text_content().is_some_and(|t| t.trim() == label))
}

#[wasm_bindgen_test]
async fn the_json_export_shows_its_title_and_every_axis() {
    let (element, shadow, mut handle) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    let title = wait_for(&shadow, "h2.title").await;
    assert!(text(&title).starts_with(DINUM_TITLE), "{}", text(&title));
    // The stylesheet is the shadow root's own (a constructed, adopted one).
    let sheets = js_sys::Reflect::get(&shadow, &JsValue::from_str("adoptedStyleSheets"))
        .expect("adoptedStyleSheets");
    assert_eq!(js_sys::Array::from(&sheets).length(), 1);
    let style = web_sys::window()
        .expect("a window")
        .get_computed_style(&title)
        .expect("styles")
        .expect("styles");
    // `.title { margin: 0 }`, where an <h2> has a margin of its own.
    assert_eq!(
        style.get_property_value("margin-top").expect("margin-top"),
        "0px"
    );
    // The timeline draws its visible rows once it has measured its width.
    wait_for(&shadow, "svg.rows g.axis-row").await;
    assert_eq!(count(&shadow, "svg.rows g.axis-row"), 6, "six axis headers");
    assert!(count(&shadow, "svg.rows g.bar") > 0, "mission bars");
    // The list (the timeline's printed text alternative) is built for
    // print only, then has every axis too.
    assert_eq!(count(&shadow, ".list"), 0, "no list before print");
    let window = web_sys::window().expect("a window");
    let print = |name: &str| {
        let event = web_sys::Event::new(name).expect("an event");
        window.dispatch_event(&event).expect("dispatched");
    };
    // The event is sent again until the list comes, so that the test does
    // not depend on when the widget starts listening.
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while count(&shadow, ".print-only .list li.axis") == 0 {
        assert!(
            js_sys::Date::now() < deadline,
            "no print list after {PATIENCE:?} of beforeprint events"
        );
        print("beforeprint");
        sleep(20).await;
    }
    assert_eq!(count(&shadow, ".list li.axis"), 6);
    assert_eq!(count(&shadow, ".list li.mission"), 14);
    print("afterprint");
    wait_until(|| count(&shadow, ".list") == 0, "the list goes after print").await;
    assert_eq!(
        shadow
            .query_selector(".roadmap")
            .expect("selector")
            .and_then(|root| root.get_attribute("lang"))
            .as_deref(),
        Some("fr")
    );
    handle.destroy();
    element.remove();
}

#[wasm_bindgen_test]
async fn the_toml_source_shows_the_same_roadmap() {
    let (element, shadow, mut handle) = mount_with(&[
        ("data", DINUM_TOML),
        ("view", "list"),
        ("today", "2023-06-01"),
    ]);
    let title = wait_for(&shadow, "h2.title").await;
    assert!(text(&title).starts_with(DINUM_TITLE), "{}", text(&title));
    assert_eq!(count(&shadow, ".list li.axis"), 6);
    assert_eq!(count(&shadow, ".list li.mission"), 14);
    assert!(
        shadow
            .query_selector("[role=alert]")
            .expect("selector")
            .is_none()
    );
    handle.destroy();
    element.remove();
}

#[wasm_bindgen_test]
async fn invalid_json_says_where_in_an_alert() {
    let (element, shadow, mut handle) =
        mount_with(&[("data", "{\n  \"id\": 1,,\n}"), ("lang", "en")]);
    let alert = wait_for(&shadow, "[role=alert]").await;
    let said = text(&alert);
    assert!(said.contains("Invalid JSON"), "{said}");
    // file:line:column — the inline data is named "data".
    let place = said
        .split("data:2:")
        .nth(1)
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        place.starts_with(|c: char| c.is_ascii_digit()),
        "a column after the line: {said}"
    );
    assert!(
        shadow
            .query_selector("h2.title")
            .expect("selector")
            .is_none()
    );
    // Invalid TOML too.
    handle.update(&options(&[("data", "id = \n"), ("lang", "en")]));
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while !text_of(&shadow, "[role=alert]").contains("Invalid TOML") {
        assert!(
            js_sys::Date::now() < deadline,
            "{}",
            text_of(&shadow, "[role=alert]")
        );
        sleep(20).await;
    }
    assert!(
        text_of(&shadow, "[role=alert]").contains("data:1:"),
        "{}",
        text_of(&shadow, "[role=alert]")
    );
    handle.destroy();
    element.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_a_page_are_independent() {
    let (first_element, first, mut first_handle) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    let (second_element, second, mut second_handle) = mount_with(&[
        ("data", TECH_JSON),
        ("lang", "en"),
        ("view", "timeline"),
        ("theme", "dark"),
        ("today", "2020-06-01"),
    ]);
    wait_for(&first, "p.period").await;
    wait_for(&second, "p.period").await;
    assert!(text_of(&first, "h2.title").starts_with(DINUM_TITLE));
    assert!(!text_of(&second, "h2.title").starts_with(DINUM_TITLE));
    let (first_period, second_period) = (text_of(&first, "p.period"), text_of(&second, "p.period"));

    // Zooming the first leaves the second as it was.
    click(&first, "button[aria-label=Zoomer]");
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while text_of(&first, "p.period") == first_period {
        assert!(js_sys::Date::now() < deadline, "zoom changed nothing");
        sleep(20).await;
    }
    assert_eq!(text_of(&second, "p.period"), second_period);

    // Opening an item in the second opens nothing in the first.
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while second
        .query_selector(".detail")
        .expect("selector")
        .is_none()
    {
        // SVG <g> has no click(): send Enter, as the keyboard does.
        let row = second
            .query_selector("g.axis-row")
            .expect("selector")
            .expect("an axis row");
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
            .expect("an event");
        row.dispatch_event(&event).expect("dispatched");
        assert!(js_sys::Date::now() < deadline, "no detail opened");
        sleep(20).await;
    }
    assert!(first.query_selector(".detail").expect("selector").is_none());
    assert_eq!(
        second
            .query_selector(".roadmap")
            .expect("selector")
            .and_then(|root| root.get_attribute("data-theme"))
            .as_deref(),
        Some("dark")
    );
    assert_eq!(
        first
            .query_selector(".roadmap")
            .expect("selector")
            .and_then(|root| root.get_attribute("data-theme"))
            .as_deref(),
        Some("auto")
    );

    // Removing the second leaves the first drawn.
    second_handle.destroy();
    sleep(50).await;
    assert!(
        second
            .query_selector("h2.title")
            .expect("selector")
            .is_none()
    );
    assert!(text_of(&first, "h2.title").starts_with(DINUM_TITLE));
    first_handle.destroy();
    first_element.remove();
    second_element.remove();
}

#[wasm_bindgen_test]
async fn english_labels_when_asked_for() {
    let (element, shadow, mut handle) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "en"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    let period = wait_for(&shadow, "p.period").await;
    assert!(
        text(&period).starts_with("Period shown"),
        "{}",
        text(&period)
    );
    assert!(button_labelled(&shadow, "List").is_some());
    assert!(button_labelled(&shadow, "Timeline").is_some());
    assert!(button_labelled(&shadow, "Liste").is_none());
    assert!(
        shadow
            .query_selector("button[aria-label='Zoom in']")
            .expect("selector")
            .is_some()
    );
    assert_eq!(
        shadow
            .query_selector(".roadmap")
            .expect("selector")
            .and_then(|root| root.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );
    // And French when asked for, on the same widget.
    handle.update(&options(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]));
    let deadline = js_sys::Date::now() + PATIENCE.as_secs_f64() * 1000.0;
    while button_labelled(&shadow, "Liste").is_none() {
        assert!(js_sys::Date::now() < deadline, "still not French");
        sleep(20).await;
    }
    handle.destroy();
    element.remove();
}

#[wasm_bindgen_test]
fn an_element_without_a_shadow_root_is_refused() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let image = document.create_element("img").expect("an img");
    let error = mount(&image, &options(&[("data", DINUM_JSON)]))
        .err()
        .map(JsValue::from)
        .expect("refused");
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    assert!(message.contains("<img>"), "{message}");
}

#[wasm_bindgen_test]
async fn roadmap_drawn_is_sent_once_from_the_element_after_the_first_draw() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let element = fresh_element();
    // What the page sees: (view, bars drawn then, bubbles, composed).
    let seen = Rc::new(RefCell::new(Vec::<(String, u32, bool, bool)>::new()));
    let listener = {
        let seen = seen.clone();
        let element = element.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let view = js_sys::Reflect::get(&event.detail(), &JsValue::from_str("view"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let bars = element
                .shadow_root()
                .map_or(0, |shadow| count(&shadow, "svg.rows g.bar"));
            seen.borrow_mut()
                .push((view, bars, event.bubbles(), event.composed()));
        })
    };
    // Listened for on the document: the event bubbles out of the element.
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    document
        .add_event_listener_with_callback("roadmap-drawn", listener.as_ref().unchecked_ref())
        .expect("listening");
    let mut handle = mount(
        &element,
        &options(&[
            ("data", DINUM_JSON),
            ("view", "timeline"),
            ("today", "2023-06-01"),
        ]),
    )
    .map_err(JsValue::from)
    .expect("mounted");
    wait_until(|| !seen.borrow().is_empty(), "a roadmap-drawn event").await;
    {
        let seen = seen.borrow();
        let (view, bars, bubbles, composed) = &seen[0];
        assert_eq!(view, "timeline");
        assert!(*bars > 0, "the bars are in the DOM when the event comes");
        assert!(*bubbles && *composed);
    }
    // Zooming redraws, but the first draw is told once.
    let shadow = element.shadow_root().expect("a shadow root");
    click(&shadow, "button.btn.icon[aria-label]");
    sleep(200).await;
    assert_eq!(seen.borrow().len(), 1, "{:?}", seen.borrow());
    document
        .remove_event_listener_with_callback("roadmap-drawn", listener.as_ref().unchecked_ref())
        .expect("removed");
    handle.destroy();
    element.remove();
}

#[wasm_bindgen_test]
async fn a_widget_whose_handle_is_dropped_keeps_working() {
    // A page may keep no handle (`mount` then forget it): the widget lives
    // until `destroy()`, and its listeners and observers with it.
    // `_`: the handle goes at once, as when a page keeps none.
    let (element, shadow, _) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    wait_for(&shadow, "svg.rows g.bar").await;
    let before = text_of(&shadow, "p.period");
    click(&shadow, "button[aria-label=Zoomer]");
    wait_until(
        || text_of(&shadow, "p.period") != before,
        "the zoom button still works",
    )
    .await;
    element.remove();
}

/// The rows' markup.
fn shown_rows(shadow: &ShadowRoot) -> String {
    shadow
        .query_selector("svg.rows")
        .expect("a valid selector")
        .map(|rows| rows.inner_html())
        .unwrap_or_default()
}

/// Asserts that two drawings of the rows are the same, showing where not.
fn same_rows(patched: &str, whole: &str) {
    let at = patched
        .bytes()
        .zip(whole.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(patched.len().min(whole.len()));
    let around = |text: &str| {
        let start = text.floor_char_boundary(at.saturating_sub(300));
        let end = text.ceil_char_boundary((at + 300).min(text.len()));
        text[start..end].to_owned()
    };
    assert!(
        patched == whole,
        "patched and whole drawings differ at byte {at}:\n{}\n---\n{}",
        around(patched),
        around(whole)
    );
}

/// Clicks the button `act` (`zoom-in`, `later`…) and waits for the period
/// shown to change.
async fn step(shadow: &ShadowRoot, act: &str) {
    let before = text_of(shadow, "p.period");
    click(shadow, &format!("button[data-act={act}]"));
    wait_until(|| text_of(shadow, "p.period") != before, "the new period").await;
}

/// Draws the widget whole again (the print events do), and returns the
/// rows' markup then.
async fn rows_drawn_whole(shadow: &ShadowRoot) -> String {
    let window = web_sys::window().expect("a window");
    for name in ["beforeprint", "afterprint"] {
        window
            .dispatch_event(&web_sys::Event::new(name).expect("an event"))
            .expect("dispatched");
        sleep(50).await;
    }
    shown_rows(shadow)
}

/// The milestones drawn.
fn milestones(shadow: &ShadowRoot) -> Vec<Element> {
    let markers = shadow
        .query_selector_all("svg.rows g.marker")
        .expect("a valid selector");
    (0..markers.length())
        .filter_map(|i| markers.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn a_pan_moves_the_milestones_it_keeps_and_draws_what_a_whole_drawing_does() {
    let (element, shadow, mut handle) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    wait_for(&shadow, "svg.rows g.marker").await;
    let before = milestones(&shadow);
    step(&shadow, "later").await;
    // The milestones still in the window are the same elements, moved.
    let kept = before.iter().filter(|marker| marker.is_connected()).count();
    assert!(kept > 0, "no milestone of {} kept", before.len());
    step(&shadow, "earlier").await;
    let patched = shown_rows(&shadow);
    assert!(patched.contains("g class=\"item marker"), "{patched}");
    same_rows(&patched, &rows_drawn_whole(&shadow).await);
    handle.destroy();
    element.remove();
}

/// The rows drawn: axes and lanes.
fn rows_drawn(shadow: &ShadowRoot) -> u32 {
    count(shadow, "svg.rows g.axis-row") + count(shadow, "svg.rows line.lane-line")
}

#[wasm_bindgen_test]
async fn a_taller_box_draws_the_rows_it_brings_into_view() {
    use roadmap_markup::timeline::{OVERSCAN, ROW};
    // The rows' box is 60 px high, then 150: both shorter than the
    // timeline, so that the scroll bar stays and only the height changes.
    let drawn_in =
        |height: f64, all: u32| ((height / ROW).ceil() as u32 + OVERSCAN as u32).min(all);
    let (element, shadow, mut handle) = mount_with(&[
        ("data", DINUM_JSON),
        ("lang", "fr"),
        ("view", "timeline"),
        ("today", "2023-06-01"),
    ]);
    element
        .set_attribute("style", "width: 900px; --roadmap-height: 60px")
        .expect("a style");
    wait_for(&shadow, "svg.rows g.marker").await;
    let svg = wait_for(&shadow, "svg.rows").await;
    let height: f64 = svg
        .get_attribute("height")
        .expect("a height")
        .parse()
        .expect("a number");
    let all = (height / ROW).round() as u32;
    assert!(
        height > 150.0 && drawn_in(150.0, all) < all,
        "{all} rows only"
    );
    wait_until(
        || rows_drawn(&shadow) == drawn_in(60.0, all),
        "the rows of a 60 px box",
    )
    .await;
    element
        .set_attribute("style", "width: 900px; --roadmap-height: 150px")
        .expect("a style");
    wait_until(
        || rows_drawn(&shadow) == drawn_in(150.0, all),
        "the rows of a 150 px box",
    )
    .await;
    handle.destroy();
    element.remove();
}

#[cfg(feature = "embedded-loader")]
#[wasm_bindgen_test]
async fn pans_and_zooms_of_a_large_roadmap_draw_what_a_whole_drawing_does() {
    let data = roadmap_core::synthetic::synthetic_roadmap_json(2_000);
    let (element, shadow, mut handle) = mount_with(&[
        ("data", &data),
        ("lang", "en"),
        ("view", "timeline"),
        ("today", "2025-01-15"),
    ]);
    wait_for(&shadow, "svg.rows g.marker").await;
    // Each step from the one before (a whole drawing resets nothing that
    // a step depends on), then checked against a whole drawing.
    for act in [
        "zoom-in", "later", "later", "zoom-in", "earlier", "zoom-out", "zoom-out",
    ] {
        step(&shadow, act).await;
        let patched = shown_rows(&shadow);
        same_rows(&patched, &rows_drawn_whole(&shadow).await);
    }
    // A pan keeps most milestones: moved, not drawn again.
    let before = milestones(&shadow);
    step(&shadow, "later").await;
    let kept = before.iter().filter(|marker| marker.is_connected()).count();
    assert!(
        kept * 2 > before.len(),
        "{kept} of {} milestones kept",
        before.len()
    );
    handle.destroy();
    element.remove();
}
