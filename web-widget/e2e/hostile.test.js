// A hostile host page (fixtures/hostile.html): `* { all: unset }`, red
// 40 px text, `svg { display: none }` and a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval', by <meta>). Both widgets still
// render with their own styles, since page styles stop at the shadow root.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage, SHOTS } from "./harness.js";

const env = serveAndBrowse();

test("the widget renders on a hostile page under a strict CSP", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(env.server.url + "hostile.html");
  for (const id of ["first", "second"]) {
    const widget = page.locator(`#${id}`);
    const bar = widget.locator("svg.rows g.bar rect.bar-body").first();
    await bar.waitFor({ state: "visible" });
    const box = await bar.boundingBox();
    assert.ok(box && box.width > 1 && box.height > 10, `${id}: a visible bar ${JSON.stringify(box)}`);
    const styles = await widget.evaluate((host) => {
      const root = host.shadowRoot;
      const look = (selector) => {
        const style = getComputedStyle(root.querySelector(selector));
        return { color: style.color, fontSize: style.fontSize, display: style.display };
      };
      return {
        title: look("h2.title"),
        button: look("button"),
        period: look("p.period"),
        svg: look("svg.rows"),
        bar: getComputedStyle(root.querySelector("svg.rows g.bar rect.bar-body")).fill,
        // Spacing follows the widget's own text size, not the page's root
        // one (40 px here): 1em of a 15 px text.
        padding: parseFloat(getComputedStyle(root.querySelector(".roadmap")).paddingTop),
        buttonHeight: root.querySelector("button.btn").getBoundingClientRect().height,
        hostWidth: host.getBoundingClientRect().width,
      };
    });
    for (const [what, style] of Object.entries(styles)) {
      if (typeof style !== "object") continue;
      assert.notEqual(style.color, "rgb(255, 0, 0)", `${id} ${what}: ${JSON.stringify(style)}`);
      assert.notEqual(style.fontSize, "40px", `${id} ${what}: ${JSON.stringify(style)}`);
      assert.ok(parseFloat(style.fontSize) < 30, `${id} ${what}: ${JSON.stringify(style)}`);
      assert.notEqual(style.display, "none", `${id} ${what}: ${JSON.stringify(style)}`);
    }
    assert.notEqual(styles.bar, "none", `${id}: the bars are painted`);
    assert.ok(styles.padding > 8 && styles.padding < 20, `${id}: padding ${styles.padding}px`);
    assert.ok(styles.buttonHeight < 40, `${id}: button height ${styles.buttonHeight}px`);
    assert.ok(styles.hostWidth > 600, `${id}: the widget has the page's width, ${styles.hostWidth}`);
  }
  // The two widgets are independent: each its own roadmap, language, theme.
  assert.match(await page.locator("#first h2.title").textContent(), /^Une stratégie/);
  assert.match(await page.locator("#second h2.title").textContent(), /^TECH\.GOUV/);
  assert.equal(await page.locator("#second .roadmap").getAttribute("data-theme"), "dark");
  assert.equal(await page.locator("#second .roadmap").getAttribute("lang"), "en");
  // The policy is enforced (the page's inline script was blocked) and
  // the widget itself needs nothing it forbids.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.inlineScript), undefined);
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, ["script-src-elem inline"]);
  await page.screenshot({ path: `${SHOTS}/e2e-hostile.png`, fullPage: true });
  const unexpected = page.problems.filter((p) => !/Content Security Policy/.test(p));
  assert.deepEqual(unexpected, []);
  await page.context().close();
});

test("the widget is styled under style-src 'self' (no inline styles allowed)", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(env.server.url + "strict-csp.html");
  const widget = page.locator("#strict");
  await widget.locator("svg.rows g.bar").first().waitFor({ state: "visible" });
  const look = await widget.evaluate((host) => {
    const style = (selector) => getComputedStyle(host.shadowRoot.querySelector(selector));
    return {
      titleMargin: style("h2.title").marginTop,
      buttonRadius: style("button.btn").borderTopLeftRadius,
      barFill: style("svg.rows g.bar rect.bar-body").fill,
    };
  });
  assert.deepEqual(look.titleMargin, "0px", JSON.stringify(look));
  assert.notEqual(look.buttonRadius, "0px", JSON.stringify(look));
  assert.notEqual(look.barFill, "rgb(0, 0, 0)", JSON.stringify(look));
  // The progress meters are filled to their percentage: SVG geometry,
  // which the policy does not block as it blocks style attributes.
  const list = page.locator("#strict-list");
  await list.locator(".list li.mission svg.meter").first().waitFor({ state: "visible" });
  const meters = await list.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll(".list li.mission")]
      .map((mission) => {
        const meter = mission.querySelector(":scope > .entry > svg.meter");
        if (!meter) return null;
        const percent = Number(/(\d+)\s*%/.exec(mission.querySelector(".facts").textContent)[1]);
        const track = meter.getBoundingClientRect().width;
        const fill = meter.querySelector("rect.meter-fill").getBoundingClientRect().width;
        return { percent, track, fill };
      })
      .filter(Boolean),
  );
  assert.equal(meters.length, 3, JSON.stringify(meters));
  assert.ok(meters.some((m) => m.percent > 0 && m.percent < 100), JSON.stringify(meters));
  for (const m of meters) {
    assert.ok(m.track > 40, `a visible meter: ${JSON.stringify(m)}`);
    assert.ok(Math.abs(m.fill - (m.track * m.percent) / 100) <= 1, `filled to its percentage: ${JSON.stringify(m)}`);
  }
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, []);
  await page.screenshot({ path: `${SHOTS}/e2e-strict-csp.png` });
  await page.context().close();
});
