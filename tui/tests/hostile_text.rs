//! Every view of the explorer and every slide of the presenter, drawn on
//! ratatui's `TestBackend` with text as hostile as it gets, at sizes from
//! 1×1 to 240×80: emoji with selectors and joiners, combining marks, wide
//! and right-to-left letters, very long words, empty strings, and the
//! control characters and bidi controls the loader refuses. Nothing may
//! panic, and no frame may hold a character a terminal would obey.
//!
//! The roadmap comes from the loader (the SYNTHETIC one, which has every
//! kind of item), then its texts are replaced with
//! `Roadmap::rewrite_texts` (core's `test-support` feature), which skips
//! the loader's checks: the loader refuses control characters, so this is
//! how the views' own defence (`roadmap_tui::terminal::cells`) is tested. File names,
//! a search typed, a value typed, a file problem's message and a reload
//! error reach the views with no loader in between, and get the same text.

mod common;

use std::sync::OnceLock;
use std::time::Instant;

use common::{press, today};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use roadmap_core::controls::is_forbidden;
use roadmap_core::synthetic::synthetic_roadmap_toml;
use roadmap_core::{Diagnostic, Format, Language, LoadError, Roadmap, load, load_str};
use roadmap_tui::explore::draw as ui;
use roadmap_tui::explore::state::Notice;
use roadmap_tui::explore::{App, Msg, Pane, Tab};
use roadmap_tui::files::bundled;
use roadmap_tui::present::{PresentApp, PresentMsg, ui as present_ui};
use roadmap_tui::terminal::theme::ThemeKind;

/// The SYNTHETIC roadmap of 45 milestones: axes, missions, milestones,
/// indicators with history, budgets, reviews, tags and sources.
fn base() -> &'static Roadmap {
    static BASE: OnceLock<Roadmap> = OnceLock::new();
    BASE.get_or_init(|| {
        load_str("synthetic.toml", &synthetic_roadmap_toml(45), Format::Toml)
            .expect("the synthetic roadmap loads")
            .roadmap
    })
}

/// Pieces that break naive width arithmetic or a terminal.
const PIECES: [&str; 32] = [
    "a",
    "Mission",
    " ",
    "é",
    "e\u{301}\u{327}",
    "⚠\u{fe0f}",
    "ℹ\u{fe0f} ",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🏳\u{fe0f}\u{200d}🌈",
    "🇫🇷",
    "1\u{fe0f}\u{20e3}",
    "中文字",
    "ｶﾞｷﾞ",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "لا إله",
    "\u{200d}",
    "\u{fe0f}",
    "\u{301}",
    "\u{ad}",
    "\u{2028}",
    "\u{1b}",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[31m",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\r",
    "\u{8}",
    "\n",
    "\t",
    "\u{7f}",
    "\u{9b}2J",
    "\u{202e}",
    "\u{2066}",
];

/// A text: pieces, arbitrary characters, a very long word, or nothing.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES.to_vec()).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => (40usize..300).prop_map(|n| "W".repeat(n)),
    ];
    prop_oneof![
        1 => Just(String::new()),
        8 => prop::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat()),
    ]
}

/// Tiny, odd, the sizes of past crashes, and anything up to 240×80.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        prop::sample::select(vec![
            (1, 1),
            (2, 1),
            (7, 3),
            (39, 9),
            (40, 10),
            (41, 11),
            (59, 15),
            (60, 16),
            (61, 17),
            (79, 23),
            (80, 24),
            (100, 30),
            (119, 39),
            (120, 40),
            (160, 45),
            (211, 67),
        ]),
        (1u16..240, 1u16..80),
    ]
}

/// Draws with `draw` on a `TestBackend` and checks the frame.
fn frame_of(size: (u16, u16), draw: impl FnOnce(&mut ratatui::Frame)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal.draw(draw).expect("drawing on a test terminal");
    let buffer = terminal.backend().buffer().clone();
    for (index, cell) in buffer.content.iter().enumerate() {
        assert!(
            !cell
                .symbol()
                .contains(|c: char| c.is_control() || is_forbidden(c)),
            "cell {index} of a {size:?} frame holds {:?}",
            cell.symbol()
        );
    }
    buffer
}

fn draw_explorer(app: &App) -> Buffer {
    frame_of((app.size.width, app.size.height), |frame| {
        ui::draw(frame, app);
    })
}

/// `roadmap` with its texts taken in turn from `texts`.
fn rewritten(texts: &[String]) -> Roadmap {
    let mut roadmap = base().clone();
    let mut next = texts.iter().cycle();
    roadmap.rewrite_texts(|text| {
        if let Some(new) = next.next() {
            text.clone_from(new);
        }
    });
    roadmap
}

/// Each pane focused, then the overlays, with the current selection.
fn every_view(app: &mut App) {
    for pane in Pane::ALL {
        app.update(Msg::ShowPane(pane));
        draw_explorer(app);
    }
    app.update(Msg::ShowPane(Pane::Outline));
    for (open, close) in [
        (Msg::ToggleHelp, Msg::ToggleHelp),
        (Msg::OpenFilter, Msg::Back),
        (Msg::PickStatus, Msg::Back),
    ] {
        app.update(open);
        draw_explorer(app);
        app.update(close);
    }
}

fn explore(texts: &[String], size: (u16, u16), lang: Language, steps: usize) {
    let name = texts.last().cloned().unwrap_or_default();
    let tab = Tab::new(name, rewritten(texts), today());
    let mut app = App::new(
        vec![tab],
        lang,
        today(),
        ThemeKind::Default,
        Size::new(size.0, size.1),
    );
    // An axis, then its first mission, then that mission's first milestone,
    // then further rows.
    every_view(&mut app);
    app.update(Msg::Expand);
    every_view(&mut app);
    app.update(Msg::Expand);
    app.update(Msg::Down);
    every_view(&mut app);
    for _ in 0..steps {
        app.update(Msg::Down);
        app.update(Msg::Expand);
    }
    every_view(&mut app);
    // Text that reaches the views with no loader in between.
    app.update(Msg::StartSearch);
    for c in texts[0].chars().take(40) {
        app.update(Msg::SearchInput(c));
    }
    draw_explorer(&app);
    app.update(Msg::SearchAccept);
    draw_explorer(&app);
    app.update(Msg::TypeProgress);
    for c in texts[0].chars().take(40) {
        app.update(Msg::Input(c));
    }
    draw_explorer(&app);
    app.update(Msg::Back);
    let error = LoadError::new(
        texts[0].clone(),
        texts
            .iter()
            .map(|text| Diagnostic::error(text.clone()).with_help(text.clone()))
            .collect(),
    );
    app.update(Msg::ReloadFailed { tab: 0, error });
    draw_explorer(&app);
    app.update(Msg::WatchFailed {
        tab: 0,
        reason: texts[0].clone(),
    });
    app.notice = Some(Notice {
        text: texts[0].clone(),
        error: true,
    });
    every_view(&mut app);
}

fn present(texts: &[String], size: (u16, u16), lang: Language) {
    let now = Instant::now();
    let mut app = PresentApp::new(
        rewritten(texts),
        lang,
        today(),
        ThemeKind::Default,
        Size::new(size.0, size.1),
        None,
        now,
    );
    app.update(PresentMsg::ReloadFailed(texts[0].clone()));
    app.update(PresentMsg::ToggleClock);
    for _ in 0..app.slides.len() {
        frame_of(size, |frame| present_ui::draw(frame, &app));
        app.update(PresentMsg::Next);
    }
    app.update(PresentMsg::ToggleHelp);
    frame_of(size, |frame| present_ui::draw(frame, &app));
    #[cfg(unix)]
    notes_window(&app, texts, size, lang);
}

/// The speaker notes window, its frame's texts (which come from another
/// process) taken from `texts`: waiting, following, closed.
#[cfg(unix)]
fn notes_window(presenting: &PresentApp, texts: &[String], size: (u16, u16), lang: Language) {
    use roadmap_core::SpeakerNote;
    use roadmap_tui::present::notes::channel::Heard;
    use roadmap_tui::present::notes::{NotesApp, NotesFrame, NotesMsg, ui as notes_ui};

    let mut frame = NotesFrame::of(presenting);
    frame.heading.clone_from(&texts[0]);
    frame.next = texts.last().cloned();
    frame.notes = texts
        .iter()
        .enumerate()
        .map(|(i, text)| SpeakerNote {
            about: (i % 2 == 1).then(|| texts[0].clone()),
            text: format!("{text}\n\n- {text}"),
        })
        .collect();
    let mut app = NotesApp::new(
        texts[0].clone(),
        lang,
        ThemeKind::Default,
        Size::new(size.0, size.1),
    );
    frame_of(size, |f| notes_ui::draw(f, &app));
    app.update(NotesMsg::Heard(Heard::Frame(Box::new(frame))));
    frame_of(size, |f| notes_ui::draw(f, &app));
    app.update(NotesMsg::Down);
    app.update(NotesMsg::Heard(Heard::Closed));
    frame_of(size, |f| notes_ui::draw(f, &app));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_explorer_draws_any_text_at_any_size(
        texts in prop::collection::vec(hostile_text(), 1..12),
        size in size(),
        english in any::<bool>(),
        steps in 0usize..40,
    ) {
        let lang = if english { Language::En } else { Language::Fr };
        explore(&texts, size, lang, steps);
    }

    #[test]
    fn the_presenter_draws_any_text_at_any_size(
        texts in prop::collection::vec(hostile_text(), 1..12),
        size in size(),
        english in any::<bool>(),
    ) {
        let lang = if english { Language::En } else { Language::Fr };
        present(&texts, size, lang);
    }
}

/// A copy of a bundled roadmap with an emoji and its selector before
/// every title, which the loader accepts.
fn with_warning_signs(file: &bundled::BundledRoadmap) -> Roadmap {
    let text = file.text.replace("\ntitle = \"", "\ntitle = \"⚠\u{fe0f} ");
    load(file.file, text.as_bytes(), Format::Toml)
        .expect("emoji are fine in titles")
        .roadmap
}

#[test]
fn an_emoji_with_its_selector_in_titles_draws_while_selecting_every_row() {
    for size in [(120, 40), (100, 30), (80, 24), (160, 45)] {
        let tab = Tab::new(
            "tech-gouv-2019-2021.toml".to_owned(),
            with_warning_signs(&bundled::TECH_GOUV),
            today(),
        );
        let mut app = App::new(
            vec![tab],
            Language::Fr,
            today(),
            ThemeKind::NoColor,
            Size::new(size.0, size.1),
        );
        // Down the outline, expanding each row, then down the timeline.
        press(&mut app, &["1", "g"]);
        while app.tab().selected + 1 < app.tab().rows.len() {
            draw_explorer(&app);
            press(&mut app, &["l", "j"]);
        }
        press(&mut app, &["2", "g"]);
        for _ in 0..app.tab().rows.len() {
            draw_explorer(&app);
            press(&mut app, &["j"]);
        }
    }
}

#[test]
fn an_escape_in_an_axis_title_shows_as_an_escape() {
    let mut roadmap = with_warning_signs(&bundled::DINUM_2023);
    let mut first = true;
    roadmap.rewrite_texts(|text| {
        if std::mem::take(&mut first) {
            return;
        }
        text.insert_str(0, "\u{1b}]0;pwned\u{7}\u{202e}");
    });
    let tab = Tab::new("dinum-2023.toml".to_owned(), roadmap, today());
    let app = App::new(
        vec![tab],
        Language::Fr,
        today(),
        ThemeKind::NoColor,
        Size::new(160, 45),
    );
    let buffer = draw_explorer(&app);
    let screen: String = buffer
        .content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(
        screen.contains("\\u{1b}]0;pwned\\u{7}\\u{202e}"),
        "{screen}"
    );
}
