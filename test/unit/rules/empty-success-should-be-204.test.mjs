import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('empty-success-should-be-204', (t) =>
  checkRule(
    'empty-success-should-be-204',
    {
      valid: [
        // sendStatus(200) sends "OK".
        `app.get('/ping', (req, res) => res.sendStatus(200));`,
        `app.get('/users', async (req, res) => res.status(200).json(await User.find()));`,
        `app.get('/page', (req, res) => res.status(200).render('page'));`,
        // HEAD answers, CORS preflights and Content-Length: empty on purpose.
        `app.head('/files/:id', async (req, res) => {\n  res.set('ETag', await etagOf(req.params.id));\n  res.status(200).end();\n});`,
        `app.options('/api/*', (req, res) => {\n  res.set('Access-Control-Allow-Origin', '*');\n  res.status(200).end();\n});`,
        `app.use((req, res, next) => {\n  if (req.method === 'OPTIONS') {\n    res.set('Access-Control-Allow-Methods', 'GET, POST');\n    return res.status(200).end();\n  }\n  next();\n});`,
        `app.use((req, res, next) => {\n  if (req.method === 'OPTIONS' || req.method === 'HEAD') return res.status(200).end();\n  next();\n});`,
        `app.get('/files/:id', async (req, res) => {\n  const stat = await statOf(req.params.id);\n  res.set('Content-Length', String(stat.size));\n  res.status(200).end();\n});`,
        `app.get('/export', async (req, res) => {\n  for (const row of await rows()) res.write(row + '\\n');\n  res.status(200).end();\n});`,
        { code: `export async function HEAD() {\n  return new Response(null, { status: 200 });\n}`, file: 'app/api/health/route.js' },
        {
          code: `router.head('/:id', async (ctx) => {\n  ctx.set('Content-Length', String((await Files.get(ctx.params.id)).size));\n  ctx.status = 200;\n});`,
          file: 'uploads.mjs',
        },
        // Content was written before end().
        `function stream(req, res) {\n  res.statusCode = 200;\n  for (const row of rows()) res.write(row + '\\n');\n  res.end();\n}`,
        // Koa answers "OK" when no body is set.
        { code: `router.get('/ping', async (ctx) => {\n  ctx.status = 200;\n});`, file: 'ping.js' },
        // A bare res.end() usually finishes a stream or a writeHead: not an explicit empty 200.
        `function done(req, res) { res.end(); }`,
        // Nest: the method returns a value.
        {
          code: `import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post(':id/verify-email')\n  @HttpCode(HttpStatus.OK)\n  async verify() {\n    return { verified: true };\n  }\n}`,
          file: 'users.controller.ts',
        },
        // Probes, webhook senders and an outside API's operations: the counterpart reads only the status.
        { code: `fastify.get('/status', async (request, reply) => reply.status(200).send());`, file: 'app.js' },
        `app.get('/health/db', (req, res) => res.status(200).end());`,
        {
          code: `export async function POST(req: Request) {\n  const event = await verifyEvent(await req.text());\n  await handle(event);\n  return new Response(null, { status: 200 });\n}`,
          file: 'app/api/webhooks/billing/route.ts',
        },
        `app.post('/events', async (req, res) => {\n  verify(req.body, req.headers['x-hub-signature-256']);\n  await handle(req.body);\n  res.status(200).end();\n});`,
        {
          code: `fastify.post('/DeleteVectorBucket', async (request, reply) => {\n  await buckets.remove(request.body.name);\n  return reply.send();\n});`,
          file: 'vector.js',
        },
      ],
      invalid: [
        {
          name: 'a PUT of a status field is no probe',
          errors: [{ messageId: 'emptyBody', line: 3, column: 14, endColumn: 17 }],
          code: `router.put('/users/:id/status', async (req, res) => {\n  await users.setStatus(req.params.id, req.body.status);\n  res.status(200).end();\n});`,
          at: 'status(200)',
        },
        {
          name: "a camelCase action path is this API's own",
          errors: [{ messageId: 'emptyBody', line: 3, column: 10, endColumn: 20 }],
          code: `fastify.post('/deleteBucket', async (request, reply) => {\n  await buckets.remove(request.body.name);\n  return reply.send();\n});`,
          file: 'buckets.js',
        },
        {
          name: 'Express status(200).end()',
          errors: [{ messageId: 'emptyBody', line: 3, column: 14, endColumn: 17 }],
          code: `router.delete('/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(200).end();\n});`,
          at: 'status(200)',
          fixes: ['Respond 204 No Content'],
          message: /^200 OK with an empty body: respond 204 No Content\. /,
          output: `router.delete('/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});`,
        },
        {
          name: 'Express implicit 200 from res.send()',
          errors: [{ messageId: 'emptyBody', line: 3, column: 3, endColumn: 11 }],
          code: `app.post('/touch', async (req, res) => {\n  await touch(req.user);\n  res.send();\n});`,
          at: 'res.send',
          output: `app.post('/touch', async (req, res) => {\n  await touch(req.user);\n  res.status(204).send();\n});`,
        },
        {
          name: 'Fastify reply.code(200).send()',
          errors: [{ messageId: 'emptyBody', line: 4, column: 23, endColumn: 26 }],
          code: `fastify.get('/orders/export', async (request, reply) => {\n  const rows = await exportRows(request.query);\n  if (rows.length === 0) {\n    return reply.code(200).send();\n  }\n  return reply.type('text/csv').send(rows.join('\\n'));\n});`,
          file: 'orders.mjs',
          output: `fastify.get('/orders/export', async (request, reply) => {\n  const rows = await exportRows(request.query);\n  if (rows.length === 0) {\n    return reply.code(204).send();\n  }\n  return reply.type('text/csv').send(rows.join('\\n'));\n});`,
        },
        {
          name: 'Hono c.body(null, 200)',
          errors: [{ messageId: 'emptyBody', line: 3, column: 23, endColumn: 26 }],
          code: `app.put('/posts/:id/pin', async (c) => {\n  await posts.pin(c.req.param('id'));\n  return c.body(null, 200);\n});`,
          file: 'posts.ts',
          output: `app.put('/posts/:id/pin', async (c) => {\n  await posts.pin(c.req.param('id'));\n  return c.body(null, 204);\n});`,
        },
        {
          name: 'Fetch new Response(null, { status: 200 })',
          errors: [{ messageId: 'emptyBody', line: 3, column: 39, endColumn: 42 }],
          code: `export async function DELETE() {\n  (await cookies()).delete('session');\n  return new Response(null, { status: 200 });\n}`,
          file: 'app/api/auth/route.ts',
          output: `export async function DELETE() {\n  (await cookies()).delete('session');\n  return new Response(null, { status: 204 });\n}`,
        },
        {
          name: 'node:http statusCode = 200 then end()',
          errors: [{ messageId: 'emptyBody', line: 3, column: 22, endColumn: 25 }],
          code: `function handlePing(req, res) {\n  store.touch(() => {\n    res.statusCode = 200;\n    res.end();\n  });\n}`,
          at: 'statusCode = 200',
        },
        {
          name: 'NestJS @HttpCode(200) on a method that returns nothing',
          errors: [{ messageId: 'emptyBody', line: 5, column: 13, endColumn: 16 }],
          code: `import { Controller, Delete, HttpCode, Param } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Delete(':id/avatar')\n  @HttpCode(200)\n  async removeAvatar(@Param('id') id: string): Promise<void> {\n    await this.users.clearAvatar(id);\n  }\n}`,
          file: 'users.controller.ts',
          at: '@HttpCode(200)',
        },
        {
          name: 'a constant from http-status-codes',
          errors: [{ messageId: 'emptyBody', line: 3, column: 14, endColumn: 28 }],
          code: `import { StatusCodes } from 'http-status-codes';\napp.post('/ack', (req, res) => {\n  res.status(StatusCodes.OK).send();\n});`,
          file: 'ack.ts',
          output: `import { StatusCodes } from 'http-status-codes';\napp.post('/ack', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT).send();\n});`,
        },
      ],
    },
    t,
  ));
