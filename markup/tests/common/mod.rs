//! What the markup tests share: days, the bundled roadmaps read from their
//! JSON exports, and markup cut into one element per line.
#![allow(dead_code)]

use roadmap_core::{Day, FuzzyDate, Roadmap, read_export};

/// The first day of `text` (`2023-06-01`).
pub fn day(text: &str) -> Day {
    text.parse::<FuzzyDate>().expect("a day").first_day()
}

/// The roadmap in the export `text`, named `name`.
pub fn export(name: &str, text: &str) -> Roadmap {
    read_export(name, text.as_bytes()).expect("the bundled export loads")
}

/// The DINUM roadmap, from its bundled export.
pub fn dinum() -> Roadmap {
    export(
        "dinum-2023.json",
        include_str!("../../../data/dinum-2023.json"),
    )
}

/// The Tech.gouv roadmap, from its bundled export.
pub fn tech_gouv() -> Roadmap {
    export(
        "tech-gouv-2019-2021.json",
        include_str!("../../../data/tech-gouv-2019-2021.json"),
    )
}

/// One element per line, so that a snapshot's differences are readable.
pub fn lines(markup: &str) -> String {
    markup.replace("><", ">\n<")
}
