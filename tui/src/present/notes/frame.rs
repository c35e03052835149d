//! What the presenter tells its notes windows: the slide it is on, its
//! notes, the next slide's heading and the times, as one line of JSON per
//! message. The notes window draws from this alone, so it never disagrees
//! with the screen the audience sees (`--slides`, a reload).

use std::time::Duration;

use roadmap_core::{PlannedSlide, SlideKind, SpeakerNote};
use serde::{Deserialize, Serialize};

use crate::present::{PresentApp, Showing};

/// The presenter's state as a notes window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFrame {
    /// 1 for the first slide.
    pub number: usize,
    /// How many slides there are.
    pub total: usize,
    /// The heading of the slide shown.
    pub heading: String,
    /// Its speaker notes.
    pub notes: Vec<SpeakerNote>,
    /// The next slide's heading; `None` on the last slide.
    pub next: Option<String>,
    /// Milliseconds since the presentation started.
    pub elapsed_ms: u64,
    /// With auto-advance: milliseconds left on this slide.
    pub left_ms: Option<u64>,
    /// The audience sees a blank screen.
    pub blank: bool,
}

impl NotesFrame {
    /// The frame of `app` as it is now.
    pub fn of(app: &PresentApp) -> NotesFrame {
        let planned = app.planned();
        let shown = app.now.saturating_duration_since(app.shown_since);
        NotesFrame {
            number: app.current + 1,
            total: app.deck.len(),
            heading: heading(planned),
            notes: planned.notes.clone(),
            next: app.deck.get(app.current + 1).map(heading),
            elapsed_ms: millis(app.elapsed()),
            left_ms: app.auto.map(|every| millis(every.saturating_sub(shown))),
            blank: app.showing == Showing::Blank,
        }
    }

    /// The elapsed time.
    pub fn elapsed(&self) -> Duration {
        Duration::from_millis(self.elapsed_ms)
    }

    /// The time left on the slide, with auto-advance.
    pub fn left(&self) -> Option<Duration> {
        self.left_ms.map(Duration::from_millis)
    }
}

/// A slide's heading as the notes window names it: an axis slide with its
/// number among the axis slides, as the slide itself shows it.
fn heading(planned: &PlannedSlide) -> String {
    match (planned.kind, planned.number) {
        (SlideKind::Axis, Some(number)) => format!("{number}. {}", planned.heading),
        _ => planned.heading.clone(),
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
