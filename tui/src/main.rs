//! `roadmap`: check, export, list and explore public digital roadmaps.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use roadmap_core::{Day, Language};
use roadmap_tui::commands::check::{self, OutputFormat};
use roadmap_tui::commands::export::{self, ExportFormat};
use roadmap_tui::commands::{diff, list, schema};
use roadmap_tui::explore;
use roadmap_tui::present;
use roadmap_tui::serve;
use roadmap_tui::serve::connections::{DEFAULT_MAX_CONNECTIONS, Limits};
use roadmap_tui::terminal::report;

/// Explore public digital roadmaps: axes, missions, milestones, progress.
#[derive(Debug, Parser)]
#[command(
    name = "roadmap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Language of the interface: `fr` or `en`, a region may follow (`en-GB`)
    /// (default: the environment's locale, else the roadmap's own language).
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
    /// Mark what changed since an earlier edition: a file, FILE@REV, or a
    /// git revision alone (`v1`, `HEAD~1`) of the file opened.
    #[arg(long, value_name = "FILE|REV")]
    since: Option<String>,
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
    /// Show what changed from one edition of a roadmap to another. Exit
    /// codes, as `diff`: 0 when they say the same thing, 1 when they
    /// differ, 2 when one could not be read or does not load.
    #[command(
        after_help = "OLD and NEW are files, or FILE@REV for a file as a git revision \
        holds it (plan.toml@v2, plan.toml@HEAD~1). Exit status: 0 same, 1 different, 2 trouble."
    )]
    Diff {
        /// The earlier edition: a file, or FILE@REV.
        old: String,
        /// The later edition: a file, or FILE@REV.
        new: String,
        /// Output for people or for machines (JSON; its shape is in the README).
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Write a roadmap as JSON (what the web widget loads), or as a static
    /// page, drawing or fragment for print, slides and reports.
    #[command(group(clap::ArgGroup::new("format").required(true).multiple(false)))]
    Export {
        /// TOML or JSON roadmap file.
        file: PathBuf,
        /// JSON, the format the web widget loads.
        #[arg(long, group = "format")]
        json: bool,
        /// One self-contained HTML page: heading, whole timeline, legend,
        /// complete list; prints on landscape pages.
        #[arg(long, group = "format")]
        html: bool,
        /// The whole timeline as a standalone SVG document.
        #[arg(long, group = "format")]
        svg: bool,
        /// The static markup a page puts inside `<roadmap-timeline>`.
        #[arg(long, group = "format")]
        html_fragment: bool,
        /// The printed document as PDF (A4 landscape), made without a browser.
        #[arg(long, group = "format")]
        pdf: bool,
        /// Write to this file instead of standard output (`-`: standard output).
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
        /// Open on the presenter's slides in the browser, not the timeline
        /// (keys → ←, full screen; the file's `[presentation]` applies).
        #[arg(long)]
        present: bool,
    },
    /// Present a roadmap full screen, slide by slide (default: the bundled DINUM roadmap).
    Present {
        /// TOML or JSON roadmap file, or a bundled roadmap's name.
        file: Option<PathBuf>,
        /// Go to the next slide by itself after this long (`20s`, `1m`,
        /// `1m30s`); wins over the file's `[presentation] auto`.
        #[arg(long, value_parser = parse_duration)]
        auto: Option<Duration>,
        /// Start with what changed since an earlier edition: a file,
        /// FILE@REV, or a git revision alone (`v1`) of the file presented.
        #[arg(long, value_name = "FILE|REV")]
        since: Option<String>,
        /// The slides in order, comma-separated: `title`, `axes`,
        /// `axis:ID`, `timeline`, `summary`; wins over the file's
        /// `[presentation] slides`.
        #[arg(long, value_name = "LIST")]
        slides: Option<String>,
        /// Show the speaker notes of the slide a presenter of the same file
        /// is on, with the clock and the time elapsed: run it in a second
        /// terminal.
        #[arg(long, conflicts_with_all = ["auto", "slides"])]
        notes: bool,
        /// Write the slides to this file instead of showing them, one per
        /// page: `.pdf` or `.html`, by the name's ending (notes left out).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["auto", "notes"])]
        export: Option<PathBuf>,
    },
}

/// The names of [`Command`]'s variants, as typed.
const SUBCOMMANDS: [&str; 7] = [
    "check", "diff", "export", "list", "present", "schema", "serve",
];

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
            eprint!("{}", report::safe(&err.render().to_string()));
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
        Err(err) => err.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", report::safe(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // `None` leaves the language to the roadmap shown.
    let lang = cli
        .lang
        .or_else(|| Language::from_environment(|name| std::env::var(name).ok()));
    let today = cli
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    match cli.command {
        Some(Command::Check { files, format }) => check::run(&files, format),
        Some(Command::Diff { old, new, format }) => Ok(diff::run(&old, &new, format, lang)),
        Some(Command::Export {
            file,
            json: _,
            html,
            svg,
            html_fragment,
            pdf,
            output,
        }) => {
            let format = if html {
                ExportFormat::Html
            } else if svg {
                ExportFormat::Svg
            } else if html_fragment {
                ExportFormat::HtmlFragment
            } else if pdf {
                ExportFormat::Pdf
            } else {
                ExportFormat::Json
            };
            export::run(&file, output.as_deref(), format, lang, today)
        }
        Some(Command::List { file }) => Ok(list::run(file.as_deref(), lang, today)),
        Some(Command::Present {
            file,
            auto,
            slides,
            notes,
            since,
            export,
        }) => present::launch::launch(
            file.as_deref(),
            &present::launch::Options {
                auto,
                slides,
                notes,
                since,
                lang,
                today,
                high_contrast: cli.high_contrast,
                export,
            },
        ),
        Some(Command::Schema) => schema::run(),
        Some(Command::Serve {
            file,
            addr,
            widget,
            max_connections,
            request_timeout,
            send_timeout,
            present,
        }) => {
            let defaults = Limits::default();
            let limits = Limits {
                max_connections,
                request_timeout: request_timeout.unwrap_or(defaults.request_timeout),
                send_timeout: send_timeout.unwrap_or(defaults.send_timeout),
            };
            serve::launch::launch(file.as_deref(), addr, widget, limits, lang, present)
        }
        None => {
            // clap reads `roadmap --lang en list` as the file `list`.
            if let Some(name) = cli
                .files
                .iter()
                .filter(|path| !path.exists())
                .map(|path| path.to_string_lossy())
                .find(|name| SUBCOMMANDS.contains(&name.as_ref()))
            {
                anyhow::bail!(
                    "`{name}` is a command: put it first and the options after it (`roadmap {name} --lang en`)"
                );
            }
            explore::launch::launch(
                &cli.files,
                lang,
                today,
                cli.high_contrast,
                cli.since.as_deref(),
            )
        }
    }
}
