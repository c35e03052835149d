// The timeline's one tooltip: a milestone's name under it, on hover and
// on keyboard focus; it stays while the pointer moves onto it, goes with
// Escape (WCAG 1.4.13), is hidden from assistive technologies and passes
// axe; milestones carry no <title> of their own in the widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, violations } from "./harness.js";

const env = serveAndBrowse();

async function ready() {
  const page = await newPage(env.browser);
  await page.goto(env.server.url + "index.html");
  const widget = page.locator('roadmap-timeline[src="dinum-2023.json"]');
  await widget.locator("svg.rows g.item.marker").first().waitFor();
  return { page, widget, tip: widget.locator(".tip") };
}

test("hovering a milestone shows its name under it, until the pointer leaves both", async () => {
  const { page, widget, tip } = await ready();
  assert.equal(await widget.locator("svg.rows g.marker title").count(), 0);
  const milestone = widget.locator("svg.rows g.item.marker").first();
  const name = await milestone.getAttribute("aria-label");
  assert.ok(name && name.length > 10, name);
  await assert.rejects(tip.waitFor({ state: "visible", timeout: 200 }));
  await milestone.hover();
  await tip.waitFor({ state: "visible" });
  assert.equal(await tip.textContent(), name);
  assert.equal(await tip.getAttribute("aria-hidden"), "true");
  const [at, box] = [await milestone.boundingBox(), await tip.boundingBox()];
  // Right under it, touching it (by at most 3 px).
  const bottom = at.y + at.height;
  assert.ok(box.y >= bottom - 3 && box.y <= bottom + 0.5, `tip at ${box.y}, milestone ends at ${bottom}`);
  // Onto the tooltip itself: it stays (hoverable).
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  assert.ok(await tip.isVisible());
  // Away from both: it goes.
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: "hidden" });
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a milestone focused by the keyboard shows its name; Escape dismisses it, focus stays", async () => {
  const { page, widget, tip } = await ready();
  const milestone = widget.locator("svg.rows g.item.marker").nth(1);
  const name = await milestone.getAttribute("aria-label");
  await page.keyboard.press("Tab");
  await milestone.focus();
  await tip.waitFor({ state: "visible" });
  assert.equal(await tip.textContent(), name);
  // Shown with the tooltip, axe still finds nothing.
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });
  const focused = await widget.evaluate((host) => host.shadowRoot.activeElement?.getAttribute("aria-label"));
  assert.equal(focused, name);
  // Another milestone shows its own; focus elsewhere, none.
  await widget.locator("svg.rows g.item.marker").first().focus();
  await tip.waitFor({ state: "visible" });
  await widget.locator('[data-act="zoom-in"]').focus();
  await tip.waitFor({ state: "hidden" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a new window hides the tooltip, whose milestone moved", async () => {
  const { widget, tip, page } = await ready();
  await widget.locator("svg.rows g.item.marker").first().focus();
  await tip.waitFor({ state: "visible" });
  await widget.locator('[data-act="zoom-in"]').click();
  await tip.waitFor({ state: "hidden" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
