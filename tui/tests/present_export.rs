//! `roadmap present FILE --export slides.html|slides.pdf`: one section or
//! page per slide with its heading, as the presenter draws it; the file's
//! `[presentation]`, `--slides` and `--lang` followed; speaker notes and
//! hostile text never reach the page as anything but text; bad outputs
//! refused with nothing written. The PDF is read back with `pdftotext`
//! (poppler-utils).
#![allow(missing_docs)]

mod written;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roadmap_core::{Format, Language, Roadmap, load_str, plan};
use roadmap_markup::write::escape;
use written::{data, flat, pdf_text, text};

fn roadmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run roadmap")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn loaded(path: &Path) -> Roadmap {
    let source = std::fs::read_to_string(path).expect("roadmap");
    load_str(&path.display().to_string(), &source, Format::Toml)
        .expect("valid")
        .roadmap
}

/// Exports `file` to `name` in `dir` with `more` options; the file's text.
fn export(dir: &Path, file: &Path, name: &str, more: &[&str]) -> Vec<u8> {
    let file = file.display().to_string();
    let mut args = vec!["present", &file, "--export", name, "--today", "2023-06-01"];
    args.extend(more);
    let out = roadmap(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::read(dir.join(name)).expect("written")
}

/// The `<h2>` of each `<section>`.
fn section_headings(html: &str) -> Vec<String> {
    html.split("<section")
        .skip(1)
        .map(|section| {
            let h2 = section.split("<h2").nth(1).expect("a heading");
            let inner = &h2[h2.find('>').expect("tag") + 1..];
            inner[..inner.find("</h2>").expect("closed")].to_owned()
        })
        .collect()
}

#[test]
fn the_html_has_a_section_per_slide_named_by_its_heading() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["dinum-2023.toml", "tech-gouv-2019-2021.toml"] {
        let input = data(name);
        let html = text(&export(dir.path(), &input, "slides.html", &[]));
        let deck = plan(&loaded(&input), None, Language::Fr);
        let headings = section_headings(&html);
        assert_eq!(headings.len(), deck.len(), "{name}");
        for (n, (heading, planned)) in headings.iter().zip(&deck).enumerate() {
            let expected = format!("{}/{} · {}", n + 1, deck.len(), escape(&planned.heading));
            assert_eq!(heading, &expected, "{name}");
        }
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("Avancement global"), "{name}: in French");
        // Self-contained and printable: no script, nothing fetched.
        assert!(!html.contains("<script"), "{name}");
        assert!(!html.contains("src="), "{name}");
        assert!(html.contains("@page{size:A4 landscape"), "{name}");
    }
}

#[test]
fn chosen_slides_and_language_are_followed_and_notes_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = fixture("speaker-notes.toml");
    // The file's `[presentation]`: title, every axis, summary.
    let html = text(&export(dir.path(), &input, "file.html", &["--lang", "en"]));
    let headings = section_headings(&html);
    assert_eq!(headings.len(), 4, "{headings:?}");
    assert!(headings[1].ends_with("Services"), "{headings:?}");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Overall progress"), "in English");
    export(dir.path(), &input, "file.pdf", &["--lang", "en"]);
    let pdf = pdf_text(&dir.path().join("file.pdf"), None).unwrap_or_default();
    for notes in ["Thank the teams", "Start with the service", "Ask the owner"] {
        assert!(!html.contains(notes), "speaker notes `{notes}` exported");
        assert!(!pdf.contains(notes), "speaker notes `{notes}` in the PDF");
    }
    // `--slides` wins over the file, `--lang` over the roadmap.
    let html = text(&export(
        dir.path(),
        &input,
        "chosen.html",
        &["--slides", "timeline,axis:skills", "--lang", "fr"],
    ));
    let headings = section_headings(&html);
    assert_eq!(headings.len(), 2, "{headings:?}");
    assert!(headings[1].ends_with("Skills"), "{headings:?}");
    assert!(html.contains("<html lang=\"fr\">"));
}

const HOSTILE: &str = "id = \"h\"\ntitle = \"<script>alert(1)</script> & co\"\norganisation = \"<img src=x onerror=alert(2)>\"\nlanguage = \"fr\"\npublished = \"2023-03-09\"\nperiod = { start = \"2023\", end = \"2024\" }\n[[axes]]\nid = \"a\"\ntitle = \"</pre><b>Axe</b> &amp;\"\n[[axes.missions]]\nid = \"m\"\ntitle = \"Mission ' \\\" <x>\"\nstart = \"2023-01\"\nend = \"2023-06\"\n";

#[test]
fn hostile_titles_stay_text_in_the_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("h.toml"), HOSTILE).expect("write");
    let html = text(&export(dir.path(), Path::new("h.toml"), "h.html", &[]));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("</pre><b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(html.contains("&lt;/pre&gt;&lt;b&gt;Axe&lt;/b&gt; &amp;amp;"));
    assert!(html.contains("Mission &#39; &quot; &lt;x&gt;"));
}

#[test]
fn the_pdf_has_a_page_per_slide_with_its_heading_and_accents() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["dinum-2023.toml", "tech-gouv-2019-2021.toml"] {
        let input = data(name);
        let pdf = export(dir.path(), &input, "slides.pdf", &[]);
        assert!(pdf.starts_with(b"%PDF-"), "{name}");
        let roadmap = loaded(&input);
        let deck = plan(&roadmap, None, Language::Fr);
        let path = dir.path().join("slides.pdf");
        for (n, planned) in deck.iter().enumerate() {
            let Some(page) = pdf_text(&path, Some(n + 1)) else {
                return;
            };
            let page = flat(&page);
            assert!(
                page.contains(&flat(&planned.heading)),
                "{name}: `{}` is not on page {}: {page}",
                planned.heading,
                n + 1
            );
            assert!(
                page.contains(&format!("{}/{}", n + 1, deck.len())),
                "{name}"
            );
        }
        // A page per slide, every axis title on its slide, accents and all.
        let Some(all) = pdf_text(&path, None) else {
            return;
        };
        assert_eq!(all.matches('\u{c}').count(), deck.len(), "{name}: pages");
        let all = flat(&all);
        for axis in roadmap.axes() {
            assert!(all.contains(&flat(&axis.title)), "{name}: {}", axis.title);
        }
        assert!(all.contains("Avancement global"), "{name}: in French");
    }
}

#[test]
fn hostile_titles_stay_text_in_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("h.toml"), HOSTILE).expect("write");
    export(dir.path(), Path::new("h.toml"), "h.pdf", &[]);
    let Some(all) = pdf_text(&dir.path().join("h.pdf"), None) else {
        return;
    };
    let all = flat(&all);
    assert!(all.contains("<script>alert(1)</script> & co"), "{all}");
    assert!(all.contains("</pre><b>Axe</b> &amp;"), "{all}");
    assert!(all.contains("Mission ' \" <x>"), "{all}");
}

#[test]
fn bad_outputs_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(data("dinum-2023.toml"), dir.path().join("plan.toml")).expect("copy");
    let refused = |output: &str, says: &str| {
        let out = roadmap(dir.path(), &["present", "plan.toml", "--export", output]);
        assert_eq!(out.status.code(), Some(1), "{output}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(says), "{output}: {stderr}");
    };
    refused("missing/slides.pdf", "cannot write missing/slides.pdf");
    refused("missing/slides.html", "cannot write missing/slides.html");
    refused("slides.txt", "give a name ending in `.pdf` or `.html`");
    std::fs::copy(data("dinum-2023.toml"), dir.path().join("plan.html")).expect("copy");
    let out = roadmap(
        dir.path(),
        &["present", "plan.html", "--export", "plan.html"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("plan.html is plan.html itself"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_file(dir.path().join("plan.html")).expect("remove");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["plan.toml"]);
}
