//! What changed between two editions of a roadmap: items added, removed,
//! renamed or moved, dates, statuses, progress, as-of dates and indicator
//! values that differ, reviews and sources added or removed.
//!
//! Items (axes, missions, milestones, indicators) are matched by id. The
//! comparison reads two checked roadmaps and does no I/O, so every front end
//! (the terminal's `diff`, `--since`, the presenter, the widget) says the
//! same thing; [`words`] says it in French and English.

mod compare;
pub mod words;

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests;

use serde::Serialize;

use crate::dates::FuzzyDate;
use crate::model::{Measurement, Progress, Roadmap};
use crate::status::Status;

/// The mark of an item that changed since an earlier edition, so that no
/// view tells it by colour alone.
pub const CHANGED_SYMBOL: char = 'Δ';

/// [`CHANGED_SYMBOL`] for terminals and pipes that lack Unicode.
pub const CHANGED_ASCII_SYMBOL: char = '*';

/// The kinds of items matched by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// An axis.
    Axis,
    /// A mission.
    Mission,
    /// A milestone.
    Milestone,
    /// An indicator.
    Indicator,
}

/// An item named by id and title, as a reader recognises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The item's id.
    pub id: String,
    /// Its title (name for an indicator).
    pub title: String,
}

/// Which date of an item moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateField {
    /// A milestone's planned date (`date`).
    Planned,
    /// A milestone's delivery date (`done_on`).
    DoneOn,
    /// A mission's start.
    Start,
    /// A mission's end.
    End,
}

/// Which value of an indicator changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueField {
    /// The starting point.
    Baseline,
    /// The goal.
    Target,
    /// The latest value.
    Current,
}

/// One change of one item. `None` stands for "not given" on either side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// In the new edition only.
    Added,
    /// In the old edition only.
    Removed,
    /// Same id, new title.
    Renamed {
        /// The old title.
        from: String,
        /// The new title.
        to: String,
    },
    /// Under another parent (a mission under another axis, a milestone or
    /// an indicator under another mission).
    Moved {
        /// The old parent.
        from: Named,
        /// The new parent.
        to: Named,
    },
    /// A date moved.
    Date {
        /// Which date.
        field: DateField,
        /// The old date.
        from: Option<FuzzyDate>,
        /// The new date.
        to: Option<FuzzyDate>,
    },
    /// The stated status changed.
    Status {
        /// The old status.
        from: Option<Status>,
        /// The new status.
        to: Option<Status>,
    },
    /// The stated progress changed.
    Progress {
        /// The old progress.
        from: Option<Progress>,
        /// The new progress.
        to: Option<Progress>,
    },
    /// The date at which the status and progress were true changed.
    AsOf {
        /// The old as-of date.
        from: Option<FuzzyDate>,
        /// The new as-of date.
        to: Option<FuzzyDate>,
    },
    /// An indicator's value (figure, qualifier or date) changed.
    Value {
        /// Which value.
        field: ValueField,
        /// The indicator's unit in the new edition.
        unit: String,
        /// The old measurement.
        from: Option<Measurement>,
        /// The new measurement.
        to: Option<Measurement>,
    },
}

/// Every change of one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChanges {
    /// The item's id, the same in both editions.
    pub id: String,
    /// What it is.
    pub kind: ItemKind,
    /// Its title: the new one, or the old one when removed.
    pub title: String,
    /// The axis it sits under (the new one, or the old one when removed).
    pub axis: Named,
    /// Its changes, in a fixed order: added or removed, renamed, moved,
    /// then its fields in file order.
    pub changes: Vec<Change>,
}

impl ItemChanges {
    /// Whether the item is new.
    pub fn is_added(&self) -> bool {
        self.changes.first() == Some(&Change::Added)
    }

    /// Whether the item is gone.
    pub fn is_removed(&self) -> bool {
        self.changes.first() == Some(&Change::Removed)
    }
}

/// A review or a source, listed when added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its date, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
}

/// What changed from one edition of a roadmap to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Comparison {
    /// Changed items in the new edition's order; a removed item comes where
    /// it was, after the item it followed in the old edition.
    pub items: Vec<ItemChanges>,
    /// Progress reviews in the new edition only, in its order.
    pub reviews_added: Vec<Listed>,
    /// Progress reviews in the old edition only, in its order.
    pub reviews_removed: Vec<Listed>,
    /// Sources in the new edition only, in its order.
    pub sources_added: Vec<Listed>,
    /// Sources in the old edition only, in its order.
    pub sources_removed: Vec<Listed>,
}

impl Comparison {
    /// Compares an old edition with a new one.
    pub fn between(old: &Roadmap, new: &Roadmap) -> Comparison {
        compare::compare(old, new)
    }

    /// Whether the two editions say the same thing (as far as compared).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
            && self.reviews_added.is_empty()
            && self.reviews_removed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
    }

    /// How many changes in all: each item change, review and source.
    pub fn count(&self) -> usize {
        self.items
            .iter()
            .map(|item| item.changes.len())
            .sum::<usize>()
            + self.reviews_added.len()
            + self.reviews_removed.len()
            + self.sources_added.len()
            + self.sources_removed.len()
    }

    /// The changes of the item with this id that is in the new edition
    /// (a removed item is no longer there to be marked).
    pub fn item(&self, id: &str) -> Option<&ItemChanges> {
        self.items
            .iter()
            .find(|item| item.id == id && !item.is_removed())
    }
}
