//! Starting the server from the command line: loads the roadmap (a path or
//! a bundled roadmap's name), reports one that does not load, follows the
//! file and serves it with the built widget.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use roadmap_core::{Language, interface_language};

use super::connections::Limits;
use super::{Publisher, ServeOptions};
use crate::files::bundled;
use crate::files::loading::{load_bundled, load_file};
use crate::terminal::cells;
use crate::terminal::report::report_failure;
use crate::text::Text;

/// Serves `file` (a path or a bundled roadmap's name; the DINUM roadmap
/// when `None`) until stopped, following the file's changes; a file that
/// does not load at start is reported like `roadmap check` does, since
/// there is nothing to serve yet. `present`: the page shows the slides.
pub fn launch(
    file: Option<&Path>,
    addr: SocketAddr,
    widget: Option<PathBuf>,
    limits: Limits,
    lang: Option<Language>,
    present: bool,
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
    let lang = interface_language(lang, loaded.roadmap.language());
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
        present,
    };
    super::run(&publisher, &options)?;
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
