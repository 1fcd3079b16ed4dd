import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, checkRule, findingsOf } from '../../helpers/analysis.mjs';

/** The text after applying the finding's only fix, for the non-preferred Location fixes. */
function fixed(code, file = 'handler.js') {
  const [finding] = findingsOf(code, 'created-without-location', { file });
  assert.ok(finding, `expected a finding in\n${code}`);
  assert.equal(finding.fixes.length, 1, `expected one fix, got ${finding.fixes.map((f) => f.title).join(' | ')}`);
  assert.equal(finding.fixes[0].isPreferred, undefined, 'the Location guess must not be applied by fix-all');
  return api.applyEdits(code, finding.fixes[0].edits);
}

function noFix(code, file = 'handler.js') {
  const [finding] = findingsOf(code, 'created-without-location', { file });
  assert.ok(finding, `expected a finding in\n${code}`);
  assert.deepEqual(finding.fixes, []);
}

test('created-without-location', (t) =>
  checkRule(
    'created-without-location',
    {
      valid: [
        `router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).location(\`/users/\${user.id}\`).json(user);\n});`,
        `router.post('/uploads', async (req, res) => {\n  const record = await Upload.create(req.body);\n  res.set('Location', \`/uploads/\${record.id}\`);\n  res.status(201).json({ id: record.id });\n});`,
        // Koa sends at the end: a Location set after the status counts.
        {
          code: `router.post('/', async (ctx) => {\n  const order = await orders.place(ctx.request.body);\n  ctx.status = 201;\n  ctx.set('Location', \`/orders/\${order.id}\`);\n  ctx.body = order;\n});`,
          file: 'orders.ts',
        },
        {
          code: `users.post('/', async (c) => {\n  const user = await db.users.insert(await c.req.json());\n  return c.json(user, 201, { Location: \`/users/\${user.id}\` });\n});`,
          file: 'users.ts',
        },
        {
          code: `export async function POST(request: Request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201, headers: { Location: \`/api/users/\${user.id}\` } });\n}`,
          file: 'app/api/users/route.ts',
        },
        {
          code: `fastify.post('/users', async (request, reply) => {\n  const user = await users.insert(request.body);\n  reply.code(201).header('Location', \`/users/\${user.id}\`);\n  return user;\n});`,
          file: 'users.js',
        },
        `async function putUploadWithLocation(req, res) {\n  const id = randomUUID();\n  res.statusCode = 201;\n  res.setHeader('Location', \`/files/\${id}\`);\n  res.end(JSON.stringify({ id }));\n}`,
        // NestJS's implicit 201 for @Post() is the framework's default, not the author's choice.
        {
          code: `import { Body, Controller, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto) {\n    return this.users.create(dto);\n  }\n}`,
          file: 'users.controller.ts',
        },
        // PUT to the resource's own URL: the request URL identifies it.
        `router.put('/users/:id', async (req, res) => {\n  const user = await User.upsert({ id: req.params.id, ...req.body });\n  res.status(201).json(user);\n});`,
        `function putUpload(req, res, id) {\n  save(req, id);\n  res.writeHead(201);\n  res.end();\n}\ncreateServer((req, res) => {\n  if (req.method === 'PUT') return putUpload(req, res, req.url.slice(9));\n}).listen(5000);`,
        // Set through another name for the response.
        `router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  const out = res;\n  out.location(\`/users/\${user.id}\`);\n  res.status(201).json(user);\n});`,
        // The response goes to a helper.
        `router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201);\n  return respond(res, user);\n});`,
        // A batch of relations: one row per id of the body, no single new resource for Location to name.
        {
          code: `router.post('/teams/:id/members', async (ctx) => {\n  const { memberIds } = ctx.request.body;\n  await insertTeamMembers(memberIds.map((memberId) => ({ teamId: ctx.params.id, memberId })));\n  ctx.status = 201;\n});`,
          file: 'teams.ts',
        },
        `router.post('/groups/:groupId/users', async (req, res) => {\n  const { userIds } = req.body;\n  await memberships.insert(...(userIds?.map((userId) => ({ groupId: req.params.groupId, userId })) ?? []));\n  res.status(201).json({ userIds });\n});`,
        `router.post('/projects/:id/labels', async (req, res) => {\n  const labels = await Promise.all(req.body.names.map((name) => Label.create({ projectId: req.params.id, name })));\n  res.status(201).json(labels);\n});`,
        `router.post('/tags/batch', async (req, res) => {\n  const created = await importer.run(req.body);\n  res.status(201).json(created);\n});`,
        `router.post('/tags/import', async (req, res) => {\n  const created = await Tag.bulkCreate(req.body);\n  res.status(201).json(created);\n});`,
        // Account and sign-in actions: nothing addressable is created.
        {
          code: `app.post('/forgot-password', async (c) => {\n  await mailer.sendReset((await c.req.json()).email);\n  return c.text('OK', 201);\n});`,
          file: 'auth.ts',
        },
        { code: `app.post('/2fa/disable', async (c) => {\n  await twoFactor.disable(c.get('user'));\n  return c.text('OK', 201);\n});`, file: 'auth.ts' },
        { code: `app.post('/sign-in', async (c) => {\n  await startSession(c, await c.req.json());\n  return c.text('', 201);\n});`, file: 'auth.ts' },
        {
          code: `export class AccountController {\n  async resendVerificationEmail(req: Request, res: Response) {\n    const data = await this.accounts.resendVerification(req.body);\n    return res.status(StatusCodes.CREATED).json(data);\n  }\n}`,
          file: 'account.controller.ts',
        },
        // A short-lived proof or token handed out by value, with no id to address it by.
        {
          code: `router.post('/verifications', async (ctx) => {\n  const record = await verifications.insert(ctx.request.body);\n  ctx.body = { verificationRecordId: record.id, expiresAt: record.expiresAt };\n  ctx.status = 201;\n});`,
          file: 'verifications.ts',
        },
        // OAuth dynamic client registration (RFC 7591): the body carries the client's own configuration URI.
        {
          code: `router.post('/register', async (ctx) => {\n  const { client_name, redirect_uris } = ctx.request.body;\n  const client = await OAuthClient.create({ name: client_name, redirectUris: redirect_uris });\n  ctx.status = 201;\n  ctx.body = presentClient(client);\n});`,
          file: 'oauth.ts',
        },
        // PUT to a singleton sub-resource, and POST to the new resource's own URL: the request URL names it.
        {
          code: `router.put('/applications/:applicationId/branding', async (ctx) => {\n  ctx.body = await brandings.insert({ ...ctx.request.body, applicationId: ctx.params.applicationId });\n  ctx.status = 201;\n});`,
          file: 'branding.ts',
        },
        {
          code: `fastify.post('/tenants/:tenantId', async (request, reply) => {\n  await tenants.insert({ id: request.params.tenantId, ...request.body });\n  reply.code(201).send();\n});`,
          file: 'tenants.js',
        },
      ],
      invalid: [
        {
          name: 'Express: POST /addresses with a created record',
          errors: [{ messageId: 'missingLocation', line: 3, column: 14, endColumn: 17 }],
          code: `router.post('/addresses', async (req, res) => {\n  const address = await Address.create({ ...req.body, userId: req.user.id });\n  res.status(201).json(address);\n});`,
          at: 'status(201)',
          fixes: ['Add Location: `/addresses/${address.id}`'],
          message:
            /^201 Created without Location: set Location to the new resource's URL\. A POST that creates something SHOULD say where it is \(RFC 9110 §9\.3\.3\)/,
        },
        {
          name: 'Express: id read from the body object',
          errors: [{ messageId: 'missingLocation', line: 3, column: 14, endColumn: 17 }],
          code: `router.post('/accounts', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json({ id: user._id, email: user.email });\n});`,
          fixes: ['Add Location: `/accounts/${user._id}`'],
        },
        {
          name: 'Koa: nested collection with a path parameter',
          errors: [{ messageId: 'missingLocation', line: 4, column: 16, endColumn: 19 }],
          code: `router.post('/users/:id/addresses', async (ctx) => {\n  const user = await User.findByPk(ctx.params.id);\n  const address = await user.createAddress(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = address;\n});`,
          file: 'users.js',
          at: 'ctx.status = 201',
        },
        {
          name: 'Hono c.status(201)',
          errors: [{ messageId: 'missingLocation', line: 3, column: 12, endColumn: 15 }],
          code: `app.post('/posts', async (c) => {\n  const post = await posts.create(await c.req.json());\n  c.status(201);\n  return c.json(post);\n});`,
          file: 'posts.ts',
          at: 'c.status(201)',
        },
        {
          name: 'Fastify: not a create call, no guess',
          errors: [{ messageId: 'missingLocation', line: 3, column: 21, endColumn: 24 }],
          code: `fastify.post('/users/invite', async (request, reply) => {\n  const invite = await users.invite(request.body.email);\n  return reply.code(201).send(invite);\n});`,
          file: 'users.js',
          fixes: [],
        },
        {
          name: 'Next.js app router',
          errors: [{ messageId: 'missingLocation', line: 3, column: 46, endColumn: 49 }],
          code: `export async function POST(request: Request) {\n  const record = await db.upload.create({ data: await request.json() });\n  return NextResponse.json(record, { status: 201 });\n}`,
          file: 'app/api/uploads/route.ts',
        },
        {
          name: 'node:http writeHead(201)',
          errors: [{ messageId: 'missingLocation', line: 4, column: 17, endColumn: 20 }],
          code: `async function putUpload(req, res) {\n  const id = randomUUID();\n  await save(req, id);\n  res.writeHead(201, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ id }));\n}`,
          at: 'writeHead(201',
        },
        {
          name: 'NestJS with @Res()',
          errors: [{ messageId: 'missingLocation', line: 7, column: 16, endColumn: 34 }],
          code: `import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';\n@Controller('legacy')\nexport class LegacyController {\n  @Post('customers')\n  async createCustomer(@Body() body, @Res() res) {\n    const customer = await this.legacy.createCustomer(body);\n    res.status(HttpStatus.CREATED).json(customer);\n  }\n}`,
          file: 'legacy.controller.ts',
          at: 'HttpStatus.CREATED',
        },
        {
          name: 'PUT to a collection creates elsewhere: reported',
          errors: [{ messageId: 'missingLocation', line: 3, column: 14, endColumn: 17 }],
          code: `router.put('/uploads', async (req, res) => {\n  const upload = await Upload.create(req.body);\n  res.status(201).json(upload);\n});`,
          at: 'status(201)',
        },
        {
          name: 'node:http PUT handler with a server-made id',
          errors: [{ messageId: 'missingLocation', line: 3, column: 17, endColumn: 20 }],
          code: `async function putUpload(req, res) {\n  const id = randomUUID();\n  res.writeHead(201, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ id }));\n}\ncreateServer((req, res) => {\n  if (req.url === '/uploads' && req.method === 'PUT') return putUpload(req, res);\n}).listen(5000);`,
          at: 'writeHead(201',
        },
        {
          name: 'an action route, not a collection: no guess',
          errors: [{ messageId: 'missingLocation', line: 3, column: 14, endColumn: 17 }],
          code: `router.post('/products/:id/duplicate', async (req, res) => {\n  const copy = await Product.create({ ...req.body });\n  res.status(201).json(copy);\n});`,
        },
        {
          name: 'one record created, its relations mapped from ids: still one new resource',
          errors: [{ messageId: 'missingLocation', line: 4, column: 14, endColumn: 17 }],
          code: `router.post('/roles', async (req, res) => {\n  const role = await Role.create(req.body);\n  await insertRoleScopes(req.body.scopeIds.map((scopeId) => ({ roleId: role.id, scopeId })));\n  res.status(201).json(role);\n});`,
          at: 'status(201)',
        },
        {
          name: 'a collection named after an action word is still a collection',
          errors: [{ messageId: 'missingLocation', line: 3, column: 14, endColumn: 17 }],
          code: `router.post('/login-methods', async (req, res) => {\n  const method = await LoginMethod.create(req.body);\n  res.status(201).json(method);\n});`,
          at: 'status(201)',
        },
        {
          name: 'registration creates a user: reported',
          errors: [{ messageId: 'missingLocation', line: 4, column: 23, endColumn: 42 }],
          code: `export class AccountController {\n  async register(req: Request, res: Response) {\n    const data = await this.accounts.register(req.body);\n    return res.status(StatusCodes.CREATED).json(data);\n  }\n}`,
          file: 'account.controller.ts',
          at: 'StatusCodes.CREATED',
        },
        {
          name: 'an API key with an id and an expiry has a URL of its own',
          errors: [{ messageId: 'missingLocation', line: 4, column: 16, endColumn: 19 }],
          code: `router.post('/api-keys', async (ctx) => {\n  const key = await apiKeys.insert(ctx.request.body);\n  ctx.body = { id: key.id, secret: key.secret, expiresAt: key.expiresAt };\n  ctx.status = 201;\n});`,
          file: 'keys.ts',
          at: 'ctx.status = 201',
        },
        {
          name: 'PUT to a collection path (plural) is reported',
          errors: [{ messageId: 'missingLocation', line: 3, column: 16, endColumn: 19 }],
          code: `router.put('/applications/:id/secrets', async (ctx) => {\n  ctx.body = await secrets.insert(ctx.request.body);\n  ctx.status = 201;\n});`,
          file: 'secrets.ts',
          at: 'ctx.status = 201',
        },
      ],
    },
    t,
  ));

test('created-without-location: the Location fix per framework', () => {
  assert.equal(
    fixed(`router.post('/addresses', async (req, res) => {\n  const address = await Address.create(req.body);\n  res.status(201).json(address);\n});`),
    `router.post('/addresses', async (req, res) => {\n  const address = await Address.create(req.body);\n  res.status(201).set('Location', \`/addresses/\${address.id}\`).json(address);\n});`,
  );
  assert.equal(
    fixed(
      `router.post('/users/:id/addresses', async (ctx) => {\n  const address = await Address.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = address;\n});`,
      'users.js',
    ),
    `router.post('/users/:id/addresses', async (ctx) => {\n  const address = await Address.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.set('Location', \`/users/\${ctx.params.id}/addresses/\${address.id}\`);\n  ctx.body = address;\n});`,
  );
  assert.equal(
    fixed(
      `app.post('/posts', async (c) => {\n  const post = await posts.create(await c.req.json());\n  c.status(201);\n  return c.json(post);\n});`,
      'posts.ts',
    ),
    `app.post('/posts', async (c) => {\n  const post = await posts.create(await c.req.json());\n  c.header('Location', \`/posts/\${post.id}\`);\n  c.status(201);\n  return c.json(post);\n});`,
  );
  assert.equal(
    fixed(
      `export async function POST(request: Request) {\n  const record = await db.upload.create({ data: {} });\n  return NextResponse.json(record, { status: 201 });\n}`,
      'app/api/uploads/route.ts',
    ),
    `export async function POST(request: Request) {\n  const record = await db.upload.create({ data: {} });\n  return NextResponse.json(record, { status: 201, headers: { Location: \`/api/uploads/\${record.id}\` } });\n}`,
  );
  // The id the handler already uses wins over a guessed `.id`.
  assert.match(
    fixed(`router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  log(user._id);\n  res.status(201).json(user);\n});`),
    /`\/users\/\$\{user\._id\}`/,
  );
  noFix(
    `router.post('/products/:id/duplicate', async (req, res) => {\n  const copy = await Product.create({ ...req.body });\n  res.status(201).json(copy);\n});`,
  );
  noFix(
    `fastify.post('/users/invite', async (request, reply) => {\n  const invite = await users.invite(request.body.email);\n  return reply.code(201).send(invite);\n});`,
    'users.js',
  );
  // Not a create call: the id may not name a resource.
  noFix(`router.post('/invites', async (req, res) => {\n  const invite = await users.invite(req.body.email);\n  res.status(201).json(invite);\n});`);
  // A router's root path: the mount prefix is elsewhere.
  noFix(`router.post('/', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n});`);
});
