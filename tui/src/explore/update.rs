//! The explorer's pure `update`: [`App::update`] applies one [`Msg`] and
//! is the only place the explorer's state changes. No I/O, no clock: a
//! write or a reload is left as an [`Effect`](super::state::Effect) for
//! the event loop, so every key sequence is tested without a terminal.

use ratatui::layout::{Position, Size};
use roadmap_core::{ItemKey, Query, Status};

use super::geometry::{item_at, tab_at};
use super::keys::help_lines;
use super::state::{App, FileProblem, Mode, Msg, Pane, middle, parent_of};

impl App {
    /// Applies one message. Pure: no I/O, no clock.
    pub fn update(&mut self, msg: Msg) {
        // News stays until the user acts: a resize, or what the file
        // watcher found, is no answer to it.
        if msg.is_from_user() {
            self.notice = None;
        }
        match msg {
            Msg::Quit => self.quit = true,
            Msg::Resize(width, height) => self.size = Size::new(width, height),
            Msg::ToggleHelp => {
                self.help_scroll = 0;
                self.mode = if self.mode == Mode::Help {
                    Mode::Browse
                } else {
                    Mode::Help
                };
            }
            Msg::Back | Msg::SearchAccept => self.mode = Mode::Browse,
            Msg::NextPane => self.focus = self.focus.next(1),
            Msg::PrevPane => self.focus = self.focus.next(-1),
            Msg::ShowPane(pane) => self.focus = pane,
            Msg::PrevRoadmap | Msg::NextRoadmap => {
                let step = if msg == Msg::NextRoadmap {
                    1
                } else {
                    self.tabs.len() - 1
                };
                self.active = (self.active + step) % self.tabs.len();
            }
            Msg::StartSearch
            | Msg::SearchInput(_)
            | Msg::SearchBackspace
            | Msg::SearchCancel
            | Msg::NextMatch
            | Msg::PrevMatch
            | Msg::OpenFilter
            | Msg::FilterToggle
            | Msg::ClearFilters => self.search_or_filter(&msg),
            Msg::ZoomIn | Msg::ZoomOut | Msg::PanLeft | Msg::PanRight | Msg::JumpToday => {
                self.move_timeline(&msg);
            }
            Msg::Click(column, row) => self.click(column, row),
            Msg::Wheel {
                down,
                zoom,
                column,
                row,
            } => self.wheel(down, zoom, column, row),
            Msg::Up
            | Msg::Down
            | Msg::PageUp
            | Msg::PageDown
            | Msg::HalfPageUp
            | Msg::HalfPageDown
            | Msg::Top
            | Msg::Bottom => self.navigate(&msg),
            Msg::Activate | Msg::Expand | Msg::Collapse => self.expand_or_collapse(&msg),
            Msg::Reloaded { .. }
            | Msg::ReloadFailed { .. }
            | Msg::FileMissing { .. }
            | Msg::WatchFailed { .. } => self.follow_file(msg),
            Msg::PickStatus
            | Msg::TypeProgress
            | Msg::TypeReview
            | Msg::Input(_)
            | Msg::InputBackspace
            | Msg::Confirm
            | Msg::Undo
            | Msg::Reload => self.edit(&msg),
        }
        self.keep_selection_in_view();
    }

    /// Applies what live reload found on disk to the tab it concerns.
    fn follow_file(&mut self, msg: Msg) {
        let today = self.today;
        let (index, problem) = match msg {
            Msg::Reloaded { tab, text, roadmap } => {
                let Some(tab) = self.tabs.get_mut(tab) else {
                    return;
                };
                // A bundled roadmap has no file to follow.
                let Some(source) = &mut tab.source else {
                    return;
                };
                tab.problem = None;
                // What the explorer read or wrote last, read again (after
                // its own save, or a touch): nothing to redo.
                if source.text != text {
                    source.text = text;
                    tab.replace_roadmap(*roadmap, today);
                    // Undoing now would overwrite the change just read.
                    tab.undo.clear();
                }
                return;
            }
            Msg::ReloadFailed { tab, error } => (tab, FileProblem::Invalid(error)),
            Msg::FileMissing { tab } => (tab, FileProblem::Missing),
            Msg::WatchFailed { tab, reason } => (tab, FileProblem::NotWatched(reason)),
            _ => return,
        };
        if let Some(tab) = self.tabs.get_mut(index) {
            tab.problem = Some(problem);
        }
    }

    fn search_or_filter(&mut self, msg: &Msg) {
        let today = self.today;
        match msg {
            Msg::StartSearch => {
                self.mode = Mode::Search;
                self.tab_mut().search.clear();
                self.tab_mut().matches.clear();
            }
            Msg::SearchInput(c) => {
                let tab = self.tab_mut();
                tab.search.push(*c);
                tab.run_search(today);
                tab.jump_to_match(false, true, today);
            }
            Msg::SearchBackspace => {
                let tab = self.tab_mut();
                tab.search.pop();
                tab.run_search(today);
                tab.jump_to_match(false, true, today);
            }
            Msg::SearchCancel => {
                self.mode = Mode::Browse;
                let tab = self.tab_mut();
                tab.search.clear();
                tab.matches.clear();
            }
            Msg::NextMatch => self.tab_mut().jump_to_match(false, false, today),
            Msg::PrevMatch => self.tab_mut().jump_to_match(true, false, today),
            Msg::OpenFilter => self.mode = Mode::Filter,
            Msg::FilterToggle => {
                let tab = self.tab_mut();
                if let Some(choice) = tab.filter_choices().get(tab.filter_cursor).cloned() {
                    tab.toggle(choice);
                    tab.refresh_rows(today);
                    tab.run_search(today);
                }
            }
            Msg::ClearFilters => {
                let tab = self.tab_mut();
                tab.filter = Query::default();
                tab.changed_only = false;
                tab.search.clear();
                tab.matches.clear();
                tab.refresh_rows(today);
            }
            _ => {}
        }
    }

    fn move_timeline(&mut self, msg: &Msg) {
        let today = self.today;
        match msg {
            Msg::ZoomIn | Msg::ZoomOut => {
                let factor = if *msg == Msg::ZoomIn { 2.0 } else { 0.5 };
                let tab = self.tab_mut();
                let anchor = tab
                    .selected_span()
                    .map(|(start, _)| start.first_day())
                    .filter(|day| tab.window.contains(*day))
                    .unwrap_or_else(|| middle(tab.window));
                tab.window = tab.window.zoom(factor, anchor);
            }
            Msg::PanLeft | Msg::PanRight => {
                let tab = self.tab_mut();
                let step = (tab.window.days() / 8).max(1);
                tab.window = tab
                    .window
                    .pan(if *msg == Msg::PanLeft { -step } else { step });
            }
            Msg::JumpToday => {
                let tab = self.tab_mut();
                tab.window = tab.window.centered_on(today);
            }
            _ => {}
        }
    }

    fn page(&self) -> usize {
        let areas = self.areas();
        let height = areas
            .outline
            .or(areas.timeline)
            .map_or(10, |r| r.height.saturating_sub(2));
        usize::from(height.max(1))
    }

    fn navigate(&mut self, msg: &Msg) {
        let page = self.page();
        if self.mode == Mode::Help {
            self.help_scroll = match msg {
                Msg::Up => self.help_scroll.saturating_sub(1),
                _ => self.help_scroll.saturating_add(1),
            };
            let lines = help_lines(self.lang, self.theme).len();
            self.help_scroll = self
                .help_scroll
                .min(u16::try_from(lines).unwrap_or(u16::MAX));
            return;
        }
        if self.mode == Mode::PickStatus {
            self.status_cursor = match msg {
                Msg::Up => self.status_cursor.saturating_sub(1),
                _ => (self.status_cursor + 1).min(Status::ALL.len() - 1),
            };
            return;
        }
        if self.mode == Mode::Filter {
            let count = self.tab().filter_choices().len();
            let tab = self.tab_mut();
            tab.filter_cursor = match msg {
                Msg::Up => tab.filter_cursor.saturating_sub(1),
                _ => (tab.filter_cursor + 1).min(count.saturating_sub(1)),
            };
            return;
        }
        if self.focus == Pane::Detail {
            let tab = self.tab_mut();
            tab.detail_scroll = match msg {
                Msg::Up => tab.detail_scroll.saturating_sub(1),
                Msg::Down => tab.detail_scroll.saturating_add(1),
                Msg::Top => 0,
                Msg::PageUp | Msg::HalfPageUp => tab.detail_scroll.saturating_sub(10),
                _ => tab.detail_scroll.saturating_add(10),
            };
            return;
        }
        let tab = self.tab_mut();
        let last = tab.rows.len().saturating_sub(1);
        tab.selected = match msg {
            Msg::Up => tab.selected.saturating_sub(1),
            Msg::Down => (tab.selected + 1).min(last),
            Msg::PageUp => tab.selected.saturating_sub(page),
            Msg::PageDown => (tab.selected + page).min(last),
            Msg::HalfPageUp => tab.selected.saturating_sub(page / 2),
            Msg::HalfPageDown => (tab.selected + page / 2).min(last),
            Msg::Top => 0,
            _ => last,
        };
        tab.detail_scroll = 0;
        tab.follow_selection();
    }

    fn expand_or_collapse(&mut self, msg: &Msg) {
        let today = self.today;
        let tab = self.tab_mut();
        let Some(key) = tab.selected_key() else {
            return;
        };
        let has_children = match key {
            ItemKey::Axis(a) => !tab.roadmap.axes()[a].missions.is_empty(),
            ItemKey::Mission(a, m) => !tab.roadmap.axes()[a].missions[m].milestones.is_empty(),
            _ => false,
        };
        let expanded = tab.expanded.contains(&key);
        match msg {
            Msg::Activate if has_children => {
                if expanded {
                    tab.expanded.remove(&key);
                } else {
                    tab.expanded.insert(key);
                }
            }
            Msg::Expand if has_children && !expanded => {
                tab.expanded.insert(key);
            }
            Msg::Expand if has_children => {
                tab.selected = (tab.selected + 1).min(tab.rows.len() - 1);
            }
            Msg::Collapse if has_children && expanded && !tab.filtering() => {
                tab.expanded.remove(&key);
            }
            Msg::Collapse => {
                if let Some(parent) = parent_of(key) {
                    tab.select_key(parent, today);
                }
            }
            _ => {}
        }
        tab.refresh_rows(today);
        tab.follow_selection();
    }

    fn click(&mut self, column: u16, row: u16) {
        let at = Position::new(column, row);
        let areas = self.areas();
        if let Some(area) = areas.tabs.filter(|r| r.contains(at)) {
            if let Some(index) = tab_at(self, area, column) {
                self.active = index;
            }
            return;
        }
        if let Some(area) = areas.outline.filter(|r| r.contains(at)) {
            self.focus = Pane::Outline;
            let inner_row = usize::from(row.saturating_sub(area.y + 1));
            let tab = self.tab_mut();
            let index = tab.outline_offset + inner_row;
            if row > area.y && index < tab.rows.len() {
                if tab.selected == index {
                    self.update(Msg::Activate);
                } else {
                    tab.selected = index;
                    tab.follow_selection();
                }
            }
            return;
        }
        if let Some(area) = areas.timeline.filter(|r| r.contains(at)) {
            self.focus = Pane::Timeline;
            let Some(hit) = item_at(self, area, column, row) else {
                return;
            };
            let today = self.today;
            self.tab_mut().select_key(hit, today);
            return;
        }
        for (pane, area) in [
            (Pane::Detail, areas.detail),
            (Pane::Dashboard, areas.dashboard),
        ] {
            if area.is_some_and(|r| r.contains(at)) {
                self.focus = pane;
            }
        }
    }

    fn wheel(&mut self, down: bool, zoom: bool, column: u16, row: u16) {
        let at = Position::new(column, row);
        let areas = self.areas();
        let over_timeline = areas.timeline.is_some_and(|r| r.contains(at));
        if over_timeline && zoom {
            self.update(if down { Msg::ZoomOut } else { Msg::ZoomIn });
        } else if over_timeline {
            self.update(if down { Msg::PanRight } else { Msg::PanLeft });
        } else if areas.detail.is_some_and(|r| r.contains(at)) {
            let tab = self.tab_mut();
            tab.detail_scroll = if down {
                tab.detail_scroll.saturating_add(3)
            } else {
                tab.detail_scroll.saturating_sub(3)
            };
        } else {
            let previous = self.focus;
            self.focus = Pane::Outline;
            self.navigate(if down { &Msg::Down } else { &Msg::Up });
            self.focus = previous;
        }
    }

    /// Scrolls the outline so the selected row is on screen.
    fn keep_selection_in_view(&mut self) {
        let height = self
            .areas()
            .outline
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1));
        let tab = self.tab_mut();
        if tab.selected < tab.outline_offset {
            tab.outline_offset = tab.selected;
        } else if tab.selected >= tab.outline_offset + height {
            tab.outline_offset = tab.selected + 1 - height;
        }
        tab.outline_offset = tab
            .outline_offset
            .min(tab.rows.len().saturating_sub(height));
    }
}
