// A team's journey: three annotators' exports of the same article, with
// disagreements planted in them, are compared and adjudicated in the page.
// The figures are checked against values worked out by hand below; the
// gold export is checked field by field. Needs `trunk build --release`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, open, download, saveState, attr, shared } from './support.mjs';

const ARTICLE = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/article.txt'), 'utf8');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-team-'));
let server;
let browser;

shared((s, b) => {
  server = s;
  browser = b;
});

/** An annotation of the first occurrence of `needle` in `text`, in code points. */
function mark(label, needle, speaker = null, text = ARTICLE) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `the fixture has ${needle}`);
  const start = Array.from(text.slice(0, at)).length;
  const end = start + Array.from(needle).length;
  return {
    id: `m${start}-${label}`, label, start, end, text: needle, kind: label === 'quote' ? 'direct' : null,
    speaker, speaker_span: null, cue: null, confidence: 1, speaker_confidence: null,
    origin: 'annotator', status: 'accepted',
  };
}

/** A hearsay export of the fixture article by `annotator`. */
function exportOf(annotator, annotations, text = ARTICLE) {
  return {
    format: 'hearsay', version: 1, offsets: 'codepoint', annotator,
    documents: [{ id: 'rail', name: 'rail.txt', text, sentences: [], annotations }],
  };
}

const INSULT = 'This offer is an insult to every driver who kept the trains running through the winter,';
const BETTER = 'Our members deserve better than this.';
const SHORT_DENIAL = 'rejected a 3% pay offer';
const LONG_DENIAL = 'rejected a 3% pay offer from the operator Nordrail';
const CLAIM = 'ticket revenue had fallen by 8% since 2024';

// Planted: everyone agrees on BETTER; cal names another speaker for INSULT;
// bob marks a longer denial; bob leaves out the claim.
const TEAM = {
  ann: [mark('quote', INSULT, 'Petra Aalto'), mark('quote', BETTER, 'Petra Aalto'), mark('denial', SHORT_DENIAL), mark('claim', CLAIM)],
  bob: [mark('quote', INSULT, 'Petra Aalto'), mark('quote', BETTER, 'Petra Aalto'), mark('denial', LONG_DENIAL)],
  cal: [mark('quote', INSULT, 'Karl Ek'), mark('quote', BETTER, 'Petra Aalto'), mark('denial', SHORT_DENIAL), mark('claim', CLAIM)],
};

function write(name, value) {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const teamFiles = () => Object.entries(TEAM).map(([name, anns]) => write(`${name}.json`, exportOf(name, anns)));

const cell = (page, label, measure) =>
  page.locator(`[data-testid=agreement-table] td[data-label=${label}][data-measure=${measure}]`);

async function value(page, label, measure) {
  const v = await attr(cell(page, label, measure), 'data-value');
  return v === '' ? null : Number(v);
}

const progress = (page) => page.getByTestId('adjudication-progress').textContent();
const currentItem = (page) => page.locator('[data-testid=adjudication-item][aria-current=true]');

/**
 * Adds an article of one's own, so that the list holds a document beside
 * the adjudication ones (the untouched demo leaves when it comes in).
 */
async function ownArticle(page) {
  await page.getByTestId('import-text').fill('“The tram line opens in May,” mayor Ilse Dahl said.');
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).waitFor();
  await page.getByTestId('demo-tag').waitFor({ state: 'detached' });
}

test('three annotators: agreement figures, adjudication by keyboard, undo, and a gold export', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await ownArticle(page);
  const before = await page.getByTestId('document-item').count();
  await page.getByTestId('import-team').setInputFiles(teamFiles());
  await page.getByTestId('agreement-table').waitFor();
  assert.equal(await page.getByTestId('document-item').count(), before + 1);
  assert.match(await page.getByTestId('message').textContent(), /3 annotators, 1 document to adjudicate: 3 disagreements/);

  // The figures, worked out by hand from the planted disagreements.
  // Quotes: the same two spans everywhere; speakers agree for ann–bob on
  // both quotes, for ann–cal and bob–cal on one of two: (1 + ½ + ½) / 3.
  assert.equal(await value(page, 'quote', 'span_f1'), 1);
  assert.equal(await value(page, 'quote', 'exact_f1'), 1);
  assert.equal(await value(page, 'quote', 'kappa'), 1);
  assert.equal(await value(page, 'quote', 'alpha'), 1);
  assert.equal(await value(page, 'quote', 'speaker'), 0.667);
  // Denials overlap in every pair; exact only for ann–cal: (0 + 1 + 0) / 3.
  assert.equal(await value(page, 'denial', 'span_f1'), 1);
  assert.equal(await value(page, 'denial', 'exact_f1'), 0.333);
  // The claim: ann–cal agree, bob has none: pair F1s 0, 1, 0.
  assert.equal(await value(page, 'claim', 'span_f1'), 0.333);
  assert.equal(await value(page, 'claim', 'speaker'), null);
  assert.match(await page.locator('[data-testid=agreement-table] thead').textContent(), /Fleiss' kappa/);
  for (const measure of ['span_f1', 'exact_f1', 'speaker', 'kappa', 'alpha']) {
    assert.equal(await cell(page, 'all', measure).count(), 1, measure);
  }

  // Three disagreements: the denial, the speaker of INSULT, the claim.
  assert.equal(await progress(page), '0 of 3 settled');
  const items = page.getByTestId('adjudication-item');
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.label)), ['denial', 'quote', 'claim']);

  // A figure leads to the disagreements behind it, and outlives its
  // click: the table is drawn again only when the figures change, and
  // moving through the sentences redraws neither part.
  await page.evaluate(() => { document.querySelector('[data-testid=agreement-table] td[data-label=claim][data-measure=span_f1] button').dataset.mark = 'kept'; });
  await cell(page, 'claim', 'span_f1').locator('button').click();
  assert.equal(await attr(currentItem(page), 'data-label'), 'claim');
  assert.equal(await page.locator('[data-testid=agreement-table] button[data-mark=kept]').count(), 1);
  await page.evaluate(() => { document.querySelector('[data-testid=adjudication-item][aria-current=true]').dataset.mark = 'kept'; });
  await page.keyboard.press('j');
  await page.locator('[data-testid=sentence].current').waitFor();
  assert.equal(await page.locator('[data-testid=adjudication-item][data-mark=kept]').count(), 1);
  assert.match(await page.locator('[data-testid=team] .hint').textContent(), /1–9 take · b both · n neither · \] next item · \[ previous item/);
  await cell(page, 'denial', 'exact_f1').locator('button').click();
  assert.equal(await attr(currentItem(page), 'data-label'), 'denial');

  // Settle each by keyboard: bob's longer denial, ann's speaker, no claim.
  await page.keyboard.press('2');
  assert.equal(await progress(page), '1 of 3 settled');
  assert.equal(await attr(currentItem(page), 'data-label'), 'quote');
  await page.keyboard.press('1');
  assert.equal(await attr(currentItem(page), 'data-label'), 'claim');
  await page.keyboard.press('n');
  assert.equal(await progress(page), '3 of 3 settled');
  // Undo the last decision, then take it again.
  await page.keyboard.press('u');
  assert.equal(await progress(page), '2 of 3 settled');
  await page.keyboard.press('n');
  assert.equal(await progress(page), '3 of 3 settled');
  // Back to the quote: its sentence is the current one, and s corrects the
  // speaker of the proposal kept.
  await page.keyboard.press('[');
  assert.equal(await attr(currentItem(page), 'data-label'), 'quote');
  assert.match(await page.locator('[data-testid=sentence].current').textContent(), /This offer is an insult/);
  await page.keyboard.press('s');
  await page.getByTestId('speaker-input').fill('P. Aalto');
  await page.getByTestId('speaker-input').press('Enter');
  await saveState(page, 'saved');

  // The gold export, field by field.
  await page.getByTestId('annotator-name').fill('Dana');
  await page.getByTestId('annotator-name').press('Tab');
  const exported = JSON.parse((await download(page, 'export-json')).text);
  assert.equal(exported.annotator, 'Dana');
  const gold = exported.documents.find((d) => d.name === 'rail.txt (adjudication)');
  assert.ok(gold, 'the adjudication document is exported');
  assert.deepEqual(gold.annotators, ['ann', 'bob', 'cal']);
  const got = gold.annotations.map((a) => [a.label, a.text, a.speaker, a.status, a.origin, a.annotators.join('+')]);
  assert.deepEqual(got, [
    ['denial', SHORT_DENIAL, null, 'rejected', 'adjudicated', 'ann+cal'],
    ['denial', LONG_DENIAL, null, 'accepted', 'adjudicated', 'bob'],
    ['quote', INSULT, 'Karl Ek', 'rejected', 'adjudicated', 'cal'],
    ['quote', INSULT, 'P. Aalto', 'accepted', 'adjudicated', 'ann+bob'],
    ['quote', BETTER, 'Petra Aalto', 'accepted', 'adjudicated', 'ann+bob+cal'],
    ['claim', CLAIM, null, 'rejected', 'adjudicated', 'ann+cal'],
  ]);
  for (const a of gold.annotations) {
    assert.equal(a.text, Array.from(gold.text).slice(a.start, a.end).join(''));
  }

  // The gold goes to the other formats too: the sentence JSONL keeps the
  // accepted labels only.
  const jsonl = (await download(page, 'export-jsonl')).text.trim().split('\n').map((l) => JSON.parse(l));
  const labelled = jsonl.filter((r) => r.document_id === gold.id && r.labels.length > 0);
  assert.ok(labelled.some((r) => r.labels.includes('denial')));
  assert.ok(!labelled.some((r) => r.labels.includes('claim')));

  // A reload keeps the decisions and the view.
  await page.reload();
  await page.getByTestId('document-item').filter({ hasText: 'rail.txt (adjudication)' }).click();
  await page.getByTestId('agreement-table').waitFor();
  assert.equal(await progress(page), '3 of 3 settled');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad team input gives a clear message and changes nothing', async () => {
  const { context, page } = await open(browser, server.url);
  const count = () => page.getByTestId('document-item').count();
  const before = await count();
  const other = ARTICLE.replace('Nordrail', 'Northrail');
  const cases = [
    [[write('solo.json', exportOf('ann', TEAM.ann))], /at least two annotators' exports; 1 given/],
    [[write('a1.json', exportOf('ann', TEAM.ann)), write('a2.json', exportOf('ann', TEAM.bob))], /both called "ann"/],
    [[write('e1.json', exportOf('ann', TEAM.ann)), write('e2.json', { ...exportOf('bob', []), documents: [] })], /bob's export has no documents/],
    [[write('t1.json', exportOf('ann', TEAM.ann)), write('t2.json', exportOf('bob', [], other))], /"rail\.txt" has another text in bob/],
    [[write('b1.json', exportOf('ann', TEAM.ann)), write('b2.json', exportOf('bob', [], ''))], /bob's document "rail\.txt" has no text/],
    [[write('j1.json', exportOf('ann', TEAM.ann)), write('j2.json', '{"format": "hearsay"')], /^j2\.json: /],
  ];
  for (const [files, message] of cases) {
    await page.getByTestId('import-team').setInputFiles(files);
    // Each case has its own message: waiting for it is waiting for the case.
    await page.locator('[data-testid=message].error', { hasText: message }).waitFor();
    assert.equal(await count(), before);
    assert.equal(await page.getByTestId('agreement-table').count(), 0);
  }
  await context.close();
});

test('guidelines open with g, are drawn as text, and stay; progress counts decisions', async () => {
  const { context, page, errors } = await open(browser, server.url);
  const panel = page.getByTestId('guidelines');
  assert.equal(await panel.isVisible(), false);
  await page.keyboard.press('g');
  await panel.waitFor();
  assert.match(await page.getByTestId('guidelines-view').textContent(), /No guidelines yet/);
  await page.getByTestId('guidelines-text').fill('# Quotes\nMark the words only.\n\n- not the marks\n- not the cue\n<b>not bold</b>');
  const shown = page.getByTestId('guidelines-view');
  assert.equal(await shown.locator('h3').textContent(), 'Quotes');
  assert.deepEqual(await shown.locator('li').allTextContents(), ['not the marks', 'not the cue']);
  assert.equal(await shown.locator('b').count(), 0, 'markup is shown as text');
  assert.equal(await shown.locator('p').last().textContent(), '<b>not bold</b>');
  await page.keyboard.press('Escape');
  assert.equal(await panel.isVisible(), false);
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  await page.keyboard.press('g');
  assert.equal(await page.getByTestId('guidelines-view').locator('h3').textContent(), 'Quotes');
  await page.keyboard.press('g');
  assert.equal(await panel.isVisible(), false);

  // Progress: the demo's suggestions decided, and its sentences visited.
  const corpus = async () => {
    const text = await page.getByTestId('corpus-progress').textContent();
    const m = text.match(/(\d+) of (\d+) suggestions decided, (\d+) of (\d+) sentences visited/);
    assert.ok(m, text);
    return m.slice(1).map(Number);
  };
  const [before, all, visitedBefore, sentences] = await corpus();
  assert.ok(all > 0 && visitedBefore >= 1 && sentences > 3);
  for (let i = 0; i < 40 && (await attr(page.locator('[data-testid=sentence].current'), 'data-suggested')) === ''; i++) {
    await page.keyboard.press('j');
  }
  await page.keyboard.press('a');
  // The decision teaches the models, which score the demo's other
  // suggestions again: their number may change with it.
  await page.locator('[data-testid=models-status][data-stale="0"]').waitFor();
  const [after, now, visited] = await corpus();
  assert.ok(after > before, `${after} decided after accepting, ${before} before`);
  assert.ok(now >= after && Math.abs(now - all) <= 3, `${now} suggestions after, ${all} before`);
  assert.ok(visited > visitedBefore, `${visited} visited after moving, ${visitedBefore} before`);
  // One document (the demo): its own counts are the corpus's.
  assert.equal(await page.getByTestId('document-item').count(), 1);
  const item = page.locator('.documents li.current');
  assert.equal(await item.getByTestId('document-decided').textContent(), `${after}/${now} decided`);
  assert.equal(await item.getByTestId('document-visited').textContent(), `${visited}/${sentences} visited`);
  // Going back over visited sentences counts nothing new; both survive a reload.
  await page.keyboard.press('k');
  assert.equal((await corpus())[2], visited);
  await saveState(page, 'saved');
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  assert.deepEqual(await corpus(), [after, now, visited, sentences]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('identical nested quotes from both annotators are no disagreement, and comparing again replaces the documents', async () => {
  const { context, page } = await open(browser, server.url);
  await ownArticle(page);
  const before = await page.getByTestId('document-item').count();
  // Three nested quotes on one sentence, the same on both sides; the
  // exports differ only in their annotator.
  const nested = [
    mark('quote', `“${INSULT}” said union secretary Petra Aalto.`, 'Petra Aalto'),
    mark('quote', `“${INSULT}”`, 'Petra Aalto'),
    mark('quote', INSULT, 'Petra Aalto'),
  ].map((a, i) => ({ ...a, id: `n${i}` }));
  const files = ['ann', 'bob'].map((name) => write(`nested-${name}.json`, exportOf(name, nested)));
  await page.getByTestId('import-team').setInputFiles(files);
  await page.getByTestId('agreement-table').waitFor();
  assert.match(await page.getByTestId('message').textContent(), /2 annotators, 1 document to adjudicate: 0 disagreements/);
  assert.equal(await progress(page), '0 of 0 settled');
  assert.equal(await page.getByTestId('document-item').count(), before + 1);
  // The same set again, from another document: its adjudication document
  // is replaced, not added beside it, and opened.
  const opened = page.locator('[data-testid=document-item].current .name');
  await page.getByTestId('document-item').first().click();
  await opened.filter({ hasNotText: /adjudication/ }).waitFor();
  await page.getByTestId('import-team').setInputFiles(files);
  await opened.filter({ hasText: /adjudication/ }).waitFor();
  assert.equal(await page.getByTestId('document-item').count(), before + 1);
  const names = await page.getByTestId('document-item').locator('.name').allTextContents();
  assert.equal(names.filter((n) => /adjudication/.test(n)).length, 1, names.join(' | '));
  await context.close();
});

test('a team of two on two documents: per-document rows under their own heading, in the table\'s columns, and the view opens on the document that has a disagreement', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await ownArticle(page);
  // The first document is the same on both sides; the second has one
  // claim that only bob marks.
  const depot = '“The depot stays open,” manager Oskar Lind said. Costs rose by 12% last year.';
  const claim = mark('claim', 'Costs rose by 12% last year.', null, depot);
  const twoDocs = (annotator, second) => {
    const both = exportOf(annotator, [mark('quote', BETTER, 'Petra Aalto')]);
    both.documents.push({ id: 'depot', name: 'depot.txt', text: depot, sentences: [], annotations: second });
    return both;
  };
  const files = [write('two-ann.json', twoDocs('ann', [])), write('two-bob.json', twoDocs('bob', [claim]))];
  await page.getByTestId('import-team').setInputFiles(files);
  await page.getByTestId('agreement-table').waitFor();
  assert.match(await page.getByTestId('message').textContent(), /2 annotators, 2 documents to adjudicate: 1 disagreement/);

  // The per-document rows: a second body of the same table, led by a
  // heading row that spans every column, then one row per document with
  // as many cells as the table has columns.
  const columns = await page.locator('[data-testid=agreement-table] thead th').count();
  const body = page.getByTestId('agreement-documents');
  const heading = body.locator('th[scope=colgroup]');
  assert.equal(await heading.textContent(), 'Per document, all labels');
  assert.equal(Number(await attr(heading, 'colspan')), columns);
  const rows = body.locator('tr').filter({ hasNot: page.locator('th[scope=colgroup]') });
  assert.equal(await rows.count(), 2);
  for (const name of ['rail.txt', 'depot.txt']) {
    const row = rows.filter({ hasText: name });
    assert.equal(await row.count(), 1, name);
    assert.equal(await row.locator('th, td').count(), columns, name);
  }

  // The view opens on depot.txt's adjudication, the one with the open
  // disagreement, and its first item is current.
  await page.locator('[data-testid=document-item].current .name', { hasText: 'depot.txt (adjudication)' }).waitFor();
  assert.equal(await progress(page), '0 of 1 settled');
  assert.equal(await attr(currentItem(page), 'data-label'), 'claim');
  await page.keyboard.press('2');
  assert.equal(await progress(page), '1 of 1 settled');
  assert.deepEqual(errors, []);
  await context.close();
});
