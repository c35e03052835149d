//! The JSON reader of the export path: a small `serde` deserializer over the
//! text that fills the file structs with as little code as it can, for the
//! web widget's module. Its errors are a byte offset and a short problem,
//! never a formatted `serde` message: the full loader, fetched when this
//! reading refuses a file, gives the long located one.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// Deeper nesting is refused (as `serde_json` refuses it), so that no
/// input can exhaust the stack.
const MAX_DEPTH: u32 = 128;

/// What is wrong, in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The text is not JSON: what was expected at the place.
    Syntax(&'static str),
    /// A value of another kind than the field takes (text for a number…).
    Type,
    /// A value the field does not take.
    Value,
    /// A number too large to be read.
    Range,
    /// A key no file struct takes.
    UnknownField(String),
    /// A required key is missing.
    MissingField(&'static str),
    /// A key given twice.
    DuplicateField(&'static str),
}

/// Why the text was refused, and where (a byte offset), when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The byte offset of the problem in the text.
    pub at: Option<usize>,
    /// The problem.
    pub problem: Problem,
}

impl JsonError {
    fn new(problem: Problem) -> Self {
        JsonError { at: None, problem }
    }

    /// Places an error that has no place yet (a value refused by a field).
    fn or_at(mut self, at: usize) -> Self {
        self.at.get_or_insert(at);
        self
    }

    /// The problem in words (built without `format!`: this module's point is
    /// to keep formatting code out of the widget).
    pub(crate) fn message(&self) -> String {
        let quoted = |head: &str, name: &str| [head, " `", name, "`"].concat();
        match &self.problem {
            Problem::Syntax(what) => ["invalid JSON: ", what].concat(),
            Problem::Type => "invalid type: not the kind of value this field takes".to_owned(),
            Problem::Value => "invalid value for this field".to_owned(),
            Problem::Range => "number out of range".to_owned(),
            Problem::UnknownField(name) => quoted("unknown field", name),
            Problem::MissingField(name) => quoted("missing field", name),
            Problem::DuplicateField(name) => quoted("duplicate field", name),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for JsonError {}

impl de::Error for JsonError {
    // serde's messages are dropped unformatted: see the module's doc.
    fn custom<T: fmt::Display>(_message: T) -> Self {
        JsonError::new(Problem::Value)
    }

    fn invalid_type(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        JsonError::new(Problem::Type)
    }

    fn invalid_value(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        JsonError::new(Problem::Value)
    }

    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        JsonError::new(Problem::Value)
    }

    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        JsonError::new(Problem::Value)
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        JsonError::new(Problem::UnknownField(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        JsonError::new(Problem::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        JsonError::new(Problem::DuplicateField(field))
    }
}

type Result<T> = std::result::Result<T, JsonError>;

/// A JSON number as read: the smallest kind that holds it, as `serde_json`
/// gives it to a visitor.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// The reader: the text and the offset read up to.
pub(crate) struct JsonReader<'t> {
    text: &'t str,
    at: usize,
    depth: u32,
}

impl<'t> JsonReader<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        JsonReader {
            text,
            at: 0,
            depth: 0,
        }
    }

    /// Refuses what follows the value, but white space.
    pub(crate) fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("nothing after the roadmap's closing `}`"),
        }
    }

    fn fail<T>(&self, what: &'static str) -> Result<T> {
        Err(JsonError::new(Problem::Syntax(what)).or_at(self.at))
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The next byte that is not white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.at += 1;
        }
        self.byte()
    }

    /// Consumes `wanted` (after white space), else fails saying `what`.
    fn consume(&mut self, wanted: u8, what: &'static str) -> Result<()> {
        if self.peek() == Some(wanted) {
            self.at += 1;
            Ok(())
        } else {
            self.fail(what)
        }
    }

    fn refuse_type<T>(&self) -> Result<T> {
        Err(JsonError::new(Problem::Type).or_at(self.at))
    }

    /// Enters an object or an array (its opening byte is next).
    fn enter(&mut self) -> Result<()> {
        if self.depth == MAX_DEPTH {
            return self.fail("nested too deep");
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// The string that starts here (at its opening quote), borrowed from the
    /// text when it has no escape.
    fn string(&mut self) -> Result<Cow<'t, str>> {
        self.at += 1;
        let mut run = self.at;
        let mut owned: Option<String> = None;
        loop {
            match self.byte() {
                None => return self.fail("a string is not closed"),
                Some(b'"') => {
                    let tail = &self.text[run..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    text.push(self.escape()?);
                    run = self.at;
                }
                Some(0..=0x1f) => return self.fail("a control character inside a string"),
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char> {
        let simple = match self.byte() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if !self.text[self.at..].starts_with("\\u") {
                            return self.fail("a lone surrogate in a `\\u` escape");
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return self.fail("a lone surrogate in a `\\u` escape");
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return self.fail("a lone surrogate in a `\\u` escape"),
                    code => code,
                };
                return char::from_u32(code).map_or_else(|| self.fail("an invalid escape"), Ok);
            }
            _ => return self.fail("an invalid escape"),
        };
        self.at += 1;
        Ok(simple)
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(digit) = self.byte().and_then(|b| char::from(b).to_digit(16)) else {
                return self.fail("four hexadecimal digits after `\\u`");
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.byte().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// The number that starts here, by JSON's grammar.
    fn number(&mut self) -> Result<Number> {
        let start = self.at;
        let negative = self.byte() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.byte() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("a number"),
        }
        let mut float = false;
        if self.byte() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return self.fail("digits after the decimal point");
            }
            float = true;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return self.fail("digits in the exponent");
            }
            float = true;
        }
        let text = &self.text[start..self.at];
        if !float {
            // As serde_json: `-0` is a float, an integer too large for 64
            // bits is read as a float.
            if negative {
                if let Ok(value) = text.parse::<i64>()
                    && value != 0
                {
                    return Ok(Number::Signed(value));
                }
            } else if let Ok(value) = text.parse::<u64>() {
                return Ok(Number::Unsigned(value));
            }
        }
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(Number::Float(value)),
            _ => Err(JsonError::new(Problem::Range).or_at(start)),
        }
    }

    /// Consumes the literal `word` (`true`, `false`, `null`).
    fn literal(&mut self, word: &'static str) -> Result<()> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            self.fail("a value")
        }
    }

    /// Skips one value of any kind (a key some other reader ignores).
    fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            Some(open @ (b'{' | b'[')) => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.enter()?;
                if self.peek() == Some(close) {
                    self.at += 1;
                } else {
                    loop {
                        if open == b'{' {
                            if self.peek() != Some(b'"') {
                                return self.fail("a key in quotes");
                            }
                            self.string()?;
                            self.consume(b':', "`:` after a key")?;
                        }
                        self.skip()?;
                        match self.peek() {
                            Some(b',') => self.at += 1,
                            Some(b) if b == close => {
                                self.at += 1;
                                break;
                            }
                            _ => return self.fail("`,` or the closing bracket"),
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            _ => self.fail("a value"),
        }
    }
}

/// The items of an array, or the entries of an object.
struct Items<'r, 't> {
    reader: &'r mut JsonReader<'t>,
    first: bool,
    close: u8,
}

impl Items<'_, '_> {
    /// Whether another item follows (consuming the comma), or the closing
    /// bracket (consumed).
    fn more(&mut self) -> Result<bool> {
        let next = self.reader.peek();
        if next == Some(self.close) {
            self.reader.at += 1;
            self.reader.depth -= 1;
            self.close = 0;
            return Ok(false);
        }
        if self.first {
            self.first = false;
            return Ok(true);
        }
        if next == Some(b',') {
            self.reader.at += 1;
            return Ok(true);
        }
        self.reader.fail(if self.close == b'}' {
            "`,` or `}`"
        } else {
            "`,` or `]`"
        })
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.more()? {
            seed.deserialize(&mut *self.reader).map(Some)
        } else {
            Ok(None)
        }
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        if self.reader.peek() != Some(b'"') {
            return self.reader.fail("a key in quotes");
        }
        let key = seed.deserialize(&mut *self.reader)?;
        self.reader.consume(b':', "`:` after a key")?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

impl<'t> JsonReader<'t> {
    /// Reads the object or array that starts here with `visit`, then checks
    /// that it was read to its closing bracket.
    fn items<T>(
        &mut self,
        close: u8,
        visit: impl FnOnce(&mut Items<'_, 't>) -> Result<T>,
    ) -> Result<T> {
        self.enter()?;
        let mut items = Items {
            reader: self,
            first: true,
            close,
        };
        let value = visit(&mut items);
        let done = items.close == 0;
        let value = value.map_err(|e| e.or_at(self.at))?;
        if !done {
            // The visitor stopped early: what is left is not its.
            return self.fail("fewer items");
        }
        Ok(value)
    }

    fn number_value<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'-' | b'0'..=b'9') => match self.number()? {
                Number::Unsigned(n) => visitor.visit_u64(n),
                Number::Signed(n) => visitor.visit_i64(n),
                Number::Float(n) => visitor.visit_f64(n),
            },
            _ => return self.refuse_type(),
        };
        value.map_err(|e: JsonError| e.or_at(start))
    }
}

impl<'de> de::Deserializer<'de> for &mut JsonReader<'de> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'{') => self.deserialize_map(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'"') => self.deserialize_str(visitor),
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            Some(b'-' | b'0'..=b'9') => self.number_value(visitor),
            _ => self.fail("a value"),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.peek() {
            Some(b't') => self.literal("true").map(|()| true)?,
            Some(b'f') => self.literal("false").map(|()| false)?,
            _ => return self.refuse_type(),
        };
        visitor.visit_bool(value)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_value(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_value(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() != Some(b'"') {
            return self.refuse_type();
        }
        let start = self.at;
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
        .map_err(|e: JsonError| e.or_at(start))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() != Some(b'[') {
            return self.refuse_type();
        }
        self.items(b']', |items| visitor.visit_seq(items))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() != Some(b'{') {
            return self.refuse_type();
        }
        self.items(b'}', |items| visitor.visit_map(items))
    }

    // An object only (serde_json also takes an array of the fields in
    // order): one way in per struct keeps its code small.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct enum
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: Option<String>,
        #[serde(default)]
        tags: Vec<String>,
        count: Option<u32>,
        value: Option<f64>,
        #[serde(default)]
        flag: bool,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        id: String,
    }

    fn read(text: &str) -> Result<Sample> {
        let mut reader = JsonReader::new(text);
        let sample = Sample::deserialize(&mut reader)?;
        reader.end()?;
        Ok(sample)
    }

    fn refused(text: &str) -> (Option<usize>, String) {
        let error = read(text).expect_err("refused");
        (error.at, error.message())
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#" { "name": "a\"b\\c\/\u00e9\ud83d\ude00\n", "tags": ["x", "y"],
            "count": 7, "value": -1.5e2, "flag": true, "inner": {"id": "i"} } "#;
        let sample = read(text).expect("reads");
        assert_eq!(
            sample,
            serde_json::from_str(text).expect("serde_json reads it")
        );
        assert_eq!(sample.name.as_deref(), Some("a\"b\\c/é😀\n"));
        assert_eq!(sample.value, Some(-150.0));
        let empty = read(r#"{"name": null, "tags": [], "inner": null}"#).expect("reads");
        assert_eq!(empty.name, None);
        assert!(empty.tags.is_empty());
    }

    #[test]
    fn refuses_what_serde_json_refuses_with_its_place() {
        for text in [
            "{\"name\": \"x\",,}",
            "{\"name\" \"x\"}",
            "{\"name\": \"x\"",
            "{\"name\": \"a\u{1}\"}",
            "{\"name\": \"\\ud800\"}",
            "{\"name\": \"\\x\"}",
            "{\"count\": 01}",
            "{\"count\": 1.}",
            "{\"count\": -0}",
            "{\"count\": 1.5}",
            "{\"count\": 5000000000}",
            "{\"value\": 1e400}",
            "{\"value\": \"1\"}",
            "{\"tags\": [\"x\",]}",
            "{\"name\": \"x\", \"name\": \"y\"}",
            "{\"nom\": \"x\"}",
            "{\"inner\": {}}",
            "{\"flag\": tru}",
            "[\"x\"]",
            "{} {}",
            "",
        ] {
            assert!(serde_json::from_str::<Sample>(text).is_err(), "{text}");
            assert!(read(text).is_err(), "{text}");
        }
        assert_eq!(
            refused("{\"name\": \"x\",,}"),
            (Some(13), "invalid JSON: a key in quotes".to_owned())
        );
        assert_eq!(
            refused("{\"nom\": 1}"),
            (Some(1), "unknown field `nom`".to_owned())
        );
        assert_eq!(
            refused("{\"inner\": {}}"),
            (Some(12), "missing field `id`".to_owned())
        );
        assert_eq!(
            refused("{\"count\": \"1\"}").1,
            "invalid type: not the kind of value this field takes"
        );
        assert_eq!(refused("{} x").0, Some(3));
    }

    /// Texts made of JSON's own pieces, most of them near-misses: the
    /// reader must take exactly what `serde_json` takes, with the same
    /// result, and never panic.
    fn json_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\"name\"",
            "\"tags\"",
            "\"count\"",
            "\"value\"",
            "\"flag\"",
            "\"inner\"",
            "\"id\"",
            "\"x\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\n\"",
            "\"",
            "\\",
            "null",
            "true",
            "fals",
            "0",
            "-",
            "1.5",
            "7",
            "01",
            "1e3",
            "4294967296",
            "\u{1}",
            "é",
        ]);
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn takes_exactly_what_serde_json_takes(text in json_like()) {
            let ours = read(&text).ok();
            let theirs = serde_json::from_str::<Sample>(&text).ok();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn reads_every_sample_serde_json_writes(
            name in prop::option::of(".*"),
            tags in prop::collection::vec(".*", 0..3),
            count in prop::option::of(any::<u32>()),
            value in prop::option::of(-1e12f64..1e12),
            flag in any::<bool>(),
        ) {
            let sample = Sample { name, tags, count, value, flag, inner: None };
            let text = serde_json::to_string(&serde_json::json!({
                "name": sample.name, "tags": sample.tags, "count": sample.count,
                "value": sample.value, "flag": sample.flag,
            })).expect("written");
            prop_assert_eq!(read(&text).expect("read"), sample);
        }
    }

    #[test]
    fn nesting_and_skipping_are_bounded() {
        let deep = "[".repeat(200);
        let mut reader = JsonReader::new(&deep);
        assert!(de::IgnoredAny::deserialize(&mut reader).is_err());
        let mut reader = JsonReader::new(r#"{"a": [1, {"b": null}, "c\"", true], "d": {}} "#);
        de::IgnoredAny::deserialize(&mut reader).expect("skipped");
        reader.end().expect("all read");
    }
}
