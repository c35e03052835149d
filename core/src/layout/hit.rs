//! Hit testing: which item a pointer at x on a row of the timeline means,
//! within a tolerance in the caller's unit. Points come before spans and
//! spans before bars, so a milestone drawn over its mission's bar can
//! always be reached.

use super::arrangement::RowKind;
use super::placement::{Bar, Marker, Row};
use crate::model::ItemKey;

/// The item under a pointer at `x` on `row`, whose items are ranges of
/// `bars` and `markers`: on a header, the axis; on a lane, the nearest
/// point marker within `tolerance`, else the narrowest span marker within
/// it, else the nearest bar within it.
pub(super) fn item_at(
    row: &Row<'_>,
    bars: &[Bar<'_>],
    markers: &[Marker<'_>],
    x: f64,
    tolerance: f64,
) -> Option<ItemKey> {
    if row.kind == RowKind::Axis {
        return row.key;
    }
    let tolerance = tolerance.max(0.0);
    let distance = |x0: f64, x1: f64| (x0 - x).max(x - x1).max(0.0);
    let markers = markers.get(row.markers.clone()).unwrap_or_default();
    // Points first, nearest wins; then spans, narrowest wins.
    let best_marker = markers
        .iter()
        .filter(|m| distance(m.x0, m.x1) <= tolerance)
        .min_by(|a, b| {
            let rank = |m: &Marker<'_>| {
                (
                    !m.is_point(),
                    if m.is_point() {
                        distance(m.x0, m.x1)
                    } else {
                        m.x1 - m.x0
                    },
                )
            };
            let (ra, rb) = (rank(a), rank(b));
            ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1))
        });
    if let Some(marker) = best_marker {
        return Some(marker.key);
    }
    bars.get(row.bars.clone())
        .unwrap_or_default()
        .iter()
        .map(|bar| (distance(bar.x0, bar.x1), bar.key))
        .filter(|&(d, _)| d <= tolerance)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, key)| key)
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use crate::layout::fixtures::{AXES, options, roadmap, window};
    use crate::layout::{Packing, TimelineLayout};
    use crate::model::ItemKey;

    #[test]
    fn pointers_hit_points_then_spans_then_bars() {
        let map = roadmap(AXES);
        let layout = TimelineLayout::new(&map, window(), &options(Packing::OnePerMission));
        assert_eq!(layout.item_at(3.0, 0), Some(ItemKey::Axis(0)));
        // Row 2: bar from 77.6, the Q2 2020 span 83.2–99.8, the day at 91.1.
        assert_eq!(layout.item_at(91.5, 2), Some(ItemKey::Milestone(0, 1, 1)));
        assert_eq!(layout.item_at(85.0, 2), Some(ItemKey::Milestone(0, 1, 0)));
        assert_eq!(layout.item_at(150.0, 2), Some(ItemKey::Mission(0, 1)));
        assert_eq!(layout.item_at(77.0, 2), Some(ItemKey::Mission(0, 1)));
        assert_eq!(layout.item_at(10.0, 2), None);
        assert_eq!(layout.item_at(10.0, 99), None);
    }
}
