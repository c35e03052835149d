// A page that puts `roadmap export --html-fragment` inside
// <roadmap-timeline src=...>: without JavaScript the fragment is the
// content (every title in the DOM and on screen); with it, the fragment
// is shown until the widget has drawn, then the widget's drawing takes
// its place, axe finds no violation and assistive technologies get one
// copy of the roadmap, not two. Needs the widget built
// (./scripts/build-widget) and the binary (`cargo build -p roadmap-tui`);
// run alone with `node --test e2e/fragment.test.js` from web-widget/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, FIXTURES, startServer, launch, newPage, violations, TODAY, SHOTS, ROADMAP, ROOT } from "./harness.js";

const roadmap = JSON.parse(readFileSync(join(ROOT, "data/dinum-2023.json"), "utf8"));

const env = { dir: null, server: null, browser: null };

/** The page: a heading, then the widget with or without the fragment inside. */
function page(fragment) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Feuille de route</title>
<script type="module" src="/roadmap-timeline.js"></script>
</head>
<body>
<main>
<h1>Feuille de route de la DINUM</h1>
<roadmap-timeline src="/dinum-2023.json" today="${TODAY}" lang="fr">${fragment}</roadmap-timeline>
</main>
</body>
</html>
`;
}

before(async () => {
  env.dir = mkdtempSync(join(tmpdir(), "roadmap-fragment-"));
  const fragment = execFileSync(ROADMAP, [
    "export",
    join(ROOT, "data/dinum-2023.toml"),
    "--html-fragment",
    "--lang",
    "fr",
    "--today",
    TODAY,
  ]).toString("utf8");
  writeFileSync(join(env.dir, "with-fragment.html"), page(fragment));
  writeFileSync(join(env.dir, "without-fragment.html"), page(""));
  env.server = await startServer([env.dir, DIST, FIXTURES]);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

/** Runs of whitespace as one space. */
const flat = (text) => text.replace(/\s+/g, " ").trim();

const titles = () =>
  roadmap.axes.flatMap((axis) => [
    axis.title,
    ...axis.missions.flatMap((mission) => [mission.title, ...(mission.milestones ?? []).map((m) => m.title)]),
  ]);

/** `name`'s page, once the widget has told it drew the roadmap. */
async function drawn(name) {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.drawnAt = null;
    document.addEventListener("roadmap-drawn", () => (window.drawnAt = performance.now()), { once: true });
  });
  await page.goto(`${env.server.url}${name}.html`);
  await page.waitForFunction(() => window.drawnAt !== null);
  return page;
}

/** How many times each title is read in the page's accessibility tree (Chromium's, through CDP). */
async function exposed(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const names = nodes
    .filter((node) => !node.ignored && node.role?.value === "StaticText")
    .map((node) => node.name?.value ?? "");
  const text = flat(names.join(" "));
  return Object.fromEntries(titles().map((title) => [title, text.split(flat(title)).length - 1]));
}

test("without JavaScript the fragment's titles are in the page, shown", async () => {
  const page = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.server.url}with-fragment.html`);
  const element = page.locator("roadmap-timeline");
  const dom = flat(await element.evaluate((e) => e.textContent));
  const shown = flat(await element.innerText());
  for (const title of titles()) {
    assert.ok(dom.includes(flat(title)), `not in the DOM: ${title}`);
    assert.ok(shown.includes(flat(title)), `not shown: ${title}`);
  }
  assert.equal(await element.evaluate((e) => e.shadowRoot), null);
  await page.screenshot({ path: join(SHOTS, "e2e-fragment-nojs.png") });
  await page.close();
});

test("with JavaScript the widget's drawing replaces the fragment, read once", async () => {
  const page = await drawn("with-fragment");
  const state = await page.locator("roadmap-timeline").evaluate((element) => ({
    slots: element.shadowRoot.querySelectorAll("slot").length,
    fragmentShown: element.querySelector(".roadmap-static").checkVisibility(),
    widgetShown: element.shadowRoot.querySelector(".host").checkVisibility({ visibilityProperty: true }),
    widgetHeight: element.shadowRoot.querySelector(".host").getBoundingClientRect().height,
  }));
  assert.deepEqual({ ...state, widgetHeight: state.widgetHeight > 100 }, {
    slots: 0,
    fragmentShown: false,
    widgetShown: true,
    widgetHeight: true,
  });
  assert.deepEqual(page.problems, []);
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  // The same titles, as many times, as on the page without the fragment.
  const withFragment = await exposed(page);
  await page.screenshot({ path: join(SHOTS, "e2e-fragment-drawn.png") });
  await page.close();
  const bare = await drawn("without-fragment");
  const without = await exposed(bare);
  await bare.close();
  assert.ok(Object.values(without).some((n) => n > 0), JSON.stringify(without));
  assert.deepEqual(withFragment, without);
});

test("until the widget has drawn, the fragment is shown and the widget unseen", async () => {
  const page = await newPage(env.browser);
  // The roadmap held back: the widget is started, not drawn.
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/dinum-2023.json", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.server.url}with-fragment.html`);
  await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot?.querySelector(".host"));
  const state = await page.locator("roadmap-timeline").evaluate((element) => ({
    slots: element.shadowRoot.querySelectorAll("slot").length,
    fragmentShown: element.querySelector(".roadmap-static").checkVisibility(),
    widgetShown: element.shadowRoot.querySelector(".host").checkVisibility({ visibilityProperty: true }),
    widgetHeight: element.shadowRoot.querySelector(".host").getBoundingClientRect().height,
  }));
  assert.deepEqual(state, { slots: 1, fragmentShown: true, widgetShown: false, widgetHeight: 0 });
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  const reading = await exposed(page);
  assert.ok(Object.values(reading).every((n) => n >= 1), JSON.stringify(reading));
  await page.screenshot({ path: join(SHOTS, "e2e-fragment-loading.png") });
  release();
  await page.waitForFunction(() => !document.querySelector("roadmap-timeline").shadowRoot.querySelector("slot"));
  await page.close();
});
