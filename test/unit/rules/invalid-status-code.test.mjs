import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('invalid-status-code: Express and node:http', (t) =>
  checkRule(
    'invalid-status-code',
    {
      valid: [
        `app.get('/x', (req, res) => { res.status(404).json({ error: 'nope' }); });`,
        // In range but unregistered: another rule's business.
        `app.get('/x', (req, res) => { res.status(499).end(); });`,
        // Boundaries.
        `app.get('/a', (req, res) => res.sendStatus(100));`,
        `app.get('/b', (req, res) => res.status(599).end());`,
        // Unknown at analysis time.
        `app.use((err, req, res, next) => { res.status(err.status || 500).json({ error: err.message }); });`,
        `app.get('/x', (req, res) => { res.status(Number(req.query.code)).end(); });`,
        { code: `import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => { res.status(StatusCodes.NOT_FOUND).end(); });`, file: 'x.ts' },
        // Numbers that are not statuses.
        `const PORT = 4040;\nsetTimeout(retry, 4004);\napp.listen(PORT);`,
        `it('rejects', async () => { const res = await request(app).get('/x'); expect(res.status).toBe('404'); });`,
      ],
      invalid: [
        {
          errors: [{ messageId: 'stringCode', line: 3, column: 34, endColumn: 39 }],
          name: 'a numeric string',
          code: `router.get('/reports/:id', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) return res.status('404').json({ error: 'Report not found' });\n  res.json(report);\n});`,
          at: "status('404')",
          fixes: ['Use the number 404'],
          message: /^Status `'404'` is a string: pass the number 404\. Express 5 throws a TypeError/,
          output: `router.get('/reports/:id', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) return res.status(404).json({ error: 'Report not found' });\n  res.json(report);\n});`,
        },
        {
          errors: [{ messageId: 'typo', line: 4, column: 23, endColumn: 27 }],
          name: 'a four-digit typo',
          code: `router.post('/reports/:id/rerun', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    return res.status(4004).json({ error: 'Report not found' });\n  }\n  res.status(202).json({ id: report.id });\n});`,
          at: 'status(4004)',
          fixes: [],
          message: /^4004 is not a valid status code: did you mean 404 or 400\? Valid codes are 100 to 599\./,
        },
        {
          errors: [{ messageId: 'stringCode', line: 4, column: 20, endColumn: 25 }],
          name: 'node:http statusCode as a string',
          code: `import http from 'node:http';\nasync function uploadStatus(req, res, id) {\n  const status = await lookupStatus(id);\n  res.statusCode = '200';\n  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify(status));\n}`,
          file: 'uploads.mjs',
          at: "'200'",
          output: `import http from 'node:http';\nasync function uploadStatus(req, res, id) {\n  const status = await lookupStatus(id);\n  res.statusCode = 200;\n  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify(status));\n}`,
        },
        {
          errors: [{ messageId: 'typo', line: 3, column: 17, endColumn: 21 }],
          name: 'writeHead above 999 makes Node throw',
          code: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  res.writeHead(2000, { 'Content-Type': 'text/plain' });\n  res.end('ok');\n});`,
          file: 'server.mjs',
          message: /ERR_HTTP_INVALID_STATUS_CODE/,
        },
        {
          errors: [{ messageId: 'outOfRange', line: 1, column: 47, endColumn: 48 }],
          name: 'zero',
          code: `app.get('/gone', (req, res) => res.sendStatus(0));`,
          message: /is not a valid status code: use a code from 100 to 599\./,
        },
        {
          errors: [{ messageId: 'notInteger', line: 1, column: 42, endColumn: 46 }],
          name: 'a fraction',
          code: `app.get('/x', (req, res) => { res.status(40.4).send('nope'); });`,
          message: /is not an integer: use a whole number from 100 to 599\./,
        },
        {
          errors: [{ messageId: 'stringNotCode', line: 1, column: 42, endColumn: 48 }],
          name: 'a string out of range: no fix',
          code: `app.get('/x', (req, res) => { res.status('4040').send('nope'); });`,
          fixes: [],
          message: /is a string, not a status code: pass a number from 100 to 599\./,
        },
        {
          errors: [{ messageId: 'typo', line: 3, column: 14, endColumn: 28 }],
          name: 'an enum member out of range',
          code: `enum Codes { NotFound = 4040 }\napp.get('/x', (req: Request, res: Response) => {\n  res.status(Codes.NotFound).json({});\n});`,
          file: 'codes.ts',
          at: 'Codes.NotFound)',
        },
        {
          errors: [{ messageId: 'typo', line: 1, column: 44, endColumn: 48 }],
          name: 'a redirect code out of range',
          code: `app.get('/old', (req, res) => res.redirect(3010, '/new'));`,
          message: /did you mean 300 or 301\?/,
        },
      ],
    },
    t,
  ));

test('invalid-status-code: a Fetch Response cannot carry a 1xx (Next.js route handler)', () => {
  const code = `export async function GET() {\n  return new Response(null, { status: 103 });\n}`;
  const [f] = findingsOf(code, 'invalid-status-code', { file: 'app/api/hints/route.ts' });
  assert.match(
    f?.message ?? '',
    /^103 is not a valid status code for a Response: use a code from 200 to 599\. A Response takes 200 to 599: it cannot carry a 1xx\. The Response constructor throws a RangeError\.$/,
  );
  assert.deepEqual(
    findingsOf(`app.get('/early', (req, res) => { res.writeHead(103, { Link: '</a.css>; rel=preload' }); res.end(); });`, 'invalid-status-code'),
    [],
    'node:http may send a 1xx',
  );
});

test('invalid-status-code: 600-999 pass Node but no client knows them', () => {
  const [f] = findingsOf(`app.get('/x', (req, res) => { res.status(600).end(); });`, 'invalid-status-code');
  assert.match(f.message, /Node sends it/);
});

const koa = `router.post('/devices', async (ctx) => {\n  const device = await Devices.register(ctx.request.body);\n  ctx.status = '201';\n  ctx.body = device;\n});`;
const hono = `app.get('/l/:code', async (c) => {\n  const link = await links.resolve(c.req.param('code'));\n  if (!link) return c.json({ error: 'Unknown link' }, 4040);\n  return c.json(link);\n});`;
const fastify = `fastify.put('/prefs', async (request, reply) => {\n  await save(request.body);\n  return reply.code(2000).send({ saved: true });\n});`;
const koaThrow = `router.get('/notes/:id', async (ctx) => {\n  const note = await notes.get(ctx.params.id);\n  if (!note) ctx.throw('404', 'No such note');\n  ctx.body = note;\n});`;
test('invalid-status-code: Koa', (t) =>
  checkRule(
    'invalid-status-code',
    {
      valid: [
        { code: koa.replace("'201'", '201'), file: 'a.mjs' },
        { code: koaThrow.replace("'404'", '404'), file: 'a.mjs' },
      ],
      invalid: [
        {
          errors: [{ messageId: 'stringCode', line: 3, column: 16, endColumn: 21 }],
          code: koa,
          file: 'a.mjs',
          at: "'201'",
          message: /Koa throws "status code must be a number"/,
          fixes: ['Use the number 201'],
        },
        // ctx.throw goes through http-errors, which reads a string as the message: this miss is answered 500.
        {
          errors: [{ messageId: 'stringCode', line: 3, column: 24, endColumn: 29 }],
          code: koaThrow,
          file: 'a.mjs',
          at: "'404'",
          message: /`ctx\.throw` hands it to http-errors, which takes a string as the message, so the response is a 500/,
          fixes: ['Use the number 404'],
        },
      ],
    },
    t,
  ));
test('invalid-status-code: Hono', (t) =>
  checkRule(
    'invalid-status-code',
    {
      valid: [{ code: hono.replace('4040', '404'), file: 'a.ts' }],
      invalid: [
        { errors: [{ messageId: 'typoForResponse', line: 3, column: 55, endColumn: 59 }], code: hono, file: 'a.ts', at: '4040', message: /RangeError/ },
      ],
    },
    t,
  ));
test('invalid-status-code: Fastify', (t) =>
  checkRule(
    'invalid-status-code',
    {
      valid: [{ code: fastify.replace('2000', '200'), file: 'a.mjs' }],
      invalid: [
        { errors: [{ messageId: 'typo', line: 3, column: 21, endColumn: 25 }], code: fastify, file: 'a.mjs', at: '2000', message: /FST_ERR_BAD_STATUS_CODE/ },
      ],
    },
    t,
  ));
