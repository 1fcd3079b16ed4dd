import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('rate-limit-should-be-429', (t) =>
  checkRule(
    'rate-limit-should-be-429',
    {
      valid: [
        // Already 429.
        `export function apiQuota(req, res, next) {\n  if (req.user.callsToday > req.user.plan.dailyCalls) return res.status(429).set('Retry-After', '3600').json({ error: 'Daily quota exceeded' });\n  next();\n}`,
        // A size limit is not a rate limit, even next to a "limit exceeded" message.
        `app.post('/upload', async (req, res) => {\n  const upload = await uploads.stat(req.params.id);\n  if (upload.bytes > MAX_BYTES) return res.status(400).json({ error: 'Upload size limit exceeded' });\n  res.sendStatus(204);\n});`,
        // Too many items in this request is a validation error.
        `app.post('/cart', (req, res) => {\n  if (req.body.items.length > 50) return res.status(400).json({ error: 'Too many items in cart' });\n  res.json({ ok: true });\n});`,
        // "Too many" about the size of a stored collection, not a request rate.
        `app.post('/cart/items', async (req, res) => {\n  const cart = await Cart.findById(req.session.cartId);\n  if (cart.items.length >= 50) return res.status(400).json({ error: 'Too many items in your cart' });\n  res.status(201).location('/cart/items/1').json(await cart.add(req.body));\n});`,
        // A lockout until a point in time, not a counter: "try again later" alone does not make it a rate limit.
        `app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'bad credentials' });\n  if (user.lockedUntil > Date.now()) return res.status(403).json({ error: 'Account locked, try again later' });\n  res.json({ token: sign(user) });\n});`,
        // Server-wide load shedding: 503 is right.
        `app.use((req, res, next) => {\n  if (inFlightRequests > MAX_CONCURRENT) return res.status(503).set('Retry-After', '5').json({ error: 'Server busy, too many requests in flight' });\n  next();\n});`,
        // A plan's seat limit is not a rate limit.
        `app.post('/members', async (req, res) => {\n  const members = await Member.countDocuments({ orgId: req.user.orgId });\n  if (members >= req.user.plan.maxSeats) return res.status(403).json({ error: 'Seat limit reached for your plan' });\n  res.status(201).location('/members/1').json(await Member.create(req.body));\n});`,
        // An upstream's rate limit passed on as 503 from a catch.
        `app.get('/weather', async (req, res) => {\n  try {\n    res.json(await weatherApi.current(req.query.city));\n  } catch (err) {\n    res.status(503).json({ error: 'Rate limited by the weather provider, try again later' });\n  }\n});`,
        // Fastify: a batch size check.
        {
          code: `fastify.post('/batch', async (request, reply) => {\n  if (request.body.jobs.length > 100) return reply.code(400).send({ error: 'Send at most 100 jobs' });\n  return reply.code(202).send(await queue.add(request.body.jobs));\n});`,
          file: 'batch.js',
        },
      ],
      invalid: [
        {
          name: 'Express: a daily upload quota answered 403',
          errors: [{ messageId: 'rateLimit', line: 3, column: 23, endColumn: 26 }],
          code: `export function uploadQuota(req, res, next) {\n  if (req.user.uploadsToday >= req.user.plan.dailyUploadLimit) {\n    return res.status(403).json({ error: 'Daily upload limit reached' });\n  }\n  next();\n}`,
          at: 'status(403)',
          message:
            /^403 Forbidden for a rate or quota limit: respond 429 Too Many Requests with Retry-After\. The client went over a rate or quota limit .*treat it as a permanent refusal/,
          fixes: ['Respond 429 Too Many Requests with Retry-After: 60'],
          output: `export function uploadQuota(req, res, next) {\n  if (req.user.uploadsToday >= req.user.plan.dailyUploadLimit) {\n    return res.status(429).set('Retry-After', '60').json({ error: 'Daily upload limit reached' });\n  }\n  next();\n}`,
        },
        {
          name: 'Express: a monthly export quota answered 500 (retryAfterSeconds setting)',
          errors: [{ messageId: 'rateLimit', line: 4, column: 23, endColumn: 26 }],
          code: `export function exportQuota(req, res, next) {\n  const used = req.account.exportsThisMonth;\n  if (used >= req.account.monthlyExportQuota) {\n    return res.status(500).json({ error: 'Monthly export quota exceeded' });\n  }\n  next();\n}`,
          settings: { retryAfterSeconds: 3600 },
          output: `export function exportQuota(req, res, next) {\n  const used = req.account.exportsThisMonth;\n  if (used >= req.account.monthlyExportQuota) {\n    return res.status(429).set('Retry-After', '3600').json({ error: 'Monthly export quota exceeded' });\n  }\n  next();\n}`,
        },
        {
          name: 'Koa: a Redis counter answered 503',
          errors: [{ messageId: 'rateLimit', line: 4, column: 18, endColumn: 21 }],
          code: `router.post('/api/messages', async (ctx) => {\n  const sentThisHour = await redis.incr('msg:' + ctx.state.user.id);\n  if (sentThisHour > 50) {\n    ctx.status = 503;\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
          file: 'messages.ts',
          at: 'ctx.status = 503',
          output: `router.post('/api/messages', async (ctx) => {\n  const sentThisHour = await redis.incr('msg:' + ctx.state.user.id);\n  if (sentThisHour > 50) {\n    ctx.status = 429;\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
        },
        {
          name: 'Hono: attempts counter answered 403',
          errors: [{ messageId: 'rateLimit', line: 5, column: 53, endColumn: 56 }],
          code: `app.post('/api/sms/verify', async (c) => {\n  const { phone } = await c.req.json();\n  const attempts = Number((await c.env.KV.get('sms:' + phone)) ?? 0);\n  if (attempts >= 5) {\n    return c.json({ error: 'Rate limit exceeded' }, 403);\n  }\n  return c.json({ sent: true });\n});`,
          file: 'sms.ts',
          at: '403)',
          output: `app.post('/api/sms/verify', async (c) => {\n  const { phone } = await c.req.json();\n  const attempts = Number((await c.env.KV.get('sms:' + phone)) ?? 0);\n  if (attempts >= 5) {\n    return c.json({ error: 'Rate limit exceeded' }, 429, { 'Retry-After': '60' });\n  }\n  return c.json({ sent: true });\n});`,
        },
        {
          name: 'Fastify: reset requests counter answered 400, Retry-After chained',
          errors: [{ messageId: 'rateLimit', line: 4, column: 23, endColumn: 26 }],
          code: `app.post('/password-reset', async (request, reply) => {\n  const recent = await redis.incr('pwreset:' + request.body.email);\n  if (recent > 3) {\n    return reply.code(400).send({ error: 'Too many reset requests, try again in an hour' });\n  }\n  return reply.code(202).send();\n});`,
          file: 'reset.ts',
          output: `app.post('/password-reset', async (request, reply) => {\n  const recent = await redis.incr('pwreset:' + request.body.email);\n  if (recent > 3) {\n    return reply.code(429).header('Retry-After', '60').send({ error: 'Too many reset requests, try again in an hour' });\n  }\n  return reply.code(202).send();\n});`,
        },
        {
          name: 'Nest: HttpException with HttpStatus.FORBIDDEN for OTP attempts',
          errors: [{ messageId: 'rateLimit', line: 6, column: 69, endColumn: 89 }],
          code: `import { HttpException, HttpStatus } from '@nestjs/common';\nexport class AuthController {\n  async verifyOtp(body) {\n    const attempts = await this.authService.countOtpAttempts(body.userId);\n    if (attempts >= 5) {\n      throw new HttpException('Too many attempts, try again later', HttpStatus.FORBIDDEN);\n    }\n    return this.authService.verifyOtp(body);\n  }\n}`,
          file: 'auth.controller.ts',
          at: 'HttpStatus.FORBIDDEN',
          output: `import { HttpException, HttpStatus } from '@nestjs/common';\nexport class AuthController {\n  async verifyOtp(body) {\n    const attempts = await this.authService.countOtpAttempts(body.userId);\n    if (attempts >= 5) {\n      throw new HttpException('Too many attempts, try again later', HttpStatus.TOO_MANY_REQUESTS);\n    }\n    return this.authService.verifyOtp(body);\n  }\n}`,
          // missing-retry-after: a thrown 429 cannot carry the header in this fix, so that rule asks for it.
          allowNewFindings: true,
        },
        {
          name: 'http-errors: only the message says it',
          errors: [{ messageId: 'rateLimit', line: 4, column: 29, endColumn: 32 }],
          code: `import createError from 'http-errors';\nrouter.post('/session/magic-link', async (req, res, next) => {\n  if (await Sessions.shouldThrottle(req.body.email)) {\n    return next(createError(500, 'Too many requests, try again later'));\n  }\n  res.sendStatus(202);\n});`,
          message: /The response says "Too many requests, try again later"/,
          // missing-retry-after: the fixed createError(429, ...) carries no header, and nothing in the file sets one.
          allowNewFindings: true,
        },
        {
          name: 'Koa: a counter check with a "too many" message',
          errors: [{ messageId: 'rateLimit', line: 4, column: 15, endColumn: 18 }],
          code: `router.post('/api/invites', async (ctx) => {\n  const pending = await ctx.state.services.invites.countPending(ctx.state.user.orgId);\n  if (pending >= 20) {\n    ctx.throw(400, 'Too many pending invites, wait for some to be accepted');\n  }\n  ctx.status = 201;\n  ctx.set('Location', '/invites/1');\n});`,
          file: 'invites.ts',
          at: 'ctx.throw(400',
          // missing-retry-after: the fixed ctx.throw(429, ...) carries no header, and nothing in the file sets one.
          allowNewFindings: true,
        },
        {
          name: 'Upstash ratelimit result answered 403',
          errors: [{ messageId: 'rateLimit', line: 4, column: 64, endColumn: 67 }],
          code: `export async function POST(request) {\n  const { success } = await ratelimit.limit(ip(request));\n  if (!success) {\n    return NextResponse.json({ error: 'Slow down' }, { status: 403 });\n  }\n  return NextResponse.json({ ok: true });\n}`,
          file: 'app/api/chat/route.ts',
          at: 'status: 403',
          output: `export async function POST(request) {\n  const { success } = await ratelimit.limit(ip(request));\n  if (!success) {\n    return NextResponse.json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '60' } });\n  }\n  return NextResponse.json({ ok: true });\n}`,
        },
      ],
    },
    t,
  ));

// Counters and clocks that are not rate limits.
test('rate-limit-should-be-429: deadlines and "in use at all"', (t) =>
  checkRule(
    'rate-limit-should-be-429',
    {
      valid: [
        // An expired invite token: a deadline passed, not a quota.
        `router.post('/invites/accept', async (req, res) => {\n  const user = await users.byInvite(req.body.token);\n  const tokenExpiry = new Date(user.tokenExpiry);\n  const today = new Date();\n  if (today > tokenExpiry) throw new ApiError(400, 'Invite token expired, try again later');\n  res.json(await users.activate(user));\n});`,
        // A template used by any page cannot be deleted: a dependency, not a rate.
        {
          code: `router.delete('/templates/:uid', async (ctx) => {\n  const usageCount = await usages.count({ filter: { uid: ctx.params.uid } });\n  if (usageCount > 0) {\n    return ctx.throw(400, { code: 'TEMPLATE_IN_USE', message: 'Template is in use, too many pages use it' });\n  }\n  ctx.status = 204;\n});`,
          file: 'templates.js',
        },
      ],
      invalid: [
        {
          name: 'a daily counter over its limit is still a rate',
          errors: [{ messageId: 'rateLimit', line: 3, column: 54, endColumn: 57 }],
          code: `router.post('/sms', async (req, res) => {\n  const sentToday = await sms.countSince(req.user.id, startOfDay());\n  if (sentToday > DAILY_SMS_LIMIT) return res.status(403).json({ error: 'Daily SMS limit reached' });\n  res.json(await sms.send(req.body));\n});`,
          at: 'status(403)',
        },
        {
          name: 'a budget used up is still a quota',
          errors: [{ messageId: 'rateLimit', line: 3, column: 41, endColumn: 44 }],
          code: `router.post('/exports', async (req, res) => {\n  const remaining = await quota.remainingExports(req.user.id);\n  if (remaining <= 0) return res.status(403).json({ error: 'Export quota exceeded' });\n  res.json(await exportsSvc.start(req.body));\n});`,
          at: 'status(403)',
        },
      ],
    },
    t,
  ));
