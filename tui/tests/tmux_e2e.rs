//! The real `roadmap` binary in a real terminal: tmux runs it in a detached
//! session on a private socket, keys are sent with `send-keys`, and the
//! screen is read back with `capture-pane`. Skipped, with a message, when
//! tmux is not installed (`scripts/test` installs it).

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long any one expected screen may take to appear.
const TIMEOUT: Duration = Duration::from_secs(5);
/// Pause between two captures while waiting.
const POLL: Duration = Duration::from_millis(25);
/// The session's name.
const SESSION: &str = "roadmap";

/// A tmux server on a socket of its own, killed when dropped, so a failing
/// assertion never leaves it running.
struct Tmux {
    /// The `-L` name.
    socket: String,
    /// Where tmux put the socket, to remove it at the end.
    socket_path: Option<String>,
}

impl Tmux {
    fn start(width: u16, height: u16, command: &[&str]) -> Tmux {
        // One server per test: the tests run in parallel threads of one
        // process, and the clock alone has given two of them one name.
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let number = STARTED.fetch_add(1, Ordering::Relaxed);
        let mut tmux = Tmux {
            socket: format!("roadmap-e2e-{}-{number}", std::process::id()),
            socket_path: None,
        };
        let (width, height) = (width.to_string(), height.to_string());
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &width,
            "-y",
            &height,
        ];
        // Several arguments: tmux runs the command itself, with no shell.
        args.extend_from_slice(command);
        tmux.run(&args);
        let path = tmux.run(&["display-message", "-p", "#{socket_path}"]);
        tmux.socket_path = Some(path.trim().to_owned()).filter(|p| !p.is_empty());
        // Keep the pane once the program exits, to read how it ended.
        tmux.run(&["set-option", "-w", "-t", SESSION, "remain-on-exit", "on"]);
        tmux
    }

    /// Runs a tmux command on this server; panics if it fails.
    fn run(&self, args: &[&str]) -> String {
        let output = self.command(args);
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn command(&self, args: &[&str]) -> Output {
        // -u: UTF-8 whatever the locale; -f /dev/null: no user configuration.
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    /// Types `text` as it is, character by character.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Presses a named key (`Enter`, `Escape`).
    fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", SESSION, key]);
    }

    fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            SESSION,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The screen as text, with the SGR escapes when `styles`.
    fn capture(&self, styles: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", SESSION];
        if styles {
            args.push("-e");
        }
        self.run(&args)
    }

    /// Captures until `ready` holds of the screen (with its escapes when
    /// `styles`), for at most [`TIMEOUT`]; panics with the last screen.
    fn wait_for(&self, what: &str, styles: bool, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(styles);
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited {TIMEOUT:?} for {what}; the screen is:\n{screen}"
            );
            sleep(POLL);
        }
    }

    /// A `#{format}` of the session's pane.
    fn pane(&self, format: &str) -> String {
        self.run(&["list-panes", "-t", SESSION, "-F", format])
            .trim()
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `roadmap ARGS --today 2026-11-23` in a 100×30 pane, with no colour
/// and `LANG=<locale>.UTF-8`. The shell writes the exit status to
/// `status_file`: tmux's own `#{pane_dead_status}` is sometimes never
/// filled in, and what a process prints just before it exits may never
/// reach the pane.
fn start_roadmap(locale: &str, args: &str, status_file: &str) -> Tmux {
    let script = format!(
        r#"env -u LC_ALL -u LC_MESSAGES NO_COLOR=1 LANG={locale}.UTF-8 "$0" {args} --today 2026-11-23; echo $? > "$1""#
    );
    Tmux::start(
        100,
        30,
        &[
            "sh",
            "-c",
            &script,
            env!("CARGO_BIN_EXE_roadmap"),
            status_file,
        ],
    )
}

/// Types `q`, waits for the program to exit and checks that it exited
/// with 0; returns the last screen.
fn quit(tmux: &Tmux, status_file: &str) -> String {
    tmux.type_text("q");
    tmux.wait_for("the program to exit", false, |_| {
        tmux.pane("#{pane_dead}") == "1"
            && std::fs::read_to_string(status_file).is_ok_and(|s| s.ends_with('\n'))
    });
    // Captured again: the screen `wait_for` saw was read before the
    // program was found gone, and may show its last frame.
    let screen = tmux.capture(false);
    let status = std::fs::read_to_string(status_file).expect("exit status");
    assert_eq!(status.trim(), "0", "exit status\n{screen}");
    screen
}

/// Whether tmux is missing, saying so: the test is then skipped.
fn tmux_missing() -> bool {
    let installed = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("tmux not installed: skipping the end-to-end test (scripts/test installs it)");
    }
    !installed
}

/// The explorer in French, with no colour and a fixed today, run by `sh`:
/// `script` follows the program and its options, and may use `arg` as `$1`.
fn start_explorer(width: u16, height: u16, script: &str, arg: &str) -> Tmux {
    let command = format!(
        r#"env -u LC_ALL -u LC_MESSAGES NO_COLOR=1 LANG=fr_FR.UTF-8 "$0" --today 2026-11-23 {script}"#
    );
    // Several arguments: tmux runs `sh` itself, and `sh` the rest.
    Tmux::start(
        width,
        height,
        &["sh", "-c", &command, env!("CARGO_BIN_EXE_roadmap"), arg],
    )
}

/// The reversed-video runs of each line of a `capture-pane -e` screen, as
/// (line number, text): the selection and the active tab, with no colour.
fn reversed(screen: &str) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let mut on = false;
    for (y, line) in screen.lines().enumerate() {
        let mut run = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                if on {
                    run.push(c);
                } else if !run.is_empty() {
                    runs.push((y, std::mem::take(&mut run)));
                }
                continue;
            }
            // CSI: ESC [ parameters final-byte; only SGR (`m`) matters.
            if chars.next_if_eq(&'[').is_none() {
                continue;
            }
            let mut params = String::new();
            let mut last = None;
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    last = Some(c);
                    break;
                }
                params.push(c);
            }
            if last != Some('m') {
                continue;
            }
            for param in params.split(';') {
                match param {
                    "" | "0" | "27" => on = false,
                    "7" => on = true,
                    _ => {}
                }
            }
        }
        if !run.is_empty() {
            runs.push((y, run));
        }
    }
    runs
}

/// The French key hints of the status line.
const HINTS: &str = "?: aide  /: chercher  f: filtres  Tab: volet  q: quitter";

/// Whether a whole frame of `height` lines is on screen: ratatui writes
/// from top to bottom (in pieces), so the last line's hints come last.
fn drawn(screen: &str, height: usize) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines.len() == height && lines.last().is_some_and(|l| l.starts_with(HINTS))
}

/// Whether a reversed run of a line other than the tab bar contains `text`.
fn selected_row_contains(screen: &str, text: &str) -> bool {
    reversed(screen)
        .iter()
        .any(|(y, run)| *y > 0 && run.contains(text))
}

/// Whether the active (reversed) tab of the tab bar is `id`.
fn active_tab_is(screen: &str, id: &str) -> bool {
    reversed(screen)
        .iter()
        .any(|(y, run)| *y == 0 && run.trim() == id)
}

#[test]
fn the_explorer_in_a_real_terminal() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let status_file = dir.path().join("status").display().to_string();
    let tmux = start_roadmap("fr_FR", "", &status_file);

    // First frame: tabs, the outline beside the detail (100 columns), the
    // French key hints.
    let screen = tmux.wait_for("the first frame", false, |s| {
        drawn(s, 30) && s.contains("dinum-2023") && s.contains("Plan (1/20)")
    });
    assert!(screen.contains("tech-gouv-2019-2021"), "{screen}");
    assert!(screen.contains("Détail"), "{screen}");
    assert_eq!(screen.lines().count(), 30, "{screen}");

    // j goes to the first mission, l unfolds its milestone.
    tmux.type_text("j");
    tmux.wait_for("j to select row 2", false, |s| s.contains("Plan (2/20)"));
    tmux.type_text("l");
    let screen = tmux.wait_for("l to unfold the mission", false, |s| {
        s.contains("Plan (2/21)")
    });
    assert!(screen.contains("▾ ? Feuilles de r"), "{screen}");

    // Searching ignores accents and selects the match.
    tmux.type_text("/souverainete");
    tmux.wait_for("the search as typed", false, |s| {
        s.contains("/souverainete▏")
    });
    tmux.press("Enter");
    // Back to browsing: the key hints return, the search stays shown.
    let screen = tmux.wait_for("the search to be accepted", true, |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains("quitter") && l.contains("/souverainete (1"))
    });
    assert!(
        selected_row_contains(&screen, "souveraineté"),
        "the selected row is the match\n{screen}"
    );

    // The help overlay lists the bindings; Esc closes it.
    tmux.type_text("?");
    // Its frame's bottom line, with "? or Esc to close", is written last.
    let screen = tmux.wait_for("the help overlay", false, |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains("? ou Échap pour fermer"))
    });
    for binding in [
        "Aide — touches",
        "k j",
        "monter / descendre",
        "Enter",
        "déplier ou replier",
        "q  Ctrl-c",
        "quitter",
    ] {
        assert!(screen.contains(binding), "help lists {binding:?}\n{screen}");
    }
    tmux.press("Escape");
    tmux.wait_for("the help to close", false, |s| {
        drawn(s, 30) && !s.contains("Aide — touches") && s.contains("Détail")
    });

    // Narrower: the outline alone; tiny: the message.
    tmux.resize(60, 20);
    // The outline now spans the whole width: its frame ends at column 60.
    tmux.wait_for("the 60×20 layout", false, |s| {
        drawn(s, 20)
            && !s.contains("Détail")
            && s.lines().nth(1).is_some_and(|l| {
                l.starts_with("┌ ▶ Plan (") && l.ends_with('┐') && l.chars().count() == 60
            })
    });
    tmux.resize(30, 8);
    tmux.wait_for("the too-small message", false, |s| {
        s.contains("Fenêtre trop petite")
    });
    tmux.resize(100, 30);
    tmux.wait_for("the panes to come back", false, |s| {
        drawn(s, 30) && s.contains("Détail") && !s.contains("Fenêtre trop petite")
    });

    // ] opens the next roadmap.
    tmux.type_text("]");
    let screen = tmux.wait_for("the Tech.gouv tab", true, |s| {
        active_tab_is(s, "tech-gouv-2019-2021")
    });
    assert!(screen.contains("TECH.GOUV"), "{screen}");

    // q quits, cleanly, and the alternate screen is gone.
    let screen = quit(&tmux, &status_file);
    assert!(
        !screen.contains("Plan (") && !screen.contains("?: aide"),
        "the alternate screen is left\n{screen}"
    );
}

/// Replaces `path` the way many editors save: a temporary file in the same
/// directory, renamed over it.
fn save_by_rename(path: &std::path::Path, text: &str) {
    let temp = path.with_extension("toml.tmp");
    std::fs::write(&temp, text).expect("write the temporary file");
    std::fs::rename(&temp, path).expect("rename over the file");
}

#[test]
fn the_explorer_follows_its_file_on_disk() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = dir.path().join("plan.toml");
    let original = include_str!("../../data/tech-gouv-2019-2021.toml");
    std::fs::write(&plan, original).expect("copy the roadmap");
    let tmux = start_explorer(120, 40, r#""$1""#, &plan.display().to_string());
    tmux.wait_for("the first frame", false, |s| {
        drawn(s, 40) && s.contains("Plan (1/27)")
    });
    tmux.type_text("jjj");
    tmux.wait_for("the FranceConnect mission selected", true, |s| {
        s.contains("Plan (4/27)") && selected_row_contains(s, "Industrialiser et généraliser")
    });

    // A new first axis moves every row down one; the selection follows
    // the mission, whose new title shows.
    let edited = original
        .replacen(
            "[[axes]]\nid = \"label\"",
            "[[axes]]\nid = \"nouvel-axe\"\ntitle = \"Nouvel axe\"\nsources = [\"article-2019-10\"]\n\n[[axes]]\nid = \"label\"",
            1,
        )
        .replace(
            "Industrialiser et généraliser FranceConnect",
            "Étendre FranceConnect partout",
        );
    std::fs::write(&plan, &edited).expect("edit the roadmap");
    tmux.wait_for("the new title, still selected", true, |s| {
        s.contains("Plan (5/28)") && selected_row_contains(s, "Étendre FranceConnect partout")
    });

    // An invalid save: the banner names the place, the roadmap stays.
    let broken = format!("{edited}garbage = [\n");
    let error = roadmap_core::load_str("plan.toml", &broken, roadmap_core::Format::Toml)
        .expect_err("an unclosed array");
    let at = error.diagnostics[0].location.clone().expect("a place");
    let place = format!("plan.toml:{}:{}", at.line, at.column);
    save_by_rename(&plan, &broken);
    let screen = tmux.wait_for("the banner", true, |s| {
        s.contains(&place) && s.contains("fichier invalide")
    });
    assert!(
        selected_row_contains(&screen, "Étendre FranceConnect partout"),
        "the last good roadmap stays\n{screen}"
    );

    // Fixed: the banner goes.
    save_by_rename(&plan, &edited.replace("Nouvel axe", "Axe ajouté"));
    let screen = tmux.wait_for("the banner to go", true, |s| {
        !s.contains("fichier invalide") && s.contains("Axe ajouté")
    });
    assert!(
        selected_row_contains(&screen, "Étendre FranceConnect partout"),
        "{screen}"
    );

    // Removed, then back.
    std::fs::remove_file(&plan).expect("remove the roadmap");
    tmux.wait_for("the removed-file banner", false, |s| {
        s.contains("fichier supprimé")
    });
    std::fs::write(&plan, original).expect("put the roadmap back");
    tmux.wait_for("the roadmap back", true, |s| {
        !s.contains("fichier supprimé")
            && s.contains("Plan (4/27)")
            && selected_row_contains(s, "Industrialiser et généraliser")
    });
}

#[test]
fn updating_progress_in_a_real_terminal() {
    if tmux_missing() {
        return;
    }
    let original = include_str!("../../data/tech-gouv-2019-2021.toml");
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("tech-gouv.toml");
    std::fs::write(&file, original).expect("a copy of the roadmap");
    let file_name = file.display().to_string();
    let tmux = start_explorer(120, 40, r#""$1""#, &file_name);
    tmux.wait_for("the first frame", false, |s| {
        drawn(s, 40) && s.contains("Plan (1/")
    });

    // The first mission's fourth milestone: « Procédure d'autoévaluation ».
    tmux.type_text("jl");
    tmux.wait_for("the mission unfolded", false, |s| s.contains("Plan (2/"));
    tmux.type_text("jjjj");
    tmux.wait_for("the milestone selected", false, |s| {
        s.contains("Plan (6/") && s.contains("Procédure d'autoévaluation")
    });
    tmux.type_text("p");
    tmux.wait_for("the progress prompt", false, |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.starts_with("Avancement (0–100) : ▏"))
    });
    tmux.type_text("60");
    tmux.press("Enter");
    let saved = format!("enregistré : {file_name}");
    let screen = tmux.wait_for("the save", false, |s| {
        s.lines().last().is_some_and(|l| l.starts_with(&saved))
    });
    assert!(
        screen.contains("? inconnu — 60"),
        "the detail shows it\n{screen}"
    );

    // On disk: one line more, in the milestone's table; every comment kept.
    let text = std::fs::read_to_string(&file).expect("the saved file");
    let at = original
        .find(
            "sources = [\"silicon-gouvtech\", \"smartcitymag-860\"]\nnote = \"Annoncée en mai 2021",
        )
        .expect("the milestone's last lines");
    let end = at + original[at..].find('\n').unwrap_or(0) + 1;
    let end = end + original[end..].find('\n').unwrap_or(0) + 1;
    assert_eq!(
        text,
        format!("{}progress = 60\n{}", &original[..end], &original[end..])
    );

    // u writes the previous text back, byte for byte.
    tmux.type_text("u");
    tmux.wait_for("the undo", false, |s| {
        s.lines().last().is_some_and(|l| l.starts_with("annulé"))
    });
    assert_eq!(
        std::fs::read(&file).expect("the file after undo"),
        original.as_bytes()
    );
    tmux.type_text("q");
    tmux.wait_for("the program to exit", false, |_| {
        tmux.pane("#{pane_dead}") == "1"
    });
}

#[test]
fn a_refused_save_stays_said_after_the_file_reloads() {
    if tmux_missing() {
        return;
    }
    let original = include_str!("../../data/tech-gouv-2019-2021.toml");
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("tech-gouv.toml");
    std::fs::write(&file, original).expect("a copy of the roadmap");
    let tmux = start_explorer(120, 40, r#""$1""#, &file.display().to_string());
    tmux.wait_for("the first frame", false, |s| {
        drawn(s, 40) && s.contains("Plan (1/")
    });
    // A colleague's broken save: the explorer keeps what it read, under a
    // banner, and a change made now is refused.
    std::fs::write(&file, format!("{original}garbage = [\n")).expect("break it");
    tmux.wait_for("the banner", false, |s| s.contains("fichier invalide"));
    tmux.type_text("p");
    tmux.type_text("20");
    tmux.press("Enter");
    let refused = "modifié sur le disque depuis sa lecture";
    tmux.wait_for("the refusal", false, |s| s.contains(refused));
    // Their fix reloads: the banner goes, the refusal stays.
    let fixed = format!("{original}# fixed\n");
    std::fs::write(&file, &fixed).expect("fix it");
    let screen = tmux.wait_for("the banner to go", false, |s| {
        !s.contains("fichier invalide")
    });
    assert!(screen.contains(refused), "the refusal stays\n{screen}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("the file"),
        fixed,
        "nothing written over their fix"
    );
    // A key is the answer to it.
    tmux.type_text("j");
    tmux.wait_for("the refusal to go", false, |s| !s.contains(refused));
}

/// Whether the presenter's footer (the last line) says slide `n` of `of`.
fn on_slide(screen: &str, n: usize, of: usize) -> bool {
    screen
        .lines()
        .last()
        .is_some_and(|l| l.trim_end().ends_with(&format!(" {n}/{of}")))
}

#[test]
fn the_presenter_in_a_real_terminal() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let status_file = dir.path().join("status").display().to_string();
    let plan = dir.path().join("plan.toml");
    let original = include_str!("../../data/tech-gouv-2019-2021.toml");
    std::fs::write(&plan, original).expect("copy the roadmap");
    let tmux = start_roadmap(
        "en_GB",
        &format!("present {}", plan.display()),
        &status_file,
    );

    // The title slide: the programme, its period, the overall figure's
    // label; the footer says 1 of 11 (title, 8 axes, timeline, summary).
    let screen = tmux.wait_for("the title slide", false, |s| {
        on_slide(s, 1, 11) && s.contains("Overall progress")
    });
    assert!(screen.contains("TECH.GOUV"), "{screen}");
    assert!(screen.contains("2019 → 2021"), "{screen}");

    // Next, then previous.
    tmux.press("Right");
    let screen = tmux.wait_for("the first axis", false, |s| on_slide(s, 2, 11));
    assert!(screen.contains("1/8 · Label"), "{screen}");
    tmux.press("Left");
    tmux.wait_for("the title slide again", false, |s| {
        on_slide(s, 1, 11) && s.contains("Overall progress")
    });

    // Digits, then Enter: the timeline slide.
    tmux.type_text("10");
    tmux.wait_for("the typed number", false, |s| s.contains("go to slide 10▏"));
    tmux.press("Enter");
    let screen = tmux.wait_for("the timeline slide", false, |s| {
        on_slide(s, 10, 11) && s.contains("Timeline —")
    });
    assert!(screen.contains("today"), "the today line\n{screen}");

    // The clock corner ticks on its own.
    tmux.type_text("c");
    tmux.wait_for("the clock corner", false, |s| {
        s.lines().next().is_some_and(|l| l.contains("elapsed 0:"))
    });

    // The file changes on disk: the axis slide shows the new title, and
    // the presenter stays on that slide.
    tmux.press("Home");
    tmux.press("Right");
    tmux.wait_for("the first axis", false, |s| {
        on_slide(s, 2, 11) && s.contains("1/8 · Label")
    });
    let renamed = original.replacen(
        "title = \"Label — labelliser",
        "title = \"Label renommé — labelliser",
        1,
    );
    std::fs::write(&plan, &renamed).expect("edit the roadmap");
    tmux.wait_for("the new title on the same slide", false, |s| {
        on_slide(s, 2, 11) && s.contains("1/8 · Label renommé")
    });

    // An invalid save: a banner with the place; the slide stays.
    let broken = format!("{renamed}garbage = [\n");
    let error = roadmap_core::load_str("plan.toml", &broken, roadmap_core::Format::Toml)
        .expect_err("an unclosed array");
    let at = error.diagnostics[0].location.clone().expect("a place");
    let place = format!("plan.toml:{}:{}", at.line, at.column);
    std::fs::write(&plan, &broken).expect("break the roadmap");
    tmux.wait_for("the banner", false, |s| {
        s.contains(&place) && on_slide(s, 2, 11) && s.contains("1/8 · Label renommé")
    });
    std::fs::write(&plan, original).expect("fix the roadmap");
    tmux.wait_for("the banner gone", false, |s| {
        !s.contains(&place) && s.contains("1/8 · Label —")
    });

    // q quits, cleanly, and the alternate screen is gone.
    let screen = quit(&tmux, &status_file);
    assert!(
        !screen.contains("Timeline —"),
        "the alternate screen is left\n{screen}"
    );
}

/// Runs git in `dir` with a throwaway identity; panics if it fails.
fn git(dir: &std::path::Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn changes_since_a_git_revision_in_a_real_terminal() {
    if tmux_missing() {
        return;
    }
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git not installed: skipping the --since end-to-end test");
        return;
    }
    // The DINUM roadmap committed as `v1`, then a mission renamed.
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = dir.path().join("plan.toml");
    let text = roadmap_tui::files::bundled::DINUM_2023.text;
    std::fs::write(&plan, text).expect("write");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "plan.toml"]);
    git(dir.path(), &["commit", "-qm", "v1"]);
    git(dir.path(), &["tag", "v1"]);
    let renamed = text.replacen(
        "title = \"Exiger des mesures d'impact\"",
        "title = \"Exiger et publier des mesures d'impact\"",
        1,
    );
    assert_ne!(renamed, text, "the bundled roadmap has the mission");
    std::fs::write(&plan, renamed).expect("write");

    let tmux = start_explorer(100, 30, r#""$1" --since v1"#, &plan.display().to_string());
    // The renamed mission carries the mark; the others do not.
    let screen = tmux.wait_for("the first frame", false, |s| {
        drawn(s, 30) && s.contains("Plan (1/20)")
    });
    assert!(screen.contains("?Δ Exiger et publier"), "{screen}");
    assert_eq!(screen.matches('Δ').count(), 1, "{screen}");
    assert!(screen.contains("Brigade d'intervention"), "{screen}");

    // The filter "changed" comes first in the panel: Space, then Esc.
    tmux.type_text("f");
    tmux.wait_for("the filter panel", false, |s| s.contains("Depuis v1"));
    tmux.type_text(" ");
    tmux.wait_for("the filter to be on", false, |s| {
        s.contains("[x] Depuis v1")
    });
    tmux.press("Escape");
    let screen = tmux.wait_for("the filtered outline", false, |s| {
        s.contains("Plan (1/2)") && s.contains("[filtré]")
    });
    assert!(screen.contains("?Δ Exiger et publier"), "{screen}");
    assert!(!screen.contains("Brigade d'intervention"), "{screen}");
}

#[test]
fn selecting_an_item_shows_its_links() {
    if tmux_missing() {
        return;
    }
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/planned-vs-actual.toml"
    );
    let tmux = start_explorer(140, 44, r#""$1""#, fixture);
    tmux.wait_for("the first frame", false, |s| drawn(s, 44));
    tmux.type_text("j");
    // "Build" selected: the mission that needs it is marked in the outline,
    // listed in the detail with the late flag, and its line drawn, heavy.
    tmux.wait_for("the links of the selection", false, |s| {
        s.contains("→ ✔ Roll out to ministries")
            && s.contains("Nécessaire à")
            && s.contains("⚠ commence avant la fin de celui-ci")
            && s.contains('┓')
            && s.contains('┛')
    });
    assert!(
        selected_row_contains(&tmux.capture(true), "Build the catalogue"),
        "{}",
        tmux.capture(false)
    );
    // An item without links: no mark, no line.
    tmux.type_text("jjj");
    tmux.wait_for("an item without links", false, |s| {
        s.contains("Plan (5/5)") && !s.contains("→ ✔ Roll out") && !s.contains('┛')
    });
    tmux.type_text("q");
    tmux.wait_for("the program to exit", false, |_| {
        tmux.pane("#{pane_dead}") == "1"
    });
}

/// `roadmap ARGS` as [`start_roadmap`] runs it, in English, with
/// `XDG_RUNTIME_DIR=<runtime>` so that its notes channel lives there.
fn start_with_runtime(runtime: &std::path::Path, args: &str, status_file: &str) -> Tmux {
    let script = format!(
        r#"env -u LC_ALL -u LC_MESSAGES NO_COLOR=1 LANG=en_GB.UTF-8 XDG_RUNTIME_DIR="$2" "$0" {args} --today 2026-11-23; echo $? > "$1""#
    );
    Tmux::start(
        100,
        30,
        &[
            "sh",
            "-c",
            &script,
            env!("CARGO_BIN_EXE_roadmap"),
            status_file,
            &runtime.display().to_string(),
        ],
    )
}

#[test]
fn the_notes_window_follows_its_presenter() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let runtime = dir.path().join("runtime");
    std::fs::create_dir(&runtime).expect("a runtime directory");
    let status = |name: &str| dir.path().join(name).display().to_string();
    let plan = dir.path().join("plan.toml");
    // Paced by `--auto` below, long enough never to advance in the test.
    let fixture = include_str!("fixtures/speaker-notes.toml").replace("auto = \"20s\"\n", "");
    std::fs::write(&plan, fixture).expect("copy the fixture");
    let other = dir.path().join("other.toml");
    std::fs::write(&other, include_str!("../../data/tech-gouv-2019-2021.toml"))
        .expect("copy a roadmap");

    // The notes window first: it waits, and says for what.
    let notes_status = status("notes-status");
    let notes = start_with_runtime(
        &runtime,
        &format!("present --notes {}", plan.display()),
        &notes_status,
    );
    notes.wait_for("the notes window to wait", false, |s| {
        s.contains("Waiting for the presentation of")
    });

    // A presenter of another file does not reach it.
    let other_tmux = start_with_runtime(
        &runtime,
        &format!("present {}", other.display()),
        &status("other-status"),
    );
    other_tmux.wait_for("the other presenter", false, |s| on_slide(s, 1, 11));

    // Its presenter starts: the notes of the title slide.
    let main_status = status("main-status");
    let main = start_with_runtime(
        &runtime,
        &format!("present --auto 10m {}", plan.display()),
        &main_status,
    );
    main.wait_for("the title slide", false, |s| on_slide(s, 1, 4));
    let screen = notes.wait_for("the title slide's notes", false, |s| {
        s.contains("slide 1/4 · Example programme") && s.contains("Thank the teams")
    });
    assert!(screen.contains("Next: 1. Services"), "{screen}");
    assert!(screen.contains("left on this slide"), "{screen}");
    // The other presenter's screen is untouched by this one.
    assert!(
        other_tmux.capture(false).contains("TECH.GOUV"),
        "the other presenter"
    );

    // The presenter moves on: the notes follow, mission notes included.
    main.press("Right");
    main.wait_for("the first axis", false, |s| on_slide(s, 2, 4));
    notes.wait_for("the axis's notes", false, |s| {
        s.contains("slide 2/4 · 1. Services")
            && s.contains("— Online forms")
            && s.contains("Ask the owner")
    });

    // A second notes window comes and goes: the presenter goes on, and
    // the first window still follows it.
    let second_status = status("second-status");
    let second = start_with_runtime(
        &runtime,
        &format!("present --notes {}", plan.display()),
        &second_status,
    );
    second.wait_for("the second window to follow", false, |s| {
        s.contains("slide 2/4 · 1. Services")
    });
    quit(&second, &second_status);
    main.press("Right");
    main.wait_for("the second axis", false, |s| on_slide(s, 3, 4));
    notes.wait_for("the second axis's notes", false, |s| {
        s.contains("slide 3/4 · 2. Skills")
    });

    main.press("End");
    notes.wait_for("the last slide", false, |s| {
        s.contains("slide 4/4 · Summary")
            && s.contains("No notes for this slide.")
            && s.contains("Last slide")
    });

    // The presenter quits: the notes window stays, and says so.
    quit(&main, &main_status);
    notes.wait_for("the presenter closed", false, |s| {
        s.contains("Presenter closed")
    });
    assert_eq!(notes.pane("#{pane_dead}"), "0", "the notes window is gone");

    // A new presenter: the notes window follows it again.
    let main_status = status("main-status-2");
    let main = start_with_runtime(
        &runtime,
        &format!("present {}", plan.display()),
        &main_status,
    );
    main.wait_for("the title slide", false, |s| on_slide(s, 1, 4));
    let screen = notes.wait_for("the notes again", false, |s| {
        s.contains("slide 1/4") && !s.contains("Presenter closed")
    });
    assert!(screen.contains("Thank the teams"), "{screen}");
    quit(&main, &main_status);

    // The notes window quits cleanly, as the presenter does.
    quit(&notes, &notes_status);
}
