import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('server-error-for-client-error', (t) =>
  checkRule(
    'server-error-for-client-error',
    {
      valid: [
        // The validation failure already answers 400; the catch-all 500 after a narrowing test is right.
        `app.patch('/users/:id', async (req, res) => {\n  try {\n    const user = await User.findByIdAndUpdate(req.params.id, req.body, { runValidators: true });\n    res.json(user);\n  } catch (err) {\n    if (err instanceof mongoose.Error.ValidationError) {\n      return res.status(400).json({ errors: err.errors });\n    }\n    res.status(500).json({ error: 'Internal server error' });\n  }\n});`,
        // A SyntaxError from parsing the server's own config file is a server fault.
        `app.get('/settings', async (req, res) => {\n  try {\n    const cfg = JSON.parse(await fs.readFile(CONFIG_PATH, 'utf8'));\n    res.json(cfg);\n  } catch (err) {\n    if (err instanceof SyntaxError) return res.status(500).json({ error: 'settings file is corrupt' });\n    throw err;\n  }\n});`,
        // Failing the schema of an upstream response is the upstream's fault: 502 is right.
        `app.get('/rates', async (req, res) => {\n  const parsed = RatesSchema.safeParse(await (await fetch(RATES_URL)).json());\n  if (!parsed.success) return res.status(502).json({ error: 'bad upstream data' });\n  res.json(parsed.data);\n});`,
        // Server configuration, not request input.
        `app.post('/charge', async (req, res) => {\n  if (!process.env.STRIPE_KEY) return res.status(500).json({ error: 'payments are not configured' });\n  res.json(await charge(req.body));\n});`,
        // The literal is only a fallback for a status carried by the error.
        `app.use((err, req, res, next) => {\n  if (err.name === 'ValidationError') return res.status(err.status || 500).json({ error: err.message });\n  next(err);\n});`,
        // Koa: the validation branch answers 422.
        {
          code: `router.post('/users', async (ctx) => {\n  const { error } = schema.validate(ctx.request.body);\n  if (error) {\n    ctx.status = 422;\n    ctx.body = { error: error.message };\n    return;\n  }\n  ctx.status = 201;\n  ctx.body = await User.create(ctx.request.body);\n});`,
          file: 'users.mjs',
        },
        // Hono: 503 while a dependency is down is correct.
        {
          code: `app.post('/jobs', async (c) => {\n  if (!(await queue.isHealthy())) return c.json({ error: 'queue unavailable' }, 503);\n  return c.json(await queue.add(await c.req.json()), 202);\n});`,
          file: 'jobs.ts',
        },
        // Next: 500 in an else-branch where the input was valid.
        {
          code: `export async function POST(request) {\n  const parsed = Input.safeParse(await request.json());\n  if (parsed.success) {\n    return NextResponse.json({ ok: true }, { status: 500 });\n  }\n  return NextResponse.json({ error: 'bad input' }, { status: 400 });\n}`,
          file: 'app/api/x/route.js',
        },
      ],
      invalid: [
        {
          name: 'Express + Zod: a failed safeParse answered 500',
          errors: [{ messageId: 'invalidInput', line: 4, column: 23, endColumn: 26 }],
          code: `export async function createOrder(req: Request, res: Response) {\n  const parsed = CreateOrder.safeParse(req.body);\n  if (!parsed.success) {\n    return res.status(500).json({ error: 'Invalid order payload' });\n  }\n  res.status(201).location('/orders/1').json(await save(parsed.data));\n}`,
          file: 'orders.ts',
          at: 'status(500)',
          message:
            /^500 Internal Server Error for invalid input: respond 400 Bad Request\. The request failed validation \(`!parsed\.success`\), but a 5xx tells clients the server failed/,
          fixes: ['Respond 400 Bad Request', 'Respond 422 Unprocessable Content'],
          output: `export async function createOrder(req: Request, res: Response) {\n  const parsed = CreateOrder.safeParse(req.body);\n  if (!parsed.success) {\n    return res.status(400).json({ error: 'Invalid order payload' });\n  }\n  res.status(201).location('/orders/1').json(await save(parsed.data));\n}`,
        },
        {
          name: 'Joi error with validationStatus 422',
          errors: [{ messageId: 'invalidInput', line: 4, column: 23, endColumn: 26 }],
          code: `router.post('/addresses', async (req, res) => {\n  const { error, value } = addressSchema.validate(req.body);\n  if (error) {\n    return res.status(500).json({ message: 'Address is invalid' });\n  }\n  res.status(201).location('/addresses/1').json(value);\n});`,
          settings: { validationStatus: 422 },
          fixes: ['Respond 422 Unprocessable Content', 'Respond 400 Bad Request'],
        },
        {
          name: 'express-validator errors',
          errors: [{ messageId: 'invalidInput', line: 4, column: 23, endColumn: 26 }],
          code: `router.post('/newsletter', body('email').isEmail(), async (req, res) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) {\n    return res.status(500).json({ errors: errors.array() });\n  }\n  res.json({ subscribed: true });\n});`,
          at: 'status(500)',
        },
        {
          name: 'body-parser SyntaxError in error middleware',
          errors: [{ messageId: 'invalidInput', line: 3, column: 23, endColumn: 26 }],
          code: `app.use((err, req, res, next) => {\n  if (err instanceof SyntaxError && 'body' in err) {\n    return res.status(500).json({ error: 'Could not parse request body' });\n  }\n  next(err);\n});`,
          message: /The request body is not valid JSON/,
        },
        {
          name: 'Mongoose CastError caught',
          errors: [{ messageId: 'invalidInput', line: 6, column: 25, endColumn: 28 }],
          code: `router.get('/products/:id', async (req, res) => {\n  try {\n    res.json(await Product.findById(req.params.id));\n  } catch (err) {\n    if (err.name === 'CastError') {\n      return res.status(500).json({ message: 'Malformed product id' });\n    }\n    res.status(500).json({ message: 'Something went wrong' });\n  }\n});`,
          at: 'return res.status(500)',
          count: 1,
        },
        {
          name: 'Koa error middleware: ValidationError',
          errors: [{ messageId: 'invalidInput', line: 6, column: 20, endColumn: 23 }],
          code: `app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    if (err.name === 'ValidationError') {\n      ctx.status = 500;\n      ctx.body = { error: err.message };\n      return;\n    }\n    throw err;\n  }\n});`,
          file: 'errors.js',
          at: 'ctx.status = 500',
        },
        {
          name: 'Fastify error handler: schema validation',
          errors: [{ messageId: 'invalidInput', line: 3, column: 23, endColumn: 26 }],
          code: `fastify.setErrorHandler(function (error, request, reply) {\n  if (error.validation) {\n    return reply.code(500).send({ error: 'Request validation failed' });\n  }\n  reply.send(error);\n});`,
          file: 'server.js',
          output: `fastify.setErrorHandler(function (error, request, reply) {\n  if (error.validation) {\n    return reply.code(400).send({ error: 'Request validation failed' });\n  }\n  reply.send(error);\n});`,
        },
        {
          name: 'Next.js: a missing body field',
          errors: [{ messageId: 'invalidInput', line: 4, column: 71, endColumn: 74 }],
          code: `export async function PATCH(request) {\n  const body = await request.json();\n  if (!body.name) {\n    return NextResponse.json({ error: 'name is required' }, { status: 500 });\n  }\n  return NextResponse.json(await save(body));\n}`,
          file: 'app/api/users/route.js',
          at: 'status: 500',
        },
        {
          name: 'Hono: a failed safeParse answered 500',
          errors: [{ messageId: 'invalidInput', line: 4, column: 58, endColumn: 61 }],
          code: `app.post('/checkout', async (c) => {\n  const result = Checkout.safeParse(await c.req.json());\n  if (!result.success) {\n    return c.json({ error: 'Invalid checkout request' }, 500);\n  }\n  return c.json(await startCheckout(result.data), 201);\n});`,
          file: 'payments.ts',
          at: '500)',
        },
        {
          name: 'http-errors: createError(500) for a missing field',
          errors: [{ messageId: 'invalidInput', line: 4, column: 29, endColumn: 32 }],
          code: `import createError from 'http-errors';\nrouter.post('/posts', (req, res, next) => {\n  if (!req.body.title) {\n    return next(createError(500, 'title is required'));\n  }\n  res.status(201).location('/posts/1').json({});\n});`,
          at: 'createError(500',
        },
        {
          name: 'Nest: InternalServerErrorException for an empty DTO field',
          errors: [{ messageId: 'invalidInput', line: 7, column: 17, endColumn: 45 }],
          code: `import { BadRequestException, Body, Controller, InternalServerErrorException, Post, UnprocessableEntityException } from '@nestjs/common';\n@Controller('orders')\nexport class OrdersController {\n  @Post()\n  async create(@Body() dto: CreateOrderDto) {\n    if (!dto.items?.length) {\n      throw new InternalServerErrorException('Order must contain at least one item');\n    }\n    return this.orders.create(dto);\n  }\n}`,
          file: 'orders.controller.ts',
          at: 'new InternalServerErrorException',
          fixes: [/^Respond 400/],
        },
      ],
    },
    t,
  ));

// What failed is the server's: stored data a helper validates, a service missing from a registry.
test('server-error-for-client-error: server data and services are not client input', (t) =>
  checkRule(
    'server-error-for-client-error',
    {
      valid: [
        // A helper's own `params` object carries the stored flow graph, not the request.
        {
          code: `const compileGraph = async (params: GraphParams) => {\n  const { nodes } = params;\n  const starts = nodes.filter((n) => n.data.name === 'start');\n  if (!starts.length) throw new ApiError(500, 'Start node not found');\n  if (starts.length > 1) throw new ApiError(500, 'Graph should have only one start node');\n  return build(starts[0]);\n};`,
          file: 'graph.ts',
        },
        // Koa: ctx.app.container.get('X') asks a service registry, not a request header.
        {
          code: `const translate = async (ctx, next) => {\n  const tasks = ctx.app.container.get('AsyncTaskManager');\n  if (!tasks) ctx.throw(500, 'AsyncTaskManager is not available');\n  ctx.body = await tasks.run(ctx.action.params);\n  await next();\n};`,
          file: 'translate.ts',
        },
      ],
      invalid: [
        {
          name: 'Koa: a request header read with ctx.get is still input',
          errors: [{ messageId: 'invalidInput', line: 3, column: 24, endColumn: 27 }],
          code: `const upload = async (ctx, next) => {\n  const kind = ctx.get('X-Upload-Kind');\n  if (!kind) ctx.throw(500, 'X-Upload-Kind header is required');\n  await next();\n};`,
          file: 'upload.ts',
          at: 'ctx.throw(500',
        },
        {
          name: 'a route handler’s own `params` is the request’s',
          errors: [{ messageId: 'invalidInput', line: 2, column: 87, endColumn: 90 }],
          code: `export async function GET(req, { params }) {\n  if (!params.slug) return NextResponse.json({ error: 'slug is required' }, { status: 500 });\n  return NextResponse.json(await pages.bySlug(params.slug));\n}`,
          file: 'app/api/pages/[slug]/route.ts',
          at: 'status: 500',
        },
      ],
    },
    t,
  ));

// A body parsed inside a try whose catch answers every error 500: malformed input becomes a server failure.
test('server-error-for-client-error: the body parsed inside a catch-all 500', (t) =>
  checkRule(
    'server-error-for-client-error',
    {
      valid: [
        // The body is parsed before the try: only the service's errors reach the 500.
        {
          code: `export async function POST(req) {\n  const input = await req.json();\n  try {\n    return NextResponse.json(await invoices.create(input), { status: 201, headers: { Location: '/invoices/1' } });\n  } catch (error) {\n    return NextResponse.json({ error: 'Could not create invoice' }, { status: 500 });\n  }\n}`,
          file: 'app/api/invoices/route.ts',
        },
        // Every error but one class is sent elsewhere first.
        `app.post('/imports', async (req, res, next) => {\n  try {\n    res.json(await imports.run(JSON.parse(req.body.manifest)));\n  } catch (err) {\n    if (!(err instanceof ImportError)) return next(err);\n    res.status(500).json({ error: 'Import failed' });\n  }\n});`,
        // The parse has its own try answering 400: no parse error reaches the 500.
        `app.post('/scim/Users', async (req, res) => {\n  try {\n    let user;\n    try {\n      user = JSON.parse(req.body.raw);\n    } catch {\n      return res.status(400).json({ detail: 'Invalid JSON' });\n    }\n    res.status(201).location('/scim/Users/1').json(await users.create(user));\n  } catch (err) {\n    res.status(500).json({ detail: 'Could not create the user' });\n  }\n});`,
        // JSON.parse of stored data, not of what the client sent.
        `app.get('/settings', async (req, res) => {\n  try {\n    res.json(JSON.parse(await redis.get('settings')));\n  } catch (err) {\n    res.status(500).json({ error: 'Could not read settings' });\n  }\n});`,
      ],
      invalid: [
        {
          name: 'Next.js: await req.json() inside the try',
          errors: [{ messageId: 'malformedBody', line: 6, column: 79, endColumn: 82 }],
          code: `export async function POST(req) {\n  try {\n    const input = await req.json();\n    return NextResponse.json(await invoices.create(input), { status: 201, headers: { Location: '/invoices/1' } });\n  } catch (error) {\n    return NextResponse.json({ error: 'Could not create invoice' }, { status: 500 });\n  }\n}`,
          file: 'app/api/invoices/route.ts',
          at: 'status: 500',
        },
        {
          name: 'Express: schema.parse(req.body) inside the try',
          errors: [{ messageId: 'malformedBody', line: 6, column: 16, endColumn: 19 }],
          code: `app.post('/users', async (req, res) => {\n  try {\n    const data = userSchema.parse(req.body);\n    res.status(201).location('/users/1').json(await users.create(data));\n  } catch (err) {\n    res.status(500).json({ error: 'Could not create user' });\n  }\n});`,
          at: 'status(500)',
        },
      ],
    },
    t,
  ));
