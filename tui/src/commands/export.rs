//! `roadmap export --json`: a roadmap as the JSON the web widget loads.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::files::loading::load_file;
use crate::files::save;
use crate::terminal::report::report_failure;

/// Writes `file` as JSON to `output`: standard output when `None` or `-`,
/// straight through to a device or a FIFO, else atomically (through a
/// link, to its target). The roadmap itself is never the output.
pub fn run(file: &Path, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let output = output.filter(|path| *path != Path::new("-"));
    if let Some(path) = output
        && save::same_file(file, path)
    {
        anyhow::bail!(
            "{} is {} itself: the export would replace the roadmap with its JSON; give another file (`-o plan.json`), or `-o -` for standard output",
            path.display(),
            file.display()
        );
    }
    let loaded = match load_file(file) {
        Ok(loaded) => loaded,
        Err(err) => return Ok(report_failure(&err)),
    };
    let json = roadmap_core::to_json(&loaded.roadmap) + "\n";
    match output {
        Some(path) => save::write_output(path, json.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(json.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
