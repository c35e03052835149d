//! The dashboard pane: overall progress, progress per axis, counts by
//! status, progress reviews over time.
//!
//! Progress bars use the shared glyphs of [`crate::widgets::progress`]
//! (`█` done, `░` to do). A value
//! the data does not give is written "inconnu"/"unknown" with no bar: no
//! number is ever made up. Sections that do not fit are shortened, then
//! left out, in reverse order of importance, so nothing overflows from
//! 40×10 to 200×60.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::{FuzzyDate, Language, Phrase, ProgressReview, Status, StatusCounts};

use roadmap_core::capitalised;

use super::pane_block;
use crate::explore::state::{App, Pane};
use crate::terminal::cells::{self, fit};
use crate::terminal::theme::ThemeKind;
use crate::text::Text;
use crate::widgets::progress::{DONE, TO_DO, axes_progress, done_cells};
use crate::widgets::review::{review_chart, review_counts};

/// From this inner width, reviews go in a column of their own.
const TWO_COLUMNS: u16 = 90;
/// Height of the reviews chart: bars, then their labels.
const CHART_HEIGHT: u16 = 7;

/// What the dashboard shows, computed once per draw.
struct Data<'a> {
    lang: Language,
    theme: ThemeKind,
    overall: Option<f64>,
    /// "1. Title" and progress, per axis.
    axes: Vec<(String, Option<f64>)>,
    missions: StatusCounts,
    milestones: StatusCounts,
    reviews: &'a [ProgressReview],
    /// Reviews with both counts, and their done share.
    counted: Vec<(&'a ProgressReview, f64)>,
}

impl<'a> Data<'a> {
    fn new(app: &'a App) -> Self {
        let roadmap = &app.tab().roadmap;
        let today = app.today;
        let reviews = roadmap.reviews();
        Data {
            lang: app.lang,
            theme: app.theme,
            overall: roadmap.progress_percent(today),
            axes: axes_progress(roadmap, today),
            missions: roadmap.mission_counts(today),
            milestones: roadmap.milestone_counts(today),
            reviews,
            counted: reviews
                .iter()
                .filter_map(|r| r.progress().map(|p| (r, p.percent())))
                .collect(),
        }
    }

    /// Statuses with at least one mission or milestone.
    fn statuses(&self) -> Vec<Status> {
        Status::ALL
            .into_iter()
            .filter(|&s| self.missions.get(s) + self.milestones.get(s) > 0)
            .collect()
    }
}

/// The parts of the dashboard, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Overall,
    Axes,
    Statuses,
    Reviews,
}

impl Section {
    /// The lines the section needs at `width`.
    fn need(self, data: &Data<'_>, width: u16) -> Need {
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let need = |least, wanted| Need {
            least,
            wanted,
            stretches: true,
        };
        match self {
            Section::Overall => need(1, 1),
            Section::Axes if data.axes.is_empty() => need(0, 0),
            Section::Axes => need(2, count(data.axes.len()).saturating_add(1)),
            // Lines of counts, or the whole table.
            Section::Statuses => match data.statuses().len() {
                0 => need(0, 0),
                n => {
                    let flow = count(counts_flow(data, width).len());
                    let table = if table_width(data, width).is_some() {
                        count(n + 1)
                    } else {
                        flow
                    };
                    Need {
                        stretches: false,
                        ..need(flow.min(table), table)
                    }
                }
            },
            Section::Reviews => {
                let trend = if data.counted.len() >= 2 {
                    CHART_HEIGHT
                } else {
                    wrapped_height(Text::FewReviews.get(data.lang), width)
                };
                // The heading, a review and "… +n" at least.
                let list = count(review_list(data, width).len());
                let wanted = list.saturating_add(1 + trend);
                need(wanted.min(3), wanted)
            }
        }
    }

    /// Lower draws first when lines are short.
    fn priority(self) -> u8 {
        match self {
            Section::Overall => 0,
            Section::Statuses => 1,
            Section::Axes => 2,
            Section::Reviews => 3,
        }
    }
}

/// Lines a text takes once wrapped at `width` (a close estimate).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    u16::try_from(cells::width(text).div_ceil(width))
        .unwrap_or(u16::MAX)
        .max(1)
}

/// The lines a section needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Need {
    /// Fewer lines than this and the section is left out.
    least: u16,
    /// The lines it fills when it has all it wants.
    wanted: u16,
    /// Whether any height between is of use (else it gets one or the other).
    stretches: bool,
}

/// Heights for sections given in display order, within `height`: each
/// gets its least in `priority` order (or nothing when that does not fit),
/// then lines left go to sections in display order up to what they want.
/// Returns the heights and whether a blank line fits between shown
/// sections.
fn allocate(needs: &[Need], priority: &[usize], height: u16) -> (Vec<u16>, bool) {
    let mut heights = vec![0; needs.len()];
    let mut left = height;
    for &i in priority {
        let least = needs[i].least;
        if least > 0 && least <= left {
            heights[i] = least;
            left -= least;
        }
    }
    for (i, need) in needs.iter().enumerate() {
        let more = need.wanted.saturating_sub(heights[i]);
        if heights[i] > 0 && (need.stretches || more <= left) {
            let more = more.min(left);
            heights[i] += more;
            left -= more;
        }
    }
    let shown = heights.iter().filter(|&&h| h > 0).count() as u16;
    (heights, left >= shown.saturating_sub(1) && shown > 1)
}

/// Draws the dashboard in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, Pane::Dashboard, Text::Dashboard.get(app.lang));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let data = Data::new(app);
    if inner.width >= TWO_COLUMNS {
        let left_width = (u32::from(inner.width) * 11 / 20) as u16;
        let left = Rect {
            width: left_width,
            ..inner
        };
        let right = Rect {
            x: inner.x + left_width + 2,
            width: inner.width - left_width - 2,
            ..inner
        };
        draw_column(
            frame,
            left,
            app,
            &data,
            &[Section::Overall, Section::Axes, Section::Statuses],
        );
        draw_column(frame, right, app, &data, &[Section::Reviews]);
    } else {
        let all = [
            Section::Overall,
            Section::Axes,
            Section::Statuses,
            Section::Reviews,
        ];
        draw_column(frame, inner, app, &data, &all);
    }
}

/// Stacks `sections` in `area`, each in the lines `allocate` gives it.
fn draw_column(frame: &mut Frame, area: Rect, app: &App, data: &Data<'_>, sections: &[Section]) {
    let needs: Vec<Need> = sections.iter().map(|s| s.need(data, area.width)).collect();
    let mut priority: Vec<usize> = (0..sections.len()).collect();
    priority.sort_by_key(|&i| sections[i].priority());
    let (heights, gaps) = allocate(&needs, &priority, area.height);
    let mut y = area.y;
    for (section, height) in sections.iter().zip(heights) {
        if height == 0 {
            continue;
        }
        let rect = Rect::new(area.x, y, area.width, height);
        match section {
            Section::Overall | Section::Axes => {
                draw_progress(frame.buffer_mut(), rect, app, data, *section);
            }
            Section::Statuses => draw_statuses(frame.buffer_mut(), rect, app, data),
            Section::Reviews => draw_reviews(frame, rect, app, data),
        }
        y += height + u16::from(gaps);
    }
}

/// Widths of the label, bar and value of progress lines, shared by the
/// overall line and the axes so their bars line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
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
fn progress_line(
    app: &App,
    columns: Columns,
    label: &str,
    label_style: Style,
    progress: Option<f64>,
) -> Line<'static> {
    let theme = app.theme;
    let label = fit(label, columns.label);
    let padding = columns.label.saturating_sub(cells::width(&label));
    let mut spans = vec![
        Span::styled(label, label_style),
        Span::raw(" ".repeat(padding + 1)),
    ];
    let (bar, value) = match progress {
        Some(percent) => {
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
        None => (
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
fn draw_progress(buf: &mut Buffer, area: Rect, app: &App, data: &Data<'_>, section: Section) {
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
    if section == Section::Overall {
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

/// Counts by status: a table of missions and milestones when there is
/// room, else one line each.
fn draw_statuses(buf: &mut Buffer, area: Rect, app: &App, data: &Data<'_>) {
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
fn counts_flow(data: &Data<'_>, width: u16) -> Vec<Line<'static>> {
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
fn table_width(data: &Data<'_>, width: u16) -> Option<(usize, usize)> {
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

/// The lines listing the reviews at `width`: date and title, then the
/// counts on the same line when the title keeps 20 cells, else on a line
/// of their own under the title.
fn review_list(data: &Data<'_>, width: u16) -> Vec<(usize, Line<'static>)> {
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
fn draw_reviews(frame: &mut Frame, area: Rect, app: &App, data: &Data<'_>) {
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

/// Writes `lines` from the top of `area`, clipped to it.
fn render_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'static>]) {
    for (line, y) in lines.iter().zip(area.y..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// The text with its first letter in capitals.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_get_their_least_by_priority_then_more_in_order() {
        // Overall, axes, statuses, reviews; priority overall, statuses, axes, reviews.
        let need = |least, wanted| Need {
            least,
            wanted,
            stretches: true,
        };
        let table = Need {
            stretches: false,
            ..need(2, 5)
        };
        let needs = [need(1, 1), need(2, 7), table, need(2, 12)];
        let priority = [0, 2, 1, 3];
        // Everything fits, with gaps.
        assert_eq!(allocate(&needs, &priority, 40), (vec![1, 7, 5, 12], true));
        // 40×10: six lines; reviews are left out, axes get one more.
        assert_eq!(allocate(&needs, &priority, 6), (vec![1, 3, 2, 0], false));
        // Too short for statuses: overall alone.
        assert_eq!(allocate(&needs, &priority, 2), (vec![1, 0, 0, 0], false));
        assert_eq!(allocate(&needs, &priority, 0), (vec![0, 0, 0, 0], false));
        // The table gets all it wants or its least, never between.
        assert_eq!(allocate(&needs, &priority, 14), (vec![1, 7, 2, 4], false));
        assert_eq!(allocate(&needs, &priority, 17), (vec![1, 7, 5, 4], false));
        // Empty sections are never shown.
        assert_eq!(
            allocate(&[need(1, 1), need(0, 0)], &[0, 1], 10),
            (vec![1, 0], false)
        );
    }

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
