//! The web widget's second wasm module, loaded only by the pages that need
//! it: the full loader of `roadmap_core` (TOML, and every problem located
//! by line and column), for a TOML `src` or a JSON file the lean reader
//! refused. It turns a roadmap file into the JSON export, which the widget
//! then reads on its common path, or into the error the widget shows.
//! It also compares two editions (`since`), so that pages that do not
//! ask for a comparison never pay for its code.

use roadmap_core::changes::words::since_edition;
use roadmap_core::{Comparison, Format, Language, Roadmap, Warnings, load_with, to_json};
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

/// The roadmap `bytes` named `name`, read as `format`; warnings are
/// dropped unlocated (the `roadmap check` command reports them).
fn roadmap(name: &str, bytes: &[u8], format: Format) -> Result<Roadmap, Refusal> {
    load_with(name, bytes, format, Warnings::Drop)
        .map(|loaded| loaded.roadmap)
        .map_err(|error| {
            let more = error.error_count().saturating_sub(1);
            let (first, help) = error.errors().next().map_or_else(
                || (error.to_string(), None),
                |d| (d.located(name), d.help.clone()),
            );
            Refusal { first, help, more }
        })
}

/// The roadmap `bytes` named `name`, read as `format`, as the JSON export.
pub fn export(name: &str, bytes: &[u8], format: Format) -> Result<String, Refusal> {
    roadmap(name, bytes, format).map(|roadmap| to_json(&roadmap))
}

/// The format of a file named `name`: TOML by its extension, else JSON
/// when it starts with `{`, else TOML (as the widget tells them).
fn format_of(name: &str, bytes: &[u8]) -> Format {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    if path.to_ascii_lowercase().ends_with(".toml") {
        return Format::Toml;
    }
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if text.trim_ascii_start().starts_with(b"{") {
        Format::Json
    } else {
        Format::Toml
    }
}

/// What changed from the edition `old` to `new` (each a roadmap file, its
/// format told by its name, else its content), in core's words, flat for
/// JavaScript: the summary in French and in English, then for each
/// changed item still in `new` its id, its changes in French, in English.
pub fn changes(
    old_name: &str,
    old: &[u8],
    new_name: &str,
    new: &[u8],
) -> Result<Vec<String>, Refusal> {
    let old = roadmap(old_name, old, format_of(old_name, old))?;
    let new = roadmap(new_name, new, format_of(new_name, new))?;
    let comparison = Comparison::between(&old, &new);
    let mut flat = vec![
        since_edition(&comparison, Language::Fr, old.published()),
        since_edition(&comparison, Language::En, old.published()),
    ];
    for item in comparison.items.iter().filter(|item| !item.is_removed()) {
        flat.push(item.id.clone());
        flat.push(item.summary(Language::Fr));
        flat.push(item.summary(Language::En));
    }
    Ok(flat)
}

/// A refusal for JavaScript: `[first, help or undefined, more]`.
fn refusal_array(refusal: Refusal) -> js_sys::Array {
    js_sys::Array::of3(
        &refusal.first.into(),
        &refusal
            .help
            .map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into),
        &(refusal.more as f64).into(),
    )
}

/// [`export`] for JavaScript: the export's text, or throws
/// `[first, help or undefined, more]`.
#[wasm_bindgen]
pub fn load(name: &str, bytes: &[u8], toml: bool) -> Result<String, js_sys::Array> {
    let format = if toml { Format::Toml } else { Format::Json };
    export(name, bytes, format).map_err(refusal_array)
}

/// [`changes`] for JavaScript: the strings, or throws `[first, help or
/// undefined, more]` when either file is refused.
#[wasm_bindgen]
pub fn compare(
    old_name: &str,
    old: &[u8],
    new_name: &str,
    new: &[u8],
) -> Result<js_sys::Array, js_sys::Array> {
    changes(old_name, old, new_name, new)
        .map(|flat| flat.into_iter().map(wasm_bindgen::JsValue::from).collect())
        .map_err(refusal_array)
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
    fn two_editions_compare_in_both_languages() {
        let old = include_bytes!("../../e2e/fixtures/plan-old.toml");
        let new = include_bytes!("../../e2e/fixtures/plan.toml");
        let flat = changes("plan-old.toml", old, "plan.toml", new).expect("both load");
        assert_eq!(
            flat[0],
            "2 changements depuis l'édition comparée (publication\u{a0}: janvier 2020)"
        );
        assert_eq!(
            flat[1],
            "2 changes since the compared edition (published: January 2020)"
        );
        let items: Vec<&[String]> = flat[2..].chunks(3).collect();
        assert_eq!(items.len(), 2, "{flat:?}");
        assert_eq!(items[0][0], "label");
        assert_eq!(items[0][2], "delivered: date unknown → 17 May 2021");
        let refused = changes("bad.toml", b"id = ", "plan.toml", new).expect_err("bad");
        assert!(refused.first.starts_with("bad.toml:1:"), "{refused:?}");
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
