// The `req`/`res` of servers that are not this HTTP server (ldapjs, ws, socket.io, net, msw, nock)
// are not responses; and the error rules only speak about a response the analysis is sure of: a
// registered or typed handler's, or a (req, res) function in a file written against an HTTP server
// or registered by name there. A (req, res) guessed from names alone gets the warnings, not errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';
import { describe, sitesOf } from '../../helpers/sites.mjs';

function nothingIn(code, file) {
  const sites = sitesOf(code, file);
  assert.equal(sites.length, 0, `${file}: no sites expected:\n${describe(sites)}`);
  assert.deepEqual(
    findingsOf(code, undefined, { file }).map((f) => f.ruleId),
    [],
    file,
  );
}

const LDAP = `const ldap = require('ldapjs');
const server = ldap.createServer();

server.search('o=example', (req, res, next) => {
  for (const entry of directory.match(req.filter)) {
    res.send(entry);
  }
  res.end();
  return next();
});

function lookup(req, res, next) {
  const entry = directory.get(req.dn.toString());
  if (!entry) {
    res.end(32);
  }
  res.send(entry);
  res.end();
  next();
}
server.search('ou=people, o=example', lookup);

server.del('o=example', (req, res, next) => {
  directory.remove(req.dn.toString());
  res.status = 0;
  res.end();
  next();
});`;

test("ldapjs: its handlers' res ends LDAP operations, not HTTP responses", () => {
  nothingIn(LDAP, 'directory.js');
  // Given the server by its caller: a distinguished name is not a route path.
  const given = `module.exports = (server) => {\n  server.del('o=example', (req, res, next) => {\n    if (!req.dn) {\n      res.end(32);\n    }\n    res.end();\n    next();\n  });\n};`;
  assert.deepEqual(
    findingsOf(given, undefined, { file: 'ldap-routes.js' }).map((f) => f.ruleId),
    [],
  );
});

test('WebSocket, socket.io and net servers: callbacks shaped like handlers are not HTTP handlers', () => {
  nothingIn(
    `import { Server } from 'socket.io';
const io = new Server();
io.on('connection', (socket) => {
  socket.on('rooms:join', (req, res) => {
    if (!req.room) {
      res.status(400).json({ error: 'room required' });
    }
    socket.join(req.room);
    res.json({ ok: true });
  });
});`,
    'rooms.mjs',
  );
  nothingIn(
    `const WebSocket = require('ws');
const wss = new WebSocket.Server({ port: 8080 });
function handle(req, res) {
  if (!req.method) {
    res.send({ success: false, error: 'method required' });
  }
  res.send({ result: run(req) });
}
wss.on('connection', (ws) => ws.on('message', (m) => handle(JSON.parse(m), ws)));`,
    'rpc.js',
  );
  nothingIn(
    `const grpc = require('@grpc/grpc-js');
function getUser(req, res) {
  if (!req.request.id) {
    res.send({ code: grpc.status.INVALID_ARGUMENT });
  }
  res.send(users.get(req.request.id));
}
module.exports = { getUser };`,
    'users.grpc.js',
  );
  nothingIn(`import net from 'node:net';\nnet.createServer((c) => {\n  c.write('hello');\n  c.end();\n  c.end();\n}).listen(7000);`, 'echo.mjs');
});

test("msw and nock: mocked answers to this code's own requests", () => {
  nothingIn(
    `import { rest } from 'msw';
export const handlers = [
  rest.get('/api/users/:id', (req, res, ctx) => {
    if (req.params.id === 'missing') {
      res(ctx.status(404));
    }
    return res(ctx.status(200), ctx.json({ success: false }));
  }),
];`,
    'handlers.mjs',
  );
  nothingIn(
    `import { http } from 'msw';
export const handlers = [
  http.delete('/api/sessions/current', () => new Response(null, { status: 200 })),
  http.get('/api/users/:id', ({ params }) => Response.json({ success: false, error: 'User not found' })),
];`,
    'handlers.ts',
  );
  nothingIn(
    `const nock = require('nock');\nnock('https://api.example.com').get('/users/1').reply(200, {});\nnock('https://api.example.com').delete('/users/1').reply(204, { deleted: true });`,
    'api.test.js',
  );
});

test('response-sent-twice: next to another server, a registered Express route is still checked', (t) =>
  checkRule(
    'response-sent-twice',
    {
      valid: [
        { code: LDAP, file: 'directory.js' },
        // The (req, res) shape alone, in a file with no import: a guess, not enough for an error.
        `exports.show = async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n  }\n  res.json(user);\n};`,
      ],
      invalid: [
        {
          name: 'an Express route in a file that also serves WebSockets',
          code: `import express from 'express';\nimport { WebSocketServer } from 'ws';\nconst app = express();\nconst wss = new WebSocketServer({ noServer: true });\napp.get('/rooms/:id', async (req, res) => {\n  const room = await rooms.find(req.params.id);\n  if (!room) {\n    res.status(404).json({ error: 'Room not found' });\n  }\n  res.json(room);\n});`,
          file: 'server.mjs',
          at: 'status(404)',
          output: `import express from 'express';\nimport { WebSocketServer } from 'ws';\nconst app = express();\nconst wss = new WebSocketServer({ noServer: true });\napp.get('/rooms/:id', async (req, res) => {\n  const room = await rooms.find(req.params.id);\n  if (!room) {\n    return res.status(404).json({ error: 'Room not found' });\n  }\n  res.json(room);\n});`,
        },
        {
          name: 'a (req, res) controller in a file that imports express',
          code: `const express = require('express');\nexports.show = async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n  }\n  res.json(user);\n};`,
          at: 'status(404)',
        },
        {
          name: 'a (req, res) function the file registers by name',
          code: `async function show(req, res) {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n  }\n  res.json(user);\n}\nrouter.get('/users/:id', show);`,
          at: 'status(404)',
        },
        {
          name: 'a (req, res) function handed the response of a server callback',
          code: `function accounts(req, res) {\n  if (req.method !== 'GET') {\n    res.writeHead(405, { Allow: 'GET' });\n    res.end();\n  }\n  res.end(JSON.stringify(list()));\n}\ncreateServer((req, res) => accounts(req, res)).listen(3000);`,
          at: 'writeHead(405',
        },
        {
          name: 'typed as an Express response',
          code: `import type { Request, Response } from 'express';\nexport async function show(req: Request, res: Response) {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n  }\n  res.json(user);\n}`,
          file: 'users.controller.ts',
          at: 'status(404)',
        },
      ],
    },
    t,
  ));

test('status-not-sent: only on a response the analysis is sure of', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: [
        { code: LDAP, file: 'directory.js' },
        `exports.remove = async (req, res) => {\n  if (!(await Item.delete(req.params.id))) {\n    res.status(404);\n    return;\n  }\n  res.sendStatus(204);\n};`,
        { code: `import { WebSocketServer } from 'ws';\nfunction onUpgrade(req, res) {\n  res.statusCode = 426;\n  return;\n}`, file: 'upgrade.mjs' },
      ],
      invalid: [
        {
          name: 'the same controller in a file that imports express',
          code: `import express from 'express';\nexport const remove = async (req, res) => {\n  if (!(await Item.delete(req.params.id))) {\n    res.status(404);\n    return;\n  }\n  res.sendStatus(204);\n};`,
          file: 'items.mjs',
          at: 'res.status(404)',
        },
      ],
    },
    t,
  ));

test('a (req, res) guessed from names still gets the warnings', (t) =>
  checkRule(
    'error-in-success-response',
    {
      valid: [{ code: LDAP.replace('res.send(entry);', "res.send({ success: false, error: 'no entry' });"), file: 'directory.js' }],
      invalid: [
        {
          name: 'an exported controller with no import',
          code: `exports.show = async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(200).json({ success: false, error: 'User not found' });\n  res.json(user);\n};`,
          at: 'status(200)',
        },
      ],
    },
    t,
  ));
