import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('redirect-changes-method', (t) =>
  checkRule(
    'redirect-changes-method',
    {
      valid: [
        // Post/Redirect/Get with the implicit 302 of res.redirect(url): the everyday idiom.
        `app.post('/login', async (req, res) => {\n  await signIn(req);\n  res.redirect('/dashboard');\n});`,
        {
          code: `fastify.post('/login', async (request, reply) => {\n  if (!(await verify(request.body))) return reply.redirect('/login?failed=1');\n  return reply.redirect('/dashboard', 303);\n});`,
          file: 'sessions.mjs',
        },
        `app.post('/profile', async (req, res) => {\n  await save(req.body);\n  res.redirect(303, '/profile');\n});`,
        `app.post('/api/v1/orders', (req, res) => res.redirect(308, '/api/v2/orders'));`,
        // GET routes may redirect with 301/302.
        `app.get('/account/settings', (req, res) => res.redirect(301, '/settings'));`,
        { code: `router.get('/blog/:slug', async (ctx) => {\n  ctx.status = 301;\n  ctx.redirect('/articles/' + ctx.params.slug);\n});`, file: 'redirects.js' },
        { code: `export async function GET(request) {\n  return NextResponse.redirect(new URL('/cart', request.url), 301);\n}`, file: 'app/checkout/route.ts' },
        // Next's default for redirect() is 307; Koa's ctx.redirect() default 302 is implicit.
        { code: `export async function PATCH(request) {\n  return NextResponse.redirect(new URL('/cart', request.url));\n}`, file: 'app/cart/route.ts' },
        `router.post('/login', async (ctx) => {\n  ctx.redirect('/dashboard');\n});`,
        // app.all: any method.
        `app.all('/old', (req, res) => res.redirect(301, '/new'));`,
      ],
      invalid: [
        {
          name: 'Express 301 after a POST',
          errors: [{ messageId: 'methodChanged', line: 3, column: 16, endColumn: 19 }],
          code: `app.post('/signup', async (req, res) => {\n  await Account.register(req.body);\n  res.redirect(301, '/welcome');\n});`,
          at: '301',
          fixes: ['Redirect with 303 See Other (the client GETs the target)', 'Redirect with 308 Permanent Redirect (the client repeats the POST)'],
          message: /^301 Moved Permanently for a POST: use 303 See Other \(switch to GET\) or 308 Permanent Redirect \(same method\)\. .*cached/,
          output: `app.post('/signup', async (req, res) => {\n  await Account.register(req.body);\n  res.redirect(303, '/welcome');\n});`,
        },
        {
          name: 'Express 302 in a callback of a POST handler',
          errors: [{ messageId: 'methodChanged', line: 3, column: 18, endColumn: 21 }],
          code: `app.post('/logout', (req, res) => {\n  req.session.destroy(() => {\n    res.redirect(302, '/');\n  });\n});`,
          fixes: [/^Redirect with 303/, /^Redirect with 307/],
        },
        {
          name: 'Fastify reply.redirect(url, 301)',
          errors: [{ messageId: 'methodChanged', line: 3, column: 48, endColumn: 51 }],
          code: `fastify.post('/checkout', async (request, reply) => {\n  const order = await place(request.session.get('userId'));\n  return reply.redirect(\`/orders/\${order.id}\`, 301);\n});`,
          file: 'sessions.mjs',
          output: `fastify.post('/checkout', async (request, reply) => {\n  const order = await place(request.session.get('userId'));\n  return reply.redirect(\`/orders/\${order.id}\`, 303);\n});`,
        },
        {
          name: 'Koa status set after ctx.redirect',
          errors: [{ messageId: 'methodChanged', line: 4, column: 16, endColumn: 19 }],
          code: `router.post('/register', async (ctx) => {\n  await register(ctx.request.body);\n  ctx.redirect('/welcome');\n  ctx.status = 301;\n});`,
          file: 'redirects.js',
          at: 'ctx.status = 301',
          output: `router.post('/register', async (ctx) => {\n  await register(ctx.request.body);\n  ctx.redirect('/welcome');\n  ctx.status = 303;\n});`,
        },
        {
          name: 'Hono c.redirect(url, 301) on POST',
          errors: [{ messageId: 'methodChanged', line: 3, column: 42, endColumn: 45 }],
          code: `app.post('/checkout/complete', async (c) => {\n  await markComplete(c);\n  return c.redirect('/checkout/success', 301);\n});`,
          file: 'payments.ts',
        },
        {
          name: 'Next.js NextResponse.redirect(url, 302) in POST',
          errors: [{ messageId: 'methodChanged', line: 3, column: 65, endColumn: 68 }],
          code: `export async function POST(request) {\n  const order = await createOrder(request);\n  return NextResponse.redirect(new URL('/thanks', request.url), 302);\n}`,
          file: 'app/api/checkout/route.ts',
        },
        {
          name: 'NestJS @Redirect on a @Post',
          errors: [{ messageId: 'methodChanged', line: 5, column: 18, endColumn: 21 }],
          code: `import { Controller, Post, Redirect, Req } from '@nestjs/common';\n@Controller('auth')\nexport class AuthController {\n  @Post('logout')\n  @Redirect('/', 301)\n  logout(@Req() req) {\n    req.session.destroy();\n  }\n}`,
          file: 'auth.controller.ts',
          at: '301',
          output: `import { Controller, Post, Redirect, Req } from '@nestjs/common';\n@Controller('auth')\nexport class AuthController {\n  @Post('logout')\n  @Redirect('/', 303)\n  logout(@Req() req) {\n    req.session.destroy();\n  }\n}`,
        },
        {
          name: 'node:http handler only dispatched for POST',
          errors: [{ messageId: 'methodChanged', line: 4, column: 19, endColumn: 22 }],
          code: `function login(req, res) {\n  readForm(req, async (form) => {\n    await verify(form);\n    res.writeHead(301, { Location: '/dashboard' });\n    res.end();\n  });\n}\nhttp.createServer((req, res) => {\n  if (req.url === '/login' && req.method === 'POST') return login(req, res);\n  res.writeHead(404).end();\n}).listen(3000);`,
          at: 'writeHead(301',
        },
        {
          name: "app.all: the method comes from the handler's own test",
          errors: [{ messageId: 'methodChanged', line: 4, column: 25, endColumn: 28 }],
          code: `app.all('/contact', (req, res) => {\n  if (req.method === 'POST') {\n    save(req.body);\n    return res.redirect(302, '/contact?sent=1');\n  }\n  res.render('contact');\n});`,
          at: '302',
          message: /for a POST: use 303 See Other/,
        },
        {
          name: 'DELETE: 307 first, nothing preferred',
          errors: [{ messageId: 'methodChanged', line: 3, column: 16, endColumn: 19 }],
          code: `app.delete('/items/:id', async (req, res) => {\n  await remove(req.params.id);\n  res.redirect(302, '/items');\n});`,
          fixes: [/^Redirect with 307/, /^Redirect with 303/],
          message: /for a DELETE: use 307 Temporary Redirect \(same method\) or 303 See Other/,
        },
      ],
    },
    t,
  ));

test('redirect-changes-method: only POST gets a preferred fix', () => {
  const del = findingsOf(`app.put('/items/:id', async (req, res) => { await save(req); res.redirect(301, '/items'); });`, 'redirect-changes-method');
  assert.equal(del.length, 1);
  assert.ok(del[0].fixes.every((f) => !f.isPreferred));
  const post = findingsOf(`app.post('/items', async (req, res) => { await save(req); res.redirect(302, '/items'); });`, 'redirect-changes-method');
  assert.equal(post[0].fixes[0].isPreferred, true);
});
