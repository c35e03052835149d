//! The slides of a presentation in the terminal: the core's plan and
//! figures ([`roadmap_core::slides`]), the same the browser draws, and
//! with `--since` the changes first (`super::since`). What the data does
//! not give stays `None`, and the drawing says "unknown".

pub use roadmap_core::slides::{
    AxisSlide, IndicatorLine, MilestoneLine, MissionGauge, SummarySlide, TimelineSlide, TitleSlide,
};
use roadmap_core::{Day, Language, PlannedSlide, Roadmap, SlideContent, plan, slide_content};

use super::since::SinceSlide;

/// Which slide this is, stable across a reload of the roadmap: an axis
/// slide is known by its axis's id, not by its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideId {
    /// What changed since an earlier edition (`--since`).
    Since,
    /// The title slide.
    Title,
    /// The slide of the axis with this id.
    Axis(String),
    /// The timeline slide.
    Timeline,
    /// The summary slide.
    Summary,
}

/// One slide and the figures it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Slide {
    /// What changed since an earlier edition (`--since`).
    Since(SinceSlide),
    /// Programme title, period and overall progress.
    Title(TitleSlide),
    /// An axis: its missions, next and late milestones, indicators.
    Axis(AxisSlide),
    /// The whole programme on the timeline, with the today line.
    Timeline(TimelineSlide),
    /// Progress per axis and the progress reviews over time.
    Summary(SummarySlide),
}

impl Slide {
    /// The slide's identity.
    pub fn id(&self) -> SlideId {
        match self {
            Slide::Since(_) => SlideId::Since,
            Slide::Title(_) => SlideId::Title,
            Slide::Axis(axis) => SlideId::Axis(axis.id.clone()),
            Slide::Timeline(_) => SlideId::Timeline,
            Slide::Summary(_) => SlideId::Summary,
        }
    }
}

/// The slides of `roadmap` as of `today`, with words in `lang`, in the
/// order of the file's `[presentation]` (by default: title, one per axis,
/// timeline, summary).
pub fn slides(roadmap: &Roadmap, today: Day, lang: Language) -> Vec<Slide> {
    slides_for(roadmap, &plan(roadmap, None, lang), today, lang)
}

/// The figures of each slide of `deck`, a plan of `roadmap`, from the
/// core ([`slide_content`]); the slide of changes is left out, as
/// `PresentApp` puts it first itself.
pub fn slides_for(
    roadmap: &Roadmap,
    deck: &[PlannedSlide],
    today: Day,
    lang: Language,
) -> Vec<Slide> {
    deck.iter()
        .filter_map(|planned| slide_content(roadmap, planned, today, lang))
        .map(|content| match content {
            SlideContent::Title(slide) => Slide::Title(slide),
            SlideContent::Axis(slide) => Slide::Axis(slide),
            SlideContent::Timeline(slide) => Slide::Timeline(slide),
            SlideContent::Summary(slide) => Slide::Summary(slide),
        })
        .collect()
}
