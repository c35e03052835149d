//! Where things are on the explorer's screen, for drawing and for mouse
//! hits alike: the panes at a given size ([`Areas`]), the tabs in the tab
//! bar ([`tab_at`]) and the timeline item under a click ([`item_at`]). One
//! computation serves both, so a click always lands on what is drawn there.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use roadmap_core::ItemKey;

use super::state::{App, FileProblem, Pane};
use crate::terminal::cells;
use crate::widgets::timeline;

/// Put before the file problem banner and before the name of a tab with a
/// problem.
pub const MARKER: &str = "⚠ ";

/// Below this size the explorer shows a message instead of panes.
pub const MIN_WIDTH: u16 = 40;
/// Below this height the explorer shows a message instead of panes.
pub const MIN_HEIGHT: u16 = 10;
/// From this width, outline, timeline and detail show side by side.
const WIDE: u16 = 120;
/// From this width, the outline shows beside the focused pane.
const MEDIUM: u16 = 80;

/// Where each part of the screen is; `None` for a pane not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The roadmap tabs.
    pub tabs: Option<Rect>,
    /// The file problem banner, under the tabs.
    pub banner: Option<Rect>,
    /// The outline pane.
    pub outline: Option<Rect>,
    /// The timeline pane.
    pub timeline: Option<Rect>,
    /// The detail pane.
    pub detail: Option<Rect>,
    /// The dashboard pane.
    pub dashboard: Option<Rect>,
    /// The status line.
    pub status: Option<Rect>,
}

impl Areas {
    /// The layout of `screen` with `focus` focused. Wide terminals show the
    /// outline, timeline and detail at once (the dashboard takes the place
    /// of timeline and detail when focused); medium ones the outline beside
    /// the focused pane; narrow ones the focused pane alone. A banner of
    /// `banner_height` rows goes under the tabs.
    pub fn new(screen: Rect, focus: Pane, banner_height: u16) -> Areas {
        let mut areas = Areas {
            tabs: None,
            banner: None,
            outline: None,
            timeline: None,
            detail: None,
            dashboard: None,
            status: None,
        };
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            return areas;
        }
        let [tabs, banner, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_height),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(screen);
        areas.tabs = Some(tabs);
        areas.banner = (banner_height > 0).then_some(banner);
        areas.status = Some(status);
        let place = |areas: &mut Areas, pane: Pane, rect: Rect| match pane {
            Pane::Outline => areas.outline = Some(rect),
            Pane::Timeline => areas.timeline = Some(rect),
            Pane::Detail => areas.detail = Some(rect),
            Pane::Dashboard => areas.dashboard = Some(rect),
        };
        if screen.width >= WIDE && screen.height >= 20 {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(38), Constraint::Min(0)]).areas(body);
            areas.outline = Some(left);
            if focus == Pane::Dashboard {
                areas.dashboard = Some(right);
            } else {
                let [top, bottom] =
                    Layout::vertical([Constraint::Percentage(58), Constraint::Min(0)]).areas(right);
                areas.timeline = Some(top);
                areas.detail = Some(bottom);
            }
        } else if screen.width >= MEDIUM {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(42), Constraint::Min(0)]).areas(body);
            areas.outline = Some(left);
            let shown = if focus == Pane::Outline {
                Pane::Detail
            } else {
                focus
            };
            place(&mut areas, shown, right);
        } else {
            place(&mut areas, focus, body);
        }
        areas
    }
}

/// Rows the banner for `problem` takes.
pub fn banner_height(problem: &FileProblem) -> u16 {
    match problem {
        FileProblem::Invalid(_) => 3,
        FileProblem::Missing | FileProblem::NotWatched(_) => 2,
    }
}

impl App {
    /// Where each pane is drawn at the current size.
    pub fn areas(&self) -> Areas {
        Areas::new(
            Rect::from((Position::ORIGIN, self.size)),
            self.focus,
            self.tab().problem.as_ref().map_or(0, banner_height),
        )
    }
}

/// The labels of the tab bar, one per roadmap, in order.
pub fn tab_labels(app: &App) -> Vec<String> {
    app.tabs
        .iter()
        .map(|tab| {
            let marker = if tab.problem.is_some() { MARKER } else { "" };
            format!(" {marker}{} ", cells::safe(tab.roadmap.id()))
        })
        .collect()
}

/// Which roadmap tab is at `column` of the tab bar.
pub fn tab_at(app: &App, area: Rect, column: u16) -> Option<usize> {
    let mut x = area.x;
    for (index, label) in tab_labels(app).iter().enumerate() {
        let width = cells::width_u16(label);
        if (x..x.saturating_add(width)).contains(&column) {
            return Some(index);
        }
        x = x.saturating_add(width).saturating_add(1);
    }
    None
}

/// The timeline item drawn at `column`, `row` of the screen when the
/// timeline pane is in `area`.
pub fn item_at(app: &App, area: Rect, column: u16, row: u16) -> Option<ItemKey> {
    timeline::item_at(&app.timeline_scene(), area, column, row)
}
