// Fastify status sites: reply.code/status, redirects (v4 and v5), reply.send, returned values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const plugin = `'use strict';

/** @param {import('fastify').FastifyInstance} fastify */
module.exports = async function usersRoutes(fastify, opts) {
  fastify.get('/users/:id', async (request, reply) => {
    const user = await fastify.db.users.get(request.params.id);
    if (!user) {
      return reply.code(404).send({ error: 'User not found' });
    }
    return user;
  });

  fastify.post('/users', { schema: { body: userSchema } }, async (request, reply) => {
    const user = await fastify.db.users.insert(request.body);
    reply.code(201).header('Location', \`/users/\${user.id}\`);
    return { id: user.id, email: user.email };
  });

  fastify.get('/users', async (request, reply) => {
    const rows = await fastify.db.users.list(request.query);
    return { items: rows, total: rows.length };
  });

  fastify.delete('/users/:id', async (request, reply) => {
    await fastify.db.users.remove(request.params.id);
    reply.status(204).send();
  });
};
`;

test('fastify: reply.code(n).send(x) is chained, with route and guard', () => {
  const list = sitesOf(plugin, 'routes/users.js');
  const s = one(list, { code: 404 });
  assert.equal(s.framework, 'fastify');
  assert.equal(s.kind, 'status-call');
  assert.equal(s.form, 'number');
  assert.equal(s.line, lineAt(plugin, 'code(404)'));
  assert.equal(s.send.how, 'chained');
  assert.equal(s.send.method, 'send');
  assert.deepEqual(bodyProps(s), ['error']);
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/users/:id' });
  none(list, { kind: 'implicit-send', line: s.line }, 'returning the reply is not returning a body');
});

test('fastify: reply.code(201) then `return {...}`: the returned object is the body', () => {
  const list = sitesOf(plugin, 'routes/users.js');
  const s = one(list, { code: 201 });
  assert.equal(s.send.how, 'returned');
  assert.equal(s.send.returns, true);
  assert.deepEqual(bodyProps(s), ['id', 'email']);
  assert.deepEqual(headerNames(s), ['location']);
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'POST', path: '/users' });
  // no implicit 200 for that return: the 201 decides it
  none(list, { kind: 'implicit-send', line: lineAt(plugin, 'return { id: user.id') });
});

test('fastify: a returned value with no code set is the implicit 200; the fix sends it with a code', () => {
  const list = sitesOf(plugin, 'routes/users.js');
  const s = one(list, { kind: 'implicit-send', line: lineAt(plugin, 'return { items') });
  assert.equal(s.code, 200);
  assert.equal(s.form, 'implicit');
  assert.equal(s.send.how, 'returned');
  assert.deepEqual(bodyProps(s), ['items', 'total']);
  assert.ok(withCode(plugin, s, 206).includes('return reply.code(206).send({ items: rows, total: rows.length });'));
  const afterGuard = one(list, { kind: 'implicit-send', line: lineAt(plugin, 'return user;') });
  assert.equal(afterGuard.body.kind, 'identifier');
  assert.equal(one(list, { code: 204 }).kind, 'status-call');
});

const sessions = `import Fastify from 'fastify';
const app = Fastify({ logger: true });

app.post('/login', async (request, reply) => {
  const user = await sessions.login(request.body);
  if (!user) return reply.redirect('/login?failed=1');
  return reply.redirect('/dashboard', 303);
});

app.get('/old', (request, reply) => {
  reply.redirect(301, '/new');
});

app.route({
  method: 'PUT',
  url: '/preferences',
  handler: async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    reply.statusCode = 202;
    return { queued: true };
  },
});

app.get('/healthz', async () => ({ status: 'ok' }));

app.setErrorHandler(function (error, request, reply) {
  request.log.error(error);
  reply.status(error.statusCode ?? 500).send({ error: 'Something went wrong' });
});
`;

test('fastify: redirect in v5 (url, code) and v4 (code, url) order, and the implicit 302', () => {
  const list = sitesOf(sessions, 'server.mjs');
  const v5 = one(list, { code: 303 });
  assert.equal(v5.kind, 'redirect');
  assert.deepEqual(headerNames(v5), ['location']);
  const v4 = one(list, { code: 301 });
  assert.equal(v4.kind, 'redirect');
  assert.equal(v4.text, '301');
  const implicit = one(list, { code: 302 });
  assert.equal(implicit.form, 'implicit');
  assert.equal(implicit.text, 'reply.redirect');
  assert.equal(implicit.guard.text, '!user');
  assert.ok(withCode(sessions, implicit, 307).includes("reply.redirect('/login?failed=1', 307)"));
});

test('fastify: fastify.route({ method, url, handler }) gives route facts; statusCode assignment; headers', () => {
  const list = sitesOf(sessions, 'server.mjs');
  const s = one(list, { code: 202 });
  assert.equal(s.kind, 'status-assign');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'PUT', path: '/preferences' });
  assert.deepEqual(headerNames(s), ['cache-control']);
  assert.equal(s.send.how, 'returned');
  assert.deepEqual(bodyProps(s), ['queued']);
});

test('fastify: an expression-bodied handler returns its value; no reply means no safe edit', () => {
  const list = sitesOf(sessions, 'server.mjs');
  const s = one(list, { kind: 'implicit-send', line: lineAt(sessions, "app.get('/healthz'") });
  assert.deepEqual(bodyProps(s), ['status']);
  assert.equal(s.codeEdit.kind, 'none');
  assert.equal(s.route.path, '/healthz');
});

test('fastify: setErrorHandler(error, request, reply): the reply is the third parameter', () => {
  const list = sitesOf(sessions, 'server.mjs');
  const dynamic = one(list, { form: 'dynamic' });
  assert.equal(dynamic.framework, 'fastify');
  assert.equal(dynamic.text, 'error.statusCode ?? 500');
  const fallback = one(list, { code: 500 });
  assert.equal(fallback.handler.isErrorMiddleware, true);
  assert.equal(fallback.handler.responseName, 'reply');
  assert.deepEqual(bodyProps(fallback), ['error']);
});

test('fastify: typed parameters make a reply whatever its name; hooks do not send their return value', () => {
  const code = `import type { FastifyReply, FastifyRequest } from 'fastify';
export async function requireUser(request: FastifyRequest, res: FastifyReply) {
  if (!request.user) {
    return res.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Sign in' });
  }
}
fastify.addHook('preHandler', async (request, reply) => {
  if (maintenance) reply.code(503).send({ error: 'Maintenance' });
  return { ignored: true };
});`;
  const list = sitesOf(code, 'auth.ts');
  const s = one(list, { code: 401 });
  assert.equal(s.framework, 'fastify');
  assert.deepEqual(headerNames(s), ['www-authenticate']);
  assert.equal(one(list, { code: 503 }).framework, 'fastify');
  none(list, { kind: 'implicit-send' }, "a hook's return value is not a response body");
});

test('fastify: reply.send(x) with no code is the implicit 200; an error passed to send is not', () => {
  const code = `fastify.get('/orders/:id/invoice', (request, reply) => {
  invoices.render(request.params.id, (err, pdf) => {
    if (err) return reply.send(err);
    reply.type('application/pdf').send(pdf);
  });
});`;
  const list = sitesOf(code);
  const s = one(list, { kind: 'implicit-send' });
  assert.equal(s.text, "reply.type('application/pdf').send");
  assert.deepEqual(headerNames(s), ['content-type']);
  assert.ok(withCode(code, s, 201).includes("reply.type('application/pdf').code(201).send(pdf)"));
});

test('fastify: @fastify/sensible reply helpers set the status and send; the fix renames the helper', () => {
  const code = `fastify.get('/items/:id', async (request, reply) => {
  const item = await db.items.get(request.params.id);
  if (!item) return reply.notFound('Item not found');
  if (item.locked) return reply.conflict();
  if (item.broken) return reply.internalServerError('Item is broken');
  return item;
});`;
  const list = sitesOf(code, 'routes/items.js');
  const notFound = one(list, { code: 404 });
  assert.equal(notFound.kind, 'send-status');
  assert.equal(notFound.form, 'named');
  assert.equal(notFound.text, 'notFound');
  assert.equal(notFound.send.how, 'same-call');
  assert.equal(notFound.message, 'Item not found');
  assert.equal(notFound.guard.kind, 'lookup-miss');
  assert.equal(one(list, { code: 409 }).text, 'conflict');
  const error = one(list, { code: 500 });
  assert.ok(withCode(code, error, 503).includes("return reply.serviceUnavailable('Item is broken');"));
  assert.ok(withCode(code, notFound, 414).includes('return reply.uriTooLong('), "the plugin's own spelling for 414");
  // Only on a Fastify reply: Express has no such helpers, and a store's notFound() is not a status.
  none(sitesOf(`app.get('/x', (req, res) => { if (!x) return res.notFound(); res.json(x); });`), { code: 404 });
  none(sitesOf(`function f(cache) { return cache.notFound('k'); }`), { code: 404 });
});

test('fastify: @fastify/sensible error factories (fastify.httpErrors.*, createError, getHttpError) are thrown sites; reply.getHttpError sends', () => {
  const code = `import { httpErrors } from '@fastify/sensible';
export default async function routes(fastify) {
  fastify.get('/items/:id', async function (request, reply) {
    const item = await db.items.get(request.params.id);
    if (!item) throw fastify.httpErrors.notFound('No such item');
    if (item.locked) throw this.httpErrors.createError(423, 'Item is locked');
    if (item.moved) throw request.server.httpErrors.getHttpError(410);
    if (!request.user) throw httpErrors.unauthorized();
    if (item.hidden) return reply.getHttpError(404, 'Hidden');
    return item;
  });
}`;
  const list = sitesOf(code, 'routes/items.js');
  const notFound = one(list, { code: 404, kind: 'exception' });
  assert.equal(notFound.framework, 'fastify');
  assert.equal(notFound.form, 'named');
  assert.equal(notFound.text, 'notFound');
  assert.equal(notFound.send.how, 'thrown');
  assert.equal(notFound.message, 'No such item');
  assert.equal(notFound.guard.kind, 'lookup-miss');
  assert.ok(withCode(code, notFound, 410).includes("throw fastify.httpErrors.gone('No such item')"), 'the fix renames the factory');
  const locked = one(list, { code: 423 });
  assert.equal(locked.message, 'Item is locked');
  assert.ok(withCode(code, locked, 409).includes("createError(409, 'Item is locked')"));
  one(list, { code: 410 });
  one(list, { code: 401, kind: 'exception' });
  const sent = one(list, { code: 404, kind: 'send-status' });
  assert.equal(sent.send.how, 'same-call');
  assert.equal(sent.message, 'Hidden');
  // Not sensible's: a local httpErrors, another member's notFound(), an unknown factory name.
  none(sitesOf(`const httpErrors = makeErrors();\nfunction f() { throw httpErrors.notFound(); }`), { code: 404 });
  none(sitesOf(`function f(store) { return store.errors.notFound('k'); }`), { code: 404 });
  assert.equal(sitesOf(`function f(app) { throw app.httpErrors.somethingElse(); }`).length, 0);
});
