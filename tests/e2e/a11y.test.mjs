// Accessibility: axe-core (npm) checks every main state of the page (the
// demo, an import, review, filters, the key guide, the speaker editor, the
// storage warning, the team view and the guidelines) and finds no serious or critical violation; the
// sentence list has roles and names, and labels are told apart without
// colour. axe is injected into the page, so these contexts bypass the
// page's CSP (which allows no injected script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, open, shared, violations } from './support.mjs';

const SHOTS = path.join(ROOT, 'docs');

let server;
let browser;

shared((s, b) => {
  server = s;
  browser = b;
});

/** The annotator in a fresh context that lets axe be injected. */
function opened(init, { colorScheme = 'light', width = 1280, height = 860 } = {}) {
  return open(browser, server.url, { init, context: { bypassCSP: true, colorScheme, viewport: { width, height } } });
}

test('no serious or critical axe violation in any main state', async () => {
  const { context, page } = await opened();
  const found = {};
  found.demo = await violations(page);

  await page.getByTestId('import-text').fill('“The bridge stays open,” engineer Lea Holm said. Tolls rose 5% in 2025.');
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).waitFor();
  found.import = await violations(page);

  await page.keyboard.press('a');
  await page.keyboard.press('j');
  await page.keyboard.press('c');
  found.review = await violations(page);

  await page.getByTestId('filter-label').selectOption('quote');
  found.filters = await violations(page);
  await page.getByTestId('filter-label').selectOption('');

  await page.keyboard.press('?');
  await page.getByTestId('key-guide').waitFor();
  found.guide = await violations(page);
  await page.keyboard.press('Escape');

  await page.keyboard.press('s');
  await page.getByTestId('speaker-input').waitFor();
  found.speaker = await violations(page);
  await context.close();

  const failing = await opened(() => {
    indexedDB.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  });
  await failing.page.getByTestId('storage-warning').waitFor();
  found.warning = await violations(failing.page);
  await failing.context.close();

  for (const [state, list] of Object.entries(found)) assert.deepEqual(list, [], state);
});

test('the sentence list is a named listbox whose labels read without colour', async () => {
  const { context, page } = await opened();
  const list = page.getByRole('listbox', { name: 'Sentences of the document' });
  await list.waitFor();
  const options = list.getByRole('option');
  assert.ok((await options.count()) > 3);
  assert.equal(await page.locator('[role=option][aria-selected=true]').count(), 1);
  // Every suggested label of a row has its letter, named for screen readers.
  const row = page.locator('[data-testid=sentence][data-suggested~=quote]').first();
  const tags = await row.locator('.tag').evaluateAll((ts) => ts.map((t) => `${t.textContent} ${t.getAttribute('aria-label')}`));
  assert.ok(tags.includes('Q quote, suggested'), tags.join(' | '));
  assert.match((await row.getAttribute('data-confidence')) ?? '', /^0\.\d\d$|^1\.00$/);
  await page.getByTestId('legend').waitFor();
  await context.close();
});

test('the dark theme follows the system and keeps every contrast; a screenshot for the README', async () => {
  const { context, page } = await opened(undefined, { colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(13, 17, 23)');
  await page.keyboard.press('j');
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('?');
  await page.getByTestId('key-guide').waitFor();
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(SHOTS, 'annotator-dark.png') });
  await context.close();
});

test('on a 390 px phone nothing runs past the right edge and the documents are reachable', async () => {
  const { context, page } = await opened(undefined, { width: 390, height: 844 });
  const long = 'Bureaucratisation'.repeat(12);
  await page.getByTestId('import-text').fill(`“${long},” clerk Ana Ruiz said of the ${'x'.repeat(150)} form.`);
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).waitFor();
  for (const state of ['import', 'guide']) {
    if (state === 'guide') {
      await page.keyboard.press('?');
      await page.getByTestId('key-guide').waitFor();
    }
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= width, `${state}: ${scroll} px of content in ${width} px`);
  }
  await page.keyboard.press('Escape');
  // The document list is on the page, above the text, and works by touch.
  const first = page.getByTestId('document-item').first();
  await first.scrollIntoViewIfNeeded();
  assert.ok(await first.isVisible());
  await first.click();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('on a 390 px phone the text starts on the first screen and a suggestion is decided without scrolling', async () => {
  const { context, page } = await opened(undefined, { width: 390, height: 844 });
  const row = page.locator('[data-testid=sentence][data-suggested]:not([data-suggested=""])').first();
  await row.waitFor();
  const first = await page.getByTestId('sentence').first().boundingBox();
  assert.ok(first.y < 844 / 3, `the first sentence starts ${first.y} px down`);
  await row.click();
  const top = await page.evaluate(() => window.scrollY);
  const accept = page.getByTestId('action-accept');
  const box = await accept.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, `accept is at ${box.y}..${box.y + box.height}`);
  assert.ok(box.height >= 44 && box.width >= 44, `accept is ${box.width} x ${box.height} px`);
  const suggested = await row.getAttribute('data-suggested');
  await accept.click();
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid=sentence].current')?.getAttribute('data-labels') === s,
    suggested,
  );
  assert.equal(await page.evaluate(() => window.scrollY), top, 'the page did not scroll');
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('on a 390 px phone in the dark theme the fixed decision bar has no axe violation', async () => {
  const { context, page } = await opened(undefined, { width: 390, height: 844, colorScheme: 'dark' });
  await page.getByTestId('action-accept').waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=actions]')).position), 'fixed');
  assert.deepEqual(await violations(page), []);
  await context.close();
});

/** Two annotators' exports of one short text, disagreeing on a claim. */
function teamFiles() {
  const text = 'Ana Ruiz said the ferry runs late. Fares rose 5% in 2025.';
  const mark = (label, needle) => {
    const start = text.indexOf(needle);
    return {
      id: `m${start}`, label, start, end: start + needle.length, text: needle, kind: null, speaker: null,
      speaker_span: null, cue: null, confidence: 1, speaker_confidence: null, origin: 'annotator', status: 'accepted',
    };
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-a11y-'));
  return [['ann', [mark('claim', 'Fares rose 5% in 2025.')]], ['bob', [mark('claim', 'Fares rose 5%')]]].map(([name, annotations]) => {
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify({
      format: 'hearsay', version: 1, offsets: 'codepoint', annotator: name,
      documents: [{ id: 'f', name: 'ferry.txt', text, sentences: [], annotations }],
    }));
    return file;
  });
}

test('the team view and the guidelines panel have no serious or critical axe violation, in both themes; a screenshot for the README', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await opened(undefined, { colorScheme });
    await page.getByTestId('import-team').setInputFiles(teamFiles());
    await page.getByTestId('agreement-table').waitFor();
    assert.deepEqual(await violations(page), [], `${colorScheme}: team view`);
    await page.keyboard.press('1');
    assert.equal(await page.getByTestId('adjudication-progress').textContent(), '1 of 1 settled');
    assert.deepEqual(await violations(page), [], `${colorScheme}: settled`);
    if (colorScheme === 'light') await page.screenshot({ path: path.join(SHOTS, 'team.png') });
    await page.keyboard.press('g');
    await page.getByTestId('guidelines-text').fill('# Claims\n- the whole sentence');
    assert.deepEqual(await violations(page), [], `${colorScheme}: guidelines`);
    await context.close();
  }
});
