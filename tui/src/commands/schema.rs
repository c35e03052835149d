//! `roadmap schema`: the JSON Schema of the roadmap file format.

use std::process::ExitCode;

/// Prints the schema on standard output.
pub fn run() -> anyhow::Result<ExitCode> {
    println!(
        "{}",
        serde_json::to_string_pretty(&roadmap_core::json_schema())?
    );
    Ok(ExitCode::SUCCESS)
}
