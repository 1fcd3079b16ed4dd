// Numbers that are not statuses, and status reads that decide nothing: none of them is a site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, sitesOf } from '../../helpers/sites.mjs';

const noSites = (code, file = 'handler.js') => {
  const list = sitesOf(code, file);
  assert.equal(list.length, 0, `expected no sites, found:\n${describe(list)}`);
};

test('not sites: ports, timeouts, ids, limits and slices', () => {
  noSites(
    `const express = require('express');
const app = express();
const PORT = process.env.PORT || 3000;
const id = 200;
app.use(express.json({ limit: '1mb' }));
setTimeout(() => cache.clear(), 500);
const page = rows.slice(0, 404);
app.listen(PORT, () => console.log('listening on', 3000));
server.keepAliveTimeout = 65000;
const retries = { max: 5, delay: 300 };`,
    'server.js',
  );
});

test('not sites: a fetch or axios result is a client response', () => {
  noSites(
    `export async function checkSearch() {
  const response = await fetch(process.env.SEARCH_URL + '/health');
  if (response.status === 500) return 'down';
  const res = await axios.get('/api/users');
  if (res.status === 404) return 'missing';
  const { status } = await axios.post('/api/jobs', body);
  return status === 202 ? 'queued' : 'unknown';
}`,
    'client.mjs',
  );
});

test('not sites: test assertions with jest/vitest and supertest', () => {
  noSites(
    `const request = require('supertest');
const app = require('../app');

describe('GET /users/:id', () => {
  it('answers 404 for an unknown user', async () => {
    const res = await request(app).get('/users/nope');
    expect(res.status).toBe(404);
    expect(res.statusCode).toEqual(404);
    expect(res.body).toEqual({ error: 'User not found' });
  });

  it('creates a user', async () => {
    await request(app).post('/users').send({ email: 'a@b.c' }).expect(201);
    await request(app).get('/users').expect(200).expect('Content-Type', /json/);
  });

  it('mocks the response', () => {
    const res = { status: jest.fn().mockReturnThis(), json: jest.fn() };
    handler({ params: {} }, res);
    expect(res.status).toHaveBeenCalledWith(400);
  });
});`,
    '__tests__/users.test.js',
  );
});

test('not sites: a Hono test client and an inject() result', () => {
  noSites(
    `import app from '../src/app';
test('GET /posts', async () => {
  const res = await app.request('/posts');
  expect(res.status).toBe(200);
  const reply = await fastify.inject({ method: 'GET', url: '/health' });
  expect(reply.statusCode).toBe(200);
});`,
    'posts.test.ts',
  );
});

test('not sites: event emitters, ctx that is not Koa, and a status field that is not HTTP', () => {
  noSites(
    `req.on('end', () => done(200));
process.on('exit', (code) => log(code));
function reducer(ctx, action) {
  ctx.status = 'loading';
  return ctx;
}
const order = { status: 'shipped' };
order.status = 'delivered';
job.statusCode = computeExitCode(job);`,
    'misc.js',
  );
});

test('not sites: statuses read from a response decide nothing', () => {
  noSites(
    `app.use((req, res, next) => {
  res.on('finish', () => {
    metrics.observe(res.statusCode, Date.now() - start);
    if (res.statusCode >= 500) alert(req.path);
  });
  next();
});`,
    'metrics.js',
  );
});

test('not sites: a fetch Response received by a helper (Response not imported, no request parameter)', () => {
  const code = `export class ResponseHandler {
  private async parseBody(response: Response, correlationId: string): Promise<unknown> {
    if (response.status === 204) return {};
    return await response.json();
  }
}
async function readAll(response: Response) {
  const data = await response.json();
  return data;
}`;
  noSites(code, 'client/handler.ts');
});
