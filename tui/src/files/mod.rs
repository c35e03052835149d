//! What the programs share about roadmap files: the bundled roadmaps
//! ([`bundled`]), reading a file safely ([`loading`], [`symlinks`]),
//! writing it back without losing someone else's change ([`save`]) and
//! following its changes on disk ([`watch`]), and reading an earlier
//! edition from git ([`revision`]). Nothing here draws.

pub mod bundled;
pub mod loading;
pub mod revision;
pub mod save;
pub mod symlinks;
pub mod watch;
