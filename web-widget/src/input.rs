//! Where the widget's roadmap comes from and why it may fail to arrive:
//! the format of a text (by extension, else by content), loading it with
//! `roadmap_core::load`, and the failures shown to people in the widget.

use std::fmt::Write as _;
use std::path::Path;
use std::rc::Rc;

use roadmap_core::{Format, Language, Roadmap, Warnings, load_with};

use crate::words::Word;

/// Why the widget shows no roadmap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// Neither a URL nor inline data was given.
    NoSource,
    /// The request failed before any answer (offline, CORS, bad URL).
    Network {
        /// The URL asked for.
        url: String,
        /// What the browser said.
        message: String,
    },
    /// The server answered with a status other than 2xx.
    Http {
        /// The URL asked for.
        url: String,
        /// The HTTP status, e.g. 404.
        status: u16,
        /// The status text, e.g. "Not Found" (may be empty).
        status_text: String,
    },
    /// The text is not a valid roadmap.
    Invalid {
        /// The file name used in messages.
        file: String,
        /// The format it was read as.
        format: Format,
        /// The loader's first error: `file:line:column: message`.
        first: String,
        /// How to fix it, when the loader says.
        help: Option<String>,
        /// Errors after the first.
        more: usize,
    },
}

impl LoadFailure {
    /// One line saying what failed, in `lang`.
    pub fn summary(&self, lang: Language) -> String {
        let colon = lang.colon();
        match self {
            LoadFailure::NoSource => Word::NoSource.text(lang).to_owned(),
            LoadFailure::Network { url, message } => {
                format!("{}{colon}{url} — {message}", Word::NetworkError.text(lang))
            }
            LoadFailure::Http {
                url,
                status,
                status_text,
            } => {
                let text = if status_text.is_empty() {
                    String::new()
                } else {
                    format!(" {status_text}")
                };
                format!("{} {status}{text}{colon}{url}", Word::HttpError.text(lang))
            }
            LoadFailure::Invalid {
                format,
                first,
                more,
                ..
            } => {
                let word = match format {
                    Format::Json => Word::InvalidJson,
                    Format::Toml => Word::InvalidToml,
                };
                let mut line = format!("{}{colon}{first}", word.text(lang));
                if *more > 0 {
                    let _ = write!(
                        line,
                        " (+{more} {})",
                        lang.agree(
                            *more,
                            (
                                Word::MoreErrors.text(lang),
                                Word::MoreErrorsPlural.text(lang)
                            )
                        )
                    );
                }
                line
            }
        }
    }

    /// The loader's hint on how to fix an invalid file.
    pub fn help(&self) -> Option<&str> {
        match self {
            LoadFailure::Invalid { help, .. } => help.as_deref(),
            _ => None,
        }
    }
}

/// The file name in a URL: its last path segment, without query or
/// fragment; the whole text when it has no slash.
pub fn file_name_of(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').next().unwrap_or(path)
}

/// The format of `text` named `name`: by extension (`.json`, `.toml`),
/// else JSON when the text starts with `{`, else TOML.
pub fn detect_format(name: &str, text: &[u8]) -> Format {
    let extension = Path::new(name).extension().and_then(|e| e.to_str());
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
/// named `name` as a roadmap, the format detected when not given;
/// warnings are dropped unlocated (the `roadmap check` command reports them).
pub fn parse_roadmap(
    name: &str,
    text: impl AsRef<[u8]>,
    format: Option<Format>,
) -> Result<Rc<Roadmap>, LoadFailure> {
    let text = text.as_ref();
    let format = format.unwrap_or_else(|| detect_format(name, text));
    match load_with(name, text, format, Warnings::Drop) {
        Ok(loaded) => Ok(Rc::new(loaded.roadmap)),
        Err(error) => {
            let first = error.errors().next();
            let more = error.error_count().saturating_sub(1);
            let (first, help) = first.map_or_else(
                || (error.to_string(), None),
                |d| (d.located(name), d.help.clone()),
            );
            Err(LoadFailure::Invalid {
                file: name.to_owned(),
                format,
                first,
                help,
                more,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension_then_the_content() {
        assert_eq!(detect_format("a.JSON", b"id = 1"), Format::Json);
        assert_eq!(detect_format("a.toml", b"{}"), Format::Toml);
        assert_eq!(detect_format("roadmap", b"  {\"id\": 1}"), Format::Json);
        assert_eq!(detect_format("roadmap", b"id = \"x\""), Format::Toml);
        assert_eq!(
            file_name_of("https://x.fr/d/plan.json?v=2#top"),
            "plan.json"
        );
        assert_eq!(file_name_of("plan.toml"), "plan.toml");
    }

    #[test]
    fn invalid_text_names_the_first_error_with_its_place() {
        let failure =
            parse_roadmap("bad.json", b"{\n  \"id\": 1,,\n}", None).expect_err("invalid JSON");
        let LoadFailure::Invalid { format, first, .. } = &failure else {
            panic!("{failure:?}");
        };
        assert_eq!(*format, Format::Json);
        assert!(first.starts_with("bad.json:2:"), "{first}");
        assert!(
            failure
                .summary(Language::En)
                .starts_with("Invalid JSON: bad.json:2:"),
            "{}",
            failure.summary(Language::En)
        );
        let toml = parse_roadmap("bad.toml", b"id = \n", None).expect_err("invalid TOML");
        assert!(toml.summary(Language::Fr).starts_with("TOML invalide"));
    }

    #[test]
    fn the_bundled_export_loads() {
        let text = include_bytes!("../../data/dinum-2023.json");
        let roadmap = parse_roadmap("dinum-2023.json", text, None).expect("loads");
        assert_eq!(roadmap.id(), "dinum-2023");
    }
}
