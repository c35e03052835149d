//! `roadmap check`: validates roadmap files and reports their problems
//! for people or, as JSON, for machines; exit 0 when all are valid.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use roadmap_core::controls;

use crate::files::loading::load_file;
use crate::terminal::cells;
use crate::terminal::report::rendered;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
/// Output for people or for machines.
pub enum OutputFormat {
    /// Each file's problems as `roadmap` shows them, or "ok".
    Text,
    /// One JSON object per file: its name, validity and diagnostics.
    Json,
}

/// Checks each file and reports its problems: the first
/// [`MAX_SHOWN`](roadmap_core::MAX_SHOWN) of each file, then how many more
/// there are (for machines, the count of each kind and `not_shown`).
pub fn run(files: &[PathBuf], format: OutputFormat) -> anyhow::Result<ExitCode> {
    let mut all_valid = true;
    let mut reports = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let (diagnostics, not_shown) = match load_file(path) {
            Ok(loaded) => (loaded.warnings, loaded.not_shown),
            Err(err) => (err.diagnostics, err.not_shown),
        };
        let errors = diagnostics.iter().filter(|d| d.is_error()).count() + not_shown.errors;
        let valid = errors == 0;
        all_valid &= valid;
        match format {
            OutputFormat::Text => {
                if diagnostics.is_empty() {
                    println!("{}: ok", cells::safe(&name));
                } else {
                    print!("{}", rendered(&name, &diagnostics, not_shown));
                }
            }
            OutputFormat::Json => reports.push(serde_json::json!({
                "file": name,
                "valid": valid,
                "errors": errors,
                "warnings": diagnostics.len() + not_shown.total() - errors,
                "diagnostics": diagnostics,
                "not_shown": not_shown.total(),
            })),
        }
    }
    if format == OutputFormat::Json {
        println!("{}", escaped_json(&serde_json::to_string_pretty(&reports)?));
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `json` with every character a terminal would obey written as a JSON
/// escape (`\u009b`): `serde_json` escapes C0 controls but writes DEL, C1
/// controls and bidi controls as they are. The same JSON to a reader.
pub(crate) fn escaped_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if controls::is_forbidden(c) {
            // All are in the Basic Multilingual Plane: one `\uXXXX` each.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}
