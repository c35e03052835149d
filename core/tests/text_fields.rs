//! Every text of the file format, found from its JSON Schema (so a field
//! added later is covered at once), refuses a control character with an
//! error at that value, and a line break unless it is a summary, a
//! description or a note.

use roadmap_core::{Diagnostic, Format, json_schema, load_str};
use serde_json::{Map, Value, json};

/// The fields whose text may span lines.
const MULTI_LINE: [&str; 4] = ["summary", "description", "note", "notes"];

/// One step into a document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index,
}

/// A document with every field of `schema` present (arrays with one
/// element), text fields set to "x", and the path of each text field.
fn full_document(schema: &Value) -> (Value, Vec<Vec<Step>>) {
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    let mut texts = Vec::new();
    let doc = build(schema, &defs, &mut Vec::new(), &mut texts).expect("an object");
    (doc, texts)
}

fn resolve<'a>(schema: &'a Value, defs: &'a Map<String, Value>) -> &'a Value {
    if let Some(name) = schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return resolve(&defs[name], defs);
    }
    if let Some(options) = schema["anyOf"].as_array() {
        let not_null = options.iter().find(|o| o["type"] != "null");
        return resolve(not_null.expect("a non-null option"), defs);
    }
    schema
}

fn is_type(schema: &Value, name: &str) -> bool {
    match &schema["type"] {
        Value::String(t) => t == name,
        Value::Array(types) => types.iter().any(|t| t == name),
        _ => false,
    }
}

fn build(
    schema: &Value,
    defs: &Map<String, Value>,
    path: &mut Vec<Step>,
    texts: &mut Vec<Vec<Step>>,
) -> Option<Value> {
    let schema = resolve(schema, defs);
    if is_type(schema, "object") {
        let mut object = Map::new();
        for (key, property) in schema["properties"].as_object()? {
            path.push(Step::Key(key.clone()));
            if let Some(value) = build(property, defs, path, texts) {
                object.insert(key.clone(), value);
            }
            path.pop();
        }
        return Some(Value::Object(object));
    }
    if is_type(schema, "array") {
        path.push(Step::Index);
        let item = build(&schema["items"], defs, path, texts);
        path.pop();
        return item.map(|item| json!([item]));
    }
    // Plain strings, dates (a pattern) and keywords (`oneOf` constants).
    let text = is_type(schema, "string")
        || schema["oneOf"]
            .as_array()
            .is_some_and(|options| options.iter().all(|o| is_type(o, "string")));
    text.then(|| {
        texts.push(path.clone());
        json!("x")
    })
}

fn set(doc: &mut Value, path: &[Step], text: &str) {
    let mut value = doc;
    for step in path {
        value = match step {
            Step::Key(key) => &mut value[key.as_str()],
            Step::Index => &mut value[0],
        };
    }
    *value = json!(text);
}

fn field(path: &[Step]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(key) => Some(key.as_str()),
            Step::Index => None,
        })
        .unwrap_or_default()
}

fn diagnostics(doc: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(doc).expect("serialisable");
    match load_str("t.json", &text, Format::Json) {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    }
}

#[test]
fn the_schema_has_the_text_fields_of_every_table() {
    let (_, texts) = full_document(&json_schema());
    // id, title, … at the root, in sources, tags, reviews, axes, missions,
    // budgets, milestones, indicators and measurements, and the id lists.
    assert!(texts.len() > 50, "{} text fields: {texts:?}", texts.len());
}

#[test]
fn every_text_field_refuses_an_escape_at_its_value() {
    let (doc, texts) = full_document(&json_schema());
    for path in &texts {
        let mut hostile = doc.clone();
        set(&mut hostile, path, "a\u{1b}]0;title\u{7}b");
        let found: Vec<Diagnostic> = diagnostics(&hostile)
            .into_iter()
            .filter(|d| d.message.contains("U+001B (ESCAPE)"))
            .collect();
        assert_eq!(found.len(), 1, "{path:?}: {found:#?}");
        let at = found[0].location.as_ref().expect("located");
        // The pretty JSON puts each value on its own line.
        assert!(
            at.line_text().contains("\\u001b"),
            "{path:?} located at {at:?}"
        );
        assert_eq!(
            found[0].message,
            format!(
                "`{}` holds the control character U+001B (ESCAPE)",
                field(path)
            )
        );
    }
}

#[test]
fn only_summaries_descriptions_and_notes_may_span_lines() {
    let (doc, texts) = full_document(&json_schema());
    let mut multi_line = Vec::new();
    for path in &texts {
        let mut two_lines = doc.clone();
        set(&mut two_lines, path, "line one\nline two");
        let found: Vec<Diagnostic> = diagnostics(&two_lines)
            .into_iter()
            .filter(|d| d.message.contains("line break"))
            .collect();
        if found.is_empty() {
            multi_line.push(field(path).to_owned());
        } else {
            assert_eq!(found.len(), 1, "{path:?}: {found:#?}");
            let at = found[0].location.as_ref().expect("located");
            assert!(at.line_text().contains("line one\\nline two"), "{path:?}");
        }
    }
    multi_line.sort();
    multi_line.dedup();
    let mut expected = MULTI_LINE.map(str::to_owned).to_vec();
    expected.sort();
    assert_eq!(multi_line, expected);
}
