//! The markup of the bundled roadmaps (snapshots, in French and English),
//! the rows drawn for a window of a large roadmap, and hostile text that
//! must stay text.
#![allow(missing_docs)]

mod common;

use common::{day, dinum, export, lines, tech_gouv};
use roadmap_core::{ItemKey, Language, Roadmap, TimeWindow};
use roadmap_markup::detail::detail;
use roadmap_markup::explorer::{head, legend};
use roadmap_markup::failure::{LoadFailure, alert};
use roadmap_markup::list::list;
use roadmap_markup::timeline::visible_rows;
use roadmap_markup::{Chart, Frame, Scene, View, explorer};

fn scene<'a>(roadmap: &'a Roadmap, lang: Language, today: &str) -> Scene<'a> {
    Scene {
        roadmap,
        lang,
        today: day(today),
        window: TimeWindow::around(roadmap),
        selected: None,
        since: None,
    }
}

const FRAME: Frame = Frame {
    view: View::Timeline,
    printing: true,
    rows_width: 880.0,
    scroll_top: 0.0,
    rows_height: 2000.0,
};

#[test]
fn dinum_in_french() {
    let roadmap = dinum();
    let mut scene = scene(&roadmap, Language::Fr, "2023-06-01");
    scene.selected = roadmap.key_of("datalab");
    insta::assert_snapshot!("dinum_fr_timeline", lines(&explorer(&scene, &FRAME)));
}

#[test]
fn tech_gouv_in_english() {
    let roadmap = tech_gouv();
    let mut scene = scene(&roadmap, Language::En, "2020-06-01");
    scene.selected = Some(ItemKey::Mission(0, 0));
    insta::assert_snapshot!("tech_gouv_en_timeline", lines(&explorer(&scene, &FRAME)));
    let frame = Frame {
        view: View::List,
        printing: false,
        ..FRAME
    };
    insta::assert_snapshot!("tech_gouv_en_list", lines(&explorer(&scene, &frame)));
}

#[test]
fn the_list_is_the_complete_text_alternative() {
    let roadmap = dinum();
    let scene = scene(&roadmap, Language::Fr, "2023-06-01");
    let list = list(&scene);
    // Every axis, mission and milestone, dated or not, opens from the list.
    let items = roadmap.axes().len() + roadmap.missions().count() + roadmap.milestones().count();
    assert_eq!(list.matches("data-item=").count(), items);
    for (_, _, mission) in roadmap.missions() {
        assert!(
            list.contains(&format!("data-item=\"{}\"", mission.id)),
            "{}",
            mission.id
        );
    }
}

#[test]
fn only_the_rows_asked_for_are_drawn() {
    let text = roadmap_core::synthetic::synthetic_roadmap_json(10_000);
    let roadmap = export("synthetic.json", &text);
    let scene = scene(&roadmap, Language::En, "2024-01-01");
    let chart = Chart::new(&scene, 900.0);
    assert!(chart.layout.rows.len() > 100, "{}", chart.layout.rows.len());
    let rows = chart.visible_rows(3000.0, 600.0);
    assert_eq!(rows, 96..124);
    let drawn = chart.rows(rows.clone());
    // The divider and the grid run along the rows drawn, and no further.
    assert!(
        drawn.contains(" y1=\"2880\" y2=\"3720\""),
        "rows 96 to 124 are drawn"
    );
    assert!(
        !drawn.contains("y=\"0\""),
        "rows above the view are not drawn"
    );
    let items = drawn.matches("data-item=").count();
    assert!(items > 0 && items < 2_000, "{items} items drawn");
    // Before the width is known, nothing is drawn.
    assert_eq!(Chart::new(&scene, 0.0).visible_rows(0.0, 600.0), 0..0);
    // Rows do not depend on the window: the widget tells the rows in view
    // from their count alone when the reader scrolls or zooms.
    let zoomed = Scene {
        window: scene.window.zoom(8.0, scene.window.start()),
        ..scene
    };
    let count = Chart::new(&zoomed, 900.0).layout.rows.len();
    assert_eq!(count, chart.layout.rows.len());
    assert_eq!(visible_rows(900.0, count, 3000.0, 600.0), rows);
}

/// Every tag the markup may hold: anything else came from the roadmap's text.
const TAGS: &[&str] = &[
    "a", "button", "dd", "div", "dl", "dt", "g", "h2", "h3", "h4", "li", "line", "ol", "p", "path",
    "polygon", "rect", "section", "span", "strong", "svg", "text", "title", "ul",
];

fn tags(markup: &str) -> Vec<&str> {
    markup
        .split('<')
        .skip(1)
        .map(|rest| {
            let rest = rest.strip_prefix('/').unwrap_or(rest);
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn hostile_text_stays_inert_text() {
    let mut roadmap = dinum();
    let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;\u{1b}[31m\u{7}\u{202e}\u{2067}مرحبا\tend";
    let long = "x".repeat(10_000);
    roadmap.rewrite_texts(|text| {
        *text = if text.starts_with("Une stratégie") {
            long.clone()
        } else {
            attack.to_owned()
        };
    });
    for lang in [Language::Fr, Language::En] {
        let mut scene = scene(&roadmap, lang, "2023-06-01");
        scene.selected = roadmap.key_of("datalab");
        let frame = Frame {
            printing: true,
            ..FRAME
        };
        let mut markup = explorer(&scene, &frame);
        markup.push_str(&detail(&scene, ItemKey::Axis(0)));
        markup.push_str(&detail(&scene, ItemKey::Mission(0, 0)));
        for tag in tags(&markup) {
            assert!(TAGS.contains(&tag), "a <{tag}> from the roadmap's text");
        }
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2067}', '\t'] {
            assert!(!markup.contains(c), "{c:?} reached the markup");
        }
        // The attack is shown, as text, with its controls made visible.
        let shown = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;\
                     &quot;&#39;&amp;amp;\\u{1b}[31m\\u{7}\\u{202e}\\u{2067}مرحبا end";
        assert!(markup.contains(shown), "the text is shown escaped");
        // An attribute value never ends early: every quote in it is escaped.
        assert!(!markup.contains("\"'"));
        // The long title is whole, in the heading and the names.
        assert!(head(&scene, View::Timeline).contains(&long));
        assert!(markup.matches(long.as_str()).count() >= 3);
        let legend = legend(&scene);
        assert!(tags(&legend).iter().all(|tag| TAGS.contains(tag)));
    }
}

#[test]
fn a_failure_is_an_alert_with_its_place_and_hint() {
    let failure = LoadFailure::Invalid {
        file: "bad.toml".to_owned(),
        format: roadmap_core::Format::Toml,
        first: "bad.toml:1:6: string values must be <quoted>".to_owned(),
        help: Some("write \"x\"".to_owned()),
        more: 2,
    };
    insta::assert_snapshot!("failure_alert_fr", lines(&alert(&failure, Language::Fr)));
}

#[test]
fn a_still_chart_has_no_buttons_and_the_widget_s_has_one_per_item() {
    let roadmap = dinum();
    let scene = scene(&roadmap, Language::Fr, "2023-06-01");
    let rows = |chart: &Chart<'_, '_>| chart.rows(0..chart.layout.rows.len());
    let interactive = rows(&Chart::new(&scene, 880.0));
    let buttons = interactive
        .matches(" tabindex=\"0\" role=\"button\"")
        .count();
    assert!(buttons >= roadmap.axes().len(), "{buttons} buttons");
    let still = rows(&Chart::new(&scene, 880.0).still());
    assert!(!still.contains("tabindex") && !still.contains("role=\"button\""));
    // A still milestone names itself in a `<title>`; the widget's have its
    // one tooltip instead.
    let milestones = still.matches("<g class=\"item marker ").count();
    let named = |markup: &str| {
        markup
            .split("<g class=\"item marker ")
            .skip(1)
            .filter(|group| {
                group
                    .split("</g>")
                    .next()
                    .unwrap_or_default()
                    .contains("<title>")
            })
            .count()
    };
    assert!(milestones > 0);
    assert_eq!(named(&still), milestones);
    assert_eq!(named(&interactive), 0);
    // Otherwise only the attributes differ.
    let untitled = |markup: &str| {
        let mut out = String::new();
        let mut rest = markup;
        while let (Some(from), Some(to)) = (rest.find("<title>"), rest.find("</title>")) {
            out.push_str(&rest[..from]);
            rest = &rest[to + "</title>".len()..];
        }
        out + rest
    };
    assert_eq!(
        untitled(&still),
        untitled(&interactive).replace(" tabindex=\"0\" role=\"button\"", "")
    );
}

#[test]
fn a_row_s_status_symbols_are_one_hidden_text_with_an_x_per_symbol() {
    let roadmap = tech_gouv();
    let scene = scene(&roadmap, Language::En, "2020-06-01");
    let chart = Chart::new(&scene, 880.0);
    let rows = chart.rows(0..chart.layout.rows.len());
    let milestones = rows.matches("<g class=\"item marker ").count();
    assert!(milestones > 5, "{milestones} milestones");
    let mut symbols = 0;
    for text in rows.split("<text class=\"marker-symbol").skip(1) {
        let tag = &text[..text.find('>').expect("a closed tag")];
        assert!(tag.contains(" aria-hidden=\"true\""), "{tag}");
        let xs = tag
            .split(" x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("an x");
        let glyphs = text[tag.len() + 1..]
            .split("</text>")
            .next()
            .expect("a text");
        assert_eq!(xs.split(' ').count(), glyphs.chars().count(), "{tag}");
        symbols += glyphs.chars().count();
    }
    // One symbol per milestone, none left inside a milestone's group.
    assert_eq!(symbols, milestones);
    for group in rows.split("<g class=\"item marker ").skip(1) {
        let group = group.split("</g>").next().expect("a group");
        assert!(!group.contains("<text"), "{group}");
    }
}

#[test]
fn only_the_selected_or_a_linked_milestone_carries_a_ring() {
    let roadmap = tech_gouv();
    let mut scene = scene(&roadmap, Language::En, "2020-06-01");
    let ring = |group: &str| group.contains("class=\"ring\"");
    let markers = |scene: &Scene<'_>| -> Vec<String> {
        let chart = Chart::new(scene, 880.0);
        let rows = chart.rows(0..chart.layout.rows.len());
        rows.split("<g class=\"item marker ")
            .skip(1)
            .map(|group| group.split("</g>").next().unwrap_or_default().to_owned())
            .collect()
    };
    assert!(!markers(&scene).iter().any(|group| ring(group)));
    let first = markers(&scene)[0].clone();
    let id = first
        .split("data-item=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an id");
    scene.selected = roadmap.key_of(id);
    let ringed: Vec<String> = markers(&scene)
        .into_iter()
        .filter(|group| ring(group))
        .collect();
    assert!(!ringed.is_empty());
    for group in &ringed {
        let class = group.split('"').next().unwrap_or_default();
        assert!(
            class.contains(" selected") || class.contains(" linked"),
            "{group}"
        );
    }
}
