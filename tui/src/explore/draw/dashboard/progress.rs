//! The dashboard's progress lines: overall, then one per axis, their
//! labels, bars and values in columns that line up.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use roadmap_core::{Language, Phrase, ProgressFigure, Status};

use roadmap_core::capitalised;

use crate::explore::state::App;
use crate::terminal::cells::{self, fit};
use crate::text::Text;
use crate::widgets::progress::{DONE, TO_DO, done_cells};

use super::{Data, Section, render_lines};

/// Widths of the label, bar and value of progress lines, shared by the
/// overall line and the axes so their bars line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Columns {
    label: usize,
    bar: usize,
    value: usize,
}

impl Columns {
    /// Labels get what a bar of a third of the room (8 to 30 cells)
    /// leaves, but 12 cells at least; the bar gets the rest, or nothing
    /// below 4 cells.
    fn new(width: usize, longest_label: usize, lang: Language) -> Columns {
        let value = cells::width(Text::Unknown.get(lang)).max(cells::width("100 %"));
        let room = width.saturating_sub(value + 2);
        let label = longest_label
            .min(room.saturating_sub((room / 3).clamp(8, 30)))
            .max(longest_label.min(12));
        let bar = room.saturating_sub(label);
        if bar < 4 {
            let label = width.saturating_sub(value + 1);
            return Columns {
                label,
                bar: 0,
                value,
            };
        }
        Columns { label, bar, value }
    }
}

/// A progress line: label, bar (none when unknown), value or "unknown".
pub(super) fn progress_line(
    app: &App,
    columns: Columns,
    label: &str,
    label_style: Style,
    progress: ProgressFigure,
) -> Line<'static> {
    let theme = app.theme;
    let label = fit(label, columns.label);
    let padding = columns.label.saturating_sub(cells::width(&label));
    let mut spans = vec![
        Span::styled(label, label_style),
        Span::raw(" ".repeat(padding + 1)),
    ];
    let (bar, value) = match progress {
        // Only some children's progress is known: how many are done, in
        // words where the bar would be, and no made-up share.
        ProgressFigure::Counts { .. } => {
            // The words where they fit, else "1/3" in the value column.
            let words = progress.text(app.lang);
            let (words, short) = if cells::width(&words) <= columns.bar {
                (words, String::new())
            } else {
                (String::new(), progress.short(app.lang))
            };
            (
                vec![Span::styled(cells::pad(&words, columns.bar), theme.muted())],
                Span::styled(
                    format!("{short:>width$}", width = columns.value),
                    theme.muted(),
                ),
            )
        }
        ProgressFigure::Percent(percent) => {
            let done = done_cells(percent, columns.bar);
            let bar = vec![
                Span::styled(DONE.to_string().repeat(done), theme.status(Status::Done)),
                Span::styled(TO_DO.to_string().repeat(columns.bar - done), theme.muted()),
            ];
            (
                bar,
                Span::raw(format!(
                    "{:>width$}",
                    app.lang.percent(percent),
                    width = columns.value
                )),
            )
        }
        ProgressFigure::Unknown => (
            vec![Span::raw(" ".repeat(columns.bar))],
            Span::styled(
                format!(
                    "{:>width$}",
                    Text::Unknown.get(app.lang),
                    width = columns.value
                ),
                theme.muted(),
            ),
        ),
    };
    if columns.bar > 0 {
        spans.extend(bar);
        spans.push(Span::raw(" "));
    }
    spans.push(value);
    Line::from(spans)
}

/// The overall line, or the axes heading and one line per axis (the last
/// line saying how many are left out when they do not all fit).
pub(super) fn draw_progress(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    data: &Data<'_>,
    section: Section,
) {
    let overall = capitalised(data.lang.phrase(Phrase::Overall));
    let longest = data
        .axes
        .iter()
        .map(|(label, _)| cells::width(label))
        .chain([cells::width(&overall)])
        .max()
        .unwrap_or(0);
    let columns = Columns::new(usize::from(area.width), longest, data.lang);
    let mut lines = Vec::new();
    if let (Section::Overall, ProgressFigure::Counts { .. }) = (section, data.overall) {
        // No overall percentage: the count in words, on the whole line.
        lines.push(Line::from(vec![
            Span::styled(
                format!("{overall}{}", data.lang.colon()),
                app.theme.heading(),
            ),
            Span::styled(data.overall.text(data.lang), app.theme.muted()),
        ]));
        lines = lines
            .into_iter()
            .map(|l| cells::fit_line(l, usize::from(area.width)))
            .collect();
    } else if section == Section::Overall {
        lines.push(progress_line(
            app,
            columns,
            &overall,
            app.theme.heading(),
            data.overall,
        ));
    } else {
        lines.push(Line::styled(
            Text::ProgressByAxis.get(data.lang),
            app.theme.heading(),
        ));
        let rows = usize::from(area.height) - 1;
        let shown = if rows >= data.axes.len() {
            rows
        } else {
            rows - 1
        };
        for (label, progress) in data.axes.iter().take(shown) {
            lines.push(progress_line(app, columns, label, Style::new(), *progress));
        }
        if shown < data.axes.len() {
            lines.push(Line::styled(
                format!("… +{}", data.axes.len() - shown),
                app.theme.muted(),
            ));
        }
    }
    render_lines(buf, area, &lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_columns_line_up_and_drop_the_bar_when_narrow() {
        let wide = Columns::new(60, 30, Language::Fr);
        assert_eq!(
            wide,
            Columns {
                label: 30,
                bar: 21,
                value: 7
            }
        );
        // Long labels are cut so the bar keeps a third of the room.
        let long = Columns::new(60, 80, Language::Fr);
        assert_eq!(
            long,
            Columns {
                label: 34,
                bar: 17,
                value: 7
            }
        );
        assert_eq!(long.label + long.bar + long.value + 2, 60);
        let narrow = Columns::new(20, 30, Language::Fr);
        assert_eq!(
            narrow,
            Columns {
                label: 12,
                bar: 0,
                value: 7
            }
        );
    }
}
