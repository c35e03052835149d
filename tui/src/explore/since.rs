//! The explorer's `--since`: each tab compared with an earlier edition of
//! its roadmap. The comparison is the core's ([`Comparison`]); this keeps it
//! with the places of the changed items in the roadmap shown, and makes it
//! again whenever that roadmap changes (an edit, a live reload), always
//! against the same earlier edition.

use std::collections::HashSet;

use roadmap_core::changes::{Comparison, ItemChanges, ItemKind};
use roadmap_core::{ItemKey, Roadmap};

use crate::explore::state::parent_of;

/// A tab's earlier edition and what changed since.
#[derive(Debug, Clone)]
pub struct Since {
    /// How the earlier edition is named: a revision (`v1`) or a file.
    pub name: String,
    /// The earlier edition.
    base: Roadmap,
    /// What changed from it to the roadmap shown.
    pub changes: Comparison,
    /// The outline rows to mark: changed items, and the mission of a
    /// changed indicator (indicators have no row of their own).
    marked: HashSet<ItemKey>,
}

impl Since {
    /// Compares `base` with `current`.
    pub fn new(name: String, base: Roadmap, current: &Roadmap) -> Since {
        let mut since = Since {
            name,
            base,
            changes: Comparison::default(),
            marked: HashSet::new(),
        };
        since.compare_with(current);
        since
    }

    /// Compares the same earlier edition with the roadmap now shown.
    pub fn compare_with(&mut self, current: &Roadmap) {
        self.changes = Comparison::between(&self.base, current);
        self.marked = self
            .changes
            .items
            .iter()
            .filter(|item| !item.is_removed())
            .filter_map(|item| current.key_of(&item.id))
            .map(|key| match key {
                ItemKey::Indicator(..) => parent_of(key).unwrap_or(key),
                key => key,
            })
            .collect();
    }

    /// Whether the outline marks this row.
    pub fn is_marked(&self, key: ItemKey) -> bool {
        self.marked.contains(&key)
    }

    /// The rows to mark.
    pub fn marked(&self) -> &HashSet<ItemKey> {
        &self.marked
    }

    /// The changes to tell in the detail of the item at `key`: its own,
    /// then, for a mission, its indicators'.
    pub fn changes_of<'a>(&'a self, roadmap: &Roadmap, key: ItemKey) -> Vec<&'a ItemChanges> {
        self.changes
            .items
            .iter()
            .filter(|item| !item.is_removed())
            .filter(|item| {
                let found = roadmap.key_of(&item.id);
                found == Some(key)
                    || (item.kind == ItemKind::Indicator && found.and_then(parent_of) == Some(key))
            })
            .collect()
    }
}
