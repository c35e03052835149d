//! Speaker notes: a `notes` text on the roadmap, an axis and a mission,
//! kept as written (paragraphs, `- ` lists), held to the rules of every
//! other multi-line text, and described by the JSON Schema.

use roadmap_core::{Format, json_schema, load_str};

const FILE: &str = r#"id = "t"
title = "T"
organisation = "O"
language = "en"
published = "2023-03-09"
period = { start = "2023", end = "2024" }
notes = """
Welcome everyone.

- thank the team
- say what changed since March"""

[[sources]]
id = "s"
title = "Source"

[[axes]]
id = "a"
title = "A"
sources = ["s"]
notes = "Start with the good news."

[[axes.missions]]
id = "m"
title = "M"
sources = ["s"]
notes = "Ask the owner to say a word."
"#;

#[test]
fn notes_are_read_on_the_roadmap_an_axis_and_a_mission() {
    let roadmap = load_str("t.toml", FILE, Format::Toml)
        .expect("loads")
        .roadmap;
    assert_eq!(
        roadmap.notes(),
        Some("Welcome everyone.\n\n- thank the team\n- say what changed since March")
    );
    let axis = &roadmap.axes()[0];
    assert_eq!(axis.notes.as_deref(), Some("Start with the good news."));
    assert_eq!(
        axis.missions[0].notes.as_deref(),
        Some("Ask the owner to say a word.")
    );
}

#[test]
fn a_control_character_in_notes_is_a_located_error() {
    let text = FILE.replace("Start with", "Start\\u001b[2J with");
    let err = load_str("t.toml", &text, Format::Toml).expect_err("refused");
    let first = err.errors().next().expect("an error");
    let at = first.location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (21, 9));
    assert_eq!(
        first.message,
        "`notes` holds the control character U+001B (ESCAPE)"
    );
}

#[test]
fn the_schema_describes_notes_where_they_may_be_written() {
    let schema = json_schema();
    let described = |at: &serde_json::Value| {
        at["properties"]["notes"]["description"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(described(&schema).contains("Speaker notes"));
    assert!(described(&schema["$defs"]["Axis"]).contains("Speaker notes"));
    assert!(described(&schema["$defs"]["Mission"]).contains("Speaker notes"));
    assert!(described(&schema["$defs"]["Milestone"]).is_empty());
}
