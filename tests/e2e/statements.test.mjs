// The statements view: three articles written for this test are pasted;
// two quote a port director's refusal in words that differ by one, the
// third does not carry it. `o` (or the tab) shows the statement with its
// speaker, stance and reach, each article's wording with the differing
// word marked, the article without it, and a possible misquote; a
// wording's button goes to its sentence, and decision keys do nothing
// while the sentences are hidden. axe finds nothing serious in
// either theme, and a 390 px phone scrolls nothing sideways. Needs
// `trunk build --release`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, current, shared, violations } from './support.mjs';


const FIRST = 'The harbour board met on Monday in Kelvport. “We have ruled out closing the northern quay this winter,” port director Hanna Lind said. Dock workers said the repairs were overdue.';
const SECOND = 'Kelvport’s port director spoke to reporters on Monday. “We have ruled out shutting the northern quay this winter,” Hanna Lind said. The board will meet again in March.';
const THIRD = 'Ferry timetables change next week in Kelvport. The new schedule adds two evening crossings, the operator said.';

let server;
let browser;

shared((s, b) => {
  server = s;
  browser = b;
});

async function paste(page, text, n) {
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=document-item] .name', { hasText: `pasted-${n}.txt` }).waitFor();
}

/** The annotator with the three articles open, in a context axe can be injected into. */
async function opened({ colorScheme = 'light', width = 1280, height = 860 } = {}) {
  const o = await open(browser, server.url, { context: { bypassCSP: true, colorScheme, viewport: { width, height } } });
  await paste(o.page, FIRST, 1);
  await paste(o.page, SECOND, 2);
  await paste(o.page, THIRD, 3);
  return o;
}

const lind = (page) => page.locator('[data-testid=statement]', { has: page.locator('h3', { hasText: 'Hanna Lind' }) });

test('o shows the statement two articles carry, its wordings, the article without it and a possible misquote', async () => {
  const { context, page } = await opened();
  assert.ok(await page.getByTestId('statements').isHidden(), 'closed until asked for');
  await page.keyboard.press('o');
  await page.getByTestId('statements').waitFor();
  assert.equal(await page.getByTestId('tab-statements').getAttribute('aria-selected'), 'true');
  assert.ok(!(await page.getByTestId('sentence').first().isVisible()), 'the sentences make way');
  const row = lind(page);
  assert.equal(await row.count(), 1);
  assert.equal(await row.getAttribute('data-outlets'), '2');
  assert.equal((await row.getByTestId('statement-stance').textContent()).trim(), 'denial');
  const wordings = row.getByTestId('wording');
  assert.equal(await wordings.count(), 2);
  assert.deepEqual(await wordings.locator('button').allTextContents(), ['pasted-1.txt', 'pasted-2.txt']);
  assert.deepEqual(await wordings.nth(0).locator('mark').allTextContents(), ['closing']);
  assert.deepEqual(await wordings.nth(1).locator('mark').allTextContents(), ['shutting']);
  assert.equal(await row.getByTestId('statement-missing').textContent(), 'Not in: pasted-3.txt');
  assert.equal(await row.getByTestId('misquote').count(), 1);
  // The sentences are hidden: a decision key does nothing here.
  const before = await page.locator('[data-testid=document-item]').allTextContents();
  await page.keyboard.press('x');
  await page.keyboard.press('a');
  assert.deepEqual(await page.locator('[data-testid=document-item]').allTextContents(), before);
  assert.equal(await lind(page).count(), 1);
  await context.close();
});

test('a wording goes to its sentence, and o, Esc and the tabs open and close the view', async () => {
  const { context, page } = await opened();
  await page.getByTestId('tab-statements').click();
  await page.getByTestId('statements').waitFor();
  await lind(page).getByTestId('wording').nth(1).locator('button').click();
  await page.getByTestId('statements').waitFor({ state: 'hidden' });
  await current(page).waitFor();
  assert.match(await current(page).textContent(), /shutting the northern quay/);
  assert.equal(await page.locator('[data-testid=document-item].current .name').textContent(), 'pasted-2.txt');
  await page.keyboard.press('o');
  await page.getByTestId('statements').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('statements').waitFor({ state: 'hidden' });
  await page.keyboard.press('o');
  await page.getByTestId('statements').waitFor();
  await page.getByTestId('tab-sentences').click();
  await page.getByTestId('statements').waitFor({ state: 'hidden' });
  assert.ok(await current(page).isVisible());
  await context.close();
});

test('a rejected quote leaves its statement at once', async () => {
  const { context, page } = await opened();
  await page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).click();
  await page.locator('[data-testid=sentence]', { hasText: 'closing the northern quay' }).click();
  // Reject every suggestion of the sentence (quote, then what is left).
  for (let i = 0; i < 3 && (await current(page).getAttribute('data-suggested')); i += 1) await page.keyboard.press('x');
  await page.keyboard.press('o');
  await page.getByTestId('statements-summary').waitFor();
  assert.equal(await lind(page).count(), 0, await page.getByTestId('statements').textContent());
  await context.close();
});

test('the statements view has no serious or critical axe violation in either theme', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await opened({ colorScheme });
    await page.keyboard.press('o');
    await lind(page).waitFor();
    assert.deepEqual(await violations(page), [], colorScheme);
    await context.close();
  }
});

test('on a 390 px phone the statements view runs nothing past the right edge', async () => {
  const { context, page } = await opened({ width: 390, height: 844 });
  await page.keyboard.press('o');
  await lind(page).waitFor();
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= width, `${scroll} px of content in ${width} px`);
  await context.close();
});
