// Plan against reality in headless Chromium (fixtures/plan.html, a made-up
// roadmap): the plan's ghost behind a moved milestone, the open item's
// dependency arrows and highlighted neighbours, the detail's slip, the
// re-plannings, the links both ways and the health; `since` marks what
// changed since an earlier edition and filters on it; axe finds nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, violations, SHOTS } from "./harness.js";

const env = serveAndBrowse();

/** fixtures/plan.html once its timeline has bars. */
async function openPlan(hash = "") {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}plan.html${hash}`);
  const widget = page.locator("#plan");
  await widget.locator("svg.rows g.bar").first().waitFor({ state: "visible" });
  return { page, widget };
}

test("a milestone delivered late shows its plan's ghost behind it, and one on its plan none", async () => {
  const { page, widget } = await openPlan();
  const label = widget.locator('svg.rows g.marker[data-item="label"]');
  assert.equal(await label.locator(".ghost").count(), 1);
  assert.match(await label.getAttribute("aria-label"), /13 à 16 mois de retard/);
  assert.equal(await widget.locator('svg.rows g.marker[data-item="desk"] .ghost').count(), 0);
  // The ghost's outline is dashed.
  const dashed = await label.locator(".ghost").evaluate((el) => getComputedStyle(el).strokeDasharray);
  assert.notEqual(dashed, "none");
  assert.match(await widget.locator(".legend").textContent(), /Glissement moyen/);
  // Without `since`, nothing is marked as changed.
  assert.equal(await widget.locator(".changed-mark, p.since-summary").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("selecting a mission shows its dependency arrows, highlights its neighbours and reads the slip", async () => {
  const { page, widget } = await openPlan();
  // By keyboard: the rows' box takes the pointer and hit-tests it.
  await widget.locator('svg.rows g.lane[data-item="roll-out"]').focus();
  await page.keyboard.press("Enter");
  await widget.locator("section.detail").waitFor();
  const arrow = widget.locator("svg.rows g.dep");
  assert.equal(await arrow.count(), 1);
  assert.match(await arrow.getAttribute("class"), /\blate\b/);
  assert.match(await arrow.getAttribute("aria-label"), /^Dépend de\s*: Build the catalogue — ⚠/);
  const dash = await arrow.locator("path").evaluate((el) => getComputedStyle(el).strokeDasharray);
  assert.notEqual(dash, "none", "a late arrow is dashed, not only red");
  assert.match(await widget.locator('svg.rows g.lane[data-item="build"]').getAttribute("class"), /\blinked\b/);
  const detail = widget.locator("section.detail");
  assert.match(await detail.textContent(), /⚠ finit après le début de celui-ci/);
  await page.screenshot({ path: `${SHOTS}/e2e-plan-arrows.png`, fullPage: true });
  // The link in the detail opens the predecessor, whose detail reads its health.
  await detail.locator('button[data-open="build"]').click();
  await widget.locator('section.detail[aria-label$="Build the catalogue"]').waitFor();
  const build = await widget.locator("section.detail").textContent();
  assert.match(build, /Météo\s*☂ orageux \(juin 2021\)/);
  assert.match(build, /Nécessaire à\s*Roll out to ministries ⚠/);
  // A milestone delivered late: the slip in core's words.
  await widget.locator('svg.rows g.marker[data-item="label"]').focus();
  await page.keyboard.press("Enter");
  await widget.locator('section.detail[aria-label$="Labelling offer"]').waitFor();
  assert.match(
    await widget.locator("section.detail").textContent(),
    /prévu au T1 2020, livré le 17 mai 2021 — 13 à 16 mois de retard/,
  );
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("since: the items changed since the earlier edition are marked Δ, said, and filtered", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}plan-since.html`);
  const since = page.locator("#since");
  const summary = since.locator("p.since-summary");
  await summary.waitFor();
  assert.match(await summary.textContent(), /^Δ 2 changements depuis l['’]édition comparée \(publication\s*: janvier 2020\)$/);
  // The two milestones delivered since: marked, and named so.
  const label = since.locator('svg.rows g.marker[data-item="label"]');
  await label.waitFor();
  assert.match(await label.getAttribute("aria-label"), /Δ modifié depuis l’édition comparée$/);
  assert.equal(await since.locator("svg.rows text.changed-mark").count(), 2);
  assert.doesNotMatch(
    await since.locator('svg.rows g.marker[data-item="api"]').getAttribute("aria-label"),
    /Δ/,
  );
  // The detail says what changed, in core's words.
  await label.focus();
  await page.keyboard.press("Enter");
  await since.locator("section.detail").waitFor();
  assert.match(await since.locator("section.detail").textContent(), /Modifié\s*livré\s*: date inconnue → 17 mai 2021/);
  // The filter keeps the changed items and what holds them.
  const filter = since.getByRole("button", { name: "modifiés" });
  await filter.click();
  await since.locator('button[data-act="only-changed"][aria-pressed="true"]').waitFor();
  assert.equal(await since.locator('svg.rows g.marker[data-item="api"]').count(), 0);
  assert.equal(await since.locator('svg.rows g.marker[data-item="label"]').count(), 1);
  assert.equal(await since.locator('svg.rows g.lane[data-item="roll-out"]').count(), 0);
  assert.equal(await since.locator("svg.rows g.marker").count(), 2);
  await page.screenshot({ path: `${SHOTS}/e2e-plan-since.png`, fullPage: true });
  await filter.click();
  await since.locator('button[data-act="only-changed"][aria-pressed="false"]').waitFor();
  assert.equal(await since.locator('svg.rows g.marker[data-item="api"]').count(), 1);
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("since: an edition that cannot be read is said in the heading", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}plan-since.html`);
  await page.evaluate(() => document.querySelector("#since").setAttribute("since", "missing.toml"));
  const summary = page.locator("#since p.since-summary");
  await summary.filter({ hasText: "missing.toml" }).waitFor();
  assert.match(await summary.textContent(), /Comparaison impossible avec l’édition demandée\s*: .*missing\.toml: HTTP 404/);
  await page.context().close();
});

test("axe: the plan page, a mission with late dependencies open, has no violation", async () => {
  const { page, widget } = await openPlan("#build");
  await widget.locator("section.detail").waitFor();
  await widget.locator("svg.rows g.dep").first().waitFor();
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.context().close();
});
