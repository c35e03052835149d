//! Why a widget shows no roadmap, said to people: the failure itself
//! ([`LoadFailure`]), the alert that shows it, and the line shown while
//! the roadmap loads.

use std::fmt::Write as _;

use roadmap_core::{ExportRefusal, Format, Language};

use crate::words::Word;
use crate::write::Markup;

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
    /// The lean reader of the JSON export refused the text, and the full
    /// loader, which says what is wrong, could not be fetched: where, and
    /// the command that says what.
    NotAnExport(ExportRefusal),
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
            LoadFailure::NotAnExport(refusal) => {
                format!(
                    "{}{colon}{}",
                    Word::NotAnExport.text(lang),
                    refusal.located()
                )
            }
        }
    }

    /// The file and the place of the first error, as compilers name them:
    /// what a banner says of a refused update.
    pub fn located(&self) -> Option<String> {
        match self {
            LoadFailure::Invalid { first, .. } => Some(first.clone()),
            LoadFailure::NotAnExport(refusal) => Some(refusal.located()),
            _ => None,
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

/// The alert of a roadmap that cannot be shown: what failed, the
/// loader's first error and its hint (in English, as the loader says it).
pub fn alert(failure: &LoadFailure, lang: Language) -> String {
    let mut m = Markup::new();
    m.raw("<div class=\"error\" role=\"alert\"><p class=\"error-title\">")
        .text(Word::LoadFailed.text(lang))
        .raw("</p><p class=\"error-what\">")
        .text(&failure.summary(lang))
        .raw("</p>");
    if let LoadFailure::NotAnExport(refusal) = failure {
        m.raw("<p class=\"error-help\">")
            .text(Word::ForTheDetails.text(lang))
            .text(lang.colon())
            .raw("<code>")
            .text(&format!("roadmap check {}", refusal.file))
            .raw("</code></p>");
    } else if let Some(help) = failure.help() {
        m.raw("<p class=\"error-help\" lang=\"en\">")
            .text(help)
            .raw("</p>");
    }
    m.raw("</div>");
    m.finish()
}

/// The loading line, and a hidden copy of the timeline's boxes (styled
/// `.probe`) that the widget measures while the roadmap loads, so that its
/// first drawing has the right width: the explorer and the rows' scrolled
/// box, made to overflow as a large roadmap does.
pub fn loading(lang: Language) -> String {
    let mut m = Markup::new();
    m.raw("<p class=\"status-line\" role=\"status\">")
        .text(Word::Loading.text(lang))
        .raw(
            "</p><div class=\"probe\" aria-hidden=\"true\"><div class=\"explorer\">\
             <section class=\"timeline\"><div class=\"chart\"><div class=\"scroller\">\
             <svg class=\"rows\" width=\"1\" height=\"4000\"></svg></div></div></section></div></div>",
        );
    m.finish()
}
