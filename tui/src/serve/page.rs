//! The page at `/` of `roadmap serve`: the widget on the served roadmap,
//! with `live` set so that it follows every change of the file; or, when
//! the widget is not built, a page that says how to build it.

use std::path::Path;

use roadmap_core::Language;

use crate::text::Text;

/// The page, in `lang`, for the file at `file`.
pub fn page(lang: Language, file: &str, widget_built: bool) -> String {
    let name = Path::new(file)
        .file_name()
        .map_or(file.into(), |name| name.to_string_lossy());
    let title = format!("{} — {}", escape(&name), Text::ServeTitle.get(lang));
    let body = if widget_built {
        format!(
            "<roadmap-timeline src=\"{}\" live></roadmap-timeline>",
            super::ROADMAP_PATH.trim_start_matches('/')
        )
    } else {
        format!(
            "<p role=\"alert\">{}</p>\n<ul>\n<li><a href=\"{json}\">{}</a></li>\n<li><a href=\"{events}\">{}</a></li>\n</ul>",
            Text::ServeNoWidgetPage.get(lang),
            Text::ServeJsonAt.get(lang),
            Text::ServeEventsAt.get(lang),
            json = super::ROADMAP_PATH,
            events = super::EVENTS_PATH,
        )
    };
    let script = if widget_built {
        "<script type=\"module\" src=\"roadmap-timeline.js\"></script>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>
<html lang=\"{lang}\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>{title}</title>
<link rel=\"icon\" href=\"data:,\">
{script}<style>body {{ font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 90rem; padding: 0 1rem; }}</style>
</head>
<body>
<main>
<h1>{title}</h1>
{body}
</main>
</body>
</html>
",
        lang = lang.code(),
    )
}

/// `text` safe inside HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_shows_the_live_widget_and_escapes_the_file_name() {
        let html = page(Language::En, "/tmp/<plan>.toml", true);
        assert!(html.contains("<roadmap-timeline src=\"roadmap.json\" live>"));
        assert!(html.contains("src=\"roadmap-timeline.js\""));
        assert!(html.contains("&lt;plan&gt;.toml"));
        assert!(!html.contains("<plan>"));
        assert!(!html.contains("/tmp"), "the file's name, not its place");
        assert!(html.contains("<html lang=\"en\">"));
    }

    #[test]
    fn without_the_widget_the_page_says_how_to_build_it() {
        let html = page(Language::Fr, "plan.toml", false);
        assert!(html.contains("./scripts/build-widget"));
        assert!(!html.contains("roadmap-timeline"));
        assert!(html.contains("href=\"/roadmap.json\""));
    }
}
