// A code lens above each route handler over LSP: what the route answers, with the responses (where
// each status is decided) as the command's argument; none in files without routes; off by setting.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
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
  await server.change(uri, ROUTES.replace("res.json(user);", "if (user.gone) return res.status(410).end();\n  res.json(user);"));
  const [get] = await lenses(server, uri);
  assert.equal(get.command.title, 'GET /users/:id → 200 · 404 · 410');
});

test('no lens in a file without routes, nor with statusHints.codeLens.enabled off', async () => {
  const server = await serverWith({ codeLens: { enabled: false } });
  await server.open('file:///work/lens/off.js', ROUTES);
  assert.deepEqual(await lenses(server, 'file:///work/lens/off.js'), []);
  const plain = await serverWith();
  await plain.open('file:///work/lens/util.js', "module.exports = (res) => res.status(404).end();\n");
  assert.deepEqual(await lenses(plain, 'file:///work/lens/util.js'), []);
});
