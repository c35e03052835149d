//! Lines a child process (or a socket) writes, read on a thread of their
//! own, and waited for with a generous deadline: a slow machine only makes
//! a test slower.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long a line may take to come on a slow, busy machine.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The lines `reader` gives, read on a thread of their own; bytes that are
/// not UTF-8 (a test may look for escapes) are kept as U+FFFD.
pub fn lines_of(reader: impl Read + Send + 'static) -> Receiver<String> {
    let (sender, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).split(b'\n') {
            let Ok(line) = line else { return };
            let mut line = String::from_utf8_lossy(&line).into_owned();
            if line.ends_with('\r') {
                line.pop();
            }
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    lines
}

/// The first line that satisfies `wanted` within [`TIMEOUT`].
pub fn wait_for(lines: &Receiver<String>, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        let line = lines.recv_timeout(left).ok()?;
        if wanted(&line) {
            return Some(line);
        }
    }
}
