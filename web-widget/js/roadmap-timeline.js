// The page-facing module of the roadmap widget: the <roadmap-timeline>
// custom element and mount(element, options). Both load the wasm module
// once per page; each widget renders into its own open shadow root.
//
// Nothing waits for anything it does not need: the wasm file, its
// JavaScript glue and each widget's roadmap are fetched at the same time,
// and the roadmap's response is handed to the widget once the wasm runs.
// A page pays only for what it uses: the widget reads the JSON export
// itself, and fetches the full loader (a second wasm module: TOML, and
// every error located) only for a TOML roadmap or a JSON one it refuses,
// or to compare two editions (`since`). The slides view (view="slides") is
// a module of its own, the widget's with the slides added: a page loads it
// instead, and only for that view.

const ATTRIBUTES = ["src", "lang", "view", "theme", "today", "live", "since", "auto"];

const started = [];
let fullLoader;

/** Whether the options ask for the slides view. */
const wantsSlides = (options) => String(options.view ?? "").trim().toLowerCase() === "slides";

/**
 * The full loader's glue, fetched and started on the first call; a failed
 * fetch is tried again on the next one.
 */
function fullGlue() {
  fullLoader ??= import("./roadmap_loader.js")
    .then(async (glue) => {
      await glue.default({ module_or_path: new URL("roadmap_loader_bg.wasm", import.meta.url) });
      return glue;
    })
    .catch((error) => {
      fullLoader = undefined;
      throw error;
    });
  return fullLoader;
}

/** The full loader's `load(name, bytes, toml)`. */
function loadFull(name, bytes, toml) {
  return fullGlue().then((glue) => glue.load(name, bytes, toml));
}

/** The bytes at `url`, or an error naming the URL and the HTTP status. */
async function bytesAt(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The last path segment of a URL: the file name the loader reports. */
function fileName(url) {
  return url.split(/[?#]/)[0].split("/").pop() || url;
}

/**
 * What changed from the edition at `since` to the roadmap at `src` (or
 * `data`, its text): the full loader's `compare`, with both fetched.
 */
async function compareSince(since, src, data) {
  const [glue, old, now] = await Promise.all([
    fullGlue(),
    bytesAt(since),
    data !== undefined ? new TextEncoder().encode(data) : bytesAt(src),
  ]);
  return glue.compare(fileName(since), old, data !== undefined ? "data" : fileName(src), now);
}

/**
 * Loads and starts the widget's module, or the slides module when
 * `slides`, once; resolves to its mount function.
 */
function start(slides) {
  started[+slides] ??= (() => {
    const wasm = fetch(new URL(slides ? "roadmap_slides_bg.wasm" : "roadmap_widget_bg.wasm", import.meta.url));
    // Marked handled here; init still sees the failure, if any.
    wasm.catch(() => {});
    return (slides ? import("./roadmap_slides.js") : import("./roadmap_widget.js")).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      glue.setFullLoader(loadFull);
      glue.setCompare(compareSince);
      return slides ? glue.mountSlides : glue.mount;
    });
  })();
  return started[+slides];
}

/**
 * The roadmap at `options.src` fetched now, while the wasm starts, when
 * the widget will fetch it (no `data`); the widget reads the response and
 * reports its failures as if it had fetched it itself.
 */
function prefetch(options) {
  if (options.data !== undefined || typeof options.src !== "string" || !options.src.trim()) {
    return undefined;
  }
  // A live widget follows src with requests of its own.
  const live = options.live;
  if (live !== undefined && live !== null && String(live).trim().toLowerCase() !== "false") {
    return undefined;
  }
  const response = fetch(options.src.trim());
  response.catch(() => {});
  return { src: options.src.trim(), response };
}

/**
 * Renders a roadmap widget into `element` (in an open shadow root).
 * options: { src | data, lang: "fr"|"en", view: "auto"|"timeline"|"list"|"slides",
 *            theme: "auto"|"light"|"dark", today: "YYYY-MM-DD", live: true,
 *            since: URL of an earlier edition, whose changes are marked Δ,
 *            auto: "20s", the slides' auto-advance (view "slides" only) }
 * `data` is the roadmap itself: JSON or TOML text, or the JSON export as an object.
 * Resolves to a handle with update(options) and destroy().
 * The widget sends a "roadmap-drawn" event (bubbling, composed) from
 * `element` once the roadmap is first drawn.
 */
export async function mount(element, options = {}) {
  const early = wantsSlides(options) ? undefined : prefetch(options);
  const mountIn = await start(wantsSlides(options));
  const kept = keepFallback(element);
  const handle = mountIn(element, { ...options, prefetch: early });
  kept();
  return handle;
}

/** Whether `element` holds content of its own (`roadmap export --html-fragment`). */
function hasFallback(element) {
  return [...element.childNodes].some(
    (node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent.trim()),
  );
}

/** The widget's box while the fragment is shown: laid out, unseen, no height. */
const HIDDEN_WHILE_LOADING = [
  ["visibility", "hidden"],
  ["height", "0"],
  ["overflow", "hidden"],
];

/**
 * Keeps what the page put inside `element` (the static timeline and list
 * of `roadmap export --html-fragment`) on screen until the widget has
 * drawn the roadmap, so that the first paint, readers without JavaScript
 * and search engines have it, and the page does not go blank meanwhile.
 * A <slot> shows it while the widget lays itself out unseen, in no
 * height (its sizes still measured); at the widget's first "roadmap-drawn"
 * the slot goes, and the shadow root, without one, hides the fragment
 * from sight and from assistive technologies alike: one copy is exposed
 * at any time. Call it just before mounting; call what it returns just after.
 */
function keepFallback(element) {
  if (!hasFallback(element)) return () => {};
  let drawn = false;
  let slot = null;
  let box = null;
  const handOver = () => {
    drawn = true;
    element.removeEventListener("roadmap-drawn", handOver);
    slot?.remove();
    for (const [property] of HIDDEN_WHILE_LOADING) box?.style.removeProperty(property);
  };
  element.addEventListener("roadmap-drawn", handOver);
  return () => {
    const shadow = element.shadowRoot;
    // Drawn while mounting (inline data): the widget shows at once.
    if (drawn || !shadow) return;
    box = shadow.querySelector(".host");
    if (!box) return;
    slot = document.createElement("slot");
    shadow.prepend(slot);
    // Set through the CSSOM, which a Content-Security-Policy allows.
    for (const [property, value] of HIDDEN_WHILE_LOADING) box.style.setProperty(property, value);
  };
}

/**
 * Says in the element itself that the widget could not start; content
 * the page put inside the element stays shown under the message.
 */
function showStartFailure(element, error) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.style.cssText = "border-left:4px solid #ce0500;padding:.5rem 1rem;background:#ffe9e9;color:#161616";
  box.textContent = `roadmap-timeline: ${error && error.message ? error.message : error}`;
  if (hasFallback(element)) {
    shadow.replaceChildren(box, document.createElement("slot"));
  } else {
    shadow.replaceChildren(box);
  }
}

class RoadmapTimeline extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #handle = null;
  #render = null;
  #slides = false;
  #data = undefined;

  /** The roadmap itself (JSON or TOML text, or the JSON export as an object); wins over src. */
  get data() {
    return this.#data;
  }

  set data(value) {
    this.#data = value;
    this.#handle?.update(this.#options());
  }

  connectedCallback() {
    const render = (this.#render = {});
    const options = this.#options();
    this.#slides = wantsSlides(options);
    const early = this.#slides ? undefined : prefetch(options);
    start(this.#slides).then(
      (mountIn) => {
        if (this.#render !== render || !this.isConnected) return;
        this.#handle?.destroy();
        const kept = keepFallback(this);
        // Used only if src is still the one fetched (the widget checks).
        this.#handle = mountIn(this, { ...this.#options(), prefetch: early });
        kept();
      },
      (error) => showStartFailure(this, error),
    );
  }

  disconnectedCallback() {
    this.#render = null;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback() {
    // Into or out of the slides view: the other module draws it.
    if (this.isConnected && this.#render && wantsSlides(this.#options()) !== this.#slides) {
      this.connectedCallback();
      return;
    }
    this.#handle?.update(this.#options());
  }

  #options() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    if (this.#data !== undefined) options.data = this.#data;
    return options;
  }
}

if (!customElements.get("roadmap-timeline")) {
  customElements.define("roadmap-timeline", RoadmapTimeline);
}
