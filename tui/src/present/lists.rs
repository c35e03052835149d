//! What fills an axis or summary slide, laid out in the lines it gets:
//! progress gauges and titled lists whose items wrap, each list ending
//! with "… +n" when not everything fits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::{ProgressFigure, Status};

use super::PresentApp;
use crate::terminal::cells::{self, fit, pad};
use crate::text::Text;
use crate::widgets::progress::{DONE, TO_DO, UNKNOWN_PROGRESS, done_cells};

/// A percentage as a headline, or "unknown" when the data gives none.
pub fn headline(progress: ProgressFigure, app: &PresentApp) -> String {
    match progress {
        ProgressFigure::Unknown => Text::Unknown.get(app.lang).to_owned(),
        figure => figure.short(app.lang),
    }
}

/// A titled list, laid out in the lines it gets.
pub struct Section {
    /// Its title.
    pub heading: String,
    /// One text per item, of one line or more, each wrapping as needed.
    pub items: Vec<ratatui::text::Text<'static>>,
    /// Said when the list is empty, on the heading's line.
    pub empty: &'static str,
}

impl Section {
    /// The lines the whole section takes at `width`, with the blank line
    /// after it.
    pub fn wanted_height(&self, width: u16) -> u16 {
        let width = usize::from(width);
        let lines = if self.items.is_empty() {
            1
        } else {
            1 + self
                .items
                .iter()
                .map(|item| item_height(item, width))
                .sum::<usize>()
        };
        u16::try_from(lines + 1).unwrap_or(u16::MAX)
    }
}

/// The lines an item takes wrapped at `width`.
fn item_height(item: &ratatui::text::Text<'_>, width: usize) -> usize {
    item.lines
        .iter()
        .map(|line| cells::wrapped_height(&line_text(line), width))
        .sum()
}

/// Sections one under the other, in order, each given the lines it wants
/// while there are some: an item wraps onto as many lines as its text
/// needs (a value is never cut while the slide has room), an empty list
/// takes one line, and a list that does not fit ends with "… +n". A
/// section that would get no item line is left out, so the last ones
/// (the least important) give way first.
pub fn draw_sections(frame: &mut Frame, area: Rect, app: &PresentApp, sections: &[Section]) {
    let width = usize::from(area.width);
    let mut y = area.y;
    for section in sections {
        let room = usize::from(area.bottom().saturating_sub(y));
        let heading = Span::styled(section.heading.clone(), app.theme.heading());
        let mut blocks: Vec<(ratatui::text::Text<'static>, usize)> = Vec::new();
        if section.items.is_empty() {
            if room < 1 {
                break;
            }
            let line = Line::from(vec![
                heading,
                Span::styled(format!(" — {}", section.empty), app.theme.muted()),
            ]);
            let height = cells::wrapped_height(&line_text(&line), width);
            blocks.push((line.into(), height));
        } else {
            // The heading and at least one line.
            if room < 2 {
                break;
            }
            blocks.push((Line::from(heading).into(), 1));
            let heights: Vec<usize> = section
                .items
                .iter()
                .map(|item| item_height(item, width))
                .collect();
            let shown = shown_items(&heights, room - 1);
            blocks.extend(
                section
                    .items
                    .iter()
                    .cloned()
                    .zip(heights.iter().copied())
                    .take(shown),
            );
            if shown < section.items.len() {
                let more = Line::styled(
                    format!("… +{}", section.items.len() - shown),
                    app.theme.muted(),
                );
                blocks.push((more.into(), 1));
            }
        }
        for (text, height) in blocks {
            let height = u16::try_from(height).unwrap_or(u16::MAX);
            let rect = Rect::new(area.x, y, area.width, height).intersection(area);
            let lines: Vec<Line<'static>> = text.lines.into_iter().map(cells::safe_line).collect();
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rect);
            y = y.saturating_add(height);
        }
        // A blank line between sections.
        y = y.saturating_add(1);
    }
}

/// How many of the items, `heights` lines each, fit in `room` lines: all
/// when they do, else as many as leave a line for "… +n".
fn shown_items(heights: &[usize], room: usize) -> usize {
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

fn line_text(line: &Line<'_>) -> String {
    line.spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect()
}

/// A progress gauge: a label, a value and a bar (`▒` when the progress
/// is unknown).
pub struct Gauge {
    /// What it measures.
    pub label: String,
    /// The label's style.
    pub style: Style,
    /// The progress: a bar only for a percentage.
    pub progress: ProgressFigure,
}

/// Gauges one under the other: label and value on a line, the bar under
/// it (two lines thick when there is room), or all on one line when
/// space is short; the last line says how many are left out.
pub fn draw_gauges(frame: &mut Frame, area: Rect, app: &PresentApp, gauges: &[Gauge]) {
    if area.height == 0 || gauges.is_empty() {
        return;
    }
    let count = u16::try_from(gauges.len()).unwrap_or(u16::MAX);
    let per_gauge = match area.height / count {
        4.. => 4,
        h => h.max(1),
    };
    let shown = if per_gauge * count <= area.height {
        gauges.len()
    } else {
        usize::from(area.height.saturating_sub(1) / per_gauge)
    };
    let mut lines = Vec::new();
    let width = usize::from(area.width);
    for gauge in gauges.iter().take(shown) {
        let value = headline(gauge.progress, app);
        let bar = |len: usize| match gauge.progress {
            ProgressFigure::Percent(p) => {
                let done = done_cells(p, len);
                vec![
                    Span::styled(
                        DONE.to_string().repeat(done),
                        app.theme.status(Status::Done),
                    ),
                    Span::styled(TO_DO.to_string().repeat(len - done), app.theme.muted()),
                ]
            }
            ProgressFigure::Counts { .. } | ProgressFigure::Unknown => vec![Span::styled(
                UNKNOWN_PROGRESS.to_string().repeat(len),
                app.theme.muted(),
            )],
        };
        if per_gauge == 1 {
            let label_width = width * 45 / 100;
            let label = pad(&gauge.label, label_width);
            let bar_len = width.saturating_sub(label_width + cells::width(&value) + 2);
            let mut spans = vec![Span::styled(format!("{label} "), gauge.style)];
            spans.extend(bar(bar_len));
            spans.push(Span::raw(format!(" {value}")));
            lines.push(Line::from(spans));
            continue;
        }
        let label = fit(&gauge.label, width.saturating_sub(cells::width(&value) + 1));
        let gap = width.saturating_sub(cells::width(&label) + cells::width(&value));
        lines.push(Line::from(vec![
            Span::styled(label, gauge.style),
            Span::raw(" ".repeat(gap)),
            Span::styled(value, app.theme.heading()),
        ]));
        for _ in 1..per_gauge.min(3) {
            lines.push(Line::from(bar(width)));
        }
        if per_gauge == 4 {
            lines.push(Line::default());
        }
    }
    if shown < gauges.len() {
        lines.push(Line::styled(
            format!("… +{}", gauges.len() - shown),
            app.theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
