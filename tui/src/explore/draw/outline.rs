//! The outline pane: axes → missions → milestones with expand markers,
//! status symbol and colour, progress and dates as written. Only the rows
//! on screen are built, so a 10,000-milestone roadmap draws as fast as a
//! small one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use roadmap_core::{ItemKey, ItemRef, Language, Status};

use super::pane_block;
use crate::explore::state::{App, OutlineRow, Pane};
use crate::terminal::cells::{fit, width};
use crate::text::{Text, date_range};

/// Draws the outline in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let tab = app.tab();
    let title = format!(
        "{} ({}/{})",
        Text::Outline.get(app.lang),
        tab.selected + 1,
        tab.rows.len()
    );
    let block = pane_block(app, Pane::Outline, &title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = tab
        .rows
        .iter()
        .enumerate()
        .skip(tab.outline_offset)
        .take(height)
        .map(|(index, row)| row_line(app, *row, width, index == tab.selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The words and symbols of one outline row.
fn row_line(app: &App, row: OutlineRow, room: usize, selected: bool) -> Line<'static> {
    let tab = app.tab();
    let lang = app.lang;
    let today = app.today;
    let Some(item) = tab.roadmap.get(row.key) else {
        return Line::default();
    };
    let indent = "  ".repeat(usize::from(row.depth));
    let fold = match row.key {
        ItemKey::Axis(_) | ItemKey::Mission(..) if has_children(item) => {
            if tab.is_expanded(row.key) {
                "▾ "
            } else {
                "▸ "
            }
        }
        _ => "  ",
    };
    let (status, right) = match item {
        ItemRef::Axis(axis) => (None, progress_text(axis.progress_percent(today), lang)),
        ItemRef::Mission(_, mission) => {
            let mut dates = date_range(mission.start, mission.end, lang);
            if !dates.is_empty() {
                dates.push(' ');
            }
            (
                Some(mission.effective_status(today)),
                format!(
                    "{dates}{}",
                    progress_text(mission.progress_percent(today), lang)
                ),
            )
        }
        ItemRef::Milestone(_, _, milestone) => (
            Some(milestone.effective_status(today)),
            milestone.when_short(lang),
        ),
        ItemRef::Indicator(..) | ItemRef::Review(_) => (None, String::new()),
    };
    let number = match row.key {
        ItemKey::Axis(a) => format!("{}. ", a + 1),
        _ => String::new(),
    };
    let symbol = status.map_or(String::new(), |s| format!("{} ", s.symbol()));
    let lead = format!("{indent}{fold}");
    let fixed = width(&lead) + width(&symbol) + width(&number) + width(&right) + 1;
    let title = fit(item.title(), room.saturating_sub(fixed));
    // At least one space between the title and what is on the right.
    let padding = (room + 1).saturating_sub(fixed + width(&title));
    let title_style = if tab.matches.contains(&row.key) {
        app.theme.highlight()
    } else if row.depth == 0 {
        app.theme.heading()
    } else {
        Style::new()
    };
    let status_style = status.map_or(Style::new(), |s| app.theme.status(s));
    let mut line = Line::from(vec![
        Span::raw(lead),
        Span::styled(symbol, status_style),
        Span::styled(number, title_style),
        Span::styled(title, title_style),
        Span::raw(" ".repeat(padding)),
        Span::styled(right, status_style.patch(app.theme.muted())),
    ]);
    if selected {
        line = line.style(app.theme.selected());
    }
    line
}

fn has_children(item: ItemRef<'_>) -> bool {
    match item {
        ItemRef::Axis(axis) => !axis.missions.is_empty(),
        ItemRef::Mission(_, mission) => !mission.milestones.is_empty(),
        _ => false,
    }
}

fn progress_text(progress: Option<f64>, lang: Language) -> String {
    progress.map_or_else(String::new, |p| format!("{:>4}", lang.percent(p)))
}

/// The status symbol and words, for places that explain a row.
pub fn status_words(status: Status, lang: Language) -> String {
    format!("{} {}", status.symbol(), status.label(lang))
}
