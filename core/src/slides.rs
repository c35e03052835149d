//! The slides of a presentation, in order: what each is (its kind), its
//! heading, the item it is about and the speaker notes that go with it,
//! derived from the roadmap and the presenter's choices. Each front end
//! draws its figures from this one plan, so a terminal and a browser show
//! the same slides in the same order; [`content`] computes the figures
//! each slide shows.

pub mod content;

pub use content::{
    AxisSlide, IndicatorLine, MilestoneLine, MissionGauge, SlideContent, SlipLines, SummarySlide,
    TimelineSlide, TitleSlide, axes_progress, review_counts, slide_content,
};

use serde::{Deserialize, Serialize};

use crate::changes::words::since_last_review;
use crate::locale::{Language, Phrase};
use crate::model::Roadmap;
use crate::presentation::{DEFAULT_SLIDES, SlideChoice, SlideWindow};

/// What a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SlideKind {
    /// The programme's title and overall progress.
    Title,
    /// One axis: its missions, milestones and indicators.
    Axis,
    /// The whole programme on the timeline.
    Timeline,
    /// Progress per axis and the progress reviews.
    Summary,
    /// What changed since an earlier edition: made by a front end that
    /// has both editions (`--since`), never by [`plan`].
    Since,
}

/// Speaker notes of a slide, from one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerNote {
    /// The mission the note is about, when it is not the slide's own item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The note as written: paragraphs apart by a blank line, `- ` items.
    pub text: String,
}

/// One slide of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedSlide {
    /// What it shows.
    pub kind: SlideKind,
    /// Its heading: the roadmap's or the axis's title, else the kind's name.
    pub heading: String,
    /// The id of the item it is about: the axis of an axis slide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// For an axis slide: where the axis sits in the file (0 for the first).
    #[serde(skip)]
    pub axis: Option<usize>,
    /// For an axis slide: 1 for the deck's first axis slide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<usize>,
    /// For the timeline slide: the window chosen in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<SlideWindow>,
    /// What the presenter means to say; never shown to the audience.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<SpeakerNote>,
}

impl PlannedSlide {
    /// The slide of what changed since an earlier edition, which goes
    /// first when a presenter compares with one.
    pub fn since(lang: Language) -> Self {
        bare(SlideKind::Since, since_last_review(lang).to_owned())
    }

    /// Which slide this is, stable across a reload of the roadmap: the
    /// kind and, for an axis slide, the axis's id rather than its place.
    pub fn identity(&self) -> (SlideKind, Option<&str>) {
        (self.kind, self.item.as_deref())
    }
}

/// The slides of `roadmap`, headings in `lang`: those of `chosen` (from
/// `--slides`) when given, else those of the file's `[presentation]`, else
/// the title, every axis, the timeline and the summary. `axes` leaves out
/// the axes the file hides; an axis id that names no axis is skipped (the
/// loader and `--slides` refuse those first). Never empty: the title
/// slide stands in for a choice that leaves nothing.
pub fn plan(
    roadmap: &Roadmap,
    chosen: Option<&[SlideChoice]>,
    lang: Language,
) -> Vec<PlannedSlide> {
    let presentation = roadmap.presentation();
    let choices = chosen
        .or(presentation.slides.as_deref())
        .unwrap_or(&DEFAULT_SLIDES);
    let mut slides = Vec::new();
    for choice in choices {
        match choice {
            SlideChoice::Title => slides.push(PlannedSlide {
                notes: own_note(roadmap.notes()),
                ..bare(SlideKind::Title, roadmap.title().to_owned())
            }),
            SlideChoice::Axes => {
                for (index, axis) in roadmap.axes().iter().enumerate() {
                    if !presentation.hide.contains(&axis.id) {
                        slides.push(axis_slide(roadmap, index));
                    }
                }
            }
            SlideChoice::Axis(id) => {
                if let Some(index) = roadmap.axes().iter().position(|axis| &axis.id == id) {
                    slides.push(axis_slide(roadmap, index));
                }
            }
            SlideChoice::Timeline => slides.push(PlannedSlide {
                window: presentation.window,
                ..bare(SlideKind::Timeline, timeline_heading(lang).to_owned())
            }),
            SlideChoice::Summary => {
                slides.push(bare(SlideKind::Summary, summary_heading(lang).to_owned()));
            }
        }
    }
    // A presentation always shows something: `axes` alone, with every
    // axis hidden or none in the file, still leaves the title.
    if slides.is_empty() {
        slides.push(PlannedSlide {
            notes: own_note(roadmap.notes()),
            ..bare(SlideKind::Title, roadmap.title().to_owned())
        });
    }
    let mut number = 0;
    for slide in &mut slides {
        if slide.kind == SlideKind::Axis {
            number += 1;
            slide.number = Some(number);
        }
    }
    slides
}

/// The timeline slide's heading.
pub fn timeline_heading(lang: Language) -> &'static str {
    lang.phrase(Phrase::TimelineSlide)
}

/// The summary slide's heading.
pub fn summary_heading(lang: Language) -> &'static str {
    lang.phrase(Phrase::SummarySlide)
}

fn bare(kind: SlideKind, heading: String) -> PlannedSlide {
    PlannedSlide {
        kind,
        heading,
        item: None,
        axis: None,
        number: None,
        window: None,
        notes: Vec::new(),
    }
}

fn own_note(text: Option<&str>) -> Vec<SpeakerNote> {
    text.filter(|text| !text.trim().is_empty())
        .map(|text| SpeakerNote {
            about: None,
            text: text.to_owned(),
        })
        .into_iter()
        .collect()
}

/// An axis's slide: its own notes, then its missions', each under the
/// mission's title.
fn axis_slide(roadmap: &Roadmap, index: usize) -> PlannedSlide {
    let axis = &roadmap.axes()[index];
    let mut notes = own_note(axis.notes.as_deref());
    notes.extend(axis.missions.iter().flat_map(|mission| {
        own_note(mission.notes.as_deref())
            .into_iter()
            .map(|note| SpeakerNote {
                about: Some(mission.title.clone()),
                ..note
            })
    }));
    PlannedSlide {
        item: Some(axis.id.clone()),
        axis: Some(index),
        notes,
        ..bare(SlideKind::Axis, axis.title.clone())
    }
}

#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};

    const FILE: &str = r#"id = "t"
title = "Programme"
organisation = "O"
language = "en"
published = "2023-03-09"
period = { start = "2023", end = "2024" }
notes = "Welcome."

[[axes]]
id = "a1"
title = "First"
notes = "Start here."

[[axes.missions]]
id = "m1"
title = "Mission one"
notes = "Name the owner."

[[axes.missions]]
id = "m2"
title = "Mission two"

[[axes]]
id = "a2"
title = "Second"

[[axes]]
id = "a3"
title = "Third"
"#;

    fn roadmap(presentation: &str) -> Roadmap {
        load_str("t.toml", &format!("{FILE}{presentation}"), Format::Toml)
            .expect("loads")
            .roadmap
    }

    fn kinds(slides: &[PlannedSlide]) -> Vec<(SlideKind, Option<&str>)> {
        slides.iter().map(PlannedSlide::identity).collect()
    }

    #[test]
    fn by_default_the_title_every_axis_the_timeline_and_the_summary() {
        let slides = plan(&roadmap(""), None, Language::En);
        assert_eq!(
            kinds(&slides),
            [
                (SlideKind::Title, None),
                (SlideKind::Axis, Some("a1")),
                (SlideKind::Axis, Some("a2")),
                (SlideKind::Axis, Some("a3")),
                (SlideKind::Timeline, None),
                (SlideKind::Summary, None),
            ]
        );
        let headings: Vec<&str> = slides.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Programme",
                "First",
                "Second",
                "Third",
                "Timeline",
                "Summary"
            ]
        );
        assert_eq!(slides[3].number, Some(3));
        assert_eq!(slides[3].axis, Some(2));
    }

    #[test]
    fn notes_follow_their_slide_and_missions_are_named() {
        let slides = plan(&roadmap(""), None, Language::En);
        assert_eq!(slides[0].notes[0].text, "Welcome.");
        assert_eq!(
            slides[1].notes,
            [
                SpeakerNote {
                    about: None,
                    text: "Start here.".to_owned()
                },
                SpeakerNote {
                    about: Some("Mission one".to_owned()),
                    text: "Name the owner.".to_owned()
                },
            ]
        );
        assert!(slides[2].notes.is_empty());
    }

    #[test]
    fn the_file_chooses_and_hides() {
        let chosen = roadmap(
            "\n[presentation]\nslides = [\"axes\", \"axis:a1\", \"summary\"]\nhide = [\"a1\"]\n",
        );
        let slides = plan(&chosen, None, Language::Fr);
        assert_eq!(
            kinds(&slides),
            [
                (SlideKind::Axis, Some("a2")),
                (SlideKind::Axis, Some("a3")),
                (SlideKind::Axis, Some("a1")),
                (SlideKind::Summary, None),
            ]
        );
        // Numbered in the order shown, not the file's.
        assert_eq!(slides[2].number, Some(3));
        assert_eq!(slides[3].heading, "Synthèse");
    }

    #[test]
    fn a_choice_that_leaves_nothing_still_shows_the_title() {
        let hidden =
            roadmap("\n[presentation]\nslides = [\"axes\"]\nhide = [\"a1\", \"a2\", \"a3\"]\n");
        let slides = plan(&hidden, None, Language::En);
        assert_eq!(kinds(&slides), [(SlideKind::Title, None)]);
    }

    #[test]
    fn the_command_line_wins_over_the_file() {
        let chosen = roadmap("\n[presentation]\nslides = [\"summary\"]\n");
        let asked = [SlideChoice::Timeline, SlideChoice::Axis("a2".to_owned())];
        let slides = plan(&chosen, Some(&asked), Language::En);
        assert_eq!(
            kinds(&slides),
            [(SlideKind::Timeline, None), (SlideKind::Axis, Some("a2"))]
        );
    }

    #[test]
    fn the_timeline_slide_takes_the_window() {
        let chosen = roadmap("\n[presentation]\nwindow = { from = \"2023\", to = \"2025-Q2\" }\n");
        let slides = plan(&chosen, None, Language::En);
        let window = slides[4].window.expect("a window");
        assert_eq!(window.from.to_string(), "2023");
        assert_eq!(window.to.to_string(), "2025-Q2");
    }
}
