//! What one widget shows of its roadmap — the days on the timeline, the
//! item whose detail is open, the view chosen — and the messages that
//! change it. [`Viewer::update`] is pure: every zoom and pan goes through
//! `roadmap_core::TimeWindow`, so the widget does no date arithmetic.

use std::rc::Rc;

use roadmap_core::{
    Day, ItemKey, ItemRef, Language, LayoutOptions, Roadmap, TickScale, TimeWindow,
};

use roadmap_markup::View;

use crate::items::same_item;

/// Below this width (CSS pixels) the list replaces the timeline, unless
/// the reader chose the timeline.
pub const NARROW_WIDTH: f64 = 600.0;

/// How much one press of `+` or `−` zooms.
pub const ZOOM_STEP: f64 = 2.0;

/// How much one notch of Ctrl + wheel zooms.
pub const WHEEL_ZOOM_STEP: f64 = 1.25;

/// The view the reader (or the page's `view` option) asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ViewChoice {
    /// The timeline when there is room, else the list.
    #[default]
    Auto,
    /// Always the timeline.
    Timeline,
    /// Always the list.
    List,
}

impl ViewChoice {
    /// Reads the `view` option: `timeline`, `list` or `auto` (anything else).
    pub fn parse(text: &str) -> ViewChoice {
        match text.trim().to_ascii_lowercase().as_str() {
            "timeline" | "frise" => ViewChoice::Timeline,
            "list" | "liste" => ViewChoice::List,
            _ => ViewChoice::Auto,
        }
    }

    /// The view shown at `width` pixels (0 while not measured yet).
    pub fn shown(self, width: f64) -> View {
        let narrow = width > 0.0 && width < NARROW_WIDTH;
        match self {
            ViewChoice::List => View::List,
            ViewChoice::Auto if narrow => View::List,
            ViewChoice::Timeline | ViewChoice::Auto => View::Timeline,
        }
    }
}

/// A change asked for by the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Shows half as many days, around the middle.
    ZoomIn,
    /// Shows twice as many days, around the middle.
    ZoomOut,
    /// Zooms by `factor` keeping `anchor` in place (wheel).
    ZoomAround {
        /// Above 1 zooms in.
        factor: f64,
        /// The day under the pointer.
        anchor: Day,
    },
    /// Zooms until the ticks are of `scale` at `width` pixels.
    ZoomTo {
        /// Years, quarters or months.
        scale: TickScale,
        /// Width of the time area.
        width: f64,
    },
    /// Moves by a quarter of the window per step (negative: earlier).
    PanSteps(i64),
    /// Moves by a number of days (negative: earlier).
    PanDays(i64),
    /// Shows exactly this window (drag).
    SetWindow(TimeWindow),
    /// Centres on today.
    Today,
    /// Shows the whole roadmap.
    Fit,
    /// Opens an item's detail.
    Select(ItemKey),
    /// Opens an item's detail and brings it into the window (deep links).
    Reveal(ItemKey),
    /// Closes the detail.
    Close,
    /// Switches the view.
    Choose(ViewChoice),
    /// Shows only the items changed since the compared edition, or all.
    OnlyChanged,
    /// A newer version of the roadmap (`live`): the view and the open
    /// item stay.
    Replace(Rc<Roadmap>),
}

/// The state of one widget's roadmap view.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The roadmap shown.
    pub roadmap: Rc<Roadmap>,
    /// The day statuses are computed for.
    pub today: Day,
    /// Days on the timeline.
    pub window: TimeWindow,
    /// The item whose detail is open.
    pub selected: Option<ItemKey>,
    /// The view asked for.
    pub choice: ViewChoice,
    /// Only the items changed since the compared edition are shown.
    pub only_changed: bool,
}

impl Viewer {
    /// The whole roadmap, nothing open.
    pub fn new(roadmap: Rc<Roadmap>, today: Day, choice: ViewChoice) -> Self {
        let window = TimeWindow::around(&roadmap);
        Viewer {
            roadmap,
            today,
            window,
            selected: None,
            choice,
            only_changed: false,
        }
    }

    /// Applies `msg`.
    pub fn update(&mut self, msg: Msg) {
        let middle = middle_of(self.window);
        match msg {
            Msg::ZoomIn => self.window = self.window.zoom(ZOOM_STEP, middle),
            Msg::ZoomOut => self.window = self.window.zoom(1.0 / ZOOM_STEP, middle),
            Msg::ZoomAround { factor, anchor } => self.window = self.window.zoom(factor, anchor),
            Msg::ZoomTo { scale, width } => self.window = zoom_to(self.window, scale, width),
            Msg::PanSteps(steps) => {
                let step = (self.window.days() / 4).max(1);
                self.window = self.window.pan(step.saturating_mul(steps));
            }
            Msg::PanDays(days) => self.window = self.window.pan(days),
            Msg::SetWindow(window) => self.window = window,
            Msg::Today => self.window = self.window.centered_on(self.today),
            Msg::Fit => self.window = TimeWindow::around(&self.roadmap),
            Msg::Select(key) => self.selected = Some(key),
            Msg::Reveal(key) => {
                self.selected = Some(key);
                if let Some(day) = first_day_of(&self.roadmap, key)
                    && !self.window.contains(day)
                {
                    self.window = self.window.centered_on(day);
                }
            }
            Msg::Close => self.selected = None,
            Msg::Choose(choice) => self.choice = choice,
            Msg::OnlyChanged => self.only_changed = !self.only_changed,
            Msg::Replace(roadmap) => {
                self.selected = self
                    .selected
                    .and_then(|key| same_item(&self.roadmap, key, &roadmap));
                self.roadmap = roadmap;
            }
        }
    }

    /// The tick scale the window has at `width` pixels, as the layout
    /// will choose it.
    pub fn tick_scale(&self, width: f64) -> TickScale {
        tick_scale_of(self.window, width)
    }
}

/// The day in the middle of `window`.
pub fn middle_of(window: TimeWindow) -> Day {
    window.scale(1.0).day_at(0.5)
}

/// Where an item starts: a milestone's place on the timeline, a mission's span.
fn first_day_of(roadmap: &Roadmap, key: ItemKey) -> Option<Day> {
    match roadmap.get(key)? {
        ItemRef::Mission(_, mission) => mission.span().map(|(start, _)| start.first_day()),
        ItemRef::Milestone(_, _, milestone) => milestone.timeline_date().map(|d| d.first_day()),
        _ => None,
    }
}

fn tick_scale_of(window: TimeWindow, width: f64) -> TickScale {
    // Language and today do not change the tick scale.
    let gap = LayoutOptions::for_pixels(width, Language::Fr, window.start()).min_label_gap;
    TickScale::choose(window.scale(width).per_day(), gap)
}

/// Zooms `window` around its middle, step by step, until the layout ticks
/// it by `target` at `width` pixels (the scale bands are wider than a step,
/// so a step cannot jump over one).
fn zoom_to(window: TimeWindow, target: TickScale, width: f64) -> TimeWindow {
    let fineness = |scale: TickScale| match scale {
        TickScale::Years => 0,
        TickScale::Quarters => 1,
        TickScale::Months => 2,
    };
    let middle = middle_of(window);
    let mut zoomed = window;
    for _ in 0..64 {
        let now = fineness(tick_scale_of(zoomed, width));
        let wanted = fineness(target);
        if now == wanted {
            break;
        }
        let factor = if now < wanted { 1.25 } else { 0.8 };
        let next = zoomed.zoom(factor, middle);
        if next == zoomed {
            break;
        }
        zoomed = next;
    }
    zoomed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::read_json;

    fn viewer() -> Viewer {
        let roadmap = read_json(
            "tech-gouv.json",
            include_bytes!("../../data/tech-gouv-2019-2021.json"),
        )
        .expect("loads");
        let today = "2020-06-01"
            .parse::<roadmap_core::FuzzyDate>()
            .expect("date")
            .first_day();
        Viewer::new(roadmap, today, ViewChoice::Auto)
    }

    #[test]
    fn zoom_presets_reach_their_tick_scale() {
        let mut v = viewer();
        for scale in [TickScale::Months, TickScale::Years, TickScale::Quarters] {
            v.update(Msg::ZoomTo {
                scale,
                width: 900.0,
            });
            assert_eq!(v.tick_scale(900.0), scale);
        }
    }

    #[test]
    fn the_changed_filter_toggles_and_keeps_the_window() {
        let mut v = viewer();
        let window = v.window;
        assert!(!v.only_changed);
        v.update(Msg::OnlyChanged);
        assert!(v.only_changed);
        v.update(Msg::OnlyChanged);
        assert!(!v.only_changed);
        assert_eq!(v.window, window);
    }

    #[test]
    fn narrow_widths_show_the_list_unless_chosen() {
        assert_eq!(ViewChoice::Auto.shown(400.0), View::List);
        assert_eq!(ViewChoice::Auto.shown(0.0), View::Timeline);
        assert_eq!(ViewChoice::Timeline.shown(400.0), View::Timeline);
        assert_eq!(ViewChoice::List.shown(1200.0), View::List);
    }

    #[test]
    fn zoom_and_pan_keep_and_move_the_window() {
        let mut v = viewer();
        let days = v.window.days();
        v.update(Msg::ZoomIn);
        assert!(v.window.days() < days);
        let start = v.window.start();
        v.update(Msg::PanSteps(1));
        assert!(v.window.start() > start);
        v.update(Msg::Fit);
        assert_eq!(v.window.days(), days);
    }
}
