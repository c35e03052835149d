//! Milestones too close together to tell apart, drawn as one mark: a
//! rounded band over their marks with their number, a button whose name
//! says how many, when and in what statuses, and which zooms in on them
//! (the widget). Which milestones crowd is the layout's
//! ([`TimelineLayout::crowds`]); the open milestone, those linked to it
//! and those changed since the compared edition (their Δ mark) are always
//! drawn on their own. Only the widget's timeline crowds: a
//! drawing without a script (an export, a slide) shows every milestone.
//!
//! Over the bench's 10,000 synthetic milestones at their whole window, the
//! rows drawn fall from 1,005 elements (367 milestones, overlapping into a
//! smear no one can point at) to 580 (159 milestones and 17 bands): the
//! browser parses, styles, lays out and paints that much less at a zoom.
//!
//! [`TimelineLayout::crowds`]: roadmap_core::TimelineLayout::crowds

use roadmap_core::{Crowd, Crowding, FuzzyDate, ItemKey, ItemRef, Language, render_range};

use crate::describe::status_text;
use crate::scene::item_id;
use crate::timeline::{Chart, ROW};
use crate::words::Word;
use crate::write::Markup;

/// When marks crowd on the timeline: a day's diamond reaches 7 px each
/// side, a period's mark is at least 4 px wide, and one up to 32 px wide
/// (a quarter over ten years) may crowd; five overlapping marks are too
/// many to point at one by one.
pub const CROWDING: Crowding = Crowding {
    reach: 7.0,
    min_span: 4.0,
    widest: 32.0,
    least: 5,
};

/// A crowd's class attribute, by which the explorer knows one is drawn.
pub const CROWD_CLASS: &str = "class=\"item crowd\"";

/// The narrowest a crowd's band is drawn, so that its number fits.
const MIN_WIDTH: f64 = 24.0;

/// What the pointer or a key acted on in the timeline's rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    /// An item, to open.
    Item(ItemKey),
    /// A crowd of milestones, to zoom in on.
    Crowd(Crowd),
}

impl Chart<'_, '_> {
    /// The crowds of `row`: none in a drawing without a script.
    pub fn crowds(&self, row: usize) -> Vec<Crowd> {
        if !self.interactive {
            return Vec::new();
        }
        self.layout.crowds(row, CROWDING, &|key| {
            self.is_picked(key) || self.scene.changed(key)
        })
    }

    /// The crowd the milestone `key` is drawn in, if any.
    pub fn crowd_with(&self, key: ItemKey) -> Option<Crowd> {
        let row = self.layout.row_of(key)?;
        self.crowds(row)
            .into_iter()
            .find(|crowd| crowd.members.contains(&key))
    }

    /// Where `crowd`'s band lies in the time area: its left edge and width.
    pub(crate) fn band(&self, crowd: &Crowd) -> (f64, f64) {
        let x0 = crowd.x0.max(0.0);
        (x0, (crowd.x1.min(self.time_w) - x0).max(MIN_WIDTH))
    }

    /// Writes `crowd` on its row.
    pub(crate) fn crowd(&self, m: &mut Markup, crowd: &Crowd) {
        let scene = self.scene;
        let y = crowd.row as f64 * ROW;
        let (x0, w) = self.band(crowd);
        let first = crowd.members.first().copied();
        m.raw("<g ")
            .raw(CROWD_CLASS)
            .raw(self.control())
            .attr("aria-label", &self.crowd_name(crowd))
            .attr(
                "data-crowd",
                &first
                    .and_then(|key| item_id(scene.roadmap, key))
                    .unwrap_or_default(),
            )
            .raw(" transform=\"translate(")
            .number(self.label_w + x0)
            .raw(" ")
            .number(y + ROW / 2.0)
            .raw(")\"><rect class=\"crowd-band\" x=\"0\" y=\"-8\"")
            .px("width", w)
            .raw(" height=\"16\" rx=\"8\"/><text class=\"crowd-count\" aria-hidden=\"true\"")
            .px("x", w / 2.0)
            .raw(" y=\"4\">")
            .number(crowd.members.len() as f64)
            .raw("</text></g>");
    }

    /// "12 jalons rapprochés, juillet → décembre 2026 — ○ prévu : 6, ◐ en
    /// cours : 5, ▲ à risque : 1 — zoomer pour les voir un à un".
    fn crowd_name(&self, crowd: &Crowd) -> String {
        let scene = self.scene;
        let lang = scene.lang;
        let mut first: Option<FuzzyDate> = None;
        let mut last: Option<FuzzyDate> = None;
        for &key in &crowd.members {
            let Some(ItemRef::Milestone(_, _, milestone)) = scene.roadmap.get(key) else {
                continue;
            };
            if let Some(date) = milestone.timeline_date() {
                if first.is_none_or(|f| date.first_day() < f.first_day()) {
                    first = Some(date);
                }
                if last.is_none_or(|l| date.last_day() > l.last_day()) {
                    last = Some(date);
                }
            }
        }
        let statuses: Vec<String> = crowd
            .statuses
            .nonzero()
            .map(|(status, n)| format!("{}{}{n}", status_text(status, lang), lang.colon()))
            .collect();
        format!(
            "{} {}, {} — {} — {}",
            crowd.members.len(),
            Word::CrowdedMilestones.text(lang),
            render_range(first, last, lang),
            statuses.join(", "),
            Word::ZoomOnCrowd.text(lang),
        )
    }
}

/// The legend's key of a crowd: its band and a number, and what it does.
pub fn crowd_key(m: &mut Markup, lang: Language) {
    m.raw(
        "<li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"28\" height=\"16\">\
         <rect class=\"crowd-band\" x=\"1\" y=\"1\" width=\"26\" height=\"14\" rx=\"7\"/>\
         <text class=\"crowd-count\" x=\"14\" y=\"12\">5</text></svg>",
    )
    .text(Word::CrowdKey.text(lang))
    .raw("</li>");
}
