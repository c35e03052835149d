//! The dashboard pane: overall progress, what the sources say and as of
//! when (`known`), progress per axis (`progress`),
//! counts by status (`statuses`), planned against actual (`slip`),
//! progress reviews over time (`reviews`). This module measures what each section needs and shares
//! the pane's height out among them.
//!
//! Progress bars use the shared glyphs of [`crate::widgets::progress`]
//! (`█` done, `░` to do). A value
//! the data does not give is written "inconnu"/"unknown" with no bar: no
//! number is ever made up. Sections that do not fit are shortened, then
//! left out, in reverse order of importance, so nothing overflows from
//! 40×10 to 200×60.

mod known;
mod progress;
mod reviews;
mod slip;
mod statuses;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use roadmap_core::{Language, ProgressFigure, ProgressReview, Status, StatusCounts};

use super::pane_block;
use crate::explore::state::{App, Pane};
use crate::terminal::cells::{self};
use crate::terminal::theme::ThemeKind;
use crate::text::Text;
use crate::widgets::progress::axes_progress;

use self::known::{draw_known, known_height, known_lines};
use self::progress::draw_progress;
use self::reviews::{draw_reviews, review_list};
use self::slip::{draw_slip, slip_height};
use self::statuses::{counts_flow, draw_statuses, table_width};
use crate::widgets::slip::SlipLines;

/// From this inner width, reviews go in a column of their own.
const TWO_COLUMNS: u16 = 90;
/// Height of the reviews chart: bars, then their labels.
const CHART_HEIGHT: u16 = 7;

/// What the dashboard shows, computed once per draw.
struct Data<'a> {
    lang: Language,
    theme: ThemeKind,
    overall: ProgressFigure,
    /// Sourced statuses, source dates and the latest dated facts, in words.
    known: Vec<String>,
    /// "1. Title" and progress, per axis.
    axes: Vec<(String, ProgressFigure)>,
    missions: StatusCounts,
    milestones: StatusCounts,
    reviews: &'a [ProgressReview],
    /// Reviews with both counts, and their done share.
    counted: Vec<(&'a ProgressReview, f64)>,
    /// The average slip, overall and per axis, in words.
    slip: SlipLines,
}

impl<'a> Data<'a> {
    fn new(app: &'a App) -> Self {
        let roadmap = &app.tab().roadmap;
        let today = app.today;
        let reviews = roadmap.reviews();
        Data {
            lang: app.lang,
            theme: app.theme,
            overall: roadmap.progress_figure(today),
            known: known_lines(roadmap, today, app.lang),
            axes: axes_progress(roadmap, today),
            missions: roadmap.mission_counts(today),
            milestones: roadmap.milestone_counts(today),
            reviews,
            counted: reviews
                .iter()
                .filter_map(|r| r.progress().map(|p| (r, p.percent())))
                .collect(),
            slip: SlipLines::of(roadmap, app.lang),
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
    Known,
    Axes,
    Statuses,
    Slip,
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
            Section::Known if data.known.is_empty() => need(0, 0),
            // The heading and the statuses line at least.
            Section::Known => need(2, count(known_height(data, width))),
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
            Section::Slip => need(2, count(slip_height(data))),
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
            Section::Known => 1,
            Section::Statuses => 2,
            Section::Axes => 3,
            Section::Slip => 4,
            Section::Reviews => 5,
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
            &[
                Section::Overall,
                Section::Known,
                Section::Axes,
                Section::Statuses,
                Section::Slip,
            ],
        );
        draw_column(frame, right, app, &data, &[Section::Reviews]);
    } else {
        let all = [
            Section::Overall,
            Section::Known,
            Section::Axes,
            Section::Statuses,
            Section::Slip,
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
            Section::Known => draw_known(frame.buffer_mut(), rect, app, data),
            Section::Statuses => draw_statuses(frame.buffer_mut(), rect, app, data),
            Section::Slip => draw_slip(frame.buffer_mut(), rect, app, data),
            Section::Reviews => draw_reviews(frame, rect, app, data),
        }
        y += height + u16::from(gaps);
    }
}

/// Writes `lines` from the top of `area`, clipped to it.
fn render_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'static>]) {
    for (line, y) in lines.iter().zip(area.y..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}

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
}
