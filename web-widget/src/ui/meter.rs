//! The progress meter: an SVG bar whose fill is sized by a geometry
//! attribute, never a `style` attribute, which a host page's
//! Content-Security-Policy `style-src` without 'unsafe-inline' blocks.

use yew::{Html, html};

/// A bar filled to `percent` (clamped to 0–100); decoration only, the
/// percentage is always said in words next to it.
pub fn meter(percent: f64) -> Html {
    let fill = format!("{:.0}", percent.clamp(0.0, 100.0));
    html! {
        <svg class="meter" aria-hidden="true" viewBox="0 0 100 1" preserveAspectRatio="none">
            <rect class="meter-fill" width={fill} height="1" />
        </svg>
    }
}
