//! A tab inside a roadmap's text (allowed in every text field) is shown
//! as a space in every view of the explorer and the presenter: never
//! dropped, which would glue the words around it.

mod common;

use common::{press, today};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use roadmap_core::{Format, Language, Roadmap, load};
use roadmap_tui::explore::{App, Msg, Tab};
use roadmap_tui::present::PresentApp;
use roadmap_tui::terminal::theme::ThemeKind;

/// Every text field holds `left<TAB>right` between other words.
const TABBED: &str = "
id = \"tabs\"
title = \"Roadmap left\tright\"
organisation = \"Office left\tright\"
language = \"en\"
published = \"2022\"
period = { start = \"2022\", end = \"2024\" }
summary = \"Summary left\tright\"

[[sources]]
id = \"s\"
title = \"Source left\tright\"

[[reviews]]
id = \"r\"
date = \"2023-06\"
title = \"Review left\tright\"
done = 1
total = 2
note = \"Review note left\tright\"

[[axes]]
id = \"a\"
title = \"Axis left\tright\"
description = \"Axis text left\tright\"

[[axes.missions]]
id = \"m\"
title = \"Mission left\tright\"
start = \"2022\"
end = \"2024\"
note = \"Note left\tright\"
sources = [\"s\"]

[[axes.missions.milestones]]
id = \"s1\"
title = \"Milestone left\tright\"
done_on = \"2023-02\"

[[axes.missions.indicators]]
id = \"i\"
name = \"Indicator left\tright\"
unit = \"users\"
current = { value = 5, date = \"2023\" }
";

fn roadmap() -> Roadmap {
    load("tabs.toml", TABBED.as_bytes(), Format::Toml)
        .expect("tabs are allowed")
        .roadmap
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn assert_spaced(screen: &str, view: &str) {
    assert!(
        !screen.contains("leftright"),
        "{view}: a tab vanished\n{screen}"
    );
    assert!(
        screen.contains("left right"),
        "{view}: no tabbed text shown\n{screen}"
    );
}

#[test]
fn the_explorer_shows_tabs_as_spaces() {
    // Outline, timeline, detail of each kind of item, dashboard.
    let views: [&[&str]; 7] = [
        &[],
        &["2"],
        &["3"],
        &["j", "3"],
        &["j", "l", "j", "3"],
        &["4"],
        &["j", "l", "jj", "3"],
    ];
    for keys in views {
        let tab = Tab::new("tabs.toml".to_owned(), roadmap(), today());
        let mut app = App::new(
            vec![tab],
            Language::En,
            today(),
            ThemeKind::NoColor,
            Size::new(120, 40),
        );
        app.update(Msg::Resize(120, 40));
        press(&mut app, keys);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        terminal
            .draw(|frame| roadmap_tui::explore::draw::draw(frame, &app))
            .expect("drawing");
        assert_spaced(&text_of(&terminal), &format!("explorer after {keys:?}"));
    }
}

#[test]
fn the_presenter_shows_tabs_as_spaces() {
    let slides = roadmap_tui::present::slides::slides(&roadmap(), today(), Language::En).len();
    for slide in 0..slides {
        let mut app = PresentApp::new(
            roadmap(),
            Language::En,
            today(),
            ThemeKind::NoColor,
            Size::new(120, 40),
            None,
            std::time::Instant::now(),
        );
        app.current = slide;
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        terminal
            .draw(|frame| roadmap_tui::present::ui::draw(frame, &app))
            .expect("drawing");
        assert_spaced(&text_of(&terminal), &format!("slide {}", slide + 1));
    }
}
