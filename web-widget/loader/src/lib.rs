//! The web widget's second wasm module, loaded only by the pages that need
//! it: the full loader of `roadmap_core` (TOML, and every problem located
//! by line and column), for a TOML `src` or a JSON file the lean reader
//! refused. It turns a roadmap file into the JSON export, which the widget
//! then reads on its common path, or into the error the widget shows.

use roadmap_core::{Format, Warnings, load_with, to_json};
use wasm_bindgen::prelude::wasm_bindgen;

/// Why a file did not load, as the widget shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The loader's first error: `file:line:column: message`.
    pub first: String,
    /// How to fix it, when the loader says.
    pub help: Option<String>,
    /// Errors after the first.
    pub more: usize,
}

/// The roadmap `bytes` named `name`, read as `format`, as the JSON export;
/// warnings are dropped unlocated (the `roadmap check` command reports them).
pub fn export(name: &str, bytes: &[u8], format: Format) -> Result<String, Refusal> {
    match load_with(name, bytes, format, Warnings::Drop) {
        Ok(loaded) => Ok(to_json(&loaded.roadmap)),
        Err(error) => {
            let more = error.error_count().saturating_sub(1);
            let (first, help) = error.errors().next().map_or_else(
                || (error.to_string(), None),
                |d| (d.located(name), d.help.clone()),
            );
            Err(Refusal { first, help, more })
        }
    }
}

/// [`export`] for JavaScript: the export's text, or throws
/// `[first, help or undefined, more]`.
#[wasm_bindgen]
pub fn load(name: &str, bytes: &[u8], toml: bool) -> Result<String, js_sys::Array> {
    let format = if toml { Format::Toml } else { Format::Json };
    export(name, bytes, format).map_err(|refusal| {
        js_sys::Array::of3(
            &refusal.first.into(),
            &refusal
                .help
                .map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into),
            &(refusal.more as f64).into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toml_roadmap_becomes_its_export() {
        let toml = include_bytes!("../../../data/tech-gouv-2019-2021.toml");
        let json = include_str!("../../../data/tech-gouv-2019-2021.json");
        let export = export("tech.toml", toml, Format::Toml).expect("loads");
        assert_eq!(export.trim_end(), json.trim_end());
    }

    #[test]
    fn an_invalid_file_names_its_first_error_with_its_place() {
        let refusal = export("bad.json", b"{\n  \"id\": 1,,\n}", Format::Json).expect_err("bad");
        assert!(refusal.first.starts_with("bad.json:2:"), "{refusal:?}");
        let refusal = export("bad.toml", b"id = \n", Format::Toml).expect_err("bad");
        assert!(refusal.first.starts_with("bad.toml:1:"), "{refusal:?}");
        assert!(refusal.help.is_some());
    }
}
