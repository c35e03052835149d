//! Where the widget's roadmap comes from and why it may fail to arrive:
//! the format of a text (by extension, else by content), reading it (the
//! JSON export by `roadmap_core::read_export`, anything else by the full
//! loader fetched on demand), and the failures shown to people in the widget.

use std::rc::Rc;

use roadmap_core::{Format, Roadmap, read_export};
pub use roadmap_markup::LoadFailure;

use crate::browser;
use crate::full::{self, FullAnswer};
use crate::options::RoadmapInput;

/// The file name in a URL: its last path segment, without query or
/// fragment; the whole text when it has no slash.
pub fn file_name_of(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').next().unwrap_or(path)
}

/// The format of `text` named `name`: by extension (`.json`, `.toml`),
/// else JSON when the text starts with `{`, else TOML.
pub fn detect_format(name: &str, text: &[u8]) -> Format {
    // As `Path::extension` reads it (`.json` alone is a name), without
    // std's path code in the module.
    let file = name.rsplit('/').next().unwrap_or(name);
    let extension = file
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, extension)| extension);
    let is = |wanted: &str| extension.is_some_and(|e| e.eq_ignore_ascii_case(wanted));
    if is("json") {
        Format::Json
    } else if is("toml") {
        Format::Toml
    } else if text
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(text)
        .trim_ascii_start()
        .starts_with(b"{")
    {
        Format::Json
    } else {
        Format::Toml
    }
}

/// Loads `text` (bytes, as fetched: `roadmap_core` checks the encoding)
/// named `name` as a roadmap, its format detected. A JSON export is read
/// here; a TOML file, or a JSON file this reading refuses, goes to the full
/// loader, which gives the export or the error located by line and column.
pub async fn load_roadmap(name: &str, text: impl AsRef<[u8]>) -> Result<Rc<Roadmap>, LoadFailure> {
    let text = text.as_ref();
    let format = detect_format(name, text);
    let lean = (format == Format::Json).then(|| read_json(name, text));
    if let Some(Ok(roadmap)) = lean {
        return Ok(roadmap);
    }
    match full::export(name, text, format).await {
        FullAnswer::Export(export) => read_json(name, export.as_bytes()),
        FullAnswer::Refused { first, help, more } => Err(LoadFailure::Invalid {
            file: name.to_owned(),
            format,
            first,
            help,
            more,
        }),
        // The lean reader's own refusal (where, not why), else the loader's absence.
        FullAnswer::Unavailable(message) => match lean {
            Some(failure) => failure,
            None => Err(LoadFailure::Network {
                url: name.to_owned(),
                message,
            }),
        },
    }
}

/// Reads the roadmap `input` names once and hands it (or why not) to
/// `done`: an export given inline that the lean reader takes, at once,
/// so that it is drawn without waiting; anything else once fetched and
/// read. Following a source (`live`) is the caller's.
pub fn load_once(
    input: RoadmapInput,
    done: impl FnOnce(Result<Rc<Roadmap>, LoadFailure>) + 'static,
) {
    match input {
        RoadmapInput::Url(url) => wasm_bindgen_futures::spawn_local(async move {
            let result = match browser::fetch_bytes(&url).await {
                Ok(bytes) => load_roadmap(file_name_of(&url), &bytes).await,
                Err(failure) => Err(failure),
            };
            done(result);
        }),
        RoadmapInput::Inline { name, text } => match read_lean(&name, text.as_bytes()) {
            Some(roadmap) => done(Ok(roadmap)),
            None => wasm_bindgen_futures::spawn_local(async move {
                done(load_roadmap(&name, text.as_bytes()).await);
            }),
        },
        RoadmapInput::Missing => done(Err(LoadFailure::NoSource)),
    }
}

/// The roadmap in `text` named `name` when it is a JSON export the lean
/// reader accepts: what can be drawn without waiting.
pub fn read_lean(name: &str, text: &[u8]) -> Option<Rc<Roadmap>> {
    (detect_format(name, text) == Format::Json)
        .then(|| read_json(name, text).ok())
        .flatten()
}

/// Reads `text` named `name` as the JSON export, with the lean reader:
/// its refusal says where, and that `roadmap check` says why.
pub fn read_json(name: &str, text: impl AsRef<[u8]>) -> Result<Rc<Roadmap>, LoadFailure> {
    read_export(name, text.as_ref())
        .map(Rc::new)
        .map_err(LoadFailure::NotAnExport)
}

#[cfg(test)]
mod tests {
    use super::*;
    use roadmap_core::Language;

    #[test]
    fn formats_come_from_the_extension_then_the_content() {
        assert_eq!(detect_format("a.JSON", b"id = 1"), Format::Json);
        assert_eq!(detect_format("a.toml", b"{}"), Format::Toml);
        assert_eq!(detect_format("roadmap", b"  {\"id\": 1}"), Format::Json);
        assert_eq!(detect_format("roadmap", b"id = \"x\""), Format::Toml);
        assert_eq!(detect_format("plans/.json", b"id = \"x\""), Format::Toml);
        assert_eq!(detect_format("plans.v2/plan", b"{}"), Format::Json);
        assert_eq!(detect_format("plans/plan.v2.TOML", b"{}"), Format::Toml);
        assert_eq!(
            file_name_of("https://x.fr/d/plan.json?v=2#top"),
            "plan.json"
        );
        assert_eq!(file_name_of("plan.toml"), "plan.toml");
    }

    #[test]
    fn invalid_text_is_refused_with_its_place_and_the_command_that_says_why() {
        let failure = read_json("bad.json", b"{\n  \"id\": 1,,\n}").expect_err("invalid JSON");
        let LoadFailure::NotAnExport(refusal) = &failure else {
            panic!("{failure:?}");
        };
        assert_eq!(refusal.located(), "bad.json:2:9");
        assert_eq!(
            failure.summary(Language::En),
            "This JSON is not a valid roadmap export: bad.json:2:9"
        );
        assert_eq!(
            failure.summary(Language::Fr),
            "Ce JSON n’est pas un export de feuille de route valide\u{a0}: bad.json:2:9"
        );
        let alert = roadmap_markup::failure::alert(&failure, Language::Fr);
        assert!(
            alert.contains("Pour le détail\u{a0}: <code>roadmap check bad.json</code>"),
            "{alert}"
        );
        let toml = LoadFailure::Invalid {
            file: "bad.toml".to_owned(),
            format: Format::Toml,
            first: "bad.toml:1:6: string values must be quoted".to_owned(),
            help: None,
            more: 2,
        };
        assert_eq!(
            toml.summary(Language::Fr),
            "TOML invalide\u{a0}: bad.toml:1:6: string values must be quoted (+2 autres erreurs)"
        );
    }

    /// The place the lean reader names for `text` named `name`.
    fn refused_at(name: &str, text: &[u8]) -> String {
        match read_json(name, text) {
            Err(LoadFailure::NotAnExport(refusal)) => refusal.located(),
            other => panic!("{other:?}"),
        }
    }

    /// The future's output, when it needs no wait (no full loader to fetch).
    #[cfg(not(feature = "embedded-loader"))]
    fn at_once<F: Future>(future: F) -> F::Output {
        use std::task::{Context, Poll, Waker};
        let mut future = std::pin::pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the load waited"),
        }
    }

    #[test]
    #[cfg(not(feature = "embedded-loader"))]
    fn without_the_full_loader_an_export_loads_and_the_rest_says_why_not() {
        let text = include_bytes!("../../data/dinum-2023.json");
        let roadmap = at_once(load_roadmap("dinum-2023.json", text)).expect("loads");
        assert_eq!(roadmap.id(), "dinum-2023");
        // Invalid JSON: the lean reader's own refusal, with its place.
        let failure = at_once(load_roadmap("bad.json", b"{\n  \"id\": 1,,\n}")).expect_err("bad");
        assert_eq!(failure.located().as_deref(), Some("bad.json:2:9"));
        // TOML needs the full loader: its absence is said.
        let failure = at_once(load_roadmap("plan.toml", b"id = \"x\"\n")).expect_err("no loader");
        assert!(
            matches!(&failure, LoadFailure::Network { url, .. } if url == "plan.toml"),
            "{failure:?}"
        );
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_place() {
        // The lean reader takes no key the file structs do not name; the
        // full loader then says it with its hint, as it always did.
        let text = include_str!("../../data/dinum-2023.json").replacen(
            "\"title\"",
            "\"titel\": \"x\",\n  \"title\"",
            1,
        );
        assert_eq!(refused_at("typo.json", text.as_bytes()), "typo.json:3:3");
    }

    #[test]
    fn a_date_in_another_form_is_refused() {
        // Without its hint ("did you mean"): the full loader gives it.
        let text = include_str!("../../data/dinum-2023.json").replacen(
            "\"published\": \"2023-03-09\"",
            "\"published\": \"Q1 2023\"",
            1,
        );
        assert_eq!(
            refused_at("date.json", text.as_bytes()),
            "date.json: published"
        );
    }

    #[test]
    fn what_the_checks_refuse_is_refused_at_the_value_s_path() {
        // This build's checks keep no words: the place is all they give.
        let export = include_str!("../../data/dinum-2023.json");
        let duplicate = export.replacen(
            "\"id\": \"entrepreneurs-interet-general\"",
            "\"id\": \"feuilles-de-route-ministerielles\"",
            1,
        );
        assert_eq!(
            refused_at("d.json", duplicate.as_bytes()),
            "d.json: axes[0].missions[1].id"
        );
        let cycle = export
            .replacen(
                "\"id\": \"feuilles-de-route-ministerielles\",",
                "\"id\": \"feuilles-de-route-ministerielles\", \"depends_on\": [\"brigade-intervention-numerique\"],",
                1,
            )
            .replacen(
                "\"id\": \"brigade-intervention-numerique\",",
                "\"id\": \"brigade-intervention-numerique\", \"depends_on\": [\"feuilles-de-route-ministerielles\"],",
                1,
            );
        assert_eq!(
            refused_at("c.json", cycle.as_bytes()),
            "c.json: axes[0].missions[0].depends_on"
        );
        let control = export.replacen(
            "\"organisation\": \"DINUM\"",
            "\"organisation\": \"DI\\u001bNUM\"",
            1,
        );
        assert_eq!(
            refused_at("x.json", control.as_bytes()),
            "x.json: organisation"
        );
    }

    #[test]
    fn the_bundled_export_loads() {
        let text = include_bytes!("../../data/dinum-2023.json");
        let roadmap = read_json("dinum-2023.json", text).expect("loads");
        assert_eq!(roadmap.id(), "dinum-2023");
    }
}
