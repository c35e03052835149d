//! The fixture the explorer's tests share: the bundled roadmaps opened as
//! `roadmap --today 2026-11-23` opens them with `NO_COLOR` set (or a file
//! of one's own), and key presses typed as a user types them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use roadmap_core::{Day, FuzzyDate, Language, load};
use roadmap_tui::explore::keys::message_for;
use roadmap_tui::explore::{App, Tab};
use roadmap_tui::files::bundled;
use roadmap_tui::files::loading::SourceFile;
use roadmap_tui::terminal::theme::ThemeKind;

/// The day the tests take as today.
pub fn today() -> Day {
    "2026-11-23"
        .parse::<FuzzyDate>()
        .expect("a valid day")
        .first_day()
}

/// The explorer on `path`, an editable file, as `roadmap FILE` opens it.
#[allow(dead_code)] // not every test file edits
pub fn file_app(path: &std::path::Path, lang: Language) -> App {
    let text = std::fs::read_to_string(path).expect("the file is readable");
    let name = path.display().to_string();
    let format = roadmap_core::Format::from_file_name(&name);
    let roadmap = load(&name, text.as_bytes(), format)
        .expect("the file loads")
        .roadmap;
    let mut tab = Tab::new(name, roadmap, today());
    tab.source = Some(SourceFile {
        path: path.to_owned(),
        text,
    });
    App::new(
        vec![tab],
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(160, 48),
    )
}

/// The explorer on the bundled roadmaps at this size and language.
#[allow(dead_code)] // not every test file opens them as they are
pub fn app(width: u16, height: u16, lang: Language) -> App {
    let tabs = bundled::ALL
        .iter()
        .map(|b| {
            let roadmap = load(b.file, b.text.as_bytes(), roadmap_core::Format::Toml)
                .expect("the bundled roadmaps load")
                .roadmap;
            Tab::new(b.file.to_owned(), roadmap, today())
        })
        .collect();
    App::new(
        tabs,
        lang,
        today(),
        ThemeKind::NoColor,
        Size::new(width, height),
    )
}

/// Presses keys as the user types them: one token per key, `<Name>` for
/// special keys (`<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`, arrows,
/// `<Backspace>`, `<C-d>`), any other token typed character by character.
pub fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        let event = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let key = match *key {
            "<Enter>" => event(KeyCode::Enter),
            "<Esc>" => event(KeyCode::Esc),
            "<Tab>" => event(KeyCode::Tab),
            "<BackTab>" => event(KeyCode::BackTab),
            "<Down>" => event(KeyCode::Down),
            "<Up>" => event(KeyCode::Up),
            "<Left>" => event(KeyCode::Left),
            "<Right>" => event(KeyCode::Right),
            "<Backspace>" => event(KeyCode::Backspace),
            "<C-d>" => KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL),
            text => {
                for c in text.chars() {
                    send(app, event(KeyCode::Char(c)));
                }
                continue;
            }
        };
        send(app, key);
    }
}

/// As the event loop does: the message, then the I/O it asks for.
fn send(app: &mut App, key: KeyEvent) {
    if let Some(msg) = message_for(key, app.mode, app.focus) {
        app.update(msg);
        roadmap_tui::explore::effects::perform(app);
    }
}
