//! The notes window's event loop on a real terminal: ticks for the clock,
//! keys, and what the channel hears, all as [`NotesMsg`]s.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use time::{OffsetDateTime, UtcOffset};

use super::app::{NotesApp, NotesMsg, message_for};
use super::channel::follow;
use super::ui;
use crate::terminal::{Screen, full_screen};

/// Longest wait between two redraws: the clock shows seconds elapsed.
const TICK: Duration = Duration::from_millis(250);

/// Runs the notes window, following the presenter at `socket`, until the
/// user quits.
pub fn run(mut app: NotesApp, socket: PathBuf, utc_offset: UtcOffset) -> anyhow::Result<()> {
    let (sender, heard) = channel();
    // The follower ends with the process.
    let _follower = follow(socket, sender, NotesMsg::Heard);
    full_screen(false, |terminal| {
        let size = terminal.size()?;
        app.update(NotesMsg::Resize(size.width, size.height));
        event_loop(terminal, &mut app, utc_offset, &heard)
    })
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut NotesApp,
    utc_offset: UtcOffset,
    heard: &Receiver<NotesMsg>,
) -> anyhow::Result<()> {
    while !app.quit {
        app.update(NotesMsg::Tick(
            OffsetDateTime::now_utc().to_offset(utc_offset).time(),
        ));
        while let Ok(msg) = heard.try_recv() {
            app.update(msg);
        }
        terminal.draw(|frame| ui::draw(frame, app))?;
        if !event::poll(TICK)? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => message_for(key),
            Event::Resize(width, height) => Some(NotesMsg::Resize(width, height)),
            _ => None,
        };
        if let Some(msg) = msg {
            app.update(msg);
        }
    }
    Ok(())
}
