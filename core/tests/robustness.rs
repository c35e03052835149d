//! The loader never panics: any input ends in a roadmap or in at least one
//! error, and every diagnostic has a message and a sane location.
//!
//! Property tests feed it arbitrary bytes, mutations of the bundled
//! roadmaps (byte flips, deletions, inserted TOML punctuation, truncation,
//! line swaps) and of their JSON export; explicit tests cover empty and
//! whitespace-only input, a lone BOM, invalid UTF-8, deep nesting and an
//! oversized file.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::Config as ProptestConfig;
use roadmap_core::{
    Diagnostic, Format, ItemRef, LoadError, Loaded, Roadmap, load, load::MAX_INPUT_BYTES, to_json,
};

const DINUM: &str = include_str!("../../data/dinum-2023.toml");
const TECH_GOUV: &str = include_str!("../../data/tech-gouv-2019-2021.toml");

/// Cases per property: enough to shake the loader, few enough for a debug
/// run; `PROPTEST_CASES=10000` searches longer.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // Failures are turned into explicit tests below, not files beside the source.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Loads `bytes` and checks what every result must satisfy; returns the result.
fn check(bytes: &[u8], format: Format) -> Result<Loaded, LoadError> {
    check_rendering(bytes, format, usize::MAX)
}

/// [`check`], rendering only the first `render` diagnostics (rendering is
/// slow in debug builds on huge lines).
fn check_rendering(bytes: &[u8], format: Format, render: usize) -> Result<Loaded, LoadError> {
    let result = load("input", bytes, format);
    match &result {
        Ok(loaded) => {
            for (i, warning) in loaded.warnings.iter().enumerate() {
                assert!(!warning.is_error(), "an error among warnings: {warning:?}");
                check_diagnostic(warning, bytes, i < render);
            }
            check_roadmap(&loaded.roadmap);
        }
        Err(err) => {
            assert!(
                err.errors().next().is_some(),
                "a failed load without any error: {err:?}"
            );
            for (i, diagnostic) in err.diagnostics.iter().enumerate() {
                check_diagnostic(diagnostic, bytes, i < render);
            }
            if render >= err.diagnostics.len() {
                assert!(err.render(false).ends_with("warning(s)\n"));
            }
            assert!(err.to_string().contains("error(s)"));
        }
    }
    result
}

/// A message, and a location (when there is one) inside the input; the
/// rendering shows the message.
fn check_diagnostic(diagnostic: &Diagnostic, bytes: &[u8], render: bool) {
    assert!(
        !diagnostic.message.trim().is_empty(),
        "a diagnostic without message: {diagnostic:?}"
    );
    if let Some(at) = &diagnostic.location {
        assert!(at.line >= 1, "line 0: {diagnostic:?}");
        assert!(at.column >= 1, "column 0: {diagnostic:?}");
        assert!(
            at.span.start <= at.span.end && at.span.end <= bytes.len(),
            "span {:?} outside the {} bytes of input: {diagnostic:?}",
            at.span,
            bytes.len()
        );
        let lines = lines(bytes);
        assert!(
            at.line <= lines,
            "line {} of {lines}: {diagnostic:?}",
            at.line
        );
        assert!(!at.line_text().contains('\n'), "{diagnostic:?}");
    }
    if render {
        // The renderer turns tabs into spaces: compare what lies between.
        let rendered = diagnostic.render("input", false);
        assert!(
            diagnostic
                .message
                .split(|c: char| c.is_whitespace() || c.is_control())
                .all(|word| rendered.contains(word)),
            "{diagnostic:?} renders as\n{rendered}"
        );
    }
}

/// The number of lines of a text: one more than its line feeds.
fn lines(bytes: &[u8]) -> usize {
    bytes.split(|&b| b == b'\n').count()
}

/// What holds for every roadmap that loads: ids resolve, and the JSON
/// export loads back to the same roadmap.
fn check_roadmap(roadmap: &Roadmap) {
    assert!(!roadmap.id().trim().is_empty());
    for (key, milestone) in roadmap.milestones() {
        assert_eq!(roadmap.key_of(&milestone.id), Some(key));
        assert!(matches!(
            roadmap.find(&milestone.id),
            Some(ItemRef::Milestone(_, _, m)) if m.id == milestone.id
        ));
    }
    let json = to_json(roadmap);
    match load("export.json", json.as_bytes(), Format::Json) {
        Ok(again) => assert_eq!(
            &again.roadmap, roadmap,
            "the JSON export reloads differently"
        ),
        Err(err) => panic!("the JSON export does not load:\n{}", err.render(false)),
    }
}

/// The errors of a load that must fail.
fn expect_errors(bytes: &[u8], format: Format) -> Vec<Diagnostic> {
    expect_errors_rendering(bytes, format, usize::MAX)
}

/// [`expect_errors`], rendering only the first `render` diagnostics.
fn expect_errors_rendering(bytes: &[u8], format: Format, render: usize) -> Vec<Diagnostic> {
    match check_rendering(bytes, format, render) {
        Ok(loaded) => panic!("loaded `{}`, expected errors", loaded.roadmap.id()),
        Err(err) => err.errors().cloned().collect(),
    }
}

fn bundled() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(DINUM), Just(TECH_GOUV)]
}

fn both_formats() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Toml), Just(Format::Json)]
}

/// The bundled roadmaps in the JSON interchange format.
fn json_export(text: &str) -> String {
    match load("bundled.toml", text.as_bytes(), Format::Toml) {
        Ok(loaded) => to_json(&loaded.roadmap),
        Err(err) => panic!("{}", err.render(false)),
    }
}

/// Bits of TOML (and JSON) syntax that break or bend a file.
const PUNCTUATION: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    ",",
    ".",
    "#",
    "\n",
    "\r",
    "\r\n",
    "\\",
    "\\u",
    "-",
    "+",
    " ",
    "\t",
    ":",
    "0",
    "1e400",
    "nan",
    "inf",
    "true",
    "1979-05-27",
    "\u{0}",
    "\u{feff}",
    "é",
];

#[test]
fn bundled_roadmaps_load_cleanly_with_their_ids() {
    for (text, id) in [(DINUM, "dinum-2023"), (TECH_GOUV, "tech-gouv-2019-2021")] {
        let loaded = check(text.as_bytes(), Format::Toml).expect("bundled roadmap loads");
        assert_eq!(loaded.roadmap.id(), id);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let json = json_export(text);
        let loaded = check(json.as_bytes(), Format::Json).expect("JSON export loads");
        assert_eq!(loaded.roadmap.id(), id);
        assert!(loaded.roadmap.milestones().count() > 0);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        format in both_formats(),
    ) {
        check(&bytes, format).ok();
    }

    #[test]
    fn arbitrary_syntax_soup_never_panics(
        text in "[\\[\\]{}=\",.:#'a-z0-9 \n\t\\\\-]{0,512}",
        format in both_formats(),
    ) {
        check(text.as_bytes(), format).ok();
    }

    #[test]
    fn byte_flips(
        text in bundled(),
        flips in prop::collection::vec((any::<Index>(), 1u8..=255), 1..8),
    ) {
        let mut bytes = text.as_bytes().to_vec();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        check(&bytes, Format::Toml).ok();
    }

    #[test]
    fn deletions(
        text in bundled(),
        cuts in prop::collection::vec((any::<Index>(), 1usize..64), 1..6),
    ) {
        let mut bytes = text.as_bytes().to_vec();
        for (at, len) in cuts {
            let start = at.index(bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        check(&bytes, Format::Toml).ok();
    }

    #[test]
    fn inserted_punctuation(
        text in bundled(),
        inserts in prop::collection::vec((any::<Index>(), select(PUNCTUATION)), 1..6),
    ) {
        let mut bytes = text.as_bytes().to_vec();
        for (at, piece) in inserts {
            let i = at.index(bytes.len() + 1);
            bytes.splice(i..i, piece.bytes());
        }
        check(&bytes, Format::Toml).ok();
    }

    #[test]
    fn truncation(text in bundled(), at in any::<Index>()) {
        let bytes = &text.as_bytes()[..at.index(text.len() + 1)];
        check(bytes, Format::Toml).ok();
    }

    #[test]
    fn line_swaps(
        text in bundled(),
        swaps in prop::collection::vec((any::<Index>(), any::<Index>()), 1..4),
    ) {
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        for (a, b) in swaps {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        let swapped = lines.concat();
        let result = check(swapped.as_bytes(), Format::Toml);
        // Swapping a line with itself leaves the file as it was.
        if swapped == text {
            prop_assert!(result.is_ok());
        }
    }

    #[test]
    fn mutated_json_exports(
        text in bundled(),
        at in any::<Index>(),
        piece in select(PUNCTUATION),
        truncate in any::<bool>(),
    ) {
        let json = json_export(text);
        let mut bytes = json.into_bytes();
        let i = at.index(bytes.len());
        if truncate {
            bytes.truncate(i);
        } else {
            bytes.splice(i..i, piece.bytes());
        }
        check(&bytes, Format::Json).ok();
    }
}

#[test]
fn empty_and_blank_inputs_are_errors() {
    for format in [Format::Toml, Format::Json] {
        for input in ["", " ", "\n\n\t  \r\n", "\u{feff}", "\u{feff}\n"] {
            let errors = expect_errors(input.as_bytes(), format);
            assert!(!errors.is_empty(), "{format:?} {input:?}");
        }
    }
    // An empty TOML document is a table without the required fields.
    let errors = expect_errors(b"", Format::Toml);
    assert!(
        errors.iter().any(|e| e.message.contains("`id`")),
        "{errors:?}"
    );
}

#[test]
fn invalid_utf8_is_located() {
    for format in [Format::Toml, Format::Json] {
        let errors = expect_errors(b"id = \"ok\"\ntitle = \"caf\xe9\"\n", format);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("UTF-8"), "{errors:?}");
        let at = errors[0].location.as_ref().expect("located");
        assert_eq!((at.line, at.column), (2, 13));
    }
    let errors = expect_errors(b"\xff\xfe\x00\x00", Format::Toml);
    assert!(errors[0].message.contains("offset 0"), "{errors:?}");
}

/// Runs `f` on a thread with a small stack, as a browser's or a worker's
/// may be: deep input must not overflow it.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic, no overflow");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    const DEPTH: usize = 100_000;
    let inputs: Vec<(String, Format)> = vec![
        (format!("id = {}", "[".repeat(DEPTH)), Format::Toml),
        (format!("id = {}", "{a = ".repeat(DEPTH)), Format::Toml),
        (format!("id = {}", "[{a = ".repeat(DEPTH / 2)), Format::Toml),
        ("[".repeat(DEPTH), Format::Toml),
        (
            format!("id = {}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
            Format::Toml,
        ),
        ("[".repeat(DEPTH), Format::Json),
        ("{\"a\":".repeat(DEPTH), Format::Json),
        ("[{\"a\":".repeat(DEPTH / 2), Format::Json),
        (
            format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
            Format::Json,
        ),
        (
            format!("{{\"id\": {}{}}}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
            Format::Json,
        ),
    ];
    for (text, format) in inputs {
        on_small_stack(move || {
            let errors = expect_errors_rendering(text.as_bytes(), format, 1);
            assert!(!errors.is_empty());
        });
    }
}

#[test]
fn oversized_input_is_refused_quickly() {
    let bytes = vec![b'a'; 50_000_000];
    for format in [Format::Toml, Format::Json] {
        let started = Instant::now();
        let errors = expect_errors(&bytes, format);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("50.0 MB"), "{errors:?}");
        assert!(errors[0].location.is_none());
    }
    // A file of exactly the limit goes through to the parser (which stops
    // at the `x`), one byte more does not.
    let mut at_limit = vec![b' '; MAX_INPUT_BYTES];
    at_limit[0] = b'x';
    let first_error = |bytes: &[u8]| match load("input", bytes, Format::Json) {
        Ok(_) => panic!("loaded"),
        Err(err) => err.diagnostics[0].message.clone(),
    };
    assert_eq!(first_error(&at_limit), "expected value");
    at_limit.push(b' ');
    assert!(first_error(&at_limit).contains("more than the 32 MB"));
}

#[test]
fn truncated_json_export_is_located() {
    let json = json_export(DINUM);
    for cut in [1, json.len() / 3, json.len() / 2, json.len() - 1] {
        let errors = expect_errors(&json.as_bytes()[..cut], Format::Json);
        let at = errors[0].location.as_ref().expect("located");
        // The end of the text, where the JSON stops short.
        assert_eq!(at.line, lines(&json.as_bytes()[..cut]), "{cut}: {errors:?}");
    }
}
