//! The local channel from a presenter to its notes windows: a Unix domain
//! socket (`std::os::unix::net`, no extra crate: one machine, one user,
//! lines of JSON) in a directory only its user may enter, named after the
//! canonical path of the file presented, so that presenters of different
//! files never cross.
//!
//! The presenter listens and writes a [`NotesFrame`] to every window at
//! each of its ticks; a window connects, reads, and when the presenter goes
//! away says so and connects again as soon as a new one listens.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::Context;
use sha2::{Digest, Sha256};

use super::frame::NotesFrame;

/// How often a notes window tries again to reach its presenter.
pub const RETRY: Duration = Duration::from_millis(200);

/// The socket of the presentation of `key` (the canonical path of the
/// file, or a bundled roadmap's name), in `$XDG_RUNTIME_DIR/roadmap` (a
/// directory the system gives each user) or else in
/// `<temp>/roadmap-<uid>`, made with mode 0700 and refused when another
/// user could enter it.
pub fn socket_path(key: &str) -> anyhow::Result<PathBuf> {
    let uid = rustix::process::getuid().as_raw();
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").filter(|dir| !dir.is_empty()) {
        Some(runtime) => PathBuf::from(runtime).join("roadmap"),
        None => std::env::temp_dir().join(format!("roadmap-{uid}")),
    };
    private_dir(&dir, uid)?;
    // A digest keeps the name short (a socket path has at most ~100 bytes)
    // whatever the file's path.
    let digest = Sha256::digest(key.as_bytes());
    let name = digest[..8].iter().fold(String::new(), |mut name, b| {
        let _ = write!(name, "{b:02x}");
        name
    });
    Ok(dir.join(format!("present-{name}.sock")))
}

/// Makes `dir` (mode 0700) unless it is there, and checks that it is a
/// directory of `uid` that nobody else may enter.
fn private_dir(dir: &Path, uid: u32) -> anyhow::Result<()> {
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(err) if err.kind() == ErrorKind::AlreadyExists => {}
        Err(err) => {
            return Err(err).with_context(|| format!("cannot make {}", dir.display()));
        }
    }
    let meta =
        std::fs::symlink_metadata(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if !meta.is_dir() || meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
        anyhow::bail!(
            "{} is not a private directory of yours (mode 0700): remove it, or set XDG_RUNTIME_DIR",
            dir.display()
        );
    }
    Ok(())
}

/// The presenter's end: listens on the socket and writes each frame to
/// every notes window connected.
#[derive(Debug)]
pub struct Broadcaster {
    listener: UnixListener,
    path: PathBuf,
    windows: Vec<UnixStream>,
}

impl Broadcaster {
    /// Listens at `path`. A socket left there by a presenter that did not
    /// close is replaced; one that a presenter still listens on is not:
    /// two presenters of one file would show a notes window two slides.
    pub fn listen(path: &Path) -> anyhow::Result<Broadcaster> {
        let listener = match UnixListener::bind(path) {
            Ok(listener) => listener,
            Err(err) if err.kind() == ErrorKind::AddrInUse => {
                if UnixStream::connect(path).is_ok() {
                    anyhow::bail!(
                        "this file is already being presented (its notes follow that presenter): quit it first"
                    );
                }
                std::fs::remove_file(path)
                    .with_context(|| format!("cannot replace {}", path.display()))?;
                UnixListener::bind(path)
                    .with_context(|| format!("cannot listen on {}", path.display()))?
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot listen on {}", path.display()));
            }
        };
        listener.set_nonblocking(true)?;
        Ok(Broadcaster {
            listener,
            path: path.to_owned(),
            windows: Vec::new(),
        })
    }

    /// Takes in the windows that connected since, and writes `frame` to
    /// every window; a window that does not take it is dropped (it
    /// connects again).
    pub fn publish(&mut self, frame: &NotesFrame) {
        while let Ok((stream, _)) = self.listener.accept() {
            // Never wait on a window: the slides come first.
            if stream.set_nonblocking(true).is_ok() {
                self.windows.push(stream);
            }
        }
        if self.windows.is_empty() {
            return;
        }
        let Ok(mut line) = serde_json::to_string(frame) else {
            return;
        };
        line.push('\n');
        self.windows
            .retain_mut(|window| window.write_all(line.as_bytes()).is_ok());
    }
}

impl Drop for Broadcaster {
    fn drop(&mut self) {
        // The windows read the end of their stream and say so.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What a notes window hears from the channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// A presenter is reached.
    Connected,
    /// The presenter's state.
    Frame(Box<NotesFrame>),
    /// The presenter went away.
    Closed,
}

/// Follows the presenter at `path` on a thread of its own, sending what it
/// hears through `sender` (wrapped by `wrap`) until nobody receives:
/// connects (again every [`RETRY`] until one listens), reads frames, and
/// says when the presenter closes.
pub fn follow<M: Send + 'static>(
    path: PathBuf,
    sender: Sender<M>,
    wrap: fn(Heard) -> M,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        loop {
            let Ok(stream) = UnixStream::connect(&path) else {
                // The thread ends with the window's process.
                std::thread::sleep(RETRY);
                continue;
            };
            if sender.send(wrap(Heard::Connected)).is_err() {
                return;
            }
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                // A line that does not read (another version) is skipped.
                if let Ok(frame) = serde_json::from_str::<NotesFrame>(&line)
                    && sender.send(wrap(Heard::Frame(Box::new(frame)))).is_err()
                {
                    return;
                }
            }
            if sender.send(wrap(Heard::Closed)).is_err() {
                return;
            }
            std::thread::sleep(RETRY);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_private_directory_holds_the_socket() {
        let uid = rustix::process::getuid().as_raw();
        let dir = tempfile::tempdir().expect("temp dir");
        let private = dir.path().join("made");
        private_dir(&private, uid).expect("made private");
        let mode = std::fs::metadata(&private)
            .expect("there")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        // Already there and private: taken as it is.
        private_dir(&private, uid).expect("still private");

        let open = dir.path().join("open");
        std::fs::create_dir(&open).expect("made");
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let err = private_dir(&open, uid).expect_err("others may enter");
        assert!(
            err.to_string().contains("not a private directory of yours"),
            "{err}"
        );
        // Someone else's directory is refused, whatever its mode.
        let err = private_dir(&private, uid.wrapping_add(1)).expect_err("not ours");
        assert!(
            err.to_string().contains("not a private directory of yours"),
            "{err}"
        );
    }
}
