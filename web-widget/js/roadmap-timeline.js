// The page-facing module of the roadmap widget: the <roadmap-timeline>
// custom element and mount(element, options). Both load the wasm module
// once per page; each widget renders into its own open shadow root.
import init, { mount as mountNow } from "./roadmap_widget.js";

const ATTRIBUTES = ["src", "lang", "view", "theme", "today", "live"];

let started;

/** Loads and starts the wasm module, once. */
function start() {
  started ??= init({ module_or_path: new URL("roadmap_widget_bg.wasm", import.meta.url) });
  return started;
}

/**
 * Renders a roadmap widget into `element` (in an open shadow root).
 * options: { src | data, lang: "fr"|"en", view: "auto"|"timeline"|"list",
 *            theme: "auto"|"light"|"dark", today: "YYYY-MM-DD", live: true }
 * `data` is the roadmap itself: JSON or TOML text, or the JSON export as an object.
 * Resolves to a handle with update(options) and destroy().
 */
export async function mount(element, options = {}) {
  await start();
  return mountNow(element, options);
}

/** Says in the element itself that the widget could not start. */
function showStartFailure(element, error) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.style.cssText = "border-left:4px solid #ce0500;padding:.5rem 1rem;background:#ffe9e9;color:#161616";
  box.textContent = `roadmap-timeline: ${error && error.message ? error.message : error}`;
  shadow.replaceChildren(box);
}

class RoadmapTimeline extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #handle = null;
  #render = null;
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
    start().then(
      () => {
        if (this.#render !== render || !this.isConnected) return;
        this.#handle?.destroy();
        this.#handle = mountNow(this, this.#options());
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
