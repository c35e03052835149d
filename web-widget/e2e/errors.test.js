// The error page (dist/errors.html): each broken widget says what failed
// in an alert inside its shadow root; the page's own text stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage } from "./harness.js";

const env = serveAndBrowse();

test("errors.html shows an alert per failure and keeps the page", async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url + "errors.html");
  const alert = (id) => page.locator(`#${id}`).locator("[role=alert]");
  const expected = {
    "not-found": /Erreur HTTP 404.*missing\.json/s,
    "bad-json": /JSON invalide.*broken\.json:\d+:\d+: /s,
    "bad-toml": /Invalid TOML.*broken\.toml:\d+:\d+: /s,
    network: /127\.0\.0\.1:9\/roadmap\.json/,
    "no-source": /./,
  };
  for (const [id, pattern] of Object.entries(expected)) {
    await alert(id).waitFor();
    const said = await alert(id).textContent();
    assert.match(said, pattern, `${id}: ${said}`);
    // The alert is inside the widget's shadow root, not the page.
    assert.equal(await page.evaluate((id) => document.getElementById(id).children.length, id), 0);
  }
  assert.equal(await page.locator("[role=alert]").count(), 5, "one alert per widget");
  assert.equal(
    await page.locator("#host-title").textContent(),
    "Chaque widget dit ce qui a échoué, sans toucher la page",
  );
  assert.equal(await page.locator("#host-after").textContent(), "La page continue ici.");
  assert.ok(await page.locator("#host-after").isVisible());
  await page.screenshot({ path: "/tmp/e2e-errors.png", fullPage: true });
  // The only console errors are the two failed loads the page asks for.
  const unexpected = page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|404/.test(p));
  assert.deepEqual(unexpected, []);
  await page.context().close();
});

test("without the full loader, a refused JSON says where and which command says why", async () => {
  const page = await newPage(env.browser);
  // The full loader cannot be fetched (offline, a blocked address): the
  // lean reader's own refusal is what the widget shows.
  await page.route(/roadmap_loader/, (route) => route.abort());
  await page.goto(env.server.url + "errors.html");
  const alert = page.locator("#bad-json").locator("[role=alert]");
  await alert.waitFor();
  const said = await alert.textContent();
  assert.match(
    said,
    /Ce JSON n’est pas un export de feuille de route valide.*broken\.json:\d+:\d+.*Pour le détail.*roadmap check broken\.json/s,
  );
  await page.screenshot({ path: "/tmp/e2e-errors-lean.png", fullPage: true });
  await page.context().close();
});
