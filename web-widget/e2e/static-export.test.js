// `roadmap export --html` pages in headless Chromium with JavaScript
// disabled: every item's title and dates are in the page, axe finds no
// violation, and the page prints on A4 landscape. Needs the binary built
// first (`cargo build -p roadmap-tui`); run alone with
// `node --test e2e/static-export.test.js` from web-widget/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, newPage, violations, TODAY, SHOTS, ROADMAP, ROOT } from "./harness.js";

const ROADMAPS = ["dinum-2023", "tech-gouv-2019-2021"];

const env = { dir: null, server: null, browser: null };

before(async () => {
  env.dir = mkdtempSync(join(tmpdir(), "roadmap-static-"));
  for (const name of ROADMAPS) {
    for (const lang of ["fr", "en"]) {
      execFileSync(ROADMAP, [
        "export",
        join(ROOT, "data", `${name}.toml`),
        "--html",
        "-o",
        join(env.dir, `${name}.${lang}.html`),
        "--lang",
        lang,
        "--today",
        TODAY,
      ]);
    }
  }
  env.server = await startServer([env.dir]);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

/** The page of `name` in `lang`, JavaScript disabled. */
async function open(name, lang) {
  const page = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.server.url}${name}.${lang}.html`);
  return page;
}

/** Runs of whitespace as one space. */
const flat = (text) => text.replace(/\s+/g, " ").trim();

for (const name of ROADMAPS) {
  test(`${name}: every item is in the page without JavaScript`, async () => {
    const roadmap = JSON.parse(readFileSync(join(ROOT, "data", `${name}.json`), "utf8"));
    const page = await open(name, "fr");
    const text = flat(await page.locator("body").innerText());
    let missions = 0;
    let milestones = 0;
    for (const axis of roadmap.axes) {
      assert.ok(text.includes(flat(axis.title)), axis.title);
      for (const mission of axis.missions) {
        missions += 1;
        assert.ok(text.includes(flat(mission.title)), mission.title);
        for (const milestone of mission.milestones ?? []) {
          milestones += 1;
          assert.ok(text.includes(flat(milestone.title)), milestone.title);
        }
      }
    }
    // Each item with its facts line: status in words, dates as written.
    const facts = await page.locator("li.mission > .entry > p.facts, li.milestone > .entry > p.facts").allInnerTexts();
    assert.equal(facts.length, missions + milestones);
    for (const line of facts) {
      assert.match(line, /\d{4}|date inconnue/, line);
    }
    assert.equal(await page.locator("button").count(), 0, "no button that does nothing");
    assert.ok((await page.locator("svg.roadmap-drawing").count()) >= roadmap.axes.length);
    await page.close();
  });

  for (const lang of ["fr", "en"]) {
    test(`${name} (${lang}): axe finds no violation`, async () => {
      const page = await newPage(env.browser);
      await page.goto(`${env.server.url}${name}.${lang}.html`);
      const found = await violations(page);
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      await page.close();
    });
  }

  test(`${name}: prints on A4 landscape pages`, async () => {
    const page = await open(name, "fr");
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    console.log(`${name}: ${pages} A4 landscape pages`);
    assert.ok(pages >= 2, `${pages} pages`);
    await page.screenshot({ path: join(SHOTS, `static-${name}.png`), fullPage: true });
    await page.close();
  });
}
