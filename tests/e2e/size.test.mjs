// The page's download budget: the release build's wasm and JS, gzipped at
// level 9, stay within 400 KB together (the core's embedded models are
// part of the wasm). Needs `trunk build --release` first, as the journeys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './support.mjs';

const BUDGET = 400_000;

test('the wasm and its JS glue fit in 400 KB gzipped', () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'));
  assert.ok(files.some((f) => f.endsWith('.wasm')), `no wasm in ${DIST}: ${files}`);
  const sizes = files.map((f) => [f, zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  assert.ok(total <= BUDGET, `${total} bytes gzipped: ${JSON.stringify(sizes)}`);
});
