//! What the tests of written files (PDF, HTML) share: the bundled
//! roadmaps' paths, a process's output as text, and a PDF's text read
//! back with `pdftotext` (poppler-utils; `scripts/test` installs it).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The path of the bundled roadmap `name` (in `data/`).
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(name)
}

/// Bytes a process wrote, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The text of `pdf`, or of its page `page` (from 1), or `None` (with
/// the reason printed) when `pdftotext` cannot be run.
pub fn pdf_text(pdf: &Path, page: Option<usize>) -> Option<String> {
    let mut command = Command::new("pdftotext");
    if let Some(page) = page {
        let page = page.to_string();
        command.args(["-f", &page, "-l", &page]);
    }
    match command.arg(pdf).arg("-").output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext: {}", text(&out.stderr));
            Some(text(&out.stdout))
        }
        Err(err) => {
            println!("skipped: pdftotext (poppler-utils) cannot be run: {err}");
            None
        }
    }
}

/// Runs of whitespace as one space: a title may wrap across lines.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
