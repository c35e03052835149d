//! `roadmap export --pdf`: the text of the PDF, read back with `pdftotext`
//! (poppler-utils; `scripts/test` installs it), holds every title and
//! description of the bundled roadmaps with its accents; hostile text stays text; bad
//! outputs are refused and nothing is written.
#![allow(missing_docs)]

mod written;

use std::path::Path;
use std::process::{Command, Output};

use roadmap_core::{Format, load_str};
use written::{data, flat, pdf_text, text};

fn roadmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run roadmap")
}

#[test]
fn the_pdf_holds_every_title_with_its_accents() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["dinum-2023.toml", "tech-gouv-2019-2021.toml"] {
        let input = data(name);
        let out = roadmap(
            dir.path(),
            &[
                "export",
                &input.display().to_string(),
                "--pdf",
                "-o",
                "out.pdf",
                "--today",
                "2023-06-01",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let pdf = dir.path().join("out.pdf");
        assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF-"));
        let Some(extracted) = pdf_text(&pdf, None) else {
            return;
        };
        let extracted = flat(&extracted);
        let source = std::fs::read_to_string(&input).expect("roadmap");
        let roadmap = load_str(name, &source, Format::Toml)
            .expect("valid")
            .roadmap;
        let mut titles = vec![roadmap.title().to_owned()];
        for axis in roadmap.axes() {
            titles.push(axis.title.clone());
            titles.extend(axis.description.clone());
            for mission in &axis.missions {
                titles.push(mission.title.clone());
                titles.extend(mission.description.clone());
                for milestone in &mission.milestones {
                    titles.push(milestone.title.clone());
                    titles.extend(milestone.description.clone());
                }
            }
        }
        for title in titles {
            assert!(
                extracted.contains(&flat(&title)),
                "{name}: `{title}` is not in the PDF's text"
            );
        }
        assert!(
            extracted.contains("Frise chronologique"),
            "{name}: in French"
        );
        // A mission's sources are links (web and mail addresses only).
        let links = Command::new("pdfinfo")
            .args(["-url", &pdf.display().to_string()])
            .output()
            .map(|out| text(&out.stdout))
            .expect("pdfinfo comes with pdftotext");
        for (_, _, mission) in roadmap.missions() {
            for source in mission.sources.iter().filter_map(|id| roadmap.source(id)) {
                if let Some(url) = source.url.as_deref().filter(|u| u.starts_with("http")) {
                    assert!(links.contains(url.trim()), "{name}: no link to {url}");
                }
            }
        }
    }
}

#[test]
fn hostile_text_stays_text_in_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = "é".repeat(10_000);
    let plan = format!(
        "id = \"h\"\ntitle = \"<script>alert(1)</script> {long}\"\norganisation = \"שלום عربي\"\nlanguage = \"fr\"\npublished = \"2023-03-09\"\nperiod = {{ start = \"2023\", end = \"2024\" }}\n[[axes]]\nid = \"a\"\ntitle = \"</svg><b>Axe</b> &amp;\"\n[[axes.missions]]\nid = \"m\"\ntitle = \"Mission ' \\\" <x>\"\nstart = \"2023-01\"\nend = \"2023-06\"\n"
    );
    std::fs::write(dir.path().join("h.toml"), plan).expect("write");
    let out = roadmap(dir.path(), &["export", "h.toml", "--pdf", "-o", "h.pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let Some(extracted) = pdf_text(&dir.path().join("h.pdf"), None) else {
        return;
    };
    let extracted = flat(&extracted);
    assert!(
        extracted.contains("<script>alert(1)</script>"),
        "{extracted:.300}"
    );
    assert!(
        extracted.contains("</svg><b>Axe</b> &amp;"),
        "{extracted:.300}"
    );
    assert!(extracted.contains("Mission ' \" <x>"), "{extracted:.300}");
    // The long title wraps over lines, every letter kept.
    let letters = extracted.chars().filter(|c| *c == 'é').count();
    assert!(letters >= 10_000, "{letters} of 10000");
}

#[test]
fn bad_pdf_outputs_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(data("dinum-2023.toml"), dir.path().join("plan.toml")).expect("copy");
    let out = roadmap(
        dir.path(),
        &["export", "plan.toml", "--pdf", "-o", "plan.toml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("plan.toml is plan.toml itself"),
        "{}",
        text(&out.stderr)
    );
    let out = roadmap(
        dir.path(),
        &["export", "plan.toml", "--pdf", "-o", "missing/plan.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot write missing/plan.pdf"),
        "{}",
        text(&out.stderr)
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["plan.toml"]);
    assert_eq!(
        std::fs::read(dir.path().join("plan.toml")).expect("read"),
        std::fs::read(data("dinum-2023.toml")).expect("read")
    );
}
