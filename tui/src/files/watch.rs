//! Following a roadmap file on disk: [`watch`] calls back once per burst of
//! changes, and [`reload`] says what the file holds now. Nothing here knows
//! the explorer, so every front end (explorer, presenter, server) follows
//! files the same way.
//!
//! ```no_run
//! use std::path::Path;
//! use roadmap_tui::files::watch::{self, FileChange, Reload};
//!
//! let path = Path::new("plan.toml");
//! let (sender, changes) = std::sync::mpsc::channel();
//! // Keep the guard: dropping it stops the watch.
//! let _watch = watch::watch(path, move |change| {
//!     let _ = sender.send(change);
//! })?;
//! for change in changes {
//!     match (change, watch::reload(path)) {
//!         (FileChange::Changed, Reload::Loaded(loaded)) => { /* show loaded.roadmap */ }
//!         (FileChange::Changed, Reload::Invalid(error)) => { /* keep the last roadmap, show error */ }
//!         (FileChange::Changed, Reload::Missing) => { /* keep the last roadmap, say it is gone */ }
//!         (FileChange::WatchFailed(why), _) => eprintln!("{why}"),
//!     }
//! }
//! # anyhow::Ok(())
//! ```
//!
//! The API:
//! - [`watch`]`(path, on_change) -> FileWatch`: `on_change` runs on the
//!   watch's own thread, with [`FileChange::Changed`] once per burst (an
//!   editor's truncate, write and rename come as one) or
//!   [`FileChange::WatchFailed`]; the [`FileWatch`] guard keeps it alive.
//! - [`reload`]`(path) -> Reload`: [`Reload::Loaded`], [`Reload::Invalid`]
//!   (every diagnostic, with `file:line:column`) or [`Reload::Missing`].
//! - [`read`]`(path)`: the bytes alone, for a caller that compares them
//!   with what it last read before loading them.
//!
//! The watch is on the file's parent directory, not on the file, and keeps
//! only events about the file's name: editors that save by writing a
//! temporary file and renaming it over the old one, or by deleting and
//! re-creating it, replace the file the system was watching, and a watch
//! on the file itself would go silent after the first save. Reading the
//! file is no change, so a reload never reports itself.
//!
//! A symbolic link is followed to its target: the directories of the link
//! and of every file it leads to are watched, and the chain is resolved
//! again after each change, so an edit of the target shows, and so does a
//! link pointed elsewhere. A directory that goes away (removed, renamed)
//! is looked for every [`REARM_POLL`] until it is back, then watched again
//! and the file reported changed.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use roadmap_core::{LoadError, Loaded};

use super::{loading, symlinks};

/// How long the file must stay quiet before a burst of events (an editor's
/// truncate, write, rename) counts as one change: short enough that a save
/// shows well within a second.
pub const QUIET: Duration = Duration::from_millis(75);

/// The longest a burst is held back: a file written without pause is still
/// reported this often.
const LONGEST_BURST: Duration = Duration::from_millis(500);

/// How often a watched directory that went away is looked for: a few
/// `stat`s a second, only while it is missing.
pub const REARM_POLL: Duration = Duration::from_millis(250);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// The file was written, replaced, created or removed: [`reload`] says
    /// which.
    Changed,
    /// The system stopped reporting events (too many watches, a directory
    /// that cannot be watched again…): later changes may be missed. The
    /// text says why.
    WatchFailed(String),
}

/// Keeps a watch alive; dropping it stops the watch and its thread.
#[derive(Debug)]
pub struct FileWatch {
    inputs: Sender<Input>,
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        // The thread may have ended already; then there is nothing to stop.
        let _ = self.inputs.send(Input::Stop);
    }
}

/// What the watch's thread receives.
#[derive(Debug)]
enum Input {
    Event(notify::Result<Event>),
    Stop,
}

/// What a file holds now.
#[derive(Debug)]
pub enum Reload {
    /// A valid roadmap, with its warnings (boxed: it is large, the other
    /// variants small).
    Loaded(Box<Loaded>),
    /// The file is there but is not a valid roadmap (or cannot be read):
    /// every diagnostic, in file order.
    Invalid(LoadError),
    /// No file at that path (removed, or between an editor's delete and
    /// re-create).
    Missing,
}

impl From<Result<Loaded, LoadError>> for Reload {
    fn from(result: Result<Loaded, LoadError>) -> Self {
        match result {
            Ok(loaded) => Reload::Loaded(Box::new(loaded)),
            Err(error) => Reload::Invalid(error),
        }
    }
}

/// Watches `path` and calls `on_change` (on a thread of its own) once per
/// burst of changes to it, until the returned guard is dropped. The file
/// need not exist yet; its directory must.
pub fn watch(
    path: &Path,
    on_change: impl Fn(FileChange) + Send + 'static,
) -> anyhow::Result<FileWatch> {
    path.file_name()
        .with_context(|| format!("{} names no file to watch", path.display()))?;
    let dir = directory_of(path);
    if !dir.is_dir() {
        anyhow::bail!("cannot watch {}: no such directory", dir.display());
    }
    let (inputs, received) = channel();
    let events = inputs.clone();
    let watcher = notify::recommended_watcher(move |event| {
        let _ = events.send(Input::Event(event));
    })
    .context("cannot start watching files")?;
    let mut follower = Follower {
        path: path.to_owned(),
        watcher,
        watched: Vec::new(),
        files: Vec::new(),
        incomplete: false,
        failing: false,
    };
    follower
        .arm()
        .with_context(|| format!("cannot watch {}", dir.display()))?;
    std::thread::Builder::new()
        .name(format!("watch {}", path.display()))
        .spawn(move || follower.report_bursts(&received, &on_change))
        .context("cannot start watching files")?;
    Ok(FileWatch { inputs })
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Which directory a path is, to tell one re-created or moved in its
/// place; `None` when there is none.
#[cfg(unix)]
fn identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(dir: &Path) -> Option<(u64, u64)> {
    dir.is_dir().then_some((0, 0))
}

/// The watches that follow one path, on the watch's thread.
struct Follower {
    path: PathBuf,
    watcher: RecommendedWatcher,
    /// The directories watched, each with its identity when watched.
    watched: Vec<(PathBuf, (u64, u64))>,
    /// The path and the files its links lead to, as (directory, name):
    /// events about them are changes.
    files: Vec<(PathBuf, OsString)>,
    /// A directory to watch is missing (or could not be watched): it is
    /// looked for every [`REARM_POLL`].
    incomplete: bool,
    /// A failure to watch was reported, and is not repeated until a watch
    /// succeeds again.
    failing: bool,
}

impl Follower {
    /// Brings the watches in line with what the path names now: the
    /// directory of every file on its chain of links, each as it is now.
    /// Says whether a directory was watched anew (the file may have
    /// changed while it was not watched).
    fn arm(&mut self) -> notify::Result<bool> {
        let chain = symlinks::chain(&self.path).unwrap_or_else(|_| vec![self.path.clone()]);
        self.files = chain
            .iter()
            .filter_map(|file| Some((directory_of(file).to_owned(), file.file_name()?.to_owned())))
            .collect();
        let mut wanted: Vec<&PathBuf> = self.files.iter().map(|(dir, _)| dir).collect();
        wanted.dedup();
        let Follower {
            watcher, watched, ..
        } = self;
        // A directory removed, renamed or replaced is watched no more.
        watched.retain(|(dir, id)| {
            let keep = wanted.contains(&dir) && identity(dir) == Some(*id);
            if !keep {
                let _ = watcher.unwatch(dir);
            }
            keep
        });
        let (mut added, mut failure) = (false, None);
        self.incomplete = false;
        for dir in wanted {
            if self.watched.iter().any(|(watched, _)| watched == dir) {
                continue;
            }
            let Some(id) = identity(dir) else {
                self.incomplete = true;
                continue;
            };
            match self.watcher.watch(dir, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    self.watched.push((dir.clone(), id));
                    added = true;
                }
                Err(error) => {
                    self.incomplete = true;
                    failure = Some(error);
                }
            }
        }
        failure.map_or(Ok(added), Err)
    }

    /// [`Follower::arm`] from the thread: a failure is reported once, not
    /// at every look.
    fn rearm(&mut self, on_change: &impl Fn(FileChange)) -> bool {
        match self.arm() {
            Ok(added) => {
                self.failing = false;
                added
            }
            Err(error) => {
                if !self.failing {
                    on_change(FileChange::WatchFailed(error.to_string()));
                }
                self.failing = true;
                false
            }
        }
    }

    /// Calls `on_change` once per burst of events about the file, and
    /// whenever a directory that was missing is watched again.
    /// Bursts are coalesced here rather than by `notify-debouncer-mini`,
    /// which drops what kind each event was: every reload's own open of
    /// the file would then count as a change, and report another, forever.
    fn report_bursts(mut self, inputs: &Receiver<Input>, on_change: &impl Fn(FileChange)) {
        loop {
            let input = if self.incomplete {
                inputs.recv_timeout(REARM_POLL)
            } else {
                inputs.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match input {
                Ok(Input::Event(Ok(event))) if self.concerns(&event) => {}
                Ok(Input::Event(Ok(_))) => continue,
                Ok(Input::Event(Err(error))) => {
                    on_change(FileChange::WatchFailed(error.to_string()));
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => {
                    if self.rearm(on_change) {
                        on_change(FileChange::Changed);
                    }
                    continue;
                }
                Ok(Input::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            }
            let start = Instant::now();
            let mut deadline = start + QUIET;
            loop {
                match inputs.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok(Input::Event(Ok(event))) if self.concerns(&event) => {
                        deadline = (Instant::now() + QUIET).min(start + LONGEST_BURST);
                    }
                    Ok(Input::Event(Ok(_))) => {}
                    Ok(Input::Event(Err(error))) => {
                        on_change(FileChange::WatchFailed(error.to_string()));
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Ok(Input::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // A link may point elsewhere now, a directory be gone.
            self.rearm(on_change);
            on_change(FileChange::Changed);
        }
    }

    /// Whether an event may have changed the file: one about a file on
    /// the path's chain, or about a watched directory itself (removed or
    /// renamed: it is forgotten, to be watched again once back). Opening or
    /// reading the file does not count: without that rule, every reload
    /// would report a change.
    fn concerns(&mut self, event: &Event) -> bool {
        let access = matches!(event.kind, EventKind::Access(kind)
            if kind != AccessKind::Close(AccessMode::Write));
        if access {
            return false;
        }
        let gone = matches!(
            event.kind,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        );
        let mut concerns = event.need_rescan();
        for path in &event.paths {
            if let Some(at) = self.watched.iter().position(|(dir, _)| dir == path) {
                concerns = true;
                if gone {
                    // Its inode may come back with the directory; the
                    // system's watch on it is over all the same.
                    let (dir, _) = self.watched.swap_remove(at);
                    let _ = self.watcher.unwatch(&dir);
                }
            }
            concerns |= self.files.iter().any(|(dir, name)| {
                path.parent() == Some(dir.as_path()) && path.file_name() == Some(name.as_os_str())
            });
        }
        concerns
    }
}

/// Reads and loads `path` now.
pub fn reload(path: &Path) -> Reload {
    match read(path) {
        Ok(bytes) => loading::load_bytes(path, &bytes).into(),
        Err(reload) => reload,
    }
}

/// Reads the file's bytes now, for callers that compare them with what
/// they last read before loading them; `Err` is what to show instead.
pub fn read(path: &Path) -> Result<Vec<u8>, Reload> {
    loading::read_file(path).map_err(|error| {
        if error.is_missing() {
            Reload::Missing
        } else {
            Reload::Invalid(error.to_load_error())
        }
    })
}
