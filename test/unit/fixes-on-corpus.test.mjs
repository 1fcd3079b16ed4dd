// Every quick fix offered anywhere in the corpus and the examples, applied, gives code that parses
// no worse than before; fix-all (the preferred fix of each finding, non-overlapping) is idempotent:
// a second run right after the first changes nothing. Runs over whatever rules exist, in both presets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { api, settings, syntaxErrorCount, lineOf, FIXTURE_FILES, repoRoot as root } from '../helpers/analysis.mjs';

const FILES = FIXTURE_FILES;
const PRESETS = ['recommended', 'strict'];
const textOf = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
/** One analysis per file and preset, shared by the quick-fix and fix-all tests. */
const runs = new Map();
function analysed(file, preset) {
  const key = `${preset}:${file}`;
  if (!runs.has(key)) runs.set(key, api.analyzeText(textOf.get(file), file, settings({ preset })));
  return runs.get(key);
}

test('the corpus is there and has fixes to try', () => {
  assert.ok(FILES.length >= 20, `${FILES.length} files`);
  const offered = FILES.flatMap((f) => analysed(f, 'recommended').findings.flatMap((x) => x.fixes));
  assert.ok(offered.length >= 10, `${offered.length} fixes offered over the corpus`);
});

for (const preset of PRESETS) {
  test(`every quick fix parses (${preset})`, async (t) => {
    let applied = 0;
    for (const file of FILES) {
      const text = textOf.get(file);
      const base = syntaxErrorCount(text, file);
      for (const f of analysed(file, preset).findings) {
        for (const fix of f.fixes) {
          const where = `${file}:${lineOf(text, f.start)} ${f.ruleId} fix "${fix.title}"`;
          assert.ok(fix.edits.length > 0, `${where}: has edits`);
          const fixed = api.applyEdits(text, fix.edits);
          assert.notEqual(fixed, text, `${where}: changes the text`);
          const errors = syntaxErrorCount(fixed, file);
          if (errors > base) {
            const at = Math.min(...fix.edits.map((e) => e.start));
            assert.fail(`${where}: adds ${errors - base} syntax error(s); around the edit:\n${fixed.slice(Math.max(0, at - 200), at + 300)}`);
          }
          applied++;
        }
      }
    }
    t.diagnostic(`${applied} fixes applied and re-parsed over ${FILES.length} files`);
  });

  test(`fix-all is idempotent and parses (${preset})`, async (t) => {
    const s = settings({ preset });
    let files = 0;
    const problems = [];
    for (const file of FILES) {
      const text = textOf.get(file);
      const once = api.fixAll(text, file, s, analysed(file, preset));
      if (once.applied === 0) continue;
      files++;
      // The edits handed to the editor produce exactly the fixed text.
      assert.equal(api.applyEdits(text, once.edits), once.text, `${file}: fix-all edits give its text`);
      assert.ok(syntaxErrorCount(once.text, file) <= syntaxErrorCount(text, file), `${file}: fix-all adds syntax errors`);
      const twice = api.fixAll(once.text, file, s);
      if (twice.applied > 0 || twice.text !== once.text) {
        const left = api.preferredNonOverlappingEdits(api.analyzeText(once.text, file, s).findings).applied;
        problems.push(
          `${file}: a second fix-all still fixes ${left.map((f) => `${f.ruleId}@${lineOf(once.text, f.start)} ("${f.fixes.find((x) => x.isPreferred).title}")`).join(', ')}`,
        );
      }
    }
    assert.deepEqual(problems, [], 'fix-all leaves nothing for a second run');
    t.diagnostic(`fix-all applied in ${files} files`);
  });
}
