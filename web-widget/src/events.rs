//! The widget's event listeners: a handful on its shadow root, which read
//! what was acted on from the markup's `data-` attributes (`data-act` for
//! a control, `data-item` and `data-open` for an item) and turn it into a
//! [`Msg`]; and on the window, deep links (`hashchange`) and printing.

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use roadmap_core::ItemKey;
use roadmap_markup::View;
use roadmap_markup::crowd::Hit;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, KeyboardEvent, MediaQueryListEvent, PointerEvent, ShadowRoot, WheelEvent,
};

use crate::tip;
use crate::viewer::{Msg, ViewChoice, WHEEL_ZOOM_STEP};
use crate::widget::{Drag, Shared, State, tell_drawn};

/// A pointer that moved less than this (pixels) clicked rather than dragged.
const DRAG_THRESHOLD: f64 = 4.0;

/// Listens for what the reader does in the widget, and for the page's
/// fragment and printing; the listeners stop when dropped.
pub fn listen(cell: &Shared) -> Vec<EventListener> {
    let shadow = cell.borrow().shadow.clone();
    let on = |name: &'static str, options: EventListenerOptions, act: fn(&mut State, &Event)| {
        let weak = std::rc::Rc::downgrade(cell);
        EventListener::new_with_options(&shadow, name, options, move |event| {
            if let Some(cell) = weak.upgrade() {
                if let Ok(mut state) = cell.try_borrow_mut() {
                    act(&mut state, event);
                }
                tell_drawn(&cell);
            }
        })
    };
    let tip_on = |name: &'static str, act: fn(&ShadowRoot, &Event)| {
        let root = shadow.clone();
        EventListener::new(&shadow, name, move |event| act(&root, event))
    };
    let passive = EventListenerOptions::default();
    let active = EventListenerOptions::enable_prevent_default();
    // Scroll events do not bubble: heard on their way down.
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    let mut listeners = vec![
        on("click", passive, click),
        on("keydown", active, key_down),
        on("pointerdown", passive, pointer_down),
        on("pointermove", passive, pointer_move),
        on("pointerup", passive, pointer_up),
        on("pointercancel", passive, |state, _| state.drag = None),
        // The tooltip's own: they need no state, and a drawing that moves
        // focus fires them while the state is in use.
        tip_on("pointerover", tip::pointer_over),
        tip_on("pointerout", tip::pointer_out),
        tip_on("focusin", tip::focus_in),
        tip_on("focusout", |shadow, _| {
            tip::hide(shadow);
        }),
        on("wheel", active, wheel),
        on("scroll", capture, |state, event| {
            if let Some(scroller) =
                target(event).filter(|t| t.matches(".scroller").unwrap_or(false))
            {
                state.scrolled(f64::from(scroller.scroll_top()));
            }
        }),
    ];
    if let Some(window) = web_sys::window() {
        let window_on = |name: &'static str, act: fn(&mut State, &Event)| {
            let weak = std::rc::Rc::downgrade(cell);
            EventListener::new(&window, name, move |event| {
                if let Some(cell) = weak.upgrade() {
                    if let Ok(mut state) = cell.try_borrow_mut() {
                        act(&mut state, event);
                    }
                    tell_drawn(&cell);
                }
            })
        };
        listeners.push(window_on("hashchange", |state, _| state.reveal_fragment()));
        listeners.push(window_on("beforeprint", |state, _| printing(state, true)));
        listeners.push(window_on("afterprint", |state, _| printing(state, false)));
        if let Ok(Some(query)) = window.match_media("print") {
            let weak = std::rc::Rc::downgrade(cell);
            listeners.push(EventListener::new(&query, "change", move |event| {
                let Some(matches) = event
                    .dyn_ref::<MediaQueryListEvent>()
                    .map(MediaQueryListEvent::matches)
                else {
                    return;
                };
                // Drawn in a microtask, still before the page is laid out
                // for print: drawing measures the boxes, and a layout in
                // print media may report this change again, to this very
                // listener.
                let weak = weak.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(cell) = weak.upgrade() {
                        if let Ok(mut state) = cell.try_borrow_mut() {
                            printing(&mut state, matches);
                        }
                        tell_drawn(&cell);
                    }
                });
            }));
        }
    }
    listeners
}

/// The list is built for print only: from `beforeprint` (or print media
/// matching) to `afterprint`.
fn printing(state: &mut State, on: bool) {
    if state.printing != on {
        state.printing = on;
        if state.view() == Some(View::Timeline) {
            state.draw();
        }
    }
}

fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// The element of `event`'s target that matches `selector`.
fn closest(event: &Event, selector: &str) -> Option<Element> {
    target(event)?.closest(selector).ok().flatten()
}

/// The item whose id is `id` in the roadmap shown.
fn key_of(state: &State, id: &str) -> Option<ItemKey> {
    state.viewer()?.roadmap.key_of(id)
}

/// A control's message, by its `data-act`.
fn act_msg(state: &State, act: &str) -> Option<Msg> {
    let zoom_to = |scale| {
        let (_, width) = state.column_widths()?;
        Some(Msg::ZoomTo { scale, width })
    };
    Some(match act {
        "zoom-in" => Msg::ZoomIn,
        "zoom-out" => Msg::ZoomOut,
        "years" => zoom_to(roadmap_core::TickScale::Years)?,
        "quarters" => zoom_to(roadmap_core::TickScale::Quarters)?,
        "months" => zoom_to(roadmap_core::TickScale::Months)?,
        "fit" => Msg::Fit,
        "earlier" => Msg::PanSteps(-1),
        "later" => Msg::PanSteps(1),
        "today" => Msg::Today,
        "view-timeline" => Msg::Choose(ViewChoice::Timeline),
        "view-list" => Msg::Choose(ViewChoice::List),
        "close" => Msg::Close,
        "only-changed" => Msg::OnlyChanged,
        _ => return None,
    })
}

fn click(state: &mut State, event: &Event) {
    // The timeline's rows are hit-tested by the pointer handlers.
    if closest(event, "svg.rows").is_some() {
        return;
    }
    let Some(element) = closest(event, "[data-act],[data-item],[data-open]") else {
        return;
    };
    let msg = if let Some(act) = element.get_attribute("data-act") {
        act_msg(state, &act)
    } else {
        element
            .get_attribute("data-item")
            .or_else(|| element.get_attribute("data-open"))
            .and_then(|id| key_of(state, &id))
            .map(Msg::Select)
    };
    if let Some(msg) = msg {
        state.update(msg);
    }
}

fn key_down(state: &mut State, event: &Event) {
    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let key = event.key();
    // Escape first dismisses a milestone's name, then closes the detail.
    if key == "Escape" && tip::hide(&state.shadow) {
        event.prevent_default();
        return;
    }
    let open = state
        .viewer()
        .is_some_and(|viewer| viewer.selected.is_some());
    if key == "Escape" && open {
        event.prevent_default();
        state.update(Msg::Close);
        return;
    }
    // An item of the timeline (an SVG group, not a button) opens on Enter
    // or Space, as a button does; a crowd of milestones zooms in.
    if matches!(key.as_str(), "Enter" | " ")
        && let Some(crowd) = closest(event, "svg.rows [data-crowd]")
    {
        event.prevent_default();
        open_crowd(state, &crowd);
        return;
    }
    if matches!(key.as_str(), "Enter" | " ")
        && let Some(item) = closest(event, "svg.rows [data-item]")
    {
        if let Some(key) = item
            .get_attribute("data-item")
            .and_then(|id| key_of(state, &id))
        {
            event.prevent_default();
            state.update(Msg::Select(key));
        }
        return;
    }
    // The detail's text and links keep their usual keys.
    if state.view() != Some(View::Timeline) || closest(event, ".detail").is_some() {
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
    state.update(msg);
}

fn pointer_down(state: &mut State, event: &Event) {
    let (Some(event), Some(svg)) = (event.dyn_ref::<PointerEvent>(), closest(event, "svg.rows"))
    else {
        return;
    };
    let Some(window) = state.viewer().map(|viewer| viewer.window) else {
        return;
    };
    if event.button() != 0 {
        return;
    }
    state.drag = Some(Drag {
        pointer: event.pointer_id(),
        start_x: f64::from(event.client_x()),
        window,
        moved: false,
    });
    let _ = svg.set_pointer_capture(event.pointer_id());
}

fn pointer_move(state: &mut State, event: &Event) {
    let Some(event) = event.dyn_ref::<PointerEvent>() else {
        return;
    };
    let time_w = state.column_widths().map_or(1.0, |(_, time_w)| time_w);
    let Some(drag) = state
        .drag
        .as_mut()
        .filter(|d| d.pointer == event.pointer_id())
    else {
        return;
    };
    let dx = f64::from(event.client_x()) - drag.start_x;
    drag.moved |= dx.abs() > DRAG_THRESHOLD;
    if drag.moved {
        let per_day = drag.window.scale(time_w).per_day();
        let days = -(dx / per_day).round() as i64;
        let window = drag.window.pan(days);
        state.update(Msg::SetWindow(window));
    }
}

fn pointer_up(state: &mut State, event: &Event) {
    let Some(drag) = state.drag.take() else {
        return;
    };
    let (Some(event), Some(svg)) = (
        event.dyn_ref::<PointerEvent>(),
        state.shadow.query_selector("svg.rows").ok().flatten(),
    ) else {
        return;
    };
    if drag.moved {
        return;
    }
    let rect = svg.get_bounding_client_rect();
    let x = f64::from(event.client_x()) - rect.left();
    let y = f64::from(event.client_y()) - rect.top();
    match state.with_chart(|chart| chart.hit(x, y)).flatten() {
        Some(Hit::Item(key)) => state.update(Msg::Select(key)),
        Some(Hit::Crowd(crowd)) => state.update(Msg::SetWindow(crowd.window)),
        None => {}
    }
}

/// Zooms in on the crowd of milestones `element` draws, then gives the
/// keyboard's focus to its first milestone (or to the smaller crowd that
/// still holds it).
fn open_crowd(state: &mut State, element: &Element) {
    let Some(id) = element.get_attribute("data-crowd") else {
        return;
    };
    let Some(crowd) = key_of(state, &id)
        .and_then(|first| state.with_chart(|chart| chart.crowd_with(first)).flatten())
    else {
        return;
    };
    state.update(Msg::SetWindow(crowd.window));
    state.focus_item(&id);
}

/// Ctrl + wheel zooms around the day under the pointer; a horizontal
/// wheel (or Shift + wheel) pans; a plain vertical wheel scrolls the rows.
fn wheel(state: &mut State, event: &Event) {
    let (Some(event), Some(_)) = (event.dyn_ref::<WheelEvent>(), closest(event, ".scroller"))
    else {
        return;
    };
    let Some((label_w, time_w)) = state.column_widths() else {
        return;
    };
    let Some(window) = state.viewer().map(|viewer| viewer.window) else {
        return;
    };
    let unit = match event.delta_mode() {
        1 => 16.0,
        2 => time_w,
        _ => 1.0,
    };
    let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
    let scale = window.scale(time_w);
    if event.ctrl_key() || event.meta_key() {
        let Some(svg) = state.shadow.query_selector("svg.rows").ok().flatten() else {
            return;
        };
        event.prevent_default();
        let x = f64::from(event.client_x()) - svg.get_bounding_client_rect().left() - label_w;
        let factor = if dy < 0.0 {
            WHEEL_ZOOM_STEP
        } else {
            1.0 / WHEEL_ZOOM_STEP
        };
        state.update(Msg::ZoomAround {
            factor,
            anchor: scale.day_at(x),
        });
        return;
    }
    let delta = if event.shift_key() {
        dy
    } else if dx.abs() > dy.abs() {
        dx
    } else {
        return;
    };
    event.prevent_default();
    let per_day = scale.per_day();
    if per_day <= 0.0 {
        return;
    }
    state.wheel_rest += delta;
    let days = (state.wheel_rest / per_day).trunc();
    state.wheel_rest -= days * per_day;
    if days != 0.0 {
        state.update(Msg::PanDays(days as i64));
    }
}
