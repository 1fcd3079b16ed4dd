// Hover over LSP: the text a developer sees on a status code, and no hover on numbers that are not
// statuses (ids, ports, timeouts).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client.mjs';

const EXPRESS = `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'user not found' });
  res.json(user);
});

router.get('/me', (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'log in first' });
  res.json(req.user);
});

router.get('/admin', (req, res) => {
  res.set('WWW-Authenticate', 'Bearer realm="api"');
  res.status(401).json({ error: 'token expired' });
});

router.post('/events', (req, res) => {
  res.status(422).json({ errors: [{ field: 'end' }] });
});

router.get('/search', (req, res) => {
  res.status(429).json({ error: 'slow down' });
});

router.get('/search2', (req, res) => {
  res.set('Retry-After', '30');
  res.status(429).json({ error: 'slow down' });
});

router.delete('/users/:id', async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

router.get('/old', (req, res) => res.redirect(308, '/new'));

router.get('/slow', (req, res) => {
  res.status(499).end();
});

router.get('/c/:id', (req, res) => {
  res.status(StatusCodes.NOT_FOUND).json({ error: 'nope' });
});

router.get('/maybe', (req, res) => {
  res.status(req.query.ok ? 200 : 503).end();
});

const app = express();
app.listen(3000);
setTimeout(() => {}, 500);
const id = 404;
users.get(404);
`;

let server;
before(async () => {
  server = await startServer();
  await server.open('file:///work/h/express.js', EXPRESS);
});
after(async () => {
  await server?.stop();
});

/** LSP position of `needle`'s (n-th occurrence) start, plus `delta` characters. */
function positionOf(text, needle, delta = 0, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" #${nth} not in the fixture`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1).length };
}

async function hoverAt(uri, text, needle, delta = 0, nth = 0) {
  const h = await server.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta, nth) });
  if (h) assert.equal(h.contents.kind, 'markdown');
  return h?.contents.value ?? null;
}

const express = (needle, delta, nth) => hoverAt('file:///work/h/express.js', EXPRESS, needle, delta, nth);
/** The title line, without the hard break that puts the summary under it. */
const title = (text) => text?.split('\n')[0].trimEnd();
const openDoc = (code) => `[Open full doc](command:statusHints.openDoc?%5B${code}%5D)`;

describe('Express', () => {
  test('404: title, summary, what the response needs, a link to the full doc', async () => {
    const text = await express('status(404)', 'status('.length + 1);
    const lines = text.split('\n');
    assert.equal(title(text), '**404 Not Found** · client error');
    assert.equal(lines[1], 'No current representation at this URI, or the server will not say whether one exists.');
    assert.equal(lines[3], '**Headers:** none required · **Body:** allowed');
    assert.equal(
      lines.at(-1),
      `${openDoc(404)} · [RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404)`,
    );
    assert.doesNotMatch(text, /Confused with|Use when/, 'the rest is in the full doc');
  });

  test('the hover range is the status expression', async () => {
    const h = await server.request('textDocument/hover', {
      textDocument: { uri: 'file:///work/h/express.js' },
      position: positionOf(EXPRESS, 'status(404)', 'status('.length),
    });
    assert.deepEqual(h.range, { start: positionOf(EXPRESS, 'status(404)', 'status('.length), end: positionOf(EXPRESS, 'status(404)', 'status(404'.length) });
    assert.equal(await express('status(404)', 'status(404'.length), null, 'the closing paren is not the number');
  });

  test('401 without WWW-Authenticate: the required header is missing on this response', async () => {
    const text = await express('status(401)', 'status('.length);
    assert.equal(title(text), '**401 Unauthorized** · client error');
    assert.match(text, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✗ missing · \*\*Body:\*\* allowed$/m);
    assert.match(text, /\[RFC 9110 §15\.5\.2\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-15\.5\.2\)/);
  });

  test('401 with WWW-Authenticate set before it: ✓ set', async () => {
    const text = await express('status(401)', 'status('.length, 1);
    assert.match(text, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✓ set · /m);
  });

  test('422: the current phrase', async () => {
    const text = await express('status(422)', 'status('.length);
    assert.equal(title(text), '**422 Unprocessable Content** · client error');
    assert.ok(
      text.endsWith(
        `${openDoc(422)} · [RFC 9110 §15.5.21](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/422)`,
      ),
      text,
    );
  });

  test('429: Retry-After recommended (a MAY of RFC 6585), and whether this response sets it', async () => {
    const bare = await express('status(429)', 'status('.length);
    assert.equal(title(bare), '**429 Too Many Requests** · client error');
    assert.match(bare, /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✗ not set$/m);
    assert.match(bare, /\[RFC 6585 §4\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc6585#section-4\) · \[MDN\]/);
    const withHeader = await express('status(429)', 'status('.length, 1);
    assert.match(withHeader, /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✓ set$/m);
  });

  test('204 via sendStatus: no body', async () => {
    const text = await express('sendStatus(204)', 'sendStatus('.length + 2);
    assert.equal(title(text), '**204 No Content** · success');
    assert.match(text, /^\*\*Headers:\*\* none required · \*\*Body:\*\* none allowed/m);
  });

  test('308 in res.redirect(308, url): Location, a SHOULD, set by the redirect', async () => {
    const text = await express('redirect(308', 'redirect('.length);
    assert.equal(title(text), '**308 Permanent Redirect** · redirection');
    assert.match(text, /^\*\*Headers:\*\* none required · \*\*Body:\*\* allowed {2}$/m);
    assert.match(text, /^\*\*Recommended:\*\* `Location` \(SHOULD\) ✓ set$/m);
  });

  test('499: unregistered, and who uses it', async () => {
    const text = await express('status(499)', 'status('.length);
    assert.equal(title(text), '**499 Client Closed Request** · client error · **not IANA-registered**');
    assert.match(text, /^- \*\*nginx\*\*: The client closed the connection while nginx was still processing the request/m);
    assert.equal(text.split('\n').at(-1), openDoc(499));
  });

  test('StatusCodes.NOT_FOUND: the constant and what it stands for', async () => {
    for (const delta of ['status('.length, 'status(StatusCodes.'.length + 3]) {
      const text = await express('status(StatusCodes.NOT_FOUND)', delta);
      assert.equal(title(text), '**404 Not Found** · client error · `StatusCodes.NOT_FOUND` → 404');
    }
  });

  test('each branch of a conditional status has its own hover', async () => {
    assert.equal(title(await express('? 200 : 503', 2)), '**200 OK** · success');
    assert.equal(title(await express('? 200 : 503', 8)), '**503 Service Unavailable** · server error');
  });

  test('the implicit 200 of res.json(x), on the send', async () => {
    const text = await express('res.json(user)', 'res.js'.length);
    assert.equal(text.split('\n')[0], 'Sends **200 OK** (implicit: no status is set on this response before this call)');
    assert.ok(
      text
        .split('\n')
        .at(-1)
        .startsWith(`${openDoc(200)} · `),
    );
  });

  test('no hover on ports, timeouts, ids and other numbers', async () => {
    assert.equal(await express('listen(3000)', 'listen('.length + 1), null);
    assert.equal(await express('}, 500)', 4), null);
    assert.equal(await express('const id = 404', 'const id = '.length + 1), null);
    assert.equal(await express('users.get(404)', 'users.get('.length + 1), null);
    assert.equal(await express("'/users/:id'", 3), null);
    assert.equal(await express('const user', 7), null);
  });
});

describe('statusHints.hover.fullDoc: true', () => {
  before(() => server.setConfiguration({ hover: { fullDoc: true } }));
  after(() => server.setConfiguration({}));

  test('404: the whole doc in the hover, no link to it', async () => {
    const text = await express('status(404)', 'status('.length + 1);
    const lines = text.split('\n');
    assert.equal(lines[0], '**404 Not Found** · client error');
    assert.equal(lines[2], 'No current representation at this URI, or the server will not say whether one exists.');
    assert.match(text, /^- \*\*410 Gone\*\*: 410 says the resource existed and was removed for good; 404 makes no claim either way\.$/m);
    assert.match(text, /^\*\*Headers:\*\* none required {2}$/m);
    assert.match(text, /^\*\*Body:\*\* allowed · \*\*Cacheable by default:\*\* yes {2}$/m);
    assert.equal(
      lines.at(-1),
      '[RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404)',
    );
    assert.doesNotMatch(text, /command:/);
  });

  test('confusions, retries and the per-response header marks', async () => {
    const t401 = await express('status(401)', 'status('.length);
    assert.match(t401, /^- \*\*403 Forbidden\*\*: 403 means "I know who you are, and no"; 401 means "I do not know who you are, authenticate"\.$/m);
    assert.match(t401, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✗ missing: RFC 9110 requires at least one challenge/m);
    assert.match(
      await express('status(429)', 'status('.length),
      /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✗ not set · `RateLimit` ✗ not set · `RateLimit-Policy` ✗ not set {2}$/m,
    );
    const t422 = await express('status(422)', 'status('.length);
    assert.match(t422, /^- \*\*400 Bad Request\*\*: 400 is for malformed requests/m);
    assert.match(t422, /^\*\*Retry:\*\* Fix the reported fields and resubmit\.$/m);
    assert.match(await express('status(429)', 'status('.length), /^- \*\*503 Service Unavailable\*\*: 503 means the service as a whole is unavailable/m);
    assert.match(await express('sendStatus(204)', 'sendStatus('.length + 2), /^- \*\*200 OK\*\*: 200 carries a body; 204 guarantees there is none/m);
    const t308 = await express('redirect(308', 'redirect('.length);
    assert.match(t308, /^\*\*Recommended:\*\* `Location` \(SHOULD\) ✓ set · `Cache-Control` ✗ not set {2}$/m);
    assert.match(t308, /^- \*\*301 Moved Permanently\*\*: 301 lets clients switch POST to GET; 308 keeps the method and body/m);
    assert.match(await express('status(499)', 'status('.length), /^- \*\*408 Request Timeout\*\*: /m);
    assert.match(await express('status(StatusCodes.NOT_FOUND)', 'status('.length), /^- \*\*403 Forbidden\*\*: 403 admits the resource exists/m);
  });
});

const FASTIFY = `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/users/:id', async (request, reply) => {
  const user = await db.users.find(request.params.id);
  if (!user) return reply.code(404).send({ error: 'not found' });
  return user;
});
fastify.listen({ port: 3000 });
`;

const NEXT = `import { NextResponse } from 'next/server';
export async function GET(request) {
  const user = await db.user.findUnique({ where: { id: 1 } });
  if (!user) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return Response.json(user, { status: 200 });
}
`;

const NEST = `import { Controller, Delete, HttpCode, HttpStatus, NotFoundException, Param, Post } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  @HttpCode(202)
  create() { return this.users.enqueue(); }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id') id: string) {
    const user = await this.users.findOne(id);
    if (!user) throw new NotFoundException('user not found');
    await this.users.remove(id);
  }
}
`;

describe('other frameworks', () => {
  test('Fastify reply.code(404)', async () => {
    await server.open('file:///work/h/fastify.ts', FASTIFY, 'typescript');
    const text = await hoverAt('file:///work/h/fastify.ts', FASTIFY, 'code(404)', 'code('.length);
    assert.equal(title(text), '**404 Not Found** · client error');
    assert.equal(await hoverAt('file:///work/h/fastify.ts', FASTIFY, 'port: 3000', 'port: '.length), null);
  });

  test('Next.js NextResponse.json(x, { status: 404 })', async () => {
    await server.open('file:///work/h/app/api/users/route.ts', NEXT, 'typescript');
    const text = await hoverAt('file:///work/h/app/api/users/route.ts', NEXT, 'status: 404', 'status: '.length);
    assert.equal(title(text), '**404 Not Found** · client error');
    const ok = await hoverAt('file:///work/h/app/api/users/route.ts', NEXT, 'status: 200', 'status: '.length);
    assert.equal(title(ok), '**200 OK** · success');
    assert.equal(await hoverAt('file:///work/h/app/api/users/route.ts', NEXT, 'id: 1', 'id: '.length), null);
  });

  test('Nest @HttpCode(202), @HttpCode(HttpStatus.NO_CONTENT), new NotFoundException()', async () => {
    await server.open('file:///work/h/users.controller.ts', NEST, 'typescript');
    const uri = 'file:///work/h/users.controller.ts';
    assert.equal(title(await hoverAt(uri, NEST, 'HttpCode(202)', 'HttpCode('.length)), '**202 Accepted** · success');
    assert.equal(title(await hoverAt(uri, NEST, 'HttpStatus.NO_CONTENT', 3)), '**204 No Content** · success · `HttpStatus.NO_CONTENT` → 204');
    assert.equal(title(await hoverAt(uri, NEST, 'NotFoundException(', 3)), '**404 Not Found** · client error · `NotFoundException` → 404');
  });
});
