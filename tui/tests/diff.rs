//! `roadmap diff OLD NEW` as a user runs it: text and JSON, two files or a
//! file as a git revision holds it, and the exit codes 0 (same), 1
//! (different), 2 (trouble).

use std::path::Path;
use std::process::{Command, Output};

/// A small roadmap; the tests change it by replacing text.
const PLAN: &str = r#"id = "plan"
title = "Plan"
organisation = "O"
language = "fr"
published = "2023-03"
period = { start = "2020", end = "2024" }
[[sources]]
id = "s1"
title = "First report"
date = "2023-03"
[[axes]]
id = "a"
title = "Services"
sources = ["s1"]
[[axes.missions]]
id = "fc"
title = "FranceConnect"
status = "in-progress"
sources = ["s1"]
[[axes.missions.milestones]]
id = "call"
title = "Call for projects"
date = "2020-Q1"
sources = ["s1"]
[[axes.missions.milestones]]
id = "gone"
title = "Dropped step"
sources = ["s1"]
"#;

/// [`PLAN`] a quarter later, done, without its dropped step.
fn later_plan() -> String {
    PLAN.replace("status = \"in-progress\"", "status = \"done\"")
        .replace("date = \"2020-Q1\"", "date = \"2021-Q2\"")
        .replace(
            "[[axes.missions.milestones]]\nid = \"gone\"\ntitle = \"Dropped step\"\nsources = [\"s1\"]\n",
            "",
        )
}

fn roadmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run roadmap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn two_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("old.toml"), PLAN).expect("write");
    std::fs::write(dir.path().join("new.toml"), later_plan()).expect("write");
    dir
}

#[test]
fn text_lists_each_change_with_a_symbol_and_words_grouped_by_axis() {
    let dir = two_files();
    let out = roadmap(dir.path(), &["diff", "old.toml", "new.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Changements de old.toml à new.toml\u{a0}: 3 changements\n\
         \n\
         Axe «\u{a0}Services\u{a0}»\n  \
         mission «\u{a0}FranceConnect\u{a0}»\n    \
         ◆ statut\u{a0}: en cours → terminé\n  \
         jalon «\u{a0}Call for projects\u{a0}»\n    \
         ⇥ prévu\u{a0}: T1 2020 → T2 2021 (plus tard)\n  \
         jalon «\u{a0}Dropped step\u{a0}»\n    \
         − supprimé\n"
    );
    let english = roadmap(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--lang", "en"],
    );
    let english = text(&english.stdout);
    assert!(
        english.contains("    ◆ status: in progress → done\n"),
        "{english}"
    );
}

#[test]
fn identical_editions_exit_0() {
    let dir = two_files();
    let out = roadmap(
        dir.path(),
        &["diff", "old.toml", "old.toml", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Changes from old.toml to old.toml: no changes\n"
    );
}

#[test]
fn json_has_the_editions_the_count_and_each_change() {
    let dir = two_files();
    let out = roadmap(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["old"], "old.toml");
    assert_eq!(json["new"], "new.toml");
    assert_eq!(json["count"], 3);
    let items = json["changes"]["items"].as_array().expect("items");
    let ids: Vec<_> = items.iter().map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, [Some("fc"), Some("call"), Some("gone")]);
    assert_eq!(
        items[1]["changes"][0],
        serde_json::json!({ "change": "date", "field": "planned", "from": "2020-Q1", "to": "2021-Q2" })
    );
    assert_eq!(items[2]["changes"][0]["change"], "removed");
    assert_eq!(json["changes"]["sources_added"], serde_json::json!([]));
}

#[test]
fn a_file_that_does_not_load_exits_2_with_its_place() {
    let dir = two_files();
    std::fs::write(
        dir.path().join("bad.toml"),
        PLAN.replace("published = \"2023-03\"", "published = \"2023-Q5\""),
    )
    .expect("write");
    let out = roadmap(dir.path(), &["diff", "bad.toml", "new.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad.toml:5:13"), "{stderr}");
    assert!(out.stdout.is_empty());
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        text(&status.stderr)
    );
}

/// A repository holding `plans/plan.toml`: [`PLAN`] tagged `v1`, a file
/// that does not load tagged `broken`, and [`later_plan`] in the working
/// tree. `None` when git is missing.
fn repository() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        println!("skipped: git is not installed");
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).expect("mkdir");
    let plan = plans.join("plan.toml");
    git(dir.path(), &["init", "-q"]);
    std::fs::write(
        &plan,
        PLAN.replace("published = \"2023-03\"", "published = \"2023-Q5\""),
    )
    .expect("write");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "broken"]);
    git(dir.path(), &["tag", "broken"]);
    std::fs::write(&plan, PLAN).expect("write");
    git(dir.path(), &["commit", "-qam", "first"]);
    git(dir.path(), &["tag", "v1"]);
    std::fs::write(&plan, later_plan()).expect("write");
    Some(dir)
}

#[test]
fn a_git_revision_of_the_file_is_an_edition() {
    let Some(repo) = repository() else { return };
    // From the file's folder, and from elsewhere with a path into the repository.
    let plans = repo.path().join("plans");
    let out = roadmap(
        &plans,
        &["diff", "plan.toml@v1", "plan.toml", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Changes from plan.toml@v1 to plan.toml: 3 changes\n"),
        "{stdout}"
    );
    let out = roadmap(
        repo.path(),
        &[
            "diff",
            "plans/plan.toml@v1",
            "plans/plan.toml@HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["old"], "plans/plan.toml@v1");
    assert_eq!(json["count"], 0);
}

#[test]
fn git_troubles_exit_2_and_say_what_is_wrong() {
    let Some(repo) = repository() else { return };
    let plans = repo.path().join("plans");
    let out = roadmap(&plans, &["diff", "plan.toml@v2", "plan.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("plan.toml@v2: git does not know the revision `v2`"),
        "{stderr}"
    );
    // A file that does not load at that revision is located in it.
    let out = roadmap(&plans, &["diff", "plan.toml@broken", "plan.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("plan.toml@broken:5:13"), "{stderr}");
    // A file the revision does not hold.
    std::fs::write(plans.join("other.toml"), PLAN).expect("write");
    let out = roadmap(&plans, &["diff", "other.toml@v1", "plan.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the revision `v1` has no file `plans/other.toml`"),
        "{stderr}"
    );
    // A file in no repository.
    let elsewhere = two_files();
    let out = roadmap(elsewhere.path(), &["diff", "old.toml@v1", "new.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("old.toml is not in a git repository"),
        "{stderr}"
    );
}

#[test]
fn help_says_what_the_exit_codes_are() {
    let dir = two_files();
    let out = roadmap(dir.path(), &["diff", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.contains("0 same, 1 different, 2 trouble"), "{help}");
    assert!(help.contains("FILE@REV"), "{help}");
}

#[test]
fn since_names_an_edition_that_cannot_be_read_and_exits_1() {
    // Outside any repository, a revision alone cannot be read.
    let dir = two_files();
    for args in [
        &["new.toml", "--since", "v1"][..],
        &["present", "new.toml", "--since", "v1"][..],
    ] {
        let out = roadmap(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("new.toml@v1: new.toml is not in a git repository"),
            "{args:?}: {stderr}"
        );
    }
    // A file given as the earlier edition is read as a file.
    let out = roadmap(dir.path(), &["new.toml", "--since", "missing.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot read missing.toml"), "{stderr}");
}
