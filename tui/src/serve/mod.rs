//! `roadmap serve`: serves a roadmap to web pages and pushes every change
//! of its file to them. The roadmap is at [`ROADMAP_PATH`] as JSON, its
//! changes at [`EVENTS_PATH`] as Server-Sent Events, the built widget's
//! files beside a page at `/` that shows it with `live` set.

pub mod connections;
pub mod files;
pub mod launch;
pub mod open_files;
pub mod page;
pub mod published;
pub mod routes;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use roadmap_core::controls::{Lines, neutralise};
use roadmap_core::{Language, Roadmap};
use tokio::sync::watch as channel;

use crate::files::watch::{self, FileChange, FileWatch, Reload};
use crate::text::Text;
use connections::Limits;
use files::WidgetFiles;
use page::Page;
use published::{Problem, Published};

/// Where the roadmap is served as JSON (what `roadmap export --json` writes).
pub const ROADMAP_PATH: &str = "/roadmap.json";

/// Where its changes are streamed.
pub const EVENTS_PATH: &str = "/events";

/// The `Link` header of [`ROADMAP_PATH`]'s responses, by which the widget
/// learns that it can subscribe instead of polling.
pub const EVENTS_LINK: &str = "</events>; rel=\"roadmap-events\"";

/// How `roadmap serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on.
    pub addr: SocketAddr,
    /// The built widget (`web-widget/dist/`).
    pub widget: PathBuf,
    /// The language of the page and of the messages.
    pub lang: Language,
    /// The file's name, as given on the command line.
    pub file: String,
    /// What each connection may take of the server.
    pub limits: Limits,
    /// The page at `/` shows the slides (`--present`), not the timeline.
    pub present: bool,
}

/// Publishes new versions of the roadmap to every request and stream.
#[derive(Clone)]
pub struct Publisher {
    sender: channel::Sender<Arc<Published>>,
    lang: Language,
}

impl Publisher {
    /// Starts with `roadmap`.
    pub fn new(roadmap: &Roadmap, lang: Language) -> Publisher {
        let (sender, _) = channel::channel(Arc::new(Published::new(roadmap)));
        Publisher { sender, lang }
    }

    /// Takes a reload of the file: its roadmap when it loaded, else why
    /// not. Streams hear of it only when something changed, and the
    /// terminal is told.
    pub fn publish(&self, reloaded: Result<&Roadmap, Problem>) {
        let lang = self.lang;
        self.sender.send_if_modified(|published| {
            let next = published.after(reloaded);
            if next == **published {
                return false;
            }
            match &next.problem {
                None => say(&mut std::io::stdout(), Text::ServeUpdated.get(lang)),
                Some(problem) => {
                    let mut text = format!(
                        "{}{}{} — {}",
                        Text::ServeRefused.get(lang),
                        lang.colon(),
                        problem.located(),
                        Text::ServeKept.get(lang)
                    );
                    if let Some(help) = &problem.help {
                        text.push_str("\n  = help: ");
                        text.push_str(help);
                    }
                    say(&mut std::io::stderr(), &text);
                }
            }
            *published = Arc::new(next);
            true
        });
    }

    /// Publishes every change of the file at `path` until the returned
    /// guard is dropped.
    pub fn follow(&self, path: &Path) -> anyhow::Result<FileWatch> {
        let publisher = self.clone();
        let file = path.to_owned();
        watch::watch(path, move |change| match change {
            FileChange::Changed => match watch::reload(&file) {
                Reload::Loaded(loaded) => publisher.publish(Ok(&loaded.roadmap)),
                Reload::Invalid(error) => publisher.publish(Err(Problem::from_load_error(&error))),
                Reload::Missing => publisher.publish(Err(Problem::unreadable(
                    &file.display().to_string(),
                    "no file at this path any more (removed, or renamed)",
                ))),
            },
            FileChange::WatchFailed(why) => {
                say(
                    &mut std::io::stderr(),
                    &format!("{}: {why}", file.display()),
                );
            }
        })
    }

    fn subscribe(&self) -> channel::Receiver<Arc<Published>> {
        self.sender.subscribe()
    }
}

/// Prints a line of the server's log. Unlike `println!`, a closed output
/// (the terminal gone, a reader that stopped reading) does not stop the
/// server: the log is lost, the roadmap still served. File names and
/// messages may hold anything: control characters go out as escapes.
fn say(out: &mut impl Write, line: &str) {
    let _ = writeln!(out, "{}", neutralise(line, Lines::Many));
}

/// Serves what `publisher` publishes until the process is stopped; prints
/// the address it listens on first (the real port when `:0` was asked).
pub fn run(publisher: &Publisher, options: &ServeOptions) -> anyhow::Result<()> {
    let lang = options.lang;
    let widget = widget_dir(&options.widget).and_then(|dir| WidgetFiles::new(dir).ok());
    if widget.is_none() {
        say(&mut std::io::stderr(), Text::ServeNoWidget.get(lang));
    }
    let loopback = options.addr.ip().is_loopback();
    if !loopback {
        let line = format!(
            "{}{}{} — {}",
            Text::ServeWarning.get(lang),
            lang.colon(),
            options.addr,
            Text::ServeNotLoopback.get(lang)
        );
        say(&mut std::io::stderr(), &line);
    }
    let mut limits = options.limits;
    let allowed = open_files::allow(limits.max_connections);
    if let Some(open_files) = allowed.capped_by {
        let line = format!(
            "{} {}{}{}{open_files}",
            Text::ServeConnectionsCapped.get(lang),
            allowed.connections,
            Text::ServeOpenFileLimit.get(lang),
            lang.colon(),
        );
        say(&mut std::io::stderr(), &line);
    }
    limits.max_connections = allowed.connections;
    let page = Page::new(lang, &options.file, widget.is_some(), options.present);
    let router = routes::router(publisher.subscribe(), page, widget, loopback);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|err| bind_error(options.addr, &err))?;
        let addr = listener.local_addr()?;
        let line = format!(
            "{} http://{addr}/ ({}{}{ROADMAP_PATH}) — {}",
            Text::ServeListening.get(lang),
            options.file,
            lang.colon(),
            Text::ServeStop.get(lang)
        );
        say(&mut std::io::stdout(), &line);
        match connections::serve(listener, router, limits).await {}
    })
}

/// The widget's directory when it holds a built widget.
fn widget_dir(dir: &Path) -> Option<&Path> {
    dir.join("roadmap-timeline.js").is_file().then_some(dir)
}

fn bind_error(addr: SocketAddr, err: &std::io::Error) -> anyhow::Error {
    let how = if err.kind() == std::io::ErrorKind::AddrInUse {
        format!(
            "the port {} is already in use; choose another with --addr {}:PORT, or --addr {}:0 for any free port",
            addr.port(),
            addr.ip(),
            addr.ip()
        )
    } else {
        err.to_string()
    };
    anyhow::anyhow!("cannot listen on {addr}: {how}")
}
