// Browser benchmark of the annotator (not a test: it prints figures).
// Usage: node tests/e2e/bench.mjs   (after `trunk build --release`)
// Measures, in Debian's headless Chromium against dist/ on 127.0.0.1:
// navigation to an interactive page (cold, and from the service worker's
// cache), import-analyse-paint of a 1 MB
// article, key press to paint on it, scroll frames on it, a team of three
// compared on it and keys in its adjudication view, the statements view
// over 50 articles (`node tests/e2e/bench.mjs statements` runs it alone),
// the WASM core's
// MB/s, JS heap, and the
// release wasm's size raw and gzipped. Writes target/browser-bench.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, DIST, serve, launch, article } from './support.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Records in the page when the first sentence is painted: the animation
 * frame after it enters the DOM, on the page's own clock (from the start
 * of the navigation). Read in the page, so the harness's polling and its
 * round trips are not counted.
 */
function firstSentenceClock() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=sentence]')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstSentence = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Three annotators' exports of `text`, written to files: every quotation
 * (between “ and ”) is a quote by "Speaker N" and every sentence with a
 * per cent sign a claim. bob leaves out every 7th quote and ends every 5th
 * claim a character early; cal names another speaker for every 11th quote.
 */
function teamOf(text) {
  const points = (i) => Array.from(text.slice(0, i)).length;
  const quotes = [];
  for (const m of text.matchAll(/“([^”]{1,400})”/g)) {
    const start = points(m.index + 1);
    quotes.push([start, start + Array.from(m[1]).length, m[1]]);
  }
  const claims = [];
  for (const m of text.matchAll(/[^.\n]*%[^.\n]*\./g)) {
    const start = points(m.index);
    claims.push([start, start + Array.from(m[0]).length, m[0]]);
  }
  const ann = (label, [start, end, body], i, speaker = null) => ({
    id: `${label}${i}`, label, start, end, text: body, kind: label === 'quote' ? 'direct' : null,
    speaker, speaker_span: null, cue: null, confidence: 1, speaker_confidence: null, origin: 'annotator', status: 'accepted',
  });
  const make = (name, quote, claim) => ({
    format: 'hearsay', version: 1, offsets: 'codepoint', annotator: name,
    documents: [{ id: 'big', name: 'big.txt', text, sentences: [], annotations: [
      ...quotes.flatMap((q, i) => quote(q, i)), ...claims.flatMap((c, i) => claim(c, i)),
    ] }],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-bench-'));
  const files = [
    make('ann', (q, i) => [ann('quote', q, i, `Speaker ${i % 40}`)], (c, i) => [ann('claim', c, i)]),
    make('bob', (q, i) => (i % 7 === 0 ? [] : [ann('quote', q, i, `Speaker ${i % 40}`)]),
      (c, i) => [ann('claim', i % 5 === 0 ? [c[0], c[1] - 1, Array.from(c[2]).slice(0, -1).join('')] : c, i)]),
    make('cal', (q, i) => [ann('quote', q, i, i % 11 === 0 ? 'Someone Else' : `Speaker ${i % 40}`)], (c, i) => [ann('claim', c, i)]),
  ].map((e) => {
    const file = path.join(dir, `${e.annotator}.json`);
    fs.writeFileSync(file, JSON.stringify(e));
    return file;
  });
  return { files, quotes: quotes.length, claims: claims.length };
}

/**
 * Times 30 presses of `key` in the page. `dom` is the time until the
 * handler and every reactive update have run (a MessageChannel task queued
 * after the key event runs once they are done); `frame` the time until the
 * next animation frame, the first moment the browser can paint the change.
 * After each press `then` (if any) is pressed untimed, to undo or move on.
 */
function timeKey(page, key, then) {
  return page.evaluate(async ([key, then]) => {
    const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const press = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    const dom = [];
    const frames = [];
    for (let i = 0; i < 30; i++) {
      await frame();
      await task();
      const t0 = performance.now();
      press(key);
      await task();
      dom.push(performance.now() - t0);
      await frame();
      frames.push(performance.now() - t0);
      if (then) press(then);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { dom, frames };
  }, [key, then]);
}

/**
 * 50 articles of about 3 KB on one set of events: 40 speakers, each with
 * a statement of 12 words of its own; each article carries 8 of them, a
 * word in four of them worded otherwise, between background sentences.
 */
function outlets() {
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'zel', 'or', 'pin', 'dra', 'sem', 'bel', 'nox', 'fi', 'gar', 'tul'];
  const word = (n) => Array.from({ length: n }, () => syllables[next(16)]).join('');
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  const speakers = Array.from({ length: 40 }, () => `${cap(word(2))} ${cap(word(3))}`);
  const pool = Array.from({ length: 300 }, () => word(3));
  const said = speakers.map(() => Array.from({ length: 12 }, () => pool[next(300)]));
  const files = [];
  for (let a = 0; a < 50; a++) {
    const parts = [`Outlet ${a + 1} reports on the regional budget talks.`];
    for (let q = 0; q < 8; q++) {
      const s = next(speakers.length);
      const text = said[s].map((w) => (next(12) === 0 ? pool[next(300)] : w)).join(' ');
      parts.push(`“${cap(text)},” ${speakers[s]} said on Tuesday.`);
      parts.push('The talks resumed after a long break in the afternoon session. Delegates from every district attended the meeting in the hall.');
    }
    files.push({ name: `outlet-${String(a + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(parts.join(' ')) });
  }
  return files;
}

/** The statements view over `outlets()`, in a page of its own; its figures go to `results`. */
async function statementsView(results) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('import-file').setInputFiles(outlets());
  await page.locator('[data-testid=document-item] .name', { hasText: 'outlet-50.txt' }).waitFor();
  const documents = await page.getByTestId('document-item').count();
  // Each opening after a reload (the work restored from storage): the
  // grouping and the drawing, as after any change.
  const times = [];
  for (let i = 0; i < 7; i++) {
    await page.reload();
    await page.locator('[data-testid=document-item] .name', { hasText: 'outlet-50.txt' }).waitFor();
    await page.getByTestId('tab-statements').waitFor();
    times.push(await page.evaluate(async () => {
      const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', bubbles: true }));
      for (let k = 0; k < 100000 && !document.querySelector('[data-testid=statements-summary]'); k++) await task();
      return performance.now() - t0;
    }));
    await page.keyboard.press('o');
  }
  await page.keyboard.press('o');
  await page.getByTestId('statements-summary').waitFor();
  const statements = await page.getByTestId('statement').count();
  await page.keyboard.press('o');
  const keys = await timeKey(page, 'o', 'o');
  results.statements_view_50_articles = {
    documents,
    statements,
    open_to_drawn_ms: { median: round(median(times)), max: round(Math.max(...times)) },
    key_o_dom_ms: { median: round(median(keys.dom)), p95: round(p95(keys.dom)) },
  };
  await context.close();
}

/** The first sentence's paint time of the page loading in `page`. */
async function firstSentence(page) {
  await page.waitForFunction(() => window.__firstSentence !== undefined, null, { polling: 'raf' });
  return page.evaluate(() => window.__firstSentence);
}

const server = await serve();
const browser = await launch();
const results = {};
if (process.argv[2] === 'statements') {
  try {
    await statementsView(results);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
try {
  // 1. Navigation to interactive (the demo article's first sentence painted).
  const loads = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    await context.addInitScript(firstSentenceClock);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    loads.push(await firstSentence(page));
    await context.close();
  }
  results.navigation_to_interactive_ms = { median: round(median(loads)), max: round(Math.max(...loads)) };

  // 1b. The same from the service worker's cache: one visit installs it,
  // then each reload is served from the cache (the network is cut off, so
  // nothing else can serve it).
  {
    const context = await browser.newContext();
    await context.addInitScript(firstSentenceClock);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
    await context.setOffline(true);
    const cached = [];
    for (let i = 0; i < 7; i++) {
      await page.reload({ waitUntil: 'commit' });
      cached.push(await firstSentence(page));
    }
    results.navigation_from_worker_cache_ms = { median: round(median(cached)), max: round(Math.max(...cached)) };
    await context.close();
  }

  // 2. Import of a 1 MB article, analysed and painted.
  const big = article(1_000_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(server.url);
  await page.getByTestId('sentence').first().waitFor();
  await page.evaluate((text) => {
    const area = document.querySelector('[data-testid=import-text]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  const importMs = await page.evaluate(async () => {
    const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    document.querySelector('[data-testid=import-submit]').click();
    await painted();
    return performance.now() - t0;
  });
  const sentences = await page.evaluate(() => document.querySelectorAll('[data-testid=document-item]').length);
  results.import_1mb = { bytes: Buffer.byteLength(big), analyse_and_paint_ms: round(importMs), documents: sentences };

  // 3. Key press to paint on that document: moves, accepts, toggles.
  const keyTimes = {};
  for (const key of ['j', 'a', 'c', 'k', 'x']) {
    keyTimes[key] = await timeKey(page, key, key !== 'j' && key !== 'k' ? 'j' : null);
  }
  results.key_to_paint_ms = Object.fromEntries(
    Object.entries(keyTimes).map(([k, t]) => [k, {
      dom_median: round(median(t.dom)), dom_p95: round(p95(t.dom)),
      frame_median: round(median(t.frames)), frame_p95: round(p95(t.frames)),
    }]),
  );
  // 3b. Scrolling that document: each step scrolls most of a screen and
  // fires the scroll event at once, then waits for every reactive update
  // and forces style and layout. The time is the main thread's work for
  // one frame of scrolling (paint runs on the compositor).
  const scroll = await page.evaluate(async () => {
    const task = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    window.scrollTo(0, 0);
    await frame();
    await task();
    const step = Math.round(window.innerHeight * 0.8);
    const times = [];
    for (let i = 0; i < 300; i++) {
      await frame();
      const t0 = performance.now();
      window.scrollBy(0, step);
      window.dispatchEvent(new Event('scroll'));
      await task();
      document.body.getBoundingClientRect();
      times.push(performance.now() - t0);
    }
    const rows = [...document.querySelectorAll('[data-testid=sentence]')].map((r) => Number(r.getAttribute('aria-posinset')));
    return { times, step, reached: Math.max(...rows), of: Number(document.querySelector('[data-testid=sentence]').getAttribute('aria-setsize')) };
  });
  results.scroll_frame_ms = {
    steps: scroll.times.length,
    px_per_step: scroll.step,
    reached_row: scroll.reached,
    rows: scroll.of,
    median: round(median(scroll.times)),
    p95: round(p95(scroll.times)),
    max: round(Math.max(...scroll.times)),
  };
  // 3c. A team of three on that article: from the file input's change to
  // the agreement table in the DOM (reading the files, matching, the
  // adjudication document, the figures, the first draw), on the page's
  // clock; then keys in the adjudication view, timed as above.
  const team = teamOf(big);
  await page.evaluate(() => {
    document.addEventListener('change', (e) => {
      if (e.target.dataset?.testid === 'import-team') window.__teamT0 = performance.now();
    }, true);
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=agreement-table]')) {
        observer.disconnect();
        window.__teamT1 = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.getByTestId('import-team').setInputFiles(team.files);
  await page.waitForFunction(() => window.__teamT1 !== undefined, null, { polling: 'raf' });
  const compared = await page.evaluate(() => ({
    ms: window.__teamT1 - window.__teamT0,
    progress: document.querySelector('[data-testid=adjudication-progress]').textContent,
  }));
  const teamKeys = {};
  for (const [key, back] of [[']', '['], ['1', 'u'], ['n', 'u']]) {
    teamKeys[key] = (await timeKey(page, key, back)).dom;
  }
  results.team_of_3_on_1mb = {
    quotes: team.quotes, claims: team.claims,
    file_to_agreement_table_ms: round(compared.ms), progress: compared.progress,
    key_dom_ms: Object.fromEntries(Object.entries(teamKeys).map(([k, t]) => [k, { median: round(median(t)), p95: round(p95(t)) }])),
  };

  // 3d. The statements view over 50 open articles: the time from `o` to
  // the statements drawn (grouping the 50 articles and drawing), median
  // and max of 7 openings, and `o` itself (open, then close) as a key.
  await statementsView(results);

  await cdp.send('Performance.enable');
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize');
  results.js_heap_mb_after_1mb_import = heap ? round(heap.value / 1e6) : null;

  // 4. Extraction speed of the WASM core in the page.
  const corpus = article(10_000_000);
  const wasm = await page.evaluate((text) => {
    const before = window.wasmBindings.hearsay_memory_bytes();
    const t0 = performance.now();
    const n = window.wasmBindings.hearsay_bench(text);
    const ms = performance.now() - t0;
    // WebAssembly memory never shrinks: its size now is the run's peak.
    const after = window.wasmBindings.hearsay_memory_bytes();
    return { ms, n, bytes: new TextEncoder().encode(text).length, before, after };
  }, corpus);
  results.wasm_core = {
    bytes: wasm.bytes,
    suggestions: wasm.n,
    ms: round(wasm.ms),
    mb_per_s: round(wasm.bytes / 1e6 / (wasm.ms / 1000)),
    wasm_memory_mb_before: round(wasm.before / 1e6),
    wasm_memory_mb_peak: round(wasm.after / 1e6),
  };
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// 5. Release bundle sizes.
for (const file of fs.readdirSync(DIST)) {
  if (file.endsWith('.wasm') || file.endsWith('.js')) {
    const raw = fs.readFileSync(path.join(DIST, file));
    const kind = file.endsWith('.wasm') ? 'wasm' : 'js';
    results[`${kind}_size_kb`] = { raw: round(raw.length / 1024), gzip: round(zlib.gzipSync(raw, { level: 9 }).length / 1024) };
  }
}

fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/browser-bench.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
