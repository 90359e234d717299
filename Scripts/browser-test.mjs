// Drives headless Chromium over the DevTools protocol through every page of rendered sites:
// no console errors, no KaTeX errors, no sideways scrolling at 390 px, every internal
// href/src resolves, search finds the expected lectures, and the fixture course's Obsidian
// notes render as images, links and callouts; the phone menu opens and closes; and (with
// LECTERN_SERVE_URL/LECTERN_SERVE_SOURCE set) a page open in `lectern serve` reloads by itself
// after an edit of its lecture, keeping its scroll position, and shows a new error at file:line:col.
// Usage: node --experimental-websocket Scripts/browser-test.mjs DEVTOOLS-PORT FIXTURE-SITE [OTHER-SITE…]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [port, fixture, ...others] = process.argv.slice(2);
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

// --- a minimal DevTools client -------------------------------------------------------------
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = targets.find((t) => t.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
let nextId = 0;
const pending = new Map();
const listeners = new Set();
ws.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id !== undefined) {
    const { resolve, reject, method } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result);
  } else {
    for (const listener of listeners) listener(message);
  }
};
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject, method });
    ws.send(JSON.stringify({ id, method, params }));
  });

let consoleErrors = [];
listeners.add(({ method, params }) => {
  if (method === "Runtime.exceptionThrown") consoleErrors.push(params.exceptionDetails.exception?.description ?? params.exceptionDetails.text);
  if (method === "Runtime.consoleAPICalled" && (params.type === "error" || params.type === "assert"))
    consoleErrors.push(params.args.map((a) => a.value ?? a.description).join(" "));
  if (method === "Log.entryAdded" && params.entry.level === "error") consoleErrors.push(`${params.entry.text} ${params.entry.url ?? ""}`);
});
await send("Runtime.enable");
await send("Log.enable");
await send("Page.enable");
await send("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 1, mobile: true });

async function open(url) {
  consoleErrors = [];
  const loaded = new Promise((resolve) => {
    const listener = ({ method }) => {
      if (method === "Page.loadEventFired") {
        listeners.delete(listener);
        resolve();
      }
    };
    listeners.add(listener);
  });
  await send("Page.navigate", { url });
  await Promise.race([loaded, new Promise((r) => setTimeout(r, 10000))]);
  await new Promise((r) => setTimeout(r, 50));
}

async function evaluate(expression) {
  const { result, exceptionDetails } = await send("Runtime.evaluate", { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`evaluation failed: ${exceptionDetails.text}`);
  return result.value;
}

// --- every page of a site --------------------------------------------------------------------
const inspect = `(() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.parentElement.closest("pre, table, .math-block, .math, .nn-tensor, .nn-outputs, .nn-error, svg, .katex-display"))
    .slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""));
  return {
    overflow: document.documentElement.scrollWidth - width,
    wide,
    katexErrors: document.querySelectorAll(".katex-error, .math-error").length,
    untypeset: [...document.querySelectorAll(".math")].filter((e) => !e.querySelector(".katex")).length,
    urls: [...document.querySelectorAll("a[href], img[src], link[href], script[src]")].map((e) => e.href || e.src),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    brokenImages: [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src),
  };
})()`;

function htmlFiles(root) {
  const found = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory() && entry.name !== "assets") found.push(...htmlFiles(full));
    if (entry.isFile() && entry.name.endsWith(".html")) found.push(full);
  }
  return found.sort();
}

async function checkSite(root) {
  const pages = htmlFiles(root);
  const idsByFile = new Map();
  const anchors = [];
  for (const file of pages) {
    const where = path.relative(root, file);
    await open(pathToFileURL(file).href);
    const facts = await evaluate(inspect);
    idsByFile.set(file, new Set(facts.ids));
    for (const e of consoleErrors) fail(where, `console error: ${e}`);
    if (facts.katexErrors > 0) fail(where, `${facts.katexErrors} KaTeX error(s)`);
    if (facts.untypeset > 0) fail(where, `${facts.untypeset} math element(s) not typeset`);
    if (facts.overflow > 0) fail(where, `scrolls sideways by ${facts.overflow}px at 390px (${facts.wide.join(", ")})`);
    for (const src of facts.brokenImages) fail(where, `image does not load: ${src}`);
    for (const url of facts.urls) {
      if (!url.startsWith("file:")) continue;
      const [base, hash] = url.split("#");
      const target = fileURLToPath(base.split("?")[0]);
      if (!fs.existsSync(target)) fail(where, `link target missing: ${path.relative(root, target)}`);
      else if (hash) anchors.push({ where, target, id: decodeURIComponent(hash) });
    }
  }
  // Printing: code, outputs, logs and errors wrap instead of being clipped.
  await send("Emulation.setEmulatedMedia", { media: "print" });
  for (const file of pages) {
    await open(pathToFileURL(file).href);
    const clipped = await evaluate(`[...document.querySelectorAll("pre, .nn-error, details.nn-log")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1).slice(0, 3).map((e) => e.textContent.slice(0, 40))`);
    for (const text of clipped) fail(path.relative(root, file), `clipped when printed: ${JSON.stringify(text)}`);
  }
  await send("Emulation.setEmulatedMedia", { media: "" });
  for (const { where, target, id } of anchors) {
    const ids = idsByFile.get(target);
    if (ids && !ids.has(id)) fail(where, `anchor #${id} not found in ${path.relative(root, target)}`);
  }
  return pages.length;
}

async function searchFor(root, query) {
  await open(pathToFileURL(path.join(root, "search.html")).href + "?q=" + encodeURIComponent(query));
  for (const e of consoleErrors) fail(`search.html?q=${query}`, `console error: ${e}`);
  return evaluate(`[...document.querySelectorAll("#search-results a")].map((a) => a.getAttribute("href"))`);
}

// --- the fixture course's own expectations ----------------------------------------------------
const expectations = {
  "week2/perceptron.html": {
    "img.embed[src='../media/diagram.svg']": 1,
    "a.wikilink[href='../intro.html']": 1,
    "a.wikilink[href='../intro.html#wide-things']": 1,
    "article a[href='../intro.html']:not(.wikilink)": 1,
    "div.callout.callout-note .callout-title": 1,
    "details.callout.callout-warning:not([open])": 1,
    ".math-block + hr": 1,
    "h2 .katex": 1,
    "nav.toc .katex": 1,
    "article p:not(.tags) a.tag[href='../tags/perceptron.html']": 1,
    "nav.site-nav a[aria-current]": 1,
    "nav.pager a.prev[href='../intro.html']": 1,
    "nav.pager a.next[href='../notes.html']": 1,
    "p.source a.download[href='perceptron.ipynb']": 1,
    "p.source a.download[href='perceptron.md']": 1,
  },
  "intro.html": {
    "a[href='week2/perceptron.html#the-and-gate']": 1,
    "a[href='data/points.csv']": 1,
    "a.wikilink[href='notes.html']": 1,
    "article p:not(.tags) a.tag[href='tags/overview.html']": 1,
    "pre code.language-python .tok-num": 17,
    "button.copy": 4,
  },
  "notes.html": { "div.embed strong": 1, "a.tag[href*='not-a-tag']": 0 },
  "index.html": { "ol.lectures > li": 4, "p.summary": 4 },
};

async function checkFixture(root) {
  for (const [file, selectors] of Object.entries(expectations)) {
    await open(pathToFileURL(path.join(root, file)).href);
    for (const [selector, count] of Object.entries(selectors)) {
      const n = await evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
      if (n !== count) fail(file, `expected ${count} × ${selector}, found ${n}`);
    }
  }
  const searches = { perceptron: ["week2/perceptron.html"], backpropagation: ["glossary.html"] };
  for (const [query, expected] of Object.entries(searches)) {
    const hits = await searchFor(root, query);
    if (!expected.every((e) => hits.includes(e)) || (query === "backpropagation" && hits.length !== 1))
      fail(`search.html?q=${query}`, `found [${hits.join(", ")}], expected [${expected.join(", ")}]`);
  }
}

// --- the phone menu: at 390 px the lecture list hides behind the ☰ button -------------------
const visibleLinks = `[...document.querySelectorAll("nav.site-nav a")].filter((a) => a.getBoundingClientRect().height > 0).length`;

async function tap(selector) {
  const box = await evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
  for (const type of ["mousePressed", "mouseReleased"])
    await send("Input.dispatchMouseEvent", { type, x: box.x, y: box.y, button: "left", clickCount: 1 });
  await new Promise((r) => setTimeout(r, 100));
}

async function checkPhoneMenu(root) {
  await open(pathToFileURL(path.join(root, "intro.html")).href);
  const where = "intro.html (phone menu)";
  if ((await evaluate(visibleLinks)) !== 0) fail(where, "the lecture list shows before the menu is opened");
  await tap("label.menu-button");
  const shown = await evaluate(visibleLinks);
  if (shown !== 4) fail(where, `the opened menu shows ${shown} lecture links, expected 4`);
  await tap("label.menu-button");
  if ((await evaluate(visibleLinks)) !== 0) fail(where, "the menu does not close again");
}

// --- live reload: an open page of `lectern serve` follows edits of its lecture ----------------
async function waitFor(expression, seconds) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await evaluate(expression).catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

let liveNote = "";
async function checkLiveReload(url, source) {
  const where = "lectern serve";
  await open(url);
  const original = fs.readFileSync(source, "utf8");
  // Scroll down, and mark this document: a reload makes a new one without the mark.
  const scrolled = await evaluate(`(() => { scrollTo(0, Math.min(400, document.documentElement.scrollHeight - innerHeight));
    window.lecternMark = true; return Math.round(scrollY); })()`);
  const word = `liveword${Date.now()}`;
  fs.writeFileSync(source, original + `\nAn edit: ${word}.\n`);
  if (!(await waitFor(`!window.lecternMark && document.body.innerText.includes(${JSON.stringify(word)})`, 20)))
    fail(where, "the open page did not reload with the edit by itself");
  else if (!(await waitFor(`Math.abs(scrollY - ${scrolled}) <= 2`, 3)))
    fail(where, `the reload lost the scroll position (${scrolled}px before, ${await evaluate("Math.round(scrollY)")}px after)`);
  // An error in the lecture shows in the page with file:line:col.
  const lines = original.split("\n").length;
  fs.writeFileSync(source, original + "\n```nn\nundefined_name_in_edit + 1\n```\n");
  const located = new RegExp(`${path.basename(source).replace(".", "\\.")}:${lines + 2}:\\d+`).source;
  if (!(await waitFor(`[...document.querySelectorAll(".nn-error")].some((e) => /NameError/.test(e.textContent)
      && new RegExp(${JSON.stringify(located)}).test(e.textContent))`, 20)))
    fail(where, `the error of an edit did not show in the page at ${path.basename(source)}:${lines + 2}:col`);
  fs.writeFileSync(source, original);
  liveNote = `; serve reloaded the open page after an edit (scroll kept at ${scrolled}px) and showed its error`;
}

const started = Date.now();
let count = await checkSite(fixture);
await checkFixture(fixture);
await checkPhoneMenu(fixture);
if (process.env.LECTERN_SERVE_URL) await checkLiveReload(process.env.LECTERN_SERVE_URL, process.env.LECTERN_SERVE_SOURCE);
for (const site of others) count += await checkSite(site);
ws.close();
if (failures.length > 0) {
  console.error(failures.join("\n"));
  console.error(`browser test: ${failures.length} problem(s) in ${count} pages`);
  process.exit(1);
}
console.log(`browser test: ${count} pages ok, phone menu ok${liveNote}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
