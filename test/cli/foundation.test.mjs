// The CLI on the bundled example: contract of `check --format json`, text output and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from './_cli.mjs';

test('check examples --format json follows the contract', () => {
  const r = cli(['check', 'examples/express-api', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['filesScanned', 'findings']);
  assert.ok(out.filesScanned >= 4);
  const f = out.findings.find((x) => x.file === 'examples/express-api/src/routes/users.js' && x.rule === 'error-in-success-response');
  assert.ok(f, JSON.stringify(out.findings, null, 2));
  assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixes']);
  assert.equal(f.line, 9);
  assert.equal(f.column, 23);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(Object.keys(f.fixes[0]), ['title', 'edits']);
  assert.deepEqual(f.fixes[0].edits[0], { line: 9, column: 23, endLine: 9, endColumn: 26, newText: '404' });
});

test('text output names file:line:col, severity, message and rule, with the code line', () => {
  const r = cli(['check', 'examples/express-api/src/routes/users.js']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^examples\/express-api\/src\/routes\/users\.js:9:23 {2}warning {2}.+ {2}\(error-in-success-response\)$/m);
  assert.match(r.stdout, /^ {4}\s*return res\.status\(200\)/m);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no color on a pipe');
});

test('exit codes: 0 under --fail-on, 2 for bad usage and unreadable paths', () => {
  // users.js has warnings only; the example app as a whole also has errors (accounts.js).
  assert.equal(cli(['check', 'examples/express-api/src/routes/users.js', '--fail-on', 'error']).status, 0);
  assert.equal(cli(['check', 'examples/express-api', '--fail-on', 'error']).status, 1);
  assert.equal(cli(['check', 'examples/express-api', '--fail-on', 'none']).status, 0);
  const missing = cli(['check', 'no/such/dir']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^status-hints: cannot read no\/such\/dir/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.equal(cli(['check', '--format', 'xml']).status, 2);
  assert.equal(cli(['frobnicate']).status, 2);
  assert.equal(cli(['check', '--bogus']).status, 2);
});
