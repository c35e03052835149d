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
