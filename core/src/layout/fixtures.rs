//! What the layout's tests share: a small roadmap of two axes whose
//! missions start before, end after and fall inside the 2019–2021 window,
//! that window at 200 cells, and helpers to compare positions.

use super::{LayoutOptions, Packing, TimeWindow};
use crate::dates::{Day, FuzzyDate};
use crate::load::{Format, load_str};
use crate::locale::Language;
use crate::model::Roadmap;

pub(super) const WIDTH: f64 = 200.0;

/// 2019–2021: 1096 days, 2020 being a leap year.
pub(super) const DAYS: f64 = 1096.0;

const HEADER: &str = r#"
id = "test"
title = "Test"
organisation = "Test"
language = "fr"
published = "2019-10"
period = { start = "2019", end = "2021" }
"#;

/// Two axes: `a` has a mission starting before the window, one ending
/// after it and an undated one; `b` has two missions that can share a
/// lane and one that overlaps both.
pub(super) const AXES: &str = r#"
[[axes]]
id = "a"
title = "Axe A"

[[axes.missions]]
id = "m1"
title = "Avant la fenêtre"
start = "2018-07"
end = "2019-Q2"

[[axes.missions.milestones]]
id = "old"
title = "Avant"
date = "2018-09-15"

[[axes.missions.milestones]]
id = "q"
title = "Un trimestre"
date = "2019-Q2"

[[axes.missions]]
id = "m2"
title = "Jusqu'après"
start = "2020-03-01"
end = "2022-H1"

[[axes.missions.milestones]]
id = "trim"
title = "T2 2020"
date = "2020-Q2"

[[axes.missions.milestones]]
id = "day"
title = "Un jour"
date = "2020-05-14"

[[axes.missions.milestones]]
id = "late"
title = "Après"
date = "2022"

[[axes.missions]]
id = "m3"
title = "Sans date"

[[axes.missions.milestones]]
id = "undated"
title = "Sans date non plus"

[[axes]]
id = "b"
title = "Axe B"

[[axes.missions]]
id = "n1"
title = "Premier"
start = "2019-Q1"
end = "2019-Q3"

[[axes.missions]]
id = "n2"
title = "Deuxième"
start = "2020-01"
end = "2020-12"

[[axes.missions]]
id = "n3"
title = "Chevauche"
start = "2019-06"
end = "2020-02"
"#;

pub(super) fn roadmap(axes: &str) -> Roadmap {
    let text = format!("{HEADER}{axes}");
    load_str("test.toml", &text, Format::Toml)
        .expect("test roadmap loads")
        .roadmap
}

pub(super) fn day(text: &str) -> Day {
    text.parse::<FuzzyDate>().expect("valid date").first_day()
}

pub(super) fn window() -> TimeWindow {
    TimeWindow::new(day("2019-01-01"), day("2021-12-31"))
}

pub(super) fn options(packing: Packing) -> LayoutOptions {
    LayoutOptions {
        packing,
        ..LayoutOptions::for_cells(WIDTH, Language::Fr, day("2020-01-01"))
    }
}

/// Where day number `offset` of the 2019–2021 window starts at width 200.
pub(super) fn x(offset: f64) -> f64 {
    offset * WIDTH / DAYS
}

#[track_caller]
pub(super) fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}
