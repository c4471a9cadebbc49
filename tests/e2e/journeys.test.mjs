// End-to-end journeys of a person using the annotator, in Debian's
// Chromium driven by playwright-core against the release build in dist/.
// Run by `make test` (node --test); needs `trunk build --release` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, open, tab, slice, download, saveState, settled, current, attr, shared } from './support.mjs';

const ARTICLE = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/article.txt'), 'utf8');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-e2e-'));
let server;
let browser;

shared((s, b) => {
  server = s;
  browser = b;
});

const docs = (page) => page.getByTestId('document-item').count();

/** Opens the annotator and pastes the fixture article. */
async function withArticle() {
  const opened = await open(browser, server.url);
  await paste(opened.page, ARTICLE);
  return opened;
}

/**
 * Pastes `text` as a new document and waits until it is open (the untouched
 * demo leaves when the first article of one's own comes in).
 */
async function paste(page, text) {
  const pasted = () => page.evaluate(() => [...document.querySelectorAll('[data-testid=document-item] .name')].filter((n) => n.textContent.startsWith('pasted-')).length);
  const before = await pasted();
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-submit').click();
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=document-item] .name')].filter((e) => e.textContent.startsWith('pasted-')).length === n, before + 1);
}

/**
 * Presses j until the current sentence has a suggestion of `label` (with
 * `only`, that suggestion and no other).
 */
async function walkTo(page, label, { only = false } = {}) {
  for (let i = 0; i < 60; i++) {
    const suggested = (await attr(current(page), 'data-suggested')).split(' ');
    if (suggested.includes(label) && (!only || suggested.length === 1)) return;
    await page.keyboard.press('j');
  }
  assert.fail(`no sentence with a suggested ${label}`);
}

function checkContract(exported) {
  assert.equal(exported.format, 'hearsay');
  assert.equal(exported.version, 1);
  assert.equal(exported.offsets, 'codepoint');
  assert.ok(Array.isArray(exported.documents) && exported.documents.length > 0);
  for (const doc of exported.documents) {
    for (const key of ['id', 'name', 'text']) assert.equal(typeof doc[key], 'string', key);
    const n = Array.from(doc.text).length;
    let last = 0;
    for (const s of doc.sentences) {
      assert.ok(s.start >= last && s.start <= s.end && s.end <= n, `sentence ${s.start}..${s.end}`);
      assert.equal(typeof s.boilerplate, 'boolean');
      last = s.end;
    }
    const ids = new Set();
    for (const a of doc.annotations) {
      assert.ok(!ids.has(a.id), `duplicate id ${a.id}`);
      ids.add(a.id);
      assert.ok(['quote', 'claim', 'denial'].includes(a.label), a.label);
      assert.ok(a.start <= a.end && a.end <= n);
      assert.equal(a.text, slice(doc.text, a.start, a.end), `annotation ${a.id} text is its slice`);
      assert.ok([null, 'direct', 'reported'].includes(a.kind));
      assert.ok(a.confidence >= 0 && a.confidence <= 1);
      assert.ok(['extractor', 'annotator'].includes(a.origin));
      assert.ok(['suggested', 'accepted', 'rejected'].includes(a.status));
      if (a.speaker_span) assert.ok(a.speaker_span.end <= n);
    }
  }
}

test('first open shows the demo article analysed, makes no outside request, and a screenshot for the README', async () => {
  const requests = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.getByTestId('sentence').first().waitFor();
  assert.equal(await docs(page), 1);
  // The demo says it is one, and why it will go.
  assert.match(await page.getByTestId('demo-tag').getAttribute('title'), /leaves when you add an article of your own/);
  assert.ok((await page.locator('[data-suggested~=quote]').count()) >= 2);
  assert.ok((await page.locator('[data-suggested~=denial]').count()) >= 1);
  assert.ok((await page.locator('.speaker-badge').count()) >= 2);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'docs/annotator.png') });
  // With the network off the page goes on working: nothing is fetched.
  await context.setOffline(true);
  await paste(page, ARTICLE);
  assert.ok((await page.locator('[data-suggested~=quote]').count()) >= 1);
  // The demo, unchanged, left when the person's own article came in.
  assert.equal(await docs(page), 1);
  assert.equal(await page.getByTestId('demo-tag').count(), 0);
  for (const url of requests) assert.ok(url.startsWith(server.url), `outside request: ${url}`);
  await context.close();
});

test('paste, review with the keyboard, export, reload, re-import, undo and redo', async () => {
  const { context, page, errors } = await withArticle();
  // The untouched demo left when the article came in.
  assert.equal(await docs(page), 1);

  // Accept the first suggested quote.
  await walkTo(page, 'quote');
  const acceptedIdx = await attr(current(page), 'data-idx');
  const acceptedLabels = await attr(current(page), 'data-suggested');
  await page.keyboard.press('a');
  assert.equal(await attr(current(page), 'data-labels'), acceptedLabels);
  assert.equal(await attr(current(page), 'data-suggested'), '');

  // Reject the next suggestion.
  await page.keyboard.press('j');
  await walkTo(page, 'quote');
  const rejectedIdx = await attr(current(page), 'data-idx');
  await page.keyboard.press('x');
  assert.equal(await attr(current(page), 'data-suggested'), '');
  assert.equal(await attr(current(page), 'data-labels'), '');

  // Tag a sentence by hand, then undo and redo it.
  await page.keyboard.press('j');
  const before = await attr(current(page), 'data-labels');
  await page.keyboard.press('c');
  const tagged = await attr(current(page), 'data-labels');
  assert.ok(tagged.split(' ').includes('claim') !== before.split(' ').includes('claim'));
  await page.keyboard.press('u');
  assert.equal(await attr(current(page), 'data-labels'), before);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await attr(current(page), 'data-labels'), tagged);

  // Export JSON and check it against the contract, once the models have
  // scored every document again after these decisions.
  await settled(page);
  const json = await download(page, 'export-json');
  const exported = JSON.parse(json.text);
  checkContract(exported);
  assert.equal(exported.documents.length, 1);
  const doc = exported.documents[0];
  assert.equal(doc.text, ARTICLE);
  assert.ok(doc.annotations.some((a) => a.status === 'accepted' && a.label === 'quote'));
  assert.ok(doc.annotations.some((a) => a.status === 'rejected' && a.label === 'quote'));
  assert.ok(doc.annotations.some((a) => a.speaker === 'Petra Aalto'), 'speaker of the union quote');
  fs.writeFileSync(path.join(TMP, 'export.json'), json.text);

  // JSONL: one line per sentence with its labels.
  const jsonl = await download(page, 'export-jsonl');
  const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, exported.documents.reduce((n, d) => n + d.sentences.length, 0));
  assert.ok(lines.some((l) => l.labels.includes('quote')));

  // Reload: everything is back, including the place. The rejected quote
  // stays rejected; what the learned models suggest there now (a claim,
  // say) is saved and comes back as it was.
  const place = await attr(current(page), 'data-idx');
  const rejected = () => page.locator(`[data-testid=sentence][data-idx="${rejectedIdx}"]`);
  const rejectedSuggested = await attr(rejected(), 'data-suggested');
  assert.ok(!rejectedSuggested.split(' ').includes('quote'), rejectedSuggested);
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  assert.equal(await docs(page), 1);
  assert.equal(await attr(current(page), 'data-idx'), place);
  assert.equal(await attr(page.locator(`[data-testid=sentence][data-idx="${acceptedIdx}"]`), 'data-labels'), acceptedLabels);
  assert.equal(await attr(rejected(), 'data-suggested'), rejectedSuggested);
  const again = JSON.parse((await download(page, 'export-json')).text);
  assert.deepEqual(again, exported);
  assert.deepEqual(errors, []);
  await context.close();

  // Import that export into an empty page (fresh storage): same export back.
  const fresh = await open(browser, server.url);
  await fresh.page.getByTestId('import-file').setInputFiles(path.join(TMP, 'export.json'));
  await fresh.page.locator('[data-testid=document-item] .name', { hasText: 'pasted-1.txt' }).waitFor();
  await fresh.page.getByTestId('demo-tag').waitFor({ state: 'detached' });
  const restored = JSON.parse((await download(fresh.page, 'export-json')).text);
  assert.deepEqual(restored.documents.map((d) => ({ ...d, id: '' })), exported.documents.map((d) => ({ ...d, id: '' })));
  await fresh.context.close();
});

test('a hostile or malformed file is refused and nothing changes', async () => {
  const { context, page } = await withArticle();
  const before = JSON.parse((await download(page, 'export-json')).text);
  const evil = {
    format: 'hearsay', version: 1, offsets: 'codepoint',
    documents: [{ id: 'x', name: 'x.txt', text: 'abc', sentences: [], annotations: [
      { id: 'a1', label: 'quote', start: 0, end: 99, text: 'abc', kind: null, speaker: null, speaker_span: null,
        cue: null, confidence: 1, origin: 'annotator', status: 'accepted' }] }],
  };
  const files = [
    ['offsets.json', JSON.stringify(evil)],
    ['types.json', '{"format": "hearsay", "version": "one", "documents": 5}'],
    ['foreign.json', '[{"text": "doccano?", "label": []}]'],
    ['truncated.json', JSON.stringify(evil).slice(0, 40)],
  ];
  for (const [name, content] of files) {
    const file = path.join(TMP, name);
    fs.writeFileSync(file, content);
    await page.getByTestId('import-file').setInputFiles(file);
    const message = page.getByTestId('message');
    await message.filter({ hasText: name }).waitFor();
    assert.match(await message.getAttribute('class'), /error/, name);
    assert.match(await message.textContent(), /refused/, name);
  }
  // 50 MB of text: read, and refused for its size with the figures.
  const big = path.join(TMP, 'fifty.txt');
  fs.writeFileSync(big, 'The harbour board met again today. '.repeat(1_430_000));
  await page.getByTestId('import-file').setInputFiles(big);
  await page.getByTestId('message').filter({ hasText: 'fifty.txt' }).waitFor();
  assert.match(await page.getByTestId('message').textContent(),
    /refused: fifty\.txt: 50 MB is more than the 16 MB a document may have/);
  // 300 MB (sparse on disk): refused before it is read.
  const huge = path.join(TMP, 'huge.json');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 300_000_000);
  await page.getByTestId('import-file').setInputFiles(huge);
  await page.getByTestId('message').filter({ hasText: 'huge.json' }).waitFor();
  assert.match(await page.getByTestId('message').textContent(),
    /refused: huge\.json: 300 MB is more than the 100 MB a file may have/);
  await page.getByTestId('import-file').setInputFiles(path.join(ROOT, 'tests/e2e/fixtures/binary.txt'));
  await page.getByTestId('message').filter({ hasText: 'binary.txt' }).waitFor();
  assert.match(await page.getByTestId('message').textContent(), /not a text file|binary/);
  const after = JSON.parse((await download(page, 'export-json')).text);
  assert.deepEqual(after, before);
  await context.close();
});

test('storage unavailable at start shows the warning and the page still works', async () => {
  const init = () => {
    indexedDB.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  };
  const { context, page } = await open(browser, server.url, { init });
  const warning = page.getByTestId('storage-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /not being saved/);
  assert.equal(await docs(page), 1);
  await page.keyboard.press('c');
  assert.match(await attr(current(page), 'data-labels'), /claim/);
  await context.close();
});

test('storage failing mid-session shows the warning and work stays exportable', async () => {
  const init = () => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  const { context, page } = await open(browser, server.url, { init });
  await page.keyboard.press('c');
  const warning = page.getByTestId('storage-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /not being saved/);
  const exported = JSON.parse((await download(page, 'export-json')).text);
  assert.ok(exported.documents[0].annotations.some((a) => a.origin === 'annotator'));
  await context.close();
});

/** Selects `words` inside the segment that holds them, as a mouse would. */
async function select(page, words) {
  await page.evaluate((words) => {
    const el = [...document.querySelectorAll('[data-testid=sentence] [data-start]')].find((e) => e.textContent.includes(words));
    const node = el.firstChild;
    const at = node.textContent.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, words);
}

test('selecting text with emoji makes a quote of exactly that text', async () => {
  const { context, page } = await withArticle();
  const wanted = 'but I can’t miss work again 😩';
  await select(page, wanted);
  const exported = JSON.parse((await download(page, 'export-json')).text);
  const doc = exported.documents.at(-1);
  const made = doc.annotations.filter((a) => a.origin === 'annotator');
  assert.equal(made.length, 1);
  assert.equal(made[0].text, wanted);
  assert.equal(slice(doc.text, made[0].start, made[0].end), wanted);
  await context.close();
});

test('a selection that cuts words makes a quote of the whole words', async () => {
  const { context, page } = await withArticle();
  const whole = 'but I can’t miss work';
  const cut = whole.slice(2, -2); // "t I can’t miss wo"
  await select(page, cut);
  const exported = JSON.parse((await download(page, 'export-json')).text);
  const made = exported.documents.at(-1).annotations.filter((a) => a.origin === 'annotator');
  assert.equal(made.length, 1);
  assert.equal(made[0].text, whole);
  await context.close();
});

test('dropping several files adds each as a document', async () => {
  const { context, page } = await open(browser, server.url);
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['“We will not sell the mill,” owner Rosa Klee said on Friday.'], 'mill.txt', { type: 'text/plain' }));
    transfer.items.add(new File(['<p>&ldquo;Prices will fall,&rdquo; analyst Ben Otto said.</p><script>bad()</script>'], 'page.html', { type: 'text/html' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-item]').length === 2);
  // The demo, unchanged, left; the first file dropped is open.
  const names = await page.getByTestId('document-item').locator('.name').allTextContents();
  assert.deepEqual(names, ['mill.txt', 'page.html']);
  assert.equal(await page.locator('[data-testid=document-item].current .name').textContent(), 'mill.txt');
  assert.match(await page.getByTestId('sentences').textContent(), /Rosa Klee/);
  // The HTML was reduced to its text.
  await page.getByTestId('document-item').nth(1).click();
  await page.getByTestId('sentences').filter({ hasText: 'Ben Otto' }).waitFor();
  const text = await page.getByTestId('sentences').textContent();
  assert.match(text, /“Prices will fall,” analyst Ben Otto said\./);
  assert.doesNotMatch(text, /bad\(\)/);
  // The same files again: nothing is added, and the message says so.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['“We will not sell the mill,” owner Rosa Klee said on Friday.'], 'mill.txt', { type: 'text/plain' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.getByTestId('message').filter({ hasText: 'mill.txt: already open as mill.txt, not added again' }).waitFor();
  assert.equal(await docs(page), 2);
  await context.close();
});

test('speaker editing completes from the document and filters narrow the sentences', async () => {
  const { context, page } = await withArticle();
  // A sentence with a quote and nothing else: correcting its speaker
  // decides all there is to decide in it.
  await walkTo(page, 'quote', { only: true });
  await page.keyboard.press('s');
  const input = page.getByTestId('speaker-input');
  await input.waitFor();
  const options = await page.locator('#speakers option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.includes('Petra Aalto'), `completion offers ${options}`);
  await input.fill('P. Aalto');
  await input.press('Enter');
  await input.waitFor({ state: 'detached' });
  assert.match(await current(page).locator('.speaker-badge').first().textContent(), /P\. Aalto/);
  assert.match(await attr(current(page), 'data-labels'), /quote/, 'a corrected speaker accepts the quote');
  // `s` again starts from the speaker now given, selected.
  await page.keyboard.press('s');
  await input.waitFor();
  assert.equal(await input.inputValue(), 'P. Aalto');
  assert.equal(await input.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), 'P. Aalto');
  await input.press('Escape');
  await input.waitFor({ state: 'detached' });

  const all = await page.getByTestId('sentence').count();
  await page.getByTestId('filter-label').selectOption('denial');
  const denials = await page.getByTestId('sentence').count();
  assert.ok(denials >= 1 && denials < all, `${denials} of ${all}`);
  for (const row of await page.getByTestId('sentence').all()) {
    assert.match((await attr(row, 'data-labels')) + ' ' + (await attr(row, 'data-suggested')), /denial/);
  }
  await page.getByTestId('filter-label').selectOption('');
  await page.getByTestId('filter-status').selectOption('accepted');
  assert.equal(await page.getByTestId('sentence').count(), 1);
  await page.getByTestId('filter-status').selectOption('');
  await page.getByTestId('search').fill('NORDRAIL');
  const hits = await page.getByTestId('sentence').allTextContents();
  assert.ok(hits.length >= 2 && hits.every((t) => /nordrail/i.test(t)), hits.join(' | '));
  await context.close();
});

test('Esc leaves the search field: the next key is a command, not text', async () => {
  const { context, page } = await withArticle();
  await page.keyboard.press('/');
  await page.keyboard.type('union');
  const matching = await page.getByTestId('sentence').count();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'sentences');
  const before = await attr(current(page), 'data-idx');
  await page.keyboard.press('j');
  assert.ok(!(await page.getByTestId('search').inputValue()).includes('j'));
  assert.notEqual(await attr(current(page), 'data-idx'), before, 'j moved to the next sentence');
  assert.ok((await page.getByTestId('sentence').count()) >= matching);
  await context.close();
});

test('the mouse does what the keys do', async () => {
  const { context, page } = await withArticle();
  // A quote without a suggested denial: the denial button then adds one.
  const row = page.locator('[data-testid=sentence][data-suggested~=quote]:not([data-suggested~=denial])').first();
  await row.click();
  const idx = await attr(row, 'data-idx');
  assert.equal(await attr(current(page), 'data-idx'), idx);
  const suggested = await attr(current(page), 'data-suggested');
  await page.getByTestId('action-accept').click();
  assert.equal(await attr(current(page), 'data-labels'), suggested);
  await page.getByTestId('action-undo').click();
  assert.equal(await attr(current(page), 'data-suggested'), suggested);
  await page.getByTestId('action-redo').click();
  assert.equal(await attr(current(page), 'data-labels'), suggested);
  await page.getByTestId('action-denial').click();
  assert.match(await attr(current(page), 'data-labels'), /denial/);
  await page.getByTestId('action-reject').click();
  assert.equal(await attr(current(page), 'data-labels'), '');
  await context.close();
});

test('two tabs: the one that did not save last is told and stops saving', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page: first } = await tab(context, server.url);
  const { page: second } = await tab(context, server.url);
  // The second tab saves a decision: the first one is told.
  await second.keyboard.press('c');
  await first.getByTestId('tab-warning').waitFor();
  assert.match(await first.getByTestId('tab-warning').textContent(), /another tab/);
  // The first tab's later edits do not overwrite what the second saved:
  // once the denial is on screen and the save it scheduled has run (and
  // found it must not write), storage is what the second tab left.
  await first.keyboard.press('j');
  await first.keyboard.press('d');
  await first.locator('[data-testid=sentence][data-idx="1"][data-labels~=denial]').waitFor();
  await saveState(first, 'unsaved');
  const { page: third } = await tab(context, server.url);
  const row = third.locator('[data-testid=sentence][data-idx="0"]');
  assert.match(await attr(row, 'data-labels'), /claim/);
  assert.doesNotMatch(await attr(third.locator('[data-testid=sentence][data-idx="1"]'), 'data-labels'), /denial/);
  await context.close();
});

test('export to other tools and import their files back', async () => {
  const { context, page } = await open(browser, server.url);
  // An article nobody reviews, then the one reviewed.
  await paste(page, '“The ferry will run all winter,” harbour master Ida Berg said.');
  await paste(page, ARTICLE);
  await walkTo(page, 'quote');
  await page.keyboard.press('a');
  const hearsay = JSON.parse((await download(page, 'export-json')).text);
  const doc = hearsay.documents.at(-1);
  const files = {};
  for (const format of ['doccano', 'doccano-relations', 'label-studio', 'prodigy', 'brat', 'web-annotation', 'csv']) {
    await page.getByTestId('export-format').selectOption(format);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-other').click()]);
    const target = path.join(TMP, `${format}-${file.suggestedFilename()}`);
    await file.saveAs(target);
    files[format] = target;
  }
  // doccano: code point offsets into the same text, and only what the
  // person decided: the accepted quote, not the suggestions around it; the
  // other article, where nothing was decided, is left out and the page
  // says so.
  const doccanoLines = fs.readFileSync(files.doccano, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(doccanoLines.map((l) => l.name), [doc.name]);
  await page.getByTestId('message').filter({ hasText: 'have no decision in them and were left out' }).waitFor();
  const doccano = doccanoLines.at(-1);
  assert.equal(doccano.text, doc.text);
  assert.equal(doccano.review, 'partial');
  const decided = doc.annotations.filter((a) => a.status === 'accepted');
  assert.deepEqual(doccano.label.map(([s, e]) => [s, e]), decided.map((a) => [a.start, a.end]));
  for (const [start, end] of doccano.label) assert.ok(end <= Array.from(doc.text).length && start < end);
  // The pre-annotations entry is a separate choice: every document, every
  // suggestion not rejected.
  await page.getByTestId('export-format').selectOption('pre:doccano');
  const [preFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-other').click()]);
  assert.equal(preFile.suggestedFilename(), 'hearsay-pre-annotations.jsonl');
  const pre = fs.readFileSync(await preFile.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(pre.length, hearsay.documents.length);
  const offered = doc.annotations.filter((a) => a.status !== 'rejected');
  assert.equal(pre.at(-1).label.length, offered.length);
  // Label Studio tasks and the brat zip.
  const studio = JSON.parse(fs.readFileSync(files['label-studio'], 'utf8'));
  assert.equal(studio.at(-1).data.text, doc.text);
  assert.equal(fs.readFileSync(files.brat).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  assert.match(fs.readFileSync(files.csv, 'utf8'), /document,speaker,quote,label,status/);
  await context.close();

  // Import the Label Studio, doccano and brat files, each into a fresh
  // page (the same text twice in one page is added once).
  const accepted = doc.annotations.filter((a) => a.status === 'accepted');
  for (const [format, tool] of [['label-studio', 'label-studio'], ['doccano-relations', 'doccano'], ['brat', 'brat']]) {
    const fresh = await open(browser, server.url);
    await fresh.page.getByTestId('import-file').setInputFiles([files[format]]);
    await fresh.page.getByTestId('message').filter({ hasText: tool }).waitFor();
    const back = JSON.parse((await download(fresh.page, 'export-json')).text);
    const copy = back.documents.find((d) => d.text === doc.text);
    assert.ok(copy, `${format}: the reviewed article came back`);
    assert.ok(copy.sentences.length > 0, 'imported documents get sentences');
    for (const a of accepted) {
      assert.ok(copy.annotations.some((b) => b.start === a.start && b.end === a.end && b.label === a.label),
        `${format}: span ${a.start}..${a.end} kept`);
    }
    await fresh.context.close();
  }
});

test('a reload in the same moment as a decision keeps the decision', async () => {
  // Timers can be held back, so that the save scheduled after the key
  // press never runs: only the flush when the page is hidden can save it.
  const init = () => {
    const setTimeoutOriginal = window.setTimeout.bind(window);
    window.__holdTimers = false;
    window.setTimeout = (f, ms, ...args) => (window.__holdTimers ? 0 : setTimeoutOriginal(f, ms, ...args));
  };
  const { context, page } = await open(browser, server.url, { init });
  await page.keyboard.press('j');
  // The database is open and the move is saved, so only the flush when the
  // page is hidden can save what follows.
  await page.locator('[data-testid=sentence].current[data-idx="1"]').waitFor();
  await saveState(page, 'saved');
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => {
      window.__holdTimers = true;
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
      location.reload();
    }),
  ]);
  await page.locator('[data-testid=sentence].current').waitFor();
  assert.equal(await attr(current(page), 'data-idx'), '1');
  assert.match(await attr(current(page), 'data-labels'), /claim/);
  await context.close();
});

test('review can run least confident first', async () => {
  const { context, page } = await withArticle();
  await page.getByTestId('filter-order').selectOption('confidence');
  const rows = page.getByTestId('sentence');
  const confidences = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-confidence')));
  const shown = confidences.filter((c) => c !== null).map(Number);
  assert.ok(shown.length >= 3, `${confidences}`);
  assert.deepEqual(shown, [...shown].sort((a, b) => a - b), 'least confident first');
  // The suggested rows come before the rest.
  assert.equal(confidences.indexOf(null), shown.length === confidences.length ? -1 : shown.length);
  // j and k walk the rows in the order shown.
  const first = await attr(rows.nth(0), 'data-idx');
  const second = await attr(rows.nth(1), 'data-idx');
  await rows.nth(0).click();
  await page.keyboard.press('j');
  assert.equal(await attr(current(page), 'data-idx'), second);
  await page.keyboard.press('k');
  assert.equal(await attr(current(page), 'data-idx'), first);
  await context.close();
});

test('a document is renamed in the list, and the name is kept after a reload', async () => {
  const { context, page } = await open(browser, server.url);
  const item = page.getByTestId('document-item').first();
  const rename = async (answer) => {
    page.once('dialog', (dialog) => dialog.accept(answer));
    await item.getByTestId('rename-document').click();
  };
  await rename('   ');
  await page.locator('.message').waitFor();
  assert.match(await page.locator('.message').textContent(), /name needs 1 to 200 characters/);
  assert.equal(await item.locator('.name').textContent(), 'demo-veldhaven-bridge.txt');
  await rename('  Bridge vote, first draft ');
  await page.waitForFunction(() => document.querySelector('[data-testid=document-item] .name').textContent === 'Bridge vote, first draft');
  await saveState(page, 'saved');
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  assert.equal(await page.getByTestId('document-item').first().locator('.name').textContent(), 'Bridge vote, first draft');
  const exported = JSON.parse((await download(page, 'export-json')).text);
  assert.equal(exported.documents[0].name, 'Bridge vote, first draft');
  await context.close();
});

test('a speaker chip lights up its quotes and the name in the text, and the reverse', async () => {
  const { context, page } = await open(browser, server.url);
  const chip = page.locator('.speaker-badge', { hasText: 'Ines Barros' }).first();
  await chip.hover();
  const linked = page.locator('.linked');
  await linked.first().waitFor();
  const kinds = await linked.evaluateAll((els) => els.map((el) => el.className));
  assert.ok(kinds.some((k) => k.includes('speaker-badge')), kinds.join(' | '));
  assert.ok(kinds.some((k) => k.includes('mark-quote')), kinds.join(' | '));
  assert.ok(kinds.some((k) => k.includes('mention')), kinds.join(' | '));
  const names = await linked.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-speaker')))]);
  assert.deepEqual(names, ['Ines Barros']);
  // Away from it, nothing stays lit; on a quote, its chip lights.
  await page.getByTestId('legend').hover();
  assert.equal(await linked.count(), 0);
  const quote = page.locator('.mark-quote[data-speaker="Joost van Leer"]').first();
  await quote.hover();
  assert.ok((await page.locator('.speaker-badge.linked').count()) >= 1);
  // The keyboard reaches the chips too.
  await chip.focus();
  assert.equal(await page.locator('.mention.linked[data-speaker="Ines Barros"]').count() > 0, true);
  await context.close();
});

test('a removed document comes back with undo, and stays removed after a reload otherwise', async () => {
  const { context, page } = await withArticle();
  await paste(page, '“The ferry will run all winter,” harbour master Ida Berg said.');
  assert.equal(await docs(page), 2);
  const second = page.getByTestId('document-item').nth(1);
  const name = await second.locator('.name').textContent();
  await second.locator('.remove').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-item]').length === 1);
  assert.match(await page.locator('.message').textContent(), /removed .*: u puts it back/);
  await page.keyboard.press('u');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-item]').length === 2);
  assert.equal(await page.getByTestId('document-item').nth(1).locator('.name').textContent(), name);
  await saveState(page, 'saved');
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  assert.equal(await docs(page), 2);
  // Removed for good: gone after a reload.
  await page.getByTestId('document-item').nth(1).locator('.remove').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-item]').length === 1);
  await saveState(page, 'saved');
  await page.reload();
  await page.getByTestId('sentence').first().waitFor();
  assert.equal(await docs(page), 1);
  await context.close();
});

test('with every document removed the page says that none may be open, not only that a filter hides them', async () => {
  const { context, page } = await open(browser, server.url);
  await page.getByTestId('sentence').first().waitFor();
  const empty = page.getByTestId('empty');
  while ((await docs(page)) > 0) {
    const left = await docs(page);
    await page.getByTestId('document-item').first().locator('.remove').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document-item]').length === n - 1, left);
  }
  await empty.waitFor();
  assert.match(await empty.textContent(), /no document is open/);
  await context.close();
});

test('the key guide has a title and a close button; dragged files show where they go', async () => {
  const { context, page } = await open(browser, server.url);
  await page.getByTestId('sentence').first().waitFor();
  await page.keyboard.press('?');
  const guide = page.getByTestId('key-guide');
  await guide.waitFor();
  assert.equal(await guide.locator('h2').textContent(), 'Keys');
  await page.getByTestId('key-guide-close').click();
  await guide.waitFor({ state: 'hidden' });
  // Files over the page: the page shows it, and stops when they leave.
  const app = page.locator('.app');
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }));
    document.querySelector('.reader').dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.locator('.app.dragging').waitFor();
  await page.evaluate(() => document.querySelector('.app').dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null })));
  await page.locator('.app:not(.dragging)').waitFor();
  assert.equal(await app.getAttribute('class'), 'app');
  await context.close();
});

test('the guidelines sit beside the text on a wide screen and above it on a phone', async () => {
  for (const [width, height, where] of [[1400, 900, 'beside'], [390, 844, 'above']]) {
    const { context, page } = await open(browser, server.url, { context: { viewport: { width, height } } });
    await page.getByTestId('sentence').first().waitFor();
    await page.keyboard.press('g');
    const panel = page.getByTestId('guidelines');
    await panel.waitFor();
    const box = await panel.boundingBox();
    const text = await page.getByTestId('sentences').boundingBox();
    if (where === 'beside') {
      assert.ok(box.x >= text.x + text.width, `panel at x ${box.x}, text ends at ${text.x + text.width}`);
    } else {
      assert.ok(box.y + box.height <= text.y, `panel ends at y ${box.y + box.height}, text starts at ${text.y}`);
    }
    await context.close();
  }
});

test('a Windows-1252 or UTF-16 article is decoded, and the message says how it was read', async () => {
  const { context, page } = await open(browser, server.url);
  await page.getByTestId('sentence').first().waitFor();
  // “We stay,” René Aubry said. — in Windows-1252, then in UTF-16LE with its mark.
  const cp1252 = path.join(TMP, 'old.txt');
  fs.writeFileSync(cp1252, Buffer.from([0x93, ...Buffer.from('We stay,', 'latin1'), 0x94, ...Buffer.from(' Ren\xe9 Aubry said.', 'latin1')]));
  await page.getByTestId('import-file').setInputFiles(cp1252);
  await page.getByTestId('message').filter({ hasText: 'old.txt: added, decoded from Windows-1252: it is not UTF-8' }).waitFor();
  assert.match(await page.getByTestId('sentences').textContent(), /“We stay,” René Aubry said\./);
  const wide = path.join(TMP, 'wide.txt');
  fs.writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Nous restons,” dit Zoë Marin.', 'utf16le')]));
  await page.getByTestId('import-file').setInputFiles(wide);
  await page.getByTestId('message').filter({ hasText: 'wide.txt: added, decoded from UTF-16LE' }).waitFor();
  assert.match(await page.getByTestId('sentences').textContent(), /Zoë Marin/);
  await context.close();
});
