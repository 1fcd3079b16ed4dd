// check's options on throwaway projects: --rule, --config, .statushintsrc.json, --ignore-pattern,
// .gitignore, --max-warnings, --quiet, exit codes, suppressed findings, --help/--version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cli, project, json, failingHandler, header, root } from './_cli.mjs';

const RULE = 'error-in-success-response';
const twoWarnings = () => project({ 'src/users.js': header + failingHandler('/users/:id', 'User') + failingHandler('/orders/:id', 'Order') });

test('--rule turns a rule off or changes its severity; a bad --rule is a usage error', () => {
  const dir = twoWarnings();
  const off = cli(['check', 'src', '--format', 'json', '--rule', `${RULE}=off`], { cwd: dir });
  assert.equal(off.status, 0, off.stderr);
  assert.deepEqual(json(off).findings, []);
  const asError = cli(['check', 'src', '--format', 'json', '--rule', `${RULE}=error`], { cwd: dir });
  assert.equal(asError.status, 1);
  assert.deepEqual(
    json(asError).findings.map((f) => f.severity),
    ['error', 'error'],
  );
  // Repeatable: the last one for a rule wins.
  const last = cli(['check', 'src', '--format', 'json', '--rule', `${RULE}=error`, '--rule', `${RULE}=info`, '--fail-on', 'warning'], { cwd: dir });
  assert.equal(last.status, 0);
  assert.deepEqual(
    json(last).findings.map((f) => f.severity),
    ['info', 'info'],
  );
  for (const bad of ['no-such-rule=off', `${RULE}=loud`, RULE]) {
    const r = cli(['check', 'src', '--rule', bad], { cwd: dir });
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /^status-hints: --rule/, bad);
  }
});

test('the nearest .statushintsrc.json applies; --config names another file', () => {
  const dir = project({
    '.statushintsrc.json': JSON.stringify({ rules: { [RULE]: 'error' } }),
    'strict.json': JSON.stringify({ rules: { [RULE]: 'off' } }),
    'api/src/users.js': header + failingHandler(),
  });
  // Found upward from a subfolder.
  const nearest = cli(['check', 'src', '--format', 'json'], { cwd: path.join(dir, 'api') });
  assert.equal(nearest.status, 1, nearest.stderr);
  assert.equal(json(nearest).findings[0].severity, 'error');
  const named = cli(['check', 'api', '--format', 'json', '--config', 'strict.json'], { cwd: dir });
  assert.equal(named.status, 0, named.stderr);
  assert.deepEqual(json(named).findings, []);
  // --rule wins over the config file.
  const overridden = cli(['check', 'api', '--format', 'json', '--rule', `${RULE}=warning`], { cwd: dir });
  assert.equal(json(overridden).findings[0].severity, 'warning');
  const missing = cli(['check', 'api', '--config', 'nope.json'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^status-hints: cannot read config nope\.json/);
});

test('a malformed config file is a one-line warning; defaults apply and the exit follows the findings', () => {
  const dir = project({ '.statushintsrc.json': '{ "rules": { "error-in-success-response": "off", }', 'src/users.js': header + failingHandler() });
  const r = cli(['check', 'src', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^status-hints: warning: \.statushintsrc\.json:\d+:\d+: not valid JSON\b.*; using default settings$/m);
  assert.equal(json(r).findings.length, 1, 'the default severity still reports');
  const badValue = project({ '.statushintsrc.json': JSON.stringify({ rules: { [RULE]: 'loud' } }), 'src/users.js': header + failingHandler() });
  const r2 = cli(['check', 'src', '--format', 'json'], { cwd: badValue });
  assert.equal(r2.status, 1);
  assert.match(r2.stderr, /^status-hints: warning: \.statushintsrc\.json:\d+:\d+: rules\.error-in-success-response: .*\(ignored\)$/m);
  assert.equal(json(r2).findings[0].severity, 'warning');
});

test('--ignore-pattern and .gitignore leave files out', () => {
  const dir = project({
    '.gitignore': 'generated/\n*.gen.js\n',
    'src/users.js': header + failingHandler(),
    'src/users.test.js': header + failingHandler(),
    'src/api.gen.js': header + failingHandler(),
    'generated/client.js': header + failingHandler(),
    'vendor/lib.js': header + failingHandler(),
  });
  // --include-tests: test files are left out by default (test-files.test.mjs), which is not under test here.
  const all = json(cli(['check', '.', '--format', 'json', '--include-tests'], { cwd: dir }));
  assert.deepEqual(all.findings.map((f) => f.file).sort(), ['src/users.js', 'src/users.test.js', 'vendor/lib.js']);
  const some = json(
    cli(['check', '.', '--format', 'json', '--include-tests', '--ignore-pattern', '**/*.test.js', '--ignore-pattern', 'vendor/'], { cwd: dir }),
  );
  assert.equal(some.filesScanned, 1);
  assert.deepEqual(
    some.findings.map((f) => f.file),
    ['src/users.js'],
  );
});

test('--max-warnings tolerates up to n warnings; errors still fail', () => {
  const dir = twoWarnings();
  assert.equal(cli(['check', 'src', '--max-warnings', '2'], { cwd: dir }).status, 0);
  const over = cli(['check', 'src', '--max-warnings', '1'], { cwd: dir });
  assert.equal(over.status, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  assert.equal(cli(['check', 'src', '--max-warnings', '5', '--rule', `${RULE}=error`], { cwd: dir }).status, 1);
  assert.equal(cli(['check', 'src', '--max-warnings', 'many'], { cwd: dir }).status, 2);
});

test('--quiet reports errors only', () => {
  const dir = twoWarnings();
  const quiet = cli(['check', 'src', '--quiet'], { cwd: dir });
  assert.equal(quiet.status, 0);
  assert.match(quiet.stdout, /^0 findings \(1 file checked\)$/m);
  const errors = cli(['check', 'src', '--quiet', '--format', 'json', '--rule', `${RULE}=error`], { cwd: dir });
  assert.equal(errors.status, 1);
  assert.equal(json(errors).findings.length, 2);
});

test('exit codes follow --fail-on; conflicting or bad options exit 2', () => {
  const dir = twoWarnings();
  assert.equal(cli(['check', 'src'], { cwd: dir }).status, 1);
  assert.equal(cli(['check', 'src', '--fail-on', 'error'], { cwd: dir }).status, 0);
  assert.equal(cli(['check', 'src', '--fail-on', 'info', '--rule', `${RULE}=info`], { cwd: dir }).status, 1);
  assert.equal(cli(['check', 'src', '--fail-on', 'warning', '--rule', `${RULE}=info`], { cwd: dir }).status, 0);
  for (const args of [
    ['--fix', '--fix-dry-run'],
    ['--fix-dry-run', '--format', 'json'],
    ['--concurrency', '0'],
    ['--fail-on', 'loud'],
  ]) {
    const r = cli(['check', 'src', ...args], { cwd: dir });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});

test('text output counts findings silenced by comments', () => {
  const silenced = header + failingHandler().replace('    return res.status(200)', `    // status-hints-disable-next-line ${RULE}\n    return res.status(200)`);
  const dir = project({ 'src/a.js': silenced, 'src/b.js': header + failingHandler() });
  const r = cli(['check', 'src'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^1 finding in 1 file \(2 files checked, 1 finding suppressed by comments\)$/m);
});

test('--help shows every option with examples; --version matches package.json', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  for (const opt of [
    '--format',
    '--fail-on',
    '--max-warnings',
    '--max-file-size',
    '--quiet',
    '--fix',
    '--fix-dry-run',
    '--config',
    '--rule',
    '--ignore-pattern',
    '--include-tests',
    '--concurrency',
  ])
    assert.ok(help.stdout.includes(opt), opt);
  assert.match(help.stdout, /Examples:\n\s+status-hints check src/);
  const version = cli(['--version']);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
});

test('worker threads give the same findings as one thread, with nothing on stderr over a pipe', () => {
  const files = {};
  for (let i = 0; i < 240; i++)
    files[`src/r${String(i).padStart(3, '0')}.js`] =
      header + (i % 3 === 0 ? failingHandler(`/r${i}/:id`) : `router.get('/r${i}', (req, res) => res.json({ ok: true }));\n`);
  const dir = project(files);
  const parallel = cli(['check', 'src', '--format', 'json', '--concurrency', '2'], { cwd: dir });
  const single = cli(['check', 'src', '--format', 'json', '--concurrency', '1'], { cwd: dir });
  assert.equal(parallel.status, 1);
  assert.equal(parallel.stderr, '', 'no progress on a pipe');
  assert.equal(json(parallel).filesScanned, 240);
  assert.equal(json(parallel).findings.length, 80);
  assert.deepEqual(json(parallel), json(single));
});
