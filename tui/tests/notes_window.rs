//! The speaker notes window without a terminal: the frame a presenter
//! sends, the window's pure `update`, its drawing (insta snapshots at
//! 80×24 and 200×60 in French and English), and the channel between two
//! ends in one process. The two real processes are in `tmux_e2e.rs`.
#![cfg(unix)]

use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Size;
use roadmap_core::{Day, Format, FuzzyDate, Language, Roadmap, load};
use roadmap_tui::present::notes::app::message_for;
use roadmap_tui::present::notes::channel::{Broadcaster, Heard, follow, socket_path};
use roadmap_tui::present::notes::{Link, NotesApp, NotesFrame, NotesMsg, ui};
use roadmap_tui::present::{PresentApp, PresentMsg};
use roadmap_tui::terminal::theme::ThemeKind;

const FIXTURE: &str = include_str!("fixtures/speaker-notes.toml");

fn today() -> Day {
    "2024-06-10"
        .parse::<FuzzyDate>()
        .expect("a valid day")
        .first_day()
}

fn roadmap() -> Roadmap {
    load("speaker-notes.toml", FIXTURE.as_bytes(), Format::Toml)
        .expect("the fixture loads")
        .roadmap
}

/// The presenter of the fixture, auto-advance at the file's pace.
fn presenter(lang: Language, start: Instant) -> PresentApp {
    let roadmap = roadmap();
    let auto = roadmap.presentation().auto;
    PresentApp::new(
        roadmap,
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(120, 40),
        auto,
        start,
    )
}

fn tick(app: &mut PresentApp, now: Instant) {
    app.update(PresentMsg::Tick {
        now,
        clock: time::macros::time!(14:05),
    });
}

#[test]
fn the_frame_says_where_the_presenter_is() {
    let start = Instant::now();
    let mut app = presenter(Language::En, start);
    let frame = NotesFrame::of(&app);
    assert_eq!((frame.number, frame.total), (1, 4));
    assert_eq!(frame.heading, "Example programme");
    assert!(frame.notes[0].text.starts_with("Thank the teams"));
    assert_eq!(frame.next.as_deref(), Some("1. Services"));
    assert_eq!(frame.left(), Some(Duration::from_secs(20)));

    // Auto-advance moves the presenter on, and the frame with it.
    tick(&mut app, start + Duration::from_secs(65));
    let frame = NotesFrame::of(&app);
    assert_eq!(frame.number, 2);
    assert_eq!(frame.left(), Some(Duration::from_secs(20)));
    assert_eq!(frame.heading, "1. Services");
    assert_eq!(frame.notes.len(), 2);
    assert_eq!(frame.notes[1].about.as_deref(), Some("Online forms"));
    assert_eq!(frame.elapsed(), Duration::from_secs(65));

    app.update(PresentMsg::Last);
    let frame = NotesFrame::of(&app);
    assert_eq!(frame.heading, "Summary");
    assert_eq!(frame.next, None);
    assert!(frame.notes.is_empty());
}

#[test]
fn the_window_waits_follows_and_says_when_the_presenter_closes() {
    let mut app = NotesApp::new(
        "speaker-notes.toml".to_owned(),
        Language::En,
        ThemeKind::NoColor,
        Size::new(80, 24),
    );
    // A failed connection before any presenter is still waiting.
    app.update(NotesMsg::Heard(Heard::Closed));
    assert_eq!(app.link, Link::Waiting);
    let start = Instant::now();
    let mut presenting = presenter(Language::En, start);
    app.update(NotesMsg::Heard(Heard::Connected));
    app.update(NotesMsg::Heard(Heard::Frame(Box::new(NotesFrame::of(
        &presenting,
    )))));
    assert_eq!(app.link, Link::Live);
    app.update(NotesMsg::Down);
    assert_eq!(app.scroll, 1);
    presenting.update(PresentMsg::Next);
    app.update(NotesMsg::Heard(Heard::Frame(Box::new(NotesFrame::of(
        &presenting,
    )))));
    assert_eq!(app.scroll, 0, "a new slide's notes start at the top");
    assert_eq!(app.frame.as_ref().map(|f| f.number), Some(2));
    app.update(NotesMsg::Heard(Heard::Closed));
    assert_eq!(app.link, Link::Closed);
    app.update(NotesMsg::Heard(Heard::Connected));
    assert_eq!(app.link, Link::Live);
    let quit = message_for(KeyEvent::from(KeyCode::Char('q')));
    app.update(quit.expect("q quits"));
    assert!(app.quit);
}

// ── Snapshots ──

fn render(app: &NotesApp) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("drawing on a test terminal");
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    for cells in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut hidden = 0;
        for cell in cells {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            hidden = roadmap_tui::terminal::cells::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The window after the presenter moved to slide `number`, 65 s in and
/// 7 s on the slide; as `link` says.
fn window(lang: Language, size: (u16, u16), number: usize, link: Link) -> NotesApp {
    let start = Instant::now();
    let mut presenting = presenter(lang, start);
    for _ in 1..number {
        presenting.update(PresentMsg::Next);
    }
    // Set rather than ticked: a tick past the pace would advance.
    presenting.shown_since = start + Duration::from_secs(58);
    presenting.now = start + Duration::from_secs(65);
    let mut app = NotesApp::new(
        "speaker-notes.toml".to_owned(),
        lang,
        ThemeKind::NoColor,
        Size::new(size.0, size.1),
    );
    app.update(NotesMsg::Tick(time::macros::time!(14:05)));
    if link != Link::Waiting {
        app.update(NotesMsg::Heard(Heard::Frame(Box::new(NotesFrame::of(
            &presenting,
        )))));
    }
    if link == Link::Closed {
        app.update(NotesMsg::Heard(Heard::Closed));
    }
    app
}

fn snapshot(name: &str, number: usize, link: Link, sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        for lang in Language::ALL {
            let app = window(lang, (width, height), number, link);
            let code = lang.code();
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.bind(|| {
                insta::assert_snapshot!(
                    format!("notes_{name}_{width}x{height}_{code}"),
                    render(&app)
                );
            });
        }
    }
}

#[test]
fn notes_of_an_axis_slide_with_its_missions() {
    snapshot("axis", 2, Link::Live, &[(80, 24), (200, 60)]);
}

#[test]
fn notes_of_the_title_slide() {
    snapshot("title", 1, Link::Live, &[(80, 24), (200, 60)]);
}

#[test]
fn a_slide_without_notes_says_so() {
    snapshot("none", 3, Link::Live, &[(80, 24)]);
}

#[test]
fn waiting_and_closed() {
    snapshot("waiting", 1, Link::Waiting, &[(80, 24)]);
    snapshot("closed", 2, Link::Closed, &[(80, 24)]);
}

// ── The channel ──

fn next(heard: &Receiver<NotesMsg>) -> Heard {
    // A wait, not a measure: a hung channel fails instead of blocking.
    match heard.recv_timeout(Duration::from_secs(10)) {
        Ok(NotesMsg::Heard(heard)) => heard,
        other => panic!("expected something heard, got {other:?}"),
    }
}

#[test]
fn the_channel_carries_frames_and_reconnects() {
    let dir = tempfile::tempdir().expect("temp dir");
    let socket = dir.path().join("present.sock");
    let (sender, heard) = channel();
    // The window starts first, and waits.
    let _follower = follow(socket.clone(), sender, NotesMsg::Heard);
    let start = Instant::now();
    let mut presenting = presenter(Language::En, start);
    let mut out = Broadcaster::listen(&socket).expect("listens");
    assert_eq!(next(&heard), Heard::Connected);
    presenting.update(PresentMsg::Next);
    // The window may connect after a publish: publish until it hears.
    let frame = NotesFrame::of(&presenting);
    let first = loop {
        out.publish(&frame);
        if let Ok(NotesMsg::Heard(heard)) = heard.recv_timeout(Duration::from_millis(50)) {
            break heard;
        }
    };
    assert_eq!(first, Heard::Frame(Box::new(frame.clone())));
    // A second presenter of the same file is refused while one listens.
    let err = Broadcaster::listen(&socket).expect_err("one presenter per file");
    assert!(err.to_string().contains("already being presented"), "{err}");
    drop(out);
    assert_eq!(next(&heard), Heard::Closed);
    let mut again = Broadcaster::listen(&socket).expect("listens again");
    assert_eq!(next(&heard), Heard::Connected);
    again.publish(&frame);
    assert_eq!(next(&heard), Heard::Frame(Box::new(frame)));
}

#[test]
fn different_files_have_different_channels_in_a_private_directory() {
    use std::os::unix::fs::PermissionsExt;
    let a = socket_path("/srv/a.toml").expect("a path");
    let b = socket_path("/srv/b.toml").expect("a path");
    assert_ne!(a, b);
    assert_eq!(a, socket_path("/srv/a.toml").expect("a path"));
    let dir = a.parent().expect("a directory");
    let mode = std::fs::metadata(dir).expect("made").permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}
