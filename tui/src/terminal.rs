//! The explorer's event loop on a real terminal: raw mode, alternate
//! screen and mouse capture on the way in, restored on the way out and on
//! panic, so a crash never leaves the terminal unusable.

use std::io::{BufWriter, Stdout, stdout};

use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::prelude::CrosstermBackend;

use crate::app::{App, Msg};
use crate::{keys, save, ui};

/// Runs the explorer until the user quits.
pub fn run(mut app: App) -> anyhow::Result<()> {
    // `init` sets up raw mode, the alternate screen and a restoring panic
    // hook; the terminal used for drawing buffers each frame whole, so the
    // screen never shows half a frame.
    drop(ratatui::init());
    let mut terminal = Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        1 << 16,
        stdout(),
    )))?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous_hook(info);
    }));
    execute!(stdout(), EnableMouseCapture)?;
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    app: &mut App,
) -> anyhow::Result<()> {
    while !app.quit {
        terminal.draw(|frame| ui::draw(frame, app))?;
        if let Some(msg) = message(&event::read()?, app) {
            app.update(msg);
            save::perform(app);
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
