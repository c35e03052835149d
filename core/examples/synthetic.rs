//! Writes a SYNTHETIC roadmap (made-up data, for benchmarks and tests) to
//! standard output:
//!
//! ```text
//! cargo run -p roadmap-core --example synthetic -- 10000 > synthetic-10000.toml
//! cargo run -p roadmap-core --example synthetic -- 10000 --json > synthetic-10000.json
//! ```
//!
//! The argument is the number of milestones (10,000 when left out).

use std::io::Write as _;
use std::process::ExitCode;

use roadmap_core::synthetic::{synthetic_roadmap_json, synthetic_roadmap_toml};

const USAGE: &str = "usage: synthetic [MILESTONES] [--json]  (SYNTHETIC roadmap on stdout; default 10000 milestones, TOML)";

fn main() -> ExitCode {
    let mut milestones = 10_000;
    let mut json = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            count => {
                let Ok(n) = count.replace('_', "").parse() else {
                    eprintln!("synthetic: `{count}` is not a number of milestones\n{USAGE}");
                    return ExitCode::from(2);
                };
                milestones = n;
            }
        }
    }
    let text = if json {
        synthetic_roadmap_json(milestones)
    } else {
        synthetic_roadmap_toml(milestones)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synthetic: cannot write: {err}");
            ExitCode::FAILURE
        }
    }
}
