//! Finds where a value sits in the source text, from its path in the
//! document (`axes[2].missions[0].end`). Validation works on parsed values
//! and names paths; only when something is wrong is the text parsed again,
//! with spans, to turn those paths into byte ranges.

use std::borrow::Cow;
use std::fmt;
#[cfg(feature = "full-loader")]
use std::ops::Range;

#[cfg(feature = "full-loader")]
use toml::de::{DeTable, DeValue};

#[cfg(feature = "full-loader")]
use crate::json_spans::json_spans;

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A table key / object property.
    Key(Cow<'static, str>),
    /// An array element.
    Index(usize),
}

/// A path from the document root, and which part of the last step is meant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Path {
    pub steps: Vec<Step>,
    /// Point at the key's name rather than its value (for unknown keys).
    pub key_name: bool,
}

impl Path {
    pub(crate) fn key(&self, key: impl Into<Cow<'static, str>>) -> Path {
        let mut path = self.with_room(1);
        path.steps.push(Step::Key(key.into()));
        path
    }

    pub(crate) fn index(&self, index: usize) -> Path {
        let mut path = self.with_room(1);
        path.steps.push(Step::Index(index));
        path
    }

    /// Element `index` of the array at `key`: `.key(key).index(index)`
    /// in one allocation.
    pub(crate) fn item(&self, key: &'static str, index: usize) -> Path {
        let mut path = self.with_room(2);
        path.steps.push(Step::Key(Cow::Borrowed(key)));
        path.steps.push(Step::Index(index));
        path
    }

    /// A copy of the path's steps with room for `more`, allocated once:
    /// the checks make a path for every item of a roadmap.
    fn with_room(&self, more: usize) -> Path {
        let mut steps = Vec::with_capacity(self.steps.len() + more);
        steps.extend_from_slice(&self.steps);
        Path {
            steps,
            key_name: false,
        }
    }

    // Only the document tree (the full loader) names keys.
    #[cfg_attr(not(feature = "full-loader"), allow(dead_code))]
    pub(crate) fn key_name(mut self) -> Path {
        self.key_name = true;
        self
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(feature = "full-loader")]
/// A parsed document that can answer "where is this path?".
pub(crate) enum SpannedDocument<'a> {
    Toml(toml::Spanned<DeTable<'a>>),
    /// JSON is scanned again for each batch of paths, never held as a tree.
    Json(&'a str),
    /// The text could not be parsed again; every path points at the start.
    Unavailable,
}

#[cfg(feature = "full-loader")]
impl<'a> SpannedDocument<'a> {
    pub(crate) fn toml(text: &'a str) -> Self {
        DeTable::parse(text).map_or(SpannedDocument::Unavailable, SpannedDocument::Toml)
    }

    pub(crate) fn json(text: &'a str) -> Self {
        SpannedDocument::Json(text)
    }

    /// The byte range of the deepest part of `path` that exists.
    #[cfg(test)]
    pub(crate) fn span(&self, path: &Path) -> Range<usize> {
        self.spans(&[path]).pop().unwrap_or(0..0)
    }

    /// [`SpannedDocument::span`] of each path.
    pub(crate) fn spans(&self, paths: &[&Path]) -> Vec<Range<usize>> {
        match self {
            SpannedDocument::Toml(root) => paths.iter().map(|path| toml_span(root, path)).collect(),
            SpannedDocument::Json(text) => json_spans(text, paths),
            SpannedDocument::Unavailable => vec![0..0; paths.len()],
        }
    }
}

#[cfg(feature = "full-loader")]
fn toml_span(root: &toml::Spanned<DeTable<'_>>, path: &Path) -> Range<usize> {
    // The root table spans the whole file; a problem at the root points at its start.
    let mut best = 0..0;
    let mut table = Some(root.get_ref());
    let mut value: Option<&toml::Spanned<DeValue<'_>>> = None;
    let last = path.steps.len().saturating_sub(1);
    for (i, step) in path.steps.iter().enumerate() {
        let found = match (step, table, value.map(toml::Spanned::get_ref)) {
            (Step::Key(key), Some(t), _) => t.get_key_value(key.as_ref()).map(|(k, v)| {
                (
                    if i == last && path.key_name {
                        k.span()
                    } else {
                        v.span()
                    },
                    v,
                )
            }),
            (Step::Key(key), None, Some(DeValue::Table(t))) => {
                t.get_key_value(key.as_ref()).map(|(k, v)| {
                    (
                        if i == last && path.key_name {
                            k.span()
                        } else {
                            v.span()
                        },
                        v,
                    )
                })
            }
            (Step::Index(index), _, Some(DeValue::Array(items))) => {
                items.get(*index).map(|v| (v.span(), v))
            }
            _ => None,
        };
        let Some((span, next)) = found else { break };
        best = span;
        value = Some(next);
        table = None;
    }
    best
}

#[cfg(feature = "full-loader")]
#[cfg(test)]
mod tests {
    use super::*;

    fn path(steps: &[Step]) -> Path {
        Path {
            steps: steps.to_vec(),
            key_name: false,
        }
    }

    #[test]
    fn toml_paths_reach_nested_values_and_key_names() {
        let text = "id = \"x\"\n[[axes]]\nid = \"a\"\n[[axes.missions]]\nend = \"2020\"\n";
        let doc = SpannedDocument::toml(text);
        let end = path(&[
            Step::Key("axes".into()),
            Step::Index(0),
            Step::Key("missions".into()),
            Step::Index(0),
            Step::Key("end".into()),
        ]);
        assert_eq!(&text[doc.span(&end)], "\"2020\"");
        assert_eq!(&text[doc.span(&end.clone().key_name())], "end");
        // A missing key points at the deepest part that exists.
        let missing = path(&[Step::Key("axes".into()), Step::Index(3)]);
        assert!(doc.span(&missing).start >= text.find("[[axes]]").unwrap_or(0));
    }

    #[test]
    fn json_paths_reach_nested_values() {
        let text = r#"{"id": "x", "axes": [{"id": "a", "progress": 150}]}"#;
        let doc = SpannedDocument::json(text);
        let progress = path(&[
            Step::Key("axes".into()),
            Step::Index(0),
            Step::Key("progress".into()),
        ]);
        assert_eq!(&text[doc.span(&progress)], "150");
        assert_eq!(&text[doc.span(&progress.key_name())], "\"progress\"");
    }
}
