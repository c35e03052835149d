//! The explorer's `--since` on its state alone: the changed items are
//! marked, the "changed" filter keeps only them, and a live reload keeps
//! comparing with the same earlier edition.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod common;

use common::{press, today};
use ratatui::layout::Size;
use roadmap_core::{Format, ItemKey, Language, Roadmap, load_str};
use roadmap_tui::explore::{App, Msg, Tab};
use roadmap_tui::files::bundled::TECH_GOUV;
use roadmap_tui::files::loading::SourceFile;
use roadmap_tui::terminal::theme::ThemeKind;

const TEXT: &str = TECH_GOUV.text;

fn parse(text: &str) -> Roadmap {
    load_str("plan.toml", text, Format::Toml).unwrap().roadmap
}

/// The Tech.gouv roadmap with its first mission renamed.
fn renamed() -> String {
    let (from, to) = (
        "title = \"Offre de service de labellisation et catalogue de solutions recommandées (catalogue GouvTech)\"",
        "title = \"Catalogue GouvTech\"",
    );
    assert!(TEXT.contains(from), "the fixture has no `{from}`");
    TEXT.replacen(from, to, 1)
}

/// The explorer on `plan.toml` holding `text`, compared with [`TEXT`] as `v1`.
fn app(text: &str) -> App {
    let mut tab = Tab::new("plan.toml".to_owned(), parse(text), today());
    tab.source = Some(SourceFile {
        path: "plan.toml".into(),
        text: text.to_owned(),
    });
    tab.compare_since("v1".to_owned(), parse(TEXT), today());
    App::new(
        vec![tab],
        Language::En,
        today(),
        ThemeKind::NoColor,
        Size::new(160, 48),
    )
}

fn marked(app: &App) -> Vec<String> {
    let tab = app.tab();
    let since = tab.since.as_ref().unwrap();
    tab.rows
        .iter()
        .filter(|row| since.is_marked(row.key))
        .map(|row| tab.roadmap.get(row.key).unwrap().id().to_owned())
        .collect()
}

#[test]
fn nothing_is_marked_when_nothing_changed() {
    let app = app(TEXT);
    assert!(app.tab().since.as_ref().unwrap().changes.is_empty());
    assert!(marked(&app).is_empty());
}

#[test]
fn the_changed_filter_keeps_only_the_changed_items_and_their_parents() {
    let text = renamed();
    let mut app = app(&text);
    let id = app.tab().since.as_ref().unwrap().changes.items[0]
        .id
        .clone();
    assert_eq!(marked(&app), std::slice::from_ref(&id));
    let all = app.tab().rows.len();
    // The filter panel opens on "changed": Space keeps only what changed.
    press(&mut app, &["f", " ", "<Esc>"]);
    let tab = app.tab();
    assert!(tab.changed_only);
    let ids: Vec<_> = tab
        .rows
        .iter()
        .map(|row| tab.roadmap.get(row.key).unwrap().id().to_owned())
        .collect();
    assert!(ids.len() < all, "{ids:?}");
    assert!(ids.contains(&id), "{ids:?}");
    // What else is left is the changed item's axis.
    assert!(
        tab.rows
            .iter()
            .all(|row| matches!(row.key, ItemKey::Axis(_)) || since_marks(&app, row.key)),
        "{ids:?}"
    );
    // F clears every filter, this one too.
    press(&mut app, &["F"]);
    assert!(!app.tab().changed_only);
    assert_eq!(app.tab().rows.len(), all);
}

fn since_marks(app: &App, key: ItemKey) -> bool {
    app.tab().since.as_ref().unwrap().is_marked(key)
}

#[test]
fn a_reload_compares_with_the_same_earlier_edition() {
    let mut app = app(TEXT);
    assert!(marked(&app).is_empty());
    let text = renamed();
    app.update(Msg::Reloaded {
        tab: 0,
        text: text.clone(),
        roadmap: Box::new(parse(&text)),
    });
    assert_eq!(marked(&app).len(), 1);
    assert_eq!(app.tab().since.as_ref().unwrap().name, "v1");
    // Back to what v1 says: nothing is marked any more.
    app.update(Msg::Reloaded {
        tab: 0,
        text: TEXT.to_owned(),
        roadmap: Box::new(parse(TEXT)),
    });
    assert!(marked(&app).is_empty());
}

#[test]
fn a_changed_indicator_marks_its_mission_and_is_told_in_its_detail() {
    let (from, to) = ("value = 204\n", "value = 350\n");
    assert!(TEXT.contains(from), "the fixture has no `{from}`");
    let mut app = app(&TEXT.replacen(from, to, 1));
    let mission = app.tab().roadmap.key_of("label-solutions-referencees");
    let Some(ItemKey::Indicator(a, m, _)) = mission else {
        panic!("the fixture has the indicator");
    };
    let mission = ItemKey::Mission(a, m);
    assert!(since_marks(&app, mission));
    let id = app.tab().roadmap.get(mission).unwrap().id().to_owned();
    assert_eq!(marked(&app), [id]);
    // Selected, the mission's detail names the indicator and its values.
    press(&mut app, &["/", "catalogue GouvTech", "<Enter>"]);
    assert_eq!(app.tab().selected_key(), Some(mission));
    let detail: Vec<String> = roadmap_tui::explore::draw::detail::lines(&app)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        detail.contains(
            &"Δ since v1: indicator “Solutions référencées dans le catalogue GouvTech” — current: 204 solutions (17 May 2021) → 350 solutions (17 May 2021)"
                .to_owned()
        ),
        "{detail:#?}"
    );
}
