//! Following a roadmap file on disk: [`watch`] calls back once per burst of
//! changes, and [`reload`] says what the file holds now. Nothing here knows
//! the explorer, so every front end (explorer, presenter, server) follows
//! files the same way.
//!
//! ```no_run
//! use std::path::Path;
//! use roadmap_tui::watch::{self, FileChange, Reload};
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

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use roadmap_core::{LoadError, Loaded};

use crate::loading;

/// How long the file must stay quiet before a burst of events (an editor's
/// truncate, write, rename) counts as one change: short enough that a save
/// shows well within a second.
pub const QUIET: Duration = Duration::from_millis(75);

/// The longest a burst is held back: a file written without pause is still
/// reported this often.
const LONGEST_BURST: Duration = Duration::from_millis(500);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// The file was written, replaced, created or removed: [`reload`] says
    /// which.
    Changed,
    /// The system stopped reporting events (too many watches, the directory
    /// went away…): later changes may be missed. The text says why.
    WatchFailed(String),
}

/// Keeps a watch alive; dropping it stops the watch, then its thread.
#[derive(Debug)]
pub struct FileWatch {
    _watcher: RecommendedWatcher,
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
    let name: OsString = path
        .file_name()
        .with_context(|| format!("{} names no file to watch", path.display()))?
        .to_owned();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(sender).context("cannot start watching files")?;
    watcher
        .watch(dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", dir.display()))?;
    // The thread ends when the watcher, which holds the sender, is dropped.
    std::thread::Builder::new()
        .name(format!("watch {}", path.display()))
        .spawn(move || report_bursts(&events, &name, &on_change))
        .context("cannot start watching files")?;
    Ok(FileWatch { _watcher: watcher })
}

/// Calls `on_change` once per burst of events about the file `name`.
/// Bursts are coalesced here rather than by `notify-debouncer-mini`, which
/// drops what kind each event was: every reload's own open of the file
/// would then count as a change, and report another, forever.
fn report_bursts(
    events: &Receiver<notify::Result<Event>>,
    name: &OsStr,
    on_change: &impl Fn(FileChange),
) {
    loop {
        match events.recv() {
            Ok(Ok(event)) if concerns(&event, name) => {}
            Ok(Ok(_)) => continue,
            Ok(Err(error)) => {
                on_change(FileChange::WatchFailed(error.to_string()));
                continue;
            }
            Err(_) => return,
        }
        let start = Instant::now();
        let mut deadline = start + QUIET;
        loop {
            match events.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(Ok(event)) if concerns(&event, name) => {
                    deadline = (Instant::now() + QUIET).min(start + LONGEST_BURST);
                }
                Ok(Ok(_)) => {}
                Ok(Err(error)) => on_change(FileChange::WatchFailed(error.to_string())),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        on_change(FileChange::Changed);
    }
}

/// Whether an event may have changed the file `name`. Opening or reading
/// it does not: without that rule, every reload would report a change.
fn concerns(event: &Event, name: &OsStr) -> bool {
    let access = matches!(event.kind, EventKind::Access(kind)
        if kind != AccessKind::Close(AccessMode::Write));
    // After an overflow the system no longer says which files changed.
    event.need_rescan() || (!access && event.paths.iter().any(|p| p.file_name() == Some(name)))
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
    std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Reload::Missing,
        _ => Reload::Invalid(loading::unreadable(path, &error)),
    })
}
