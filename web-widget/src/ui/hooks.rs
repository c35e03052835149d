//! Hooks over browser observers: the size of an element, kept up to date
//! by a `ResizeObserver` so that the widget follows its own box, not the
//! window's; and whether the page is being printed.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, MediaQueryListEvent, ResizeObserver, ResizeObserverEntry};
use yew::{NodeRef, hook, use_effect_with, use_state_eq};

/// What of an element's box a component follows: each change of it
/// renders the component again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// The width only; the height stays 0.
    Width,
    /// Width and height.
    Size,
}

impl Follow {
    fn keep(self, width: f64, height: f64) -> (f64, f64) {
        match self {
            Follow::Width => (width, 0.0),
            Follow::Size => (width, height),
        }
    }
}

/// The content box of `node`'s element, `(width, height)` in CSS pixels,
/// as far as `follow` says; `first` (`(0, 0)`: not known) until measured
/// once the element exists.
#[hook]
pub fn use_element_size(node: NodeRef, first: (f64, f64), follow: Follow) -> (f64, f64) {
    let size = use_state_eq(|| follow.keep(first.0, first.1));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let observer = node.cast::<Element>().and_then(|element| {
                let setter = size.clone();
                let callback =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            let rect = entry.content_rect();
                            setter.set(follow.keep(rect.width().round(), rect.height().round()));
                        }
                    });
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                // Measured now so the first frame is drawn at the right size;
                // client size equals the content box as long as there is no padding.
                size.set(follow.keep(
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

/// The sizes of a widget's boxes, measured on a hidden copy of them while
/// the roadmap loads, so that the first render of a loaded roadmap has
/// them and draws its rows at once, instead of rendering once without
/// rows, measuring, and rendering again a frame later. The real boxes are
/// measured all the same: a wrong guess only costs that second render.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FirstSizes {
    /// The explorer's box (`(0, 0)`: not known).
    pub explorer: (f64, f64),
    /// The timeline's scrolled box.
    pub scroller: (f64, f64),
}

/// The hidden copy of the boxes [`FirstSizes`] measures (styled `.probe`):
/// the explorer and the timeline's scroller, made to overflow as a large
/// roadmap does, so that a scrollbar takes its room.
#[hook]
pub fn use_first_sizes(explorer: NodeRef, scroller: NodeRef) -> FirstSizes {
    let sizes = use_state_eq(FirstSizes::default);
    {
        let sizes = sizes.clone();
        use_effect_with((), move |()| {
            let size = |node: &NodeRef| {
                node.cast::<Element>().map_or((0.0, 0.0), |element| {
                    (
                        f64::from(element.client_width()),
                        f64::from(element.client_height()),
                    )
                })
            };
            sizes.set(FirstSizes {
                explorer: size(&explorer),
                scroller: size(&scroller),
            });
        });
    }
    *sizes
}

/// Whether the page is being printed (or shown as print media): true from
/// `beforeprint` (or `matchMedia("print")` matching) to `afterprint`, so
/// that what only paper shows is built only then. Yew renders in a
/// microtask, which runs before the browser lays the page out for print.
#[hook]
pub fn use_printing() -> bool {
    let query = || web_sys::window().and_then(|window| window.match_media("print").ok().flatten());
    let printing = use_state_eq(|| query().is_some_and(|q| q.matches()));
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let set = |value: bool| {
                let printing = printing.clone();
                move |_: &web_sys::Event| printing.set(value)
            };
            let media = query().map(|query| {
                let printing = printing.clone();
                EventListener::new(&query, "change", move |event| {
                    if let Some(event) = event.dyn_ref::<MediaQueryListEvent>() {
                        printing.set(event.matches());
                    }
                })
            });
            let window = web_sys::window().map(|window| {
                (
                    EventListener::new(&window, "beforeprint", set(true)),
                    EventListener::new(&window, "afterprint", set(false)),
                )
            });
            move || drop((media, window))
        });
    }
    *printing
}

#[cfg(test)]
mod tests {
    use super::Follow;

    #[test]
    fn following_the_width_ignores_height_changes() {
        // The explorer follows its width only: its height changes with
        // what it shows, and must not render it again.
        assert_eq!(
            Follow::Width.keep(900.0, 480.0),
            Follow::Width.keep(900.0, 1200.0)
        );
        assert_ne!(
            Follow::Width.keep(900.0, 480.0),
            Follow::Width.keep(600.0, 480.0)
        );
        assert_ne!(
            Follow::Size.keep(900.0, 480.0),
            Follow::Size.keep(900.0, 1200.0)
        );
    }
}
