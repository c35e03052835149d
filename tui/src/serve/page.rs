//! The page at `/` of `roadmap serve`: the widget on the served roadmap,
//! with `live` set so that it follows every change of the file; or, when
//! the widget is not built, a page that says how to build it. With it, the
//! Content-Security-Policy that lets it load only what it uses. With
//! `--present`, the widget shows the presenter's slides and fills the
//! window.

use std::path::Path;

use axum::http::HeaderValue;
use base64::Engine as _;
use bytes::Bytes;
use roadmap_core::Language;
use sha2::{Digest as _, Sha256};

use crate::text::Text;

/// The page's own stylesheet, inline, allowed by its hash.
const STYLE: &str = "body { font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 90rem; padding: 0 1rem; }";

/// The slides page's stylesheet: the slides fill the window, the page's
/// heading is left to assistive technologies.
const PRESENT_STYLE: &str = "html, body, main { height: 100%; margin: 0; } \
     body { font-family: system-ui, sans-serif; } \
     roadmap-timeline { display: block; height: 100%; } \
     h1 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }";

/// The page and the policy it is served with.
#[derive(Debug, Clone)]
pub struct Page {
    /// The HTML.
    pub html: Bytes,
    /// Its `Content-Security-Policy` header.
    pub policy: HeaderValue,
}

impl Page {
    /// The page, in `lang`, for the file at `file`: its slides when
    /// `present`, else its timeline.
    pub fn new(lang: Language, file: &str, widget_built: bool, present: bool) -> Page {
        let style = if present { PRESENT_STYLE } else { STYLE };
        Page {
            html: html(lang, file, widget_built, present).into(),
            policy: policy(style),
        }
    }
}

/// What the page may load: the widget's script and wasm from this server
/// (`'wasm-unsafe-eval'` compiles the wasm), its requests to the roadmap
/// and the event stream, the page's one inline stylesheet, and the empty
/// icon; nothing else, and no `<base>` or form to send the reader
/// elsewhere. The widget's own stylesheet is a constructed one, which a
/// policy does not govern. Framing is left allowed: a wall screen may show
/// the page in a frame of its own.
fn policy(style: &str) -> HeaderValue {
    let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style));
    let policy = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
         style-src 'sha256-{style}'; img-src data:; base-uri 'none'; form-action 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

/// The page's HTML.
fn html(lang: Language, file: &str, widget_built: bool, present: bool) -> String {
    let name = Path::new(file)
        .file_name()
        .map_or(file.into(), |name| name.to_string_lossy());
    let title = format!("{} — {}", escape(&name), Text::ServeTitle.get(lang));
    let body = if widget_built {
        format!(
            "<roadmap-timeline src=\"{}\" live{}></roadmap-timeline>",
            super::ROADMAP_PATH.trim_start_matches('/'),
            if present { " view=\"slides\"" } else { "" }
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
{script}<style>{style}</style>
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
        style = if present { PRESENT_STYLE } else { STYLE },
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
        let html = html(Language::En, "/tmp/<plan>.toml", true, false);
        assert!(html.contains("<roadmap-timeline src=\"roadmap.json\" live>"));
        assert!(html.contains("src=\"roadmap-timeline.js\""));
        assert!(html.contains("&lt;plan&gt;.toml"));
        assert!(!html.contains("<plan>"));
        assert!(!html.contains("/tmp"), "the file's name, not its place");
        assert!(html.contains("<html lang=\"en\">"));
    }

    #[test]
    fn without_the_widget_the_page_says_how_to_build_it() {
        let html = html(Language::Fr, "plan.toml", false, false);
        assert!(html.contains("./scripts/build-widget"));
        assert!(!html.contains("roadmap-timeline"));
        assert!(html.contains("href=\"/roadmap.json\""));
    }

    #[test]
    fn the_policy_allows_the_inline_stylesheet_by_its_hash() {
        let page = Page::new(Language::En, "plan.toml", true, false);
        let policy = page.policy.to_str().expect("ASCII");
        assert!(policy.starts_with("default-src 'none';"), "{policy}");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        // `printf '%s' "$STYLE" | openssl dgst -sha256 -binary | base64`
        assert!(
            policy.contains("style-src 'sha256-RYSI0lcBaW72EkIDQY7Vdl/1lRdK+LgyX2OiUSyi9v4=';"),
            "{policy}"
        );
        let html = String::from_utf8(page.html.to_vec()).expect("UTF-8");
        assert!(html.contains(&format!("<style>{STYLE}</style>")));
    }

    #[test]
    fn the_present_page_shows_the_live_slides_filling_the_window() {
        let page = Page::new(Language::En, "plan.toml", true, true);
        let html = String::from_utf8(page.html.to_vec()).expect("UTF-8");
        assert!(html.contains("<roadmap-timeline src=\"roadmap.json\" live view=\"slides\">"));
        assert!(html.contains(&format!("<style>{PRESENT_STYLE}</style>")));
        let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(PRESENT_STYLE));
        let policy = page.policy.to_str().expect("ASCII");
        assert!(
            policy.contains(&format!("style-src 'sha256-{style}';")),
            "{policy}"
        );
        let timeline = html_of(&Page::new(Language::En, "plan.toml", true, false));
        assert!(!timeline.contains("view=\"slides\""));
    }

    fn html_of(page: &Page) -> String {
        String::from_utf8(page.html.to_vec()).expect("UTF-8")
    }
}
