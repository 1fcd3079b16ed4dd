// `status-hints routes`: each route a file registers, with the statuses its handler decides, in the
// four formats; test files never give routes; the JSON shape is a contract other tools read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, project, json } from './_cli.mjs';

const express = `const express = require('express');
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
});

router.post('/users', async (req, res) => {
  if (!req.body.email) return res.status(400).json({ error: 'email required' });
  const user = await User.create(req.body);
  res.status(201).location('/users/' + user.id).json(user);
});

router.delete('/users/:id', async (req, res) => {
  res.sendStatus(req.query.soft ? 202 : statusFor(req));
});

app.use('/api', router);
module.exports = router;
`;

const next = `import { NextResponse } from 'next/server';
export async function GET(request, { params }) {
  const item = await db.item.find(params.id);
  if (!item) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(item);
}
`;

const tree = () =>
  project({
    'src/routes/users.js': express,
    'app/items/[id]/route.js': next,
    'src/routes/users.test.js': express,
    'src/lib/util.js': 'module.exports = (a, b) => a + b;\n',
  });

test('routes --format json: every route with the statuses its handler decides, where and how', () => {
  const r = cli(['routes', '--format', 'json'], { cwd: tree() });
  assert.equal(r.status, 0, r.stderr);
  const out = json(r);
  assert.deepEqual(Object.keys(out), ['routes']);
  const byRoute = Object.fromEntries(out.routes.map((x) => [`${x.method} ${x.path}`, x]));
  assert.deepEqual(Object.keys(byRoute).sort(), ['DELETE /users/:id', 'GET /items/[id]', 'GET /users/:id', 'POST /users']);

  const get = byRoute['GET /users/:id'];
  assert.deepEqual({ file: get.file, line: get.line, framework: get.framework }, { file: 'src/routes/users.js', line: 4, framework: 'express' });
  assert.deepEqual(get.responses, [
    { status: 200, file: 'src/routes/users.js', line: 7, via: 'framework' },
    { status: 404, file: 'src/routes/users.js', line: 6, via: 'direct' },
  ]);
  assert.deepEqual(
    byRoute['POST /users'].responses.map((x) => [x.status, x.line, x.via]),
    [
      [201, 13, 'direct'],
      [400, 11, 'direct'],
    ],
  );
  // A status computed at run time is listed as null, after the known ones.
  assert.deepEqual(
    byRoute['DELETE /users/:id'].responses.map((x) => x.status),
    [202, null],
  );
  const item = byRoute['GET /items/[id]'];
  assert.equal(item.file, 'app/items/[id]/route.js');
  assert.deepEqual(
    item.responses.map((x) => x.status),
    [200, 404],
  );
  // Test files never give routes, even when they hold a whole router.
  assert.ok(out.routes.every((x) => !x.file.includes('.test.')));
});

test('routes prints a table by default and Markdown on request', () => {
  const dir = tree();
  const table = cli(['routes', 'src'], { cwd: dir });
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^GET\s+\/users\/:id\s+200 · 404\s+src\/routes\/users\.js:4$/m);
  assert.match(table.stdout, /^DELETE\s+\/users\/:id\s+202 · \?\s+src\/routes\/users\.js:16$/m);
  assert.match(table.stdout, /^3 routes \(\? = a status known only at run time\)$/m);

  const md = cli(['routes', 'src', '--format', 'markdown'], { cwd: dir });
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^\| Method \| Path \| Responses \| Handler \|$/m);
  assert.match(md.stdout, /^\| POST \| `\/users` \| 201 · 400 \| src\/routes\/users\.js:10 \|$/m);
});

test('routes --format openapi: OpenAPI 3.1 paths with templated parameters and each status described by its phrase', () => {
  const r = cli(['routes', '--format', 'openapi'], { cwd: tree() });
  assert.equal(r.status, 0, r.stderr);
  const doc = json(r);
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths).sort(), ['/items/{id}', '/users', '/users/{id}']);
  assert.deepEqual(doc.paths['/users/{id}'].get.responses, { 200: { description: 'OK' }, 404: { description: 'Not Found' } });
  // A status known only at run time is not invented: the known one is listed, nothing else.
  assert.deepEqual(Object.keys(doc.paths['/users/{id}'].delete.responses), ['202']);
  assert.deepEqual(Object.keys(doc.paths['/users'].post.responses).sort(), ['201', '400']);
});

test("routes refuses check's options and unknown formats, naming them", () => {
  const dir = tree();
  const fix = cli(['routes', '--fix'], { cwd: dir });
  assert.equal(fix.status, 2);
  assert.match(fix.stderr, /--fix is an option of check, not of routes/);
  const sarif = cli(['routes', '--format', 'sarif'], { cwd: dir });
  assert.equal(sarif.status, 2);
  assert.match(sarif.stderr, /--format needs one of table\|json\|markdown\|openapi for routes, not "sarif"/);
});

test('routes on a folder without routes says so', () => {
  const r = cli(['routes'], { cwd: project({ 'src/lib/util.js': 'module.exports = 1;\n' }) });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'No routes found.');
});

test('routers mounted in another file get their full paths: require, import, chains of routers, Hono route() and Fastify register({ prefix })', () => {
  const dir = project({
    'src/app.js':
      "const express = require('express');\nconst app = express();\nconst api = require('./api');\napp.use('/api', api);\napp.get('/health', (req, res) => res.sendStatus(204));\n",
    'src/api/index.js':
      "const router = require('express').Router();\nrouter.use('/users', require('./users'));\nrouter.get('/', (req, res) => res.json({}));\nmodule.exports = router;\n",
    'src/api/users.js':
      "const router = require('express').Router();\nrouter.get('/:id', (req, res) => res.status(404).end());\nrouter.post('/', (req, res) => res.status(201).location('/x').json({}));\nmodule.exports = router;\n",
    'hono/app.ts': "import { Hono } from 'hono';\nimport books from './books';\nconst app = new Hono();\napp.route('/books', books);\n",
    'hono/books.ts':
      "import { Hono } from 'hono';\nconst books = new Hono();\nbooks.get('/:id', (c) => c.json({ error: 'no' }, 404));\nexport default books;\n",
    'fastify/server.js': "const fastify = require('fastify')();\nfastify.register(require('./items'), { prefix: '/v1/items' });\n",
    'fastify/items.js': "module.exports = async function (app) {\n  app.get('/:id', async (request, reply) => reply.code(410).send());\n};\n",
    // Routers that only mount each other (no app above them) keep their own paths.
    'cycle/a.js':
      "const r = require('express').Router();\nr.use('/b', require('./b'));\nr.get('/a', (req, res) => res.sendStatus(200));\nmodule.exports = r;\n",
    'cycle/b.js':
      "const r = require('express').Router();\nr.use('/a', require('./a'));\nr.get('/b', (req, res) => res.sendStatus(200));\nmodule.exports = r;\n",
  });
  const r = cli(['routes', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const got = json(r).routes.map((x) => `${x.method} ${x.path} ${x.file}`);
  for (const want of [
    'GET /health src/app.js',
    'GET /api src/api/index.js',
    'GET /api/users/:id src/api/users.js',
    'POST /api/users src/api/users.js',
    'GET /books/:id hono/books.ts',
    'GET /v1/items/:id fastify/items.js',
    'GET /a cycle/a.js',
    'GET /b cycle/b.js',
  ])
    assert.ok(got.includes(want), `${want} in:\n${got.join('\n')}`);
  assert.equal(got.length, 8, got.join('\n'));
});

test('a handler registered by name from another module answers from there: CommonJS controllers behind an index, ESM named imports, a local function', () => {
  const dir = project({
    'src/app.js': "const express = require('express');\nconst app = express();\napp.use('/v1/users', require('./routes/users'));\n",
    'src/routes/users.js': [
      "const express = require('express');",
      "const { userController } = require('../controllers');",
      'const router = express.Router();',
      "router.route('/').post(validate(createUser), userController.createUser).get(userController.getUsers);",
      "router.get('/:id', auth('getUsers'), userController.getUser);",
      "router.delete('/:id', userController.nowhere);",
      'module.exports = router;',
      '',
    ].join('\n'),
    'src/controllers/index.js': "module.exports.userController = require('./user.controller');\n",
    'src/controllers/user.controller.js': [
      'const createUser = catchAsync(async (req, res) => {',
      '  const user = await userService.createUser(req.body);',
      '  res.status(201).location(`/v1/users/${user.id}`).send(user);',
      '});',
      'const getUsers = catchAsync(async (req, res) => {',
      '  res.send(await userService.query());',
      '});',
      'const getUser = catchAsync(async (req, res) => {',
      '  const user = await userService.getUserById(req.params.id);',
      "  if (!user) return res.status(404).send({ message: 'User not found' });",
      '  res.send(user);',
      '});',
      'module.exports = { createUser, getUsers, getUser };',
      '',
    ].join('\n'),
    'esm/app.ts':
      "import { Hono } from 'hono';\nimport { getBook } from './handlers';\nconst app = new Hono();\napp.get('/books/:id', getBook);\napp.get('/local', local);\nfunction local(c) {\n  return c.json({ error: 'gone' }, 410);\n}\n",
    'esm/handlers.ts': "export const getBook = (c) => c.json({ error: 'no' }, 404);\n",
    // A client's requests are no routes: a name that is no function, in a file that imports no server.
    'web/api.js':
      "import axios from 'axios';\nimport { config } from './config';\nconst api = axios.create({ baseURL: '/api' });\nexport const load = () => api.get('/users/:id', config);\napi.post('/orders', payload);\n",
    'web/config.js': "export const config = { headers: { accept: 'application/json' } };\n",
  });
  const r = cli(['routes', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const got = Object.fromEntries(json(r).routes.map((x) => [`${x.method} ${x.path}`, x]));
  const statuses = (key) => got[key].responses.map((x) => `${x.status}@${x.file}:${x.line}`);
  assert.deepEqual(statuses('POST /v1/users'), ['201@src/controllers/user.controller.js:3']);
  assert.deepEqual(statuses('GET /v1/users'), ['200@src/controllers/user.controller.js:6']);
  assert.deepEqual(statuses('GET /v1/users/:id'), ['200@src/controllers/user.controller.js:11', '404@src/controllers/user.controller.js:10']);
  assert.deepEqual({ file: got['GET /v1/users/:id'].file, line: got['GET /v1/users/:id'].line }, { file: 'src/routes/users.js', line: 5 });
  // A handler the project does not define is still a route; what it answers is not known.
  assert.deepEqual(got['DELETE /v1/users/:id'].responses, []);
  assert.deepEqual(statuses('GET /books/:id'), ['404@esm/handlers.ts:1']);
  assert.equal(got['GET /books/:id'].framework, 'hono');
  assert.deepEqual(statuses('GET /local'), ['410@esm/app.ts:7']);
  assert.ok(
    json(r).routes.every((x) => !x.file.startsWith('web/')),
    'no route from the client file',
  );
});

test("koa-mount's mount('/api', app) prefixes the mounted module, also through an index re-exporting it; NestJS's setGlobalPrefix prefixes every controller", () => {
  const dir = project({
    'koa/server.js':
      "const Koa = require('koa');\nconst mount = require('koa-mount');\nconst api = require('./api');\nconst app = new Koa();\napp.use(mount('/api', api));\n",
    'koa/routes/index.js': "export { default } from './things';\n",
    'koa/routes/things.js':
      "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/things', async (ctx) => {\n  ctx.status = 204;\n});\nexport default router;\n",
    'koa/app2.js':
      "import Koa from 'koa';\nimport mount from 'koa-mount';\nimport routes from './routes';\nconst app = new Koa();\napp.use(mount('/v2', routes));\n",
    'koa/api.js':
      "const Router = require('@koa/router');\nconst router = new Router();\nrouter.get('/things/:id', async (ctx) => {\n  ctx.throw(404, 'no thing');\n});\nmodule.exports = router;\n",
    'nest/main.ts':
      "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api/v1');\n  await app.listen(3000);\n}\nbootstrap();\n",
    'nest/items.controller.ts':
      "import { Controller, Get } from '@nestjs/common';\n@Controller('items')\nexport class ItemsController {\n  @Get()\n  list() {\n    return this.items.all();\n  }\n}\n",
  });
  const r = cli(['routes', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const got = json(r).routes.map((x) => `${x.method} ${x.path} → ${x.responses.map((y) => y.status).join(',')}`);
  // A router behind an index that re-exports it takes the index's mount.
  assert.deepEqual(got.sort(), ['GET /api/things/:id → 404', 'GET /api/v1/items → 200', 'GET /v2/things → 204']);
});
