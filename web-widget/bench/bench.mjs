// Benchmark of the <roadmap-timeline> widget against vis-timeline 8.5.4, in
// headless Chromium (see scripts/bench-widget, which builds dist/ and writes
// the SYNTHETIC 10,000-milestone roadmap first).
//
//   node web-widget/bench/bench.mjs [--runs N] [--synthetic FILE.json]
//   node web-widget/bench/bench.mjs --first-paint [--runs N]
//
// --first-paint measures only the DINUM page's first contentful paint and
// first draw, with and without the static fragment (`roadmap export
// --html-fragment`, made by ROADMAP_BIN, default target/debug/roadmap)
// inside <roadmap-timeline>; it needs neither vis-timeline nor SYNTHETIC.
//
// Starts a static server on 127.0.0.1 (random port), measures, prints one
// table, stops the server and the browser. Environment: CHROMIUM (default
// /usr/bin/chromium), BENCH_RUNS, BENCH_SYNTHETIC, BENCH_TIMEOUT_S.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../chromium-args.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const dist = path.join(root, "web-widget/dist");
const vis = path.join(here, "node_modules/vis-timeline");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option("--runs", process.env.BENCH_RUNS ?? 5));
/** Loads of each DINUM page per run (see the schedule below). */
const DINUM_LOADS = 3;
const SYNTHETIC = option("--synthetic", process.env.BENCH_SYNTHETIC);
const FIRST_PAINT_ONLY = args.includes("--first-paint");
const ROADMAP_BIN = process.env.ROADMAP_BIN ?? path.join(root, "target/debug/roadmap");
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 900);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const DINUM_TODAY = "2023-09-15";
const SYNTH_TODAY = "2025-01-15";

if (!FIRST_PAINT_ONLY && (!SYNTHETIC || !existsSync(SYNTHETIC))) {
  console.error("bench: give the SYNTHETIC roadmap JSON with --synthetic FILE (or BENCH_SYNTHETIC)");
  process.exit(2);
}
// The widget's module carries a hash of its content in its name.
const widgetWasm = existsSync(dist) ? readdirSync(dist).find((f) => /^roadmap_widget_bg\.[0-9a-f]+\.wasm$/.test(f)) : undefined;
const needed = [path.join(dist, widgetWasm ?? "roadmap_widget_bg.*.wasm")];
if (!FIRST_PAINT_ONLY) needed.push(path.join(vis, "standalone/umd/vis-timeline-graph2d.min.js"));
for (const file of needed) {
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing (run ./scripts/build-widget and npm ci in web-widget/bench)`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- server

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".toml": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};
const MOUNTS = { "/dist/": dist, "/vis/": vis, "/bench/": path.join(here, "pages") };

/** The local file behind a served URL path, or null. */
function fileOf(urlPath) {
  if (urlPath === "/data/synthetic-10000.json") return path.resolve(SYNTHETIC);
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.resolve(dir, "." + decodeURIComponent(urlPath.slice(prefix.length - 1)));
    if (!file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

// Pages made when the bench starts, served from memory.
const made = {};
if (FIRST_PAINT_ONLY) {
  // The widget page with the roadmap's static fragment inside the element.
  const fragment = execFileSync(ROADMAP_BIN, [
    "export", path.join(root, "data/dinum-2023.toml"), "--html-fragment", "--lang", "fr", "--today", DINUM_TODAY,
  ]).toString("utf8");
  const widgetPage = readFileSync(path.join(here, "pages/widget.html"), "utf8");
  const element = '<roadmap-timeline view="timeline"></roadmap-timeline>';
  if (!widgetPage.includes(element)) throw new Error(`bench: pages/widget.html lacks ${element}`);
  made["/bench/widget-fragment.html"] = widgetPage.replace(element, element.replace("><", `>${fragment}<`));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (made[url.pathname]) {
    res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
    res.end(made[url.pathname]);
    return;
  }
  const file = fileOf(url.pathname);
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(readFileSync(file));
});
server.keepAliveTimeout = 1000;

let browser;
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${TIMEOUT_S} s: stopping`);
  server.closeAllConnections?.();
  server.close();
  browser?.close().finally(() => process.exit(1));
  setTimeout(() => process.exit(1), 5000).unref();
}, TIMEOUT_S * 1000);
watchdog.unref();

// ---------------------------------------------------------------- helpers

const gzip9 = (file) => execFileSync("gzip", ["-9", "-c", file], { maxBuffer: 1 << 28 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const stats = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/** A fresh context (cold HTTP and code caches) with a page at 1280×800. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  page.on("requestfinished", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => console.error(`bench: page error: ${error.message}`));
  return { context, page, requests };
}

/**
 * Loads `url`, waits for the first drawn frame; the times since navigation
 * start. The page says it is drawn (or failed) on its console: polling it
 * from here would make Playwright compile its own script on the page's
 * main thread once the page has loaded (12 to 21 ms in traces here), in
 * the middle of the load being measured.
 */
async function firstDraw(page, url) {
  const told = page.waitForEvent("console", {
    predicate: (message) => message.text().startsWith("bench: "),
    timeout: 120_000,
  });
  await page.goto(url, { waitUntil: "load" });
  await told;
  return page.evaluate(async () => {
    const b = window.__bench;
    // The long animation frames up to the first draw (buffered by the browser).
    const loaf = await new Promise((resolve) => {
      const seen = [];
      try {
        const o = new PerformanceObserver((l) => seen.push(...l.getEntries()));
        o.observe({ type: "long-animation-frame", buffered: true });
        setTimeout(() => {
          seen.push(...o.takeRecords());
          o.disconnect();
          resolve(seen);
        }, 100);
      } catch {
        resolve(seen);
      }
    });
    const before = loaf.filter((e) => e.startTime <= b.drawn);
    const longest = before.reduce((a, e) => (e.duration > (a?.duration ?? 0) ? e : a), null);
    b.loadLoaf = {
      total: before.reduce((a, e) => a + e.duration, 0),
      longest: longest ? longest.duration : 0,
      longestStyle: longest ? longest.startTime + longest.duration - (longest.styleAndLayoutStart || longest.startTime + longest.duration) : 0,
    };
    if (b.error) throw new Error(b.error);
    const resources = performance.getEntriesByType("resource").map((r) => ({
      name: new URL(r.name).pathname,
      end: r.responseEnd,
    }));
    return { ...b, resources };
  });
}

// The in-page interaction driver: for each phase, runs its setup moves
// unmeasured, then each measured step, waits two animation frames after
// it, and meanwhile records every frame's rAF delta and the long animation
// frames (> 50 ms) and long tasks the browser reports.
async function interact(page, kind, plan) {
  return page.evaluate(
    async ({ kind, plan }) => {
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      // A long animation frame split into: tasks before rendering (event
      // handlers...), rAF callbacks, then style + layout + paint.
      const split = (e) => {
        if (e.entryType !== "long-animation-frame") return { duration: e.duration };
        const end = e.startTime + e.duration;
        const render = e.renderStart || end;
        const style = e.styleAndLayoutStart || end;
        return { duration: e.duration, tasks: render - e.startTime, raf: style - render, style: end - style };
      };
      const shadow = document.querySelector("roadmap-timeline")?.shadowRoot;
      const button = (group, index) =>
        shadow.querySelector(`.controls .group:nth-of-type(${group}) button:nth-of-type(${index})`);
      const steps = {
        widget: {
          zoomIn: () => button(1, 2).click(),
          zoomOut: () => button(1, 1).click(),
          panLeft: () => button(2, 1).click(),
          panRight: () => button(2, 3).click(),
          where: () => shadow.querySelector(".period").textContent,
        },
        vis: {
          zoomIn: () => timeline.zoomIn(1, { animation: false }),
          zoomOut: () => timeline.zoomOut(1, { animation: false }),
          pan: (sign) => {
            const w = timeline.getWindow();
            const q = ((w.end - w.start) / 4) * sign;
            timeline.setWindow(+w.start + q, +w.end + q, { animation: false });
          },
          where: () => {
            const w = timeline.getWindow();
            return `${w.start.toISOString().slice(0, 10)} – ${w.end.toISOString().slice(0, 10)}`;
          },
        },
      }[kind];
      if (kind === "vis") {
        steps.panLeft = () => steps.pan(-1);
        steps.panRight = () => steps.pan(1);
      }
      const out = {};
      for (const [phase, { setup, moves }] of Object.entries(plan)) {
        for (const move of setup) {
          await new Promise((r) => setTimeout(r, 0));
          steps[move]();
          await raf();
          await raf();
        }
        const before = steps.where();
        await raf();
        await raf();
        const deltas = [];
        const loaf = [];
        const longtask = [];
        const observers = [];
        for (const [type, list] of [["long-animation-frame", loaf], ["longtask", longtask]]) {
          try {
            const o = new PerformanceObserver((l) => l.getEntries().forEach((e) => list.push(split(e))));
            o.observe({ type, buffered: false });
            observers.push(o);
          } catch {}
        }
        let running = true;
        let last = performance.now();
        const loop = (t) => {
          deltas.push(t - last);
          last = t;
          if (running) requestAnimationFrame(loop);
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(loop);
        });
        await raf();
        const t0 = performance.now();
        for (const move of moves) {
          // From a task of its own, as an input event would run.
          await new Promise((r) => setTimeout(r, 0));
          steps[move]();
          await raf();
          await raf();
        }
        const elapsed = performance.now() - t0;
        await raf();
        await raf();
        running = false;
        await new Promise((r) => setTimeout(r, 50));
        observers.forEach((o) => {
          o.takeRecords().forEach((e) => (e.entryType === "longtask" ? longtask : loaf).push(split(e)));
          o.disconnect();
        });
        out[phase] = { deltas, loaf, longtask, elapsed, steps: moves.length, before, after: steps.where() };
      }
      return out;
    },
    { kind, plan },
  );
}

// Each phase: its setup moves, not measured (the pans start from a window
// zoomed in twice, which the zoom phase measures), then its measured steps.
const PLAN = {
  zoom: {
    setup: [],
    moves: [
      ...Array(5).fill("zoomIn"),
      ...Array(5).fill("zoomOut"),
      ...Array(5).fill("zoomIn"),
      ...Array(5).fill("zoomOut"),
    ],
  },
  pan: {
    setup: ["zoomIn", "zoomIn"],
    moves: [...Array(10).fill("panRight"), ...Array(10).fill("panLeft")],
  },
};

// ---------------------------------------------------------------- run

await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(0, "127.0.0.1", resolve);
});
const base = `http://127.0.0.1:${server.address().port}`;
const pages = {
  widgetDinum: `${base}/bench/widget.html?src=/dist/dinum-2023.json&lang=fr&today=${DINUM_TODAY}`,
  visDinum: `${base}/bench/vis.html?src=/dist/dinum-2023.json`,
  widgetSynth: `${base}/bench/widget.html?src=/data/synthetic-10000.json&lang=en&today=${SYNTH_TODAY}`,
  visSynth: `${base}/bench/vis.html?src=/data/synthetic-10000.json`,
  // The same roadmap from its TOML: the page that also fetches the full loader.
  widgetToml: `${base}/bench/widget.html?src=/dist/dinum-2023.toml&lang=fr&today=${DINUM_TODAY}`,
};

// ---------------------------------------------------------------- first paint

/**
 * The DINUM page with and without the fragment: first contentful paint,
 * first draw of the widget, and the layout shift up to it; one table.
 */
async function firstPaints(base) {
  const pages = {
    "widget alone": `${base}/bench/widget.html?src=/dist/dinum-2023.json&lang=fr&today=${DINUM_TODAY}`,
    "widget over the fragment": `${base}/bench/widget-fragment.html?src=/dist/dinum-2023.json&lang=fr&today=${DINUM_TODAY}`,
  };
  // As served here, and over a slow link (Chromium's network emulation,
  // as DevTools' "3G": 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up).
  const links = {
    "": null,
    ", slow link": { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  };
  const measured = {};
  const cases = Object.entries(links).flatMap(([link, conditions]) =>
    Object.entries(pages).map(([page, url]) => [page + link, url, conditions]),
  );
  for (const [name, url, conditions] of cases) {
    // One untimed load first, as for every measure.
    for (let run = -1; run < RUNS; run++) {
      const { context, page } = await freshPage();
      try {
        if (conditions) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("Network.enable");
          await cdp.send("Network.emulateNetworkConditions", conditions);
        }
        await page.addInitScript(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
          }).observe({ type: "layout-shift", buffered: true });
        });
        const b = await firstDraw(page, url);
        const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
        const shift = await page.evaluate(() => window.__shift);
        if (run < 0) continue;
        const m = (measured[name] ??= { fcp: [], draw: [], shift: [] });
        m.fcp.push(fcp);
        m.draw.push(b.drawn);
        m.shift.push(shift);
      } finally {
        await context.close();
      }
    }
  }
  const ms = (s) => `${s.med.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
  const lines = [
    `DINUM 2023 page, first paint — headless ${browser.version()}, 1280×800, ${RUNS} runs each after one untimed load (fresh context per run); ms from navigation start, median [min–max]`,
    `   ${"page".padEnd(37)} ${"first contentful paint".padStart(24)} ${"first draw".padStart(24)} ${"layout shift".padStart(22)}`,
  ];
  for (const [name, m] of Object.entries(measured)) {
    const shift = stats(m.shift);
    lines.push(
      `   ${name.padEnd(37)} ${ms(stats(m.fcp)).padStart(24)} ${ms(stats(m.draw)).padStart(24)} ${`${shift.med.toFixed(3)} [${shift.min.toFixed(3)}–${shift.max.toFixed(3)}]`.padStart(22)}`,
    );
  }
  return lines.join("\n");
}

if (FIRST_PAINT_ONLY) {
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    console.log(await firstPaints(base));
  } finally {
    clearTimeout(watchdog);
    await browser?.close();
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
  process.exit(0);
}

const results = {};
const notes = [];
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  console.error(`bench: ${browser.version()} on ${base}, ${RUNS} runs each`);

  // 1. What each page actually fetched (from the first run), gzip -9 of each.
  const loaded = {};

  // One untimed load of each page first, so that no measure pays for the
  // browser's own start-up (first renderer, first network stack use).
  for (const url of Object.values(pages)) {
    const { context, page } = await freshPage();
    try {
      await firstDraw(page, url);
    } finally {
      await context.close();
    }
  }

  // Run by run, the pages in turn: the widget and vis-timeline are
  // measured side by side, so that the machine's drift (±30 % here over
  // minutes) weighs on both sides of each ratio alike. The DINUM pages
  // load DINUM_LOADS times per run, alternating: a load takes a second,
  // and their medians moved most from run to run.
  const schedule = [
    ...Array.from({ length: DINUM_LOADS }, () => ["widgetDinum", "visDinum"]).flat(),
    "widgetSynth",
    "visSynth",
    "widgetToml",
  ];
  for (let run = 0; run < RUNS; run++) {
    for (const name of schedule) {
      const url = pages[name];
      const kind = name.startsWith("widget") ? "widget" : "vis";
      const synth = name.endsWith("Synth");
      const r = (results[name] ??= { draw: [], parts: [], frames: {} });
      const { context, page, requests } = await freshPage();
      try {
        const b = await firstDraw(page, url);
        r.draw.push(b.drawn);
        r.parts.push(b);
        if (run === 0) loaded[name] = requests.map((u) => new URL(u).pathname);
        if (synth) {
          const f = await interact(page, kind, PLAN);
          for (const [phase, m] of Object.entries(f)) {
            (r.frames[phase] ??= []).push(m);
          }
          if (run === 0) {
            for (const [phase, m] of Object.entries(f)) {
              notes.push(`${kind} ${phase}: ${m.steps} steps, window ${m.before} → ${m.after}`);
            }
          }
        }
        if (run === 0 && kind === "vis") r.items = b.items;
      } finally {
        await context.close();
      }
    }
    console.error(`bench: run ${run + 1} of ${RUNS} done`);
  }

  // ------------------------------------------------------------ table
  const isLib = (p) => !p.startsWith("/bench/") && !p.endsWith(".json") && !p.endsWith(".toml");
  const files = (name) => [...new Set(loaded[name].filter(isLib))];
  const local = (p) => fileOf(p);
  const sizeRows = (name) =>
    files(name).map((p) => ({ path: p, raw: statSync(local(p)).size, gz: gzip9(local(p)) }));
  const wFiles = sizeRows("widgetDinum");
  const vFiles = sizeRows("visDinum");
  const tFiles = sizeRows("widgetToml");
  const sum = (rows, k) => rows.reduce((a, r) => a + r[k], 0);
  const kb = (n) => (n / 1024).toFixed(1);
  const ms = (s) => `${s.med.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;

  const lines = [];
  const out = (s = "") => lines.push(s);
  out(`roadmap-timeline widget vs vis-timeline 8.5.4 — headless ${browser.version()}, 1280×800, ${RUNS} runs after one untimed warm-up load of each page (fresh context per load: cold HTTP cache; the pages taken in turn within each run, the DINUM ones ${DINUM_LOADS} times each)`);
  out(`times in ms from navigation start (first draw = end of the first frame painted with bars/items): median [min–max]; the 10,000-milestone roadmap is SYNTHETIC data (roadmap-core example \`synthetic\`)`);
  out();
  out("1. Transfer size of what a page loads for the timeline (files the page requested; gzip -9, KiB)");
  out(`   ${"file".padEnd(56)} ${"raw KiB".padStart(9)} ${"gzip -9 KiB".padStart(12)}`);
  for (const [label, rows] of [["widget", wFiles], ["vis-timeline", vFiles], ["widget, TOML page", tFiles]]) {
    for (const f of rows) out(`   ${(label + " " + f.path).padEnd(56)} ${kb(f.raw).padStart(9)} ${kb(f.gz).padStart(12)}`);
    out(`   ${(label + " total").padEnd(56)} ${kb(sum(rows, "raw")).padStart(9)} ${kb(sum(rows, "gz")).padStart(12)}`);
  }
  const wGz = sum(wFiles, "gz");
  const vGz = sum(vFiles, "gz");
  out(`   ratio widget/vis-timeline (gzip total): ${(wGz / vGz).toFixed(2)}   aim: widget ≤ 120 KB gzip → ${wGz <= 120 * 1000 ? "met" : "NOT met"} (${(wGz / 1000).toFixed(1)} kB)`);
  out(`   (data, not counted: dinum-2023.json ${kb(gzip9(local("/dist/dinum-2023.json")))} KiB gz; synthetic-10000.json ${kb(statSync(SYNTHETIC).size)} KiB raw, ${kb(gzip9(SYNTHETIC))} KiB gz)`);
  out();

  const row = (label, w, v, aim) => {
    const ratio = v.med >= 1 ? (w.med / v.med).toFixed(2) : "n/a";
    out(`   ${label.padEnd(34)} ${ms(w).padStart(24)} ${ms(v).padStart(24)} ${ratio.padStart(7)}   ${aim}`);
  };
  out(`   ${"measure".padEnd(34)} ${"widget".padStart(24)} ${"vis-timeline".padStart(24)} ${"w/vis".padStart(7)}   aim`);
  out("2. DINUM 2023 (real data, 25 KiB JSON)");
  const wd = stats(results.widgetDinum.draw);
  row("first draw", wd, stats(results.visDinum.draw), `< 100 ms → ${wd.med < 100 ? "met" : "NOT met"} (median)`);
  const wasmEnd = (r) => stats(r.parts.map((p) => p.resources.find((x) => x.name.endsWith(".wasm"))?.end ?? NaN));
  const jsonEnd = (r) => stats(r.parts.map((p) => p.resources.find((x) => x.name.endsWith(".json"))?.end ?? NaN));
  const visLibEnd = (r) => stats(r.parts.map((p) => p.resources.find((x) => x.name.endsWith(".min.js"))?.end ?? NaN));
  out(`     drawn (before the frame's style/layout/paint): widget's roadmap-drawn event ${ms(stats(results.widgetDinum.parts.map((p) => p.found)))}, vis drawn frame's rAF ${ms(stats(results.visDinum.parts.map((p) => p.found)))}`);
  out(`     widget: wasm received at ${ms(wasmEnd(results.widgetDinum))}, JSON received at ${ms(jsonEnd(results.widgetDinum))}`);
  out(`     vis: library received at ${ms(visLibEnd(results.visDinum))}, JSON received at ${ms(jsonEnd(results.visDinum))}`);
  const loafLine = (name) => {
    const p = results[name].parts.map((x) => x.loadLoaf);
    return `longest frame before the draw ${ms(stats(p.map((x) => x.longest)))} (style+layout+paint ${ms(stats(p.map((x) => x.longestStyle)))}), all long frames before it ${ms(stats(p.map((x) => x.total)))}`;
  };
  out(`     widget: ${loafLine("widgetDinum")}`);
  out(`     vis: ${loafLine("visDinum")}`);
  out(`3./4. SYNTHETIC roadmap, 10,000 milestones (10 axes, 500 missions); vis-timeline: ${results.visSynth.items} items (the dated milestones), 10 groups`);
  const ws = stats(results.widgetSynth.draw);
  row("first draw", ws, stats(results.visSynth.draw), `< 500 ms → ${ws.med < 500 ? "met" : "NOT met"} (median)`);
  out(`     drawn (before the frame's style/layout/paint): widget's roadmap-drawn event ${ms(stats(results.widgetSynth.parts.map((p) => p.found)))}, vis drawn frame's rAF ${ms(stats(results.visSynth.parts.map((p) => p.found)))}`);
  out(`     widget: wasm received at ${ms(wasmEnd(results.widgetSynth))}, JSON received at ${ms(jsonEnd(results.widgetSynth))}`);
  out(`     widget: ${loafLine("widgetSynth")}`);
  out(`     vis: ${loafLine("visSynth")}`);
  const vp = results.visSynth.parts;
  out(`     vis: JSON parsed at ${ms(stats(vp.map((p) => p.fetched)))}, items converted at ${ms(stats(vp.map((p) => p.converted)))}, Timeline constructed at ${ms(stats(vp.map((p) => p.constructed)))}`);
  for (const phase of Object.keys(PLAN)) {
    const per = (name, f) => stats(results[name].frames[phase].map(f));
    const label = phase === "zoom" ? "zoom (+/− ×20, buttons/zoomIn)" : "pan (◀/▶ ×20, ±¼ window)";
    out(`   ${label}`);
    const maxF = (m) => Math.max(...m.deltas);
    const p95F = (m) => percentile(m.deltas, 95);
    const longest = (m) => m.loaf.reduce((a, e) => (e.duration > a.duration ? e : a), { duration: 0, tasks: 0, raf: 0, style: 0 });
    const loafMax = (m) => longest(m).duration;
    const loafN = (m) => m.loaf.length;
    const perStep = (m) => m.elapsed / m.steps;
    const w = (f) => per("widgetSynth", f);
    const v = (f) => per("visSynth", f);
    const wmax = w(maxF);
    row("  max frame (rAF delta)", wmax, v(maxF), `no frame > 50 ms → ${wmax.max <= 50 ? "met" : "NOT met"} (worst run)`);
    row("  p95 frame (rAF delta)", w(p95F), v(p95F), "");
    row("  longest long-animation-frame", w(loafMax), v(loafMax), "(0 = none over 50 ms)");
    row("    of which tasks (input handlers)", w((m) => longest(m).tasks), v((m) => longest(m).tasks), "");
    row("    of which rAF callbacks", w((m) => longest(m).raf), v((m) => longest(m).raf), "");
    row("    of which style+layout+paint", w((m) => longest(m).style), v((m) => longest(m).style), "");
    row("  long animation frames (count)", w(loafN), v(loafN), "");
    row("  time per step (action + 2 frames)", w(perStep), v(perStep), "(2 frames ≈ 33 ms at 60 Hz)");
  }
  out();
  out("interactions (run 1):");
  for (const n of notes) out(`   ${n}`);
  console.log(lines.join("\n"));
} finally {
  clearTimeout(watchdog);
  await browser?.close();
  server.closeAllConnections?.();
  await new Promise((r) => server.close(r));
}
