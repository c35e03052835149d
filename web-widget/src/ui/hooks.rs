//! Hooks over browser observers: the size of an element, kept up to date
//! by a `ResizeObserver` so that the widget follows its own box, not the
//! window's.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::{NodeRef, hook, use_effect_with, use_state_eq};

/// The content box of `node`'s element, `(width, height)` in CSS pixels;
/// `(0, 0)` until first measured.
#[hook]
pub fn use_element_size(node: NodeRef) -> (f64, f64) {
    let size = use_state_eq(|| (0.0, 0.0));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let observer = node.cast::<Element>().and_then(|element| {
                let setter = size.clone();
                let callback =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            let rect = entry.content_rect();
                            setter.set((rect.width().round(), rect.height().round()));
                        }
                    });
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                // Measured now so the first frame is drawn at the right size;
                // client size equals the content box as long as there is no padding.
                size.set((
                    f64::from(element.client_width()),
                    f64::from(element.client_height()),
                ));
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *size
}
