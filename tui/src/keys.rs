//! The one table of key bindings: it maps key presses to messages and
//! feeds the `?` help overlays, so help can never drift from behaviour.
//! The explorer's bindings ([`BINDINGS`]) and the presenter's
//! ([`PRESENT_BINDINGS`]) are its two parts, each with its own scopes.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Mode, Msg, Pane};
use crate::present::PresentMsg;
use crate::text::Text;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Browsing, whatever the pane.
    Browse,
    /// Browsing with the outline focused.
    Outline,
    /// Browsing with the timeline focused.
    Timeline,
    /// Typing a search.
    Search,
    /// In the filter panel.
    Filter,
    /// Reading the help overlay.
    Help,
    /// Choosing a status.
    Picker,
    /// Typing a progress or a review.
    Input,
    /// Presenting slides.
    Present,
    /// Reading the presenter's help.
    PresentHelp,
}

impl Scope {
    /// The presenter's scopes, in the order its help lists them.
    pub const PRESENT: [Scope; 2] = [Scope::Present, Scope::PresentHelp];

    /// The explorer's scopes, in the order its help overlay lists them.
    pub const ALL: [Scope; 8] = [
        Scope::Browse,
        Scope::Outline,
        Scope::Timeline,
        Scope::Search,
        Scope::Filter,
        Scope::Picker,
        Scope::Input,
        Scope::Help,
    ];

    /// Heading of the scope in the help overlay.
    pub fn title(self) -> Text {
        match self {
            Scope::Browse => Text::General,
            Scope::Outline => Text::Outline,
            Scope::Timeline => Text::Timeline,
            Scope::Search => Text::Search,
            Scope::Filter => Text::Filters,
            Scope::Help | Scope::PresentHelp => Text::InHelp,
            Scope::Picker => Text::InPicker,
            Scope::Input => Text::InInput,
            Scope::Present => Text::Presenting,
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Shift…
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One line of the table; `M` is the message type of the front end.
#[derive(Debug, Clone)]
pub struct Binding<M = Msg> {
    /// Where it applies.
    pub scope: Scope,
    /// The keys, as the help overlay shows them.
    pub shown: &'static str,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub msg: M,
    /// What the help overlay says of it.
    pub text: Text,
}

const fn bind<M>(
    scope: Scope,
    shown: &'static str,
    keys: &'static [Key],
    msg: M,
    text: Text,
) -> Binding<M> {
    Binding {
        scope,
        shown,
        keys,
        msg,
        text,
    }
}

/// Every key binding of the explorer.
#[rustfmt::skip] // one binding per line reads as a table
pub const BINDINGS: &[Binding] = &[
    bind(Scope::Browse, "↑ ↓  k j", &[plain(KeyCode::Up), ch('k')], Msg::Up, Text::KeyMove),
    bind(Scope::Browse, "", &[plain(KeyCode::Down), ch('j')], Msg::Down, Text::KeyMove),
    bind(Scope::Browse, "PgUp PgDn", &[plain(KeyCode::PageUp)], Msg::PageUp, Text::KeyPage),
    bind(Scope::Browse, "", &[plain(KeyCode::PageDown)], Msg::PageDown, Text::KeyPage),
    bind(Scope::Browse, "Ctrl-u Ctrl-d", &[ctrl('u')], Msg::HalfPageUp, Text::KeyHalfPage),
    bind(Scope::Browse, "", &[ctrl('d')], Msg::HalfPageDown, Text::KeyHalfPage),
    bind(Scope::Browse, "g G  Home End", &[ch('g'), plain(KeyCode::Home)], Msg::Top, Text::KeyEnds),
    bind(Scope::Browse, "", &[ch('G'), plain(KeyCode::End)], Msg::Bottom, Text::KeyEnds),
    bind(Scope::Browse, "Enter", &[plain(KeyCode::Enter)], Msg::Activate, Text::KeyActivate),
    bind(Scope::Browse, "Tab", &[plain(KeyCode::Tab)], Msg::NextPane, Text::KeyNextPane),
    bind(Scope::Browse, "Shift-Tab", &[plain(KeyCode::BackTab)], Msg::PrevPane, Text::KeyPrevPane),
    bind(Scope::Browse, "1 2 3 4", &[ch('1')], Msg::ShowPane(Pane::Outline), Text::KeyShowPane),
    bind(Scope::Browse, "", &[ch('2')], Msg::ShowPane(Pane::Timeline), Text::KeyShowPane),
    bind(Scope::Browse, "", &[ch('3')], Msg::ShowPane(Pane::Detail), Text::KeyShowPane),
    bind(Scope::Browse, "", &[ch('4')], Msg::ShowPane(Pane::Dashboard), Text::KeyShowPane),
    bind(Scope::Browse, "/", &[ch('/')], Msg::StartSearch, Text::KeySearch),
    bind(Scope::Browse, "n", &[ch('n')], Msg::NextMatch, Text::KeyNextMatch),
    bind(Scope::Browse, "N", &[ch('N')], Msg::PrevMatch, Text::KeyPrevMatch),
    bind(Scope::Browse, "f", &[ch('f')], Msg::OpenFilter, Text::KeyFilter),
    bind(Scope::Browse, "F  Esc", &[ch('F'), plain(KeyCode::Esc)], Msg::ClearFilters, Text::KeyClearFilter),
    bind(Scope::Browse, "+ -", &[ch('+'), ch('=')], Msg::ZoomIn, Text::KeyZoom),
    bind(Scope::Browse, "", &[ch('-')], Msg::ZoomOut, Text::KeyZoom),
    bind(Scope::Browse, "< >", &[ch('<')], Msg::PanLeft, Text::KeyPan),
    bind(Scope::Browse, "", &[ch('>')], Msg::PanRight, Text::KeyPan),
    bind(Scope::Browse, "t", &[ch('t')], Msg::JumpToday, Text::KeyToday),
    bind(Scope::Browse, "[ ]", &[ch('[')], Msg::PrevRoadmap, Text::KeyRoadmap),
    bind(Scope::Browse, "", &[ch(']')], Msg::NextRoadmap, Text::KeyRoadmap),
    bind(Scope::Browse, "s", &[ch('s')], Msg::PickStatus, Text::KeyStatus),
    bind(Scope::Browse, "p", &[ch('p')], Msg::TypeProgress, Text::KeyProgress),
    bind(Scope::Browse, "r", &[ch('r')], Msg::TypeReview, Text::KeyReview),
    bind(Scope::Browse, "u", &[ch('u')], Msg::Undo, Text::KeyUndo),
    bind(Scope::Browse, "R", &[ch('R')], Msg::Reload, Text::KeyReload),
    bind(Scope::Browse, "?", &[ch('?')], Msg::ToggleHelp, Text::KeyHelp),
    bind(Scope::Browse, "q  Ctrl-c", &[ch('q'), ctrl('c')], Msg::Quit, Text::KeyQuit),
    bind(Scope::Outline, "→ l", &[plain(KeyCode::Right), ch('l')], Msg::Expand, Text::KeyExpand),
    bind(Scope::Outline, "← h", &[plain(KeyCode::Left), ch('h')], Msg::Collapse, Text::KeyCollapse),
    bind(Scope::Timeline, "← → h l", &[plain(KeyCode::Left), ch('h')], Msg::PanLeft, Text::KeyPan),
    bind(Scope::Timeline, "", &[plain(KeyCode::Right), ch('l')], Msg::PanRight, Text::KeyPan),
    bind(Scope::Search, "Enter", &[plain(KeyCode::Enter)], Msg::SearchAccept, Text::KeySearch),
    bind(Scope::Search, "Esc", &[plain(KeyCode::Esc)], Msg::SearchCancel, Text::KeyBack),
    bind(Scope::Search, "", &[plain(KeyCode::Backspace)], Msg::SearchBackspace, Text::KeySearch),
    bind(Scope::Search, "", &[ctrl('c')], Msg::Quit, Text::KeyQuit),
    bind(Scope::Filter, "↑ ↓  k j", &[plain(KeyCode::Up), ch('k')], Msg::Up, Text::KeyMove),
    bind(Scope::Filter, "", &[plain(KeyCode::Down), ch('j')], Msg::Down, Text::KeyMove),
    bind(Scope::Filter, "Space", &[ch(' '), plain(KeyCode::Enter)], Msg::FilterToggle, Text::KeyToggle),
    bind(Scope::Filter, "F", &[ch('F')], Msg::ClearFilters, Text::KeyClearFilter),
    bind(Scope::Filter, "Esc f", &[plain(KeyCode::Esc), ch('f')], Msg::Back, Text::KeyBack),
    bind(Scope::Filter, "", &[ch('q'), ctrl('c')], Msg::Quit, Text::KeyQuit),
    bind(Scope::Picker, "↑ ↓  k j", &[plain(KeyCode::Up), ch('k')], Msg::Up, Text::KeyMove),
    bind(Scope::Picker, "", &[plain(KeyCode::Down), ch('j')], Msg::Down, Text::KeyMove),
    bind(Scope::Picker, "Enter", &[plain(KeyCode::Enter), ch(' ')], Msg::Confirm, Text::KeyConfirm),
    bind(Scope::Picker, "Esc", &[plain(KeyCode::Esc)], Msg::Back, Text::KeyBack),
    bind(Scope::Picker, "", &[ch('q'), ctrl('c')], Msg::Quit, Text::KeyQuit),
    bind(Scope::Input, "Enter", &[plain(KeyCode::Enter)], Msg::Confirm, Text::KeyConfirm),
    bind(Scope::Input, "Esc", &[plain(KeyCode::Esc)], Msg::Back, Text::KeyBack),
    bind(Scope::Input, "Backspace", &[plain(KeyCode::Backspace)], Msg::InputBackspace, Text::KeyErase),
    bind(Scope::Input, "", &[ctrl('c')], Msg::Quit, Text::KeyQuit),
    bind(Scope::Help, "↑ ↓  k j", &[plain(KeyCode::Up), ch('k')], Msg::Up, Text::KeyScroll),
    bind(Scope::Help, "", &[plain(KeyCode::Down), ch('j')], Msg::Down, Text::KeyScroll),
    bind(Scope::Help, "? Esc", &[ch('?'), plain(KeyCode::Esc)], Msg::Back, Text::KeyBack),
    bind(Scope::Help, "", &[ch('q'), ctrl('c')], Msg::Quit, Text::KeyQuit),
];

/// Every key binding of the presenter.
#[rustfmt::skip] // one binding per line reads as a table
pub const PRESENT_BINDINGS: &[Binding<PresentMsg>] = &[
    bind(Scope::Present, "→ Space PgDn", &[plain(KeyCode::Right), ch(' '), plain(KeyCode::PageDown)], PresentMsg::Next, Text::KeyNextSlide),
    bind(Scope::Present, "← PgUp", &[plain(KeyCode::Left), plain(KeyCode::PageUp)], PresentMsg::Previous, Text::KeyPreviousSlide),
    bind(Scope::Present, "Home End", &[plain(KeyCode::Home)], PresentMsg::First, Text::KeyFirstLastSlide),
    bind(Scope::Present, "", &[plain(KeyCode::End)], PresentMsg::Last, Text::KeyFirstLastSlide),
    bind(Scope::Present, "0–9 Enter", &[ch('0')], PresentMsg::Digit(0), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('1')], PresentMsg::Digit(1), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('2')], PresentMsg::Digit(2), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('3')], PresentMsg::Digit(3), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('4')], PresentMsg::Digit(4), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('5')], PresentMsg::Digit(5), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('6')], PresentMsg::Digit(6), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('7')], PresentMsg::Digit(7), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('8')], PresentMsg::Digit(8), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[ch('9')], PresentMsg::Digit(9), Text::KeyJumpSlide),
    bind(Scope::Present, "", &[plain(KeyCode::Enter)], PresentMsg::Jump, Text::KeyJumpSlide),
    bind(Scope::Present, "b", &[ch('b')], PresentMsg::ToggleBlank, Text::KeyBlank),
    bind(Scope::Present, "c", &[ch('c')], PresentMsg::ToggleClock, Text::KeyClock),
    bind(Scope::Present, "Esc", &[plain(KeyCode::Esc)], PresentMsg::Back, Text::KeyClearTyped),
    bind(Scope::Present, "?", &[ch('?')], PresentMsg::ToggleHelp, Text::KeyHelp),
    bind(Scope::Present, "q  Ctrl-c", &[ch('q'), ctrl('c')], PresentMsg::Quit, Text::KeyQuit),
    bind(Scope::PresentHelp, "? Esc", &[ch('?'), plain(KeyCode::Esc)], PresentMsg::Back, Text::KeyBack),
    bind(Scope::PresentHelp, "", &[ch('q'), ctrl('c')], PresentMsg::Quit, Text::KeyQuit),
];

/// The binding of `key` in the first of `scopes` that has one.
fn find<'a, M>(bindings: &'a [Binding<M>], scopes: &[Scope], key: KeyEvent) -> Option<&'a M> {
    // Shift is part of the character for letters and symbols ('G', '?').
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    scopes.iter().find_map(|scope| {
        bindings
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| {
                b.keys
                    .iter()
                    .any(|k| k.code == key.code && k.modifiers == modifiers)
            })
            .map(|b| &b.msg)
    })
}

/// The message a key press means to the presenter, with or without its
/// help shown.
pub fn present_message_for(key: KeyEvent, help: bool) -> Option<PresentMsg> {
    let scope = if help {
        Scope::PresentHelp
    } else {
        Scope::Present
    };
    find(PRESENT_BINDINGS, &[scope], key).cloned()
}

/// The message a key press means in this mode and pane, if any.
pub fn message_for(key: KeyEvent, mode: Mode, focus: Pane) -> Option<Msg> {
    let scopes: &[Scope] = match (mode, focus) {
        (Mode::Search, _) => &[Scope::Search],
        (Mode::Filter, _) => &[Scope::Filter],
        (Mode::Help, _) => &[Scope::Help],
        (Mode::PickStatus, _) => &[Scope::Picker],
        (Mode::Type(_), _) => &[Scope::Input],
        (Mode::Browse, Pane::Outline) => &[Scope::Outline, Scope::Browse],
        (Mode::Browse, Pane::Timeline) => &[Scope::Timeline, Scope::Browse],
        (Mode::Browse, _) => &[Scope::Browse],
    };
    let found = find(BINDINGS, scopes, key).cloned();
    match (found, mode, key.code) {
        (Some(msg), _, _) => Some(msg),
        (None, Mode::Search, KeyCode::Char(c))
            if !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Msg::SearchInput(c))
        }
        (None, Mode::Type(_), KeyCode::Char(c))
            if !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Msg::Input(c))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_same_key_means_what_the_pane_needs() {
        let l = key(KeyCode::Char('l'));
        assert_eq!(
            message_for(l, Mode::Browse, Pane::Outline),
            Some(Msg::Expand)
        );
        assert_eq!(
            message_for(l, Mode::Browse, Pane::Timeline),
            Some(Msg::PanRight)
        );
        assert_eq!(
            message_for(l, Mode::Search, Pane::Outline),
            Some(Msg::SearchInput('l'))
        );
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            message_for(shifted, Mode::Browse, Pane::Outline),
            Some(Msg::Bottom)
        );
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            message_for(ctrl_d, Mode::Browse, Pane::Detail),
            Some(Msg::HalfPageDown)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('z')), Mode::Browse, Pane::Outline),
            None
        );
    }

    #[test]
    fn every_scope_can_be_left() {
        for scope in Scope::ALL {
            assert!(
                BINDINGS.iter().any(|b| b.scope == scope
                    && matches!(b.msg, Msg::Quit | Msg::Back | Msg::SearchCancel)
                    || scope == Scope::Outline
                    || scope == Scope::Timeline),
                "{scope:?} has no way out"
            );
        }
        for scope in Scope::PRESENT {
            assert!(
                PRESENT_BINDINGS
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
                present_message_for(key(KeyCode::Char(c)), false),
                Some(PresentMsg::Digit(digit))
            );
        }
        assert_eq!(
            present_message_for(key(KeyCode::Right), false),
            Some(PresentMsg::Next)
        );
        // In the help, only ways out.
        assert_eq!(present_message_for(key(KeyCode::Right), true), None);
        assert_eq!(
            present_message_for(key(KeyCode::Esc), true),
            Some(PresentMsg::Back)
        );
        // Keys of the explorer mean nothing here.
        assert_eq!(present_message_for(key(KeyCode::Char('/')), false), None);
    }
}
