// A Response handed to a mock (vi.fn, jest.fn, mockResolvedValue, mockImplementation, stubGlobal,
// jest.mock factories), a function put in place of the global fetch, and the servers a test suite
// starts inside its own callbacks answer this code's own requests: they are not responses of this
// server, wherever they are written. Their statuses keep hover and inlay hints (they are still
// status codes); no rule reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../../helpers/analysis.mjs';
import { sitesOf } from '../../helpers/sites.mjs';

/** No finding in the snippet, but its status numbers are still sites (hover, inlay hints). */
function stubbed(code, file, codes) {
  assert.deepEqual(
    findingsOf(code, undefined, { file }).map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `${file}: no findings expected`,
  );
  const shown = sitesOf(code, file)
    .filter((s) => s.form === 'number')
    .map((s) => s.code);
  for (const c of codes) assert.ok(shown.includes(c), `${file}: ${c} keeps its hover and inlay hint (sites: ${shown.join(', ')})`);
}

test('a Response given to a mock is a stubbed fetch result, not an answer of this server', () => {
  stubbed(
    `import { vi } from 'vitest';
vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 200 })));
vi.mocked(fetch).mockResolvedValueOnce(new Response(null, { status: 503 }));
vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('busy', { status: 429 }));
fetchMock.mockResolvedValueOnce(new Response('', { status: 200, headers: { 'Content-Type': 'application/json' } }));
mockSuccessResponse.mockImplementation((body) => Response.json(body, { status: 201 }));
mockHandleApiError.mockReturnValue(new Response('error', { status: 401 }));
`,
    'upload.ts',
    [200, 503, 429, 201, 401],
  );
});

test('a mock implementation answers the code under test: vi.fn(impl), jest.fn(impl), mockImplementation(impl)', () => {
  stubbed(
    `const fetchMock = vi.fn(async (url, init) => {
  if (init?.method === 'GET') {
    return new Response('unavailable', { status: 503 });
  }
  if (init?.method === 'DELETE') return new Response(null, { status: 204 });
  return new Response(null, { status: 200 });
});
const sendMock = jest.fn(() => Promise.resolve(Response.redirect('https://example.com/next', 302)));
handler.mockImplementation(async () => {
  const res = new Response(null, { status: 200 });
  return res;
});
`,
    'upload-session.ts',
    [503, 204, 200],
  );
});

test('a function put in place of the global fetch answers the code under test', () => {
  stubbed(
    `const originalFetch = globalThis.fetch;
globalThis.fetch = (async (url) => {
  if (String(url).endsWith('/health')) return new Response(null, { status: 200 });
  return new Response('Unavailable', { status: 503 });
}) as unknown as typeof fetch;
global.fetch = async () => Response.json({ ok: false }, { status: 201 });
`,
    'media.ts',
    [200, 503, 201],
  );
});

test('a module mock (jest.mock / vi.mock factory) stands in for the real handlers', () => {
  stubbed(
    `jest.mock('../../controllers/mcp-endpoint', () => ({
  __esModule: true,
  default: {
    handlePost: (_req: Request, res: Response) => res.status(200).json({ ok: true }),
    handleGet: (_req: Request, res: Response) => res.status(200).end(),
    handleDelete: (req, res) => res.status(500).json({ error: req.body.err.message }),
  },
}));
vi.mock('./session', () => ({ requireUser: (req, res) => res.status(403).send('no token') }));
`,
    'routes/mcp-endpoint/index.ts',
    [200, 500, 403],
  );
});

test('servers a test suite starts in its own callbacks are scaffolding of the test', () => {
  stubbed(
    `import { beforeAll, describe, test } from 'bun:test';
let server;
beforeAll(() => {
  server = Bun.serve({
    port: 0,
    async fetch(request) {
      if (request.method === 'PUT') return new Response(null, { status: 200 });
      return new Response('Unavailable', { status: 503 });
    },
  });
});
describe('audit middleware', () => {
  test('adds the user', async () => {
    const app = express();
    app.get('/api/admin/test', (req, res) => {
      res.status(200).end();
    });
    await supertest(app).get('/api/admin/test').expect(200);
  });
  it.each([1, 2])('redirects %i', async () => {
    app.post('/login', (req, res) => res.redirect(301, '/home'));
  });
});
`,
    'media-routes.ts',
    [200, 503, 301],
  );
});

test("the same responses outside a mock or a test callback are this server's", () => {
  // A Next.js route answering an empty 200, next to a mock in the same file: the route is still checked.
  const next = `export async function POST(request: Request) {
  await enqueue(await request.json());
  return new Response(null, { status: 200 });
}
export const stub = vi.fn(() => new Response(null, { status: 200 }));`;
  assert.deepEqual(
    findingsOf(next, undefined, { file: 'app/api/jobs/route.ts' }).map((f) => `${f.ruleId}:${f.start < next.indexOf('export const stub') ? 'route' : 'stub'}`),
    ['empty-success-should-be-204:route'],
  );
  // Names that only look like test helpers: describeRoute (hono-openapi), .test() of a RegExp, a queue's add().
  const hono = `import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
const app = new Hono();
app.post('/jobs', describeRoute({ description: 'Queue a job' }), async (c) => {
  if (/^internal/.test(c.req.path)) return c.text('busy', 503);
  queue.add(() => run());
  return c.json({ queued: true }, 201);
});`;
  assert.deepEqual(
    findingsOf(hono, undefined, { file: 'jobs.ts' })
      .map((f) => f.ruleId)
      .sort(),
    ['created-without-location', 'missing-retry-after'],
  );
  // A Worker's own fetch handler is this server, not a replaced global fetch.
  const worker = `export default {
  async fetch(request) {
    await queue.send(await request.json());
    return new Response(null, { status: 200 });
  },
};`;
  assert.equal(findingsOf(worker, 'empty-success-should-be-204', { file: 'worker.ts' }).length, 1);
});
