//! Planned against actual, as both programs list it: the roadmap's
//! average slip with how many milestones it rests on, then each axis that
//! has a measured one. The figures and words come from
//! [`roadmap_core::SlipSummary`]; this module picks the lines and fits
//! them to a width, cutting an axis's title before its figure.

use roadmap_core::{Language, Roadmap};

use crate::terminal::cells::{fit, width};

/// The overall line, then one per axis with a measured slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipLines {
    /// "glissement moyen : +13 à +16 mois, sur 4 jalons datés", or
    /// "… : non mesuré".
    pub overall: String,
    /// "38 jalons non mesurés", when some are and some are not.
    pub not_measured: Option<String>,
    /// "1. Title" and "+13 à +16 mois, sur 1 jalon daté".
    pub axes: Vec<(String, String)>,
}

impl SlipLines {
    /// The lines of `roadmap` in `lang`.
    pub fn of(roadmap: &Roadmap, lang: Language) -> SlipLines {
        let summary = roadmap.slip_summary();
        let overall = summary.text(lang);
        let not_measured = summary
            .not_measured_text(lang)
            .filter(|_| summary.measured > 0);
        let axes = roadmap
            .axes()
            .iter()
            .enumerate()
            .filter_map(|(a, axis)| {
                let figure = axis.slip_summary().short_text(lang)?;
                Some((format!("{}. {}", a + 1, axis.title), figure))
            })
            .collect();
        SlipLines {
            overall,
            not_measured,
            axes,
        }
    }

    /// The overall lines: the average, then how many are not measured.
    pub fn overall_lines(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.overall.as_str()).chain(self.not_measured.as_deref())
    }

    /// An axis's line within `room` cells: its title cut first, so the
    /// figure stays whole while it fits.
    pub fn axis_line(label: &str, figure: &str, room: usize) -> String {
        let tail = format!(" — {figure}");
        let label_room = room.saturating_sub(width(&tail));
        if label_room >= 8 {
            format!("{}{tail}", fit(label, label_room))
        } else {
            fit(&format!("{label}{tail}"), room)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_line_cuts_the_title_and_keeps_the_figure() {
        let line = SlipLines::axis_line(
            "1. Un très long titre d'axe",
            "+2 mois, sur 1 jalon daté",
            40,
        );
        assert_eq!(width(&line), 40);
        assert!(line.ends_with(" — +2 mois, sur 1 jalon daté"), "{line}");
        let narrow = SlipLines::axis_line("1. Axe", "+2 mois, sur 1 jalon daté", 12);
        assert!(width(&narrow) <= 12, "{narrow}");
    }
}
