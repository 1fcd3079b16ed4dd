import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('response-sent-twice: Express, node:http, Next pages, Nest @Res', (t) =>
  checkRule(
    'response-sent-twice',
    {
      valid: [
        // The branch returns.
        `router.get('/u/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ error: 'not found' });\n  }\n  res.json(user);\n});`,
        `router.get('/u/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n    return;\n  }\n  res.json(user);\n});`,
        // if/else: only one runs.
        `app.get('/x', (req, res) => {\n  if (req.query.v) {\n    res.json({ v: req.query.v });\n  } else {\n    res.status(400).json({ error: 'v required' });\n  }\n});`,
        // The second send has its own condition.
        `app.get('/u/:id', async (req, res) => {\n  const user = await load(req.params.id);\n  if (!user) {\n    res.status(404).json({ error: 'not found' });\n  }\n  if (user) {\n    res.json(user);\n  }\n});`,
        // The author checks headersSent.
        `app.post('/x', async (req, res) => {\n  if (!req.body.id) {\n    res.status(400).json({ error: 'id required' });\n  }\n  if (!res.headersSent) res.json({ ok: true });\n});`,
        `app.post('/x', async (req, res) => {\n  if (!req.body.id) {\n    res.status(400).json({ error: 'id required' });\n  }\n  if (res.headersSent) return;\n  res.json({ ok: true });\n});`,
        // Streaming: write does not finish the response.
        `app.get('/csv', async (req, res) => {\n  if (req.query.header) {\n    res.write('id,name\\n');\n  }\n  res.end(await exportCsv());\n});`,
        // try/catch: the catch runs instead.
        `app.get('/o/:id', async (req, res) => {\n  try {\n    res.json(await Order.findById(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'internal' });\n  }\n});`,
        // Sends in a callback are on another path.
        `app.get('/f', (req, res) => {\n  if (!req.query.name) {\n    res.status(400).send('name required');\n  }\n  fs.readFile(req.query.name, (err, data) => res.send(data));\n});`,
        // Loops: the order is not the text's order.
        `app.post('/batch', (req, res) => {\n  for (const item of req.body) {\n    if (!item.id) {\n      res.status(400).json({ error: 'id required' });\n    }\n  }\n  res.json({ ok: true });\n});`,
        // res.render with a callback sends from the callback.
        `app.get('/page', (req, res) => {\n  if (req.query.preview) {\n    res.render('page', (err, html) => res.send(html.replace('x', 'y')));\n  }\n  res.end();\n});`,
      ],
      invalid: [
        {
          errors: [{ messageId: 'sentTwice', line: 4, column: 16, endColumn: 19 }],
          name: 'Express: 404 in a branch without return, then download',
          code: `router.get('/uploads/:id', async (req, res) => {\n  const file = await Upload.findByPk(req.params.id);\n  if (!file) {\n    res.status(404).json({ error: 'Upload not found' });\n  }\n  res.download(file.path, file.name);\n});`,
          at: 'status(404)',
          fixes: ['Insert `return` before this send', 'Add `return;` after it'],
          message: /ERR_HTTP_HEADERS_SENT/,
          output: `router.get('/uploads/:id', async (req, res) => {\n  const file = await Upload.findByPk(req.params.id);\n  if (!file) {\n    return res.status(404).json({ error: 'Upload not found' });\n  }\n  res.download(file.path, file.name);\n});`,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 4, column: 16, endColumn: 19 }],
          name: 'Express: sendStatus after an await',
          code: `router.post('/webhooks/shipping', async (req, res) => {\n  const { type, data } = req.body;\n  if (!type) {\n    res.status(400).json({ error: 'Missing event type' });\n  }\n  await ShippingEvent.create({ type, payload: data });\n  res.sendStatus(202);\n});`,
          at: 'status(400)',
          message: /line 7/,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 2, column: 18, endColumn: 30 }],
          name: 'a branch without braces',
          code: `app.get('/me', (req, res) => {\n  if (!req.user) res.redirect('/login');\n  res.render('me', { user: req.user });\n});`,
          at: "res.redirect('/login')",
          fixes: ['Insert `return` before this send'],
          output: `app.get('/me', (req, res) => {\n  if (!req.user) return res.redirect('/login');\n  res.render('me', { user: req.user });\n});`,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 5, column: 21, endColumn: 24 }],
          name: 'node:http: writeHead + end in a callback branch',
          code: `import http from 'node:http';\nfunction accounts(req, res) {\n  store.listAccounts((err, accounts) => {\n    if (err) {\n      res.writeHead(500, { 'Content-Type': 'text/plain' });\n      res.end('Could not list accounts');\n    }\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(accounts));\n  });\n}`,
          file: 'legacy.mjs',
          at: 'writeHead(500',
          output: `import http from 'node:http';\nfunction accounts(req, res) {\n  store.listAccounts((err, accounts) => {\n    if (err) {\n      res.writeHead(500, { 'Content-Type': 'text/plain' });\n      return res.end('Could not list accounts');\n    }\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(accounts));\n  });\n}`,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 5, column: 18, endColumn: 21 }],
          name: 'Next.js pages API, nested in a method branch',
          code: `export default async function handler(req, res) {\n  if (req.method === 'GET') {\n    const attachment = await findAttachment(req.query.id);\n    if (!attachment) {\n      res.status(404).json({ error: 'Attachment not found' });\n    }\n    return res.status(200).json(attachment);\n  }\n  res.setHeader('Allow', 'GET');\n  res.status(405).end();\n}`,
          file: 'pages/api/upload.js',
          at: 'status(404)',
          count: 1,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 7, column: 18, endColumn: 21 }],
          name: 'Nest controller with @Res() typed Promise<void>: prefer a bare return',
          code: `@Controller('legacy')\nexport class LegacyController {\n  @Get('customers/:id')\n  async getCustomer(@Param('id') id: string, @Res() res: Response): Promise<void> {\n    const customer = await this.legacy.findCustomer(id);\n    if (!customer) {\n      res.status(404).json({ message: 'Customer not found' });\n    }\n    res.json(customer);\n  }\n}`,
          file: 'legacy.controller.ts',
          at: 'status(404)',
          fixes: ['Add `return;` after it', 'Insert `return` before this send'],
          output: `@Controller('legacy')\nexport class LegacyController {\n  @Get('customers/:id')\n  async getCustomer(@Param('id') id: string, @Res() res: Response): Promise<void> {\n    const customer = await this.legacy.findCustomer(id);\n    if (!customer) {\n      res.status(404).json({ message: 'Customer not found' });\n      return;\n    }\n    res.json(customer);\n  }\n}`,
        },
        {
          errors: [{ messageId: 'sentTwice', line: 4, column: 5, endColumn: 13 }],
          name: 'implicit 200 first: reported on the send',
          code: `app.get('/cached', async (req, res) => {\n  const hit = cache.get(req.url);\n  if (hit) {\n    res.json(hit);\n  }\n  res.json(await compute(req.url));\n});`,
          at: 'res.json(hit)',
        },
      ],
    },
    t,
  ));

test('response-sent-twice: a send in a braceless branch gets no `return;` after it (that would leave the branch)', () => {
  const [f] = findingsOf(
    `app.get('/me', (req, res) => {\n  if (!req.user) res.redirect('/login');\n  res.render('me', { user: req.user });\n});`,
    'response-sent-twice',
  );
  assert.deepEqual(
    f.fixes.map((x) => x.title),
    ['Insert `return` before this send'],
  );
});

test('response-sent-twice: one finding per first send, naming the second', () => {
  const code = `app.post('/x', (req, res) => {\n  if (!req.body.a) {\n    res.status(400).json({ error: 'a' });\n  }\n  res.status(201).json({});\n});`;
  const found = findingsOf(code, 'response-sent-twice');
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /^400 Bad Request is sent, then `res\.status\(…\)` on line 5 sends again: return right after sending\. Sending does not stop the handler/,
  );
});

const fastifyCode = `fastify.get('/orders/:id', async (request, reply) => {\n  const order = await orders.find(request.params.id);\n  if (!order) {\n    reply.code(404).send({ error: 'Order not found' });\n  }\n  return reply.send(order);\n});`;
test('response-sent-twice: Fastify, Hono', (t) =>
  checkRule(
    'response-sent-twice',
    {
      valid: [
        {
          code: `import { Hono } from 'hono';\napp.get('/u/:id', async (c) => {\n  const u = await users.get(c.req.param('id'));\n  if (!u) {\n    return c.json({ error: 'not found' }, 404);\n  }\n  return c.json(u);\n});`,
          file: 'a.ts',
        },
        `fastify.get('/o/:id', async (request, reply) => {\n  const order = await orders.find(request.params.id);\n  if (!order) {\n    return reply.code(404).send({ error: 'Order not found' });\n  }\n  return reply.send(order);\n});`,
      ],
      invalid: [
        {
          errors: [{ messageId: 'sentTwice', line: 4, column: 16, endColumn: 19 }],
          code: fastifyCode,
          at: 'reply.code(404)',
          message: /Reply was already sent/,
        },
      ],
    },
    t,
  ));
