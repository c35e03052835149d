// What every e2e test needs: a static server on 127.0.0.1 (random port)
// serving web-widget/dist/ (then e2e/fixtures/ for files dist lacks), and
// headless Chromium (/usr/bin/chromium, or $CHROMIUM) driven by playwright-core.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { before, after } from "node:test";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../chromium-args.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(here, "../dist");
/** The repository's root. */
export const ROOT = resolve(here, "../..");
/** The `roadmap` binary (scripts/test-widget builds it). */
export const ROADMAP = process.env.ROADMAP_BIN ?? join(ROOT, "target/debug/roadmap");
export const FIXTURES = resolve(here, "fixtures");
export const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";
/** The day the pages are shown on (the browser clock is fixed to it). */
export const TODAY = "2023-06-01";
/** The longest any single wait may take. */
export const PATIENCE = 10_000;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".toml": "application/toml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Starts the server of `roots` (first match wins); resolves to { url, close() }. */
export async function startServer(roots = [DIST, FIXTURES]) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (path === "/favicon.ico") {
      response.writeHead(204);
      response.end();
      return;
    }
    const relative = normalize(path === "/" ? "/index.html" : path).replace(/^(\.\.[/\\])+/, "");
    for (const root of roots) {
      const file = join(root, relative);
      if (!file.startsWith(root)) break;
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
        });
        response.end(body);
        return;
      } catch {
        // next root
      }
    }
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe's violations on the page (open shadow roots included), each as { rule, impact, help, nodes }. */
export async function violations(page) {
  // Evaluated rather than added as a <script>, which a page's
  // Content-Security-Policy (roadmap serve's) blocks.
  await page.evaluate(await readFile(AXE, "utf8"));
  return page.evaluate(async () => {
    const run = await window.axe.run(document, { resultTypes: ["violations"] });
    return run.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split("\n")[1] ?? ""}`),
    }));
  });
}

/** Launches of a browser that dies while starting before the tests give up. */
const LAUNCHES = 3;

/**
 * Launches headless Chromium. A browser that crashes while it starts,
 * before any page (seen once in a container: SIGSEGV at launch), says
 * nothing of the widget: it is launched again, and said on stderr.
 */
export async function launch() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        headless: true,
        timeout: 30_000,
        args: CHROMIUM_ARGS,
      });
    } catch (error) {
      if (attempt >= LAUNCHES) throw error;
      console.error(`e2e: Chromium did not start (${String(error.message).split("\n")[0]}); launching again`);
    }
  }
}

/**
 * A new page whose clock says TODAY, that collects the page's errors
 * (uncaught exceptions and console errors) in page.problems.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE);
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  return page;
}

/** The text of the period shown in the `index`-th widget of the page. */
export function periodOf(page, index = 0) {
  return page.locator("roadmap-timeline").nth(index).locator("p.period").textContent();
}

/** What has focus, through shadow roots: { tag, item, className, host }. */
export function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    let host = null;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
      host = element.id || element.getAttribute("src") || element.tagName;
      element = element.shadowRoot.activeElement;
    }
    return element
      ? {
          tag: element.tagName.toLowerCase(),
          item: element.getAttribute("data-item"),
          className: element.getAttribute("class"),
          host,
        }
      : null;
  });
}

/**
 * Starts the server and the browser before a test file's tests and stops
 * them after; the returned object's `server` and `browser` are set once
 * the tests run.
 */
export function serveAndBrowse() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Starts `roadmap serve FILE` (then `extra` arguments) on a free port,
 * serving the built widget; resolves to { url, child, stop() }.
 */
export async function roadmapServe(file, extra = []) {
  const args = ["serve", file, "--addr", "127.0.0.1:0", "--widget", DIST, "--lang", "fr", ...extra];
  const child = spawn(ROADMAP, args, { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("roadmap serve printed no address")), 30_000);
    child.once("exit", (code) => fail(new Error(`roadmap serve exited with ${code}`)));
    lines.on("line", (line) => {
      const found = line.match(/http:\/\/[0-9.:]+\//);
      if (found) {
        clearTimeout(timer);
        ok(found[0]);
      }
    });
  });
  return { url, child, stop: () => child.kill() };
}
