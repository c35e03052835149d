//! The presenter's event loop on a real terminal (set up by
//! [`crate::terminal::full_screen`]): it waits for a key with a timeout,
//! so that a tick reaches the state at least every [`TICK`] and the clock
//! and auto-advance move on their own.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::{PresentApp, PresentMsg, Showing, ui};
use crate::keys;
use crate::terminal::{Screen, full_screen};

/// Longest wait between two ticks: the clock shows seconds.
const TICK: Duration = Duration::from_millis(250);

/// Runs the presenter until the user quits.
pub fn run(mut app: PresentApp) -> anyhow::Result<()> {
    full_screen(false, |terminal| {
        let size = terminal.size()?;
        app.update(PresentMsg::Resize(size.width, size.height));
        event_loop(terminal, &mut app)
    })
}

fn event_loop(terminal: &mut Screen, app: &mut PresentApp) -> anyhow::Result<()> {
    while !app.quit {
        app.update(tick());
        terminal.draw(|frame| ui::draw(frame, app))?;
        if !event::poll(TICK)? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keys::present_message_for(key, app.showing == Showing::Help)
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

/// The time now, monotonic and of the day (local when the system says
/// where it is, else UTC).
fn tick() -> PresentMsg {
    let wall =
        time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    PresentMsg::Tick {
        now: Instant::now(),
        clock: wall.time(),
    }
}
