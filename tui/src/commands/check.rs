//! `roadmap check`: validates roadmap files and reports their problems
//! for people or, as JSON, for machines; exit 0 when all are valid.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::use_color;
use crate::files::loading::load_file;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
/// Output for people or for machines.
pub enum OutputFormat {
    /// Each file's problems as `roadmap` shows them, or "ok".
    Text,
    /// One JSON object per file: its name, validity and diagnostics.
    Json,
}

/// Checks `files`, printing a report in `format`.
pub fn run(files: &[PathBuf], format: OutputFormat) -> anyhow::Result<ExitCode> {
    let mut all_valid = true;
    let mut reports = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let diagnostics = match load_file(path) {
            Ok(loaded) => loaded.warnings,
            Err(err) => err.diagnostics,
        };
        let valid = !diagnostics.iter().any(roadmap_core::Diagnostic::is_error);
        all_valid &= valid;
        match format {
            OutputFormat::Text => {
                if diagnostics.is_empty() {
                    println!("{name}: ok");
                } else {
                    print!(
                        "{}",
                        roadmap_core::render_all(&name, &diagnostics, use_color())
                    );
                }
            }
            OutputFormat::Json => reports.push(serde_json::json!({
                "file": name,
                "valid": valid,
                "diagnostics": diagnostics,
            })),
        }
    }
    if format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
