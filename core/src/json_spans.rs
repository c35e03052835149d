//! Where paths (`axes[2].missions[0].end`) sit in a JSON text, all found in
//! one scan of its tokens: no tree of the document is built, so locating
//! the problems of a 32 MB file costs a pass over it and memory for the
//! paths asked about, not for the document.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};

use crate::locate::{Path, Step};

/// The byte range of the deepest part of each path that exists in `text`
/// (of the key's name, for a path that asks for it); the root and what is
/// not found under it point at the start of the text.
pub(crate) fn json_spans(text: &str, paths: &[&Path]) -> Vec<Range<usize>> {
    let mut tree = PathTree::default();
    for (i, path) in paths.iter().enumerate() {
        tree.insert(i, path);
    }
    let mut spans = vec![0..0; paths.len()];
    scan(text, &tree, &mut spans);
    spans
}

/// Paths as a tree of their steps: which paths end at each node.
#[derive(Default)]
struct PathTree<'p> {
    /// Paths that end here: their index, and whether they mean the key's
    /// name rather than the value.
    ends: Vec<(usize, bool)>,
    /// Most nodes are leaves, which a box keeps small.
    children: Option<Box<Children<'p>>>,
    /// Whether the document has this node's value (the first one, when an
    /// object repeats a key, as a lookup would find).
    met: Cell<bool>,
}

/// The nodes under a node, by key and by index.
#[derive(Default)]
struct Children<'p> {
    keys: HashMap<&'p str, PathTree<'p>>,
    indices: HashMap<usize, PathTree<'p>>,
}

impl<'p> Children<'p> {
    fn all(&self) -> impl Iterator<Item = &PathTree<'p>> {
        self.keys.values().chain(self.indices.values())
    }
}

impl<'p> PathTree<'p> {
    fn insert(&mut self, i: usize, path: &'p Path) {
        let mut node = self;
        for step in &path.steps {
            let children = node.children.get_or_insert_default();
            node = match step {
                Step::Key(key) => children.keys.entry(key).or_default(),
                Step::Index(index) => children.indices.entry(*index).or_default(),
            };
        }
        let name = path.key_name && matches!(path.steps.last(), Some(Step::Key(_)));
        node.ends.push((i, name));
    }

    /// The node of the value at `key`, the first time it is met.
    fn meet_key(&self, key: &str) -> Option<&PathTree<'p>> {
        let child = self.children.as_ref()?.keys.get(key);
        child.filter(|child| !child.met.replace(true))
    }

    /// The node of the element at `index`.
    fn meet_index(&self, index: usize) -> Option<&PathTree<'p>> {
        let child = self.children.as_ref()?.indices.get(&index);
        child.filter(|child| !child.met.replace(true))
    }

    /// Gives the value span to the paths ending here, and to those under
    /// it that the document did not have.
    fn close(&self, span: &Range<usize>, spans: &mut [Range<usize>]) {
        for &(i, name) in &self.ends {
            if !name {
                spans[i] = span.clone();
            }
        }
        for child in self.children.iter().flat_map(|c| c.all()) {
            if !child.met.get() {
                child.fill(span, spans);
            }
        }
    }

    /// Gives every path from here `span`: the deepest part that exists.
    fn fill(&self, span: &Range<usize>, spans: &mut [Range<usize>]) {
        // A path is only as deep as the file structs nest: no deep recursion.
        for &(i, _) in &self.ends {
            spans[i] = span.clone();
        }
        for child in self.children.iter().flat_map(|c| c.all()) {
            child.fill(span, spans);
        }
    }
}

/// An object or array being read.
struct Open<'t, 'p> {
    /// Its node, when some path goes through it.
    node: Option<&'t PathTree<'p>>,
    start: usize,
    object: bool,
    /// In an object, whether the next string is a key.
    expect_key: bool,
    /// In an object, the node of the value after the key just read.
    value: Option<&'t PathTree<'p>>,
    /// In an array, the index of the next element.
    next: usize,
}

fn scan<'p>(text: &str, tree: &PathTree<'p>, spans: &mut [Range<usize>]) {
    let mut scanner = Scanner::new(text, &ScannerOptions::default());
    let mut open: Vec<Open<'_, 'p>> = Vec::new();
    // The root's value (and what is not found in it) points at the start.
    let at_root = |open: &[Open<'_, '_>], span: Range<usize>| {
        if open.is_empty() { 0..0 } else { span }
    };
    // The text parsed as JSON before: a scan error cannot happen, and
    // would only leave the paths after it at the start.
    while let Ok(Some(token)) = scanner.scan() {
        let range = scanner.token_start()..scanner.token_end();
        match token {
            Token::CommentLine(_) | Token::CommentBlock(_) | Token::Colon => continue,
            Token::Comma => {
                if let Some(top) = open.last_mut() {
                    top.expect_key = top.object;
                }
                continue;
            }
            Token::CloseBrace | Token::CloseBracket => {
                let Some(closed) = open.pop() else { break };
                if let Some(node) = closed.node {
                    node.close(&at_root(&open, closed.start..range.end), spans);
                }
                continue;
            }
            Token::String(ref key) if open.last().is_some_and(|top| top.expect_key) => {
                if let Some(top) = open.last_mut() {
                    top.expect_key = false;
                    top.value = top.node.and_then(|node| node.meet_key(key));
                    for &(i, name) in top.value.iter().flat_map(|node| &node.ends) {
                        if name {
                            spans[i] = range.clone();
                        }
                    }
                }
                continue;
            }
            _ => {}
        }
        // A value starts: its node, if a path goes through it.
        let node = match open.last_mut() {
            None => Some(tree),
            Some(top) if top.object => top.value.take(),
            Some(top) => {
                top.next += 1;
                top.node.and_then(|node| node.meet_index(top.next - 1))
            }
        };
        match token {
            Token::OpenBrace | Token::OpenBracket => open.push(Open {
                node,
                start: range.start,
                object: token == Token::OpenBrace,
                expect_key: token == Token::OpenBrace,
                value: None,
                next: 0,
            }),
            _ => {
                if let Some(node) = node {
                    node.close(&at_root(&open, range), spans);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jsonc_parser::common::Ranged;
    use jsonc_parser::{CollectOptions, ParseOptions, ast};

    use super::*;

    fn path(steps: &[Step]) -> Path {
        Path {
            steps: steps.to_vec(),
            key_name: false,
        }
    }

    fn key(name: &'static str) -> Step {
        Step::Key(name.into())
    }

    #[test]
    fn every_path_is_found_in_one_scan() {
        let text = r#"{"id": "x", "axes": [{"id": "a", "progress": 150}, {"id": "b", "t\u0069tle": [1, {"x": 2}]}]}"#;
        let progress = path(&[key("axes"), Step::Index(0), key("progress")]);
        let name = progress.clone().key_name();
        let escaped = path(&[
            key("axes"),
            Step::Index(1),
            key("title"),
            Step::Index(1),
            key("x"),
        ]);
        let missing = path(&[key("axes"), Step::Index(1), key("owner"), Step::Index(3)]);
        let past = path(&[key("axes"), Step::Index(5), key("id")]);
        let root = path(&[]);
        let spans = json_spans(text, &[&progress, &name, &escaped, &missing, &past, &root]);
        let shown: Vec<&str> = spans.iter().map(|span| &text[span.clone()]).collect();
        assert_eq!(shown[..3], ["150", "\"progress\"", "2"]);
        // The deepest part that exists: the element, the array.
        assert!(shown[3].starts_with("{\"id\": \"b\"") && shown[3].ends_with("}]}"));
        assert!(shown[4].starts_with('[') && shown[4].ends_with(']'));
        assert_eq!(spans[5], 0..0);
    }

    /// The span of `path` looked up in a tree of the document, one step
    /// after the other: what the scan must agree with.
    fn looked_up(root: &ast::Value<'_>, path: &Path) -> Range<usize> {
        let range = |r: jsonc_parser::common::Range| r.start..r.end;
        let mut best = 0..0;
        let mut value = root;
        for (i, step) in path.steps.iter().enumerate() {
            match (step, value) {
                (Step::Key(key), ast::Value::Object(object)) => {
                    let Some(prop) = object.properties.iter().find(|p| p.name.as_str() == key)
                    else {
                        break;
                    };
                    best = if i + 1 == path.steps.len() && path.key_name {
                        match &prop.name {
                            ast::ObjectPropName::String(s) => range(s.range),
                            ast::ObjectPropName::Word(w) => range(w.range),
                        }
                    } else {
                        range(prop.value.range())
                    };
                    value = &prop.value;
                }
                (Step::Index(index), ast::Value::Array(array)) => {
                    let Some(element) = array.elements.get(*index) else {
                        break;
                    };
                    best = range(element.range());
                    value = element;
                }
                _ => break,
            }
        }
        best
    }

    /// Every path of `value`, and one step further that is not there.
    fn all_paths(value: &ast::Value<'_>, at: &Path, out: &mut Vec<Path>) {
        out.push(at.clone());
        out.push(at.key("absent"));
        out.push(at.index(99));
        match value {
            ast::Value::Object(object) => {
                for prop in &object.properties {
                    let key = at.key(prop.name.as_str().to_owned());
                    out.push(key.clone().key_name());
                    all_paths(&prop.value, &key, out);
                }
            }
            ast::Value::Array(array) => {
                for (i, element) in array.elements.iter().enumerate() {
                    all_paths(element, &at.index(i), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_scan_agrees_with_a_lookup_in_the_tree_for_every_path() {
        let text = include_str!("../../data/tech-gouv-2019-2021.json");
        let root =
            jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
                .ok()
                .and_then(|parsed| parsed.value)
                .expect("the bundled export parses");
        let mut paths = Vec::new();
        all_paths(&root, &Path::default(), &mut paths);
        let asked: Vec<&Path> = paths.iter().collect();
        let spans = json_spans(text, &asked);
        for (path, span) in paths.iter().zip(spans) {
            assert_eq!(
                span,
                looked_up(&root, path),
                "{path} (name: {})",
                path.key_name
            );
        }
    }

    #[test]
    fn a_repeated_key_means_its_first_value() {
        let text = r#"{"a": {"b": 1}, "a": {"b": 2}}"#;
        let b = path(&[key("a"), key("b")]);
        let spans = json_spans(text, &[&b]);
        assert_eq!(&text[spans[0].clone()], "1");
    }
}
