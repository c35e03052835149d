//! Reading roadmaps: files on disk (by path, or a bundled roadmap by name)
//! and the ones built into the binary. The command line, the explorer and
//! the live reload all load through here, so a file reads the same way
//! wherever it is opened.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use roadmap_core::load::MAX_INPUT_BYTES;
use roadmap_core::{Diagnostic, Format, LoadError, Loaded, load};

use crate::files::bundled;

/// A roadmap file on disk and the text last read from it: what live reload
/// compares a change with, and what an edit saves over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where the file is, as given on the command line.
    pub path: PathBuf,
    /// Its text when it was last read (or written) whole and valid.
    pub text: String,
}

impl SourceFile {
    /// The file's format, from its name.
    pub fn format(&self) -> Format {
        Format::from_file_name(&self.path.to_string_lossy())
    }

    /// Whether `bytes` are what this tab last read or wrote: a reload of
    /// them changes nothing.
    pub fn holds(&self, bytes: &[u8]) -> bool {
        self.text.as_bytes() == bytes
    }
}

/// Reads and loads a file. A name that is no file but a bundled roadmap's
/// id (`tech-gouv-2019-2021`) loads that bundled roadmap. A file that
/// cannot be read is an error like a file that does not load: it says why
/// and how to fix it.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    open_file(path).0
}

/// [`load_file`], also giving the file read, to follow it; `None` for a
/// bundled roadmap or a file that could not be read.
pub fn open_file(path: &Path) -> (Result<Loaded, LoadError>, Option<SourceFile>) {
    if !path.exists()
        && let Some(bundled) = bundled::find(&path.to_string_lossy())
    {
        return (load_bundled(bundled), None);
    }
    let bytes = match read_file(path) {
        Ok(bytes) => bytes,
        Err(error) => return (Err(error.to_load_error()), None),
    };
    let loaded = load_bytes(path, &bytes);
    let source = SourceFile {
        path: path.to_owned(),
        // A file that loads is UTF-8; one that does not is not shown.
        text: String::from_utf8_lossy(&bytes).into_owned(),
    };
    (loaded, Some(source))
}

/// Why a roadmap file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The system refused (no such file, no permission…).
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A FIFO, a device, a directory…: reading it could block forever or
    /// never end.
    #[error("{} is {kind}, not a roadmap file", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is instead, with its article ("a FIFO").
        kind: &'static str,
    },
    /// Larger than a roadmap may be ([`MAX_INPUT_BYTES`]); `bytes` is its
    /// size, or `None` when it grew past the limit while being read.
    #[error(
        "{} is {}, more than the {} MB a roadmap may be",
        path.display(),
        bytes.map_or_else(|| "growing".to_owned(), |b| format!("{:.1} MB", b as f64 / 1e6)),
        MAX_INPUT_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, when known.
        bytes: Option<u64>,
    },
}

impl ReadError {
    /// Whether there is no file at the path.
    pub fn is_missing(&self) -> bool {
        matches!(self, ReadError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }

    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "check the path and the file's permissions",
            ReadError::NotAFile { .. } => "give the path of a roadmap file (.toml or .json)",
            ReadError::TooLarge { .. } => "split the roadmap into several files",
        }
    }

    /// The error as a load error, shown as every other problem of a file.
    pub fn to_load_error(&self) -> LoadError {
        let path = match self {
            ReadError::Io { path, .. }
            | ReadError::NotAFile { path, .. }
            | ReadError::TooLarge { path, .. } => path,
        };
        LoadError::new(
            path.display().to_string(),
            vec![Diagnostic::error(self.to_string()).with_help(self.help())],
        )
    }
}

impl From<ReadError> for io::Error {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::Io { source, .. } => source,
            ReadError::NotAFile { .. } => io::Error::new(io::ErrorKind::InvalidInput, error),
            ReadError::TooLarge { .. } => io::Error::new(io::ErrorKind::FileTooLarge, error),
        }
    }
}

/// Reads a roadmap file whole: every command and every reload reads
/// through here. What is not a regular file is refused before it is read
/// (a FIFO would block, `/dev/zero` never end), the file is opened without
/// waiting for a FIFO's writer (the path may change between the check and
/// the open), and no more than the largest roadmap plus one byte is read,
/// so a file that grows meanwhile is refused too.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let failed = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(failed)?;
    refuse_unless_roadmap_sized_file(path, &metadata)?;
    let file = open_without_blocking(path).map_err(failed)?;
    // The file opened is the one to judge: the path may name another now.
    let metadata = file.metadata().map_err(failed)?;
    refuse_unless_roadmap_sized_file(path, &metadata)?;
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::with_capacity(metadata.len().min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            bytes: None,
        });
    }
    Ok(bytes)
}

fn refuse_unless_roadmap_sized_file(path: &Path, metadata: &Metadata) -> Result<(), ReadError> {
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_owned(),
            kind: kind_of(metadata),
        });
    }
    if metadata.len() > MAX_INPUT_BYTES as u64 {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            bytes: Some(metadata.len()),
        });
    }
    Ok(())
}

/// What a file that is not a regular file is, for messages.
pub fn kind_of(metadata: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() {
        "a directory"
    } else if metadata.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a FIFO for reading waits for a writer, unless non-blocking.
    let flags = rustix::fs::OFlags::NONBLOCK.bits().cast_signed();
    OpenOptions::new().read(true).custom_flags(flags).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Loads the bytes read from `path`: the path names the file in messages
/// and its extension picks the format.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_bytes_as(&path.display().to_string(), path, bytes)
}

/// Loads bytes of the file at `path` read from elsewhere (a git revision):
/// `name` names them in messages (`plan.toml@v2`), the path's extension
/// picks the format.
pub fn load_bytes_as(name: &str, path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load(name, bytes, Format::from_file_name(&path.to_string_lossy()))
}

/// Loads a roadmap built into the binary.
pub fn load_bundled(file: &bundled::BundledRoadmap) -> Result<Loaded, LoadError> {
    load(file.file, file.text.as_bytes(), Format::Toml)
}
