//! What changed since an earlier edition (`since`), as the markup shows
//! it: the Δ mark on changed items, the heading's summary, the detail's
//! words and the "changed" filter. The comparison itself is core's
//! (`Comparison::between`), made where it is paid for only by the pages
//! that ask (the widget's on-demand loader), which hands over its words
//! in both languages; this module only places them.

use roadmap_core::{CHANGED_SYMBOL, ItemKey, Language, Roadmap};

use crate::scene::{Scene, item_id};
use crate::words::Word;
use crate::write::Markup;

/// A comparison's words, in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// "12 changements depuis l'édition comparée (publication : 9 mars
    /// 2023)", and in English; or why the comparison could not be made.
    pub summary: [String; 2],
    /// Each changed item's id and its changes in words, French then English.
    pub items: Vec<(String, [String; 2])>,
}

/// The index of `lang`'s words in a `[French, English]` pair.
fn at(lang: Language) -> usize {
    match lang {
        Language::Fr => 0,
        Language::En => 1,
    }
}

impl Changes {
    /// Reads the loader's answer: the summary in French and English, then
    /// for each changed item its id, French words and English words.
    pub fn from_flat(flat: &[String]) -> Changes {
        let summary = [
            flat.first().cloned().unwrap_or_default(),
            flat.get(1).cloned().unwrap_or_default(),
        ];
        let items = flat
            .get(2..)
            .unwrap_or_default()
            .chunks_exact(3)
            .map(|c| (c[0].clone(), [c[1].clone(), c[2].clone()]))
            .collect();
        Changes { summary, items }
    }

    /// The summary in `lang`.
    pub fn summary(&self, lang: Language) -> &str {
        &self.summary[at(lang)]
    }

    /// The changes of the item `id` in words, when it changed.
    pub fn of(&self, id: &str, lang: Language) -> Option<&str> {
        self.items
            .iter()
            .find(|(item, _)| item == id)
            .map(|(_, words)| words[at(lang)].as_str())
    }

    /// Whether the item `key` of `roadmap` changed.
    pub fn changed(&self, roadmap: &Roadmap, key: ItemKey) -> bool {
        item_id(roadmap, key).is_some_and(|id| self.items.iter().any(|(item, _)| *item == id))
    }

    /// Whether `key` changed or holds an item that did: what the
    /// "changed" filter keeps.
    pub fn keeps(&self, roadmap: &Roadmap, key: ItemKey) -> bool {
        if self.changed(roadmap, key) {
            return true;
        }
        match (key, roadmap.get(key)) {
            (ItemKey::Axis(a), Some(roadmap_core::ItemRef::Axis(axis))) => {
                (0..axis.missions.len()).any(|m| self.keeps(roadmap, ItemKey::Mission(a, m)))
            }
            (ItemKey::Mission(a, m), Some(roadmap_core::ItemRef::Mission(_, mission))) => (0
                ..mission.milestones.len())
                .any(|s| self.changed(roadmap, ItemKey::Milestone(a, m, s))),
            _ => false,
        }
    }
}

/// A comparison shown, and whether only changed items are.
#[derive(Debug, Clone, Copy)]
pub struct Since<'a> {
    /// The comparison's words.
    pub changes: &'a Changes,
    /// The "changed" filter is on.
    pub only_changed: bool,
}

impl Scene<'_> {
    /// Whether the item `key` changed since the compared edition.
    pub fn changed(&self, key: ItemKey) -> bool {
        self.since
            .is_some_and(|since| since.changes.changed(self.roadmap, key))
    }

    /// Whether the item `key` is shown: always, but under the "changed"
    /// filter, where only changed items and those holding one are.
    pub fn shows(&self, key: ItemKey) -> bool {
        match self.since {
            Some(since) if since.only_changed => since.changes.keeps(self.roadmap, key),
            _ => true,
        }
    }
}

/// The Δ mark after a changed item's title in the list, with its words
/// for assistive technologies.
pub fn list_mark(m: &mut Markup, scene: &Scene<'_>, key: ItemKey) {
    if scene.changed(key) {
        m.raw("<span class=\"changed-mark\"><span aria-hidden=\"true\"> ")
            .symbol(CHANGED_SYMBOL)
            .raw("</span><span class=\"visually-hidden\"> — ")
            .text(Word::ChangedSince.text(scene.lang))
            .raw("</span></span>");
    }
}

/// " — Δ modifié depuis l'édition comparée" for a changed item's
/// accessible name; empty otherwise.
pub fn changed_words(scene: &Scene<'_>, key: ItemKey) -> String {
    if scene.changed(key) {
        format!(
            " — {CHANGED_SYMBOL} {}",
            Word::ChangedSince.text(scene.lang)
        )
    } else {
        String::new()
    }
}

/// The heading's line (`p.since`): the summary, read out when it comes,
/// and the "changed" filter; empty without a comparison.
pub fn since_line(scene: &Scene<'_>) -> String {
    let Some(since) = scene.since else {
        return String::new();
    };
    let lang = scene.lang;
    let mut m = Markup::new();
    m.raw("<div class=\"since\"><p class=\"since-summary\" role=\"status\"><span aria-hidden=\"true\">")
        .symbol(CHANGED_SYMBOL)
        .raw(" </span>")
        .text(since.changes.summary(lang))
        .raw("</p>");
    if !since.changes.items.is_empty() {
        m.raw("<button type=\"button\" class=\"btn\" data-act=\"only-changed\"")
            .attr(
                "aria-pressed",
                if since.only_changed { "true" } else { "false" },
            )
            .raw(">")
            .text(roadmap_core::changes::words::changed_filter(lang))
            .raw("</button>");
    }
    m.raw("</div>");
    m.finish()
}

/// The detail's fact: "Δ Modifié : statut : en cours → terminé".
pub fn detail_fact(m: &mut Markup, scene: &Scene<'_>, key: ItemKey) {
    let (Some(since), Some(id)) = (scene.since, item_id(scene.roadmap, key)) else {
        return;
    };
    if let Some(words) = since.changes.of(&id, scene.lang) {
        m.raw("<dt><span aria-hidden=\"true\">")
            .symbol(CHANGED_SYMBOL)
            .raw(" </span>")
            .text(Word::Changed.text(scene.lang))
            .raw("</dt><dd>")
            .text(words)
            .raw("</dd>");
    }
}

/// The legend's key of the Δ mark, when some item changed.
pub fn legend_key(m: &mut Markup, scene: &Scene<'_>) {
    if scene
        .since
        .is_some_and(|since| !since.changes.items.is_empty())
    {
        m.raw("<li class=\"changed-key\"><span class=\"swatch\" aria-hidden=\"true\">")
            .symbol(CHANGED_SYMBOL)
            .raw("</span>")
            .text(Word::ChangedSince.text(scene.lang))
            .raw("</li>");
    }
}
