//! The JavaScript API: `mount(element, options)` renders a widget into an
//! open shadow root of `element`, with the stylesheet inside, so that page
//! and widget styles never mix; the handle it returns updates or removes
//! that widget alone. `js/roadmap-timeline.js` builds the custom element on it.

use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::browser;
use crate::options::{RawOptions, RoadmapInput, WidgetProps};
use crate::widget::{self, Shared, State};

/// The widget's one stylesheet, placed in every shadow root: the markup's.
pub use roadmap_markup::STYLE;

thread_local! {
    /// The widgets on the page, by number: each lives until its handle's
    /// `destroy()`, not until the handle is collected (a page may keep
    /// no handle at all).
    static WIDGETS: RefCell<Vec<(u32, Shared, Vec<EventListener>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A widget on the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    id: u32,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Gives the widget new options (`{ src | data, lang, view, theme, today }`).
    pub fn update(&mut self, options: &JsValue) {
        let widget = WIDGETS.with_borrow(|widgets| {
            widgets
                .iter()
                .find(|(id, ..)| *id == self.id)
                .map(|(_, widget, _)| widget.clone())
        });
        if let Some(widget) = widget {
            State::set_props(&widget, props_from(options));
        }
    }

    /// Removes the widget; its shadow root is left empty.
    pub fn destroy(&mut self) {
        let widget = WIDGETS.with_borrow_mut(|widgets| {
            let at = widgets.iter().position(|(id, ..)| *id == self.id)?;
            Some(widgets.swap_remove(at))
        });
        if let Some((_, widget, listeners)) = widget {
            drop(listeners);
            widget.borrow_mut().destroy();
        }
    }
}

/// Renders a widget into `element`'s open shadow root (made if missing,
/// emptied if there), with `options` `{ src | data, lang, view, theme,
/// today }`. Fails when `element` cannot have a shadow root (e.g. `<img>`).
#[wasm_bindgen]
pub fn mount(element: &Element, options: &JsValue) -> Result<WidgetHandle, JsError> {
    let shadow = shadow_root_of(element)?;
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("the element has no document"))?;
    add_style(&shadow, &document, STYLE)?;
    let props = props_from(options);
    take_prefetch(options, &props);
    let widget = widget::start(shadow, props)
        .ok_or_else(|| JsError::new("the widget could not be drawn in this element"))?;
    let listeners = crate::events::listen(&widget);
    let id = NEXT.replace(NEXT.get().wrapping_add(1));
    WIDGETS.with_borrow_mut(|widgets| widgets.push((id, widget, listeners)));
    Ok(WidgetHandle { id })
}

/// Gives `shadow` the stylesheet `css`: a constructed one (`adoptedStyleSheets`),
/// which a page's Content-Security-Policy `style-src` does not block, else
/// a `<style>` element (older browsers, or an element of another document).
pub(crate) fn add_style(
    shadow: &ShadowRoot,
    document: &Document,
    css: &str,
) -> Result<(), JsError> {
    if let Some(sheet) = constructed_sheet(css) {
        let sheets = js_sys::Array::of1(&sheet);
        let key = JsValue::from_str("adoptedStyleSheets");
        if js_sys::Reflect::set(shadow, &key, &sheets).unwrap_or(false) {
            return Ok(());
        }
    }
    let style = document.create_element("style").map_err(|e| js_error(&e))?;
    style.set_text_content(Some(css));
    shadow.append_child(&style).map_err(|e| js_error(&e))?;
    Ok(())
}

/// `new CSSStyleSheet()` holding `css`, where the browser has it.
fn constructed_sheet(css: &str) -> Option<JsValue> {
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &JsValue::from_str(name));
    let class: js_sys::Function = get(&js_sys::global(), "CSSStyleSheet")
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = js_sys::Reflect::construct(&class, &js_sys::Array::new()).ok()?;
    let replace: js_sys::Function = get(&sheet, "replaceSync").ok()?.dyn_into().ok()?;
    replace.call1(&sheet, &JsValue::from_str(css)).ok()?;
    Some(sheet)
}

pub(crate) fn shadow_root_of(element: &Element) -> Result<ShadowRoot, JsError> {
    if let Some(shadow) = element.shadow_root() {
        while let Some(child) = shadow.first_child() {
            shadow.remove_child(&child).map_err(|e| js_error(&e))?;
        }
        return Ok(shadow);
    }
    element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| {
            JsError::new(&format!(
                "<{}> cannot hold the roadmap widget: {}",
                element.tag_name().to_ascii_lowercase(),
                browser::js_message(&e)
            ))
        })
}

pub(crate) fn js_error(error: &JsValue) -> JsError {
    JsError::new(&browser::js_message(error))
}

/// Keeps the loader's `prefetch: { src, response }`, the roadmap it
/// started fetching while the wasm loaded, for the widget's first fetch:
/// only when that is the URL the widget loads once (not `live`, which
/// follows it with requests of its own), so that none is left over.
fn take_prefetch(options: &JsValue, props: &WidgetProps) {
    let RoadmapInput::Url(url) = &props.input else {
        return;
    };
    if props.live {
        return;
    }
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &JsValue::from_str(name));
    let Ok(prefetch) = get(options, "prefetch") else {
        return;
    };
    let src = get(&prefetch, "src").ok().and_then(|src| src.as_string());
    if let (Some(src), Ok(response)) = (
        src.filter(|src| src.trim() == url.as_str()),
        get(&prefetch, "response").and_then(JsCast::dyn_into::<js_sys::Promise>),
    ) {
        browser::prefetched(&src, response);
    }
}

/// Reads the options object; a `data` object is taken as the JSON export.
pub(crate) fn props_from(options: &JsValue) -> WidgetProps {
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).ok();
    let text = |name: &str| get(name).and_then(|value| value.as_string());
    let data = get("data").and_then(|value| {
        value.as_string().or_else(|| {
            value
                .is_object()
                .then(|| js_sys::JSON::stringify(&value).ok().map(String::from))
                .flatten()
        })
    });
    RawOptions {
        src: text("src"),
        data,
        lang: text("lang"),
        view: text("view"),
        theme: text("theme"),
        today: text("today"),
        since: text("since"),
        // An attribute's text, or `mount`'s `live: true`.
        live: get("live")
            .filter(|value| !value.is_undefined() && !value.is_null())
            .map(|value| {
                value.as_bool().map_or_else(
                    || value.as_string().unwrap_or_default(),
                    |on| on.to_string(),
                )
            }),
    }
    .into_props(browser::parse_day)
}
