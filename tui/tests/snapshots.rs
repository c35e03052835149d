//! What the explorer draws, view by view, as text snapshots: every pane
//! focused, the help overlay, the filter panel, a search being typed, the
//! status picker, a progress refused as it is typed, the "too small"
//! message and the banner of a file that changed badly on disk, at 80×24
//! and 160×48, in French and English, on the bundled roadmaps (a copy, for
//! edits), with no colour and a fixed today.
//!
//! Each snapshot is the screen as text (wide characters take their two
//! cells), then the runs of reversed text (the selection, the active tab,
//! the "too small" alert) and of underlined text (search matches, and on
//! the timeline a milestone whose period is one cell wide): with no
//! colour, only these styles carry meaning. Regenerate after a drawing
//! change with:
//!
//! ```text
//! INSTA_UPDATE=always cargo test -p roadmap-tui --test snapshots
//! ```
//!
//! then review the diff of `tui/tests/snapshots/` (with cargo-insta
//! installed, `cargo insta test -p roadmap-tui --test snapshots --review`
//! does both). A failing run leaves `*.snap.new` files there: delete them.

mod common;

use std::fmt::Write as _;

use common::{app, press};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use roadmap_core::{Format, Language, load_str};
use roadmap_tui::explore::draw as ui;
use roadmap_tui::explore::{App, Msg};
use roadmap_tui::files::bundled;
use roadmap_tui::terminal::cells::width;

/// The sizes every view is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// Draws one frame the way the event loop does.
fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("drawing on a test terminal");
    terminal.backend().buffer().clone()
}

/// The screen's lines as a terminal shows them: a wide character fills two
/// cells, so the cell it hides is left out. Every line must fill exactly
/// the terminal's width, or the drawing is misaligned.
fn screen_lines(buffer: &Buffer) -> Vec<String> {
    let screen_width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(screen_width)
        .enumerate()
        .map(|(y, cells)| {
            let mut line = String::new();
            let mut hidden = 0;
            for cell in cells {
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                hidden = width(cell.symbol()).saturating_sub(1);
            }
            assert_eq!(
                width(&line),
                screen_width,
                "line {y} is {} cells wide, not {screen_width}: {line:?}",
                width(&line)
            );
            line
        })
        .collect()
}

/// Runs of cells with `modifier`, as `row: cols a–b «text»` lines.
fn runs(buffer: &Buffer, modifier: Modifier) -> String {
    let screen_width = usize::from(buffer.area.width);
    let mut out = String::new();
    for (y, cells) in buffer.content.chunks(screen_width).enumerate() {
        let mut x = 0;
        while x < cells.len() {
            if !cells[x].modifier.contains(modifier) {
                x += 1;
                continue;
            }
            let start = x;
            let mut text = String::new();
            while x < cells.len() && cells[x].modifier.contains(modifier) {
                text.push_str(cells[x].symbol());
                x += width(cells[x].symbol()).max(1);
            }
            let end = x.min(cells.len()) - 1;
            let _ = writeln!(out, "{y:>2}: cols {start}–{end} «{}»", text.trim_end());
        }
    }
    out
}

/// The screen as text (trailing blanks trimmed), then what is reversed and
/// underlined.
fn render(app: &App) -> String {
    let buffer = draw(app);
    let mut out = String::new();
    for line in screen_lines(&buffer) {
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for (title, modifier) in [
        ("reversed", Modifier::REVERSED),
        ("underlined", Modifier::UNDERLINED),
    ] {
        let found = runs(&buffer, modifier);
        if !found.is_empty() {
            let _ = write!(out, "\n── {title} ──\n{found}");
        }
    }
    out
}

fn lang_code(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "fr",
        Language::En => "en",
    }
}

/// Snapshots `view` after `keys` at every size in `sizes`, in both
/// languages, as `{view}_{width}x{height}_{lang}`.
fn snapshot_view(view: &str, keys: &[&str], sizes: &[(u16, u16)]) {
    snapshot_opened(view, keys, sizes, app);
}

/// [`snapshot_view`] of the explorer that `open` opens at a size in a language.
fn snapshot_opened(
    view: &str,
    keys: &[&str],
    sizes: &[(u16, u16)],
    open: impl Fn(u16, u16, Language) -> App,
) {
    let described = if keys.is_empty() {
        "(none)".to_owned()
    } else {
        keys.join(" ")
    };
    snapshot_after(view, &format!("keys: {described}"), sizes, open, |app| {
        press(app, keys);
    });
}

/// Snapshots `view` after `change`, described by `what`, on the explorer
/// that `open` opens, like [`snapshot_view`].
fn snapshot_after(
    view: &str,
    what: &str,
    sizes: &[(u16, u16)],
    open: impl Fn(u16, u16, Language) -> App,
    change: impl Fn(&mut App),
) {
    for &(width, height) in sizes {
        for lang in Language::ALL {
            let mut app = open(width, height, lang);
            change(&mut app);
            let name = format!("{view}_{width}x{height}_{}", lang_code(lang));
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "{view} at {width}×{height} in {}, {what}",
                lang_code(lang)
            ));
            settings.bind(|| insta::assert_snapshot!(name, render(&app)));
        }
    }
}

#[test]
fn outline_focused() {
    snapshot_view("outline", &[], &SIZES);
}

#[test]
fn timeline_focused() {
    snapshot_view("timeline", &["j", "2"], &SIZES);
}

#[test]
fn detail_of_a_milestone_delivered_late() {
    // Tech.gouv, mission LABEL, its first milestone: due 2020-Q1, done on
    // 2021-05-17, with sources and a note.
    snapshot_view("detail", &["]", "j", "l", "l", "3"], &SIZES);
}

#[test]
fn dashboard_focused() {
    snapshot_view("dashboard", &["4"], &SIZES);
}

#[test]
fn dashboard_with_progress_reviews() {
    // Tech.gouv has two progress reviews to chart.
    snapshot_view("dashboard_tech_gouv", &["]", "4"], &SIZES);
}

#[test]
fn help_overlay() {
    snapshot_view("help", &["?"], &SIZES);
}

#[test]
fn filter_panel_with_done_checked() {
    // The third choice is "done"; the outline behind is filtered.
    snapshot_view("filter", &["f", "j", "j", " "], &SIZES);
}

#[test]
fn search_being_typed() {
    snapshot_view("search", &["/souverainete"], &SIZES);
}

#[test]
fn too_small() {
    snapshot_view("too_small", &[], &[(30, 8), (120, 9)]);
}

#[test]
fn banner_of_an_invalid_save() {
    // Two bad dates: the banner shows the first with its place and fix,
    // and counts the other.
    let text = bundled::DINUM_2023
        .text
        .replacen("published = \"2023-03-09\"", "published = \"2023-Q5\"", 1)
        .replacen("start = \"2023\"", "start = \"2023-13\"", 1);
    let error = load_str("dinum-2023.toml", &text, Format::Toml).expect_err("two bad dates");
    assert_eq!(error.diagnostics.len(), 2, "{error:?}");
    snapshot_after("banner_invalid", "an invalid save", &SIZES, app, |app| {
        app.update(Msg::ReloadFailed {
            tab: 0,
            error: error.clone(),
        });
    });
}

#[test]
fn banner_of_a_removed_file() {
    snapshot_after(
        "banner_missing",
        "the file removed",
        &[(80, 24)],
        app,
        |app| {
            app.update(Msg::FileMissing { tab: 0 });
        },
    );
}

/// The explorer on a copy of the Tech.gouv roadmap, which it may edit.
fn editable(width: u16, height: u16, lang: Language) -> App {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("tech-gouv.toml");
    std::fs::write(&path, include_str!("../../data/tech-gouv-2019-2021.toml"))
        .expect("a copy of the roadmap");
    let mut app = common::file_app(&path, lang);
    app.update(Msg::Resize(width, height));
    app
}

#[test]
fn status_picker() {
    // The first mission's fourth milestone, whose status is unknown.
    snapshot_opened("status_picker", &["j", "l", "jjjj", "s"], &SIZES, editable);
}

#[test]
fn progress_refused_inline() {
    snapshot_opened(
        "progress_input",
        &["j", "l", "jjjj", "p", "150", "<Enter>"],
        &SIZES[..1],
        editable,
    );
}

#[test]
fn detail_shows_an_indicator_with_its_qualifier_and_note() {
    // DINUM's FranceConnect users: "plus de 15 millions" in May 2020.
    for (lang, words) in [
        (
            Language::Fr,
            "mai 2020\u{a0}: plus de 15\u{202f}000\u{202f}000 usagers — Plus de 15 millions",
        ),
        (
            Language::En,
            "May 2020: more than 15,000,000 usagers — Plus de 15 millions",
        ),
    ] {
        let mut app = app(200, 60, lang);
        press(&mut app, &["/franceconnect", "<Enter>", "3"]);
        let mut screen = render(&app);
        for _ in 0..20 {
            if screen.contains("Usagers de FranceConnect") {
                break;
            }
            press(&mut app, &["n"]);
            screen = render(&app);
        }
        assert!(screen.contains(words), "{screen}");
    }
}

/// The bundled DINUM roadmap as a later edition would have it: the first
/// mission's status now stated, its milestone put off, a mission renamed.
fn dinum_later_edition() -> String {
    let text = bundled::DINUM_2023.text;
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
    edits.iter().fold(text.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "the bundled roadmap has no `{from}`");
        text.replacen(from, to, 1)
    })
}

/// The explorer on [`dinum_later_edition`], compared with the bundled
/// roadmap as `roadmap FILE --since v1` compares it.
fn since_app(width: u16, height: u16, lang: Language) -> App {
    use ratatui::layout::Size;
    use roadmap_tui::explore::Tab;
    use roadmap_tui::terminal::theme::ThemeKind;
    let load = |text: &str| {
        load_str("dinum-2023.toml", text, Format::Toml)
            .expect("the roadmap loads")
            .roadmap
    };
    let today = common::today();
    let mut tab = Tab::new(
        "dinum-2023.toml".to_owned(),
        load(&dinum_later_edition()),
        today,
    );
    tab.compare_since("v1".to_owned(), load(bundled::DINUM_2023.text), today);
    App::new(
        vec![tab],
        lang,
        today,
        ThemeKind::NoColor,
        Size::new(width, height),
    )
}

#[test]
fn outline_marks_what_changed_since_an_earlier_edition() {
    snapshot_opened("since_outline", &[], &SIZES, since_app);
}

#[test]
fn detail_says_what_changed_since_an_earlier_edition() {
    // The first mission: its status is now stated.
    snapshot_opened("since_detail", &["j", "3"], &SIZES, since_app);
}

#[test]
fn the_changed_filter_keeps_only_what_changed() {
    snapshot_opened("since_filtered", &["f", " ", "<Esc>"], &SIZES, since_app);
    snapshot_opened("since_filter_panel", &["f"], &[(80, 24)], since_app);
}
