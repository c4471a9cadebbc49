// The page as an installed, offline app: served from a folder of a static
// host (relative URLs), kept by its service worker after one visit, and
// replaced by a new release without losing the work in storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, serve, launch, tab, download, saveState, current, attr } from './support.mjs';

const BASE = '/tools/hearsay/';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});


/** Waits until the service worker controls the page (its cache is filled). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
}

test('after one visit the page opens offline, imports and exports', async () => {
  const server = await serve(DIST, { base: BASE });
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const { page, errors } = await tab(context, server.url);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      return (await fetch(link.href)).json();
    });
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'), JSON.stringify(manifest.icons));
    await controlled(page);
    // Chromium's own verdict: nothing in the page stands in the way of
    // installing it. (A test context is an off-the-record profile, where
    // nothing can be installed: Chromium says `in-incognito` of any page.)
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('sentence').first().waitFor();
    await page.getByTestId('import-text').fill('“The ferry will run all winter,” harbour master Ida Berg said.');
    await page.getByTestId('import-submit').click();
    await page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).waitFor();
    const exported = JSON.parse((await download(page, 'export-json')).text);
    const doc = exported.documents.find((d) => d.text.includes('ferry'));
    assert.ok(doc, 'the pasted article is exported');
    assert.ok(doc.annotations.some((a) => a.label === 'quote' && a.speaker === 'Ida Berg'), JSON.stringify(doc.annotations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new release replaces the cached one and keeps the work', async () => {
  // A copy of the build, published in a folder; the release is changed in
  // place, as a static host's files are.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-release-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir, { base: BASE });
  const context = await browser.newContext();
  try {
    const { page } = await tab(context, server.url);
    await controlled(page);
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    const idx = await attr(current(page), 'data-idx');
    assert.match(await attr(current(page), 'data-labels'), /claim/);
    await saveState(page, 'saved');

    // Release 2: another page and another worker.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head><meta name="release" content="2">'));
    const worker = path.join(dir, 'sw.js');
    fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace("const CACHE = 'hearsay-' + '", "const CACHE = 'hearsay-' + 'r2-"));
    await page.reload();
    await page.getByTestId('sentence').first().waitFor();
    assert.equal(await page.locator('meta[name=release]').getAttribute('content'), '2');
    // The new worker installs, activates and drops the old release's cache.
    const kept = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      const worker = reg.installing ?? reg.waiting ?? reg.active;
      if (worker.state !== 'activated') {
        await new Promise((resolve) => {
          worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
        });
      }
      return (await caches.keys()).filter((k) => k.startsWith('hearsay-'));
    });
    assert.equal(kept.length, 1, kept.join(' '));
    assert.match(kept[0], /^hearsay-r2-/);

    // Offline, the new release opens, with the decision made under the old one.
    await context.setOffline(true);
    await page.reload();
    await page.locator(`[data-testid=sentence][data-idx="${idx}"]`).waitFor();
    assert.equal(await page.locator('meta[name=release]').getAttribute('content'), '2');
    assert.match(await attr(page.locator(`[data-testid=sentence][data-idx="${idx}"]`), 'data-labels'), /claim/);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
