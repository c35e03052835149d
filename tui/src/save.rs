//! Reading a roadmap file again and writing it back: atomically (a
//! temporary file in the same directory, written, synced, given the file's
//! permissions, renamed over it, the directory synced), and only while the
//! file still holds the text last read from or written to it, so a change
//! made by someone else is never overwritten.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::app::{App, Effect};
use crate::loading::SourceFile;

/// The steps of a save, in order; a failure names the one that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading the file to check nobody changed it.
    Check,
    /// Creating the temporary file beside it.
    CreateTemp,
    /// Writing the new content.
    Write,
    /// Flushing the new content to the disk.
    Sync,
    /// Giving the temporary file the original's permissions.
    Permissions,
    /// Renaming the temporary file over the original.
    Rename,
    /// Flushing the directory, so the rename survives a crash.
    SyncDirectory,
}

/// Why a save did not happen (or, for [`Step::SyncDirectory`], may not
/// survive a crash).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is not the text last read or written.
    #[error("changed on disk since it was read")]
    Changed,
    /// A step failed.
    #[error("{step:?}: {source}")]
    Io {
        /// The step that failed.
        step: Step,
        /// What the system said.
        source: io::Error,
    },
}

/// Called before each step (and half-way through the write); a test makes
/// it fail to check that every failure leaves the old file or the new one.
pub type Fault<'a> = &'a mut dyn FnMut(Step) -> io::Result<()>;

/// Writes `text` to `source`'s file if the file still holds `source.text`.
/// `source.text` becomes `text` as soon as the file holds it, so that it
/// always tells what the disk has, even when the last step failed.
pub fn save(source: &mut SourceFile, text: &str) -> Result<(), SaveError> {
    save_with(source, text, &mut |_| Ok(()))
}

/// [`save`], with `fault` called before each step.
pub fn save_with(source: &mut SourceFile, text: &str, fault: Fault) -> Result<(), SaveError> {
    let on_disk = fault(Step::Check)
        .and_then(|()| fs::read(&source.path))
        .map_err(|source| SaveError::Io {
            step: Step::Check,
            source,
        })?;
    if !source.holds(&on_disk) {
        return Err(SaveError::Changed);
    }
    let path = source.path.clone();
    write_atomically_with(&path, text.as_bytes(), fault, || {
        text.clone_into(&mut source.text);
    })
}

/// Replaces (or creates) `path` with `bytes`, atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, bytes, &mut |_| Ok(()), || {})
}

fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    fault: Fault,
    renamed: impl FnOnce(),
) -> Result<(), SaveError> {
    let failed = |step| move |source| SaveError::Io { step, source };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Dropping the temporary file on any error below removes it.
    let mut temp = fault(Step::CreateTemp)
        .and_then(|()| {
            tempfile::Builder::new()
                .prefix(&format!(".{name}."))
                .suffix(".tmp")
                .tempfile_in(dir)
        })
        .map_err(failed(Step::CreateTemp))?;
    let (first, second) = bytes.split_at(bytes.len() / 2);
    temp.write_all(first)
        .and_then(|()| fault(Step::Write))
        .and_then(|()| temp.write_all(second))
        .map_err(failed(Step::Write))?;
    fault(Step::Sync)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(failed(Step::Sync))?;
    fault(Step::Permissions)
        .and_then(|()| match fs::metadata(path) {
            Ok(metadata) => temp.as_file().set_permissions(metadata.permissions()),
            // A new file keeps the temporary file's (owner-only) permissions.
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err),
        })
        .map_err(failed(Step::Permissions))?;
    fault(Step::Rename).map_err(failed(Step::Rename))?;
    temp.persist(path)
        .map_err(|err| failed(Step::Rename)(err.error))?;
    renamed();
    fault(Step::SyncDirectory)
        .and_then(|()| sync_directory(dir))
        .map_err(failed(Step::SyncDirectory))
}

#[cfg(unix)]
fn sync_directory(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_directory(_dir: &Path) -> io::Result<()> {
    // Only Unix syncs a directory through a handle to it.
    Ok(())
}

/// Performs the I/O that `update` asked for, if any, and hands the outcome
/// back to the explorer.
pub fn perform(app: &mut App) {
    perform_with(app, &mut |_| Ok(()));
}

/// [`perform`], with `fault` called before each step of a save.
pub fn perform_with(app: &mut App, fault: Fault) {
    match app.effect.take() {
        Some(Effect::Write(write)) => {
            let source = app.tabs.get_mut(write.tab).and_then(|t| t.source.as_mut());
            if let Some(source) = source {
                let result = save_with(source, &write.text, fault);
                app.written(write, result);
            }
        }
        Some(Effect::Reload { tab }) => {
            let source = app.tabs.get(tab).and_then(|t| t.source.as_ref());
            if let Some(read) = source.map(|s| fs::read(&s.path)) {
                app.reloaded(tab, read);
            }
        }
        None => {}
    }
}
