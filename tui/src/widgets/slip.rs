//! Planned against actual, as both programs list it: the roadmap's
//! average slip with how many milestones it rests on, then each axis that
//! has a measured one. The figures and words come from
//! [`roadmap_core::SlipSummary`] and the lines from
//! [`roadmap_core::slides::SlipLines`]; this module fits them to a
//! width, cutting an axis's title before its figure.

use crate::terminal::cells::{fit, width};

pub use roadmap_core::slides::SlipLines;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_line_cuts_the_title_and_keeps_the_figure() {
        let line = axis_line(
            "1. Un très long titre d'axe",
            "+2 mois, sur 1 jalon daté",
            40,
        );
        assert_eq!(width(&line), 40);
        assert!(line.ends_with(" — +2 mois, sur 1 jalon daté"), "{line}");
        let narrow = axis_line("1. Axe", "+2 mois, sur 1 jalon daté", 12);
        assert!(width(&narrow) <= 12, "{narrow}");
    }
}
