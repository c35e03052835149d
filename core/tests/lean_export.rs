//! The lean reader of the JSON export (`read_export`) and the full loader
//! give the same roadmap for every file both can read, and the lean reader
//! refuses what the full loader refuses: bad syntax (with its line and
//! column), unknown keys, values the checks reject.

use roadmap_core::synthetic::synthetic_roadmap_toml;
use roadmap_core::{Format, Roadmap, load, read_export, to_json};

fn full(file: &str, text: &str, format: Format) -> Roadmap {
    load(file, text.as_bytes(), format)
        .unwrap_or_else(|err| panic!("{}", err.render(false)))
        .roadmap
}

fn lean(file: &str, text: &str) -> Roadmap {
    read_export(file, text.as_bytes()).unwrap_or_else(|err| panic!("{err}"))
}

/// The full loader's roadmap of `text`, the lean reader's of its export,
/// and both readers' of the export: all equal.
fn assert_same(file: &str, text: &str, format: Format) {
    let authored = full(file, text, format);
    let export = to_json(&authored);
    assert_eq!(
        lean(file, &export),
        authored,
        "{file}: lean reading of its export"
    );
    assert_eq!(
        full(file, &export, Format::Json),
        lean(file, &export),
        "{file}: the two readers of the export"
    );
}

#[test]
fn both_readers_give_the_same_roadmap_for_the_bundled_roadmaps() {
    for (file, text) in [
        (
            "dinum-2023.toml",
            include_str!("../../data/dinum-2023.toml"),
        ),
        (
            "tech-gouv-2019-2021.toml",
            include_str!("../../data/tech-gouv-2019-2021.toml"),
        ),
    ] {
        assert_same(file, text, Format::Toml);
    }
    for (file, text) in [
        (
            "dinum-2023.json",
            include_str!("../../data/dinum-2023.json"),
        ),
        (
            "tech-gouv-2019-2021.json",
            include_str!("../../data/tech-gouv-2019-2021.json"),
        ),
    ] {
        assert_eq!(lean(file, text), full(file, text, Format::Json), "{file}");
        assert_same(file, text, Format::Json);
    }
}

#[test]
fn both_readers_give_the_same_roadmap_for_the_fixtures() {
    assert_same(
        "progress.toml",
        include_str!("../../web-widget/e2e/fixtures/progress.toml"),
        Format::Toml,
    );
    assert_same("synthetic.toml", &synthetic_roadmap_toml(200), Format::Toml);
}

fn lean_error(text: &str) -> String {
    let err = read_export("bad.json", text.as_bytes()).expect_err("refused");
    let first = err.errors().next().expect("an error");
    first.located("bad.json")
}

#[test]
fn bad_syntax_is_reported_with_its_line_and_column() {
    let message = lean_error("{\n  \"id\": \"x\",,\n}");
    assert!(message.starts_with("bad.json:2:13: "), "{message}");
    // Trailing text after the roadmap, as the full loader refuses it.
    assert!(lean_error("{}\n{}").starts_with("bad.json:2:1: "));
}

#[test]
fn what_the_full_loader_refuses_the_lean_reader_refuses() {
    let export = include_str!("../../data/dinum-2023.json");
    let unknown = export.replacen("\"title\"", "\"titel\": \"x\", \"title\"", 1);
    assert!(load("bad.json", unknown.as_bytes(), Format::Json).is_err());
    assert_eq!(lean_error(&unknown), "bad.json:3:3: unknown field `titel`");

    let date = export.replacen(
        "\"published\": \"2023-03-09\"",
        "\"published\": \"2023-13-09\"",
        1,
    );
    assert!(load("bad.json", date.as_bytes(), Format::Json).is_err());
    assert!(lean_error(&date).starts_with("bad.json: published: "));

    let id = export.replacen("\"id\": \"dinum-2023\"", "\"id\": \"a\\u0007b\"", 1);
    assert!(load("bad.json", id.as_bytes(), Format::Json).is_err());
    assert!(lean_error(&id).starts_with("bad.json: id: "));

    assert!(lean_error("{\"axes\": 3}").contains("invalid type"));
    assert!(lean_error(&"[".repeat(100_000)).starts_with("bad.json:1:"));
    assert!(read_export("bad.json", b"{\"id\": \"\xff\"}").is_err());
}
