import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('unregistered-status-code: Express and node:http', (t) =>
  checkRule(
    'unregistered-status-code',
    {
      valid: [
        `app.get('/x', (req, res) => { res.status(404).json({ error: 'nope' }); });`,
        // Registered, even if unused or unusual.
        `app.get('/tea', (req, res) => res.status(418).send("I'm a teapot"));`,
        `app.get('/early', (req, res) => { res.writeHead(103, { Link: '</a.css>; rel=preload' }); res.status(200).send('ok'); });`,
        // On purpose: listed in the allow-list.
        {
          code: `app.get('/stream', (req, res) => { if (req.destroyed) return res.status(499).end(); res.end(); });`,
          settings: { allowedUnregisteredCodes: [499] },
        },
        // Out of range: invalid-status-code reports it, not this rule.
        `app.get('/x', (req, res) => { res.status(4004).end(); });`,
        // Unknown at analysis time.
        `app.get('/proxy', async (req, res) => { const r = await fetch(UPSTREAM); res.status(r.status).send(await r.text()); });`,
        // Numbers that are not statuses.
        `const TIMEOUT_MS = 499;\nsetTimeout(poll, 520);`,
      ],
      invalid: [
        {
          errors: [{ messageId: 'unregistered', line: 3, column: 23, endColumn: 26 }],
          name: 'Laravel-style 419 for an expired session',
          code: `app.get('/session/ping', (req, res) => {\n  if (!req.session.accountId) {\n    return res.status(419).json({ error: 'Session expired, please log in again' });\n  }\n  res.json({ alive: true });\n});`,
          at: 'status(419)',
          fixes: [],
          message: /Laravel.*treat it as 400 Bad Request.*allowedUnregisteredCodes/s,
        },
        {
          errors: [{ messageId: 'unregistered', line: 4, column: 25, endColumn: 28 }],
          name: 'nginx 499 in a streaming loop',
          code: `router.get('/reports/export', async (req, res) => {\n  for await (const row of cursor) {\n    if (req.destroyed) {\n      return res.status(499).end();\n    }\n    res.write(toCsv([row]));\n  }\n  res.end();\n});`,
          at: 'status(499)',
          // The alternatives' comparisons read as whole sentences, one after the other.
          message:
            /^499 is not a registered status code: use 408 Request Timeout or 504 Gateway Timeout\. 499 \(Client Closed Request, used by nginx.*treat it as 400 Bad Request, so its meaning is lost\. 408 is sent when [^.]*\. 504 is sent when [^.]*\. If you use 499 on purpose/s,
        },
        {
          errors: [{ messageId: 'unregistered', line: 3, column: 17, endColumn: 20 }],
          name: 'Cloudflare 520 from node:http',
          code: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  res.writeHead(520, { 'Content-Type': 'text/plain' });\n  res.end('Unknown upstream error');\n});`,
          file: 'proxy.ts',
          at: 'writeHead(520',
          message: /Cloudflare.*500 Internal Server Error.*502/s,
        },
        {
          errors: [{ messageId: 'unregistered', line: 1, column: 77, endColumn: 80 }],
          name: 'Twitter 420 with sendStatus',
          code: `app.post('/tweets', (req, res) => { if (tooMany(req)) return res.sendStatus(420); res.sendStatus(201); });`,
          message: /429/,
        },
        {
          errors: [{ messageId: 'unregistered', line: 3, column: 44, endColumn: 57 }],
          name: 'a local constant',
          code: `const LOGIN_TIMEOUT = 440;\napp.get('/mail', (req, res) => {\n  if (!req.session.user) return res.status(LOGIN_TIMEOUT).send('Log in again');\n  res.send(inbox(req.session.user));\n});`,
          at: 'status(LOGIN_TIMEOUT)',
        },
        {
          errors: [{ messageId: 'unregisteredNoAlternative', line: 1, column: 42, endColumn: 45 }],
          name: 'a code nobody uses',
          code: `app.get('/x', (req, res) => { res.status(432).json({ error: 'odd' }); });`,
          message: /^432 is not a registered status code: use a registered 4xx code\. Clients that don't know it treat it as 400 Bad Request/,
        },
        {
          errors: [{ messageId: 'unregistered', line: 1, column: 42, endColumn: 45 }],
          name: 'the allow-list only silences the codes it lists',
          code: `app.get('/x', (req, res) => { res.status(498).json({ error: 'token' }); });`,
          settings: { allowedUnregisteredCodes: [499] },
        },
      ],
    },
    t,
  ));

test('unregistered-status-code: reported as info by default', () => {
  const code = `app.get('/x', (req, res) => { res.status(419).end(); });`;
  assert.equal(findingsOf(code, 'unregistered-status-code')[0].severity, 'info');
});

const koa = `router.get('/', async (ctx) => {\n  if (!ctx.session.userId) {\n    ctx.status = 419;\n    ctx.body = { error: 'Session expired' };\n    return;\n  }\n  ctx.body = { ok: true };\n});`;
const nest = `import { Controller, Get, HttpException, Param } from '@nestjs/common';\n@Controller('orders')\nexport class OrdersController {\n  @Get(':id/poll')\n  async poll(@Param('id') id: string) {\n    const change = await this.orders.waitForChange(id);\n    if (change === 'expired') {\n      throw new HttpException('Poll expired', 499);\n    }\n    return change;\n  }\n}`;
test('unregistered-status-code: Koa', (t) =>
  checkRule(
    'unregistered-status-code',
    {
      valid: [{ code: koa.replace('419', '401'), file: 'a.mjs' }],
      invalid: [{ errors: [{ messageId: 'unregistered', line: 3, column: 18, endColumn: 21 }], code: koa, file: 'a.mjs', at: 'ctx.status = 419' }],
    },
    t,
  ));
test('unregistered-status-code: Nest', (t) =>
  checkRule(
    'unregistered-status-code',
    {
      valid: [
        {
          code: nest
            .replace("throw new HttpException('Poll expired', 499)", 'throw new RequestTimeoutException()')
            .replace('HttpException, ', 'RequestTimeoutException, '),
          file: 'a.controller.ts',
        },
      ],
      invalid: [{ errors: [{ messageId: 'unregistered', line: 8, column: 47, endColumn: 50 }], code: nest, file: 'a.controller.ts', at: '499' }],
    },
    t,
  ));

// Codes nobody receives, and codes of a protocol the server implements.
test('unregistered-status-code: 499 after the client left, a protocol’s own codes', (t) =>
  checkRule(
    'unregistered-status-code',
    {
      valid: [
        // 499 written once the client disconnected: it only labels the log.
        {
          code: `export class Renderer {\n  sendRequestAborted(reply) {\n    return reply.status(499).send({ error: 'Request aborted' });\n  }\n}`,
          file: 'renderer.ts',
        },
        `import httpErrors from 'http-errors';\nexport function ClientClosedRequestError(message = 'Client closed request') {\n  return httpErrors(499, message);\n}`,
        // The Iceberg REST catalog defines 419; the project names it in its own enum.
        {
          code: `export enum CatalogStatus {\n  NotAcceptable = 406,\n  AuthenticationTimeout = 419,\n}\nexport function authTimeout(message) {\n  return new CatalogError(message, 'AuthenticationTimeoutException', CatalogStatus.AuthenticationTimeout);\n}`,
          file: 'errors.ts',
        },
      ],
      invalid: [
        {
          errors: [{ messageId: 'unregistered', line: 2, column: 43, endColumn: 46 }],
          name: '499 as an answer to a live client',
          code: `app.get('/token', (req, res) => {\n  if (!req.query.token) return res.status(499).json({ error: 'Token required' });\n  res.json({ ok: true });\n});`,
          at: 'status(499)',
        },
        {
          errors: [{ messageId: 'unregistered', line: 3, column: 44, endColumn: 86 }],
          name: 'a library constant for an unregistered code',
          code: `import { StatusCodes } from 'http-status-codes';\napp.get('/session', (req, res) => {\n  if (!req.session.user) return res.status(StatusCodes.INSUFFICIENT_SPACE_ON_RESOURCE).end();\n  res.json(req.session.user);\n});`,
          at: 'StatusCodes.INSUFFICIENT',
        },
      ],
    },
    t,
  ));
