// Which wasm module a page loads: a timeline page only the lean widget; a
// widget that asks for `since`, `live` or the slides view the complete one
// instead; and a mounted widget whose options come to ask for one of those
// (or no longer do) is drawn again by the module that has it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndBrowse, newPage } from "./harness.js";

const env = serveAndBrowse();

/** A page that records the paths of what it fetches. */
async function recording() {
  const page = await newPage(env.browser);
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  const loaded = (name) => fetched.some((path) => path.startsWith(`/${name}`));
  return { page, fetched, loaded };
}

test("a timeline page loads the lean widget only", async () => {
  const { page, fetched, loaded } = await recording();
  await page.goto(env.server.url);
  await page.locator("roadmap-timeline svg.rows").first().waitFor();
  assert.ok(loaded("roadmap_widget"), fetched.join(" "));
  assert.ok(!loaded("roadmap_complete"), fetched.join(" "));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a widget with since loads the complete widget instead, and marks the changes", async () => {
  const { page, fetched, loaded } = await recording();
  await page.goto(`${env.server.url}plan-since.html`);
  await page.locator("#since p.since-summary").waitFor();
  assert.ok(loaded("roadmap_complete"), fetched.join(" "));
  assert.ok(!loaded("roadmap_widget"), fetched.join(" "));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("mount()'s update moves a widget to the complete module for since, and back", async () => {
  const { page, fetched, loaded } = await recording();
  await page.goto(`${env.server.url}modules.html`);
  const widget = page.locator("#api");
  await widget.locator("svg.rows g.bar").first().waitFor();
  assert.ok(!loaded("roadmap_complete"), fetched.join(" "));
  const options = { src: "plan.toml", view: "timeline", today: "2021-07-01" };
  await page.evaluate(async (next) => (await window.handle).update(next), { ...options, since: "plan-old.toml" });
  await widget.locator("p.since-summary").waitFor();
  assert.ok(loaded("roadmap_complete"), fetched.join(" "));
  assert.equal(await widget.locator("svg.rows text.changed-mark").count(), 2);
  // Without since again: the lean widget draws it, with no marks.
  await page.evaluate(async (next) => (await window.handle).update(next), { ...options, lang: "en" });
  await widget.locator("svg.rows g.bar").first().waitFor();
  await widget.locator(".roadmap[lang='en']").waitFor();
  assert.equal(await widget.locator(".changed-mark, p.since-summary").count(), 0);
  // Removed: nothing of either widget is left.
  await page.evaluate(async () => (await window.handle).destroy());
  await page.waitForFunction(() => !document.querySelector("#api").shadowRoot?.querySelector(".roadmap"));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("wasm sent without its type still draws, with the full loader too", async () => {
  const { page, fetched, loaded } = await recording();
  // A server that does not know `.wasm`: the modules are compiled from
  // their whole bytes instead of as they arrive.
  await page.route("**/*.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto(env.server.url);
  // The demo's TOML widget is read by the full loader, the others by the lean widget.
  await page.locator("roadmap-timeline svg.rows").nth(1).waitFor();
  await page.locator("#api-demo .list").waitFor();
  assert.ok(loaded("roadmap_widget") && loaded("roadmap_loader"), fetched.join(" "));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a wasm module the server does not have: each widget names it and the status", async () => {
  const { page } = await recording();
  await page.route("**/roadmap_widget_bg.*.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(env.server.url);
  const alert = page.locator("roadmap-timeline [role=alert]").first();
  await alert.waitFor();
  assert.match(await alert.textContent(), /^roadmap-timeline: http:\/\/127\.0\.0\.1:\d+\/roadmap_widget_bg\.[0-9a-f]{10}\.wasm: HTTP 404$/);
  await page.context().close();
});
