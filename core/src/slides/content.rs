//! The figures each slide of a plan shows: the title's period, overall
//! progress and counts, an axis's missions and milestones, the summary's
//! progress per axis, reviews and slips, the timeline's window. Computed
//! once here so that the terminal presenter and the browser's slides draw
//! the same figures; what the data does not give stays `None`, and each
//! front end says "unknown".

use crate::layout::TimeWindow;
use crate::locale::{Gender, Language, Phrase};
use crate::model::{Axis, ItemRef, Measurement, Milestone, Period, ProgressReview, Roadmap};
use crate::rollup::{ProgressFigure, StatusCounts};
use crate::slides::{PlannedSlide, SlideKind};
use crate::{Day, FuzzyDate, KnownFacts, Status};

/// One slide's figures. The slide of what changed since an earlier edition
/// needs both editions and is left to the front end that has them.
#[derive(Debug, Clone, PartialEq)]
pub enum SlideContent {
    /// Programme title, period and overall progress.
    Title(TitleSlide),
    /// An axis: its missions, next and late milestones, indicators.
    Axis(AxisSlide),
    /// The whole programme on the timeline, with the today line.
    Timeline(TimelineSlide),
    /// Progress per axis and the progress reviews over time.
    Summary(SummarySlide),
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

/// The timeline slide's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineSlide {
    /// The window chosen in the file, else the whole programme stretched
    /// to take in today.
    pub window: TimeWindow,
}

/// Planned against actual: the roadmap's average slip with how many
/// milestones it rests on, then each axis that has a measured one.
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
                Some((numbered(a, axis), figure))
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

/// "9 sur 43 terminés (21 %)", from what the review gives; `None` when
/// it gives no count.
pub fn review_counts(review: &ProgressReview, lang: Language) -> Option<String> {
    let of = lang.phrase(Phrase::Of);
    // Reviews count projects: "1 sur 43 terminé", "9 sur 43 terminés".
    let done = |count: u32| {
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        Status::Done.counted(lang, count, Gender::Masculine)
    };
    let share = review
        .progress()
        .map_or_else(String::new, |p| format!(" ({})", lang.percent(p.percent())));
    match (review.done, review.total) {
        (Some(d), Some(t)) => Some(format!("{d} {of} {t} {}{share}", done(d))),
        (Some(d), None) => Some(format!("{d} {}", done(d))),
        (None, Some(t)) => Some(format!("{} {of} {t}", Status::Unknown.label(lang))),
        (None, None) => None,
    }
}

/// "1. Title": an axis named by its place in the file.
fn numbered(index: usize, axis: &Axis) -> String {
    format!("{}. {}", index + 1, axis.title)
}

/// "1. Title" and progress, per axis.
pub fn axes_progress(roadmap: &Roadmap, today: Day) -> Vec<(String, ProgressFigure)> {
    roadmap
        .axes()
        .iter()
        .enumerate()
        .map(|(a, axis)| (numbered(a, axis), axis.progress_figure(today)))
        .collect()
}

/// The figures of `planned`, a slide of a plan of `roadmap`, as of `today`
/// with words in `lang`; `None` for the slide of changes, which needs two
/// editions, and for an axis the roadmap no longer has.
pub fn slide_content(
    roadmap: &Roadmap,
    planned: &PlannedSlide,
    today: Day,
    lang: Language,
) -> Option<SlideContent> {
    Some(match planned.kind {
        SlideKind::Title => SlideContent::Title(TitleSlide {
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
            SlideContent::Axis(axis_slide(
                roadmap,
                roadmap.axes().get(index)?,
                number,
                today,
            ))
        }
        SlideKind::Timeline => SlideContent::Timeline(TimelineSlide {
            window: planned.window.map_or_else(
                || window_with_today(roadmap, today),
                |chosen| TimeWindow::new(chosen.from.first_day(), chosen.to.last_day()),
            ),
        }),
        SlideKind::Summary => SlideContent::Summary(SummarySlide {
            axes: axes_progress(roadmap, today),
            slip: SlipLines::of(roadmap, lang),
            reviews: roadmap.reviews().to_vec(),
        }),
        SlideKind::Since => return None,
    })
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

/// The whole programme, stretched to take in today when it lies outside,
/// so the today line is always on the slide.
fn window_with_today(roadmap: &Roadmap, today: Day) -> TimeWindow {
    let window = TimeWindow::around(roadmap);
    if window.contains(today) {
        return window;
    }
    // A month beyond today, so its mark and word are not on the edge.
    let month = time::Duration::days(31);
    TimeWindow::new(
        window.start().min(today - month),
        window.end().max(today + month),
    )
}

fn axis_slide(roadmap: &Roadmap, axis: &Axis, number: usize, today: Day) -> AxisSlide {
    let milestones = || axis.missions.iter().flat_map(|m| &m.milestones);
    let line = |m: &Milestone| MilestoneLine {
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
                    .status_report(ItemRef::Mission(axis, m), today)
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

#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};
    use crate::slides::plan;

    const FILE: &str = r#"id = "t"
title = "Programme"
organisation = "O"
language = "en"
published = "2023-03-09"
period = { start = "2023", end = "2024" }

[[axes]]
id = "a1"
title = "First"

[[axes.missions]]
id = "m1"
title = "Mission one"

[[axes.missions.milestones]]
id = "j1"
title = "Later"
date = "2024-06"
status = "planned"

[[axes.missions.milestones]]
id = "j2"
title = "Sooner"
date = "2024-02-10"
status = "planned"

[[axes.missions.milestones]]
id = "j3"
title = "Shipped"
date = "2023-05"
status = "done"
"#;

    fn contents(presentation: &str, today: Day) -> Vec<SlideContent> {
        let roadmap = load_str("t.toml", &format!("{FILE}{presentation}"), Format::Toml)
            .expect("loads")
            .roadmap;
        plan(&roadmap, None, Language::En)
            .iter()
            .filter_map(|planned| slide_content(&roadmap, planned, today, Language::En))
            .collect()
    }

    fn day(text: &str) -> Day {
        text.parse::<FuzzyDate>().expect("a date").first_day()
    }

    #[test]
    fn every_planned_slide_has_its_figures() {
        let slides = contents("", day("2024-01-15"));
        assert_eq!(slides.len(), 4);
        let SlideContent::Axis(axis) = &slides[1] else {
            panic!("the second slide is the axis");
        };
        let next: Vec<&str> = axis.next.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(next, ["Sooner", "Later"]);
        assert_eq!(axis.delivered[0].title, "Shipped");
        assert_eq!(axis.number, 1);
        let SlideContent::Summary(summary) = &slides[3] else {
            panic!("the last slide is the summary");
        };
        assert_eq!(summary.axes[0].0, "1. First");
    }

    #[test]
    fn the_timeline_takes_in_today_unless_the_file_chooses_a_window() {
        let today = day("2026-03-01");
        let SlideContent::Timeline(slide) = &contents("", today)[2] else {
            panic!("the third slide is the timeline");
        };
        assert!(slide.window.contains(today));
        let chosen = "\n[presentation]\nwindow = { from = \"2023\", to = \"2023-Q4\" }\n";
        let SlideContent::Timeline(slide) = &contents(chosen, today)[2] else {
            panic!("the third slide is the timeline");
        };
        assert!(!slide.window.contains(today));
        assert_eq!(slide.window.start(), day("2023-01-01"));
    }
}
