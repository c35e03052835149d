//! The `roadmap` command as a user runs it: exit codes, messages, outputs.

#[cfg(unix)]
mod fifo;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A roadmap whose publication date names a fifth quarter (line 5, column 13).
const BAD_QUARTER: &str = "id = \"x\"\ntitle = \"X\"\norganisation = \"O\"\nlanguage = \"fr\"\npublished = \"2023-Q5\"\nperiod = { start = \"2023\", end = \"2024\" }\n";

fn roadmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run roadmap")
}

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str, contents: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write");
    (dir, path.display().to_string())
}

#[test]
fn check_accepts_the_bundled_roadmaps() {
    let out = roadmap(&[
        "check",
        &data("dinum-2023.toml"),
        &data("tech-gouv-2019-2021.toml"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("dinum-2023.toml: ok"), "{stdout}");
    assert!(stdout.contains("tech-gouv-2019-2021.toml: ok"), "{stdout}");
}

#[test]
fn check_reports_errors_with_place_and_exit_1() {
    let (_dir, path) = scratch("bad.toml", BAD_QUARTER);
    let out = roadmap(&["check", &path]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("{path}:5:13")), "{stdout}");
    assert!(stdout.contains("`Q5` is not a quarter"), "{stdout}");
    assert!(stdout.contains("1 error(s)"), "{stdout}");
}

#[test]
fn check_speaks_json_for_machines() {
    let (_dir, path) = scratch("bad.toml", "id = \"x\"\n");
    let out = roadmap(&["check", "--format", "json", &path, &data("dinum-2023.toml")]);
    assert_eq!(out.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(reports[0]["valid"], false);
    assert_eq!(reports[0]["diagnostics"][0]["severity"], "error");
    assert_eq!(reports[0]["diagnostics"][0]["location"]["line"], 1);
    assert_eq!(reports[1]["valid"], true);
}

/// A roadmap on one line whose 1,500 milestones all have a month 13.
fn fifteen_hundred_bad_dates() -> String {
    let milestones: Vec<String> = (0..1_500)
        .map(|i| format!(r#"{{"id":"m{i}","title":"M{i}","date":"2023-13","sources":["s"]}}"#))
        .collect();
    format!(
        r#"{{"id":"r","title":"R","organisation":"O","language":"en","published":"2023","period":{{"start":"2020","end":"2029"}},"sources":[{{"id":"s","title":"S"}}],"axes":[{{"id":"a","title":"A","sources":["s"],"missions":[{{"id":"m","title":"M","sources":["s"],"milestones":[{}]}}]}}]}}"#,
        milestones.join(",")
    )
}

#[test]
fn check_shows_the_first_100_problems_and_counts_the_rest() {
    let (_dir, path) = scratch("many.json", &fifteen_hundred_bad_dates());
    let out = roadmap(&["check", &path]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.matches("error: bad date").count(), 100);
    assert!(
        stdout.ends_with(&format!(
            "{path}: 1400 more problems not shown\n{path}: 1500 error(s), 0 warning(s)\n"
        )),
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
    let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest < 250, "a line of {widest} characters");
}

#[test]
fn check_json_is_bounded_too() {
    let (_dir, path) = scratch("many.json", &fifteen_hundred_bad_dates());
    let out = roadmap(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.len() < 100 * 1_000, "{} bytes", out.stdout.len());
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let report = &reports[0];
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 1_500);
    assert_eq!(report["warnings"], 0);
    assert_eq!(report["not_shown"], 1_400);
    let diagnostics = report["diagnostics"].as_array().expect("a list");
    assert_eq!(diagnostics.len(), 100);
    for diagnostic in diagnostics {
        let at = &diagnostic["location"];
        let excerpt = at["excerpt"].as_str().expect("an excerpt");
        assert!(excerpt.chars().count() <= 122, "{excerpt}");
        // The excerpt's column points at the date in it.
        let column = at["excerpt_column"].as_u64().expect("a column") as usize;
        let place: String = excerpt.chars().skip(column - 1).take(9).collect();
        assert_eq!(place, "\"2023-13\"");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(roadmap(&["check"]).status.code(), Some(2));
    assert_eq!(roadmap(&["--frobnicate"]).status.code(), Some(2));
    assert_eq!(roadmap(&["list", "--lang", "de"]).status.code(), Some(2));
    let misplaced = roadmap(&["--lang", "en", "list"]);
    assert_eq!(misplaced.status.code(), Some(1));
    assert!(text(&misplaced.stderr).contains("`list` is a command: put it first"));
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = roadmap(&["check", "/nonexistent/plan.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("cannot read /nonexistent/plan.toml"));
}

#[test]
fn export_writes_json_that_loads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("dinum.json").display().to_string();
    let out = roadmap(&[
        "export",
        &data("dinum-2023.toml"),
        "--json",
        "-o",
        &out_path,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = std::fs::read_to_string(&out_path).expect("export written");
    assert_eq!(
        json,
        std::fs::read_to_string(data("dinum-2023.json")).expect("committed export")
    );
    assert_eq!(roadmap(&["check", &out_path]).status.code(), Some(0));
}

#[test]
fn export_of_an_invalid_file_writes_nothing() {
    let (dir, path) = scratch("bad.toml", "id = ");
    let out_path = dir.path().join("out.json");
    let out = roadmap(&[
        "export",
        &path,
        "--json",
        "-o",
        &out_path.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_path.exists());
    assert!(
        text(&out.stderr).contains("bad.toml:1:6"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn no_argument_prints_the_dinum_outline() {
    let out = roadmap(&["--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Une stratégie numérique"), "{stdout}");
    assert!(
        stdout.contains("publication\u{a0}: 9 mars 2023"),
        "{stdout}"
    );
    assert!(stdout.contains("1. Mettre le numérique au service des politiques prioritaires"));
}

#[test]
fn list_speaks_english_and_opens_bundled_roadmaps_by_name() {
    let out = roadmap(&[
        "list",
        "--lang",
        "en",
        "--today",
        "2026-11-23",
        "tech-gouv-2019-2021",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Q1 2020"), "{stdout}");
    assert!(stdout.contains("H2 2019"), "{stdout}");
    assert!(stdout.contains("mid-2021"), "{stdout}");
    assert!(stdout.contains("delivered 17 May 2021"), "{stdout}");
    // English sets no space before a colon.
    assert!(stdout.contains("\n  28 May 2020: COSINUM"), "{stdout}");
}

/// `roadmap list` of the DINUM roadmap in November 2026, in `lang`.
fn dinum_list(lang: &str) -> String {
    let out = roadmap(&[
        "list",
        "--lang",
        lang,
        "--today",
        "2026-11-23",
        "dinum-2023",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The line of `list` output that holds `title`.
fn line_of<'a>(listing: &'a str, title: &str) -> &'a str {
    listing
        .lines()
        .find(|line| line.contains(title))
        .unwrap_or_else(|| panic!("no line with {title}:\n{listing}"))
}

#[test]
fn list_says_as_of_when_and_no_percentage_nobody_stated() {
    let en = dinum_list("en");
    let suite = line_of(&en, "Suite collaborative open source");
    assert!(
        suite.ends_with("◐ ↻ in progress as of March 2023 — 0 of 1 milestone done"),
        "{suite}"
    );
    assert!(
        !en.contains('%'),
        "no percentage is stated in the DINUM roadmap:\n{en}"
    );
    assert!(
        en.contains("↻ stale: last reported more than 12 months ago"),
        "{en}"
    );
    // A span within one year given as years is that year.
    let credits = line_of(&en, "Hausse de 5,2 M€");
    assert!(credits.contains("— 2023 —"), "{credits}");
    let fr = dinum_list("fr");
    let suite = line_of(&fr, "Suite collaborative open source");
    assert!(
        suite.ends_with("◐ ↻ en cours (mars 2023) — aucun jalon terminé sur 1"),
        "{suite}"
    );
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = roadmap(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(data("roadmap.schema.json")).expect("schema");
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn present_reports_a_bad_file_as_check_does() {
    let (_dir, path) = scratch("bad.toml", BAD_QUARTER);
    let present = roadmap(&["present", &path]);
    assert_eq!(present.status.code(), Some(1));
    let check = roadmap(&["check", &path]);
    let diagnostics = text(&present.stderr);
    assert!(
        diagnostics.contains(&format!("{path}:5:13")),
        "{diagnostics}"
    );
    assert_eq!(diagnostics, text(&check.stdout));
}

#[test]
fn present_says_what_a_bad_auto_delay_is() {
    for (delay, said) in [
        ("soon", "`soon` is not a duration like 20s, 1m or 1m30s"),
        ("0s", "`0s` is no time at all"),
    ] {
        let out = roadmap(&["present", "--auto", delay]);
        assert_eq!(out.status.code(), Some(2), "--auto {delay}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
}

#[test]
fn present_says_what_a_bad_slide_list_is() {
    for (list, said) in [
        (
            "title,axis:talent",
            "--slides: unknown axis `talent`; did you mean `talents`?",
        ),
        (
            "title,sumary",
            "--slides: unknown slide `sumary`; did you mean `summary`?",
        ),
        (",", "--slides: the slide list is empty"),
    ] {
        let out = roadmap(&["present", "tech-gouv-2019-2021", "--slides", list]);
        assert_eq!(out.status.code(), Some(1), "--slides {list}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
}

#[test]
fn present_needs_a_terminal() {
    // Standard output is a pipe here: the presenter says so and where to
    // turn instead of drawing into it.
    let out = roadmap(&["present", "tech-gouv-2019-2021", "--auto", "20s"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("run it in a terminal"), "{stderr}");
}

/// [`roadmap`] in `dir`, killed and failed if it has not returned after a
/// minute: a command that blocks (on a FIFO) or reads without end (from a
/// device) is a failure, not a hung test run.
#[cfg(unix)]
fn roadmap_returning(dir: &std::path::Path, args: &[&str]) -> Output {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run roadmap");
    let deadline = Instant::now() + Duration::from_mins(1);
    while child.try_wait().expect("wait for roadmap").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("roadmap {args:?} did not return");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("the output of roadmap")
}

#[cfg(unix)]
mod not_regular_files {
    //! Devices, FIFOs, directories, links and files too large: read and
    //! written without blocking, and never mistaken for a roadmap file.

    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

    use super::*;

    #[test]
    fn check_refuses_a_device_a_fifo_and_a_directory_before_reading_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        fifo::make(&dir.path().join("plan.toml"));
        // Nobody writes to the FIFO: reading it would wait for ever.
        for (path, kind) in [
            ("/dev/zero", "a device"),
            ("plan.toml", "a FIFO"),
            (".", "a directory"),
        ] {
            let out = roadmap_returning(dir.path(), &["check", path]);
            assert_eq!(out.status.code(), Some(1), "{path}");
            let stdout = text(&out.stdout);
            assert!(
                stdout.contains(&format!("{path} is {kind}, not a roadmap file")),
                "{stdout}"
            );
            assert!(stdout.contains("help: give the path of a roadmap file"));
        }
    }

    #[test]
    fn check_refuses_a_file_over_the_size_limit_with_its_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = std::fs::File::create(dir.path().join("big.toml")).expect("create");
        // Sparse: 33 MiB that take no room on the disk.
        file.set_len(33 * 1024 * 1024).expect("grow");
        let out = roadmap_returning(dir.path(), &["check", "big.toml"]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains("big.toml is 34.6 MB, more than the 32 MB a roadmap may be"),
            "{stdout}"
        );
        assert!(stdout.contains("split the roadmap"), "{stdout}");
    }

    #[test]
    fn export_to_dash_or_a_device_writes_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let committed = std::fs::read(data("dinum-2023.json")).expect("committed export");
        let out = roadmap_returning(
            dir.path(),
            &["export", &data("dinum-2023.toml"), "--json", "-o", "-"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(out.stdout, committed);
        assert!(!dir.path().join("-").exists(), "no file named `-`");

        let out = roadmap_returning(
            dir.path(),
            &[
                "export",
                &data("dinum-2023.toml"),
                "--json",
                "-o",
                "/dev/null",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let null = std::fs::symlink_metadata("/dev/null").expect("/dev/null");
        assert!(null.file_type().is_char_device(), "/dev/null is a device");
    }

    #[test]
    fn export_to_a_fifo_writes_through_to_its_reader() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pipe = dir.path().join("out.json");
        fifo::make(&pipe);
        let reader = {
            let pipe = pipe.clone();
            let (sender, read) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = sender.send(std::fs::read(&pipe));
            });
            read
        };
        let out = roadmap_returning(
            dir.path(),
            &[
                "export",
                &data("dinum-2023.toml"),
                "--json",
                "-o",
                "out.json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let kind = std::fs::symlink_metadata(&pipe)
            .expect("out.json")
            .file_type();
        assert!(kind.is_fifo(), "out.json is still a FIFO");
        let json = reader
            .recv_timeout(std::time::Duration::from_mins(1))
            .expect("the reader got to the end")
            .expect("read the FIFO");
        assert_eq!(
            json,
            std::fs::read(data("dinum-2023.json")).expect("committed export")
        );
    }

    #[test]
    fn export_through_a_link_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("exports")).expect("mkdir");
        std::fs::write(dir.path().join("exports/dinum.json"), "old").expect("write");
        symlink("exports/dinum.json", dir.path().join("latest.json")).expect("link");
        let out = roadmap_returning(
            dir.path(),
            &[
                "export",
                &data("dinum-2023.toml"),
                "--json",
                "-o",
                "latest.json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let link = std::fs::symlink_metadata(dir.path().join("latest.json")).expect("link");
        assert!(link.file_type().is_symlink(), "the link is still a link");
        assert_eq!(
            std::fs::read(dir.path().join("exports/dinum.json")).expect("target"),
            std::fs::read(data("dinum-2023.json")).expect("committed export")
        );
    }

    #[test]
    fn export_onto_its_own_input_is_refused() {
        let (dir, path) = scratch(
            "plan.toml",
            &std::fs::read_to_string(data("dinum-2023.toml")).expect("roadmap"),
        );
        symlink("plan.toml", dir.path().join("link.toml")).expect("link");
        for (input, output) in [
            ("plan.toml", "plan.toml"),
            ("plan.toml", "link.toml"),
            ("link.toml", "./plan.toml"),
        ] {
            let out = roadmap_returning(dir.path(), &["export", input, "--json", "-o", output]);
            assert_eq!(out.status.code(), Some(1), "{input} -o {output}");
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains(&format!("{output} is {input} itself")),
                "{stderr}"
            );
            assert!(stderr.contains("give another file"), "{stderr}");
        }
        assert_eq!(
            std::fs::read_to_string(&path).expect("the roadmap"),
            std::fs::read_to_string(data("dinum-2023.toml")).expect("roadmap"),
            "the roadmap is untouched"
        );
    }

    #[test]
    fn a_new_export_file_gets_the_usual_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        // `sh` sets the umask the export runs under.
        let script = r#"umask 027 && exec "$0" export "$1" --json -o new.json"#;
        let out = Command::new("sh")
            .args(["-c", script, env!("CARGO_BIN_EXE_roadmap")])
            .arg(data("dinum-2023.toml"))
            .current_dir(dir.path())
            .output()
            .expect("run sh");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let mode = std::fs::metadata(dir.path().join("new.json"))
            .expect("new.json")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640, "0666 less the umask 027");

        // An existing file keeps its own.
        std::fs::set_permissions(
            dir.path().join("new.json"),
            std::fs::Permissions::from_mode(0o604),
        )
        .expect("chmod");
        let out = roadmap_returning(
            dir.path(),
            &[
                "export",
                &data("dinum-2023.toml"),
                "--json",
                "-o",
                "new.json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let mode = std::fs::metadata(dir.path().join("new.json"))
            .expect("new.json")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o604);
    }
}
