//! The explorer's state: the open roadmaps ([`Tab`]), the mode and focus
//! ([`App`]), and the messages ([`Msg`]) that `update`
//! (`crate::explore::update`) applies to it. Every key, click and resize
//! becomes a message, so behaviour is tested without a terminal.

use std::collections::HashSet;

use ratatui::layout::Size;
use roadmap_core::Language;
use roadmap_core::{
    Day, FuzzyDate, ItemKey, LoadError, Query, Roadmap, SearchIndex, Status, TimeWindow,
};

use crate::explore::since::Since;
use crate::files::loading::SourceFile;
use crate::terminal::theme::ThemeKind;
use crate::widgets::timeline::Scene;

/// The panes of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Axes → missions → milestones.
    Outline,
    /// The Gantt view.
    Timeline,
    /// Everything about the selected item.
    Detail,
    /// Progress per axis, counts by status, reviews over time.
    Dashboard,
}

impl Pane {
    /// Panes in Tab order.
    pub const ALL: [Pane; 4] = [Pane::Outline, Pane::Timeline, Pane::Detail, Pane::Dashboard];

    pub(super) fn next(self, step: isize) -> Pane {
        let index = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Pane::ALL[(index + step).rem_euclid(Pane::ALL.len() as isize) as usize]
    }
}

/// What keys currently do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Moving around.
    Browse,
    /// Typing a search.
    Search,
    /// Choosing filters.
    Filter,
    /// Reading the help overlay.
    Help,
    /// Choosing the selected item's status.
    PickStatus,
    /// Typing a value.
    Type(Field),
}

/// A value typed in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The selected item's progress, 0 to 100.
    Progress,
    /// A progress review of the roadmap: `2021-06: 9/43 note`.
    Review,
}

/// Everything that can happen to the explorer.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Previous row (or line, in the detail pane).
    Up,
    /// Next row.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// Half a page up.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Expand or collapse the selected row.
    Activate,
    /// Expand the selected row, or go to its first child.
    Expand,
    /// Collapse the selected row, or go to its parent.
    Collapse,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus (and show) this pane.
    ShowPane(Pane),
    /// Start typing a search.
    StartSearch,
    /// A character of the search.
    SearchInput(char),
    /// Erase the search's last character.
    SearchBackspace,
    /// Keep the search and go back to browsing.
    SearchAccept,
    /// Drop the search.
    SearchCancel,
    /// Next search match.
    NextMatch,
    /// Previous search match.
    PrevMatch,
    /// Open the filter panel.
    OpenFilter,
    /// Toggle the filter under the cursor.
    FilterToggle,
    /// Drop every filter and the search.
    ClearFilters,
    /// Close what is open.
    Back,
    /// Show fewer days.
    ZoomIn,
    /// Show more days.
    ZoomOut,
    /// Earlier days.
    PanLeft,
    /// Later days.
    PanRight,
    /// Center the timeline on today.
    JumpToday,
    /// Previous roadmap tab.
    PrevRoadmap,
    /// Next roadmap tab.
    NextRoadmap,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Open the status picker for the selected item.
    PickStatus,
    /// Type the selected item's progress.
    TypeProgress,
    /// Type a progress review.
    TypeReview,
    /// A character of the value typed.
    Input(char),
    /// Erase the value's last character.
    InputBackspace,
    /// Apply the status picked or the value typed.
    Confirm,
    /// Write back the text before the last change.
    Undo,
    /// Read the file again from the disk.
    Reload,
    /// Leave.
    Quit,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// A click at column, row.
    Click(u16, u16),
    /// The wheel turned at column, row; `zoom` when Ctrl was held.
    Wheel {
        /// Turned towards the user.
        down: bool,
        /// Ctrl was held.
        zoom: bool,
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// A tab's file changed on disk and is a valid roadmap.
    Reloaded {
        /// Index of the tab.
        tab: usize,
        /// The file's text, as read.
        text: String,
        /// The roadmap it holds.
        roadmap: Box<Roadmap>,
    },
    /// A tab's file changed on disk but is not a valid roadmap.
    ReloadFailed {
        /// Index of the tab.
        tab: usize,
        /// Why.
        error: LoadError,
    },
    /// A tab's file is gone from disk.
    FileMissing {
        /// Index of the tab.
        tab: usize,
    },
    /// A tab's file is no longer watched; the text says why.
    WatchFailed {
        /// Index of the tab.
        tab: usize,
        /// The system's reason.
        reason: String,
    },
}

impl Msg {
    /// Whether the user sent it (a key, a click, the wheel), rather than
    /// the terminal (a resize) or the file watcher.
    pub fn is_from_user(&self) -> bool {
        !matches!(
            self,
            Msg::Resize(..)
                | Msg::Reloaded { .. }
                | Msg::ReloadFailed { .. }
                | Msg::FileMissing { .. }
                | Msg::WatchFailed { .. }
        )
    }
}

/// Why a tab shows an older version of its file than the one on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// The file on disk is not a valid roadmap.
    Invalid(LoadError),
    /// The file is gone.
    Missing,
    /// Changes are no longer followed; the text says why.
    NotWatched(String),
}

/// A row of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineRow {
    /// The item.
    pub key: ItemKey,
    /// 0 for axes, 1 for missions, 2 for milestones.
    pub depth: u8,
}

/// A choice in the filter panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterChoice {
    /// Keep items in this status.
    Status(Status),
    /// Keep items whose status is stale.
    Stale,
    /// Keep items changed since the earlier edition (`--since`).
    Changed,
    /// Keep items of this axis (id).
    Axis(String),
    /// Keep items with this tag (id).
    Tag(String),
}

/// One open roadmap and how it is being looked at.
#[derive(Debug)]
pub struct Tab {
    /// File name, as shown.
    pub file: String,
    /// The file on disk the roadmap was read from; `None` for a bundled
    /// roadmap.
    pub source: Option<SourceFile>,
    /// Why the roadmap shown is not what the file holds now, if it is not.
    pub problem: Option<FileProblem>,
    /// The roadmap.
    pub roadmap: Roadmap,
    index: SearchIndex,
    pub(super) expanded: HashSet<ItemKey>,
    /// Visible outline rows, derived from the roadmap, expansion and filters.
    pub rows: Vec<OutlineRow>,
    /// Index of the selected row in `rows`.
    pub selected: usize,
    /// First outline row on screen.
    pub outline_offset: usize,
    /// First line of the detail pane on screen.
    pub detail_scroll: u16,
    /// Days shown by the timeline.
    pub window: TimeWindow,
    /// The search text.
    pub search: String,
    /// Items matching the search, in outline order.
    pub matches: Vec<ItemKey>,
    /// Active filters (statuses, axes, tags).
    pub filter: Query,
    /// The missions and milestones the filters keep; `None` when unfiltered.
    passing: Option<HashSet<ItemKey>>,
    /// Cursor in the filter panel.
    pub filter_cursor: usize,
    /// The texts before each change saved from this tab, last on top.
    pub undo: Vec<String>,
    /// The earlier edition compared with (`--since`) and what changed.
    pub since: Option<Since>,
    /// Keep only the items changed since the earlier edition.
    pub changed_only: bool,
}

impl Tab {
    /// Opens `roadmap` with its axes expanded and the first row selected.
    pub fn new(file: String, roadmap: Roadmap, today: Day) -> Self {
        let index = SearchIndex::new(&roadmap);
        let expanded = (0..roadmap.axes().len()).map(ItemKey::Axis).collect();
        let window = TimeWindow::around(&roadmap);
        let mut tab = Tab {
            file,
            source: None,
            problem: None,
            roadmap,
            index,
            expanded,
            rows: Vec::new(),
            selected: 0,
            outline_offset: 0,
            detail_scroll: 0,
            window,
            search: String::new(),
            matches: Vec::new(),
            filter: Query::default(),
            passing: None,
            filter_cursor: 0,
            undo: Vec::new(),
            since: None,
            changed_only: false,
        };
        tab.refresh_rows(today);
        tab
    }

    /// The selected item.
    pub fn selected_key(&self) -> Option<ItemKey> {
        self.rows.get(self.selected).map(|r| r.key)
    }

    /// Whether the item is expanded in the outline.
    pub fn is_expanded(&self, key: ItemKey) -> bool {
        self.filtering() || self.expanded.contains(&key)
    }

    /// Whether a filter hides part of the roadmap.
    pub fn filtering(&self) -> bool {
        !(self.filter.statuses.is_empty()
            && self.filter.axes.is_empty()
            && self.filter.tags.is_empty()
            && !self.filter.stale
            && !self.changed_only)
    }

    /// Compares this tab's roadmap with an earlier edition, named `name`,
    /// from now on (and after every reload).
    pub fn compare_since(&mut self, name: String, base: Roadmap, today: Day) {
        self.since = Some(Since::new(name, base, &self.roadmap));
        self.refresh_rows(today);
    }

    /// Every filter the panel offers, in display order.
    pub fn filter_choices(&self) -> Vec<FilterChoice> {
        let changed = self.since.as_ref().map(|_| FilterChoice::Changed);
        changed
            .into_iter()
            .chain(Status::ALL.into_iter().map(FilterChoice::Status))
            .chain([FilterChoice::Stale])
            .chain(
                self.roadmap
                    .axes()
                    .iter()
                    .map(|a| FilterChoice::Axis(a.id.clone())),
            )
            .chain(
                self.roadmap
                    .tags()
                    .iter()
                    .map(|t| FilterChoice::Tag(t.id.clone())),
            )
            .collect()
    }

    /// Whether a filter choice is on.
    pub fn is_active(&self, choice: &FilterChoice) -> bool {
        match choice {
            FilterChoice::Status(s) => self.filter.statuses.contains(s),
            FilterChoice::Stale => self.filter.stale,
            FilterChoice::Changed => self.changed_only,
            FilterChoice::Axis(id) => self.filter.axes.contains(id),
            FilterChoice::Tag(id) => self.filter.tags.contains(id),
        }
    }

    pub(super) fn toggle(&mut self, choice: FilterChoice) {
        fn flip<T: PartialEq>(list: &mut Vec<T>, item: T) {
            match list.iter().position(|x| *x == item) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(item),
            }
        }
        match choice {
            FilterChoice::Status(s) => flip(&mut self.filter.statuses, s),
            FilterChoice::Stale => self.filter.stale = !self.filter.stale,
            FilterChoice::Changed => self.changed_only = !self.changed_only,
            FilterChoice::Axis(id) => flip(&mut self.filter.axes, id),
            FilterChoice::Tag(id) => flip(&mut self.filter.tags, id),
        }
    }

    /// Recomputes the visible rows and keeps the selection on the same item
    /// (or its nearest visible ancestor).
    pub(super) fn refresh_rows(&mut self, today: Day) {
        let previous = self.selected_key();
        self.rebuild_rows(today);
        self.selected = previous.and_then(|key| self.nearest_row(key)).unwrap_or(0);
    }

    /// The row of `key`, or of its nearest visible ancestor.
    pub(super) fn nearest_row(&self, key: ItemKey) -> Option<usize> {
        ancestors_and_self(key)
            .into_iter()
            .find_map(|k| self.rows.iter().position(|r| r.key == k))
    }

    /// Recomputes the visible rows from the roadmap, expansion and filters;
    /// the selected index stays, within bounds.
    pub(super) fn rebuild_rows(&mut self, today: Day) {
        self.passing = self.filtering().then(|| {
            let query = Query {
                text: String::new(),
                ..self.filter.clone()
            };
            let changed = self
                .since
                .as_ref()
                .filter(|_| self.changed_only)
                .map(Since::marked);
            self.index
                .search(&self.roadmap, &query, today)
                .into_iter()
                .filter(|key| changed.is_none_or(|changed| changed.contains(key)))
                .collect()
        });
        let passing = &self.passing;
        let shown = |key: ItemKey| passing.as_ref().is_none_or(|p| p.contains(&key));
        let mut rows = Vec::with_capacity(self.rows.len());
        for (a, axis) in self.roadmap.axes().iter().enumerate() {
            let mission_rows = |m: usize| {
                let mission = &axis.missions[m];
                let milestones: Vec<usize> = (0..mission.milestones.len())
                    .filter(|&s| shown(ItemKey::Milestone(a, m, s)))
                    .collect();
                (
                    shown(ItemKey::Mission(a, m)) || !milestones.is_empty(),
                    milestones,
                )
            };
            let missions: Vec<(usize, Vec<usize>)> = (0..axis.missions.len())
                .filter_map(|m| {
                    let (visible, milestones) = mission_rows(m);
                    visible.then_some((m, milestones))
                })
                .collect();
            if passing.is_some() && missions.is_empty() && !shown(ItemKey::Axis(a)) {
                continue;
            }
            rows.push(OutlineRow {
                key: ItemKey::Axis(a),
                depth: 0,
            });
            if !self.is_expanded(ItemKey::Axis(a)) {
                continue;
            }
            for (m, milestones) in missions {
                rows.push(OutlineRow {
                    key: ItemKey::Mission(a, m),
                    depth: 1,
                });
                if self.is_expanded(ItemKey::Mission(a, m)) {
                    rows.extend(milestones.into_iter().map(|s| OutlineRow {
                        key: ItemKey::Milestone(a, m, s),
                        depth: 2,
                    }));
                }
            }
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Shows `roadmap` in place of the current one, as it looks now: the
    /// same item selected (found by id; its parent, or the row at the same
    /// place, when it is gone), the same items expanded, the same filters,
    /// search and timeline window.
    pub fn replace_roadmap(&mut self, roadmap: Roadmap, today: Day) {
        let ids = |roadmap: &Roadmap, keys: &mut dyn Iterator<Item = ItemKey>| -> Vec<String> {
            keys.filter_map(|key| roadmap.get(key).map(|item| item.id().to_owned()))
                .collect()
        };
        let selected = self.selected_key().map_or_else(Vec::new, |key| {
            ids(&self.roadmap, &mut ancestors_and_self(key).into_iter())
        });
        let expanded = ids(&self.roadmap, &mut self.expanded.iter().copied());
        self.roadmap = roadmap;
        self.index = SearchIndex::new(&self.roadmap);
        if let Some(since) = &mut self.since {
            since.compare_with(&self.roadmap);
        }
        self.expanded = expanded
            .iter()
            .filter_map(|id| self.roadmap.key_of(id))
            .collect();
        self.rebuild_rows(today);
        let before = self.selected_key();
        if let Some(row) = selected
            .iter()
            .find_map(|id| self.roadmap.key_of(id))
            .and_then(|key| self.nearest_row(key))
        {
            self.selected = row;
        }
        if self.selected_key() != before {
            self.detail_scroll = 0;
        }
        self.filter_cursor = self
            .filter_cursor
            .min(self.filter_choices().len().saturating_sub(1));
        self.run_search(today);
    }

    pub(super) fn select_key(&mut self, key: ItemKey, today: Day) {
        for ancestor in ancestors_and_self(key).into_iter().skip(1) {
            self.expanded.insert(ancestor);
        }
        if let Some(index) = self.rows.iter().position(|r| r.key == key) {
            self.selected = index;
        } else {
            self.refresh_rows(today);
            if let Some(index) = self.rows.iter().position(|r| r.key == key) {
                self.selected = index;
            }
        }
    }

    pub(super) fn run_search(&mut self, today: Day) {
        self.matches = if self.search.trim().is_empty() {
            Vec::new()
        } else {
            let query = Query {
                text: self.search.clone(),
                ..self.filter.clone()
            };
            self.index.search(&self.roadmap, &query, today)
        };
    }

    /// Jumps to the first match after (or, `backwards`, before) the selection.
    pub(super) fn jump_to_match(&mut self, backwards: bool, include_current: bool, today: Day) {
        if self.matches.is_empty() {
            return;
        }
        let current = self.selected_key().map_or(0, |k| order(&self.roadmap, k));
        let positions: Vec<usize> = self
            .matches
            .iter()
            .map(|k| order(&self.roadmap, *k))
            .collect();
        let index = if backwards {
            positions
                .iter()
                .rposition(|&p| p < current || (include_current && p == current))
                .unwrap_or(positions.len() - 1)
        } else {
            positions
                .iter()
                .position(|&p| p > current || (include_current && p == current))
                .unwrap_or(0)
        };
        self.select_key(self.matches[index], today);
    }

    /// The span of the selected item, for the timeline to follow.
    pub(super) fn selected_span(&self) -> Option<(FuzzyDate, FuzzyDate)> {
        match self.roadmap.get(self.selected_key()?)? {
            roadmap_core::ItemRef::Mission(_, mission) => mission.span(),
            roadmap_core::ItemRef::Milestone(_, _, milestone) => {
                milestone.timeline_date().map(|d| (d, d))
            }
            _ => None,
        }
    }

    /// Pans the timeline so the selected item's dates are in view.
    pub(super) fn follow_selection(&mut self) {
        let Some((start, end)) = self.selected_span() else {
            return;
        };
        let visible =
            self.window.contains(start.first_day()) || self.window.contains(end.last_day());
        if !visible {
            self.window = self.window.centered_on(start.first_day());
        }
    }
}

/// A line of news in the status line, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Something was refused or failed.
    pub error: bool,
}

/// Why a tab's file is to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteKind {
    /// A change; `previous` goes on the undo stack once written.
    Change {
        /// The text before the change.
        previous: String,
    },
    /// An undo: the top of the undo stack, popped once written.
    Undo,
}

/// A text to write to a tab's file, and what it loads as.
#[derive(Debug, Clone)]
pub struct PendingWrite {
    /// Index of the tab.
    pub tab: usize,
    /// The whole new file.
    pub text: String,
    /// What `text` loads as, shown once it is written.
    pub roadmap: Box<Roadmap>,
    /// A change or an undo.
    pub kind: WriteKind,
}

/// I/O that `update` asks for; the event loop performs it
/// (`crate::files::save::perform`) and reports back.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Write a tab's file.
    Write(PendingWrite),
    /// Read the file of tab `tab` again.
    Reload {
        /// Index of the tab.
        tab: usize,
    },
}

/// The explorer.
#[derive(Debug)]
pub struct App {
    /// Open roadmaps.
    pub tabs: Vec<Tab>,
    /// Index of the roadmap shown.
    pub active: usize,
    /// Interface language.
    pub lang: Language,
    /// The day that decides what is late, and the today line.
    pub today: Day,
    /// Colours.
    pub theme: ThemeKind,
    /// The focused pane.
    pub focus: Pane,
    /// What keys do.
    pub mode: Mode,
    /// The terminal's size.
    pub size: Size,
    /// First line of the help overlay on screen.
    pub help_scroll: u16,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Cursor in the status picker.
    pub status_cursor: usize,
    /// The value being typed.
    pub input: String,
    /// Why the value typed was refused.
    pub input_error: Option<String>,
    /// News of the last edit, save or refusal.
    pub notice: Option<Notice>,
    /// I/O waiting for the event loop.
    pub effect: Option<Effect>,
}

impl App {
    /// An explorer over `tabs` (at least one).
    pub fn new(tabs: Vec<Tab>, lang: Language, today: Day, theme: ThemeKind, size: Size) -> Self {
        App {
            tabs,
            active: 0,
            lang,
            today,
            theme,
            focus: Pane::Outline,
            mode: Mode::Browse,
            size,
            help_scroll: 0,
            quit: false,
            status_cursor: 0,
            input: String::new(),
            input_error: None,
            notice: None,
            effect: None,
        }
    }

    /// The roadmap shown.
    pub fn tab(&self) -> &Tab {
        &self.tabs[self.active]
    }

    pub(super) fn tab_mut(&mut self) -> &mut Tab {
        &mut self.tabs[self.active]
    }

    /// What the timeline pane shows: the roadmap shown, through its
    /// filters, with its selection.
    pub fn timeline_scene(&self) -> Scene<'_> {
        let tab = self.tab();
        Scene {
            roadmap: &tab.roadmap,
            window: tab.window,
            keep: tab.passing.as_ref(),
            selected: tab.selected_key(),
            lang: self.lang,
            today: self.today,
            theme: self.theme,
        }
    }
}

pub(super) fn middle(window: TimeWindow) -> Day {
    window.start() + time::Duration::days(window.days() / 2)
}

/// The parent of an item in the outline.
pub fn parent_of(key: ItemKey) -> Option<ItemKey> {
    match key {
        ItemKey::Mission(a, _) => Some(ItemKey::Axis(a)),
        ItemKey::Milestone(a, m, _) | ItemKey::Indicator(a, m, _) => Some(ItemKey::Mission(a, m)),
        ItemKey::Axis(_) | ItemKey::Review(_) => None,
    }
}

pub(super) fn ancestors_and_self(key: ItemKey) -> Vec<ItemKey> {
    std::iter::successors(Some(key), |k| parent_of(*k)).collect()
}

/// Position of an item in full outline order, for "next match" comparisons.
pub(super) fn order(roadmap: &Roadmap, key: ItemKey) -> usize {
    let mut position = 0;
    for (a, axis) in roadmap.axes().iter().enumerate() {
        if key == ItemKey::Axis(a) {
            return position;
        }
        position += 1;
        for (m, mission) in axis.missions.iter().enumerate() {
            if key == ItemKey::Mission(a, m) {
                return position;
            }
            position += 1;
            if let ItemKey::Milestone(ka, km, s) = key
                && (ka, km) == (a, m)
            {
                return position + s;
            }
            position += mission.milestones.len();
        }
    }
    position
}
