//! Progress as both programs draw it: the glyphs of a progress bar (`█`
//! done, `░` to do, `▒` unknown), how many cells a share fills, and the
//! progress of each axis. A value the data does not give is never made up.

/// The done share of a progress bar.
pub const DONE: char = '█';
/// The share still to do of a progress bar.
pub const TO_DO: char = '░';
/// A bar whose progress the sources do not give: no share is drawn.
pub const UNKNOWN_PROGRESS: char = '▒';

/// How many of `len` cells show `percent` done: rounded, but never all of
/// them before 100 % nor none after 0 %, so the bar never claims more (or
/// less) than the data.
pub fn done_cells(percent: f64, len: usize) -> usize {
    let percent = percent.clamp(0.0, 100.0);
    let mut done = (percent / 100.0 * len as f64).round() as usize;
    if percent > 0.0 {
        done = done.max(1);
    }
    if percent < 100.0 {
        done = done.min(len.saturating_sub(1));
    }
    done.min(len)
}

/// "1. Title" and progress, per axis: the core's, as the summary slide has it.
pub use roadmap_core::slides::axes_progress;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_fill_never_claims_more_than_the_data() {
        assert_eq!(done_cells(0.0, 10), 0);
        assert_eq!(done_cells(50.0, 10), 5);
        assert_eq!(done_cells(100.0, 10), 10);
        assert_eq!(done_cells(1.0, 10), 1);
        assert_eq!(done_cells(99.0, 10), 9);
        assert_eq!(done_cells(50.0, 1), 0);
        assert_eq!(done_cells(100.0, 1), 1);
        assert_eq!(done_cells(100.0, 0), 0);
    }
}
