//! Reading roadmaps: files on disk (by path, or a bundled roadmap by name)
//! and the ones built into the binary. The command line, the explorer and
//! the live reload all load through here, so a file reads the same way
//! wherever it is opened.

use std::path::{Path, PathBuf};

use anyhow::Context;
use roadmap_core::{Diagnostic, Format, LoadError, Loaded, load};

use crate::bundled;

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

/// Reads and loads a file; the outer error is I/O, the inner one the content.
/// A name that is no file but a bundled roadmap's id (`tech-gouv-2019-2021`)
/// loads that bundled roadmap.
pub fn load_file(path: &Path) -> anyhow::Result<Result<Loaded, LoadError>> {
    open_file(path).map(|(loaded, _)| loaded)
}

/// [`load_file`], also giving the file read, to follow it; `None` for a
/// bundled roadmap.
pub fn open_file(path: &Path) -> anyhow::Result<(Result<Loaded, LoadError>, Option<SourceFile>)> {
    if !path.exists()
        && let Some(bundled) = bundled::find(&path.to_string_lossy())
    {
        return Ok((load_bundled(bundled), None));
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let loaded = load_bytes(path, &bytes);
    let source = SourceFile {
        path: path.to_owned(),
        // A file that loads is UTF-8; one that does not is not shown.
        text: String::from_utf8_lossy(&bytes).into_owned(),
    };
    Ok((loaded, Some(source)))
}

/// Loads the bytes read from `path`: the path names the file in messages
/// and its extension picks the format.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    load(&name, bytes, Format::from_file_name(&name))
}

/// Loads a roadmap built into the binary.
pub fn load_bundled(file: &bundled::BundledRoadmap) -> Result<Loaded, LoadError> {
    load(file.file, file.text.as_bytes(), Format::Toml)
}

/// The error for a file that is there but cannot be read.
pub fn unreadable(path: &Path, error: &std::io::Error) -> LoadError {
    LoadError::new(
        path.display().to_string(),
        vec![
            Diagnostic::error(format!("cannot read {}: {error}", path.display()))
                .with_help("check the path and the file's permissions"),
        ],
    )
}
