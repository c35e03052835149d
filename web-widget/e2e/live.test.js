// The `live` widget in headless Chromium. First the page of `roadmap serve`
// (the real binary, on a temporary copy of the DINUM roadmap): a change of
// the file on disk appears without a reload, the open detail, the zoom and
// the focus stay, the change is announced politely, and an invalid save is
// said with its place while the last valid version stays. Then a plain
// static server, which the widget polls.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveAndBrowse, newPage, periodOf, violations, DIST, PATIENCE, SHOTS, ROOT, roadmapServe } from "./harness.js";

const env = serveAndBrowse();
const TITLE = 'title = "Datalab créé au sein de la DINUM"';
const NEW_TITLE = "Datalab ouvert à tous";
// A mission drawn on the timeline, renamed in the same save.
const LANE = 'title = "Feuilles de route du numérique et de la donnée des ministères"';
const NEW_LANE = "Feuilles de route ministérielles publiées";

/** Writes as editors do: a new file renamed over the old one. */
async function save(path, text) {
  await writeFile(`${path}.new`, text);
  await rename(`${path}.new`, path);
}

const dir = await mkdtemp(join(tmpdir(), "roadmap-live-"));
after(() => rm(dir, { recursive: true, force: true }));

/** The text of the open detail's heading in the page's only widget. */
function detailTitle(page) {
  return page.evaluate(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector("section.detail h3")?.textContent);
}

test("the page of roadmap serve follows the file and keeps the reader's view", async () => {
  const file = join(dir, "plan.toml");
  const original = await readFile(join(ROOT, "data/dinum-2023.toml"), "utf8");
  await writeFile(file, original);
  const server = await roadmapServe(file);
  try {
    const page = await newPage(env.browser);
    // A deep link opens the milestone whose title will change.
    await page.goto(server.url + "#datalab-cree");
    const widget = page.locator("roadmap-timeline");
    assert.equal(await widget.getAttribute("live"), "");
    const detail = widget.locator("section.detail");
    await detail.locator("h3").waitFor();
    assert.match(await detailTitle(page), /Datalab créé/);
    await widget.locator("button[aria-label=Zoomer]").click();
    await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector("p.period"));
    const period = await periodOf(page);
    await detail.locator("h3").focus();
    await page.evaluate(() => {
      window.notReloaded = true;
    });

    const lane = widget.locator("svg.rows").getByText(/^Feuilles de route du numérique/);
    assert.ok((await lane.count()) > 0, "the mission's lane is drawn");
    await save(file, original.replace(TITLE, `title = "${NEW_TITLE}"`).replace(LANE, `title = "${NEW_LANE}"`));
    await page.waitForFunction(
      (title) => document.querySelector("roadmap-timeline").shadowRoot.querySelector("section.detail h3")?.textContent.includes(title),
      NEW_TITLE,
      { timeout: 4 * PATIENCE },
    );
    // The timeline draws the mission's new name.
    await widget.locator("svg.rows").getByText(/^Feuilles de route ministérielles/).first().waitFor({ state: "attached" });
    assert.equal(await lane.count(), 0);
    assert.equal(await page.evaluate(() => window.notReloaded), true, "no page reload");
    assert.equal(await periodOf(page), period, "the zoom stays");
    assert.equal(
      await page.evaluate(() => document.querySelector("roadmap-timeline").shadowRoot.activeElement?.tagName),
      "H3",
      "focus stays in the detail",
    );
    const note = widget.locator("p.live-note");
    assert.equal(await note.getAttribute("role"), "status");
    assert.match(await note.textContent(), /^Feuille de route mise à jour \(\d\d:\d\d:\d\d\)$/);

    // An invalid save: said with its place, the last valid version stays.
    const broken = original.replace(TITLE, "title = ");
    const line = broken.split("\n").indexOf("title = ") + 1;
    await save(file, broken);
    await widget.locator("p.live-note.refused").waitFor({ timeout: 4 * PATIENCE });
    assert.match(await widget.locator("p.live-note").textContent(), new RegExp(`^⚠ Modification refusée.*plan\\.toml:${line}:\\d+: `));
    assert.match(await detailTitle(page), new RegExp(NEW_TITLE));
    await page.screenshot({ path: `${SHOTS}/e2e-live.png`, fullPage: true });
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    // Fixed again: the note goes, the original title is back.
    await save(file, original);
    await page.waitForFunction(
      () => document.querySelector("roadmap-timeline").shadowRoot.querySelector("section.detail h3")?.textContent.includes("Datalab créé"),
      null,
      { timeout: 4 * PATIENCE },
    );
    assert.equal(await widget.locator("p.live-note.refused").count(), 0);
    assert.equal(server.child.exitCode, null, "the server still runs");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    server.stop();
  }
});

test("without an event stream the widget polls its src", async () => {
  // The harness's static server sends neither ETag nor Link: the widget
  // polls and compares the text.
  const json = join(DIST, "live-poll.json");
  const html = join(DIST, "live-poll.html");
  await copyFile(join(DIST, "dinum-2023.json"), json);
  await writeFile(
    html,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>poll</title>' +
      '<script type="module" src="roadmap-timeline.js"></script></head><body>' +
      '<roadmap-timeline src="live-poll.json" view="list"></roadmap-timeline>' +
      '<div id="api"></div><script type="module">import { mount } from "./roadmap-timeline.js";' +
      'window.mounted = mount(document.getElementById("api"), { src: "live-poll.json", view: "list", live: true });</script>' +
      "</body></html>",
  );
  try {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + "live-poll.html");
    const live = page.locator("#api");
    const still = page.locator("roadmap-timeline");
    await live.locator(".list li.mission").first().waitFor();
    await still.locator(".list li.mission").first().waitFor();
    const text = await readFile(json, "utf8");
    await save(json, text.replace("Datalab créé au sein de la DINUM", NEW_TITLE));
    await live.getByText(NEW_TITLE).first().waitFor({ timeout: 4 * PATIENCE });
    assert.match(await live.locator("p.live-note").textContent(), /^Roadmap updated/);
    // The widget without `live` keeps what it loaded.
    assert.equal(await still.getByText(NEW_TITLE).count(), 0);
    assert.equal(await still.locator("p.live-note").count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await rm(json, { force: true });
    await rm(html, { force: true });
  }
});

test("a live widget with since compares each newer version again", async () => {
  const json = join(DIST, "live-since.json");
  const html = join(DIST, "live-since.html");
  await copyFile(join(DIST, "dinum-2023.json"), json);
  await writeFile(
    html,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>since</title></head><body>' +
      '<div id="api"></div><script type="module">import { mount } from "./roadmap-timeline.js";' +
      'window.mounted = mount(document.getElementById("api"), ' +
      '{ src: "live-since.json", since: "dinum-2023.json", lang: "en", view: "list", live: true });</script>' +
      "</body></html>",
  );
  try {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + "live-since.html");
    const summary = page.locator("#api p.since-summary");
    await summary.filter({ hasText: "no changes" }).waitFor();
    const text = await readFile(json, "utf8");
    await save(json, text.replace("Datalab créé au sein de la DINUM", NEW_TITLE));
    await page.locator("#api").getByText(NEW_TITLE).first().waitFor({ timeout: 4 * PATIENCE });
    await summary.filter({ hasText: /^Δ 1 change since/ }).waitFor({ timeout: 4 * PATIENCE });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await rm(json, { force: true });
    await rm(html, { force: true });
  }
});
