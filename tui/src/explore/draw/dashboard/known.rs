//! The dashboard's "what the sources say" lines: how many statuses are
//! sourced and as of when, the span of the sources' dates, then the latest
//! dated facts, newest first, so the reader sees how fresh the picture is.
//! The figures come from [`roadmap_core::KnownFacts`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use roadmap_core::{Day, KnownFacts, Language, Roadmap};

use crate::explore::state::App;
use crate::terminal::cells::{fit, safe, width};
use crate::text::Text;

use super::{Data, render_lines};

/// Dated facts shown at most: the newest few tell how fresh the data is.
const FACTS_SHOWN: usize = 4;

/// The lines of the section, without its heading, safe to print.
pub(super) fn known_lines(roadmap: &Roadmap, today: Day, lang: Language) -> Vec<String> {
    let known = KnownFacts::of(roadmap, today);
    let mut lines = vec![known.statuses_text(lang)];
    lines.extend(known.sources_text(lang));
    lines.extend(
        known
            .facts
            .iter()
            .take(FACTS_SHOWN)
            .map(|fact| format!("• {}", safe(&fact.text(roadmap, lang)))),
    );
    lines
}

/// The heading, then the statuses and sources lines wrapped, then the
/// facts, one line each, cut to the width, as many as fit.
pub(super) fn draw_known(buf: &mut Buffer, area: Rect, app: &App, data: &Data<'_>) {
    let room = usize::from(area.width);
    let mut lines = vec![Line::styled(
        Text::KnownHeading.get(data.lang),
        app.theme.heading(),
    )];
    for text in &data.known {
        if text.starts_with('•') {
            lines.push(Line::raw(fit(text, room)));
        } else {
            lines.extend(wrap(text, room.max(1)).into_iter().map(Line::raw));
        }
    }
    render_lines(buf, area, &lines);
}

/// Lines the section wants at `width`: the heading, the wrapped summary
/// lines, one per fact.
pub(super) fn known_height(data: &Data<'_>, width: u16) -> usize {
    let room = usize::from(width.max(1));
    1 + data
        .known
        .iter()
        .map(|text| {
            if text.starts_with('•') {
                1
            } else {
                wrap(text, room).len()
            }
        })
        .sum::<usize>()
}

/// `text` cut into lines of at most `room` cells, between words.
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && width(&line) + 1 + width(word) > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.into_iter().map(|l| fit(&l, room)).collect()
}
