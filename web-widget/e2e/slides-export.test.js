// `roadmap present --export slides.html` (a page without script) in
// headless Chromium: axe finds no violation, each slide is a region
// named by its heading, and the page prints one slide per A4 landscape
// page. Needs the binary built first (`cargo build -p roadmap-tui`); run
// alone with `node --test e2e/slides-export.test.js` from web-widget/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, newPage, violations, TODAY, SHOTS, ROADMAP, ROOT } from "./harness.js";

const ROADMAPS = ["dinum-2023", "tech-gouv-2019-2021"];

const env = { dir: null, server: null, browser: null };

before(async () => {
  env.dir = mkdtempSync(join(tmpdir(), "roadmap-slides-"));
  for (const name of ROADMAPS) {
    execFileSync(ROADMAP, [
      "present",
      join(ROOT, "data", `${name}.toml`),
      "--export",
      join(env.dir, `${name}.html`),
      "--today",
      TODAY,
    ]);
  }
  env.server = await startServer([env.dir]);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

for (const name of ROADMAPS) {
  test(`${name}: slides are named regions, axe finds no violation, one slide per printed page`, async () => {
    // JavaScript on for axe only: the page has no script of its own.
    const page = await newPage(env.browser);
    await page.goto(`${env.server.url}${name}.html`);
    const regions = page.getByRole("region");
    const slides = await page.locator("section").count();
    assert.ok(slides >= 3, `${slides} slides`);
    assert.equal(await regions.count(), slides);
    for (let n = 0; n < slides; n++) {
      const label = await regions.nth(n).evaluate((s) => document.getElementById(s.getAttribute("aria-labelledby")).textContent);
      assert.ok(label.startsWith(`${n + 1}/${slides} · `), label);
    }
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    assert.equal(pages, slides, "one slide per page");
    await page.screenshot({ path: join(SHOTS, `e2e-slides-${name}.png`), fullPage: false });
    await page.close();
  });
}
