//! Drawing one frame of the explorer on a SYNTHETIC roadmap of 10,000
//! milestones (made-up data from `roadmap_core::synthetic`), at 200×60,
//! into ratatui's `TestBackend`: the outline with every mission unfolded
//! (about 10,500 rows, the selection in the middle), the timeline, and the
//! dashboard; then the presenter's slides (title, the first axis, the
//! timeline, the summary) on the same roadmap at 200×60 and 400×120.
//!
//! Aim: under 4 ms a frame. Only `terminal.draw(|f| ui::draw(f, &app))` is
//! timed; the same frame is drawn again and again, so after the first one
//! ratatui's diff sends nothing new to the backend.
//!
//! ```text
//! cargo bench -p roadmap-tui --bench render
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use roadmap_core::synthetic::synthetic_roadmap_toml;
use roadmap_core::{Day, Format, FuzzyDate, ItemKey, Language, load};
use roadmap_tui::explore::draw as ui;
use roadmap_tui::explore::{App, Msg, Pane, Tab};
use roadmap_tui::present::{self, PresentApp};
use roadmap_tui::terminal::theme::ThemeKind;

const MILESTONES: usize = 10_000;
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn today() -> Day {
    "2026-11-23"
        .parse::<FuzzyDate>()
        .expect("a valid day")
        .first_day()
}

/// The explorer on the synthetic roadmap, every mission unfolded and the
/// middle row selected, with `pane` focused.
fn app(pane: Pane) -> App {
    let text = synthetic_roadmap_toml(MILESTONES);
    let roadmap = match load("synthetic.toml", text.as_bytes(), Format::Toml) {
        Ok(loaded) => loaded.roadmap,
        Err(err) => panic!("{}", err.render(false)),
    };
    let tab = Tab::new("synthetic.toml".to_owned(), roadmap, today());
    let mut app = App::new(
        vec![tab],
        Language::En,
        today(),
        ThemeKind::Default,
        Size::new(WIDTH, HEIGHT),
    );
    // Axes start unfolded; unfold every mission from the bottom up, so
    // the rows above the selection do not move.
    app.update(Msg::Bottom);
    loop {
        if matches!(app.tab().selected_key(), Some(ItemKey::Mission(..))) {
            app.update(Msg::Expand);
        }
        if app.tab().selected == 0 {
            break;
        }
        app.update(Msg::Up);
    }
    let rows = app.tab().rows.len();
    assert!(rows > MILESTONES, "every milestone has a row: {rows}");
    while app.tab().selected < rows / 2 {
        app.update(Msg::PageDown);
    }
    app.update(Msg::ShowPane(pane));
    app
}

fn render(c: &mut Criterion) {
    for (name, pane) in [
        ("render_outline_10k_200x60", Pane::Outline),
        ("render_timeline_10k_200x60", Pane::Timeline),
        ("render_dashboard_10k_200x60", Pane::Dashboard),
    ] {
        let app = app(pane);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
        c.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::draw(frame, black_box(&app)))
                    .map(|_| ())
            });
        });
    }
}

/// One frame of each kind of slide, at a big screen's and a 4K
/// terminal's size.
fn present(c: &mut Criterion) {
    let text = synthetic_roadmap_toml(MILESTONES);
    let roadmap = match load("synthetic.toml", text.as_bytes(), Format::Toml) {
        Ok(loaded) => loaded.roadmap,
        Err(err) => panic!("{}", err.render(false)),
    };
    for (width, height) in [(WIDTH, HEIGHT), (400, 120)] {
        let mut app = PresentApp::new(
            roadmap.clone(),
            Language::En,
            today(),
            ThemeKind::Default,
            Size::new(width, height),
            None,
            Instant::now(),
        );
        let count = app.slides.len();
        for (kind, slide) in [
            ("title", 0),
            ("axis", 1),
            ("timeline", count - 2),
            ("summary", count - 1),
        ] {
            app.current = slide;
            let mut terminal =
                Terminal::new(TestBackend::new(width, height)).expect("test terminal");
            c.bench_function(&format!("present_{kind}_10k_{width}x{height}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| present::ui::draw(frame, black_box(&app)))
                        .map(|_| ())
                });
            });
        }
    }
}

/// Criterion's defaults, with times that keep the whole run near a minute.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
}

criterion_group! {
    name = benches;
    config = config();
    targets = render, present
}
criterion_main!(benches);
