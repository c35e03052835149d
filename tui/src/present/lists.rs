//! What fills an axis or summary slide, cut to the lines it gets:
//! progress gauges and titled lists, each ending with "… +n" when not
//! everything fits.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use roadmap_core::{ProgressFigure, Status};

use super::PresentApp;
use crate::terminal::cells::{self, fit, fit_line, pad};
use crate::text::Text;
use crate::widgets::progress::{DONE, TO_DO, UNKNOWN_PROGRESS, done_cells};

/// A percentage as a headline, or "unknown" when the data gives none.
pub fn headline(progress: ProgressFigure, app: &PresentApp) -> String {
    match progress {
        ProgressFigure::Unknown => Text::Unknown.get(app.lang).to_owned(),
        figure => figure.short(app.lang),
    }
}

/// A titled list, cut to the lines it gets.
pub struct Section {
    /// Its title.
    pub heading: String,
    /// One line per item.
    pub items: Vec<Line<'static>>,
    /// Said when the list is empty.
    pub empty: &'static str,
}

/// Sections one under the other, each given the lines it wants while
/// there are some; a list that does not fit ends with "… +n".
pub fn draw_sections(frame: &mut Frame, area: Rect, app: &PresentApp, sections: &[Section]) {
    let wanted: Vec<u16> = sections
        .iter()
        .map(|s| u16::try_from(s.items.len().max(1) + 2).unwrap_or(u16::MAX))
        .collect();
    let areas = Layout::vertical(wanted.iter().map(|&w| Constraint::Max(w))).split(area);
    for (section, &area) in sections.iter().zip(areas.iter()) {
        if area.height == 0 {
            continue;
        }
        let mut lines = vec![Line::styled(section.heading.clone(), app.theme.heading())];
        let room = usize::from(area.height - 1);
        if section.items.is_empty() {
            lines.push(Line::styled(section.empty, app.theme.muted()));
        } else if section.items.len() <= room {
            lines.extend(section.items.iter().cloned());
        } else {
            let shown = room.saturating_sub(1);
            lines.extend(section.items.iter().take(shown).cloned());
            lines.push(Line::styled(
                format!("… +{}", section.items.len() - shown),
                app.theme.muted(),
            ));
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| fit_line(line, usize::from(area.width)))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
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
