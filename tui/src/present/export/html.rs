//! The slides as one self-contained HTML page (no script, nothing
//! fetched): one `<section>` per slide, named by its heading in an `<h2>`
//! for screen readers, its cells in a `<pre>` with a span per ink; printed,
//! one slide per A4 landscape page.

use roadmap_core::Language;
use roadmap_markup::write::Markup;

use super::grid::{COLUMNS, SlidePage};
use super::ink::{INK, Ink, PAPER};

/// The page of `pages`, the slides of the roadmap titled `title`.
pub fn document(title: &str, lang: Language, pages: &[SlidePage]) -> String {
    let inks = inks(pages);
    let mut out = Markup::new();
    out.raw("<!DOCTYPE html>\n<html")
        .attr("lang", lang.code())
        .raw(">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>")
        .text(title)
        .raw("</title>\n<style>\n");
    out.raw(&stylesheet(&inks))
        .raw("</style>\n</head>\n<body>\n<main>\n<h1 class=\"hidden\">");
    out.text(title).raw("</h1>\n");
    for (n, page) in pages.iter().enumerate() {
        let id = format!("slide-{}", n + 1);
        out.raw("<section")
            .attr("aria-labelledby", &id)
            .raw(">\n<h2 class=\"hidden\"")
            .attr("id", &id)
            .raw(">")
            .int(n + 1)
            .raw("/")
            .int(pages.len())
            .raw(" · ")
            .text(&page.heading)
            .raw("</h2>\n<pre>");
        for row in &page.rows {
            for run in row {
                let text = run.text();
                match inks.iter().position(|ink| *ink == run.ink) {
                    Some(k) if run.ink != Ink::PLAIN => {
                        out.raw("<span class=\"k")
                            .int(k)
                            .raw("\">")
                            .text(&text)
                            .raw("</span>");
                    }
                    _ => {
                        out.text(&text);
                    }
                }
            }
            out.raw("\n");
        }
        out.raw("</pre>\n</section>\n");
    }
    out.raw("</main>\n</body>\n</html>\n");
    out.finish()
}

/// Every ink the slides use, in order of first use.
fn inks(pages: &[SlidePage]) -> Vec<Ink> {
    let mut inks: Vec<Ink> = Vec::new();
    for run in pages.iter().flat_map(|p| &p.rows).flatten() {
        if run.ink != Ink::PLAIN && !inks.contains(&run.ink) {
            inks.push(run.ink);
        }
    }
    inks
}

/// The page's rules: the grid set so that [`COLUMNS`] cells fill the
/// width of the window, and of an A4 landscape page in print; a class per
/// ink.
fn stylesheet(inks: &[Ink]) -> String {
    let hex = |[r, g, b]: [u8; 3]| format!("#{r:02x}{g:02x}{b:02x}");
    // A monospace cell is about 0.6 em wide; 0.61 keeps a margin.
    let mut css = format!(
        ":root{{color-scheme:light}}\n\
         body{{margin:0;background:{paper};color:{ink}}}\n\
         .hidden{{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}\n\
         section{{margin:1rem auto;width:fit-content;border:1px solid #ccc}}\n\
         pre{{margin:0;padding:.5em;font-family:\"DejaVu Sans Mono\",Menlo,Consolas,\"Liberation Mono\",monospace;\
         font-size:calc((100vw - 3rem) / {COLUMNS} / .61);line-height:1.15;font-variant-ligatures:none}}\n\
         @page{{size:A4 landscape;margin:10mm}}\n\
         @media print{{section{{margin:0;border:0;break-after:page;break-inside:avoid}}\
         pre{{padding:0;font-size:calc(277mm / {COLUMNS} / .61)}}}}\n",
        paper = hex(PAPER),
        ink = hex(INK),
    );
    for (k, ink) in inks.iter().enumerate() {
        let mut rule = format!(".k{k}{{color:{}", ink.fg_hex());
        if let Some(bg) = ink.bg_hex() {
            rule.push_str(";background:");
            rule.push_str(&bg);
        }
        if ink.bold {
            rule.push_str(";font-weight:bold");
        }
        match (ink.underline, ink.crossed) {
            (true, true) => rule.push_str(";text-decoration:underline line-through"),
            (true, false) => rule.push_str(";text-decoration:underline"),
            (false, true) => rule.push_str(";text-decoration:line-through"),
            (false, false) => {}
        }
        rule.push_str("}\n");
        css.push_str(&rule);
    }
    css
}
