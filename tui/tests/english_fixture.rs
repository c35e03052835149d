//! An English roadmap written from public sources as a new author would
//! write it (the UK government's 2022 to 2025 roadmap for digital and
//! data, `fixtures/uk-digital-data-2022-2025.toml`), drawn in English as
//! text snapshots with no colour and today fixed at 2026-11-23: the
//! explorer's outline, timeline and the detail of a delivered milestone
//! at 80×24 and 120×40, the presenter's title, axis, timeline and summary
//! slides at 80×24 and 200×60, and `roadmap list --lang en`. Besides the
//! snapshots, a few assertions say what a reader must find on screen.
//! Regenerate after a drawing change with
//! `INSTA_UPDATE=always cargo test -p roadmap-tui --test english_fixture`,
//! then review the diff of `tui/tests/snapshots/english_*`.

mod common;

use std::fmt::Write as _;
use std::process::Command;
use std::time::Instant;

use common::{press, today};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use ratatui::style::Modifier;
use roadmap_core::{Format, Language, Roadmap, load};
use roadmap_tui::explore::{App, Msg, Tab};
use roadmap_tui::present::keys::message_for as present_message_for;
use roadmap_tui::present::{PresentApp, PresentMsg, Showing};
use roadmap_tui::terminal::cells::width;
use roadmap_tui::terminal::theme::ThemeKind;

const FILE: &str = "fixtures/uk-digital-data-2022-2025.toml";
const TEXT: &str = include_str!("fixtures/uk-digital-data-2022-2025.toml");

fn roadmap() -> Roadmap {
    load(FILE, TEXT.as_bytes(), Format::Toml)
        .expect("the fixture loads")
        .roadmap
}

/// The screen as text, a wide character in its two cells, then the runs
/// of reversed text (the selection), the only style that carries meaning
/// without colour.
fn screen(buffer: &Buffer) -> String {
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
                    "{y:>3}: «{}»",
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
            let _ = writeln!(reversed, "{y:>3}: «{}»", run.trim_end());
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !reversed.is_empty() {
        let _ = write!(out, "\n── reversed ──\n{reversed}");
    }
    out
}

fn snapshot(name: &str, description: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(description);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

// ── The explorer ─────────────────────────────────────────────────────

const EXPLORER_SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn explorer(size: (u16, u16), lang: Language, keys: &[&str]) -> String {
    let tab = Tab::new(FILE.to_owned(), roadmap(), today());
    let mut app = App::new(
        vec![tab],
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(size.0, size.1),
    );
    app.update(Msg::Resize(size.0, size.1));
    press(&mut app, keys);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal
        .draw(|frame| roadmap_tui::explore::draw::draw(frame, &app))
        .expect("drawing on a test terminal");
    screen(terminal.backend().buffer())
}

fn snapshot_explorer(view: &str, keys: &[&str]) -> Vec<String> {
    EXPLORER_SIZES
        .iter()
        .map(|&(w, h)| {
            let text = explorer((w, h), Language::En, keys);
            snapshot(
                &format!("english_{view}_{w}x{h}"),
                &format!("{view} at {w}×{h} in en, keys: {}", keys.join(" ")),
                &text,
            );
            text
        })
        .collect()
}

/// Keys to mission 2's One Login opened, its first milestone (delivered
/// August 2022, no planned date) selected.
const TO_IDENTITY_APP: [&str; 3] = ["jjjjj", "l", "j"];

#[test]
fn outline_with_missions_open() {
    // The first commitments of missions 1 and 2 open: long date ranges
    // beside long titles, milestones known by their delivery only.
    for text in snapshot_explorer("outline", &["j", "l", "jjjjjjjj", "l", "j"]) {
        // The title comes first, not "⚠ January 2021 → April 2025"; its
        // written status stays as written, marked stale.
        assert!(text.contains("◐↻ GOV.UK One Login"), "{text}");
    }
}

#[test]
fn timeline_with_the_delivered_milestones() {
    for text in snapshot_explorer("timeline", &["2"]) {
        assert!(text.contains("One login"), "{text}");
    }
}

#[test]
fn detail_of_a_milestone_known_only_by_its_delivery() {
    let mut keys = TO_IDENTITY_APP.to_vec();
    keys.push("3");
    for text in snapshot_explorer("detail_delivered", &keys) {
        assert!(text.contains("Dates: delivered August 2022"), "{text}");
    }
}

// ── The presenter ────────────────────────────────────────────────────

const PRESENTER_SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn presenter(size: (u16, u16), lang: Language, slide: usize) -> String {
    let start = Instant::now();
    let mut app = PresentApp::new(
        roadmap(),
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(size.0, size.1),
        None,
        start,
    );
    // As the presenter types it: the slide's number, then Enter.
    let number = slide.to_string();
    for code in number.chars().map(KeyCode::Char).chain([KeyCode::Enter]) {
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(msg) = present_message_for(event, app.showing == Showing::Help) {
            app.update(msg);
        }
    }
    app.update(PresentMsg::Tick {
        now: start,
        clock: time::Time::from_hms(14, 5, 0).expect("a valid time"),
    });
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal
        .draw(|frame| roadmap_tui::present::ui::draw(frame, &app))
        .expect("drawing on a test terminal");
    screen(terminal.backend().buffer())
}

fn snapshot_slide(name: &str, slide: usize) -> Vec<String> {
    PRESENTER_SIZES
        .iter()
        .map(|&(w, h)| {
            let text = presenter((w, h), Language::En, slide);
            snapshot(
                &format!("english_present_{name}_{w}x{h}"),
                &format!("slide {slide} ({name}) at {w}×{h} in en"),
                &text,
            );
            text
        })
        .collect()
}

#[test]
fn title_slide() {
    for text in snapshot_slide("title", 1) {
        assert!(text.contains("Transforming for a digital future"), "{text}");
    }
}

#[test]
fn axis_slide_of_mission_5() {
    // Mission 5 has indicators whose values need more than one line at
    // 80 columns, and a delivered milestone.
    let texts = snapshot_slide("axis_5", 6);
    for text in &texts {
        assert!(!text.contains("servic…"), "{text}");
    }
    assert!(texts[1].contains("Delivered milestones"), "{}", texts[1]);
}

#[test]
fn axis_slide_of_mission_2() {
    // One Login: three milestones known by their delivery only.
    for text in snapshot_slide("axis_2", 3) {
        assert!(text.contains("One Login"), "{text}");
    }
}

#[test]
fn timeline_slide() {
    snapshot_slide("timeline", 8);
}

#[test]
fn summary_slide() {
    snapshot_slide("summary", 9);
}

// ── roadmap list ─────────────────────────────────────────────────────

#[test]
fn list_in_english() {
    let path = format!("{}/tests/{FILE}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["list", "--lang", "en", "--today", "2026-11-23", &path])
        .env("NO_COLOR", "1")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run roadmap");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("delivered August 2022"), "{text}");
    snapshot("english_list", "roadmap list --lang en", &text);
}
