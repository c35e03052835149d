//! The lean reader of the JSON export (`read_export`) and the full loader
//! give the same roadmap for every file both can read, and the lean reader
//! refuses what the full loader refuses: bad syntax (with its line and
//! column), unknown keys, values the checks reject.

use roadmap_core::synthetic::synthetic_roadmap_toml;
use roadmap_core::{Format, RefusedAt, Roadmap, load, read_export, to_json};

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

fn refused_at(text: impl AsRef<[u8]>) -> Option<RefusedAt> {
    read_export("bad.json", text.as_ref())
        .expect_err("refused")
        .at
}

fn at_text(line: usize, column: usize) -> Option<RefusedAt> {
    Some(RefusedAt::Text { line, column })
}

fn at_value(path: &str) -> Option<RefusedAt> {
    Some(RefusedAt::Value(path.to_owned()))
}

#[test]
fn bad_syntax_is_reported_with_its_line_and_column() {
    assert_eq!(refused_at("{\n  \"id\": \"x\",,\n}"), at_text(2, 13));
    // Trailing text after the roadmap, as the full loader refuses it.
    assert_eq!(refused_at("{}\n{}"), at_text(2, 1));
}

#[test]
fn a_refusal_says_where_and_which_command_says_why() {
    let refusal = read_export("plan.json", b"{\n  \"id\": \"x\",,\n}").expect_err("refused");
    assert_eq!(refusal.located(), "plan.json:2:13");
    assert_eq!(
        refusal.to_string(),
        "plan.json:2:13: this JSON is not a valid roadmap export; `roadmap check plan.json` says why"
    );
    let export = include_str!("../../data/dinum-2023.json");
    let date = export.replacen("\"end\": \"end-2023\"", "\"end\": \"2023-13\"", 1);
    let refusal = read_export("plan.json", date.as_bytes()).expect_err("refused");
    assert_eq!(refusal.located(), "plan.json: axes[0].missions[0].end");
}

#[test]
fn what_the_full_loader_refuses_the_lean_reader_refuses() {
    let export = include_str!("../../data/dinum-2023.json");
    let unknown = export.replacen("\"title\"", "\"titel\": \"x\", \"title\"", 1);
    assert!(load("bad.json", unknown.as_bytes(), Format::Json).is_err());
    assert_eq!(refused_at(&unknown), at_value("titel"));

    let date = export.replacen(
        "\"published\": \"2023-03-09\"",
        "\"published\": \"2023-13-09\"",
        1,
    );
    assert!(load("bad.json", date.as_bytes(), Format::Json).is_err());
    assert_eq!(refused_at(&date), at_value("published"));

    let id = export.replacen("\"id\": \"dinum-2023\"", "\"id\": \"a\\u0007b\"", 1);
    assert!(load("bad.json", id.as_bytes(), Format::Json).is_err());
    assert_eq!(refused_at(&id), at_value("id"));

    assert_eq!(refused_at("{\"axes\": 3}"), at_text(1, 10));
    assert!(matches!(
        refused_at("[".repeat(100_000)),
        Some(RefusedAt::Text { line: 1, .. })
    ));
    // The place of the first byte that is not UTF-8.
    assert_eq!(refused_at(b"{\"id\": \"\xc3\xa9\xff\"}"), at_text(1, 10));
    // A file with no place to name: the whole roadmap is missing.
    assert_eq!(refused_at("{}"), None);
}
