//! Updating progress from the explorer, key by key, on a copy of the
//! Tech.gouv roadmap: what the file on disk holds after each key, what the
//! status line says, and that bundled roadmaps stay read-only.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod common;

use std::path::{Path, PathBuf};

use common::press;
use roadmap_core::{ItemRef, Language, Progress, Status};
use roadmap_tui::explore::effects::perform_with;
use roadmap_tui::explore::{App, Field, Mode, Msg};
use roadmap_tui::files::save::Step;

const TECH_GOUV: &str = include_str!("../../data/tech-gouv-2019-2021.toml");
const MILESTONE: &str = "label-autoevaluation";

/// A copy of the Tech.gouv roadmap, opened with `MILESTONE` selected.
fn open(dir: &Path) -> (App, PathBuf) {
    let path = dir.join("tech-gouv.toml");
    std::fs::write(&path, TECH_GOUV).unwrap();
    let mut app = common::file_app(&path, Language::Fr);
    press(&mut app, &["j", "l", "jjjj"]);
    assert_eq!(selected_id(&app), MILESTONE);
    (app, path)
}

fn selected_id(app: &App) -> String {
    let tab = app.tab();
    match tab.roadmap.get(tab.selected_key().unwrap()).unwrap() {
        ItemRef::Milestone(_, _, m) => m.id.clone(),
        ItemRef::Mission(_, m) => m.id.clone(),
        ItemRef::Axis(a) => a.id.clone(),
        other => panic!("{other:?}"),
    }
}

fn milestone(app: &App) -> roadmap_core::Milestone {
    match app.tab().roadmap.find(MILESTONE) {
        Some(ItemRef::Milestone(_, _, m)) => m.clone(),
        other => panic!("{other:?}"),
    }
}

fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn on_disk(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_status_picker_saves_the_status_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["s"]);
    assert_eq!(app.mode, Mode::PickStatus);
    assert_eq!(
        Status::ALL[app.status_cursor],
        Status::Unknown,
        "the cursor starts on the current status"
    );
    // Esc leaves without writing.
    press(&mut app, &["<Esc>"]);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(on_disk(&path), TECH_GOUV);

    // Up past `not-met` and `cancelled` to `at-risk`.
    press(&mut app, &["s", "k", "k", "k", "<Enter>"]);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(milestone(&app).status, Some(Status::AtRisk));
    assert_eq!(selected_id(&app), MILESTONE, "the selection stays");
    let text = on_disk(&path);
    assert_eq!(
        text,
        TECH_GOUV.replacen(
            "date = \"2021-H2\"\nstatus = \"unknown\"",
            "date = \"2021-H2\"\nstatus = \"at-risk\"",
            1
        )
    );
    assert_eq!(notice(&app), format!("enregistré : {}", path.display()));
}

#[test]
fn progress_outside_0_to_100_is_refused_inline() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["p"]);
    assert_eq!(app.mode, Mode::Type(Field::Progress));
    assert_eq!(app.input, "", "the milestone has no progress yet");
    press(&mut app, &["150", "<Enter>"]);
    assert_eq!(app.mode, Mode::Type(Field::Progress), "still typing");
    assert!(
        app.input_error.as_deref().unwrap().contains("de 0 à 100"),
        "{:?}",
        app.input_error
    );
    press(
        &mut app,
        &[
            "<Backspace>",
            "<Backspace>",
            "<Backspace>",
            "abc",
            "<Enter>",
        ],
    );
    assert!(app.input_error.is_some());
    assert_eq!(on_disk(&path), TECH_GOUV, "nothing written");

    press(
        &mut app,
        &["<Backspace>", "<Backspace>", "<Backspace>", "60", "<Enter>"],
    );
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(milestone(&app).progress, Progress::new(60.0));
    let text = on_disk(&path);
    assert!(text.contains("status = \"unknown\"\nsources = [\"silicon-gouvtech\", \"smartcitymag-860\"]\nnote = \"Annoncée en mai 2021"));
    assert_eq!(text.len(), TECH_GOUV.len() + "progress = 60\n".len());
    // The field starts from the current value next time.
    press(&mut app, &["p"]);
    assert_eq!(app.input, "60");
}

#[test]
fn a_review_is_typed_checked_and_added() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["r", "2021-13: 9/43", "<Enter>"]);
    assert_eq!(app.mode, Mode::Type(Field::Review));
    let error = app.input_error.clone().unwrap();
    assert!(error.contains("`2021-13`\u{a0}: pas une date"), "{error}");
    assert!(
        error.contains("2021-06: 9/43"),
        "the form is shown: {error}"
    );
    press(&mut app, &["<Esc>"]);
    assert_eq!(on_disk(&path), TECH_GOUV);

    // The file would be invalid: refused with the reason, nothing written.
    press(&mut app, &["r", "2021-12: 50/43", "<Enter>"]);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.notice.as_ref().unwrap().error);
    assert!(
        notice(&app).contains("50 done is more than the 43"),
        "{}",
        notice(&app)
    );
    assert_eq!(on_disk(&path), TECH_GOUV);

    press(
        &mut app,
        &["r", "2021-12: 12/43 bilan de fin d'année", "<Enter>"],
    );
    let reviews = app.tab().roadmap.reviews();
    assert_eq!(reviews.len(), 3);
    assert_eq!(reviews[2].note.as_deref(), Some("bilan de fin d'année"));
    assert!(on_disk(&path).contains("[[reviews]]\nid = \"revue-2021-12\""));
}

#[test]
fn undo_restores_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["p", "60", "<Enter>", "s", "kkkkkkk", "<Enter>"]);
    let twice = on_disk(&path);
    assert!(twice.contains("progress = 60") && twice != TECH_GOUV);
    assert_eq!(milestone(&app).status, Some(Status::Planned));

    press(&mut app, &["u"]);
    assert_eq!(milestone(&app).status, Some(Status::Unknown));
    assert_eq!(milestone(&app).progress, Progress::new(60.0));
    assert!(notice(&app).starts_with("annulé"), "{}", notice(&app));
    press(&mut app, &["u"]);
    assert_eq!(on_disk(&path), TECH_GOUV);
    assert_eq!(milestone(&app).progress, None);
    press(&mut app, &["u"]);
    assert_eq!(notice(&app), "rien à annuler");
    assert_eq!(on_disk(&path), TECH_GOUV);
}

#[test]
fn a_change_on_disk_is_kept_until_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["p", "10", "<Enter>"]);
    let external = format!("{}# a colleague's line\n", on_disk(&path));
    std::fs::write(&path, &external).unwrap();

    // Neither an edit nor an undo overwrites it.
    press(
        &mut app,
        &["p", "<Backspace>", "<Backspace>", "20", "<Enter>"],
    );
    assert!(app.notice.as_ref().unwrap().error);
    assert!(
        notice(&app).contains("modifié sur le disque depuis sa lecture"),
        "{}",
        notice(&app)
    );
    assert!(notice(&app).contains("rechargez avec R"));
    press(&mut app, &["u"]);
    assert_eq!(on_disk(&path), external);
    assert_eq!(milestone(&app).progress, Progress::new(10.0));

    // R reads it; edits apply to it from then on, and undo stops there.
    press(&mut app, &["R"]);
    assert!(notice(&app).starts_with("relu"), "{}", notice(&app));
    assert_eq!(selected_id(&app), MILESTONE);
    press(
        &mut app,
        &["p", "<Backspace>", "<Backspace>", "20", "<Enter>"],
    );
    let text = on_disk(&path);
    assert!(text.ends_with("# a colleague's line\n") && text.contains("progress = 20"));
    press(&mut app, &["u", "u"]);
    assert_eq!(on_disk(&path), external);
    assert_eq!(notice(&app), "rien à annuler");
}

#[test]
fn reloading_what_was_saved_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["p", "60", "<Enter>", "R"]);
    assert_eq!(notice(&app), format!("{}: rien n'a changé", path.display()));
    assert_eq!(app.tab().undo.len(), 1, "the undo stack is kept");
}

#[test]
fn status_is_for_missions_and_milestones() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["g"]);
    assert_eq!(selected_id(&app), "label");
    press(&mut app, &["s"]);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        notice(&app),
        "seuls les missions et les jalons ont un statut"
    );
    // An axis takes a progress.
    press(&mut app, &["p", "35", "<Enter>"]);
    assert!(on_disk(&path).contains("progress = 35"));
}

#[test]
fn bundled_roadmaps_are_read_only() {
    for lang in [Language::Fr, Language::En] {
        let mut app = common::app(160, 48, lang);
        for key in ["s", "p", "r", "u", "R"] {
            press(&mut app, &[key]);
            assert_eq!(app.mode, Mode::Browse, "{key}");
            let notice = app.notice.clone().unwrap();
            assert!(notice.error);
            let (read_only, how) = match lang {
                Language::Fr => ("lecture seule", "roadmap FICHIER"),
                Language::En => ("read-only", "roadmap FILE"),
            };
            assert!(
                notice.text.starts_with("dinum-2023.toml: "),
                "{}",
                notice.text
            );
            assert!(notice.text.contains(read_only), "{}", notice.text);
            assert!(notice.text.contains("data/"), "{}", notice.text);
            assert!(notice.text.contains(how), "{}", notice.text);
        }
        // Any other key clears the notice.
        press(&mut app, &["j"]);
        assert_eq!(app.notice, None);
    }
}

#[test]
fn json_exports_say_to_edit_their_toml_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tech-gouv.json");
    let roadmap = roadmap_core::load_str("t.toml", TECH_GOUV, roadmap_core::Format::Toml)
        .unwrap()
        .roadmap;
    let json = roadmap_core::to_json(&roadmap);
    std::fs::write(&path, &json).unwrap();
    let mut app = common::file_app(&path, Language::En);
    press(&mut app, &["p"]);
    assert_eq!(app.mode, Mode::Browse);
    let notice = app.notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.contains("a JSON export"), "{}", notice.text);
    assert!(
        notice.text.contains("edit its TOML source"),
        "{}",
        notice.text
    );
    assert_eq!(on_disk(&path), json);
}

#[test]
fn the_tab_shows_what_the_disk_holds_when_a_save_fails() {
    let dir = tempfile::tempdir().unwrap();
    for (failing, written) in [(Step::Rename, false), (Step::SyncDirectory, true)] {
        let (mut app, path) = open(dir.path());
        press(&mut app, &["p", "60"]);
        app.update(Msg::Confirm);
        perform_with(&mut app, &mut |step| {
            if step == failing {
                Err(std::io::Error::other("disk on fire"))
            } else {
                Ok(())
            }
        });
        let notice = app.notice.clone().unwrap();
        assert!(notice.error, "{failing:?}");
        assert!(notice.text.contains("disk on fire"), "{}", notice.text);
        let progress = milestone(&app).progress;
        if written {
            assert!(notice.text.starts_with("enregistré"), "{}", notice.text);
            assert!(on_disk(&path).contains("progress = 60"));
            assert_eq!(progress, Progress::new(60.0));
            assert_eq!(app.tab().undo.len(), 1);
        } else {
            assert!(notice.text.starts_with("non enregistré"), "{}", notice.text);
            assert_eq!(on_disk(&path), TECH_GOUV);
            assert_eq!(progress, None);
            assert!(app.tab().undo.is_empty());
        }
    }
}

#[test]
fn a_change_followed_from_disk_ends_the_undo_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    press(&mut app, &["p", "10", "<Enter>"]);
    let external = format!("{}# a colleague's line\n", on_disk(&path));
    std::fs::write(&path, &external).unwrap();
    let roadmap = roadmap_core::load_str("tech-gouv.toml", &external, roadmap_core::Format::Toml)
        .unwrap()
        .roadmap;
    app.update(Msg::Reloaded {
        tab: 0,
        text: external.clone(),
        roadmap: Box::new(roadmap),
    });

    // Undo would write back the text before the colleague's change.
    press(&mut app, &["u"]);
    assert_eq!(notice(&app), "rien à annuler");
    assert_eq!(on_disk(&path), external);
}

#[test]
fn a_refused_save_is_said_until_a_key_even_when_the_file_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = open(dir.path());
    // A colleague's change, not yet followed when the change is saved.
    let external = format!("{TECH_GOUV}# a colleague's line\n");
    std::fs::write(&path, &external).unwrap();
    press(&mut app, &["p", "20", "<Enter>"]);
    let refused = app.notice.clone().unwrap();
    assert!(refused.error);
    assert!(
        refused
            .text
            .contains("votre modification n'a pas été enregistrée"),
        "{}",
        refused.text
    );

    // What the watcher then reports leaves the message on screen.
    let roadmap = roadmap_core::load_str("tech-gouv.toml", &external, roadmap_core::Format::Toml)
        .unwrap()
        .roadmap;
    app.update(Msg::Reloaded {
        tab: 0,
        text: external.clone(),
        roadmap: Box::new(roadmap),
    });
    app.update(Msg::Resize(120, 40));
    assert_eq!(app.notice.as_ref(), Some(&refused));
    assert_eq!(on_disk(&path), external);

    // The user's next key is the answer to it.
    press(&mut app, &["j"]);
    assert_eq!(app.notice, None);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_in_both_languages() {
    use std::os::unix::fs::PermissionsExt;
    for (lang, said) in [
        (
            Language::Fr,
            "fichier en lecture seule — votre modification n'a pas été enregistrée",
        ),
        (Language::En, "read-only file — your change was not saved"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tech-gouv.toml");
        std::fs::write(&path, TECH_GOUV).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let mut app = common::file_app(&path, lang);
        press(&mut app, &["j", "p", "20", "<Enter>"]);
        let notice = app.notice.clone().unwrap();
        assert!(notice.error);
        assert!(
            notice
                .text
                .starts_with(&format!("{}: {said}", path.display())),
            "{}",
            notice.text
        );
        assert!(notice.text.contains("chmod u+w"), "{}", notice.text);
        assert_eq!(on_disk(&path), TECH_GOUV, "{lang:?}: not written");
        assert!(app.tab().undo.is_empty());
    }
}

#[cfg(unix)]
#[test]
fn saving_a_linked_file_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("tech-gouv.toml");
    std::fs::write(&target, TECH_GOUV).unwrap();
    let link = dir.path().join("open.toml");
    std::os::unix::fs::symlink("tech-gouv.toml", &link).unwrap();
    let mut app = common::file_app(&link, Language::En);
    press(&mut app, &["j", "l", "jjjj", "p", "60", "<Enter>"]);
    assert!(notice(&app).starts_with("saved"), "{}", notice(&app));
    assert!(on_disk(&target).contains("progress = 60"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
