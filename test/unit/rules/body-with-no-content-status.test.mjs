import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, checkRule, findingsOf } from '../../helpers/analysis.mjs';

test('body-with-no-content-status', (t) =>
  checkRule(
    'body-with-no-content-status',
    {
      valid: [
        `router.post('/logout', async (req, res) => {\n  await sessions.revoke(req.user.sub);\n  res.status(204).end();\n});`,
        `app.delete('/users/:id', async (req, res) => {\n  await users.remove(req.params.id);\n  res.sendStatus(204);\n});`,
        {
          code: `fastify.delete('/users/:id', async (request, reply) => {\n  await users.remove(request.params.id);\n  return reply.code(204).send();\n});`,
          file: 'users.js',
        },
        { code: `app.delete('/posts/:id/pin', async (c) => {\n  await posts.unpin(c.req.param('id'));\n  return c.body(null, 204);\n});`, file: 'posts.ts' },
        {
          code: `export async function DELETE() {\n  await prisma.user.delete({ where: { id: '1' } });\n  return new Response(null, { status: 204 });\n}`,
          file: 'app/api/users/route.ts',
        },
        { code: `router.delete('/:id', async (ctx) => {\n  await orders.archive(ctx.params.id);\n  ctx.status = 204;\n});`, file: 'orders.ts' },
        `function serveStatic(req, res) {\n  if (req.headers['if-none-match'] === etag) {\n    res.writeHead(304, { ETag: etag });\n    res.end();\n    return;\n  }\n  res.end(data);\n}`,
        {
          code: `import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Delete(':id')\n  @HttpCode(HttpStatus.NO_CONTENT)\n  async remove(id: string): Promise<void> {\n    await this.users.remove(id);\n  }\n}`,
          file: 'users.controller.ts',
        },
        // The 204's body is a service call result: may well be undefined, stay silent.
        {
          code: `import { Controller, Delete, HttpCode } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Delete(':id')\n  @HttpCode(204)\n  remove(id: string) {\n    return this.users.remove(id);\n  }\n}`,
          file: 'users.controller.ts',
        },
        `app.post('/x', (req, res) => res.status(200).json({ ok: true }));`,
        // The body is what a call returned, which may be undefined: unknown, stay silent.
        {
          code: `fastify.head('/namespaces/:ns', async (request, reply) => {\n  const result = await catalog.namespaceExists(request.params.ns);\n  return reply.status(204).send(result);\n});`,
          file: 'ns.js',
        },
        { code: `fastify.delete('/tables/:t', async (request, reply) => reply.code(204).send(await catalog.dropTable(request.params.t)));`, file: 't.js' },
      ],
      invalid: [
        {
          name: 'Express 204 with a JSON body: send it with 200',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 14, endColumn: 17 }],
          code: `router.delete('/uploads/:id', async (req, res) => {\n  await file.destroy();\n  res.status(204).json({ deleted: true });\n});`,
          at: 'status(204)',
          fixes: ['Respond 200 OK (send the body)', 'Remove the body (keep 204)'],
          message:
            /^204 No Content with a body \(`\{ deleted: true \}`\): respond 200 OK to send it, or drop the body\. Express silently drops the body of a 204/,
          output: `router.delete('/uploads/:id', async (req, res) => {\n  await file.destroy();\n  res.status(200).json({ deleted: true });\n});`,
        },
        {
          name: 'String(x) always makes content',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 14, endColumn: 17 }],
          code: `app.delete('/uploads/:id', async (req, res) => {\n  const left = await uploads.remove(req.params.id);\n  res.status(204).send(String(left));\n});`,
          at: 'status(204)',
        },
        {
          name: 'a variable that may be given another value is not only the call result',
          errors: [{ messageId: 'bodyNotSent', line: 4, column: 14, endColumn: 17 }],
          code: `app.delete('/uploads/:id', async (req, res) => {\n  let result = await uploads.remove(req.params.id);\n  result = { deleted: true };\n  res.status(204).json(result);\n});`,
          at: 'status(204)',
        },
        {
          name: 'a constant holding an object literal',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 14, endColumn: 17 }],
          code: `app.delete('/uploads/:id', (req, res) => {\n  const payload = { deleted: true };\n  res.status(204).json(payload);\n});`,
          at: 'status(204)',
        },
        {
          name: 'Express 204 with an empty object: remove it',
          errors: [{ messageId: 'bodyNotSent', line: 2, column: 14, endColumn: 17 }],
          code: `app.post('/ack', (req, res) => {\n  res.status(204).json({});\n});`,
          fixes: ['Remove the body (keep 204)', 'Respond 200 OK (send the body)'],
          output: `app.post('/ack', (req, res) => {\n  res.status(204).end();\n});`,
        },
        {
          name: 'Fastify reply.code(204).send(x)',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 21, endColumn: 24 }],
          code: `fastify.delete('/uploads/:id', async (request, reply) => {\n  await db.files.remove(request.params.id);\n  return reply.code(204).send({ ok: true });\n});`,
          file: 'uploads.ts',
          message: /Fastify silently drops/,
        },
        {
          name: 'Hono: the Response constructor throws',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 36, endColumn: 39 }],
          code: `app.delete('/posts/:id', async (c) => {\n  await posts.remove(c.req.param('id'));\n  return c.json({ deleted: true }, 204);\n});`,
          file: 'posts.ts',
          at: '204',
          message: /TypeError/,
        },
        {
          name: 'Next.js NextResponse.json with status 204',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 62, endColumn: 65 }],
          code: `export async function DELETE(request: Request) {\n  await db.upload.delete({ where: { id: '1' } });\n  return NextResponse.json({ message: 'Deleted' }, { status: 204 });\n}`,
          file: 'app/api/uploads/route.ts',
          message: /TypeError/,
        },
        {
          name: 'Koa ctx.status = 204 then a body',
          errors: [{ messageId: 'bodyNotSent', line: 3, column: 16, endColumn: 19 }],
          code: `router.post('/:id/cancel', async (ctx) => {\n  await orders.cancel(ctx.params.id);\n  ctx.status = 204;\n  ctx.body = { cancelled: true };\n});`,
          file: 'orders.ts',
          at: 'ctx.status = 204',
          message: /Koa silently drops/,
        },
        {
          name: 'node:http 304 with the body: remove it (preferred), no 200',
          errors: [{ messageId: 'bodyOnNotModified', line: 3, column: 19, endColumn: 22 }],
          code: `function manifest(req, res) {\n  if (req.headers['if-none-match'] === etag) {\n    res.writeHead(304, { ETag: etag });\n    res.end(body);\n    return;\n  }\n  res.end(body);\n}`,
          at: 'writeHead(304',
          fixes: ['Remove the body (keep 304)'],
          message: /reuse its cached copy/,
          output: `function manifest(req, res) {\n  if (req.headers['if-none-match'] === etag) {\n    res.writeHead(304, { ETag: etag });\n    res.end();\n    return;\n  }\n  res.end(body);\n}`,
        },
        {
          name: 'NestJS @HttpCode(204) on a method returning an object',
          errors: [{ messageId: 'bodyNotSent', line: 5, column: 13, endColumn: 16 }],
          code: `import { Controller, HttpCode, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post(':id/deactivate')\n  @HttpCode(204)\n  async deactivate(id: string) {\n    const user = await this.users.deactivate(id);\n    return { id: user.id, active: false };\n  }\n}`,
          file: 'users.controller.ts',
          at: '@HttpCode(204)',
          message: /NestJS/,
          output: `import { Controller, HttpCode, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post(':id/deactivate')\n  @HttpCode(200)\n  async deactivate(id: string) {\n    const user = await this.users.deactivate(id);\n    return { id: user.id, active: false };\n  }\n}`,
        },
      ],
    },
    t,
  ));

test('body-with-no-content-status: removing the body, per framework', () => {
  const removed = (code, file) => {
    const [f] = findingsOf(code, 'body-with-no-content-status', { file });
    const fix = f.fixes.find((x) => x.title.startsWith('Remove the body'));
    assert.ok(fix, `no remove fix for\n${code}`);
    return api.applyEdits(code, fix.edits);
  };
  assert.match(removed(`fastify.delete('/u/:id', async (request, reply) => reply.code(204).send({ ok: true }));`, 'u.js'), /reply\.code\(204\)\.send\(\)/);
  assert.match(removed(`app.delete('/p/:id', async (c) => c.json({ deleted: true }, 204));`, 'p.ts'), /c\.body\(null, 204\)/);
  assert.match(
    removed(`export async function DELETE() {\n  return NextResponse.json({ message: 'Deleted' }, { status: 204 });\n}`, 'app/api/x/route.ts'),
    /new NextResponse\(null, \{ status: 204 \}\)/,
  );
  assert.match(
    removed(`export async function DELETE() {\n  return new Response('gone', { status: 204 });\n}`, 'app/api/x/route.ts'),
    /new Response\(null, \{ status: 204 \}\)/,
  );
  assert.match(
    removed(`fastify.delete('/u/:id', async (request, reply) => {\n  reply.code(204);\n  return { ok: true };\n});`, 'u.js'),
    /return reply\.send\(\);/,
  );
  // A 304 keeps its status: the only fix removes the body.
  const [notModified] = findingsOf(`function m(req, res) {\n  res.writeHead(304, { ETag: etag });\n  res.end(body);\n}`, 'body-with-no-content-status');
  assert.deepEqual(
    notModified.fixes.map((f) => f.title),
    ['Remove the body (keep 304)'],
  );
  assert.equal(
    removed(`router.post('/:id/cancel', async (ctx) => {\n  ctx.status = 204;\n  ctx.body = { cancelled: true };\n});`, 'orders.ts'),
    `router.post('/:id/cancel', async (ctx) => {\n  ctx.status = 204;\n});`,
  );
});
