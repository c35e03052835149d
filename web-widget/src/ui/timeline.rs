//! The timeline view: zoom and pan controls, then an SVG painted from
//! `roadmap_core::TimelineLayout` alone — ticks, the today line, an axis
//! header row per axis and a lane per mission with its bar, progress and
//! milestones (a point for a day, a span for a month or more). Only the
//! rows in the scrolled viewport are drawn; hit testing is the layout's.

use std::cell::RefCell;
use std::rc::Rc;

use roadmap_core::{
    Day, ItemKey, ItemRef, Language, LayoutOptions, Marker, RowKind, Status, TickScale, TimeWindow,
    TimelineLayout,
};
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::{
    AttrValue, Callback, Html, Properties, UseReducerDispatcher, classes, function_component, html,
    use_effect_with, use_memo, use_mut_ref, use_node_ref, use_state_eq,
};

use crate::describe::accessible_name;
use crate::items::item_id;
use crate::ui::hooks::{Follow, use_element_size};
use crate::viewer::{Msg, SharedRoadmap, View, Viewer, WHEEL_ZOOM_STEP};
use crate::words::Word;

/// Height of every row, in CSS pixels.
const ROW: f64 = 30.0;
/// Height of the tick header.
const HEAD: f64 = 36.0;
/// Rows drawn beyond each edge of the viewport, so that scrolling does
/// not show blank rows before the next frame.
const OVERSCAN: usize = 4;
/// A pointer that moved less than this (pixels) clicked rather than dragged.
const DRAG_THRESHOLD: f64 = 4.0;
/// Rough width of a 13 px label character, to shorten labels that do not
/// fit; bold axis titles are wider.
const CHAR_WIDTH: f64 = 7.0;
const BOLD_CHAR_WIDTH: f64 = 7.9;

/// What the timeline is given.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct TimelineProps {
    /// The roadmap.
    pub roadmap: SharedRoadmap,
    /// The days shown.
    pub window: TimeWindow,
    /// The interface language.
    pub lang: Language,
    /// The day statuses are computed for.
    pub today: Day,
    /// The item whose detail is open.
    pub selected: Option<ItemKey>,
    /// Where messages go.
    pub dispatcher: UseReducerDispatcher<Viewer>,
    /// "Période affichée : … – …".
    pub period: AttrValue,
    /// Told once rows are drawn (the first render may have no width yet).
    pub on_drawn: Callback<View>,
    /// The scrolled box's size before it is measured (`(0, 0)`: not known).
    #[prop_or_default]
    pub first_size: (f64, f64),
}

/// A drag in progress.
#[derive(Debug, Clone, Copy)]
struct Drag {
    pointer: i32,
    start_x: f64,
    window: TimeWindow,
    moved: bool,
}

/// The label column's width for a chart `width` pixels wide.
fn label_width(width: f64) -> f64 {
    (width * 0.28).clamp(120.0, 260.0).min(width / 2.0)
}

/// A length for an SVG attribute: one decimal is finer than a pixel.
fn px(value: f64) -> AttrValue {
    AttrValue::from(format!("{value:.1}"))
}

/// `text` shortened with "…" to about `room` pixels.
fn fit(text: &str, room: f64) -> String {
    fit_chars(text, room, CHAR_WIDTH)
}

fn fit_chars(text: &str, room: f64, char_width: f64) -> String {
    let max = (room / char_width).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        // Cut between words, so that every word shown is in the item's
        // accessible name (WCAG 2.5.3, label in name); a single long word
        // is cut where it must.
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

fn status_class(status: Status) -> String {
    format!("s-{}", status.keyword())
}

/// Opens `key` on Enter or Space.
fn open_on_key(dispatcher: &UseReducerDispatcher<Viewer>, key: ItemKey) -> Callback<KeyboardEvent> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |event: KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            dispatcher.dispatch(Msg::Select(key));
        }
    })
}

/// The timeline view.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let scroller = use_node_ref();
    let svg_ref = use_node_ref();
    let (width, height) = use_element_size(scroller.clone(), props.first_size, Follow::Size);
    let scroll_top = use_state_eq(|| 0.0_f64);
    let drag = use_mut_ref(|| None::<Drag>);
    let wheel_rest = use_mut_ref(|| 0.0_f64);
    {
        let on_drawn = props.on_drawn.clone();
        use_effect_with(width > 0.0, move |&drawn| {
            if drawn {
                on_drawn.emit(View::Timeline);
            }
        });
    }

    let TimelineProps {
        roadmap,
        window,
        lang,
        today,
        dispatcher,
        period,
        ..
    } = props;
    let (lang, today, window) = (*lang, *today, *window);
    let label_w = label_width(width);
    let time_w = (width - label_w).max(1.0);
    let options = LayoutOptions::for_pixels(time_w, lang, today);
    let layout = TimelineLayout::new(roadmap, window, &options);

    let controls = controls(props, &layout, time_w);

    // Pointer: drag pans, a click opens what the layout finds under it.
    let hit = {
        let roadmap = roadmap.clone();
        move |x: f64, y: f64| -> Option<ItemKey> {
            let layout = TimelineLayout::new(&roadmap, window, &options);
            let row = (y / ROW).floor();
            if row < 0.0 {
                return None;
            }
            let row = row as usize;
            if x < label_w {
                layout.rows.get(row).and_then(|r| r.key)
            } else {
                layout.item_at(x - label_w, row)
            }
        }
    };
    let onpointerdown = pointer_down(drag.clone(), svg_ref.clone(), window);
    let onpointermove = {
        let drag = drag.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: PointerEvent| {
            let mut state = drag.borrow_mut();
            let Some(d) = state.as_mut().filter(|d| d.pointer == event.pointer_id()) else {
                return;
            };
            let dx = f64::from(event.client_x()) - d.start_x;
            d.moved |= dx.abs() > DRAG_THRESHOLD;
            if d.moved {
                let per_day = d.window.scale(time_w).per_day();
                let days = -(dx / per_day).round() as i64;
                dispatcher.dispatch(Msg::SetWindow(d.window.pan(days)));
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        let dispatcher = dispatcher.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(d) = drag.borrow_mut().take() else {
                return;
            };
            if d.moved {
                return;
            }
            let Some(svg) = svg_ref.cast::<Element>() else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            let x = f64::from(event.client_x()) - rect.left();
            let y = f64::from(event.client_y()) - rect.top();
            if let Some(key) = hit(x, y) {
                dispatcher.dispatch(Msg::Select(key));
            }
        })
    };
    let onpointercancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            drag.borrow_mut().take();
        })
    };
    let onwheel = wheel(
        dispatcher,
        &wheel_rest,
        svg_ref.clone(),
        window,
        label_w,
        time_w,
    );
    let onscroll = {
        let scroller = scroller.clone();
        let scroll_top = scroll_top.clone();
        Callback::from(move |_| {
            if let Some(element) = scroller.cast::<Element>() {
                scroll_top.set(f64::from(element.scroll_top()));
            }
        })
    };

    // Only the rows in view (and a few more) are drawn.
    let view_h = if height > 0.0 { height } else { 480.0 };
    let first = ((*scroll_top / ROW).floor() as usize).saturating_sub(OVERSCAN);
    let last = (((*scroll_top + view_h) / ROW).ceil() as usize + OVERSCAN).min(layout.rows.len());
    // Nothing is drawn before the first measure: rows need a width.
    let last = if width > 0.0 { last } else { 0 };
    let first = first.min(last);
    let total_h = layout.rows.len() as f64 * ROW;
    let (band_top, band_bottom) = (first as f64 * ROW, last as f64 * ROW);

    let grid = layout.ticks.iter().map(|tick| {
        let x = px(label_w + tick.x);
        html! {
            <line class={classes!("grid", tick.major.then_some("major"))}
                x1={x.clone()} x2={x} y1={px(band_top)} y2={px(band_bottom)} />
        }
    });
    let today_line = layout.today_x.map(|x| {
        let x = px(label_w + x);
        html! { <line class="today" x1={x.clone()} x2={x} y1={px(band_top)} y2={px(band_bottom)} /> }
    });
    let rows = (first..last).map(|index| row_view(props, &layout, index, label_w, width));

    let aria = format!(
        "{} — {} — {}",
        Word::TimelineOf.text(lang),
        roadmap.title(),
        period
    );
    let undated = *use_memo(roadmap.clone(), |roadmap| undated_count(roadmap));
    html! {
        <section class="timeline" aria-label={format!("{} — {}", Word::Timeline.text(lang), roadmap.title())}>
            { controls }
            <div class="chart">
                { ticks_header(&layout, label_w, width, lang) }
                <div class="scroller" ref={scroller} {onscroll} {onwheel}>
                    <svg ref={svg_ref} class="rows" role="group" aria-label={aria}
                        width={px(width)} height={px(total_h)}
                        {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>
                        <line class="divider" x1={px(label_w)} x2={px(label_w)}
                            y1={px(band_top)} y2={px(band_bottom)} />
                        { for grid }
                        { for today_line }
                        { for rows }
                    </svg>
                </div>
            </div>
            if undated > 0 {
                <p class="note">{ format!("{undated} {}", lang.agree(undated, (Word::Undated.text(lang), Word::UndatedPlural.text(lang)))) }</p>
            }
        </section>
    }
}

/// Zoom and pan buttons, and the period shown (announced when it changes).
fn controls(props: &TimelineProps, layout: &TimelineLayout<'_>, time_w: f64) -> Html {
    let lang = props.lang;
    let send = |msg: Msg| {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(msg.clone()))
    };
    let preset = |scale: TickScale, word: Word| {
        html! {
            <button type="button" class="btn"
                aria-pressed={(layout.tick_scale == scale).to_string()}
                onclick={send(Msg::ZoomTo { scale, width: time_w })}>
                { word.text(lang) }
            </button>
        }
    };
    html! {
        <div class="controls">
            <div class="group" role="group" aria-label={Word::ZoomGroup.text(lang)}>
                <button type="button" class="btn icon" aria-label={Word::ZoomOut.text(lang)}
                    title={format!("{} (−)", Word::ZoomOut.text(lang))} onclick={send(Msg::ZoomOut)}>
                    { "−" }
                </button>
                <button type="button" class="btn icon" aria-label={Word::ZoomIn.text(lang)}
                    title={format!("{} (+)", Word::ZoomIn.text(lang))} onclick={send(Msg::ZoomIn)}>
                    { "+" }
                </button>
                { preset(TickScale::Years, Word::Years) }
                { preset(TickScale::Quarters, Word::Quarters) }
                { preset(TickScale::Months, Word::Months) }
                <button type="button" class="btn" onclick={send(Msg::Fit)}>{ Word::Fit.text(lang) }</button>
            </div>
            <div class="group" role="group" aria-label={Word::PanGroup.text(lang)}>
                <button type="button" class="btn icon" aria-label={Word::Earlier.text(lang)}
                    title={format!("{} (←)", Word::Earlier.text(lang))} onclick={send(Msg::PanSteps(-1))}>
                    { "◀" }
                </button>
                <button type="button" class="btn" onclick={send(Msg::Today)}>{ Word::Today.text(lang) }</button>
                <button type="button" class="btn icon" aria-label={Word::Later.text(lang)}
                    title={format!("{} (→)", Word::Later.text(lang))} onclick={send(Msg::PanSteps(1))}>
                    { "▶" }
                </button>
            </div>
            <p class="period" aria-live="polite">{ props.period.clone() }</p>
        </div>
    }
}

/// The tick labels above the rows; decoration only (the period is said
/// in words, and the list gives every date).
fn ticks_header(layout: &TimelineLayout<'_>, label_w: f64, width: f64, lang: Language) -> Html {
    let ticks = layout.ticks.iter().map(|tick| {
        let x = label_w + tick.x;
        let top = if tick.major { HEAD - 14.0 } else { HEAD - 8.0 };
        html! {
            <g class={classes!("tick", tick.major.then_some("major"))}>
                <line x1={px(x)} x2={px(x)} y1={px(top)} y2={px(HEAD)} />
                <text x={px(x + 4.0)} y={px(HEAD - 16.0)}>{ tick.label.clone() }</text>
            </g>
        }
    });
    let today = layout.today_x.map(|x| {
        let x = label_w + x;
        html! {
            <g class="today-mark">
                <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", x - 5.0, HEAD - 7.0, x + 5.0, HEAD - 7.0, x, HEAD)} />
                <title>{ Word::Today.text(lang) }</title>
            </g>
        }
    });
    html! {
        <svg class="ticks" aria-hidden="true" width={px(width)} height={px(HEAD)}>
            <line class="baseline" x1="0" x2={px(width)} y1={px(HEAD - 0.5)} y2={px(HEAD - 0.5)} />
            { for ticks }
            { for today }
        </svg>
    }
}

/// One row: an axis header, or a mission's lane with its bar and markers.
fn row_view(
    props: &TimelineProps,
    layout: &TimelineLayout<'_>,
    index: usize,
    label_w: f64,
    width: f64,
) -> Html {
    let row = &layout.rows[index];
    let y = index as f64 * ROW;
    let (lang, today, roadmap) = (props.lang, props.today, &props.roadmap);
    let selected =
        |key: Option<ItemKey>| (key.is_some() && key == props.selected).then_some("selected");
    let ring = html! {
        <rect class="ring" x="1" y={px(y + 1.0)} width={px(width - 2.0)} height={px(ROW - 2.0)} rx="4" />
    };
    if row.kind == RowKind::Axis {
        let key = row.key;
        let attrs = key.map(|key| {
            (
                accessible_name(roadmap, key, lang, today),
                item_id(roadmap, key).unwrap_or_default(),
                open_on_key(&props.dispatcher, key),
            )
        });
        let (name, id, onkeydown) = attrs.unwrap_or_default();
        return html! {
            <g key={format!("r{index}")} class={classes!("item", "axis-row", selected(key))}
                tabindex="0" role="button" aria-label={name} data-item={id} {onkeydown}>
                <rect class="axis-band" x="0" y={px(y)} width={px(width)} height={px(ROW)} />
                <text class="axis-label" x="8" y={px(y + 20.0)}>{ fit_chars(row.label, width - 16.0, BOLD_CHAR_WIDTH) }</text>
                { ring }
            </g>
        };
    }
    let status = match row.key.and_then(|key| roadmap.get(key)) {
        Some(ItemRef::Mission(_, mission)) => Some(mission.effective_status(today)),
        _ => None,
    };
    let label = status.map_or_else(
        || fit(row.label, label_w - 20.0),
        |s| format!("{} {}", s.symbol(), fit(row.label, label_w - 34.0)),
    );
    let bars = layout.bars_in(index..index + 1).iter().map(|bar| {
        let x0 = label_w + bar.x0;
        let w = (bar.x1 - bar.x0).max(2.0);
        let fill = progress_fill(props, layout, bar.key, bar.progress, bar.x0, bar.x1);
        let text = bar
            .progress
            .filter(|_| w >= 48.0)
            .map(|p| html! { <text class="bar-text" x={px(x0 + 6.0)} y={px(y + 19.0)}>{ lang.percent(p) }</text> });
        html! {
            <g class={classes!("bar", status_class(bar.status))}>
                <rect class="bar-body" x={px(x0)} y={px(y + 5.0)} width={px(w)} height={px(ROW - 10.0)} rx="3" />
                if fill > 0.0 {
                    <rect class="bar-fill" x={px(x0)} y={px(y + 5.0)} width={px(fill)} height={px(ROW - 10.0)} rx="3" />
                    <rect class="bar-edge" x={px(x0)} y={px(y + ROW - 8.0)} width={px(fill)} height="3" />
                }
                { for text }
            </g>
        }
    });
    let lane_view = match row.key {
        Some(key) => {
            let name = accessible_name(roadmap, key, lang, today);
            let id = item_id(roadmap, key).unwrap_or_default();
            html! {
                <g key={format!("r{index}")} class={classes!("item", "lane", selected(Some(key)))}
                    tabindex="0" role="button" aria-label={name} data-item={id}
                    onkeydown={open_on_key(&props.dispatcher, key)}>
                    <line class="lane-line" x1="0" x2={px(width)} y1={px(y + ROW - 0.5)} y2={px(y + ROW - 0.5)} />
                    <text class="lane-label" x="12" y={px(y + 19.0)}>
                        { label }
                        <title>{ row.label }</title>
                    </text>
                    { for bars }
                    { ring }
                </g>
            }
        }
        None => html! {
            <g key={format!("r{index}")} class="lane">
                <line class="lane-line" x1="0" x2={px(width)} y1={px(y + ROW - 0.5)} y2={px(y + ROW - 0.5)} />
                { for bars }
            </g>
        },
    };
    let markers = layout
        .markers_in(index..index + 1)
        .iter()
        .map(|marker| marker_view(props, marker, y, label_w));
    html! {
        <>
            { lane_view }
            { for markers }
        </>
    }
}

/// How far the progress fill runs from the bar's visible start: the
/// share of the mission's whole span, mapped by the layout's scale, so
/// that a bar cut by the window edge still fills up to the right day.
fn progress_fill(
    props: &TimelineProps,
    layout: &TimelineLayout<'_>,
    key: ItemKey,
    progress: Option<f64>,
    x0: f64,
    x1: f64,
) -> f64 {
    let Some(progress) = progress else {
        return 0.0;
    };
    let Some(ItemRef::Mission(_, mission)) = props.roadmap.get(key) else {
        return 0.0;
    };
    let Some((start, end)) = mission.span() else {
        return 0.0;
    };
    let scale = &layout.scale;
    let full_start = scale.x_of(start.first_day());
    let full_end = scale.x_of(end.last_day()) + scale.per_day();
    let reached = full_start + (full_end - full_start) * progress.clamp(0.0, 100.0) / 100.0;
    (reached.clamp(x0, x1) - x0).max(0.0)
}

/// A milestone: a diamond for a day, a rounded span for a longer period,
/// with its status symbol so that colour is never the only sign.
fn marker_view(props: &TimelineProps, marker: &Marker<'_>, y: f64, label_w: f64) -> Html {
    let (lang, today, roadmap) = (props.lang, props.today, &props.roadmap);
    let key = marker.key;
    let name = accessible_name(roadmap, key, lang, today);
    let id = item_id(roadmap, key).unwrap_or_default();
    let mid = y + ROW / 2.0;
    let symbol = marker.status.symbol().to_string();
    let shape = if marker.is_point() {
        let x = label_w + marker.x0;
        let diamond = |r: f64| {
            format!(
                "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                x,
                mid - r,
                x + r,
                mid,
                x,
                mid + r,
                x - r,
                mid
            )
        };
        html! {
            <>
                <polygon class="shape" points={diamond(7.0)} />
                <polygon class="ring" points={diamond(11.0)} />
                <text class="marker-symbol" x={px(x + 10.0)} y={px(mid + 4.0)}>{ symbol }</text>
            </>
        }
    } else {
        let x0 = label_w + marker.x0;
        let w = (marker.x1 - marker.x0).max(4.0);
        let inside = w >= 16.0;
        let symbol_x = if inside { x0 + w / 2.0 } else { x0 + w + 3.0 };
        html! {
            <>
                <rect class="shape" x={px(x0)} y={px(mid - 6.0)} width={px(w)} height="12" rx="6" />
                <rect class="ring" x={px(x0 - 3.0)} y={px(mid - 9.0)} width={px(w + 6.0)} height="18" rx="8" />
                <text class={classes!("marker-symbol", inside.then_some("inside"))}
                    x={px(symbol_x)} y={px(mid + 4.0)}>{ symbol }</text>
            </>
        }
    };
    let selected = (props.selected == Some(key)).then_some("selected");
    html! {
        <g key={id.clone()}
            class={classes!("item", "marker", status_class(marker.status), selected, (!marker.is_point()).then_some("span"))}
            tabindex="0" role="button" aria-label={name.clone()} data-item={id}
            onkeydown={open_on_key(&props.dispatcher, key)}>
            { shape }
            <title>{ name }</title>
        </g>
    }
}

/// Missions and milestones that have no date, so the timeline cannot
/// place them.
fn undated_count(roadmap: &roadmap_core::Roadmap) -> usize {
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

/// The statuses of the roadmap's missions and milestones, each once, in
/// the order of [`Status`]; a walk over the whole roadmap, so kept from
/// one render to the next.
pub fn statuses_present(roadmap: &roadmap_core::Roadmap, today: Day) -> Vec<Status> {
    let mut counts = roadmap.mission_counts(today);
    for (status, n) in roadmap.milestone_counts(today).nonzero() {
        for _ in 0..n {
            counts.add(status);
        }
    }
    counts.nonzero().map(|(status, _)| status).collect()
}

/// The `statuses` present, each with its symbol and colour, the shapes,
/// and the keyboard help.
pub fn legend(statuses: &[Status], lang: Language, stale_after: Option<u32>) -> Html {
    let statuses = statuses.iter().map(|&status| {
        html! {
            <li class={status_class(status)}>
                <span class="swatch" aria-hidden="true">{ status.symbol() }</span>
                { status.label(lang) }
            </li>
        }
    });
    html! {
        <div class="legend">
          <div class="legend-row">
            <p class="legend-title">{ Word::Legend.text(lang) }</p>
            <ul>
                { for statuses }
                if let Some(months) = stale_after {
                    <li class="stale-key">
                        <span class="swatch" aria-hidden="true">{ roadmap_core::STALE_SYMBOL }</span>
                        { roadmap_core::stale_label(lang, months) }
                    </li>
                }
                <li class="shape-key">
                    <svg aria-hidden="true" width="28" height="14">
                        <rect class="key-bar" x="1" y="2" width="26" height="10" rx="2" />
                        <rect class="key-fill" x="1" y="2" width="12" height="10" rx="2" />
                    </svg>
                    { Word::MissionBar.text(lang) }
                </li>
                <li class="shape-key">
                    <svg aria-hidden="true" width="16" height="14">
                        <polygon class="key-point" points="8,1 14,7 8,13 2,7" />
                    </svg>
                    { Word::DayMilestone.text(lang) }
                </li>
                <li class="shape-key">
                    <svg aria-hidden="true" width="28" height="14">
                        <rect class="key-span" x="1" y="2" width="26" height="10" rx="5" />
                    </svg>
                    { Word::SpanMilestone.text(lang) }
                </li>
                <li class="shape-key">
                    <svg aria-hidden="true" width="10" height="14">
                        <line class="key-today" x1="5" x2="5" y1="0" y2="14" />
                    </svg>
                    { Word::Today.text(lang) }
                </li>
            </ul>
          </div>
          <p class="hint">{ Word::KeyboardHelp.text(lang) }</p>
        </div>
    }
}

fn pointer_down(
    drag: Rc<RefCell<Option<Drag>>>,
    svg_ref: yew::NodeRef,
    window: TimeWindow,
) -> Callback<PointerEvent> {
    Callback::from(move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        *drag.borrow_mut() = Some(Drag {
            pointer: event.pointer_id(),
            start_x: f64::from(event.client_x()),
            window,
            moved: false,
        });
        if let Some(svg) = svg_ref.cast::<Element>() {
            let _ = svg.set_pointer_capture(event.pointer_id());
        }
    })
}

/// Ctrl + wheel zooms around the day under the pointer; a horizontal
/// wheel (or Shift + wheel) pans; a plain vertical wheel scrolls the rows.
fn wheel(
    dispatcher: &UseReducerDispatcher<Viewer>,
    rest: &Rc<RefCell<f64>>,
    svg_ref: yew::NodeRef,
    window: TimeWindow,
    label_w: f64,
    time_w: f64,
) -> Callback<WheelEvent> {
    let dispatcher = dispatcher.clone();
    let rest = rest.clone();
    Callback::from(move |event: WheelEvent| {
        let unit = match event.delta_mode() {
            1 => 16.0,
            2 => time_w,
            _ => 1.0,
        };
        let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
        let scale = window.scale(time_w);
        if event.ctrl_key() || event.meta_key() {
            let Some(svg) = svg_ref.cast::<Element>() else {
                return;
            };
            event.prevent_default();
            let x = f64::from(event.client_x()) - svg.get_bounding_client_rect().left() - label_w;
            let factor = if dy < 0.0 {
                WHEEL_ZOOM_STEP
            } else {
                1.0 / WHEEL_ZOOM_STEP
            };
            dispatcher.dispatch(Msg::ZoomAround {
                factor,
                anchor: scale.day_at(x),
            });
            return;
        }
        let delta = if event.shift_key() {
            dy
        } else if dx.abs() > dy.abs() {
            dx
        } else {
            return;
        };
        event.prevent_default();
        let per_day = scale.per_day();
        if per_day <= 0.0 {
            return;
        }
        let mut rest = rest.borrow_mut();
        *rest += delta;
        let days = (*rest / per_day).trunc();
        *rest -= days * per_day;
        if days != 0.0 {
            dispatcher.dispatch(Msg::PanDays(days as i64));
        }
    })
}
