//! `roadmap export`: a roadmap as the JSON the web widget loads, or as a
//! static page, drawing or fragment (`roadmap_markup`'s page and drawing).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use roadmap_core::{Day, Language, interface_language};
use roadmap_markup::drawing::{WIDTH, standalone_svg, whole_scene};
use roadmap_markup::page::{document, fragment};

use crate::commands::export_pdf::pdf;
use crate::files::loading::load_file;
use crate::files::save;
use crate::terminal::report::report_failure;

/// What `roadmap export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The JSON the web widget loads.
    Json,
    /// One self-contained HTML page.
    Html,
    /// The whole timeline as a standalone SVG document.
    Svg,
    /// The static markup for inside `<roadmap-timeline>`.
    HtmlFragment,
    /// The printed document as PDF.
    Pdf,
}

impl ExportFormat {
    /// An example output file, for messages.
    fn example(self) -> &'static str {
        match self {
            ExportFormat::Json => "plan.json",
            ExportFormat::Html => "plan.html",
            ExportFormat::Svg => "plan.svg",
            ExportFormat::HtmlFragment => "plan.fragment.html",
            ExportFormat::Pdf => "plan.pdf",
        }
    }
}

/// Writes `file` as `format` to `output`: standard output when `None` or
/// `-`, straight through to a device or a FIFO, else atomically (through a
/// link, to its target). The roadmap itself is never the output. `lang`
/// is the language asked for (`None`: the roadmap's own); `today` decides
/// statuses and the today line.
pub fn run(
    file: &Path,
    output: Option<&Path>,
    format: ExportFormat,
    lang: Option<Language>,
    today: Day,
) -> anyhow::Result<ExitCode> {
    let output = output.filter(|path| *path != Path::new("-"));
    if let Some(path) = output
        && save::same_file(file, path)
    {
        anyhow::bail!(
            "{} is {} itself: the export would replace the roadmap; give another file (`-o {}`), or `-o -` for standard output",
            path.display(),
            file.display(),
            format.example()
        );
    }
    let loaded = match load_file(file) {
        Ok(loaded) => loaded,
        Err(err) => return Ok(report_failure(&err)),
    };
    let roadmap = &loaded.roadmap;
    let lang = interface_language(lang, roadmap.language());
    let scene = whole_scene(roadmap, lang, today);
    let bytes = match format {
        ExportFormat::Json => (roadmap_core::to_json(roadmap) + "\n").into_bytes(),
        ExportFormat::Html => document(&scene).into_bytes(),
        ExportFormat::Svg => standalone_svg(&scene, WIDTH).into_bytes(),
        ExportFormat::HtmlFragment => fragment(&scene).into_bytes(),
        ExportFormat::Pdf => pdf(&scene)?,
    };
    match output {
        Some(path) => save::write_output(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
