//! One document tree for both formats, and the one deserializer the file
//! structs are read with: their `Deserialize` code exists once, whatever
//! the format. It records the keys a struct does not know (with the fields
//! it does) and names the path of any value it cannot read.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, Visitor,
};
use toml::de::DeValue;

use crate::excerpt::{QUOTE_CHARS, shorten};
use crate::locate::{Path, Step};
use crate::raw::RawRoadmap;

/// A key no struct field takes, with the fields that struct has.
pub(crate) type UnknownKey = (Path, &'static [&'static str]);

/// The keys no struct field takes.
pub(crate) type Unknown = RefCell<Vec<UnknownKey>>;

/// A parsed document. TOML values are opened one level at a time, as
/// the file structs reach them: keys they ignore are never converted.
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    I64(i64),
    U64(u64),
    I128(i128),
    U128(u128),
    F64(f64),
    Str(Cow<'a, str>),
    /// A TOML date-time (an unquoted date), as written.
    Datetime(String),
    Array(Vec<Node<'a>>),
    Table(Vec<(Cow<'a, str>, Node<'a>)>),
    /// A TOML value not opened yet.
    Toml(DeValue<'a>),
    /// A number toml cannot represent, and toml's message for it.
    Bad(&'static str),
}

impl Node<'_> {
    fn open(self) -> Self {
        let Node::Toml(value) = self else { return self };
        match value {
            DeValue::String(s) => Node::Str(s),
            DeValue::Integer(n) => {
                let (text, radix) = (n.as_str(), n.radix());
                if let Ok(v) = i64::from_str_radix(text, radix) {
                    Node::I64(v)
                } else if let Ok(v) = u64::from_str_radix(text, radix) {
                    Node::U64(v)
                } else if let Ok(v) = i128::from_str_radix(text, radix) {
                    Node::I128(v)
                } else if let Ok(v) = u128::from_str_radix(text, radix) {
                    Node::U128(v)
                } else {
                    Node::Bad("integer number overflowed")
                }
            }
            DeValue::Float(f) => match f.as_str().parse::<f64>() {
                // As toml: an infinity must be written `inf`, not overflow.
                Ok(v) if !v.is_infinite() || f.as_str().contains("inf") => Node::F64(v),
                _ => Node::Bad("floating-point number overflowed"),
            },
            DeValue::Boolean(b) => Node::Bool(b),
            DeValue::Datetime(date) => Node::Datetime(date.to_string()),
            DeValue::Array(items) => Node::Array(
                items
                    .into_iter()
                    .map(|v| Node::Toml(v.into_inner()))
                    .collect(),
            ),
            DeValue::Table(table) => Node::Table(
                table
                    .into_iter()
                    .map(|(k, v)| (k.into_inner(), Node::Toml(v.into_inner())))
                    .collect(),
            ),
        }
    }
}

/// What a reading records and leaves out.
pub(crate) struct Reading<'p> {
    /// Where the keys no struct field takes are recorded.
    pub unknown: &'p Unknown,
    /// Keys read as if absent: their values could not be read before.
    pub skipped: &'p [Path],
}

/// A value that could not be read: where, what is wrong, how to fix it.
pub(crate) type Unreadable = (Path, String, Option<String>);

/// Reads the file structs from `root`, leaving out the `skipped` keys; on
/// failure, the first value that could not be read.
pub(crate) fn read(root: Node<'_>, reading: &Reading<'_>) -> Result<RawRoadmap, Unreadable> {
    let at = At::Root;
    RawRoadmap::deserialize(Value {
        node: root,
        at: &at,
        reading,
    })
    .map_err(|e| (e.path.unwrap_or_default(), e.message, e.help))
}

/// The key to leave out so that the value at `path` is read as absent: the
/// key itself, or the list an element of which is unreadable. None for
/// the root, which cannot be left out.
pub(crate) fn key_to_skip(path: &Path) -> Option<Path> {
    let mut path = Path {
        steps: path.steps.clone(),
        key_name: false,
    };
    while let Some(last) = path.steps.last() {
        if matches!(last, Step::Key(_)) {
            return Some(path);
        }
        path.steps.pop();
    }
    None
}

/// Where a value sits: a linked list of steps, on the stack.
#[derive(Clone, Copy)]
enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl At<'_> {
    fn path(&self) -> Path {
        match *self {
            At::Root => Path::default(),
            At::Key(parent, key) => parent.path().key(key.to_owned()),
            At::Index(parent, index) => parent.path().index(index),
        }
    }
}

#[derive(Debug)]
pub(crate) struct Error {
    message: String,
    help: Option<String>,
    path: Option<Path>,
}

impl Error {
    fn at(mut self, at: &At<'_>) -> Self {
        if self.path.is_none() {
            self.path = Some(at.path());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            help: None,
            path: None,
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        mismatch(unexpected, &expected.to_string())
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        mismatch(unexpected, &expected.to_string())
    }
}

/// A value of the wrong kind, in an author's words: "expected a number,
/// found the text \"50%\"", not serde's "invalid type: string, expected f64".
fn mismatch(unexpected: Unexpected<'_>, expected: &str) -> Error {
    let wanted = match expected {
        "f64" | "f32" => "a number",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            "a whole number from 0"
        }
        "a string" => "text in quotes",
        "a boolean" => "`true` or `false`",
        "a sequence" => "a list in brackets, `[…]`",
        table if table.starts_with("struct ") || table == "a map" => "a table",
        other => other,
    };
    let found = match unexpected {
        // JSON's `null`, as serde_json names it; a long text by its start.
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Str(text) => format!("the text \"{}\"", shorten(text, QUOTE_CHARS)),
        Unexpected::Signed(n) => format!("the number {n}"),
        Unexpected::Unsigned(n) => format!("the number {n}"),
        Unexpected::Float(n) => format!("the number {n}"),
        Unexpected::Bool(b) => format!("`{b}`"),
        Unexpected::Map => "a table".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        other => other.to_string(),
    };
    let help = match (wanted, unexpected) {
        ("a number" | "a whole number from 0", Unexpected::Str(text)) => {
            Some(if text.contains('%') {
                "write the number without quotes and without `%`, e.g. `50`".to_owned()
            } else {
                "write the number without quotes".to_owned()
            })
        }
        ("a whole number from 0", _) => Some("write a count: 0, 1, 2…".to_owned()),
        ("text in quotes", _) => {
            Some("put the value in straight double quotes: `\"…\"`".to_owned())
        }
        ("a list in brackets, `[…]`", Unexpected::Str(text)) => Some(format!(
            "put it in brackets: `[\"{}\"]`",
            shorten(text, QUOTE_CHARS)
        )),
        _ => None,
    };
    Error {
        message: format!("expected {wanted}, found {found}"),
        help,
        path: None,
    }
}

struct Value<'a, 'p> {
    node: Node<'a>,
    at: &'p At<'p>,
    reading: &'p Reading<'p>,
}

impl<'de> Deserializer<'de> for Value<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (at, reading) = (self.at, self.reading);
        match self.node.open() {
            Node::Null => visitor.visit_unit(),
            Node::Bool(v) => visitor.visit_bool(v),
            Node::I64(v) => visitor.visit_i64(v),
            Node::U64(v) => visitor.visit_u64(v),
            Node::I128(v) => visitor.visit_i128(v),
            Node::U128(v) => visitor.visit_u128(v),
            Node::F64(v) => visitor.visit_f64(v),
            Node::Str(Cow::Borrowed(v)) => visitor.visit_borrowed_str(v),
            Node::Str(Cow::Owned(v)) => visitor.visit_string(v),
            // TOML reads an unquoted date as its own type; the format's
            // dates are text, as fuzzy dates need.
            Node::Datetime(date) => Err(Error {
                message: format!("the date {date} is not in quotes"),
                help: Some(format!("dates are text here: write `\"{date}\"`")),
                path: None,
            }),
            Node::Array(items) => visitor.visit_seq(Items {
                rest: items.into_iter().enumerate(),
                at,
                reading,
            }),
            Node::Table(entries) => visitor.visit_map(Entries {
                rest: entries.into_iter(),
                value: None,
                at,
                reading,
            }),
            Node::Toml(_) => unreachable!("opened above"),
            Node::Bad(message) => Err(de::Error::custom(message)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let node = self.node.open();
        let Node::Table(mut entries) = node else {
            return Value { node, ..self }.deserialize_any(visitor);
        };
        entries.retain(|(key, _)| {
            let known = fields.contains(&key.as_ref());
            if !known {
                // The problem is the key, not its value.
                let path = At::Key(self.at, key).path().key_name();
                self.reading.unknown.borrow_mut().push((path, fields));
            }
            known
                && (self.reading.skipped.is_empty()
                    || !self.reading.skipped.contains(&At::Key(self.at, key).path()))
        });
        visitor.visit_map(Entries {
            rest: entries.into_iter(),
            value: None,
            at: self.at,
            reading: self.reading,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier
    }
}

struct Items<'a, 'p> {
    rest: std::iter::Enumerate<std::vec::IntoIter<Node<'a>>>,
    at: &'p At<'p>,
    reading: &'p Reading<'p>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, node)) = self.rest.next() else {
            return Ok(None);
        };
        let at = At::Index(self.at, index);
        seed.deserialize(Value {
            node,
            at: &at,
            reading: self.reading,
        })
        .map(Some)
        .map_err(|e| e.at(&at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rest.len())
    }
}

struct Entries<'a, 'p> {
    rest: std::vec::IntoIter<(Cow<'a, str>, Node<'a>)>,
    value: Option<(Cow<'a, str>, Node<'a>)>,
    at: &'p At<'p>,
    reading: &'p Reading<'p>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.rest.next() else {
            return Ok(None);
        };
        let key = seed.deserialize(entry.0.as_ref().into_deserializer());
        let at = At::Key(self.at, &entry.0);
        let key = key.map_err(|e: Error| e.at(&at))?;
        self.value = Some(entry);
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, node) = self.value.take().unwrap_or((Cow::Borrowed(""), Node::Null));
        let at = At::Key(self.at, &key);
        seed.deserialize(Value {
            node,
            at: &at,
            reading: self.reading,
        })
        .map_err(|e| e.at(&at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rest.len())
    }
}

/// JSON is read into the tree by `serde_json`.
impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::I64(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::U64(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node<'de>, E> {
        Ok(Node::F64(v))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node<'de>>()? {
            let Node::Str(key) = key else {
                return Err(de::Error::custom("a key that is not text"));
            };
            entries.push((key, map.next_value()?));
        }
        Ok(Node::Table(entries))
    }
}
