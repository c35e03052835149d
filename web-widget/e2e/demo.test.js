// The demo page (dist/index.html) in headless Chromium: the timeline is
// drawn, zooms by button and key, opens an item's detail by pointer, by
// keyboard alone and by deep link, and turns into the list when narrow.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, periodOf, focused, SHOTS, PATIENCE } from "./harness.js";

const env = serveAndBrowse();

const DINUM = 'roadmap-timeline[src="dinum-2023.json"]';

/** The demo, once its DINUM timeline has bars. */
async function openDemo(options = {}, path = "index.html") {
  const page = await newPage(env.browser, options);
  await page.goto(env.server.url + path);
  await page.locator(DINUM).locator("svg.rows g.bar").first().waitFor({ state: "visible" });
  return page;
}

/** Waits until the DINUM widget's period is no longer `before`. */
async function periodChangedFrom(page, before) {
  await page.waitForFunction(
    ([selector, old]) => {
      const text = document.querySelector(selector)?.shadowRoot?.querySelector("p.period")?.textContent;
      return text && text !== old;
    },
    [DINUM, before],
    { timeout: PATIENCE },
  );
  return periodOf(page);
}

test("the DINUM timeline is drawn, with the two other widgets", async () => {
  const page = await openDemo();
  const dinum = page.locator(DINUM);
  assert.match(await dinum.locator("h2.title").textContent(), /^Une stratégie numérique/);
  // DINUM dates only 4 of its missions (the others are in the list).
  assert.ok((await dinum.locator("svg.rows g.bar").count()) >= 4, "mission bars");
  assert.equal(await dinum.locator("svg.rows g.axis-row").count(), 6, "six axis headers");
  assert.ok((await dinum.locator("svg.rows g.marker").count()) > 0, "milestones");
  const box = await dinum.locator("svg.rows").boundingBox();
  assert.ok(box.width > 600 && box.height >= 250, JSON.stringify(box));
  // The TOML one and the list one drawn by mount().
  const toml = page.locator('roadmap-timeline[src="tech-gouv-2019-2021.toml"]');
  await toml.locator("svg.rows g.bar").first().waitFor();
  const api = page.locator("#api-demo");
  await api.locator(".explorer[data-view=list] .list li.mission").first().waitFor();
  assert.equal(await api.locator(".roadmap").getAttribute("data-theme"), "dark");
  assert.equal(await api.locator("button[aria-pressed=true]").textContent(), "List");
  await page.screenshot({ path: `${SHOTS}/e2e-demo.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("zoom in by the button and by the + key changes the period shown", async () => {
  const page = await openDemo();
  const dinum = page.locator(DINUM);
  const start = await periodOf(page);
  assert.match(start, /^Période affichée/);
  await dinum.locator("button[aria-label=Zoomer]").click();
  const zoomed = await periodChangedFrom(page, start);
  // The button keeps focus; + is a shortcut anywhere in the widget.
  await page.keyboard.press("+");
  const again = await periodChangedFrom(page, zoomed);
  assert.notEqual(again, start);
  // − back out, twice.
  await page.keyboard.press("-");
  await periodChangedFrom(page, again);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a click on a bar or a milestone opens its detail", async () => {
  const page = await openDemo();
  const dinum = page.locator(DINUM);
  // A real pointer click: the timeline hit-tests the pointer's position.
  // A point of a bar that no milestone covers (milestones win the hit test).
  const point = await page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const markers = [...root.querySelectorAll("svg.rows g.marker .shape")].map((m) => m.getBoundingClientRect());
    for (const bar of root.querySelectorAll("svg.rows g.bar rect.bar-body")) {
      const b = bar.getBoundingClientRect();
      const y = b.top + b.height / 2;
      for (const share of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const x = b.left + b.width * share;
        const covered = markers.some((m) => y >= m.top - 4 && y <= m.bottom + 4 && x >= m.left - 16 && x <= m.right + 16);
        if (!covered) return { x, y };
      }
    }
    return null;
  }, DINUM);
  assert.ok(point, "a bar with a free point");
  await page.mouse.click(point.x, point.y);
  const detail = dinum.locator("section.detail");
  await detail.waitFor();
  const facts = await detail.locator("dl.facts-grid dt").allTextContents();
  assert.ok(facts.includes("Dates"), facts.join());
  assert.ok(facts.includes("Statut"), facts.join());
  assert.equal(await detail.locator("p.kind").evaluate((p) => p.firstChild.textContent), "Mission");
  assert.ok((await detail.locator("ul.sources li").count()) > 0, "sources listed");
  await detail.getByRole("button", { name: /Fermer/ }).click();
  await detail.waitFor({ state: "detached" });

  const marker = dinum.locator("svg.rows g.marker").first();
  const id = await marker.getAttribute("data-item");
  const shape = await marker.locator(".shape").boundingBox();
  await page.mouse.click(shape.x + shape.width / 2, shape.y + shape.height / 2);
  await detail.waitFor();
  assert.match(await detail.locator("p.kind").textContent(), /^Jalon/);
  assert.equal(await detail.locator("p.permalink a").getAttribute("href"), `#${id}`);
  assert.ok((await detail.locator("dd").count()) >= 2, "dates and status");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("keyboard only: Tab to an item, Enter opens, Escape closes and focus returns", async () => {
  const page = await openDemo();
  let item = null;
  for (let presses = 0; presses < 40 && !item; presses += 1) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now?.item && now.host === "dinum-2023.json") item = now;
  }
  assert.ok(item, "an item of the DINUM timeline is reached by Tab");
  await page.keyboard.press("Enter");
  const detail = page.locator(DINUM).locator("section.detail");
  await detail.waitFor();
  await page.waitForFunction(
    () => document.querySelector('roadmap-timeline[src="dinum-2023.json"]').shadowRoot.activeElement?.tagName === "H3",
    null,
    { timeout: PATIENCE },
  );
  await page.keyboard.press("Escape");
  await detail.waitFor({ state: "detached" });
  await page.waitForFunction(
    (id) =>
      document.querySelector('roadmap-timeline[src="dinum-2023.json"]').shadowRoot.activeElement?.getAttribute("data-item") === id,
    item.item,
    { timeout: PATIENCE },
  );
  assert.equal((await focused(page)).item, item.item);
  // Space opens too.
  await page.keyboard.press(" ");
  await detail.waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a deep link #datalab opens that item's detail", async () => {
  const page = await openDemo({}, "index.html#datalab");
  const detail = page.locator(DINUM).locator("section.detail");
  await detail.waitFor();
  assert.match(await detail.locator("h3").textContent(), /datalab/i);
  assert.equal(await detail.locator("p.permalink a").getAttribute("href"), "#datalab");
  // The Tech.gouv roadmap has no such item: no detail there.
  assert.equal(await page.locator('roadmap-timeline[src="tech-gouv-2019-2021.toml"]').locator("section.detail").count(), 0);
  // A fragment change opens another: an indicator's id opens its mission.
  await page.evaluate(() => {
    location.hash = "franceconnect-usagers";
  });
  await page.locator(DINUM).locator("section.detail p.permalink a[href='#franceconnect']").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Records the roadmap-drawn events of the page in window.drawn. */
async function recordDrawn(page) {
  await page.addInitScript(() => {
    window.drawn = [];
    document.addEventListener("roadmap-drawn", (event) => {
      const host = event.target;
      window.drawn.push({
        host: host.getAttribute("src") ?? host.id,
        view: event.detail.view,
        composed: event.composed,
        // What the page can see at that moment.
        items: host.shadowRoot.querySelectorAll("svg.rows g.item, .list li.mission").length,
      });
    });
  });
}

test("at 400 px wide the list view is shown", async () => {
  const page = await newPage(env.browser, { viewport: { width: 400, height: 800 } });
  await recordDrawn(page);
  await page.goto(env.server.url + "index.html");
  const dinum = page.locator(DINUM);
  await dinum.locator(".explorer[data-view=list]").waitFor();
  assert.equal(await dinum.locator("section.timeline").count(), 0);
  assert.ok(await dinum.locator(".list li.mission").first().isVisible());
  assert.equal(await dinum.locator("button[aria-pressed=true]").textContent(), "Liste");
  // No horizontal overflow of the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: `${SHOTS}/e2e-narrow.png`, fullPage: false });
  // Each widget said it was drawn as the list it shows, once.
  await page.waitForFunction(() => window.drawn.length >= 3, null, { timeout: PATIENCE });
  const drawn = await page.evaluate(() => window.drawn);
  assert.deepEqual(drawn.map((d) => d.view), ["list", "list", "list"], JSON.stringify(drawn));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each widget sends roadmap-drawn once, after its first draw", async () => {
  const page = await newPage(env.browser);
  await recordDrawn(page);
  await page.goto(env.server.url + "index.html");
  await page.waitForFunction(() => window.drawn.length >= 3, null, { timeout: PATIENCE });
  // A zoom redraws without a new event.
  await page.locator(DINUM).getByRole("button", { name: "Zoomer", exact: true }).click();
  await page.waitForTimeout(300);
  const drawn = await page.evaluate(() => window.drawn);
  const byHost = Object.fromEntries(drawn.map((d) => [d.host, d]));
  assert.equal(drawn.length, 3, JSON.stringify(drawn));
  assert.equal(byHost["dinum-2023.json"].view, "timeline");
  assert.equal(byHost["tech-gouv-2019-2021.toml"].view, "timeline");
  assert.equal(byHost["api-demo"].view, "list");
  for (const d of drawn) {
    assert.ok(d.items > 0, `drawn before the event: ${JSON.stringify(d)}`);
    assert.equal(d.composed, true);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the list is built for print only, and printed with every item", async () => {
  const page = await openDemo();
  const dinum = page.locator(DINUM);
  assert.equal(await dinum.locator(".list").count(), 0, "no hidden list on screen");
  await page.emulateMedia({ media: "print" });
  const printed = dinum.locator(".print-only .list li.mission");
  await printed.first().waitFor({ state: "visible" });
  assert.equal(await printed.count(), 14, "every DINUM mission, dated or not");
  assert.equal(await dinum.locator(".print-only .list li.axis").count(), 6);
  await page.screenshot({ path: `${SHOTS}/e2e-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.waitForFunction(
    (selector) => document.querySelector(selector).shadowRoot.querySelector(".list") === null,
    DINUM,
    { timeout: PATIENCE },
  );
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each roadmap is fetched once, while the wasm module loads", async () => {
  const page = await newPage(env.browser);
  // The network events in order: "start /path", "end /path".
  const events = [];
  const path = (request) => new URL(request.url()).pathname;
  page.on("request", (request) => events.push(`start ${path(request)}`));
  page.on("requestfinished", (request) => events.push(`end ${path(request)}`));
  await page.goto(env.server.url + "index.html");
  await page.locator(DINUM).locator("svg.rows g.bar").first().waitFor({ state: "visible" });
  await page.locator("#api-demo .list li.mission").first().waitFor();
  // The widget's module carries a hash of its content in its name.
  const wasm = events.find((e) => /^start \/roadmap_widget_bg\.[0-9a-f]{10}\.wasm$/.test(e))?.slice("start ".length);
  assert.ok(wasm, JSON.stringify(events));
  for (const file of ["/dinum-2023.json", "/tech-gouv-2019-2021.toml", "/tech-gouv-2019-2021.json", wasm]) {
    assert.equal(events.filter((e) => e === `start ${file}`).length, 1, `${file}: ${JSON.stringify(events)}`);
  }
  // The roadmaps are asked for before the wasm module has arrived.
  const wasmArrived = events.indexOf(`end ${wasm}`);
  assert.ok(wasmArrived > 0, JSON.stringify(events));
  assert.ok(events.indexOf("start /dinum-2023.json") < wasmArrived, JSON.stringify(events));
  assert.ok(events.indexOf("start /tech-gouv-2019-2021.toml") < wasmArrived, JSON.stringify(events));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
