// The text scans that run on every edit of an open document: the changed range handed to
// TypeScript's incremental parser, line starts, and the minified-file check. Each is checked against
// a plain character-by-character reference on random texts, including the edge cases the fast paths
// could miss (edits at either end, repeated characters, \r\n and lone \r line ends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { api } from '../helpers/analysis.mjs';

const SEED = 20261124;
const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é', '😀'), maxLength: 200 });

test('changeRange: applying the range to the old text gives the new text, and the range is the smallest', () => {
  fc.assert(
    fc.property(text, text, (oldText, newText) => {
      const r = api.changeRange(oldText, newText);
      const { start, length } = r.span;
      assert.equal(oldText.slice(0, start) + newText.slice(start, start + r.newLength) + oldText.slice(start + length), newText);
      // Smallest: one more character of common prefix or suffix would not fit.
      let prefix = 0;
      const max = Math.min(oldText.length, newText.length);
      while (prefix < max && oldText[prefix] === newText[prefix]) prefix++;
      assert.equal(start, prefix);
      let suffix = 0;
      while (suffix < max - prefix && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
      assert.equal(length, oldText.length - prefix - suffix);
    }),
    { seed: SEED, numRuns: 2000 },
  );
  // Typing one more of a repeated character: the insertion is placed after the common prefix.
  assert.deepEqual(api.changeRange('aaa', 'aaaa'), { span: { start: 3, length: 0 }, newLength: 1 });
  assert.deepEqual(api.changeRange('same', 'same'), { span: { start: 4, length: 0 }, newLength: 0 });
});

test('computeLineStarts: \\n, \\r\\n and lone \\r each end a line', () => {
  const reference = (t) => {
    const starts = [0];
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '\r' && t[i + 1] === '\n') i++;
      if (t[i] === '\n' || t[i] === '\r') starts.push(i + 1);
    }
    return starts;
  };
  fc.assert(
    fc.property(text, (t) => assert.deepEqual(api.computeLineStarts(t), reference(t))),
    { seed: SEED, numRuns: 2000 },
  );
  assert.deepEqual(api.computeLineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  assert.deepEqual(api.computeLineStarts('a\nb\n'), [0, 2, 4]);
});

test('skipReason: counts lines and the longest line as a reader would', () => {
  const lines = Array.from({ length: 9 }, (_, i) => 'x'.repeat(i === 4 ? 6000 : 100));
  assert.equal(api.skipReason(lines.join('\n'), 1024), 'looks minified (9 lines, longest 6000 characters)');
  assert.equal(api.skipReason(lines.join('\n') + '\n', 1024), 'looks minified (10 lines, longest 6000 characters)');
  const lastLongest = [...lines.slice(0, 8).map(() => 'y'), 'z'.repeat(7000)].join('\n');
  assert.equal(api.skipReason(lastLongest, 1024), 'looks minified (9 lines, longest 7000 characters)');
  const readable = Array.from({ length: 200 }, () => 'const a = 1;').join('\n');
  assert.equal(api.skipReason(readable, 1024), undefined);
});
