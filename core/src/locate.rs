//! Finds where a value sits in the source text, from its path in the
//! document (`axes[2].missions[0].end`). Validation works on parsed values
//! and names paths; only when something is wrong is the text parsed again,
//! with spans, to turn those paths into byte ranges.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use jsonc_parser::ast;
use toml::de::{DeTable, DeValue};

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
        let mut steps = self.steps.clone();
        steps.push(Step::Key(key.into()));
        Path {
            steps,
            key_name: false,
        }
    }

    pub(crate) fn index(&self, index: usize) -> Path {
        let mut steps = self.steps.clone();
        steps.push(Step::Index(index));
        Path {
            steps,
            key_name: false,
        }
    }

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

/// A parsed document that can answer "where is this path?".
pub(crate) enum SpannedDocument<'a> {
    Toml(toml::Spanned<DeTable<'a>>),
    Json(ast::Value<'a>),
    /// The text could not be parsed again; every path points at the start.
    Unavailable,
}

impl<'a> SpannedDocument<'a> {
    pub(crate) fn toml(text: &'a str) -> Self {
        DeTable::parse(text).map_or(SpannedDocument::Unavailable, SpannedDocument::Toml)
    }

    pub(crate) fn json(text: &'a str) -> Self {
        jsonc_parser::parse_to_ast(
            text,
            &jsonc_parser::CollectOptions::default(),
            &jsonc_parser::ParseOptions::default(),
        )
        .ok()
        .and_then(|parsed| parsed.value)
        .map_or(SpannedDocument::Unavailable, SpannedDocument::Json)
    }

    /// The byte range of the deepest part of `path` that exists.
    #[cfg(test)]
    pub(crate) fn span(&self, path: &Path) -> Range<usize> {
        self.spans(&[path]).pop().unwrap_or(0..0)
    }

    /// [`SpannedDocument::span`] of each path, found in one walk of the
    /// document: a JSON object's properties are a list, and looking each
    /// path up in it would cost the object's size per path.
    pub(crate) fn spans(&self, paths: &[&Path]) -> Vec<Range<usize>> {
        match self {
            SpannedDocument::Toml(root) => paths.iter().map(|path| toml_span(root, path)).collect(),
            SpannedDocument::Json(root) => {
                let mut tree = PathTree::default();
                for (i, path) in paths.iter().enumerate() {
                    tree.insert(i, path);
                }
                let mut spans = vec![0..0; paths.len()];
                // A problem at the root points at the start of the file.
                json_spans(root, &tree, &(0..0), &mut spans);
                spans
            }
            SpannedDocument::Unavailable => vec![0..0; paths.len()],
        }
    }
}

/// Paths as a tree of their steps: which paths end at each node.
#[derive(Default)]
struct PathTree<'p> {
    /// Paths that end here and mean the value.
    values: Vec<usize>,
    /// Paths that end here and mean the key's name.
    names: Vec<usize>,
    keys: HashMap<&'p str, PathTree<'p>>,
    indices: HashMap<usize, PathTree<'p>>,
}

impl<'p> PathTree<'p> {
    fn insert(&mut self, i: usize, path: &'p Path) {
        let mut node = self;
        for step in &path.steps {
            node = match step {
                Step::Key(key) => node.keys.entry(key.as_ref()).or_default(),
                Step::Index(index) => node.indices.entry(*index).or_default(),
            };
        }
        if path.key_name && matches!(path.steps.last(), Some(Step::Key(_))) {
            node.names.push(i);
        } else {
            node.values.push(i);
        }
    }

    /// Gives every path in this tree `span`: the deepest part that exists.
    fn fill(&self, span: &Range<usize>, spans: &mut [Range<usize>]) {
        for &i in self.values.iter().chain(&self.names) {
            spans[i] = span.clone();
        }
        for child in self.keys.values().chain(self.indices.values()) {
            child.fill(span, spans);
        }
    }
}

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

/// Sets the span of every path of `tree`, whose root `value` spans `span`.
fn json_spans(
    value: &ast::Value<'_>,
    tree: &PathTree<'_>,
    span: &Range<usize>,
    spans: &mut [Range<usize>],
) {
    let range = |r: jsonc_parser::common::Range| r.start..r.end;
    for &i in &tree.values {
        spans[i] = span.clone();
    }
    match value {
        ast::Value::Object(object) if !tree.keys.is_empty() => {
            // The first property of a name is the one meant, as a lookup finds it.
            let mut found = HashSet::with_capacity(tree.keys.len());
            for property in &object.properties {
                let name = property.name.as_str();
                if let Some(child) = tree.keys.get(name)
                    && found.insert(name)
                {
                    let name_span = range(name_range(&property.name));
                    for &i in &child.names {
                        spans[i] = name_span.clone();
                    }
                    json_spans(
                        &property.value,
                        child,
                        &range(value_range(&property.value)),
                        spans,
                    );
                }
            }
            for (name, child) in &tree.keys {
                if !found.contains(name) {
                    child.fill(span, spans);
                }
            }
        }
        _ => {
            for child in tree.keys.values() {
                child.fill(span, spans);
            }
        }
    }
    for (index, child) in &tree.indices {
        match value {
            ast::Value::Array(array) if *index < array.elements.len() => {
                let element = &array.elements[*index];
                json_spans(element, child, &range(value_range(element)), spans);
            }
            _ => child.fill(span, spans),
        }
    }
}

fn name_range(name: &ast::ObjectPropName<'_>) -> jsonc_parser::common::Range {
    match name {
        ast::ObjectPropName::String(s) => s.range,
        ast::ObjectPropName::Word(w) => w.range,
    }
}

fn value_range(value: &ast::Value<'_>) -> jsonc_parser::common::Range {
    match value {
        ast::Value::StringLit(v) => v.range,
        ast::Value::NumberLit(v) => v.range,
        ast::Value::BooleanLit(v) => v.range,
        ast::Value::Object(v) => v.range,
        ast::Value::Array(v) => v.range,
        ast::Value::NullKeyword(v) => v.range,
    }
}

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
