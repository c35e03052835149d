//! The "since the last review" slide of `roadmap present --since REV`: the
//! changes from an earlier edition, grouped by axis, one line per item
//! (its symbol, what it is and what changed), then the reviews and
//! sources added or removed. A list longer than the screen ends with
//! "+N more"; a long line wraps.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::changes::words;
use roadmap_core::changes::{Change, Comparison, ItemKind};
use roadmap_core::{Language, Roadmap, capitalised};

use super::PresentApp;
use crate::terminal::cells;

/// The earlier edition a presentation is compared with.
#[derive(Debug, Clone)]
pub struct SinceBase {
    /// How it is named: a revision (`v1`) or a file.
    pub name: String,
    /// The earlier edition.
    pub roadmap: Roadmap,
}

/// What a line of the slide is, for its style (its symbol says it too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// An axis, or the reviews' or sources' heading.
    Heading,
    /// Something new.
    Added,
    /// Something gone.
    Removed,
    /// Something changed.
    Changed,
}

/// The since slide's text, made once per roadmap version.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceSlide {
    /// "depuis v1 : 3 changements".
    pub subtitle: String,
    /// The lines, in order, each with what it is.
    pub lines: Vec<(LineKind, String)>,
    /// How many changes the lines tell.
    pub count: usize,
}

/// The since slide of the changes from `base` to `roadmap`, in `lang`.
pub fn since_slide(base: &SinceBase, roadmap: &Roadmap, lang: Language) -> SinceSlide {
    let comparison = Comparison::between(&base.roadmap, roadmap);
    let subtitle = format!(
        "{}{}{}",
        capitalised(&words::since(lang, &base.name)),
        lang.colon(),
        comparison.count_words(lang)
    );
    let mut lines = Vec::new();
    let mut axis = None;
    for item in &comparison.items {
        if axis != Some(&item.axis.id) {
            axis = Some(&item.axis.id);
            let noun = capitalised(ItemKind::Axis.noun(lang));
            let title = words::quoted(lang, &item.axis.title);
            lines.push((LineKind::Heading, format!("{noun} {title}")));
        }
        let kind = match item.changes.first() {
            Some(Change::Added) => LineKind::Added,
            Some(Change::Removed) => LineKind::Removed,
            _ => LineKind::Changed,
        };
        let symbol = item.changes.first().map_or(' ', Change::symbol);
        let noun = item.kind.noun(lang);
        let text = if item.kind != ItemKind::Axis {
            format!("{symbol} {} — {}", item.heading(lang), item.summary(lang))
        } else if kind == LineKind::Changed {
            // The axis is named by the heading above.
            format!("{symbol} {noun} — {}", item.summary(lang))
        } else {
            format!("{symbol} {noun} {}", item.summary(lang))
        };
        lines.push((kind, text));
    }
    let mut heading = None;
    for (listed, change, phrase) in comparison.listed() {
        if listed.is_empty() {
            continue;
        }
        if heading != Some(phrase) {
            heading = Some(phrase);
            lines.push((LineKind::Heading, capitalised(lang.phrase(phrase))));
        }
        let kind = if change.is_added() {
            LineKind::Added
        } else {
            LineKind::Removed
        };
        for item in listed {
            lines.push((
                kind,
                format!("{} {}", change.symbol(), item.words(change, lang)),
            ));
        }
    }
    SinceSlide {
        subtitle,
        lines,
        count: comparison.count(),
    }
}

/// Draws the since slide in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &PresentApp, slide: &SinceSlide) {
    let lang = app.lang;
    let mut y = area.y;
    let put = |frame: &mut Frame, y: &mut u16, indent: u16, line: Line<'static>| {
        let width = area.width.saturating_sub(indent);
        let height = cells::wrapped_height(&line.to_string(), usize::from(width));
        let height = u16::try_from(height).unwrap_or(u16::MAX);
        let rect = Rect::new(area.x + indent, *y, width, height).intersection(area);
        let paragraph = Paragraph::new(cells::safe_line(line)).wrap(Wrap { trim: true });
        frame.render_widget(paragraph, rect);
        *y = y.saturating_add(height);
    };
    put(
        frame,
        &mut y,
        0,
        Line::styled(words::since_last_review(lang), app.theme.heading()),
    );
    put(
        frame,
        &mut y,
        0,
        Line::styled(slide.subtitle.clone(), app.theme.highlight()),
    );
    y = y.saturating_add(1);
    let room = usize::from(area.bottom().saturating_sub(y));
    let heights: Vec<usize> = slide
        .lines
        .iter()
        .map(|(kind, text)| {
            cells::wrapped_height(text, usize::from(area.width.saturating_sub(indent(*kind))))
        })
        .collect();
    let mut shown = shown_lines(&heights, room);
    // A heading cut from everything under it is left out too.
    while shown > 0 && shown < slide.lines.len() && slide.lines[shown - 1].0 == LineKind::Heading {
        shown -= 1;
    }
    for (kind, text) in slide.lines.iter().take(shown) {
        let line = Line::styled(text.clone(), style(app, *kind));
        put(frame, &mut y, indent(*kind), line);
    }
    let left_out = slide.lines[shown..]
        .iter()
        .filter(|(kind, _)| *kind != LineKind::Heading)
        .count();
    if left_out > 0 {
        let more = Line::styled(words::more(lang, left_out), app.theme.muted());
        put(frame, &mut y, 0, more);
    }
}

/// Changes stand under their axis's heading, and wrap under their text.
fn indent(kind: LineKind) -> u16 {
    match kind {
        LineKind::Heading => 0,
        _ => 2,
    }
}

fn style(app: &PresentApp, kind: LineKind) -> Style {
    match kind {
        LineKind::Heading => app.theme.heading(),
        LineKind::Added => app.theme.status(roadmap_core::Status::Done),
        LineKind::Removed => app.theme.status(roadmap_core::Status::Cancelled),
        LineKind::Changed => Style::new(),
    }
}

/// How many of the lines, `heights` rows each, fit in `room` rows: all
/// when they do, else as many as leave a row for "+N more".
fn shown_lines(heights: &[usize], room: usize) -> usize {
    if heights.iter().sum::<usize>() <= room {
        return heights.len();
    }
    let mut used = 1;
    heights
        .iter()
        .take_while(|&&h| {
            used += h;
            used <= room
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_too_long_leaves_a_row_for_what_is_left_out() {
        assert_eq!(shown_lines(&[1, 1, 1], 3), 3);
        assert_eq!(shown_lines(&[1, 1, 1, 1], 3), 2);
        assert_eq!(shown_lines(&[2, 2], 2), 0);
    }
}
