//! What a report shows stays bounded whatever the file: a problem on a
//! 1 MB line shows a window of that line with the caret under the place, a
//! file of 1,500 errors shows the first 100 and counts the rest, and a
//! 1 MB key or value is named by its start.

use roadmap_core::{Diagnostic, Format, LoadError, load_str};

/// A roadmap on one line whose milestones are `dates`, one per milestone.
fn one_line(dates: &[&str]) -> String {
    let milestones: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            format!(r#"{{"id":"m{i}","title":"Milestone {i}","date":"{date}","sources":["s"]}}"#)
        })
        .collect();
    format!(
        r#"{{"id":"r","title":"R","organisation":"O","language":"en","published":"2023","period":{{"start":"2020","end":"2029"}},"sources":[{{"id":"s","title":"S"}}],"axes":[{{"id":"a","title":"A","sources":["s"],"missions":[{{"id":"m","title":"M","start":"2020","end":"2029","sources":["s"],"milestones":[{}]}}]}}]}}"#,
        milestones.join(",")
    )
}

fn invalid(file: &str, text: &str) -> LoadError {
    match load_str(file, text, Format::Json) {
        Ok(_) => panic!("{file} loaded"),
        Err(err) => err,
    }
}

/// The longest line of `text`, in characters.
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn a_problem_on_a_huge_line_shows_a_window_with_the_caret_in_place() {
    // 500,000 characters (1 MB) of `é` before the bad date, 1 MB after.
    let organisation = "é".repeat(500_000);
    let summary = "ü".repeat(500_000);
    let text = format!(
        r#"{{"id":"r","title":"R","organisation":"{organisation}","language":"en","published":"2023-13","summary":"{summary}","period":{{"start":"2020","end":"2029"}},"sources":[{{"id":"s","title":"S"}}],"axes":[{{"id":"a","title":"A","sources":["s"]}}]}}"#
    );
    let err = invalid("huge-line.json", &text);
    assert_eq!(err.diagnostics.len(), 1, "{:?}", err.diagnostics);
    let at = err.diagnostics[0].location.as_ref().expect("located");
    let column = text[..text.find("\"2023-13\"").expect("the date")]
        .chars()
        .count()
        + 1;
    assert_eq!((at.line, at.column), (1, column));
    let rendered = err.render(false);
    assert!(widest(&rendered) < 200, "{}", widest(&rendered));
    insta::assert_snapshot!(rendered);
}

#[test]
fn the_first_100_of_1500_errors_are_shown_and_the_rest_counted() {
    let text = one_line(&vec!["2023-13"; 1_500]);
    let err = invalid("many.json", &text);
    assert_eq!(err.diagnostics.len(), 100);
    // The first ones in the file, in file order.
    let columns: Vec<usize> = err
        .diagnostics
        .iter()
        .map(|d| d.location.as_ref().expect("located").column)
        .collect();
    assert!(columns.is_sorted(), "{columns:?}");
    assert_eq!(
        columns[0],
        text[..text.find("\"2023-13\"").expect("a date")]
            .chars()
            .count()
            + 1
    );
    let rendered = err.render(false);
    assert!(
        rendered.ends_with(
            "many.json: 1400 more problems not shown\nmany.json: 1500 error(s), 0 warning(s)\n"
        ),
        "{}",
        &rendered[rendered.len().saturating_sub(300)..]
    );
    assert!(rendered.len() < 100 * 1_000, "{} bytes", rendered.len());
    assert!(
        err.to_string()
            .starts_with("many.json: 1500 error(s); first: 1:")
    );
}

#[test]
fn errors_are_shown_before_warnings_that_come_first_in_the_file() {
    // 150 milestones outside their mission's period (warnings), then a bad date.
    let mut dates = vec!["2035"; 150];
    dates.push("2023-13");
    let err = invalid("late.json", &one_line(&dates));
    assert_eq!(err.diagnostics.len(), 100);
    assert_eq!(err.errors().count(), 1);
    assert!(
        err.render(false)
            .contains("late.json: 51 more problems not shown")
    );
    assert!(
        err.render(false)
            .ends_with("late.json: 1 error(s), 150 warning(s)\n")
    );
}

#[test]
fn huge_keys_and_values_are_named_by_their_start() {
    let huge = "k".repeat(1 << 20);
    let text = one_line(&["2023"])
        .replacen(
            r#""id":"r","#,
            &format!(r#""id":"r","{huge}":1,"language":"{huge}","#),
            1,
        )
        .replacen(r#""language":"en","#, "", 1)
        .replacen(
            r#""title":"M","#,
            &format!(r#""title":"M","status":"{huge}","depends_on":["{huge}"],"#),
            1,
        );
    let err = invalid("huge.json", &text);
    let messages: Vec<&Diagnostic> = err.diagnostics.iter().collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    for diagnostic in &messages {
        assert!(
            diagnostic.message.chars().count() <= 120,
            "{}",
            diagnostic.message
        );
        let help = diagnostic.help.as_deref().unwrap_or_default();
        assert!(help.chars().count() <= 400, "{help}");
        let json = serde_json::to_string(diagnostic).expect("JSON");
        assert!(json.len() < 2_000, "{} bytes", json.len());
        assert!(diagnostic.located("huge.json").len() < 200);
    }
    let key = "k".repeat(79);
    let unknown = format!("unknown field `{key}…`");
    assert!(
        messages.iter().any(|d| d.message == unknown),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|d| d.message == format!("unknown status `{key}…`")),
        "{messages:?}"
    );
    let rendered = err.render(false);
    assert!(rendered.len() < 8_000, "{} bytes", rendered.len());
    assert!(widest(&rendered) < 500, "{}", widest(&rendered));
}
