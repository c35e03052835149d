//! Redrawing the timeline's rows in place. The rows' markup is cut into
//! its top-level elements, each known by its item (`data-item`) or by its
//! class and the item before it; a new drawing keeps the elements both
//! drawings have, changes only the attributes that differ when an
//! element's structure is the same, and parses only what is new or changed
//! in structure. A pan then moves the elements on screen (a milestone by
//! its group's `transform`) instead of building them all again: the
//! browser neither parses them, nor computes their style, nor lays their
//! text out anew. A drawing that keeps little of the last one (a zoom of
//! the whole roadmap) is written whole, which costs less than moving and
//! removing element by element from wasm.

use std::collections::{HashMap, HashSet};

use web_sys::Element;

/// Below this share of the larger drawing's elements kept (in fifths), a
/// redrawing writes the markup whole: each element kept costs calls from
/// wasm, and the browser's own parse of everything is then faster. A pan
/// by a quarter of the window keeps about three quarters; a zoom by two,
/// about half.
const KEPT_FIFTHS: usize = 3;

/// One top-level element of the rows' markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What it stands for across drawings: its item, or its tag and class,
    /// then its rank among the pieces of the same name.
    pub key: String,
    /// Its markup.
    pub markup: String,
}

/// A piece of markup as this crate's writer makes it: tags with
/// double-quoted attributes, escaped text, no comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`: its name, its attributes' text.
    Open(&'a str, &'a str, bool),
    /// `</name>`.
    Close,
    /// Text between tags.
    Text(&'a str),
}

/// The tokens of `markup`.
fn tokens(markup: &str) -> Vec<Token<'_>> {
    spanned(markup)
        .into_iter()
        .map(|(token, _)| token)
        .collect()
}

/// The tokens of `markup`, each with the offset where it ends.
fn spanned(markup: &str) -> Vec<(Token<'_>, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < markup.len() {
        let rest = &markup[at..];
        let Some(lt) = rest.find('<') else {
            out.push((Token::Text(rest), markup.len()));
            break;
        };
        if lt > 0 {
            out.push((Token::Text(&rest[..lt]), at + lt));
        }
        // A `>` never appears unescaped inside an attribute value here.
        let Some(gt) = rest[lt..].find('>').map(|found| lt + found) else {
            out.push((Token::Text(&rest[lt..]), markup.len()));
            break;
        };
        let tag = &rest[lt + 1..gt];
        let token = if tag.starts_with('/') {
            Token::Close
        } else {
            let (tag, closed) = match tag.strip_suffix('/') {
                Some(tag) => (tag, true),
                None => (tag, false),
            };
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            Token::Open(&tag[..name_end], &tag[name_end..], closed)
        };
        at += gt + 1;
        out.push((token, at));
    }
    out
}

/// The attributes ` name="value"` of a tag, values still escaped.
fn attributes(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim();
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push((name, &rest[value_start..value_start + len]));
        rest = &rest[value_start + len + 1..];
    }
    out
}

/// An attribute's value as the writer escaped it, unescaped.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in a tag's attributes' text.
fn attribute<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    attributes(text)
        .into_iter()
        .find_map(|(n, value)| (n == name).then_some(value))
}

/// `markup` cut into its top-level elements, each with its key; text
/// between them is dropped.
pub fn pieces(markup: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut ranks: HashMap<String, usize> = HashMap::new();
    let mut depth = 0_usize;
    let mut start = 0;
    let mut name = String::new();
    let mut previous_end = 0;
    let mut after = String::new();
    for (token, end) in spanned(markup) {
        match token {
            Token::Open(tag, attrs, closed) => {
                if depth == 0 {
                    start = previous_end;
                    // A piece of no item is known by what it is and the
                    // item before it: a bar's percentage after its lane,
                    // so that one that comes or goes leaves the others'
                    // names alone.
                    name = match attribute(attrs, "data-item") {
                        Some(item) => {
                            after = format!("item {item}");
                            after.clone()
                        }
                        // The first class only: a grid line that turns
                        // major stays the same line.
                        None => format!(
                            "{tag} {} after {after}",
                            attribute(attrs, "class")
                                .and_then(|class| class.split(' ').next())
                                .unwrap_or("")
                        ),
                    };
                }
                if closed {
                    if depth == 0 {
                        push_piece(&mut out, &mut ranks, &name, &markup[start..end]);
                    }
                } else {
                    depth += 1;
                }
            }
            Token::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    push_piece(&mut out, &mut ranks, &name, &markup[start..end]);
                }
            }
            Token::Text(_) => {}
        }
        previous_end = end;
    }
    out
}

/// Adds a piece named `name`, ranked among those of the same name.
fn push_piece(out: &mut Vec<Piece>, ranks: &mut HashMap<String, usize>, name: &str, markup: &str) {
    let rank = ranks.entry(name.to_owned()).or_insert(0);
    out.push(Piece {
        key: format!("{name}#{rank}"),
        markup: markup.to_owned(),
    });
    *rank += 1;
}

/// Makes `parent`, whose children were drawn from `old`, show `markup`,
/// in place when the new drawing keeps most of the old one, else written
/// whole; returns what it holds then.
pub fn redraw(parent: &Element, old: &[Piece], markup: &str) -> Vec<Piece> {
    let new = pieces(markup);
    let before: HashSet<&str> = old.iter().map(|piece| piece.key.as_str()).collect();
    let kept = new
        .iter()
        .filter(|piece| before.contains(piece.key.as_str()))
        .count();
    if kept * 5 < KEPT_FIFTHS * new.len().max(old.len()) || !patch(parent, old, &new) {
        parent.set_inner_html(markup);
    }
    new
}

/// Makes the children of `parent`, drawn from `old`, show `new`;
/// `false`, having changed nothing, when the children are not `old`'s
/// (the caller then writes `new` whole).
pub fn patch(parent: &Element, old: &[Piece], new: &[Piece]) -> bool {
    if parent.child_element_count() as usize != old.len() {
        return false;
    }
    let index: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, piece)| (piece.key.as_str(), i))
        .collect();
    let mut cursor = parent.first_element_child();
    let mut next_old = 0;
    let mut batch = String::new();
    let insert = |batch: &mut String, cursor: &Option<Element>| {
        if batch.is_empty() {
            return;
        }
        let _ = match cursor {
            Some(element) => element.insert_adjacent_html("beforebegin", batch),
            None => parent.insert_adjacent_html("beforeend", batch),
        };
        batch.clear();
    };
    for piece in new {
        match index.get(piece.key.as_str()) {
            Some(&i) if i >= next_old => {
                insert(&mut batch, &cursor);
                // The old pieces before it are gone.
                for _ in next_old..i {
                    if let Some(element) = cursor.take() {
                        cursor = element.next_element_sibling();
                        element.remove();
                    }
                }
                let Some(element) = cursor.take() else {
                    return false;
                };
                cursor = element.next_element_sibling();
                if old[i].markup != piece.markup {
                    patch_element(&element, &old[i].markup, &piece.markup);
                }
                next_old = i + 1;
            }
            _ => batch.push_str(&piece.markup),
        }
    }
    insert(&mut batch, &cursor);
    while let Some(element) = cursor.take() {
        cursor = element.next_element_sibling();
        element.remove();
    }
    true
}

/// Makes `element`, drawn from `old`, show `new`: attribute by attribute
/// when both have the same elements and text, else written anew.
pub fn patch_element(element: &Element, old: &str, new: &str) {
    let (before, after) = (tokens(old), tokens(new));
    let same_shape = before.len() == after.len()
        && before.iter().zip(&after).all(|pair| match pair {
            (Token::Open(a, _, x), Token::Open(b, _, y)) => a == b && x == y,
            (Token::Close, Token::Close) => true,
            (Token::Text(a), Token::Text(b)) => a == b,
            _ => false,
        });
    if !same_shape {
        element.set_outer_html(new);
        return;
    }
    // The tags whose attributes changed, by their place under `element`
    // (child indices), found in the page only then: most of a milestone's
    // elements stay as they are, and each element reached costs a call.
    let mut path: Vec<usize> = Vec::new();
    let mut next_child: Vec<usize> = Vec::new();
    let mut changed: Vec<(Vec<usize>, &str, &str)> = Vec::new();
    for (was, now) in before.iter().zip(&after) {
        match (was, now) {
            (Token::Open(_, old_attrs, _), Token::Open(_, new_attrs, closed)) => {
                if let Some(index) = next_child.last_mut() {
                    path.push(*index);
                    *index += 1;
                }
                if old_attrs != new_attrs {
                    changed.push((path.clone(), old_attrs, new_attrs));
                }
                if *closed {
                    path.pop();
                } else {
                    next_child.push(0);
                }
            }
            (Token::Close, _) => {
                next_child.pop();
                path.pop();
            }
            _ => {}
        }
    }
    for (place, old_attrs, new_attrs) in changed {
        let mut here = Some(element.clone());
        for &index in &place {
            here = here.and_then(|parent| parent.first_element_child());
            for _ in 0..index {
                here = here.and_then(|sibling| sibling.next_element_sibling());
            }
        }
        let Some(here) = here else {
            element.set_outer_html(new);
            return;
        };
        set_attributes(&here, old_attrs, new_attrs);
    }
}

/// Sets the attributes of `element` that differ from `old` to `new`.
fn set_attributes(element: &Element, old: &str, new: &str) {
    let (old, new) = (attributes(old), attributes(new));
    for (name, value) in &new {
        if !old.contains(&(name, value)) {
            let _ = element.set_attribute(name, &unescape(value));
        }
    }
    for (name, _) in &old {
        if !new.iter().any(|(n, _)| n == name) {
            let _ = element.remove_attribute(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_cut_into_top_level_elements_keyed_by_item_or_class() {
        let markup = "<line class=\"grid\" x1=\"1\"/><g class=\"item\" data-item=\"a&amp;b\">\
                      <rect/><text>x &lt; y</text></g><line class=\"grid\" x1=\"2\"/>";
        let cut = pieces(markup);
        let keys: Vec<&str> = cut.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "line grid after #0",
                "item a&amp;b#0",
                "line grid after item a&amp;b#0"
            ]
        );
        assert_eq!(
            cut[1].markup,
            "<g class=\"item\" data-item=\"a&amp;b\"><rect/><text>x &lt; y</text></g>"
        );
        let joined: String = cut.iter().map(|p| p.markup.as_str()).collect();
        assert_eq!(joined, markup);
    }

    #[test]
    fn attributes_are_read_and_unescaped() {
        assert_eq!(
            attributes(" class=\"a b\" aria-label=\"l&#39;&quot;x&quot;\" x=\"1\""),
            [
                ("class", "a b"),
                ("aria-label", "l&#39;&quot;x&quot;"),
                ("x", "1")
            ]
        );
        assert_eq!(unescape("l&#39;&quot;x&quot; &amp;lt;"), "l'\"x\" &lt;");
    }
}
