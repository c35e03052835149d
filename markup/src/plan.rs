//! Plan against reality on the timeline: the ghost of a milestone's
//! original plan (a dashed outline behind it) where it was delivered or
//! re-planned elsewhere, and the dependency arrows of the open item, from
//! the end of each predecessor to the start of each dependent. Where the
//! lines go is core's ([`TimelineLayout::connectors_to_edges`]); this
//! module only paints them.
//!
//! Only the open item's arrows are drawn, in the widget: every dependency
//! at once crosses bars and labels into a tangle. An exported drawing has
//! no open item, so it draws none: its list says each dependency in words,
//! with ⚠ when late, and its per-axis blocks would cut every arrow between
//! axes at the block's edge.
//!
//! [`TimelineLayout::connectors_to_edges`]: roadmap_core::TimelineLayout::connectors_to_edges

use roadmap_core::{Connector, Ghost, ItemKey, Phrase, TimelineLayout, capitalised};

use crate::scene::Scene;
use crate::timeline::{Chart, ROW, diamond};
use crate::words::Word;
use crate::write::Markup;

/// The mark of a late dependency, beside its words: colour is never the
/// only sign (the arrow is also dashed).
pub const LATE_MARK: char = '⚠';

/// Length of an arrowhead, in CSS pixels.
const HEAD: f64 = 6.0;
/// How far an arrow runs straight out of an item and into one.
const STUB: f64 = 10.0;

/// Writes the dashed outline of a milestone's original plan, centred on
/// `mid`: a diamond for a day, a rounded span for a longer period, the
/// layout's x 0 at `origin`. Drawn before the marker, so the real one
/// covers it where they meet.
pub fn ghost(m: &mut Markup, ghost: &Ghost, origin: f64, mid: f64) {
    if ghost.is_point() {
        diamond(m, "ghost", origin + ghost.x0, mid, 7.0);
    } else {
        m.raw("<rect class=\"ghost\"")
            .px("x", origin + ghost.x0)
            .px("y", mid - 6.0)
            .px("width", (ghost.x1 - ghost.x0).max(4.0))
            .raw(" height=\"12\" rx=\"6\"/>");
    }
}

/// One of the open item's dependency lines, and which way it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrow {
    /// Where it goes.
    pub line: Connector,
    /// The other item comes first: the open item depends on it.
    pub predecessor: bool,
}

/// The dependency lines of the open item of `layout`, to the window's
/// edges; none when nothing is open.
pub fn arrows_of(scene: &Scene<'_>, layout: &TimelineLayout<'_>) -> Vec<Arrow> {
    let Some(key) = scene.selected else {
        return Vec::new();
    };
    let before = scene.roadmap.depends_on(key);
    layout
        .connectors_to_edges(scene.roadmap, key)
        .into_iter()
        .map(|line| Arrow {
            line,
            predecessor: before.iter().any(|link| link.key == line.other),
        })
        .collect()
}

impl Chart<'_, '_> {
    /// Whether `key` is at the other end of one of the open item's lines.
    pub fn is_linked(&self, key: ItemKey) -> bool {
        self.arrows.iter().any(|arrow| arrow.line.other == key)
    }

    /// The open item's arrows (`g.deps`), over the rows; empty when it
    /// has none.
    pub fn arrows(&self) -> String {
        if self.arrows.is_empty() {
            return String::new();
        }
        let mut m = Markup::new();
        m.raw("<g class=\"deps\">");
        for arrow in &self.arrows {
            self.arrow(&mut m, arrow);
        }
        m.raw("</g>");
        m.finish()
    }

    /// One arrow from the predecessor's end to the dependent's start, its
    /// head at the dependent, named in words (⚠ when late).
    fn arrow(&self, m: &mut Markup, arrow: &Arrow) {
        let line = &arrow.line;
        let mid = |row: usize| row as f64 * ROW + ROW / 2.0;
        let (x1, y1) = (self.label_w + line.from.0, mid(line.from.1));
        let (x2, y2) = (self.label_w + line.to.0, mid(line.to.1));
        m.raw("<g class=\"dep")
            .raw(if line.late { " late" } else { "" })
            .raw(if line.clipped { " clipped" } else { "" })
            .raw("\" role=\"img\"")
            .attr("aria-label", &self.arrow_name(arrow))
            .raw("><path d=\"M")
            .number(x1)
            .raw(" ")
            .number(y1);
        // Out of the predecessor to the right, into the dependent from the
        // left: a curve when the dependent starts after; else (a late
        // dependency) along the line between their rows, so that the way
        // back reads over no bar.
        if x2 - HEAD >= x1 + 2.0 * STUB {
            let reach = ((x2 - x1) / 2.0).max(STUB);
            m.raw(" C")
                .number(x1 + reach)
                .raw(" ")
                .number(y1)
                .raw(" ")
                .number(x2 - reach)
                .raw(" ")
                .number(y2)
                .raw(" ");
        } else {
            let between = if y2 >= y1 {
                y1 + ROW / 2.0
            } else {
                y1 - ROW / 2.0
            };
            m.raw(" H")
                .number(x1 + STUB)
                .raw(" V")
                .number(between)
                .raw(" H")
                .number((x2 - HEAD - STUB).max(self.label_w - HEAD))
                .raw(" V")
                .number(y2)
                .raw(" L");
        }
        m.number(x2 - HEAD)
            .raw(" ")
            .number(y2)
            .raw("\"/><polygon class=\"head\" points=\"")
            .number(x2)
            .raw(",")
            .number(y2)
            .raw(" ")
            .number(x2 - HEAD)
            .raw(",")
            .number(y2 - HEAD / 2.0)
            .raw(" ")
            .number(x2 - HEAD)
            .raw(",")
            .number(y2 + HEAD / 2.0)
            .raw("\"/>");
        if line.clipped {
            // The other item's end, outside the window: a bar across the
            // line at the edge.
            let (x, y) = if arrow.predecessor {
                (x1, y1)
            } else {
                (x2, y2)
            };
            m.raw("<line class=\"edge\"")
                .px("x1", x)
                .px("x2", x)
                .px("y1", y - 7.0)
                .px("y2", y + 7.0)
                .raw("/>");
        }
        m.raw("</g>");
    }

    /// "Dépend de : Title — ⚠ finit après le début de celui-ci (hors de
    /// la période affichée)": what an arrow says, from the open item.
    fn arrow_name(&self, arrow: &Arrow) -> String {
        let (roadmap, lang, line) = (self.scene.roadmap, self.scene.lang, &arrow.line);
        let (phrase, late_words) = if arrow.predecessor {
            (Phrase::DependsOn, Phrase::EndsAfterThisStarts)
        } else {
            (Phrase::NeededBy, Phrase::StartsBeforeThisEnds)
        };
        let mut name = capitalised(lang.phrase(phrase));
        name.push_str(lang.colon());
        if let Some(item) = roadmap.get(line.other) {
            name.push_str(item.title());
        }
        if line.late {
            name.push_str(" — ");
            name.push(LATE_MARK);
            name.push(' ');
            name.push_str(lang.phrase(late_words));
        }
        if line.clipped {
            name.push_str(" (");
            name.push_str(Word::OutsidePeriod.text(lang));
            name.push(')');
        }
        name
    }
}

/// The legend's keys for what this module draws: the original plan's
/// outline when some milestone moved from its plan, the arrows when the
/// open item has dependencies.
pub fn plan_keys(m: &mut Markup, scene: &Scene<'_>) {
    let lang = scene.lang;
    let key = |m: &mut Markup, svg: &str, word: Word| {
        m.raw("<li class=\"shape-key\"><svg aria-hidden=\"true\" width=\"28\" height=\"14\">")
            .raw(svg)
            .raw("</svg>")
            .text(word.text(lang))
            .raw("</li>");
    };
    if scene
        .roadmap
        .milestones()
        .any(|(_, milestone)| milestone.planned_ghost().is_some())
    {
        key(
            m,
            "<rect class=\"ghost\" x=\"1\" y=\"2\" width=\"26\" height=\"10\" rx=\"5\"/>",
            Word::OriginalPlan,
        );
    }
    let Some(selected) = scene.selected else {
        return;
    };
    let links: Vec<_> = (scene.roadmap.depends_on(selected).into_iter())
        .chain(scene.roadmap.needed_by(selected))
        .collect();
    if links.is_empty() {
        return;
    }
    let arrow = |late: bool| {
        format!(
            "<g class=\"dep{}\"><path d=\"M1 7 H21\"/><polygon class=\"head\" points=\"27,7 21,4 21,10\"/></g>",
            if late { " late" } else { "" }
        )
    };
    key(m, &arrow(false), Word::DependencyArrow);
    if links.iter().any(|link| link.late) {
        key(m, &arrow(true), Word::LateDependency);
    }
}
