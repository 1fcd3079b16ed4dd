// Hono status sites: c.json/text/body(…, n), c.status, c.redirect, HTTPException, c.header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, slotsOf, withCode } from '../../helpers/sites.mjs';

const users = `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { db } from './db';

const app = new Hono();

app.get('/users/:id', async (c) => {
  const user = await db.users.get(c.req.param('id'));
  if (!user) {
    return c.json({ error: 'User not found' }, 404);
  }
  return c.json(user);
});

app.post('/users', async (c) => {
  const input = await c.req.json();
  const user = await db.users.insert(input);
  return c.json(user, 201, { Location: \`/users/\${user.id}\` });
});

app.post('/posts', async (c) => {
  const post = await db.posts.insert(await c.req.json());
  c.status(201);
  c.header('Location', \`/posts/\${post.id}\`);
  return c.json(post);
});

app.delete('/users/:id', async (c) => {
  if (!c.get('user')) throw new HTTPException(401, { message: 'Sign in first' });
  await db.users.remove(c.req.param('id'));
  return c.body(null, 204);
});

app.get('/l/:code', async (c) => {
  const link = await db.links.resolve(c.req.param('code'));
  if (!link) return c.text('Unknown link', { status: 404 });
  return c.redirect(link.target);
});

export default app;
`;

test('hono: c.json(body, n) is a response-init site, sent in the same call', () => {
  const list = sitesOf(users, 'users.ts');
  const s = one(list, { code: 404, line: lineAt(users, "c.json({ error: 'User not found' }, 404)") });
  assert.equal(s.framework, 'hono');
  assert.equal(s.kind, 'response-init');
  assert.equal(s.form, 'number');
  assert.equal(s.send.how, 'same-call');
  assert.equal(s.send.method, 'json');
  assert.equal(s.send.returns, true);
  assert.deepEqual(bodyProps(s), ['error']);
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/users/:id' });
});

test('hono: c.json(body) with no status is the implicit 200; the fix adds the status argument', () => {
  const list = sitesOf(users, 'users.ts');
  const s = one(list, { kind: 'implicit-send', line: lineAt(users, 'return c.json(user);') });
  assert.equal(s.code, 200);
  assert.equal(s.text, 'c.json');
  assert.ok(withCode(users, s, 203).includes('return c.json(user, 203);'));
});

test('hono: headers from the third argument and from c.header; c.status(n) then c.json(x)', () => {
  const list = sitesOf(users, 'users.ts');
  const created = one(list, { code: 201, line: lineAt(users, 'c.json(user, 201') });
  assert.deepEqual(headerNames(created), ['location']);
  const status = one(list, { kind: 'status-call' });
  assert.equal(status.code, 201);
  assert.equal(status.send.how, 'later');
  assert.deepEqual(headerNames(status), ['location']);
  assert.equal(status.body.kind, 'identifier');
  none(list, { kind: 'implicit-send', line: lineAt(users, 'return c.json(post)') });
});

test('hono: new HTTPException(n, { message }) is thrown with its message; c.body(null, 204)', () => {
  const list = sitesOf(users, 'users.ts');
  const ex = one(list, { code: 401 });
  assert.equal(ex.kind, 'exception');
  assert.equal(ex.send.how, 'thrown');
  assert.equal(ex.message, 'Sign in first');
  const empty = one(list, { code: 204 });
  assert.equal(empty.body.kind, 'null');
  assert.equal(empty.send.method, 'body');
});

test('hono: a ResponseInit object as the second argument; c.redirect(url) is 302', () => {
  const list = sitesOf(users, 'users.ts');
  const init = one(list, { code: 404, line: lineAt(users, "c.text('Unknown link'") });
  assert.equal(init.text, '404');
  assert.equal(init.send.method, 'text');
  const redirect = one(list, { code: 302 });
  assert.equal(redirect.kind, 'redirect');
  assert.equal(redirect.form, 'implicit');
  assert.deepEqual(headerNames(redirect), ['location']);
  assert.ok(withCode(users, redirect, 301).includes('c.redirect(link.target, 301)'));
});

test('hono: app.on, notFound and onError handlers; methodsForPath', () => {
  const code = `const app = new Hono();
app.on(['PUT', 'DELETE'], '/stats', (c) => c.json({ error: 'Stats are read-only' }, 405));
app.get('/stats', (c) => c.json(stats));
app.notFound((c) => c.json({ error: 'Not Found' }, 404));
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});`;
  const list = sitesOf(code, 'app.ts');
  const readOnly = one(list, { code: 405 });
  assert.equal(readOnly.route.method, 'PUT');
  assert.deepEqual([...readOnly.route.methodsForPath].sort(), ['DELETE', 'GET', 'PUT']);
  assert.equal(one(list, { code: 404 }).route, undefined);
  const failed = one(list, { code: 500 });
  assert.equal(failed.handler.isErrorMiddleware, true);
  assert.equal(failed.handler.responseName, 'c');
});

test('hono: a status being typed is a completion slot', () => {
  const code = `app.get('/x', (c) => c.json({ ok: false }, ));`;
  const slot = slotsOf(code, 'app.ts').find((s) => s.framework === 'hono');
  assert.ok(slot, 'c.json(body, |) is a slot');
  assert.equal(slot.start, slot.end);
});

test('hono: c in a (c, next) middleware is the context, next is not', () => {
  const code = `import { createMiddleware } from 'hono/factory';
export const auth = createMiddleware(async (c, next) => {
  if (!c.req.header('Authorization')) return c.json({ error: 'Unauthorized' }, 401);
  await next();
});`;
  const s = one(sitesOf(code, 'auth.ts'), { code: 401 });
  assert.equal(s.framework, 'hono');
  assert.equal(s.guard.kind, 'auth-missing');
});

test('hono: @hono/zod-openapi app.openapi(route, handler) registers a route, its method and path from createRoute; the context is found by role', () => {
  const code = `import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
const app = makeApp();
const getUser = createRoute({ method: 'get', path: '/users/{id}', responses: {} });
app.openapi(getUser, async (context) => {
  const user = await users.find(context.req.valid('param').id);
  if (!user) return context.json({ error: 'User not found' }, 500);
  return context.json(user);
});`;
  const list = sitesOf(code, 'users.ts');
  const miss = one(list, { code: 500 });
  assert.equal(miss.framework, 'hono');
  assert.deepEqual({ method: miss.route.method, path: miss.route.path }, { method: 'GET', path: '/users/{id}' });
  assert.equal(miss.guard.kind, 'lookup-miss');
  one(list, { kind: 'implicit-send' });
  // The context is found by its role in app.openapi(...): the same function elsewhere is not Hono's.
  none(sitesOf(`function f(context) { return context.json({ error: 'x' }, 500); }`, 'doc.ts'), { code: 500 });
});
