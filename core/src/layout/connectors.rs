//! Where the dependency lines of one item go: from the end of each item it
//! depends on to its start, and from its end to the start of each item
//! that needs it, in the layout's units and rows. Only the selected
//! item's links are drawn: at terminal resolution the lines of every
//! dependency would cross into a tangle, while one item's read at a
//! glance. A linked item the layout does not place (undated, filtered out
//! or outside the window) gets no line; the detail still lists it. Where
//! there is room to say so (a web page), [`TimelineLayout::connectors_to_edges`]
//! also draws the line to an item outside the window, stopped at the edge
//! it lies beyond.

use super::TimelineLayout;
use crate::dates::FuzzyDate;
use crate::links::{Dates, Link, bounds};
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
    /// The other item lies outside the window: its end of the line is the
    /// window's edge, not the item.
    pub clipped: bool,
}

/// Which end of the other item a line reaches: a predecessor's end, a
/// dependent's start.
#[derive(Clone, Copy)]
enum Side {
    Start,
    End,
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
    /// of [`Roadmap::depends_on`] then [`Roadmap::needed_by`]; only between
    /// items the layout places.
    pub fn connectors(&self, roadmap: &Roadmap, key: ItemKey) -> Vec<Connector> {
        self.links_of(roadmap, key, false)
    }

    /// Like [`TimelineLayout::connectors`], with also the lines to dated
    /// items outside the window, each ending at the edge it lies beyond
    /// (`clipped`).
    pub fn connectors_to_edges(&self, roadmap: &Roadmap, key: ItemKey) -> Vec<Connector> {
        self.links_of(roadmap, key, true)
    }

    fn links_of(&self, roadmap: &Roadmap, key: ItemKey, to_edges: bool) -> Vec<Connector> {
        let Some((start, end, row)) = self.extent(key) else {
            return Vec::new();
        };
        let other_end = |other: ItemKey, side: Side| -> Option<(f64, usize, bool)> {
            let side_x = |(x0, x1, row): (f64, f64, usize)| match side {
                Side::Start => (x0, row, false),
                Side::End => (x1, row, false),
            };
            match self.extent(other) {
                Some(extent) => Some(side_x(extent)),
                None if to_edges => self.edge_of(roadmap, other, side),
                None => None,
            }
        };
        let before = roadmap
            .depends_on(key)
            .into_iter()
            .filter_map(|link: Link| {
                let (x, other_row, clipped) = other_end(link.key, Side::End)?;
                Some(Connector {
                    from: (x, other_row),
                    to: (start, row),
                    late: link.late,
                    other: link.key,
                    clipped,
                })
            });
        let after = roadmap.needed_by(key).into_iter().filter_map(|link: Link| {
            let (x, other_row, clipped) = other_end(link.key, Side::Start)?;
            Some(Connector {
                from: (end, row),
                to: (x, other_row),
                late: link.late,
                other: link.key,
                clipped,
            })
        });
        before.chain(after).collect()
    }

    /// The window's edge beyond which `other`'s `side` lies, on its row,
    /// when it has a row and that date lies outside the window (an item
    /// inside it but not placed, as filtered out, gets no line).
    fn edge_of(&self, roadmap: &Roadmap, other: ItemKey, side: Side) -> Option<(f64, usize, bool)> {
        let row = self.row_of(other)?;
        let (first, last) = bounds(roadmap.get(other)?, Dates::Current);
        let date: FuzzyDate = match side {
            Side::Start => first,
            Side::End => last,
        }?;
        let window = self.scale.window();
        if date.last_day() < window.start() {
            Some((0.0, row, true))
        } else if date.first_day() > window.end() {
            Some((self.scale.width(), row, true))
        } else {
            None
        }
    }
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::layout::Packing;
    use crate::layout::TimeWindow;
    use crate::layout::fixtures::{close, day, options, roadmap, window, x};

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

    #[test]
    fn a_line_to_an_item_outside_the_window_stops_at_its_edge() {
        let map = roadmap(AXES);
        // 2020 only: "build" ends in June 2020, inside; "roll-out" runs
        // past the end; a window from July 2020 leaves "build" before it.
        let from_july = TimeWindow::new(day("2020-07-01"), day("2021-12-31"));
        let layout = TimelineLayout::new(&map, from_july, &options(Packing::OnePerMission));
        let roll_out = ItemKey::Mission(0, 1);
        assert!(layout.connectors(&map, roll_out).is_empty());
        let lines = layout.connectors_to_edges(&map, roll_out);
        assert_eq!(lines.len(), 1, "{lines:#?}");
        let build = lines[0];
        assert_eq!(build.other, ItemKey::Mission(0, 0));
        assert!(build.clipped && build.late);
        close(build.from.0, 0.0);
        assert_eq!(build.from.1, 1);
        // A placed item is not clipped, and the undated one gets no line.
        let launch = layout.connectors_to_edges(&map, ItemKey::Milestone(0, 1, 0));
        assert!(
            launch
                .iter()
                .all(|line| !line.clipped || line.other == ItemKey::Mission(0, 0))
        );
        assert!(
            !launch
                .iter()
                .any(|line| line.other == ItemKey::Mission(0, 2))
        );
    }
}
