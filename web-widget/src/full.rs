//! The full loader (`loader/`, a second wasm module), asked for only when
//! the lean reader of the JSON export cannot serve: a TOML roadmap, or a
//! JSON file it refused, whose errors the full loader locates by line and
//! column. The page script registers how to fetch and start it
//! ([`set_full_loader`]); a page that only shows JSON exports never does.

#[cfg(feature = "embedded-loader")]
use roadmap_core::Format;

/// What the full loader answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FullAnswer {
    /// The roadmap as the JSON export, for the lean reader.
    Export(String),
    /// The file is not a valid roadmap.
    Refused {
        /// The loader's first error: `file:line:column: message`.
        first: String,
        /// How to fix it, when the loader says.
        help: Option<String>,
        /// Errors after the first.
        more: usize,
    },
    /// The full loader could not be had (network, no page script): why.
    Unavailable(String),
}

/// Reads `bytes` named `name` as `format` with the full loader, linked in
/// (async as the fetched one is).
#[cfg(feature = "embedded-loader")]
#[allow(clippy::unused_async)]
pub async fn export(name: &str, bytes: &[u8], format: Format) -> FullAnswer {
    match roadmap_widget_loader::export(name, bytes, format) {
        Ok(export) => FullAnswer::Export(export),
        Err(refusal) => FullAnswer::Refused {
            first: refusal.first,
            help: refusal.help,
            more: refusal.more,
        },
    }
}

#[cfg(not(feature = "embedded-loader"))]
pub use fetched::{export, set_full_loader};

#[cfg(not(feature = "embedded-loader"))]
mod fetched {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Promise, Uint8Array};
    use roadmap_core::Format;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::FullAnswer;
    use crate::browser::js_message;

    thread_local! {
        /// `(name, bytes, toml) => Promise<export text>`, rejected with
        /// `[first, help, more]` when the file is refused.
        static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
    }

    /// Registers how to reach the full loader (called by `roadmap-timeline.js`).
    #[wasm_bindgen(js_name = setFullLoader)]
    pub fn set_full_loader(loader: Function) {
        LOADER.with(|slot| *slot.borrow_mut() = Some(loader));
    }

    /// Reads `bytes` named `name` as `format` with the full loader,
    /// fetching it the first time.
    pub async fn export(name: &str, bytes: &[u8], format: Format) -> FullAnswer {
        let Some(loader) = LOADER.with(|slot| slot.borrow().clone()) else {
            return FullAnswer::Unavailable("the full loader is not registered".to_owned());
        };
        let toml = JsValue::from_bool(format == Format::Toml);
        let promise = match loader.call3(
            &JsValue::NULL,
            &name.into(),
            &Uint8Array::from(bytes).into(),
            &toml,
        ) {
            Ok(promise) => Promise::resolve(&promise),
            Err(error) => return FullAnswer::Unavailable(js_message(&error)),
        };
        match JsFuture::from(promise).await {
            Ok(text) => text.as_string().map_or_else(
                || FullAnswer::Unavailable("the full loader gave no text".to_owned()),
                FullAnswer::Export,
            ),
            Err(error) if Array::is_array(&error) => {
                let refusal = Array::from(&error);
                FullAnswer::Refused {
                    first: refusal.get(0).as_string().unwrap_or_default(),
                    help: refusal.get(1).as_string(),
                    more: refusal.get(2).as_f64().unwrap_or(0.0) as usize,
                }
            }
            Err(error) => FullAnswer::Unavailable(js_message(&error)),
        }
    }
}
