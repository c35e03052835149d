//! What a drawing shows, free of any browser state: the roadmap, the
//! language, the day statuses are computed for, the days on the timeline,
//! the open item and the view. The widget keeps one per roadmap shown; a
//! static export makes one.

use roadmap_core::{Day, ItemKey, ItemRef, Language, Roadmap, TimeWindow};

use crate::describe::day_text;
use crate::since::Since;
use crate::words::Word;

/// The two views of a roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The SVG timeline.
    Timeline,
    /// The list of axes, missions and milestones.
    List,
}

impl View {
    /// The view's name in the markup (`data-view`, the `roadmap-drawn` event).
    pub fn keyword(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::List => "list",
        }
    }
}

/// What is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Scene<'a> {
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// The interface language.
    pub lang: Language,
    /// The day statuses and the today line are computed for.
    pub today: Day,
    /// The days on the timeline.
    pub window: TimeWindow,
    /// The item whose detail is open.
    pub selected: Option<ItemKey>,
    /// What changed since an earlier edition, when the page asked.
    pub since: Option<Since<'a>>,
}

impl Scene<'_> {
    /// "Période affichée : 1 janv. 2023 – 31 déc. 2024": the period shown,
    /// in words (the tick labels are decoration only).
    pub fn period(&self) -> String {
        let lang = self.lang;
        let mut text = String::from(Word::ShownPeriod.text(lang));
        text.push_str(lang.colon());
        text.push_str(&day_text(self.window.start(), lang));
        text.push_str(" – ");
        text.push_str(&day_text(self.window.end(), lang));
        text
    }

    /// The `lang` attribute roadmap text needs: the roadmap's language
    /// when it is not the interface's.
    pub fn title_lang(&self) -> Option<&'static str> {
        (self.roadmap.language() != self.lang).then(|| self.roadmap.language().code())
    }
}

/// The id of an item, for `data-item` attributes and deep links.
pub fn item_id(roadmap: &Roadmap, key: ItemKey) -> Option<String> {
    roadmap.get(key).and_then(|item| match item {
        ItemRef::Axis(axis) => Some(axis.id.clone()),
        ItemRef::Mission(_, mission) => Some(mission.id.clone()),
        ItemRef::Milestone(_, _, milestone) => Some(milestone.id.clone()),
        _ => None,
    })
}
