//! The presenter without a terminal: key sequences through the key table
//! and the pure `update`, time passing by `Tick` messages with made-up
//! instants (no sleeping), the slides made from both bundled roadmaps
//! against the core rollups, a reload keeping the slide, and text
//! snapshots of every kind of slide at 80×24 and 200×60 in French and
//! English (no colour, today fixed at 2026-11-23). Regenerate the
//! snapshots after a drawing change with
//! `INSTA_UPDATE=always cargo test -p roadmap-tui --test present`, then
//! review the diff of `tui/tests/snapshots/present_*`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use ratatui::style::Modifier;
use roadmap_core::{Day, Format, FuzzyDate, Language, Roadmap, load};
use roadmap_tui::files::bundled::{self, BundledRoadmap};
use roadmap_tui::present::keys::message_for as present_message_for;
use roadmap_tui::present::since::SinceBase;
use roadmap_tui::present::slides::{Slide, SlideId, slides};
use roadmap_tui::present::{PresentApp, PresentMsg, Showing, ui};
use roadmap_tui::terminal::theme::ThemeKind;

fn today() -> Day {
    "2026-11-23"
        .parse::<FuzzyDate>()
        .expect("a valid day")
        .first_day()
}

fn roadmap(file: &BundledRoadmap) -> Roadmap {
    load(file.file, file.text.as_bytes(), Format::Toml)
        .expect("the bundled roadmaps load")
        .roadmap
}

/// The presenter on a bundled roadmap, started at `start`.
fn presenter(
    file: &BundledRoadmap,
    lang: Language,
    size: (u16, u16),
    start: Instant,
) -> PresentApp {
    PresentApp::new(
        roadmap(file),
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(size.0, size.1),
        None,
        start,
    )
}

/// Presses keys as a presenter types them: `<Name>` for a special key, any
/// other token typed character by character.
fn press(app: &mut PresentApp, keys: &[&str]) {
    for token in keys {
        let codes = match *token {
            "<Right>" => vec![KeyCode::Right],
            "<Left>" => vec![KeyCode::Left],
            "<PgDn>" => vec![KeyCode::PageDown],
            "<PgUp>" => vec![KeyCode::PageUp],
            "<Home>" => vec![KeyCode::Home],
            "<End>" => vec![KeyCode::End],
            "<Enter>" => vec![KeyCode::Enter],
            "<Esc>" => vec![KeyCode::Esc],
            text => text.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            if let Some(msg) = present_message_for(
                KeyEvent::new(code, KeyModifiers::NONE),
                app.showing == Showing::Help,
            ) {
                app.update(msg);
            }
        }
    }
}

fn tick(app: &mut PresentApp, now: Instant) {
    app.update(PresentMsg::Tick {
        now,
        clock: time::Time::from_hms(14, 5, 0).expect("a valid time"),
    });
}

#[test]
fn keys_move_between_slides() {
    let mut app = presenter(&bundled::DINUM_2023, Language::Fr, (80, 24), Instant::now());
    let last = app.slides.len() - 1;
    assert_eq!(app.current, 0);
    press(&mut app, &["<Right>", " ", "<PgDn>"]);
    assert_eq!(app.current, 3);
    press(&mut app, &["<Left>", "<PgUp>"]);
    assert_eq!(app.current, 1);
    press(&mut app, &["<Left>", "<Left>"]);
    assert_eq!(app.current, 0, "no slide before the first");
    press(&mut app, &["<End>"]);
    assert_eq!(app.current, last);
    press(&mut app, &["<Right>"]);
    assert_eq!(app.current, last, "no slide after the last");
    press(&mut app, &["<Home>"]);
    assert_eq!(app.current, 0);
}

#[test]
fn digits_then_enter_jump_to_a_slide() {
    let mut app = presenter(&bundled::TECH_GOUV, Language::En, (80, 24), Instant::now());
    assert!(app.slides.len() >= 10, "Tech.gouv has 8 axes");
    press(&mut app, &["1", "0"]);
    assert_eq!(app.typed, "10");
    assert_eq!(app.current, 0, "nothing moves before Enter");
    press(&mut app, &["<Enter>"]);
    assert_eq!(app.current, 9);
    assert!(app.typed.is_empty());
    // Slide numbers out of range, and 0, are ignored.
    press(&mut app, &["99", "<Enter>"]);
    assert_eq!(app.current, 9);
    press(&mut app, &["0", "<Enter>"]);
    assert_eq!(app.current, 9);
    // Esc drops what was typed.
    press(&mut app, &["3", "<Esc>", "<Enter>"]);
    assert_eq!(app.current, 9);
    press(&mut app, &["3", "<Enter>"]);
    assert_eq!(app.current, 2);
}

#[test]
fn blank_clock_help_and_quit_toggle() {
    let mut app = presenter(&bundled::DINUM_2023, Language::Fr, (80, 24), Instant::now());
    press(&mut app, &["b"]);
    assert_eq!(app.showing, Showing::Blank);
    press(&mut app, &["b"]);
    assert_eq!(app.showing, Showing::Slide);
    press(&mut app, &["c"]);
    assert!(app.clock_shown);
    press(&mut app, &["c"]);
    assert!(!app.clock_shown);
    press(&mut app, &["?"]);
    assert!(app.showing == Showing::Help);
    // In the help, arrows do nothing and Esc closes it.
    press(&mut app, &["<Right>"]);
    assert_eq!(app.current, 0);
    press(&mut app, &["<Esc>"]);
    assert_eq!(app.showing, Showing::Slide);
    press(&mut app, &["?", "?"]);
    assert_eq!(app.showing, Showing::Slide);
    assert!(!app.quit);
    press(&mut app, &["q"]);
    assert!(app.quit);
}

#[test]
fn ticks_advance_slides_after_the_auto_delay() {
    let start = Instant::now();
    let at = |seconds: u64| start + Duration::from_secs(seconds);
    let mut app = presenter(&bundled::DINUM_2023, Language::Fr, (80, 24), start);
    app.auto = Some(Duration::from_secs(20));
    tick(&mut app, at(19));
    assert_eq!(app.current, 0);
    tick(&mut app, at(20));
    assert_eq!(app.current, 1);
    // A key resets the delay: 20 s from the key press.
    tick(&mut app, at(30));
    press(&mut app, &["<Right>"]);
    assert_eq!(app.current, 2);
    tick(&mut app, at(45));
    assert_eq!(app.current, 2);
    tick(&mut app, at(50));
    assert_eq!(app.current, 3);
    // Blanked, it waits; back, it counts again from then.
    press(&mut app, &["b"]);
    tick(&mut app, at(200));
    assert_eq!(app.current, 3);
    press(&mut app, &["b"]);
    tick(&mut app, at(219));
    assert_eq!(app.current, 3);
    tick(&mut app, at(220));
    assert_eq!(app.current, 4);
    // After the last slide, back to the first.
    press(&mut app, &["<End>"]);
    tick(&mut app, at(240));
    assert_eq!(app.current, 0);
    // The clock corner counts from the start.
    assert_eq!(app.elapsed(), Duration::from_mins(4));
}

#[test]
fn without_auto_ticks_only_move_the_clock() {
    let start = Instant::now();
    let mut app = presenter(&bundled::DINUM_2023, Language::Fr, (80, 24), start);
    tick(&mut app, start + Duration::from_hours(1));
    assert_eq!(app.current, 0);
    assert_eq!(app.elapsed(), Duration::from_hours(1));
}

#[test]
fn slides_follow_the_roadmap_and_its_rollups() {
    for file in &bundled::ALL {
        let roadmap = roadmap(file);
        let made = slides(&roadmap, today(), Language::En);
        assert_eq!(made.len(), 1 + roadmap.axes().len() + 2, "{}", file.file);
        let Slide::Title(title) = &made[0] else {
            panic!("the first slide is the title slide");
        };
        assert_eq!(title.title, roadmap.title());
        // What the sources say, from the core summary, in the slide's language.
        let known = roadmap_core::KnownFacts::of(&roadmap, today());
        assert_eq!(title.known[0], known.statuses_text(Language::En));
        assert_eq!(title.overall, roadmap.progress_figure(today()));
        assert_eq!(title.missions, roadmap.mission_counts(today()));
        assert_eq!(title.milestones, roadmap.milestone_counts(today()));
        for (index, axis) in roadmap.axes().iter().enumerate() {
            let Slide::Axis(slide) = &made[1 + index] else {
                panic!("slide {} is axis {}", index + 2, axis.id);
            };
            assert_eq!(slide.id, axis.id);
            assert_eq!(slide.progress, axis.progress_figure(today()));
            assert_eq!(slide.missions.len(), axis.missions.len());
            for (gauge, mission) in slide.missions.iter().zip(&axis.missions) {
                assert_eq!(gauge.progress, mission.progress_figure(today()));
                assert_eq!(gauge.status, mission.effective_status(today()));
                let report = roadmap
                    .status_report(roadmap_core::ItemRef::Mission(axis, mission), today())
                    .expect("a mission has a status");
                assert_eq!(gauge.stale, report.stale);
            }
            let late = axis
                .missions
                .iter()
                .flat_map(|m| &m.milestones)
                .filter(|m| m.effective_status(today()) == roadmap_core::Status::Late)
                .count();
            assert_eq!(slide.late.len(), late);
            assert!(slide.next.iter().all(|m| m.date.is_some()));
            let indicators: usize = axis.missions.iter().map(|m| m.indicators.len()).sum();
            assert_eq!(slide.indicators.len(), indicators);
        }
        assert!(matches!(made[made.len() - 2], Slide::Timeline(_)));
        let Some(Slide::Summary(summary)) = made.last() else {
            panic!("the last slide is the summary");
        };
        assert_eq!(summary.axes.len(), roadmap.axes().len());
        for ((_, shown), axis) in summary.axes.iter().zip(roadmap.axes()) {
            assert_eq!(*shown, axis.progress_figure(today()));
        }
        assert_eq!(summary.reviews, roadmap.reviews());
    }
}

#[test]
fn next_milestones_are_the_coming_ones_soonest_first() {
    // On 2020-01-01 Tech.gouv still had milestones ahead.
    let day = "2020-01-01"
        .parse::<FuzzyDate>()
        .expect("a day")
        .first_day();
    let roadmap = roadmap(&bundled::TECH_GOUV);
    let mut listed = 0;
    for slide in slides(&roadmap, day, Language::En) {
        let Slide::Axis(axis) = slide else {
            continue;
        };
        let days: Vec<Day> = axis
            .next
            .iter()
            .map(|m| m.date.expect("next milestones are dated").first_day())
            .collect();
        assert!(days.is_sorted(), "{}: {days:?}", axis.id);
        for milestone in &axis.next {
            let date = milestone.date.expect("dated");
            assert!(date.last_day() >= day, "{} is past", milestone.title);
        }
        listed += axis.next.len();
    }
    assert!(listed > 0);
}

#[test]
fn a_reload_keeps_the_slide_by_its_identity() {
    let mut app = presenter(&bundled::TECH_GOUV, Language::Fr, (80, 24), Instant::now());
    // The third axis's slide.
    press(&mut app, &["4", "<Enter>"]);
    let shown = app.slide().id();
    let SlideId::Axis(id) = &shown else {
        panic!("slide 4 is an axis slide");
    };
    app.update(PresentMsg::ReloadFailed(
        "plan.toml:3:1: bad date".to_owned(),
    ));
    assert_eq!(app.error.as_deref(), Some("plan.toml:3:1: bad date"));
    // The same roadmap, its first axis dropped: the slide moves up one
    // place and stays on the same axis.
    let text = bundled::TECH_GOUV.text;
    let first_axis = text.find("[[axes]]").expect("an axis");
    let second_axis = first_axis + 1 + text[first_axis + 1..].find("[[axes]]").expect("two axes");
    let shorter = format!("{}{}", &text[..first_axis], &text[second_axis..]);
    let reloaded = load("t.toml", shorter.as_bytes(), Format::Toml)
        .expect("Tech.gouv without its first axis still loads");
    app.update(PresentMsg::Replace(Box::new(reloaded.roadmap)));
    assert_eq!(app.slide().id(), SlideId::Axis(id.clone()));
    assert_eq!(app.current, 2);
    assert_eq!(app.error, None, "a good reload clears the banner");
    // The slide's axis gone: the same place, in the new slides.
    app.update(PresentMsg::Replace(Box::new(roadmap(&bundled::DINUM_2023))));
    assert_eq!(app.current, 2);
    assert!(matches!(app.slide(), Slide::Axis(axis) if axis.id != *id));
    // The summary is the summary, wherever it now is.
    press(&mut app, &["<End>"]);
    app.update(PresentMsg::Replace(Box::new(roadmap(&bundled::TECH_GOUV))));
    assert_eq!(app.slide().id(), SlideId::Summary);
    assert_eq!(app.current, app.slides.len() - 1);
}

// ── Snapshots ──

/// The screen as text (trailing blanks trimmed), then the reversed runs:
/// with no colour, they carry the footer's n/N and the clock corner.
fn render(app: &PresentApp) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("drawing on a test terminal");
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    let mut reversed = String::new();
    for (y, cells) in buffer.content.chunks(width).enumerate() {
        let mut line = String::new();
        let mut run = String::new();
        let mut hidden = 0;
        for cell in cells {
            let on = cell.modifier.contains(Modifier::REVERSED);
            if on {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                let _ = writeln!(reversed, "{y:>3}: «{}»", std::mem::take(&mut run));
            }
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            hidden = roadmap_tui::terminal::cells::width(cell.symbol()).saturating_sub(1);
        }
        if !run.is_empty() {
            let _ = writeln!(reversed, "{y:>3}: «{run}»");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !reversed.is_empty() {
        let _ = write!(out, "\n── reversed ──\n{reversed}");
    }
    out
}

/// Snapshots slide `number` (1-based) of `file` after `keys`, at 80×24
/// and 200×60 in both languages, as `present_{name}_{w}x{h}_{lang}`.
fn snapshot_slide(name: &str, file: &BundledRoadmap, number: usize, keys: &[&str]) {
    for (width, height) in [(80, 24), (200, 60)] {
        for lang in Language::ALL {
            let start = Instant::now();
            let mut app = presenter(file, lang, (width, height), start);
            press(&mut app, &[&number.to_string(), "<Enter>"]);
            press(&mut app, keys);
            tick(&mut app, start + Duration::from_secs(754));
            let code = lang.code();
            let snapshot = format!("present_{name}_{width}x{height}_{code}");
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "{} slide {number} at {width}×{height} in {code}, keys: {}",
                file.file,
                keys.join(" ")
            ));
            settings.bind(|| insta::assert_snapshot!(snapshot, render(&app)));
        }
    }
}

#[test]
fn title_slide() {
    snapshot_slide("title", &bundled::DINUM_2023, 1, &[]);
}

#[test]
fn axis_slide_with_an_indicator() {
    // DINUM's fourth axis: a mission at 0 %, FranceConnect's users.
    snapshot_slide("axis", &bundled::DINUM_2023, 5, &[]);
}

#[test]
fn axis_slide_with_many_missions() {
    snapshot_slide("axis_tech_gouv", &bundled::TECH_GOUV, 4, &[]);
}

#[test]
fn timeline_slide() {
    snapshot_slide("timeline", &bundled::TECH_GOUV, 10, &[]);
}

#[test]
fn summary_slide() {
    snapshot_slide("summary", &bundled::TECH_GOUV, 11, &[]);
}

#[test]
fn help_clock_and_typed_number() {
    snapshot_slide("help", &bundled::DINUM_2023, 1, &["c", "1", "?"]);
}

#[test]
fn error_banner_blank_screen_and_too_small() {
    let start = Instant::now();
    let mut app = presenter(&bundled::DINUM_2023, Language::En, (80, 24), start);
    app.update(PresentMsg::ReloadFailed(
        "plan.toml:5:13: bad date in `published`".to_owned(),
    ));
    let screen = render(&app);
    assert!(
        screen.starts_with(" ⚠ plan.toml:5:13: bad date in `published`\n"),
        "{screen}"
    );
    press(&mut app, &["b"]);
    assert!(render(&app).lines().all(|l| l.trim().is_empty()), "blank");
    press(&mut app, &["b"]);
    app.update(PresentMsg::Resize(59, 24));
    assert!(render(&app).contains("Window too small to present"));
    app.update(PresentMsg::Resize(60, 16));
    assert!(!render(&app).contains("Window too small"));
}

#[test]
fn an_indicator_keeps_the_qualifier_of_its_figure() {
    // Tech.Gouv's FranceConnect users: "plus de 15 millions".
    for (lang, words) in [
        (
            Language::Fr,
            "actuel plus de 15\u{202f}000\u{202f}000 utilisateurs",
        ),
        (Language::En, "current more than 15,000,000 utilisateurs"),
    ] {
        let mut app = presenter(&bundled::TECH_GOUV, lang, (200, 60), Instant::now());
        let shown = (1..=app.slides.len()).find_map(|number| {
            press(&mut app, &[&number.to_string(), "<Enter>"]);
            let screen = render(&app);
            screen.contains("FranceConnect  ").then_some(screen)
        });
        let screen = shown.expect("a slide shows FranceConnect's users");
        assert!(screen.contains(words), "{screen}");
    }
}

// ── Since an earlier edition ──

/// The bundled DINUM roadmap as a later edition would have it: the first
/// mission's status stated, its milestone put off, a mission renamed.
fn dinum_later_edition() -> Roadmap {
    let edits = [
        (
            "status = \"unknown\"\nsources = [\"nosdeputes-375874\"]",
            "status = \"in-progress\"\nsources = [\"nosdeputes-375874\"]",
        ),
        ("date = \"end-2023\"", "date = \"2024-Q2\""),
        (
            "title = \"Exiger des mesures d'impact\"",
            "title = \"Exiger et publier des mesures d'impact\"",
        ),
    ];
    let text = edits
        .iter()
        .fold(bundled::DINUM_2023.text.to_owned(), |text, (from, to)| {
            assert!(text.contains(from), "the bundled roadmap has no `{from}`");
            text.replacen(from, to, 1)
        });
    load("dinum-2023.toml", text.as_bytes(), Format::Toml)
        .expect("the edited roadmap loads")
        .roadmap
}

/// The presenter on `roadmap`, compared with the bundled DINUM roadmap as `v1`.
fn since_presenter(roadmap: Roadmap, lang: Language, size: (u16, u16)) -> PresentApp {
    let mut app = PresentApp::new(
        roadmap,
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(size.0, size.1),
        None,
        Instant::now(),
    );
    app.compare_since(SinceBase {
        name: "v1".to_owned(),
        roadmap: self::roadmap(&bundled::DINUM_2023),
    });
    app
}

#[test]
fn the_since_slide_comes_first_and_follows_reloads() {
    let mut app = since_presenter(dinum_later_edition(), Language::En, (80, 24));
    assert_eq!(app.current, 0);
    let Slide::Since(slide) = app.slide() else {
        panic!("the first slide tells the changes");
    };
    assert_eq!(slide.count, 3);
    assert_eq!(
        app.slides.len(),
        1 + slides(&app.roadmap, today(), Language::En).len()
    );
    // Reloaded as v1 was: nothing changed since, against the same edition.
    app.update(PresentMsg::Replace(Box::new(roadmap(&bundled::DINUM_2023))));
    let Slide::Since(slide) = app.slide() else {
        panic!("the presenter stays on the since slide");
    };
    assert_eq!(slide.count, 0);
    assert_eq!(slide.subtitle, "Since v1: no changes");
}

/// Snapshots the since slide of `roadmap` at 80×24 and 200×60 in both
/// languages, as `present_{name}_{w}x{h}_{lang}`.
fn snapshot_since(name: &str, roadmap: impl Fn() -> Roadmap) {
    for (width, height) in [(80, 24), (200, 60)] {
        for lang in Language::ALL {
            let app = since_presenter(roadmap(), lang, (width, height));
            let code = lang.code();
            let snapshot = format!("present_{name}_{width}x{height}_{code}");
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "the since slide at {width}×{height} in {code}, {name}"
            ));
            settings.bind(|| insta::assert_snapshot!(snapshot, render(&app)));
        }
    }
}

#[test]
fn since_slide() {
    snapshot_since("since", dinum_later_edition);
}

#[test]
fn since_slide_with_more_changes_than_room() {
    // Another roadmap entirely: every item removed and added.
    snapshot_since("since_long", || roadmap(&bundled::TECH_GOUV));
}

#[test]
fn the_file_and_the_command_line_choose_the_slides() {
    let text = include_str!("fixtures/speaker-notes.toml");
    let load_fixture = |text: &str| {
        load("speaker-notes.toml", text.as_bytes(), Format::Toml)
            .expect("the fixture loads")
            .roadmap
    };
    let start = Instant::now();
    let app = PresentApp::new(
        load_fixture(text),
        Language::En,
        today(),
        ThemeKind::NoColor,
        Size::new(80, 24),
        None,
        start,
    );
    // `slides = ["title", "axes", "summary"]`: no timeline.
    assert_eq!(app.slides.len(), 4);
    assert!(!app.slides.iter().any(|s| matches!(s, Slide::Timeline(_))));
    // `--slides` wins, and stays through a reload.
    let chosen =
        roadmap_core::presentation::slides_for_roadmap("axis:skills,timeline", &app.roadmap)
            .expect("known slides");
    let mut app = app.with_slides(chosen);
    assert_eq!(app.slides.len(), 2);
    assert!(matches!(&app.slides[0], Slide::Axis(axis) if axis.id == "skills" && axis.number == 1));
    app.update(PresentMsg::Next);
    app.update(PresentMsg::Replace(Box::new(load_fixture(
        &text.replace("title = \"Skills\"", "title = \"Skills renamed\""),
    ))));
    assert_eq!(app.slides.len(), 2);
    assert!(matches!(app.slide(), Slide::Timeline(_)));
    assert_eq!(app.deck[0].heading, "Skills renamed");
}

#[test]
fn the_timeline_slide_shows_the_window_the_file_chooses() {
    let text = include_str!("fixtures/speaker-notes.toml")
        .replace(
            "auto = \"20s\"",
            "slides = [\"timeline\"]\nwindow = { from = \"2025-Q1\", to = \"2025-Q2\" }",
        )
        .replace("slides = [\"title\", \"axes\", \"summary\"]\n", "");
    let roadmap = load("speaker-notes.toml", text.as_bytes(), Format::Toml)
        .expect("the fixture loads")
        .roadmap;
    let app = PresentApp::new(
        roadmap,
        Language::En,
        today(),
        ThemeKind::NoColor,
        Size::new(120, 40),
        None,
        Instant::now(),
    );
    let screen = render(&app);
    // The window drawn is the file's, not the programme's 2024 → 2026.
    assert!(
        screen.contains("Timeline — January 2025 → June 2025"),
        "{screen}"
    );
}

#[test]
fn slides_that_leave_nothing_still_present_the_title() {
    let text = include_str!("fixtures/speaker-notes.toml").replace(
        "slides = [\"title\", \"axes\", \"summary\"]",
        "slides = [\"axes\"]\nhide = [\"services\", \"skills\"]",
    );
    let roadmap = load("speaker-notes.toml", text.as_bytes(), Format::Toml)
        .expect("the fixture loads")
        .roadmap;
    let start = Instant::now();
    let mut app = PresentApp::new(
        roadmap,
        Language::En,
        today(),
        ThemeKind::NoColor,
        Size::new(80, 24),
        Some(Duration::from_secs(20)),
        start,
    );
    for msg in [PresentMsg::Next, PresentMsg::Last, PresentMsg::Previous] {
        app.update(msg);
    }
    tick(&mut app, start + Duration::from_secs(30));
    assert!(matches!(app.slide(), Slide::Title(_)));
    assert!(render(&app).contains("Example programme"));
}
