//! What a key-binding table is made of, whichever program owns it: a
//! [`Binding`] ties keys to a message in a scope, [`find`] reads the table
//! when a key is pressed, and [`crate::terminal::help`] renders the same
//! table as the `?` overlay, so help can never drift from behaviour. The
//! tables themselves live with their programs
//! (`crate::explore::keys`, `crate::present::keys`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text::Text;

/// Where a binding applies; each program has its own scopes.
pub trait Scope: Copy + Eq {
    /// Heading of the scope in the help overlay.
    fn title(self) -> Text;
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Shift…
    pub modifiers: KeyModifiers,
}

/// A key pressed alone.
pub const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

/// A character key pressed alone.
pub const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

/// A character key pressed with Ctrl.
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One line of a table; `M` is the program's message type, `S` its scopes.
#[derive(Debug, Clone)]
pub struct Binding<M, S> {
    /// Where it applies.
    pub scope: S,
    /// The keys, as the help overlay shows them.
    pub shown: &'static str,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub msg: M,
    /// What the help overlay says of it.
    pub text: Text,
}

/// A binding, written as one short line of a table.
pub const fn bind<M, S>(
    scope: S,
    shown: &'static str,
    keys: &'static [Key],
    msg: M,
    text: Text,
) -> Binding<M, S> {
    Binding {
        scope,
        shown,
        keys,
        msg,
        text,
    }
}

/// The binding of `key` in the first of `scopes` that has one.
pub fn find<'a, M, S: Scope>(
    bindings: &'a [Binding<M, S>],
    scopes: &[S],
    key: KeyEvent,
) -> Option<&'a M> {
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
