//! The plain-text outline of a roadmap (`roadmap list`): axes, missions and
//! milestones with dates as written, status in words and symbols, and
//! progress. Made for pipes and screen readers: no colour, no layout tricks.
//! Every text of the roadmap is printed as [`safe`] shows it, so that none
//! can command the terminal or break a line.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use roadmap_core::{
    Day, Gender, ItemRef, Language, LoadError, Loaded, Phrase, ProgressFigure, Roadmap,
    STALE_SYMBOL, Status, derived_label, stale_label,
};

use roadmap_core::{capitalised, interface_language};

use crate::files::bundled;
use crate::files::loading::{load_bundled, load_file};
use crate::terminal::cells::safe;
use crate::terminal::report::report_failure;

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
        "{} — {} — {}{}{} — {}",
        safe(roadmap.title()),
        safe(roadmap.organisation()),
        lang.phrase(Phrase::Published),
        lang.colon(),
        roadmap.published().render(lang),
        roadmap_core::render_range(Some(period.start), Some(period.end), lang)
    );
    if let figure @ (ProgressFigure::Percent(_) | ProgressFigure::Counts { .. }) =
        roadmap.progress_figure(today)
    {
        let _ = writeln!(
            out,
            "{}{}{}",
            capitalised(lang.phrase(Phrase::Overall)),
            lang.colon(),
            figure.text(lang)
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
            "  {}{}{}{counts}",
            review.date.render(lang),
            lang.colon(),
            safe(&review.title)
        );
    }
    for (a, axis) in roadmap.axes().iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {}{}",
            a + 1,
            safe(&axis.title),
            progress_suffix(axis.progress_figure(today), lang)
        );
        for mission in &axis.missions {
            let dates = match roadmap_core::render_range(mission.start, mission.end, lang) {
                range if range.is_empty() => range,
                range => format!(" — {range}"),
            };
            let _ = writeln!(
                out,
                "   - {}{dates} — {}{}",
                safe(&mission.title),
                status_words(roadmap, ItemRef::Mission(axis, mission), lang, today),
                progress_suffix(mission.progress_figure(today), lang)
            );
            for milestone in &mission.milestones {
                let date = milestone.when_full(lang, |d| d.render(lang));
                let _ = writeln!(
                    out,
                    "       · {date} — {} — {}",
                    safe(&milestone.title),
                    status_words(
                        roadmap,
                        ItemRef::Milestone(axis, mission, milestone),
                        lang,
                        today
                    ),
                );
            }
        }
    }
    let _ = write!(out, "{}", legend(roadmap, lang, today));
    out
}

/// What the stale mark and "derived" mean, when the outline uses them.
fn legend(roadmap: &Roadmap, lang: Language, today: Day) -> String {
    let reports: Vec<_> = roadmap
        .missions()
        .flat_map(|(a, _, mission)| {
            let axis = &roadmap.axes()[a];
            std::iter::once(ItemRef::Mission(axis, mission)).chain(
                mission
                    .milestones
                    .iter()
                    .map(move |milestone| ItemRef::Milestone(axis, mission, milestone)),
            )
        })
        .filter_map(|item| roadmap.status_report(item, today))
        .collect();
    let mut out = String::new();
    if reports.iter().any(|r| r.stale) {
        let _ = write!(
            out,
            "\n{STALE_SYMBOL} {}",
            stale_label(lang, roadmap.stale_after_months())
        );
    }
    if reports
        .iter()
        .any(|r| r.derived && r.status != Status::Unknown)
    {
        let _ = write!(out, "\n{}", derived_label(lang));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// "◐ in progress as of March 2023", with the stale mark when it is old.
fn status_words(roadmap: &Roadmap, item: ItemRef<'_>, lang: Language, today: Day) -> String {
    roadmap
        .status_report(item, today)
        .map(|report| report.text(lang))
        .unwrap_or_default()
}

/// " — 40 %" or " — 1 of 3 milestones done"; nothing when unknown, which the
/// status already says.
fn progress_suffix(figure: ProgressFigure, lang: Language) -> String {
    match figure {
        ProgressFigure::Unknown => String::new(),
        figure => format!(" — {}", figure.text(lang)),
    }
}
