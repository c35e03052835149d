//! Writes SYNTHETIC roadmap files full of errors (made-up data, to measure
//! how `roadmap check` copes with hostile input) into a directory:
//!
//! ```text
//! cargo run --release -p roadmap-core --example hostile -- /tmp/hostile
//! /usr/bin/time -v roadmap check /tmp/hostile/bad-dates-one-line.json
//! ```
//!
//! - `bad-dates-one-line.json`: about 580 KB of JSON on one line, 1,500 bad dates;
//! - `bad-dates-pretty.json`: the same roadmap, pretty-printed;
//! - `bad-dates-32mb.json`: just under the 32 MB limit on one line, every
//!   milestone date bad;
//! - `bad-dates-32mb.toml`: the same in TOML, every date bad;
//! - `huge-key.json`: a valid roadmap with one unknown key of 1 MB;
//! - `unknown-keys.json`: about 30 MB of unknown keys in the roadmap's table.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use roadmap_core::load::MAX_INPUT_BYTES;
use roadmap_core::synthetic::{synthetic_roadmap_json, synthetic_roadmap_toml};
use serde_json::Value;

const USAGE: &str = "usage: hostile DIR  (writes SYNTHETIC files full of errors into DIR)";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match write_all(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hostile: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let write = |name: &str, text: &str| -> std::io::Result<()> {
        let path: PathBuf = dir.join(name);
        std::fs::write(&path, text)?;
        eprintln!("{}: {} bytes", path.display(), text.len());
        Ok(())
    };

    let mut small = roadmap(2_940);
    spoil_dates(&mut small, 1_500);
    write("bad-dates-one-line.json", &small.to_string())?;
    write("bad-dates-pretty.json", &pretty(&small))?;

    let json = under_the_limit(|milestones| {
        let mut big = roadmap(milestones);
        spoil_dates(&mut big, usize::MAX);
        big.to_string()
    });
    write("bad-dates-32mb.json", &json)?;

    let toml = under_the_limit(|milestones| {
        let mut toml = String::new();
        for line in synthetic_roadmap_toml(milestones).lines() {
            toml.push_str(if line.starts_with("date = ") {
                "date = \"2023-13\""
            } else {
                line
            });
            toml.push('\n');
        }
        toml
    });
    write("bad-dates-32mb.toml", &toml)?;

    let mut keyed = roadmap(20);
    if let Value::Object(root) = &mut keyed {
        root.insert("k".repeat(1 << 20), Value::from(1));
    }
    write("huge-key.json", &pretty(&keyed))?;

    let mut unknown = roadmap(20);
    if let Value::Object(root) = &mut unknown {
        for i in 0..(30 << 20) / 24 {
            root.insert(format!("unknown-{i:010}"), Value::from(1));
        }
    }
    write("unknown-keys.json", &unknown.to_string())
}

/// The largest text `make` writes for a number of milestones that stays
/// within [`MAX_INPUT_BYTES`]: sized from a sample, then shrunk by what it
/// overshoots (the generator's bytes per milestone change as it grows).
fn under_the_limit(make: impl Fn(usize) -> String) -> String {
    let sample = 1_000;
    let per_milestone = make(sample).len().div_ceil(sample).max(1);
    let mut milestones = MAX_INPUT_BYTES / per_milestone;
    loop {
        let text = make(milestones);
        if text.len() <= MAX_INPUT_BYTES || milestones == 0 {
            return text;
        }
        // A hundredth below the ratio, so that the next try fits.
        milestones = milestones * MAX_INPUT_BYTES / text.len() * 99 / 100;
    }
}

/// The SYNTHETIC roadmap of `milestones` milestones, as a JSON value.
fn roadmap(milestones: usize) -> Value {
    serde_json::from_str(&synthetic_roadmap_json(milestones)).unwrap_or(Value::Null)
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Gives the first `count` milestones a date that does not exist.
fn spoil_dates(roadmap: &mut Value, count: usize) {
    let milestones = roadmap["axes"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .filter_map(|axis| axis["missions"].as_array_mut())
        .flatten()
        .filter_map(|mission| mission["milestones"].as_array_mut())
        .flatten();
    for milestone in milestones.take(count) {
        milestone["date"] = Value::from("2023-13");
    }
}
