import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('status-not-sent: Express and node:http', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: [
        // Chained and later sends.
        `router.get('/u/:id', async (req, res) => { const u = await User.findById(req.params.id); if (!u) return res.status(404).json({ error: 'not found' }); res.json(u); });`,
        `app.delete('/s/:id', async (req, res) => { await Session.destroy(req.params.id); res.status(204); res.end(); });`,
        `app.get('/missing', (req, res) => { res.status(404); res.render('404', { url: req.url }); });`,
        // The error middleware sends it: a throw after the status (express-async-handler style).
        `const registerUser = asyncHandler(async (req, res) => {\n  const { email } = req.body;\n  if (await User.findOne({ email })) {\n    res.status(400);\n    throw new Error('User already exists');\n  }\n  res.status(201).json(await User.create(req.body));\n});\nrouter.post('/users', registerUser);`,
        // next(err) and helpers decide what is sent.
        `app.get('/x', async (req, res, next) => { try { res.json(await load()); } catch (err) { res.status(500); next(err); } });`,
        `app.get('/x', (req, res) => { if (!req.user) { res.status(401); return sendError(res, 'login required'); } res.json(req.user); });`,
        `app.get('/file', (req, res) => { res.status(200); fs.createReadStream('a.txt').pipe(res); });`,
        // Sent from a callback.
        `const server = http.createServer((req, res) => {\n  let body = '';\n  req.on('data', (c) => (body += c));\n  res.statusCode = 201;\n  req.on('end', () => res.end(body));\n});`,
        // Unknown codes, loops and helpers that are not handlers: stay silent.
        `app.get('/x', (req, res) => { res.status(req.query.code); return; });`,
        `app.post('/batch', (req, res) => { for (const item of req.body.items) { if (!item.id) { res.status(400); } } });`,
        `function applyStatus(res, err) { res.status(404); }`,
        // Chained through writeHead.
        `http.createServer((req, res) => { res.writeHead(404).end(); }).listen(3000);`,
        // Not a server response: a test double and a fetch result.
        `it('404s', async () => { const res = { status: jest.fn().mockReturnThis(), json: jest.fn() }; res.status(404); expect(res.status).toHaveBeenCalledWith(404); });`,
        `async function probe(url) { const res = await fetch(url); res.status; return res.ok; }`,
      ],
      invalid: [
        {
          errors: [{ messageId: 'setNotSent', line: 4, column: 16, endColumn: 19 }],
          name: 'status then a bare return',
          code: `router.get('/reports/:id/export', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    res.status(404);\n    return;\n  }\n  res.attachment('r.csv').send(report.csv);\n});`,
          at: 'res.status(404)',
          fixes: ['Send it: chain .end()', 'Use res.sendStatus(404)'],
          message: /hangs/,
          output: `router.get('/reports/:id/export', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    res.status(404).end();\n    return;\n  }\n  res.attachment('r.csv').send(report.csv);\n});`,
        },
        {
          errors: [{ messageId: 'returnedNotSent', line: 3, column: 23, endColumn: 26 }],
          name: 'returning the status call does not send it in Express',
          code: `router.post('/reports', async (req, res) => {\n  if (!req.body.query) {\n    return res.status(400);\n  }\n  res.status(202).json({ state: 'queued' });\n});`,
          at: 'status(400)',
          message: /is returned but never sent: .*Returning the response does not send it/,
          output: `router.post('/reports', async (req, res) => {\n  if (!req.body.query) {\n    return res.status(400).end();\n  }\n  res.status(202).json({ state: 'queued' });\n});`,
        },
        {
          errors: [{ messageId: 'setNotSent', line: 3, column: 14, endColumn: 17 }],
          name: 'status at the end of the handler',
          code: `app.post('/jobs', async (req, res) => {\n  await queue.add(req.body);\n  res.status(202);\n});`,
          at: 'status(202)',
          count: 1,
        },
        {
          errors: [{ messageId: 'setNotSent', line: 5, column: 22, endColumn: 25 }],
          name: 'node:http statusCode assignment',
          code: `const http = require('http');\nfunction profile(req, res) {\n  const user = users.byId(req.userId);\n  if (!user) {\n    res.statusCode = 404;\n    return;\n  }\n  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify(user));\n}`,
          at: 'res.statusCode = 404',
          fixes: ['Send it: add res.end()'],
          output: `const http = require('http');\nfunction profile(req, res) {\n  const user = users.byId(req.userId);\n  if (!user) {\n    res.statusCode = 404;\n    res.end();\n    return;\n  }\n  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify(user));\n}`,
        },
        {
          errors: [{ messageId: 'setNotSent', line: 4, column: 22, endColumn: 25 }],
          name: 'a (req, res) function with no import, registered by name in the file',
          code: `function profile(req, res) {\n  const user = users.byId(req.query.id);\n  if (!user) {\n    res.statusCode = 404;\n    return;\n  }\n  res.end(user.name);\n}\nrouter.get('/profile', profile);`,
          at: 'res.statusCode = 404',
        },
        {
          errors: [{ messageId: 'setNotSent', line: 5, column: 17, endColumn: 20 }],
          name: 'node:http writeHead never ended',
          code: `import http from 'node:http';\nasync function chunkAck(req, res) {\n  let offset = 0;\n  for await (const chunk of req) offset += chunk.length;\n  res.writeHead(204, { 'Upload-Offset': String(offset) });\n}`,
          file: 'uploads.mjs',
          at: 'writeHead(204',
          output: `import http from 'node:http';\nasync function chunkAck(req, res) {\n  let offset = 0;\n  for await (const chunk of req) offset += chunk.length;\n  res.writeHead(204, { 'Upload-Offset': String(offset) }).end();\n}`,
        },
        {
          errors: [{ messageId: 'setNotSent', line: 6, column: 16, endColumn: 37 }],
          name: 'a constant in a typed TypeScript handler',
          code: `import { Request, Response } from 'express';\nimport { StatusCodes } from 'http-status-codes';\nexport async function remove(req: Request, res: Response) {\n  const ok = await Item.delete(req.params.id);\n  if (!ok) {\n    res.status(StatusCodes.NOT_FOUND);\n    return;\n  }\n  res.sendStatus(204);\n}`,
          file: 'items.ts',
          at: 'StatusCodes.NOT_FOUND',
        },
        {
          errors: [{ messageId: 'setNotSent', line: 7, column: 18, endColumn: 38 }],
          name: 'a Nest controller with @Res()',
          code: `@Controller('legacy')\nexport class LegacyController {\n  @Get('reports/:id')\n  async report(@Param('id') id: string, @Res() res: Response) {\n    const report = await this.legacy.report(id);\n    if (!report) {\n      res.status(HttpStatus.NOT_FOUND);\n      return;\n    }\n    res.type('text/csv').send(report.csv);\n  }\n}`,
          file: 'legacy.controller.ts',
          at: 'HttpStatus.NOT_FOUND',
        },
        {
          errors: [{ messageId: 'setNotSent', line: 4, column: 16, endColumn: 19 }],
          name: 'a throw later in the handler, after this path returned, does not count',
          code: `router.get('/reports/:id/export', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    res.status(404);\n    return;\n  }\n  if (report.locked) throw new Error('locked');\n  res.send(report.csv);\n});`,
          at: 'res.status(404)',
        },
        {
          errors: [{ messageId: 'returnedNotSent', line: 4, column: 23, endColumn: 26 }],
          name: 'Next.js pages API: the returned value is ignored there too',
          code: `export default async function handler(req, res) {\n  if (req.method !== 'GET') {\n    res.setHeader('Allow', 'GET');\n    return res.status(405);\n  }\n  res.json({ ok: true });\n}`,
          file: 'pages/api/health.js',
          at: 'status(405)',
          message: /is returned but never sent: .*Returning the response does not send it/,
        },
        {
          errors: [{ messageId: 'setNotSent', line: 3, column: 19, endColumn: 22 }],
          name: 'one report for a conditional status',
          code: `app.get('/health', async (req, res) => {\n  const ok = await db.ping();\n  res.status(ok ? 200 : 503);\n});`,
          count: 1,
          // Sending it reveals what the other rules say about an empty 200 and a 503 without Retry-After.
          allowNewFindings: true,
        },
      ],
    },
    t,
  ));

test('status-not-sent: the message names the code and the way out', () => {
  const [f] = findingsOf(`app.post('/x', (req, res) => { if (!req.body) { res.status(400); return; } res.json({}); });`, 'status-not-sent');
  assert.match(
    f.message,
    /^400 Bad Request is set but never sent: send it with `res\.status\(400\)\.end\(\)` or `res\.sendStatus\(400\)`\. Nothing sends the response on this path, so the request hangs/,
  );
});

const fastifyCode = `fastify.post('/orders', async (request, reply) => {\n  if (!request.body?.items?.length) {\n    reply.code(400);\n    return;\n  }\n  return reply.code(201).send(await orders.create(request.body));\n});`;
test('status-not-sent: Fastify, Koa, Hono', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: [
        // Fastify sends what an async handler returns.
        `fastify.get('/x', async (request, reply) => { reply.code(404); return { error: 'not found' }; });`,
        // ...also when the handler is registered by name and declared apart (fastify-realworld-example-app).
        `server.route({ method: 'POST', path: '/articles', handler: onCreateArticle });\nasync function onCreateArticle(req, reply) {\n  const article = await articles.create(req.user.id, req.body.article);\n  reply.code(201);\n  return { article };\n}`,
        `async function onDeleteArticle(req, reply) {\n  const article = await articles.remove(req.params.slug);\n  if (!article) {\n    reply.code(404).send({ message: 'not found' });\n  } else {\n    reply.code(204);\n  }\n  return '';\n}\nmodule.exports = { onDeleteArticle };`,
        // Koa sends when the middleware ends: ctx.status alone is a complete answer.
        {
          code: `import Router from '@koa/router';\nrouter.delete('/s/:id', async (ctx) => {\n  await Session.destroy(ctx.params.id);\n  ctx.status = 204;\n});`,
          file: 'a.mjs',
        },
        // Hono: c.status() then a returned c.json() sends it.
        {
          code: `import { Hono } from 'hono';\napp.get('/u/:id', async (c) => {\n  const u = await users.get(c.req.param('id'));\n  if (!u) {\n    c.status(404);\n    return c.json({ error: 'not found' });\n  }\n  return c.json(u);\n});`,
          file: 'a.ts',
        },
      ],
      invalid: [
        {
          errors: [{ messageId: 'setNotSent', line: 3, column: 16, endColumn: 19 }],
          code: fastifyCode,
          at: 'reply.code(400)',
          fixes: ['Send it: chain .send()'],
        },
        // A function of the handler's shape that is not async returns nothing Fastify sends.
        {
          errors: [{ messageId: 'setNotSent', line: 2, column: 14, endColumn: 17 }],
          name: 'Fastify: a sync (request, reply) function sets a code and returns a value',
          code: `function onLookup(request, reply) {\n  reply.code(404);\n  return { error: 'no such item' };\n}\nfastify.get('/x', onLookup);`,
          at: 'reply.code(404)',
        },
      ],
    },
    t,
  ));
