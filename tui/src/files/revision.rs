//! Editions of a roadmap to compare with: a file, or a file as a git
//! revision holds it (`plan.toml@v2`). Git runs as a subprocess; what it
//! gives is loaded as a file's bytes are ([`loading::load_bytes_as`]), and
//! its problems are named `plan.toml@v2` so that a reader knows which
//! edition is wrong.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use roadmap_core::load::MAX_INPUT_BYTES;
use roadmap_core::{Diagnostic, LoadError, Loaded};

use crate::files::loading::{self, load_file};

/// An edition of a roadmap, as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edition {
    /// A file on disk (or a bundled roadmap's name).
    File(PathBuf),
    /// A file as a git revision holds it.
    Revision {
        /// The file, as given.
        path: PathBuf,
        /// The revision: a tag, a branch, a commit, `HEAD~1`…
        rev: String,
    },
}

impl Edition {
    /// Reads `FILE` or `FILE@REV`. A path that exists is a file even with an
    /// `@` in its name; otherwise the text after the last `@` is a revision.
    pub fn parse(text: &str) -> Edition {
        if !Path::new(text).exists()
            && let Some((path, rev)) = text.rsplit_once('@')
            && !path.is_empty()
            && !rev.is_empty()
        {
            return Edition::Revision {
                path: PathBuf::from(path),
                rev: rev.to_owned(),
            };
        }
        Edition::File(PathBuf::from(text))
    }

    /// What `--since` names: `FILE`, `FILE@REV`, or a revision alone, of
    /// the file `opened`. A name that is no file is a revision, unless it
    /// ends as a roadmap file does (`.toml`, `.json`): then it is a file
    /// that is missing, and said so.
    pub fn parse_since(text: &str, opened: &Path) -> Edition {
        let file_like = Path::new(text).extension().is_some_and(|ext| {
            ext.eq_ignore_ascii_case("toml") || ext.eq_ignore_ascii_case("json")
        });
        match Edition::parse(text) {
            Edition::File(path) if !path.exists() && !file_like && !text.contains('@') => {
                Edition::Revision {
                    path: opened.to_owned(),
                    rev: text.to_owned(),
                }
            }
            edition => edition,
        }
    }

    /// How messages name it: `plan.toml` or `plan.toml@v2`.
    pub fn name(&self) -> String {
        match self {
            Edition::File(path) => path.display().to_string(),
            Edition::Revision { path, rev } => format!("{}@{rev}", path.display()),
        }
    }

    /// The short name of the edition compared with: the revision, or the file.
    pub fn short_name(&self) -> String {
        match self {
            Edition::File(path) => path.display().to_string(),
            Edition::Revision { rev, .. } => rev.clone(),
        }
    }

    /// Reads and loads it.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        match self {
            Edition::File(path) => load_file(path),
            Edition::Revision { path, rev } => {
                let name = self.name();
                let bytes = git_show(path, rev).map_err(|problem| {
                    LoadError::new(
                        name.clone(),
                        vec![
                            Diagnostic::error(format!("{name}: {}", problem.message))
                                .with_help(problem.help),
                        ],
                    )
                })?;
                loading::load_bytes_as(&name, path, &bytes)
            }
        }
    }
}

/// Why git gave no file.
struct GitProblem {
    message: String,
    help: &'static str,
}

/// The bytes of `path` at `rev`, through `git show REV:path` in the
/// repository that holds the file.
fn git_show(path: &Path, rev: &str) -> Result<Vec<u8>, GitProblem> {
    // A revision that starts with `-` would be read as an option.
    if rev.starts_with('-') {
        return Err(GitProblem {
            message: format!("`{rev}` is not a revision"),
            help: "name a tag, a branch or a commit after the `@`",
        });
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let dir = dir.canonicalize().map_err(|error| GitProblem {
        message: format!("cannot open the folder {}: {error}", dir.display()),
        help: "check the path before the `@`",
    })?;
    let top = git(&dir, &["rev-parse", "--show-toplevel"]).map_err(|failure| match failure {
        GitFailure::Missing(error) => missing(&error),
        GitFailure::Refused => GitProblem {
            message: format!("{} is not in a git repository", path.display()),
            help: "give a file in a git repository, or two files",
        },
    })?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let top = top.canonicalize().unwrap_or(top);
    let file_name = path.file_name().unwrap_or_default();
    let relative = dir.join(file_name);
    let relative = relative.strip_prefix(&top).unwrap_or(&relative);
    // Git names paths with `/` on every system.
    let relative = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let commit = format!("{rev}^{{commit}}");
    git(&top, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|failure| match failure {
        GitFailure::Missing(error) => missing(&error),
        GitFailure::Refused => GitProblem {
            message: format!("git does not know the revision `{rev}`"),
            help: "name a tag, a branch or a commit (`git log --oneline` lists them)",
        },
    })?;
    let bytes =
        git(&top, &["show", &format!("{rev}:{relative}")]).map_err(|failure| match failure {
            GitFailure::Missing(error) => missing(&error),
            GitFailure::Refused => GitProblem {
                message: format!("the revision `{rev}` has no file `{relative}`"),
                help: "check the file's name at that revision (`git show REV --stat`)",
            },
        })?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(GitProblem {
            message: format!(
                "the file is more than the {} MB a roadmap may be",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            help: "split the roadmap into several files",
        });
    }
    Ok(bytes)
}

enum GitFailure {
    /// Git could not be run.
    Missing(io::Error),
    /// Git ran and said no.
    Refused,
}

fn missing(error: &io::Error) -> GitProblem {
    GitProblem {
        message: format!("cannot run git: {error}"),
        help: "install git, or compare two files",
    }
}

/// Runs git in `dir`; its standard output when it succeeds.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitFailure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitFailure::Missing)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitFailure::Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_at_sign_names_a_revision_unless_the_file_exists() {
        assert_eq!(
            Edition::parse("plan.toml@v2"),
            Edition::Revision {
                path: "plan.toml".into(),
                rev: "v2".into()
            }
        );
        assert_eq!(
            Edition::parse("plan.toml"),
            Edition::File("plan.toml".into())
        );
        assert_eq!(Edition::parse("@v2"), Edition::File("@v2".into()));
        let dir = tempfile::tempdir().expect("temp dir");
        let odd = dir.path().join("plan@home.toml");
        std::fs::write(&odd, "").expect("write");
        let text = odd.display().to_string();
        assert_eq!(Edition::parse(&text), Edition::File(odd.clone()));
        assert_eq!(
            Edition::parse_since("v1", Path::new("plan.toml")),
            Edition::Revision {
                path: "plan.toml".into(),
                rev: "v1".into()
            }
        );
        assert_eq!(
            Edition::parse_since(&text, Path::new("plan.toml")),
            Edition::File(odd)
        );
    }
}
