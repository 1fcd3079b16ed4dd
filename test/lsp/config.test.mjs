// The editor side of configuration: .statushintsrc.json under the editor's settings, its problems as
// diagnostics on the file itself, reloads on a watched change, and fix-all to a fixed point.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, applyWorkspaceEdit } from '../helpers/lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const RULE = 'error-in-success-response';
const FAILING = `router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(200).json({ success: false, error: 'User not found' });
  }
  res.json(user);
});
`;

const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function workspace(files, configuration = {}, capabilities = {}) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-config-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const server = await startServer({ configuration, capabilities, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
  cleanups.push(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
  const write = (rel, text) => fs.writeFileSync(path.join(dir, rel), text);
  const watched = (rel, type = 2) => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type }] });
  return { dir, server, uri, write, watched };
}

// What VS Code sends when the user set nothing: every setting package.json declares, at its default.
const EDITOR_DEFAULTS = {};
for (const [key, schema] of Object.entries(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.configuration.properties)) {
  const names = key.split('.').slice(1); // statusHints.inlayHints.enabled → inlayHints, enabled
  // Rule ids contain no dots: statusHints.rules.<id> is one level below `rules`.
  const at = names.slice(0, -1).reduce((o, n) => (o[n] ??= {}), EDITOR_DEFAULTS);
  at[names.at(-1)] = schema.default;
}

test('the nearest .statushintsrc.json applies under editor defaults; an editor value set on purpose wins', async () => {
  const ws = await workspace(
    { '.statushintsrc.json': `{ // project choice\n  "rules": { "${RULE}": "off" },\n}`, 'api/src/users.js': FAILING },
    EDITOR_DEFAULTS,
  );
  const users = ws.uri('api/src/users.js');
  await ws.server.open(users, FAILING);
  assert.deepEqual(await ws.server.waitForDiagnostics(users), [], 'the file turns the rule off; the editor\'s "default" does not undo it');

  await ws.server.setConfiguration({ ...EDITOR_DEFAULTS, rules: { [RULE]: 'error' } });
  const diags = await ws.server.waitForDiagnostics(users, (d) => d.length === 1);
  assert.equal(diags[0].severity, 1, 'the explicit editor setting wins over the file');
});

test('a changed config file is read again on a watched-file notification', async () => {
  const ws = await workspace({ '.statushintsrc.json': '{}', 'users.js': FAILING });
  const users = ws.uri('users.js');
  await ws.server.open(users, FAILING);
  await ws.server.waitForDiagnostics(users, (d) => d.length === 1 && d[0].severity === 2);
  ws.write('.statushintsrc.json', JSON.stringify({ rules: { [RULE]: 'error' } }));
  await ws.watched('.statushintsrc.json');
  await ws.server.waitForDiagnostics(users, (d) => d.length === 1 && d[0].severity === 1);
  fs.rmSync(path.join(ws.dir, '.statushintsrc.json'));
  await ws.watched('.statushintsrc.json', 3);
  await ws.server.waitForDiagnostics(users, (d) => d.length === 1 && d[0].severity === 2);
});

test('a changed config file makes the client pull inlay hints again (inlayHints.enabled may have changed)', async () => {
  const ws = await workspace(
    { '.statushintsrc.json': '{}', 'users.js': FAILING },
    {},
    { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, inlayHint: { refreshSupport: true } } },
  );
  let refreshes = 0;
  ws.server.connection.onRequest('workspace/inlayHint/refresh', () => {
    refreshes++;
    return null;
  });
  const users = ws.uri('users.js');
  await ws.server.open(users, FAILING);
  await ws.server.waitForDiagnostics(users, (d) => d.length === 1);
  assert.equal(refreshes, 0);
  ws.write('.statushintsrc.json', JSON.stringify({ inlayHints: { enabled: false } }));
  await ws.watched('.statushintsrc.json');
  for (const t = Date.now(); refreshes === 0 && Date.now() - t < 5000;) await new Promise((r) => setTimeout(r, 20));
  assert.equal(refreshes, 1, 'one refresh request after the config file changed');
  const hints = await ws.server.request('textDocument/inlayHint', {
    textDocument: { uri: users },
    range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
  });
  assert.deepEqual(hints, [], 'the file turned inlay hints off');
});

test('hover.fullDoc from the config file: the whole doc in the hover, under editor defaults', async () => {
  const text = `router.get('/users/:id', (req, res) => res.status(404).end());\n`;
  const ws = await workspace({ '.statushintsrc.json': '{ "hover": { "fullDoc": true } }', 'users.js': text }, EDITOR_DEFAULTS);
  const users = ws.uri('users.js');
  await ws.server.open(users, text);
  await ws.server.waitForDiagnostics(users);
  const hoverText = async () =>
    (await ws.server.request('textDocument/hover', { textDocument: { uri: users }, position: { line: 0, character: text.indexOf('404') + 1 } }))?.contents
      .value;
  const full = await hoverText();
  assert.match(full, /^\*\*Confused with\*\*$/m, "the file's choice applies; the editor's default false does not undo it");
  assert.doesNotMatch(full, /command:/);
  ws.write('.statushintsrc.json', '{}');
  await ws.watched('.statushintsrc.json');
  const deadline = Date.now() + 5000;
  let compact = full;
  while (/Confused with/.test(compact) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    compact = await hoverText();
  }
  assert.match(compact, /\[Open full doc\]\(command:statusHints\.openDoc\?%5B404%5D\)/, 'back to the short hover once the file no longer asks');
});

test('a bad value in the config file: a warning on that value, the rest applies, cleared once fixed', async () => {
  const rc = '{\n  "preset": "ultra",\n  "rules": { "error-in-success-response": "error" }\n}\n';
  const ws = await workspace({ '.statushintsrc.json': rc, 'users.js': FAILING });
  const users = ws.uri('users.js');
  await ws.server.open(users, FAILING);
  const code = await ws.server.waitForDiagnostics(users, (d) => d.length === 1);
  assert.equal(code[0].severity, 1, 'the valid part of the file applies');
  const onConfig = await ws.server.waitForDiagnostics(ws.uri('.statushintsrc.json'), (d) => d.length === 1);
  assert.equal(onConfig[0].severity, 2);
  assert.deepEqual(onConfig[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 19 } });
  assert.match(onConfig[0].message, /^preset: expected "recommended" or "strict", got "ultra" \(ignored\)$/);
  ws.write('.statushintsrc.json', rc.replace('ultra', 'strict'));
  await ws.watched('.statushintsrc.json');
  await ws.server.waitForDiagnostics(ws.uri('.statushintsrc.json'), (d) => d.length === 0);
});

test('source.fixAll.statusHints fixes to a fixed point: a second fix-all offers nothing', async () => {
  // '500' → 500 (invalid-status-code) overlaps the fix it reveals, 500 → 404 (server-error-for-not-found): two passes.
  const text = `app.get('/r/:id', async (req, res) => {\n  const r = await Report.findById(req.params.id);\n  if (!r) return res.status('500').json({ error: 'Report not found' });\n  res.json(r);\n});\n`;
  const ws = await workspace({ 'orders.js': text });
  const uri = ws.uri('orders.js');
  await ws.server.open(uri, text);
  await ws.server.waitForDiagnostics(uri, (d) => d.length > 0);
  const ask = () =>
    ws.server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.statusHints'] },
    });
  const [fixAll] = await ask();
  assert.equal(fixAll.kind, 'source.fixAll.statusHints');
  const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);
  assert.match(fixed, /res\.status\(404\)\.json\(/, 'the finding the first fix revealed is fixed too');
  await ws.server.change(uri, fixed);
  await ws.server.waitForDiagnostics(uri);
  assert.deepEqual(await ask(), [], 'nothing left for a second fix-all');
});

const UNREGISTERED = `app.get('/upload', (req, res) => {
  req.on('aborted', () => res.status(499).end());
  res.json({ ok: true });
});
`;

/** The quick fixes offered on the unregistered-status-code finding of `uri`. */
async function allowActions(ws, uri) {
  const diags = await ws.server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unregistered-status-code'));
  const diagnostic = diags.find((x) => x.code === 'unregistered-status-code');
  const actions = await ws.server.request('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return actions.filter((a) => a.title.startsWith('Allow '));
}

test('"Allow 499 in .statushintsrc.json" adds the code to the nearest config file, keeping its comments; the finding goes away', async () => {
  const config = '{\n  // our proxy closes aborted uploads with 499\n  "preset": "recommended"\n}\n';
  const ws = await workspace({ '.statushintsrc.json': config, 'api/upload.js': UNREGISTERED });
  const upload = ws.uri('api/upload.js');
  await ws.server.open(upload, UNREGISTERED);
  const [allow] = await allowActions(ws, upload);
  assert.equal(allow?.title, 'Allow 499 in .statushintsrc.json');
  const configUri = ws.uri('.statushintsrc.json');
  assert.deepEqual(
    allow.edit.documentChanges.map((c) => c.textDocument.uri),
    [configUri],
    'only the config file is edited',
  );
  const updated = applyWorkspaceEdit(config, allow.edit, configUri);
  assert.match(updated, /\/\/ our proxy closes aborted uploads with 499/);
  assert.deepEqual(JSON.parse(updated.replace(/\/\/.*\n/, '')), { preset: 'recommended', allowedUnregisteredCodes: [499] });
  ws.write('.statushintsrc.json', updated);
  await ws.watched('.statushintsrc.json');
  await ws.server.waitForDiagnostics(upload, (d) => !d.some((x) => x.code === 'unregistered-status-code'));
});

test('with no config file, "Allow" creates one at the workspace root when the client can create files, and is not offered when it cannot', async () => {
  const canCreate = {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    },
  };
  const ws = await workspace({ 'api/upload.js': UNREGISTERED }, {}, canCreate);
  const upload = ws.uri('api/upload.js');
  await ws.server.open(upload, UNREGISTERED);
  const [allow] = await allowActions(ws, upload);
  const configUri = ws.uri('.statushintsrc.json');
  assert.equal(allow?.title, 'Allow 499 in .statushintsrc.json');
  assert.deepEqual(allow.edit.documentChanges[0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
  const created = applyWorkspaceEdit('', allow.edit, configUri);
  assert.deepEqual(JSON.parse(created), { allowedUnregisteredCodes: [499] });
  ws.write('.statushintsrc.json', created);
  await ws.watched('.statushintsrc.json', 1);
  await ws.server.waitForDiagnostics(upload, (d) => !d.some((x) => x.code === 'unregistered-status-code'));

  const plain = await workspace({ 'api/upload.js': UNREGISTERED });
  const other = plain.uri('api/upload.js');
  await plain.server.open(other, UNREGISTERED);
  assert.deepEqual(await allowActions(plain, other), [], 'a client that cannot create files gets no action that would need one');
});

test('"Allow" is not offered when the editor setting statusHints.allowedUnregisteredCodes overrides the file (the edit would change nothing)', async () => {
  const ws = await workspace({ '.statushintsrc.json': '{}', 'api/upload.js': UNREGISTERED }, { allowedUnregisteredCodes: [420] });
  const upload = ws.uri('api/upload.js');
  await ws.server.open(upload, UNREGISTERED);
  assert.deepEqual(await allowActions(ws, upload), []);
});

test('the light bulb offers fix-all without its edit to a client that resolves; picking it runs the whole fix loop, a stale one gets no edit', async () => {
  const text = `app.get('/r/:id', async (req, res) => {\n  const r = await Report.findById(req.params.id);\n  if (!r) return res.status('500').json({ error: 'Report not found' });\n  res.json(r);\n});\n`;
  const codeAction = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] } };
  const ws = await workspace({ 'orders.js': text }, {}, { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction } });
  const uri = ws.uri('orders.js');
  await ws.server.open(uri, text);
  const diags = await ws.server.waitForDiagnostics(uri, (d) => d.length > 0);
  const actions = await ws.server.request('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
  const offered = actions.find((a) => a.kind === 'source.fixAll.statusHints');
  assert.ok(offered, actions.map((a) => a.title).join(' | '));
  assert.equal(offered.edit, undefined, 'computed only when picked');
  const resolved = await ws.server.request('codeAction/resolve', offered);
  const fixed = applyWorkspaceEdit(text, resolved.edit, uri);
  assert.match(fixed, /res\.status\(404\)\.json\(/, 'the loop follows the fix to the finding it reveals');
  // The document changed after the action was offered: no edit for a text that is gone.
  await ws.server.change(uri, `${text}\n`);
  await ws.server.waitForDiagnostics(uri);
  assert.equal((await ws.server.request('codeAction/resolve', offered)).edit, undefined);
});
