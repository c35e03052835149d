//! One test per class of load error: each asserts the line, the column, the
//! message and the hint that `roadmap check` shows.

use roadmap_core::{Diagnostic, Format, Severity, Warnings, load, load_str, load_with};

/// A valid roadmap head; tests append or replace lines.
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
id = "a"
title = "A"
sources = ["s"]
"#;

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match load_str("t.toml", text, Format::Toml) {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    }
}

/// (line, column, message, help) of each diagnostic.
fn summary(text: &str) -> Vec<(usize, usize, String, String)> {
    diagnostics(text)
        .into_iter()
        .map(|d| {
            let at = d.location.expect("every diagnostic is located");
            (at.line, at.column, d.message, d.help.unwrap_or_default())
        })
        .collect()
}

fn only(text: &str) -> (usize, usize, String, String) {
    let mut all = summary(text);
    assert_eq!(all.len(), 1, "expected one diagnostic, got {all:#?}");
    all.remove(0)
}

#[test]
fn syntax_error_is_located() {
    let (line, column, message, help) = only(&format!("{HEAD}[[axes]\nid = \"b\"\n"));
    assert_eq!((line, column), (16, 8));
    assert_eq!(message, "unclosed array table, expected `]`");
    assert_eq!(help, "fix the TOML syntax at the place shown");
}

#[test]
fn several_syntax_errors_are_reported_together() {
    let text = HEAD
        .replace("title = \"T\"", "title = \"T")
        .replace("language = \"fr\"", "language = fr");
    let lines: Vec<usize> = summary(&text).iter().map(|d| d.0).collect();
    assert_eq!(lines, [2, 4]);
}

#[test]
fn curly_quotes_are_named_and_straight_ones_suggested() {
    let text = HEAD.replace("title = \"T\"", "title = \u{201c}T\u{201d}");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (2, 9));
    assert_eq!(
        message,
        "the value starts with a curly quote `\u{201c}` (left double quotation mark), which TOML does not read as a quote"
    );
    assert_eq!(
        help,
        "use straight quotes: `\"…\"` (a word processor may turn them curly)"
    );
}

#[test]
fn a_list_of_sources_at_the_top_points_to_citations() {
    let text = HEAD.replace("[[sources]]", "sources = [\"s\"]\n\n[[sources]]");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (10, 3));
    assert_eq!(message, "`sources` is defined twice");
    assert!(
        help.contains("write `citations = [\"…\"]` instead"),
        "{help}"
    );
}

#[test]
fn the_roadmap_cites_its_own_sources_and_uncited_ones_are_flagged() {
    let text = HEAD.replace(
        "[[sources]]\nid = \"s\"\ntitle = \"Source\"\n",
        "citations = [\"whole\"]\n\n[[sources]]\nid = \"s\"\ntitle = \"Source\"\n\n[[sources]]\nid = \"whole\"\ntitle = \"W\"\n\n[[sources]]\nid = \"left-over\"\ntitle = \"L\"\n",
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (19, 6));
    assert_eq!(message, "source `left-over` is cited by nothing");
    assert!(
        help.contains("`citations = [\"left-over\"]` at the top"),
        "{help}"
    );
    let loaded = load_str("t.toml", &text, Format::Toml).expect("loads");
    assert_eq!(loaded.roadmap.citations(), ["whole"]);
}

#[test]
fn missing_required_field_points_at_its_table() {
    let text = format!("{HEAD}\n[[axes]]\nid = \"b\"\nsources = [\"s\"]\n");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (17, 1));
    assert_eq!(message, "missing field `title` in this axis");
    assert_eq!(help, "add `title = \"…\"`");
}

#[test]
fn bad_date_says_which_forms_are_accepted() {
    let text = HEAD.replace("published = \"2023-03-09\"", "published = \"2023-02-30\"");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (5, 13));
    assert_eq!(
        message,
        "bad date in `published`: 2023-02-30 does not exist (February 2023 has 28 days)"
    );
    assert!(help.contains("a quarter `2020-Q1`"), "{help}");
}

#[test]
fn a_date_in_a_free_form_gets_the_canonical_one() {
    let text = HEAD.replace("published = \"2023-03-09\"", "published = \"Q3 2023\"");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (5, 13));
    assert_eq!(message, "bad date in `published`: `Q3 2023` is not a date");
    assert_eq!(help, "did you mean `2023-Q3`?");
}

#[test]
fn a_season_is_refused_with_what_to_write() {
    let text = HEAD.replace("published = \"2023-03-09\"", "published = \"autumn 2023\"");
    let (_, _, _, help) = only(&text);
    assert!(help.starts_with("a season is not a date form"), "{help}");
}

#[test]
fn progress_outside_0_to_100() {
    let text = format!("{HEAD}progress = 140\n");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (16, 12));
    assert_eq!(message, "progress 140 is outside 0–100");
    assert_eq!(help, "write a percentage between 0 and 100");
}

#[test]
fn a_fraction_for_a_percentage_is_a_warning() {
    let text = format!("{HEAD}progress = 0.5\n");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (16, 12));
    assert_eq!(message, "progress 0.5 is less than 1");
    assert_eq!(
        help,
        "progress is a percentage from 0 to 100: did you mean `progress = 50`?"
    );
}

#[test]
fn end_before_start() {
    let text = HEAD.replace("end = \"2024\"", "end = \"2022-H2\"");
    let (line, column, message, _) = only(&text);
    assert_eq!((line, column), (6, 34));
    assert_eq!(message, "end H2 2022 is before start 2023");
}

#[test]
fn duplicate_id_names_the_first_owner() {
    let text = format!("{HEAD}\n[[axes]]\nid = \"a\"\ntitle = \"B\"\nsources = [\"s\"]\n");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (18, 6));
    assert_eq!(message, "duplicate id `a`");
    assert_eq!(
        help,
        "ids must be unique in the file; `a` is already the id of an axis (first defined at line 13)"
    );
}

#[test]
fn duplicate_source_id_names_its_first_line() {
    let text = HEAD.replace(
        "[[axes]]",
        "[[sources]]\nid = \"s\"\ntitle = \"Again\"\n\n[[axes]]",
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (13, 6));
    assert_eq!(message, "duplicate source id `s`");
    assert_eq!(
        help,
        "give each source its own id (first defined at line 9)"
    );
}

#[test]
fn reference_to_unknown_id_suggests_the_closest() {
    let head = HEAD.replace("sources = [\"s\"]\n\"#", "");
    let head = head.replacen(
        "title = \"A\"\nsources = [\"s\"]",
        "title = \"A\"\nsources = [\"s\", \"source\"]",
        1,
    );
    let text = format!(
        "{head}\n[[axes.missions]]\nid = \"cloud\"\ntitle = \"C\"\nsources = [\"s\"]\ndepends_on = [\"clod\"]\n"
    );
    let all = summary(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (15, 17));
    assert_eq!(all[0].2, "unknown source `source`");
    assert_eq!((all[1].0, all[1].1), (21, 15));
    assert_eq!(all[1].2, "unknown mission or milestone `clod`");
    assert_eq!(
        all[1].3,
        "did you mean `cloud`? If not, declare a mission or milestone with `id = \"clod\"`"
    );
}

#[test]
fn an_undeclared_source_is_not_mistaken_for_another_year_and_says_how_to_declare_it() {
    let text = HEAD
        .replace("id = \"s\"", "id = \"nao-2021\"")
        .replace("sources = [\"s\"]", "sources = [\"nao-2019\"]");
    let all = summary(&text);
    let (line, column, message, help) = all[1].clone();
    // The declared one is cited by nothing: a warning of its own.
    assert_eq!(all[0].2, "source `nao-2021` is cited by nothing");
    assert_eq!((line, column), (15, 12));
    assert_eq!(message, "unknown source `nao-2019`");
    assert_eq!(
        help,
        "declare it with a `[[sources]]` entry: `id = \"nao-2019\"` and a `title`, or fix the reference"
    );
}

#[test]
fn milestone_outside_its_mission_is_a_warning() {
    let text = format!(
        "{HEAD}\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nstart = \"2023\"\nend = \"2023-H1\"\nsources = [\"s\"]\n\n[[axes.missions.milestones]]\nid = \"late\"\ntitle = \"L\"\ndate = \"2023-Q4\"\nsources = [\"s\"]\n"
    );
    let loaded = load_str("t.toml", &text, Format::Toml).expect("warnings do not stop the load");
    assert_eq!(loaded.warnings.len(), 1);
    let warning = &loaded.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    let at = warning.location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (27, 8));
    assert_eq!(
        warning.message,
        "milestone date Q4 2023 falls outside its mission's period (2023 – H1 2023)"
    );
}

#[test]
fn dropped_warnings_leave_the_roadmap_and_the_errors() {
    let outside = "\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nstart = \"2023\"\nend = \"2023-H1\"\nsources = [\"s\"]\n\n[[axes.missions.milestones]]\nid = \"late\"\ntitle = \"L\"\ndate = \"2023-Q4\"\nsources = [\"s\"]\n";
    let text = format!("{HEAD}{outside}");
    let quiet = load_with("t.toml", text.as_bytes(), Format::Toml, Warnings::Drop)
        .expect("warnings do not stop the load");
    assert!(quiet.warnings.is_empty());
    let kept = load_with("t.toml", text.as_bytes(), Format::Toml, Warnings::Keep).expect("loads");
    assert_eq!(kept.warnings.len(), 1);
    assert_eq!(quiet.roadmap.id(), kept.roadmap.id());
    // An error is still reported, located, next to the dropped warning.
    let broken = format!("{text}statut = \"done\"\n");
    let error = load_with("t.toml", broken.as_bytes(), Format::Toml, Warnings::Drop)
        .expect_err("an unknown field");
    assert_eq!(error.diagnostics.len(), 1, "{:?}", error.diagnostics);
    let at = error.diagnostics[0].location.as_ref().expect("located");
    assert_eq!(error.diagnostics[0].message, "unknown field `statut`");
    let line = broken
        .lines()
        .position(|l| l.starts_with("statut"))
        .expect("in the text")
        + 1;
    assert_eq!((at.line, at.column), (line, 1));
}

#[test]
fn unknown_field_suggests_the_known_one() {
    let text = format!(
        "{HEAD}\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nsources = [\"s\"]\nstatut = \"done\"\n"
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (21, 1));
    assert_eq!(message, "unknown field `statut`");
    assert_eq!(help, "did you mean `status`?");
}

#[test]
fn unknown_status_lists_the_vocabulary() {
    let text = format!(
        "{HEAD}\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nsources = [\"s\"]\nstatus = \"finished\"\n"
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (21, 10));
    assert_eq!(message, "unknown status `finished`");
    assert!(help.contains("`in-progress`"), "{help}");
}

#[test]
fn wrong_value_type_is_located() {
    let text = HEAD.replace("title = \"T\"", "title = 3");
    let (line, column, message, _) = only(&text);
    assert_eq!((line, column), (2, 9));
    assert_eq!(message, "expected text in quotes, found the number 3");
}

#[test]
fn a_type_error_does_not_hide_the_other_problems() {
    let text = format!(
        "{HEAD}progress = \"50%\"\n\n[[axes]]\nid = \"a\"\ntitle = \"B\"\nsources = [\"s\"]\n\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nsources = [\"s\"]\ndepends_on = [\"nowhere\"]\n"
    );
    let all = summary(&text);
    let found: Vec<(usize, usize, &str)> = all.iter().map(|d| (d.0, d.1, d.2.as_str())).collect();
    assert_eq!(
        found,
        [
            (16, 12, "expected a number, found the text \"50%\""),
            (19, 6, "duplicate id `a`"),
            (27, 15, "unknown mission or milestone `nowhere`"),
        ]
    );
    assert_eq!(
        all[0].3,
        "write the number without quotes and without `%`, e.g. `50`"
    );
}

#[test]
fn an_unreadable_required_field_is_not_also_reported_missing() {
    let text = HEAD.replace("title = \"T\"", "title = [\"T\"]");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (2, 9));
    assert_eq!(message, "expected text in quotes, found a list");
    assert_eq!(help, "put the value in straight double quotes: `\"…\"`");
}

#[test]
fn an_unquoted_toml_date_says_to_quote_it() {
    let text = HEAD.replace("published = \"2023-03-09\"", "published = 2023-03-09");
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (5, 13));
    assert_eq!(message, "the date 2023-03-09 is not in quotes");
    assert_eq!(help, "dates are text here: write `\"2023-03-09\"`");
}

#[test]
fn dependency_cycle_is_reported_once() {
    let text = format!(
        "{HEAD}\n[[axes.missions]]\nid = \"m1\"\ntitle = \"M1\"\nsources = [\"s\"]\ndepends_on = [\"m2\"]\n\n[[axes.missions]]\nid = \"m2\"\ntitle = \"M2\"\nsources = [\"s\"]\ndepends_on = [\"m1\"]\n"
    );
    let (line, _, message, _) = only(&text);
    assert_eq!(line, 21);
    assert_eq!(message, "dependency cycle: m1 → m2 → m1");
}

#[test]
fn non_http_links_are_refused() {
    let text = HEAD.replace(
        "title = \"Source\"",
        "title = \"Source\"\nurl = \"javascript:alert(1)\"",
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (11, 7));
    assert_eq!(
        message,
        "`javascript:alert(1)` is not an http(s) or mailto address"
    );
    assert_eq!(
        help,
        "link to a web page (`https://…`) or an e-mail address (`mailto:…`)"
    );
}

/// The one diagnostic of HEAD with the source's `url` set to `url`.
fn url_error(url: &str) -> (usize, usize, String, String) {
    let text = HEAD.replace(
        "title = \"Source\"",
        &format!("title = \"Source\"\nurl = {url}"),
    );
    only(&text)
}

#[test]
fn a_link_that_breaks_out_of_its_quotes_is_refused() {
    let (line, column, message, help) = url_error(r#"'http://x" onmouseover=alert(1)'"#);
    assert_eq!((line, column), (11, 7));
    assert_eq!(
        message,
        "`http://x\" onmouseover=alert(1)` holds `\"`, which an address may not hold as is"
    );
    assert_eq!(
        help,
        "check where the address ends, or write the character percent-encoded (`%22`)"
    );
}

#[test]
fn a_link_with_no_host_is_refused() {
    let (line, column, message, help) = url_error("\"http://\"");
    assert_eq!((line, column), (11, 7));
    assert_eq!(message, "`http://` is not a valid address: empty host");
    assert_eq!(
        help,
        "write the full address, e.g. `https://www.numerique.gouv.fr/`"
    );
}

#[test]
fn a_link_with_a_line_break_is_refused() {
    let (line, column, message, help) = url_error("\"https://numerique.gouv.fr/\\nx\"");
    assert_eq!((line, column), (11, 7));
    assert_eq!(message, "`url` holds a line break (U+000A (LINE FEED))");
    assert_eq!(
        help,
        "write it on one line; only `summary`, `description`, `note` and `notes` may span lines"
    );
}

#[test]
fn mail_links_are_accepted() {
    let text = HEAD.replace(
        "title = \"Source\"",
        "title = \"Source\"\nurl = \"mailto:contact@numerique.gouv.fr\"",
    );
    assert_eq!(summary(&text), []);
}

#[test]
fn an_escape_in_a_title_is_located_and_named() {
    // The OSC sequence that sets a terminal's window title.
    let text = HEAD.replace("title = \"A\"", r#"title = "A \u001B]0;pwned\u0007""#);
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (14, 9));
    assert_eq!(
        message,
        "`title` holds the control character U+001B (ESCAPE)"
    );
    assert_eq!(
        help,
        "remove it: a terminal would obey it instead of showing it"
    );
}

#[test]
fn a_bidi_override_is_located_and_named() {
    let text = HEAD.replace(
        "organisation = \"O\"",
        "organisation = \"O \u{202E}gpj.exe\"",
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (3, 16));
    assert_eq!(
        message,
        "`organisation` holds the bidi control U+202E (RIGHT-TO-LEFT OVERRIDE)"
    );
    assert_eq!(
        help,
        "remove it: it reorders how the text reads, and right-to-left text needs no control character"
    );
}

#[test]
fn a_c1_control_is_located_and_named() {
    // U+009B is the one-character CSI of 8-bit terminals; TOML takes it raw.
    let text = format!(
        "{HEAD}\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nowner = \"DINUM\u{9b}2J\"\nsources = [\"s\"]\n"
    );
    let (line, column, message, _) = only(&text);
    assert_eq!((line, column), (20, 9));
    assert_eq!(
        message,
        "`owner` holds the control character U+009B (CONTROL SEQUENCE INTRODUCER)"
    );
}

#[test]
fn line_breaks_are_for_descriptions_notes_and_summaries() {
    let text = format!(
        "{HEAD}description = \"\"\"\nTwo\nlines\"\"\"\n\n[[axes.missions]]\nid = \"m\"\ntitle = \"\"\"\nM\nN\"\"\"\nsources = [\"s\"]\n"
    );
    let (line, column, message, _) = only(&text);
    assert_eq!((line, column), (22, 9));
    assert_eq!(message, "`title` holds a line break (U+000A (LINE FEED))");
}

#[test]
fn a_control_character_is_reported_once_not_echoed_by_other_checks() {
    // Without it the date is good: the only problem is the escape.
    let text = HEAD.replace(
        "published = \"2023-03-09\"",
        r#"published = "2023-03-09\e""#,
    );
    let (line, column, message, _) = only(&text);
    assert_eq!((line, column), (5, 13));
    assert_eq!(
        message,
        "`published` holds the control character U+001B (ESCAPE)"
    );
    // Other checks see the value without it: none quotes it.
    let text = HEAD.replace(
        "published = \"2023-03-09\"",
        r#"published = "2023-03-09\e[2J""#,
    );
    let all = summary(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all.iter().all(|d| !d.2.contains('\u{1b}')), "{all:#?}");
}

#[test]
fn several_problems_are_reported_in_one_run() {
    let text = HEAD
        .replace("published = \"2023-03-09\"", "published = \"2023-13\"")
        .replace("title = \"T\"", "titel = \"T\"");
    let all = summary(&text);
    let messages: Vec<&str> = all.iter().map(|d| d.2.as_str()).collect();
    assert_eq!(
        messages,
        [
            "missing field `title` in this roadmap",
            "unknown field `titel`",
            "bad date in `published`: month 13 does not exist",
        ]
    );
    assert_eq!((all[1].0, all[1].1), (2, 1));
    assert_eq!((all[2].0, all[2].1), (5, 13));
}

#[test]
fn json_errors_have_lines_and_columns_too() {
    let syntax = load_str(
        "t.json",
        "{\n  \"id\": \"t\",\n  \"title\" \"T\"\n}",
        Format::Json,
    )
    .expect_err("invalid JSON");
    let at = syntax.diagnostics[0].location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (3, 11));
    assert_eq!(syntax.diagnostics[0].message, "expected `:`");

    let semantic = "{\n  \"id\": \"t\", \"title\": \"T\", \"organisation\": \"O\", \"language\": \"fr\",\n  \"published\": \"2023\",\n  \"period\": {\"start\": \"2023\", \"end\": \"2024\"},\n  \"axes\": [{\"id\": \"a\", \"title\": \"A\", \"progress\": 101}]\n}";
    let err = load_str("t.json", semantic, Format::Json).expect_err("progress too high");
    let progress = err
        .errors()
        .find(|d| d.message.starts_with("progress"))
        .expect("progress error");
    let at = progress.location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (5, 50));
}

#[test]
fn valid_json_keeps_its_located_warnings_and_unknown_fields_still_fail() {
    let outside = "\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nstart = \"2023\"\nend = \"2023-H1\"\nsources = [\"s\"]\n\n[[axes.missions.milestones]]\nid = \"late\"\ntitle = \"L\"\ndate = \"2023-Q4\"\nsources = [\"s\"]\n";
    let toml = format!("{HEAD}{outside}");
    let json = roadmap_core::to_json(
        &load_str("t.toml", &toml, Format::Toml)
            .expect("loads")
            .roadmap,
    );
    let kept = load_str("t.json", &json, Format::Json).expect("a warning does not stop the load");
    assert_eq!(kept.warnings.len(), 1, "{:?}", kept.warnings);
    let at = kept.warnings[0].location.as_ref().expect("located");
    let line = json
        .lines()
        .position(|l| l.contains("\"date\": \"2023-Q4\""))
        .expect("in the text")
        + 1;
    assert_eq!(at.line, line);
    let quiet = load_with("t.json", json.as_bytes(), Format::Json, Warnings::Drop).expect("loads");
    assert!(quiet.warnings.is_empty());

    // An unknown field in an otherwise valid file is an error, located,
    // with the field it was probably meant to be.
    let broken = json.replacen(
        "\"id\": \"late\",",
        "\"id\": \"late\", \"statut\": \"done\",",
        1,
    );
    assert_ne!(broken, json);
    let error = load_with("t.json", broken.as_bytes(), Format::Json, Warnings::Drop)
        .expect_err("an unknown field");
    let unknown = error.errors().next().expect("an error");
    assert_eq!(unknown.message, "unknown field `statut`");
    assert_eq!(unknown.help.as_deref(), Some("did you mean `status`?"));
    let statut = broken
        .lines()
        .position(|l| l.contains("statut"))
        .expect("in the text")
        + 1;
    assert_eq!(unknown.location.as_ref().expect("located").line, statut);
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_place() {
    let err = load("t.toml", b"id = \"t\"\ntitle = \"\xff\"", Format::Toml).expect_err("binary");
    let diagnostic = &err.diagnostics[0];
    assert_eq!(
        diagnostic.message,
        "the file is not UTF-8 text (invalid byte at offset 18)"
    );
    let at = diagnostic.location.as_ref().expect("located");
    assert_eq!((at.line, at.column), (2, 10));
}

#[test]
fn rendered_errors_show_file_line_column_and_the_line() {
    let text = HEAD.replace("published = \"2023-03-09\"", "published = \"2023-Q5\"");
    let err = load_str("plan.toml", &text, Format::Toml).expect_err("bad quarter");
    let rendered = err.render(false);
    assert!(
        rendered.contains("error: bad date in `published`: `Q5` is not a quarter (Q1 to Q4)"),
        "{rendered}"
    );
    assert!(rendered.contains("--> plan.toml:5:13"), "{rendered}");
    assert!(
        rendered.contains("5 | published = \"2023-Q5\""),
        "{rendered}"
    );
    assert!(
        rendered.contains("plan.toml: 1 error(s), 0 warning(s)"),
        "{rendered}"
    );
}

#[test]
fn a_status_with_no_date_is_a_warning_at_the_status() {
    let text = format!(
        "{HEAD}[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\nstatus = \"in-progress\"\nsources = [\"s\"]\n"
    );
    let (line, column, message, help) = only(&text);
    assert_eq!((line, column), (19, 10));
    assert_eq!(message, "this `status` does not say when it was true");
    assert!(help.contains("as_of = \"2023-03\""), "{help}");
    // An as-of date, or a dated source, answers it.
    let dated = text.replace(
        "status = \"in-progress\"",
        "status = \"in-progress\"\nas_of = \"2023-03\"",
    );
    assert!(summary(&dated).is_empty());
    let dated_source = text.replace(
        "title = \"Source\"",
        "title = \"Source\"\ndate = \"2023-03-09\"",
    );
    assert!(summary(&dated_source).is_empty());
}

#[test]
fn stale_after_months_must_be_at_least_one() {
    let text = HEAD.replace("period =", "stale_after_months = 0\nperiod =");
    let (line, _, message, _) = only(&text);
    assert_eq!(line, 6);
    assert!(message.contains("stale_after_months"), "{message}");
}
