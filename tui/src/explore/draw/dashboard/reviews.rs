//! The dashboard's progress reviews: one line per review, then the chart
//! of the done share.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::{FuzzyDate, Phrase, Status};

use roadmap_core::capitalised;

use crate::explore::state::App;
use crate::terminal::cells::{self, fit};
use crate::text::Text;
use crate::widgets::review::{review_chart, review_counts};

use super::{CHART_HEIGHT, Data, render_lines, wrapped_height};

/// The lines listing the reviews at `width`: date and title, then the
/// counts on the same line when the title keeps 20 cells, else on a line
/// of their own under the title.
pub(super) fn review_list(data: &Data<'_>, width: u16) -> Vec<(usize, Line<'static>)> {
    let theme = data.theme;
    let lang = data.lang;
    let width = usize::from(width);
    let dates: Vec<String> = data.reviews.iter().map(|r| r.date.render(lang)).collect();
    let date_width = dates
        .iter()
        .map(|d| cells::width(d))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let mut lines = Vec::new();
    for (index, (review, date)) in data.reviews.iter().zip(&dates).enumerate() {
        let shown_date = fit(date, date_width);
        let lead = Span::styled(
            format!(
                "{shown_date}{}  ",
                " ".repeat(date_width.saturating_sub(cells::width(&shown_date)))
            ),
            theme.muted(),
        );
        let counts = review_counts(review, lang).unwrap_or_default();
        let counts_style = theme.status(Status::Done);
        let title_room = width.saturating_sub(date_width + 2);
        let beside = title_room.saturating_sub(cells::width(&counts) + 2);
        if counts.is_empty() || beside >= 20.min(cells::width(&review.title)) {
            let title = fit(
                &review.title,
                if counts.is_empty() {
                    title_room
                } else {
                    beside
                },
            );
            let padding = title_room.saturating_sub(cells::width(&title) + cells::width(&counts));
            lines.push((
                index,
                Line::from(vec![
                    lead,
                    Span::raw(title),
                    Span::raw(" ".repeat(padding)),
                    Span::styled(counts, counts_style),
                ]),
            ));
        } else {
            lines.push((
                index,
                Line::from(vec![lead, Span::raw(fit(&review.title, title_room))]),
            ));
            lines.push((
                index,
                Line::from(vec![
                    Span::raw(" ".repeat(date_width + 2)),
                    Span::styled(fit(&counts, title_room), counts_style),
                ]),
            ));
        }
    }
    lines
}

/// The reviews heading, one line per review (date, title, counts), then a
/// chart of the done share when at least two reviews have counts, or a
/// sentence saying there are too few.
pub(super) fn draw_reviews(frame: &mut Frame, area: Rect, app: &App, data: &Data<'_>) {
    let theme = app.theme;
    let lang = data.lang;
    let trend_height = if data.counted.len() >= 2 {
        CHART_HEIGHT
    } else {
        wrapped_height(Text::FewReviews.get(lang), area.width)
    };
    let rows = usize::from(area.height - 1);
    // The list comes first; the trend shows in the lines it leaves.
    let listed = review_list(data, area.width).len();
    let list_rows = if rows >= listed + usize::from(trend_height) {
        listed
    } else {
        rows.min(listed)
    };
    let mut lines = vec![Line::styled(
        capitalised(lang.phrase(Phrase::Reviews)),
        theme.heading(),
    )];
    let list = review_list(data, area.width);
    if list_rows < list.len() {
        // Whole reviews only, then how many are left out.
        let first_left = list
            .get(list_rows.saturating_sub(1))
            .map_or(0, |(index, _)| *index);
        let kept = list.iter().take_while(|(index, _)| *index < first_left);
        lines.extend(kept.map(|(_, line)| line.clone()));
        let left = data.reviews.len() - first_left;
        lines.push(Line::styled(format!("… +{left}"), theme.muted()));
    } else {
        lines.extend(list.into_iter().map(|(_, line)| line));
    }
    let list_height = lines.len() as u16;
    render_lines(frame.buffer_mut(), area, &lines);
    let trend = Rect {
        y: area.y + list_height,
        height: area.height - list_height,
        ..area
    };
    if trend.height == 0 {
        return;
    }
    // A blank line before the trend, when it has room to spare.
    let trend = if trend.height > trend_height {
        Rect {
            y: trend.y + 1,
            height: trend.height - 1,
            ..trend
        }
    } else {
        trend
    };
    if data.counted.len() < 2 {
        let sentence = Paragraph::new(Text::FewReviews.get(lang))
            .style(theme.muted())
            .wrap(Wrap { trim: true });
        frame.render_widget(sentence, trend);
    } else if trend.height >= 3 {
        let points: Vec<(FuzzyDate, f64)> = data
            .counted
            .iter()
            .map(|(r, share)| (r.date, *share))
            .collect();
        frame.render_widget(review_chart(theme, lang, &points, trend.width), trend);
    }
}
