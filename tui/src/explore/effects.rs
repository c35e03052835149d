//! The explorer's side effects: `update` stays pure and only records an
//! [`Effect`] (write this text, read that file again); the event loop
//! performs it here, through `crate::files`, and hands the outcome back.

use super::state::{App, Effect};
use crate::files::loading;
use crate::files::save::{Fault, save_with};

/// Performs the I/O that `update` asked for, if any, and hands the outcome
/// back to the explorer.
pub fn perform(app: &mut App) {
    perform_with(app, &mut |_| Ok(()));
}

/// [`perform`], with `fault` called before each step of a save.
pub fn perform_with(app: &mut App, fault: Fault) {
    match app.effect.take() {
        Some(Effect::Write(write)) => {
            let source = app.tabs.get_mut(write.tab).and_then(|t| t.source.as_mut());
            if let Some(source) = source {
                let result = save_with(source, &write.text, fault);
                app.written(write, result);
            }
        }
        Some(Effect::Reload { tab }) => {
            let source = app.tabs.get(tab).and_then(|t| t.source.as_ref());
            if let Some(read) = source.map(|s| loading::read_file(&s.path)) {
                app.reloaded(tab, read);
            }
        }
        None => {}
    }
}
