// Inlay hints and completion over LSP: the phrase after a status number, and status codes offered
// where a status goes, ranked for what the code around the cursor just did.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

function positionOf(text, needle, delta = 0) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in the fixture`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1).length };
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

const HINTS = `const { StatusCodes } = require('http-status-codes');
const MISSING = 404;
const NOT_FOUND = 404;
app.get('/a', (req, res) => res.status(404).json({}));
app.get('/b', (req, res) => res.status(StatusCodes.NOT_FOUND).json({}));
app.get('/c', (req, res) => res.status(MISSING).json({}));
app.get('/d', (req, res) => res.status(NOT_FOUND).json({}));
app.get('/e', (req, res, next) => { try { work() } catch (err) { res.status(err.status || 500).json({}) } });
app.get('/f', (req, res) => res.status(StatusCodes.REQUEST_TOO_LONG).json({}));
app.get('/g', (req, res) => res.sendStatus(499));
app.get('/h', (req, res) => res.status(req.query.ok ? 200 : 503).end());
app.listen(3000);
setTimeout(() => {}, 500);
const id = 404;
users.get(404);
`;

async function hints(uri, range = WHOLE) {
  return (await server.request('textDocument/inlayHint', { textDocument: { uri }, range })) ?? [];
}

const lineOf = (needle) => positionOf(HINTS, needle).line;

describe('inlay hints', () => {
  const uri = 'file:///work/ih/hints.js';
  before(() => server.open(uri, HINTS));

  test('after a number: the phrase, padded, right after the number', async () => {
    const all = await hints(uri);
    const h = all.find((x) => x.position.line === lineOf("'/a'"));
    assert.deepEqual(
      { position: h.position, label: h.label, paddingLeft: h.paddingLeft },
      { position: positionOf(HINTS, 'status(404)', 'status(404'.length), label: 'Not Found', paddingLeft: true },
    );
  });

  test('not after a constant whose name says it; yes after one whose name does not', async () => {
    const byLine = new Map((await hints(uri)).map((h) => [h.position.line, h.label]));
    assert.equal(byLine.get(lineOf("'/b'")), undefined, 'StatusCodes.NOT_FOUND');
    assert.equal(byLine.get(lineOf("'/c'")), 'Not Found', 'MISSING');
    assert.equal(byLine.get(lineOf("'/d'")), undefined, 'NOT_FOUND');
    assert.equal(byLine.get(lineOf("'/f'")), undefined, 'REQUEST_TOO_LONG is an old name of 413');
    assert.equal(byLine.get(lineOf("'/g'")), 'Client Closed Request');
  });

  test('dynamic codes get none; their literal fallback does', async () => {
    const onLine = (await hints(uri)).filter((h) => h.position.line === lineOf("'/e'"));
    assert.deepEqual(
      onLine.map((h) => [h.label, h.position]),
      [['Internal Server Error', positionOf(HINTS, '|| 500', '|| 500'.length)]],
    );
  });

  test('both branches of a conditional', async () => {
    const onLine = (await hints(uri)).filter((h) => h.position.line === lineOf("'/h'"));
    assert.deepEqual(
      onLine.map((h) => h.label),
      ['OK', 'Service Unavailable'],
    );
  });

  test('no hint on ports, timeouts and ids', async () => {
    const lines = new Set((await hints(uri)).map((h) => h.position.line));
    for (const needle of ['app.listen', 'setTimeout', 'const id', 'users.get', 'const MISSING']) assert.ok(!lines.has(lineOf(needle)), needle);
  });

  test('only within the requested range', async () => {
    const line = lineOf("'/c'");
    const inRange = await hints(uri, { start: { line, character: 0 }, end: { line, character: 200 } });
    assert.deepEqual(
      inRange.map((h) => h.label),
      ['Not Found'],
    );
    const before404 = await hints(uri, { start: { line: lineOf("'/a'"), character: 0 }, end: positionOf(HINTS, 'status(404)', 'status(4'.length) });
    assert.deepEqual(before404, []);
  });

  test('Fastify reply.code(404), Next { status: 404 }, Nest @HttpCode(202)', async () => {
    const cases = [
      ['file:///work/ih/f.ts', `fastify.get('/x', async (request, reply) => reply.code(404).send({}));\n`, 'code(404'],
      [
        'file:///work/ih/app/api/x/route.ts',
        `import { NextResponse } from 'next/server';\nexport async function GET() {\n  return NextResponse.json({}, { status: 404 });\n}\n`,
        'status: 404',
      ],
      [
        'file:///work/ih/x.controller.ts',
        `import { Controller, HttpCode, Post } from '@nestjs/common';\n@Controller('x')\nexport class X {\n  @Post()\n  @HttpCode(202)\n  run() {}\n}\n`,
        'HttpCode(202',
      ],
    ];
    for (const [u, text, needle] of cases) {
      await server.open(u, text, 'typescript');
      const got = (await hints(u)).map((h) => [h.label, h.position]);
      assert.deepEqual(got, [[needle.endsWith('202') ? 'Accepted' : 'Not Found', positionOf(text, needle, needle.length)]], u);
    }
  });

  test('statusHints.inlayHints.enabled: false turns them off, per document, until turned on again', async () => {
    await server.setConfiguration({ inlayHints: { enabled: false } });
    assert.deepEqual(await hints(uri), []);
    await server.setConfiguration({ inlayHints: { enabled: true } });
    assert.ok((await hints(uri)).length > 0);
  });
});

async function complete(uri, text, needle, delta, triggerCharacter) {
  await server.open(uri, text, uri.endsWith('.ts') ? 'typescript' : 'javascript');
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  return server.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, delta), context });
}

const labels = (list, n) =>
  (list?.items ?? [])
    .slice()
    .sort((a, b) => a.sortText.localeCompare(b.sortText))
    .slice(0, n)
    .map((i) => i.label);

describe('completion', () => {
  test('initialize advertises completion with trigger characters and resolve, and inlay hints', () => {
    const caps = server.init.capabilities;
    assert.ok(caps.inlayHintProvider);
    assert.ok(caps.completionProvider.resolveProvider);
    assert.ok(caps.completionProvider.triggerCharacters.includes('('));
  });

  test('res.status( with the closing paren missing, after a create: 201 first; items insert the number', async () => {
    const text = `app.post('/users', async (req, res) => {
  const user = await User.create(req.body);
  res.status(
});
`;
    const list = await complete('file:///work/c/create.js', text, 'res.status(', 'res.status('.length, '(');
    assert.deepEqual(labels(list, 3), ['201 Created', '200 OK', '202 Accepted']);
    const created = list.items.find((i) => i.label === '201 Created');
    assert.equal(created.textEdit.newText, '201');
    assert.deepEqual(created.textEdit.range, { start: positionOf(text, 'res.status(', 11), end: positionOf(text, 'res.status(', 11) });
    assert.equal(created.detail, 'A new resource was created; Location points at it.');
    assert.match(created.filterText, /^201 Created CREATED/);
    assert.ok(created.preselect);
    const resolved = await server.request('completionItem/resolve', created);
    assert.equal(resolved.documentation.kind, 'markdown');
    // the short hover's text: what the code is, what it needs, and the link to its full doc
    const doc = resolved.documentation.value;
    assert.equal(doc.split('\n')[0].trimEnd(), '**201 Created** · success');
    assert.match(doc, /^\*\*Recommended:\*\* `Location` \(SHOULD for a POST\)$/m, 'no ✓/✗: there is no response yet');
    assert.ok(doc.includes('[Open full doc](command:statusHints.openDoc?%5B201%5D)'));
    assert.doesNotMatch(doc, /Confused with/);
  });

  test('in a catch: 500 first', async () => {
    const text = `app.get('/users', async (req, res) => {
  try {
    res.json(await User.find());
  } catch (err) {
    res.status()
  }
});
`;
    const list = await complete('file:///work/c/catch.js', text, 'res.status()', 'res.status('.length, '(');
    assert.deepEqual(labels(list, 2), ['500 Internal Server Error', '503 Service Unavailable']);
  });

  test('in if (!user) after a lookup: 404 first', async () => {
    const text = `router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(
  }
  res.json(user);
});
`;
    const list = await complete('file:///work/c/lookup.js', text, 'res.status(', 'res.status('.length, '(');
    assert.deepEqual(labels(list, 2), ['404 Not Found', '410 Gone']);
  });

  test('if (!req.user): 401 first', async () => {
    const text = `app.get('/me', (req, res) => {
  if (!req.user) return res.sendStatus()
});
`;
    const list = await complete('file:///work/c/auth.js', text, 'sendStatus()', 'sendStatus('.length);
    assert.deepEqual(labels(list, 2), ['401 Unauthorized', '403 Forbidden']);
  });

  test('a create call above ranks 201 first on any route; so does a POST route with none', async () => {
    const put = `router.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.create({ id: req.params.id });\n  res.status()\n});\n`;
    assert.equal(labels(await complete('file:///work/c/put.js', put, 'res.status()', 'res.status('.length), 1)[0], '201 Created');
    const next = `export async function POST(request) {\n  return NextResponse.json({}, { status:  });\n}\n`;
    assert.equal(labels(await complete('file:///work/c/app/api/post/route.ts', next, 'status:  ', 'status: '.length), 1)[0], '201 Created');
    const get = `router.get('/docs', async (req, res) => {\n  const hash = crypto.createHash('sha1');\n  res.status()\n});\n`;
    assert.equal(labels(await complete('file:///work/c/get.js', get, 'res.status()', 'res.status('.length), 1)[0], '200 OK', 'createHash creates no resource');
    const err = `router.get('/docs', async (req, res) => {\n  const error = createError(404, 'missing');\n  res.status()\n});\n`;
    assert.equal(labels(await complete('file:///work/c/err.js', err, 'res.status()', 'res.status('.length), 1)[0], '200 OK', 'createError creates no resource');
  });

  test('a failed validation: statusHints.validationStatus first', async () => {
    const text = `app.post('/signup', (req, res) => {\n  const parsed = schema.safeParse(req.body);\n  if (!parsed.success) return res.status()\n});\n`;
    assert.deepEqual(labels(await complete('file:///work/c/validate.js', text, 'res.status()', 'res.status('.length), 2), [
      '400 Bad Request',
      '422 Unprocessable Content',
    ]);
    await server.setConfiguration({ validationStatus: 422 });
    try {
      assert.deepEqual(labels(await complete('file:///work/c/validate.js', text, 'res.status()', 'res.status('.length), 2), [
        '422 Unprocessable Content',
        '400 Bad Request',
      ]);
    } finally {
      await server.setConfiguration({});
    }
  });

  test('res.redirect(: redirects only, 302 first', async () => {
    const text = `app.get('/old', (req, res) => {
  res.redirect(
});
`;
    const list = await complete('file:///work/c/redirect.js', text, 'redirect(', 'redirect('.length, '(');
    assert.deepEqual(labels(list, 5), ['302 Found', '301 Moved Permanently', '303 See Other', '307 Temporary Redirect', '308 Permanent Redirect']);
    assert.ok(list.items.every((i) => /^3\d\d /.test(i.label)));
  });

  test('@HttpCode(: 200, 201, 202, 204 first; after @Delete, 204 first', async () => {
    const text = `import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
@Controller('jobs')
export class JobsController {
  @Post()
  @HttpCode()
  start() {}

  @Delete(':id')
  @HttpCode(
  remove() {}
}
`;
    const post = await complete('file:///work/c/jobs.controller.ts', text, '@HttpCode()', '@HttpCode('.length, '(');
    assert.deepEqual(labels(post, 4), ['200 OK', '201 Created', '202 Accepted', '204 No Content']);
    const del = await complete('file:///work/c/jobs.controller.ts', text, '@HttpCode(\n', '@HttpCode('.length, '(');
    assert.equal(labels(del, 1)[0], '204 No Content');
  });

  test('throw new HttpException(msg, |: errors only', async () => {
    const text = `throw new HttpException('nope', );\n`;
    const list = await complete('file:///work/c/exc.ts', text, "'nope', ", "'nope', ".length, ' ');
    assert.equal(labels(list, 1)[0], '400 Bad Request');
    assert.ok(list.items.every((i) => Number(i.label.slice(0, 3)) >= 400));
  });

  test('other positions: reply.code(, ctx.status = , { status: } in Response.json, c.json(x, , res.writeHead(', async () => {
    const cases = [
      ['file:///work/c/f.ts', `fastify.get('/x', async (request, reply) => reply.code());\n`, 'code()', 'code('.length],
      ['file:///work/c/k.js', `router.get('/x', (ctx) => {\n  ctx.status = \n});\n`, 'ctx.status = ', 'ctx.status = '.length],
      ['file:///work/c/n.ts', `export async function GET() {\n  return Response.json({}, { status:  });\n}\n`, 'status:  ', 'status: '.length],
      ['file:///work/c/n2.ts', `export async function GET() {\n  return NextResponse.json({}, { status: \n}\n`, 'status: ', 'status: '.length],
      ['file:///work/c/h.ts', `app.get('/x', (c) => c.json({ ok: true }, ));\n`, '}, )', '}, '.length],
      ['file:///work/c/w.js', `http.createServer((req, res) => { res.writeHead(); res.end(); });\n`, 'writeHead()', 'writeHead('.length],
    ];
    for (const [uri, text, needle, delta] of cases) {
      const list = await complete(uri, text, needle, delta);
      assert.equal(labels(list, 1)[0], '200 OK', `${uri}: ${JSON.stringify(labels(list, 3))}`);
    }
  });

  test('a number already typed is replaced, and the items still filter on it', async () => {
    const text = `app.get('/x', (req, res) => { res.status(40) });\n`;
    const list = await complete('file:///work/c/typed.js', text, 'status(40)', 'status(40'.length);
    const nf = list.items.find((i) => i.label === '404 Not Found');
    assert.deepEqual(nf.textEdit.range, { start: positionOf(text, 'status(40)', 'status('.length), end: positionOf(text, 'status(40)', 'status(40'.length) });
    assert.ok(nf.filterText.startsWith('404'));
  });

  test("a callback's own res, c or ctx is not the response: no completion there, but on the handler's", async () => {
    const text = `app.get('/x', (req, res) => {\n  fetch(u).then((res) => res.status());\n  rows.forEach((c) => c.json({}, ));\n  try { run(); } catch (ctx) { ctx.throw(); }\n  res.status();\n});\n`;
    const uri = 'file:///work/c/shadow.js';
    for (const [needle, delta] of [
      ['res.status())', 'res.status('.length],
      ['{}, )', '{}, '.length],
      ['ctx.throw()', 'ctx.throw('.length],
    ]) {
      const list = await complete(uri, text, needle, delta);
      assert.ok(!list || list.items.length === 0, `${needle}: ${JSON.stringify(labels(list, 3))}`);
    }
    const list = await complete(uri, text, '  res.status();', '  res.status('.length);
    assert.equal(labels(list, 1)[0], '200 OK');
  });

  test('no completion where no status goes', async () => {
    const text = `app.listen();\nsetTimeout(fn, );\nusers.get();\norder.status();\nres.status(404) ;\nres.status(foo());\nres.status('');\n`;
    await server.open('file:///work/c/none.js', text);
    for (const [needle, delta] of [
      ['listen(', 7],
      ['fn, ', 4],
      ['get(', 4],
      ['order.status(', 13],
      ['404) ', 5],
      ['foo(', 4],
      ["status('", 8],
    ]) {
      const list = await server.request('textDocument/completion', {
        textDocument: { uri: 'file:///work/c/none.js' },
        position: positionOf(text, needle, delta),
        context: { triggerKind: 1 },
      });
      assert.ok(!list || list.items.length === 0, `${needle}: ${JSON.stringify(labels(list, 3))}`);
    }
  });
});
