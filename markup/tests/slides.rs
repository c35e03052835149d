//! The slides of the bundled roadmaps as HTML (snapshots, in French and
//! English), each a region named by its heading, and hostile text in
//! titles that must stay text.
#![allow(missing_docs)]

mod common;

use common::{day, dinum, export, lines, tech_gouv};
use roadmap_core::{Language, Roadmap, plan};
use roadmap_markup::slides::{
    HEADING_ID, SlideFrame, auto_indication, clock, position, slide, view,
};

/// Every slide of the default plan, one after the other.
fn deck(roadmap: &Roadmap, lang: Language, today: &str) -> Vec<String> {
    let deck = plan(roadmap, None, lang);
    let frame = SlideFrame {
        lang,
        today: day(today),
        width: 1200.0,
    };
    (0..deck.len())
        .map(|index| slide(roadmap, &deck, index, &frame))
        .collect()
}

#[test]
fn dinum_slides_in_french() {
    let slides = deck(&dinum(), Language::Fr, "2023-06-01");
    // The timeline's SVG is the timeline's own snapshot's business.
    let text: Vec<String> = slides
        .iter()
        .filter(|s| !s.contains("data-kind=\"timeline\""))
        .map(|s| lines(s))
        .collect();
    insta::assert_snapshot!("dinum_fr_slides", text.join("\n\n"));
}

#[test]
fn tech_gouv_slides_in_english() {
    let slides = deck(&tech_gouv(), Language::En, "2020-06-01");
    let text: Vec<String> = slides
        .iter()
        .filter(|s| !s.contains("data-kind=\"timeline\""))
        .map(|s| lines(s))
        .collect();
    insta::assert_snapshot!("tech_gouv_en_slides", text.join("\n\n"));
    insta::assert_snapshot!("slides_view_en", lines(&view(Language::En, "light")));
}

#[test]
fn every_slide_is_a_region_named_by_its_one_heading() {
    for slide in deck(&dinum(), Language::En, "2023-06-01") {
        assert!(slide.starts_with("<section class=\"slide\""), "{slide}");
        assert!(slide.contains(&format!("aria-labelledby=\"{HEADING_ID}\"")));
        assert_eq!(slide.matches(&format!("id=\"{HEADING_ID}\"")).count(), 1);
        assert_eq!(slide.matches("<h2").count(), 1);
    }
    assert_eq!(position(Language::Fr, 2, 7), "Diapositive 3 sur 7");
    assert_eq!(position(Language::En, 0, 7), "Slide 1 of 7");
}

#[test]
fn the_auto_advance_indication_and_the_clock_corner_read_as_in_the_terminal() {
    assert_eq!(
        auto_indication(Language::En, Some(12)),
        "Auto-advance · 12 s · p: pause"
    );
    assert_eq!(
        auto_indication(Language::Fr, None),
        "Défilement automatique en pause · p : reprendre"
    );
    assert_eq!(clock(Language::En, 9, 5, 245), "09:05 · 4:05 elapsed");
    assert_eq!(clock(Language::Fr, 14, 0, 3723), "14:00 · 1:02:03 écoulé");
}

#[test]
fn the_timeline_slide_is_drawn_by_the_timeline() {
    let slides = deck(&dinum(), Language::Fr, "2023-06-01");
    let timeline = slides
        .iter()
        .find(|s| s.contains("data-kind=\"timeline\""))
        .expect("a timeline slide");
    assert!(timeline.contains("<svg class=\"ticks\""));
    assert!(timeline.contains("<svg class=\"rows\""));
    assert!(timeline.contains("class=\"today\""));
    // Nothing to open on a slide: no buttons, and each milestone named by
    // its title, as in any drawing without a script behind it.
    let rows = &timeline[timeline.find("<svg class=\"rows\"").unwrap_or(0)..];
    let rows = &rows[..rows.find("</svg>").unwrap_or(rows.len())];
    assert!(!rows.contains("tabindex") && !rows.contains("role=\"button\""));
    let milestones = rows.matches("<g class=\"item marker ").count();
    assert!(milestones > 0);
    assert!(rows.matches("<title>").count() >= milestones);
}

#[test]
fn speaker_notes_are_never_written() {
    let text =
        include_str!("../../data/dinum-2023.json").replacen('{', "{\"notes\": \"SECRET NOTE\",", 1);
    let roadmap = export("dinum-2023.json", &text);
    assert_eq!(
        plan(&roadmap, None, Language::Fr)[0].notes[0].text,
        "SECRET NOTE"
    );
    for slide in deck(&roadmap, Language::Fr, "2023-06-01") {
        assert!(!slide.contains("SECRET"), "{slide}");
    }
}

/// Every tag the slides may hold: anything else came from the roadmap's text.
const TAGS: &[&str] = &[
    "button", "div", "g", "h2", "h3", "header", "li", "line", "ol", "p", "polygon", "rect",
    "section", "span", "svg", "text", "title", "ul",
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
fn hostile_text_in_titles_stays_inert_text() {
    let mut roadmap = dinum();
    let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;\u{1b}[31m\u{7}\u{202e}\u{2067}مرحبا\tend";
    roadmap.rewrite_texts(|text| attack.clone_into(text));
    for lang in [Language::Fr, Language::En] {
        let mut markup = deck(&roadmap, lang, "2023-06-01").concat();
        markup.push_str(&view(lang, "dark"));
        for tag in tags(&markup) {
            assert!(TAGS.contains(&tag), "a <{tag}> from the roadmap's text");
        }
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2067}', '\t'] {
            assert!(!markup.contains(c), "{c:?} reached the markup");
        }
        let shown = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;\
                     &quot;&#39;&amp;amp;\\u{1b}[31m\\u{7}\\u{202e}\\u{2067}مرحبا end";
        assert!(markup.contains(shown), "the text is shown escaped");
        assert!(!markup.contains("\"'"));
    }
}
