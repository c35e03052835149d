//! What `roadmap serve` publishes at one moment: the last roadmap that
//! loaded, as the JSON of `roadmap export --json` with its strong `ETag`,
//! and, when the file's latest version did not load, why (file, line,
//! column, message), and whether a request's `If-None-Match` already names
//! that tag. Pure data, built from a load result.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use bytes::Bytes;
use roadmap_core::{LoadError, Roadmap};
use serde_json::json;

/// Why the file's latest version is not the one served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as named on the command line.
    pub file: String,
    /// 1-based line and column of the first error, when known.
    pub place: Option<(usize, usize)>,
    /// The first error's message.
    pub message: String,
    /// How to fix it, when the loader says.
    pub help: Option<String>,
    /// Errors after the first.
    pub more: usize,
}

impl Problem {
    /// The first error of a file that did not load.
    pub fn from_load_error(error: &LoadError) -> Problem {
        let first = error.errors().next();
        Problem {
            file: error.file.clone(),
            place: first
                .and_then(|d| d.location.as_ref())
                .map(|at| (at.line, at.column)),
            message: first.map_or_else(|| error.to_string(), |d| d.message.clone()),
            help: first.and_then(|d| d.help.clone()),
            more: error.error_count().saturating_sub(1),
        }
    }

    /// A file that could not be read at all (removed, no permission).
    pub fn unreadable(file: &str, reason: &str) -> Problem {
        Problem {
            file: file.to_owned(),
            place: None,
            message: reason.to_owned(),
            help: Some("check that the file exists and can be read".to_owned()),
            more: 0,
        }
    }

    /// `file:line:column: message`, the way compilers say it.
    pub fn located(&self) -> String {
        match self.place {
            Some((line, column)) => format!("{}:{line}:{column}: {}", self.file, self.message),
            None => format!("{}: {}", self.file, self.message),
        }
    }

    /// The `invalid` event's data.
    pub fn to_json(&self) -> String {
        json!({
            "file": self.file,
            "line": self.place.map(|(line, _)| line),
            "column": self.place.map(|(_, column)| column),
            "message": self.message,
            "help": self.help,
            "more": self.more,
            "text": self.located(),
        })
        .to_string()
    }
}

/// The state every request and every event stream reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The last roadmap that loaded, as `roadmap export --json` writes it;
    /// every response shares these bytes (a clone counts a reference).
    pub json: Bytes,
    /// Strong entity tag of `json`, quotes included.
    pub etag: Arc<str>,
    /// Why the file's newest version is not served, if it is not.
    pub problem: Option<Problem>,
}

impl Published {
    /// Publishes `roadmap`, with no problem.
    pub fn new(roadmap: &Roadmap) -> Published {
        let json = roadmap_core::to_json(roadmap) + "\n";
        let etag = etag_of(json.as_bytes());
        Published {
            json: json.into(),
            etag: etag.into(),
            problem: None,
        }
    }

    /// The next state after a reload: the new roadmap when it loaded, else
    /// the same roadmap as now with the reason the new version was refused.
    #[must_use]
    pub fn after(&self, reloaded: Result<&Roadmap, Problem>) -> Published {
        match reloaded {
            Ok(roadmap) => Published::new(roadmap),
            Err(problem) => Published {
                problem: Some(problem),
                ..self.clone()
            },
        }
    }

    /// The `roadmap` event's data: the tag of the JSON now served.
    pub fn event_json(&self) -> String {
        json!({ "etag": &*self.etag }).to_string()
    }
}

/// A strong entity tag for `bytes`: their length and a 64-bit hash, so
/// that two versions differ in tag whenever they differ in content (a
/// collision would need the same length and hash).
fn etag_of(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:x}-{:016x}\"", bytes.len(), hasher.finish())
}

/// Whether an `If-None-Match` value names `etag`: `*`, or a list of tags
/// compared weakly, as RFC 9110 asks for this header.
pub fn matches_etag(if_none_match: &str, etag: &str) -> bool {
    if_none_match.split(',').map(str::trim).any(|tag| {
        tag == "*"
            || tag.strip_prefix("W/").unwrap_or(tag) == etag.strip_prefix("W/").unwrap_or(etag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use roadmap_core::{Format, load};

    fn roadmap(text: &str) -> Roadmap {
        load("plan.toml", text.as_bytes(), Format::Toml)
            .expect("loads")
            .roadmap
    }

    const DINUM: &str = include_str!("../../../data/dinum-2023.toml");

    #[test]
    fn the_json_is_the_export_and_the_tag_follows_the_content() {
        let first = Published::new(&roadmap(DINUM));
        assert_eq!(first.json, roadmap_core::to_json(&roadmap(DINUM)) + "\n");
        assert!(first.etag.starts_with('"') && first.etag.ends_with('"'));
        assert_eq!(first.etag, Published::new(&roadmap(DINUM)).etag);
        let changed = DINUM.replacen("title = \"", "title = \"New: ", 1);
        let second = first.after(Ok(&roadmap(&changed)));
        assert_ne!(second.etag, first.etag);
        assert!(
            second
                .event_json()
                .contains(&*second.etag.replace('"', "\\\""))
        );
    }

    #[test]
    fn a_refused_version_keeps_the_roadmap_and_says_where_it_fails() {
        let good = Published::new(&roadmap(DINUM));
        let error =
            load("plan.toml", b"id = \"x\"\ntitle = \n", Format::Toml).expect_err("invalid");
        let bad = good.after(Err(Problem::from_load_error(&error)));
        assert_eq!(bad.json, good.json);
        assert_eq!(bad.etag, good.etag);
        let problem = bad.problem.as_ref().expect("a problem");
        assert_eq!(problem.place.map(|(line, _)| line), Some(2));
        assert!(
            problem.located().starts_with("plan.toml:2:"),
            "{}",
            problem.located()
        );
        let data: serde_json::Value = serde_json::from_str(&problem.to_json()).expect("JSON");
        assert_eq!(data["line"], 2);
        assert_eq!(data["file"], "plan.toml");
        assert!(
            data["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("plan.toml:2:"))
        );
    }

    #[test]
    fn if_none_match_lists_and_wildcards_match() {
        assert!(matches_etag("\"a\"", "\"a\""));
        assert!(matches_etag("\"x\", W/\"a\"", "\"a\""));
        assert!(matches_etag("*", "\"a\""));
        assert!(!matches_etag("\"b\"", "\"a\""));
        assert!(!matches_etag("", "\"a\""));
    }
}
