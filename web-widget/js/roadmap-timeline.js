// The page-facing module of the roadmap widget: the <roadmap-timeline>
// custom element and mount(element, options). Both load the wasm module
// once per page; each widget renders into its own open shadow root.
//
// Nothing waits for anything it does not need: the wasm file, its
// JavaScript glue and each widget's roadmap are fetched at the same time,
// the wasm compiled as it arrives, and the roadmap's bytes handed to the
// widget once the wasm runs.
// A page pays only for what it uses: the lean widget reads the JSON export
// itself, and fetches the full loader (a second wasm module: TOML, and
// every error located) only for a TOML roadmap or a JSON one it refuses,
// or to compare two editions (`since`). The complete widget, the lean one
// with the slides view (view="slides"), live mode (`live`) and the marks
// of `since` added, is a module of its own: a page loads it instead, and
// only for a widget that asks for one of those.

const ATTRIBUTES = ["src", "lang", "view", "theme", "today", "live", "since", "auto"];

const started = {};
let fullLoader;

/** Whether the options ask for the slides view. */
const wantsSlides = (options) => String(options.view ?? "").trim().toLowerCase() === "slides";

/** Whether a switch such as `live` is on: present and not "false", as the widget reads it. */
const isOn = (value) => value !== undefined && value !== null && String(value).trim().toLowerCase() !== "false";

/**
 * What draws these options: "slides" (the complete module's slides view),
 * "complete" (its widget: `live` or `since`) or "lean" (the lean module).
 */
function kindOf(options) {
  if (wantsSlides(options)) return "slides";
  if (isOn(options.live) || String(options.since ?? "").trim() !== "") return "complete";
  return "lean";
}

/**
 * The full loader's glue, fetched and started on the first call; a failed
 * fetch is tried again on the next one.
 */
function fullGlue() {
  fullLoader ??= (() => {
    const wasm = compiled(new URL("roadmap_loader_bg.wasm", import.meta.url));
    return import("./roadmap_loader.js")
      .then(async (glue) => {
        await glue.default({ module_or_path: wasm });
        return glue;
      })
      .catch((error) => {
        fullLoader = undefined;
        throw error;
      });
  })();
  return fullLoader;
}

/**
 * The wasm module at `url`, compiled while its bytes arrive; started
 * beside the fetch of its JavaScript glue, so that the compilation does
 * not wait for the glue to arrive and run. A server that sends the module
 * without the `application/wasm` type gets it compiled from its whole
 * bytes instead. Marked handled here; whoever awaits it sees the failure.
 */
function compiled(url) {
  const module = fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    return type === "application/wasm" && WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(response)
      : WebAssembly.compile(await response.arrayBuffer());
  });
  module.catch(() => {});
  return module;
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
 * Loads and starts the module that draws `kind` (see kindOf), once per
 * module; resolves to its mount function for that kind.
 */
function start(kind) {
  const name = kind === "lean" ? "widget" : "complete";
  started[name] ??= (() => {
    const wasm = compiled(
      new URL(name === "widget" ? "roadmap_widget_bg.wasm" : "roadmap_complete_bg.wasm", import.meta.url),
    );
    return (name === "widget" ? import("./roadmap_widget.js") : import("./roadmap_complete.js")).then(
      async (glue) => {
        await glue.default({ module_or_path: wasm });
        glue.setFullLoader(loadFull);
        glue.setCompare(compareSince);
        return glue;
      },
    );
  })();
  return started[name].then((glue) => (kind === "slides" ? glue.mountSlides : glue.mount));
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
  if (isOn(options.live)) return undefined;
  // The body is read as it arrives: the widget then draws from bytes
  // already here, in the task that mounts it, with no frame in between.
  // A failed response is handed over as it is, for its status.
  const response = fetch(options.src.trim()).then((answer) => (answer.ok ? answer.arrayBuffer() : answer));
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
  let kind = kindOf(options);
  let handle = await mountAs(kind, element, options);
  // Options that need the other module remount the widget with it; what
  // comes meanwhile waits for that and applies in order.
  let remounting = null;
  const apply = (next) => {
    if (kindOf(next) === kind) {
      handle.update(next);
      return undefined;
    }
    handle.destroy();
    kind = kindOf(next);
    return mountAs(kind, element, next).then(
      (mounted) => {
        handle = mounted;
      },
      (error) => showStartFailure(element, error),
    );
  };
  const inOrder = (action) => {
    const pending = remounting ? remounting.then(action) : action();
    if (!pending) return;
    remounting = pending;
    pending.finally(() => {
      if (remounting === pending) remounting = null;
    });
  };
  return {
    update: (next = {}) => inOrder(() => apply(next)),
    destroy: () => inOrder(() => handle.destroy()),
  };
}

/** Mounts the widget `kind` draws into `element`. */
async function mountAs(kind, element, options) {
  const early = kind === "slides" ? undefined : prefetch(options);
  const mountIn = await start(kind);
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
  #kind = "lean";
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
    this.#kind = kindOf(options);
    const early = this.#kind === "slides" ? undefined : prefetch(options);
    start(this.#kind).then(
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
    // Into or out of the slides view, `live` or `since`: another module or
    // mount function draws it.
    if (this.isConnected && this.#render && kindOf(this.#options()) !== this.#kind) {
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
