import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('auth-status-mismatch', (t) =>
  checkRule(
    'auth-status-mismatch',
    {
      valid: [
        // A login answering 401 for bad credentials is right.
        `router.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await users.findByEmail(email);\n  if (!user || !(await user.checkPassword(password))) {\n    res.set('WWW-Authenticate', 'Bearer');\n    return res.status(401).json({ error: 'Invalid email or password' });\n  }\n  res.json({ token: sign(user) });\n});`,
        // 403 for a role check is right.
        `router.delete('/admin/users/:id', requireAuth, async (req, res) => {\n  if (req.user.role !== 'admin') {\n    return res.status(403).json({ error: 'Only administrators can delete users' });\n  }\n  res.sendStatus(204);\n});`,
        // 403 for a bad CSRF token is right.
        `app.post('/transfer', (req, res) => {\n  if (!req.body._csrf || req.body._csrf !== req.session.csrfToken) {\n    return res.status(403).json({ error: 'invalid csrf token' });\n  }\n  res.json({ ok: true });\n});`,
        // A CSRF header kept in a variable named \`token\`: 403 is right.
        `app.post('/settings', (req, res) => {\n  const token = req.headers['x-csrf-token'];\n  if (!token) return res.status(403).json({ error: 'Missing token' });\n  res.json({});\n});`,
        // 401 with no user is right.
        `function requireUser(req, res, next) {\n  if (!req.user) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in required' });\n  }\n  next();\n}`,
        // Signed in, email not verified: 403 is right.
        `function requireVerified(req, res, next) {\n  if (!req.user.emailVerified) return res.status(403).json({ error: 'Verify your email first' });\n  next();\n}`,
        // "Not signed in, or not an admin": two problems in one test, stay silent either way.
        `function requireAdmin(req, res, next) {\n  if (!req.user || req.user.role !== 'admin') return res.status(403).json({ error: 'Admins only' });\n  next();\n}`,
        // A catch around token verification that already tells expired tokens apart.
        `function auth(req, res, next) {\n  try {\n    req.user = jwt.verify(req.cookies.token, SECRET);\n    next();\n  } catch (err) {\n    if (err.name === 'TokenExpiredError') return res.status(401).json({ error: 'expired' });\n    return res.status(403).json({ error: 'bad token' });\n  }\n}`,
        // A captcha check is not authentication.
        `app.post('/contact', async (req, res) => {\n  try {\n    await recaptcha.verify(req.body.captcha);\n  } catch (err) {\n    return res.status(403).json({ error: 'captcha failed' });\n  }\n  res.sendStatus(204);\n});`,
        // A catch around verification and a database call: the 403 may come from either.
        `app.get('/docs/:id', async (req, res) => {\n  try {\n    const claims = jwt.verify(req.query.share, SECRET);\n    res.json(await Doc.findById(claims.doc));\n  } catch (err) {\n    res.status(403).json({ error: 'no access' });\n  }\n});`,
        // Koa: 401 for missing user, 403 for a role.
        {
          code: `export async function bearerOnly(ctx, next) {\n  if (!ctx.state.user) {\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.status = 401;\n    return;\n  }\n  if (ctx.state.user.role !== 'editor') ctx.throw(403, 'Editors only');\n  await next();\n}`,
          file: 'auth.mjs',
        },
      ],
      invalid: [
        {
          name: 'Express: 403 with no user signed in',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 3, column: 23, endColumn: 26 }],
          code: `function requireLogin(req, res, next) {\n  if (!req.user) {\n    return res.status(403).json({ error: 'Login required' });\n  }\n  next();\n}`,
          at: 'status(403)',
          message:
            /^403 Forbidden without valid credentials: respond 401 Unauthorized with WWW-Authenticate\. This branch runs when `!req\.user`, but 403 means signed in and not allowed/,
          fixes: ['Respond 401 Unauthorized with WWW-Authenticate: Bearer'],
          output: `function requireLogin(req, res, next) {\n  if (!req.user) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Login required' });\n  }\n  next();\n}`,
        },
        {
          name: 'Express: the header is already set, so the fix only swaps the code',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 4, column: 23, endColumn: 26 }],
          code: `function requireLogin(req, res, next) {\n  if (!req.session.userId) {\n    res.set('WWW-Authenticate', 'Cookie realm="app"');\n    return res.status(403).json({ error: 'Sign in first' });\n  }\n  next();\n}`,
          fixes: ['Respond 401 Unauthorized'],
          output: `function requireLogin(req, res, next) {\n  if (!req.session.userId) {\n    res.set('WWW-Authenticate', 'Cookie realm="app"');\n    return res.status(401).json({ error: 'Sign in first' });\n  }\n  next();\n}`,
        },
        {
          name: 'Express: 403 when token verification fails (and the scheme setting)',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 6, column: 23, endColumn: 26 }],
          code: `export function requireAuth(req, res, next) {\n  try {\n    req.user = jwt.verify(req.headers.authorization.slice(7), SECRET);\n    next();\n  } catch (err) {\n    return res.status(403).json({ error: 'Invalid or expired token' });\n  }\n}`,
          settings: { wwwAuthenticateScheme: 'Basic' },
          message:
            /^403 Forbidden when token verification fails: respond 401 Unauthorized with WWW-Authenticate\. This catch runs when token verification \(`verify`\) fails/,
          output: `export function requireAuth(req, res, next) {\n  try {\n    req.user = jwt.verify(req.headers.authorization.slice(7), SECRET);\n    next();\n  } catch (err) {\n    return res.status(401).set('WWW-Authenticate', 'Basic').json({ error: 'Invalid or expired token' });\n  }\n}`,
        },
        {
          name: 'Express: 401 for a role check',
          errors: [{ messageId: 'unauthorizedForPermission', line: 3, column: 23, endColumn: 26 }],
          code: `export function requireAdmin(req, res, next) {\n  if (req.user.role !== 'admin') {\n    return res.status(401).json({ error: 'Admin access required' });\n  }\n  next();\n}`,
          message:
            /^401 Unauthorized for a signed-in user without permission: respond 403 Forbidden\. This branch runs when a role, permission or ownership check fails \(`req\.user\.role !== 'admin'`\), but 401 tells clients their credentials are missing or invalid/,
          fixes: ['Respond 403 Forbidden'],
          output: `export function requireAdmin(req, res, next) {\n  if (req.user.role !== 'admin') {\n    return res.status(403).json({ error: 'Admin access required' });\n  }\n  next();\n}`,
        },
        {
          name: 'Koa: ctx.throw(403) for a missing Authorization header',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 4, column: 15, endColumn: 18 }],
          code: `export async function authenticate(ctx, next) {\n  const header = ctx.get('Authorization');\n  if (!header) {\n    ctx.throw(403, 'Authorization header missing');\n  }\n  await next();\n}`,
          file: 'auth.mjs',
          at: 'ctx.throw(403',
          output: `export async function authenticate(ctx, next) {\n  const header = ctx.get('Authorization');\n  if (!header) {\n    ctx.throw(401, 'Authorization header missing');\n  }\n  await next();\n}`,
        },
        {
          name: 'Koa: ctx.status = 403 with no session user, header set on the next line',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 3, column: 18, endColumn: 21 }],
          code: `export async function bearerOnly(ctx, next) {\n  if (!ctx.state.user) {\n    ctx.status = 403;\n    ctx.body = { error: 'Unauthorized' };\n    return;\n  }\n  await next();\n}`,
          file: 'auth.mjs',
          output: `export async function bearerOnly(ctx, next) {\n  if (!ctx.state.user) {\n    ctx.status = 401;\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.body = { error: 'Unauthorized' };\n    return;\n  }\n  await next();\n}`,
        },
        {
          name: 'Hono: 403 without a token, header passed to c.json',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 4, column: 43, endColumn: 46 }],
          code: `export const requireUser = createMiddleware(async (c, next) => {\n  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');\n  if (!token) {\n    return c.json({ error: 'Forbidden' }, 403);\n  }\n  await next();\n});`,
          file: 'auth.ts',
          output: `export const requireUser = createMiddleware(async (c, next) => {\n  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');\n  if (!token) {\n    return c.json({ error: 'Forbidden' }, 401, { 'WWW-Authenticate': 'Bearer' });\n  }\n  await next();\n});`,
        },
        {
          name: 'Koa: 401 for an ownership check',
          errors: [{ messageId: 'unauthorizedForPermission', line: 5, column: 20, endColumn: 23 }],
          code: `export function requireOwner(load) {\n  return async (ctx, next) => {\n    const resource = await load(ctx);\n    if (resource.ownerId !== ctx.state.user.sub) {\n      ctx.status = 401;\n      ctx.body = { error: 'You do not own this resource' };\n      return;\n    }\n    await next();\n  };\n}`,
          file: 'auth.mjs',
          at: 'ctx.status = 401',
        },
        {
          name: 'Fastify: 401 for a missing role',
          errors: [{ messageId: 'unauthorizedForPermission', line: 4, column: 23, endColumn: 26 }],
          code: `fastify.delete('/admin/tenants/:id', async (request, reply) => {\n  const user = request.user;\n  if (!user.roles.includes('superadmin')) {\n    return reply.code(401).send({ error: 'Superadmin only' });\n  }\n  return reply.code(204).send();\n});`,
          file: 'admin.ts',
          output: `fastify.delete('/admin/tenants/:id', async (request, reply) => {\n  const user = request.user;\n  if (!user.roles.includes('superadmin')) {\n    return reply.code(403).send({ error: 'Superadmin only' });\n  }\n  return reply.code(204).send();\n});`,
        },
        {
          name: 'Fastify: 403 without an Authorization header gets the header in the same edit',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 3, column: 23, endColumn: 26 }],
          code: `fastify.addHook('onRequest', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(403).send({ error: 'Missing Authorization header' });\n  }\n});`,
          file: 'auth.ts',
          output: `fastify.addHook('onRequest', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Missing Authorization header' });\n  }\n});`,
        },
        {
          name: 'Next.js middleware: 403 without a token cookie',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 4, column: 78, endColumn: 81 }],
          code: `export async function middleware(request) {\n  const token = request.cookies.get('token')?.value;\n  if (!token) {\n    return NextResponse.json({ error: 'Authentication required' }, { status: 403 });\n  }\n  return NextResponse.next();\n}`,
          file: 'middleware.ts',
          at: 'status: 403',
          fixes: ['Respond 401 Unauthorized with WWW-Authenticate: Bearer'],
          output: `export async function middleware(request) {\n  const token = request.cookies.get('token')?.value;\n  if (!token) {\n    return NextResponse.json({ error: 'Authentication required' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });\n  }\n  return NextResponse.next();\n}`,
        },
        {
          name: 'Nest guard: ForbiddenException without a bearer token',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 8, column: 17, endColumn: 35 }],
          code: `import { ForbiddenException, Injectable } from '@nestjs/common';\n@Injectable()\nexport class AuthGuard {\n  async canActivate(context) {\n    const request = context.switchToHttp().getRequest();\n    const token = this.extractTokenFromHeader(request);\n    if (!token) {\n      throw new ForbiddenException('Missing bearer token');\n    }\n    return true;\n  }\n}`,
          file: 'auth.guard.ts',
          at: 'new ForbiddenException',
        },
        {
          name: "Hono: 401 for another user's resource",
          errors: [{ messageId: 'unauthorizedForPermission', line: 4, column: 47, endColumn: 50 }],
          code: `auth.delete('/users/:id', requireUser, async (c) => {\n  const user = c.get('user');\n  if (user.role !== 'admin' && user.sub !== c.req.param('id')) {\n    return c.json({ error: 'Not permitted' }, 401);\n  }\n  return c.body(null, 204);\n});`,
          file: 'auth.ts',
          at: "'Not permitted' }, 401",
        },
        {
          name: 'Boom.forbidden when nobody is signed in',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 4, column: 22, endColumn: 31 }],
          code: `import Boom from '@hapi/boom';\nfunction requireLogin(req, res, next) {\n  if (!req.user) {\n    return next(Boom.forbidden('Login required'));\n  }\n  next();\n}`,
          at: 'Boom.forbidden',
          output: `import Boom from '@hapi/boom';\nfunction requireLogin(req, res, next) {\n  if (!req.user) {\n    return next(Boom.unauthorized('Login required'));\n  }\n  next();\n}`,
        },
      ],
    },
    t,
  ));

// Real-code shapes: credential checks that read like permissions, capability tokens, combined checks.
test('auth-status-mismatch: what the check is really about', (t) =>
  checkRule(
    'auth-status-mismatch',
    {
      valid: [
        // isAuthorized(request) compares a shared-secret header: a credentials check, 401 is right.
        {
          code: `export async function POST(request: NextRequest) {\n  if (!isAuthorized(request)) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });\n  }\n  return NextResponse.json(await handle(await request.json()));\n}`,
          file: 'app/api/webhooks/media/route.ts',
        },
        // No scopes at all: the auth middleware authenticated nobody, 401 is right.
        {
          code: `export const withScope = (...required) => async (c, next) => {\n  const scopes = c.get('scopes');\n  if (!scopes) return c.json({ error: 'Unauthorized' }, 401);\n  if (!required.some((s) => scopes.includes(s))) return c.json({ error: 'Forbidden' }, 403);\n  await next();\n};`,
          file: 'scope.ts',
        },
        // An upload token from the body grants access to one upload: refusing a bad one is a 403.
        {
          code: `app.post('/presign-part', async (c) => {\n  const { uploadToken, partNumber } = c.req.valid('json');\n  const claims = verifiedClaims(c, uploadToken);\n  if (!claims) return c.json({ error: 'Invalid upload token' }, 403);\n  return c.json(await presign(claims, partNumber));\n});`,
          file: 'uploads.ts',
        },
        // A signed-URL token missing from a temporary link: 403 is the norm.
        {
          code: `export async function getFile(ctx, next) {\n  const token = ctx.state.fileAccess?.temporaryAccessToken;\n  if (typeof token !== 'string' || !token) {\n    return ctx.throw(403);\n  }\n  ctx.body = await files.open(token);\n  await next();\n}`,
          file: 'get-file.ts',
        },
      ],
      invalid: [
        {
          name: 'one 401 for "not signed in" and "not an admin": split it',
          errors: [{ messageId: 'twoProblems', line: 3, column: 23, endColumn: 26 }],
          code: `export function requireAdmin(req, res, next) {\n  if (!req.user || !req.user.isAdmin) {\n    return res.status(401).json({ error: 'Admins only' });\n  }\n  next();\n}`,
          at: 'status(401)',
          message:
            /^401 Unauthorized for two different problems: split the check, answer 401 Unauthorized when nobody is signed in and 403 Forbidden when the signed-in user lacks the permission\./,
          fixes: [],
        },
        {
          name: 'the signed-in user’s role, looked up by their id, is missing: 401 should be 403',
          errors: [{ messageId: 'unauthorizedForPermission', line: 5, column: 65, endColumn: 68 }],
          code: `export const withAdmin = (handler) => async (req) => {\n  const session = await getSession();\n  if (!session?.user) return new Response('Login required', { status: 401 });\n  const adminRole = await getAdminRole(session.user.id);\n  if (!adminRole) return new Response('Not an admin', { status: 401 });\n  return handler(req, adminRole);\n};`,
          file: 'admin.ts',
          at: "'Not an admin'",
          fixes: ['Respond 403 Forbidden'],
        },
        {
          name: 'a session cookie that fails verification is still credentials',
          errors: [{ messageId: 'forbiddenWithoutCredentials', line: 3, column: 34, endColumn: 37 }],
          code: `app.get('/me', (req, res) => {\n  const claims = verifySession(req.cookies.session);\n  if (!claims) return res.status(403).json({ error: 'Session expired' });\n  res.json(claims);\n});`,
          at: 'status(403)',
        },
      ],
    },
    t,
  ));

// Guards written as "allowed → pass on early, otherwise answer": the answer's guard is the failed side.
test('auth-status-mismatch: role guards that pass the allowed on early', (t) =>
  checkRule(
    'auth-status-mismatch',
    {
      valid: [
        // Signed in → next(); otherwise 401: right.
        `export function requireUser(req, res, next) {\n  if (req.user) return next();\n  res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n}`,
        // Allowed → next(); otherwise 403: right.
        `export function requireAdmin(req, res, next) {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  if (req.user.role === 'admin') return next();\n  return res.status(403).json({ error: 'Admins only' });\n}`,
      ],
      invalid: [
        {
          name: 'signed in, not an admin: 401',
          code: `export function requireAdmin(req, res, next) {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  if (req.user.role === 'admin') return next();\n  return res.status(401).json({ error: 'Admins only' });\n}`,
          at: "status(401).json({ error: 'Admins only' })",
          message: /^401 Unauthorized for a signed-in user without permission: respond 403 Forbidden\./,
          output: `export function requireAdmin(req, res, next) {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  if (req.user.role === 'admin') return next();\n  return res.status(403).json({ error: 'Admins only' });\n}`,
        },
        {
          name: 'signed in and admin → next(); everything else (no user, or not an admin) 401',
          code: `export function requireAdmin(req, res, next) {\n  if (req.user && req.user.isAdmin) {\n    return next();\n  }\n  res.status(401).json({ error: 'Not allowed' });\n}`,
          at: 'status(401)',
          message: /^401 Unauthorized for two different problems: split the check/,
        },
      ],
    },
    t,
  ));
