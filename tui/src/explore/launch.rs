//! Starting the explorer from the command line: loads the files given (the
//! bundled roadmaps when none), reports one that does not load as `roadmap
//! check` does, and prints the plain outline instead of taking over the
//! screen when standard output is not a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use ratatui::layout::Size;
use roadmap_core::{Day, Language, interface_language};

use super::{App, Tab};
use crate::commands::list::outline;
use crate::files::bundled;
use crate::files::loading::{load_bundled, open_file};
use crate::files::revision::Edition;
use crate::terminal::report::report_failure;
use crate::terminal::theme::ThemeKind;

/// Opens the explorer on `files` (the bundled roadmaps when empty); prints
/// the outline instead when standard output is not a terminal. `lang` is
/// the language asked for; `None` leaves it to the first roadmap. `since`
/// names the earlier edition each tab is compared with: a file, `FILE@REV`,
/// or a revision alone of the tab's own file.
pub fn launch(
    files: &[PathBuf],
    lang: Option<Language>,
    today: Day,
    high_contrast: bool,
    since: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let mut loaded = Vec::new();
    if files.is_empty() {
        for file in &bundled::ALL {
            loaded.push((file.file.to_owned(), load_bundled(file), None));
        }
    } else {
        for path in files {
            let (result, source) = open_file(path);
            loaded.push((path.display().to_string(), result, source));
        }
    }
    let mut tabs = Vec::new();
    for (name, result, source) in loaded {
        match result {
            Ok(loaded) => {
                let mut tab = Tab::new(name, loaded.roadmap, today);
                tab.source = source;
                tabs.push(tab);
            }
            Err(err) => return Ok(report_failure(&err)),
        }
    }
    if let Some(since) = since {
        for tab in &mut tabs {
            let opened = tab
                .source
                .as_ref()
                .map_or_else(|| PathBuf::from(&tab.file), |s| s.path.clone());
            let edition = Edition::parse_since(since, &opened);
            match edition.load() {
                Ok(base) => tab.compare_since(edition.short_name(), base.roadmap, today),
                Err(err) => return Ok(report_failure(&err)),
            }
        }
    }
    let first = tabs
        .first()
        .map_or_else(Language::default, |t| t.roadmap.language());
    let lang = interface_language(lang, first);
    if !std::io::stdout().is_terminal() {
        for tab in &tabs {
            print!("{}", outline(&tab.roadmap, lang, today));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let app = App::new(
        tabs,
        lang,
        today,
        ThemeKind::from_env(high_contrast),
        Size::new(80, 24),
    );
    super::run(app)?;
    Ok(ExitCode::SUCCESS)
}
