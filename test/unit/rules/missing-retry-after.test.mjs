import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf, settings } from '../../helpers/analysis.mjs';

test('missing-retry-after', (t) =>
  checkRule('missing-retry-after', {
    valid: [
      // express-rate-limit sets Retry-After itself before it calls the handler option (sefinek/nsfwjs-api).
      `const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({\n  windowMs: 40 * 1000,\n  limit: 3,\n  standardHeaders: 'draft-7',\n  legacyHeaders: false,\n  handler: (req, res) => res.status(429).json({ success: false, status: 429 }),\n});`,
      `import { rateLimit } from 'express-rate-limit';\nexport const limiter = rateLimit({\n  limit: 100,\n  handler(req, res) {\n    res.status(429).send('Too many requests');\n  },\n});`,
      `export function searchThrottle(req, res, next) {\n  const { ok, waitSeconds } = bucket.take(req.ip);\n  if (!ok) {\n    res.set('Retry-After', String(waitSeconds));\n    return res.status(429).json({ error: 'Too many search requests' });\n  }\n  next();\n}`,
      `app.get('/maintenance', (req, res) => {\n  res.status(503).set('Retry-After', '3600').send('Down for maintenance');\n});`,
      { code: `app.post('/otp/verify', async (request, reply) => {\n  if ((await redis.incr(key)) > 5) {\n    return reply.code(429).header('Retry-After', String(await redis.ttl(key))).send({ error: 'Too many attempts' });\n  }\n  return { verified: true };\n});`, file: 'otp.ts' },
      // Koa: set after the status, sent when the middleware ends.
      `router.get('/files/:id/meta', async (ctx) => {\n  try {\n    ctx.body = await Files.meta(ctx.params.id);\n  } catch (err) {\n    ctx.status = 503;\n    ctx.set('Retry-After', '10');\n    ctx.body = { error: 'Storage temporarily unavailable' };\n  }\n});`,
      { code: `app.get('/health/db', async (c) => {\n  try {\n    await pool.query('SELECT 1');\n    return c.json({ db: 'up' });\n  } catch (err) {\n    c.header('Retry-After', '15');\n    return c.json({ db: 'down' }, 503);\n  }\n});`, file: 'health.mjs' },
      { code: `export async function GET() {\n  return Response.json({ database: 'down' }, { status: 503, headers: { 'Retry-After': '30' } });\n}`, file: 'app/api/health/route.js' },
      `function maintenance(req, res) {\n  res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '600' });\n  res.end('<h1>Back in ten minutes</h1>');\n}`,
      // A response helper: its callers may set Retry-After before handing the response over.
      `function tooManyRequests(res, message) {\n  return res.status(429).json({ error: message });\n}\napp.post('/x', (req, res) => {\n  if (limited(req)) {\n    res.set('Retry-After', String(wait(req)));\n    return tooManyRequests(res, 'Slow down');\n  }\n  res.json({ ok: true });\n});`,
      // Thrown: the error handler decides the headers.
      `router.get('/exports/:id', async (ctx) => {\n  if (await overQuota(ctx)) ctx.throw(429, 'Export quota used up');\n  ctx.body = await build(ctx.params.id);\n});`,
      // A Nest decorator: the headers may come from @Header() or an interceptor we don't follow.
      { code: `import { Controller, Header, HttpCode, Post } from '@nestjs/common';\n@Controller('jobs')\nexport class JobsController {\n  @Post('pause')\n  @HttpCode(503)\n  pause() {\n    return { paused: true };\n  }\n}`, file: 'jobs.controller.ts' },
      // Another status: not this rule's business.
      `app.post('/sms', (req, res) => res.status(403).json({ error: 'Daily quota exceeded' }));`,
      // The status is not known.
      `app.use((err, req, res, next) => res.status(err.status || 500).json({ error: 'failed' }));`,
    ],
    invalid: [
      {
        name: 'express-rate-limit with both header options off: the handler must say it',
        code: `const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({\n  standardHeaders: false,\n  legacyHeaders: false,\n  handler: (req, res) => res.status(429).json({ error: 'slow down' }),\n});`,
        at: 'status(429)',
      },
      {
        name: "a handler option of some other library's limiter",
        code: `const limiter = makeLimiter({\n  handler: (req, res) => res.status(429).json({ error: 'slow down' }),\n});`,
        at: 'status(429)',
      },
      {
        name: 'Express 429 in a middleware',
        code: `export function apiQuota(req, res, next) {\n  if (count(req.ip) > 100) {\n    return res.status(429).json({ error: 'Too many requests' });\n  }\n  next();\n}`,
        file: 'rate-limit.mjs',
        at: 'status(429)',
        fixes: ['Add Retry-After: 60'],
        message: /^429 Too Many Requests without Retry-After: add `Retry-After: 60` \(seconds until a retry can succeed\)\. Clients can't tell when the rate limit resets/,
        output: `export function apiQuota(req, res, next) {\n  if (count(req.ip) > 100) {\n    return res.status(429).set('Retry-After', '60').json({ error: 'Too many requests' });\n  }\n  next();\n}`,
      },
      {
        name: 'Express 503, seconds from settings',
        code: `app.get('/ready', (req, res) => {\n  if (!app.locals.migrationsDone) return res.status(503).json({ ready: false });\n  res.json({ ready: true });\n});`,
        settings: { retryAfterSeconds: 120 },
        fixes: ['Add Retry-After: 120'],
        message: /^503 Service Unavailable without Retry-After: add `Retry-After: 120` .*when the service will be back/,
        output: `app.get('/ready', (req, res) => {\n  if (!app.locals.migrationsDone) return res.status(503).set('Retry-After', '120').json({ ready: false });\n  res.json({ ready: true });\n});`,
      },
      {
        name: 'Fastify reply.code(429)',
        code: `app.post('/reports/generate', async (request, reply) => {\n  if ((await redis.scard(key)) >= 3) {\n    return reply.code(429).send({ error: 'Three reports are already generating' });\n  }\n  return reply.code(202).send({ queued: true });\n});`,
        file: 'rate-limit.ts',
        output: `app.post('/reports/generate', async (request, reply) => {\n  if ((await redis.scard(key)) >= 3) {\n    return reply.code(429).header('Retry-After', '60').send({ error: 'Three reports are already generating' });\n  }\n  return reply.code(202).send({ queued: true });\n});`,
      },
      {
        name: 'Koa ctx.status = 503',
        code: `router.post('/api/messages', async (ctx) => {\n  if (await sentThisHour(ctx) > 50) {\n    ctx.status = 503;\n    ctx.body = { error: 'Message rate limit exceeded' };\n    return;\n  }\n  ctx.status = 202;\n});`,
        file: 'messages.ts',
        output: `router.post('/api/messages', async (ctx) => {\n  if (await sentThisHour(ctx) > 50) {\n    ctx.status = 503;\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Message rate limit exceeded' };\n    return;\n  }\n  ctx.status = 202;\n});`,
        allowNewFindings: true,
      },
      {
        name: 'Koa: the header goes after a trailing comment, not into it',
        code: `router.post('/api/send', async (ctx) => {\n  if (await over(ctx)) {\n    ctx.status = 429; // per-user hourly limit\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
        file: 'send.mjs',
        output: `router.post('/api/send', async (ctx) => {\n  if (await over(ctx)) {\n    ctx.status = 429; // per-user hourly limit\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Slow down' };\n    return;\n  }\n  ctx.status = 202;\n});`,
      },
      {
        name: 'Hono c.text(msg, 429)',
        code: `app.post('/api/feedback', async (c) => {\n  if (await recent(c) >= 3) {\n    return c.text('Too many requests', 429);\n  }\n  return c.json({ thanks: true }, 202);\n});`,
        file: 'rate-limit.ts',
        output: `app.post('/api/feedback', async (c) => {\n  if (await recent(c) >= 3) {\n    return c.text('Too many requests', 429, { 'Retry-After': '60' });\n  }\n  return c.json({ thanks: true }, 202);\n});`,
      },
      {
        name: 'Next.js NextResponse.json with a multi-line init',
        code: `export async function DELETE(request) {\n  if (await ratelimit.count(key) > 5) {\n    return NextResponse.json(\n      { error: 'Too many requests' },\n      {\n        status: 429,\n      },\n    );\n  }\n  return NextResponse.json({ ok: true });\n}`,
        file: 'app/api/newsletter/route.js',
        at: 'status: 429',
        output: `export async function DELETE(request) {\n  if (await ratelimit.count(key) > 5) {\n    return NextResponse.json(\n      { error: 'Too many requests' },\n      {\n        status: 429,\n        headers: { 'Retry-After': '60' },\n      },\n    );\n  }\n  return NextResponse.json({ ok: true });\n}`,
      },
      {
        name: 'node:http writeHead with a multi-line headers object',
        code: `function drain(req, res) {\n  res.writeHead(503, {\n    'Content-Type': 'text/plain',\n    Connection: 'close'\n  });\n  res.end('Instance is draining');\n}`,
        output: `function drain(req, res) {\n  res.writeHead(503, {\n    'Content-Type': 'text/plain',\n    Connection: 'close',\n    'Retry-After': '60'\n  });\n  res.end('Instance is draining');\n}`,
      },
      {
        name: 'node:http statusCode assignment',
        code: `function busy(req, res) {\n  res.statusCode = 503;\n  res.end('Busy');\n}`,
        output: `function busy(req, res) {\n  res.statusCode = 503;\n  res.setHeader('Retry-After', '60');\n  res.end('Busy');\n}`,
      },
    ],
  }, t));

test('missing-retry-after: no header fix when the status is one branch of a conditional', () => {
  const code = `app.get('/health', async (req, res) => {\n  const ok = await ping();\n  res.status(ok ? 200 : 503).json({ ok });\n});`;
  const found = findingsOf(code, 'missing-retry-after');
  assert.equal(found.length, 1);
  // A header added to the shared call would also go on the 200.
  assert.deepEqual(found[0].fixes, []);
});
