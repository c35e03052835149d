//! Plan against reality in the markup: the ghost of a milestone's plan
//! only where reality moved from it, the open item's dependency arrows
//! (late ones marked, those to items outside the window stopped at its
//! edge), and the detail's and the exported list's words.
#![allow(missing_docs)]

use roadmap_core::{Day, Format, FuzzyDate, ItemKey, Language, Roadmap, TimeWindow, load_str};
use roadmap_markup::detail::detail;
use roadmap_markup::explorer::legend;
use roadmap_markup::outline::outline;
use roadmap_markup::{Chart, Scene};

const FILE: &str = include_str!("../../web-widget/e2e/fixtures/plan.toml");

fn day(text: &str) -> Day {
    text.parse::<FuzzyDate>().expect("a day").first_day()
}

fn roadmap() -> Roadmap {
    load_str("plan.toml", FILE, Format::Toml)
        .expect("the fixture loads")
        .roadmap
}

fn scene<'a>(roadmap: &'a Roadmap, lang: Language, selected: Option<&str>) -> Scene<'a> {
    Scene {
        roadmap,
        lang,
        today: day("2021-07-01"),
        window: TimeWindow::new(day("2020-01-01"), day("2021-12-31")),
        selected: selected.and_then(|id| roadmap.key_of(id)),
        since: None,
    }
}

/// The markup of the group of the item `id` on the timeline.
fn group<'m>(rows: &'m str, id: &str) -> &'m str {
    let at = rows
        .find(&format!("data-item=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} is drawn"));
    let start = rows[..at].rfind("<g class=\"item").expect("its group");
    let end = rows[at..].find("</g>").expect("its end") + at;
    &rows[start..end]
}

#[test]
fn the_ghost_appears_only_where_reality_moved_from_the_plan() {
    let roadmap = roadmap();
    let scene = scene(&roadmap, Language::En, None);
    let chart = Chart::new(&scene, 1000.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    // Delivered late, delivered early, re-planned: the plan shows, behind.
    for id in ["label", "first", "api", "hired"] {
        let marker = group(&rows, id);
        let ghost = marker
            .find("class=\"ghost\"")
            .unwrap_or_else(|| panic!("{id}"));
        let shape = marker.find("class=\"shape\"").expect("the marker");
        assert!(ghost < shape, "{id}: the plan is drawn behind the real one");
    }
    // Delivered in the month it was planned for: nothing to show.
    assert!(!group(&rows, "desk").contains("ghost"));
    // No item is open: no arrows.
    assert!(!rows.contains("class=\"dep"));
}

#[test]
fn the_open_item_shows_its_dependencies_and_a_late_one_is_marked() {
    let roadmap = roadmap();
    let scene = scene(&roadmap, Language::En, Some("roll-out"));
    let chart = Chart::new(&scene, 1000.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    // "Build" ends in Q2 2021, after "Roll out" starts in January: late,
    // dashed by its class and said with ⚠.
    assert!(
        rows.contains(
            "<g class=\"dep late\" role=\"img\" aria-label=\"Depends on: Build the catalogue \
             — ⚠ ends after this starts\"><path d=\"M"
        ),
        "{rows}"
    );
    assert_eq!(rows.matches("<g class=\"dep ").count(), 1);
    // The predecessor is highlighted, the open item selected.
    assert!(group(&rows, "build").starts_with("<g class=\"item lane linked\""));
    assert!(group(&rows, "roll-out").starts_with("<g class=\"item lane selected\""));
    assert!(group(&rows, "hire").starts_with("<g class=\"item lane\""));
    // The legend explains the arrows, the late one too.
    let legend = legend(&scene);
    assert!(legend.contains("dependency of the open item"));
    assert!(legend.contains("late dependency (dashed, ⚠)"));
}

#[test]
fn an_arrow_to_an_item_outside_the_window_stops_at_its_edge() {
    let roadmap = roadmap();
    // "Catalogue API" (re-planned to Q1 2021) needs "Labelling offer"
    // (delivered 17 May 2021): from April 2021, the API lies before the
    // window.
    let mut scene = scene(&roadmap, Language::Fr, Some("label"));
    scene.window = TimeWindow::new(day("2021-04-01"), day("2021-12-31"));
    let chart = Chart::new(&scene, 1000.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    let start = rows.find("<g class=\"dep ").expect("the arrow is drawn");
    let arrow = &rows[start..start + rows[start..].find("</g>").expect("its end")];
    assert!(
        arrow.starts_with(
            "<g class=\"dep late clipped\" role=\"img\" aria-label=\"Nécessaire à\u{a0}: Catalogue API \
             — ⚠ commence avant la fin de celui-ci (hors de la période affichée)\""
        ),
        "{arrow}"
    );
    // It ends at the time area's left edge, marked by a bar across it.
    let edge = format!("<line class=\"edge\" x1=\"{0}\" x2=\"{0}\"", chart.label_w);
    assert!(arrow.contains(&edge), "{arrow}");
    // Without the window's edge, the core draws no line to it.
    assert!(
        chart
            .layout
            .connectors(&roadmap, ItemKey::Milestone(0, 0, 0))
            .is_empty()
    );
}

#[test]
fn the_detail_reads_the_slip_the_replanning_the_links_and_the_health() {
    let roadmap = roadmap();
    let scene = scene(&roadmap, Language::Fr, None);
    let key = |id| roadmap.key_of(id).expect("an item");
    let label = detail(&scene, key("label"));
    assert!(
        label.contains("prévu au T1 2020, livré le 17 mai 2021 — 13 à 16 mois de retard"),
        "{label}"
    );
    assert!(label.contains("<dt>Nécessaire à</dt>"), "{label}");
    let api = detail(&scene, key("api"));
    assert!(api.contains("<dt>Replanifié</dt>"), "{api}");
    assert!(api.contains("T1 2021, annoncé le 2 octobre 2020 — Re-planning notice"));
    assert!(
        api.contains("<button type=\"button\" class=\"link-btn\" data-open=\"label\" lang=\"en\"")
    );
    let build = detail(&scene, key("build"));
    assert!(
        build.contains(
            "<dt>Météo</dt><dd><span class=\"health h-red\">☂ orageux (juin 2021)</span> — \
             Delivery report (juin 2021)"
        ),
        "{build}"
    );
    assert!(build.contains(
        "<span class=\"health-strip\" role=\"img\" aria-label=\"ensoleillé (janvier 2020), \
         nuageux (2 octobre 2020), orageux (juin 2021)\">☀☁☂</span>"
    ));
    let roll_out = detail(&scene, key("roll-out"));
    assert!(
        roll_out.contains(
            "<li class=\"late\"><button type=\"button\" class=\"link-btn\" data-open=\"build\" \
             lang=\"en\">Build the catalogue</button> <span class=\"late-link\">⚠ finit après le début de \
             celui-ci</span></li>"
        ),
        "{roll_out}"
    );
}

#[test]
fn the_legend_and_the_exported_list_say_the_same() {
    let roadmap = roadmap();
    let scene = scene(&roadmap, Language::En, None);
    let legend = legend(&scene);
    assert!(legend.contains("Planned vs actual"), "{legend}");
    assert!(legend.contains("Average slip: "), "{legend}");
    assert!(legend.contains("1. Catalogue</span> — "), "{legend}");
    let list = outline(&scene);
    assert!(list.contains("planned Q1 2020, delivered 17 May 2021 — 13 to 16 months late"));
    assert!(
        list.contains("<a href=\"#build\">Build the catalogue</a> <span class=\"late-link\">⚠")
    );
    assert!(list.contains("<div class=\"plan-fact\">Health: "), "{list}");
}

#[test]
fn changed_items_are_marked_said_and_filtered() {
    use roadmap_markup::explorer::head;
    use roadmap_markup::list::list;
    use roadmap_markup::since::{Changes, Since};
    let roadmap = roadmap();
    let changes = Changes::from_flat(&[
        "1 changement depuis l'édition comparée".to_owned(),
        "1 change since the compared edition".to_owned(),
        "label".to_owned(),
        "livré\u{a0}: date inconnue → 17 mai 2021".to_owned(),
        "delivered: date unknown → 17 May 2021".to_owned(),
    ]);
    let mut scene = scene(&roadmap, Language::En, Some("label"));
    scene.since = Some(Since {
        changes: &changes,
        only_changed: false,
    });
    let chart = Chart::new(&scene, 1000.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    // The changed milestone: Δ beside it, and in its name in words.
    assert!(group(&rows, "label").contains("— Δ changed since the compared edition\""));
    assert!(!group(&rows, "api").contains("Δ"));
    assert_eq!(rows.matches("class=\"changed-mark\"").count(), 1);
    // The heading says how many, and offers the filter.
    let heading = head(&scene, roadmap_markup::View::Timeline);
    assert!(
        heading.contains("1 change since the compared edition</p>"),
        "{heading}"
    );
    assert!(heading.contains("data-act=\"only-changed\" aria-pressed=\"false\">changed</button>"));
    // The detail says what changed.
    let key = roadmap.key_of("label").expect("label");
    assert!(
        detail(&scene, key).contains("Changed</dt><dd>delivered: date unknown → 17 May 2021</dd>")
    );
    // Filtered: the changed milestone, its mission and axis only.
    scene.since = Some(Since {
        changes: &changes,
        only_changed: true,
    });
    let chart = Chart::new(&scene, 1000.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    assert!(rows.contains("data-item=\"label\""));
    // (Axes keep their header on the timeline, as core lays them out.)
    for gone in ["api", "roll-out", "hire"] {
        assert!(!rows.contains(&format!("data-item=\"{gone}\"")), "{gone}");
    }
    let shown = list(&scene);
    assert!(shown.contains("data-item=\"label\"") && shown.contains("data-item=\"build\""));
    assert!(!shown.contains("data-item=\"api\"") && !shown.contains("data-item=\"people\""));
    assert!(
        shown.contains(
            "<span class=\"visually-hidden\"> — changed since the compared edition</span>"
        )
    );
}
