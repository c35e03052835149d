//! The plain-text outline of a roadmap (`roadmap list`): axes, missions and
//! milestones with dates as written, status in words and symbols, and
//! progress. Made for pipes and screen readers: no colour, no layout tricks.
//! Every text of the roadmap is printed as [`safe`] shows it, so that none
//! can command the terminal or break a line.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use roadmap_core::{Day, Gender, Language, LoadError, Loaded, Phrase, Roadmap, Status};

use roadmap_core::{capitalised, interface_language};

use crate::files::bundled;
use crate::files::loading::{load_bundled, load_file};
use crate::terminal::cells::safe;
use crate::terminal::report::report_failure;
use crate::text::date_range;

/// Prints the outline of `file` (default: the bundled DINUM roadmap).
/// `lang` is the language asked for; `None` leaves it to the roadmap.
pub fn run(file: Option<&Path>, lang: Option<Language>, today: Day) -> ExitCode {
    match load_file_or_dinum(file) {
        Ok(loaded) => {
            let lang = interface_language(lang, loaded.roadmap.language());
            print!("{}", outline(&loaded.roadmap, lang, today));
            ExitCode::SUCCESS
        }
        Err(err) => report_failure(&err),
    }
}

/// Loads `file`, or the bundled DINUM roadmap when there is none.
fn load_file_or_dinum(file: Option<&Path>) -> Result<Loaded, LoadError> {
    match file {
        Some(path) => load_file(path),
        None => load_bundled(&bundled::DINUM_2023),
    }
}

/// The outline of `roadmap` as of `today`, in `lang`.
pub fn outline(roadmap: &Roadmap, lang: Language, today: Day) -> String {
    let mut out = String::new();
    let period = roadmap.period();
    let _ = writeln!(
        out,
        "{} — {} — {}{}{} — {} → {}",
        safe(roadmap.title()),
        safe(roadmap.organisation()),
        lang.phrase(Phrase::Published),
        lang.colon(),
        roadmap.published().render(lang),
        period.start.render(lang),
        period.end.render(lang)
    );
    if let Some(progress) = roadmap.progress_percent(today) {
        let _ = writeln!(
            out,
            "{} : {}",
            capitalised(lang.phrase(Phrase::Overall)),
            lang.percent(progress)
        );
    }
    for review in roadmap.reviews() {
        let counts = match (review.done, review.total) {
            (Some(done), Some(total)) => format!(
                " — {done} {} {total} {}",
                lang.phrase(Phrase::Of),
                Status::Done.counted(
                    lang,
                    usize::try_from(done).unwrap_or(usize::MAX),
                    Gender::Masculine
                )
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {} : {}{counts}",
            review.date.render(lang),
            safe(&review.title)
        );
    }
    for (a, axis) in roadmap.axes().iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {}{}",
            a + 1,
            safe(&axis.title),
            progress_suffix(axis.progress_percent(today), lang)
        );
        for mission in &axis.missions {
            let dates = match date_range(mission.start, mission.end, lang) {
                range if range.is_empty() => range,
                range => format!(" — {range}"),
            };
            let _ = writeln!(
                out,
                "   - {}{dates} — {}{}",
                safe(&mission.title),
                status_words(mission.effective_status(today), lang),
                progress_suffix(mission.progress_percent(today), lang)
            );
            for milestone in &mission.milestones {
                let date = milestone.when_full(lang, |d| d.render(lang));
                let _ = writeln!(
                    out,
                    "       · {date} — {} — {}",
                    safe(&milestone.title),
                    status_words(milestone.effective_status(today), lang),
                );
            }
        }
    }
    out
}

fn status_words(status: Status, lang: Language) -> String {
    format!("{} {}", status.symbol(), status.label(lang))
}

fn progress_suffix(progress: Option<f64>, lang: Language) -> String {
    progress.map_or_else(String::new, |p| format!(" — {}", lang.percent(p)))
}
