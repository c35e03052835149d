//! Saving a roadmap file: a failure at any step leaves the old file or the
//! new one, whole, and no temporary file; a change made on disk since the
//! file was read is never overwritten.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod fifo;

use std::io;
use std::path::Path;

use roadmap_tui::files::loading::SourceFile;
use roadmap_tui::files::save::{SaveError, Step, save, save_with};

const OLD: &str = "# kept comment\nid = \"old\"\n";

/// A bigger text than the old one, so a half-written file would show.
fn new_text() -> String {
    format!(
        "# kept comment\nid = \"new\"\n{}",
        "# padding\n".repeat(1000)
    )
}

fn fixture(dir: &Path) -> SourceFile {
    let path = dir.join("plan.toml");
    std::fs::write(&path, OLD).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    SourceFile {
        path,
        text: OLD.to_owned(),
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const STEPS: [Step; 7] = [
    Step::Check,
    Step::CreateTemp,
    Step::Write,
    Step::Sync,
    Step::Permissions,
    Step::Rename,
    Step::SyncDirectory,
];

#[test]
fn a_failure_at_any_step_leaves_the_old_or_the_new_file_whole() {
    let new = new_text();
    for failing in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let mut source = fixture(dir.path());
        let mut steps = Vec::new();
        let result = save_with(&mut source, &new, &mut |step| {
            steps.push(step);
            if step == failing {
                Err(io::Error::other("injected"))
            } else {
                Ok(())
            }
        });
        let err = result.expect_err("the injected failure is reported");
        assert!(
            matches!(err, SaveError::Io { step, .. } if step == failing),
            "{failing:?}: {err:?}"
        );
        assert_eq!(steps.last(), Some(&failing), "steps run: {steps:?}");
        let on_disk = std::fs::read_to_string(&source.path).unwrap();
        // Only a failure after the rename leaves the new file.
        let expected = if failing == Step::SyncDirectory {
            &new
        } else {
            OLD
        };
        assert!(on_disk == expected, "{failing:?}: the file is not whole");
        assert_eq!(source.text, on_disk, "{failing:?}: the tab knows the disk");
        assert_eq!(
            files_in(dir.path()),
            ["plan.toml"],
            "{failing:?}: no temporary file is left"
        );
    }
}

#[test]
fn a_save_replaces_the_content_and_keeps_the_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = fixture(dir.path());
    let mut steps = Vec::new();
    save_with(&mut source, &new_text(), &mut |step| {
        steps.push(step);
        Ok(())
    })
    .unwrap();
    assert_eq!(steps, STEPS, "every step, in order");
    assert_eq!(std::fs::read_to_string(&source.path).unwrap(), new_text());
    assert_eq!(source.text, new_text());
    assert_eq!(files_in(dir.path()), ["plan.toml"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&source.path)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

#[test]
fn a_change_made_on_disk_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = fixture(dir.path());
    let external = "# someone else's edit\nid = \"theirs\"\n";
    std::fs::write(&source.path, external).unwrap();
    let err = save(&mut source, &new_text()).unwrap_err();
    assert!(matches!(err, SaveError::Changed), "{err:?}");
    assert_eq!(err.to_string(), "changed on disk since it was read");
    assert_eq!(std::fs::read_to_string(&source.path).unwrap(), external);
    assert_eq!(source.text, OLD, "the tab still knows what it read");
    assert_eq!(files_in(dir.path()), ["plan.toml"]);
}

#[test]
fn a_deleted_file_is_not_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = fixture(dir.path());
    std::fs::remove_file(&source.path).unwrap();
    let err = save(&mut source, &new_text()).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::Io {
                step: Step::Check,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(files_in(dir.path()).is_empty());
}

#[cfg(unix)]
mod on_unix {
    //! Links, owners and permissions: what a save keeps besides the text.

    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    use super::*;

    #[test]
    fn a_save_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = fixture(dir.path()).path;
        let link = dir.path().join("link.toml");
        symlink("plan.toml", &link).unwrap();
        let mut source = SourceFile {
            path: link.clone(),
            text: OLD.to_owned(),
        };
        save(&mut source, &new_text()).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("plan.toml"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), new_text());
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the target keeps its permissions");
        assert_eq!(files_in(dir.path()), ["link.toml", "plan.toml"]);
    }

    #[test]
    fn a_save_keeps_the_owner_and_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = fixture(dir.path());
        let ours = std::fs::metadata(&source.path).unwrap();
        // Root (who alone can) gives the file to `nobody`; anyone else
        // checks that the file stays theirs.
        let owner = if ours.uid() == 0 {
            std::os::unix::fs::chown(&source.path, Some(65534), Some(65534)).unwrap();
            (65534, 65534)
        } else {
            (ours.uid(), ours.gid())
        };
        save(&mut source, &new_text()).unwrap();
        let after = std::fs::metadata(&source.path).unwrap();
        assert_eq!((after.uid(), after.gid()), owner);
        assert_eq!(after.permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_read_only_file_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = fixture(dir.path());
        std::fs::set_permissions(&source.path, std::fs::Permissions::from_mode(0o444)).unwrap();
        // Root could write it all the same: the permissions decide.
        let err = save(&mut source, &new_text()).unwrap_err();
        assert!(matches!(err, SaveError::ReadOnly), "{err:?}");
        assert_eq!(std::fs::read_to_string(&source.path).unwrap(), OLD);
        assert_eq!(source.text, OLD);
        assert_eq!(files_in(dir.path()), ["plan.toml"]);
    }

    #[test]
    fn a_save_gives_a_hard_linked_name_a_new_file_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = fixture(dir.path());
        let other = dir.path().join("other-name.toml");
        std::fs::hard_link(&source.path, &other).unwrap();
        let saved = save(&mut source, &new_text()).unwrap();
        assert_eq!(saved.other_links, 1);
        assert_eq!(std::fs::read_to_string(&source.path).unwrap(), new_text());
        // The atomic rename replaces the name saved; the other keeps the
        // old text, whole.
        assert_eq!(std::fs::read_to_string(&other).unwrap(), OLD);
    }

    #[test]
    fn a_fifo_in_place_of_the_file_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = fixture(dir.path());
        std::fs::remove_file(&source.path).unwrap();
        fifo::make(&source.path);
        // Saved on a thread of its own, so that a read that blocks fails
        // the test instead of hanging it.
        let (sender, saved) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(save(&mut source, &new_text()));
        });
        let err = saved
            .recv_timeout(std::time::Duration::from_mins(1))
            .expect("the save returns")
            .unwrap_err();
        assert!(
            matches!(
                err,
                SaveError::Io {
                    step: Step::Check,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("is a FIFO"), "{err}");
    }
}
