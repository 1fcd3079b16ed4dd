// A generated corpus of realistic route-handler files across frameworks, the same for a given seed and
// size: services and controllers with lookups, validation, auth, rate limits, try/catch, helpers and
// comments, most of them correct and some with the mistakes the rules look for (~5 KB per file).
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESOURCES = [
  'user',
  'order',
  'invoice',
  'product',
  'session',
  'comment',
  'article',
  'payment',
  'coupon',
  'ticket',
  'team',
  'project',
  'report',
  'webhook',
  'address',
];
const FIELDS = ['email', 'name', 'title', 'amount', 'quantity', 'status', 'description', 'slug', 'currency', 'dueDate'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function pick(rand, xs) {
  return xs[Math.floor(rand() * xs.length)];
}

/** Mostly the right status; now and then a wrong one (what the rules are for). */
function maybeWrong(rand, right, wrong) {
  return rand() < 0.12 ? wrong : right;
}

const express = {
  ext: ['js', 'ts', 'mjs', 'cjs'],
  header: (r) =>
    `const express = require('express');\nconst { ${cap(r)} } = require('../models');\nconst { validate${cap(r)} } = require('../validators');\n\nconst router = express.Router();\n`,
  footer: () => `\nmodule.exports = router;\n`,
  handlers: {
    get: (rand, r, f) => `router.get('/${r}s/:id', async (req, res, next) => {
  try {
    const ${r} = await ${cap(r)}.findById(req.params.id);
    if (!${r}) {
      return res.status(${maybeWrong(rand, 404, 500)}).json({ error: '${cap(r)} not found' });
    }
    res.json({ id: ${r}.id, ${f}: ${r}.${f}, updatedAt: ${r}.updatedAt });
  } catch (err) {
    next(err);
  }
});
`,
    list: (rand, r) => `router.get('/${r}s', async (req, res) => {
  const page = Math.max(1, Number(req.query.page ?? 1));
  const limit = Math.min(100, Number(req.query.limit ?? 20));
  const [items, total] = await Promise.all([${cap(r)}.find().skip((page - 1) * limit).limit(limit), ${cap(r)}.count()]);
  res.set('X-Total-Count', String(total));
  res.json({ items, page, total });
});
`,
    create: (rand, r, f) => `router.post('/${r}s', async (req, res) => {
  const { error, value } = validate${cap(r)}(req.body);
  if (error) {
    return res.status(${maybeWrong(rand, 400, 200)}).json({ ${maybeWrong(rand, 'message', 'success: false, message')}: error.details[0].message });
  }
  const existing = await ${cap(r)}.findOne({ ${f}: value.${f} });
  if (existing) {
    return res.status(${maybeWrong(rand, 409, 400)}).json({ error: '${cap(r)} already exists' });
  }
  const created = await ${cap(r)}.create(value);
  res.status(201).location(\`/${r}s/\${created.id}\`).json(created);
});
`,
    remove: (rand, r) => `router.delete('/${r}s/:id', async (req, res) => {
  if (!req.user) {
    return res.status(${maybeWrong(rand, 401, 403)}).set('WWW-Authenticate', 'Bearer').json({ error: 'login required' });
  }
  const deleted = await ${cap(r)}.findByIdAndDelete(req.params.id);
  if (!deleted) {
    return res.status(404).json({ error: 'not found' });
  }
  res.status(204).end();
});
`,
    limited: (rand, r) => `router.post('/${r}s/:id/export', async (req, res) => {
  const used = await quota.increment(req.ip, '${r}-export');
  if (used > 10) {
    return res.status(${maybeWrong(rand, 429, 503)}).set('Retry-After', '60').json({ error: 'Too many exports, try again later' });
  }
  const job = await exportQueue.add({ ${r}Id: req.params.id, requestedBy: req.user && req.user.id });
  res.status(202).json({ jobId: job.id });
});
`,
  },
};

const fastify = {
  ext: ['js', 'ts', 'mjs'],
  header: (r) =>
    `import { ${cap(r)}Service } from '../services/${r}.js';\n\nconst service = new ${cap(r)}Service();\n\nexport default async function ${r}Routes(fastify) {\n`,
  footer: () => `}\n`,
  handlers: {
    get: (rand, r) => `  fastify.get('/${r}s/:id', async (request, reply) => {
    const ${r} = await service.find(request.params.id);
    if (!${r}) {
      return reply.code(${maybeWrong(rand, 404, 500)}).send({ error: 'Not found' });
    }
    return ${r};
  });
`,
    create: (rand, r, f) => `  fastify.post('/${r}s', async (request, reply) => {
    if (!request.body || !request.body.${f}) {
      return reply.code(${maybeWrong(rand, 400, 500)}).send({ error: '${f} is required' });
    }
    const created = await service.create(request.body);
    reply.header('Location', \`/${r}s/\${created.id}\`);
    return reply.code(201).send(created);
  });
`,
    update: (rand, r) => `  fastify.put('/${r}s/:id', async (request, reply) => {
    try {
      const updated = await service.update(request.params.id, request.body);
      return updated;
    } catch (err) {
      request.log.error(err);
      return reply.code(500).send({ error: 'Internal Server Error' });
    }
  });
`,
  },
};

const koa = {
  ext: ['js', 'mjs'],
  header: (r) => `const Router = require('@koa/router');\nconst { ${cap(r)} } = require('../models');\n\nconst router = new Router({ prefix: '/${r}s' });\n`,
  footer: () => `\nmodule.exports = router;\n`,
  handlers: {
    get: (rand, r) => `router.get('/:id', async (ctx) => {
  const ${r} = await ${cap(r)}.findByPk(ctx.params.id);
  if (!${r}) {
    ctx.throw(${maybeWrong(rand, 404, 500)}, '${cap(r)} not found');
  }
  ctx.body = ${r};
});
`,
    create: (rand, r, f) => `router.post('/', async (ctx) => {
  const { ${f} } = ctx.request.body;
  if (!${f}) {
    ctx.status = ${maybeWrong(rand, 400, 200)};
    ctx.body = { error: '${f} is required' };
    return;
  }
  const created = await ${cap(r)}.create({ ${f} });
  ctx.status = 201;
  ctx.set('Location', \`/${r}s/\${created.id}\`);
  ctx.body = created;
});
`,
  },
};

const hono = {
  ext: ['ts'],
  header: (r) => `import { Hono } from 'hono';\nimport { db } from '../db';\n\nexport const ${r}s = new Hono();\n`,
  footer: () => ``,
  handlers: {
    get: (rand, r) => `${r}s.get('/:id', async (c) => {
  const row = await db.${r}.findUnique({ where: { id: c.req.param('id') } });
  if (!row) return c.json({ error: 'not found' }, ${maybeWrong(rand, 404, 500)});
  return c.json(row);
});
`,
    create: (rand, r, f) => `${r}s.post('/', async (c) => {
  const body = await c.req.json<{ ${f}?: string }>();
  if (!body.${f}) return c.json({ error: '${f} is required' }, ${maybeWrong(rand, 400, 422)});
  const row = await db.${r}.create({ data: body });
  c.header('Location', \`/${r}s/\${row.id}\`);
  return c.json(row, 201);
});
`,
  },
};

const next = {
  ext: ['ts', 'tsx'],
  header: (r) => `import { NextResponse, type NextRequest } from 'next/server';\nimport { prisma } from '@/lib/prisma';\nimport { auth } from '@/lib/auth';\n`,
  footer: () => ``,
  handlers: {
    get: (rand, r) => `
export async function GET(request: NextRequest, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: ${maybeWrong(rand, 401, 403)}, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const ${r} = await prisma.${r}.findUnique({ where: { id: params.id } });
  if (!${r}) {
    return NextResponse.json({ error: 'Not found' }, { status: 404 });
  }
  return NextResponse.json(${r});
}
`,
    remove: (rand, r) => `
export async function DELETE(request: NextRequest, { params }: { params: { id: string } }) {
  await prisma.${r}.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}
`,
  },
};

const nest = {
  ext: ['ts'],
  header: (r) =>
    `import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';\nimport { ${cap(r)}Service } from './${r}.service';\nimport { Create${cap(r)}Dto } from './dto/create-${r}.dto';\n\n@Controller('${r}s')\nexport class ${cap(r)}Controller {\n  constructor(private readonly ${r}s: ${cap(r)}Service) {}\n`,
  footer: () => `}\n`,
  handlers: {
    get: (rand, r) => `
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const ${r} = await this.${r}s.findOne(id);
    if (!${r}) {
      throw new NotFoundException(\`${cap(r)} \${id} not found\`);
    }
    return ${r};
  }
`,
    create: (rand, r) => `
  @Post()
  create(@Body() dto: Create${cap(r)}Dto) {
    return this.${r}s.create(dto);
  }
`,
    remove: (rand, r) => `
  @Delete(':id')
  @HttpCode(${maybeWrong(rand, 204, 200)})
  async remove(@Param('id') id: string) {
    await this.${r}s.remove(id);
  }
`,
  },
};

const nodeHttp = {
  ext: ['js', 'cjs'],
  header: () => `const http = require('node:http');\nconst { parse } = require('node:url');\n`,
  footer: () => `\nmodule.exports = server;\n`,
  handlers: {
    server: (rand, r) => `const server = http.createServer(async (req, res) => {
  const { pathname } = parse(req.url, true);
  if (req.method === 'GET' && pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ ok: true }));
  }
  if (!pathname.startsWith('/${r}s')) {
    res.statusCode = ${maybeWrong(rand, 404, 500)};
    return res.end('Not found');
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ${r}s: [] }));
});
`,
  },
};

const FRAMEWORKS = [
  [express, 0.4],
  [fastify, 0.15],
  [koa, 0.1],
  [hono, 0.1],
  [next, 0.1],
  [nest, 0.1],
  [nodeHttp, 0.05],
];

function helper(rand, r) {
  const f = pick(rand, FIELDS);
  return `
/**
 * Normalises a ${r} payload before it is stored: trims strings, drops unknown keys and fills defaults.
 * Kept next to the routes because only they use it.
 */
function normalize${cap(r)}${Math.floor(rand() * 1000)}(input = {}) {
  const out = {};
  for (const [key, value] of Object.entries(input)) {
    if (!ALLOWED_${r.toUpperCase()}_KEYS.includes(key)) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (out.${f} === undefined) out.${f} = DEFAULTS.${f};
  return out;
}
`;
}

function frameworkFor(rand) {
  let x = rand();
  for (const [fw, p] of FRAMEWORKS) {
    if ((x -= p) < 0) return fw;
  }
  return express;
}

/** One file's name and text. */
export function generateFile(rand, i) {
  const fw = frameworkFor(rand);
  const r = pick(rand, RESOURCES);
  const parts = [fw.header(r)];
  const kinds = Object.keys(fw.handlers);
  const handlers = fw === nodeHttp ? 1 : 7 + Math.floor(rand() * 9);
  for (let h = 0; h < handlers; h++) {
    const kind = pick(rand, kinds);
    parts.push(fw.handlers[kind](rand, r, pick(rand, FIELDS)));
    if (rand() < 0.3 && fw !== nest && fw !== fastify) parts.push(helper(rand, r));
  }
  parts.push(fw.footer());
  const ext = fw === express && rand() < 0.5 ? 'js' : pick(rand, fw.ext);
  const dir = `svc-${String(Math.floor(i / 100)).padStart(3, '0')}`;
  return { name: `${dir}/${r}s-${i}.${ext}`, text: parts.join('\n') };
}

/** Write `files` generated files under `dir` (once: reused when the marker says the same seed and size). */
export function generateCorpus(dir, { files = 2000, seed = 42 } = {}) {
  const marker = path.join(dir, '.corpus.json');
  const want = JSON.stringify({ files, seed, version: 1 });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) return listCorpus(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  for (let i = 0; i < files; i++) {
    const { name, text } = generateFile(rand, i);
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(marker, want);
  return listCorpus(dir);
}

export function listCorpus(dir) {
  const out = [];
  for (const sub of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(dir, sub.name))) out.push(path.join(dir, sub.name, f));
  }
  return out.sort();
}

const FRAMEWORK_NAMES = { express, fastify, koa, hono, next, nest, 'node-http': nodeHttp };

/**
 * One big file and the same code in `pieces` files, for what a file's size costs by itself. Handlers
 * are drawn as generateFile draws them (only `framework`'s when given) until `bytes`, then grouped
 * by framework: the big file holds one module per framework (one Express router, one Nest
 * controller, one Fastify plugin... with all of that framework's handlers, as in a large generated
 * API file); the pieces cut the same handler sequence into `pieces` runs, each run in the same
 * modules (`pieces` 0: the big file only). Each folder gets a .statushintsrc.json raising
 * maxFileSizeKb above the big file, as a user would.
 */
export function bigFileCorpus(dir, { bytes = 1e6, pieces = 40, seed = 42, framework } = {}) {
  const marker = path.join(dir, '.corpus.json');
  const want = JSON.stringify({ bytes, pieces, seed, framework, version: 1 });
  const one = [path.join(dir, 'one', 'handlers.ts')];
  const list = (sub) =>
    fs
      .readdirSync(path.join(dir, sub))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(dir, sub, f));
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) return { one, split: pieces > 0 ? list('split') : [] };
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  const drawn = [];
  for (let size = 0; size < bytes;) {
    const fw = FRAMEWORK_NAMES[framework] ?? frameworkFor(rand);
    const r = pick(rand, RESOURCES);
    const texts = [fw.handlers[pick(rand, Object.keys(fw.handlers))](rand, r, pick(rand, FIELDS))];
    if (rand() < 0.3 && fw !== nest && fw !== fastify) texts.push(helper(rand, r));
    for (const text of texts) {
      drawn.push({ fw, text });
      size += text.length + 1;
    }
  }
  const handlers = FRAMEWORKS.flatMap(([fw]) => drawn.filter((h) => h.fw === fw));
  // Each run of one framework's handlers in a module of that framework.
  const moduleText = (run) => {
    const parts = [];
    for (let i = 0; i < run.length; i++) {
      if (i === 0 || run[i].fw !== run[i - 1].fw) parts.push(run[i].fw.header('user'));
      parts.push(run[i].text);
      if (i === run.length - 1 || run[i].fw !== run[i + 1].fw) parts.push(run[i].fw.footer());
    }
    return parts.join('\n');
  };
  const config = JSON.stringify({ maxFileSizeKb: Math.ceil(bytes / 1024) * 2 }) + '\n';
  for (const sub of pieces > 0 ? ['one', 'split'] : ['one']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.writeFileSync(path.join(dir, sub, '.statushintsrc.json'), config);
  }
  // Always .ts: the handlers mix JavaScript and TypeScript syntax.
  fs.writeFileSync(one[0], moduleText(handlers));
  const cut = (p) => Math.round((p * handlers.length) / pieces);
  for (let p = 0; p < pieces; p++)
    fs.writeFileSync(path.join(dir, 'split', `handlers-${String(p).padStart(2, '0')}.ts`), moduleText(handlers.slice(cut(p), cut(p + 1))));
  fs.writeFileSync(marker, want);
  return { one, split: pieces > 0 ? list('split') : [] };
}

/** A single large file (~`lines` lines) of Express handlers, for the editor's edit latency. */
export function largeFile(lines = 3000, seed = 7) {
  const rand = prng(seed);
  const parts = [express.header('user')];
  let count = 6;
  let i = 0;
  while (count < lines) {
    const kind = pick(rand, Object.keys(express.handlers));
    const r = RESOURCES[i++ % RESOURCES.length];
    const text = express.handlers[kind](rand, r, pick(rand, FIELDS));
    parts.push(text);
    count += text.split('\n').length;
  }
  return parts.join('\n');
}
