// --fix and --fix-dry-run on throwaway projects: fixes applied to a fixed point without overlaps,
// idempotent, a diff that `patch -p1` applies to the same result, and never a file that parses worse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, project, read, json, failingHandler, header } from './_cli.mjs';

// A 503 in a rate-limit guard: rate-limit-should-be-429 (503 → 429 + Retry-After) and
// missing-retry-after (+ Retry-After) want to insert at the same place: only one may, per pass.
const RATE_LIMITED = `${header}router.post('/login', async (req, res) => {
  const attempts = await limiter.get(req.ip);
  if (attempts > 5) {
    return res.status(503).json({ error: 'Too many attempts' });
  }
  res.json({ ok: true });
});
`;

test('--fix applies preferred fixes in place, never two overlapping edits, and reaches a fixed point', () => {
  const dir = project({ 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler() });
  const before = json(cli(['check', 'src', '--format', 'json'], { cwd: dir }));
  assert.deepEqual(before.findings.map((f) => f.rule).sort(), ['error-in-success-response', 'missing-retry-after', 'rate-limit-should-be-429']);

  const r = cli(['check', 'src', '--fix', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(json(r).findings, [], 'nothing left to report after the fixes');
  assert.match(r.stderr, /^status-hints: fixed 3 problems in 2 files$/m);
  const login = read(dir, 'src/login.js');
  assert.match(login, /return res\.status\(429\)\.set\('Retry-After', '\d+'\)\.json\(\{ error: 'Too many attempts' \}\);/);
  assert.equal(login.match(/Retry-After/g).length, 1, login);
  assert.equal(read(dir, 'src/users.js'), header + failingHandler().replace('res.status(200)', 'res.status(404)'));
});

test('a second --fix changes nothing', () => {
  const dir = project({ 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler() });
  cli(['check', 'src', '--fix'], { cwd: dir });
  const once = { login: read(dir, 'src/login.js'), users: read(dir, 'src/users.js') };
  const again = cli(['check', 'src', '--fix'], { cwd: dir });
  assert.equal(again.status, 0);
  assert.match(again.stderr, /fixed 0 problems in 0 files/);
  assert.deepEqual({ login: read(dir, 'src/login.js'), users: read(dir, 'src/users.js') }, once);
});

test('--fix-dry-run prints a unified diff that patch -p1 applies to exactly what --fix writes', () => {
  const files = { 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler() + '\n// end of file without newline', 'src/clean.js': header };
  const dir = project(files);
  const dry = cli(['check', 'src', '--fix-dry-run'], { cwd: dir });
  assert.equal(dry.status, 1, 'the findings as the files are now decide the exit code');
  assert.match(dry.stderr, /would fix 3 problems in 2 files/);
  for (const [rel, text] of Object.entries(files)) assert.equal(read(dir, rel), text, `${rel} untouched`);
  assert.match(dry.stdout, /^--- a\/src\/login\.js\n\+\+\+ b\/src\/login\.js\n@@ -\d+,\d+ \+\d+,\d+ @@\n/m);
  assert.match(dry.stdout, /^-    return res\.status\(503\)/m);
  assert.match(dry.stdout, /^\+    return res\.status\(429\)\.set\('Retry-After'/m);
  assert.doesNotMatch(dry.stdout, /clean\.js/);

  const patched = project(files);
  const p = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: patched, input: dry.stdout, encoding: 'utf8' });
  assert.equal(p.status, 0, p.stdout + p.stderr);
  cli(['check', 'src', '--fix'], { cwd: dir });
  for (const rel of Object.keys(files)) assert.equal(read(patched, rel), read(dir, rel), rel);
});


test('--fix-dry-run exits as check would on the files as they are, and never writes', () => {
  const files = { 'src/login.js': RATE_LIMITED, 'src/users.js': header + failingHandler() };
  const dir = project(files);
  const mtimes = Object.keys(files).map((rel) => fs.statSync(path.join(dir, rel)).mtimeMs);
  // The findings before fixing decide: a warning fails at the default --fail-on, and not at --fail-on error.
  for (const [extra, expected] of [[[], 1], [['--fail-on', 'error'], 0]]) {
    assert.equal(cli(['check', 'src', ...extra], { cwd: dir }).status, expected, 'check itself');
    const dry = cli(['check', 'src', '--fix-dry-run', ...extra], { cwd: dir });
    assert.equal(dry.status, expected, `--fix-dry-run ${extra.join(' ')}: ${dry.stderr}`);
    assert.match(dry.stderr, /would fix 3 problems in 2 files/);
  }
  for (const [i, [rel, text]] of Object.entries(files).entries()) {
    assert.equal(read(dir, rel), text, `${rel} untouched`);
    assert.equal(fs.statSync(path.join(dir, rel)).mtimeMs, mtimes[i], `${rel} not rewritten`);
  }
});
