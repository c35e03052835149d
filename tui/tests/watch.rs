//! The file watcher on real files in a temporary directory: edits, invalid
//! saves, editors that save by rename or by delete and re-create, and a
//! file that goes away and comes back. Waits poll with a generous timeout,
//! so a slow machine only makes the tests slower.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use roadmap_tui::watch::{self, FileChange, FileWatch, Reload};

/// How long a change may take to be reported on a slow machine.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long to listen for a change that must not come: many times the
/// watcher's quiet period.
const SILENCE: Duration = Duration::from_secs(1);

/// A valid roadmap whose first axis is called `title`.
fn roadmap(title: &str) -> String {
    format!(
        r#"id = "t"
title = "T"
organisation = "O"
language = "fr"
published = "2023-03-09"
period = {{ start = "2023", end = "2024" }}

[[sources]]
id = "s"
title = "Source"

[[axes]]
id = "a"
title = "{title}"
sources = ["s"]
"#
    )
}

/// A temporary directory holding `plan.toml`, watched.
struct Fixture {
    dir: tempfile::TempDir,
    changes: Receiver<FileChange>,
    _watch: FileWatch,
}

impl Fixture {
    fn new(text: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        std::fs::write(&path, text).unwrap();
        let (sender, changes) = channel();
        let watch = watch::watch(&path, move |change| {
            let _ = sender.send(change);
        })
        .unwrap();
        Fixture {
            dir,
            changes,
            _watch: watch,
        }
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("plan.toml")
    }

    /// Waits for the next change report.
    fn next_change(&self) -> FileChange {
        self.changes
            .recv_timeout(TIMEOUT)
            .expect("a change is reported")
    }

    /// Takes change reports until the file reloads as `wanted` says; panics
    /// after the timeout with the last reload seen.
    fn reload_until(&self, wanted: impl Fn(&Reload) -> bool) -> Reload {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.changes.recv_timeout(left) {
                Ok(change) => assert_eq!(change, FileChange::Changed),
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "timed out; the file reloads as {:?}",
                        watch::reload(&self.path())
                    )
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the watch stopped"),
            }
            let reload = watch::reload(&self.path());
            if wanted(&reload) {
                return reload;
            }
        }
    }

    /// Asserts that no change is reported for a while.
    fn assert_quiet(&self) {
        match self.changes.recv_timeout(SILENCE) {
            Err(RecvTimeoutError::Timeout) => {}
            other => panic!("expected no change, got {other:?}"),
        }
    }
}

fn first_axis_title(reload: &Reload) -> Option<&str> {
    match reload {
        Reload::Loaded(loaded) => Some(loaded.roadmap.axes()[0].title.as_str()),
        _ => None,
    }
}

fn is_titled(title: &str) -> impl Fn(&Reload) -> bool + '_ {
    move |reload| first_axis_title(reload) == Some(title)
}

/// Writes through a temporary file renamed over the target, as vim and
/// many editors save.
fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_file_name(".plan.toml.swp");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn an_edit_is_one_change_and_reloads_the_new_content() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::write(fixture.path(), roadmap("After")).unwrap();
    assert_eq!(fixture.next_change(), FileChange::Changed);
    let reload = watch::reload(&fixture.path());
    assert_eq!(first_axis_title(&reload), Some("After"), "{reload:?}");
    fixture.assert_quiet();
}

#[test]
fn an_invalid_save_reports_its_place_and_a_fix_reloads() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::write(
        fixture.path(),
        roadmap("Broken").replace("[[axes]]", "[[axes]"),
    )
    .unwrap();
    let reload = fixture.reload_until(|r| matches!(r, Reload::Invalid(_)));
    let Reload::Invalid(error) = reload else {
        unreachable!()
    };
    let location = error.diagnostics[0].location.as_ref().unwrap();
    assert_eq!((location.line, location.column), (12, 8), "{error:?}");
    assert!(error.file.ends_with("plan.toml"), "{}", error.file);

    std::fs::write(fixture.path(), roadmap("Fixed")).unwrap();
    fixture.reload_until(is_titled("Fixed"));
}

#[test]
fn saves_by_rename_are_followed_again_and_again() {
    let fixture = Fixture::new(&roadmap("Before"));
    save_by_rename(&fixture.path(), &roadmap("First save"));
    fixture.reload_until(is_titled("First save"));
    // The file the directory held was replaced: a second save must still
    // be seen.
    save_by_rename(&fixture.path(), &roadmap("Second save"));
    fixture.reload_until(is_titled("Second save"));
}

#[test]
fn a_delete_then_re_create_is_followed() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::remove_file(fixture.path()).unwrap();
    std::fs::write(fixture.path(), roadmap("Re-created")).unwrap();
    fixture.reload_until(is_titled("Re-created"));
    std::fs::write(fixture.path(), roadmap("Edited after")).unwrap();
    fixture.reload_until(is_titled("Edited after"));
}

#[test]
fn a_removed_file_is_missing_until_it_comes_back() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::remove_file(fixture.path()).unwrap();
    fixture.reload_until(|r| matches!(r, Reload::Missing));
    assert!(fixture.dir.path().is_dir());
    std::fs::write(fixture.path(), roadmap("Back")).unwrap();
    fixture.reload_until(is_titled("Back"));
}

#[test]
fn other_files_in_the_directory_are_ignored() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::write(fixture.dir.path().join("notes.txt"), "not the roadmap").unwrap();
    std::fs::write(fixture.dir.path().join("plan.toml.bak"), "nor this").unwrap();
    fixture.assert_quiet();
}

#[test]
fn reload_tells_an_unreadable_path_from_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        watch::reload(&dir.path().join("absent.toml")),
        Reload::Missing
    ));
    // A directory where the file should be cannot be read as one.
    let reload = watch::reload(dir.path());
    let Reload::Invalid(error) = reload else {
        panic!("expected an error, got {reload:?}")
    };
    assert!(
        error.diagnostics[0].message.starts_with("cannot read"),
        "{error:?}"
    );
}

#[test]
fn watching_needs_an_existing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let error = watch::watch(&dir.path().join("no-such-dir/plan.toml"), |_| {}).unwrap_err();
    assert!(format!("{error:#}").contains("cannot watch"), "{error:#}");
}
