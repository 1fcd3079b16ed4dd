// http-errors and @hapi/boom: the error carries the status; the framework's error handler sends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerNames, lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const httpErrors = `const express = require('express');
const createError = require('http-errors');
const { User } = require('../models');

const router = express.Router();

router.get('/users/:id', async (req, res, next) => {
  const user = await User.findByPk(req.params.id);
  if (!user) {
    return next(createError(404, 'User not found'));
  }
  res.json(user);
});

router.get('/me', (req, res, next) => {
  if (!req.session.userId) {
    return next(createError(401, 'Login required', { headers: { 'WWW-Authenticate': 'Cookie realm="app"' } }));
  }
  if (req.session.locked) return next(createError.Forbidden('Account locked'));
  if (req.session.expired) throw new createError.Unauthorized('Session expired');
  if (req.session.broken) return next(createError('Session store failed'));
  res.json({ id: req.session.userId });
});

module.exports = router;
`;

test('http-errors: createError(n, msg) is a thrown site with its message and guard', () => {
  const list = sitesOf(httpErrors, 'routes/users.js');
  const s = one(list, { code: 404 });
  assert.equal(s.framework, 'http-errors');
  assert.equal(s.kind, 'exception');
  assert.equal(s.form, 'number');
  assert.equal(s.send.how, 'thrown');
  assert.equal(s.message, 'User not found');
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.equal(s.line, lineAt(httpErrors, 'createError(404'));
  assert.equal(s.route.path, '/users/:id');
  assert.ok(withCode(httpErrors, s, 410).includes("createError(410, 'User not found')"));
});

test('http-errors: headers in the props; named constructors with and without new; the default 500', () => {
  const list = sitesOf(httpErrors, 'routes/users.js');
  assert.deepEqual(headerNames(one(list, { code: 401, form: 'number' })), ['www-authenticate']);
  const forbidden = one(list, { code: 403 });
  assert.equal(forbidden.form, 'named');
  assert.equal(forbidden.text, 'Forbidden');
  assert.equal(forbidden.message, 'Account locked');
  assert.ok(withCode(httpErrors, forbidden, 423).includes("createError.Locked('Account locked')"));
  const unauthorized = one(list, { code: 401, form: 'named' });
  assert.equal(unauthorized.text, 'Unauthorized');
  const dflt = one(list, { code: 500 });
  assert.equal(dflt.form, 'implicit');
  assert.ok(withCode(httpErrors, dflt, 503).includes("createError(503, 'Session store failed')"));
});

const boom = `import Boom from '@hapi/boom';
import { notFound } from '@hapi/boom';

export async function authenticate(req, res, next) {
  const header = req.get('authorization');
  if (!header) return next(Boom.unauthorized('Missing token', 'Bearer'));
  next();
}

router.get('/files/:key', async (req, res, next) => {
  const file = await storage.head(req.params.key);
  if (!file) return next(notFound('No such file'));
  if (file.size > LIMIT) return next(Boom.entityTooLarge('File too large'));
  if (await quota.exceeded(req.user)) return next(Boom.tooManyRequests('Slow down'));
  try {
    res.json(await storage.read(file));
  } catch (err) {
    next(Boom.boomify(err, { statusCode: 502 }));
  }
});

router.post('/files', async (req, res, next) => {
  next(new Boom.Boom('Upload failed'));
});
`;

test('boom: factories are named sites; the fix renames the factory', () => {
  const list = sitesOf(boom, 'files.mjs');
  const s = one(list, { code: 401 });
  assert.equal(s.framework, 'boom');
  assert.equal(s.form, 'named');
  assert.equal(s.text, 'unauthorized');
  assert.equal(s.message, 'Missing token');
  assert.deepEqual(headerNames(s), ['www-authenticate'], 'a scheme argument becomes WWW-Authenticate');
  assert.ok(withCode(boom, s, 403).includes("Boom.forbidden('Missing token', 'Bearer')"));
  assert.equal(one(list, { code: 413 }).text, 'entityTooLarge');
  assert.equal(one(list, { code: 429 }).text, 'tooManyRequests');
});

test('boom: a named import, boomify with a statusCode, new Boom.Boom without one (500)', () => {
  const list = sitesOf(boom, 'files.mjs');
  const missing = one(list, { code: 404 });
  assert.equal(missing.text, 'notFound');
  assert.equal(missing.message, 'No such file');
  const wrapped = one(list, { code: 502 });
  assert.equal(wrapped.form, 'number');
  assert.equal(wrapped.catchClause.param, 'err');
  const dflt = one(list, { code: 500 });
  assert.equal(dflt.form, 'implicit');
  assert.equal(dflt.message, 'Upload failed');
  assert.ok(withCode(boom, dflt, 503).includes("new Boom.Boom('Upload failed', { statusCode: 503 })"));
});

test('error libraries: look-alikes that are not the libraries are not sites', () => {
  const code = `import { notFound } from './responses';
const createError = (msg) => new Error(msg);
export function load(req, res, next) {
  if (!req.params.id) return next(createError(400));
  return notFound(res);
}
// a project's own object named like the library, with no import of @hapi/boom
export const find = (next) => next(Boom.notFound('No such user'));`;
  none(sitesOf(code, 'load.mjs'), {}, 'local helpers named like the libraries');
  // The same call with the library imported is a site: the case above is silent for the right reason.
  assert.equal(sitesOf(`import Boom from '@hapi/boom';\nexport const find = (next) => next(Boom.notFound('No such user'));`, 'load.mjs').length, 1);
});

test("a project's own error class carrying a 4xx/5xx status is a thrown site; the fix changes its number", () => {
  const code = `import { ApiError, handleApiRequest } from '@/lib/api-utils';
export async function GET(req, { params }) {
  return handleApiRequest(req, async () => {
    const user = await users.findById((await params).id);
    if (!user) throw new ApiError(500, 'User not found');
    if (user.banned) throw new errors.AppError('Banned', StatusCodes.FORBIDDEN);
    return user;
  });
}`;
  const list = sitesOf(code, 'app/api/users/[id]/route.ts');
  const miss = one(list, { code: 500 });
  assert.equal(miss.kind, 'exception');
  assert.equal(miss.send.how, 'thrown');
  assert.equal(miss.message, 'User not found');
  assert.equal(miss.guard.kind, 'lookup-miss');
  assert.ok(withCode(code, miss, 404).includes("throw new ApiError(404, 'User not found')"));
  assert.equal(one(list, { code: 403 }).form, 'constant');
  // Not statuses: JavaScript's own errors, numbers outside 400-599, a status only known at run time, a class that is no error.
  const quiet = `function f(res) {
  if (a) throw new TypeError(404);
  if (b) throw new RetryError('gave up', 3);
  if (c) throw new HttpError(res.status, 'upstream failed');
  if (d) throw new TimeoutError('slow', 30000);
  return new Point(404, 500);
}`;
  assert.deepEqual(
    sitesOf(quiet, 'a.js').map((s) => s.code),
    [],
  );
});
