//! Starting the presenter from the command line: loads the file (the
//! bundled DINUM roadmap when none), reports one that does not load, and
//! follows it while the slides are shown.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ratatui::layout::Size;
use roadmap_core::{Day, Language, interface_language};

use super::since::SinceBase;
use super::{PresentApp, run};
use crate::files::bundled;
use crate::files::loading::{load_bundled, open_file};
use crate::files::revision::Edition;
use crate::terminal::report::report_failure;
use crate::terminal::theme::ThemeKind;

/// Presents `file` (default: the bundled DINUM roadmap) full screen, in
/// `lang` when asked, else in the roadmap's language.
pub fn launch(
    file: Option<&Path>,
    auto: Option<Duration>,
    lang: Option<Language>,
    today: Day,
    high_contrast: bool,
    since: Option<&str>,
) -> anyhow::Result<ExitCode> {
    // Read while this is the only thread, as the `time` crate requires.
    let utc_offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let (loaded, source) = match file {
        Some(path) => open_file(path),
        None => (load_bundled(&bundled::DINUM_2023), None),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return Ok(report_failure(&err)),
    };
    // The earlier edition: a file, FILE@REV, or a revision of the file shown.
    let base = match since {
        Some(since) => {
            let opened = file.map_or_else(
                || std::path::PathBuf::from(bundled::DINUM_2023.file),
                Path::to_path_buf,
            );
            let edition = Edition::parse_since(since, &opened);
            match edition.load() {
                Ok(base) => Some(SinceBase {
                    name: edition.short_name(),
                    roadmap: base.roadmap,
                }),
                Err(err) => return Ok(report_failure(&err)),
            }
        }
        None => None,
    };
    let lang = interface_language(lang, loaded.roadmap.language());
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "`roadmap present` draws full screen: run it in a terminal (`roadmap list` prints the outline)"
        );
    }
    let mut app = PresentApp::new(
        loaded.roadmap,
        lang,
        today,
        ThemeKind::from_env(high_contrast),
        Size::new(80, 24),
        auto,
        Instant::now(),
    );
    if let Some(base) = base {
        app.compare_since(base);
    }
    let (sender, messages) = std::sync::mpsc::channel();
    // Kept until the presenter quits: dropping it stops the watch. A
    // bundled roadmap has no file to follow.
    let _watch = source
        .map(|source| run::follow(&source.path, sender, lang))
        .transpose()?;
    run::run(app, utc_offset, &messages)?;
    Ok(ExitCode::SUCCESS)
}
