//! The dashboard's counts by status: a table of missions and milestones
//! when there is room, else lines of counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use roadmap_core::{Language, Status, StatusCounts};

use roadmap_core::capitalised;

use crate::explore::state::App;
use crate::terminal::cells::{self, fit};
use crate::text::Text;

use super::{Data, render_lines};

/// Counts by status: a table of missions and milestones when there is
/// room, else one line each.
pub(super) fn draw_statuses(buf: &mut Buffer, area: Rect, app: &App, data: &Data<'_>) {
    let theme = app.theme;
    let lang = data.lang;
    let statuses = data.statuses();
    let headers = status_headers(lang);
    let mut lines = Vec::new();
    let table = table_width(data, area.width).filter(|_| area.height > statuses.len() as u16);
    if let Some((label_width, column)) = table {
        let heading = fit(Text::ByStatus.get(lang), label_width);
        let padding = label_width.saturating_sub(cells::width(&heading));
        let mut spans = vec![
            Span::styled(heading, theme.heading()),
            Span::raw(" ".repeat(padding)),
        ];
        for header in &headers {
            spans.push(Span::styled(format!("{header:>column$}"), theme.muted()));
        }
        lines.push(Line::from(spans));
        for status in statuses {
            let label = fit(
                &format!("{} {}", status.symbol(), status.label(lang)),
                label_width,
            );
            let padding = label_width.saturating_sub(cells::width(&label));
            let mut spans = vec![
                Span::styled(label, theme.status(status)),
                Span::raw(" ".repeat(padding)),
            ];
            for counts in [&data.missions, &data.milestones] {
                let count = counts.get(status);
                let style = if count == 0 {
                    theme.muted()
                } else {
                    Style::new()
                };
                spans.push(Span::styled(format!("{count:>column$}"), style));
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines = counts_flow(data, area.width);
    }
    render_lines(buf, area, &lines);
}

/// "Missions : ◐ en cours 5 · ✔ terminé 2", or "Missions : ◐5 ✔2" when
/// the words do not fit, wrapped at `width` (never inside a count).
fn counts_lines(
    data: &Data<'_>,
    header: &str,
    counts: &StatusCounts,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = data.lang;
    let lead = format!("{header}{}", lang.colon());
    let words: Vec<(Status, String)> = counts
        .nonzero()
        .map(|(s, n)| (s, format!("{} {} {n}", s.symbol(), s.label(lang))))
        .collect();
    let full_width = cells::width(&lead)
        + words
            .iter()
            .map(|(_, w)| cells::width(w) + 3)
            .sum::<usize>();
    let full_width = full_width.saturating_sub(3);
    let (separator, items) = if full_width <= width {
        (" · ", words)
    } else {
        let compact = words
            .into_iter()
            .map(|(s, _)| (s, format!("{}{}", s.symbol(), counts.get(s))))
            .collect();
        (" ", compact)
    };
    let mut used = cells::width(&lead);
    let mut spans = vec![Span::styled(lead, data.theme.heading())];
    let mut lines = Vec::new();
    for (i, (status, text)) in items.into_iter().enumerate() {
        let mut gap = if i == 0 { "" } else { separator };
        if i > 0 && used + cells::width(gap) + cells::width(&text) > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw("  "));
            (used, gap) = (2, "");
        }
        used += cells::width(gap) + cells::width(&text);
        spans.push(Span::raw(gap));
        spans.push(Span::styled(text, data.theme.status(status)));
    }
    if counts.total() == 0 {
        spans.push(Span::styled("0", data.theme.muted()));
    }
    lines.push(Line::from(spans));
    lines
}

/// The counts by status as lines of text, when the table does not fit.
pub(super) fn counts_flow(data: &Data<'_>, width: u16) -> Vec<Line<'static>> {
    let headers = status_headers(data.lang);
    let mut lines = counts_lines(data, &headers[0], &data.missions, usize::from(width));
    lines.extend(counts_lines(
        data,
        &headers[1],
        &data.milestones,
        usize::from(width),
    ));
    lines
}

/// The widths of the table's label column and count columns at `width`,
/// or `None` when the statuses' words would not fit.
pub(super) fn table_width(data: &Data<'_>, width: u16) -> Option<(usize, usize)> {
    let lang = data.lang;
    let column = status_headers(lang)
        .iter()
        .map(|h| cells::width(h))
        .max()
        .unwrap_or(0)
        + 2;
    let longest = data
        .statuses()
        .iter()
        .map(|s| cells::width(s.label(lang)) + 2)
        .max()
        .unwrap_or(0);
    let heading = cells::width(Text::ByStatus.get(lang));
    let label = (longest.max(heading) + 2).min(usize::from(width).saturating_sub(2 * column));
    (label >= longest).then_some((label, column))
}

/// The table's column headings: "Missions", "Jalons".
fn status_headers(lang: Language) -> [String; 2] {
    [
        capitalised(Text::Missions.get(lang)),
        capitalised(Text::Milestones.get(lang)),
    ]
}
