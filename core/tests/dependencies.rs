//! `roadmap check` warns of a dependency whose predecessor is planned to
//! end after its dependent is planned to start, at the `depends_on` entry.

use roadmap_core::{Format, load_str};

const FILE: &str = r#"id = "t"
title = "T"
organisation = "O"
language = "en"
published = "2020"
period = { start = "2020", end = "2022" }

[[sources]]
id = "s"
title = "S"

[[axes]]
id = "a"
title = "A"
sources = ["s"]

[[axes.missions]]
id = "build"
title = "Build"
start = "2020-Q1"
end = "2021-Q2"
sources = ["s"]

[[axes.missions]]
id = "roll-out"
title = "Roll-out"
start = "2021-01"
end = "2021-12"
sources = ["s"]
depends_on = ["build"]
"#;

#[test]
fn a_predecessor_planned_to_end_after_its_dependent_starts_is_a_warning() {
    let loaded = load_str("t.toml", FILE, Format::Toml).expect("a warning, not an error");
    assert_eq!(loaded.warnings.len(), 1, "{:#?}", loaded.warnings);
    let warning = &loaded.warnings[0];
    let at = warning.location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (30, 15));
    assert_eq!(
        warning.message,
        "`build` is planned to end Q2 2021, after `roll-out` starts (January 2021)"
    );
    assert_eq!(
        warning.help.as_deref(),
        Some(
            "`roll-out` depends on `build`: move one of the dates, or remove the dependency if `roll-out` can start before `build` ends"
        )
    );
}

#[test]
fn overlapping_imprecise_dates_are_not_called_late() {
    let text = FILE.replace("end = \"2021-Q2\"", "end = \"2021-Q1\"");
    let loaded = load_str("t.toml", &text, Format::Toml).expect("valid");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}
