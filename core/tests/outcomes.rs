//! The `not-met` outcome: over without its result, so neither done nor late,
//! and nothing of it counts as done in a rollup.

use roadmap_core::{Format, FuzzyDate, Status, load_str};

const ROADMAP: &str = r#"id = "t"
title = "T"
organisation = "O"
language = "en"
published = "2023-03-09"
period = { start = "2022", end = "2024" }

[[sources]]
id = "s"
title = "Source"
date = "2022-07"

[[axes]]
id = "a"
title = "A"
sources = ["s"]

[[axes.missions]]
id = "m"
title = "M"
sources = ["s"]

[[axes.missions.milestones]]
id = "delivered"
title = "Delivered"
date = "2022-Q1"
status = "done"
sources = ["s"]

[[axes.missions.milestones]]
id = "gate"
title = "Gate assessed"
date = "2022-Q2"
status = "not-met"
sources = ["s"]
"#;

#[test]
fn a_result_not_met_is_neither_done_nor_late_and_counts_nothing_done() {
    let loaded = load_str("t.toml", ROADMAP, Format::Toml).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let roadmap = loaded.roadmap;
    let today = "2023-06-01"
        .parse::<FuzzyDate>()
        .expect("a day")
        .first_day();
    let counts = roadmap.milestone_counts(today);
    assert_eq!(counts.get(Status::NotMet), 1);
    assert_eq!(counts.get(Status::Late), 0);
    assert_eq!(counts.get(Status::Done), 1);
    assert_eq!(roadmap.progress_percent(today), Some(50.0));
}
