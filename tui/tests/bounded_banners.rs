//! What the explorer's banner, the presenter's alert and `roadmap serve`'s
//! `invalid` event say about a file stays short however large the file's
//! problem: a 1 MB unknown key is named by its start, and the count of
//! further problems counts them all, shown or not.

use roadmap_core::{Format, Language, LoadError, load_str};
use roadmap_tui::explore::FileProblem;
use roadmap_tui::explore::draw::banner;
use roadmap_tui::serve::published::Problem;

/// A valid roadmap with `extra` added to its top-level table.
fn roadmap_with(extra: &str) -> String {
    format!(
        r#"{{"id":"r","title":"R","organisation":"O","language":"en","published":"2023","period":{{"start":"2020","end":"2029"}},"sources":[{{"id":"s","title":"S"}}],"axes":[{{"id":"a","title":"A","sources":["s"]}}]{extra}}}"#
    )
}

fn invalid(text: &str) -> LoadError {
    match load_str("plan.json", text, Format::Json) {
        Ok(_) => panic!("loaded"),
        Err(err) => err,
    }
}

#[test]
fn a_huge_key_makes_a_short_banner_and_a_short_event() {
    let key = "k".repeat(1 << 20);
    let err = invalid(&roadmap_with(&format!(r#","{key}":1"#)));
    let event = Problem::from_load_error(&err).to_json();
    assert!(event.len() < 1_000, "{} bytes", event.len());
    let first = err.errors().next().expect("an error");
    assert!(first.located("plan.json").len() < 200);
    let lines = banner::lines("plan.json", &FileProblem::Invalid(err), Language::En);
    for line in lines {
        assert!(
            line.width() < 500,
            "a banner line of {} columns",
            line.width()
        );
    }
}

#[test]
fn further_problems_are_all_counted() {
    let keys: Vec<String> = (0..1_500).map(|i| format!(r#","unknown{i}":1"#)).collect();
    let keys = keys.concat();
    let err = invalid(&roadmap_with(&keys));
    assert_eq!(err.diagnostics.len(), 100);
    let problem = Problem::from_load_error(&err);
    assert_eq!(problem.more, 1_499);
    let lines = banner::lines("plan.json", &FileProblem::Invalid(err), Language::En);
    let state = lines[0].to_string();
    assert!(state.contains("+1499"), "{state}");
}
