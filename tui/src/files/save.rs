//! Reading a roadmap file again and writing it back: atomically (a
//! temporary file in the same directory, written, synced, given the file's
//! owner and permissions, renamed over it, the directory synced), and only
//! while the file still holds the text last read from or written to it, so
//! a change made by someone else is never overwritten. A symbolic link is
//! written through: its target is replaced and the link stays. Also where
//! `roadmap export -o` writes, which goes straight through to what is no
//! regular file (a device, a FIFO, standard output).

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::files::loading::{self, SourceFile};
use crate::files::symlinks;

/// The steps of a save, in order; a failure names the one that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading the file to check nobody changed it, and that it may be
    /// written.
    Check,
    /// Finding the file (through links) and creating the temporary file
    /// beside it.
    CreateTemp,
    /// Writing the new content.
    Write,
    /// Flushing the new content to the disk.
    Sync,
    /// Giving the temporary file the original's owner and permissions.
    Permissions,
    /// Renaming the temporary file over the original.
    Rename,
    /// Flushing the directory, so the rename survives a crash.
    SyncDirectory,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Check => "reading it again",
            Step::CreateTemp => "creating a temporary file beside it",
            Step::Write => "writing",
            Step::Sync => "flushing it to the disk",
            Step::Permissions => "giving it the original's owner and permissions",
            Step::Rename => "renaming it over the original",
            Step::SyncDirectory => "flushing its directory to the disk",
        })
    }
}

/// Why a save did not happen (or, for [`Step::SyncDirectory`], may not
/// survive a crash).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is not the text last read or written.
    #[error("changed on disk since it was read")]
    Changed,
    /// The file's permissions say it is not to be written (no write
    /// permission for anyone, or none for this user). Root could write it
    /// all the same; it does not.
    #[error("read-only on disk")]
    ReadOnly,
    /// The path names a directory (or, for a save, no regular file).
    #[error("it is {kind}, not a file")]
    NotAFile {
        /// What it is, with its article ("a directory").
        kind: &'static str,
    },
    /// A step failed.
    #[error("{step}: {source}")]
    Io {
        /// The step that failed.
        step: Step,
        /// What the system said.
        source: io::Error,
    },
}

/// What a save did besides writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Saved {
    /// How many other names (hard links) the file had. The new text is a
    /// new file under the name saved; the other names keep the old text.
    pub other_links: u64,
}

/// Called before each step (and half-way through the write); a test makes
/// it fail to check that every failure leaves the old file or the new one.
pub type Fault<'a> = &'a mut dyn FnMut(Step) -> io::Result<()>;

/// Writes `text` to `source`'s file if the file still holds `source.text`
/// and may be written. `source.text` becomes `text` as soon as the file
/// holds it, so that it always tells what the disk has, even when the last
/// step failed.
pub fn save(source: &mut SourceFile, text: &str) -> Result<Saved, SaveError> {
    save_with(source, text, &mut |_| Ok(()))
}

/// [`save`], with `fault` called before each step.
pub fn save_with(source: &mut SourceFile, text: &str, fault: Fault) -> Result<Saved, SaveError> {
    let check = |source: io::Error| SaveError::Io {
        step: Step::Check,
        source,
    };
    fault(Step::Check).map_err(check)?;
    let on_disk = loading::read_file(&source.path).map_err(|error| check(error.into()))?;
    if !source.holds(&on_disk) {
        return Err(SaveError::Changed);
    }
    if read_only(&source.path).map_err(check)? {
        return Err(SaveError::ReadOnly);
    }
    let path = source.path.clone();
    write_atomically_with(&path, text.as_bytes(), fault, || {
        text.clone_into(&mut source.text);
    })
}

/// Whether the file at `path` (through links) is not to be written: no
/// write permission bit at all, or (for a user other than root) none that
/// this user has.
fn read_only(path: &Path) -> io::Result<bool> {
    if fs::metadata(path)?.permissions().readonly() {
        return Ok(true);
    }
    #[cfg(unix)]
    {
        use rustix::fs::{Access, access};
        match access(path, Access::WRITE_OK) {
            Ok(()) => Ok(false),
            Err(rustix::io::Errno::ACCESS | rustix::io::Errno::ROFS) => Ok(true),
            Err(errno) => Err(errno.into()),
        }
    }
    #[cfg(not(unix))]
    Ok(false)
}

/// Replaces (or creates) the file `path` names, atomically: through a
/// symbolic link, its target. A new file gets the usual permissions
/// (read-write for all, less the umask), an existing one keeps its owner,
/// group and permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<Saved, SaveError> {
    write_atomically_with(path, bytes, &mut |_| Ok(()), || {})
}

/// Writes an export to `path`: straight through to a device, a FIFO or
/// an open file (`/dev/stdout`), atomically to a regular file or a new
/// one (through links, as [`write_atomically`]); a directory is refused.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let through = |path| {
        // Appending, so that a file opened through `/dev/stdout` by the
        // shell (`>>`) keeps what it holds; a device or a FIFO ignores it.
        OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut file| file.write_all(bytes))
            .map_err(|source| SaveError::Io {
                step: Step::Write,
                source,
            })
    };
    match fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Err(SaveError::NotAFile {
            kind: loading::kind_of(&metadata),
        }),
        Ok(metadata) if !metadata.is_file() => through(path),
        _ if symlinks::through_open_file(path) => through(path),
        _ => write_atomically(path, bytes).map(drop),
    }
}

/// Whether `a` and `b` are one file: the same path, two links to it, or
/// two hard links. False when either is missing. Only the metadata is
/// read: opening a FIFO would block.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.is_file() && b.is_file() && a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    fault: Fault,
    renamed: impl FnOnce(),
) -> Result<Saved, SaveError> {
    let failed = |step| move |source| SaveError::Io { step, source };
    // Dropping the temporary file on any error below removes it.
    let (target, original, mut temp) = fault(Step::CreateTemp)
        .and_then(|()| {
            // The file the path names, through links: replacing the link
            // itself would turn it into a copy and leave its target behind.
            let target = symlinks::target(path)?;
            let original = match fs::metadata(&target) {
                Ok(metadata) => Some(metadata),
                Err(err) if err.kind() == io::ErrorKind::NotFound => None,
                Err(err) => return Err(err),
            };
            let temp = create_temp_beside(&target, original.is_none())?;
            Ok((target, original, temp))
        })
        .map_err(failed(Step::CreateTemp))?;
    if let Some(original) = original.as_ref().filter(|m| !m.is_file()) {
        return Err(SaveError::NotAFile {
            kind: loading::kind_of(original),
        });
    }
    let (first, second) = bytes.split_at(bytes.len() / 2);
    temp.write_all(first)
        .and_then(|()| fault(Step::Write))
        .and_then(|()| temp.write_all(second))
        .map_err(failed(Step::Write))?;
    fault(Step::Sync)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(failed(Step::Sync))?;
    fault(Step::Permissions)
        .and_then(|()| match &original {
            Some(original) => keep_owner_and_permissions(temp.as_file(), original),
            None => Ok(()),
        })
        .map_err(failed(Step::Permissions))?;
    fault(Step::Rename).map_err(failed(Step::Rename))?;
    temp.persist(&target)
        .map_err(|err| failed(Step::Rename)(err.error))?;
    renamed();
    fault(Step::SyncDirectory)
        .and_then(|()| sync_directory(directory_of(&target)))
        .map_err(failed(Step::SyncDirectory))?;
    Ok(Saved {
        other_links: original.as_ref().map_or(0, other_links),
    })
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A temporary file in `target`'s directory, so that renaming it over the
/// target is atomic. Its permissions are owner-only until it takes the
/// original's; one that makes a `new` file gets the usual ones instead
/// (read-write for all, less the umask), as a shell's `>` would give.
fn create_temp_beside(target: &Path, new: bool) -> io::Result<tempfile::NamedTempFile> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new;
    builder.tempfile_in(directory_of(target))
}

#[cfg(unix)]
fn keep_owner_and_permissions(file: &File, original: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    // Only root may give a file away; anyone may keep a group they are in.
    // Failing both, the file is the saver's: saved all the same. The owner
    // goes first, as changing it clears the set-user-id bit.
    if fchown(file, Some(original.uid()), Some(original.gid())).is_err() {
        let _ = fchown(file, None, Some(original.gid()));
    }
    file.set_permissions(original.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_permissions(file: &File, original: &Metadata) -> io::Result<()> {
    file.set_permissions(original.permissions())
}

fn other_links(metadata: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        metadata.nlink().saturating_sub(1)
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        0
    }
}

#[cfg(unix)]
fn sync_directory(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_directory(_dir: &Path) -> io::Result<()> {
    // Only Unix syncs a directory through a handle to it.
    Ok(())
}
