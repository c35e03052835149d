// Types of roadmap-timeline.js: mount(), its options, the handle it
// resolves to, the <roadmap-timeline> element and its "roadmap-drawn" event.
// Written by hand from web-widget/js/roadmap-timeline.js and
// web-widget/src/options.rs; checked by tsc in web-widget/e2e/package.test.js.

/** The options of `mount`, also the attributes of `<roadmap-timeline>`. */
export interface RoadmapTimelineOptions {
  /** URL of a roadmap, `.json` or `.toml` (else detected by content). */
  src?: string;
  /** The roadmap itself: JSON or TOML text, or the JSON export as an object; wins over `src`. */
  data?: string | object;
  /** The language of the widget's words; default: the page's `<html lang>`, else the roadmap's. */
  lang?: "fr" | "en";
  /**
   * `auto`: the list below 600 px of width. `slides`: the presenter's
   * slides, one at a time, filling the element (keys → ← Space PgUp PgDn
   * Home End, digits then Enter, `b` blank screen, `c` clock, `p` pause of
   * auto-advance, swipes, full screen button; `#slide-3` in the page's URL
   * opens and follows the slide);
   * in the complete module, loaded only for this view, `live` and `since`.
   */
  view?: "auto" | "timeline" | "list" | "slides";
  /** `auto` follows `prefers-color-scheme`. */
  theme?: "auto" | "light" | "dark";
  /** `YYYY-MM-DD`: the day statuses and the today line use; default: the reader's today. */
  today?: string;
  /** Follow changes of `src` without a reload. */
  live?: boolean;
  /**
   * URL of an earlier edition (`.json` or `.toml`): items changed since it
   * are marked Δ, with a "changed" filter and a summary in the heading.
   */
  since?: string;
  /**
   * `view="slides"` only: how long each slide stays before the next comes
   * by itself (`20s`, `1m`, `1m 30s`); wins over the roadmap's
   * `[presentation] auto`. `p` pauses it, the blank screen holds it.
   */
  auto?: string;
}

/** A mounted widget. */
export interface RoadmapTimelineHandle {
  /** Shows the widget with new options. */
  update(options: RoadmapTimelineOptions): void;
  /** Removes the widget. */
  destroy(): void;
}

/**
 * Renders a roadmap widget into `element`, in an open shadow root (a `div`,
 * `section`, `article`, a custom element…).
 */
export function mount(
  element: Element,
  options?: RoadmapTimelineOptions,
): Promise<RoadmapTimelineHandle>;

/** What the widget drew first. */
export interface RoadmapDrawnDetail {
  view: "timeline" | "list" | "slides";
}

/**
 * Sent once per roadmap loaded, from the element, when the drawing is in
 * the DOM; it bubbles and is composed.
 */
export type RoadmapDrawnEvent = CustomEvent<RoadmapDrawnDetail>;

/** The `<roadmap-timeline>` element. */
export interface RoadmapTimelineElement extends HTMLElement {
  /** The roadmap itself (JSON or TOML text, or the JSON export as an object); wins over `src`. */
  data: string | object | undefined;
  addEventListener<K extends keyof RoadmapTimelineElementEventMap>(
    type: K,
    listener: (this: RoadmapTimelineElement, event: RoadmapTimelineElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/** The element's events: those of any element, and `roadmap-drawn`. */
export interface RoadmapTimelineElementEventMap extends HTMLElementEventMap {
  "roadmap-drawn": RoadmapDrawnEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    "roadmap-timeline": RoadmapTimelineElement;
  }
  interface GlobalEventHandlersEventMap {
    "roadmap-drawn": RoadmapDrawnEvent;
  }
}
