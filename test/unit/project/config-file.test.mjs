// Finding and reading `.statushintsrc.json` (project/configFile.ts): the nearest file up from nested
// folders, one clear message with its line:column for a broken file, and the same settings from the
// CLI (ConfigResolver) and the editor (ConfigFiles) for the same folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bundleSource } from '../../../scripts/typescript-shim.mjs';
import { repoRoot } from '../../helpers/analysis.mjs';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-configfile-')));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const out = path.join(tmp, 'config.cjs');
await bundleSource(
  [
    "export { NearestConfigFile, readConfigFile, parseConfigFile, formatConfigProblem } from './server/src/project/configFile';",
    "export { ConfigResolver } from './server/src/cli/config';",
    "export { ConfigFiles } from './server/src/lsp/config';",
    "export { ruleIds } from './server/src/rules';",
  ].join('\n'),
  out,
  repoRoot,
);
const { NearestConfigFile, readConfigFile, parseConfigFile, formatConfigProblem, ConfigResolver, ConfigFiles, ruleIds } = createRequire(import.meta.url)(out);

function tree(files) {
  const dir = fs.mkdtempSync(path.join(tmp, 'ws-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    if (text !== null) fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

test('the nearest config file is found from nested folders; a folder with its name does not count', () => {
  const dir = tree({
    '.statushintsrc.json': '{ "preset": "strict" }',
    'packages/api/.statushintsrc.json': '{ "validationStatus": 422 }',
    'packages/api/src/routes/x.js': '',
    'packages/web/src/x.js': '',
    // A folder named like the file, on the way up: the lookup goes past it.
    'packages/odd/.statushintsrc.json/keep': '',
    'packages/odd/src/x.js': '',
  });
  const nearest = new NearestConfigFile();
  const at = (rel) => nearest.find(path.join(dir, rel));
  assert.equal(at('packages/api/src/routes'), path.join(dir, 'packages/api/.statushintsrc.json'));
  assert.equal(at('packages/api'), path.join(dir, 'packages/api/.statushintsrc.json'));
  assert.equal(at('packages/web/src'), path.join(dir, '.statushintsrc.json'));
  assert.equal(at('packages/odd/src'), path.join(dir, '.statushintsrc.json'));
  assert.equal(at('.'), path.join(dir, '.statushintsrc.json'));
  // Remembered per folder until cleared: a file created later is seen after clear().
  fs.writeFileSync(path.join(dir, 'packages/web/.statushintsrc.json'), '{}');
  assert.equal(at('packages/web/src'), path.join(dir, '.statushintsrc.json'));
  nearest.clear();
  assert.equal(at('packages/web/src'), path.join(dir, 'packages/web/.statushintsrc.json'));
});

test('a broken file is one problem, named file:line:column at the error, and the defaults apply', () => {
  const cases = [
    // A missing comma between two settings, on line 3.
    ['{\n  "preset": "strict"\n  "validationStatus": 422\n}', "3:3: not valid JSON: ',' expected; using default settings"],
    // A JavaScript habit: unquoted text.
    ['{\n  // team choice\n  "preset": strict,\n}', '3:13: not a JSON value: strict (strings and keys need double quotes); using default settings'],
    ["{\n  'preset': 'strict'\n}", "2:3: not a JSON value: 'preset' (strings and keys need double quotes); using default settings"],
    // Not closed: the error is at the end of the file.
    ['{\n  "rules": { "status-not-sent": "off", }\n', "3:1: not valid JSON: '}' expected; using default settings"],
    ['{ "preset": "strict" ]', "1:22: not valid JSON: ',' expected; using default settings"],
  ];
  for (const [text, expected] of cases) {
    const parsed = parseConfigFile(text, ruleIds);
    assert.deepEqual(
      parsed.problems.map((p) => formatConfigProblem('.statushintsrc.json', p)),
      [`.statushintsrc.json:${expected}`],
      JSON.stringify(text),
    );
    assert.equal(parsed.settings.preset, 'recommended');
    assert.equal(parsed.raw, undefined);
  }
  // Comments, trailing commas and a byte-order mark are fine.
  const ok = parseConfigFile('\uFEFF{\n  /* why */ "preset": "strict", // yes\n  "allowedUnregisteredCodes": [499,],\n}\n', ruleIds);
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.settings.preset, 'strict');
  assert.deepEqual(ok.settings.allowedUnregisteredCodes, [499]);
  // A file that cannot be read says so.
  assert.match(readConfigFile(path.join(tmp, 'nope.json'), ruleIds).readError, /^cannot be read \(ENOENT\); using default settings$/);
});

test('the CLI and the editor read the same settings for the same folder', () => {
  const dir = tree({
    '.statushintsrc.json': '{\n  // root\n  "preset": "strict",\n  "rules": { "status-not-sent": "off" },\n}',
    'packages/api/.statushintsrc.json': '{ "validationStatus": 422, "allowedUnregisteredCodes": [499], "rules": { "no-such-rule": "off" } }',
    'packages/broken/.statushintsrc.json': '{ "preset": "strict" ',
    'packages/api/src/routes/users.js': '',
    'packages/web/src/page.ts': '',
    'packages/broken/x.js': '',
    'top.js': '',
  });
  const cliWarnings = [];
  const cli = new ConfigResolver(dir, undefined, (line) => cliWarnings.push(line));
  const editorLog = [];
  const editor = new ConfigFiles(
    () => {},
    (line) => editorLog.push(line),
  );
  for (const rel of ['packages/api/src/routes/users.js', 'packages/web/src/page.ts', 'packages/broken/x.js', 'top.js']) {
    const fromCli = cli.forFile(path.join(dir, rel)).settings;
    const fromEditor = editor.forDocument(pathToFileURL(path.join(dir, rel)).href).settings;
    assert.deepEqual(fromEditor, fromCli, rel);
  }
  assert.equal(cli.forFile(path.join(dir, 'packages/api/src/routes/users.js')).settings.validationStatus, 422);
  assert.equal(cli.forFile(path.join(dir, 'top.js')).settings.preset, 'strict');
  // The same problems, each said once, in the same file:line:col form.
  const strip = (line) => line.replace(dir + path.sep, '');
  assert.deepEqual(cliWarnings.map(strip).sort(), editorLog.map(strip).sort());
  assert.deepEqual(cliWarnings.map(strip).sort(), [
    'packages/api/.statushintsrc.json:1:74: rules.no-such-rule: unknown rule id (ignored)',
    "packages/broken/.statushintsrc.json:1:22: not valid JSON: '}' expected; using default settings",
  ]);
});
