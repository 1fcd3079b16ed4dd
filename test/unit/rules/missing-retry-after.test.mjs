import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('missing-retry-after', (t) =>
  checkRule(
    'missing-retry-after',
    {
      valid: [
        // express-rate-limit sets Retry-After itself before it calls the handler option (sefinek/nsfwjs-api).
        `const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({\n  windowMs: 40 * 1000,\n  limit: 3,\n  standardHeaders: 'draft-7',\n  legacyHeaders: false,\n  handler: (req, res) => res.status(429).json({ success: false, status: 429 }),\n});`,
        `import { rateLimit } from 'express-rate-limit';\nexport const limiter = rateLimit({\n  limit: 100,\n  handler(req, res) {\n    res.status(429).send('Too many requests');\n  },\n});`,
        `export function searchThrottle(req, res, next) {\n  const { ok, waitSeconds } = bucket.take(req.ip);\n  if (!ok) {\n    res.set('Retry-After', String(waitSeconds));\n    return res.status(429).json({ error: 'Too many search requests' });\n  }\n  next();\n}`,
        `app.get('/maintenance', (req, res) => {\n  res.status(503).set('Retry-After', '3600').send('Down for maintenance');\n});`,
        {
          code: `app.post('/otp/verify', async (request, reply) => {\n  if ((await redis.incr(key)) > 5) {\n    return reply.code(429).header('Retry-After', String(await redis.ttl(key))).send({ error: 'Too many attempts' });\n  }\n  return { verified: true };\n});`,
          file: 'otp.ts',
        },
        // Koa: set after the status, sent when the middleware ends.
        `router.get('/files/:id/meta', async (ctx) => {\n  try {\n    ctx.body = await Files.meta(ctx.params.id);\n  } catch (err) {\n    ctx.status = 503;\n    ctx.set('Retry-After', '10');\n    ctx.body = { error: 'Storage temporarily unavailable' };\n  }\n});`,
        {
          code: `app.get('/health/db', async (c) => {\n  try {\n    await pool.query('SELECT 1');\n    return c.json({ db: 'up' });\n  } catch (err) {\n    c.header('Retry-After', '15');\n    return c.json({ db: 'down' }, 503);\n  }\n});`,
          file: 'health.mjs',
        },
        {
          code: `export async function GET() {\n  return Response.json({ database: 'down' }, { status: 503, headers: { 'Retry-After': '30' } });\n}`,
          file: 'app/api/health/route.js',
        },
        `function maintenance(req, res) {\n  res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '600' });\n  res.end('<h1>Back in ten minutes</h1>');\n}`,
        // A response helper: its callers may set Retry-After before handing the response over.
        `function tooManyRequests(res, message) {\n  return res.status(429).json({ error: message });\n}\napp.post('/x', (req, res) => {\n  if (limited(req)) {\n    res.set('Retry-After', String(wait(req)));\n    return tooManyRequests(res, 'Slow down');\n  }\n  res.json({ ok: true });\n});`,
        // Thrown, and the file's own error handler sets Retry-After on the way out.
        `app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = err.status ?? 500;\n    if (ctx.status === 429) ctx.set('Retry-After', '60');\n    ctx.body = { error: err.expose ? err.message : 'failed' };\n  }\n});\nrouter.get('/exports/:id', async (ctx) => {\n  if (await overQuota(ctx)) ctx.throw(429, 'Export quota used up');\n  ctx.body = await build(ctx.params.id);\n});`,
        // Thrown with headers attached (Koa's and Express's error handling send err.headers), here built elsewhere.
        `const createError = require('http-errors');\napp.post('/exports', (req, res, next) => {\n  if (overQuota(req)) return next(createError(429, 'Export quota used up', { headers: quotaHeaders(req) }));\n  res.json(start(req.body));\n});`,
        // Thrown inside a try: a catch of the same function may answer it.
        {
          code: `import { HttpException, HttpStatus } from '@nestjs/common';\nexport class SendService {\n  async send(to) {\n    try {\n      if (await this.sentToday(to) > 10) throw new HttpException('Too many messages', HttpStatus.TOO_MANY_REQUESTS);\n      return await this.mailer.send(to);\n    } catch (e) {\n      return this.fallback(to, e);\n    }\n  }\n}`,
          file: 'send.service.ts',
        },
        // @nestjs/throttler in the file: its guard sets Retry-After before it throws.
        {
          code: `import { ThrottlerGuard } from '@nestjs/throttler';\nimport { HttpException } from '@nestjs/common';\nexport class QuotaGuard extends ThrottlerGuard {\n  async handleRequest(ctx) {\n    if (await this.over(ctx)) throw new HttpException('Quota exceeded', 429);\n    return true;\n  }\n}`,
          file: 'quota.guard.ts',
        },
        // A thrown 429 for a count with no time to it (a cap that may never clear): unsure, so silent.
        {
          code: `import { HttpException, HttpStatus } from '@nestjs/common';\nexport class ApiKeyStrategy {\n  async validate(key) {\n    const user = await this.users.byKey(key);\n    if (user.status === 'INACTIVE') throw new HttpException('Inactive', HttpStatus.TOO_MANY_REQUESTS);\n    return user;\n  }\n}`,
          file: 'api-key.strategy.ts',
        },
        // Health, readiness and liveness probes: read by orchestrators and monitors, on their own schedule.
        `app.get('/healthz', async (req, res) => {\n  try {\n    await db.query('SELECT 1');\n    res.json({ ok: true });\n  } catch {\n    res.status(503).json({ ok: false });\n  }\n});`,
        `app.get('/api/status', async (req, res) => {\n  if (!(await queue.isRunning())) return res.status(503).json({ queue: 'down' });\n  res.json({ queue: 'up' });\n});`,
        {
          code: `import { Controller, Get, HttpStatus, Res } from '@nestjs/common';\n@Controller('health')\nexport class HealthController {\n  @Get('db')\n  async db(@Res() res) {\n    if (!(await this.db.ping())) return res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ db: 'down' });\n    return res.json({ db: 'up' });\n  }\n}`,
          file: 'src/app/monitoring.controller.ts',
        },
        {
          code: `export async function GET() {\n  const ok = await pingDatabase();\n  return NextResponse.json({ ok }, { status: ok ? 200 : 503 });\n}`,
          file: 'app/api/health/route.ts',
        },
        {
          code: `export async function getReady(req, res) {\n  if (!cache.isWarm()) return res.status(503).end();\n  res.json({ ready: true });\n}`,
          file: 'src/routes/ready-check.ts',
        },
        {
          code: `export async function readiness(request, reply) {\n  if (shuttingDown()) return reply.status(503).send({ ready: false });\n  return reply.send({ ready: true });\n}`,
          file: 'src/controllers/probes.controller.ts',
        },
        {
          code: `import { HealthCheckService } from '@nestjs/terminus';\nimport { Controller, Get, Res } from '@nestjs/common';\n@Controller('system')\nexport class SystemController {\n  constructor(private readonly checks: HealthCheckService) {}\n  @Get('db')\n  async db(@Res() res) {\n    if (!(await this.ping())) return res.status(503).json({ db: 'down' });\n    return res.json({ db: 'up' });\n  }\n}`,
          file: 'src/app/system.controller.ts',
        },
        {
          code: `export function check(req, res) {\n  if (!queue.connected) return res.status(503).json({ queue: 'down' });\n  res.json({ queue: 'up' });\n}`,
          file: 'src/health/index.js',
        },
        // A 503 for a feature this deployment has not configured: an operator must act, no retry time exists.
        {
          code: `export async function POST(request) {\n  if (!process.env.SLACK_SIGNING_SECRET) {\n    return NextResponse.json({ error: 'Unavailable' }, { status: 503 });\n  }\n  return handle(await request.text());\n}`,
          file: 'app/api/slack/events/route.ts',
        },
        {
          code: `export async function POST(request) {\n  const secret = env.WEBHOOK_SECRET;\n  if (secret == null) return new Response('Unavailable', { status: 503 });\n  return verifyAndHandle(request, secret);\n}`,
          file: 'app/api/hooks/route.ts',
        },
        `export async function install(c) {\n  const config = c.get('slackConfig');\n  if (!config.clientId || !config.clientSecret) return c.json({ error: 'Unavailable' }, 503);\n  return c.redirect(authorizeUrl(config));\n}`,
        `app.post('/ask', async (req, res) => {\n  if (!isAiConfigured('chat')) return res.status(503).json({ error: 'Ask is off' });\n  res.json(await ask(req.body.q));\n});`,
        `app.post('/checkout', async (req, res) => {\n  if (STRIPE_SECRET_KEY) {\n    res.json(await checkout(req.body));\n  } else {\n    res.status(503).json({ error: 'Unavailable' });\n  }\n});`,
        // ...said by the answer itself, or by the branch's log line.
        `app.post('/chat', async (req, res) => {\n  const model = resolveModel(req.user.plan);\n  if (!model) return res.status(503).json({ error: 'Chat is not configured on this deployment.' });\n  res.json(await chat(model, req.body));\n});`,
        `app.post('/subscribe', async (req, res) => {\n  if (!billingReady()) {\n    log.error('Stripe checkout is not configured');\n    return res.status(503).json({ code: 'billing_unavailable' });\n  }\n  res.json(await subscribe(req.body));\n});`,
        // hono-rate-limiter sets Retry-After (standardHeaders is on by default) before it calls the handler option.
        `import { rateLimiter } from 'hono-rate-limiter';\napp.use(rateLimiter({\n  windowMs: 60000,\n  limit: 100,\n  keyGenerator: (c) => c.req.header('x-api-key') ?? '',\n  handler: (c) => c.json({ error: 'Rate limit exceeded' }, 429),\n}));`,
        // An error handler passing on an error's own 429: the thrower (@fastify/rate-limit) set the header on the reply.
        `fastify.setErrorHandler((error, request, reply) => {\n  const { status } = normalize(error);\n  if (status === 429) return reply.status(429).send({ error: 'Too Many Requests' });\n  reply.status(status).send({ error: error.message });\n});`,
        // A Nest decorator: the headers may come from @Header() or an interceptor we don't follow.
        {
          code: `import { Controller, Header, HttpCode, Post } from '@nestjs/common';\n@Controller('jobs')\nexport class JobsController {\n  @Post('pause')\n  @HttpCode(503)\n  pause() {\n    return { paused: true };\n  }\n}`,
          file: 'jobs.controller.ts',
        },
        // Another status: not this rule's business.
        `app.post('/sms', (req, res) => res.status(403).json({ error: 'Daily quota exceeded' }));`,
        // The status is not known.
        `app.use((err, req, res, next) => res.status(err.status || 500).json({ error: 'failed' }));`,
      ],
      invalid: [
        {
          name: 'express-rate-limit with both header options off: the handler must say it',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 5, column: 37, endColumn: 40 }],
          code: `const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({\n  standardHeaders: false,\n  legacyHeaders: false,\n  handler: (req, res) => res.status(429).json({ error: 'slow down' }),\n});`,
          at: 'status(429)',
        },
        {
          name: "a handler option of some other library's limiter",
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 2, column: 37, endColumn: 40 }],
          code: `const limiter = makeLimiter({\n  handler: (req, res) => res.status(429).json({ error: 'slow down' }),\n});`,
          at: 'status(429)',
        },
        {
          name: 'Express 429 in a middleware',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 3, column: 23, endColumn: 26 }],
          code: `export function apiQuota(req, res, next) {\n  if (count(req.ip) > 100) {\n    return res.status(429).json({ error: 'Too many requests' });\n  }\n  next();\n}`,
          file: 'rate-limit.mjs',
          at: 'status(429)',
          fixes: ['Add Retry-After: 60'],
          message:
            /^429 Too Many Requests without Retry-After: add `Retry-After: 60` \(seconds until a retry can succeed\)\. Clients can't tell when the rate limit resets/,
          output: `export function apiQuota(req, res, next) {\n  if (count(req.ip) > 100) {\n    return res.status(429).set('Retry-After', '60').json({ error: 'Too many requests' });\n  }\n  next();\n}`,
        },
        {
          name: 'Express 503, seconds from settings',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 53, endColumn: 56 }],
          code: `app.get('/reports', (req, res) => {\n  if (!app.locals.migrationsDone) return res.status(503).json({ ready: false });\n  res.json(listReports());\n});`,
          settings: { retryAfterSeconds: 120 },
          fixes: ['Add Retry-After: 120'],
          message: /^503 Service Unavailable without Retry-After: add `Retry-After: 120` .*when the service will be back/,
          output: `app.get('/reports', (req, res) => {\n  if (!app.locals.migrationsDone) return res.status(503).set('Retry-After', '120').json({ ready: false });\n  res.json(listReports());\n});`,
        },
        {
          name: 'a status route with a parameter is not a probe',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 49, endColumn: 52 }],
          code: `app.get('/jobs/:id/status', async (req, res) => {\n  if (await queue.isPaused()) return res.status(503).json({ error: 'Queue paused' });\n  res.json(await jobs.status(req.params.id));\n});`,
          at: 'status(503)',
        },
        {
          name: 'maintenance mode read from the config is a 503 to come back from',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 49, endColumn: 52 }],
          code: `app.post('/orders', (req, res) => {\n  if (config.maintenanceMode) return res.status(503).json({ error: 'Down for maintenance' });\n  res.json(place(req.body));\n});`,
          at: 'status(503)',
        },
        {
          name: 'a missing setting or a missing request field: not only configuration',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 72, endColumn: 75 }],
          code: `app.post('/sync', (req, res) => {\n  if (!process.env.SYNC_URL || !req.body.syncConfig) return res.status(503).json({ error: 'Cannot sync' });\n  res.json(sync(req.body.syncConfig));\n});`,
          at: 'status(503)',
        },
        {
          name: 'a message that says not loaded, but also to come back later',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 39, endColumn: 42 }],
          code: `app.get('/search', (req, res) => {\n  if (!index.ready) return res.status(503).json({ error: 'Search index not loaded yet, retry later' });\n  res.json(index.search(req.query.q));\n});`,
          at: 'status(503)',
        },
        {
          name: 'hono-rate-limiter with its headers off: the handler must say it',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 5, column: 60, endColumn: 63 }],
          code: `import { rateLimiter } from 'hono-rate-limiter';\napp.use(rateLimiter({\n  standardHeaders: false,\n  keyGenerator: (c) => c.req.header('x-api-key') ?? '',\n  handler: (c) => c.json({ error: 'Rate limit exceeded' }, 429),\n}));`,
          at: '429)',
          output: `import { rateLimiter } from 'hono-rate-limiter';\napp.use(rateLimiter({\n  standardHeaders: false,\n  keyGenerator: (c) => c.req.header('x-api-key') ?? '',\n  handler: (c) => c.json({ error: 'Rate limit exceeded' }, 429, { 'Retry-After': '60' }),\n}));`,
        },
        {
          name: 'an error handler that decides the 429 itself (a database slow-down)',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 2, column: 51, endColumn: 54 }],
          code: `fastify.setErrorHandler((error, request, reply) => {\n  if (isPoolExhausted(error)) return reply.status(429).send({ error: 'Too many connections' });\n  reply.status(500).send({ error: 'failed' });\n});`,
          at: 'status(429)',
        },
        {
          name: 'Nest: a thrown 429 that nothing in the file gives a Retry-After',
          errors: [{ messageId: 'thrownWithoutRetryAfter', line: 6, column: 70, endColumn: 98 }],
          code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';\n@Injectable()\nexport class MessageGuard {\n  async guard(to) {\n    if ((await this.count(to)) >= 5) {\n      throw new HttpException('Too many messages to this recipient', HttpStatus.TOO_MANY_REQUESTS);\n    }\n  }\n}`,
          file: 'message.guard.ts',
          at: 'HttpStatus.TOO_MANY_REQUESTS',
          fixes: [],
          message: /^429 Too Many Requests thrown without Retry-After: set it where this error is answered \(nothing in this file does\)\. /,
        },
        {
          name: 'Koa: ctx.throw(429) with no error handler in the file that sets the header',
          errors: [{ messageId: 'thrownWithoutRetryAfter', line: 2, column: 39, endColumn: 42 }],
          code: `router.get('/exports/:id', async (ctx) => {\n  if (await overQuota(ctx)) ctx.throw(429, 'Export quota used up');\n  ctx.body = await build(ctx.params.id);\n});`,
          file: 'exports.mjs',
          at: 'ctx.throw(429',
        },
        {
          name: "Koa: an upstream's rate limit, told apart by the switch case",
          errors: [{ messageId: 'thrownWithoutRetryAfter', line: 7, column: 26, endColumn: 29 }],
          code: `router.post('/otp', async (ctx) => {\n  try {\n    await sms.send(ctx.request.body.phone);\n  } catch (error) {\n    switch (error.name) {\n      case 'RateLimit':\n        return ctx.throw(429, ctx.t('Please slow down'));\n      default:\n        return ctx.throw(500, 'Send failed');\n    }\n  }\n  ctx.status = 204;\n});`,
          file: 'otp.mjs',
          at: 'ctx.throw(429',
        },
        {
          name: 'a thrown 429 after an early return, the window named where the test value is computed',
          errors: [{ messageId: 'thrownWithoutRetryAfter', line: 6, column: 40, endColumn: 43 }],
          code: `import { HttpException } from '@nestjs/common';\nexport class SendGuard {\n  async guard(to) {\n    const exceeded = (await this.sentPerHour(to)) >= 5;\n    if (!exceeded) return;\n    throw new HttpException('Not now', 429);\n  }\n}`,
          file: 'send.guard.ts',
          at: '429)',
        },
        {
          name: 'Express: next(createError(429))',
          errors: [{ messageId: 'thrownWithoutRetryAfter', line: 3, column: 47, endColumn: 50 }],
          code: `const createError = require('http-errors');\napp.post('/exports', (req, res, next) => {\n  if (overQuota(req)) return next(createError(429, 'Export quota used up'));\n  res.json(start(req.body));\n});`,
          at: 'createError(429',
        },
        {
          name: 'Fastify reply.code(429)',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 3, column: 23, endColumn: 26 }],
          code: `app.post('/reports/generate', async (request, reply) => {\n  if ((await redis.scard(key)) >= 3) {\n    return reply.code(429).send({ error: 'Three reports are already generating' });\n  }\n  return reply.code(202).send({ queued: true });\n});`,
          file: 'rate-limit.ts',
          output: `app.post('/reports/generate', async (request, reply) => {\n  if ((await redis.scard(key)) >= 3) {\n    return reply.code(429).header('Retry-After', '60').send({ error: 'Three reports are already generating' });\n  }\n  return reply.code(202).send({ queued: true });\n});`,
        },
        {
          name: 'Koa ctx.status = 503',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 3, column: 18, endColumn: 21 }],
          code: `router.post('/api/messages', async (ctx) => {\n  if (await sentThisHour(ctx) > 50) {\n    ctx.status = 503;\n    ctx.body = { error: 'Message rate limit exceeded' };\n    return;\n  }\n  ctx.status = 202;\n});`,
          file: 'messages.ts',
          output: `router.post('/api/messages', async (ctx) => {\n  if (await sentThisHour(ctx) > 50) {\n    ctx.status = 503;\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Message rate limit exceeded' };\n    return;\n  }\n  ctx.status = 202;\n});`,
          allowNewFindings: true,
        },
        {
          name: 'Koa: the header goes after a trailing comment, not into it',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 3, column: 18, endColumn: 21 }],
          code: `router.post('/api/send', async (ctx) => {\n  if (await over(ctx)) {\n    ctx.status = 429; // per-user hourly limit\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
          file: 'send.mjs',
          output: `router.post('/api/send', async (ctx) => {\n  if (await over(ctx)) {\n    ctx.status = 429; // per-user hourly limit\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
        },
        {
          name: 'Hono c.text(msg, 429)',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 3, column: 40, endColumn: 43 }],
          code: `app.post('/api/feedback', async (c) => {\n  if (await recent(c) >= 3) {\n    return c.text('Too many requests', 429);\n  }\n  return c.json({ thanks: true }, 202);\n});`,
          file: 'rate-limit.ts',
          output: `app.post('/api/feedback', async (c) => {\n  if (await recent(c) >= 3) {\n    return c.text('Too many requests', 429, { 'Retry-After': '60' });\n  }\n  return c.json({ thanks: true }, 202);\n});`,
        },
        {
          name: 'Next.js NextResponse.json with a multi-line init',
          errors: [{ messageId: 'rateLimitWithoutRetryAfter', line: 6, column: 17, endColumn: 20 }],
          code: `export async function DELETE(request) {\n  if (await ratelimit.count(key) > 5) {\n    return NextResponse.json(\n      { error: 'Too many requests' },\n      {\n        status: 429,\n      },\n    );\n  }\n  return NextResponse.json({ ok: true });\n}`,
          file: 'app/api/newsletter/route.js',
          at: 'status: 429',
          output: `export async function DELETE(request) {\n  if (await ratelimit.count(key) > 5) {\n    return NextResponse.json(\n      { error: 'Too many requests' },\n      {\n        status: 429,\n        headers: { 'Retry-After': '60' },\n      },\n    );\n  }\n  return NextResponse.json({ ok: true });\n}`,
        },
        {
          name: 'node:http writeHead with a multi-line headers object',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 17, endColumn: 20 }],
          code: `function drain(req, res) {\n  res.writeHead(503, {\n    'Content-Type': 'text/plain',\n    Connection: 'close'\n  });\n  res.end('Instance is draining');\n}`,
          output: `function drain(req, res) {\n  res.writeHead(503, {\n    'Content-Type': 'text/plain',\n    Connection: 'close',\n    'Retry-After': '60'\n  });\n  res.end('Instance is draining');\n}`,
        },
        {
          name: 'node:http statusCode assignment',
          errors: [{ messageId: 'unavailableWithoutRetryAfter', line: 2, column: 20, endColumn: 23 }],
          code: `function busy(req, res) {\n  res.statusCode = 503;\n  res.end('Busy');\n}`,
          output: `function busy(req, res) {\n  res.statusCode = 503;\n  res.setHeader('Retry-After', '60');\n  res.end('Busy');\n}`,
        },
      ],
    },
    t,
  ));

test('missing-retry-after: no header fix when the status is one branch of a conditional', () => {
  const code = `app.get('/search', async (req, res) => {\n  const ok = await ping();\n  res.status(ok ? 200 : 503).json({ ok });\n});`;
  const found = findingsOf(code, 'missing-retry-after');
  assert.equal(found.length, 1);
  // A header added to the shared call would also go on the 200.
  assert.deepEqual(found[0].fixes, []);
});
