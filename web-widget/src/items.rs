//! Items by id: the id of an axis, mission or milestone, and the item an id
//! names in a roadmap. The markup writes ids into `data-item` attributes
//! and read deep links with them; live mode finds the open item again in a
//! newer version with them.

use roadmap_core::{ItemKey, Roadmap};
pub use roadmap_markup::item_id;

/// The item a deep link names: an indicator opens its mission; reviews
/// have no place in the views.
pub fn linked_item(roadmap: &Roadmap, id: &str) -> Option<ItemKey> {
    match roadmap.key_of(id)? {
        ItemKey::Indicator(a, m, _) => Some(ItemKey::Mission(a, m)),
        ItemKey::Review(_) => None,
        key => Some(key),
    }
}

/// The item of `new` that is `key` of `old`, matched by id, so that an
/// open detail stays on the same item when items move or are added.
pub fn same_item(old: &Roadmap, key: ItemKey, new: &Roadmap) -> Option<ItemKey> {
    let id = item_id(old, key)?;
    new.key_of(&id).filter(|found| {
        matches!(
            found,
            ItemKey::Axis(_) | ItemKey::Mission(..) | ItemKey::Milestone(..)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::read_json;

    #[test]
    fn an_open_item_is_found_again_by_id_after_items_move() {
        let text = include_str!("../../data/dinum-2023.json");
        let old = read_json("a.json", text).expect("loads");
        let key = old.key_of("datalab-cree").expect("a milestone");
        // The same roadmap with its axes in reverse order: indices move.
        let mut json: serde_json::Value = serde_json::from_str(text).expect("JSON");
        json["axes"].as_array_mut().expect("axes").reverse();
        let new = read_json("b.json", json.to_string()).expect("loads");
        let moved = same_item(&old, key, &new).expect("still there");
        assert_ne!(moved, key);
        assert_eq!(item_id(&new, moved).as_deref(), Some("datalab-cree"));
        // An item that is gone closes.
        let renamed = text.replace("\"datalab-cree\"", "\"datalab-ouvert\"");
        let new = read_json("c.json", &renamed).expect("loads");
        assert_eq!(same_item(&old, key, &new), None);
    }
}
