// How a status expression resolves to a code: literals, named constants of the known packages,
// local constants, enums, conditionals (two sites) and dynamic values (with their literal fallback).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const handler = (status, prelude = '') => `${prelude}\napp.get('/x', (req, res) => {\n  res.status(${status}).json({ ok: false });\n});\n`;

test('resolution: number and string literals', () => {
  const n = one(sitesOf(handler('404')), { kind: 'status-call' });
  assert.deepEqual([n.code, n.form, n.text], [404, 'number', '404']);
  const s = one(sitesOf(handler("'404'")), { kind: 'status-call' });
  assert.deepEqual([s.code, s.form], [404, 'string'], 'kept as a string so a rule can flag it');
  const word = one(sitesOf(handler("'not found'")), { kind: 'status-call' });
  assert.deepEqual([word.code, word.form], [undefined, 'string']);
});

test('resolution: named constants from http-status-codes, NestJS, http-status, statuses and node:http2', () => {
  const cases = [
    ["import { StatusCodes } from 'http-status-codes';", 'StatusCodes.NOT_FOUND', 404],
    ["import { ReasonPhrases } from 'http-status-codes';", 'ReasonPhrases.TOO_MANY_REQUESTS', 429],
    ["import { HttpStatus } from '@nestjs/common';", 'HttpStatus.UNPROCESSABLE_ENTITY', 422],
    ["const httpStatus = require('http-status');", 'httpStatus.SERVICE_UNAVAILABLE', 503],
    ["const statuses = require('statuses');", "statuses('Not Found')", 404],
    ["import { constants } from 'node:http2';", 'constants.HTTP_STATUS_GONE', 410],
  ];
  for (const [prelude, expr, code] of cases) {
    const s = one(sitesOf(handler(expr, prelude), 'x.ts'), { kind: 'status-call' });
    assert.equal(s.code, code, expr);
    assert.equal(s.form, 'constant', expr);
    assert.equal(s.text, expr);
  }
});

test('resolution: a constant is rewritten in its own style', () => {
  const code = handler('StatusCodes.OK', "import { StatusCodes } from 'http-status-codes';");
  const s = one(sitesOf(code, 'x.ts'), { kind: 'status-call' });
  assert.equal(s.constantName, 'StatusCodes.OK');
  assert.ok(withCode(code, s, 404).includes('res.status(StatusCodes.NOT_FOUND)'));
});

test('resolution: local constants, enum members and a table object', () => {
  const code = `const NOT_FOUND = 404;
enum Codes { Gone = 410, Teapot = 418 }
const HTTP = Object.freeze({ CONFLICT: 409, LOCKED: 423 });
app.get('/a', (req, res) => res.status(NOT_FOUND).end());
app.get('/b', (req, res) => res.status(Codes.Gone).end());
app.get('/c', (req, res) => res.status(HTTP.CONFLICT).end());
app.get('/d', (req, res) => {
  const TOO_EARLY = 425;
  res.status(TOO_EARLY).end();
});`;
  const list = sitesOf(code, 'codes.ts');
  const named = one(list, { code: 404 });
  assert.deepEqual([named.form, named.constantName], ['constant', 'NOT_FOUND']);
  assert.ok(withCode(code, named, 410).includes('res.status(410).end()'), 'a bare name is replaced by the number');
  const member = one(list, { code: 410 });
  assert.deepEqual([member.form, member.constantName], ['constant', 'Codes.Gone']);
  assert.equal(one(list, { code: 409 }).constantName, 'HTTP.CONFLICT');
  assert.equal(one(list, { code: 425 }).form, 'constant');
});

test('resolution: a conditional is two sites, each with its own edit', () => {
  const code = handler('db.ready ? 200 : 503');
  const list = sitesOf(code);
  const ok = one(list, { code: 200 });
  const down = one(list, { code: 503 });
  assert.equal(ok.line, down.line);
  assert.equal(ok.text, '200');
  assert.ok(withCode(code, down, 500).includes('db.ready ? 200 : 500'));
  assert.ok(withCode(code, ok, 204).includes('db.ready ? 204 : 503'));
});

test('resolution: dynamic values are recorded as dynamic; a literal fallback is a site of its own', () => {
  const list = sitesOf(handler('err.status || 500'));
  const dynamic = one(list, { form: 'dynamic' });
  assert.equal(dynamic.code, undefined);
  assert.equal(dynamic.codeEdit.kind, 'none');
  assert.equal(one(list, { code: 500 }).form, 'number');
  const upstream = sitesOf(
    `app.get('/p', async (req, res) => {\n  const upstream = await fetch(target);\n  res.status(upstream.status).send(await upstream.text());\n});`,
  );
  assert.equal(upstream.filter((s) => s.kind === 'status-call').length, 1);
  assert.equal(one(upstream, { kind: 'status-call' }).form, 'dynamic');
});

test('resolution: through a const holding a conditional or a fallback; a let stays dynamic', () => {
  const code = `const code = 503;
app.get('/health', async (req, res) => {
  const healthy = await db.ping();
  const code = healthy ? 200 : 503;
  res.status(code).json({ healthy });
});
app.use((err, req, res, next) => {
  const status = err.statusCode ?? 500;
  res.status(status).json({ error: 'failed' });
});
app.get('/maybe', (req, res) => {
  let code = 200;
  if (req.query.fail) code = 500;
  res.status(code).end();
});`;
  const list = sitesOf(code);
  const down = one(list, { code: 503 });
  assert.equal(down.line, lineAt(code, 'healthy ? 200 : 503'), 'the literal is reported where it is written');
  assert.equal(one(list, { code: 200 }).line, down.line);
  assert.equal(one(list, { code: 500 }).line, lineAt(code, '?? 500'));
  const viaName = list.filter((s) => s.form === 'dynamic').map((s) => s.text);
  assert.deepEqual(viaName, ['status', 'code'], 'the dynamic part is where the name is used; the let is dynamic');
  none(list, { line: lineAt(code, 'let code = 200') });
  none(list, { code: 503, line: lineAt(code, 'res.status(code).end()') }, 'the local let hides the module constant');
});
