//! What `roadmap` prints never commands the terminal: a title, a file name
//! or a value typed on the command line that holds an escape sequence, a
//! C1 control or a bidi override reaches the terminal as a visible escape
//! (`\u{1b}`), in `list`, `check`, the error messages and `serve`'s log.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod lines;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use lines::{lines_of, wait_for};
use roadmap_core::controls::is_forbidden;

/// Sets the terminal's window title.
const OSC_TITLE: &str = "\u{1b}]0;pwned\u{7}";

const DINUM: &str = include_str!("../../data/dinum-2023.toml");

fn roadmap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roadmap"));
    command.env("NO_COLOR", "1").env("LANG", "en_GB.UTF-8");
    command
}

fn run(args: &[&str]) -> Output {
    roadmap().args(args).output().unwrap()
}

/// The characters of `bytes` a terminal would obey: control characters
/// other than the line feed, and bidi controls.
fn commands(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\n' && (c.is_control() || is_forbidden(c)))
        .collect()
}

fn assert_safe(out: &Output) {
    assert_eq!(
        commands(&out.stdout),
        Vec::<char>::new(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        commands(&out.stderr),
        Vec::<char>::new(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A directory with `name` holding `text`.
fn scratch(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// The bundled DINUM roadmap as JSON, as an older `roadmap export` could
/// have written it with `hostile` at the start of every title.
fn old_export(hostile: &str) -> String {
    let (_dir, path) = scratch("dinum.toml", DINUM);
    let out = run(&["export", "--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let json = String::from_utf8(out.stdout).unwrap();
    let escaped = serde_json::to_string(hostile).unwrap();
    let escaped = &escaped[1..escaped.len() - 1];
    json.replace("\"title\": \"", &format!("\"title\": \"{escaped}"))
}

#[test]
fn list_and_check_of_an_old_export_with_escapes_print_none() {
    for hostile in [OSC_TITLE, "\u{1b}[31m", "\u{9b}2J", "\u{202e}", "\r\u{8}"] {
        let (_dir, path) = scratch("old.json", &old_export(hostile));
        let path = path.display().to_string();
        for command in ["list", "check"] {
            let out = run(&[command, &path]);
            assert_eq!(out.status.code(), Some(1), "{hostile:?}");
            assert_safe(&out);
            let report = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(report.contains("holds"), "{report}");
        }
    }
}

#[test]
fn check_speaks_json_with_the_controls_escaped() {
    let (_dir, path) = scratch("old.json", &old_export("\u{9b}2J\u{202e}"));
    let out = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_safe(&out);
    // The same JSON to a reader: the excerpt as it is in the file.
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let line = reports[0]["diagnostics"][0]["location"]["excerpt"]
        .as_str()
        .unwrap();
    assert!(line.contains("\u{9b}2J\u{202e}"), "{line:?}");
}

#[test]
fn a_file_name_with_escapes_is_printed_as_escapes() {
    let name = format!("plan{OSC_TITLE}\u{9b}31m\u{202e}.toml");
    // Valid, invalid, and missing.
    let (dir, valid) = scratch(&name, DINUM);
    let (_other, invalid) = scratch(&name, "title = \n");
    let missing = dir.path().join(format!("gone{OSC_TITLE}.toml"));
    for (args, code) in [
        (vec!["check", valid.to_str().unwrap()], 0),
        (vec!["list", valid.to_str().unwrap()], 0),
        (vec!["check", invalid.to_str().unwrap()], 1),
        (vec!["list", invalid.to_str().unwrap()], 1),
        (vec!["check", missing.to_str().unwrap()], 1),
        (vec!["list", missing.to_str().unwrap()], 1),
        (vec!["export", "--json", invalid.to_str().unwrap()], 1),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert_safe(&out);
    }
    let out = run(&["check", invalid.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("plan\\u{1b}]0;pwned\\u{7}\\u{9b}31m\\u{202e}.toml:1:"),
        "{report}"
    );
}

#[test]
fn a_value_typed_with_escapes_is_quoted_as_escapes() {
    // clap takes out ANSI sequences; a C1 control and a bidi override stay.
    let out = run(&["--today", &format!("x{OSC_TITLE}\u{9b}2J\u{202e}y"), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert_safe(&out);
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("\\u{9b}2J\\u{202e}y"), "{message}");
}

/// The server, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn save(path: &Path, text: &str) {
    let temp = path.with_file_name("next.toml");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn the_serve_log_prints_no_escape() {
    let (dir, path) = scratch(&format!("plan{OSC_TITLE}\u{202e}.toml"), DINUM);
    let mut child = roadmap()
        .args(["serve", path.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .args([
            "--widget",
            &dir.path().join("no-widget").display().to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = lines_of(child.stdout.take().unwrap());
    let stderr = lines_of(child.stderr.take().unwrap());
    let server = Server(child);
    let listening = wait_for(&stdout, |line| line.contains("http://")).unwrap();
    assert!(
        listening.contains("plan\\u{1b}]0;pwned\\u{7}\\u{202e}.toml"),
        "{listening:?}"
    );
    // An invalid save: the log names the file and the problem.
    save(
        &path,
        &DINUM.replacen("published = \"", "published = \"\\e[2J", 1),
    );
    let refused = wait_for(&stderr, |line| line.contains("pwned")).unwrap();
    assert!(refused.contains("U+001B (ESCAPE)"), "{refused:?}");
    drop(server);
    for line in std::iter::once(listening)
        .chain(std::iter::once(refused))
        .chain(stdout.try_iter())
        .chain(stderr.try_iter())
    {
        assert_eq!(commands(line.as_bytes()), Vec::<char>::new(), "{line:?}");
    }
}
