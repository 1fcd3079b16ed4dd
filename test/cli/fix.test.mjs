// --fix and --fix-dry-run on throwaway projects: fixes applied to a fixed point without overlaps,
// idempotent, a diff that `patch -p1` applies to the same result, and never a file that parses worse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, project, read, json, failingHandler, header } from './_cli.mjs';

// A 503 in a rate-limit guard: both fixes (429 with Retry-After, add Retry-After) write a guessed
// delay, so they are suggestions: --fix leaves them for the user to review.
const RATE_LIMITED = `${header}router.post('/login', async (req, res) => {
  const attempts = await limiter.get(req.ip);
  if (attempts > 5) {
    return res.status(503).json({ error: 'Too many attempts' });
  }
  res.json({ ok: true });
});
`;
// A catch-all answering 404 for every error: an info finding whose fix only changes the status.
const CATCH_ALL = `${header}router.get('/files/:id', async (req, res) => {
  try {
    res.json(await Files.findById(req.params.id));
  } catch (err) {
    res.status(404).json({ error: 'No such file' });
  }
});
`;
const FILES = { 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler(), 'src/files.js': CATCH_ALL };

test('--fix applies the status fixes of warnings and errors in place, never suggestions nor info findings, and reaches a fixed point', () => {
  const dir = project(FILES);
  const before = json(cli(['check', 'src', '--format', 'json'], { cwd: dir }));
  assert.deepEqual(before.findings.map((f) => f.rule).sort(), [
    'client-error-for-server-fault',
    'error-in-success-response',
    'missing-retry-after',
    'rate-limit-should-be-429',
  ]);

  const r = cli(['check', 'src', '--fix', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, 'what is left is info, below the default --fail-on');
  assert.deepEqual(
    json(r)
      .findings.map((f) => f.rule)
      .sort(),
    ['client-error-for-server-fault', 'missing-retry-after', 'rate-limit-should-be-429'],
  );
  assert.match(r.stderr, /^status-hints: fixed 1 problem in 1 file$/m);
  assert.equal(read(dir, 'src/users.js'), header + failingHandler().replace('res.status(200)', 'res.status(404)'));
  assert.equal(read(dir, 'src/login.js'), RATE_LIMITED, 'a guessed Retry-After is never written by --fix');
  assert.equal(read(dir, 'src/files.js'), CATCH_ALL, 'info findings are left at the default --fix-level');
});

test('--fix-level info also applies the status fixes of info findings; --fix-level error only those of errors', () => {
  const info = project(FILES);
  const r = cli(['check', 'src', '--fix', '--fix-level', 'info'], { cwd: info });
  assert.match(r.stderr, /^status-hints: fixed 2 problems in 2 files$/m);
  assert.equal(read(info, 'src/files.js'), CATCH_ALL.replace('res.status(404)', 'res.status(500)'));
  assert.equal(read(info, 'src/login.js'), RATE_LIMITED);

  const errors = project(FILES);
  assert.match(cli(['check', 'src', '--fix', '--fix-level', 'error'], { cwd: errors }).stderr, /^status-hints: fixed 0 problems in 0 files$/m);
  for (const [rel, text] of Object.entries(FILES)) assert.equal(read(errors, rel), text, rel);

  const bad = cli(['check', 'src', '--fix', '--fix-level', 'all'], { cwd: errors });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--fix-level needs one of error\|warning\|info, not "all"/);
});

test('a second --fix changes nothing', () => {
  const dir = project(FILES);
  cli(['check', 'src', '--fix', '--fix-level', 'info'], { cwd: dir });
  const once = Object.keys(FILES).map((rel) => read(dir, rel));
  const again = cli(['check', 'src', '--fix', '--fix-level', 'info'], { cwd: dir });
  assert.equal(again.status, 0);
  assert.match(again.stderr, /fixed 0 problems in 0 files/);
  assert.deepEqual(
    Object.keys(FILES).map((rel) => read(dir, rel)),
    once,
  );
});

test('--fix-dry-run prints a unified diff that patch -p1 applies to exactly what --fix writes', () => {
  const files = { ...FILES, 'src/users.js': header + failingHandler() + '\n// end of file without newline', 'src/clean.js': header };
  const dir = project(files);
  const dry = cli(['check', 'src', '--fix-dry-run', '--fix-level', 'info'], { cwd: dir });
  assert.equal(dry.status, 1, 'the findings as the files are now decide the exit code');
  assert.match(dry.stderr, /would fix 2 problems in 2 files/);
  for (const [rel, text] of Object.entries(files)) assert.equal(read(dir, rel), text, `${rel} untouched`);
  assert.match(dry.stdout, /^--- a\/src\/files\.js\n\+\+\+ b\/src\/files\.js\n@@ -\d+,\d+ \+\d+,\d+ @@\n/m);
  assert.match(dry.stdout, /^-    res\.status\(404\)/m);
  assert.match(dry.stdout, /^\+    res\.status\(500\)/m);
  assert.doesNotMatch(dry.stdout, /clean\.js|login\.js/);

  const patched = project(files);
  const p = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: patched, input: dry.stdout, encoding: 'utf8' });
  assert.equal(p.status, 0, p.stdout + p.stderr);
  cli(['check', 'src', '--fix', '--fix-level', 'info'], { cwd: dir });
  for (const rel of Object.keys(files)) assert.equal(read(patched, rel), read(dir, rel), rel);
});

test('--fix-dry-run exits as check would on the files as they are, and never writes', () => {
  const files = { 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler() };
  const dir = project(files);
  const mtimes = Object.keys(files).map((rel) => fs.statSync(path.join(dir, rel)).mtimeMs);
  // The findings before fixing decide: a warning fails at the default --fail-on, and not at --fail-on error.
  for (const [extra, expected] of [
    [[], 1],
    [['--fail-on', 'error'], 0],
  ]) {
    assert.equal(cli(['check', 'src', ...extra], { cwd: dir }).status, expected, 'check itself');
    const dry = cli(['check', 'src', '--fix-dry-run', ...extra], { cwd: dir });
    assert.equal(dry.status, expected, `--fix-dry-run ${extra.join(' ')}: ${dry.stderr}`);
    assert.match(dry.stderr, /would fix 1 problem in 1 file/);
  }
  for (const [i, [rel, text]] of Object.entries(files).entries()) {
    assert.equal(read(dir, rel), text, `${rel} untouched`);
    assert.equal(fs.statSync(path.join(dir, rel)).mtimeMs, mtimes[i], `${rel} not rewritten`);
  }
});
