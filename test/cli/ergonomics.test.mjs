// The command line as a person meets it: one-line mistakes that name the option, --max-file-size,
// files that are not JS/TS named on purpose, and a summary line that reads right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cli, project, json, failingHandler, header } from './_cli.mjs';

const HELP_HINT = /\. Run status-hints --help$/;

test('a bad option or value is one line naming the option and --help, exit 2; a missing value never takes the next argument', () => {
  const dir = project({ 'src/users.js': header + failingHandler() });
  const cases = [
    [['check', 'src', '--bogus'], /^status-hints: unknown option --bogus\./],
    [['check', 'src', '--formt', 'json'], /^status-hints: unknown option --formt \(did you mean --format\?\)\./],
    // `--format src`: src is taken as the value, and the message says it looks like a path.
    [['check', '--format', 'src'], /^status-hints: --format needs one of text\|json\|sarif, not "src" \(a path: the value goes right after --format\)\./],
    [['check', 'src', '--format'], /^status-hints: --format needs one of text\|json\|sarif\./],
    [['check', '--format', '--quiet', 'src'], /^status-hints: --format needs one of text\|json\|sarif\./],
    [['check', 'src', '--format='], /^status-hints: --format needs one of text\|json\|sarif\./],
    [['check', 'src', '--max-warnings', '-1'], /^status-hints: --max-warnings needs a whole number, 0 or more, not "-1"\./],
    [['check', 'src', '--max-warnings', '1.5'], /^status-hints: --max-warnings needs a whole number, 0 or more, not "1\.5"\./],
    [['check', 'src', '--max-warnings', 'src'], /^status-hints: --max-warnings needs a whole number, 0 or more, not "src" \(a path/],
    [['check', 'src', '--concurrency', '0'], /^status-hints: --concurrency needs a whole number of threads, 1 or more, or auto, not "0"\./],
    [['check', 'src', '--fail-on', 'loud'], /^status-hints: --fail-on needs one of error\|warning\|info\|none, not "loud"\./],
    [['check', 'src', '--rule'], /^status-hints: --rule needs <rule-id>=<severity>\./],
    [['check', 'src', '--rule', 'error-in-success-response'], /^status-hints: --rule needs <rule-id>=<severity>, not "error-in-success-response"\./],
    [['check', 'src', '--config'], /^status-hints: --config needs a settings file\./],
    [['check', 'src', '--ignore-pattern', ''], /^status-hints: --ignore-pattern needs a glob/],
    [['check', '--ignore-pattern', '--quiet', 'src'], /^status-hints: --ignore-pattern needs a glob/],
    [['check', 'src', '--max-file-size', '0'], /^status-hints: --max-file-size needs a size in KB, a whole number, 1 or more, not "0"\./],
    [['check', 'src', '--quiet=yes'], /^status-hints: --quiet takes no value\./],
  ];
  for (const [args, expected] of cases) {
    const r = cli(args, { cwd: dir });
    const shown = args.join(' ');
    assert.equal(r.status, 2, shown);
    assert.equal(r.stdout, '', `${shown}: nothing checked`);
    assert.equal(r.stderr.split('\n').length, 2, `${shown}: one line\n${r.stderr}`);
    assert.match(r.stderr.trim(), expected, shown);
    assert.match(r.stderr.trim(), HELP_HINT, shown);
    assert.doesNotMatch(r.stderr, /To specify|ERR_PARSE_ARGS/, shown);
  }
  // The same options, well formed, still work: inline values, and a value after its option.
  const ok = cli(['check', '--format=json', '--max-warnings', '0', '--concurrency=1', '--ignore-pattern', 'none/', '--', 'src'], { cwd: dir });
  assert.equal(ok.status, 1, ok.stderr);
  assert.equal(json(ok).findings.length, 1);
  // --config must name a file: a folder is one clear line too, not a warning and defaults.
  const folder = cli(['check', 'src', '--config', 'src'], { cwd: dir });
  assert.equal(folder.status, 2);
  assert.equal(folder.stderr, 'status-hints: cannot read config src: a folder, not a settings file\n');
  // --help wins over a mistake beside it.
  assert.equal(cli(['check', '--bogus', '--help']).status, 0);
});

test('--max-file-size and "maxFileSizeKb" set the limit; the skip names both, not the editor setting', () => {
  // About 30 KB of code with one finding at the end.
  const big = header + '// filler line to make the file larger than a small limit\n'.repeat(520) + failingHandler();
  const dir = project({ 'src/big.js': big, 'limited/.statushintsrc.json': JSON.stringify({ maxFileSizeKb: 10 }), 'limited/big.js': big });
  const kb = Math.ceil(big.length / 1024);
  const small = cli(['check', 'src', '--max-file-size', '10'], { cwd: dir });
  assert.equal(small.status, 0, small.stderr);
  assert.equal(
    small.stdout.split('\n')[0],
    `src/big.js: skipped: file is ${kb} KB, over the 10 KB limit (--max-file-size, or "maxFileSizeKb" in .statushintsrc.json)`,
  );
  assert.doesNotMatch(small.stdout, /statusHints\./);
  assert.equal(cli(['check', 'src', '--max-file-size', `${kb}`], { cwd: dir }).status, 1, 'at the limit it is checked');
  // The config key applies, and the flag wins over it.
  const fromConfig = cli(['check', 'limited'], { cwd: dir });
  assert.equal(fromConfig.status, 0);
  assert.match(
    fromConfig.stdout,
    /^limited\/big\.js: skipped: file is \d+ KB, over the 10 KB limit \(--max-file-size, or "maxFileSizeKb" in \.statushintsrc\.json\)$/m,
  );
  const raised = cli(['check', 'limited', '--max-file-size', '64', '--format', 'json'], { cwd: dir });
  assert.equal(json(raised).findings.length, 1, raised.stderr);
});

test('a file named on the command line that is not JS/TS source is reported as skipped with the reason; folders list JS/TS only', () => {
  const dir = project({ 'src/users.js': header + failingHandler(), 'src/README.md': '# res.status(200).json({ success: false })\n', 'src/Makefile': 'all:\n' });
  fs.writeFileSync(path.join(dir, 'src/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  fs.writeFileSync(
    path.join(dir, 'src/latin1.js'),
    Buffer.concat([Buffer.from("res.status(200).json({ success: false, error: 'd"), Buffer.from([0xe9]), Buffer.from("j\u00e0' });\n", 'latin1')]),
  );
  fs.writeFileSync(path.join(dir, 'src/nul.js'), Buffer.from('const a = 1;\0\0\0binary'));
  fs.writeFileSync(path.join(dir, 'src/utf16.ts'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const a = 1;\n', 'utf16le')]));
  const named = ['src/logo.png', 'src/README.md', 'src/Makefile', 'src/latin1.js', 'src/nul.js', 'src/utf16.ts', 'src/users.js'];
  const r = cli(['check', ...named], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const skipped = Object.fromEntries(
    r.stdout
      .split('\n')
      .filter((l) => l.includes(': skipped: '))
      .map((l) => l.split(': skipped: ')),
  );
  assert.deepEqual(skipped, {
    'src/logo.png': 'not a JavaScript or TypeScript file (.png file)',
    'src/README.md': 'not a JavaScript or TypeScript file (.md file)',
    'src/Makefile': 'not a JavaScript or TypeScript file (no extension)',
    'src/latin1.js': 'not UTF-8 text; only UTF-8 files are checked',
    'src/nul.js': 'binary content (NUL bytes), not JavaScript or TypeScript source',
    'src/utf16.ts': 'UTF-16 text; only UTF-8 files are checked',
  });
  assert.match(r.stdout, /^src\/users\.js:6:23 /m);
  assert.match(r.stdout, /^1 finding in 1 file \(1 file checked, 6 files skipped\)$/m);
  // Nothing about skipped files is a finding: JSON lists the one real finding.
  assert.deepEqual(
    json(cli(['check', ...named, '--format', 'json'], { cwd: dir })).findings.map((f) => f.file),
    ['src/users.js'],
  );
  // A folder is walked for JS/TS only; the .js files that are not UTF-8 text are still skipped, not analysed.
  const walked = cli(['check', 'src'], { cwd: dir });
  assert.doesNotMatch(walked.stdout, /README|logo|Makefile/);
  assert.match(walked.stdout, /^src\/latin1\.js: skipped: not UTF-8 text/m);
  assert.match(walked.stdout, /^1 finding in 1 file \(1 file checked, 3 files skipped\)$/m);
});

test('the text summary is one line: findings, files with findings, files checked, skipped and suppressed', () => {
  const silenced =
    header +
    failingHandler().replace('    return res.status(200)', '    // status-hints-disable-next-line error-in-success-response\n    return res.status(200)');
  const dir = project({
    'a/one.js': header + failingHandler(),
    'b/two.js': header + failingHandler('/users/:id', 'User') + failingHandler('/orders/:id', 'Order'),
    'b/clean.js': header,
    'c/silenced.js': silenced,
    'c/min.js': 'var a=1;'.repeat(5000),
  });
  const last = (args) =>
    cli(['check', ...args], { cwd: dir })
      .stdout.trim()
      .split('\n')
      .at(-1);
  assert.equal(last(['a']), '1 finding in 1 file (1 file checked)');
  assert.equal(last(['b']), '2 findings in 1 file (2 files checked)');
  assert.equal(last(['a', 'b']), '3 findings in 2 files (3 files checked)');
  assert.equal(last(['b/clean.js']), '0 findings (1 file checked)');
  assert.equal(last(['c']), '0 findings (1 file checked, 1 file skipped, 1 finding suppressed by comments)');
  assert.equal(last(['.']), '3 findings in 2 files (4 files checked, 1 file skipped, 1 finding suppressed by comments)');
});
