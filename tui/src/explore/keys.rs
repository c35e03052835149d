//! The explorer's key bindings: one table that maps key presses to
//! messages in each mode and pane, and feeds the `?` help overlay, so help
//! can never drift from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::{Line, Span};
use roadmap_core::changes;
use roadmap_core::{CHANGED_SYMBOL, Language, STALE_SYMBOL, Status, derived_label};

use super::state::{Mode, Msg, Pane};
use crate::terminal::help::binding_lines;
use crate::terminal::keys::{self, Binding, bind, ch, ctrl, plain};
use crate::terminal::theme::ThemeKind;
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
}

impl Scope {
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
}

impl keys::Scope for Scope {
    fn title(self) -> Text {
        match self {
            Scope::Browse => Text::General,
            Scope::Outline => Text::Outline,
            Scope::Timeline => Text::Timeline,
            Scope::Search => Text::Search,
            Scope::Filter => Text::Filters,
            Scope::Help => Text::InHelp,
            Scope::Picker => Text::InPicker,
            Scope::Input => Text::InInput,
        }
    }
}

/// Every key binding of the explorer.
#[rustfmt::skip] // one binding per line reads as a table
pub const BINDINGS: &[Binding<Msg, Scope>] = &[
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
    let found = keys::find(BINDINGS, scopes, key).cloned();
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

/// The explorer's help lines: its bindings, then the mouse.
pub fn help_lines(lang: Language, theme: ThemeKind) -> Vec<Line<'static>> {
    let mut lines = binding_lines(BINDINGS, &Scope::ALL, lang, theme);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::KeyMouse.get(lang),
        theme.muted(),
    )));
    // What the outline's symbols mean: status, the stale mark, "derived".
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Text::Symbols.get(lang),
        theme.heading(),
    )));
    for status in Status::ALL {
        lines.push(Line::from(Span::styled(
            format!("  {}  {}", status.symbol(), status.label(lang)),
            theme.status(status),
        )));
    }
    lines.push(Line::from(format!(
        "  {STALE_SYMBOL}  {}",
        Text::StaleMeaning.get(lang)
    )));
    lines.push(Line::from(format!("     {}", derived_label(lang))));
    lines.push(Line::from(format!(
        "  {CHANGED_SYMBOL}  {}",
        changes::words::changed_label(lang)
    )));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_help_explains_every_symbol_of_the_outline() {
        for lang in [Language::Fr, Language::En] {
            let text: Vec<String> = help_lines(lang, ThemeKind::NoColor)
                .iter()
                .map(ToString::to_string)
                .collect();
            for status in Status::ALL {
                let line = format!("  {}  {}", status.symbol(), status.label(lang));
                assert!(text.contains(&line), "{line} in {text:#?}");
            }
            assert!(
                text.iter()
                    .any(|l| l.starts_with(&format!("  {STALE_SYMBOL}  ")))
            );
            assert!(text.iter().any(|l| l.trim() == derived_label(lang)));
            let changed = format!(
                "  {CHANGED_SYMBOL}  {}",
                changes::words::changed_label(lang)
            );
            assert!(text.contains(&changed), "{changed} in {text:#?}");
        }
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
    }
}
