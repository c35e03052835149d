//! The words only exported pages and drawings say, in French and English
//! (the widget's own words are in [`crate::words`]).

use roadmap_core::Language;

/// A word or phrase of an exported page or drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageWord {
    /// "axe" / "axes", by count.
    Axes,
    /// "mission" / "missions", by count.
    Missions,
    /// "jalon" / "jalons", by count.
    Milestones,
    /// The period of the roadmap.
    Period,
    /// The note that the list below is the timeline in words.
    ListIsText,
    /// Heading of the roadmap's sources.
    RoadmapSources,
    /// Heading of the list.
    Contents,
    /// Heading of the timeline.
    Timeline,
}

impl PageWord {
    /// The word in `lang`; `count` chooses singular or plural.
    pub fn text(self, lang: Language, count: usize) -> &'static str {
        let (fr, en) = match self {
            PageWord::Axes => (
                lang.agree(count, ("axe", "axes")),
                lang.agree(count, ("axis", "axes")),
            ),
            PageWord::Missions => (
                lang.agree(count, ("mission", "missions")),
                lang.agree(count, ("mission", "missions")),
            ),
            PageWord::Milestones => (
                lang.agree(count, ("jalon", "jalons")),
                lang.agree(count, ("milestone", "milestones")),
            ),
            PageWord::Period => ("Période", "Period"),
            PageWord::ListIsText => (
                "La liste qui suit dit en mots tout ce que montre la frise, et ce qu’elle ne peut placer.",
                "The list below says in words all that the timeline shows, and what it cannot place.",
            ),
            PageWord::RoadmapSources => {
                ("Sources de la feuille de route", "Sources of the roadmap")
            }
            PageWord::Contents => ("Axes, missions et jalons", "Axes, missions and milestones"),
            PageWord::Timeline => ("Frise chronologique", "Timeline"),
        };
        match lang {
            Language::Fr => fr,
            Language::En => en,
        }
    }

    /// "3 axes", "1 jalon".
    pub fn count(self, lang: Language, count: usize) -> String {
        format!("{count} {}", self.text(lang, count))
    }
}
