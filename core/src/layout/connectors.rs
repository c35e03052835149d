//! Where the dependency lines of one item go: from the end of each item it
//! depends on to its start, and from its end to the start of each item
//! that needs it, in the layout's units and rows. Only the selected
//! item's links are drawn: at terminal resolution the lines of every
//! dependency would cross into a tangle, while one item's read at a
//! glance. A linked item the layout does not place (undated, filtered out
//! or outside the window) gets no line; the detail still lists it.

use super::TimelineLayout;
use crate::links::Link;
use crate::model::{ItemKey, Roadmap};

/// A line from the end of a predecessor to the start of a dependent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Connector {
    /// Where the predecessor ends: its x and row.
    pub from: (f64, usize),
    /// Where the dependent starts: its x and row.
    pub to: (f64, usize),
    /// The predecessor ends after the dependent starts.
    pub late: bool,
    /// The item at the other end from the one selected.
    pub other: ItemKey,
}

impl TimelineLayout<'_> {
    /// The start and end x of `key`'s bar or marker, and its row, when
    /// placed.
    fn extent(&self, key: ItemKey) -> Option<(f64, f64, usize)> {
        match key {
            ItemKey::Mission(..) => self
                .bars
                .iter()
                .find(|b| b.key == key)
                .map(|b| (b.x0, b.x1, b.row)),
            ItemKey::Milestone(..) => self
                .markers
                .iter()
                .find(|m| m.key == key)
                .map(|m| (m.x0, m.x1, m.row)),
            _ => None,
        }
    }

    /// The connectors of `key`'s dependencies, both ways, in the order
    /// of [`Roadmap::depends_on`] then [`Roadmap::needed_by`].
    pub fn connectors(&self, roadmap: &Roadmap, key: ItemKey) -> Vec<Connector> {
        let Some((start, end, row)) = self.extent(key) else {
            return Vec::new();
        };
        let before = roadmap
            .depends_on(key)
            .into_iter()
            .filter_map(|link: Link| {
                let (_, other_end, other_row) = self.extent(link.key)?;
                Some(Connector {
                    from: (other_end, other_row),
                    to: (start, row),
                    late: link.late,
                    other: link.key,
                })
            });
        let after = roadmap.needed_by(key).into_iter().filter_map(|link: Link| {
            let (other_start, _, other_row) = self.extent(link.key)?;
            Some(Connector {
                from: (end, row),
                to: (other_start, other_row),
                late: link.late,
                other: link.key,
            })
        });
        before.chain(after).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Packing;
    use crate::layout::fixtures::{close, options, roadmap, window, x};

    const AXES: &str = r#"
[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "build"
title = "Build"
start = "2019-01"
end = "2020-06"

[[axes.missions]]
id = "roll-out"
title = "Roll-out"
start = "2020-01"
end = "2021-06"
depends_on = ["build"]

[[axes.missions.milestones]]
id = "launch"
title = "Launch"
date = "2020-07-01"
depends_on = ["build", "undated"]

[[axes.missions]]
id = "undated"
title = "Undated"
"#;

    #[test]
    fn lines_join_ends_to_starts_both_ways() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        let build = ItemKey::Mission(0, 0);
        let lines = layout.connectors(&map, build);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        let roll_out = lines[0];
        assert_eq!(roll_out.other, ItemKey::Mission(0, 1));
        close(roll_out.from.0, x(547.0)); // end of 30 June 2020
        close(roll_out.to.0, x(365.0)); // 1 January 2020
        assert_eq!((roll_out.from.1, roll_out.to.1), (1, 2));
        assert!(roll_out.late);
        let launch = lines[1];
        assert_eq!(launch.other, ItemKey::Milestone(0, 1, 0));
        assert!(!launch.late);
        // The undated mission is not placed: no line, and none for it.
        let from_launch = layout.connectors(&map, ItemKey::Milestone(0, 1, 0));
        assert_eq!(from_launch.len(), 1);
        assert!(layout.connectors(&map, ItemKey::Mission(0, 2)).is_empty());
    }
}
