//! Milestones too close together, drawn as one mark in the widget's
//! timeline: every milestone is drawn once, alone or in a crowd; a crowd
//! is a named button that the pointer hits and that opens on its own
//! window; the open milestone and a changed one are never crowded; a
//! drawing without a script crowds nothing, and neither do the bundled
//! roadmaps at their whole window.
#![allow(missing_docs)]

mod common;

use common::{day, dinum, export, tech_gouv};
use roadmap_core::{Crowd, ItemKey, Language, Roadmap, TimeWindow};
use roadmap_markup::crowd::Hit;
use roadmap_markup::timeline::ROW;
use roadmap_markup::{Chart, Frame, Scene, View, explorer, item_id};

fn synthetic() -> Roadmap {
    export(
        "synthetic.json",
        &roadmap_core::synthetic::synthetic_roadmap_json(2_000),
    )
}

fn scene(roadmap: &Roadmap, lang: Language) -> Scene<'_> {
    Scene {
        roadmap,
        lang,
        today: day("2025-01-15"),
        window: TimeWindow::around(roadmap),
        selected: None,
        since: None,
    }
}

/// The first crowd `chart` draws.
fn first_crowd(chart: &Chart<'_, '_>) -> Crowd {
    (0..chart.layout.rows.len())
        .flat_map(|row| chart.crowds(row))
        .next()
        .expect("a crowd")
}

/// The value of the attribute `name` in each element of `markup` that has it.
fn values<'m>(markup: &'m str, name: &str) -> Vec<&'m str> {
    let pattern = format!(" {name}=\"");
    markup
        .split(&pattern)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn every_milestone_is_drawn_once_alone_or_in_its_crowd() {
    let roadmap = synthetic();
    let scene = scene(&roadmap, Language::En);
    let chart = Chart::new(&scene, 880.0);
    let all = 0..chart.layout.rows.len();
    let crowds: Vec<_> = all.clone().flat_map(|row| chart.crowds(row)).collect();
    assert!(crowds.len() > 10, "{} crowds", crowds.len());
    let rows = chart.rows(all);
    let crowded: Vec<ItemKey> = crowds.iter().flat_map(|c| c.members.clone()).collect();
    let drawn: Vec<&str> = values(&rows, "data-item");
    for key in &crowded {
        let id = item_id(&roadmap, *key).expect("an id");
        assert!(
            !drawn.contains(&id.as_str()),
            "{id} is drawn in its crowd only"
        );
    }
    let milestones_drawn = rows.matches("class=\"item marker ").count();
    assert_eq!(milestones_drawn + crowded.len(), chart.layout.markers.len());
    // Each crowd is a button named for its milestones, known by its first.
    assert_eq!(values(&rows, "data-crowd").len(), crowds.len());
    for (crowd, first) in crowds.iter().zip(values(&rows, "data-crowd")) {
        assert_eq!(Some(first.to_owned()), item_id(&roadmap, crowd.members[0]));
        assert!(crowd.members.len() >= 5);
        assert_eq!(crowd.statuses.total(), crowd.members.len());
    }
    let group = &rows[rows.find("<g class=\"item crowd\"").expect("a crowd")..];
    let group = &group[..group.find("</g>").expect("its end")];
    assert!(group.contains(" tabindex=\"0\" role=\"button\""), "{group}");
    let name = values(group, "aria-label")[0];
    let count = crowds[0].members.len();
    assert!(
        name.starts_with(&format!("{count} milestones close together, ")),
        "{name}"
    );
    assert!(name.ends_with(" — zoom in to see each one"), "{name}");
    // Its number shows, hidden from assistive technologies: its name says it.
    assert!(group.contains("aria-hidden=\"true\" x="), "{group}");
    assert!(group.contains(&format!(">{count}</text>")), "{group}");
}

#[test]
fn a_crowd_is_named_in_french_too() {
    let roadmap = synthetic();
    let scene = scene(&roadmap, Language::Fr);
    let chart = Chart::new(&scene, 880.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    let name = values(
        &rows[rows.find("class=\"item crowd\"").expect("a crowd")..],
        "aria-label",
    )[0];
    assert!(name.contains(" jalons rapprochés, "), "{name}");
    assert!(name.ends_with(" — zoomer pour les voir un à un"), "{name}");
}

#[test]
fn the_pointer_hits_a_crowd_which_opens_on_its_own_window() {
    let roadmap = synthetic();
    let scene = scene(&roadmap, Language::En);
    let chart = Chart::new(&scene, 880.0);
    let crowd = first_crowd(&chart);
    let y = crowd.row as f64 * ROW + ROW / 2.0;
    let x = chart.label_w + f64::midpoint(crowd.x0.max(0.0), crowd.x1);
    assert_eq!(chart.hit(x, y), Some(Hit::Crowd(crowd.clone())));
    assert_eq!(chart.crowd_with(crowd.members[0]), Some(crowd.clone()));
    assert_eq!(chart.crowd_with(crowd.members[1]), Some(crowd.clone()));
    let alone = chart
        .layout
        .markers_in(crowd.row..crowd.row + 1)
        .iter()
        .find(|marker| !crowd.members.contains(&marker.key));
    if let Some(alone) = alone {
        assert_eq!(chart.crowd_with(alone.key), None);
    }
    assert!(crowd.window.days() * 2 <= scene.window.days());
    // Opened on, the crowd's first milestone is drawn, alone or in a
    // smaller crowd.
    let closer = Scene {
        window: crowd.window,
        ..scene
    };
    let chart = Chart::new(&closer, 880.0);
    let smaller = chart
        .crowds(crowd.row)
        .into_iter()
        .find(|c| c.members.contains(&crowd.members[0]));
    let alone = chart
        .layout
        .markers_in(crowd.row..crowd.row + 1)
        .iter()
        .any(|marker| marker.key == crowd.members[0]);
    assert!(alone);
    assert!(smaller.is_none_or(|smaller| smaller.members.len() < crowd.members.len()));
}

#[test]
fn the_open_milestone_is_never_crowded() {
    let roadmap = synthetic();
    let mut scene = scene(&roadmap, Language::En);
    let chart = Chart::new(&scene, 880.0);
    let crowd = first_crowd(&chart);
    let open = crowd.members[2];
    scene.selected = Some(open);
    let chart = Chart::new(&scene, 880.0);
    assert!(
        chart
            .crowds(crowd.row)
            .iter()
            .all(|c| !c.members.contains(&open))
    );
    let rows = chart.rows(crowd.row..crowd.row + 1);
    let id = item_id(&roadmap, open).expect("an id");
    assert!(rows.contains(&format!("data-item=\"{id}\"")));
}

#[test]
fn a_milestone_changed_since_the_compared_edition_is_never_crowded() {
    use roadmap_markup::since::{Changes, Since};
    let roadmap = synthetic();
    let mut scene = scene(&roadmap, Language::En);
    let chart = Chart::new(&scene, 880.0);
    let crowd = first_crowd(&chart);
    let moved = crowd.members[1];
    let id = item_id(&roadmap, moved).expect("an id");
    let changes = Changes::from_flat(&[
        "1 changement".to_owned(),
        "1 change".to_owned(),
        id.clone(),
        "statut".to_owned(),
        "status".to_owned(),
    ]);
    scene.since = Some(Since {
        changes: &changes,
        only_changed: false,
    });
    let chart = Chart::new(&scene, 880.0);
    assert!(
        chart
            .crowds(crowd.row)
            .iter()
            .all(|c| !c.members.contains(&moved))
    );
    let rows = chart.rows(crowd.row..crowd.row + 1);
    assert!(rows.contains(&format!("data-item=\"{id}\"")));
    assert!(rows.contains("class=\"changed-mark\""));
}

#[test]
fn drawings_without_a_script_and_the_bundled_roadmaps_crowd_nothing() {
    let roadmap = synthetic();
    let synthetic_scene = scene(&roadmap, Language::En);
    let still = Chart::new(&synthetic_scene, 880.0).still();
    let rows = still.rows(0..still.layout.rows.len());
    assert!(!rows.contains("crowd"));
    assert_eq!(
        rows.matches("class=\"item marker ").count(),
        still.layout.markers.len()
    );
    // At their whole window, at a phone's width and wider.
    for roadmap in [dinum(), tech_gouv()] {
        let scene = scene(&roadmap, Language::Fr);
        for width in [360.0, 880.0, 1600.0] {
            let chart = Chart::new(&scene, width);
            let crowds = (0..chart.layout.rows.len()).flat_map(|row| chart.crowds(row));
            assert_eq!(crowds.count(), 0, "{} at {width}", roadmap.id());
        }
    }
}

#[test]
fn the_legend_keys_a_crowd_when_the_timeline_draws_one() {
    let frame = Frame {
        view: View::Timeline,
        printing: false,
        rows_width: 880.0,
        scroll_top: 0.0,
        rows_height: 2000.0,
    };
    let key = "milestones close together, opened by a click or Enter";
    let roadmap = synthetic();
    let crowded = explorer(&scene(&roadmap, Language::En), &frame);
    assert!(crowded.contains("class=\"item crowd\""));
    assert!(crowded.contains(key));
    let roadmap = tech_gouv();
    let calm = explorer(&scene(&roadmap, Language::En), &frame);
    assert!(!calm.contains("crowd"));
}
