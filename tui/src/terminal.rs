//! The full-screen terminal that the explorer and the presenter draw on:
//! raw mode, alternate screen and (for the explorer) mouse capture on the
//! way in, restored on the way out and on panic, so a crash never leaves
//! the terminal unusable. Also the explorer's event loop.

use std::io::{BufWriter, Stdout, stdout};

use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::prelude::CrosstermBackend;

use crate::app::{App, Msg};
use crate::{keys, ui};

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
    full_screen(true, |terminal| {
        let size = terminal.size()?;
        app.update(Msg::Resize(size.width, size.height));
        event_loop(terminal, &mut app)
    })
}

fn event_loop(terminal: &mut Screen, app: &mut App) -> anyhow::Result<()> {
    while !app.quit {
        terminal.draw(|frame| ui::draw(frame, app))?;
        if let Some(msg) = message(&event::read()?, app) {
            app.update(msg);
        }
    }
    Ok(())
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
