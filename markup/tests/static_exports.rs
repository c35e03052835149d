//! The static exports of the bundled roadmaps (snapshots of the page and
//! the standalone SVG, in French and English), the SVG read back as XML
//! with one bar per dated mission, and hostile text that stays text in the
//! page, the fragment and the SVG.
#![allow(missing_docs)]

mod common;

use common::{day, dinum, tech_gouv};
use roadmap_core::{Language, Roadmap};
use roadmap_markup::Scene;
use roadmap_markup::drawing::{WIDTH, standalone_svg, whole_scene};
use roadmap_markup::page::{document, fragment};

fn bundled() -> [(&'static str, Roadmap); 2] {
    [("dinum", dinum()), ("tech_gouv", tech_gouv())]
}

/// One element per line, and the widget's stylesheet (included whole,
/// its own file's business) left out, so that a snapshot shows the page.
fn lines(markup: &str) -> String {
    let markup = match (markup.find("<style>"), markup.find("</style>")) {
        (Some(start), Some(end)) => {
            format!("{}<style>…</style>{}", &markup[..start], &markup[end + 8..])
        }
        _ => markup.to_owned(),
    };
    markup.replace("><", ">\n<")
}

const TODAY: &str = "2023-06-01";

#[test]
fn pages_and_drawings_of_the_bundled_roadmaps() {
    for (name, roadmap) in bundled() {
        for lang in [Language::Fr, Language::En] {
            let scene = whole_scene(&roadmap, lang, day(TODAY));
            let code = lang.code();
            insta::assert_snapshot!(format!("{name}_{code}_page"), lines(&document(&scene)));
            insta::assert_snapshot!(
                format!("{name}_{code}_svg"),
                standalone_svg(&scene, WIDTH).replace("><", ">\n<")
            );
        }
    }
}

#[test]
fn the_fragment_is_markup_without_a_document() {
    let [(_, roadmap), _] = bundled();
    let scene = whole_scene(&roadmap, Language::Fr, day(TODAY));
    let fragment = fragment(&scene);
    for tag in [
        "<html",
        "<head>",
        "<body",
        "<script",
        "<button",
        "<!DOCTYPE",
    ] {
        assert!(!fragment.contains(tag), "{tag} in the fragment");
    }
    // Every item's title is in it.
    for (_, _, mission) in roadmap.missions() {
        assert!(
            fragment.contains(&roadmap_markup::write::escape(&mission.title)),
            "{}",
            mission.title
        );
    }
    // Its drawing carries its own colours: the host page has no widget
    // stylesheet before the widget runs.
    assert!(fragment.contains("svg.roadmap-drawing .s-done .bar-body{fill:#18753c"));
}

/// The classes of an element, split.
fn has_class(node: roxmltree::Node<'_, '_>, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|classes| classes.split(' ').any(|c| c == class))
}

#[test]
fn the_svg_is_xml_with_one_bar_per_dated_mission() {
    for (name, roadmap) in bundled() {
        let scene = whole_scene(&roadmap, Language::En, day(TODAY));
        let svg = standalone_svg(&scene, WIDTH);
        let tree = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = tree.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let bars = tree
            .descendants()
            .filter(|node| has_class(*node, "bar"))
            .count();
        let dated = roadmap
            .missions()
            .filter(|(_, _, mission)| mission.span().is_some())
            .count();
        assert!(dated > 0, "{name} has dated missions");
        assert_eq!(bars, dated, "{name}: one bar per dated mission");
        let title = root
            .children()
            .find(|node| node.has_tag_name("title"))
            .and_then(|node| node.text())
            .unwrap_or_default();
        assert!(title.contains(roadmap.title()), "{name}: {title}");
        assert!(
            root.children().any(|node| node.has_tag_name("desc")),
            "{name}: a description"
        );
        // Nothing in a drawing is a button: there is nothing to click.
        assert!(!svg.contains("role=\"button\"") && !svg.contains("tabindex"));
    }
}

/// Markup, controls, a bidi override, right-to-left letters, and a title
/// of 10,000 characters, put in every text of a roadmap.
fn hostile(roadmap: &mut Roadmap) {
    let mut n = 0;
    roadmap.rewrite_texts(|text| {
        n += 1;
        *text = match n % 4 {
            0 => format!("<script>alert({n})</script>\"'&amp;"),
            1 => format!("a\u{1b}[31m\u{202e}b\u{0}c\u{7}{n}"),
            2 => format!("שלום عربي {n} </svg></title>"),
            _ => "é".repeat(10_000),
        };
    });
}

#[test]
fn hostile_text_stays_text() {
    let [(_, mut roadmap), _] = bundled();
    hostile(&mut roadmap);
    let scene: Scene<'_> = whole_scene(&roadmap, Language::Fr, day(TODAY));
    let svg = standalone_svg(&scene, WIDTH);
    let page = document(&scene);
    let fragment = fragment(&scene);
    for (what, markup) in [("svg", &svg), ("page", &page), ("fragment", &fragment)] {
        assert!(!markup.contains("<script"), "{what}: a script element");
        assert!(!markup.contains("</svg></title>"), "{what}: a closing tag");
        for c in ['\u{1b}', '\u{202e}', '\u{0}', '\u{7}'] {
            assert!(!markup.contains(c), "{what}: {c:?} left raw");
        }
        assert!(
            markup.contains("&lt;script&gt;"),
            "{what}: the markup shown"
        );
        assert!(markup.contains("\\u{202e}"), "{what}: the override shown");
    }
    // The SVG is still well-formed XML: every text stayed in its element.
    let tree = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let titled = tree
        .descendants()
        .filter_map(|node| node.text())
        .any(|text| text.contains("<script>alert("));
    assert!(titled, "the hostile title is read back as text");
}
