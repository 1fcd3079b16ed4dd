// The examples show every rule, and the editor and the CLI give the same findings for the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { cli, root } from '../cli/_cli.mjs';
import { startServer } from '../helpers/lsp-client.mjs';

const require = createRequire(import.meta.url);
const { ruleIds } = require(
  process.env.STATUS_HINTS_DIST ? path.join(path.resolve(process.env.STATUS_HINTS_DIST), 'analysis.js') : path.join(root, 'dist/analysis.js'),
);

const cliRun = cli(['check', 'examples', '--format', 'json', '--fail-on', 'none']);
const cliFindings = JSON.parse(cliRun.stdout).findings;

test('examples/ shows every rule at least once', () => {
  const shown = new Set(cliFindings.map((f) => f.rule));
  assert.deepEqual(
    ruleIds.filter((id) => !shown.has(id)),
    [],
  );
});

let server;
before(async () => {
  server = await startServer();
});
after(async () => server?.stop());

test('the language server reports exactly what the CLI reports, file by file', async () => {
  const files = [...new Set(cliFindings.map((f) => f.file))];
  assert.ok(files.length >= 4);
  for (const file of files) {
    const uri = pathToFileURL(path.join(root, file)).href;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const language = /\.tsx?$/.test(file) ? 'typescript' : 'javascript';
    await server.open(uri, text, language);
    const expected = cliFindings
      .filter((f) => f.file === file)
      .map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)
      .sort();
    const diags = await server.waitForDiagnostics(uri, (d) => d.length === expected.length);
    const severity = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
    const got = diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severity[d.severity]} ${d.code} ${d.message}`).sort();
    assert.deepEqual(got, expected, file);
    await server.close(uri);
  }
});
