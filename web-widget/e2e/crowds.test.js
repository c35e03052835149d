// Milestones too close together in headless Chromium (fixtures/crowded.html,
// a made-up roadmap of sixteen years with six releases in two weeks): they
// draw as one named button with their number, which zooms in on them from
// the keyboard or the pointer, the focus going to the first of them; its
// name shows in the tooltip; axe finds nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, violations, SHOTS } from "./harness.js";

const env = serveAndBrowse();

const NAME =
  /^6 milestones close together, 4 May → 15 May 2020 — ○ planned: 4, ✔ done: 2 — zoom in to see each one$/;

/** fixtures/crowded.html once its crowd is drawn. */
async function openCrowded() {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}crowded.html`);
  const widget = page.locator("#crowded");
  const crowd = widget.locator("svg.rows .crowd");
  await crowd.waitFor();
  return { page, widget, crowd };
}

/** The ids of the milestones drawn one by one. */
const drawn = (widget) =>
  widget.locator("svg.rows .marker").evaluateAll((marks) => marks.map((m) => m.getAttribute("data-item")));

test("crowded milestones draw as one named button with their number", async () => {
  const { page, widget, crowd } = await openCrowded();
  assert.equal(await crowd.count(), 1);
  assert.match(await crowd.getAttribute("aria-label"), NAME);
  assert.equal(await crowd.getAttribute("role"), "button");
  assert.equal(await crowd.locator("text").textContent(), "6");
  assert.match(await widget.locator(".legend").textContent(), /milestones close together, opened by a click or Enter/);
  // The six are drawn in the crowd only; the review, far from them, alone.
  assert.deepEqual(await drawn(widget), ["review-report"]);
  // Its name shows on hover, as a milestone's does.
  await crowd.hover();
  const tip = widget.locator(".tip");
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), NAME);
  await page.screenshot({ path: `${SHOTS}/e2e-crowd.png`, fullPage: true });
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("Enter on a crowd zooms in on it and gives the focus to its first milestone", async () => {
  const { page, widget, crowd } = await openCrowded();
  const before = await widget.locator(".period").textContent();
  await crowd.focus();
  await page.keyboard.press("Enter");
  await widget.locator('svg.rows .marker[data-item="release-6"]').waitFor();
  assert.notEqual(await widget.locator(".period").textContent(), before);
  assert.equal(await widget.locator("svg.rows .crowd").count(), 0);
  const ids = await drawn(widget);
  for (let i = 1; i <= 6; i++) assert.ok(ids.includes(`release-${i}`), ids.join());
  const focused = await page.evaluate(() =>
    document.querySelector("#crowded").shadowRoot.activeElement?.getAttribute("data-item"),
  );
  assert.equal(focused, "release-1");
  // Zooming out again brings the crowd back.
  await widget.locator('[data-act="fit"]').click();
  await widget.locator("svg.rows .crowd").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a click on a crowd zooms in on it", async () => {
  const { page, widget, crowd } = await openCrowded();
  const box = await crowd.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await widget.locator('svg.rows .marker[data-item="release-1"]').waitFor();
  assert.equal(await widget.locator("svg.rows .crowd").count(), 0);
  assert.equal(await widget.locator("section.detail").count(), 0, "nothing opened");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("closing the detail of a milestone drawn in a crowd gives the focus to its band", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}crowded.html#release-3`);
  const widget = page.locator("#crowded");
  await widget.locator('section.detail[aria-label$="Release 3"]').waitFor();
  // Open, it is drawn on its own.
  assert.equal(await widget.locator('svg.rows .marker[data-item="release-3"]').count(), 1);
  await page.keyboard.press("Escape");
  await widget.locator("section.detail").waitFor({ state: "detached" });
  const focused = await page.evaluate(() =>
    document.querySelector("#crowded").shadowRoot.activeElement?.getAttribute("data-crowd"),
  );
  assert.equal(focused, "release-1");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
