//! The light colours of the widget's stylesheet, read from its custom
//! properties, and the timeline's rules written with them: what a drawing
//! that leaves the widget (a standalone SVG, an HTML fragment without the
//! widget's stylesheet, a PDF) needs to look the same. The stylesheet stays
//! the one source of every colour.

use roadmap_core::Status;

/// The widget's stylesheet as written (`style.css`; [`crate::STYLE`] is
/// the minified copy the widget carries).
pub const WIDGET_CSS: &str = include_str!("style.css");

/// The colour a custom property of the light theme falls back to:
/// `--st-done: var(--roadmap-status-done, #18753c);` gives `#18753c` for
/// `st-done`. Read from the first `.roadmap {` block, the light theme.
pub fn light_colour(name: &str) -> Option<&'static str> {
    let start = WIDGET_CSS.find("\n.roadmap {")?;
    let block = &WIDGET_CSS[start..];
    let block = &block[..block.find('}')?];
    let mut wanted = String::from("--");
    wanted.push_str(name);
    wanted.push(':');
    let line = block
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(&wanted))?;
    let value = line[wanted.len()..].trim().trim_end_matches(';');
    // `var(--roadmap-x, #hex)`: the fallback; else the value itself.
    let value = match value.strip_prefix("var(") {
        Some(inner) => inner.trim_end_matches(')').split_once(',')?.1.trim(),
        None => value,
    };
    value.starts_with('#').then_some(value)
}

/// A colour of the light theme, black when the stylesheet lacks it (a
/// test checks that it never does).
fn colour(name: &str) -> &'static str {
    light_colour(name).unwrap_or("#000000")
}

/// The font stack of the widget (`.host`'s `--roadmap-font` fallback).
pub const FONT_STACK: &str =
    "Marianne, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// The rules a timeline drawing needs, every selector under `scope` (a
/// selector of the drawing's root, e.g. `svg.roadmap-drawing`), the
/// colours resolved: simple selectors and plain values, which every SVG
/// reader understands (custom properties are not).
pub fn drawing_rules(scope: &str, font: &str) -> String {
    let (fg, muted, border, axis_bg, accent, today, bg, surface) = (
        colour("fg"),
        colour("muted"),
        colour("border"),
        colour("axis-bg"),
        colour("accent"),
        colour("today"),
        colour("bg"),
        colour("surface"),
    );
    let mut css = String::new();
    let mut rule = |selector: &str, body: &str| {
        for (n, part) in selector.split(',').enumerate() {
            if n > 0 {
                css.push(',');
            }
            css.push_str(scope);
            css.push(' ');
            css.push_str(part.trim());
        }
        css.push('{');
        css.push_str(body);
        css.push_str("}\n");
    };
    rule("text", &format!("font-family:{font}"));
    rule(".head-band", &format!("fill:{surface}"));
    rule(".page", &format!("fill:{bg}"));
    rule(".ticks text", &format!("fill:{muted};font-size:12px"));
    rule(".ticks .major text", &format!("fill:{fg};font-weight:700"));
    rule(".ticks line", &format!("stroke:{muted}"));
    rule(".today-mark polygon", &format!("fill:{today}"));
    rule(
        ".grid,.divider,.lane-line,.baseline",
        &format!("stroke:{border}"),
    );
    rule(
        ".grid.major",
        &format!("stroke:{muted};stroke-opacity:0.45"),
    );
    rule(".today", &format!("stroke:{today};stroke-width:2"));
    rule(".axis-band", &format!("fill:{axis_bg}"));
    rule(
        ".axis-label",
        &format!("fill:{accent};font-size:13px;font-weight:700"),
    );
    rule(".lane-label", &format!("fill:{fg};font-size:13px"));
    rule(".ring", "fill:none;stroke:none");
    rule(
        ".bar-text",
        &format!("fill:{fg};font-size:12px;font-weight:600"),
    );
    rule(
        ".marker-symbol",
        &format!("fill:{fg};font-size:11px;font-weight:700"),
    );
    rule(
        ".marker-symbol.inside",
        &format!("fill:{bg};text-anchor:middle"),
    );
    rule(
        ".ghost",
        &format!("fill:none;stroke:{muted};stroke-width:1.5;stroke-dasharray:3 2"),
    );
    for status in Status::ALL {
        let class = format!(".s-{}", status.keyword());
        let hue = colour(&format!("st-{}", status.keyword()));
        rule(
            &format!("{class} .bar-body"),
            &format!("fill:{hue};fill-opacity:0.12;stroke:{hue};stroke-width:1.25"),
        );
        rule(
            &format!("{class} .bar-fill"),
            &format!("fill:{hue};fill-opacity:0.35"),
        );
        rule(&format!("{class} .bar-edge"), &format!("fill:{hue}"));
        rule(
            &format!("{class}.marker .shape"),
            &format!("fill:{hue};stroke:{bg};stroke-width:1.5"),
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_the_drawing_uses_is_in_the_stylesheet() {
        for name in [
            "fg", "muted", "border", "axis-bg", "accent", "today", "bg", "surface",
        ] {
            assert!(light_colour(name).is_some(), "--{name} has no colour");
        }
        for status in Status::ALL {
            let name = format!("st-{}", status.keyword());
            assert!(light_colour(&name).is_some(), "--{name} has no colour");
        }
        assert_eq!(light_colour("st-done"), Some("#18753c"));
        assert_eq!(light_colour("no-such-colour"), None);
    }

    #[test]
    fn rules_stay_under_their_scope() {
        let css = drawing_rules("svg.d", "Serif");
        for line in css.lines() {
            for selector in line.split('{').next().unwrap_or_default().split(',') {
                assert!(selector.starts_with("svg.d "), "{line}");
            }
        }
        assert!(
            css.contains("svg.d .s-done .bar-body{fill:#18753c;"),
            "{css}"
        );
    }
}
