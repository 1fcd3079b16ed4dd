import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('conflict-should-be-409', (t) =>
  checkRule(
    'conflict-should-be-409',
    {
      valid: [
        // Already 409.
        `router.post('/users', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) return res.status(409).json({ error: 'Email already registered' });\n  res.status(201).location('/users/1').json(await User.create(req.body));\n});`,
        // A login finding the account is the normal path; a 400 about its state is not a conflict.
        `router.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (user && user.locked) return res.status(400).json({ error: 'Account locked' });\n  if (!user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Invalid credentials' });\n  res.json({ token: sign(user) });\n});`,
        // Updating a record found by id: found is the normal path.
        `router.patch('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (post) {\n    if (!req.body.title) return res.status(400).json({ error: 'title is required' });\n    return res.json(await post.update(req.body));\n  }\n  res.sendStatus(404);\n});`,
        // "already shipped" is a state problem, not a duplicate.
        `router.post('/orders/:id/cancel', async (req, res) => {\n  const order = await Order.findById(req.params.id);\n  if (order.status === 'shipped') return res.status(400).json({ error: 'Order already shipped' });\n  res.json(await order.cancel());\n});`,
        // A catch-all that claims "already exists" for every error is another rule's business.
        `router.post('/tags', async (req, res) => {\n  try {\n    res.status(201).location('/tags/1').json(await Tag.create(req.body));\n  } catch (err) {\n    res.status(500).json({ error: 'Tag already exists or the database failed' });\n  }\n});`,
        // Validation failure with 422.
        {
          code: `app.post('/signup', async (c) => {\n  const parsed = Signup.safeParse(await c.req.json());\n  if (!parsed.success) return c.json({ error: 'invalid' }, 422);\n  return c.json(await createUser(parsed.data), 201, { Location: '/users/1' });\n});`,
          file: 'signup.ts',
        },
        // A read endpoint that finds a record by a field and rejects the query for another reason.
        `router.get('/lookup', async (req, res) => {\n  const user = await User.findOne({ email: req.query.email });\n  if (user) return res.status(400).json({ error: 'Use the /users/:id endpoint' });\n  res.sendStatus(404);\n});`,
      ],
      invalid: [
        {
          name: 'Express: existing email answered 400',
          errors: [{ messageId: 'conflict', line: 4, column: 23, endColumn: 26 }],
          code: `router.post('/', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) {\n    return res.status(400).json({ error: 'Email already registered' });\n  }\n  res.status(201).location('/users/1').json(await User.create(req.body));\n});`,
          at: 'status(400)',
          message: /^400 Bad Request for a record that already exists: respond 409 Conflict\. An existing record was found \(`existing`\)/,
          fixes: ['Respond 409 Conflict'],
          output: `router.post('/', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) {\n    return res.status(409).json({ error: 'Email already registered' });\n  }\n  res.status(201).location('/users/1').json(await User.create(req.body));\n});`,
        },
        {
          name: 'Koa: a lookup in the condition itself',
          errors: [{ messageId: 'conflict', line: 4, column: 18, endColumn: 21 }],
          code: `router.post('/', async (ctx) => {\n  const { email } = ctx.request.body;\n  if (await User.findOne({ where: { email } })) {\n    ctx.status = 400;\n    ctx.body = { error: 'email taken' };\n    return;\n  }\n  ctx.status = 201;\n  ctx.set('Location', '/users/1');\n  ctx.body = await User.create(ctx.request.body);\n});`,
          file: 'users.js',
          at: 'ctx.status = 400',
        },
        {
          name: 'Fastify: 422 with an "already exists" message',
          errors: [{ messageId: 'conflict', line: 5, column: 23, endColumn: 26 }],
          code: `fastify.post('/users/invite', async (request, reply) => {\n  const { email } = request.body;\n  const found = await users.findByEmail(email);\n  if (found) {\n    return reply.code(422).send({ error: 'A user with this email already exists' });\n  }\n  return reply.code(201).header('Location', '/invites/1').send(await users.invite(email));\n});`,
          file: 'users.js',
        },
        {
          name: 'Nest service (no route): BadRequestException for a registered email',
          errors: [{ messageId: 'conflict', line: 7, column: 17, endColumn: 36 }],
          code: `import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  async create(dto: CreateUserDto) {\n    const existing = await this.users.findOneBy({ email: dto.email });\n    if (existing) {\n      throw new BadRequestException('Email already registered');\n    }\n    return this.users.save(this.users.create(dto));\n  }\n}`,
          file: 'users.service.ts',
          at: 'new BadRequestException',
          output: `import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  async create(dto: CreateUserDto) {\n    const existing = await this.users.findOneBy({ email: dto.email });\n    if (existing) {\n      throw new ConflictException('Email already registered');\n    }\n    return this.users.save(this.users.create(dto));\n  }\n}`,
        },
        {
          name: 'Hono: username taken answered 422',
          errors: [{ messageId: 'conflict', line: 4, column: 59, endColumn: 62 }],
          code: `users.post('/', async (c) => {\n  const input = c.req.valid('json');\n  if (await db.users.byUsername(input.username)) {\n    return c.json({ error: 'Username is already taken' }, 422);\n  }\n  return c.json(await db.users.insert(input), 201, { Location: '/users/1' });\n});`,
          file: 'users.ts',
          at: '422)',
        },
        {
          name: 'http-errors: createError(400) with an "already registered" message',
          errors: [{ messageId: 'conflict', line: 5, column: 29, endColumn: 32 }],
          code: `import createError from 'http-errors';\nrouter.post('/users', async (req, res, next) => {\n  const existing = await User.findOne({ where: { email: req.body.email } });\n  if (existing) {\n    return next(createError(400, 'Email already registered'));\n  }\n  res.status(201).location('/users/1').json(await User.create(req.body));\n});`,
          at: 'createError(400',
        },
        {
          name: 'Mongo duplicate key caught and answered 500',
          errors: [{ messageId: 'conflict', line: 6, column: 25, endColumn: 28 }],
          code: `router.post('/tags', async (req, res) => {\n  try {\n    res.status(201).location('/tags/1').json(await Tag.create(req.body));\n  } catch (err) {\n    if (err.code === 11000) {\n      return res.status(500).json({ error: 'Could not save tag' });\n    }\n    throw err;\n  }\n});`,
          message: /unique-constraint violation/,
        },
        {
          name: 'Prisma P2002 answered 400',
          errors: [{ messageId: 'conflict', line: 6, column: 25, endColumn: 28 }],
          code: `app.post('/accounts', async (req: Request, res: Response) => {\n  try {\n    res.status(201).location('/accounts/1').json(await prisma.account.create({ data: req.body }));\n  } catch (err) {\n    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {\n      return res.status(400).json({ error: 'Handle in use' });\n    }\n    throw err;\n  }\n});`,
          file: 'accounts.ts',
        },
        {
          name: 'Next.js: already subscribed answered 400',
          errors: [{ messageId: 'conflict', line: 5, column: 81, endColumn: 84 }],
          code: `export async function POST(request) {\n  const { email } = await request.json();\n  const existing = await subscribers.findByEmail(email);\n  if (existing) {\n    return NextResponse.json({ error: 'You are already subscribed' }, { status: 400 });\n  }\n  return NextResponse.json(await subscribers.add(email), { status: 201, headers: { Location: '/subscribers/1' } });\n}`,
          file: 'app/api/newsletter/route.js',
          at: 'status: 400',
        },
      ],
    },
    t,
  ));

// Duplicates computed from the request itself clash with nothing stored: 400 is right.
test('conflict-should-be-409: duplicates within the request', (t) =>
  checkRule(
    'conflict-should-be-409',
    {
      valid: [
        {
          code: `import { BadRequestException } from '@nestjs/common';\nexport class UpsertWorkflow {\n  validateSteps(steps) {\n    const seen = new Set();\n    const duplicateStepIds = new Set();\n    steps.forEach((s) => (seen.has(s.stepId) ? duplicateStepIds.add(s.stepId) : seen.add(s.stepId)));\n    if (duplicateStepIds.size > 0) {\n      throw new BadRequestException(\`Duplicate stepIds: \${[...duplicateStepIds].join(', ')}\`);\n    }\n    return steps;\n  }\n}`,
          file: 'upsert-workflow.usecase.ts',
        },
        {
          code: `const normalizeModels = (ctx) => {\n  const models = normalizeIds(ctx.action.params.values.models);\n  const issue = getModelIdIssues(models)[0];\n  if (issue) {\n    ctx.throw(400, { code: issue.type, message: ctx.t(issue.type === 'required' ? 'Model ID is required' : 'Model ID already exists') });\n  }\n};`,
          file: 'llm-services.ts',
        },
        {
          code: `export async function send(ctx, next) {\n  const forbiddenKeys = getForbiddenTargetKeys(ctx.request.body.options);\n  if (forbiddenKeys.length) {\n    return ctx.throw(400, ctx.t('Runtime options cannot override the request target'));\n  }\n  await next();\n}`,
          file: 'send.ts',
        },
      ],
      invalid: [
        {
          name: 'a duplicate found in the store is still a conflict',
          errors: [{ messageId: 'conflict', line: 3, column: 32, endColumn: 35 }],
          code: `router.post('/models', async (ctx) => {\n  const existingModel = await Models.findOne({ where: { modelId: ctx.request.body.modelId } });\n  if (existingModel) ctx.throw(400, 'Model ID is taken');\n  ctx.status = 201;\n});`,
          file: 'models.ts',
          at: 'ctx.throw(400',
        },
      ],
    },
    t,
  ));
