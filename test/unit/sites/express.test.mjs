// Express / Connect status sites and the facts they carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, slotsOf, withCode } from '../../helpers/sites.mjs';

const usersRouter = `const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(404).json({ error: 'User not found' });
  }
  res.json(user);
});

router.post('/users', async (req, res) => {
  if (!req.body.email) {
    return res.status(400).json({ error: 'email is required' });
  }
  const user = await User.create(req.body);
  res.location(\`/users/\${user.id}\`).status(201).json(user);
});

router.delete('/users/:id', async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

module.exports = router;
`;

test('express: res.status(n).json(x) is a chained site with its body, route and guard', () => {
  const list = sitesOf(usersRouter, 'routes/users.js');
  const s = one(list, { code: 404 });
  assert.equal(s.framework, 'express');
  assert.equal(s.kind, 'status-call');
  assert.equal(s.form, 'number');
  assert.equal(s.line, lineAt(usersRouter, 'status(404)'));
  assert.equal(s.text, '404');
  assert.deepEqual(bodyProps(s), ['error']);
  assert.equal(s.send.how, 'chained');
  assert.equal(s.send.method, 'json');
  assert.equal(s.send.returns, true);
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/users/:id' });
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.equal(s.guard.negated, false);
  assert.equal(s.receiver, 'res');
  assert.equal(s.handler.requestName, 'req');
  assert.equal(withCode(usersRouter, s, 410).includes('res.status(410).json'), true);
});

test('express: res.json(x) with no status before it is the implicit 200; the fix inserts .status()', () => {
  const list = sitesOf(usersRouter, 'routes/users.js');
  const s = one(list, { kind: 'implicit-send', route: (r) => r?.method === 'GET' });
  assert.equal(s.code, 200);
  assert.equal(s.form, 'implicit');
  assert.equal(s.text, 'res.json');
  assert.equal(s.line, lineAt(usersRouter, 'res.json(user)'));
  assert.equal(s.guard, undefined, 'the implicit 200 runs after the guarded return, outside the if');
  assert.ok(withCode(usersRouter, s, 206).includes('res.status(206).json(user)'));
  // The 404 path returns before the send: no implicit 200 there.
  none(list, { kind: 'implicit-send', line: lineAt(usersRouter, 'status(404)') });
});

test('express: headers written before the send, chained or not, are facts of the site', () => {
  const list = sitesOf(usersRouter, 'routes/users.js');
  const created = one(list, { code: 201 });
  assert.deepEqual(headerNames(created), ['location']);
  assert.deepEqual({ method: created.route.method, path: created.route.path }, { method: 'POST', path: '/users' });
  const bad = one(list, { code: 400 });
  assert.deepEqual(headerNames(bad), [], 'the Location of the success path is not on the 400');
  assert.equal(bad.guard.kind, 'missing-field');
});

test('express: sendStatus is its own send', () => {
  const s = one(sitesOf(usersRouter, 'routes/users.js'), { code: 204 });
  assert.equal(s.kind, 'send-status');
  assert.equal(s.send.how, 'same-call');
  assert.equal(s.send.method, 'sendStatus');
  assert.equal(s.route.method, 'DELETE');
});

const redirects = `import express from 'express';
const app = express();

app.get('/old-docs', (req, res) => {
  res.redirect(301, '/docs');
});

app.post('/login', async (req, res) => {
  const ok = await auth.check(req.body);
  if (!ok) return res.redirect('/login?failed=1');
  res.set('Cache-Control', 'no-store');
  res.redirect(303, '/dashboard');
});
`;

test('express: res.redirect(n, url) and the implicit 302 of res.redirect(url)', () => {
  const list = sitesOf(redirects, 'app.mjs');
  const moved = one(list, { code: 301 });
  assert.equal(moved.kind, 'redirect');
  assert.equal(moved.form, 'number');
  assert.deepEqual(headerNames(moved), ['location']);
  const implicit = one(list, { code: 302 });
  assert.equal(implicit.form, 'implicit');
  assert.equal(implicit.text, 'res.redirect');
  assert.equal(implicit.line, lineAt(redirects, "res.redirect('/login?failed=1')"));
  assert.ok(withCode(redirects, implicit, 303).includes("res.redirect(303, '/login?failed=1')"));
  const seeOther = one(list, { code: 303 });
  assert.deepEqual(headerNames(seeOther), ['cache-control', 'location']);
  assert.equal(seeOther.guard, undefined);
});

const lowLevel = `const express = require('express');
const app = express();

app.get('/export', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="x.csv"' });
  res.end(rows.join('\\n'));
});

app.get('/teapot', (req, res) => {
  res.statusCode = 418;
  res.end("I'm a teapot");
});

app.get('/status', (req, res) => {
  res.status();
});
`;

test('express: writeHead with headers, statusCode assignment, and an empty status() slot', () => {
  const list = sitesOf(lowLevel, 'app.js');
  const head = one(list, { kind: 'write-head' });
  assert.equal(head.code, 200);
  assert.deepEqual(headerNames(head), ['content-disposition', 'content-type']);
  assert.equal(head.send.how, 'later');
  assert.equal(head.send.method, 'end');
  const assign = one(list, { kind: 'status-assign' });
  assert.equal(assign.code, 418);
  assert.equal(assign.send.how, 'later');
  assert.equal(assign.body.kind, 'string');
  none(list, { line: lineAt(lowLevel, 'res.status()') });
  const slot = slotsOf(lowLevel, 'app.js').find((x) => x.start === x.end);
  assert.ok(slot, 'res.status() leaves an empty slot for completion');
  assert.equal(lowLevel.slice(slot.start - 1, slot.start + 1), '()');
  assert.equal(slot.framework, 'express');
  assert.equal(slot.hint, 'read');
});

const errorMiddleware = `const express = require('express');
const app = express();

app.post('/orders', async (req, res, next) => {
  try {
    const order = await Order.create(req.body);
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  if (err.name === 'ValidationError') {
    return res.status(400).json({ error: err.message });
  }
  res.status(err.status || 500).json({ error: 'Internal Server Error' });
});
`;

test('express: error middleware (err, req, res, next), dynamic statuses with their fallback', () => {
  const list = sitesOf(errorMiddleware, 'app.js');
  const validation = one(list, { code: 400 });
  assert.equal(validation.handler.isErrorMiddleware, true);
  assert.equal(validation.guard.kind, 'error-type');
  assert.equal(validation.guard.errorName, 'ValidationError');
  const dynamic = one(list, { form: 'dynamic' });
  assert.equal(dynamic.code, undefined);
  assert.equal(dynamic.text, 'err.status || 500');
  assert.equal(dynamic.codeEdit.kind, 'none');
  const fallback = one(list, { code: 500 });
  assert.equal(fallback.form, 'number');
  assert.equal(fallback.text, '500');
  assert.deepEqual(bodyProps(fallback), ['error']);
  const created = one(list, { code: 201 });
  assert.equal(created.handler.isErrorMiddleware, false);
  assert.equal(created.catchClause, undefined, 'the 201 is in the try block, not the catch');
});

test('express: catch facts, not-sent and escaped responses', () => {
  const code = `router.get('/reports/:id', async (req, res) => {
  try {
    const report = await Report.findById(req.params.id);
    if (!report) {
      res.status(404);
      return;
    }
    res.json(report);
  } catch (e) {
    res.status(500).json({ error: 'Could not load the report' });
  }
});

router.get('/reports/:id/pdf', (req, res) => {
  res.status(200);
  renderPdf(res, req.params.id);
});`;
  const list = sitesOf(code);
  assert.equal(one(list, { code: 404 }).send.how, 'not-sent');
  const failed = one(list, { code: 500 });
  assert.deepEqual(failed.catchClause, { param: 'e', narrowed: false, tryCalls: ['findById', 'status', 'json'] });
  assert.equal(failed.guard, undefined, 'guards outside the try do not describe the error');
  assert.equal(one(list, { code: 200, form: 'number' }).send.how, 'unknown', 'the response is handed to a helper after the status');
});

test('express: the response parameter is recognised by its role, whatever its name', () => {
  const code = `app.get('/health', (request, out) => {
  if (!db.connected) return out.status(503).send('down');
  out.send('ok');
});

function listUsers(req: Request, reply: Response) {
  reply.status(200).json(users);
}`;
  const list = sitesOf(code, 'server.ts');
  assert.equal(one(list, { code: 503 }).receiver, 'out');
  const implicit = one(list, { kind: 'implicit-send' });
  assert.equal(implicit.text, 'out.send');
  assert.equal(one(list, { code: 200, form: 'number' }).framework, 'express', 'a parameter typed Response is an Express response');
});

test('express: methodsForPath lists every method registered for the path', () => {
  const code = `router.route('/items/:id')
  .get((req, res) => res.json(item))
  .put((req, res) => res.status(200).json(item));
router.delete('/items/:id', (req, res) => res.sendStatus(204));`;
  const s = one(sitesOf(code), { code: 204 });
  assert.deepEqual([...s.route.methodsForPath].sort(), ['DELETE', 'GET', 'PUT']);
});

test('express: a header set on another path is not a fact of the site', () => {
  const code = `router.get('/v1/items', (req, res) => {
  if (req.query.legacy) {
    res.set('Deprecation', 'true');
    return res.status(410).json({ error: 'Use /v2/items' });
  }
  res.set('Cache-Control', 'max-age=60');
  res.status(200).json(items);
});`;
  const list = sitesOf(code);
  assert.deepEqual(headerNames(one(list, { code: 410 })), ['deprecation']);
  assert.deepEqual(headerNames(one(list, { code: 200 })), ['cache-control'], 'the Deprecation of the returned branch is not here');
});

test('express in TypeScript: sites inside type assertions, generics and satisfies are found; types themselves are not walked into sites', () => {
  const code = `import type { Request, Response, RequestHandler } from 'express';
interface Replier { status(code: number): this; json(body: unknown): void }
type Handler = (req: Request, res: Response) => void;
const router = express.Router();
router.get<{ id: string }>('/items/:id', async (req: Request<{ id: string }>, res: Response<{ error: string }>) => {
  const item = (await db.find(req.params.id)) as Item | undefined;
  if (!item) return res.status(404 as number).json({ error: 'missing' } satisfies { error: string });
  res.status(<number>200).json(item);
});
const typed: RequestHandler = (req, res) => { res.status(201).json({ id: 1 } as { id: number }); };
`;
  const list = sitesOf(code, 'routes/items.ts');
  const missing = one(list, { code: 404 });
  assert.equal(missing.guard.kind, 'lookup-miss');
  assert.deepEqual(bodyProps(missing), ['error']);
  one(list, { code: 200 });
  one(list, { code: 201 });
  assert.equal(list.length, 3, 'the interface method signature and the function type are not sites');
});
