//! Where the checks put what they find. The checks are written once and
//! run against either sink: a [`Report`] keeps every finding with its
//! message and help (the full loader: `roadmap check`, the explorer), a
//! [`Verdict`] keeps only whether an error was found and where the first
//! one is (the lean reader of the export). The words are given as
//! closures that only a report calls, so that a build that never makes a
//! report (the web widget's module) carries the checks without their words.

#[cfg(any(feature = "full-loader", test))]
use std::collections::HashMap;

#[cfg(any(feature = "full-loader", test))]
use crate::diagnostics::Diagnostic;
use crate::locate::Path;

// The lean build makes no report but in its tests, which compare the two
// sinks.

/// A problem and the path of the value it is about.
#[cfg(any(feature = "full-loader", test))]
pub(crate) type Finding = (Path, Diagnostic);

/// A finding (by its index) and the path of the earlier value it is
/// about: where a duplicated id was first defined.
#[cfg(any(feature = "full-loader", test))]
pub(crate) type Earlier = (usize, Path);

/// What the checks tell a sink.
pub(crate) trait Findings: Default {
    /// Whether the sink keeps warnings: checks that only warn are skipped
    /// when it does not.
    const WARNS: bool;

    /// An error about the value at `path`: what is wrong, and how to fix it.
    fn error<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    );

    /// A warning about the value at `path`: the file loads, but something
    /// looks wrong.
    fn warn<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    );

    /// Whether an error was found.
    fn failed(&self) -> bool;

    /// Where the id `id` of `kind` is first defined, should a later value
    /// repeat it.
    fn first_defined(&mut self, kind: &'static str, id: &str, at: impl FnOnce() -> Path);

    /// Ties the error just found (a repeated id) to where `id` of `kind`
    /// was first defined.
    fn repeats(&mut self, kind: &'static str, id: &str);
}

/// Every finding, errors and warnings, in the order found, with the
/// earlier places some refer to.
#[cfg(any(feature = "full-loader", test))]
#[derive(Default)]
pub(crate) struct Report {
    pub findings: Vec<Finding>,
    pub earlier: Vec<Earlier>,
    /// Where each id was first defined, by kind and id.
    first_at: HashMap<(&'static str, String), Path>,
}

#[cfg(any(feature = "full-loader", test))]
impl Findings for Report {
    const WARNS: bool = true;

    fn error<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    ) {
        self.findings
            .push((path, Diagnostic::error(message()).with_help(help())));
    }

    fn warn<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        message: impl FnOnce() -> M,
        help: impl FnOnce() -> H,
    ) {
        self.findings
            .push((path, Diagnostic::warning(message()).with_help(help())));
    }

    fn failed(&self) -> bool {
        self.findings.iter().any(|(_, d)| d.is_error())
    }

    fn first_defined(&mut self, kind: &'static str, id: &str, at: impl FnOnce() -> Path) {
        self.first_at.insert((kind, id.to_owned()), at());
    }

    fn repeats(&mut self, kind: &'static str, id: &str) {
        if let Some(first) = self.first_at.get(&(kind, id.to_owned())) {
            self.earlier.push((self.findings.len() - 1, first.clone()));
        }
    }
}

/// Whether the checks refuse the file, and the path of the first error
/// they found: no words, no warnings.
#[derive(Default)]
pub(crate) struct Verdict {
    pub first_error: Option<Path>,
}

impl Findings for Verdict {
    const WARNS: bool = false;

    fn error<M: Into<String>, H: Into<String>>(
        &mut self,
        path: Path,
        _: impl FnOnce() -> M,
        _: impl FnOnce() -> H,
    ) {
        self.first_error.get_or_insert(path);
    }

    fn warn<M: Into<String>, H: Into<String>>(
        &mut self,
        _: Path,
        _: impl FnOnce() -> M,
        _: impl FnOnce() -> H,
    ) {
    }

    fn failed(&self) -> bool {
        self.first_error.is_some()
    }

    fn first_defined(&mut self, _: &'static str, _: &str, _: impl FnOnce() -> Path) {}

    fn repeats(&mut self, _: &'static str, _: &str) {}
}

#[cfg(test)]
mod tests {

    use super::{Findings, Report, Verdict};
    use crate::json_reader::JsonReader;
    use crate::raw::RawRoadmap;
    use crate::validate::check;

    /// Values the checks refuse (the JSON reader takes them where the
    /// field takes their type).
    const REFUSED: [&str; 7] = [
        "\"\"",
        "\"x y\"",
        "\"2023-13\"",
        "\"a\\u0007b\"",
        "\"\\u202e\"",
        "-1",
        "[\"nowhere\"]",
    ];

    fn raw(text: &str) -> Option<RawRoadmap> {
        let mut raw = RawRoadmap::default();
        JsonReader::new(text).read_all(&mut raw).ok()?;
        Some(raw)
    }

    /// Every place of `value` that holds no object or array, as pointers.
    fn leaves(value: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    leaves(member, &format!("{at}/{key}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    leaves(item, &format!("{at}/{i}"), out);
                }
            }
            _ => out.push(at.to_owned()),
        }
    }

    #[test]
    fn the_verdict_refuses_what_the_report_refuses_at_its_first_error() {
        let export = include_str!("../../../data/dinum-2023.json");
        let tree: serde_json::Value = serde_json::from_str(export).expect("JSON");
        let mut places = Vec::new();
        leaves(&tree, "", &mut places);
        let mut refused = 0;
        // Each place takes one of the values in turn: every value is tried
        // at dozens of places, in debug builds' time.
        for (place, value) in places.iter().zip(REFUSED.iter().cycle()) {
            let mut changed = tree.clone();
            if let Some(leaf) = changed.pointer_mut(place) {
                *leaf = serde_json::from_str(value).expect("JSON");
            }
            let text = changed.to_string();
            // Values of a type the field does not take stop the JSON reader.
            let (Some(for_report), Some(for_verdict)) = (raw(&text), raw(&text)) else {
                continue;
            };
            let (roadmap, report) = check::<Report>(for_report);
            let (lean_roadmap, verdict) = check::<Verdict>(for_verdict);
            assert_eq!(roadmap, lean_roadmap, "{place} = {value}");
            assert_eq!(report.failed(), verdict.failed(), "{place} = {value}");
            let first = report.findings.iter().find(|(_, d)| d.is_error());
            assert_eq!(
                first.map(|(path, _)| path),
                verdict.first_error.as_ref(),
                "{place} = {value}"
            );
            refused += usize::from(verdict.failed());
        }
        // Most changes are refused by the checks, not by the JSON reader.
        assert!(refused > places.len() / 2, "{refused} refused");
    }
}
