//! The presenter's event loop on a real terminal (set up by
//! [`crate::terminal::full_screen`]): it waits for a key with a timeout,
//! so that a tick reaches the state at least every [`TICK`] and the clock
//! and auto-advance move on their own. Messages from elsewhere (a file
//! watcher's [`PresentMsg::Replace`]) come through a channel; after each
//! frame, its notes windows are told where it is.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use time::{OffsetDateTime, UtcOffset};

use roadmap_core::Language;

use super::keys;
use super::{PresentApp, PresentMsg, Showing, ui};
use crate::files::watch::{self, FileChange, FileWatch, Reload};
use crate::terminal::{Screen, full_screen};
use crate::text::Text;

/// Longest wait between two ticks: the clock shows seconds.
const TICK: Duration = Duration::from_millis(250);

/// Runs the presenter until the user quits, applying the messages that
/// arrive on `messages` as they come (within a [`TICK`]). The wall clock
/// is shown at `utc_offset` (read it before starting other threads: the
/// system's local offset cannot be read safely after).
pub fn run(
    mut app: PresentApp,
    utc_offset: UtcOffset,
    messages: &Receiver<PresentMsg>,
    mut notes: Option<NotesOut>,
) -> anyhow::Result<()> {
    full_screen(false, |terminal| {
        let size = terminal.size()?;
        app.update(PresentMsg::Resize(size.width, size.height));
        event_loop(terminal, &mut app, utc_offset, messages, notes.as_mut())
    })
}

/// Where the presenter tells its notes windows what it shows.
#[cfg(unix)]
pub type NotesOut = crate::present::notes::channel::Broadcaster;
/// No notes windows where there are no Unix domain sockets.
#[cfg(not(unix))]
pub type NotesOut = std::convert::Infallible;

// Without Unix domain sockets there is no notes channel to use.
#[cfg_attr(not(unix), allow(unused_mut, unused_variables))]
fn event_loop(
    terminal: &mut Screen,
    app: &mut PresentApp,
    utc_offset: UtcOffset,
    messages: &Receiver<PresentMsg>,
    mut notes: Option<&mut NotesOut>,
) -> anyhow::Result<()> {
    while !app.quit {
        app.update(PresentMsg::Tick {
            now: Instant::now(),
            clock: OffsetDateTime::now_utc().to_offset(utc_offset).time(),
        });
        while let Ok(msg) = messages.try_recv() {
            app.update(msg);
        }
        terminal.draw(|frame| ui::draw(frame, app))?;
        #[cfg(unix)]
        if let Some(out) = notes.as_deref_mut() {
            out.publish(&crate::present::notes::NotesFrame::of(app));
        }
        if !event::poll(TICK)? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keys::message_for(key, app.showing == Showing::Help)
            }
            Event::Resize(width, height) => Some(PresentMsg::Resize(width, height)),
            _ => None,
        };
        if let Some(msg) = msg {
            app.update(msg);
        }
    }
    Ok(())
}

/// Watches the file at `path` and sends each version of it to the
/// presenter: the new roadmap, or why the one on screen stays (the first
/// error at `file:line:column`, or the file gone). The watch lasts as long
/// as the guard returned.
pub fn follow(
    path: &Path,
    sender: Sender<PresentMsg>,
    lang: Language,
) -> anyhow::Result<FileWatch> {
    let followed = path.to_owned();
    watch::watch(path, move |change| {
        let msg = match change {
            FileChange::WatchFailed(reason) => PresentMsg::ReloadFailed(reason),
            FileChange::Changed => match watch::reload(&followed) {
                Reload::Loaded(loaded) => PresentMsg::Replace(Box::new(loaded.roadmap)),
                Reload::Invalid(error) => PresentMsg::ReloadFailed(
                    error
                        .errors()
                        .next()
                        .map_or_else(|| error.file.clone(), |first| first.located(&error.file)),
                ),
                Reload::Missing => PresentMsg::ReloadFailed(format!(
                    "{}: {}",
                    followed.display(),
                    Text::FileRemoved.get(lang)
                )),
            },
        };
        // The presenter has quit when nobody receives.
        let _ = sender.send(msg);
    })
}
