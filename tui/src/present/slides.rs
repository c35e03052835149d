//! The figures of each slide of a presentation: the core's plan
//! ([`roadmap_core::slides`]) says which slides in what order, and
//! [`slides_for`] fills each in with what the terminal draws; with
//! `--since`, the changes come first (`super::since`). Every figure
//! comes from the core rollups; what the data does not give stays `None`,
//! and the drawing says "unknown".

use roadmap_core::{
    Day, FuzzyDate, KnownFacts, Language, Measurement, Period, PlannedSlide, ProgressFigure,
    ProgressReview, Roadmap, SlideKind, Status, StatusCounts, plan,
};

use super::since::SinceSlide;
use crate::widgets::progress::axes_progress;
use crate::widgets::slip::SlipLines;

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
    Timeline,
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
            Slide::Timeline => SlideId::Timeline,
            Slide::Summary(_) => SlideId::Summary,
        }
    }
}

/// The title slide's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleSlide {
    /// The programme's title.
    pub title: String,
    /// Who publishes it.
    pub organisation: String,
    /// Its time span.
    pub period: Period,
    /// Overall progress: a percentage, else the missions done, else unknown.
    pub overall: ProgressFigure,
    /// What the sources say and as of when: sourced statuses, the span of
    /// the source dates, the newest dated fact.
    pub known: Vec<String>,
    /// Missions by status.
    pub missions: StatusCounts,
    /// Milestones by status.
    pub milestones: StatusCounts,
}

/// A mission as a progress gauge.
#[derive(Debug, Clone, PartialEq)]
pub struct MissionGauge {
    /// The mission's title.
    pub title: String,
    /// Its status on the day of the presentation.
    pub status: Status,
    /// Its progress: a percentage, else its milestones done, else unknown.
    pub progress: ProgressFigure,
    /// Its status is older than the roadmap's staleness threshold.
    pub stale: bool,
}

/// A milestone in a list of next or late ones.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneLine {
    /// The milestone's title.
    pub title: String,
    /// Its planned date, as precise as the sources give it.
    pub date: Option<FuzzyDate>,
    /// When it was delivered, if it was.
    pub done_on: Option<FuzzyDate>,
    /// Its status on the day of the presentation.
    pub status: Status,
}

/// An indicator, current value against target.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    /// What is measured.
    pub name: String,
    /// Unit of the values.
    pub unit: String,
    /// Latest value, when known.
    pub current: Option<Measurement>,
    /// Goal, when known.
    pub target: Option<Measurement>,
}

/// An axis slide's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisSlide {
    /// The axis's id (the slide's identity).
    pub id: String,
    /// 1 for the presentation's first axis slide.
    pub number: usize,
    /// The axis's title.
    pub title: String,
    /// The axis's progress: a percentage, else its missions done.
    pub progress: ProgressFigure,
    /// Its missions, in file order.
    pub missions: Vec<MissionGauge>,
    /// Milestones not yet done and due from today on, soonest first.
    pub next: Vec<MilestoneLine>,
    /// Milestones late on the day of the presentation, oldest first.
    pub late: Vec<MilestoneLine>,
    /// Milestones done, the most recently delivered first (undated last).
    pub delivered: Vec<MilestoneLine>,
    /// Its missions' indicators.
    pub indicators: Vec<IndicatorLine>,
}

/// The summary slide's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySlide {
    /// "1. Title" and progress, per axis.
    pub axes: Vec<(String, ProgressFigure)>,
    /// The average slip from plan to delivery, overall and per axis.
    pub slip: SlipLines,
    /// The progress reviews, in file order.
    pub reviews: Vec<ProgressReview>,
}

impl SummarySlide {
    /// Reviews that give both counts: their date and done share.
    pub fn counted(&self) -> Vec<(FuzzyDate, f64)> {
        self.reviews
            .iter()
            .filter_map(|r| r.progress().map(|p| (r.date, p.percent())))
            .collect()
    }
}

/// What the sources say, in `lang`: sourced statuses and their latest
/// date, the span of the source dates, the newest dated fact.
fn known_lines(roadmap: &Roadmap, today: Day, lang: Language) -> Vec<String> {
    let known = KnownFacts::of(roadmap, today);
    let mut lines = vec![known.statuses_text(lang)];
    lines.extend(known.sources_text(lang));
    lines.extend(known.facts.first().map(|fact| fact.text(roadmap, lang)));
    lines
}

/// The slides of `roadmap` as of `today`, with words in `lang`, in the
/// order of the file's `[presentation]` (by default: title, one per axis,
/// timeline, summary).
pub fn slides(roadmap: &Roadmap, today: Day, lang: Language) -> Vec<Slide> {
    slides_for(roadmap, &plan(roadmap, None, lang), today, lang)
}

/// The figures of each slide of `deck`, a plan of `roadmap`.
pub fn slides_for(
    roadmap: &Roadmap,
    deck: &[PlannedSlide],
    today: Day,
    lang: Language,
) -> Vec<Slide> {
    // A plan is made from the same roadmap, so its axes are there.
    deck.iter()
        .filter_map(|planned| {
            Some(match planned.kind {
                SlideKind::Title => Slide::Title(TitleSlide {
                    title: roadmap.title().to_owned(),
                    organisation: roadmap.organisation().to_owned(),
                    period: roadmap.period(),
                    overall: roadmap.progress_figure(today),
                    known: known_lines(roadmap, today, lang),
                    missions: roadmap.mission_counts(today),
                    milestones: roadmap.milestone_counts(today),
                }),
                SlideKind::Axis => {
                    let index = planned.axis.unwrap_or_default();
                    let number = planned.number.unwrap_or(index + 1);
                    Slide::Axis(axis_slide(
                        roadmap,
                        roadmap.axes().get(index)?,
                        number,
                        today,
                    ))
                }
                SlideKind::Timeline => Slide::Timeline,
                SlideKind::Summary => Slide::Summary(SummarySlide {
                    axes: axes_progress(roadmap, today),
                    slip: SlipLines::of(roadmap, lang),
                    reviews: roadmap.reviews().to_vec(),
                }),
                // Needs both editions: `PresentApp` puts it first itself.
                SlideKind::Since => return None,
            })
        })
        .collect()
}

fn axis_slide(
    roadmap: &Roadmap,
    axis: &roadmap_core::Axis,
    number: usize,
    today: Day,
) -> AxisSlide {
    let milestones = || axis.missions.iter().flat_map(|m| &m.milestones);
    let line = |m: &roadmap_core::Milestone| MilestoneLine {
        title: m.title.clone(),
        date: m.date,
        done_on: m.done_on,
        status: m.effective_status(today),
    };
    let mut next: Vec<MilestoneLine> = milestones()
        .filter(|m| {
            m.date.is_some_and(|d| d.last_day() >= today)
                && !matches!(
                    m.effective_status(today),
                    Status::Done | Status::Cancelled | Status::NotMet | Status::Late
                )
        })
        .map(line)
        .collect();
    next.sort_by_key(|m| m.date.map(|d| d.first_day()));
    let mut late: Vec<MilestoneLine> = milestones()
        .filter(|m| m.effective_status(today) == Status::Late)
        .map(line)
        .collect();
    late.sort_by_key(|m| m.date.map(|d| d.first_day()));
    let mut delivered: Vec<MilestoneLine> = milestones()
        .filter(|m| m.effective_status(today) == Status::Done)
        .map(line)
        .collect();
    // `None` sorts first, so reversing puts undated milestones last.
    delivered.sort_by_key(|m| m.done_on.or(m.date).map(|d| d.last_day()));
    delivered.reverse();
    AxisSlide {
        id: axis.id.clone(),
        number,
        title: axis.title.clone(),
        progress: axis.progress_figure(today),
        missions: axis
            .missions
            .iter()
            .map(|m| MissionGauge {
                title: m.title.clone(),
                status: m.effective_status(today),
                progress: m.progress_figure(today),
                stale: roadmap
                    .status_report(roadmap_core::ItemRef::Mission(axis, m), today)
                    .is_some_and(|r| r.stale),
            })
            .collect(),
        next,
        late,
        delivered,
        indicators: axis
            .missions
            .iter()
            .flat_map(|m| &m.indicators)
            .map(|i| IndicatorLine {
                name: i.name.clone(),
                unit: i.unit.clone(),
                current: i.current.clone(),
                target: i.target.clone(),
            })
            .collect(),
    }
}
