// Koa status sites: ctx.status, ctx.throw, ctx.assert, ctx.redirect, and ctx.body as the send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const users = `const Router = require('@koa/router');
const { User } = require('../models');

const router = new Router({ prefix: '/users' });

router.get('/:id', async (ctx) => {
  const user = await User.findByPk(ctx.params.id);
  if (!user) {
    ctx.throw(404, 'User not found');
  }
  ctx.body = user;
});

router.post('/', async (ctx) => {
  const { email } = ctx.request.body;
  if (!email) {
    ctx.status = 400;
    ctx.body = { error: 'email is required' };
    return;
  }
  const user = await User.create(ctx.request.body);
  ctx.status = 201;
  ctx.set('Location', \`/users/\${user.id}\`);
  ctx.body = user;
});

router.post('/:id/addresses', async (ctx) => {
  const user = await User.findByPk(ctx.params.id);
  ctx.assert(user, 404, 'User not found');
  ctx.body = await user.createAddress(ctx.request.body);
});

router.delete('/:id', async (ctx) => {
  await User.destroy({ where: { id: ctx.params.id } });
  ctx.body = null;
});

module.exports = router;
`;

test('koa: ctx.throw(n, msg) is a thrown exception with its message and guard', () => {
  const list = sitesOf(users, 'routes/users.js');
  const s = one(list, { code: 404, line: lineAt(users, 'ctx.throw(404') });
  assert.equal(s.framework, 'koa');
  assert.equal(s.kind, 'exception');
  assert.equal(s.form, 'number');
  assert.equal(s.send.how, 'thrown');
  assert.equal(s.message, 'User not found');
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/:id' });
});

test('koa: ctx.status = n takes its body from ctx.body and its headers from anywhere on the path', () => {
  const list = sitesOf(users, 'routes/users.js');
  const bad = one(list, { code: 400 });
  assert.equal(bad.kind, 'status-assign');
  assert.equal(bad.send.how, 'framework');
  assert.deepEqual(bodyProps(bad), ['error']);
  assert.deepEqual(headerNames(bad), [], 'the Location after the guarded return is not on the 400');
  assert.equal(bad.guard.kind, 'missing-field');
  const created = one(list, { code: 201 });
  assert.deepEqual(headerNames(created), ['location'], 'ctx.set after ctx.status still reaches the response');
  assert.equal(created.body.kind, 'identifier');
  assert.ok(withCode(users, created, 200).includes('ctx.status = 200;'));
});

test('koa: ctx.body = x with no status anywhere on its path is the implicit 200; null is 204', () => {
  const list = sitesOf(users, 'routes/users.js');
  const ok = one(list, { kind: 'implicit-send', line: lineAt(users, 'ctx.body = user;') });
  assert.equal(ok.code, 200);
  assert.equal(ok.text, 'ctx.body');
  assert.equal(ok.send.how, 'framework');
  assert.ok(withCode(users, ok, 203).includes('ctx.status = 203;\n  ctx.body = user;'));
  const empty = one(list, { kind: 'implicit-send', line: lineAt(users, 'ctx.body = null') });
  assert.equal(empty.code, 204);
  assert.equal(empty.body.kind, 'null');
  // the 201 handler sets a status: its ctx.body is no implicit site
  none(list, { kind: 'implicit-send', route: (r) => r?.method === 'POST' && r.path === '/' });
});

test('koa: ctx.assert(cond, n, msg) applies where the condition is false', () => {
  const list = sitesOf(users, 'routes/users.js');
  const s = one(list, { line: lineAt(users, 'ctx.assert(') });
  assert.equal(s.code, 404);
  assert.equal(s.kind, 'exception');
  assert.equal(s.message, 'User not found');
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.equal(s.guard.negated, false, 'the user is missing where the assertion throws');
});

const redirects = `import Koa from 'koa';
import Router from '@koa/router';
const router = new Router();

router.post('/login', async (ctx) => {
  const user = await sessions.login(ctx, ctx.request.body);
  if (!user) {
    ctx.redirect('/login?error=1');
    return;
  }
  ctx.status = 303;
  ctx.redirect('/dashboard');
});

router.post('/register', async (ctx) => {
  await sessions.register(ctx.request.body);
  ctx.redirect('/welcome');
  ctx.status = 301;
});

router.get('/go/:code', async (ctx) => {
  const target = await links.resolve(ctx.params.code);
  ctx.status = 302;
  ctx.body = \`Redirecting to \${target}\`;
});
`;

test('koa: ctx.redirect(url) is 302 unless a 3xx is set before it or a status after it', () => {
  const list = sitesOf(redirects, 'redirects.mjs');
  const implicit = one(list, { code: 302, form: 'implicit' });
  assert.equal(implicit.kind, 'redirect');
  assert.equal(implicit.line, lineAt(redirects, "ctx.redirect('/login?error=1')"));
  assert.deepEqual(headerNames(implicit), ['location']);
  assert.ok(withCode(redirects, implicit, 307).includes("ctx.status = 307;\n    ctx.redirect('/login?error=1');"));
  const seeOther = one(list, { code: 303 });
  assert.deepEqual(headerNames(seeOther), ['location'], 'the redirect after the status sets Location');
  const after = one(list, { code: 301 });
  assert.deepEqual(headerNames(after), ['location']);
  none(list, { form: 'implicit', line: lineAt(redirects, "ctx.redirect('/dashboard')") });
  none(list, { form: 'implicit', line: lineAt(redirects, "ctx.redirect('/welcome')") });
});

test('koa: a 302 with a body but no Location has no location header fact', () => {
  const s = one(sitesOf(redirects, 'redirects.mjs'), { code: 302, form: 'number' });
  assert.deepEqual(headerNames(s), []);
  assert.equal(s.body.kind, 'string');
});

test('koa: error middleware (ctx, next) and the dynamic status with its fallback', () => {
  const code = `const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };
  }
});`;
  const list = sitesOf(code);
  const dynamic = one(list, { form: 'dynamic' });
  assert.equal(dynamic.framework, 'koa');
  assert.equal(dynamic.catchClause.param, 'err');
  const fallback = one(list, { code: 500 });
  assert.deepEqual(bodyProps(fallback), ['message']);
  assert.equal(fallback.handler.responseName, 'ctx', 'next is not taken for the response');
  none(list, { kind: 'implicit-send' });
});

test('koa: ctx.throw without a status is 500; headers from the error props', () => {
  const code = `router.get('/me', async (ctx) => {
  if (!ctx.state.user) ctx.throw(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Bearer' } });
  if (ctx.state.user.banned) ctx.throw('Account is banned');
  ctx.body = ctx.state.user;
});`;
  const list = sitesOf(code);
  assert.deepEqual(headerNames(one(list, { code: 401 })), ['www-authenticate']);
  const dflt = one(list, { code: 500 });
  assert.equal(dflt.form, 'implicit');
  assert.equal(dflt.message, 'Account is banned');
  assert.ok(withCode(code, dflt, 403).includes("ctx.throw(403, 'Account is banned')"));
});

test('koa: ctx.response.status and ctx.type reach the same context', () => {
  const code = `router.get('/files/:id', async (ctx) => {
  const file = await files.get(ctx.params.id);
  if (!file) {
    ctx.response.status = 404;
    return;
  }
  ctx.type = file.mime;
  ctx.body = file.stream();
});`;
  const list = sitesOf(code);
  const missing = one(list, { code: 404 });
  assert.equal(missing.receiver, 'ctx');
  assert.equal(missing.body, undefined, 'the body set after the guarded return is not on the 404');
  assert.deepEqual(headerNames(one(list, { kind: 'implicit-send' })), ['content-type']);
});

test('koa: ctx.throw(errorObject) keeps the error’s own status; ctx.throw(message) is a 500', () => {
  const code = `export function multipart(ctx, next) {
  const file = getFileFromRequest(ctx.request);
  if (!file) ctx.throw(InvalidRequestError('Request must include a file'));
  if (file.size > MAX) ctx.throw(err);
  if (!file.name) ctx.throw('File name missing');
  return next();
}`;
  const list = sitesOf(code, 'multipart.js');
  none(list, { line: lineAt(code, 'InvalidRequestError(') });
  none(list, { line: lineAt(code, 'ctx.throw(err)') });
  const msg = one(list, { line: lineAt(code, "ctx.throw('File") });
  assert.equal(msg.code, 500);
});
