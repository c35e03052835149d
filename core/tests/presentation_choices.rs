//! The `[presentation]` table: each refused value is an error at its line
//! and column, with the closest known name; the choices survive the JSON
//! export.

use roadmap_core::{Format, SlideChoice, load_str, read_export, to_json};

const HEAD: &str = r#"id = "t"
title = "T"
organisation = "O"
language = "fr"
published = "2023-03-09"
period = { start = "2023", end = "2024" }

[[sources]]
id = "s"
title = "Source"

[[axes]]
id = "services"
title = "A"
sources = ["s"]

[[axes]]
id = "talents"
title = "B"
sources = ["s"]

[presentation]
"#;

/// (line, column, message, help) of the only error.
fn only_error(presentation: &str) -> (usize, usize, String, String) {
    let err =
        load_str("t.toml", &format!("{HEAD}{presentation}"), Format::Toml).expect_err("refused");
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let at = errors[0].location.as_ref().expect("located");
    (
        at.line,
        at.column,
        errors[0].message.clone(),
        errors[0].help.clone().unwrap_or_default(),
    )
}

#[test]
fn an_unknown_slide_name_is_located_with_the_closest_one() {
    let (line, column, message, help) =
        only_error("slides = [\"title\", \"timelime\", \"summary\"]\n");
    assert_eq!((line, column), (23, 20));
    assert_eq!(message, "unknown slide `timelime`");
    assert_eq!(
        help,
        "did you mean `timeline`? The slides are `title`, `axes`, `axis:`, `timeline` and `summary`"
    );
}

#[test]
fn an_unknown_axis_in_a_slide_or_hidden_is_located_with_the_closest_id() {
    let (line, column, message, help) = only_error("slides = [\"axis:service\"]\n");
    assert_eq!((line, column), (23, 11));
    assert_eq!(message, "unknown axis `service`");
    assert_eq!(help, "did you mean `services`?");
    let (line, column, message, help) = only_error("hide = [\"services\", \"talent\"]\n");
    assert_eq!((line, column), (23, 21));
    assert_eq!(message, "unknown axis `talent`");
    assert_eq!(help, "did you mean `talents`?");
}

#[test]
fn an_empty_slide_list_is_refused() {
    let (line, _, message, _) = only_error("slides = []\n");
    assert_eq!(line, 23);
    assert_eq!(message, "the slide list is empty");
}

#[test]
fn a_pace_that_is_not_a_duration_is_located() {
    let (line, column, message, help) = only_error("auto = \"20 secondes\"\n");
    assert_eq!((line, column), (23, 8));
    assert!(
        message.starts_with("`20 secondes` is not a duration"),
        "{message}"
    );
    assert_eq!(help, "give a duration like `20s`, `1m` or `1m30s`");
}

#[test]
fn a_window_must_read_and_come_in_order() {
    let (line, column, message, _) = only_error("window = { from = \"2025\", to = \"2023\" }\n");
    assert_eq!((line, column), (23, 32));
    assert_eq!(message, "the window ends (2023) before it starts (2025)");
    let (line, column, message, _) = only_error("window = { from = \"2023-13\", to = \"2025\" }\n");
    assert_eq!((line, column), (23, 19));
    assert!(message.starts_with("bad date in `from`"), "{message}");
}

#[test]
fn an_unknown_key_gets_the_closest_one() {
    let (line, column, message, help) = only_error("slide = [\"title\"]\n");
    assert_eq!((line, column), (23, 1));
    assert!(message.contains("`slide`"), "{message}");
    assert!(help.contains("`slides`"), "{help}");
}

#[test]
fn the_choices_survive_the_json_export() {
    let text = format!(
        "{HEAD}slides = [\"title\", \"axis:talents\", \"timeline\"]\nhide = [\"services\"]\nauto = \"1m30s\"\nwindow = {{ from = \"2023\", to = \"2025-Q2\" }}\n"
    );
    let roadmap = load_str("t.toml", &text, Format::Toml)
        .expect("loads")
        .roadmap;
    let presentation = roadmap.presentation();
    assert_eq!(
        presentation.slides.as_deref(),
        Some(
            &[
                SlideChoice::Title,
                SlideChoice::Axis("talents".to_owned()),
                SlideChoice::Timeline
            ][..]
        )
    );
    assert_eq!(presentation.auto, Some(std::time::Duration::from_secs(90)));
    let again = read_export("t.json", to_json(&roadmap).as_bytes()).expect("reads back");
    assert_eq!(again.presentation(), presentation);
}
