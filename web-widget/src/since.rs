//! `since`: what changed since an earlier edition of the roadmap. The
//! comparison is core's and runs in the on-demand loader (`loader/`,
//! `compare`), which the page script fetches only for a widget that asks:
//! the script fetches both editions and hands the loader's words back
//! ([`set_compare`]), so a page without `since` pays for none of it.

use roadmap_markup::since::Changes;
use roadmap_markup::words::Word;

#[cfg(feature = "embedded-loader")]
use crate::options::RoadmapInput;

/// Whether this module marks changes since an edition: the lean module
/// does not (`since` feature); the page script gives such widgets to the
/// other one.
pub const ENABLED: bool = cfg!(feature = "since");

/// Why nothing could be compared, in both languages: the words, then the
/// reason as given.
fn failed(reason: &str) -> Changes {
    let say = |lang| {
        let mut text = String::from(Word::CompareFailed.text(lang));
        text.push_str(lang.colon());
        text.push_str(reason);
        text
    };
    Changes {
        summary: [
            say(roadmap_core::Language::Fr),
            say(roadmap_core::Language::En),
        ],
        items: Vec::new(),
    }
}

#[cfg(feature = "embedded-loader")]
#[allow(clippy::unused_async)]
/// Without the page script (the wasm-bindgen tests), nothing fetches the
/// editions: the comparison says so.
pub async fn compare(_since: &str, _input: &RoadmapInput) -> Changes {
    failed("no page script")
}

#[cfg(not(feature = "embedded-loader"))]
pub use fetched::{compare, set_compare};

#[cfg(not(feature = "embedded-loader"))]
mod fetched {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Promise};
    use roadmap_markup::since::Changes;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::failed;
    use crate::browser::js_message;
    use crate::options::RoadmapInput;

    thread_local! {
        /// `(since, src, data) => Promise<string[]>`, rejected with
        /// `[first, help, more]` when an edition is refused.
        static COMPARE: RefCell<Option<Function>> = const { RefCell::new(None) };
    }

    /// Registers how to compare two editions (called by `roadmap-timeline.js`).
    #[wasm_bindgen(js_name = setCompare)]
    pub fn set_compare(compare: Function) {
        COMPARE.with(|slot| *slot.borrow_mut() = Some(compare));
    }

    /// What changed from the edition at `since` to the roadmap `input`
    /// names; why not, in the summary, when they cannot be compared.
    pub async fn compare(since: &str, input: &RoadmapInput) -> Changes {
        let Some(compare) = COMPARE.with(|slot| slot.borrow().clone()) else {
            return failed("no page script");
        };
        let (src, data) = match input {
            RoadmapInput::Url(url) => (JsValue::from_str(url), JsValue::UNDEFINED),
            RoadmapInput::Inline { text, .. } => (JsValue::UNDEFINED, JsValue::from_str(text)),
            RoadmapInput::Missing => return failed("no roadmap"),
        };
        let promise = match compare.call3(&JsValue::NULL, &since.into(), &src, &data) {
            Ok(promise) => Promise::resolve(&promise),
            Err(error) => return failed(&js_message(&error)),
        };
        match JsFuture::from(promise).await {
            Ok(flat) => {
                let flat: Vec<String> = Array::from(&flat)
                    .iter()
                    .map(|value| value.as_string().unwrap_or_default())
                    .collect();
                Changes::from_flat(&flat)
            }
            Err(error) if Array::is_array(&error) => {
                failed(&Array::from(&error).get(0).as_string().unwrap_or_default())
            }
            Err(error) => failed(&js_message(&error)),
        }
    }
}
