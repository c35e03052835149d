//! The lean reader of the JSON export (`read_export`) and the full loader
//! give the same roadmap for every file both can read, and the lean reader
//! refuses what the full loader refuses: bad syntax (with its line and
//! column), unknown keys, values the checks reject. Property tests change
//! the bundled exports in hostile ways (other types, bad dates, control
//! characters, huge numbers, duplicate ids, dependency cycles, removed and
//! unknown keys) and ask both readers.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;
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

fn at_text(line: usize, column: usize) -> RefusedAt {
    RefusedAt::Text { line, column }
}

fn at_value(path: &str) -> RefusedAt {
    RefusedAt::Value(path.to_owned())
}

#[test]
fn bad_syntax_is_reported_with_its_line_and_column() {
    assert_eq!(refused_at("{\n  \"id\": \"x\",,\n}"), Some(at_text(2, 13)));
    // Trailing text after the roadmap, as the full loader refuses it.
    assert_eq!(refused_at("{}\n{}"), Some(at_text(2, 1)));
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
    assert_eq!(refused_at(&unknown), Some(at_text(3, 3)));

    let date = export.replacen(
        "\"published\": \"2023-03-09\"",
        "\"published\": \"2023-13-09\"",
        1,
    );
    assert!(load("bad.json", date.as_bytes(), Format::Json).is_err());
    assert_eq!(refused_at(&date), Some(at_value("published")));

    let id = export.replacen("\"id\": \"dinum-2023\"", "\"id\": \"a\\u0007b\"", 1);
    assert!(load("bad.json", id.as_bytes(), Format::Json).is_err());
    assert_eq!(refused_at(&id), Some(at_value("id")));

    assert_eq!(refused_at("{\"axes\": 3}"), Some(at_text(1, 10)));
    assert!(matches!(
        refused_at("[".repeat(100_000)),
        Some(RefusedAt::Text { line: 1, .. })
    ));
    // The place of the first byte that is not UTF-8.
    assert_eq!(
        refused_at(b"{\"id\": \"\xc3\xa9\xff\"}"),
        Some(at_text(1, 10))
    );
    // A file with no place to name: the whole roadmap is missing.
    assert_eq!(refused_at("{}"), None);
}

/// Raw JSON that bends or breaks a value: other types, bad dates, control
/// and bidi characters, numbers too large or out of range, addresses and
/// presenter choices the checks refuse.
const HOSTILE: &[&str] = &[
    "3",
    "-1",
    "1.5",
    "150",
    "1e999",
    "-1e999",
    "123456789012345678901234567890",
    "true",
    "null",
    "[]",
    "{}",
    "[3]",
    "[\"x\", \"x\"]",
    "{\"x\": 1}",
    "\"\"",
    "\" \"",
    "\"x\"",
    "\"2023-13\"",
    "\"2023-02-30\"",
    "\"2023-Q5\"",
    "\"Q1 2023\"",
    "\"1800\"",
    "\"end-2023\"",
    "\"a\\u0007b\"",
    "\"a\\nb\"",
    "\"\\u202e\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"a b\"",
    "\"done\"",
    "\"green\"",
    "\"fr\"",
    "\"https://a b.fr\"",
    "\"javascript:alert(1)\"",
    "\"https://élysée.fr/\"",
    "\"axis:\"",
    "\"0s\"",
    "\"1m 30s\"",
];

/// One change to an export's value tree.
#[derive(Debug, Clone)]
enum Mutation {
    /// The value at this place becomes raw JSON from [`HOSTILE`].
    Replace(usize, &'static str),
    /// The member at this place is removed.
    Remove(usize),
    /// The member at this place is renamed to a key no struct takes.
    Rename(usize),
    /// The id at this place takes the value of another id.
    DuplicateId(usize, usize),
    /// Two items depend on each other.
    Cycle(usize, usize),
}

/// Every place in `value`, as JSON pointers, parents first.
fn places(value: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                places(member, &format!("{at}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The parent of a pointer and its last key.
fn split(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').unwrap_or(("", pointer))
}

/// `export` with `mutation` applied, as text.
fn mutated(export: &str, mutation: &Mutation) -> String {
    const MARK: &str = "@@hostile@@";
    // A change that left text serde_json does not read (a lone surrogate)
    // takes no second one.
    let Ok(mut tree) = serde_json::from_str::<serde_json::Value>(export) else {
        return export.to_owned();
    };
    let mut all = Vec::new();
    places(&tree, "", &mut all);
    let ids: Vec<&String> = all.iter().filter(|p| p.ends_with("/id")).collect();
    let items: Vec<&String> = all
        .iter()
        .filter(|p| p.contains("/missions/") && p.ends_with("/id"))
        .collect();
    // A first change may have left no id, or no item.
    let pick = |list: &[&String], i: usize| {
        list.get(i % list.len().max(1))
            .map_or_else(String::new, |p| (*p).clone())
    };
    let mut raw = None;
    match *mutation {
        Mutation::Replace(i, hostile) => {
            if let Some(value) = tree.pointer_mut(&all[i % all.len()]) {
                *value = MARK.into();
                raw = Some(hostile);
            }
        }
        Mutation::Remove(i) | Mutation::Rename(i) => {
            let (parent, key) = split(&all[i % all.len()]);
            if let Some(serde_json::Value::Object(members)) = tree.pointer_mut(parent)
                && let Some(value) = members.remove(key)
                && matches!(mutation, Mutation::Rename(_))
            {
                members.insert(format!("{key}_"), value);
            }
        }
        Mutation::DuplicateId(from, to) => {
            let other = tree.pointer(&pick(&ids, from)).cloned();
            if let (Some(other), Some(value)) = (other, tree.pointer_mut(&pick(&ids, to))) {
                *value = other;
            }
        }
        Mutation::Cycle(a, b) => {
            let (first, second) = (pick(&items, a), pick(&items, b));
            let id_of = |tree: &serde_json::Value, at: &str| tree.pointer(at).cloned();
            if let (Some(x), Some(y)) = (id_of(&tree, &first), id_of(&tree, &second)) {
                for (at, other) in [(&first, y), (&second, x)] {
                    if let Some(serde_json::Value::Object(members)) = tree.pointer_mut(split(at).0)
                    {
                        members.insert("depends_on".to_owned(), vec![other].into());
                    }
                }
            }
        }
    }
    let text = serde_json::to_string_pretty(&tree).expect("JSON");
    match raw {
        Some(hostile) => text.replacen(&format!("\"{MARK}\""), hostile, 1),
        None => text,
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let place = 0..10_000usize;
    prop_oneof![
        4 => (place.clone(), select(HOSTILE)).prop_map(|(i, h)| Mutation::Replace(i, h)),
        1 => place.clone().prop_map(Mutation::Remove),
        1 => place.clone().prop_map(Mutation::Rename),
        1 => (place.clone(), place.clone()).prop_map(|(a, b)| Mutation::DuplicateId(a, b)),
        1 => (place.clone(), place).prop_map(|(a, b)| Mutation::Cycle(a, b)),
    ]
}

/// Cases per property; `PROPTEST_CASES=10000` searches longer.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The two readers agree on `text`: both refuse it, or both give the
/// same roadmap.
fn assert_agree(text: &str) -> Result<(), TestCaseError> {
    let full = load("hostile.json", text.as_bytes(), Format::Json);
    let lean = read_export("hostile.json", text.as_bytes());
    match (full, lean) {
        (Ok(full), Ok(lean)) => prop_assert_eq!(full.roadmap, lean),
        (Err(_), Err(refusal)) => {
            // The place, when there is one, is in the text or names a value.
            if let Some(RefusedAt::Text { line, column }) = refusal.at {
                prop_assert!(line >= 1 && column >= 1);
                prop_assert!(line <= text.lines().count().max(1));
            }
        }
        (Ok(_), Err(refusal)) => prop_assert!(false, "only the lean reader refuses: {refusal}"),
        (Err(error), Ok(_)) => prop_assert!(
            false,
            "only the full loader refuses: {}",
            error.render(false)
        ),
    }
    Ok(())
}

const BUNDLED_EXPORTS: [&str; 2] = [
    include_str!("../../data/dinum-2023.json"),
    include_str!("../../data/tech-gouv-2019-2021.json"),
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_lean_reader_refuses_exactly_what_the_full_loader_refuses(
        export in select(&BUNDLED_EXPORTS[..]),
        mutation in mutation(),
    ) {
        assert_agree(&mutated(export, &mutation))?;
    }

    #[test]
    fn two_hostile_changes_are_refused_alike(
        export in select(&BUNDLED_EXPORTS[..]),
        first in mutation(),
        second in mutation(),
    ) {
        let text = mutated(&mutated(export, &first), &second);
        assert_agree(&text)?;
    }
}

#[test]
fn each_kind_of_hostile_change_is_refused_by_both() {
    let export = BUNDLED_EXPORTS[0];
    let mission = |i: usize| format!("/axes/{i}/missions/0/id");
    let mut all = Vec::new();
    places(&serde_json::from_str(export).expect("JSON"), "", &mut all);
    let at = |pointer: &str| all.iter().position(|p| p == pointer).expect(pointer);
    let items: Vec<&String> = all
        .iter()
        .filter(|p| p.contains("/missions/") && p.ends_with("/id"))
        .collect();
    let item = |pointer: &str| items.iter().position(|p| *p == pointer).expect(pointer);
    let ids: Vec<&String> = all.iter().filter(|p| p.ends_with("/id")).collect();
    let id = |pointer: &str| ids.iter().position(|p| *p == pointer).expect(pointer);
    for (mutation, place) in [
        (
            Mutation::Replace(at("/published"), "\"2023-02-30\""),
            Some(at_value("published")),
        ),
        (
            Mutation::Replace(at("/title"), "\"a\\u0007b\""),
            Some(at_value("title")),
        ),
        (
            Mutation::Replace(at("/axes/2/missions/0/budget/amount"), "-1"),
            Some(at_value("axes[2].missions[0].budget.amount")),
        ),
        (Mutation::Remove(at("/organisation")), None),
        (
            Mutation::DuplicateId(id(&mission(0)), id(&mission(1))),
            Some(at_value("axes[1].missions[0].id")),
        ),
        (
            Mutation::Cycle(item(&mission(0)), item(&mission(1))),
            Some(at_value("axes[0].missions[0].depends_on")),
        ),
    ] {
        let text = mutated(export, &mutation);
        assert!(
            load("hostile.json", text.as_bytes(), Format::Json).is_err(),
            "{mutation:?}"
        );
        let refusal = read_export("hostile.json", text.as_bytes()).expect_err("refused");
        assert_eq!(refusal.at, place, "{mutation:?}");
    }
    // An unknown key: where the JSON reader met it.
    let text = mutated(export, &Mutation::Rename(at("/organisation")));
    assert!(load("hostile.json", text.as_bytes(), Format::Json).is_err());
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, line)| Some((i + 1, line.find("\"organisation_\"")? + 1)))
        .expect("the renamed key");
    let refusal = read_export("hostile.json", text.as_bytes()).expect_err("refused");
    assert_eq!(refusal.at, Some(at_text(line, column)));
    // A value of another type: where the JSON reader stopped, on its line.
    let text = mutated(export, &Mutation::Replace(at("/published"), "3"));
    let line = text
        .lines()
        .position(|line| line == "  \"published\": 3,")
        .expect("the line");
    assert_eq!(refused_at(&text), Some(at_text(line + 1, 16)));
    // A number too large to read: the JSON reader's refusal too.
    let amount = at("/axes/2/missions/0/budget/amount");
    let text = mutated(export, &Mutation::Replace(amount, "1e999"));
    assert!(load("hostile.json", text.as_bytes(), Format::Json).is_err());
    assert!(matches!(refused_at(&text), Some(RefusedAt::Text { .. })));
}
