//! Drawing the presenter: the slide shown, scaled to the screen (big
//! digits for headline figures, two columns on wide screens), a footer
//! with slide n/N, and on request the clock corner, the help and a
//! one-line error banner. Drawing only reads the [`PresentApp`].

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use roadmap_core::{
    Gender, Measurement, Phrase, ProgressFigure, Status, StatusCounts, capitalised, short_when,
};

use super::big::big;
use super::keys::{BINDINGS, Scope};
use super::lists::{Gauge, Section, draw_gauges, draw_sections, headline};
use super::slides::{
    AxisSlide, IndicatorLine, MilestoneLine, Slide, SummarySlide, TimelineSlide, TitleSlide,
};
use super::{PresentApp, Showing};
use crate::terminal::cells::{self, fit};
use crate::terminal::help;
use crate::text::Text;
use crate::widgets::review::{review_chart, review_counts};
use crate::widgets::slip::{self, SlipLines};
use crate::widgets::timeline::{Scene, draw_scene};

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
    draw_slide(frame, body, app);
    draw_footer(frame, footer, app);
    if app.clock_shown {
        draw_clock(frame, screen, banner_height, app);
    }
    if app.showing == Showing::Help {
        let lines = help::binding_lines(BINDINGS, &Scope::ALL, app.lang, app.theme);
        help::overlay(frame, screen, lines, 0, app.lang, app.theme);
    }
    cells::scrub(frame.buffer_mut());
}

/// Draws the slide shown in `body`, within margins: what the audience
/// sees, without footer or overlays (also what an export draws).
pub fn draw_slide(frame: &mut Frame, body: Rect, app: &PresentApp) {
    // Margins grow with the screen, so text does not touch a projector's edges.
    let body = body.inner(Margin::new(body.width / 40 + 1, body.height / 30));
    match app.slide() {
        Slide::Since(slide) => super::since::draw(frame, body, app, slide),
        Slide::Title(slide) => draw_title(frame, body, app, slide),
        Slide::Axis(slide) => draw_axis(frame, body, app, slide),
        Slide::Timeline(slide) => draw_timeline(frame, body, app, *slide),
        Slide::Summary(slide) => draw_summary(frame, body, app, slide),
    }
}

/// How many lines `text` takes wrapped at `width`.
fn wrapped_lines(text: &str, width: u16) -> u16 {
    u16::try_from(cells::wrapped_height(text, usize::from(width))).unwrap_or(u16::MAX)
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
    // Each line of counts wraps rather than losing its last statuses.
    let counts_height: u16 = counts
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_lines(&text, area.width)
        })
        .sum();
    let known: u16 = slide
        .known
        .iter()
        .map(|text| wrapped_lines(text, area.width))
        .sum();
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
        known_area,
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
        Constraint::Length(counts_height),
        Constraint::Length(known),
        Constraint::Fill(1),
    ])
    .areas(area);
    let centred = |text: String, style: Style| {
        Paragraph::new(Line::styled(cells::safe(&text).into_owned(), style))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
    };
    frame.render_widget(centred(slide.title.clone(), theme.heading()), title);
    frame.render_widget(
        centred(slide.organisation.clone(), theme.muted()),
        organisation,
    );
    let dates = roadmap_core::render_range(Some(slide.period.start), Some(slide.period.end), lang);
    frame.render_widget(centred(dates, Style::new()), period);
    let style = if slide.overall.percent().is_some() {
        theme.status(Status::Done)
    } else {
        theme.muted()
    };
    big(frame, figure_area, &figure, style);
    // Under counts ("0/14"), the label says what is counted.
    let label_text = match slide.overall {
        ProgressFigure::Counts { .. } => format!(
            "{}{}{}",
            capitalised(lang.phrase(Phrase::Overall)),
            lang.colon(),
            slide.overall.text(lang)
        ),
        _ => capitalised(lang.phrase(Phrase::Overall)),
    };
    frame.render_widget(centred(label_text, theme.heading()), label);
    let known_lines: Vec<Line> = slide
        .known
        .iter()
        .map(|text| Line::styled(cells::safe(text).into_owned(), theme.muted()))
        .collect();
    frame.render_widget(
        Paragraph::new(known_lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        known_area,
    );
    frame.render_widget(
        Paragraph::new(counts.to_vec())
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        counts_area,
    );
}

/// "missions : ✔ 3 terminées · ◐ 5 en cours", status by symbol and word.
fn counts_line(word: Text, counts: &StatusCounts, app: &PresentApp) -> Line<'static> {
    let gender = match word {
        Text::Missions => Gender::Feminine,
        _ => Gender::Masculine,
    };
    let mut spans = vec![Span::styled(
        format!("{}{}", capitalised(word.get(app.lang)), app.lang.colon()),
        app.theme.muted(),
    )];
    for (index, (status, count)) in counts.nonzero().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" · ", app.theme.muted()));
        }
        spans.push(Span::styled(
            format!(
                "{} {count} {}",
                status.symbol(),
                status.counted(app.lang, count, gender)
            ),
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
            // The font draws one 8×8 glyph per character, whatever its width as text.
            let glyphs = u16::try_from(f.chars().count()).unwrap_or(u16::MAX);
            glyphs
                .saturating_mul(8 * big_height.div_ceil(8))
                .min(area.width / 2)
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
    let mut lines = vec![Line::styled(
        cells::safe(title).into_owned(),
        app.theme.heading(),
    )];
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
    let (gauges_area, lists_area) = if rest.width >= TWO_COLUMNS {
        let [left, _, right] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(rest);
        (left, right)
    } else {
        // Gauges first, at most half the height, then the lists.
        let wanted = u16::try_from(slide.missions.len() * 2).unwrap_or(u16::MAX);
        let [top, _, bottom] = Layout::vertical([
            Constraint::Max(wanted.min(rest.height / 2)),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(rest);
        (top, bottom)
    };
    let lang = app.lang;
    let milestones = |heading: Text, empty: Text, list: &[MilestoneLine]| Section {
        heading: heading.get(lang).to_owned(),
        items: list.iter().map(|m| milestone_line(m, app).into()).collect(),
        empty: empty.get(lang),
    };
    let next = milestones(Text::NextMilestones, Text::NoNextMilestone, &slide.next);
    let late = milestones(Text::LateMilestones, Text::NoLateMilestone, &slide.late);
    let indicators = (!slide.indicators.is_empty()).then(|| Section {
        heading: capitalised(lang.phrase(Phrase::Indicators)),
        items: slide
            .indicators
            .iter()
            .map(|i| indicator_item(i, app, lists_area.width))
            .collect(),
        empty: "",
    });
    let gauges: Vec<Gauge> = slide
        .missions
        .iter()
        .map(|m| Gauge {
            // The stale mark after the status symbol, as in the explorer.
            label: if m.stale {
                format!(
                    "{}{} {}",
                    m.status.symbol(),
                    roadmap_core::STALE_SYMBOL,
                    m.title
                )
            } else {
                format!("{} {}", m.status.symbol(), m.title)
            },
            style: app.theme.status(m.status),
            progress: m.progress,
        })
        .collect();
    let delivered = (!slide.delivered.is_empty()).then(|| {
        milestones(
            Text::DeliveredMilestones,
            Text::NoNextMilestone,
            &slide.delivered,
        )
    });
    // In order of importance: what comes, what is late, the figures, then
    // what was delivered when there is room left.
    let mut sections = vec![next, late];
    sections.extend(indicators);
    sections.extend(delivered);
    draw_gauges(frame, gauges_area, app, &gauges);
    draw_sections(frame, lists_area, app, &sections);
}

fn milestone_line(milestone: &MilestoneLine, app: &PresentApp) -> Line<'static> {
    let date = short_when(milestone.date, milestone.done_on, app.lang);
    Line::from(vec![
        Span::styled(
            format!("{} {date}", milestone.status.symbol()),
            app.theme.status(milestone.status),
        ),
        Span::raw(format!("  {}", milestone.title)),
    ])
}

/// An indicator's name and values on one line when they fit in `width`,
/// else the values on a line of their own, so that a value is never cut
/// to make room for a long name.
fn indicator_item(
    indicator: &IndicatorLine,
    app: &PresentApp,
    width: u16,
) -> ratatui::text::Text<'static> {
    let lang = app.lang;
    // The qualifier goes with the value ("au moins 43"); a note would push
    // the target out of the line.
    let value = |m: &Option<Measurement>| {
        m.as_ref().map_or_else(
            || Text::Unknown.get(lang).to_owned(),
            |m| m.value_text(lang, &indicator.unit),
        )
    };
    let name = format!("• {}", indicator.name);
    let values = format!(
        "{} {} → {} {}",
        lang.phrase(Phrase::Current),
        value(&indicator.current),
        lang.phrase(Phrase::Target),
        value(&indicator.target)
    );
    if cells::width(&name) + 2 + cells::width(&values) <= usize::from(width) {
        return Line::from(vec![
            Span::raw(format!("{name}  ")),
            Span::styled(values, app.theme.highlight()),
        ])
        .into();
    }
    vec![Line::raw(name), Line::styled(values, app.theme.highlight())].into()
}

fn draw_timeline(frame: &mut Frame, area: Rect, app: &PresentApp, slide: TimelineSlide) {
    let scene = Scene {
        roadmap: &app.roadmap,
        window: slide.window,
        keep: None,
        selected: None,
        lang: app.lang,
        today: app.today,
        theme: app.theme,
    };
    draw_scene(frame, area, &scene, true, |title| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(app.theme.muted())
            .title(Span::styled(format!(" {title} "), app.theme.heading()))
    });
}

fn draw_summary(frame: &mut Frame, area: Rect, app: &PresentApp, slide: &SummarySlide) {
    // The heading the core's plan gives, as the notes window names it.
    let rest = header(frame, area, app, &app.planned().heading, None);
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
    // Planned against actual under the gauges: its heading, the overall
    // line and the measured axes, within a third of the column.
    let slip_wanted = u16::try_from(2 + slide.slip.overall_lines().count() + slide.slip.axes.len())
        .unwrap_or(u16::MAX);
    let slip_height = slip_wanted.min(axes.height / 3);
    let [axes_heading, axes, slip] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(slip_height),
    ])
    .areas(axes);
    frame.render_widget(
        Line::styled(Text::ProgressByAxis.get(app.lang), app.theme.heading()),
        axes_heading,
    );
    draw_gauges(frame, axes, app, &gauges);
    draw_slip(frame, slip, app, &slide.slip);
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
                .into()
            })
            .collect(),
        empty: "",
    };
    let list_height = reviews_section.wanted_height(reviews.width);
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

/// A blank line, the planned-against-actual heading, the overall line,
/// then the measured axes as many as fit.
fn draw_slip(frame: &mut Frame, area: Rect, app: &PresentApp, slip: &SlipLines) {
    if area.height < 3 {
        return;
    }
    let room = usize::from(area.width);
    let mut lines = vec![
        Line::default(),
        Line::styled(Text::PlannedVsActual.get(app.lang), app.theme.heading()),
    ];
    lines.extend(slip.overall_lines().map(|text| Line::raw(fit(text, room))));
    lines.extend(
        slip.axes
            .iter()
            .map(|(label, figure)| Line::raw(slip::axis_line(label, figure, room))),
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// The roadmap's title, the key hints, the number being typed and n/N.
fn draw_footer(frame: &mut Frame, area: Rect, app: &PresentApp) {
    let position = format!(" {}/{} ", app.current + 1, app.slides.len());
    let typed = if app.typed.is_empty() {
        String::new()
    } else {
        format!("{} {}▏ ", Text::GoToSlide.get(app.lang), app.typed)
    };
    let right_width = cells::width_u16(&position).saturating_add(cells::width_u16(&typed));
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    let hints = Text::PresentKeysHint.get(app.lang);
    let title = fit(
        app.roadmap.title(),
        usize::from(left.width).saturating_sub(cells::width(hints) + 4),
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
    let width = cells::width_u16(&text).min(screen.width);
    let area = Rect::new(screen.right() - width, screen.y + top, width, 1);
    frame.render_widget(Clear, area);
    frame.render_widget(Line::styled(text, app.theme.selected()), area);
}

/// "4:05" under an hour, "1:02:03" from an hour: as the browser's
/// slides show it.
pub(crate) fn duration(elapsed: Duration) -> String {
    roadmap_markup::slides::elapsed(elapsed.as_secs())
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
