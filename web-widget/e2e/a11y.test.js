// axe-core on the demo (open shadow roots included): no violation, with
// the timeline, the list, a detail panel open, and on the error page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, violations } from "./harness.js";

const env = serveAndBrowse();

async function readyDemo(path) {
  const page = await newPage(env.browser);
  await page.goto(env.server.url + path);
  await page.locator('roadmap-timeline[src="dinum-2023.json"]').locator("svg.rows g.bar").first().waitFor();
  await page.locator('roadmap-timeline[src="tech-gouv-2019-2021.toml"]').locator("svg.rows g.bar").first().waitFor();
  await page.locator("#api-demo .list li.mission").first().waitFor();
  return page;
}

test("axe: index.html has no violation", async () => {
  const page = await readyDemo("index.html");
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.context().close();
});

test("axe: index.html#datalab (a detail panel open) has no violation", async () => {
  const page = await readyDemo("index.html#datalab");
  await page.locator('roadmap-timeline[src="dinum-2023.json"]').locator("section.detail").waitFor();
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.context().close();
});

test("axe: errors.html has no violation", async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url + "errors.html");
  await page.locator("#bad-toml [role=alert]").waitFor();
  await page.locator("#network [role=alert]").waitFor();
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.context().close();
});
