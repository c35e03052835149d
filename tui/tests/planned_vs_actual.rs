//! Planned against actual in both programs, on a made-up roadmap
//! (`fixtures/planned-vs-actual.toml`): the detail of a late delivery, of
//! a re-planning with its dependencies and of a mission with its health, the timeline with the ghost of
//! moved plans and the selected item's dependency lines (clipped at the
//! window's edges), the dashboard and the summary slide, in French and
//! English, as text snapshots with no colour. Regenerate after a drawing
//! change with
//! `INSTA_UPDATE=always cargo test -p roadmap-tui --test planned_vs_actual`
//! and review the diff of `tui/tests/snapshots/planned_vs_actual_*`.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use common::{file_app, press};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use ratatui::style::Modifier;
use roadmap_core::{Format, Language, load};
use roadmap_tui::explore::App;
use roadmap_tui::explore::draw as explorer;
use roadmap_tui::present::{PresentApp, PresentMsg, ui as presenter};
use roadmap_tui::terminal::cells::width;
use roadmap_tui::terminal::theme::ThemeKind;

const FIXTURE: &str = "tests/fixtures/planned-vs-actual.toml";

fn explorer_at(size: (u16, u16), lang: Language) -> App {
    let mut app = file_app(Path::new(FIXTURE), lang);
    app.size = Size::new(size.0, size.1);
    app
}

/// The screen as text, trailing blanks trimmed, then the reversed runs
/// (the selection).
fn text(buffer: &Buffer) -> String {
    let screen_width = usize::from(buffer.area.width);
    let mut out = String::new();
    let mut reversed = String::new();
    for (y, cells) in buffer.content.chunks(screen_width).enumerate() {
        let mut line = String::new();
        let mut run = String::new();
        let mut hidden = 0;
        for cell in cells {
            if cell.modifier.contains(Modifier::REVERSED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                let _ = writeln!(
                    reversed,
                    "{y:>2}: «{}»",
                    std::mem::take(&mut run).trim_end()
                );
            }
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            hidden = width(cell.symbol()).saturating_sub(1);
        }
        if !run.is_empty() {
            let _ = writeln!(reversed, "{y:>2}: «{}»", run.trim_end());
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !reversed.is_empty() {
        let _ = write!(out, "\n── reversed ──\n{reversed}");
    }
    out
}

fn explorer_screen(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal
        .draw(|frame| explorer::draw(frame, app))
        .expect("drawing on a test terminal");
    text(terminal.backend().buffer())
}

fn code(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "fr",
        Language::En => "en",
    }
}

/// Snapshots the explorer after `keys`, in both languages at `size`.
fn snapshot(view: &str, keys: &[&str], size: (u16, u16)) {
    for lang in Language::ALL {
        let mut app = explorer_at(size, lang);
        press(&mut app, keys);
        let name = format!(
            "planned_vs_actual_{view}_{}x{}_{}",
            size.0,
            size.1,
            code(lang)
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.set_description(format!("{view}, keys: {}", keys.join(" ")));
        settings.bind(|| insta::assert_snapshot!(name, explorer_screen(&app)));
    }
}

#[test]
fn detail_of_a_late_delivery() {
    // Axis 1, mission "Build", its first milestone: planned Q1 2020,
    // delivered 17 May 2021.
    snapshot("detail_late", &["j", "l", "j", "3"], (100, 30));
}

#[test]
fn detail_of_a_replanning_with_its_links() {
    // The second milestone: re-planned from Q3 2020 to Q1 2021, needing
    // the first, which was delivered after.
    snapshot("detail_replanned", &["j", "l", "j", "j", "3"], (100, 30));
}

#[test]
fn detail_of_a_mission_with_its_health_and_links() {
    // Mission "Build": red since June 2021 after green then amber; needed
    // by "Roll out", which starts before it ends.
    snapshot("detail_mission", &["j", "3"], (100, 30));
}

#[test]
fn timeline_with_ghosts_and_the_links_of_the_selection() {
    // Mission "Build" selected: needed by "Roll out", late.
    snapshot("timeline", &["j", "2"], (120, 30));
}

#[test]
fn dashboard_with_the_average_slip() {
    snapshot("dashboard", &["4"], (120, 36));
}

#[test]
fn summary_slide_with_the_average_slip() {
    let text_of = std::fs::read_to_string(FIXTURE).expect("the fixture");
    let roadmap = load(FIXTURE, text_of.as_bytes(), Format::Toml)
        .expect("the fixture loads")
        .roadmap;
    for lang in Language::ALL {
        let mut app = PresentApp::new(
            roadmap.clone(),
            lang,
            common::today(),
            ThemeKind::NoColor,
            Size::new(120, 36),
            None,
            Instant::now(),
        );
        app.update(PresentMsg::Last);
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("test terminal");
        terminal
            .draw(|frame| presenter::draw(frame, &app))
            .expect("drawing on a test terminal");
        let name = format!("planned_vs_actual_summary_120x36_{}", code(lang));
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(name, text(terminal.backend().buffer())));
    }
}
