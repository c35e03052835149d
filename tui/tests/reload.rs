//! What the explorer does when its file changes on disk, message by
//! message, on its state alone: the view stays where the user left it, an
//! invalid or missing file keeps the last roadmap under a banner, and
//! reading back what was last read changes nothing.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod common;

use common::{press, today};
use ratatui::layout::Size;
use roadmap_core::{Format, ItemRef, Language, LoadError, Roadmap, load_str};
use roadmap_tui::explore::{App, FileProblem, Msg, Pane, Tab};
use roadmap_tui::files::bundled::TECH_GOUV;
use roadmap_tui::files::loading::SourceFile;
use roadmap_tui::terminal::theme::ThemeKind;

/// The Tech.gouv roadmap as `plan.toml`.
const TEXT: &str = TECH_GOUV.text;

fn parse(text: &str) -> Roadmap {
    load_str("plan.toml", text, Format::Toml).unwrap().roadmap
}

fn invalid(text: &str) -> LoadError {
    load_str("plan.toml", text, Format::Toml).unwrap_err()
}

/// The explorer on `plan.toml`, read from disk as [`TEXT`].
fn app() -> App {
    let mut tab = Tab::new("plan.toml".to_owned(), parse(TEXT), today());
    tab.source = Some(SourceFile {
        path: "plan.toml".into(),
        text: TEXT.to_owned(),
    });
    App::new(
        vec![tab],
        Language::En,
        today(),
        ThemeKind::NoColor,
        Size::new(160, 48),
    )
}

fn reloaded(text: &str) -> Msg {
    Msg::Reloaded {
        tab: 0,
        text: text.to_owned(),
        roadmap: Box::new(parse(text)),
    }
}

/// The item selected in the outline.
fn selected(app: &App) -> ItemRef<'_> {
    let tab = app.tab();
    tab.roadmap.get(tab.selected_key().unwrap()).unwrap()
}

fn selected_id(app: &App) -> String {
    selected(app).id().to_owned()
}

/// Selects the item `id` through the search for `words`, as a user would.
fn select(app: &mut App, words: &str, id: &str) {
    press(app, &["/", words, "<Enter>"]);
    for _ in 0..app.tab().matches.len() {
        if selected_id(app) == id {
            return;
        }
        press(app, &["n"]);
    }
    assert_eq!(selected_id(app), id, "the search for {words:?} finds it");
}

/// A new first axis: every item after it moves one place.
fn with_axis_first(text: &str) -> String {
    text.replacen(
        "[[axes]]\nid = \"label\"",
        "[[axes]]\nid = \"nouvel-axe\"\ntitle = \"Nouvel axe\"\nsources = [\"article-2019-10\"]\n\n[[axes]]\nid = \"label\"",
        1,
    )
}

#[test]
fn a_valid_save_keeps_the_selection_by_id_when_items_move() {
    let mut app = app();
    select(&mut app, "secteurs prives", "franceconnect-secteurs-prives");
    let before = app.tab().selected_key();

    let text = with_axis_first(TEXT).replace(
        "Extension de FranceConnect à de nouveaux secteurs",
        "FranceConnect ouvert à de nouveaux secteurs",
    );
    app.update(reloaded(&text));

    assert_ne!(app.tab().selected_key(), before, "the item moved");
    assert_eq!(selected_id(&app), "franceconnect-secteurs-prives");
    assert!(selected(&app).title().starts_with("FranceConnect ouvert"));
    assert_eq!(app.tab().source.as_ref().unwrap().text, text);
    assert_eq!(app.tab().problem, None);
}

#[test]
fn a_valid_save_keeps_expansions_filters_search_window_and_pane() {
    let mut app = app();
    // Collapse the "data" axis, search, zoom the timeline and focus it.
    select(&mut app, "Data — accelerer", "data");
    press(
        &mut app,
        &["<Enter>", "/franceconnect", "<Enter>", "+", "2"],
    );
    let data_rows = |app: &App| {
        app.tab()
            .rows
            .iter()
            .filter(|row| {
                let key = row.key;
                app.tab().roadmap.get(key).unwrap().id().starts_with("data")
            })
            .count()
    };
    assert_eq!(data_rows(&app), 1, "the data axis is folded");
    let window = app.tab().window;
    let matches = app.tab().matches.len();
    let selected = selected_id(&app);

    // One more title that the search matches.
    let text = with_axis_first(TEXT).replace(
        "Datapedia, plateforme",
        "Datapedia (avec FranceConnect), plateforme",
    );
    app.update(reloaded(&text));

    assert_eq!(data_rows(&app), 1, "the data axis is still folded");
    assert_eq!(app.tab().search, "franceconnect");
    assert_eq!(app.tab().matches.len(), matches + 1, "the search ran again");
    assert_eq!(app.tab().window, window);
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(selected_id(&app), selected);
}

#[test]
fn a_removed_selection_moves_to_its_parent() {
    let mut app = app();
    select(&mut app, "secteurs prives", "franceconnect-secteurs-prives");
    let start = TEXT
        .find("[[axes.missions.milestones]]\nid = \"franceconnect-secteurs-prives\"")
        .unwrap();
    let end = start + TEXT[start + 1..].find("[[").unwrap() + 1;
    let text = format!("{}{}", &TEXT[..start], &TEXT[end..]);
    app.update(reloaded(&text));
    assert!(
        app.tab()
            .roadmap
            .find("franceconnect-secteurs-prives")
            .is_none()
    );
    assert_eq!(selected_id(&app), "franceconnect-generalisation");
}

#[test]
fn an_invalid_save_keeps_the_roadmap_under_a_banner_until_fixed() {
    let mut app = app();
    select(&mut app, "secteurs prives", "franceconnect-secteurs-prives");
    let outline = app.areas().outline.unwrap();
    let error = invalid(&TEXT.replace("date = \"2019-H2\"", "date = \"2019-H3\""));
    app.update(Msg::ReloadFailed {
        tab: 0,
        error: error.clone(),
    });

    assert_eq!(app.tab().problem, Some(FileProblem::Invalid(error)));
    assert_eq!(
        app.tab().roadmap,
        parse(TEXT),
        "the last good roadmap stays"
    );
    assert_eq!(selected_id(&app), "franceconnect-secteurs-prives");
    let banner = app.areas().banner.expect("a banner is shown");
    assert_eq!(app.areas().outline.unwrap().y, outline.y + banner.height);

    let fixed = TEXT.replace("date = \"2019-H2\"", "date = \"2019-H1\"");
    app.update(reloaded(&fixed));
    assert_eq!(app.tab().problem, None);
    assert_eq!(app.areas().banner, None);
    assert_eq!(app.areas().outline, Some(outline));
    assert_eq!(selected_id(&app), "franceconnect-secteurs-prives");
}

#[test]
fn a_missing_file_keeps_the_roadmap_and_its_return_clears_the_banner() {
    let mut app = app();
    app.update(Msg::FileMissing { tab: 0 });
    assert_eq!(app.tab().problem, Some(FileProblem::Missing));
    assert_eq!(app.tab().roadmap, parse(TEXT));
    app.update(reloaded(TEXT));
    assert_eq!(app.tab().problem, None);
}

#[test]
fn reading_back_the_text_last_read_changes_nothing() {
    let mut app = app();
    select(&mut app, "secteurs prives", "franceconnect-secteurs-prives");
    app.update(Msg::FileMissing { tab: 0 });
    // The same text with another roadmap: had the roadmap been swapped,
    // the first axis would be the new one.
    app.update(Msg::Reloaded {
        tab: 0,
        text: TEXT.to_owned(),
        roadmap: Box::new(parse(&with_axis_first(TEXT))),
    });
    assert_eq!(app.tab().roadmap, parse(TEXT));
    assert_eq!(selected_id(&app), "franceconnect-secteurs-prives");
    assert_eq!(app.tab().problem, None, "the banner goes all the same");
}

#[test]
fn a_change_reaches_only_its_own_tab() {
    let mut app = common::app(160, 48, Language::En);
    let dinum = app.tabs[0].roadmap.clone();
    app.update(Msg::FileMissing { tab: 1 });
    app.update(Msg::FileMissing { tab: 7 });
    assert_eq!(app.tabs[0].problem, None);
    assert_eq!(app.tabs[1].problem, Some(FileProblem::Missing));
    assert_eq!(app.areas().banner, None, "the tab shown has no problem");
    press(&mut app, &["]"]);
    assert!(app.areas().banner.is_some());
    app.update(reloaded(TEXT));
    assert!(app.tabs[0].roadmap == dinum, "tab 0 is bundled: no file");
}

#[test]
fn news_in_the_status_line_stays_through_what_the_watcher_reports() {
    let mut app = app();
    press(&mut app, &["u"]);
    let news = app.notice.clone().expect("nothing to undo, said");
    for msg in [
        Msg::FileMissing { tab: 0 },
        Msg::ReloadFailed {
            tab: 0,
            error: invalid("id = "),
        },
        Msg::WatchFailed {
            tab: 0,
            reason: "too many watches".to_owned(),
        },
        reloaded(&with_axis_first(TEXT)),
    ] {
        app.update(msg);
        assert_eq!(app.notice.as_ref(), Some(&news));
    }
    press(&mut app, &["j"]);
    assert_eq!(app.notice, None, "a key clears it");
}
