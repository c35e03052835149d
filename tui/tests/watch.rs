//! The file watcher on real files in a temporary directory: edits, invalid
//! saves, editors that save by rename or by delete and re-create, and a
//! file that goes away and comes back. Waits poll with a generous timeout,
//! so a slow machine only makes the tests slower.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

#[cfg(unix)]
mod fifo;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use roadmap_tui::files::watch::{self, FileChange, FileWatch, Reload};

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

/// A temporary directory holding `plan.toml` (or another path), watched.
struct Fixture {
    dir: tempfile::TempDir,
    /// The path watched, in `dir`.
    watched: PathBuf,
    changes: Receiver<FileChange>,
    _watch: FileWatch,
}

impl Fixture {
    fn new(text: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plan.toml"), text).unwrap();
        Fixture::watching(dir, "plan.toml")
    }

    /// Watches `path` in `dir`, as it is there.
    fn watching(dir: tempfile::TempDir, path: &str) -> Fixture {
        let watched = dir.path().join(path);
        let (sender, changes) = channel();
        let watch = watch::watch(&watched, move |change| {
            let _ = sender.send(change);
        })
        .unwrap();
        Fixture {
            dir,
            watched,
            changes,
            _watch: watch,
        }
    }

    fn path(&self) -> PathBuf {
        self.watched.clone()
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
        error.diagnostics[0]
            .message
            .ends_with("is a directory, not a roadmap file"),
        "{error:?}"
    );
}

#[test]
fn watching_needs_an_existing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let error = watch::watch(&dir.path().join("no-such-dir/plan.toml"), |_| {}).unwrap_err();
    assert!(format!("{error:#}").contains("cannot watch"), "{error:#}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_to_its_target_and_when_pointed_elsewhere() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    // The link in one directory, its targets in others.
    for sub in ["open", "drafts", "final"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    std::fs::write(dir.path().join("drafts/plan.toml"), roadmap("Draft")).unwrap();
    std::fs::write(dir.path().join("final/plan.toml"), roadmap("Final")).unwrap();
    symlink("../drafts/plan.toml", dir.path().join("open/plan.toml")).unwrap();
    let fixture = Fixture::watching(dir, "open/plan.toml");
    let drafts = fixture.dir.path().join("drafts/plan.toml");

    std::fs::write(&drafts, roadmap("Draft, edited")).unwrap();
    fixture.reload_until(is_titled("Draft, edited"));
    save_by_rename(&drafts, &roadmap("Draft, saved by rename"));
    fixture.reload_until(is_titled("Draft, saved by rename"));

    // Pointed at another file, in another directory: that one is followed.
    let link = fixture.path();
    let new_link = link.with_file_name("plan.toml.new");
    symlink("../final/plan.toml", &new_link).unwrap();
    std::fs::rename(&new_link, &link).unwrap();
    fixture.reload_until(is_titled("Final"));
    let last = fixture.dir.path().join("final/plan.toml");
    std::fs::write(&last, roadmap("Final, edited")).unwrap();
    fixture.reload_until(is_titled("Final, edited"));
}

#[test]
fn a_directory_removed_and_created_again_is_followed_again() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("roadmaps");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("plan.toml"), roadmap("Before")).unwrap();
    let fixture = Fixture::watching(dir, "roadmaps/plan.toml");

    std::fs::remove_dir_all(&sub).unwrap();
    fixture.reload_until(|r| matches!(r, Reload::Missing));
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("plan.toml"), roadmap("Back")).unwrap();
    fixture.reload_until(is_titled("Back"));
    // Watched again, not merely looked at once.
    std::fs::write(sub.join("plan.toml"), roadmap("Edited after")).unwrap();
    fixture.reload_until(is_titled("Edited after"));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_file_is_reported_without_blocking() {
    let fixture = Fixture::new(&roadmap("Before"));
    std::fs::remove_file(fixture.path()).unwrap();
    fifo::make(&fixture.path());
    // Read on a thread of its own, so that a read that blocks fails the
    // test instead of hanging it.
    let path = fixture.path();
    let (sender, reloads) = channel();
    std::thread::spawn(move || {
        let _ = sender.send(format!("{:?}", watch::reload(&path)));
    });
    let reload = reloads
        .recv_timeout(TIMEOUT)
        .expect("reading a FIFO returns");
    assert!(reload.starts_with("Invalid"), "{reload}");
    assert!(reload.contains("is a FIFO, not a roadmap file"), "{reload}");
    // Replaced by a file again, it is followed as before.
    std::fs::remove_file(fixture.path()).unwrap();
    std::fs::write(fixture.path(), roadmap("A file again")).unwrap();
    fixture.reload_until(is_titled("A file again"));
}
