//! The comparison itself: both editions flattened in file order, items
//! matched by id, fields compared one by one.

use std::collections::{HashMap, HashSet};

use super::{Change, Comparison, DateField, ItemChanges, ItemKind, Listed, Named, ValueField};
use crate::dates::FuzzyDate;
use crate::model::{Axis, Indicator, Measurement, Milestone, Mission, Roadmap};

/// An item of one edition, with where it sits.
struct Node<'a> {
    id: &'a str,
    title: &'a str,
    axis: &'a Axis,
    /// The axis for a mission, the mission for a milestone or indicator.
    parent: Option<(&'a str, &'a str)>,
    fields: Fields<'a>,
}

enum Fields<'a> {
    Axis(&'a Axis),
    Mission(&'a Mission),
    Milestone(&'a Milestone),
    Indicator(&'a Indicator),
}

impl Node<'_> {
    fn kind(&self) -> ItemKind {
        match self.fields {
            Fields::Axis(_) => ItemKind::Axis,
            Fields::Mission(_) => ItemKind::Mission,
            Fields::Milestone(_) => ItemKind::Milestone,
            Fields::Indicator(_) => ItemKind::Indicator,
        }
    }

    fn changes(&self, changes: Vec<Change>) -> ItemChanges {
        ItemChanges {
            id: self.id.to_owned(),
            kind: self.kind(),
            title: self.title.to_owned(),
            axis: Named {
                id: self.axis.id.clone(),
                title: self.axis.title.clone(),
            },
            changes,
        }
    }
}

/// Every item in file order: an axis, then each of its missions followed
/// by the mission's milestones and indicators.
fn flatten(roadmap: &Roadmap) -> Vec<Node<'_>> {
    let mut nodes = Vec::new();
    for axis in roadmap.axes() {
        nodes.push(Node {
            id: &axis.id,
            title: &axis.title,
            axis,
            parent: None,
            fields: Fields::Axis(axis),
        });
        for mission in &axis.missions {
            nodes.push(Node {
                id: &mission.id,
                title: &mission.title,
                axis,
                parent: Some((&axis.id, &axis.title)),
                fields: Fields::Mission(mission),
            });
            let parent = Some((mission.id.as_str(), mission.title.as_str()));
            for milestone in &mission.milestones {
                nodes.push(Node {
                    id: &milestone.id,
                    title: &milestone.title,
                    axis,
                    parent,
                    fields: Fields::Milestone(milestone),
                });
            }
            for indicator in &mission.indicators {
                nodes.push(Node {
                    id: &indicator.id,
                    title: &indicator.name,
                    axis,
                    parent,
                    fields: Fields::Indicator(indicator),
                });
            }
        }
    }
    nodes
}

pub(super) fn compare(old: &Roadmap, new: &Roadmap) -> Comparison {
    let old_nodes = flatten(old);
    let new_nodes = flatten(new);
    // An id that changed kind (a mission become a milestone) is another item.
    let key = |node: &Node<'_>| (node.id.to_owned(), node.kind());
    let old_by_key: HashMap<_, &Node<'_>> = old_nodes.iter().map(|n| (key(n), n)).collect();
    let new_keys: HashSet<_> = new_nodes.iter().map(key).collect();

    // Each removed item goes after the last item before it, in the old
    // edition, that is still there (`None`: before everything).
    let mut removed_after: HashMap<Option<(String, ItemKind)>, Vec<ItemChanges>> = HashMap::new();
    let mut anchor = None;
    for node in &old_nodes {
        if new_keys.contains(&key(node)) {
            anchor = Some(key(node));
        } else {
            removed_after
                .entry(anchor.clone())
                .or_default()
                .push(node.changes(vec![Change::Removed]));
        }
    }

    let mut items = removed_after.remove(&None).unwrap_or_default();
    for node in &new_nodes {
        let changes = match old_by_key.get(&key(node)) {
            Some(before) => item_changes(before, node),
            None => vec![Change::Added],
        };
        if !changes.is_empty() {
            items.push(node.changes(changes));
        }
        if let Some(removed) = removed_after.remove(&Some(key(node))) {
            items.extend(removed);
        }
    }

    let reviews = |roadmap: &Roadmap| {
        roadmap
            .reviews()
            .iter()
            .map(|r| Listed {
                id: r.id.clone(),
                title: r.title.clone(),
                date: Some(r.date),
            })
            .collect::<Vec<_>>()
    };
    let sources = |roadmap: &Roadmap| {
        roadmap
            .sources()
            .iter()
            .map(|s| Listed {
                id: s.id.clone(),
                title: s.title.clone(),
                date: s.date,
            })
            .collect::<Vec<_>>()
    };
    let (reviews_added, reviews_removed) = one_sided(reviews(old), reviews(new));
    let (sources_added, sources_removed) = one_sided(sources(old), sources(new));
    Comparison {
        items,
        reviews_added,
        reviews_removed,
        sources_added,
        sources_removed,
    }
}

/// What is only in `new` and what is only in `old`, matched by id.
fn one_sided(old: Vec<Listed>, new: Vec<Listed>) -> (Vec<Listed>, Vec<Listed>) {
    let old_ids: HashSet<_> = old.iter().map(|l| l.id.clone()).collect();
    let new_ids: HashSet<_> = new.iter().map(|l| l.id.clone()).collect();
    let added = new
        .into_iter()
        .filter(|l| !old_ids.contains(&l.id))
        .collect();
    let removed = old
        .into_iter()
        .filter(|l| !new_ids.contains(&l.id))
        .collect();
    (added, removed)
}

/// The changes of an item found in both editions.
fn item_changes(old: &Node<'_>, new: &Node<'_>) -> Vec<Change> {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push(Change::Renamed {
            from: old.title.to_owned(),
            to: new.title.to_owned(),
        });
    }
    if let (Some(from), Some(to)) = (old.parent, new.parent)
        && from.0 != to.0
    {
        let named = |(id, title): (&str, &str)| Named {
            id: id.to_owned(),
            title: title.to_owned(),
        };
        changes.push(Change::Moved {
            from: named(from),
            to: named(to),
        });
    }
    match (&old.fields, &new.fields) {
        (Fields::Axis(old), Fields::Axis(new)) => {
            progress(&mut changes, old.progress, new.progress);
        }
        (Fields::Mission(old), Fields::Mission(new)) => {
            date(&mut changes, DateField::Start, old.start, new.start);
            date(&mut changes, DateField::End, old.end, new.end);
            status(&mut changes, old.status, new.status);
            progress(&mut changes, old.progress, new.progress);
            as_of(&mut changes, old.as_of, new.as_of);
        }
        (Fields::Milestone(old), Fields::Milestone(new)) => {
            date(&mut changes, DateField::Planned, old.date, new.date);
            date(&mut changes, DateField::DoneOn, old.done_on, new.done_on);
            status(&mut changes, old.status, new.status);
            progress(&mut changes, old.progress, new.progress);
            as_of(&mut changes, old.as_of, new.as_of);
        }
        (Fields::Indicator(old), Fields::Indicator(new)) => {
            let pairs = [
                (ValueField::Baseline, &old.baseline, &new.baseline),
                (ValueField::Target, &old.target, &new.target),
                (ValueField::Current, &old.current, &new.current),
            ];
            for (field, from, to) in pairs {
                if !same_value(from.as_ref(), to.as_ref()) {
                    changes.push(Change::Value {
                        field,
                        unit: new.unit.clone(),
                        from: from.clone(),
                        to: to.clone(),
                    });
                }
            }
        }
        // Items are matched by id and kind, so the kinds agree.
        _ => {}
    }
    changes
}

/// Whether two measurements give the same figure: value, qualifier and
/// date (a reworded note or another source is no new value).
fn same_value(old: Option<&Measurement>, new: Option<&Measurement>) -> bool {
    match (old, new) {
        (None, None) => true,
        (Some(old), Some(new)) => {
            old.value.to_bits() == new.value.to_bits()
                && old.qualifier == new.qualifier
                && old.date == new.date
        }
        _ => false,
    }
}

fn date(
    changes: &mut Vec<Change>,
    field: DateField,
    from: Option<FuzzyDate>,
    to: Option<FuzzyDate>,
) {
    if from != to {
        changes.push(Change::Date { field, from, to });
    }
}

fn status(
    changes: &mut Vec<Change>,
    from: Option<crate::status::Status>,
    to: Option<crate::status::Status>,
) {
    if from != to {
        changes.push(Change::Status { from, to });
    }
}

fn progress(
    changes: &mut Vec<Change>,
    from: Option<crate::model::Progress>,
    to: Option<crate::model::Progress>,
) {
    if from != to {
        changes.push(Change::Progress { from, to });
    }
}

fn as_of(changes: &mut Vec<Change>, from: Option<FuzzyDate>, to: Option<FuzzyDate>) {
    if from != to {
        changes.push(Change::AsOf { from, to });
    }
}
