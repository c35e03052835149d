//! Starting the presenter from the command line: loads the file (the
//! bundled DINUM roadmap when none), reports one that does not load, and
//! follows it while the slides are shown.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ratatui::layout::Size;
use roadmap_core::presentation::slides_for_roadmap;
use roadmap_core::{Day, Language, interface_language};

#[cfg(unix)]
use super::notes;
use super::since::SinceBase;
use super::{PresentApp, export, run};
use crate::files::bundled;
use crate::files::loading::{load_bundled, open_file};
use crate::files::revision::Edition;
use crate::files::save;
use crate::terminal::report::report_failure;
use crate::terminal::theme::ThemeKind;

/// What the command line asks of the presenter.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--auto`: wins over the file's `[presentation] auto`.
    pub auto: Option<Duration>,
    /// `--slides`, as typed: wins over the file's `[presentation] slides`.
    pub slides: Option<String>,
    /// `--notes`: the speaker notes window instead of the slides.
    pub notes: bool,
    /// `--since`: an earlier edition (a file, FILE@REV or a revision of
    /// the file presented) whose changes make the first slide.
    pub since: Option<String>,
    /// `--lang`, else the roadmap's language.
    pub lang: Option<Language>,
    /// The day that decides what is late.
    pub today: Day,
    /// `--high-contrast`.
    pub high_contrast: bool,
    /// `--export`: the slides written to this file instead of shown.
    pub export: Option<PathBuf>,
}

/// Presents `file` (default: the bundled DINUM roadmap) full screen, in
/// `lang` when asked, else in the roadmap's language.
pub fn launch(file: Option<&Path>, options: &Options) -> anyhow::Result<ExitCode> {
    if let Some(output) = &options.export {
        export::SlidesFormat::of(output)?;
        if let Some(file) = file
            && save::same_file(file, output)
        {
            anyhow::bail!(
                "{} is {} itself: the export would replace the roadmap; give another file (`--export slides.pdf`)",
                output.display(),
                file.display()
            );
        }
    }
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
    let lang = interface_language(options.lang, loaded.roadmap.language());
    // Both ends name the channel after the file, as the system resolves it.
    let key = match &source {
        Some(source) => std::fs::canonicalize(&source.path)
            .unwrap_or_else(|_| source.path.clone())
            .display()
            .to_string(),
        None => format!("bundled:{}", loaded.roadmap.id()),
    };
    if options.notes {
        let shown = file.map_or_else(
            || loaded.roadmap.id().to_owned(),
            |path| path.display().to_string(),
        );
        return notes_window(shown, &key, lang, options, utc_offset);
    }
    let chosen = match &options.slides {
        Some(text) => match slides_for_roadmap(text, &loaded.roadmap) {
            Ok(chosen) => Some(chosen),
            Err(err) => anyhow::bail!("--slides: {}; {}", err.message, err.help),
        },
        None => None,
    };
    // The earlier edition: a file, FILE@REV, or a revision of the file shown.
    let base = match &options.since {
        Some(since) => {
            let opened = file.map_or_else(
                || PathBuf::from(bundled::DINUM_2023.file),
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
    if options.export.is_none() && !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "`roadmap present` draws full screen: run it in a terminal (`roadmap list` prints the outline)"
        );
    }
    let auto = options.auto.or(loaded.roadmap.presentation().auto);
    let (theme, size) = match options.export {
        Some(_) => (export::theme(options.high_contrast), export::size()),
        None => (
            ThemeKind::from_env(options.high_contrast),
            Size::new(80, 24),
        ),
    };
    let mut app = PresentApp::new(
        loaded.roadmap,
        lang,
        options.today,
        theme,
        size,
        auto,
        Instant::now(),
    );
    if let Some(chosen) = chosen {
        app = app.with_slides(chosen);
    }
    if let Some(base) = base {
        app.compare_since(base);
    }
    if let Some(output) = &options.export {
        export::write(&mut app, output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (sender, messages) = std::sync::mpsc::channel();
    // Kept until the presenter quits: dropping it stops the watch. A
    // bundled roadmap has no file to follow.
    let _watch = source
        .map(|source| run::follow(&source.path, sender, lang))
        .transpose()?;
    run::run(app, utc_offset, &messages, notes_out(&key)?)?;
    Ok(ExitCode::SUCCESS)
}

/// The channel to the notes windows of the presentation of `key`.
#[cfg(unix)]
fn notes_out(key: &str) -> anyhow::Result<Option<run::NotesOut>> {
    let socket = notes::channel::socket_path(key)?;
    notes::channel::Broadcaster::listen(&socket).map(Some)
}

#[cfg(not(unix))]
fn notes_out(_key: &str) -> anyhow::Result<Option<run::NotesOut>> {
    Ok(None)
}

/// The speaker notes window of the presentation of `key` (`file` as the
/// user named it).
#[cfg(unix)]
fn notes_window(
    file: String,
    key: &str,
    lang: Language,
    options: &Options,
    utc_offset: time::UtcOffset,
) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("`roadmap present --notes` draws full screen: run it in a terminal");
    }
    let socket = notes::channel::socket_path(key)?;
    let app = notes::NotesApp::new(
        file,
        lang,
        ThemeKind::from_env(options.high_contrast),
        Size::new(80, 24),
    );
    notes::run::run(app, socket, utc_offset)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(unix))]
fn notes_window(
    _file: String,
    _key: &str,
    _lang: Language,
    _options: &Options,
    _utc_offset: time::UtcOffset,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`roadmap present --notes` needs Unix domain sockets, which this system lacks")
}
