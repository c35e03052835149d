//! The JSON reader of the export path: fills the file structs (`raw`) with
//! as little code as it can, for the web widget's module. The reading code
//! is not generic: each file struct only lists its fields by key
//! (`Record`, written by `raw::file_structs!` from the struct's own
//! definition), and each kind of field value reads itself (`Field`), so the
//! module holds one object reader, not one serde visitor per struct.
//! Its errors are a byte offset and a short problem, never a formatted
//! message: the full loader, fetched when this reading refuses a file,
//! gives the long located one.
//!
//! It takes exactly what `serde_json` takes for the same structs with
//! `deny_unknown_fields` (the tests below hold it to that): unknown and
//! duplicate keys are refused, and so is any value of another kind.

use std::borrow::Cow;
use std::fmt;

/// What is wrong, in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The text is not JSON: what was expected at the place.
    Syntax(&'static str),
    /// A value of another kind than the field takes (text for a number…).
    Type,
    /// A number the field does not take (negative for a count…).
    Value,
    /// A number too large to be read.
    Range,
    /// A key no file struct takes.
    UnknownField(String),
    /// A key given twice.
    DuplicateField(String),
}

/// Why the text was refused, and where (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The byte offset of the problem in the text.
    pub at: usize,
    /// The problem.
    pub problem: Problem,
}

impl JsonError {
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

type Result<T> = std::result::Result<T, JsonError>;

fn refused<T>(at: usize, problem: Problem) -> Result<T> {
    Err(JsonError { at, problem })
}

/// A file struct as the reader fills it: its fields by key. The reading
/// code finds a key in `keys` (not generic), then asks for the field.
pub(crate) trait Record {
    /// The keys the struct takes, in the order of its fields (at most 64).
    fn keys(&self) -> &'static [&'static str];

    /// The field of the key at `index` in `keys`.
    fn field(&mut self, index: usize) -> Option<&mut dyn Field>;
}

/// A kind of field value, read from the text.
pub(crate) trait Field {
    /// Reads the value that starts after the key's `:`.
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()>;
}

impl Field for bool {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        *self = match reader.peek() {
            Some(b't') => reader.literal("true").map(|()| true)?,
            Some(b'f') => reader.literal("false").map(|()| false)?,
            _ => return reader.refuse(Problem::Type),
        };
        Ok(())
    }
}

impl Field for Option<String> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        *self = if reader.null()? {
            None
        } else {
            Some(reader.text()?)
        };
        Ok(())
    }
}

impl Field for Option<f64> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        *self = if reader.null()? {
            None
        } else {
            Some(match reader.number_value()? {
                Number::Unsigned(n) => n as f64,
                Number::Signed(n) => n as f64,
                Number::Float(n) => n,
            })
        };
        Ok(())
    }
}

impl Field for Option<u32> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        *self = if reader.null()? {
            None
        } else {
            let start = reader.at;
            // As serde: a fraction is another kind of value, a negative or
            // too large count a value the field does not take.
            let count = match reader.number_value()? {
                Number::Unsigned(n) => u32::try_from(n).ok(),
                Number::Signed(_) => None,
                Number::Float(_) => return refused(start, Problem::Type),
            };
            match count {
                Some(count) => Some(count),
                None => return refused(start, Problem::Value),
            }
        };
        Ok(())
    }
}

impl Field for Vec<String> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        reader.array(&mut |reader| {
            self.push(reader.text()?);
            Ok(())
        })
    }
}

impl Field for Option<Vec<String>> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        *self = if reader.null()? {
            None
        } else {
            let mut items = Vec::new();
            items.read(reader)?;
            Some(items)
        };
        Ok(())
    }
}

/// A list of file structs, as the reader adds to it.
trait Records {
    /// A new struct at the end of the list, holding its defaults.
    fn push_new(&mut self) -> &mut dyn Record;
}

impl<T: Record + Default> Records for Vec<T> {
    fn push_new(&mut self) -> &mut dyn Record {
        self.push_mut(T::default())
    }
}

// The two generic kinds: each is a call into the reader's non-generic
// code, per file struct.
impl<T: Record + Default> Field for Vec<T> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        reader.array(&mut |reader| reader.record(self.push_new()))
    }
}

impl<T: Record + Default> Field for Option<T> {
    fn read(&mut self, reader: &mut JsonReader<'_>) -> Result<()> {
        if !reader.null()? {
            reader.record(self.insert(T::default()))?;
        }
        Ok(())
    }
}

/// A JSON number as read: the smallest kind that holds it, as `serde_json`
/// reads it.
#[cfg_attr(test, derive(Debug, PartialEq))]
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// The reader: the text and the offset read up to. Its depth is bounded by
/// the file structs' own nesting, never by the text: every value is read
/// as the kind its field takes, and anything else is refused where it
/// starts.
pub(crate) struct JsonReader<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> JsonReader<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        JsonReader { text, at: 0 }
    }

    /// Fills `record` from the object that starts the text, and refuses
    /// what follows it but white space.
    pub(crate) fn read_all(&mut self, record: &mut dyn Record) -> Result<()> {
        self.record(record)?;
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("nothing after the roadmap's closing `}`"),
        }
    }

    fn refuse<T>(&self, problem: Problem) -> Result<T> {
        refused(self.at, problem)
    }

    fn fail<T>(&self, what: &'static str) -> Result<T> {
        self.refuse(Problem::Syntax(what))
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

    /// Whether the value is `null` (then consumed).
    fn null(&mut self) -> Result<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// The string value that starts here.
    fn text(&mut self) -> Result<String> {
        if self.peek() != Some(b'"') {
            return self.refuse(Problem::Type);
        }
        self.string().map(Cow::into_owned)
    }

    /// The number value that starts here.
    fn number_value(&mut self) -> Result<Number> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.refuse(Problem::Type),
        }
    }

    /// The object that starts here, into `record`. Keys are matched after
    /// their escapes are read, as serde matches them.
    fn record(&mut self, record: &mut dyn Record) -> Result<()> {
        if self.peek() != Some(b'{') {
            return self.refuse(Problem::Type);
        }
        self.at += 1;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        let mut seen = 0_u64;
        loop {
            if self.peek() != Some(b'"') {
                return self.fail("a key in quotes");
            }
            let key_at = self.at;
            let key = self.string()?;
            let found = record.keys().iter().position(|known| *known == key);
            let Some((index, field)) = found.and_then(|index| Some((index, record.field(index)?)))
            else {
                return refused(key_at, Problem::UnknownField(key.into_owned()));
            };
            if seen & (1 << index) != 0 {
                return refused(key_at, Problem::DuplicateField(key.into_owned()));
            }
            seen |= 1 << index;
            self.consume(b':', "`:` after a key")?;
            field.read(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.fail("`,` or `}`"),
            }
        }
    }

    /// The array that starts here, each item read by `item`.
    fn array(&mut self, item: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        if self.peek() != Some(b'[') {
            return self.refuse(Problem::Type);
        }
        self.at += 1;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.fail("`,` or `]`"),
            }
        }
    }

    /// The string that starts here (at its opening quote), borrowed from the
    /// text when it has no escape.
    fn string(&mut self) -> Result<Cow<'t, str>> {
        self.at += 1;
        let mut run = self.at;
        let mut owned: Option<String> = None;
        loop {
            // Straight to the next byte that is not plain string content.
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            self.at += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
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
                Some(_) => return self.fail("a control character inside a string"),
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
            let value = text[usize::from(negative)..]
                .bytes()
                .try_fold(0_u64, |value, digit| {
                    value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
                });
            match value {
                Some(value) if !negative => return Ok(Number::Unsigned(value)),
                Some(value @ 1..) => {
                    if let Some(value) = 0_i64.checked_sub_unsigned(value) {
                        return Ok(Number::Signed(value));
                    }
                }
                _ => {}
            }
        }
        // Not `str::parse`: see `decimal`.
        match crate::decimal::to_f64(text) {
            Some(value) => Ok(Number::Float(value)),
            None => refused(start, Problem::Range),
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
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::raw::file_structs;

    file_structs! {
        #[derive(Debug, Default, serde::Deserialize, PartialEq)]
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
            ids: Option<Vec<String>>,
            #[serde(default)]
            items: Vec<Inner>,
        }

        #[derive(Debug, Default, serde::Deserialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        struct Inner {
            id: Option<String>,
        }
    }

    fn read(text: &str) -> Result<Sample> {
        let mut sample = Sample::default();
        JsonReader::new(text).read_all(&mut sample)?;
        Ok(sample)
    }

    fn refused(text: &str) -> (usize, String) {
        let error = read(text).expect_err("refused");
        (error.at, error.message())
    }

    #[test]
    fn the_sample_takes_serde_s_keys() {
        for (name, serde, ours) in file_struct_keys() {
            assert_eq!(serde, ours, "{name}");
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#" { "name": "a\"b\\c\/\u00e9\ud83d\ude00\n", "tags": ["x", "y"],
            "count": 7, "value": -1.5e2, "flag": true, "inner": {"id": "i"},
            "ids": ["a"], "items": [{}, {"id": null}, {"id": "j"}] } "#;
        let sample = read(text).expect("reads");
        assert_eq!(
            sample,
            serde_json::from_str(text).expect("serde_json reads it")
        );
        assert_eq!(sample.name.as_deref(), Some("a\"b\\c/é😀\n"));
        assert_eq!(sample.value, Some(-150.0));
        assert_eq!(sample.items.len(), 3);
        let empty =
            read(r#"{"name": null, "tags": [], "inner": null, "ids": null}"#).expect("reads");
        assert_eq!(empty, Sample::default());
        // Keys are matched after their escapes are read, as serde does.
        assert_eq!(
            read(r#"{"n\u0061me": "x"}"#)
                .expect("reads")
                .name
                .as_deref(),
            Some("x")
        );
        // Numbers as serde_json reads them into each kind of field.
        for (text, value) in [
            ("99999999999999999999", 1e20),
            ("-9223372036854775808", -9_223_372_036_854_775_808.0),
            ("1e-400", 0.0),
            ("5", 5.0),
        ] {
            let text = format!("{{\"value\": {text}}}");
            let expected = serde_json::from_str::<Sample>(&text).expect("serde_json");
            assert_eq!(expected.value, Some(value));
            assert_eq!(read(&text).expect("reads"), expected);
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses_with_its_place() {
        for text in [
            "{\"name\": \"x\",,}",
            "{\"name\" \"x\"}",
            "{\"name\": \"x\"",
            "{\"name\": \"a\u{1}\"}",
            "{\"name\": \"\\ud800\"}",
            "{\"name\": \"\\udc00\"}",
            "{\"name\": \"\\ud800\\u0041\"}",
            "{\"name\": \"\\x\"}",
            "{\"name\": \"\\u12\"}",
            "{\"count\": 01}",
            "{\"count\": 1.}",
            "{\"count\": -0}",
            "{\"count\": -1}",
            "{\"count\": 1.5}",
            "{\"count\": 1e2}",
            "{\"count\": 5000000000}",
            "{\"count\": 99999999999999999999}",
            "{\"value\": 1e400}",
            "{\"value\": -1e400}",
            "{\"value\": \"1\"}",
            "{\"value\": true}",
            "{\"tags\": [\"x\",]}",
            "{\"tags\": null}",
            "{\"tags\": [null]}",
            "{\"tags\": [1]}",
            "{\"flag\": null}",
            "{\"flag\": tru}",
            "{\"flag\": 1}",
            "{\"ids\": [\"x\" \"y\"]}",
            "{\"name\": \"x\", \"name\": \"y\"}",
            "{\"name\": null, \"name\": null}",
            "{\"name\": \"x\", \"n\\u0061me\": \"y\"}",
            "{\"tags\": [], \"tags\": []}",
            "{\"nom\": \"x\"}",
            "{\"inner\": {\"di\": 1}}",
            "{\"inner\": []}",
            "{\"items\": [{}, []]}",
            "{\"items\": {}}",
            "[\"x\"]",
            "\"x\"",
            "{} {}",
            "{}}",
            "",
            " ",
        ] {
            assert!(serde_json::from_str::<Sample>(text).is_err(), "{text}");
            assert!(read(text).is_err(), "{text}");
        }
        assert_eq!(
            refused("{\"name\": \"x\",,}"),
            (13, "invalid JSON: a key in quotes".to_owned())
        );
        assert_eq!(
            refused("{\"nom\": 1}"),
            (1, "unknown field `nom`".to_owned())
        );
        assert_eq!(
            refused("{\"inner\": {\"di\": 1}}"),
            (11, "unknown field `di`".to_owned())
        );
        assert_eq!(
            refused("{\"name\": null, \"name\": 1}"),
            (15, "duplicate field `name`".to_owned())
        );
        assert_eq!(
            refused("{\"count\": \"1\"}"),
            (
                10,
                "invalid type: not the kind of value this field takes".to_owned()
            )
        );
        assert_eq!(
            refused("{\"count\": -1}"),
            (10, "invalid value for this field".to_owned())
        );
        assert_eq!(
            refused("{\"value\": 1e400}"),
            (10, "number out of range".to_owned())
        );
        assert_eq!(refused("{\"items\": [{}, 3]}").0, 15);
        assert_eq!(refused("{} x").0, 3);
    }

    #[test]
    fn integers_are_read_in_the_kind_serde_json_gives() {
        for (text, number) in [
            ("0", Number::Unsigned(0)),
            ("18446744073709551615", Number::Unsigned(u64::MAX)),
            (
                "18446744073709551616",
                Number::Float(18_446_744_073_709_551_616.0),
            ),
            ("-1", Number::Signed(-1)),
            ("-9223372036854775808", Number::Signed(i64::MIN)),
            (
                "-9223372036854775809",
                Number::Float(-9_223_372_036_854_775_809.0),
            ),
            ("-0", Number::Float(-0.0)),
            ("1.0", Number::Float(1.0)),
        ] {
            assert_eq!(JsonReader::new(text).number().ok(), Some(number), "{text}");
            let theirs: serde_json::Value = serde_json::from_str(text).expect("a number");
            let kind = match JsonReader::new(text).number() {
                Ok(Number::Unsigned(_)) => theirs.is_u64(),
                Ok(Number::Signed(_)) => theirs.is_i64() && !theirs.is_u64(),
                _ => theirs.is_f64(),
            };
            assert!(kind, "{text}");
        }
        assert!(JsonReader::new("-0").number().is_ok_and(|number| {
            matches!(number, Number::Float(zero) if zero.is_sign_negative())
        }));
    }

    #[test]
    fn hostile_input_is_refused_where_it_starts() {
        // Nesting deeper than the structs' own is refused at its first
        // bracket: the reader never goes deeper than the structs.
        for (head, at) in [("", 0), ("{\"inner\": ", 10), ("{\"items\": [", 11)] {
            for open in ["[", "{\"inner\": ", "{\"items\": ["] {
                let text = [head, &open.repeat(100_000)].concat();
                assert!(serde_json::from_str::<Sample>(&text).is_err());
                let (error_at, _) = refused(&text);
                if open == "[" {
                    assert_eq!(error_at, at, "{head}");
                }
            }
        }
        let huge = ["{\"value\": 1", &"0".repeat(400), "}"].concat();
        assert!(serde_json::from_str::<Sample>(&huge).is_err());
        assert_eq!(refused(&huge), (10, "number out of range".to_owned()));
        let long = ["{\"value\": 1", &"0".repeat(200), "}"].concat();
        assert_eq!(read(&long).expect("reads").value, Some(1e200));
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
            "\"n\\u0061me\"",
            "\"tags\"",
            "\"count\"",
            "\"value\"",
            "\"flag\"",
            "\"inner\"",
            "\"id\"",
            "\"ids\"",
            "\"items\"",
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
            "-1",
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
            ids in prop::option::of(prop::collection::vec(".*", 0..3)),
            items in prop::collection::vec(prop::option::of(".*"), 0..3),
        ) {
            let sample = Sample {
                name, tags, count, value, flag, inner: None, ids,
                items: items.into_iter().map(|id| Inner { id }).collect(),
            };
            let items: Vec<_> = sample.items.iter().map(|item| serde_json::json!({"id": item.id})).collect();
            let text = serde_json::to_string(&serde_json::json!({
                "name": sample.name, "tags": sample.tags, "count": sample.count,
                "value": sample.value, "flag": sample.flag, "ids": sample.ids,
                "items": items,
            })).expect("written");
            prop_assert_eq!(read(&text).expect("read"), sample);
        }
    }
}
