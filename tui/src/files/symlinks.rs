//! Symbolic links: the chain from a path to the file it finally names. A
//! save replaces that last file, so a link stays a link and its target is
//! what changes; the live follow watches the directory of every file on
//! the chain, so an edit of the target shows as well as a re-pointed link.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Links followed before giving up, as Linux does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// `path`, then each file its links lead to, in order: the last one is
/// not a link, and may not exist (a dangling link, or a new file).
pub fn chain(path: &Path) -> io::Result<Vec<PathBuf>> {
    let mut chain = vec![path.to_owned()];
    loop {
        let last = &chain[chain.len() - 1];
        match fs::symlink_metadata(last) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                if chain.len() > MAX_LINKS {
                    return Err(io::Error::other(format!(
                        "{}: more than {MAX_LINKS} symbolic links in a row (a loop?)",
                        path.display()
                    )));
                }
                // A relative target is relative to the link's directory;
                // joining an absolute one gives it unchanged.
                let next = match last.parent() {
                    Some(dir) => dir.join(fs::read_link(last)?),
                    None => fs::read_link(last)?,
                };
                chain.push(next);
            }
            Ok(_) => return Ok(chain),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(chain),
            Err(error) => return Err(error),
        }
    }
}

/// The file `path` finally names: itself when it is no link.
pub fn target(path: &Path) -> io::Result<PathBuf> {
    let mut chain = chain(path)?;
    Ok(chain.pop().unwrap_or_else(|| path.to_owned()))
}

/// Whether one of the links on `path`'s chain is a handle to an open file
/// rather than a name (`/dev/stdout` → `/proc/self/fd/1` → the terminal, a
/// pipe, or the file the shell redirected to): what it "points to" is
/// no path to replace, so a write goes through it.
pub fn through_open_file(path: &Path) -> bool {
    let Ok(chain) = chain(path) else {
        return false;
    };
    chain[..chain.len() - 1].iter().any(|link| {
        link.parent()
            .and_then(|dir| fs::canonicalize(dir).ok())
            .is_some_and(|dir| dir.starts_with("/proc"))
    })
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn the_chain_follows_relative_and_absolute_links_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("plan.toml"), "").unwrap();
        symlink("real/plan.toml", dir.path().join("relative.toml")).unwrap();
        symlink(
            dir.path().join("relative.toml"),
            dir.path().join("absolute.toml"),
        )
        .unwrap();
        let chain = chain(&dir.path().join("absolute.toml")).unwrap();
        assert_eq!(
            chain,
            [
                dir.path().join("absolute.toml"),
                dir.path().join("relative.toml"),
                dir.path().join("real/plan.toml"),
            ]
        );
        assert!(!through_open_file(&dir.path().join("absolute.toml")));
    }

    #[test]
    fn a_dangling_link_ends_at_the_missing_file_and_a_loop_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        symlink("nowhere.toml", dir.path().join("dangling.toml")).unwrap();
        assert_eq!(
            target(&dir.path().join("dangling.toml")).unwrap(),
            dir.path().join("nowhere.toml")
        );
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        let error = chain(&dir.path().join("a")).unwrap_err();
        assert!(error.to_string().contains("a loop?"), "{error}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn standard_output_is_an_open_file() {
        assert!(through_open_file(Path::new("/dev/stdout")));
        assert!(through_open_file(Path::new("/dev/fd/1")));
    }
}
