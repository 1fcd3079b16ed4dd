// Test files: left out of a check unless --include-tests or "checkTestFiles": true. Their mocks and
// fake servers are not this server's answers. Judged on the path from the current folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cli, project, json, read, failingHandler, header } from './_cli.mjs';

const handler = header + failingHandler();
const TESTS = [
  'src/users.test.js',
  'src/users.spec.ts',
  'test/app.e2e-spec.ts',
  'src/__tests__/users.js',
  'test/helpers/server.js',
  'tests/api.js',
  'e2e/login.js',
  'src/__mocks__/db.js',
  'src/fixtures/routes.js',
];
const tree = () => project(Object.fromEntries(['src/users.js', ...TESTS].map((f) => [f, handler])));
const filesOf = (r) => [...new Set(json(r).findings.map((f) => f.file))].sort();

test('test files are left out by default; the JSON keeps its shape and counts what was checked', () => {
  const dir = tree();
  const r = cli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  const out = json(r);
  assert.deepEqual(Object.keys(out), ['filesScanned', 'findings']);
  assert.equal(out.filesScanned, 1);
  assert.deepEqual(filesOf(r), ['src/users.js']);
  assert.deepEqual(Object.keys(out.findings[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixes']);
  // The text summary says what was left out and how to include it.
  const text = cli(['check', '.'], { cwd: dir });
  assert.match(text.stdout, /^1 finding in 1 file \(1 file checked, 9 test files left out without --include-tests\)$/m);
  // --fix leaves them alone too.
  cli(['check', '.', '--fix'], { cwd: dir });
  assert.match(read(dir, 'src/users.js'), /status\(404\)/);
  for (const f of TESTS) assert.equal(read(dir, f), handler, f);
});

test('--include-tests checks them', () => {
  const dir = tree();
  const r = cli(['check', '.', '--format', 'json', '--include-tests'], { cwd: dir });
  assert.equal(json(r).filesScanned, 10);
  assert.deepEqual(filesOf(r), ['src/users.js', ...TESTS].sort());
  assert.equal(cli(['check', '.', '--include-tests=yes'], { cwd: dir }).status, 2, 'a flag takes no value');
});

test('"checkTestFiles": true in the nearest .statushintsrc.json, or in --config, checks them', () => {
  const dir = project({
    'packages/api/.statushintsrc.json': '{ "checkTestFiles": true }',
    'packages/api/test/routes.js': handler,
    'packages/web/test/routes.js': handler,
    'strict.json': '{ "checkTestFiles": true }',
  });
  assert.deepEqual(filesOf(cli(['check', '.', '--format', 'json'], { cwd: dir })), ['packages/api/test/routes.js']);
  assert.deepEqual(filesOf(cli(['check', '.', '--format', 'json', '--config', 'strict.json'], { cwd: dir })), [
    'packages/api/test/routes.js',
    'packages/web/test/routes.js',
  ]);
  const bad = cli(['check', '.', '--format', 'json'], { cwd: project({ '.statushintsrc.json': '{ "checkTestFiles": "yes" }', 'test/a.js': handler }) });
  assert.match(bad.stderr, /checkTestFiles: expected true or false \(ignored\)/);
  assert.deepEqual(json(bad).findings, []);
});

test('a test file named on the command line is listed as skipped, with how to check it', () => {
  const dir = tree();
  const r = cli(['check', 'src/users.test.js', 'src/users.js'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^src\/users\.test\.js: skipped: a test file; checked with --include-tests \(or "checkTestFiles": true in \.statushintsrc\.json\)$/m);
  assert.match(r.stdout, /^1 finding in 1 file \(1 file checked, 1 file skipped\)$/m);
  assert.deepEqual(filesOf(cli(['check', 'src/users.test.js', '--format', 'json', '--include-tests'], { cwd: dir })), ['src/users.test.js']);
});

test('paths are read from the current folder: a project inside a folder named tests is not all tests', () => {
  const dir = project({ 'tests/shop/src/users.js': handler, 'tests/shop/test/users.js': handler, 'work/.keep': '' });
  assert.deepEqual(filesOf(cli(['check', '.', '--format', 'json'], { cwd: path.join(dir, 'tests/shop') })), ['src/users.js']);
  // A folder outside the current one is read from the folder given.
  const outside = cli(['check', '../tests/shop', '--format', 'json'], { cwd: path.join(dir, 'work') });
  assert.deepEqual(
    filesOf(outside).map((f) => path.relative(dir, f).split(path.sep).join('/')),
    ['tests/shop/src/users.js'],
  );
  assert.ok(fs.existsSync(path.join(dir, 'tests/shop/test/users.js')));
});
