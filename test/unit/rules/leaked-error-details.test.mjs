import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('leaked-error-details', (t) =>
  checkRule(
    'leaked-error-details',
    {
      valid: [
        `router.get('/payments/:id', async (req, res) => {\n  try {\n    res.json(await payments.get(req.params.id));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});`,
        // Only client errors show the message; dev-only stacks; http-errors' expose flag.
        `function apiErrorHandler(err, req, res, next) {\n  const status = err.status || err.statusCode || 500;\n  res.status(status).json({ error: status >= 500 ? 'Internal Server Error' : err.message });\n}`,
        `app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).json({ error: 'Internal Server Error', stack: process.env.NODE_ENV === 'production' ? undefined : err.stack });\n});`,
        `app.use((err, req, res, next) => {\n  if (process.env.NODE_ENV !== 'production') return res.status(500).json({ message: err.message, stack: err.stack });\n  res.status(500).json({ message: 'Internal Server Error' });\n});`,
        {
          code: `app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };\n  }\n});`,
          file: 'errors.js',
        },
        // Safe fields, 4xx answers, and libraries that hide 5xx messages.
        `app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    res.status(500).json({ error: 'Failed', code: err.code, requestId: req.id });\n  }\n});`,
        `app.post('/x', async (req, res) => {\n  try {\n    res.json(await save(req.body));\n  } catch (err) {\n    res.status(422).json({ error: err.message });\n  }\n});`,
        `router.get('/orders/:id', async (req, res, next) => {\n  try {\n    res.json(await orders.get(req.params.id));\n  } catch (err) {\n    next(Boom.badImplementation('order lookup failed', err));\n  }\n});`,
        `router.get('/x', async (req, res, next) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    next(createError(500, err.message));\n  }\n});`,
        {
          code: `router.get('/x', async (ctx) => {\n  try {\n    ctx.body = await load();\n  } catch (err) {\n    ctx.throw(500, err.message);\n  }\n});`,
          file: 'x.js',
        },
        // A message a client-facing error class wrote for the client.
        `app.post('/x', async (req, res) => {\n  try {\n    res.json(await save(req.body));\n  } catch (err) {\n    if (err instanceof ValidationError) return res.status(500).json({ error: err.message });\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});`,
        `import Boom from '@hapi/boom';\nrouter.get('/orders/:id', async (req, res, next) => {\n  try {\n    res.json(await orders.get(req.params.id));\n  } catch (err) {\n    next(Boom.badImplementation(err.message));\n  }\n});`,
        // Tests on the error are not its details.
        `app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    console.error(err);\n    res.status(503).json({ error: 'Upstream failed', retryable: err instanceof TimeoutError });\n  }\n});`,
        // Not an error: a local string.
        `app.get('/x', async (req, res) => {\n  const error = 'Service failed';\n  res.status(500).json({ error });\n});`,
      ],
      invalid: [
        {
          name: 'error middleware sending message and stack, already logged',
          errors: [{ messageId: 'leak', line: 3, column: 14, endColumn: 17 }],
          code: `function verboseErrorHandler(err, req, res, next) {\n  console.error(err);\n  res.status(500).json({ message: err.message, stack: err.stack });\n}`,
          at: 'status(500)',
          fixes: ['Send a generic Internal Server Error body'],
          message: /^500 Internal Server Error exposes `err\.message`: log the error and send a generic message\. It sends the message of `err` to the client/,
          output: `function verboseErrorHandler(err, req, res, next) {\n  console.error(err);\n  res.status(500).json({ message: 'Internal Server Error' });\n}`,
        },
        {
          name: 'any name in an (err, req, res, next) error middleware; a JSON.stringify body',
          errors: [{ messageId: 'leak', line: 2, column: 20, endColumn: 23 }],
          code: `app.use((problem, req, res, next) => {\n  res.statusCode = 500;\n  res.end(JSON.stringify({ error: problem.message, path: problem.path }));\n});`,
          at: 'statusCode = 500',
          output: `app.use((problem, req, res, next) => {\n  console.error(problem);\n  res.statusCode = 500;\n  res.end(JSON.stringify({ error: 'Internal Server Error' }));\n});`,
        },
        {
          name: 'a spread of the error: nothing left, so a generic object',
          errors: [{ messageId: 'leak', line: 5, column: 16, endColumn: 19 }],
          code: `app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    res.status(500).json({ ...err });\n  }\n});`,
          output: `app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});`,
        },
        {
          name: 'the raw error object from a catch: generic body and a log line',
          errors: [{ messageId: 'leak', line: 5, column: 16, endColumn: 19 }],
          code: `router.put('/products/:id', async (req, res) => {\n  try {\n    res.json(await Product.findByIdAndUpdate(req.params.id, req.body));\n  } catch (err) {\n    res.status(500).json(err);\n  }\n});`,
          fixes: ['Send a generic Internal Server Error body and log the error'],
          message: /error object `err`/,
          output: `router.put('/products/:id', async (req, res) => {\n  try {\n    res.json(await Product.findByIdAndUpdate(req.params.id, req.body));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});`,
        },
        {
          name: 'err.toString() as text',
          errors: [{ messageId: 'leak', line: 5, column: 16, endColumn: 19 }],
          code: `app.get('/r', async (req, res) => {\n  try {\n    res.send(await render());\n  } catch (e) {\n    res.status(500).send(e.toString());\n  }\n});`,
          output: `app.get('/r', async (req, res) => {\n  try {\n    res.send(await render());\n  } catch (e) {\n    console.error(e);\n    res.status(500).send('Internal Server Error');\n  }\n});`,
        },
        {
          name: 'driver fields: other keys kept, the logger in use',
          errors: [{ messageId: 'leak', line: 3, column: 21, endColumn: 24 }],
          code: `function dbErrorHandler(err, req, res, next) {\n  req.log.warn({ path: req.path }, 'db error');\n  return res.status(500).json({ error: 'Database error', sql: err.sql, detail: err.parent });\n}`,
          message: /database\/driver details/,
          output: `function dbErrorHandler(err, req, res, next) {\n  req.log.warn({ path: req.path }, 'db error');\n  req.log.error(err);\n  return res.status(500).json({ error: 'Database error' });\n}`,
        },
        {
          name: 'Fastify: the error as a field',
          errors: [{ messageId: 'leak', line: 5, column: 23, endColumn: 26 }],
          code: `fastify.get('/receipt', async (request, reply) => {\n  try {\n    return await render(request.params.id);\n  } catch (err) {\n    return reply.code(500).send({ error: 'Receipt rendering failed', cause: err });\n  }\n});`,
          file: 'payments.mjs',
          output: `fastify.get('/receipt', async (request, reply) => {\n  try {\n    return await render(request.params.id);\n  } catch (err) {\n    console.error(err);\n    return reply.code(500).send({ error: 'Receipt rendering failed' });\n  }\n});`,
        },
        {
          name: 'Hono c.text(String(err), 500)',
          errors: [{ messageId: 'leak', line: 5, column: 32, endColumn: 35 }],
          code: `app.get('/report/:id', async (c) => {\n  try {\n    return c.json(await build(c.req.param('id')));\n  } catch (err) {\n    return c.text(String(err), 500);\n  }\n});`,
          file: 'errors.ts',
          at: '500',
          message: /error text/,
          output: `app.get('/report/:id', async (c) => {\n  try {\n    return c.json(await build(c.req.param('id')));\n  } catch (err) {\n    console.error(err);\n    return c.text('Internal Server Error', 500);\n  }\n});`,
        },
        {
          name: 'Koa: the log line goes before the status',
          errors: [{ messageId: 'leak', line: 5, column: 18, endColumn: 21 }],
          code: `internal.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { error: err.message, stack: err.stack };\n  }\n});`,
          file: 'errors.js',
          at: 'ctx.status = 500',
          output: `internal.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    console.error(err);\n    ctx.status = 500;\n    ctx.body = { error: 'Internal Server Error' };\n  }\n});`,
        },
        {
          name: 'Next.js: a cast message',
          errors: [{ messageId: 'leak', line: 5, column: 77, endColumn: 80 }],
          code: `export async function GET() {\n  try {\n    return NextResponse.json({ uploads: await db.upload.findMany() });\n  } catch (error) {\n    return NextResponse.json({ error: (error as Error).message }, { status: 500 });\n  }\n}`,
          file: 'app/api/uploads/route.ts',
          at: 'status: 500',
        },
        {
          name: 'node:http error-first callback with the stack',
          errors: [{ messageId: 'leak', line: 4, column: 21, endColumn: 24 }],
          code: `function account(req, res, id) {\n  store.findAccount(id, (err, account) => {\n    if (err) {\n      res.writeHead(500, { 'Content-Type': 'text/plain' });\n      res.end(err.stack);\n      return;\n    }\n    res.end(JSON.stringify(account));\n  });\n}`,
          at: 'writeHead(500',
          message: /stack trace/,
          output: `function account(req, res, id) {\n  store.findAccount(id, (err, account) => {\n    if (err) {\n      console.error(err);\n      res.writeHead(500, { 'Content-Type': 'text/plain' });\n      res.end('Internal Server Error');\n      return;\n    }\n    res.end(JSON.stringify(account));\n  });\n}`,
        },
        {
          name: 'NestJS: the exception message is sent; the class logger is reused',
          errors: [{ messageId: 'leakThroughException', line: 9, column: 17, endColumn: 45 }],
          code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  async verify(id: string) {\n    try {\n      await this.users.update(id, { verified: true });\n    } catch (err) {\n      this.logger.warn('verify failed');\n      throw new InternalServerErrorException(err.message);\n    }\n  }\n}`,
          file: 'users.service.ts',
          message: /NestJS puts this exception's message in the response/,
          output: `import { Injectable, InternalServerErrorException } from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  async verify(id: string) {\n    try {\n      await this.users.update(id, { verified: true });\n    } catch (err) {\n      this.logger.warn('verify failed');\n      this.logger.error(err);\n      throw new InternalServerErrorException('Internal Server Error');\n    }\n  }\n}`,
        },
        {
          name: 'through a const computed from the error, multi-line body',
          errors: [{ messageId: 'leak', line: 6, column: 16, endColumn: 19 }],
          code: `app.post('/sync', async (req, res) => {\n  try {\n    res.json(await sync());\n  } catch (err) {\n    const message = err instanceof Error ? err.message : 'unknown';\n    res.status(502).json({\n      error: message,\n      retry: true,\n    });\n  }\n});`,
          at: 'status(502)',
          output: `app.post('/sync', async (req, res) => {\n  try {\n    res.json(await sync());\n  } catch (err) {\n    const message = err instanceof Error ? err.message : 'unknown';\n    console.error(err);\n    res.status(502).json({\n      error: 'Bad Gateway',\n      retry: true,\n    });\n  }\n});`,
        },
      ],
    },
    t,
  ));

test('leaked-error-details: a spread error goes, and an arrow body without a statement gets no fix', () => {
  const [spread] = findingsOf(
    `app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).json({ ...err, ok: false });\n});`,
    'leaked-error-details',
  );
  assert.equal(spread.fixes[0].edits[0].newText, '{ ok: false }');
  // No statement to put the log line in: dropping the error from the body would lose it.
  const [arrow] = findingsOf(`app.use((err, req, res, next) => res.status(500).json({ error: err.message }));`, 'leaked-error-details');
  assert.ok(arrow, 'still reported');
  assert.deepEqual(arrow.fixes, []);
});

// Bodies where only what the app wrote for clients, or what describes the client's own input, can go out.
test('leaked-error-details: messages written for the client, and errors about its own input', (t) =>
  checkRule(
    'leaked-error-details',
    {
      valid: [
        // A timeout's message says only that it timed out.
        {
          code: `app.post('/audio/check', async (c) => {\n  try {\n    return c.json({ hasAudio: await probe(c.req.query('url')) });\n  } catch (err) {\n    if (isTimeoutError(err)) {\n      return c.json({ error: 'Timed out', details: err instanceof Error ? err.message : String(err) }, 504);\n    }\n    return c.json({ error: 'Failed' }, 500);\n  }\n});`,
          file: 'audio.ts',
        },
        // A connection test of the settings the client just sent: its error is the answer.
        {
          code: `app.post('/test', async (c) => {\n  const data = c.req.valid('json');\n  try {\n    await new S3Client(data).send(new HeadBucketCommand({ Bucket: data.bucket }));\n    return c.json({ success: true });\n  } catch (error) {\n    return c.json({ error: 'Failed to connect', details: error instanceof Error ? error.message : String(error) }, { status: 500 });\n  }\n});`,
          file: 's3.ts',
        },
        // The try only parses the client's query: a SyntaxError, which Express sends as {}.
        `router.get('/stats/:id', async (req, res) => {\n  let filters;\n  try {\n    filters = JSON.parse(JSON.stringify(req.query.types));\n  } catch (e) {\n    return res.status(500).send(e);\n  }\n  res.json(await stats.get(req.params.id, filters));\n});`,
        // The try only verifies the client's WebAuthn response: the message says why it was rejected.
        {
          code: `import { InternalServerErrorException } from '@nestjs/common';\nexport class WebAuthService {\n  async verify(credential) {\n    let verification;\n    try {\n      verification = await verifyRegistrationResponse({ response: credential });\n    } catch (error) {\n      throw new InternalServerErrorException(error.message);\n    }\n    return verification;\n  }\n}`,
          file: 'web-auth.service.ts',
        },
        // A formatter meant for users stands between the error and the body.
        `export async function handler(req, res) {\n  try {\n    await transport.handleRequest(req, res, req.body);\n  } catch (error) {\n    const userError = formatErrorForUser(error);\n    res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: userError.message } });\n  }\n}`,
        // What is derived from the error is only tested; the fallback text is generic.
        {
          code: `export async function POST(req) {\n  try {\n    return NextResponse.json(await complete(await req.json()));\n  } catch (err) {\n    const info = getProviderErrorInfo(err);\n    const message = info?.message ?? 'An internal error occurred';\n    return NextResponse.json({ message, error: info ? 'ProviderError' : 'InternalServerError' }, { status: 500 });\n  }\n}`,
          file: 'app/api/chat/route.ts',
        },
        // Every other error is passed on: only the app's own class reaches the body.
        `fastify.get('/types', async (request, reply) => {\n  try {\n    return await renderTypes();\n  } catch (error) {\n    if (!(error instanceof QueueFullError)) {\n      throw error;\n    }\n    reply.code(503);\n    return { error: error.message };\n  }\n});`,
        // A switch on the error's code that replaces the internal one with a fixed text.
        {
          code: `export async function POST(req) {\n  try {\n    return Response.json(await preview(await req.json()));\n  } catch (err) {\n    const message = err.code === 'INTERNAL' ? 'Internal server error' : err.message;\n    return new Response(JSON.stringify({ error: message }), { status: 500 });\n  }\n}`,
          file: 'app/api/preview/route.ts',
        },
      ],
      invalid: [
        {
          name: 'instanceof Error picks the message over a fixed fallback: still the driver’s message',
          errors: [{ messageId: 'leak', line: 5, column: 16, endColumn: 19 }],
          code: `app.get('/orders', async (req, res) => {\n  try {\n    res.json(await db.query('select * from orders'));\n  } catch (err) {\n    res.status(500).json({ error: err instanceof Error ? err.message : 'Unknown error' });\n  }\n});`,
          at: 'status(500)',
        },
        {
          name: 'passing on what is not an Error narrows nothing',
          errors: [{ messageId: 'leak', line: 6, column: 16, endColumn: 19 }],
          code: `app.get('/orders', async (req, res) => {\n  try {\n    res.json(await db.query('select * from orders'));\n  } catch (err) {\n    if (!(err instanceof Error)) throw err;\n    res.status(500).json({ error: err.message });\n  }\n});`,
          at: 'status(500)',
        },
        {
          name: 'a timeout narrowed, but the stack goes out',
          errors: [{ messageId: 'leak', line: 5, column: 56, endColumn: 59 }],
          code: `app.get('/report', async (req, res) => {\n  try {\n    res.json(await report.build());\n  } catch (err) {\n    if (err.name === 'TimeoutError') return res.status(504).json({ error: err.stack });\n    res.status(500).json({ error: 'Failed' });\n  }\n});`,
          at: 'status(504)',
        },
      ],
    },
    t,
  ));
