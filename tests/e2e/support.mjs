// Shared by the journeys and the benchmark: a static server for dist/ on
// 127.0.0.1 and Debian's Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on a free port of 127.0.0.1 under the path `base` (as a
 * static host would publish it in a folder); resolves to { url, close }.
 */
export function serve(dir = DIST, { base = '/' } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run trunk build --release first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    const rest = '/' + url.pathname.slice(base.length);
    const file = path.join(dir, path.normalize(decodeURIComponent(rest)).replace(/^(\.\.[/\\])+/, ''));
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launches Debian's Chromium headless (no browser download is possible here). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * For a test file: serves dist/ and launches Chromium once before its
 * tests, hands both to `use(server, browser)`, and closes them after.
 */
export function shared(use) {
  let server;
  let browser;
  before(async () => {
    server = await serve();
    browser = await launch();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Opens the annotator in a new tab of `context` and waits until it has mounted. */
export async function tab(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('sentence').first().waitFor();
  return { page, errors };
}

/**
 * Opens the annotator in a fresh context and waits until it has mounted;
 * `context` adds options of the context (a colour scheme, another
 * viewport, bypassing the CSP for an injected checker).
 */
export async function open(browser, url, { init, context: options = {} } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 }, ...options });
  if (init) await context.addInitScript(init);
  return { context, ...(await tab(context, url)) };
}

/**
 * About `bytes` of news-like text: the fixture article again and again,
 * each copy with another name and figure, then `last` as its final
 * paragraph.
 */
export function article(bytes, last = '') {
  const base = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/article.txt'), 'utf8');
  const names = ['Aalto', 'Berg', 'Ek', 'Moreno', 'Hale', 'Lind', 'Okafor', 'Sato'];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = base.replaceAll('Aalto', names[i % names.length]).replaceAll('3%', `${i % 9 + 1}%`);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  if (last) parts.push(last);
  return parts.join('\n');
}

/** The current sentence row. */
export const current = (page) => page.locator('[data-testid=sentence].current');

/** An attribute's value, or '' when it is absent. */
export const attr = async (locator, name) => (await locator.getAttribute(name)) ?? '';

/**
 * Waits until the page's saving stands at `state`: the app root's
 * `data-save` is `pending` while a save is scheduled or running, then
 * `saved`, or `unsaved` when the tab does not save (storage failed, or
 * another tab saved), and `opening` until the database is open. The page
 * sets `pending` in the same update that shows an input's effect, so once
 * that effect is on screen, a state other than `pending` means the save the
 * input scheduled has run: a test can then check what it did not write
 * without waiting on the clock.
 */
export function saveState(page, state) {
  return page.locator(`.app[data-save=${state}]`).waitFor({ state: 'attached' });
}

/**
 * Waits until the models have scored every document again after they
 * changed (`data-stale` of the models panel is 0) and that is saved: what
 * an export then writes is what a reload shows.
 */
export async function settled(page) {
  await page.locator('[data-testid=models-status][data-stale="0"]').waitFor({ state: 'attached' });
  await saveState(page, 'saved');
}

/** Text of code points start..end, as the hearsay contract counts them. */
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/** Clicks an export button and returns the downloaded file's text. */
export async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

let axe;

/**
 * The serious and critical violations axe-core finds on the page now
 * (axe is injected, so the page's context must bypass its CSP).
 */
export async function violations(page) {
  axe ??= fs.readFileSync(path.join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}
