// How long a slide change takes in the browser: from the key press (the
// keydown event's time stamp) to the first animation frame after the new
// slide is in the DOM, the frame that paints it; over 20 changes of the
// DINUM roadmap's slides at 1280×720 in headless Chromium (→, and Home
// after the last). Prints the median and the maximum.
//
//   ./scripts/build-widget && node web-widget/bench/slides.mjs [--changes N]
//
// Uses the e2e harness (web-widget/e2e: npm ci there first) to serve
// web-widget/dist/ with e2e/fixtures/slides.html and to start Chromium.
import { launch, newPage, startServer } from "../e2e/harness.js";

const args = process.argv.slice(2);
const at = args.indexOf("--changes");
const CHANGES = at >= 0 ? Number(args[at + 1]) : 20;

const server = await startServer();
const browser = await launch();
try {
  const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}slides.html`);
  await page.locator("roadmap-timeline section.slide").waitFor();
  await page.evaluate(() => {
    const root = document.querySelector("roadmap-timeline").shadowRoot;
    window.changes = [];
    let pressed = null;
    window.addEventListener("keydown", (event) => (pressed = event.timeStamp), { capture: true });
    new MutationObserver(() => {
      if (pressed === null) return;
      const from = pressed;
      pressed = null;
      requestAnimationFrame(() => window.changes.push(performance.now() - from));
    }).observe(root.querySelector(".slide-area"), { childList: true });
  });
  const count = await page.evaluate(
    () => Number(document.querySelector("roadmap-timeline").shadowRoot.querySelector(".slide-position").textContent.split(" ").pop()),
  );
  let current = 1;
  for (let change = 0; change < CHANGES; change++) {
    const key = current === count ? "Home" : "ArrowRight";
    current = current === count ? 1 : current + 1;
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.changes.length === n, change + 1);
  }
  const times = (await page.evaluate(() => window.changes)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`slide changes: ${times.length} over ${count} slides (DINUM, 1280×720)`);
  console.log(`key press to painted frame: median ${median.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.close();
}
