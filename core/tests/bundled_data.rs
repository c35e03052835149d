//! The real roadmaps in `data/`: they load without a single warning, keep
//! the facts of their sources, round-trip through JSON without loss, and
//! their JSON exports and the JSON Schema beside them are up to date.
//!
//! Run with `UPDATE_DATA=1` to rewrite the generated files after a change.

use std::path::PathBuf;

use roadmap_core::{Format, Language, Roadmap, Status, json_schema, load_str, to_json};

const DINUM: (&str, &str) = (
    "dinum-2023.toml",
    include_str!("../../data/dinum-2023.toml"),
);
const TECH_GOUV: (&str, &str) = (
    "tech-gouv-2019-2021.toml",
    include_str!("../../data/tech-gouv-2019-2021.toml"),
);

fn load((file, text): (&str, &str)) -> Roadmap {
    let loaded =
        load_str(file, text, Format::Toml).unwrap_or_else(|err| panic!("{}", err.render(false)));
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        roadmap_core::render_all(file, &loaded.warnings, loaded.not_shown, false)
    );
    loaded.roadmap
}

fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(name)
}

/// Compares a generated file with the committed one, or rewrites it.
fn assert_up_to_date(name: &str, expected: &str) {
    let path = data_path(name);
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(&path, expected).expect("write generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "data/{name} is out of date: run `UPDATE_DATA=1 cargo test -p roadmap-core --test bundled_data`"
    );
}

#[test]
fn both_roadmaps_load_without_warnings() {
    assert_eq!(load(DINUM).id(), "dinum-2023");
    assert_eq!(load(TECH_GOUV).id(), "tech-gouv-2019-2021");
}

#[test]
fn dinum_keeps_the_five_axes_of_the_press_release() {
    let roadmap = load(DINUM);
    assert_eq!(roadmap.published().to_string(), "2023-03-09");
    let titles: Vec<&str> = roadmap.axes().iter().map(|a| a.title.as_str()).collect();
    for start in [
        "Mettre le numérique au service des politiques prioritaires du Gouvernement",
        "Engager une mutation profonde des organisations publiques",
        "Développer l'exploitation effective des données",
        "Préserver la souveraineté numérique de l'État",
        "Renforcer significativement les compétences numériques au sein de l'État",
    ] {
        assert!(
            titles.iter().any(|t| t.starts_with(start)),
            "no axis starts with {start:?}: {titles:#?}"
        );
    }
}

#[test]
fn tech_gouv_has_eight_missions_six_stakes_and_the_mid_2021_review() {
    let roadmap = load(TECH_GOUV);
    assert_eq!(roadmap.axes().len(), 8);
    let stakes = [
        "simplification",
        "inclusion",
        "attractivit",
        "ma",
        "conomies",
        "alliances",
    ];
    for stake in stakes {
        assert!(
            roadmap
                .tags()
                .iter()
                .any(|t| roadmap_core::fold(&t.label).contains(&roadmap_core::fold(stake))),
            "no tag for stake {stake}"
        );
    }
    let review = roadmap
        .reviews()
        .iter()
        .find(|r| r.total == Some(43))
        .expect("the mid-2021 review");
    assert_eq!(review.done, Some(9));
    assert_eq!(review.date.render(Language::Fr), "mi-2021");
}

#[test]
fn the_label_offer_is_a_late_delivery_not_an_invented_one() {
    let roadmap = load(TECH_GOUV);
    let (_, milestone) = roadmap
        .milestones()
        .find(|(_, m)| m.done_on.is_some_and(|d| d.to_string() == "2021-05-17"))
        .expect("the GouvTech catalogue went live on 17 May 2021");
    assert_eq!(
        milestone.date.map(|d| d.to_string()).as_deref(),
        Some("2020-Q1")
    );
    assert_eq!(milestone.status, Some(Status::Done));
}

#[test]
fn every_source_names_a_seed_article_or_an_http_address() {
    for file in [DINUM, TECH_GOUV] {
        let roadmap = load(file);
        for source in roadmap.sources() {
            assert!(
                source.file.is_some()
                    || source.url.as_deref().is_some_and(|u| u.starts_with("http")),
                "source {} in {} cites nothing",
                source.id,
                file.0
            );
        }
    }
}

#[test]
fn toml_to_json_and_back_is_lossless() {
    for file in [DINUM, TECH_GOUV] {
        let roadmap = load(file);
        let json = to_json(&roadmap);
        let again = load_str("export.json", &json, Format::Json)
            .unwrap_or_else(|err| panic!("{}", err.render(false)))
            .roadmap;
        assert_eq!(again, roadmap, "{} changed through JSON", file.0);
        assert_eq!(to_json(&again), json);
    }
}

#[test]
fn json_exports_are_up_to_date() {
    for file in [DINUM, TECH_GOUV] {
        let json = to_json(&load(file)) + "\n";
        assert_up_to_date(&file.0.replace(".toml", ".json"), &json);
    }
}

#[test]
fn json_schema_is_up_to_date() {
    let schema = serde_json::to_string_pretty(&json_schema()).expect("schema") + "\n";
    assert_up_to_date("roadmap.schema.json", &schema);
}
