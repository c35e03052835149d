//! The outline pane: axes → missions → milestones with expand markers,
//! status symbol and colour, the mark of a change since an earlier
//! edition (`--since`), progress and dates as written (shortened
//! when the title needs the room, see [`right_side`]). Only the rows on
//! screen are built, so a 10,000-milestone roadmap draws as fast as a
//! small one. The items linked to the selected one by `depends_on` are
//! marked `←` (it needs them) or `→` (they need it), in the late style
//! when the earlier ends after the later starts. A mission's latest
//! sourced health (☀ ☁ ☂) follows its status symbol.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use roadmap_core::{
    CHANGED_SYMBOL, ItemKey, ItemRef, Language, ProgressFigure, Roadmap, Status, StatusReport,
};

use super::pane_block;
use crate::explore::state::{App, OutlineRow, Pane};
use crate::terminal::cells::{fit, width};
use crate::text::Text;

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
    let linked = tab
        .selected_key()
        .map(|key| links_of(&tab.roadmap, key))
        .unwrap_or_default();
    let lines: Vec<Line> = tab
        .rows
        .iter()
        .enumerate()
        .skip(tab.outline_offset)
        .take(height)
        .map(|(index, row)| {
            let mark = linked.get(&row.key).copied();
            row_line(app, *row, width, index == tab.selected, mark)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How a row is linked to the selected item: before it (`←`, it depends
/// on this one) or after it (`→`, this one needs it), and whether the
/// earlier one ends after the later one starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LinkMark {
    symbol: char,
    late: bool,
}

/// The items linked to `key`, marked for the outline.
fn links_of(roadmap: &Roadmap, key: ItemKey) -> HashMap<ItemKey, LinkMark> {
    let before = roadmap.depends_on(key).into_iter().map(|link| {
        let mark = LinkMark {
            symbol: '←',
            late: link.late,
        };
        (link.key, mark)
    });
    let after = roadmap.needed_by(key).into_iter().map(|link| {
        let mark = LinkMark {
            symbol: '→',
            late: link.late,
        };
        (link.key, mark)
    });
    before.chain(after).collect()
}

/// The words and symbols of one outline row.
fn row_line(
    app: &App,
    row: OutlineRow,
    room: usize,
    selected: bool,
    mark: Option<LinkMark>,
) -> Line<'static> {
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
    let report = tab.roadmap.status_report(item, today);
    // The as-of date of a status that may change leads the right-hand side:
    // without it the status would claim to be current. Done, cancelled and
    // not met do not age; their dates are in the detail.
    let as_of = report
        .filter(|r| !matches!(r.status, Status::Done | Status::Cancelled | Status::NotMet))
        .and_then(|r| r.as_of_short(lang));
    // What may go on the right, from the fullest to the shortest: the dates
    // as written, then the years, then the progress alone.
    let rights: Vec<String> = match item {
        ItemRef::Axis(axis) => vec![progress_text(axis.progress_figure(today), lang)],
        ItemRef::Mission(_, mission) => {
            let progress = progress_text(mission.progress_figure(today), lang);
            let dates = roadmap_core::render_range(mission.start, mission.end, lang);
            let years = years(mission.start, mission.end);
            vec![
                joined(&[Some(&dates), Some(&progress)]),
                joined(&[Some(&years), Some(&progress)]),
                progress,
            ]
        }
        ItemRef::Milestone(_, _, milestone) => {
            let when = milestone.when_short(lang);
            vec![
                when,
                milestone
                    .timeline_date()
                    .map_or_else(String::new, |d| d.year().to_string()),
            ]
        }
        ItemRef::Indicator(..) | ItemRef::Review(_) => Vec::new(),
    };
    let status = report.map(|r| r.status);
    let number = match row.key {
        ItemKey::Axis(a) => format!("{}. ", a + 1),
        _ => String::new(),
    };
    // The mark of a change since the earlier edition follows the status.
    let changed = tab
        .since
        .as_ref()
        .is_some_and(|since| since.is_marked(row.key));
    let symbol = symbols(report, item, changed);
    let lead = format!("{indent}{fold}");
    let mark_text = mark.map_or(String::new(), |m| format!("{} ", m.symbol));
    let lead_width = width(&lead) + width(&mark_text) + width(&symbol) + width(&number);
    let title_room = room.saturating_sub(lead_width);
    let title_width = width(&fit(item.title(), usize::MAX));
    let right = right_side(&rights, title_width, title_room);
    // The as-of date leads when the title still keeps [`AS_OF_TITLE_MIN`]
    // cells (or all of it): a row is read by its title first.
    let right = match as_of {
        Some(as_of)
            if width(&as_of) + 1 + width(&right) + 1 + title_width.min(AS_OF_TITLE_MIN)
                <= title_room =>
        {
            joined(&[Some(&as_of), Some(&right)])
        }
        _ => right,
    };
    let fixed = lead_width + width(&right) + 1;
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
    let mark_style = match mark {
        Some(LinkMark { late: true, .. }) => app.theme.status(Status::Late),
        _ => app.theme.heading(),
    };
    let mut line = Line::from(vec![
        Span::raw(lead),
        Span::styled(mark_text, mark_style),
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

/// The status symbols, a mission's latest sourced health, the mark of a
/// change since the earlier edition, then a space (nothing when none).
fn symbols(report: Option<StatusReport>, item: ItemRef<'_>, changed: bool) -> String {
    let mut out = report.map(|r| r.symbols()).unwrap_or_default();
    if let ItemRef::Mission(_, mission) = item
        && let Some(health) = mission.latest_health()
    {
        out.push(health.value.symbol());
    }
    if changed {
        out.push(CHANGED_SYMBOL);
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// Below this many cells a title is not worth cutting further for dates.
const TITLE_MIN: usize = 16;

/// Cells a title keeps at least before the as-of date gives way.
const AS_OF_TITLE_MIN: usize = 24;

/// What goes to the right of a title that is `title` cells wide, in
/// `room` cells shared with it: the fullest of `rights` (fullest first)
/// that leaves the title its share, else nothing. A title's share is all
/// of it up to half the room (at least [`TITLE_MIN`] cells): a row is
/// read by its title, so dates give way (full dates, then years, then
/// the progress alone) before the title is cut short.
fn right_side(rights: &[String], title: usize, room: usize) -> String {
    let share = title.min((room / 2).max(TITLE_MIN));
    rights
        .iter()
        .find(|right| {
            let used = if right.is_empty() {
                0
            } else {
                width(right) + 1
            };
            used + share <= room
        })
        .cloned()
        .unwrap_or_default()
}

/// "2021 → 2025", "2021", "→ 2025": the years of a span, for a row too
/// narrow for the dates as written.
fn years(start: Option<roadmap_core::FuzzyDate>, end: Option<roadmap_core::FuzzyDate>) -> String {
    match (start.map(|d| d.year()), end.map(|d| d.year())) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => format!("{a} →"),
        (None, Some(b)) => format!("→ {b}"),
        (None, None) => String::new(),
    }
}

fn has_children(item: ItemRef<'_>) -> bool {
    match item {
        ItemRef::Axis(axis) => !axis.missions.is_empty(),
        ItemRef::Mission(_, mission) => !mission.milestones.is_empty(),
        _ => false,
    }
}

fn progress_text(figure: ProgressFigure, lang: Language) -> String {
    match figure {
        ProgressFigure::Unknown => String::new(),
        figure => format!("{:>4}", figure.short(lang)),
    }
}

/// The parts that are present and not empty, one space apart.
fn joined(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status symbol and words, for places that explain a row.
pub fn status_words(status: Status, lang: Language) -> String {
    format!("{} {}", status.symbol(), status.label(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rights() -> Vec<String> {
        ["January 2021 → April 2025  40%", "2021 → 2025  40%", " 40%"]
            .map(str::to_owned)
            .to_vec()
    }

    #[test]
    fn the_title_keeps_its_share_and_dates_give_way() {
        // 80 columns: a 28-cell row, a 48-cell title gets 16 cells at least.
        assert_eq!(right_side(&rights(), 48, 28), " 40%");
        // 120 columns: 42 cells, half for the title, the years fit beside.
        assert_eq!(right_side(&rights(), 48, 42), "2021 → 2025  40%");
        // A short title leaves room for the dates as written.
        assert_eq!(
            right_side(&rights(), 12, 44),
            "January 2021 → April 2025  40%"
        );
        // Nothing fits beside a title that needs the whole row.
        assert_eq!(right_side(&rights(), 48, 18), "");
    }
}
