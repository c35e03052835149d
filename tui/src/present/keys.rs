//! The presenter's key bindings: one table that maps key presses to
//! [`PresentMsg`]s and feeds its `?` help, so help can never drift from
//! behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::PresentMsg;
use crate::terminal::keys::{self, Binding, bind, ch, ctrl, plain};
use crate::text::Text;

/// Where a presenter's binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Presenting slides.
    Slides,
    /// Reading the presenter's help.
    Help,
}

impl Scope {
    /// The presenter's scopes, in the order its help lists them.
    pub const ALL: [Scope; 2] = [Scope::Slides, Scope::Help];
}

impl keys::Scope for Scope {
    fn title(self) -> Text {
        match self {
            Scope::Slides => Text::Presenting,
            Scope::Help => Text::InHelp,
        }
    }
}

/// Every key binding of the presenter.
#[rustfmt::skip] // one binding per line reads as a table
pub const BINDINGS: &[Binding<PresentMsg, Scope>] = &[
    bind(Scope::Slides, "→ Space PgDn", &[plain(KeyCode::Right), ch(' '), plain(KeyCode::PageDown)], PresentMsg::Next, Text::KeyNextSlide),
    bind(Scope::Slides, "← PgUp", &[plain(KeyCode::Left), plain(KeyCode::PageUp)], PresentMsg::Previous, Text::KeyPreviousSlide),
    bind(Scope::Slides, "Home End", &[plain(KeyCode::Home)], PresentMsg::First, Text::KeyFirstLastSlide),
    bind(Scope::Slides, "", &[plain(KeyCode::End)], PresentMsg::Last, Text::KeyFirstLastSlide),
    bind(Scope::Slides, "0–9 Enter", &[ch('0')], PresentMsg::Digit(0), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('1')], PresentMsg::Digit(1), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('2')], PresentMsg::Digit(2), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('3')], PresentMsg::Digit(3), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('4')], PresentMsg::Digit(4), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('5')], PresentMsg::Digit(5), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('6')], PresentMsg::Digit(6), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('7')], PresentMsg::Digit(7), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('8')], PresentMsg::Digit(8), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[ch('9')], PresentMsg::Digit(9), Text::KeyJumpSlide),
    bind(Scope::Slides, "", &[plain(KeyCode::Enter)], PresentMsg::Jump, Text::KeyJumpSlide),
    bind(Scope::Slides, "b", &[ch('b')], PresentMsg::ToggleBlank, Text::KeyBlank),
    bind(Scope::Slides, "c", &[ch('c')], PresentMsg::ToggleClock, Text::KeyClock),
    bind(Scope::Slides, "Esc", &[plain(KeyCode::Esc)], PresentMsg::Back, Text::KeyClearTyped),
    bind(Scope::Slides, "?", &[ch('?')], PresentMsg::ToggleHelp, Text::KeyHelp),
    bind(Scope::Slides, "q  Ctrl-c", &[ch('q'), ctrl('c')], PresentMsg::Quit, Text::KeyQuit),
    bind(Scope::Help, "? Esc", &[ch('?'), plain(KeyCode::Esc)], PresentMsg::Back, Text::KeyBack),
    bind(Scope::Help, "", &[ch('q'), ctrl('c')], PresentMsg::Quit, Text::KeyQuit),
];

/// The message a key press means to the presenter, with or without its
/// help shown.
pub fn message_for(key: KeyEvent, help: bool) -> Option<PresentMsg> {
    let scope = if help { Scope::Help } else { Scope::Slides };
    keys::find(BINDINGS, &[scope], key).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_scope_can_quit() {
        for scope in Scope::ALL {
            assert!(
                BINDINGS
                    .iter()
                    .any(|b| b.scope == scope && b.msg == PresentMsg::Quit),
                "{scope:?} cannot quit"
            );
        }
    }

    #[test]
    fn the_presenter_reads_digits_and_its_help_keys() {
        for digit in 0..=9_u8 {
            let c = char::from(b'0' + digit);
            assert_eq!(
                message_for(key(KeyCode::Char(c)), false),
                Some(PresentMsg::Digit(digit))
            );
        }
        assert_eq!(
            message_for(key(KeyCode::Right), false),
            Some(PresentMsg::Next)
        );
        // In the help, only ways out.
        assert_eq!(message_for(key(KeyCode::Right), true), None);
        assert_eq!(message_for(key(KeyCode::Esc), true), Some(PresentMsg::Back));
        // Keys of the explorer mean nothing here.
        assert_eq!(message_for(key(KeyCode::Char('/')), false), None);
    }
}
