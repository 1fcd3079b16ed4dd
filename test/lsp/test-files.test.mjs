// Test files in the editor: hovers and inlay hints as anywhere, but no diagnostics (nor quick fixes)
// unless statusHints.checkTestFiles, in the editor's settings or .statushintsrc.json. Paths are read
// from the workspace folder, and the workspace scan follows the same policy.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp-client.mjs';

const FAILING = `const express = require('express');
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(200).json({ success: false, error: 'not found' });
  }
  res.json(user);
});
`;
const STATUS_AT = { line: 5, character: 24 }; // on the 200
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
const CAPS = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true } };

const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A workspace folder inside a folder named `tests`: only paths below the workspace folder count. */
async function workspace(files, configuration = {}) {
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-tf-')));
  const dir = path.join(parent, 'tests', 'shop');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const server = await startServer({ configuration, capabilities: CAPS, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'shop' }] });
  cleanups.push(async () => {
    await server.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });
  return { dir, server, uri: (rel) => pathToFileURL(path.join(dir, rel)).href };
}

const hoverText = async (server, uri) => (await server.request('textDocument/hover', { textDocument: { uri }, position: STATUS_AT }))?.contents.value ?? '';
const hintLabels = async (server, uri) => (await server.request('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE })).map((h) => h.label);
const fixes = (server, uri, diagnostics) =>
  server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: STATUS_AT, end: STATUS_AT }, context: { diagnostics } });

test('a test file keeps hover and inlay hints but gets no diagnostics; checkTestFiles brings them back', async () => {
  const ws = await workspace({});
  const source = ws.uri('src/users.js');
  await ws.server.open(source, FAILING);
  const expected = await ws.server.waitForDiagnostics(source, (d) => d.length === 1);
  assert.equal(expected[0].code, 'error-in-success-response', 'a source file under …/tests/shop/ is not a test file');

  for (const rel of [
    'src/users.test.js',
    'src/users.spec.ts',
    'src/__tests__/users.js',
    'test/helpers/server.js',
    'e2e/login.js',
    'src/__mocks__/db.js',
    'fixtures/routes.js',
  ]) {
    const uri = ws.uri(rel);
    await ws.server.open(uri, FAILING, rel.endsWith('.ts') ? 'typescript' : 'javascript');
    assert.deepEqual(await ws.server.waitForDiagnostics(uri), [], rel);
    assert.match(await hoverText(ws.server, uri), /200 OK/, `${rel}: hover`);
    assert.ok((await hintLabels(ws.server, uri)).includes('OK'), `${rel}: inlay hint`);
    assert.deepEqual(await fixes(ws.server, uri, expected), [], `${rel}: no quick fix for a diagnostic it does not have`);
  }

  await ws.server.setConfiguration({ checkTestFiles: true });
  const test = ws.uri('src/users.test.js');
  const diags = await ws.server.waitForDiagnostics(test, (d) => d.length === 1);
  assert.equal(diags[0].code, 'error-in-success-response');
  assert.ok(
    (await fixes(ws.server, test, diags)).some((a) => a.isPreferred),
    'and its quick fixes',
  );

  await ws.server.setConfiguration({ checkTestFiles: false });
  await ws.server.waitForDiagnostics(test, (d) => d.length === 0);
});

test('"checkTestFiles": true in .statushintsrc.json, and the workspace scan follows the policy', async () => {
  const ws = await workspace({
    'src/users.js': FAILING,
    'src/users.test.js': FAILING,
    'packages/api/.statushintsrc.json': '{ "checkTestFiles": true }',
    'packages/api/test/routes.js': FAILING,
  });
  const progress = [];
  ws.server.connection.onNotification('$/progress', (p) => progress.push(p.value.kind));
  ws.server.connection.onRequest('client/registerCapability', () => null);
  await ws.server.setConfiguration({ scanWorkspace: true });
  await ws.server.waitForDiagnostics(ws.uri('src/users.js'), (d) => d.length === 1);
  await ws.server.waitForDiagnostics(ws.uri('packages/api/test/routes.js'), (d) => d.length === 1);
  const deadline = Date.now() + 10000;
  while (!progress.includes('end') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(progress.includes('end'), 'the scan finished');
  assert.equal(ws.server.diagnostics.get(ws.uri('src/users.test.js')), undefined, 'a closed test file gets nothing from the scan');

  // Opened, the test file under the package's config gets its diagnostics live too.
  const opened = ws.uri('packages/api/test/routes.js');
  await ws.server.open(opened, FAILING);
  await ws.server.waitForDiagnostics(opened, (d) => d.length === 1);
});
