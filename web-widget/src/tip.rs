//! The timeline's one tooltip: the name of the milestone under the
//! pointer or holding the keyboard's focus, shown under it. A `<title>`
//! in each milestone gave the name on hover only, and cost an element per
//! milestone at every drawing. It stays while the pointer moves onto it,
//! and goes with the pointer, the focus, Escape or a new drawing (WCAG
//! 1.4.13). Hidden from assistive technologies: the milestone's own name
//! says the same.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, MouseEvent, ShadowRoot};

/// What the tooltip names: a milestone of the timeline's rows, or a
/// crowd of them drawn as one mark.
const MILESTONE: &str = "svg.rows .item.marker, svg.rows .item.crowd";

/// What the tooltip is for: the milestone's id, or the crowd's first one.
fn id_of(item: &Element) -> Option<String> {
    item.get_attribute("data-item")
        .or_else(|| item.get_attribute("data-crowd"))
}

/// The milestone `element` is part of, if any.
fn milestone_of(element: &Element) -> Option<Element> {
    element.closest(MILESTONE).ok().flatten()
}

/// The milestone `event` happened on, if any.
fn milestone(event: &Event) -> Option<Element> {
    milestone_of(&event.target()?.dyn_into().ok()?)
}

fn tip(shadow: &ShadowRoot) -> Option<HtmlElement> {
    shadow
        .query_selector(".tip")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// The tooltip, when it is shown.
fn shown(shadow: &ShadowRoot) -> Option<HtmlElement> {
    tip(shadow).filter(|tip| !tip.hidden())
}

/// Shows the name of `item` under it.
fn show(shadow: &ShadowRoot, item: &Element) {
    let (Some(tip), Some(name)) = (tip(shadow), item.get_attribute("aria-label")) else {
        return;
    };
    let Some(section) = tip.parent_element() else {
        return;
    };
    tip.set_text_content(Some(&name));
    let _ = tip.set_attribute("data-for", &id_of(item).unwrap_or_default());
    tip.set_hidden(false);
    let (room, at) = (
        section.get_bounding_client_rect(),
        item.get_bounding_client_rect(),
    );
    // Right under the milestone, touching it so that the pointer can move
    // onto it without leaving both; its left edge kept inside the section.
    let width = f64::from(tip.offset_width());
    let left = (at.left() - room.left()).min(room.width() - width).max(0.0);
    let top = (at.bottom() - room.top()).floor() - 1.0;
    // Whole pixels, printed as integers: printing a float would bring
    // float formatting into the module.
    let style = tip.style();
    let _ = style.set_property("left", &format!("{}px", left.round() as i32));
    let _ = style.set_property("top", &format!("{}px", top as i32));
}

/// Hides the tooltip; whether it was shown.
pub fn hide(shadow: &ShadowRoot) -> bool {
    let Some(tip) = shown(shadow) else {
        return false;
    };
    tip.set_hidden(true);
    true
}

/// The pointer came onto an element: a milestone shows its name.
pub fn pointer_over(shadow: &ShadowRoot, event: &Event) {
    if let Some(item) = milestone(event) {
        show(shadow, &item);
    }
}

/// The pointer left an element: the tooltip goes unless the pointer is
/// still on its milestone or on the tooltip itself.
pub fn pointer_out(shadow: &ShadowRoot, event: &Event) {
    let Some(tip) = shown(shadow) else {
        return;
    };
    let to: Option<Element> = event
        .dyn_ref::<MouseEvent>()
        .and_then(MouseEvent::related_target)
        .and_then(|target| target.dyn_into().ok());
    let stays = to.is_some_and(|to| {
        let on_tip = to.closest(".tip").ok().flatten().is_some();
        let on_item = milestone_of(&to)
            .and_then(|item| id_of(&item))
            .is_some_and(|id| tip.get_attribute("data-for").as_deref() == Some(id.as_str()));
        on_tip || on_item
    });
    if !stays {
        tip.set_hidden(true);
    }
}

/// Focus came to an element: a milestone shows its name; anything else
/// hides it.
pub fn focus_in(shadow: &ShadowRoot, event: &Event) {
    match milestone(event) {
        Some(item) => show(shadow, &item),
        None => {
            hide(shadow);
        }
    }
}
