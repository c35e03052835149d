//! Which language `roadmap` speaks: `--lang` (a region may follow), else
//! the environment's locale, else the roadmap file's own language. Each
//! run gets a controlled environment: no locale variable but those given.

use std::process::{Command, Output};

/// A small English roadmap with one milestone delivered in August 2022
/// and no planned date.
const ENGLISH: &str = r#"
id = "en"
title = "An English roadmap"
organisation = "Office"
language = "en"
published = "2022-06"
period = { start = "2022", end = "2025" }

[[axes]]
id = "a"
title = "Services"

[[axes.missions]]
id = "m"
title = "Better services"

[[axes.missions.milestones]]
id = "s"
title = "Standard published"
done_on = "2022-08"
"#;

const LOCALE_VARIABLES: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

fn roadmap(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roadmap"));
    command.args(args).env("NO_COLOR", "1");
    for name in LOCALE_VARIABLES {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command.output().expect("run roadmap")
}

fn english_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("english.toml");
    std::fs::write(&path, ENGLISH).expect("write");
    let path = path.display().to_string();
    (dir, path)
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_english_file_speaks_english_when_the_locale_names_no_language() {
    let (_dir, path) = english_file();
    for env in [
        &[("LANG", "C.UTF-8")][..],
        &[][..],
        &[("LC_ALL", "POSIX")][..],
    ] {
        let listed = stdout(&roadmap(env, &["list", &path]));
        assert!(listed.contains("published: June 2022"), "{env:?}: {listed}");
        assert!(
            listed.contains("delivered August 2022"),
            "{env:?}: {listed}"
        );
        // The explorer prints the same outline when its output is not a terminal.
        let explored = stdout(&roadmap(env, &[&path]));
        assert_eq!(explored, listed, "{env:?}");
    }
}

#[test]
fn the_locale_and_the_flag_win_over_the_file() {
    let (_dir, path) = english_file();
    let french = stdout(&roadmap(&[("LANG", "fr_FR.UTF-8")], &["list", &path]));
    assert!(french.contains("livré en août 2022"), "{french}");
    let french = stdout(&roadmap(&[("LANGUAGE", "fr")], &["list", &path]));
    assert!(french.contains("livré en août 2022"), "{french}");
    let flagged = stdout(&roadmap(
        &[("LANG", "en_US.UTF-8")],
        &["list", "--lang", "fr-FR", &path],
    ));
    assert!(flagged.contains("livré en août 2022"), "{flagged}");
}

#[test]
fn region_tags_are_accepted_in_the_flag() {
    let bundled = roadmap(&[("LANG", "C.UTF-8")], &["list", "--lang", "en-GB"]);
    let listed = stdout(&bundled);
    assert!(listed.contains("published: "), "{listed}");
    let posix = stdout(&roadmap(&[], &["list", "--lang", "en_US.UTF-8"]));
    assert!(posix.contains("published: "), "{posix}");
    let refused = roadmap(&[], &["list", "--lang", "de-DE"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("use `fr` or `en`"), "{message}");
}
