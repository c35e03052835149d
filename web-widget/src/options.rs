//! The options a page gives a widget — as attributes of
//! `<roadmap-timeline>` or as the object passed to `mount` — read into the
//! widget's properties.

use roadmap_core::{Day, Language};

use crate::viewer::ViewChoice;

/// Where the roadmap comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoadmapInput {
    /// A URL to fetch (relative to the page), JSON or TOML.
    Url(String),
    /// The text itself, JSON or TOML, named `name` in messages.
    Inline {
        /// Name used in error messages.
        name: String,
        /// The roadmap text.
        text: String,
    },
    /// Nothing was given.
    Missing,
}

/// The colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads the `theme` option: `light`, `dark`, else `auto`.
    pub fn parse(text: &str) -> Theme {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The value of the root's `data-theme` attribute, which the
    /// stylesheet keys on.
    pub fn keyword(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a widget is told by its page.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetProps {
    /// The roadmap.
    pub input: RoadmapInput,
    /// The interface language; else the page's, else French.
    pub lang: Option<Language>,
    /// The view asked for.
    pub view: ViewChoice,
    /// The colour scheme.
    pub theme: Theme,
    /// The day statuses are computed for; else today.
    pub today: Option<Day>,
    /// Keep the roadmap at `src` current without a page reload.
    pub live: bool,
    /// URL of an earlier edition: what changed since it is marked.
    pub since: Option<String>,
}

/// The options as text, the way attributes and option objects carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawOptions {
    /// `src`: URL of a JSON or TOML roadmap.
    pub src: Option<String>,
    /// `data`: the roadmap text itself (wins over `src`).
    pub data: Option<String>,
    /// `lang`: `fr` or `en`.
    pub lang: Option<String>,
    /// `view`: `auto`, `timeline` or `list`.
    pub view: Option<String>,
    /// `theme`: `auto`, `light` or `dark`.
    pub theme: Option<String>,
    /// `today`: `YYYY-MM-DD`, for reproducible pages and tests.
    pub today: Option<String>,
    /// `live`: present (and not `false`) to follow changes of `src`.
    pub live: Option<String>,
    /// `since`: URL of an earlier edition, JSON or TOML.
    pub since: Option<String>,
}

impl RawOptions {
    /// The properties these options give; `parse_day` reads `today`.
    pub fn into_props(self, parse_day: impl Fn(&str) -> Option<Day>) -> WidgetProps {
        let present = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        let input = match (present(self.data), present(self.src)) {
            (Some(text), _) => RoadmapInput::Inline {
                name: "data".to_owned(),
                text,
            },
            (None, Some(url)) => RoadmapInput::Url(url.trim().to_owned()),
            (None, None) => RoadmapInput::Missing,
        };
        WidgetProps {
            input,
            lang: self.lang.as_deref().and_then(Language::from_locale),
            view: self
                .view
                .as_deref()
                .map(ViewChoice::parse)
                .unwrap_or_default(),
            theme: self.theme.as_deref().map(Theme::parse).unwrap_or_default(),
            today: self.today.as_deref().and_then(parse_day),
            live: crate::live::ENABLED && crate::live::is_on(self.live.as_deref()),
            since: present(self.since)
                .filter(|_| crate::since::ENABLED)
                .map(|url| url.trim().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_is_a_trimmed_url_or_nothing() {
        let props = |since: Option<&str>| {
            RawOptions {
                src: Some("plan.json".to_owned()),
                since: since.map(str::to_owned),
                ..RawOptions::default()
            }
            .into_props(|_| None)
        };
        assert_eq!(props(Some(" old.json ")).since.as_deref(), Some("old.json"));
        assert_eq!(props(Some("  ")).since, None);
        assert_eq!(props(None).since, None);
    }
}
