// dist/ as an npm package: `npm pack` gives a tarball of the widget's
// files only (no demo), an empty project installs it, its types check
// with tsc, and a page embeds the widget from node_modules (and, for the
// slides view, `live` or `since`, the complete widget it holds too). That page's
// JSON export is drawn without the full loader, which only its TOML
// roadmap fetches.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, launch, newPage, startServer } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const TSC = resolve(here, "node_modules/.bin/tsc");
const npm = (args, cwd) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let site;
let packed;
let server;
let browser;

before(async () => {
  site = mkdtempSync(join(tmpdir(), "roadmap-package-"));
  [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", site], DIST));
  writeFileSync(join(site, "package.json"), JSON.stringify({ name: "site", private: true, type: "module" }));
  npm(["install", "--no-audit", "--no-fund", "--offline", join(site, packed.filename)], site);
  copyFileSync(join(DIST, "dinum-2023.json"), join(site, "dinum-2023.json"));
  copyFileSync(join(DIST, "tech-gouv-2019-2021.toml"), join(site, "tech-gouv-2019-2021.toml"));
  server = await startServer([site]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test("the package holds the widget, its types and nothing of the demo", () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const pattern of [
    /^package\.json$/,
    /^README\.md$/,
    /^roadmap-timeline\.js$/,
    /^roadmap-timeline\.d\.ts$/,
    /^roadmap_widget\.[0-9a-f]{10}\.js$/,
    /^roadmap_widget_bg\.[0-9a-f]{10}\.wasm$/,
    /^roadmap_loader\.[0-9a-f]{10}\.js$/,
    /^roadmap_loader_bg\.[0-9a-f]{10}\.wasm$/,
    /^roadmap_complete\.[0-9a-f]{10}\.js$/,
    /^roadmap_complete_bg\.[0-9a-f]{10}\.wasm$/,
  ]) {
    assert.equal(files.filter((f) => pattern.test(f)).length, 1, `${pattern}: ${files}`);
  }
  assert.equal(files.length, 10, `${files}`);
  const manifest = JSON.parse(readFileSync(join(DIST, "package.json"), "utf8"));
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  assert.equal(manifest.exports["."].types, "./roadmap-timeline.d.ts");
});

test("the types check a usage with tsc, and refuse a wrong option", () => {
  writeFileSync(
    join(site, "usage.ts"),
    `import { mount, type RoadmapTimelineHandle } from "roadmap-timeline";

const element = document.createElement("roadmap-timeline");
element.data = { id: "x" };
element.addEventListener("roadmap-drawn", (event) => {
  const view: "timeline" | "list" | "slides" = event.detail.view;
  console.log(view);
});
document.body.addEventListener("roadmap-drawn", (event) => console.log(event.detail.view));
const handle: RoadmapTimelineHandle = await mount(document.body, {
  src: "plan.json",
  lang: "en",
  view: "list",
  theme: "dark",
  today: "2023-06-01",
  live: true,
});
handle.update({ data: "id = 'x'" });
handle.destroy();
(await mount(document.body, { src: "plan.json", view: "slides", live: true })).destroy();
// @ts-expect-error: no such view
await mount(document.body, { view: "grid" });
`,
  );
  writeFileSync(
    join(site, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "es2022",
        moduleResolution: "bundler",
        lib: ["es2022", "dom"],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ["usage.ts"],
    }),
  );
  execFileSync(TSC, ["-p", site], { encoding: "utf8" });
});

test("a page embeds the installed widget; only its TOML roadmap fetches the full loader", async () => {
  writeFileSync(
    join(site, "index.html"),
    `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>site</title>
<script type="module" src="node_modules/roadmap-timeline/roadmap-timeline.js"></script>
</head><body>
<roadmap-timeline id="json" src="dinum-2023.json" view="timeline"></roadmap-timeline>
<div id="toml"></div>
</body></html>`,
  );
  const page = await newPage(browser);
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(server.url + "index.html");
  await page.locator("#json svg.rows g.bar").first().waitFor({ state: "visible" });
  assert.ok(requested.some((p) => /\/roadmap_widget_bg\.[0-9a-f]+\.wasm$/.test(p)), `${requested}`);
  assert.deepEqual(requested.filter((p) => p.includes("roadmap_loader")), [], "a JSON page fetches no full loader");

  await page.evaluate(async () => {
    const { mount } = await import("./node_modules/roadmap-timeline/roadmap-timeline.js");
    await mount(document.getElementById("toml"), { src: "tech-gouv-2019-2021.toml", view: "list", lang: "en" });
  });
  await page.locator("#toml .list li.mission").first().waitFor();
  const loader = requested.filter((p) => p.includes("roadmap_loader"));
  assert.equal(loader.filter((p) => p.endsWith(".wasm")).length, 1, `${loader}`);
  assert.equal(loader.filter((p) => p.endsWith(".js")).length, 1, `${loader}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
