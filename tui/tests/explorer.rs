//! The explorer's behaviour, key by key, on its state alone: no terminal.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod common;

use common::{press, today};
use roadmap_core::{ItemKey, ItemRef, Language, Status};
use roadmap_tui::explore::{App, Mode, Msg, Pane};

fn app(width: u16, height: u16) -> App {
    common::app(width, height, Language::Fr)
}

fn selected_title(app: &App) -> String {
    let tab = app.tab();
    tab.roadmap
        .get(tab.selected_key().unwrap())
        .map(|item| item.title().to_owned())
        .unwrap()
}

#[test]
fn moves_expands_and_collapses_like_a_file_tree() {
    let mut app = app(160, 48);
    assert_eq!(app.tab().selected_key(), Some(ItemKey::Axis(0)));
    press(&mut app, &["j"]);
    assert_eq!(app.tab().selected_key(), Some(ItemKey::Mission(0, 0)));
    let rows = app.tab().rows.len();
    press(&mut app, &["l"]);
    assert_eq!(
        app.tab().rows.len(),
        rows + 1,
        "the mission's milestone is shown"
    );
    press(&mut app, &["l"]);
    assert_eq!(app.tab().selected_key(), Some(ItemKey::Milestone(0, 0, 0)));
    press(&mut app, &["h"]);
    assert_eq!(
        app.tab().selected_key(),
        Some(ItemKey::Mission(0, 0)),
        "h goes to the parent"
    );
    press(&mut app, &["h"]);
    assert_eq!(app.tab().rows.len(), rows, "h collapses");
    press(&mut app, &["G"]);
    assert_eq!(app.tab().selected, app.tab().rows.len() - 1);
    press(&mut app, &["g"]);
    assert_eq!(app.tab().selected, 0);
    press(&mut app, &["<Enter>"]);
    assert_eq!(
        app.tab().rows.len(),
        rows - 2,
        "Enter folds the first axis' two missions"
    );
}

#[test]
fn search_ignores_accents_and_cycles_with_n() {
    let mut app = app(160, 48);
    press(&mut app, &["/souverainete"]);
    assert_eq!(app.mode, Mode::Search);
    assert!(
        selected_title(&app).contains("souveraineté"),
        "{}",
        selected_title(&app)
    );
    let matches = app.tab().matches.len();
    assert!(matches >= 1);
    press(&mut app, &["<Enter>"]);
    assert_eq!(app.mode, Mode::Browse);
    let first = app.tab().selected_key();
    press(&mut app, &["n"]);
    if matches > 1 {
        assert_ne!(app.tab().selected_key(), first);
    }
    press(&mut app, &["N"]);
    assert_eq!(app.tab().selected_key(), first);
    press(&mut app, &["/zzzz"]);
    assert!(app.tab().matches.is_empty());
    press(&mut app, &["<Esc>"]);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.tab().search.is_empty());
}

#[test]
fn search_reveals_a_match_inside_a_folded_mission() {
    let mut app = app(160, 48);
    press(&mut app, &["]", "/gouvtech"]);
    let tab = app.tab();
    let key = tab.selected_key().unwrap();
    assert!(
        matches!(key, ItemKey::Milestone(..) | ItemKey::Mission(..)),
        "{key:?}"
    );
    assert!(
        roadmap_core::fold(&selected_title(&app)).contains("gouvtech") || !tab.matches.is_empty()
    );
}

#[test]
fn filters_hide_what_does_not_match_and_clear_with_f() {
    let mut app = app(160, 48);
    press(&mut app, &["]"]);
    let all_rows = app.tab().rows.len();
    press(&mut app, &["f"]);
    assert_eq!(app.mode, Mode::Filter);
    // The first choices are the statuses, in reporting order: go to "done".
    let done = Status::ALL.iter().position(|s| *s == Status::Done).unwrap();
    for _ in 0..done {
        press(&mut app, &["j"]);
    }
    press(&mut app, &[" "]);
    assert_eq!(app.tab().filter.statuses, [Status::Done]);
    press(&mut app, &["<Esc>"]);
    let tab = app.tab();
    assert!(tab.rows.len() < all_rows);
    for row in &tab.rows {
        match tab.roadmap.get(row.key).unwrap() {
            ItemRef::Milestone(_, _, m) => assert_eq!(m.effective_status(today()), Status::Done),
            ItemRef::Mission(_, mission) => assert!(
                mission.effective_status(today()) == Status::Done
                    || mission
                        .milestones
                        .iter()
                        .any(|m| m.effective_status(today()) == Status::Done)
            ),
            _ => {}
        }
    }
    press(&mut app, &["F"]);
    assert!(!app.tab().filtering());
    assert_eq!(app.tab().rows.len(), all_rows);
}

#[test]
fn panes_cycle_with_tab_and_jump_with_digits() {
    let mut app = app(160, 48);
    press(&mut app, &["<Tab>"]);
    assert_eq!(app.focus, Pane::Timeline);
    press(&mut app, &["<BackTab>", "<BackTab>"]);
    assert_eq!(app.focus, Pane::Dashboard);
    press(&mut app, &["3"]);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, &["j", "j"]);
    assert_eq!(
        app.tab().detail_scroll,
        2,
        "in the detail pane, j scrolls the text"
    );
    assert_eq!(app.tab().selected, 0);
}

#[test]
fn timeline_zooms_pans_and_jumps_to_today() {
    let mut app = app(160, 48);
    press(&mut app, &["]", "2"]);
    let days = app.tab().window.days();
    press(&mut app, &["+"]);
    assert!(app.tab().window.days() < days);
    press(&mut app, &["-", "-"]);
    assert!(app.tab().window.days() > days);
    let start = app.tab().window.start();
    press(&mut app, &["l"]);
    assert!(
        app.tab().window.start() > start,
        "l pans right in the timeline"
    );
    press(&mut app, &["t"]);
    assert!(app.tab().window.contains(today()));
}

#[test]
fn selection_is_followed_by_the_timeline() {
    let mut app = app(160, 48);
    press(&mut app, &["]"]);
    // Move the window far away, then select a dated milestone.
    for _ in 0..40 {
        press(&mut app, &[">"]);
    }
    press(&mut app, &["j", "l", "j"]);
    let tab = app.tab();
    let ItemRef::Milestone(_, _, milestone) = tab.roadmap.get(tab.selected_key().unwrap()).unwrap()
    else {
        panic!("a milestone is selected");
    };
    let date = milestone.date.unwrap();
    assert!(tab.window.contains(date.first_day()) || tab.window.contains(date.last_day()));
}

#[test]
fn roadmaps_switch_and_keep_their_own_place() {
    let mut app = app(160, 48);
    press(&mut app, &["j", "j"]);
    press(&mut app, &["]"]);
    assert_eq!(app.tab().roadmap.id(), "tech-gouv-2019-2021");
    assert_eq!(app.tab().selected, 0);
    press(&mut app, &["["]);
    assert_eq!(app.tab().roadmap.id(), "dinum-2023");
    assert_eq!(app.tab().selected, 2);
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut app = app(80, 24);
    press(&mut app, &["?"]);
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, &["j"]);
    assert_eq!(
        app.tab().selected,
        0,
        "keys do not reach the outline under the help"
    );
    press(&mut app, &["?"]);
    assert_eq!(app.mode, Mode::Browse);
    press(&mut app, &["q"]);
    assert!(app.quit);
}

#[test]
fn clicks_select_rows_and_the_wheel_scrolls() {
    let mut app = app(160, 48);
    let outline = app.areas().outline.unwrap();
    // Row 3 of the outline's inside: the tab bar is line 0, the border line 1.
    app.update(Msg::Click(outline.x + 5, outline.y + 1 + 3));
    assert_eq!(app.tab().selected, 3);
    app.update(Msg::Wheel {
        down: true,
        zoom: false,
        column: outline.x + 5,
        row: outline.y + 5,
    });
    assert_eq!(app.tab().selected, 4);
    let timeline = app.areas().timeline.unwrap();
    let days = app.tab().window.days();
    app.update(Msg::Wheel {
        down: false,
        zoom: true,
        column: timeline.x + 40,
        row: timeline.y + 5,
    });
    assert!(app.tab().window.days() < days, "Ctrl-wheel zooms in");
}

#[test]
fn small_terminals_show_one_pane_and_tiny_ones_none() {
    let mut app = app(160, 48);
    let wide = app.areas();
    assert!(wide.outline.is_some() && wide.timeline.is_some() && wide.detail.is_some());
    app.update(Msg::Resize(60, 20));
    let narrow = app.areas();
    assert!(narrow.outline.is_some() && narrow.timeline.is_none());
    app.update(Msg::ShowPane(Pane::Timeline));
    assert!(app.areas().timeline.is_some() && app.areas().outline.is_none());
    app.update(Msg::Resize(39, 9));
    assert_eq!(app.areas().status, None, "too small: no pane at all");
}

#[test]
fn long_moves_keep_the_selection_on_screen() {
    let mut app = app(80, 12);
    press(&mut app, &["<C-d>", "<C-d>", "<C-d>"]);
    let tab = app.tab();
    let height = usize::from(app.areas().outline.unwrap().height - 2);
    assert!(tab.selected >= tab.outline_offset);
    assert!(tab.selected < tab.outline_offset + height);
}

#[test]
fn the_timeline_shows_what_the_filters_keep() {
    let mut app = app(160, 48);
    press(&mut app, &["]"]);
    let all_bars = app.timeline_scene().layout(100).bars.len();
    press(&mut app, &["f"]);
    let done = Status::ALL.iter().position(|s| *s == Status::Done).unwrap();
    for _ in 0..done {
        press(&mut app, &["j"]);
    }
    press(&mut app, &[" ", "<Esc>"]);
    let layout = app.timeline_scene().layout(100);
    assert!(layout.bars.len() < all_bars);
    for marker in &layout.markers {
        let ItemRef::Milestone(_, _, m) = app.tab().roadmap.get(marker.key).unwrap() else {
            panic!("markers are milestones");
        };
        assert_eq!(m.effective_status(today()), Status::Done);
    }
}
