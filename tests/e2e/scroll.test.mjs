// A long document: rows are virtualised by scroll position, so the scroll
// bar, the wheel, j/k and search each reach every part of a 1 MB article
// (8,000+ sentences) while only the rows on screen are drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, article, current, shared } from './support.mjs';

let server;
let browser;
shared((s, b) => {
  server = s;
  browser = b;
});

const LAST = 'Harbour master Quilla Varga said the last ferry leaves at dawn.';

/** Place and length of the drawn rows: [first, last] aria-posinset, and aria-setsize. */
const drawn = (page) => page.evaluate(() => {
  const rows = [...document.querySelectorAll('[data-testid=sentence]')];
  const places = rows.map((r) => Number(r.getAttribute('aria-posinset')));
  return {
    count: rows.length,
    first: Math.min(...places),
    last: Math.max(...places),
    size: Number(rows[0]?.getAttribute('aria-setsize') ?? 0),
  };
});

/** The first row reaching the middle of the screen, by its aria-posinset (0 for none). */
const middle = (page) => page.evaluate(() => {
  const rows = [...document.querySelectorAll('[data-testid=sentence]')];
  const row = rows.find((r) => r.getBoundingClientRect().bottom >= window.innerHeight / 2);
  return Number(row?.getAttribute('aria-posinset') ?? 0);
});

/** Whether the rows drawn cover the screen wherever the list is on it: no gap shows. */
const covered = () => {
  const list = document.querySelector('[data-testid=sentences]').getBoundingClientRect();
  const rows = [...document.querySelectorAll('[data-testid=sentence]')].map((r) => r.getBoundingClientRect());
  if (rows.length === 0) return false;
  const top = Math.max(0, list.top);
  const bottom = Math.min(window.innerHeight, list.bottom);
  // Within a pixel: layout rounds the list's and the rows' edges apart.
  return Math.min(...rows.map((r) => r.top)) <= top + 1 && Math.max(...rows.map((r) => r.bottom)) >= bottom - 1;
};

/** Whether the current row lies on screen. */
const cursorOnScreen = (page) => current(page).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
});

test('a 1 MB article scrolls by bar, wheel, keys and search, drawing only the rows on screen', async () => {
  const { context, page, errors } = await open(browser, server.url);
  const text = article(1_000_000, LAST);
  // Set as a paste would (Playwright's fill of a megabyte outlasts its timeout).
  await page.evaluate((value) => {
    const area = document.querySelector('[data-testid=import-text]');
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=sentence]')?.getAttribute('aria-setsize')) > 8000);

  // Only a screen and its margins are drawn, and the page is as tall as
  // the whole document.
  const top = await drawn(page);
  assert.ok(top.size > 8000, `${top.size} sentences`);
  assert.equal(top.first, 1);
  assert.ok(top.count <= 120, `${top.count} rows drawn of ${top.size}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > top.size * 20, `page ${height}px tall for ${top.size} rows`);

  // The scroll bar's end is the document's end.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((n) => document.querySelector(`[data-testid=sentence][aria-posinset="${n}"]`), top.size);
  assert.match(await page.locator(`[data-testid=sentence][aria-posinset="${top.size}"]`).innerText(), /Quilla Varga/);

  await page.waitForFunction(covered);

  // The wheel moves on from the top without a gap on screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelector('[data-testid=sentence][aria-posinset="1"]'));
  const box = await page.getByTestId('sentences').boundingBox();
  await page.mouse.move(box.x + 40, 400);
  let seen = 0;
  for (let turn = 0; turn < 30; turn++) {
    const y = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 2000);
    // The wheel scrolls asynchronously: wait for it to land on a row.
    await page.waitForFunction((y) => window.scrollY > y, y);
    await page.waitForFunction(covered);
    const now = await middle(page);
    assert.ok(now > seen, `turn ${turn}: row ${now} after row ${seen}`);
    seen = now;
  }
  assert.ok(seen > 300, `30 turns of the wheel reached row ${seen}`);
  assert.ok((await drawn(page)).count <= 120);

  // j brings the view back to the cursor; 250 more presses carry it on.
  await page.keyboard.press('j');
  assert.equal(await current(page).getAttribute('aria-posinset'), '2');
  assert.ok(await cursorOnScreen(page), 'the cursor row is on screen after j');
  for (let i = 0; i < 250; i++) await page.keyboard.press('j');
  assert.equal(await current(page).getAttribute('aria-posinset'), '252');
  assert.ok(await cursorOnScreen(page), 'the cursor row is on screen after 250 presses of j');
  await page.keyboard.press('k');
  assert.equal(await current(page).getAttribute('aria-posinset'), '251');

  // Search finds the last sentence; clearing it shows the whole document again.
  await page.getByTestId('search').fill('Quilla');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sentence]').length === 1);
  assert.match(await page.getByTestId('sentence').innerText(), /Quilla Varga/);
  await page.getByTestId('search').fill('');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=sentence]')?.getAttribute('aria-setsize')) === n, top.size);
  assert.ok(await cursorOnScreen(page), 'the cursor row is on screen after the search is cleared');

  assert.deepEqual(errors, []);
  await context.close();
});
