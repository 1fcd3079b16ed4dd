// Bad input never breaks the analysis: mangled real handlers, random bytes, 10,000-level nesting,
// very long lines and huge files. Each case either analyses (every range inside the text, work
// bounded by the text's size) or is skipped with a reason the user can read. Seeded: a failure
// prints its seed and counterexample, and re-runs the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { api, settings, FIXTURE_FILES, repoRoot as root } from '../helpers/analysis.mjs';

const SEED = 20240611;
/** AST nodes per character: real code is ~0.25, token soup ~0.7; a quadratic walk would blow far past this. */
const NODES_PER_CHAR = 2;
const NODES_ANY_TEXT = 16; // a source file node and a few missing ones, even for ''

/** fc.assert, with the property's own error in the message the test runner prints. */
function check(property, params) {
  const details = fc.check(property, params);
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.stack : String(details.errorInstance);
    assert.fail(
      `property failed (seed ${details.seed}, path ${details.counterexamplePath}) on ${fc.stringify(details.counterexample).slice(0, 2000)}\n${cause}`,
    );
  }
}

const CORPUS = FIXTURE_FILES;
const texts = new Map(CORPUS.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));

/** Analyse and check what every caller relies on: no throw, ranges inside the text, bounded work. */
function analyzeChecked(text, file, s = settings()) {
  const r = api.analyzeText(text, file, s);
  const n = text.length;
  // The runner survives a throwing rule, but the user then silently loses that rule: none may throw.
  assert.deepEqual(r.ruleErrors, [], 'no rule throws');
  const inside = (span, what) => {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets ${JSON.stringify(span)}`);
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= n, `${what}: [${span.start}, ${span.end}] inside 0..${n}`);
  };
  for (const f of [...r.findings, ...r.suppressed]) {
    inside(f, `finding ${f.ruleId}`);
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0, `finding ${f.ruleId} has a message`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) inside(e, `edit of fix "${fix.title}" (${f.ruleId})`);
      // The edits of one fix never overlap: applyEdits throws on overlap.
      api.applyEdits(text, fix.edits);
    }
  }
  for (const site of r.analysis.sites) inside(site.span, `site ${site.kind}`);
  assert.ok(r.analysis.nodesVisited <= NODES_PER_CHAR * n + NODES_ANY_TEXT, `work bounded: ${r.analysis.nodesVisited} nodes for ${n} characters`);
  return r;
}

const TOKENS = [
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '`',
  '${',
  '"',
  "'",
  '/*',
  '*/',
  '//',
  '\n',
  '\r\n',
  ';',
  ',',
  '=>',
  '?.',
  '??',
  '<div>',
  '</',
  '/>',
  'res.status(',
  'reply.code(',
  'return ',
  'async ',
  'await ',
  'if (',
  'else ',
  'try {',
  'catch (e) {',
  'throw ',
  'new ',
  '404',
  '200',
  '0x1F4',
  'function (req, res) {',
  "app.get('/x', ",
  'class A {',
  '@Get()',
  'enum E { A = 404 }',
  '\u2028',
  '\uFEFF',
  '\uD800',
  '\0',
  '\\',
  '#!',
  'é',
  '😀',
];

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate'), at: position }),
  fc.record({
    kind: fc.constant('insert'),
    at: position,
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('delete'), at: position, length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('duplicate'), at: position, length: fc.integer({ min: 1, max: 300 }) }),
);

function mutate(text, m) {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    default:
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
  }
}

test('real handler files, randomly truncated, spliced and cut: analysis holds', () => {
  assert.ok(CORPUS.length >= 20, `corpus found (${CORPUS.length} files)`);
  check(
    fc.property(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (file, mutations) => {
      const text = mutations.reduce(mutate, texts.get(file));
      analyzeChecked(text, file);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('random strings, bytes and token soup: analysis holds', () => {
  const soup = fc.array(fc.constantFrom(...TOKENS, ' ', 'x', 'res', '.', '=', ':'), { maxLength: 400 }).map((a) => a.join(''));
  const bytes = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('utf8'));
  const strings = fc.oneof(
    fc.string({ maxLength: 500 }),
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    bytes,
    soup,
  );
  const files = fc.constantFrom('a.js', 'a.ts', 'a.tsx', 'a.jsx', 'a.mjs', 'untitled');
  check(
    fc.property(strings, files, (text, file) => {
      analyzeChecked(text, file);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

/** The tree as kinds and ranges: what incremental and full parses must agree on. */
function shape(sf) {
  const out = [];
  const visit = (n) => {
    out.push(`${n.kind}:${n.pos}-${n.end}`);
    n.forEachChild(visit);
  };
  visit(sf);
  return out.join(' ');
}
const comparableFinding = (f) => ({ ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, fixes: f.fixes });

test('incremental re-parse (ParseCache) after random edits equals a full parse: same tree, same findings', () => {
  const edit = fc.record({ at: position, remove: fc.integer({ min: 0, max: 60 }), insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })) });
  check(
    fc.property(fc.constantFrom(...CORPUS), fc.array(edit, { minLength: 1, maxLength: 10 }), (file, edits) => {
      const cache = new api.ParseCache();
      let text = texts.get(file);
      cache.get('doc', 1, file, text);
      let version = 1;
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        text = text.slice(0, start) + e.insert + text.slice(start + e.remove);
        const incremental = cache.get('doc', ++version, file, text);
        assert.equal(incremental.text, text);
        assert.equal(shape(incremental), shape(api.parseText(file, text)), `tree after edit ${version - 1}`);
      }
      const sf = cache.get('doc', version, file, text);
      const inc = api.runRules(api.analyzeSourceFile(sf), text, file, settings());
      const full = api.analyzeText(text, file, settings());
      assert.deepEqual(inc.findings.map(comparableFinding), full.findings.map(comparableFinding));
    }),
    { seed: SEED, numRuns: 20 },
  );
});

/**
 * Analysis results as plain data: syntax nodes dropped (their positions are covered by the spans),
 * function and block ids renumbered by first appearance (they are opaque; an incremental walk
 * continues numbering where the previous one stopped).
 */
function plain(value) {
  const seen = new WeakSet();
  const ids = { fn: new Map(), block: new Map() };
  const renumber = (family, id) => {
    if (id <= 0) return id; // the module (0) and its statement list (-1) are the same in every walk
    if (!ids[family].has(id)) ids[family].set(id, ids[family].size + 1);
    return ids[family].get(id);
  };
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (typeof v === 'number' && (key === 'fn' || key === 'id')) return renumber('fn', v);
      if (typeof v === 'number' && key === 'block') return renumber('block', v);
      if (typeof v !== 'object' || v === null) return v;
      if (typeof v.kind === 'number' && typeof v.flags === 'number') return undefined; // a syntax node
      if (seen.has(v)) return '[seen]';
      seen.add(v);
      return v instanceof Map || v instanceof Set ? [...v] : v;
    }),
  );
}

test('incremental analysis (unchanged statements reused) after random edits equals a fresh analysis', () => {
  const edit = fc.record({ at: position, remove: fc.integer({ min: 0, max: 40 }), insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) });
  check(
    fc.property(fc.constantFrom(...CORPUS), fc.array(edit, { minLength: 1, maxLength: 8 }), (file, edits) => {
      let text = texts.get(file);
      let sf = api.parseText(file, text);
      let analysis = api.analyzeSourceFile(sf);
      for (const [i, e] of edits.entries()) {
        const start = Math.floor(e.at * text.length);
        text = text.slice(0, start) + e.insert + text.slice(start + e.remove);
        sf = api.reparse(sf, text);
        analysis = api.analyzeSourceFile(sf, analysis);
        const fresh = api.analyzeSourceFile(api.parseText(file, text));
        const label = `after edit ${i + 1}`;
        assert.deepEqual(plain(analysis.sites), plain(fresh.sites), `sites ${label}`);
        assert.deepEqual(plain(analysis.sends), plain(fresh.sends), `sends ${label}`);
        assert.deepEqual(plain(analysis.statusSlots), plain(fresh.statusSlots), `slots ${label}`);
        // The walk's own events, which a later re-link (routes changed) reads again.
        for (const events of ['headers', 'escapes', 'sends'])
          assert.deepEqual(plain(analysis.walk[events]), plain(fresh.walk[events]), `walk ${events} ${label}`);
        assert.equal(analysis.nodesVisited, fresh.nodesVisited, `nodes ${label}`);
        const inc = api.runRules(analysis, text, file, settings());
        const full = api.runRules(fresh, text, file, settings());
        assert.deepEqual(inc.findings.map(comparableFinding), full.findings.map(comparableFinding), `findings ${label}`);
      }
    }),
    { seed: SEED, numRuns: 60 },
  );
});

test('an edit inside one handler walks that statement again and reuses the others', () => {
  const file = 'examples/express-api/src/routes/accounts.js';
  let text = texts.get(file);
  const sf0 = api.parseText(file, text);
  const first = api.analyzeSourceFile(sf0);
  const segments = first.walk.segments;
  const handlers = sf0.statements.filter((s) => s.getText(sf0).includes('res.status('));
  assert.ok(handlers.length >= 3, 'the example has several handlers');
  // Type inside the second handler: a string in its body grows by one character.
  const target = handlers[1];
  const at = target.getText(sf0).indexOf("'") + target.getStart(sf0) + 1;
  text = text.slice(0, at) + 'x' + text.slice(at);
  const sf1 = api.reparse(sf0, text);
  const second = api.analyzeSourceFile(sf1, first);
  const index = sf0.statements.indexOf(target);
  // Reused segments are copies (their offsets moved), carrying the walk that produced them.
  const reused = second.walk.segments.filter((s, i) => s.walkedAt === segments[i].walkedAt).length;
  assert.notEqual(second.walk.segments[index].walkedAt, segments[index].walkedAt, 'the edited statement is walked again');
  assert.equal(reused, segments.length - 1, 'every other statement is reused');
  const fresh = api.analyzeSourceFile(api.parseText(file, text));
  assert.deepEqual(plain(second.sites), plain(fresh.sites));
});

const N = 10_000;
const DEEP = {
  parentheses: 'x = ' + '('.repeat(N) + '1' + ')'.repeat(N) + ';',
  arrays: 'x = ' + '['.repeat(N) + '1' + ']'.repeat(N) + ';',
  calls: 'x = ' + 'f('.repeat(N) + '1' + ')'.repeat(N) + ';',
  'if-blocks': 'if (a) {'.repeat(N) + 'res.status(200).json({ error: 1 });' + '}'.repeat(N),
  'arrow functions': 'x = ' + '(req, res) => '.repeat(N) + 'res.sendStatus(200);',
  'unclosed brackets': 'router.get("/x", (req, res) => {' + '({['.repeat(N),
  'else-if chain': 'if (a) {}' + ' else if (a) {}'.repeat(N),
  'if without braces': 'if (a) '.repeat(N) + 'res.status(200).end();',
};
/** TypeScript parses these without recursion: they always reach our walk, at full depth. */
const WALKED = {
  'binary chain': 'res.status(200).json(a' + ' + a'.repeat(N) + ');',
  'member chain': 'res.status(200).json(a' + '.b'.repeat(N) + ');',
  'call chain': 'res.status(200).json(f' + '()'.repeat(N) + ');',
};

/** Our walk stopped at its cap and says where. */
function assertStoppedAtCap(r, text) {
  assert.ok(r.analysis.depthLimitAt !== undefined, 'the walk records that it stopped');
  assert.ok(r.analysis.depthLimitAt >= 0 && r.analysis.depthLimitAt <= text.length);
  assert.match(api.partialReason(r.analysis), /^analysed in part: code nested deeper than 500 syntax levels, from line 1, was skipped$/);
}

test('10,000 levels of nesting: analysed in part or skipped with a reason, never a stack overflow', async (t) => {
  for (const [name, text] of Object.entries(DEEP)) {
    await t.test(name, () => {
      let r;
      try {
        r = analyzeChecked(text, 'deep.ts');
      } catch (e) {
        // TypeScript's parser recurses per level: the only acceptable failure, named for the user.
        assert.ok(e instanceof RangeError, `${name}: ${e?.stack ?? e}`);
        assert.throws(() => api.parseText('deep.ts', text), RangeError, 'the parser, not our walk, ran out of stack');
        assert.match(api.failureReason(e, 'parse'), /^nested too deeply to parse/);
        return;
      }
      assertStoppedAtCap(r, text);
    });
  }
  for (const [name, text] of Object.entries(WALKED)) {
    await t.test(name, () => {
      const r = analyzeChecked(text, 'deep.ts');
      assertStoppedAtCap(r, text);
      assert.ok(
        r.analysis.sites.some((s) => s.code === 200),
        'the status above the deep part is found',
      );
    });
  }
});

test('a stack overflow after parsing is reported as our bug, not as deep nesting', () => {
  const overflow = new RangeError('Maximum call stack size exceeded');
  assert.equal(api.failureReason(overflow, 'analysis'), 'internal error: Maximum call stack size exceeded');
  assert.equal(api.failureReason(new TypeError('x is undefined'), 'parse'), 'internal error: x is undefined');
});

test('nesting just under the walk cap is analysed in full', () => {
  const depth = 60; // 4 AST levels each: 240, well under MAX_WALK_DEPTH
  const text =
    'router.get("/x", async (req, res) => {\n' +
    'if (a) {\n'.repeat(depth) +
    '  return res.status(200).json({ error: "User not found" });\n' +
    '}\n'.repeat(depth) +
    '});\n';
  const r = analyzeChecked(text, 'nested.js');
  assert.equal(r.analysis.depthLimitAt, undefined);
  assert.equal(api.partialReason(r.analysis), undefined);
  assert.ok(
    r.analysis.sites.some((s) => s.code === 200),
    'the deeply nested status is still found',
  );
});

test('a stack overflow in the parser leaves it sound for the next file', () => {
  const file = CORPUS.find((f) => f.endsWith('users.js'));
  const before = api.analyzeText(texts.get(file), file, settings());
  assert.throws(() => api.parseText('deep.ts', DEEP.parentheses), RangeError);
  const after = api.analyzeText(texts.get(file), file, settings());
  assert.deepEqual(after.findings, before.findings);
  assert.equal(after.analysis.sites.length, before.analysis.sites.length);
});

test('very long lines: one 60,000-character line and a 1 MB string literal', () => {
  const handler = "app.get('/a', (req, res) => { if (!user) return res.status(200).json({ error: 'not found' }); res.json(user); });";
  const oneLine = handler.repeat(Math.ceil(60_000 / handler.length));
  const r = analyzeChecked(oneLine, 'bundle.js');
  assert.ok(r.analysis.sites.length > 500, 'a long line is still analysed when asked directly');
  assert.match(api.skipReason(oneLine, 1024), /^looks minified \(1 lines, longest \d+ characters\)$/);
  const literal = `const blob = "${'x'.repeat(1_000_000)}";\n${handler}\n`;
  analyzeChecked(literal, 'blob.js');
});

test('huge files: over maxFileSizeKb is skipped with the size; a large file under it analyses with bounded work', () => {
  let all = '';
  for (const f of CORPUS) all += `{\n${texts.get(f).replace(/^(import|export) .*$/gm, '')}\n}\n`;
  let big = '';
  while (big.length < 3 * 1024 * 1024) big += all;
  assert.equal(api.skipReason(big, 1024), `file is ${Math.round(big.length / 1024)} KB, over statusHints.maxFileSizeKb (1024 KB)`);
  assert.equal(api.skipReason(big, 4096), undefined, 'a raised limit lets it through');
  // A quarter of the limit keeps this test quick; the cost near 1 MB is measured by the benchmark.
  const large = big.slice(0, big.lastIndexOf('\n}\n', 256 * 1024) + 3);
  assert.equal(api.skipReason(large, 1024), undefined);
  const r = analyzeChecked(large, 'big.ts');
  assert.ok(r.analysis.sites.length > 300);
});

// The CLI is where a skipped file must be visible: one line per file, and the rest still checked.
test('CLI: huge, minified and too-deep files are reported as skipped; the others are checked', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-skip-'));
  try {
    fs.writeFileSync(path.join(dir, 'huge.js'), '// padding\n'.repeat(120_000));
    fs.writeFileSync(path.join(dir, 'bundle.min.js'), 'var a=1;'.repeat(5000));
    // One level per line, so that they do not look minified.
    fs.writeFileSync(path.join(dir, 'deep.js'), 'x = ' + '(\n'.repeat(N) + '1' + ')\n'.repeat(N));
    fs.writeFileSync(path.join(dir, 'walked.js'), 'res.status(200).json(a' + '\n  + a'.repeat(N) + ');\n');
    fs.copyFileSync(path.join(root, 'examples/express-api/src/routes/users.js'), path.join(dir, 'users.js'));
    const dist = process.env.STATUS_HINTS_DIST ? path.resolve(process.env.STATUS_HINTS_DIST) : path.join(root, 'dist');
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', '.', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    const skipped = (file) => lines.filter((l) => l.startsWith(`${file}: skipped: `));
    assert.equal(skipped('huge.js').length, 1, r.stdout);
    // The CLI names its own flag and config key, not the editor's setting.
    assert.match(skipped('huge.js')[0], /over the 1024 KB limit \(--max-file-size, or "maxFileSizeKb" in \.statushintsrc\.json\)$/);
    assert.match(skipped('bundle.min.js')[0] ?? '', /looks minified/, r.stdout);
    assert.match(skipped('deep.js')[0] ?? '', /nested too deeply to parse/, r.stdout);
    assert.equal(skipped('walked.js').length, 0, 'a deep chain the parser handles is analysed, not skipped');
    assert.equal(skipped('users.js').length, 0);
    assert.ok(
      lines.some((l) => l.startsWith('users.js:')),
      `the normal file is still checked:\n${r.stdout}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: a deleted (dangling) file in a folder is passed over; an unreadable or missing one is one clear line and exit 2', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-faults-'));
  try {
    fs.chmodSync(dir, 0o755);
    fs.copyFileSync(path.join(root, 'examples/express-api/src/routes/users.js'), path.join(dir, 'users.js'));
    fs.symlinkSync(path.join(dir, 'deleted.js'), path.join(dir, 'gone.js'));
    fs.mkdirSync(path.join(dir, 'folder.js'));
    const dist = process.env.STATUS_HINTS_DIST ? path.resolve(process.env.STATUS_HINTS_DIST) : path.join(root, 'dist');
    const cli = (args, opts = {}) =>
      spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', ...args, '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', ...opts });
    const walked = cli(['.']);
    assert.equal(walked.status, 0, walked.stderr);
    assert.match(walked.stdout, /^users\.js:9:23 /m);
    assert.match(walked.stdout, /\(1 file checked\)$/m, 'the dangling link and the folder named folder.js are not files to check');
    const missing = cli(['gone.js']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'status-hints: cannot read gone.js: no such file or folder\n');
    // Unreadable: root reads anything, so run as nobody there.
    fs.writeFileSync(path.join(dir, 'secret.js'), 'res.status(200)');
    fs.chmodSync(path.join(dir, 'secret.js'), 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const unreadable = cli(['.'], asNobody);
    if (unreadable.error || !unreadable.stderr.startsWith('status-hints:'))
      return t.skip(`cannot run the CLI as another user here: ${unreadable.error?.message ?? unreadable.stderr}`);
    assert.equal(unreadable.status, 2, unreadable.stdout);
    assert.equal(unreadable.stderr, 'status-hints: cannot read secret.js: EACCES\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
