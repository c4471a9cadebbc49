// Journeys of the models learning in the page: a decision changes the
// later suggestions of its pattern, survives a reload, is undone with the
// decision, reset, exported and imported; a damaged bundle is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, attr, current, saveState, shared } from './support.mjs';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-learning-'));
let server;
let browser;

shared((s, b) => {
  server = s;
  browser = b;
});

// Four paragraphs of one pattern, written for this test: a short quote,
// then who said it.
const PATTERN = [
  '“The bridge will close in May,” said Ines Baptiste, the mayor.',
  '“The ferry will run all summer,” said Tom Achebe, the harbour master.',
  '“The tolls will stay as they are,” said Lena Ortiz, the treasurer.',
  '“The market moves to the quay,” said Pia Holm, a trader.',
].join('\n\n');

const models = (page) => attr(page.getByTestId('models-status'), 'data-models');
const row = (page, idx) => page.locator(`[data-testid=sentence][data-idx="${idx}"]`);

/** Opens the page, pastes the pattern article and waits for it. */
async function withPattern() {
  const opened = await open(browser, server.url);
  const { page } = opened;
  await page.getByTestId('import-text').fill(PATTERN);
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=document-item].current', { hasText: 'pasted-1' }).waitFor();
  await row(page, 3).waitFor();
  return opened;
}

/** Waits until the models' id is not `id` any more, and returns the new one. */
async function modelsAfter(page, id) {
  await page.waitForFunction(
    (was) => document.querySelector('[data-testid=models-status]')?.getAttribute('data-models') !== was,
    id,
  );
  return models(page);
}

test('rejecting a quote changes the later suggestions of its pattern, and a reload keeps it', async () => {
  const { context, page } = await withPattern();
  const shipped = await models(page);
  const before = Number(await attr(row(page, 3), 'data-confidence'));
  assert.equal(await attr(current(page), 'data-idx'), '0');
  // Two quotes of the pattern rejected (a confidence is shown to two
  // places; one rejection moves the next of the pattern by less).
  await page.keyboard.press('x');
  const once = await modelsAfter(page, shipped);
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  const learned = await modelsAfter(page, once);
  await page.waitForFunction(
    (was) => Number(document.querySelector('[data-testid=sentence][data-idx="3"]').getAttribute('data-confidence')) < was,
    before,
  );
  assert.equal(await attr(current(page), 'data-idx'), '1', 'the cursor stays');
  assert.match(await page.getByTestId('models-status').textContent(), /2 lessons learned/);
  const after = await attr(row(page, 3), 'data-confidence');
  await saveState(page, 'saved');
  await page.reload();
  await row(page, 3).waitFor();
  assert.equal(await models(page), learned);
  assert.equal(await attr(row(page, 3), 'data-confidence'), after);
  await context.close();
});

test('undo takes the learning back, and reset returns to the shipped models', async () => {
  const { context, page } = await withPattern();
  const shipped = await models(page);
  const before = await attr(row(page, 3), 'data-confidence');
  await page.keyboard.press('x');
  const learned = await modelsAfter(page, shipped);
  await page.keyboard.press('u');
  assert.equal(await modelsAfter(page, learned), shipped);
  assert.equal(await attr(row(page, 3), 'data-confidence'), before);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await modelsAfter(page, shipped), learned);
  await page.getByTestId('models-reset').click();
  assert.equal(await modelsAfter(page, learned), shipped);
  await page.getByTestId('message').filter({ hasText: 'learning reset' }).waitFor();
  await context.close();
});

test('models are exported and imported, and a damaged bundle is refused', async () => {
  const { context, page } = await withPattern();
  const shipped = await models(page);
  await page.keyboard.press('x');
  const learned = await modelsAfter(page, shipped);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('models-export').click()]);
  assert.equal(file.suggestedFilename(), `hearsay-models-${learned}.hsb`);
  const saved = path.join(TMP, file.suggestedFilename());
  await file.saveAs(saved);
  await page.getByTestId('models-reset').click();
  assert.equal(await modelsAfter(page, learned), shipped);
  await page.getByTestId('models-import').setInputFiles([saved]);
  assert.equal(await modelsAfter(page, shipped), learned);
  await page.getByTestId('message').filter({ hasText: 'models imported' }).waitFor();
  // Half a bundle: refused, and the models in use stay.
  const bytes = fs.readFileSync(saved);
  const cut = path.join(TMP, 'cut.hsb');
  fs.writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
  await page.getByTestId('models-import').setInputFiles([cut]);
  await page.getByTestId('message').filter({ hasText: 'cut.hsb: the model bundle is truncated' }).waitFor();
  assert.equal(await models(page), learned);
  await context.close();
});

test('an export records which models suggested each document', async () => {
  const { context, page } = await withPattern();
  const shipped = await models(page);
  await page.keyboard.press('x');
  const learned = await modelsAfter(page, shipped);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  const pasted = exported.documents.find((d) => d.name === 'pasted-1.txt');
  assert.equal(pasted.models, learned);
  await context.close();
});
