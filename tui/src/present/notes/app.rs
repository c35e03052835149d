//! The notes window's state and its pure `update`: what the channel hears,
//! keys and clock ticks all become a [`NotesMsg`].

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Size;
use roadmap_core::Language;

use super::channel::Heard;
use super::frame::NotesFrame;
use crate::terminal::keys::{self, Binding, bind, ch, ctrl, plain};
use crate::terminal::theme::ThemeKind;
use crate::text::Text;

/// Everything that can happen to the notes window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesMsg {
    /// From the channel.
    Heard(Heard),
    /// Scroll the notes down a line.
    Down,
    /// Scroll the notes up a line.
    Up,
    /// Leave.
    Quit,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// The time of day now.
    Tick(time::Time),
}

/// Where the window stands with its presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// No presenter reached yet.
    Waiting,
    /// Following a presenter.
    Live,
    /// The presenter went away; waiting for a new one.
    Closed,
}

/// The notes window.
#[derive(Debug)]
pub struct NotesApp {
    /// The file presented, as the user named it.
    pub file: String,
    /// Interface language.
    pub lang: Language,
    /// Colours.
    pub theme: ThemeKind,
    /// The terminal's size.
    pub size: Size,
    /// Where it stands with its presenter.
    pub link: Link,
    /// The latest frame heard (kept, greyed, once the presenter closes).
    pub frame: Option<NotesFrame>,
    /// The time of day of the latest tick.
    pub clock: Option<time::Time>,
    /// Lines of notes scrolled past.
    pub scroll: u16,
    /// Set when the user asked to leave.
    pub quit: bool,
}

/// Where a notes window's binding applies: it has only one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotesScope;

impl keys::Scope for NotesScope {
    fn title(self) -> Text {
        Text::SpeakerNotes
    }
}

/// Every key binding of the notes window.
#[rustfmt::skip] // one binding per line reads as a table
pub const BINDINGS: &[Binding<NotesMsg, NotesScope>] = &[
    bind(NotesScope, "↓ ↑", &[plain(KeyCode::Down)], NotesMsg::Down, Text::KeyScrollNotes),
    bind(NotesScope, "", &[plain(KeyCode::Up)], NotesMsg::Up, Text::KeyScrollNotes),
    bind(NotesScope, "q", &[ch('q'), ctrl('c')], NotesMsg::Quit, Text::KeyQuit),
];

/// The message a key press means to the notes window.
pub fn message_for(key: KeyEvent) -> Option<NotesMsg> {
    keys::find(BINDINGS, &[NotesScope], key).cloned()
}

impl NotesApp {
    /// A window for `file`, waiting for its presenter.
    pub fn new(file: String, lang: Language, theme: ThemeKind, size: Size) -> Self {
        NotesApp {
            file,
            lang,
            theme,
            size,
            link: Link::Waiting,
            frame: None,
            clock: None,
            scroll: 0,
            quit: false,
        }
    }

    /// Applies one message. Pure: no I/O, no clock but the one ticks bring.
    pub fn update(&mut self, msg: NotesMsg) {
        match msg {
            NotesMsg::Heard(Heard::Connected) => self.link = Link::Live,
            NotesMsg::Heard(Heard::Frame(frame)) => {
                self.link = Link::Live;
                let moved = self.frame.as_ref().is_none_or(|shown| {
                    (shown.number, &shown.heading) != (frame.number, &frame.heading)
                });
                if moved {
                    self.scroll = 0;
                }
                self.frame = Some(*frame);
            }
            NotesMsg::Heard(Heard::Closed) => {
                if self.link == Link::Live {
                    self.link = Link::Closed;
                }
            }
            NotesMsg::Down => self.scroll = self.scroll.saturating_add(1),
            NotesMsg::Up => self.scroll = self.scroll.saturating_sub(1),
            NotesMsg::Quit => self.quit = true,
            NotesMsg::Resize(width, height) => self.size = Size::new(width, height),
            NotesMsg::Tick(clock) => self.clock = Some(clock),
        }
    }
}
