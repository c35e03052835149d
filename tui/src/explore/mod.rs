//! `roadmap` with no command: the interactive explorer, in the Elm
//! Architecture. [`state`] holds what is shown, `update` changes it
//! (pure), [`keys`] maps keys to messages and feeds the help, [`geometry`]
//! says where everything is, [`draw`] paints it, [`run`] is the event
//! loop and [`effects`] performs the writes and reloads `update` asks for;
//! [`since`] keeps each tab's comparison with an earlier edition.

pub mod draw;
mod editing;
pub mod effects;
pub mod geometry;
pub mod keys;
pub mod launch;
pub mod run;
pub mod since;
pub mod state;
mod update;

pub use run::run;
pub use state::{App, Field, FileProblem, Mode, Msg, Pane, Tab};
