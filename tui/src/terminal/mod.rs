//! The terminal both the explorer and the presenter draw on, and what
//! they share there: the full screen (raw mode, alternate screen and, for
//! the explorer, mouse capture on the way in, restored on the way out and
//! on panic, so a crash never leaves the terminal unusable), the colours
//! ([`theme`]), the width of text and what may reach the screen
//! ([`cells`]), what a key-binding table is
//! ([`keys`]), the `?` overlay drawn from one ([`help`]), and how a file
//! that does not load is reported ([`report`]).

pub mod cells;
pub mod help;
pub mod keys;
pub mod report;
pub mod theme;

use std::io::{BufWriter, Stdout, stdout};

use ratatui::Terminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use ratatui::prelude::CrosstermBackend;

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

/// A rectangle of at most `width` × `height` centred in `area`, where the
/// overlays go.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
