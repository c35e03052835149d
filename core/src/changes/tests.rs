use super::words::ListedChange;
use super::*;
use crate::load::{Format, load_str};
use crate::locale::Language;

const OLD: &str = r#"
id = "c"
title = "C"
organisation = "O"
language = "fr"
published = "2023-03"
period = { start = "2020", end = "2024" }
[[sources]]
id = "s1"
title = "First report"
date = "2023-03"
[[reviews]]
id = "r1"
date = "2021-06"
title = "Mid-2021"
sources = ["s1"]
[[axes]]
id = "a"
title = "Axis A"
sources = ["s1"]
[[axes.missions]]
id = "m"
title = "FranceConnect"
start = "2020-Q1"
end = "2022"
status = "in-progress"
progress = 40
sources = ["s1"]
[[axes.missions.milestones]]
id = "call"
title = "Call for projects"
date = "2020-Q1"
status = "in-progress"
sources = ["s1"]
[[axes.missions.milestones]]
id = "gone"
title = "Dropped step"
date = "2021"
sources = ["s1"]
[[axes.missions.indicators]]
id = "users"
name = "Users"
unit = "users"
[axes.missions.indicators.current]
value = 15000000
date = "2020-05"
sources = ["s1"]
[[axes.missions]]
id = "n"
title = "Other mission"
sources = ["s1"]
[[axes]]
id = "b"
title = "Axis B"
sources = ["s1"]
[[axes.missions]]
id = "p"
title = "Mission P"
sources = ["s1"]
"#;

fn roadmap(text: &str) -> Roadmap {
    match load_str("c.toml", text, Format::Toml) {
        Ok(loaded) => loaded.roadmap,
        Err(error) => panic!("{error:?}"),
    }
}

/// The old text with each `(from, to)` replaced once.
fn edited(edits: &[(&str, &str)]) -> Roadmap {
    let mut text = OLD.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "the fixture has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    roadmap(&text)
}

fn compare(new: &Roadmap) -> Comparison {
    Comparison::between(&roadmap(OLD), new)
}

fn only_changes_of(comparison: &Comparison, id: &str) -> Vec<Change> {
    assert_eq!(
        comparison
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        [id],
        "{comparison:#?}"
    );
    comparison.items[0].changes.clone()
}

fn date(text: &str) -> Option<FuzzyDate> {
    text.parse().ok()
}

#[test]
fn an_identical_pair_has_no_changes() {
    let comparison = Comparison::between(&roadmap(OLD), &roadmap(OLD));
    assert!(comparison.is_empty(), "{comparison:#?}");
    assert_eq!(comparison.count(), 0);
    assert_eq!(comparison.count_words(Language::Fr), "aucun changement");
    assert_eq!(comparison.count_words(Language::En), "no changes");
}

#[test]
fn a_status_change_is_said_with_the_status_words() {
    let new = edited(&[(
        "status = \"in-progress\"\nprogress = 40",
        "status = \"done\"\nprogress = 40",
    )]);
    let comparison = compare(&new);
    let changes = only_changes_of(&comparison, "m");
    assert_eq!(
        changes,
        [Change::Status {
            from: Some(Status::InProgress),
            to: Some(Status::Done)
        }]
    );
    let item = &comparison.items[0];
    assert_eq!(
        item.summary(Language::Fr),
        "statut\u{a0}: en cours → terminé"
    );
    assert_eq!(item.summary(Language::En), "status: in progress → done");
    assert_eq!(item.heading(Language::En), "mission “FranceConnect”");
    assert_eq!(comparison.count_words(Language::Fr), "1 changement");
}

#[test]
fn moved_dates_say_both_dates_as_written_and_which_way() {
    let new = edited(&[
        ("date = \"2020-Q1\"", "date = \"2021-Q2\""),
        ("end = \"2022\"", "end = \"2022-H1\""),
    ]);
    let comparison = compare(&new);
    assert_eq!(comparison.items.len(), 2, "{comparison:#?}");
    assert_eq!(
        comparison.items[0].changes,
        [Change::Date {
            field: DateField::End,
            from: date("2022"),
            to: date("2022-H1")
        }]
    );
    assert_eq!(comparison.items[1].id, "call");
    assert_eq!(
        comparison.items[1].summary(Language::Fr),
        "prévu\u{a0}: T1 2020 → T2 2021 (plus tard)"
    );
    assert_eq!(
        comparison.items[0].summary(Language::En),
        "end: 2022 → H1 2022 (made precise)"
    );
}

#[test]
fn a_delivery_date_and_a_start_given_or_taken_away() {
    let new = edited(&[
        (
            "status = \"in-progress\"\nsources = [\"s1\"]",
            "status = \"done\"\ndone_on = \"2020-02\"\nsources = [\"s1\"]",
        ),
        ("start = \"2020-Q1\"\n", ""),
    ]);
    let comparison = compare(&new);
    assert_eq!(comparison.items[0].id, "m");
    assert_eq!(
        comparison.items[0].summary(Language::En),
        "start: Q1 2020 → date unknown"
    );
    assert_eq!(
        comparison.items[1].summary(Language::En),
        "delivered: date unknown → February 2020; status: in progress → done"
    );
}

#[test]
fn progress_and_as_of_changes() {
    let new = edited(&[("progress = 40", "progress = 60\nas_of = \"2023-09\"")]);
    let changes = only_changes_of(&compare(&new), "m");
    assert_eq!(
        changes,
        [
            Change::Progress {
                from: Progress::new(40.0),
                to: Progress::new(60.0)
            },
            Change::AsOf {
                from: date("2023-03"),
                to: date("2023-09")
            }
        ]
    );
    let item = &compare(&new).items[0];
    assert_eq!(
        item.summary(Language::Fr),
        "avancement\u{a0}: 40\u{202f}% → 60\u{202f}% ; état au\u{a0}: mars 2023 → septembre 2023"
    );
}

#[test]
fn a_renamed_item_keeps_its_id() {
    let new = edited(&[(
        "title = \"Call for projects\"",
        "title = \"Call for proposals\"",
    )]);
    let comparison = compare(&new);
    let changes = only_changes_of(&comparison, "call");
    assert_eq!(
        changes,
        [Change::Renamed {
            from: "Call for projects".into(),
            to: "Call for proposals".into()
        }]
    );
    assert_eq!(comparison.items[0].kind, ItemKind::Milestone);
    assert_eq!(
        comparison.items[0].summary(Language::En),
        "title: “Call for projects” → “Call for proposals”"
    );
}

#[test]
fn a_mission_moved_to_another_axis_is_listed_under_its_new_axis() {
    // Mission `n` leaves axis A for axis B, after mission `p`.
    let text = OLD.replacen(
        "[[axes.missions]]\nid = \"n\"\ntitle = \"Other mission\"\nsources = [\"s1\"]\n",
        "",
        1,
    ) + "[[axes.missions]]\nid = \"n\"\ntitle = \"Other mission\"\nsources = [\"s1\"]\n";
    let comparison = compare(&roadmap(&text));
    let [item] = comparison.items.as_slice() else {
        panic!("{comparison:#?}")
    };
    assert_eq!(item.axis.id, "b");
    assert_eq!(
        item.changes,
        [Change::Moved {
            from: Named {
                id: "a".into(),
                title: "Axis A".into()
            },
            to: Named {
                id: "b".into(),
                title: "Axis B".into()
            },
        }]
    );
    assert_eq!(
        item.summary(Language::Fr),
        "déplacée\u{a0}: «\u{a0}Axis A\u{a0}» → «\u{a0}Axis B\u{a0}»"
    );
}

#[test]
fn removed_items_come_where_they_were_and_added_ones_where_they_are() {
    let new = edited(&[
        (
            "[[axes.missions.milestones]]\nid = \"gone\"\ntitle = \"Dropped step\"\ndate = \"2021\"\nsources = [\"s1\"]\n",
            "",
        ),
        (
            "[[axes]]\nid = \"b\"",
            "[[axes.missions]]\nid = \"q\"\ntitle = \"New mission\"\nsources = [\"s1\"]\n[[axes]]\nid = \"b\"",
        ),
    ]);
    let comparison = compare(&new);
    let listed: Vec<_> = comparison
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.changes.clone()))
        .collect();
    assert_eq!(
        listed,
        [("gone", vec![Change::Removed]), ("q", vec![Change::Added])]
    );
    let gone = &comparison.items[0];
    assert!(gone.is_removed() && !gone.is_added());
    assert_eq!(gone.summary(Language::Fr), "supprimé");
    assert_eq!(comparison.items[1].summary(Language::Fr), "ajoutée");
    // A removed item is not there to be marked.
    assert!(comparison.item("gone").is_none());
    assert!(comparison.item("q").is_some_and(ItemChanges::is_added));
}

#[test]
fn a_whole_removed_axis_lists_its_items_in_their_old_order() {
    let cut = OLD.find("[[axes]]\nid = \"b\"").expect("axis b");
    let comparison = compare(&roadmap(&OLD[..cut]));
    let ids: Vec<_> = comparison.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["b", "p"]);
    assert!(comparison.items.iter().all(ItemChanges::is_removed));
    assert_eq!(comparison.items[1].axis.id, "b");
}

#[test]
fn indicator_values_compare_figure_qualifier_and_date() {
    let new = edited(&[(
        "value = 15000000\ndate = \"2020-05\"",
        "value = 42000000\ndate = \"2023-03\"",
    )]);
    let comparison = compare(&new);
    let changes = only_changes_of(&comparison, "users");
    assert!(matches!(
        changes.as_slice(),
        [Change::Value {
            field: ValueField::Current,
            ..
        }]
    ));
    assert_eq!(
        comparison.items[0].summary(Language::En),
        "current: 15,000,000 users (May 2020) → 42,000,000 users (March 2023)"
    );
    // A note reworded is no new value.
    let noted = edited(&[("value = 15000000", "value = 15000000\nnote = \"About.\"")]);
    assert!(compare(&noted).is_empty());
}

#[test]
fn reviews_and_sources_added_or_removed() {
    let new = edited(&[
        (
            "[[reviews]]\nid = \"r1\"",
            "[[reviews]]\nid = \"r2\"\ndate = \"2022-12\"\ntitle = \"End 2022\"\nsources = [\"s2\"]\n[[reviews]]\nid = \"r1\"",
        ),
        (
            "[[sources]]\nid = \"s1\"",
            "[[sources]]\nid = \"s2\"\ntitle = \"Second report\"\ndate = \"2023-03\"\n[[sources]]\nid = \"s1\"",
        ),
    ]);
    let comparison = compare(&new);
    assert!(comparison.items.is_empty(), "{comparison:#?}");
    assert_eq!(comparison.reviews_added.len(), 1);
    assert_eq!(comparison.sources_added.len(), 1);
    assert_eq!(
        comparison.reviews_added[0].words(ListedChange::ReviewAdded, Language::Fr),
        "point d'étape ajouté\u{a0}: «\u{a0}End 2022\u{a0}» (décembre 2022)"
    );
    assert_eq!(
        comparison.sources_added[0].words(ListedChange::SourceAdded, Language::En),
        "source added: “Second report” (March 2023)"
    );
    assert_eq!(comparison.count_words(Language::En), "2 changes");
    // The other way round, they are removed.
    let back = Comparison::between(&new, &roadmap(OLD));
    assert_eq!(back.reviews_removed[0].id, "r2");
    assert_eq!(
        back.sources_removed[0].words(ListedChange::SourceRemoved, Language::Fr),
        "source supprimée\u{a0}: «\u{a0}Second report\u{a0}» (mars 2023)"
    );
}

#[test]
fn the_json_shape_has_stable_keys() {
    let new = edited(&[(
        "status = \"in-progress\"\nprogress = 40",
        "status = \"done\"\nprogress = 40",
    )]);
    let json = serde_json::to_value(compare(&new)).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "items": [{
                "id": "m",
                "kind": "mission",
                "title": "FranceConnect",
                "axis": { "id": "a", "title": "Axis A" },
                "changes": [{ "change": "status", "from": "in-progress", "to": "done" }]
            }],
            "reviews_added": [],
            "reviews_removed": [],
            "sources_added": [],
            "sources_removed": []
        })
    );
}
