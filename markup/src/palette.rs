//! The light colours of the widget's stylesheet, read from its custom
//! properties, and the timeline's rules written with them: what a drawing
//! that leaves the widget (a standalone SVG, an HTML fragment without the
//! widget's stylesheet, a PDF) needs to look the same. The stylesheet stays
//! the one source of every colour.

use roadmap_core::Status;

/// The widget's stylesheet as written (`style.css`; [`crate::STYLE`] is
/// the minified copy the widget carries).
pub const WIDGET_CSS: &str = include_str!("style.css");

/// The value of `property` in the stylesheet's first rule for exactly
/// `selector`: `12px` for `.bar-text`'s `font-size`.
fn declared(selector: &str, property: &str) -> Option<&'static str> {
    let start = WIDGET_CSS.find(&format!("\n{selector} {{"))?;
    let block = &WIDGET_CSS[start..];
    let block = &block[..block.find('}')?];
    block.lines().map(str::trim).find_map(|line| {
        let value = line.strip_prefix(property)?.strip_prefix(':')?;
        Some(value.trim().trim_end_matches(';'))
    })
}

/// The colour a custom property of the light theme falls back to:
/// `--st-done: var(--roadmap-status-done, #18753c);` gives `#18753c` for
/// `st-done`. Read from the first `.roadmap {` block, the light theme.
pub fn light_colour(name: &str) -> Option<&'static str> {
    let value = declared(".roadmap", &format!("--{name}"))?;
    // `var(--roadmap-x, #hex)`: the fallback; else the value itself.
    let value = match value.strip_prefix("var(") {
        Some(inner) => inner.trim_end_matches(')').split_once(',')?.1.trim(),
        None => value,
    };
    value.starts_with('#').then_some(value)
}

/// The `font-size` and `font-weight` the stylesheet gives `selector`, as
/// declarations: the drawing's text keeps the widget's type scale.
fn font_of(selector: &str) -> String {
    ["font-size", "font-weight"]
        .iter()
        .filter_map(|property| Some(format!(";{property}:{}", declared(selector, property)?)))
        .collect()
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
    rule(
        ".ticks text",
        &format!("fill:{muted}{}", font_of(".ticks text")),
    );
    rule(
        ".ticks .major text",
        &format!("fill:{fg}{}", font_of(".ticks .major text")),
    );
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
        &format!("fill:{accent}{}", font_of(".axis-label")),
    );
    rule(
        ".lane-label",
        &format!("fill:{fg}{}", font_of(".lane-label")),
    );
    rule(".ring", "fill:none;stroke:none");
    rule(".bar-text", &format!("fill:{fg}{}", font_of(".bar-text")));
    rule(
        ".marker-symbol",
        &format!("fill:{fg}{}", font_of(".marker-symbol")),
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
    fn the_drawing_takes_its_fonts_from_the_stylesheet() {
        let css = drawing_rules("svg.d", "Serif");
        for expected in [
            "svg.d .ticks text{fill:#666666;font-size:12px}",
            "svg.d .ticks .major text{fill:#161616;font-weight:700}",
            "svg.d .axis-label{fill:#000091;font-size:13px;font-weight:700}",
            "svg.d .lane-label{fill:#161616;font-size:13px}",
            "svg.d .bar-text{fill:#161616;font-size:12px;font-weight:700}",
            "svg.d .marker-symbol{fill:#161616;font-size:12px;font-weight:700}",
        ] {
            assert!(css.contains(expected), "{expected} not in {css}");
        }
    }

    /// Each size and weight costs a browser a font lookup in its first
    /// layout: the stylesheet keeps to the scale its `.roadmap` rule
    /// names (see there), and to two weights.
    #[test]
    fn the_stylesheet_keeps_to_its_type_scale() {
        let sizes = [
            "medium",
            "var(--roadmap-font-size, 0.9375em)",
            "var(--text-title)",
            "var(--text-small)",
            "1em",
            "12px",
            "13px",
            // The chart's 12 px symbols in a 13 px legend, a 15 px entry.
            "calc(12em / 13)",
            "calc(12em / 15)",
        ];
        let mut seen = 0;
        for line in WIDGET_CSS.lines().map(str::trim) {
            if let Some(value) = line.strip_prefix("font-size:") {
                let value = value.trim().trim_end_matches(';');
                assert!(sizes.contains(&value), "font-size {value} is off the scale");
                seen += 1;
            }
            if let Some(value) = line.strip_prefix("font-weight:") {
                let value = value.trim().trim_end_matches(';');
                assert!(["400", "700"].contains(&value), "font-weight {value}");
            }
        }
        assert!(
            seen > 20,
            "only {seen} sizes read: the stylesheet's layout changed"
        );
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
