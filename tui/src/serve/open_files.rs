//! The open-file limit (`ulimit -n`), which bounds the connections
//! `roadmap serve` can hold: each is an open file. Raised toward the hard
//! limit when the connection limit needs it, as a process may do; what
//! cannot be had lowers the connection limit, so that connections beyond it
//! still get their `503` instead of failing to be accepted.

use super::connections::REFUSING_AT_ONCE;

/// Files open besides the connections: the standard streams, the listener,
/// the runtime's, the file watch, widget files being sent.
const OTHER_FILES: u64 = 64;

/// How many connections may be served at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed {
    /// The connections served at once: at most the number asked for.
    pub connections: usize,
    /// The open-file limit, when it lowered `connections`.
    pub capped_by: Option<u64>,
}

/// How many of `wanted` connections the open-file limit allows, after
/// raising it as far as needed and permitted.
pub fn allow(wanted: usize) -> Allowed {
    let need = (wanted as u64).saturating_add(REFUSING_AT_ONCE as u64 + OTHER_FILES);
    let limit = raise_to(need);
    if limit >= need {
        return Allowed {
            connections: wanted,
            capped_by: None,
        };
    }
    let room = limit.saturating_sub(REFUSING_AT_ONCE as u64 + OTHER_FILES);
    Allowed {
        connections: usize::try_from(room).unwrap_or(usize::MAX).clamp(1, wanted),
        capped_by: Some(limit),
    }
}

/// Raises the soft limit to `need` if the hard limit allows, else as far
/// as it does; returns the soft limit then in force.
#[cfg(unix)]
fn raise_to(need: u64) -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    // `None` is no limit at all.
    let current = limit.current.unwrap_or(u64::MAX);
    if current >= need {
        return current;
    }
    let target = limit.maximum.map_or(need, |maximum| maximum.min(need));
    let raised = Rlimit {
        current: Some(target),
        maximum: limit.maximum,
    };
    // Refused (some systems cap the soft limit below the hard one): the
    // limit stays as it was.
    match setrlimit(Resource::Nofile, raised) {
        Ok(()) => target,
        Err(_) => current,
    }
}

/// Elsewhere sockets are not counted against a limit on open files.
#[cfg(not(unix))]
fn raise_to(_need: u64) -> u64 {
    u64::MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_connections_fit_any_limit() {
        assert_eq!(
            allow(4),
            Allowed {
                connections: 4,
                capped_by: None
            }
        );
    }
}
