// The route status map of one file (analysis/routeMap.ts): each registered route of every framework
// with the statuses its handler decides, where, and how (set, thrown, a framework's default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../helpers/analysis.mjs';

const SOURCES = {
  'koa.js': `const Router = require('@koa/router');\nconst router = new Router();\nrouter.get('/items/:id', async (ctx) => {\n  const item = await db.find(ctx.params.id);\n  if (!item) ctx.throw(404, 'no item');\n  ctx.body = item;\n});\nrouter.post('/items', async (ctx) => {\n  ctx.status = 201;\n  ctx.body = {};\n});\n`,
  'hono.ts': `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/items/:id', async (c) => {\n  const item = await db.find(c.req.param('id'));\n  if (!item) return c.json({ error: 'no' }, 404);\n  return c.json(item);\n});\n`,
  'fastify.js': `const fastify = require('fastify')();\nfastify.get('/items/:id', async (request, reply) => {\n  const item = await db.find(request.params.id);\n  if (!item) return reply.code(404).send({ error: 'no' });\n  return item;\n});\n`,
  'nest.ts': `import { Controller, Get, Post, Param, NotFoundException, HttpCode } from '@nestjs/common';\n@Controller('items')\nexport class ItemsController {\n  @Get(':id')\n  async one(@Param('id') id: string) {\n    const item = await this.items.find(id);\n    if (!item) throw new NotFoundException();\n    return item;\n  }\n  @Post()\n  create() {\n    return this.items.create();\n  }\n}\n`,
  'http.js': `const http = require('http');\nhttp.createServer((req, res) => {\n  res.writeHead(404);\n  res.end();\n}).listen(3000);\n`,
};

const routesOf = (file) => api.routesOfFile(api.analyzeText(SOURCES[file], file, api.DEFAULT_SETTINGS).analysis);
const brief = (routes) =>
  routes.map((r) => `${r.method} ${r.path} @${r.line} [${r.framework}]: ${r.responses.map((x) => `${x.status ?? '?'}/${x.via}@${x.line}`).join(' ')}`);

test('Koa: ctx.throw is thrown, ctx.status set directly, a body alone is the default 200', () => {
  assert.deepEqual(brief(routesOf('koa.js')), ['GET /items/:id @3 [koa]: 200/framework@6 404/thrown@5', 'POST /items @8 [koa]: 201/direct@9']);
});

test('Hono and Fastify: a status passed or set is direct, a plain answer is the default 200', () => {
  assert.deepEqual(brief(routesOf('hono.ts')), ['GET /items/:id @3 [hono]: 200/framework@6 404/direct@5']);
  assert.deepEqual(brief(routesOf('fastify.js')), ['GET /items/:id @2 [fastify]: 200/framework@5 404/direct@4']);
});

test("NestJS: the controller prefix joins the method path; thrown exceptions and Nest's defaults (201 for POST, 200 otherwise) are listed", () => {
  assert.deepEqual(brief(routesOf('nest.ts')), ['GET /items/:id @4 [nest]: 200/framework@4 404/thrown@7', 'POST /items @10 [nest]: 201/framework@10']);
});

test('a server without routes (node:http) and middleware (app.use) give no route', () => {
  assert.deepEqual(routesOf('http.js'), []);
  const text = `const app = require('express')();\napp.use('/api', (req, res, next) => {\n  if (!req.user) return res.status(401).end();\n  next();\n});\n`;
  assert.deepEqual(api.routesOfFile(api.analyzeText(text, 'mw.js', api.DEFAULT_SETTINGS).analysis), []);
});

test('a mocked fetch answer in a handler file is no route of this server', () => {
  const text = `const app = require('express')();\napp.get('/x', async (req, res) => {\n  const r = await fetch(url);\n  res.json(await r.json());\n});\nglobalThis.fetch = vi.fn(async () => new Response(null, { status: 500 }));\n`;
  assert.deepEqual(brief(api.routesOfFile(api.analyzeText(text, 'app.js', api.DEFAULT_SETTINGS).analysis)), ['GET /x @2 [express]: 200/framework@4']);
});

test('mount prefixes join along chains from the app; a cycle under the app is cut where it closes; a router mounted twice gets both', () => {
  const mounts = new Map([
    [
      '/p/app.js',
      [
        { prefix: '/api', specifier: './a' },
        { prefix: '/v2', specifier: './a' },
      ],
    ],
    ['/p/a.js', [{ prefix: '/b', specifier: './b' }]],
    [
      '/p/b.js',
      [
        { prefix: '/a', specifier: './a' },
        { prefix: '/x', specifier: 'some-package' },
      ],
    ],
  ]);
  const resolve = (from, spec) => (spec.startsWith('./') ? `/p/${spec.slice(2)}.js` : undefined);
  const got = Object.fromEntries([...api.routePrefixes(mounts, resolve)].map(([f, p]) => [f, [...p].sort()]));
  assert.deepEqual(got, { '/p/a.js': ['/api', '/v2'], '/p/b.js': ['/api/b', '/v2/b'] });
  assert.equal(api.joinRoutePath('/api/', '/'), '/api');
  assert.equal(api.joinRoutePath('', '/users/:id'), '/users/:id');
  assert.equal(api.joinRoutePath('/api', 'users'), '/api/users');
});
