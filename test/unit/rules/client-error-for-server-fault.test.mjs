import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('client-error-for-server-fault', (t) =>
  checkRule(
    'client-error-for-server-fault',
    {
      valid: [
        // The status is picked by a test on the error, in a `? :` rather than an if (A-Hazzard/Casino-Manangement-System).
        {
          code: `export async function GET(req, { params }) {\n  try {\n    const user = await getUserById((await params).id);\n    return NextResponse.json({ user });\n  } catch (err) {\n    const errorMsg = err instanceof Error ? err.message : 'Unknown error';\n    return NextResponse.json({ message: 'Failed to fetch user' }, { status: errorMsg === 'User not found' ? 404 : 500 });\n  }\n}`,
          file: 'app/api/users/[id]/route.ts',
        },
        // The catch tells "not found" apart before answering 404; everything else is a 500.
        `app.get('/posts/:id', async (req, res) => {\n  try {\n    res.json(await prisma.post.findUniqueOrThrow({ where: { id: req.params.id } }));\n  } catch (err) {\n    if (err.code === 'P2025') return res.status(404).json({ error: 'Post not found' });\n    res.status(500).json({ error: 'Internal error' });\n  }\n});`,
        // A try that only validates input: 400 for every error is right.
        `app.post('/users', async (req, res) => {\n  let input;\n  try {\n    input = CreateUser.parse(req.body);\n  } catch (err) {\n    return res.status(400).json({ error: 'Invalid input' });\n  }\n  res.status(201).location('/users/1').json(await User.create(input));\n});`,
        // Validation and a write in one try: the 400 mostly answers validation errors; stay silent.
        `app.post('/orders', async (req, res) => {\n  try {\n    const order = await orderSchema.validateAsync(req.body);\n    res.status(201).location('/orders/1').json(await Order.create(order));\n  } catch (err) {\n    res.status(400).json({ error: err.message });\n  }\n});`,
        // A lookup that throws when nothing matches: the usual 404 idiom.
        `app.get('/users/:id', async (req, res) => {\n  try {\n    res.json(await User.findOneOrFail({ where: { id: req.params.id } }));\n  } catch {\n    res.status(404).json({ error: 'User not found' });\n  }\n});`,
        // The catch-all answers 500.
        `app.get('/stats', async (req, res) => {\n  try {\n    res.json(await db.query('SELECT count(*) FROM users'));\n  } catch (err) {\n    res.status(500).json({ error: 'Internal error' });\n  }\n});`,
        // Only parsing the body in the try.
        `app.post('/webhook', (req, res) => {\n  try {\n    req.event = JSON.parse(req.rawBody);\n  } catch (err) {\n    return res.status(400).send('Bad JSON');\n  }\n  res.sendStatus(204);\n});`,
        // A file read: ENOENT is the expected failure, not a database outage.
        `app.get('/docs/:name', async (req, res) => {\n  try {\n    res.type('text/markdown').send(await fs.readFile(path.join(DOCS, req.params.name), 'utf8'));\n  } catch {\n    res.status(404).send('No such page');\n  }\n});`,
        // Something is tested inside the catch: it does not answer every error the same way.
        `app.get('/orders', async (req, res) => {\n  try {\n    res.json(await Order.find({ userId: req.user.id }));\n  } catch (err) {\n    if (err instanceof mongoose.Error.CastError) return res.status(400).json({ error: 'bad id' });\n    res.status(500).json({ error: 'Internal error' });\n  }\n});`,
        // Koa: the catch passes everything on.
        {
          code: `router.get('/files/:id', async (ctx) => {\n  try {\n    ctx.body = await Files.get(ctx.params.id);\n  } catch (err) {\n    ctx.throw(err);\n  }\n});`,
          file: 'files.mjs',
        },
      ],
      invalid: [
        {
          name: "Web Response: a webhook's catch-all 400 names the data calls, not the Date getters (0mppula/koronkorko-remastered)",
          errors: [{ messageId: 'catchAll', line: 7, column: 52, endColumn: 55 }],
          code: `export async function POST(req) {\n  try {\n    const year = new Date().getFullYear();\n    const user = await db.user.findUnique({ where: { id: await userIdOf(req) } });\n    await db.user.update({ where: { id: user.id }, data: { year } });\n  } catch (error) {\n    return new Response('Webhook Error', { status: 400 });\n  }\n  return new Response('ok', { status: 200 });\n}`,
          file: 'app/api/webhooks/stripe/route.js',
          at: '400',
          message: /The errors thrown by `findUnique`, `update` include database and service outages/,
        },
        {
          name: 'Express: 400 with err.message around Product.find',
          errors: [{ messageId: 'catchAll', line: 6, column: 16, endColumn: 19 }],
          code: `router.get('/products', async (req, res) => {\n  try {\n    const products = await Product.find({ category: req.query.category }).limit(48);\n    res.json(products);\n  } catch (err) {\n    res.status(400).json({ error: err.message });\n  }\n});`,
          at: 'status(400)',
          message:
            /^400 Bad Request for every error in this catch: respond 500 Internal Server Error\. The errors thrown by `find` include database and service outages, yet clients are told their request was malformed/,
          fixes: ['Respond 500 Internal Server Error'],
          output: `router.get('/products', async (req, res) => {\n  try {\n    const products = await Product.find({ category: req.query.category }).limit(48);\n    res.json(products);\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});`,
          // err.message on a 500 is then reported by leaked-error-details, as it should be.
          allowNewFindings: true,
        },
        {
          name: 'Express: 400 around a refund',
          errors: [{ messageId: 'catchAll', line: 7, column: 16, endColumn: 19 }],
          code: `paymentsRouter.post('/payments/:id/refunds', async (req: Request, res: Response) => {\n  try {\n    const payment = await db.payment.findUnique({ where: { id: req.params.id } });\n    const refund = await stripe.refunds.create({ payment_intent: payment!.intentId });\n    res.status(201).set('Location', '/refunds/1').json(refund);\n  } catch (err) {\n    res.status(400).json({ error: 'Refund failed' });\n  }\n});`,
          file: 'payments.ts',
          at: 'res.status(400)',
        },
        {
          name: 'Koa: 404 for any error of Files.get',
          errors: [{ messageId: 'catchAll', line: 6, column: 18, endColumn: 21 }],
          code: `router.get('/:id', async (ctx) => {\n  let file;\n  try {\n    file = await Files.get(ctx.params.id);\n  } catch (err) {\n    ctx.status = 404;\n    return;\n  }\n  ctx.body = file;\n});`,
          file: 'uploads.mjs',
          at: 'ctx.status = 404',
          output: `router.get('/:id', async (ctx) => {\n  let file;\n  try {\n    file = await Files.get(ctx.params.id);\n  } catch (err) {\n    ctx.status = 500;\n    return;\n  }\n  ctx.body = file;\n});`,
        },
        {
          name: 'Hono: 404 around a D1 query',
          errors: [{ messageId: 'catchAll', line: 6, column: 51, endColumn: 54 }],
          code: `app.get('/invoices/:id', async (c) => {\n  try {\n    const invoice = await c.env.DB.prepare('SELECT * FROM invoices WHERE id = ?').bind(c.req.param('id')).first();\n    return c.json(invoice);\n  } catch (err) {\n    return c.json({ error: 'Invoice not found' }, 404);\n  }\n});`,
          file: 'payments.ts',
          at: '404)',
          message: /clients are told the resource does not exist/,
        },
        {
          name: 'Fastify: 422 around a payment',
          errors: [{ messageId: 'catchAll', line: 7, column: 23, endColumn: 26 }],
          code: `fastify.post('/payments', async (request, reply) => {\n  try {\n    const customer = await customers.get(request.user.id);\n    const intent = await stripe.paymentIntents.create({ amount: request.body.amount, customer: customer.stripeId });\n    return reply.code(201).header('Location', '/payments/1').send({ clientSecret: intent.client_secret });\n  } catch (err) {\n    return reply.code(422).send({ error: err.message });\n  }\n});`,
          file: 'payments.mjs',
          at: 'reply.code(422)',
          allowNewFindings: true, // leaked-error-details: err.message on a 500
        },
        {
          name: 'Nest: BadRequestException around a service import',
          errors: [{ messageId: 'catchAll', line: 9, column: 17, endColumn: 36 }],
          code: `import { BadRequestException, Body, Controller, Post } from '@nestjs/common';\n@Controller('orders')\nexport class OrdersController {\n  @Post('import')\n  async importCsv(@Body('csv') csv: string) {\n    try {\n      return await this.orders.importCsv(csv);\n    } catch (e) {\n      throw new BadRequestException((e as Error).message);\n    }\n  }\n}`,
          file: 'orders.controller.ts',
          at: 'new BadRequestException',
          allowNewFindings: true, // leaked-error-details: the error's message on a 500
        },
        {
          name: 'Next.js: 422 around an update',
          errors: [{ messageId: 'catchAll', line: 7, column: 77, endColumn: 80 }],
          code: `export async function PATCH(request, { params }) {\n  const { id } = await params;\n  try {\n    const body = await request.json();\n    return NextResponse.json(await updateShipping(id, body.address));\n  } catch (error) {\n    return NextResponse.json({ error: 'Could not update order' }, { status: 422 });\n  }\n}`,
          file: 'app/api/orders/[id]/route.js',
          at: 'status: 422',
        },
        {
          name: 'http-errors: 404 around pool.query',
          errors: [{ messageId: 'catchAll', line: 7, column: 22, endColumn: 25 }],
          code: `import createError from 'http-errors';\nrouter.get('/invoices', async (req, res, next) => {\n  try {\n    const { rows } = await pool.query('SELECT * FROM invoices WHERE account_id = $1', [req.user.accountId]);\n    res.json(rows);\n  } catch (err) {\n    next(createError(404, 'No invoices'));\n  }\n});`,
          at: 'createError(404',
        },
        {
          name: 'Boom: badRequest around a storage write',
          errors: [{ messageId: 'catchAll', line: 6, column: 16, endColumn: 26 }],
          code: `import Boom from '@hapi/boom';\nrouter.put('/files/:key', async (ctx) => {\n  try {\n    await storage.put(ctx.params.key, ctx.req);\n  } catch (err) {\n    throw Boom.badRequest(err.message);\n  }\n  ctx.status = 204;\n});`,
          file: 'files.js',
          at: 'Boom.badRequest',
        },
      ],
    },
    t,
  ));

// A promise's .catch is a catch clause too.
test('client-error-for-server-fault: promise .catch()', (t) =>
  checkRule(
    'client-error-for-server-fault',
    {
      valid: [
        `router.get('/files/:name', (req, res) => {\n  files.getFileData(req.params.name)\n    .then((data) => res.end(data))\n    .catch((err) => {\n      if (err.code === 'ENOENT') return res.status(404).end('File not found.');\n      res.status(500).end('Could not read the file.');\n    });\n});`,
      ],
      invalid: [
        {
          name: 'every failure of a storage read answered 404',
          errors: [{ messageId: 'catchAll', line: 9, column: 18, endColumn: 21 }],
          code: `router.get('/files/:name', (req, res) => {\n  files\n    .getFileData(req.params.name)\n    .then((data) => {\n      res.status(200);\n      res.end(data);\n    })\n    .catch(() => {\n      res.status(404);\n      res.end('File not found.');\n    });\n});`,
          at: 'res.status(404)',
          fixes: ['Respond 500 Internal Server Error'],
        },
      ],
    },
    t,
  ));

// Tests in the catch that single out one error leave every other one (outages included) to the 4xx.
test('client-error-for-server-fault: one error singled out, the rest answered 4xx', (t) =>
  checkRule(
    'client-error-for-server-fault',
    {
      valid: [
        // Every other error is sent elsewhere first: only ValidationErrors reach the 400.
        `app.post('/reports', async (req, res) => {\n  try {\n    res.json(await reports.create(req.body));\n  } catch (err) {\n    if (!(err instanceof ValidationError)) throw err;\n    res.status(400).json({ error: err.message });\n  }\n});`,
        // Only the "record not found" code reaches the 404.
        `app.delete('/reports/:id', async (req, res, next) => {\n  try {\n    await prisma.report.delete({ where: { id: req.params.id } });\n    res.sendStatus(204);\n  } catch (err) {\n    if (err.code !== 'P2025') return next(err);\n    res.status(404).json({ error: 'No such report' });\n  }\n});`,
        // An error handler whose fallback is a 500.
        `app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: 'Request failed' });\n});`,
      ],
      invalid: [
        {
          name: 'a timeout singled out, every other failure answered 400',
          errors: [{ messageId: 'catchAll', line: 6, column: 16, endColumn: 19 }],
          code: `app.get('/reports/:id', async (req, res) => {\n  try {\n    res.json(await reports.get(req.params.id));\n  } catch (err) {\n    if (err instanceof TimeoutError) return res.status(504).json({ error: 'Report timed out' });\n    res.status(400).json({ error: 'Bad report request' });\n  }\n});`,
          at: 'status(400)',
          fixes: ['Respond 500 Internal Server Error'],
        },
        {
          name: 'HttpErrors rethrown, everything else 400',
          errors: [{ messageId: 'catchAll', line: 6, column: 16, endColumn: 19 }],
          code: `router.post('/workflows/:id/run', async (req, res) => {\n  try {\n    res.json(await workflows.run(req.params.id, req.body));\n  } catch (e) {\n    if (e instanceof HttpError) throw e;\n    res.status(400).json({ error: 'Run failed' });\n  }\n});`,
          at: 'status(400)',
        },
        {
          name: 'a unique violation picked out, everything else 422',
          errors: [{ messageId: 'catchAll', line: 6, column: 71, endColumn: 74 }],
          code: `export async function PATCH(req, { params }) {\n  try {\n    return NextResponse.json(await prisma.customer.update({ where: { id: (await params).id }, data: await req.json() }));\n  } catch (error) {\n    if (error.code === 'P2002') return NextResponse.json({ error: 'Already exists' }, { status: 409 });\n    return NextResponse.json({ error: 'Could not update' }, { status: 422 });\n  }\n}`,
          file: 'app/api/customers/[id]/route.ts',
          at: 'status: 422',
        },
        {
          name: 'an error handler that defaults to 400',
          errors: [{ messageId: 'defaultedStatus', line: 2, column: 28, endColumn: 31 }],
          code: `app.use((err, req, res, next) => {\n  res.status(err.status || 400).json({ error: 'Request failed' });\n});`,
          at: '400',
          fixes: ['Fall back to 500 Internal Server Error'],
          output: `app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: 'Request failed' });\n});`,
        },
        {
          name: 'Koa: the error middleware defaults to 400',
          errors: [{ messageId: 'defaultedStatus', line: 5, column: 36, endColumn: 39 }],
          code: `app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = err.statusCode ?? 400;\n    ctx.body = { error: 'Request failed' };\n  }\n});`,
          file: 'app.js',
          at: '400',
        },
      ],
    },
    t,
  ));
