//! Drawing the explorer: each pane where [`super::geometry`] puts it (the
//! same places `update` uses for mouse hits), the tab bar, the status line
//! and the overlays. Drawing only reads the [`App`].

pub mod banner;
pub mod dashboard;
pub mod detail;
pub mod edit;
pub mod help;
pub mod outline;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use roadmap_core::changes::words;
use roadmap_core::{CHANGED_SYMBOL, STALE_SYMBOL, capitalised, stale_label};

use super::geometry::tab_labels;
use super::state::{App, FilterChoice, Mode, Pane};
use crate::terminal::cells::{self, fit};
use crate::terminal::centered;
use crate::text::Text;

/// Draws the whole explorer.
pub fn draw(frame: &mut Frame, app: &App) {
    let screen = frame.area();
    let areas = app.areas();
    let Some(status) = areas.status else {
        let message = Paragraph::new(Span::styled(
            Text::TooSmall.get(app.lang),
            app.theme.alert(),
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(message, screen);
        return;
    };
    if let Some(area) = areas.tabs {
        draw_tabs(frame, area, app);
    }
    if let (Some(area), Some(problem)) = (areas.banner, &app.tab().problem) {
        banner::draw(frame, area, app, problem);
    }
    if let Some(area) = areas.outline {
        outline::draw(frame, area, app);
    }
    if let Some(area) = areas.timeline {
        timeline::draw(frame, area, app);
    }
    if let Some(area) = areas.detail {
        detail::draw(frame, area, app);
    }
    if let Some(area) = areas.dashboard {
        dashboard::draw(frame, area, app);
    }
    draw_status(frame, status, app);
    match app.mode {
        Mode::Help => help::draw(frame, screen, app),
        Mode::Filter => draw_filters(frame, screen, app),
        Mode::PickStatus => edit::draw_picker(frame, screen, app),
        Mode::Browse | Mode::Search | Mode::Type(_) => {}
    }
    cells::scrub(frame.buffer_mut());
}

/// A pane's frame, titled, with the focused one standing out.
pub fn pane_block(app: &App, pane: Pane, title: &str) -> Block<'static> {
    let focused = app.focus == pane;
    let marker = if focused { "▶ " } else { "" };
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(Span::styled(
            format!(" {marker}{} ", cells::safe(title)),
            app.theme.heading(),
        ))
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for (index, label) in tab_labels(app).into_iter().enumerate() {
        let style = if index == app.active {
            app.theme.selected()
        } else {
            app.theme.muted()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let title = &app.tab().roadmap;
    spans.push(Span::styled(
        format!("— {}", cells::safe(title.title())),
        app.theme.heading(),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    let tab = app.tab();
    let lang = app.lang;
    let line = match app.mode {
        Mode::Search => {
            let count = if tab.search.is_empty() {
                String::new()
            } else if tab.matches.is_empty() {
                format!("  ({})", Text::NoMatch.get(lang))
            } else {
                format!(
                    "  ({} {})",
                    tab.matches.len(),
                    matches_word(tab.matches.len(), lang)
                )
            };
            Line::from(vec![
                Span::styled(
                    format!("/{}▏", cells::safe(&tab.search)),
                    app.theme.highlight(),
                ),
                Span::styled(count, app.theme.muted()),
            ])
        }
        Mode::Filter => Line::from(Span::styled(Text::FilterHint.get(lang), app.theme.muted())),
        Mode::PickStatus => {
            Line::from(Span::styled(Text::ConfirmHint.get(lang), app.theme.muted()))
        }
        Mode::Type(field) => edit::input_line(app, field),
        Mode::Browse | Mode::Help if app.notice.is_some() => app
            .notice
            .as_ref()
            .map(|notice| edit::notice_line(app, notice))
            .unwrap_or_default(),
        Mode::Browse | Mode::Help => {
            let mut spans = vec![Span::styled(Text::KeysHint.get(lang), app.theme.muted())];
            if tab.filtering() {
                spans.push(Span::styled(
                    format!("  [{}]", Text::Filtered.get(lang)),
                    app.theme.highlight(),
                ));
            }
            if !tab.search.is_empty() {
                spans.push(Span::styled(
                    format!(
                        "  /{} ({} {})",
                        cells::safe(&tab.search),
                        tab.matches.len(),
                        matches_word(tab.matches.len(), lang)
                    ),
                    app.theme.highlight(),
                ));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_filters(frame: &mut Frame, screen: Rect, app: &App) {
    let tab = app.tab();
    let lang = app.lang;
    let choices = tab.filter_choices();
    let area = centered(
        screen,
        76,
        (choices.len() as u16 + 2).min(screen.height.saturating_sub(2)),
    );
    // Borders, the "› " cursor and "[x] " leave this much for the words.
    let room = usize::from(area.width).saturating_sub(8);
    let items: Vec<ListItem> = choices
        .iter()
        .map(|choice| {
            let mark = if tab.is_active(choice) { "[x]" } else { "[ ]" };
            let (group, label, style) = match choice {
                FilterChoice::Changed => (
                    tab.since
                        .as_ref()
                        .map(|since| capitalised(&words::since(lang, &since.name)))
                        .unwrap_or_default(),
                    format!("{CHANGED_SYMBOL} {}", words::changed_filter(lang)),
                    app.theme.highlight(),
                ),
                FilterChoice::Status(s) => (
                    Text::Statuses.get(lang).to_owned(),
                    format!("{} {}", s.symbol(), s.label(lang)),
                    app.theme.status(*s),
                ),
                FilterChoice::Stale => (
                    Text::Statuses.get(lang).to_owned(),
                    format!(
                        "{STALE_SYMBOL} {}",
                        stale_label(lang, tab.roadmap.stale_after_months())
                    ),
                    app.theme.muted(),
                ),
                FilterChoice::Axis(id) => (
                    Text::Axes.get(lang).to_owned(),
                    tab.roadmap
                        .axes()
                        .iter()
                        .find(|a| &a.id == id)
                        .map_or_else(|| id.clone(), |a| a.title.clone()),
                    Style::new(),
                ),
                FilterChoice::Tag(id) => (
                    Text::Tags.get(lang).to_owned(),
                    tab.roadmap
                        .tag(id)
                        .map_or_else(|| id.clone(), |t| t.label.clone()),
                    Style::new(),
                ),
            };
            let group = format!("{group}{}", lang.colon());
            let label = fit(&label, room.saturating_sub(cells::width(&group)));
            ListItem::new(Line::from(vec![
                Span::raw(format!("{mark} ")),
                Span::styled(group, app.theme.muted()),
                Span::styled(label, style),
            ]))
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(Span::styled(
            format!(" {} ", Text::Filters.get(lang)),
            app.theme.heading(),
        ));
    let list = List::new(items)
        .block(block)
        .highlight_style(app.theme.selected())
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(tab.filter_cursor));
    frame.render_widget(Clear, area);
    frame.render_stateful_widget(list, area, &mut state);
}

/// "résultat" or "résultats", by count.
fn matches_word(count: usize, lang: roadmap_core::Language) -> &'static str {
    lang.agree(count, (Text::Match.get(lang), Text::Matches.get(lang)))
}
