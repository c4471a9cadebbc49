// The response headers of the release build (needs `trunk build --release`
// first): dist/_headers, for static hosts that read one, gives the page's
// own Content-Security-Policy plus what a meta tag cannot set
// (frame-ancestors 'none'), and the service worker does not try to cache
// it (hosts do not serve it, and a failed fetch would stop the install).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './support.mjs';

const headers = () => fs.readFileSync(path.join(DIST, '_headers'), 'utf8');

function header(name) {
  const line = headers().split('\n').find((l) => l.trim().startsWith(`${name}:`));
  assert.ok(line, `no ${name} in _headers:\n${headers()}`);
  return line.slice(line.indexOf(':') + 1).trim();
}

test('_headers forbids framing by any origin', () => {
  assert.match(header('Content-Security-Policy'), /frame-ancestors 'none'/);
  assert.equal(header('X-Frame-Options'), 'DENY');
});

test("_headers sends the page's own policy", () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.equal(header('Content-Security-Policy'), `${meta}; frame-ancestors 'none'`);
});

test('_headers applies to every path', () => {
  assert.equal(headers().split('\n')[0], '/*');
});

test('the service worker does not cache _headers', () => {
  const worker = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.ok(!worker.includes('_headers'), 'sw.js lists _headers');
});
