// The slides view (view="slides") in headless Chromium at 1280×720: keys,
// digits and Enter, the blank screen, swipes and the URL fragment move
// through the DINUM roadmap's slides; each is a region whose heading takes
// the focus, announced politely; axe finds nothing; reduced motion turns
// the transition off; auto-advance moves on by itself and `p` holds it;
// `c` shows the clock corner; and `roadmap serve --present` keeps the
// slide shown through a change of the file.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveAndBrowse, newPage, violations, DIST, PATIENCE, SHOTS, ROOT, roadmapServe } from "./harness.js";

const env = serveAndBrowse();
const SIZE = { viewport: { width: 1280, height: 720 } };
/** The DINUM roadmap's deck: the title, six axes, the timeline, the summary. */
const COUNT = 9;

/** The slides page at `hash`, once its first slide is drawn. */
async function open(hash = "", options = {}, file = "slides.html") {
  const page = await newPage(env.browser, { ...SIZE, ...options });
  await page.goto(`${env.server.url}${file}${hash}`);
  await page.locator("roadmap-timeline section.slide").waitFor();
  return page;
}

/** What the view shows: the slide's kind, its heading, the position said, the focus. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector("roadmap-timeline").shadowRoot;
    return {
      kind: root.querySelector("section.slide")?.dataset.kind,
      heading: root.querySelector("#slide-heading")?.textContent,
      position: root.querySelector(".slide-position")?.textContent,
      focused: root.activeElement?.id ?? null,
      blank: root.querySelector(".slides-view")?.dataset.blank,
      hash: location.hash,
    };
  });
}

async function press(page, ...keys) {
  for (const key of keys) await page.keyboard.press(key);
}

test("keys move through the slides, the heading takes the focus and the number is said", async () => {
  const page = await open();
  let now = await shown(page);
  assert.equal(now.kind, "title");
  assert.equal(now.focused, "slide-heading", "keys work at once");
  assert.equal(now.position, `Diapositive 1 sur ${COUNT}`);
  const view = page.locator("roadmap-timeline .slides-view");
  assert.equal(await view.locator(".slide-position").getAttribute("aria-live"), "polite");
  await press(page, "ArrowRight");
  now = await shown(page);
  assert.equal(now.kind, "axis");
  assert.match(now.heading, /^1\/6 · Mettre le numérique/);
  assert.equal(now.position, `Diapositive 2 sur ${COUNT}`);
  assert.equal(now.focused, "slide-heading");
  assert.equal(now.hash, "#slide-2");
  await press(page, " ", "PageDown");
  assert.equal((await shown(page)).position, `Diapositive 4 sur ${COUNT}`);
  await press(page, "PageUp", "ArrowLeft");
  assert.equal((await shown(page)).position, `Diapositive 2 sur ${COUNT}`);
  await press(page, "End");
  now = await shown(page);
  assert.equal(now.kind, "summary");
  assert.equal(now.position, `Diapositive ${COUNT} sur ${COUNT}`);
  await press(page, "ArrowRight");
  assert.equal((await shown(page)).position, `Diapositive ${COUNT} sur ${COUNT}`, "the last stays");
  await press(page, "Home");
  assert.equal((await shown(page)).kind, "title");
  // The buttons move too.
  await view.locator("button[data-act=next]").click();
  assert.equal((await shown(page)).kind, "axis");
  // Notes are never shown.
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("digits then Enter go to a slide; b blanks the screen until any key", async () => {
  const page = await open();
  await press(page, "8", "Enter");
  let now = await shown(page);
  assert.equal(now.kind, "timeline");
  assert.equal(now.hash, "#slide-8");
  await press(page, "4", "2", "Enter");
  assert.equal((await shown(page)).kind, "timeline", "a number past the end is dropped");
  await press(page, "b");
  now = await shown(page);
  assert.equal(now.blank, "true");
  // A black cover over the whole view.
  const cover = () =>
    page.evaluate(() => getComputedStyle(document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slides-view"), "::after").backgroundColor);
  assert.equal(await cover(), "rgb(0, 0, 0)");
  await page.screenshot({ path: `${SHOTS}/e2e-slides-blank.png` });
  await press(page, "ArrowRight");
  now = await shown(page);
  assert.equal(now.blank, "false");
  assert.equal(now.kind, "timeline", "the key that ends the blank does not move");
  assert.notEqual(await cover(), "rgb(0, 0, 0)");
  await page.context().close();
});

test("the URL fragment opens a slide, and back and forward follow the slides", async () => {
  const page = await open("#slide-3");
  assert.match((await shown(page)).heading, /^2\/6 · /);
  await press(page, "ArrowRight", "ArrowRight");
  assert.equal((await shown(page)).hash, "#slide-5");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent.startsWith("Diapositive 4 "));
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent.startsWith("Diapositive 5 "));
  await page.context().close();
});

test("a swipe to the left goes forward, to the right back", async () => {
  const page = await open();
  const swipe = async (from, to) => {
    await page.mouse.move(from, 400);
    await page.mouse.down();
    await page.mouse.move((from + to) / 2, 405);
    await page.mouse.move(to, 410);
    await page.mouse.up();
  };
  await swipe(900, 300);
  assert.equal((await shown(page)).position, `Diapositive 2 sur ${COUNT}`);
  await swipe(300, 900);
  assert.equal((await shown(page)).position, `Diapositive 1 sur ${COUNT}`);
  await page.context().close();
});

test("each slide is a named region, axe finds nothing, and the screenshots", async () => {
  const page = await open();
  for (const [number, name] of [[1, "title"], [2, "axis"], [8, "timeline"], [9, "summary"]]) {
    await press(page, ...String(number).split(""), "Enter");
    const now = await shown(page);
    assert.equal(now.kind, name);
    const region = page.locator("roadmap-timeline section.slide");
    assert.equal(await region.getAttribute("aria-labelledby"), "slide-heading");
    await page.screenshot({ path: `${SHOTS}/e2e-slides-${name}.png`, animations: "disabled" });
    const found = await violations(page);
    assert.deepEqual(found, [], `${name}: ${JSON.stringify(found, null, 2)}`);
  }
  // The English words when the page asks for them.
  await page.locator("roadmap-timeline").evaluate((element) => element.setAttribute("lang", "en"));
  await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent.startsWith("Slide 9 of"));
  assert.equal((await shown(page)).heading, "Summary");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The text of the view's `selector`, or null while it is hidden. */
function shownText(page, selector) {
  return page.evaluate((selector) => {
    const found = document.querySelector("roadmap-timeline").shadowRoot.querySelector(selector);
    return found && !found.hidden ? found.textContent : null;
  }, selector);
}

test("auto-advance moves on by itself, p holds it, c shows the clock, axe finds nothing", async () => {
  const page = await open("", {}, "slides-auto.html");
  const auto = page.locator("roadmap-timeline .slide-auto");
  assert.equal(await auto.getAttribute("aria-live"), "off", "not read out every second");
  assert.match(await shownText(page, ".slide-auto"), /^Défilement automatique · 1 s · p : pause$/);
  // Nothing pressed: the second slide comes by itself.
  await page.waitForFunction(() => document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent.startsWith("Diapositive 2 "));
  assert.equal((await shown(page)).kind, "axis");
  await press(page, "p");
  assert.equal(await shownText(page, ".slide-auto"), "Défilement automatique en pause · p : reprendre");
  const held = (await shown(page)).position;
  await page.waitForTimeout(2500);
  assert.equal((await shown(page)).position, held, "no move while paused");
  // The clock corner: the time of day and the time since the view opened.
  assert.equal(await shownText(page, ".slide-clock"), null);
  await press(page, "c");
  assert.match(await shownText(page, ".slide-clock"), /^\d\d:\d\d · \d+:\d\d écoulé$/);
  assert.equal(await page.locator("roadmap-timeline .slide-clock").getAttribute("aria-live"), "off");
  await page.screenshot({ path: `${SHOTS}/e2e-slides-auto-clock.png`, animations: "disabled" });
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  // Going on again: the indication counts down once more.
  await press(page, "p");
  assert.match(await shownText(page, ".slide-auto"), /^Défilement automatique · 1 s · p : pause$/);
  await press(page, "c");
  assert.equal(await shownText(page, ".slide-clock"), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("without auto-advance nothing counts down, p is left to the page, a wrong auto is said", async () => {
  const page = await open();
  assert.equal(await shownText(page, ".slide-auto"), null);
  await press(page, "p");
  assert.equal(await shownText(page, ".slide-auto"), null);
  // An `auto` that is no duration says so, and nothing moves.
  await page.locator("roadmap-timeline").evaluate((element) => element.setAttribute("auto", "soon"));
  assert.match(await shownText(page, ".slide-auto"), /^auto: `soon` is not a duration.*give a duration like `20s`/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("reduced motion turns the transition between slides off", async () => {
  const animation = (page) =>
    page.evaluate(() => getComputedStyle(document.querySelector("roadmap-timeline").shadowRoot.querySelector("section.slide")).animationName);
  const moving = await open();
  assert.equal(await animation(moving), "slide-in");
  await moving.context().close();
  const still = await open("", { reducedMotion: "reduce" });
  assert.equal(await animation(still), "none");
  await still.context().close();
});

const dir = await mkdtemp(join(tmpdir(), "roadmap-slides-"));
after(() => rm(dir, { recursive: true, force: true }));

test("roadmap serve --present keeps the slide shown through a change of the file", async () => {
  const file = join(dir, "plan.toml");
  const original = await readFile(join(ROOT, "data/dinum-2023.toml"), "utf8");
  await writeFile(file, original);
  const server = await roadmapServe(file, ["--present"]);
  try {
    const page = await newPage(env.browser, SIZE);
    await page.goto(server.url + "#slide-3");
    await page.locator("roadmap-timeline section.slide").waitFor();
    let now = await shown(page);
    assert.match(now.heading, /^2\/6 · Engager une mutation profonde/);
    assert.equal(now.position, `Diapositive 3 sur ${COUNT}`);
    // The first axis hidden: the slide shown moves up one place, and stays.
    await writeFile(`${file}.new`, `${original}\n[presentation]\nhide = ["politiques-prioritaires"]\n`);
    await rename(`${file}.new`, file);
    await page.waitForFunction(
      (count) => document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent === `Diapositive 2 sur ${count - 1}`,
      COUNT,
      { timeout: 4 * PATIENCE },
    );
    now = await shown(page);
    assert.match(now.heading, /^1\/5 · Engager une mutation profonde/);
    assert.equal(now.focused, "slide-heading", "the focus stays on the slide");
    assert.equal(now.hash, "#slide-2", "the URL names the slide's new place");
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    server.stop();
  }
});
