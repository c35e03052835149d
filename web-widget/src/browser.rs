//! The few things the widget asks of the browser: fetching a file (or
//! taking over the fetch the page's loader started), today's date, the
//! page's language and URL fragment, focusing an element, telling the page
//! the roadmap is drawn. They compile natively but only work in a browser.

use std::cell::RefCell;

use js_sys::Promise;
use roadmap_core::{Day, FuzzyDate, Language};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CustomEvent, CustomEventInit, Element, HtmlElement, Response, ShadowRoot, SvgElement,
};

use crate::input::LoadFailure;

thread_local! {
    /// Roadmaps the page's loader asked for while the wasm started:
    /// `(url, Promise<ArrayBuffer | Response>)`, each used once. The
    /// loader reads a successful response's body as soon as it arrives,
    /// so the first drawing starts from bytes already here; a failed one
    /// stays a `Response`, whose status the widget reports.
    static PREFETCHED: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `response`, a `Promise<ArrayBuffer | Response>` for `url`, for
/// the next [`fetch_bytes`] of that URL.
pub fn prefetched(url: &str, response: Promise) {
    PREFETCHED.with_borrow_mut(|list| list.push((url.trim().to_owned(), response)));
}

fn take_prefetched(url: &str) -> Option<Promise> {
    PREFETCHED.with_borrow_mut(|list| {
        let at = list.iter().position(|(kept, _)| kept == url)?;
        Some(list.swap_remove(at).1)
    })
}

/// The bytes at `url`, or why they could not be had; from the response
/// already asked for, when there is one. Bytes, not text: decoding to a
/// JavaScript string and encoding back into wasm memory costs more than
/// the copy (tens of milliseconds for a 4 MB roadmap).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadFailure> {
    let network = |error: &JsValue| LoadFailure::Network {
        url: url.to_owned(),
        message: js_message(error),
    };
    let request = match take_prefetched(url) {
        Some(response) => response,
        None => web_sys::window()
            .ok_or_else(|| network(&JsValue::from_str("no window")))?
            .fetch_with_str(url),
    };
    let response = JsFuture::from(request).await.map_err(|e| network(&e))?;
    // A prefetched body, read already: awaiting it took a microtask, not a
    // task, so the drawing that follows comes before the next frame.
    if let Some(bytes) = response.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(bytes).to_vec());
    }
    let response: Response = response.dyn_into().map_err(|e| network(&e))?;
    if !response.ok() {
        return Err(LoadFailure::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let buffer = response.array_buffer().map_err(|e| network(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| network(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What a JavaScript error says.
pub fn js_message(error: &JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Today in the reader's time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    parse_day(&text).unwrap_or(Day::MIN)
}

/// A day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Option<Day> {
    let date: FuzzyDate = text.trim().parse().ok()?;
    (date.precision() == roadmap_core::Precision::Day).then(|| date.first_day())
}

/// The language of the host page (`<html lang>`), when it is French or
/// English.
pub fn page_language() -> Option<Language> {
    let lang = web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")?;
    Language::from_locale(&lang)
}

/// The page URL's fragment without `#`, when there is one.
pub fn url_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#').unwrap_or(&hash);
    (!id.is_empty()).then(|| id.to_owned())
}

/// Moves keyboard focus to `element`, HTML or SVG.
pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = element.dyn_ref::<SvgElement>() {
        let _ = svg.focus();
    }
}

/// The name of the event a widget sends once its roadmap is first drawn.
pub const DRAWN_EVENT: &str = "roadmap-drawn";

/// Sends [`DRAWN_EVENT`] from the widget holding `element` (the shadow
/// root's host, else `element` itself): bubbling and composed, with
/// `detail.view` set to `view`, so that a page can time or follow the draw.
pub fn announce_drawn(element: &Element, view: &str) {
    let target = element
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .map_or_else(|_| element.clone(), |shadow| shadow.host());
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &detail,
        &JsValue::from_str("view"),
        &JsValue::from_str(view),
    );
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(DRAWN_EVENT, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Whether the page is being printed (or shown as print media) now.
pub fn printing() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("print").ok().flatten())
        .is_some_and(|query| query.matches())
}
