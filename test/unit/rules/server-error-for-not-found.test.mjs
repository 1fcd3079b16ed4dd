import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('server-error-for-not-found', (t) =>
  checkRule(
    'server-error-for-not-found',
    {
      valid: [
        // A miss answered 404, with a "not found" message: fine.
        `router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ message: 'User not found' });\n  res.json(user);\n});`,
        // The server's own configuration missing is a server fault.
        `app.get('/pricing', async (req, res) => {\n  const settings = await Settings.findOne({ key: 'pricing' });\n  if (!settings) return res.status(500).json({ error: 'Pricing configuration not found' });\n  res.json(settings.value);\n});`,
        // A catch-all 500 is right for an unknown error, whatever its message says (another rule looks at catch-alls).
        `app.get('/orders/:id', async (req, res) => {\n  try {\n    res.json(await orders.get(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'Something went wrong' });\n  }\n});`,
        // A missing connection is a server condition, whatever the message says.
        `app.get('/report', async (req, res) => {\n  const conn = await pool.getConnection();\n  if (!conn) return res.status(503).json({ error: 'Database not found' });\n  res.json(await conn.query('SELECT 1'));\n});`,
        // A catch-all whose message claims "not found" may be hiding an outage: client-error-for-server-fault's concern.
        `app.get('/orders/:id', async (req, res) => {\n  try {\n    res.json(await orders.get(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'Order not found or unavailable' });\n  }\n});`,
        // The lookup found the record: the 500 is about something else.
        `app.post('/users/:id/avatar', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (user) {\n    return res.status(500).json({ error: 'Avatar service unavailable' });\n  }\n  res.sendStatus(404);\n});`,
        // Only a fallback for the error's own status.
        `app.use((err, req, res, next) => {\n  res.status(err.statusCode ?? 500).json({ error: 'Not found or failed' });\n});`,
        // A "not found" error re-thrown as 404 in a narrowed catch.
        {
          code: `router.get('/files/:key', async (ctx) => {\n  try {\n    ctx.body = await fs.readFile(path.join(ROOT, ctx.params.key));\n  } catch (err) {\n    if (err.code === 'ENOENT') {\n      ctx.status = 404;\n      return;\n    }\n    ctx.status = 500;\n  }\n});`,
          file: 'files.mjs',
        },
        // @fastify/sensible: the miss answered with reply.notFound is right.
        `fastify.get('/catalog/:sku', async (request, reply) => {\n  const item = await fastify.catalog.bySku(request.params.sku);\n  if (!item) return reply.notFound('No such product');\n  return item;\n});`,
        // Next: 503 while a replica is missing is a server condition, and the message has no "not found".
        {
          code: `export async function GET() {\n  const replica = pickReplica();\n  if (!replica) return NextResponse.json({ error: 'No healthy replica' }, { status: 503 });\n  return NextResponse.json(await replica.stats());\n}`,
          file: 'app/api/stats/route.ts',
        },
      ],
      invalid: [
        {
          name: 'Express: findById miss answered 500',
          errors: [{ messageId: 'notFound', line: 4, column: 23, endColumn: 26 }],
          code: `router.get('/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(500).json({ message: 'User not found' });\n  }\n  res.json(user);\n});`,
          at: 'status(500)',
          message: /^500 Internal Server Error for a record that was not found: respond 404 Not Found\. The lookup found nothing \(`!user`\)/,
          fixes: ['Respond 404 Not Found'],
          output: `router.get('/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ message: 'User not found' });\n  }\n  res.json(user);\n});`,
        },
        {
          name: 'Koa: ctx.throw(500) after findByPk',
          errors: [{ messageId: 'notFound', line: 4, column: 15, endColumn: 18 }],
          code: `router.get('/:id/avatar', async (ctx) => {\n  const user = await User.findByPk(ctx.params.id);\n  if (!user) {\n    ctx.throw(500, 'User not found');\n  }\n  ctx.body = user.avatar;\n});`,
          file: 'users.js',
          at: 'ctx.throw(500',
        },
        {
          name: 'Fastify: an update that matched nothing, said in the message',
          errors: [{ messageId: 'notFound', line: 4, column: 23, endColumn: 26 }],
          code: `fastify.put('/users/:id', async (request, reply) => {\n  const updated = await users.update(request.params.id, request.body);\n  if (!updated) {\n    return reply.code(500).send({ error: 'User not found' });\n  }\n  return updated;\n});`,
          file: 'users.js',
          message: /The response itself says "User not found"|The lookup found nothing/,
        },
        {
          name: 'Fastify + @fastify/sensible: httpErrors.internalServerError() thrown for a miss',
          errors: [{ messageId: 'notFound', line: 3, column: 39, endColumn: 58 }],
          code: `fastify.get('/users/:id', async (request, reply) => {\n  const user = await users.findById(request.params.id);\n  if (!user) throw fastify.httpErrors.internalServerError('User not found');\n  return user;\n});`,
          file: 'users.js',
          at: 'internalServerError(',
          fixes: ['Respond 404 Not Found'],
          output: `fastify.get('/users/:id', async (request, reply) => {\n  const user = await users.findById(request.params.id);\n  if (!user) throw fastify.httpErrors.notFound('User not found');\n  return user;\n});`,
        },
        {
          name: "a project's own ApiError(500) thrown for a miss",
          errors: [{ messageId: 'notFound', line: 3, column: 34, endColumn: 37 }],
          code: `export async function GET(req, { params }) {\n  const order = await orders.findById((await params).id);\n  if (!order) throw new ApiError(500, 'Order not found');\n  return Response.json(order);\n}`,
          file: 'app/api/orders/[id]/route.js',
          at: '500',
          fixes: ['Respond 404 Not Found'],
          output: `export async function GET(req, { params }) {\n  const order = await orders.findById((await params).id);\n  if (!order) throw new ApiError(404, 'Order not found');\n  return Response.json(order);\n}`,
        },
        {
          name: 'Nest service: InternalServerErrorException for a missing record',
          errors: [{ messageId: 'notFound', line: 7, column: 17, endColumn: 45 }],
          code: `import { Injectable, InternalServerErrorException, NotFoundException } from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  async update(id: string, dto: UpdateUserDto) {\n    const user = await this.users.findOneBy({ id });\n    if (!user) {\n      throw new InternalServerErrorException('User not found');\n    }\n    return this.users.save({ ...user, ...dto });\n  }\n}`,
          file: 'users.service.ts',
          at: 'new InternalServerErrorException',
          fixes: [/^Respond 404/],
        },
        {
          name: 'Next.js: NextResponse.json with status 500 for a miss',
          errors: [{ messageId: 'notFound', line: 5, column: 69, endColumn: 72 }],
          code: `export async function GET(request, { params }) {\n  const { id } = await params;\n  const user = await prisma.user.findUnique({ where: { id } });\n  if (!user) {\n    return NextResponse.json({ error: 'User not found' }, { status: 500 });\n  }\n  return NextResponse.json(user);\n}`,
          file: 'app/api/users/[id]/route.ts',
          at: 'status: 500',
        },
        {
          name: 'Boom.badImplementation with a not-found message',
          errors: [{ messageId: 'notFound', line: 5, column: 22, endColumn: 39 }],
          code: `import Boom from '@hapi/boom';\nrouter.get('/users/:id/preferences', async (req, res, next) => {\n  const prefs = await Users.preferences(req.params.id);\n  if (!prefs) {\n    return next(Boom.badImplementation('Preferences not found'));\n  }\n  res.json(prefs);\n});`,
          at: 'Boom.badImplementation',
        },
        {
          name: 'A narrowed catch that maps Prisma P2025 to 500',
          errors: [{ messageId: 'notFound', line: 7, column: 25, endColumn: 28 }],
          code: `app.delete('/posts/:id', async (req, res) => {\n  try {\n    await prisma.post.delete({ where: { id: req.params.id } });\n    res.sendStatus(204);\n  } catch (err) {\n    if (err.code === 'P2025') {\n      return res.status(500).json({ error: 'Could not delete' });\n    }\n    throw err;\n  }\n});`,
          file: 'posts.ts',
          message: /The error caught means "not found"/,
        },
        {
          name: 'Hono: D1 first() returned nothing',
          errors: [{ messageId: 'notFound', line: 3, column: 61, endColumn: 64 }],
          code: `app.get('/invoices/:id', async (c) => {\n  const invoice = await c.env.DB.prepare('SELECT * FROM invoices WHERE id = ?').bind(c.req.param('id')).first();\n  if (!invoice) return c.json({ error: 'Invoice missing' }, 500);\n  return c.json(invoice);\n});`,
          file: 'invoices.ts',
          at: '500)',
        },
        {
          name: "Fastify with @fastify/sensible: reply.internalServerError('Price not found'); the fix calls reply.notFound",
          errors: [{ messageId: 'notFound', line: 4, column: 18, endColumn: 37 }],
          code: `fastify.get('/catalog/:sku/price', async (request, reply) => {\n  const price = await fastify.pricing.current(request.params.sku);\n  if (!price) {\n    return reply.internalServerError('Price not found');\n  }\n  return price;\n});`,
          at: 'internalServerError',
          output: `fastify.get('/catalog/:sku/price', async (request, reply) => {\n  const price = await fastify.pricing.current(request.params.sku);\n  if (!price) {\n    return reply.notFound('Price not found');\n  }\n  return price;\n});`,
        },
        {
          name: 'node:http callback: the message says it',
          errors: [{ messageId: 'notFound', line: 5, column: 21, endColumn: 24 }],
          code: `const http = require('http');\nfunction handleAccount(req, res, id) {\n  store.findAccount(id, (err, account) => {\n    if (!account) {\n      res.writeHead(500, { 'Content-Type': 'text/plain' });\n      res.end('No such account');\n      return;\n    }\n    res.end(JSON.stringify(account));\n  });\n}`,
          at: 'writeHead(500',
        },
      ],
    },
    t,
  ));

// Shapes seen on real back ends where the 5xx is the server's fault, and one where it is not.
test('server-error-for-not-found: misses the server owns stay 5xx', (t) =>
  checkRule(
    'server-error-for-not-found',
    {
      valid: [
        // The branch logs an error first: the author counts the missing row as the server's failure.
        {
          code: `import { InternalServerErrorException, Logger } from '@nestjs/common';\nexport class RateLimits {\n  async limitFor(environmentId: string) {\n    const environment = await this.environments.findOne({ _id: environmentId });\n    if (!environment) {\n      Logger.error(\`Environment \${environmentId} not found\`, 'RateLimits');\n      throw new InternalServerErrorException('Environment not found');\n    }\n    return environment.limits;\n  }\n}`,
          file: 'limits.service.ts',
        },
        // The same key was answered 404 above: a delete that then reports false failed on the server's side.
        {
          code: `export async function removeKey(req, res, keyId) {\n  const key = await prisma.apiKey.findFirst({ where: { id: keyId } });\n  if (!key) return res.status(404).json({ error: 'API key not found' });\n  const deleted = await keys.deleteKey(keyId);\n  if (!deleted) return res.status(500).json({ error: 'Failed to delete API key' });\n  res.status(204).end();\n}`,
          file: 'pages/api/keys/[id].ts',
        },
        // The thing missing is the server's own: a secret nobody generated yet.
        {
          code: `router.post('/hooks/:flowId', async (req, res) => {\n  const secret = await flows.getWebhookSecret(req.params.flowId);\n  if (!secret) throw new ApiError(500, 'Signature checks are on but no secret was generated');\n  res.json(await flows.run(req.params.flowId, req.body));\n});`,
        },
        // A helper walking a stored graph, far from any request: "not found" there is about the server's data.
        {
          code: `export function endingNodes(graph) {\n  const ends = graph.nodes.filter((n) => n.isEnd);\n  if (ends.length === 0) throw new ApiError(500, 'Ending nodes not found');\n  return ends;\n}`,
          file: 'graph.ts',
        },
        // No lookup at all: the user the auth layer should have set is absent.
        {
          code: `import { InternalServerErrorException } from '@nestjs/common';\nexport class Idempotency {\n  cacheKey(context: ExecutionContext) {\n    const user = this.getReqUser(context);\n    if (user === undefined) {\n      throw new InternalServerErrorException('Cannot build the key without a user');\n    }\n    return user.id;\n  }\n}`,
          file: 'idempotency.interceptor.ts',
        },
        // An asset missing from another service's answer: the upstream's, a 502 is right.
        {
          code: `app.get('/update', async (c) => {\n  const res = await fetch(RELEASES_URL);\n  const release = await res.json();\n  const asset = release.assets.find((a) => a.name === 'latest.json');\n  if (!asset) return c.json({ error: 'No latest.json asset found in release' }, 502);\n  return c.json(asset);\n});`,
          file: 'desktop.ts',
        },
        // Koa: ctx.throw of the app's own 400 error keeps its status.
        {
          code: `export async function multipart(ctx, next) {\n  const file = await Files.findOne({ key: ctx.params.key });\n  if (!file) ctx.throw(InvalidRequestError('Request must include a file parameter'));\n  await next();\n}`,
          file: 'multipart.js',
        },
      ],
      invalid: [
        {
          name: 'an earlier 404 for another key does not excuse a later miss by a key from the request',
          errors: [{ messageId: 'notFound', line: 5, column: 35, endColumn: 38 }],
          code: `export async function deleteLoader(storeId, docId) {\n  const store = await stores.findOneBy({ id: storeId });\n  if (!store) throw new ApiError(404, \`Store \${storeId} not found\`);\n  const loader = store.loaders.find((l) => l.id === docId);\n  if (!loader) throw new ApiError(500, \`Unable to locate loader \${docId}\`);\n  return stores.removeLoader(store, loader);\n}`,
          file: 'stores.service.ts',
          at: 'ApiError(500',
          fixes: ['Respond 404 Not Found'],
        },
      ],
    },
    t,
  ));

// A 404 thrown inside a try whose catch answers every error with a 500: the client gets the 500.
test('server-error-for-not-found: a 404 swallowed by a catch-all 500', (t) =>
  checkRule(
    'server-error-for-not-found',
    {
      valid: [
        // The catch rethrows the errors that carry a status.
        `export const getExecution = async (id) => {\n  try {\n    const execution = await executions.findOne({ where: { id } });\n    if (!execution) throw new ApiError(404, \`Execution \${id} not found\`);\n    return execution;\n  } catch (error) {\n    if (error instanceof ApiError) throw error;\n    throw new ApiError(500, 'Could not read the execution');\n  }\n};`,
        // Handed to next(), not thrown: the catch never sees it.
        `router.get('/orders/:id', async (req, res, next) => {\n  try {\n    const order = await orders.get(req.params.id);\n    if (!order) return next(createError(404));\n    res.json(order);\n  } catch (err) {\n    next(createError(500));\n  }\n});`,
        // The catch passes every error on.
        `export const getExecution = async (id) => {\n  try {\n    const execution = await executions.findOne({ where: { id } });\n    if (!execution) throw new ApiError(404, 'Execution not found');\n    return execution;\n  } catch (error) {\n    logger.error(error);\n    throw error;\n  }\n};`,
      ],
      invalid: [
        {
          name: 'a service whose catch rewraps everything as 500',
          errors: [{ messageId: 'swallowed', line: 5, column: 26, endColumn: 29 }],
          code: `export const getExecution = async (id) => {\n  try {\n    const execution = await executions.findOne({ where: { id } });\n    if (!execution) {\n      throw new ApiError(404, \`Execution \${id} not found\`);\n    }\n    return execution;\n  } catch (error) {\n    throw new ApiError(500, \`executions.get - \${getErrorMessage(error)}\`);\n  }\n};`,
          file: 'executions.ts',
          at: 'ApiError(404',
          message: /^404 thrown into a catch \(line 8\) that answers every error 500: rethrow it from the catch\./,
          fixes: ['Rethrow ApiError from the catch'],
        },
        {
          name: 'Nest: a bare catch turns the NotFound HttpException into a 500',
          errors: [{ messageId: 'swallowed', line: 9, column: 46, endColumn: 66 }],
          code: `import { Controller, Delete, HttpException, HttpStatus, Param } from '@nestjs/common';\n@Controller('benchmarks')\nexport class BenchmarksController {\n  @Delete(':symbol')\n  async remove(@Param('symbol') symbol: string) {\n    try {\n      const removed = await this.benchmarks.remove(symbol);\n      if (!removed) {\n        throw new HttpException('Not Found', HttpStatus.NOT_FOUND);\n      }\n      return removed;\n    } catch {\n      throw new HttpException('Internal Server Error', HttpStatus.INTERNAL_SERVER_ERROR);\n    }\n  }\n}`,
          file: 'benchmarks.controller.ts',
          at: 'HttpStatus.NOT_FOUND',
        },
      ],
    },
    t,
  ));

// What the swallowed 404 tested: a record the caller asked for, or something else.
test('server-error-for-not-found: a swallowed 404 only for a lookup the caller chose', (t) =>
  checkRule(
    'server-error-for-not-found',
    {
      valid: [
        // The catch hands the app's own errors to a helper that rethrows them: the 404 gets out.
        {
          code: `const getStore = async (storeId) => {\n  try {\n    const store = await repo.findOneBy({ id: storeId });\n    if (!store) throw new AppError(404, 'Store not found');\n    return store;\n  } catch (error) {\n    rethrowIfAppError(error);\n    throw new AppError(500, 'Could not read the store');\n  }\n};`,
          file: 'stores.service.ts',
        },
        // A delete answers a result object, never nothing: the 404 never fires.
        {
          code: `const deleteKey = async (id) => {\n  try {\n    const result = await repo.delete({ id });\n    if (!result) throw new AppError(404, 'Key not found');\n    return result;\n  } catch (error) {\n    throw new AppError(500, 'Could not delete the key');\n  }\n};`,
          file: 'keys.service.ts',
        },
        // A part missing inside a record that was found is stored data, not a lookup.
        {
          code: `const openAiClient = async (credentialId) => {\n  try {\n    const credential = await repo.findOneBy({ id: credentialId });\n    if (!credential) throw new AppError(404, 'Credential not found');\n    const data = await decrypt(credential.encryptedData);\n    const apiKey = data['openAIApiKey'];\n    if (!apiKey) throw new AppError(404, 'API key not found');\n    return new OpenAI({ apiKey });\n  } catch (error) {\n    if (error instanceof AppError) throw error;\n    throw new AppError(500, 'Could not build the client');\n  }\n};`,
          file: 'openai.service.ts',
        },
        // The server's own file: nothing the caller sent is looked up.
        {
          code: `const getVersion = async () => {\n  try {\n    const packageJsonPath = findPackageJson();\n    if (!packageJsonPath) throw new AppError(404, 'Version not found');\n    return JSON.parse(await fs.readFile(packageJsonPath, 'utf8')).version;\n  } catch (error) {\n    throw new AppError(500, 'Could not read the version');\n  }\n};`,
          file: 'version.service.ts',
        },
      ],
      invalid: [
        {
          name: 'a record looked up with a query built from the inputs',
          errors: [{ messageId: 'swallowed', line: 5, column: 40, endColumn: 43 }],
          code: `const getExecution = async (executionId, workspaceId) => {\n  try {\n    const where = { id: executionId, workspaceId };\n    const execution = await repo.findOne({ where });\n    if (!execution) throw new AppError(404, 'Execution not found');\n    return execution;\n  } catch (error) {\n    throw new AppError(500, 'Could not read the execution');\n  }\n};`,
          file: 'executions.service.ts',
          at: 'new AppError(404',
        },
        {
          name: 'an empty list of what the caller named',
          errors: [{ messageId: 'swallowed', line: 4, column: 45, endColumn: 48 }],
          code: `const getChunks = async (storeId) => {\n  try {\n    const chunks = await repo.findBy({ storeId });\n    if (!chunks?.length) throw new AppError(404, 'Chunks not found');\n    return chunks;\n  } catch (error) {\n    throw new AppError(500, 'Could not read the chunks');\n  }\n};`,
          file: 'chunks.service.ts',
          at: 'new AppError(404',
        },
        {
          name: 'Array.find with the caller’s id, then each name of a list the caller sent',
          errors: [{ messageId: 'swallowed', line: 5, column: 36, endColumn: 39 }],
          code: `const getLoader = async (store, loaderId) => {\n  try {\n    let found;\n    found = store.loaders.find((l) => l.id === loaderId);\n    if (!found) throw new AppError(404, 'Loader not found');\n    return found;\n  } catch (error) {\n    throw new AppError(500, 'Could not read the loader');\n  }\n};`,
          file: 'loaders.service.ts',
          at: 'new AppError(404',
        },
      ],
    },
    t,
  ));

// A record looked up by the request's id and used unchecked inside a try whose catch answers 500.
test('server-error-for-not-found: a lookup used without a check, its TypeError answered 500', (t) =>
  checkRule(
    'server-error-for-not-found',
    {
      valid: [
        // Checked first.
        `app.get('/users/:id', async (req, res) => {\n  try {\n    const user = await User.findById(req.params.id);\n    if (!user) return res.status(404).json({ error: 'No such user' });\n    res.json({ name: user.name });\n  } catch (err) {\n    res.status(500).json({ error: 'Something went wrong' });\n  }\n});`,
        // Read optionally: a miss answers an empty name, not a TypeError.
        `app.get('/users/:id', async (req, res) => {\n  try {\n    const user = await User.findById(req.params.id);\n    res.json({ name: user?.name });\n  } catch (err) {\n    res.status(500).json({ error: 'Something went wrong' });\n  }\n});`,
        // Not keyed by the request: the server's own record.
        `app.get('/settings', async (req, res) => {\n  try {\n    const settings = await Settings.findOne({ key: 'global' });\n    res.json({ theme: settings.theme });\n  } catch (err) {\n    res.status(500).json({ error: 'Something went wrong' });\n  }\n});`,
        // The catch answers only what it tested.
        `app.get('/users/:id', async (req, res, next) => {\n  try {\n    const user = await User.findById(req.params.id);\n    res.json({ name: user.name });\n  } catch (err) {\n    if (!(err instanceof DatabaseError)) return next(err);\n    res.status(500).json({ error: 'Database unavailable' });\n  }\n});`,
      ],
      invalid: [
        {
          name: 'Express: findById(req.params.id), then user.name',
          code: `app.get('/users/:id', async (req, res) => {\n  try {\n    const user = await User.findById(req.params.id);\n    res.json({ name: user.name });\n  } catch (err) {\n    res.status(500).json({ error: 'Something went wrong' });\n  }\n});`,
          at: 'user.name',
          message: /^`user` used without a check: answer 404 Not Found when it is missing\. `User\.findById\(\.\.\.\)` answers null/,
        },
        {
          name: 'Next.js: prisma findUnique with the route params',
          code: `export async function GET(req, { params }) {\n  try {\n    const invoice = await prisma.invoice.findUnique({ where: { id: params.id } });\n    return NextResponse.json({ total: invoice.total });\n  } catch (error) {\n    return NextResponse.json({ error: 'Failed to load invoice' }, { status: 500 });\n  }\n}`,
          file: 'app/api/invoices/[id]/route.ts',
          at: 'invoice.total',
        },
      ],
    },
    t,
  ));
