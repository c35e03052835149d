//! The full-screen terminal that the explorer and the presenter draw on:
//! raw mode, alternate screen and (for the explorer) mouse capture on the
//! way in, restored on the way out and on panic, so a crash never leaves
//! the terminal unusable. Also the explorer's event loop, which waits on
//! the terminal and on the files the tabs were read from.

use std::io::{BufWriter, Stdout, stdout};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::prelude::CrosstermBackend;

use crate::app::{App, Msg};
use crate::watch::{self, FileChange, Reload};
use crate::{keys, loading, save, ui};

/// How long the loop waits for a key before looking for file changes: a
/// saved file shows within this plus the watcher's quiet period.
const FILE_POLL: Duration = Duration::from_millis(50);

/// The terminal both front ends draw on.
pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Takes over the terminal (capturing the mouse when `mouse`), runs
/// `body` on it, and gives the terminal back as it was, whatever `body`
/// returns.
pub fn full_screen(
    mouse: bool,
    body: impl FnOnce(&mut Screen) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // `init` sets up raw mode, the alternate screen and a restoring panic
    // hook; the terminal used for drawing buffers each frame whole, so the
    // screen never shows half a frame.
    drop(ratatui::init());
    let result = (|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
            1 << 16,
            stdout(),
        )))?;
        if mouse {
            let previous_hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = execute!(stdout(), DisableMouseCapture);
                previous_hook(info);
            }));
            execute!(stdout(), EnableMouseCapture)?;
        }
        body(&mut terminal)
    })();
    // Restored whatever happened above, even a failure half-way in.
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

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
            terminal.draw(|frame| ui::draw(frame, app))?;
        }
        dirty = false;
        if event::poll(FILE_POLL)?
            && let Some(msg) = message(&event::read()?, app)
        {
            app.update(msg);
            save::perform(app);
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
