//! The explorer's event loop: it waits on the terminal and on the files
//! the tabs were read from, turns what happens into [`Msg`]s for
//! [`App::update`], performs the effects `update` asks for, and draws.

use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, KeyModifiers, MouseEventKind};

use super::state::{App, Msg};
use super::{draw, effects, keys};
use crate::files::loading;
use crate::files::watch::{self, FileChange, Reload};
use crate::terminal::{Screen, full_screen};

/// How long the loop waits for a key before looking for file changes: a
/// saved file shows within this plus the watcher's quiet period.
const FILE_POLL: Duration = Duration::from_millis(50);

/// Runs the explorer until the user quits.
pub fn run(mut app: App) -> anyhow::Result<()> {
    let (sender, changes) = channel();
    let mut watches = Vec::new();
    let mut failures = Vec::new();
    for (tab, file) in app.tabs.iter().enumerate() {
        let Some(source) = &file.source else {
            continue;
        };
        let sender = sender.clone();
        match watch::watch(&source.path, move |change| {
            let _ = sender.send((tab, change));
        }) {
            Ok(watch) => watches.push(watch),
            // The explorer still works; the banner says changes won't show.
            Err(error) => failures.push(Msg::WatchFailed {
                tab,
                reason: format!("{error:#}"),
            }),
        }
    }
    for msg in failures {
        app.update(msg);
    }
    full_screen(true, |terminal| {
        let size = terminal.size()?;
        app.update(Msg::Resize(size.width, size.height));
        event_loop(terminal, &mut app, &changes)
    })
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    changes: &Receiver<(usize, FileChange)>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|frame| draw::draw(frame, app))?;
        }
        dirty = false;
        if event::poll(FILE_POLL)?
            && let Some(msg) = message(&event::read()?, app)
        {
            app.update(msg);
            effects::perform(app);
            dirty = true;
        }
        for (tab, change) in changes.try_iter() {
            let source = app.tabs.get(tab).and_then(|t| t.source.as_ref());
            let msg = match (change, source) {
                (FileChange::WatchFailed(reason), _) => Msg::WatchFailed { tab, reason },
                (FileChange::Changed, Some(source)) => file_message(tab, &source.path),
                (FileChange::Changed, None) => continue,
            };
            app.update(msg);
            dirty = true;
        }
    }
    Ok(())
}

/// The message for what the file of tab `tab` holds now.
fn file_message(tab: usize, path: &Path) -> Msg {
    let (reload, text) = match watch::read(path) {
        Ok(bytes) => (
            Reload::from(loading::load_bytes(path, &bytes)),
            String::from_utf8_lossy(&bytes).into_owned(),
        ),
        Err(reload) => (reload, String::new()),
    };
    match reload {
        Reload::Loaded(loaded) => Msg::Reloaded {
            tab,
            text,
            roadmap: Box::new(loaded.roadmap),
        },
        Reload::Invalid(error) => Msg::ReloadFailed { tab, error },
        Reload::Missing => Msg::FileMissing { tab },
    }
}

/// The message a terminal event means, if any.
fn message(event: &Event, app: &App) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keys::message_for(*key, app.mode, app.focus)
        }
        Event::Resize(width, height) => Some(Msg::Resize(*width, *height)),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            let zoom = mouse.modifiers.contains(KeyModifiers::CONTROL);
            match mouse.kind {
                MouseEventKind::Down(_) => Some(Msg::Click(column, row)),
                MouseEventKind::ScrollDown => Some(Msg::Wheel {
                    down: true,
                    zoom,
                    column,
                    row,
                }),
                MouseEventKind::ScrollUp => Some(Msg::Wheel {
                    down: false,
                    zoom,
                    column,
                    row,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}
