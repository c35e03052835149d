//! `roadmap diff OLD NEW`: what changed from one edition of a roadmap to
//! the next, grouped by axis, for people (a symbol and words per change,
//! colour only on a terminal) or as JSON for machines. Exit 0 when the
//! editions say the same thing, 1 when they differ, 2 when one could not
//! be read, as `diff` does.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::process::ExitCode;

use crossterm::style::Stylize;
use roadmap_core::changes::words;
use roadmap_core::changes::{Change, Comparison, ItemKind};
use roadmap_core::{Language, capitalised, interface_language};

use crate::commands::check::{OutputFormat, escaped_json};
use crate::files::revision::Edition;
use crate::terminal::cells::safe;
use crate::terminal::report::rendered;

/// The exit code when the editions say the same thing.
pub const SAME: u8 = 0;
/// The exit code when they differ.
pub const DIFFERENT: u8 = 1;
/// The exit code when an edition could not be read or loaded.
pub const TROUBLE: u8 = 2;

/// Compares `old` with `new` and prints the changes.
pub fn run(old: &str, new: &str, format: OutputFormat, lang: Option<Language>) -> ExitCode {
    let (old, new) = (Edition::parse(old), Edition::parse(new));
    let load = |edition: &Edition| match edition.load() {
        Ok(loaded) => Some(loaded.roadmap),
        Err(err) => {
            eprint!("{}", rendered(&err.file, &err.diagnostics, err.not_shown));
            None
        }
    };
    let (old_roadmap, new_roadmap) = (load(&old), load(&new));
    let (Some(old_roadmap), Some(new_roadmap)) = (old_roadmap, new_roadmap) else {
        return ExitCode::from(TROUBLE);
    };
    let comparison = Comparison::between(&old_roadmap, &new_roadmap);
    let lang = interface_language(lang, new_roadmap.language());
    match format {
        OutputFormat::Text => {
            let color = color_on_stdout();
            print!(
                "{}",
                text(&comparison, &old.name(), &new.name(), lang, color)
            );
        }
        OutputFormat::Json => {
            let json = serde_json::json!({
                "old": old.name(),
                "new": new.name(),
                "count": comparison.count(),
                "changes": comparison,
            });
            match serde_json::to_string_pretty(&json) {
                Ok(json) => println!("{}", escaped_json(&json)),
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::from(TROUBLE);
                }
            }
        }
    }
    ExitCode::from(if comparison.is_empty() {
        SAME
    } else {
        DIFFERENT
    })
}

/// Colours on standard output: only on a terminal, never under `NO_COLOR`.
fn color_on_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// The changes as text: a line saying how many, then each axis's changed
/// items, each change on its own line with its symbol and words, then the
/// reviews and sources added or removed.
pub fn text(comparison: &Comparison, old: &str, new: &str, lang: Language, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}{}",
        safe(&words::between(lang, old, new)),
        lang.colon(),
        comparison.count_words(lang)
    );
    let mut axis = None;
    for item in &comparison.items {
        if axis != Some(&item.axis.id) {
            axis = Some(&item.axis.id);
            let noun = capitalised(ItemKind::Axis.noun(lang));
            let name = format!("{noun} {}", words::quoted(lang, &item.axis.title));
            let _ = writeln!(out, "\n{}", paint(&safe(&name), Paint::Heading, color));
        }
        let indent = if item.kind == ItemKind::Axis {
            "  "
        } else {
            let _ = writeln!(out, "  {}", safe(&item.heading(lang)));
            "    "
        };
        for change in &item.changes {
            let line = format!("{} {}", change.symbol(), change.words(item.kind, lang));
            let _ = writeln!(
                out,
                "{indent}{}",
                paint(&safe(&line), Paint::of(change), color)
            );
        }
    }

    let mut shown_heading = None;
    for (listed, change, heading) in comparison.listed() {
        if listed.is_empty() {
            continue;
        }
        if shown_heading != Some(heading) {
            shown_heading = Some(heading);
            let heading = capitalised(lang.phrase(heading));
            let _ = writeln!(out, "\n{}", paint(&heading, Paint::Heading, color));
        }
        let kind = if change.is_added() {
            Paint::Added
        } else {
            Paint::Removed
        };
        for item in listed {
            let line = format!("{} {}", change.symbol(), item.words(change, lang));
            let _ = writeln!(out, "  {}", paint(&safe(&line), kind, color));
        }
    }
    out
}

/// What a line's colour tells, never alone: its symbol and words say it too.
#[derive(Clone, Copy)]
enum Paint {
    Heading,
    Added,
    Removed,
    Changed,
}

impl Paint {
    fn of(change: &Change) -> Paint {
        match change {
            Change::Added => Paint::Added,
            Change::Removed => Paint::Removed,
            _ => Paint::Changed,
        }
    }
}

fn paint(text: &str, paint: Paint, color: bool) -> String {
    if !color {
        return text.to_owned();
    }
    match paint {
        Paint::Heading => text.bold().to_string(),
        Paint::Added => text.green().to_string(),
        Paint::Removed => text.red().to_string(),
        Paint::Changed => text.yellow().to_string(),
    }
}
