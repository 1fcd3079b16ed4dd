// The language server's analysis cache: one analysis per document version, full analyses kept for the
// most recently used documents only (memory stays bounded with thousands of files open), skips kept for all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bundleSource } from '../../scripts/typescript-shim.mjs';
import { repoRoot } from '../helpers/analysis.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-cache-'));
const out = path.join(dir, 'cache.cjs');
await bundleSource(
  "export { AnalysisCache, ANALYSES_KEPT } from './server/src/lsp/analysisCache'; export { DEFAULT_SETTINGS } from './server/src/settingsWithRules'; export { TextDocument } from 'vscode-languageserver-textdocument';",
  out,
  repoRoot,
);
const { AnalysisCache, ANALYSES_KEPT, DEFAULT_SETTINGS, TextDocument } = createRequire(import.meta.url)(out);
fs.rmSync(dir, { recursive: true, force: true });

const handler = (i) => `app.get('/r${i}', (req, res) => res.status(200).json({ success: false }));\n`;
const doc = (i, text = handler(i), version = 1) => TextDocument.create(`file:///ws/r${i}.js`, 'javascript', version, text);

test('the cache keeps the most recently used analyses, and a skip for every skipped document', () => {
  const logs = [];
  const cache = new AnalysisCache((line) => logs.push(line));
  const docs = Array.from({ length: ANALYSES_KEPT + 6 }, (_, i) => doc(i));
  for (const d of docs) assert.equal(cache.get(d, DEFAULT_SETTINGS).run.findings.length, 1);
  // Using the first one again makes it recent: it survives, the next-oldest go.
  cache.get(docs[0], DEFAULT_SETTINGS);
  cache.get(doc(999), DEFAULT_SETTINGS);
  assert.ok(cache.peek(docs[0].uri), 'used again: kept');
  for (let i = 1; i <= 7; i++) assert.equal(cache.peek(docs[i].uri), undefined, `doc ${i}: dropped, oldest`);
  assert.ok(cache.peek(docs.at(-1).uri), 'the newest: kept');
  // An evicted document is analysed again on demand, with the same result.
  assert.equal(cache.get(docs[1], DEFAULT_SETTINGS).run.findings.length, 1);

  const huge = doc(1000, handler(1000) + '// padding\n'.repeat(200_000));
  assert.match(cache.get(huge, DEFAULT_SETTINGS).skipped, /maxFileSizeKb/);
  for (let i = 0; i < ANALYSES_KEPT + 2; i++) cache.get(doc(2000 + i), DEFAULT_SETTINGS);
  assert.match(cache.peek(huge.uri).skipped, /maxFileSizeKb/, 'skips are not evicted by analyses');
  cache.get(huge, DEFAULT_SETTINGS);
  assert.equal(logs.filter((l) => l.includes('r1000.js')).length, 1, 'a skip is logged once');
});

test('the same version is analysed once; the next version reuses the untouched statements', () => {
  const cache = new AnalysisCache(() => {});
  const text = handler(1) + handler(2) + handler(3);
  const d = doc(1, text);
  const first = cache.get(d, DEFAULT_SETTINGS);
  assert.equal(cache.get(d, DEFAULT_SETTINGS), first, 'same version: the cached analysis');
  const at = text.indexOf("'/r2'") + 2;
  TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at) }, text: 'x' }], 2);
  const second = cache.get(d, DEFAULT_SETTINGS);
  assert.notEqual(second, first);
  const segments = first.analysis.walk.segments;
  // Reused segments are copies (their offsets moved), carrying the walk that produced them.
  assert.deepEqual(
    second.analysis.walk.segments.map((s, i) => s.walkedAt === segments[i].walkedAt),
    [true, false, true],
    'only the edited statement is walked again',
  );
  assert.equal(second.run.findings.length, 3);
});
