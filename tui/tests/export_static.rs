//! `roadmap export --html`, `--svg` and `--html-fragment` as a user runs
//! them: the outputs written, the language chosen, and bad outputs refused
//! with a clear message and nothing written.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn roadmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
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

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn each_format_is_written_in_the_language_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = data("tech-gouv-2019-2021.toml");
    for (flag, file, start) in [
        ("--html", "page.html", "<!DOCTYPE html>\n<html lang=\"en\">"),
        (
            "--svg",
            "plan.svg",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=",
        ),
        (
            "--html-fragment",
            "part.html",
            "<div class=\"roadmap-static\" lang=\"en\">",
        ),
    ] {
        let out = roadmap(
            dir.path(),
            &[
                "export",
                &input,
                flag,
                "-o",
                file,
                "--lang",
                "en",
                "--today",
                "2020-06-01",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{flag}: {}", text(&out.stderr));
        let written = std::fs::read_to_string(dir.path().join(file)).expect("written");
        assert!(written.starts_with(start), "{flag}: {}", &written[..200]);
        assert!(written.contains("Timeline — "), "{flag}: in English");
        assert!(
            !written.contains("Frise chronologique"),
            "{flag}: no French"
        );
    }
    // Standard output, in the roadmap's own language without `--lang`.
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["export", &input, "--svg", "-o", "-"])
        .env("LANG", "C.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run roadmap");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    roxmltree::Document::parse(&svg).expect("the SVG is XML");
    assert!(svg.contains("Frise chronologique"), "in French");
}

#[test]
fn two_formats_at_once_are_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = roadmap(
        dir.path(),
        &["export", &data("dinum-2023.toml"), "--html", "--svg"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot be used with"),
        "{}",
        text(&out.stderr)
    );
    assert!(names(dir.path()).is_empty());
}

#[test]
fn bad_outputs_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    std::fs::copy(data("dinum-2023.toml"), &plan).expect("copy");
    let before = std::fs::read(&plan).expect("read");
    for flag in ["--html", "--svg", "--html-fragment"] {
        // The roadmap itself.
        let out = roadmap(
            dir.path(),
            &["export", "plan.toml", flag, "-o", "plan.toml"],
        );
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("plan.toml is plan.toml itself"), "{stderr}");
        assert!(stderr.contains("give another file"), "{stderr}");
        // A directory that does not exist, and a file taken for one.
        for output in ["missing/page.html", "plan.toml/page.html"] {
            let out = roadmap(dir.path(), &["export", "plan.toml", flag, "-o", output]);
            assert_eq!(out.status.code(), Some(1), "{flag} -o {output}");
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains(&format!("cannot write {output}")),
                "{flag} -o {output}: {stderr}"
            );
        }
        // A directory as the output.
        let out = roadmap(dir.path(), &["export", "plan.toml", flag, "-o", "."]);
        assert_eq!(out.status.code(), Some(1), "{flag} -o .");
        assert!(
            text(&out.stderr).contains("cannot write ."),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(
        std::fs::read(&plan).expect("read"),
        before,
        "the roadmap is untouched"
    );
    assert_eq!(names(dir.path()), ["plan.toml"], "nothing else written");
}

#[test]
fn an_invalid_roadmap_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("bad.toml"),
        "id = \"x\"\ntitle = \"X\"\norganisation = \"O\"\nlanguage = \"fr\"\npublished = \"2023-Q5\"\nperiod = { start = \"2023\", end = \"2024\" }\n",
    )
    .expect("write");
    let out = roadmap(
        dir.path(),
        &["export", "bad.toml", "--html", "-o", "page.html"],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout) + &text(&out.stderr);
    assert!(report.contains("bad.toml:5:13"), "{report}");
    assert_eq!(names(dir.path()), ["bad.toml"]);
}
