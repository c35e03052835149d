//! FIFOs for the tests of what is no regular file: opening one to read
//! waits for a writer, and reading it ends only when the writer goes.

/// Makes a FIFO at `path`.
#[cfg(unix)]
pub fn make(path: &std::path::Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .expect("make a FIFO");
}
