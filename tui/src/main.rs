//! `roadmap`: check, export, list and explore public digital roadmaps.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use ratatui::layout::Size;
use roadmap_core::controls::{self, Lines};
use roadmap_core::{Day, Diagnostic, Language, LoadError, Loaded, NotShown};
use roadmap_tui::app::{App, Tab};
use roadmap_tui::loading::{load_bundled, load_file, open_file};
use roadmap_tui::present::PresentApp;
use roadmap_tui::serve::connections::{DEFAULT_MAX_CONNECTIONS, Limits};
use roadmap_tui::serve::{Publisher, ServeOptions};
use roadmap_tui::text::Text;
use roadmap_tui::theme::ThemeKind;
use roadmap_tui::{bundled, cells, outline, present, save, serve, terminal};

/// Explore public digital roadmaps: axes, missions, milestones, progress.
#[derive(Debug, Parser)]
#[command(
    name = "roadmap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Language of the interface (default: from LANG, else French).
    #[arg(long, global = true, value_parser = parse_language)]
    lang: Option<Language>,
    /// Take this day as today (YYYY-MM-DD), for reproducible output.
    #[arg(long, global = true, value_parser = parse_day)]
    today: Option<Day>,
    /// Use bright colours and bold text.
    #[arg(long, global = true)]
    high_contrast: bool,
    /// Roadmap files to explore (default: the bundled roadmaps).
    files: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate roadmap files; exit 0 when all are valid, 1 when one is not.
    Check {
        /// TOML or JSON roadmap files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output for people or for machines.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Write a roadmap as JSON, the format the web widget loads.
    Export {
        /// TOML or JSON roadmap file.
        file: PathBuf,
        /// Export as JSON (the only export format for now).
        #[arg(long, required = true)]
        json: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a plain-text outline (default: the bundled DINUM roadmap).
    List {
        /// TOML or JSON roadmap file.
        file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the roadmap file format.
    Schema,
    /// Serve a roadmap and the web widget over HTTP; every change of the
    /// file reaches the open pages at once.
    Serve {
        /// TOML or JSON roadmap file, or a bundled roadmap's name
        /// (default: the bundled DINUM roadmap).
        file: Option<PathBuf>,
        /// Address to listen on; port 0 takes any free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built widget (default: web-widget/dist, made by ./scripts/build-widget).
        #[arg(long, value_name = "DIR")]
        widget: Option<PathBuf>,
        /// Connections served at once, event streams included; beyond, a
        /// new connection is answered 503 (Retry-After) and closed.
        #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS, value_parser = parse_count)]
        max_connections: usize,
        /// How long a connection may take to send a request head, from its
        /// opening or its last response (slow clients, idle keep-alive).
        #[arg(long, hide = true, value_parser = parse_duration)]
        request_timeout: Option<Duration>,
        /// How long writing to a client may make no progress.
        #[arg(long, hide = true, value_parser = parse_duration)]
        send_timeout: Option<Duration>,
    },
    /// Present a roadmap full screen, slide by slide (default: the bundled DINUM roadmap).
    Present {
        /// TOML or JSON roadmap file, or a bundled roadmap's name.
        file: Option<PathBuf>,
        /// Go to the next slide by itself after this long (`20s`, `1m`, `1m30s`).
        #[arg(long, value_parser = parse_duration)]
        auto: Option<Duration>,
    },
}

/// The names of [`Command`]'s variants, as typed.
const SUBCOMMANDS: [&str; 6] = ["check", "export", "list", "present", "schema", "serve"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse()
}

fn parse_day(text: &str) -> Result<Day, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Day::parse(text, format).map_err(|e| format!("`{text}` is not a day like 2023-03-09: {e}"))
}

fn parse_count(text: &str) -> Result<usize, String> {
    match text.parse() {
        Ok(0) | Err(_) => Err(format!(
            "`{text}` is not a count like 512: give a whole number from 1"
        )),
        Ok(count) => Ok(count),
    }
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text)
        .map_err(|e| format!("`{text}` is not a duration like 20s, 1m or 1m30s: {e}"))?;
    if duration.is_zero() {
        return Err(format!(
            "`{text}` is no time at all: give a duration like 20s"
        ));
    }
    Ok(duration)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes what was typed, which may hold anything;
        // help and version go out as clap writes them.
        Err(err) if err.use_stderr() => {
            eprint!("{}", safe(&err.render().to_string()));
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
        Err(err) => err.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", safe(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Text of several lines (a message, a report) safe to print: see
/// [`controls::neutralise`].
fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    controls::neutralise(text, Lines::Many)
}

/// `json` with every character a terminal would obey written as a JSON
/// escape (`\u009b`): `serde_json` escapes C0 controls but writes DEL, C1
/// controls and bidi controls as they are. The same JSON to a reader.
fn escaped_json(json: &str) -> String {
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

/// Diagnostics as `roadmap check` shows them. Coloured only when nothing
/// in them holds a control character, so that the renderer's colours are
/// the only escapes printed; else plain, every control shown as an escape.
fn rendered(file: &str, diagnostics: &[Diagnostic], not_shown: NotShown) -> String {
    let clean = |text: &str| controls::first_forbidden(text, Lines::One).is_none();
    let all_clean = clean(file)
        && diagnostics.iter().all(|d| {
            clean(&d.message)
                && d.help.as_deref().is_none_or(clean)
                && d.location.as_ref().is_none_or(|at| clean(at.line_text()))
        });
    if all_clean && use_color() {
        roadmap_core::render_all(file, diagnostics, not_shown, true)
    } else {
        safe(&roadmap_core::render_all(
            file,
            diagnostics,
            not_shown,
            false,
        ))
        .into_owned()
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang = cli.lang.unwrap_or_else(language_from_env);
    let today = cli
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    match cli.command {
        Some(Command::Check { files, format }) => check(&files, format),
        Some(Command::Export {
            file,
            json: _,
            output,
        }) => export(&file, output.as_deref()),
        Some(Command::List { file }) => Ok(list(file.as_deref(), lang, today)),
        Some(Command::Present { file, auto }) => {
            present(file.as_deref(), auto, lang, today, cli.high_contrast)
        }
        Some(Command::Schema) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&roadmap_core::json_schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Serve {
            file,
            addr,
            widget,
            max_connections,
            request_timeout,
            send_timeout,
        }) => {
            let defaults = Limits::default();
            let limits = Limits {
                max_connections,
                request_timeout: request_timeout.unwrap_or(defaults.request_timeout),
                send_timeout: send_timeout.unwrap_or(defaults.send_timeout),
            };
            serve(file.as_deref(), addr, widget, limits, lang)
        }
        None => explore(&cli.files, lang, today, cli.high_contrast),
    }
}

/// Opens the explorer on `files` (the bundled roadmaps when empty); prints
/// the outline instead when standard output is not a terminal.
fn explore(
    files: &[PathBuf],
    lang: Language,
    today: Day,
    high_contrast: bool,
) -> anyhow::Result<ExitCode> {
    let mut loaded = Vec::new();
    if files.is_empty() {
        for file in &bundled::ALL {
            loaded.push((file.file.to_owned(), load_bundled(file), None));
        }
    } else {
        for path in files {
            // clap reads `roadmap --lang en list` as the file `list`.
            let name = path.to_string_lossy();
            if !path.exists() && SUBCOMMANDS.contains(&name.as_ref()) {
                anyhow::bail!(
                    "`{name}` is a command: put it first and the options after it (`roadmap {name} --lang en`)"
                );
            }
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
    if !std::io::stdout().is_terminal() {
        for tab in &tabs {
            print!("{}", outline::outline(&tab.roadmap, lang, today));
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
    terminal::run(app)?;
    Ok(ExitCode::SUCCESS)
}

fn language_from_env() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Language::from_locale(&value))
        .unwrap_or_default()
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn report_failure(err: &LoadError) -> ExitCode {
    eprint!("{}", rendered(&err.file, &err.diagnostics, err.not_shown));
    ExitCode::FAILURE
}

/// Writes `file` as JSON to `output`: standard output when `None` or `-`,
/// straight through to a device or a FIFO, else atomically (through a
/// link, to its target). The roadmap itself is never the output.
fn export(file: &Path, output: Option<&Path>) -> anyhow::Result<ExitCode> {
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

/// Checks each file and reports its problems: the first
/// [`MAX_SHOWN`](roadmap_core::MAX_SHOWN) of each file, then how many more
/// there are (for machines, the count of each kind and `not_shown`).
fn check(files: &[PathBuf], format: OutputFormat) -> anyhow::Result<ExitCode> {
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

/// Loads `file`, or the bundled DINUM roadmap when there is none.
fn load_file_or_dinum(file: Option<&Path>) -> Result<Loaded, LoadError> {
    match file {
        Some(path) => load_file(path),
        None => load_bundled(&bundled::DINUM_2023),
    }
}

fn list(file: Option<&Path>, lang: Language, today: Day) -> ExitCode {
    match load_file_or_dinum(file) {
        Ok(loaded) => {
            print!("{}", outline::outline(&loaded.roadmap, lang, today));
            ExitCode::SUCCESS
        }
        Err(err) => report_failure(&err),
    }
}

/// Serves `file` (a path or a bundled roadmap's name; the DINUM roadmap
/// when `None`) until stopped, following the file's changes; a file that
/// does not load at start is reported like `roadmap check` does, since
/// there is nothing to serve yet.
fn serve(
    file: Option<&Path>,
    addr: SocketAddr,
    widget: Option<PathBuf>,
    limits: Limits,
    lang: Language,
) -> anyhow::Result<ExitCode> {
    // A path that exists is a file, even when named like a bundled roadmap.
    let watched =
        file.filter(|path| path.exists() || bundled::find(&path.to_string_lossy()).is_none());
    let (name, loaded) = if let Some(path) = watched {
        (path.display().to_string(), load_file(path))
    } else {
        let bundled = file
            .and_then(|name| bundled::find(&name.to_string_lossy()))
            .unwrap_or(&bundled::DINUM_2023);
        (bundled.file.to_owned(), load_bundled(bundled))
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return Ok(report_failure(&err)),
    };
    let publisher = Publisher::new(&loaded.roadmap, lang);
    // Kept until the server stops: dropping it stops the watch.
    let _watch = watched.map(|path| publisher.follow(path)).transpose()?;
    if watched.is_none() {
        eprintln!("{}: {}", cells::safe(&name), Text::ServeBundled.get(lang));
    }
    let options = ServeOptions {
        addr,
        widget: widget.unwrap_or_else(default_widget_dir),
        lang,
        file: name,
        limits,
    };
    serve::run(&publisher, &options)?;
    Ok(ExitCode::SUCCESS)
}

/// `web-widget/dist` of the working directory when it is built there,
/// else the one of the source tree this binary was built from.
fn default_widget_dir() -> PathBuf {
    let here = PathBuf::from("web-widget/dist");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../web-widget/dist");
    if here.join("roadmap-timeline.js").is_file() || !source.is_dir() {
        here
    } else {
        source
    }
}

/// Presents `file` (default: the bundled DINUM roadmap) full screen.
fn present(
    file: Option<&Path>,
    auto: Option<Duration>,
    lang: Language,
    today: Day,
    high_contrast: bool,
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
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "`roadmap present` draws full screen: run it in a terminal (`roadmap list` prints the outline)"
        );
    }
    let app = PresentApp::new(
        loaded.roadmap,
        lang,
        today,
        ThemeKind::from_env(high_contrast),
        Size::new(80, 24),
        auto,
        Instant::now(),
    );
    let (sender, messages) = std::sync::mpsc::channel();
    // Kept until the presenter quits: dropping it stops the watch. A
    // bundled roadmap has no file to follow.
    let _watch = source
        .map(|source| present::run::follow(&source.path, sender, lang))
        .transpose()?;
    present::run::run(app, utc_offset, &messages)?;
    Ok(ExitCode::SUCCESS)
}
