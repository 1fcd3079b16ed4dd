// A code lens above each route handler over LSP: what the route answers, with the responses (where
// each status is decided) as the command's argument; none in files without routes; off by setting.
// And the Routes view's request: every route of the workspace.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp-client.mjs';

const ROUTES = `const express = require('express');
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
});

router.delete('/users/:id', (req, res) => res.sendStatus(req.query.soft ? 202 : code(req)));
module.exports = router;
`;

const servers = [];
after(async () => {
  for (const s of servers) await s.stop();
});
async function serverWith(configuration = {}) {
  const server = await startServer({ configuration });
  servers.push(server);
  return server;
}
const lenses = async (server, uri) => (await server.request('textDocument/codeLens', { textDocument: { uri } })) ?? [];

test('a lens above each route: method, path and every status its handler decides', async () => {
  const server = await serverWith();
  const uri = 'file:///work/lens/users.js';
  await server.open(uri, ROUTES);
  const all = await lenses(server, uri);
  assert.deepEqual(
    all.map((l) => [l.range.start.line, l.command.title]),
    [
      [3, 'GET /users/:id → 200 · 404'],
      [9, 'DELETE /users/:id → 202 · ?'],
    ],
  );
  const [get] = all;
  assert.equal(get.command.command, 'statusHints.showRouteResponses');
  const [args] = get.command.arguments;
  assert.deepEqual({ uri: args.uri, method: args.method, path: args.path }, { uri, method: 'GET', path: '/users/:id' });
  assert.deepEqual(
    args.responses.map((r) => [r.status, r.line, r.label]),
    [
      [200, 6, "200 OK: the framework's default, line 7"],
      [404, 5, '404 Not Found: set here, line 6'],
    ],
  );
});

test('the lens follows edits: a new status in the handler appears in its title', async () => {
  const server = await serverWith();
  const uri = 'file:///work/lens/edit.js';
  await server.open(uri, ROUTES);
  await server.change(uri, ROUTES.replace('res.json(user);', 'if (user.gone) return res.status(410).end();\n  res.json(user);'));
  const [get] = await lenses(server, uri);
  assert.equal(get.command.title, 'GET /users/:id → 200 · 404 · 410');
});

test('no lens in a file without routes, nor with statusHints.codeLens.enabled off', async () => {
  const server = await serverWith({ codeLens: { enabled: false } });
  await server.open('file:///work/lens/off.js', ROUTES);
  assert.deepEqual(await lenses(server, 'file:///work/lens/off.js'), []);
  const plain = await serverWith();
  await plain.open('file:///work/lens/util.js', 'module.exports = (res) => res.status(404).end();\n');
  assert.deepEqual(await lenses(plain, 'file:///work/lens/util.js'), []);
});

describe('statusHints/routes (the Routes view)', () => {
  const files = {
    'src/users.js': ROUTES,
    'src/users.test.js': ROUTES,
    'app/items/[id]/route.ts':
      "import { NextResponse } from 'next/server';\nexport async function GET() {\n  return NextResponse.json({ error: 'gone' }, { status: 410 });\n}\n",
    'src/util.js': 'module.exports = 1;\n',
  };
  const summary = (result) =>
    result.routes.map(
      (r) =>
        `${r.method} ${r.path} ${decodeURIComponent(r.uri).replace(/^.*?\/(src|app)\//, '$1/')}:${r.line} → ${r.responses.map((x) => x.status ?? '?').join(',')}`,
    );

  test('every route of the workspace but test files; an open document as edited; a changed file read again', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-routes-')));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const server = await startServer({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    servers.push(server);
    assert.deepEqual(summary(await server.request('statusHints/routes', {})), [
      'GET /items/[id] app/items/[id]/route.ts:1 → 410',
      'GET /users/:id src/users.js:3 → 200,404',
      'DELETE /users/:id src/users.js:9 → 202,?',
    ]);

    // Unsaved edits count: the open document, not the file on disk.
    const users = pathToFileURL(path.join(dir, 'src/users.js')).href;
    await server.open(users, ROUTES.replace("router.delete('/users/:id'", "router.put('/users/:id'"));
    assert.ok(summary(await server.request('statusHints/routes', {})).includes('PUT /users/:id src/users.js:9 → 202,?'));

    // A closed file changed on disk is read again; a deleted one leaves.
    fs.writeFileSync(path.join(dir, 'app/items/[id]/route.ts'), files['app/items/[id]/route.ts'].replace('410', '404'));
    fs.rmSync(path.join(dir, 'src/users.js'));
    await server.close(users);
    assert.deepEqual(summary(await server.request('statusHints/routes', {})), ['GET /items/[id] app/items/[id]/route.ts:1 → 404']);
  });
});

test('statusHints/routes: a router mounted in another file is listed under its full path', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-mounts-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'src/app.js'),
    "const app = require('express')();\nconst users = require('./routes/users');\napp.use('/api/users', users);\n",
  );
  fs.writeFileSync(path.join(dir, 'src/routes/users.js'), ROUTES);
  const server = await startServer({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
  servers.push(server);
  const { routes } = await server.request('statusHints/routes', {});
  assert.deepEqual(
    routes.map((r) => `${r.method} ${r.path}`),
    ['GET /api/users/users/:id', 'DELETE /api/users/users/:id'],
  );
});
