//! The timeline's markup, painted from `roadmap_core::TimelineLayout`
//! alone: the zoom and pan controls, the tick header, and for a range of
//! rows the axis headers and mission lanes with their bars, progress and
//! milestones (a point for a day, a span for a month or more), the grid
//! and the today line. Only the rows asked for are written, so that a
//! roadmap of 10,000 milestones costs what its visible rows cost.

use std::ops::Range;

use roadmap_core::{
    Arrangement, Bar, ItemKey, ItemRef, LayoutOptions, Marker, RowKind, Status, TickScale,
    TimelineLayout, clamped,
};

use crate::crowd::Hit;
use crate::describe::accessible_name;
use crate::plan::{Arrow, arrows_of, ghost};
use crate::scene::{Scene, item_id};
use crate::since::changed_words;
use crate::words::Word;
use crate::write::Markup;

/// Height of every row, in CSS pixels.
pub const ROW: f64 = 30.0;
/// Height of the tick header.
pub const HEAD: f64 = 36.0;
/// Rows drawn beyond each edge of the viewport, so that scrolling does
/// not show blank rows before the next drawing.
pub const OVERSCAN: usize = 4;
/// Rough width of a 13 px label character, to shorten labels that do not
/// fit; bold axis titles are wider.
const CHAR_WIDTH: f64 = 7.0;
const BOLD_CHAR_WIDTH: f64 = 7.9;

/// The label column's width for a chart `width` pixels wide.
pub fn label_width(width: f64) -> f64 {
    clamped(width * 0.28, 120.0, 260.0).min(width / 2.0)
}

/// The label column's and the time area's widths of rows `width` wide:
/// known without laying anything out.
pub fn column_widths(width: f64) -> (f64, f64) {
    let label_w = label_width(width);
    (label_w, (width - label_w).max(1.0))
}

/// Of `count` rows `width` wide, those to draw when their box is scrolled
/// `top` pixels down and is `height` high (0: not known), with
/// [`OVERSCAN`] more; none before the width is known. Rows do not depend
/// on the window, so a scroll can tell them without a layout.
pub fn visible_rows(width: f64, count: usize, top: f64, height: f64) -> Range<usize> {
    if width <= 0.0 {
        return 0..0;
    }
    let height = if height > 0.0 { height } else { 480.0 };
    let top = top.max(0.0);
    let last = (((top + height) / ROW).ceil() as usize + OVERSCAN).min(count);
    let first = ((top / ROW).floor() as usize)
        .saturating_sub(OVERSCAN)
        .min(last);
    first..last
}

/// A scene's timeline laid out `width` pixels wide (the rows' box).
pub struct Chart<'s, 'a> {
    /// What is shown.
    pub scene: &'s Scene<'a>,
    /// Where everything goes.
    pub layout: TimelineLayout<'a>,
    /// The rows' width.
    pub width: f64,
    /// The label column's width.
    pub label_w: f64,
    /// The time area's width.
    pub time_w: f64,
    /// The open item's dependency lines.
    pub arrows: Vec<Arrow>,
    /// Whether items are focusable buttons (the widget's), or still (a
    /// drawing outside it, with no handler behind them).
    pub interactive: bool,
}

impl<'s, 'a> Chart<'s, 'a> {
    /// Lays `scene` out for rows `width` pixels wide.
    pub fn new(scene: &'s Scene<'a>, width: f64) -> Self {
        Chart::arranged(scene, width, &Chart::arrangement(scene))
    }

    /// What the timeline of `scene` holds whatever its window, to keep
    /// across zooms and pans and lay out with [`Chart::arranged`]: it
    /// changes with the roadmap, the day and the "changed" filter only.
    pub fn arrangement(scene: &Scene<'_>) -> Arrangement {
        let options = LayoutOptions::for_pixels(0.0, scene.lang, scene.today);
        // Under the "changed" filter, only changed items and their parents.
        Arrangement::new(scene.roadmap, &options, &|key| scene.shows(key))
    }

    /// Lays `scene` out for rows `width` pixels wide from `arrangement`,
    /// made by [`Chart::arrangement`] of the same roadmap, day and filter
    /// (arranged again when made for another day).
    pub fn arranged(scene: &'s Scene<'a>, width: f64, arrangement: &Arrangement) -> Self {
        let (label_w, time_w) = column_widths(width);
        let options = LayoutOptions::for_pixels(time_w, scene.lang, scene.today);
        let fresh;
        let arrangement = if arrangement.fits(&options) {
            arrangement
        } else {
            fresh = Chart::arrangement(scene);
            &fresh
        };
        let layout = TimelineLayout::place(scene.roadmap, arrangement, scene.window, &options);
        let arrows = arrows_of(scene, &layout);
        Chart {
            scene,
            layout,
            width,
            label_w,
            time_w,
            arrows,
            interactive: true,
        }
    }

    /// The same chart with nothing to click: items are not buttons.
    #[must_use]
    pub fn still(mut self) -> Self {
        self.interactive = false;
        self
    }

    /// The attributes that make an item a focusable button, when it is one.
    pub(crate) fn control(&self) -> &'static str {
        if self.interactive {
            " tabindex=\"0\" role=\"button\""
        } else {
            ""
        }
    }

    /// The height of all rows.
    pub fn height(&self) -> f64 {
        self.layout.rows.len() as f64 * ROW
    }

    /// The rows to draw when the rows' box is scrolled `top` pixels down
    /// and is `height` high (0: not known), with [`OVERSCAN`] more; none
    /// before the width is known.
    pub fn visible_rows(&self, top: f64, height: f64) -> Range<usize> {
        visible_rows(self.width, self.layout.rows.len(), top, height)
    }

    /// What is under the point `(x, y)` of the rows' box: an axis or
    /// mission by its label, else a crowd of milestones drawn there, else
    /// the item the layout finds at that place.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        if y < 0.0 {
            return None;
        }
        let row = (y / ROW).floor() as usize;
        if x < self.label_w {
            return self.layout.rows.get(row).and_then(|r| r.key).map(Hit::Item);
        }
        let x = x - self.label_w;
        let crowd = self.crowds(row).into_iter().find(|crowd| {
            let (x0, w) = self.band(crowd);
            x0 <= x && x <= x0 + w
        });
        match crowd {
            Some(crowd) => Some(Hit::Crowd(crowd)),
            None => self.layout.item_at(x, row).map(Hit::Item),
        }
    }

    /// The zoom buttons (`div.group`): their pressed state follows the window.
    pub fn zoom_group(&self) -> String {
        let lang = self.scene.lang;
        let mut m = Markup::new();
        m.raw("<div class=\"group zoom\" role=\"group\"")
            .attr("aria-label", Word::ZoomGroup.text(lang))
            .raw(">");
        icon_button(&mut m, "zoom-out", Word::ZoomOut.text(lang), "−", "−");
        icon_button(&mut m, "zoom-in", Word::ZoomIn.text(lang), "+", "+");
        for (scale, word, act) in [
            (TickScale::Years, Word::Years, "years"),
            (TickScale::Quarters, Word::Quarters, "quarters"),
            (TickScale::Months, Word::Months, "months"),
        ] {
            m.raw("<button type=\"button\" class=\"btn\"")
                .attr("data-act", act)
                .attr(
                    "aria-pressed",
                    if self.layout.tick_scale == scale {
                        "true"
                    } else {
                        "false"
                    },
                )
                .raw(">")
                .text(word.text(lang))
                .raw("</button>");
        }
        m.raw("<button type=\"button\" class=\"btn\" data-act=\"fit\">")
            .text(Word::Fit.text(lang))
            .raw("</button></div>");
        m.finish()
    }

    /// The tick labels above the rows (`svg.ticks`); decoration only: the
    /// period is said in words, and the list gives every date.
    pub fn ticks(&self) -> String {
        let mut m = Markup::new();
        m.raw("<svg class=\"ticks\" aria-hidden=\"true\"")
            .px("width", self.width)
            .px("height", HEAD)
            .raw(">")
            .raw(&self.tick_marks())
            .raw("</svg>");
        m.finish()
    }

    /// The inside of `svg.ticks`: the baseline, the ticks and their
    /// labels, today's mark.
    pub fn tick_marks(&self) -> String {
        let mut m = Markup::new();
        m.raw("<line class=\"baseline\" x1=\"0\"")
            .px("x2", self.width)
            .px("y1", HEAD - 0.5)
            .px("y2", HEAD - 0.5)
            .raw("/>");
        for tick in &self.layout.ticks {
            let x = self.label_w + tick.x;
            let top = if tick.major { HEAD - 14.0 } else { HEAD - 8.0 };
            m.raw(if tick.major {
                "<g class=\"tick major\"><line"
            } else {
                "<g class=\"tick\"><line"
            })
            .px("x1", x)
            .px("x2", x)
            .px("y1", top)
            .px("y2", HEAD)
            .raw("/><text")
            .px("x", x + 4.0)
            .px("y", HEAD - 16.0)
            .raw(">")
            .text(&tick.label)
            .raw("</text></g>");
        }
        if let Some(x) = self.layout.today_x {
            let x = self.label_w + x;
            m.raw("<g class=\"today-mark\"><polygon points=\"")
                .number(x - 5.0)
                .raw(",")
                .number(HEAD - 7.0)
                .raw(" ")
                .number(x + 5.0)
                .raw(",")
                .number(HEAD - 7.0)
                .raw(" ")
                .number(x)
                .raw(",")
                .number(HEAD)
                .raw("\"/><title>")
                .text(Word::Today.text(self.scene.lang))
                .raw("</title></g>");
        }
        m.finish()
    }

    /// The inside of `svg.rows` for `rows`: the divider, the grid, the
    /// today line, then each row.
    pub fn rows(&self, rows: Range<usize>) -> String {
        let (top, bottom) = (rows.start as f64 * ROW, rows.end as f64 * ROW);
        let mut m = Markup::new();
        m.raw("<line class=\"divider\"")
            .px("x1", self.label_w)
            .px("x2", self.label_w)
            .px("y1", top)
            .px("y2", bottom)
            .raw("/>");
        for tick in &self.layout.ticks {
            let x = self.label_w + tick.x;
            m.raw(if tick.major {
                "<line class=\"grid major\""
            } else {
                "<line class=\"grid\""
            })
            .px("x1", x)
            .px("x2", x)
            .px("y1", top)
            .px("y2", bottom)
            .raw("/>");
        }
        if let Some(x) = self.layout.today_x {
            let x = self.label_w + x;
            m.raw("<line class=\"today\"")
                .px("x1", x)
                .px("x2", x)
                .px("y1", top)
                .px("y2", bottom)
                .raw("/>");
        }
        for index in rows {
            self.row(&mut m, index);
        }
        m.raw(&self.arrows());
        m.finish()
    }

    /// The whole `svg.rows` element for `rows`.
    pub fn rows_svg(&self, rows: Range<usize>, period: &str) -> String {
        self.rows_svg_with(&self.rows(rows), period)
    }

    /// The whole `svg.rows` element around `rows_markup` ([`Chart::rows`]).
    pub fn rows_svg_with(&self, rows_markup: &str, period: &str) -> String {
        let scene = self.scene;
        let mut m = Markup::new();
        m.raw("<svg class=\"rows\" role=\"group\"")
            .attr("aria-label", &rows_label(scene, period))
            .px("width", self.width)
            .px("height", self.height())
            .raw(">")
            .raw(rows_markup)
            .raw("</svg>");
        m.finish()
    }

    /// Whether `key` is the open item or linked to it: never crowded.
    pub(crate) fn is_picked(&self, key: ItemKey) -> bool {
        !self.selected_class(Some(key)).is_empty()
    }

    fn selected_class(&self, key: Option<ItemKey>) -> &'static str {
        match key {
            Some(_) if key == self.scene.selected => " selected",
            Some(key) if self.is_linked(key) => " linked",
            _ => "",
        }
    }

    /// One row: an axis header, or a mission's lane with its bar and markers.
    fn row(&self, m: &mut Markup, index: usize) {
        let scene = self.scene;
        let row = &self.layout.rows[index];
        let y = index as f64 * ROW;
        let ring = |m: &mut Markup| {
            m.raw("<rect class=\"ring\" x=\"1\"")
                .px("y", y + 1.0)
                .px("width", self.width - 2.0)
                .px("height", ROW - 2.0)
                .raw(" rx=\"4\"/>");
        };
        if row.kind == RowKind::Axis {
            m.raw("<g class=\"item axis-row")
                .raw(self.selected_class(row.key))
                .raw("\"")
                .raw(self.control());
            if let Some(key) = row.key {
                self.item_attrs(m, key);
            }
            m.raw("><rect class=\"axis-band\" x=\"0\"")
                .px("y", y)
                .px("width", self.width)
                .px("height", ROW)
                .raw("/><text class=\"axis-label\" x=\"8\"")
                .px("y", y + 20.0)
                .raw(">")
                .text(&fit_chars(row.label, self.width - 16.0, BOLD_CHAR_WIDTH))
                .raw("</text>");
            ring(m);
            m.raw("</g>");
            return;
        }
        let status = match row.key.and_then(|key| scene.roadmap.get(key)) {
            Some(ItemRef::Mission(_, mission)) => Some(mission.effective_status(scene.today)),
            _ => None,
        };
        match row.key {
            Some(key) => {
                m.raw("<g class=\"item lane")
                    .raw(self.selected_class(Some(key)))
                    .raw("\"")
                    .raw(self.control());
                self.item_attrs(m, key);
                m.raw(">");
            }
            None => {
                m.raw("<g class=\"lane\">");
            }
        }
        m.raw("<line class=\"lane-line\" x1=\"0\"")
            .px("x2", self.width)
            .px("y1", y + ROW - 0.5)
            .px("y2", y + ROW - 0.5)
            .raw("/>");
        if row.key.is_some() {
            m.raw("<text class=\"lane-label\" x=\"12\"")
                .px("y", y + 19.0)
                .raw(">");
            match status {
                Some(status) => {
                    m.symbol(status.symbol()).raw(" ").text(&fit_chars(
                        row.label,
                        self.label_w - 34.0,
                        CHAR_WIDTH,
                    ));
                }
                None => {
                    m.text(&fit_chars(row.label, self.label_w - 20.0, CHAR_WIDTH));
                }
            }
            // The title (the whole label, for a shortened one) beside the
            // text, not in it: the text is what the item visibly says, and
            // must read as part of its name (WCAG 2.5.3, label in name).
            m.raw("</text><title>").text(row.label).raw("</title>");
        }
        let bars = self.layout.bars_in(index..index + 1);
        for bar in bars {
            self.bar(m, bar, y);
        }
        if row.key.is_some() {
            ring(m);
        }
        m.raw("</g>");
        // Percentages and the Δ mark after the item, for the same reason:
        // its name says them its own way.
        for bar in bars {
            self.bar_text(m, bar, y);
        }
        if row.key.is_some_and(|key| scene.changed(key)) {
            changed_mark(m, self.label_w - 16.0, y + 19.0);
        }
        let crowds = self.crowds(index);
        let mut symbols = RowSymbols::default();
        for marker in self.layout.markers_in(index..index + 1) {
            if !crowds
                .iter()
                .any(|crowd| crowd.members.contains(&marker.key))
            {
                self.marker(m, marker, y, &mut symbols);
            }
        }
        symbols.write(m, y + ROW / 2.0 + 4.0);
        for crowd in &crowds {
            self.crowd(m, crowd);
        }
    }

    /// A mission's bar and its progress fill.
    fn bar(&self, m: &mut Markup, bar: &Bar<'_>, y: f64) {
        let x0 = self.label_w + bar.x0;
        let w = (bar.x1 - bar.x0).max(2.0);
        let fill = self.progress_fill(bar.key, bar.progress, bar.x0, bar.x1);
        m.raw("<g class=\"bar ");
        status_class(m, bar.status);
        m.raw("\"><rect class=\"bar-body\"")
            .px("x", x0)
            .px("y", y + 5.0)
            .px("width", w)
            .px("height", ROW - 10.0)
            .raw(" rx=\"3\"/>");
        // Written even when empty (a rect 0 wide draws nothing): a new
        // window then changes its width, not the bar's elements.
        if bar.progress.is_some() {
            m.raw("<rect class=\"bar-fill\"")
                .px("x", x0)
                .px("y", y + 5.0)
                .px("width", fill)
                .px("height", ROW - 10.0)
                .raw(" rx=\"3\"/><rect class=\"bar-edge\"")
                .px("x", x0)
                .px("y", y + ROW - 8.0)
                .px("width", fill)
                .raw(" height=\"3\"/>");
        }
        m.raw("</g>");
    }

    /// A bar's percentage, when the bar has room for it.
    fn bar_text(&self, m: &mut Markup, bar: &Bar<'_>, y: f64) {
        let w = (bar.x1 - bar.x0).max(2.0);
        if let Some(progress) = bar.progress.filter(|_| w >= 48.0) {
            m.raw("<text class=\"bar-text\" aria-hidden=\"true\"")
                .px("x", self.label_w + bar.x0 + 6.0)
                .px("y", y + 19.0)
                .raw(">")
                .text(&self.scene.lang.percent(progress))
                .raw("</text>");
        }
    }

    /// ` aria-label="…" data-item="id"` of an item.
    fn item_attrs(&self, m: &mut Markup, key: ItemKey) {
        let scene = self.scene;
        let mut name = accessible_name(scene.roadmap, key, scene.lang, scene.today);
        name.push_str(&changed_words(scene, key));
        m.attr("aria-label", &name).attr(
            "data-item",
            &item_id(scene.roadmap, key).unwrap_or_default(),
        );
    }

    /// How far the progress fill runs from the bar's visible start: the
    /// share of the mission's whole span, mapped by the layout's scale, so
    /// that a bar cut by the window edge still fills up to the right day.
    fn progress_fill(&self, key: ItemKey, progress: Option<f64>, x0: f64, x1: f64) -> f64 {
        let Some(progress) = progress else {
            return 0.0;
        };
        let Some(ItemRef::Mission(_, mission)) = self.scene.roadmap.get(key) else {
            return 0.0;
        };
        let Some((start, end)) = mission.span() else {
            return 0.0;
        };
        let scale = &self.layout.scale;
        let full_start = scale.x_of(start.first_day());
        let full_end = scale.x_of(end.last_day()) + scale.per_day();
        let reached = full_start + (full_end - full_start) * clamped(progress, 0.0, 100.0) / 100.0;
        (clamped(reached, x0, x1) - x0).max(0.0)
    }

    /// A milestone: a diamond for a day, a rounded span for a longer
    /// period; its status symbol, so that colour is never the only sign,
    /// goes to the row's `symbols`. Its group is moved to the marker's
    /// start by a `transform`, its shapes drawn around that point: a new
    /// window then changes a day milestone's `transform` only (see the
    /// widget's `patch`).
    fn marker(&self, m: &mut Markup, marker: &Marker<'_>, y: f64, symbols: &mut RowSymbols) {
        let scene = self.scene;
        let key = marker.key;
        let mut name = accessible_name(scene.roadmap, key, scene.lang, scene.today);
        name.push_str(&changed_words(scene, key));
        let mid = y + ROW / 2.0;
        let x0 = self.label_w + marker.x0;
        let picked = self.selected_class(Some(key));
        m.raw("<g class=\"item marker ");
        status_class(m, marker.status);
        m.raw(picked)
            .raw(if marker.is_point() { "" } else { " span" })
            .raw("\"")
            .raw(self.control())
            .attr("aria-label", &name)
            .attr(
                "data-item",
                &item_id(scene.roadmap, key).unwrap_or_default(),
            )
            .raw(" transform=\"translate(")
            .number(x0)
            .raw(" ")
            .number(mid)
            .raw(")\">");
        if let Some(plan) = &marker.planned {
            ghost(m, plan, self.label_w - x0, 0.0);
        }
        // A ring around the selected or a linked milestone only: the
        // focused one shows its focus on its shape (the stylesheet), so
        // that thousands of milestones do not each carry a hidden ring.
        let ringed = !picked.is_empty();
        let symbol = marker.status.symbol();
        if marker.is_point() {
            diamond(m, "shape", 0.0, 0.0, 7.0);
            if ringed {
                diamond(m, "ring", 0.0, 0.0, 11.0);
            }
            symbols.beside.push(x0 + 10.0, symbol);
        } else {
            let w = (marker.x1 - marker.x0).max(4.0);
            m.raw("<rect class=\"shape\" x=\"0\" y=\"-6\"")
                .px("width", w)
                .raw(" height=\"12\" rx=\"6\"/>");
            if ringed {
                m.raw("<rect class=\"ring\" x=\"-3\" y=\"-9\"")
                    .px("width", w + 6.0)
                    .raw(" height=\"18\" rx=\"8\"/>");
            }
            if w >= 16.0 {
                symbols.inside.push(x0 + w / 2.0, symbol);
            } else {
                symbols.beside.push(x0 + w + 3.0, symbol);
            }
        }
        // The widget's one tooltip names it (web-widget `tip`); a drawing
        // with no script, its `<title>`.
        if !self.interactive {
            m.raw("<title>").text(&name).raw("</title>");
        }
        m.raw("</g>");
        if scene.changed(key) {
            changed_mark(m, self.label_w + marker.x1 + 4.0, mid - 6.0);
        }
    }
}

/// The status symbols of one row's milestones, one `<text>` for those
/// beside their milestone and one for those inside their span, each
/// symbol placed by its own `x`. A `<text>` per milestone cost the browser
/// more to lay out than all the rest of the rows: in headless Chromium, on
/// the bench's 10,000 synthetic milestones at their whole window, the
/// rows' style and layout took 29 ms with a `<text>` per milestone and
/// 17 ms with these. Hidden from assistive technologies: each milestone's
/// name says its status.
#[derive(Default)]
struct RowSymbols {
    beside: SymbolRun,
    inside: SymbolRun,
}

impl RowSymbols {
    /// Both texts, on the baseline `y`, when they hold a symbol.
    fn write(&self, m: &mut Markup, y: f64) {
        self.beside.write(m, "marker-symbol", y);
        self.inside.write(m, "marker-symbol inside", y);
    }
}

/// Symbols and where each one goes.
#[derive(Default)]
struct SymbolRun {
    xs: Vec<f64>,
    glyphs: String,
}

impl SymbolRun {
    fn push(&mut self, x: f64, symbol: char) {
        self.xs.push(x);
        self.glyphs.push(symbol);
    }

    fn write(&self, m: &mut Markup, class: &str, y: f64) {
        let Some((first, rest)) = self.xs.split_first() else {
            return;
        };
        m.raw("<text class=\"")
            .raw(class)
            .raw("\" aria-hidden=\"true\" x=\"")
            .number(*first);
        for &x in rest {
            m.raw(" ").number(x);
        }
        m.raw("\"")
            .px("y", y)
            .raw(">")
            .text(&self.glyphs)
            .raw("</text>");
    }
}

/// The Δ mark of an item changed since the compared edition, at `(x, y)`;
/// the item's name says it in words.
fn changed_mark(m: &mut Markup, x: f64, y: f64) {
    m.raw("<text class=\"changed-mark\" aria-hidden=\"true\"")
        .px("x", x)
        .px("y", y)
        .raw(">")
        .symbol(roadmap_core::CHANGED_SYMBOL)
        .raw("</text>");
}

/// A button with a symbol for a face and a word for a name.
fn icon_button(m: &mut Markup, act: &str, name: &str, face: &str, key: &str) {
    m.raw("<button type=\"button\" class=\"btn icon\"")
        .attr("data-act", act)
        .attr("aria-label", name)
        .raw(" title=\"")
        .text(name)
        .raw(" (")
        .raw(key)
        .raw(")\">")
        .raw(face)
        .raw("</button>");
}

/// "Frise chronologique — title — Période affichée : … – …": the rows' name.
pub fn rows_label(scene: &Scene<'_>, period: &str) -> String {
    let mut label = String::new();
    label.push_str(Word::TimelineOf.text(scene.lang));
    label.push_str(" — ");
    label.push_str(scene.roadmap.title());
    label.push_str(" — ");
    label.push_str(period);
    label
}

/// The timeline section (`section.timeline`) of a chart, its rows `rows`.
pub fn section(chart: &Chart<'_, '_>, rows: Range<usize>) -> String {
    section_with(chart, &chart.rows(rows))
}

/// [`section`] with the inside of its rows' element written already
/// ([`Chart::rows`]).
pub fn section_with(chart: &Chart<'_, '_>, rows_markup: &str) -> String {
    let scene = chart.scene;
    let lang = scene.lang;
    let period = scene.period();
    let mut m = Markup::new();
    let mut name = String::from(Word::Timeline.text(lang));
    name.push_str(" — ");
    name.push_str(scene.roadmap.title());
    m.raw("<section class=\"timeline\"")
        .attr("aria-label", &name)
        .raw("><div class=\"controls\">")
        .raw(&chart.zoom_group())
        .raw("<div class=\"group\" role=\"group\"")
        .attr("aria-label", Word::PanGroup.text(lang))
        .raw(">");
    icon_button(&mut m, "earlier", Word::Earlier.text(lang), "◀", "←");
    m.raw("<button type=\"button\" class=\"btn\" data-act=\"today\">")
        .text(Word::Today.text(lang))
        .raw("</button>");
    icon_button(&mut m, "later", Word::Later.text(lang), "▶", "→");
    m.raw("</div><p class=\"period\" aria-live=\"polite\">")
        .text(&period)
        .raw("</p></div><div class=\"chart\">")
        .raw(&chart.ticks())
        .raw("<div class=\"scroller\">")
        .raw(&chart.rows_svg_with(rows_markup, &period))
        .raw("</div></div>");
    if chart.interactive {
        // The milestones' names, one at a time (the widget's `tip`).
        m.raw("<div class=\"tip\" aria-hidden=\"true\" hidden></div>");
    }
    let undated = undated_count(scene);
    if undated > 0 {
        m.raw("<p class=\"note\">")
            .int(undated)
            .raw(" ")
            .text(lang.agree(
                undated,
                (Word::Undated.text(lang), Word::UndatedPlural.text(lang)),
            ));
        m.raw("</p>");
    }
    m.raw("</section>");
    m.finish()
}

/// Missions and milestones that have no date, so the timeline cannot
/// place them.
fn undated_count(scene: &Scene<'_>) -> usize {
    let roadmap = scene.roadmap;
    let missions = roadmap
        .missions()
        .filter(|(_, _, mission)| mission.span().is_none())
        .count();
    let milestones = roadmap
        .milestones()
        .filter(|(_, m)| m.timeline_date().is_none())
        .count();
    missions + milestones
}

/// Writes the class that colours a status: `s-in-progress`.
pub fn status_class(m: &mut Markup, status: Status) {
    m.raw("s-").raw(status.keyword());
}

/// `text` shortened with "…" to about `room` pixels of `char_width`.
pub fn fit_chars(text: &str, room: f64, char_width: f64) -> String {
    let max = (room / char_width).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    // Cut between words, so that every word shown is in the item's
    // accessible name (WCAG 2.5.3, label in name); a single long word is
    // cut where it must.
    let next_is_space = text
        .chars()
        .nth(max.saturating_sub(1))
        .is_some_and(char::is_whitespace);
    if !next_is_space && let Some(space) = short.rfind(char::is_whitespace) {
        short.truncate(space);
    }
    let kept = short.trim_end_matches(|c: char| c.is_whitespace() || ",;:·—–-".contains(c));
    let mut short = kept.to_owned();
    short.push('…');
    short
}

/// A diamond of class `class` centred on (`x`, `y`), `r` from its centre
/// to each corner: a milestone of one day, or its plan's ghost.
pub(crate) fn diamond(m: &mut Markup, class: &str, x: f64, y: f64, r: f64) {
    m.raw("<polygon class=\"")
        .raw(class)
        .raw("\" points=\"")
        .number(x)
        .raw(",")
        .number(y - r)
        .raw(" ")
        .number(x + r)
        .raw(",")
        .number(y)
        .raw(" ")
        .number(x)
        .raw(",")
        .number(y + r)
        .raw(" ")
        .number(x - r)
        .raw(",")
        .number(y)
        .raw("\"/>");
}

#[cfg(test)]
mod tests {
    use super::fit_chars;

    #[test]
    fn labels_are_shortened_between_words() {
        assert_eq!(fit_chars("Cloud interne", 130.0, 10.0), "Cloud interne");
        assert_eq!(
            fit_chars("Cloud interne de l'État pour données", 100.0, 10.0),
            "Cloud…"
        );
        assert_eq!(
            fit_chars("Offre de service, et catalogue", 180.0, 10.0),
            "Offre de service…"
        );
        assert_eq!(fit_chars("Anticonstitutionnellement", 50.0, 10.0), "Anti…");
    }
}
