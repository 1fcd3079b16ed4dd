import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('missing-required-header: 401 without WWW-Authenticate', (t) =>
  checkRule(
    'missing-required-header',
    {
      valid: [
        // One 401 for two problems: auth-status-mismatch asks to split it; no challenge advice on top (one finding for one mistake).
        `export function requireAdmin(req, res, next) {\n  if (!req.user || !req.user.isAdmin) return res.status(401).json({ error: 'Admins only' });\n  next();\n}`,
        // A 401 for a role check should be a 403 (auth-status-mismatch says so): a challenge header is the wrong advice.
        `export function requireAdmin(req, res, next) {\n  if (req.user.role !== 'admin') {\n    return res.status(401).json({ error: 'Admin access required' });\n  }\n  next();\n}`,
        // Set before the status, chained, or in the init object.
        `router.post('/login', async (req, res) => {\n  const user = await users.verify(req.body);\n  if (!user) {\n    res.set('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).json({ error: 'Invalid credentials' });\n  }\n  res.json({ token: sign(user) });\n});`,
        {
          code: `fastify.put('/prefs', async (request, reply) => {\n  if (!request.session.get('userId')) {\n    return reply.code(401).header('WWW-Authenticate', 'Cookie realm="app"').send({ error: 'Not signed in' });\n  }\n  return { saved: true };\n});`,
          file: 'prefs.mjs',
        },
        {
          code: `export async function POST(request: Request) {\n  const session = await auth();\n  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });\n  return NextResponse.json({ ok: true });\n}`,
          file: 'app/api/x/route.ts',
        },
        // Koa sends when the middleware ends: a header set after the status still goes out.
        `router.post('/auth/login', async (ctx) => {\n  const account = await accounts.verify(ctx.request.body);\n  if (!account) {\n    ctx.status = 401;\n    ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n    ctx.body = { error: 'Invalid credentials' };\n    return;\n  }\n  ctx.body = { token: sign(account) };\n});`,
        // Hono: a header set on the context before the response is built.
        {
          code: `auth.post('/token', async (c) => {\n  const account = await check(await c.req.json());\n  if (!account) {\n    c.header('WWW-Authenticate', 'Bearer realm="api"');\n    return c.json({ error: 'invalid_grant' }, 401);\n  }\n  return c.json({ token: 'x' });\n});`,
          file: 'auth.ts',
        },
        // Thrown errors get their headers from the error handler, which we can't see.
        `router.post('/auth/refresh', async (ctx) => {\n  if (!ctx.cookies.get('refresh_token')) ctx.throw(401, 'No refresh token');\n  ctx.body = { ok: true };\n});`,
        {
          code: `import { Controller, Get, Req, UnauthorizedException } from '@nestjs/common';\n@Controller('me')\nexport class MeController {\n  @Get()\n  me(@Req() req) {\n    if (!req.user) throw new UnauthorizedException();\n    return req.user;\n  }\n}`,
          file: 'me.controller.ts',
        },
        // Headers we can't read (a variable) may hold it: stay silent.
        `app.get('/me', (req, res) => {\n  if (!req.user) {\n    res.set(authHeaders);\n    return res.status(401).json({ error: 'Sign in' });\n  }\n  res.json(req.user);\n});`,
        {
          code: `export function GET(request: Request) {\n  if (!request.headers.get('authorization')) return new Response(null, { status: 401, headers });\n  return Response.json({ ok: true });\n}`,
          file: 'app/api/y/route.ts',
        },
        // The response goes to a helper: it may set the header.
        `app.get('/me', (req, res) => {\n  if (!req.user) {\n    res.status(401);\n    return renderLogin(res);\n  }\n  res.json(req.user);\n});`,
        // A header set in a try block still applies when the catch answers.
        `app.get('/me', async (req, res) => {\n  try {\n    res.set('WWW-Authenticate', 'Bearer');\n    return res.json(await verify(req.headers.authorization));\n  } catch {\n    res.status(401).json({ error: 'Invalid token' });\n  }\n});`,
      ],
      invalid: [
        {
          name: 'Express: chained inside the return',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 23, endColumn: 26 }],
          code: `export function requireLogin(req, res, next) {\n  if (!req.user) {\n    return res.status(401).json({ error: 'Sign in first' });\n  }\n  next();\n}`,
          at: 'status(401)',
          fixes: ['Add WWW-Authenticate: Bearer'],
          message: /^401 Unauthorized without WWW-Authenticate: add `WWW-Authenticate: Bearer`\. RFC 9110 §15\.5\.2 says a 401 MUST send WWW-Authenticate;/,
          output: `export function requireLogin(req, res, next) {\n  if (!req.user) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  }\n  next();\n}`,
        },
        {
          name: 'Express: the header is set on another path that returned',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 10, column: 23, endColumn: 26 }],
          code: `router.get('/me', async (req, res) => {\n  const token = req.cookies?.access_token;\n  if (!token) {\n    res.set('WWW-Authenticate', 'Bearer');\n    return res.status(401).json({ error: 'Not signed in' });\n  }\n  try {\n    res.json(await verify(token));\n  } catch {\n    return res.status(401).json({ error: 'Session expired' });\n  }\n});`,
          at: "'Session expired'",
          count: 1,
          output: `router.get('/me', async (req, res) => {\n  const token = req.cookies?.access_token;\n  if (!token) {\n    res.set('WWW-Authenticate', 'Bearer');\n    return res.status(401).json({ error: 'Not signed in' });\n  }\n  try {\n    res.json(await verify(token));\n  } catch {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Session expired' });\n  }\n});`,
        },
        {
          name: 'Express: the header is set in the other branch of an if',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 6, column: 16, endColumn: 19 }],
          code: `app.get('/feed', (req, res) => {\n  if (req.query.basic) {\n    res.set('WWW-Authenticate', 'Basic realm="feed"');\n    res.status(401).end();\n  } else {\n    res.status(401).json({ error: 'Token required' });\n  }\n});`,
          at: "'Token required'",
          count: 1,
        },
        {
          name: 'Express sendStatus, scheme from settings (Basic needs a realm)',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 2, column: 47, endColumn: 50 }],
          code: `app.get('/metrics', (req, res) => {\n  if (!checkBasic(req)) return res.sendStatus(401);\n  res.type('text/plain').send(render());\n});`,
          settings: { wwwAuthenticateScheme: 'Basic' },
          fixes: ['Add WWW-Authenticate: Basic realm="api"'],
          output: `app.get('/metrics', (req, res) => {\n  if (!checkBasic(req)) return res.set('WWW-Authenticate', 'Basic realm="api"').sendStatus(401);\n  res.type('text/plain').send(render());\n});`,
        },
        {
          name: 'Koa: a statement next to ctx.status',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 18, endColumn: 21 }],
          code: `export async function bearerOnly(ctx, next) {\n  if (!ctx.state.user) {\n    ctx.status = 401;\n    ctx.body = { error: 'Unauthorized' };\n    return;\n  }\n  await next();\n}`,
          file: 'auth.mjs',
          at: 'ctx.status = 401',
          output: `export async function bearerOnly(ctx, next) {\n  if (!ctx.state.user) {\n    ctx.status = 401;\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.body = { error: 'Unauthorized' };\n    return;\n  }\n  await next();\n}`,
        },
        {
          name: 'Fastify: chained header() before send()',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 5, column: 23, endColumn: 26 }],
          code: `fastify.get('/whoami', async (request, reply) => {\n  try {\n    await request.jwtVerify();\n  } catch (err) {\n    return reply.code(401).send({ error: 'Invalid token' });\n  }\n  return request.user;\n});`,
          file: 'auth.mjs',
          at: 'code(401)',
          output: `fastify.get('/whoami', async (request, reply) => {\n  try {\n    await request.jwtVerify();\n  } catch (err) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Invalid token' });\n  }\n  return request.user;\n});`,
        },
        {
          name: 'Hono: the headers argument of c.json',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 41, endColumn: 44 }],
          code: `app.delete('/users/:id', async (c) => {\n  if (!c.get('user')) {\n    return c.json({ error: 'Sign in' }, 401);\n  }\n  return c.body(null, 204);\n});`,
          file: 'users.ts',
          at: '401',
          output: `app.delete('/users/:id', async (c) => {\n  if (!c.get('user')) {\n    return c.json({ error: 'Sign in' }, 401, { 'WWW-Authenticate': 'Bearer' });\n  }\n  return c.body(null, 204);\n});`,
        },
        {
          name: 'Next.js: headers added to the ResponseInit',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 4, column: 67, endColumn: 70 }],
          code: `export async function DELETE(request) {\n  const user = await getCurrentUser();\n  if (!user) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });\n  }\n  return new NextResponse(null, { status: 204 });\n}`,
          file: 'app/api/orders/route.js',
          at: 'status: 401',
          output: `export async function DELETE(request) {\n  const user = await getCurrentUser();\n  if (!user) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });\n  }\n  return new NextResponse(null, { status: 204 });\n}`,
        },
        {
          name: 'Fetch: an existing headers object gets the property',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 4, column: 15, endColumn: 18 }],
          code: `export async function GET(request) {\n  if (request.headers.get('authorization') !== expected) {\n    return new Response('Unauthorized', {\n      status: 401,\n      headers: { 'Content-Type': 'text/plain' },\n    });\n  }\n  return Response.json({ ok: true });\n}`,
          file: 'app/api/cron/route.js',
          at: 'status: 401',
          output: `export async function GET(request) {\n  if (request.headers.get('authorization') !== expected) {\n    return new Response('Unauthorized', {\n      status: 401,\n      headers: { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' },\n    });\n  }\n  return Response.json({ ok: true });\n}`,
        },
        {
          name: 'node:http writeHead without headers',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 19, endColumn: 22 }],
          code: `function metrics(req, res) {\n  if (!authorized(req)) {\n    res.writeHead(401);\n    res.end('Authentication required');\n    return;\n  }\n  res.end(render());\n}`,
          at: 'writeHead(401)',
          output: `function metrics(req, res) {\n  if (!authorized(req)) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n    res.end('Authentication required');\n    return;\n  }\n  res.end(render());\n}`,
        },
      ],
    },
    t,
  ));

test('missing-required-header: 405 without Allow', (t) =>
  checkRule(
    'missing-required-header',
    {
      valid: [
        `router.all('/products/:id/stock', (req, res, next) => {\n  if (req.method !== 'GET') {\n    res.set('Allow', 'GET');\n    return res.status(405).json({ error: 'Not supported' });\n  }\n  next();\n});`,
        {
          code: `export async function PUT() {\n  return NextResponse.json({ error: 'Immutable' }, { status: 405, headers: { Allow: 'GET, POST, DELETE' } });\n}`,
          file: 'app/api/uploads/route.ts',
        },
        {
          code: `app.on(['PUT', 'PATCH'], '/owner', (c) => {\n  c.header('Allow', 'GET');\n  return c.json({ error: 'Cannot change owner' }, 405);\n});`,
          file: 'links.ts',
        },
        `export default async function handler(req, res) {\n  if (req.method === 'GET') return res.json(await list());\n  res.setHeader('Allow', ['GET']);\n  res.status(405).end(\`Method \${req.method} Not Allowed\`);\n}`,
        // Set through another name for the response.
        `router.all('/feed', (req, res) => {\n  const out = res;\n  out.set({ Allow: 'GET' });\n  res.status(405).end();\n});`,
        // Boom sets Allow from its third argument; thrown anyway.
        `router.all('/lines', (req, res, next) => {\n  if (req.method !== 'GET') return next(Boom.methodNotAllowed('no', null, ['GET']));\n  next();\n});`,
      ],
      invalid: [
        {
          name: "Allow from the handler's own method test (exact: preferred)",
          errors: [{ messageId: 'missingAllow', line: 3, column: 23, endColumn: 26 }],
          code: `router.all('/products/:id/price', (req, res, next) => {\n  if (req.method !== 'GET' && req.method !== 'PUT') {\n    return res.status(405).json({ error: 'Method not allowed' });\n  }\n  next();\n});`,
          at: 'status(405)',
          fixes: ['Add Allow: GET, PUT'],
          output: `router.all('/products/:id/price', (req, res, next) => {\n  if (req.method !== 'GET' && req.method !== 'PUT') {\n    return res.status(405).set('Allow', 'GET, PUT').json({ error: 'Method not allowed' });\n  }\n  next();\n});`,
        },
        {
          name: 'Allow from an includes() test',
          errors: [{ messageId: 'missingAllow', line: 2, column: 64, endColumn: 67 }],
          code: `router.all('/feed', (req, res, next) => {\n  if (!['GET', 'HEAD'].includes(req.method)) return res.status(405).end();\n  next();\n});`,
          fixes: ['Add Allow: GET, HEAD'],
          output: `router.all('/feed', (req, res, next) => {\n  if (!['GET', 'HEAD'].includes(req.method)) return res.status(405).set('Allow', 'GET, HEAD').end();\n  next();\n});`,
        },
        {
          name: 'node:http: added to the writeHead headers',
          errors: [{ messageId: 'missingAllow', line: 3, column: 19, endColumn: 22 }],
          code: `function accounts(req, res) {\n  if (req.method !== 'GET') {\n    res.writeHead(405, { 'Content-Type': 'text/plain' });\n    res.end('Method Not Allowed');\n    return;\n  }\n  res.end('[]');\n}`,
          output: `function accounts(req, res) {\n  if (req.method !== 'GET') {\n    res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET' });\n    res.end('Method Not Allowed');\n    return;\n  }\n  res.end('[]');\n}`,
        },
        {
          name: 'Koa: ctx.method test',
          errors: [{ messageId: 'missingAllow', line: 3, column: 18, endColumn: 21 }],
          code: `router.all('/devices/:id/rename', async (ctx) => {\n  if (ctx.method !== 'PATCH') {\n    ctx.status = 405;\n    ctx.body = { error: 'Use PATCH' };\n    return;\n  }\n  ctx.body = await rename(ctx.params.id);\n});`,
          fixes: ['Add Allow: PATCH'],
        },
        {
          name: 'Next.js pages API: switch default, setHeader chained',
          errors: [{ messageId: 'missingAllow', line: 8, column: 25, endColumn: 28 }],
          code: `export default async function handler(req, res) {\n  switch (req.method) {\n    case 'GET':\n      return res.json(await list());\n    case 'POST':\n      return res.status(201).json(await create(req.body));\n    default:\n      return res.status(405).end();\n  }\n}`,
          file: 'pages/api/items.js',
          at: 'status(405)',
          output: `export default async function handler(req, res) {\n  switch (req.method) {\n    case 'GET':\n      return res.json(await list());\n    case 'POST':\n      return res.status(201).json(await create(req.body));\n    default:\n      return res.status(405).setHeader('Allow', 'GET, POST').end();\n  }\n}`,
          allowNewFindings: true,
        },
        {
          name: 'methods registered for the path: offered, not preferred',
          errors: [{ messageId: 'missingAllow', line: 4, column: 14, endColumn: 17 }],
          code: `app.get('/items', list);\napp.post('/items', create);\napp.put('/items', (req, res) => {\n  res.status(405).json({ error: 'Replace the items one by one' });\n});`,
          at: 'status(405)',
          fixes: ['Add Allow: GET, HEAD, POST'],
        },
        {
          name: 'Hono: nothing known about the allowed methods, no fix',
          errors: [{ messageId: 'missingAllowMethodsUnknown', line: 2, column: 51, endColumn: 54 }],
          code: `app.on(['PUT', 'DELETE'], '/api/links/:code/stats', (c) => {\n  return c.json({ error: 'Stats are read-only' }, 405);\n});`,
          file: 'links.ts',
          fixes: [],
          message: /^405 Method Not Allowed without Allow: add Allow with the methods this resource accepts\. RFC 9110 §15\.5\.6 says a 405 MUST send Allow;/,
        },
      ],
    },
    t,
  ));

test('missing-required-header: redirect status set by hand without Location', (t) =>
  checkRule(
    'missing-required-header',
    {
      valid: [
        `app.get('/account/settings', (req, res) => res.redirect(301, '/settings'));`,
        `app.get('/docs/*', (req, res) => {\n  res.set('Location', 'https://docs.example.com');\n  res.status(308).end();\n});`,
        `function profile(req, res) {\n  res.writeHead(302, { Location: '/login' });\n  res.end();\n}`,
        `router.post('/register', async (ctx) => {\n  await register(ctx.request.body);\n  ctx.redirect('/welcome');\n  ctx.status = 301;\n});`,
        {
          code: `export function middleware(request) {\n  return new NextResponse(null, { status: 308, headers: { Location: '/rss.xml' } });\n}`,
          file: 'middleware.ts',
        },
        // 304 and 300 are not redirects to one URL.
        `app.get('/feed', (req, res) => {\n  if (fresh(req)) return res.status(304).end();\n  res.send(feed());\n});`,
        `app.get('/x', (req, res) => res.status(300).json({ choices: ['/a', '/b'] }));`,
      ],
      invalid: [
        {
          name: 'Express 301 with a body and no Location',
          errors: [{ messageId: 'missingLocation', line: 2, column: 14, endColumn: 17 }],
          code: `app.get('/old-pricing', (req, res) => {\n  res.status(301).send('This page has moved to /pricing');\n});`,
          at: 'status(301)',
          fixes: [],
          // A SHOULD of RFC 9110, said as one: the message claims no MUST.
          message:
            /^301 Moved Permanently without Location: set it to the target, or redirect with `res\.redirect\(301, url\)`\. RFC 9110 §15\.4\.2 says a 301 SHOULD send Location; without it the redirect goes nowhere/,
        },
        {
          name: 'Koa ctx.status = 302 with a text body',
          errors: [{ messageId: 'missingLocation', line: 3, column: 16, endColumn: 19 }],
          code: `router.get('/go/:code', async (ctx) => {\n  const target = await links.resolve(ctx.params.code);\n  ctx.status = 302;\n  ctx.body = \`Redirecting to \${target}\`;\n});`,
          message: /ctx\.redirect\(url\)/,
        },
        {
          name: 'Hono c.body(null, 302)',
          errors: [{ messageId: 'missingLocation', line: 1, column: 42, endColumn: 45 }],
          code: `app.get('/old-home', (c) => c.body(null, 302));`,
          file: 'links.ts',
          message: /c\.redirect\(url, 302\)/,
        },
        {
          name: 'Next middleware 301',
          errors: [{ messageId: 'missingLocation', line: 2, column: 89, endColumn: 92 }],
          code: `export function middleware(request) {\n  if (request.nextUrl.pathname === '/old-blog') return new NextResponse(null, { status: 301 });\n  return NextResponse.next();\n}`,
          file: 'middleware.ts',
        },
        {
          name: 'node:http writeHead(302)',
          errors: [{ messageId: 'missingLocation', line: 2, column: 17, endColumn: 20 }],
          code: `function oldHome(req, res) {\n  res.writeHead(302);\n  res.end('Moved to /home');\n}`,
          message:
            /^302 Found without Location: set it to the target, or redirect with `res\.redirect\(302, url\)`\. RFC 9110 §15\.4\.3 says a 302 SHOULD send Location;/,
        },
        // 303 is defined by its Location, with no keyword: the message says so, not SHOULD or MUST.
        {
          name: 'Express 303 without Location',
          errors: [{ messageId: 'missingLocation', line: 2, column: 14, endColumn: 17 }],
          code: `app.post('/orders', (req, res) => {\n  res.status(303).send('See /orders/1');\n});`,
          message: /RFC 9110 §15\.4\.4 defines a 303 by its Location;/,
        },
      ],
    },
    t,
  ));

test('missing-required-header: the inserted header is seen by the analysis (no finding after the fix)', () => {
  const code = `app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'Sign in' });\n  res.json(req.user);\n});`;
  const [finding] = findingsOf(code, 'missing-required-header');
  assert.equal(finding.fixes[0].isPreferred, true);
  assert.match(finding.fixes[0].edits[0].newText, /^\.set\('WWW-Authenticate', 'Bearer'\)$/);
  // Double quotes in a double-quoted file.
  const dq = `const app = require("express")();\napp.get("/me", (req, res) => {\n  if (!req.user) return res.status(401).json({ error: "Sign in" });\n  res.json(req.user);\n});`;
  assert.match(findingsOf(dq, 'missing-required-header')[0].fixes[0].edits[0].newText, /"WWW-Authenticate", "Bearer"/);
});

// 401s that are never sent, or that no credential can fix: a challenge header is not the fix.
test('missing-required-header: 401s that are not about credentials', (t) =>
  checkRule(
    'missing-required-header',
    {
      valid: [
        // Express always passes next: the branch without it never runs.
        `app.post('/auth/login', (req, res, next) => {\n  passport.authenticate('local', (err, user) => {\n    if (err || !user) {\n      return next ? next(err) : res.status(401).json(err);\n    }\n    req.login(user, (error) => {\n      if (error) return next ? next(error) : res.status(401).json(error);\n      res.json(user);\n    });\n  })(req, res, next);\n});`,
        // An expired licence: signing in again cannot help.
        `export function checkLicence(req, res, next) {\n  if (!identity.isLicenseValid()) {\n    return res.status(401).json({ error: 'Unauthorized Access' });\n  }\n  next();\n}`,
        // Custom authentication was never configured: nobody can sign in.
        `const warning = 'You have to configure a custom authentication middleware';\nexport function denyAll(app) {\n  app.use('/api', async (_req, res) => {\n    res.status(401).send({ error: warning });\n  });\n}`,
        // A path in the wrong letter case: a routing refusal.
        `app.use((req, res, next) => {\n  if (API_CASE_INSENSITIVE.test(req.path)) {\n    if (API_CASE_SENSITIVE.test(req.path)) return next();\n    return res.status(401).json({ error: 'Unauthorized Access' });\n  }\n  next();\n});`,
      ],
      invalid: [
        {
          name: 'a `next` that is not the handler’s may well be missing',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 49, endColumn: 52 }],
          code: `export function authenticate(req, res, done) {\n  const token = req.headers.authorization;\n  if (!token) return done ? done() : res.status(401).json({ error: 'Sign in' });\n  done();\n}`,
          at: 'status(401)',
          fixes: ['Add WWW-Authenticate: Bearer'],
        },
        {
          name: 'a path check that is really about the API key',
          errors: [{ messageId: 'missingWwwAuthenticate', line: 3, column: 23, endColumn: 26 }],
          code: `app.use((req, res, next) => {\n  if (req.path.startsWith('/api') && !req.headers['x-api-key']) {\n    return res.status(401).json({ error: 'API key required' });\n  }\n  next();\n});`,
          at: 'status(401)',
          fixes: ['Add WWW-Authenticate: Bearer'],
        },
      ],
    },
    t,
  ));

test('missing-required-header: no challenge advice on a 401 after a role guard passed the allowed on', (t) =>
  checkRule(
    'missing-required-header',
    {
      valid: [
        // auth-status-mismatch asks for 403 here: a WWW-Authenticate would contradict it.
        `export function requireAdmin(req, res, next) {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  if (req.user.role === 'admin') return next();\n  return res.status(401).json({ error: 'Admins only' });\n}`,
        `export function requireAdmin(req, res, next) {\n  if (req.user && req.user.isAdmin) {\n    return next();\n  }\n  res.status(401).json({ error: 'Not allowed' });\n}`,
      ],
      invalid: [
        {
          name: 'signed in → next(); otherwise a 401 without a challenge',
          code: `export function requireUser(req, res, next) {\n  if (req.user) return next();\n  res.status(401).json({ error: 'Sign in first' });\n}`,
          at: 'status(401)',
        },
      ],
    },
    t,
  ));
