// Fix-all (analysis/fixAll.ts): preferred fixes that do not overlap, repeated to a fixed point.
// The corpus-wide idempotence check lives in fixes-on-corpus.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, settings, syntaxErrorCount } from '../helpers/analysis.mjs';

const finding = (ruleId, start, edits, preferred = true) => ({
  ruleId,
  severity: 'warning',
  message: '',
  start,
  end: start + 1,
  fixes: [{ title: 'fix', edits, isPreferred: preferred }],
});

test('preferred fixes only, and never two that overlap or insert at the same point', () => {
  const picked = api.preferredNonOverlappingEdits([
    finding('a', 0, [{ start: 0, end: 3, newText: 'x' }]),
    finding('b', 2, [{ start: 2, end: 5, newText: 'y' }]), // overlaps a
    finding('c', 6, [{ start: 6, end: 6, newText: 'z' }]),
    finding('d', 6, [{ start: 6, end: 6, newText: 'w' }]), // same insertion point as c
    finding('e', 8, [{ start: 8, end: 9, newText: 'v' }], false), // not preferred
    finding('f', 3, [{ start: 3, end: 3, newText: 'u' }]), // touches a's end: fine
  ]);
  assert.deepEqual(
    picked.applied.map((f) => f.ruleId),
    ['a', 'c', 'f'],
  );
  assert.equal(api.applyEdits('0123456789', picked.edits), 'xu345z6789');
});

test('diffEdit is the smallest single edit between two texts', () => {
  for (const [a, b] of [
    ['abcdef', 'abXYef'],
    ['same', 'same'],
    ['', 'new'],
    ['old', ''],
    ['aaa', 'aaaa'],
  ]) {
    const e = api.diffEdit(a, b);
    assert.equal(api.applyEdits(a, [e]), b, `${a} → ${b}`);
  }
  assert.deepEqual(api.diffEdit('res.status(200).json(x)', 'res.status(500).json(x)'), { start: 11, end: 12, newText: '5' });
});

test('fixAll follows a fix that reveals another finding, in one call', () => {
  // '500' → 500 (invalid-status-code) overlaps 500 → 404 (server-error-for-not-found): the second waits for the next pass.
  const text = `app.get('/r/:id', async (req, res) => {\n  const r = await Report.findById(req.params.id);\n  if (!r) return res.status('500').json({ error: 'Report not found' });\n  res.json(r);\n});\n`;
  const s = settings();
  const onePass = api.preferredNonOverlappingEdits(api.analyzeText(text, 'o.js', s).findings);
  const afterOnePass = api.applyEdits(text, onePass.edits);
  assert.ok(
    api.preferredNonOverlappingEdits(api.analyzeText(afterOnePass, 'o.js', s).findings).edits.length > 0,
    'one pass leaves a fix to make (the case this is about)',
  );

  const result = api.fixAll(text, 'o.js', s);
  assert.ok(result.applied >= 2, `${result.applied} fixes`);
  assert.equal(api.applyEdits(text, result.edits), result.text, 'the edits give the text');
  assert.equal(syntaxErrorCount(result.text, 'o.js'), 0);
  const again = api.fixAll(result.text, 'o.js', s);
  assert.deepEqual({ applied: again.applied, edits: again.edits, same: again.text === result.text }, { applied: 0, edits: [], same: true });
});

test('fixAll with one pass of fixes returns those edits, not a whole-text diff', () => {
  const text = `app.get('/r/:id', async (req, res) => {\n  const r = await Report.findById(req.params.id);\n  if (!r) return res.status('404').json({ error: 'Report not found' });\n  res.json(r);\n});\n`;
  const result = api.fixAll(text, 'r.js', settings());
  assert.deepEqual(
    result.edits.map((e) => e.newText),
    ['404'],
  );
  assert.match(result.text, /res\.status\(404\)/);
});

test('the one fix loop (fix-all and --fix) keeps the original when any pass would add syntax errors, and takes overlapping fixes one per pass', () => {
  // No shipped rule offers such a fix today: drive the loop directly with one that does.
  const { fixToFixedPoint } = api;
  const finding = (start, end, newText) => ({
    ruleId: 'x',
    severity: 'warning',
    message: 'm',
    start,
    end,
    fixes: [{ title: 't', edits: [{ start, end, newText }], isPreferred: true }],
  });
  const original = 'res.status(200).json({ ok: false });\n';
  const errorsOf = (text) => (text.split('(').length !== text.split(')').length ? 1 : 0);
  // Pass 1 fixes the code; pass 2's fix breaks the syntax: the whole file is kept as it was.
  const analyze = (text) => ({
    findings: text.includes('200') ? [finding(11, 14, '404')] : text.includes('404)') ? [finding(14, 15, '')] : [],
    syntaxErrors: errorsOf(text),
  });
  const refused = fixToFixedPoint(original, analyze(original), analyze);
  assert.equal(refused.text, original);
  assert.equal(refused.applied, 0);
  assert.deepEqual(refused.edits, []);
  assert.match(refused.refused, /would add 1 syntax error/);
  // Without the breaking second fix, the first applies.
  const analyzeOk = (text) => ({ findings: text.includes('200') ? [finding(11, 14, '404')] : [], syntaxErrors: errorsOf(text) });
  const ok = fixToFixedPoint(original, analyzeOk(original), analyzeOk);
  assert.equal(ok.text, 'res.status(404).json({ ok: false });\n');
  assert.equal(ok.applied, 1);
  assert.equal(ok.refused, undefined);
  // Overlapping preferred fixes: the first wins this pass; the other is reconsidered on the next.
  const both = (text) => ({ findings: text.includes('200') ? [finding(11, 14, '404'), finding(11, 14, '410')] : [], syntaxErrors: 0 });
  assert.equal(fixToFixedPoint(original, both(original), both).text, 'res.status(404).json({ ok: false });\n');
});
