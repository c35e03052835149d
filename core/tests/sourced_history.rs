//! Dated, sourced histories: re-plannings of a milestone's date
//! (`revised`: the new date, the day it was announced, a declared source)
//! and a mission's health readings (`health`: the date, a value, a declared
//! source), each kept in the order things happened; what they say comes
//! out as a re-planning or a latest health.

use roadmap_core::{Diagnostic, Format, Language, Replan, Unit, load_str};

const HEAD: &str = r#"id = "t"
title = "T"
organisation = "O"
language = "fr"
published = "2020-01"
period = { start = "2020", end = "2022" }

[[sources]]
id = "s"
title = "Source"

[[axes]]
id = "a"
title = "A"
sources = ["s"]

[[axes.missions]]
id = "m"
title = "M"
sources = ["s"]

[[axes.missions.milestones]]
id = "j"
title = "J"
date = "2020-Q1"
sources = ["s"]
"#;

fn errors(text: &str) -> Vec<(usize, usize, String, String)> {
    let diagnostics: Vec<Diagnostic> = match load_str("t.toml", text, Format::Toml) {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    };
    diagnostics
        .into_iter()
        .map(|d| {
            let at = d.location.expect("located");
            (at.line, at.column, d.message, d.help.unwrap_or_default())
        })
        .collect()
}

#[test]
fn revisions_in_order_give_the_latest_plan() {
    let text = format!(
        "{HEAD}revised = [\n  {{ date = \"2020-Q2\", on = \"2020-02-10\", source = \"s\" }},\n  {{ date = \"2020-Q3\", on = \"2020-05\", source = \"s\" }},\n]\n"
    );
    let loaded = load_str("t.toml", &text, Format::Toml).expect("valid");
    let milestone = &loaded.roadmap.axes()[0].missions[0].milestones[0];
    assert_eq!(milestone.revised.len(), 2);
    let replan = milestone.replan().expect("re-planned");
    assert_eq!(
        replan,
        Replan::between(milestone.date.expect("planned"), milestone.revised[1].date)
    );
    assert_eq!(replan.steps, Some((2, Unit::Quarter)));
    assert_eq!(replan.text(Language::Fr), "replanifié\u{a0}: +2 trimestres");
}

#[test]
fn a_revision_out_of_order_is_located_with_a_hint() {
    let text = format!(
        "{HEAD}revised = [\n  {{ date = \"2020-Q3\", on = \"2020-05\", source = \"s\" }},\n  {{ date = \"2020-Q2\", on = \"2020-02-10\", source = \"s\" }},\n]\n"
    );
    let all = errors(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    let (line, column, message, help) = &all[0];
    assert_eq!((*line, *column), (29, 28));
    assert_eq!(
        message,
        "this revision was announced on 10 February 2020, before the one listed above it (May 2020)"
    );
    assert_eq!(
        help,
        "list `revised` in the order the re-plannings were announced, oldest first"
    );
}

#[test]
fn a_revision_needs_its_date_its_announcement_and_a_declared_source() {
    let text = format!("{HEAD}revised = [{{ date = \"2020-Q2\" }}]\n");
    let all = errors(&text);
    let found: Vec<(usize, usize, &str)> = all.iter().map(|d| (d.0, d.1, d.2.as_str())).collect();
    assert_eq!(
        found,
        [
            (27, 12, "missing field `on`"),
            (27, 12, "missing field `source` in this revision"),
        ]
    );
    let text = format!(
        "{HEAD}revised = [{{ date = \"2020-Q2\", on = \"2020-02\", source = \"sauce\" }}]\n"
    );
    let all = errors(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (27, 57));
    assert_eq!(all[0].2, "unknown source `sauce`");
    let text =
        format!("{HEAD}revised = [{{ date = \"Q2 2020\", on = \"2020-02\", source = \"s\" }}]\n");
    let all = errors(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (27, 21));
    assert!(all[0].3.contains("`2020-Q2`"), "{all:#?}");
}

#[test]
fn a_delivered_milestone_slips_from_its_plan() {
    let text = format!("{HEAD}done_on = \"2021-05-17\"\n");
    let loaded = load_str("t.toml", &text, Format::Toml).expect("valid");
    let milestone = &loaded.roadmap.axes()[0].missions[0].milestones[0];
    let slip = milestone.slip().expect("comparable");
    assert_eq!(
        slip.delivered_text(Language::En),
        "delivered 13 to 16 months late"
    );
    assert_eq!(milestone.replan(), None);
    let summary = loaded.roadmap.slip_summary();
    assert_eq!((summary.measured, summary.not_measured), (1, 0));
}

/// A mission with the health readings `health` (a TOML array).
fn with_health(health: &str) -> String {
    HEAD.replace(
        "[[axes.missions.milestones]]",
        &format!("health = {health}\n\n[[axes.missions.milestones]]"),
    )
}

#[test]
fn health_readings_are_dated_sourced_and_in_order() {
    let text = with_health(
        "[\n  { on = \"2020-03\", value = \"green\", source = \"s\" },\n  { on = \"2020-Q3\", value = \"amber\", source = \"s\" },\n]",
    );
    let loaded = load_str("t.toml", &text, Format::Toml).expect("valid");
    let mission = &loaded.roadmap.axes()[0].missions[0];
    let latest = mission.latest_health().expect("a reading");
    assert_eq!(latest.text(Language::Fr), "☁ nuageux (T3 2020)");
    assert_eq!(roadmap_core::health::strip(&mission.health), "☀☁");
}

#[test]
fn health_errors_are_located_with_a_hint() {
    let text = with_health("[{ on = \"2020-03\", value = \"orange\", source = \"s\" }]");
    let all = errors(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (22, 37));
    assert_eq!(all[0].2, "unknown health `orange`");
    assert_eq!(all[0].3, "use one of `green`, `amber`, `red`");
    let text = with_health("[{ value = \"red\" }]");
    let found: Vec<String> = errors(&text).into_iter().map(|e| e.2).collect();
    assert_eq!(
        found,
        [
            "missing field `on`",
            "missing field `source` in this health reading"
        ]
    );
    let text = with_health(
        "[\n  { on = \"2020-Q3\", value = \"amber\", source = \"s\" },\n  { on = \"2020-03\", value = \"green\", source = \"s\" },\n]",
    );
    let all = errors(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (24, 10));
    assert_eq!(
        all[0].2,
        "this reading is dated March 2020, before the one listed above it (Q3 2020)"
    );
    assert_eq!(
        all[0].3,
        "list `health` in the order the sources rated it, oldest first"
    );
}
