//! Drawing the presenter: the slide shown, scaled to the screen (big
//! digits for headline figures, two columns on wide screens), a footer
//! with slide n/N, and on request the clock corner, the help and a
//! one-line error banner. Drawing only reads the [`PresentApp`].

use std::time::Duration;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use roadmap_core::{
    Day, FuzzyDate, Packing, Phrase, Roadmap, Status, StatusCounts, TimeWindow, capitalised,
};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::slides::{AxisSlide, IndicatorLine, MilestoneLine, Slide, SummarySlide, TitleSlide};
use super::{PresentApp, Showing};
use crate::keys::{PRESENT_BINDINGS, Scope};
use crate::text::{Text, date_range};
use crate::ui::dashboard::{review_chart, review_counts};
use crate::ui::timeline::{DONE, Scene, TO_DO, UNKNOWN_PROGRESS, done_cells, draw_scene};
use crate::ui::{fit, help};

/// Below this width the presenter shows a message instead of a slide.
pub const MIN_WIDTH: u16 = 60;
/// Below this height the presenter shows a message instead of a slide.
pub const MIN_HEIGHT: u16 = 16;
/// From this width, axis and summary slides have two columns.
const TWO_COLUMNS: u16 = 110;

/// Draws the whole presenter.
pub fn draw(frame: &mut Frame, app: &PresentApp) {
    let screen = frame.area();
    if app.showing == Showing::Blank {
        return;
    }
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        let message = Paragraph::new(Span::styled(
            Text::PresentTooSmall.get(app.lang),
            app.theme.alert(),
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(message, screen);
        return;
    }
    let banner_height = u16::from(app.error.is_some());
    let [banner, body, footer] = Layout::vertical([
        Constraint::Length(banner_height),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(screen);
    if let Some(error) = &app.error {
        let text = fit(&format!(" ⚠ {error}"), usize::from(banner.width));
        frame.render_widget(Paragraph::new(text).style(app.theme.alert()), banner);
    }
    // Margins grow with the screen, so text does not touch a projector's edges.
    let body = body.inner(Margin::new(body.width / 40 + 1, body.height / 30));
    match app.slide() {
        Slide::Title(slide) => draw_title(frame, body, app, slide),
        Slide::Axis(slide) => draw_axis(frame, body, app, slide),
        Slide::Timeline => draw_timeline(frame, body, app),
        Slide::Summary(slide) => draw_summary(frame, body, app, slide),
    }
    draw_footer(frame, footer, app);
    if app.clock_shown {
        draw_clock(frame, screen, banner_height, app);
    }
    if app.showing == Showing::Help {
        let lines = help::binding_lines(PRESENT_BINDINGS, &Scope::PRESENT, app.lang, app.theme);
        help::overlay(frame, screen, lines, 0, app.lang, app.theme);
    }
}

/// `text` in the biggest letters that fit `area`, centred: the 8×8 font
/// with each of its pixels drawn as a square of cells as large as the
/// area allows, else in half or quarter cells, else as plain text. Returns
/// the lines used.
fn big(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    // The font has no narrow no-break space ("42 %" in French).
    let text = text.replace('\u{202f}', " ");
    let chars = text.chars().count() as u16;
    let full_width = chars.saturating_mul(8);
    let scale = (area.width / full_width.max(1)).min(area.height / 8);
    if scale >= 1 {
        let font = Rect::new(0, 0, full_width, 8);
        let mut glyphs = Buffer::empty(font);
        big_text(&text, PixelSize::Full, style).render(font, &mut glyphs);
        let x0 = area.x + (area.width - full_width * scale) / 2;
        let buf = frame.buffer_mut();
        for (x, y) in (0..font.height).flat_map(|y| (0..font.width).map(move |x| (x, y))) {
            for (dx, dy) in (0..scale).flat_map(|dy| (0..scale).map(move |dx| (dx, dy))) {
                if let Some(cell) = buf.cell_mut((x0 + x * scale + dx, area.y + y * scale + dy)) {
                    *cell = glyphs[(x, y)].clone();
                }
            }
        }
        return 8 * scale;
    }
    let smaller = [(PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)]
        .into_iter()
        .find(|&(_, w, h)| chars.saturating_mul(w) <= area.width && h <= area.height);
    let Some((size, _, height)) = smaller else {
        let line = Line::styled(text, style).alignment(Alignment::Center);
        frame.render_widget(Paragraph::new(line), area);
        return area.height.min(1);
    };
    frame.render_widget(big_text(&text, size, style), Rect { height, ..area });
    height
}

fn big_text(text: &str, size: PixelSize, style: Style) -> BigText<'static> {
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(vec![Line::from(text.to_owned())])
        .build()
}

/// A percentage as a headline, or "unknown" when the data gives none.
fn headline(progress: Option<f64>, app: &PresentApp) -> String {
    progress.map_or_else(
        || Text::Unknown.get(app.lang).to_owned(),
        |p| app.lang.percent(p),
    )
}

/// How many lines `text` takes wrapped at `width` (words never cut).
fn wrapped_lines(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines += 1;
            used = w;
        } else {
            used += w + usize::from(used > 0);
        }
    }
    lines
}

fn draw_title(frame: &mut Frame, area: Rect, app: &PresentApp, slide: &TitleSlide) {
    let lang = app.lang;
    let theme = app.theme;
    let figure = headline(slide.overall, app);
    let counts = [
        (Text::Missions, &slide.missions),
        (Text::Milestones, &slide.milestones),
    ]
    .map(|(word, counts)| counts_line(word, counts, app));
    let [
        _,
        title,
        organisation,
        period,
        _,
        figure_area,
        label,
        _,
        counts_area,
        _,
    ] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(wrapped_lines(&slide.title, area.width)),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(area.height / 3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let centred = |text: String, style: Style| {
        Paragraph::new(Line::styled(text, style))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
    };
    frame.render_widget(centred(slide.title.clone(), theme.heading()), title);
    frame.render_widget(
        centred(slide.organisation.clone(), theme.muted()),
        organisation,
    );
    let dates = date_range(Some(slide.period.start), Some(slide.period.end), lang);
    frame.render_widget(centred(dates, Style::new()), period);
    let style = if slide.overall.is_some() {
        theme.status(Status::Done)
    } else {
        theme.muted()
    };
    big(frame, figure_area, &figure, style);
    frame.render_widget(
        centred(capitalised(lang.phrase(Phrase::Overall)), theme.heading()),
        label,
    );
    frame.render_widget(
        Paragraph::new(counts.to_vec()).alignment(Alignment::Center),
        counts_area,
    );
}

/// "missions : ✔ 3 terminé · ◐ 5 en cours", status by symbol and word.
fn counts_line(word: Text, counts: &StatusCounts, app: &PresentApp) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{}{}", capitalised(word.get(app.lang)), app.lang.colon()),
        app.theme.muted(),
    )];
    for (index, (status, count)) in counts.nonzero().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" · ", app.theme.muted()));
        }
        spans.push(Span::styled(
            format!("{} {count} {}", status.symbol(), status.label(app.lang)),
            app.theme.status(status),
        ));
    }
    Line::from(spans)
}

/// The header of a slide: its title on the left, a headline figure in big
/// letters on the right when the screen has room, else under the title.
/// Returns the rest of `area`.
fn header(
    frame: &mut Frame,
    area: Rect,
    app: &PresentApp,
    title: &str,
    figure: Option<&str>,
) -> Rect {
    // Big letters take at most a fifth of the height and half the width.
    let big_height = match area.height / 5 {
        16.. => 16,
        8.. => 8,
        h => h.min(4) / 4 * 4,
    };
    let figure_width = match &figure {
        Some(f) if big_height > 0 => {
            (f.chars().count() as u16 * 8 * big_height.div_ceil(8)).min(area.width / 2)
        }
        _ => 0,
    };
    let title_width = area.width.saturating_sub(figure_width + 2);
    let small_figure = figure.as_ref().filter(|_| figure_width == 0);
    let height = (wrapped_lines(title, title_width) + u16::from(small_figure.is_some()))
        .max(if figure_width > 0 { big_height } else { 0 });
    let [top, _, rest] = Layout::vertical([
        Constraint::Length(height),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let [left, _, right] = Layout::horizontal([
        Constraint::Length(title_width),
        Constraint::Length(2),
        Constraint::Length(figure_width),
    ])
    .areas(top);
    let mut lines = vec![Line::styled(title.to_owned(), app.theme.heading())];
    if let Some(figure) = small_figure {
        lines.push(Line::styled(
            format!(
                "{}{}{figure}",
                capitalised(app.lang.phrase(Phrase::Progress)),
                app.lang.colon()
            ),
            app.theme.highlight(),
        ));
    } else if let Some(figure) = &figure {
        big(frame, right, figure, app.theme.heading());
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), left);
    rest
}

fn draw_axis(frame: &mut Frame, area: Rect, app: &PresentApp, slide: &AxisSlide) {
    let axes = app
        .slides
        .iter()
        .filter(|s| matches!(s, Slide::Axis(_)))
        .count();
    let title = format!("{}/{axes} · {}", slide.number, slide.title);
    let rest = header(
        frame,
        area,
        app,
        &title,
        Some(&headline(slide.progress, app)),
    );
    let lang = app.lang;
    let milestones = |heading: Text, empty: Text, list: &[MilestoneLine]| Section {
        heading: heading.get(lang).to_owned(),
        items: list.iter().map(|m| milestone_line(m, app)).collect(),
        empty: empty.get(lang),
    };
    let next = milestones(Text::NextMilestones, Text::NoNextMilestone, &slide.next);
    let late = milestones(Text::LateMilestones, Text::NoLateMilestone, &slide.late);
    let indicators = (!slide.indicators.is_empty()).then(|| Section {
        heading: capitalised(lang.phrase(Phrase::Indicators)),
        items: slide
            .indicators
            .iter()
            .map(|i| indicator_line(i, app))
            .collect(),
        empty: "",
    });
    let gauges: Vec<Gauge> = slide
        .missions
        .iter()
        .map(|m| Gauge {
            label: format!("{} {}", m.status.symbol(), m.title),
            style: app.theme.status(m.status),
            progress: m.progress,
        })
        .collect();
    let mut sections = vec![next, late];
    sections.extend(indicators);
    if rest.width >= TWO_COLUMNS {
        let [left, _, right] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(rest);
        draw_gauges(frame, left, app, &gauges);
        draw_sections(frame, right, app, &sections);
    } else {
        // Gauges first, at most half the height, then the lists.
        let wanted = u16::try_from(gauges.len() * 2).unwrap_or(u16::MAX);
        let [top, _, bottom] = Layout::vertical([
            Constraint::Max(wanted.min(rest.height / 2)),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(rest);
        draw_gauges(frame, top, app, &gauges);
        draw_sections(frame, bottom, app, &sections);
    }
}

fn milestone_line(milestone: &MilestoneLine, app: &PresentApp) -> Line<'static> {
    let date = milestone.date.map_or_else(
        || app.lang.phrase(Phrase::NoDate).to_owned(),
        |d: FuzzyDate| d.render(app.lang),
    );
    Line::from(vec![
        Span::styled(
            format!("{} {date}", milestone.status.symbol()),
            app.theme.status(milestone.status),
        ),
        Span::raw(format!("  {}", milestone.title)),
    ])
}

fn indicator_line(indicator: &IndicatorLine, app: &PresentApp) -> Line<'static> {
    let lang = app.lang;
    let value = |v: Option<f64>| {
        v.map_or_else(
            || Text::Unknown.get(lang).to_owned(),
            |v| format!("{} {}", lang.number(v), indicator.unit),
        )
    };
    Line::from(vec![
        Span::raw(format!("• {}  ", indicator.name)),
        Span::styled(
            format!(
                "{} {} → {} {}",
                lang.phrase(Phrase::Current),
                value(indicator.current),
                lang.phrase(Phrase::Target),
                value(indicator.target)
            ),
            app.theme.highlight(),
        ),
    ])
}

/// A titled list, cut to the lines it gets.
struct Section {
    heading: String,
    items: Vec<Line<'static>>,
    /// Said when the list is empty.
    empty: &'static str,
}

/// Sections one under the other, each given lines in proportion to what
/// it holds; a list that does not fit ends with "… +n".
fn draw_sections(frame: &mut Frame, area: Rect, app: &PresentApp, sections: &[Section]) {
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
            .map(|line| fit_line(line, area.width))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// `line` cut to `width` cells, its last span ending with "…" when cut.
fn fit_line(line: Line<'static>, width: u16) -> Line<'static> {
    let mut room = usize::from(width);
    let mut spans = Vec::new();
    for span in line.spans {
        if room == 0 {
            break;
        }
        let text = fit(&span.content, room);
        room = room.saturating_sub(text.width());
        spans.push(Span::styled(text, span.style));
    }
    Line::from(spans)
}

/// A progress gauge: a label, and a bar unless the progress is unknown.
struct Gauge {
    label: String,
    style: Style,
    progress: Option<f64>,
}

/// Gauges one under the other: label and value on a line, the bar under
/// it (two lines thick when there is room), or all on one line when
/// space is short; the last line says how many are left out.
fn draw_gauges(frame: &mut Frame, area: Rect, app: &PresentApp, gauges: &[Gauge]) {
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
            Some(p) => {
                let done = done_cells(p, len);
                vec![
                    Span::styled(
                        DONE.to_string().repeat(done),
                        app.theme.status(Status::Done),
                    ),
                    Span::styled(TO_DO.to_string().repeat(len - done), app.theme.muted()),
                ]
            }
            None => vec![Span::styled(
                UNKNOWN_PROGRESS.to_string().repeat(len),
                app.theme.muted(),
            )],
        };
        if per_gauge == 1 {
            let label_width = width * 45 / 100;
            let label = fit(&gauge.label, label_width);
            let bar_len = width.saturating_sub(label_width + value.width() + 2);
            let mut spans = vec![Span::styled(format!("{label:<label_width$} "), gauge.style)];
            spans.extend(bar(bar_len));
            spans.push(Span::raw(format!(" {value}")));
            lines.push(Line::from(spans));
            continue;
        }
        let label = fit(&gauge.label, width.saturating_sub(value.width() + 1));
        let gap = width.saturating_sub(label.width() + value.width());
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

fn draw_timeline(frame: &mut Frame, area: Rect, app: &PresentApp) {
    let scene = Scene {
        roadmap: &app.roadmap,
        window: window_with_today(&app.roadmap, app.today),
        keep: None,
        selected: None,
        packing: Packing::OnePerMission,
        lang: app.lang,
        today: app.today,
        theme: app.theme,
    };
    draw_scene(frame, area, &scene, |title| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(app.theme.muted())
            .title(Span::styled(format!(" {title} "), app.theme.heading()))
    });
}

/// The whole programme, stretched to take in today when it lies outside,
/// so the today line is always on the slide.
fn window_with_today(roadmap: &Roadmap, today: Day) -> TimeWindow {
    let window = TimeWindow::around(roadmap);
    if window.contains(today) {
        return window;
    }
    // A month beyond today, so its mark and word are not on the edge.
    let month = time::Duration::days(31);
    TimeWindow::new(
        window.start().min(today - month),
        window.end().max(today + month),
    )
}

fn draw_summary(frame: &mut Frame, area: Rect, app: &PresentApp, slide: &SummarySlide) {
    let rest = header(frame, area, app, Text::Summary.get(app.lang), None);
    let gauges: Vec<Gauge> = slide
        .axes
        .iter()
        .map(|(label, progress)| Gauge {
            label: label.clone(),
            style: Style::new(),
            progress: *progress,
        })
        .collect();
    let (axes, reviews) = if rest.width >= TWO_COLUMNS {
        let [left, _, right] = Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(rest);
        (left, right)
    } else {
        let [top, _, bottom] = Layout::vertical([
            Constraint::Percentage(50),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(rest);
        (top, bottom)
    };
    let [axes_heading, axes] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(axes);
    frame.render_widget(
        Line::styled(Text::ProgressByAxis.get(app.lang), app.theme.heading()),
        axes_heading,
    );
    draw_gauges(frame, axes, app, &gauges);
    let reviews_section = Section {
        heading: capitalised(app.lang.phrase(Phrase::Reviews)),
        items: slide
            .reviews
            .iter()
            .map(|r| {
                Line::from(vec![
                    Span::styled(format!("{}  ", r.date.render(app.lang)), app.theme.muted()),
                    Span::raw(format!("{}  ", r.title)),
                    Span::styled(
                        review_counts(r, app.lang).unwrap_or_default(),
                        app.theme.status(Status::Done),
                    ),
                ])
            })
            .collect(),
        empty: "",
    };
    let list_height = u16::try_from(slide.reviews.len() + 2).unwrap_or(u16::MAX);
    let [list, chart] =
        Layout::vertical([Constraint::Max(list_height), Constraint::Min(0)]).areas(reviews);
    draw_sections(frame, list, app, &[reviews_section]);
    let counted = slide.counted();
    if counted.len() < 2 {
        frame.render_widget(
            Paragraph::new(Text::FewReviews.get(app.lang))
                .style(app.theme.muted())
                .wrap(Wrap { trim: true }),
            chart,
        );
    } else {
        frame.render_widget(
            review_chart(app.theme, app.lang, &counted, chart.width),
            chart,
        );
    }
}

/// The roadmap's title, the key hints, the number being typed and n/N.
fn draw_footer(frame: &mut Frame, area: Rect, app: &PresentApp) {
    let position = format!(" {}/{} ", app.current + 1, app.slides.len());
    let typed = if app.typed.is_empty() {
        String::new()
    } else {
        format!("{} {}▏ ", Text::GoToSlide.get(app.lang), app.typed)
    };
    let right_width = (position.width() + typed.width()) as u16;
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    let hints = Text::PresentKeysHint.get(app.lang);
    let title = fit(
        app.roadmap.title(),
        usize::from(left.width).saturating_sub(hints.width() + 4),
    );
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!("{title}   "), app.theme.muted()),
            Span::styled(format!("{hints} "), app.theme.muted()),
        ]),
        left,
    );
    frame.render_widget(
        Line::from(vec![
            Span::styled(typed, app.theme.highlight()),
            Span::styled(position, app.theme.selected()),
        ]),
        right,
    );
}

/// The wall clock and the time elapsed, in the top right corner.
fn draw_clock(frame: &mut Frame, screen: Rect, top: u16, app: &PresentApp) {
    let clock = app.clock.map_or_else(
        || "--:--".to_owned(),
        |t| format!("{:02}:{:02}", t.hour(), t.minute()),
    );
    let text = format!(
        " {clock} · {} {} ",
        Text::Elapsed.get(app.lang),
        duration(app.elapsed())
    );
    let width = (text.width() as u16).min(screen.width);
    let area = Rect::new(screen.right() - width, screen.y + top, width, 1);
    frame.render_widget(Clear, area);
    frame.render_widget(Line::styled(text, app.theme.selected()), area);
}

/// "4:05" under an hour, "1:02:03" from an hour.
fn duration(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_time_reads_as_a_clock() {
        assert_eq!(duration(Duration::from_secs(0)), "0:00");
        assert_eq!(duration(Duration::from_secs(245)), "4:05");
        assert_eq!(duration(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn wrapping_counts_whole_words() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("one two", 7), 1);
        assert_eq!(wrapped_lines("one two", 6), 2);
        assert_eq!(wrapped_lines("a b c d e f", 3), 3);
    }
}
