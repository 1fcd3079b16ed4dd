// A name means what its nearest declaration makes it: a callback's own `res`, `c` or `ctx` is that
// callback's value (an upstream answer, a loop item), never the handler's response it shadows, and
// the handler's response is recognised again where the shadowing declaration ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, findingsOf } from '../../helpers/analysis.mjs';
import { describe, lineAt, sitesOf } from '../../helpers/sites.mjs';

/** No site in the snippet starts on the lines holding `needle`s, and no rule reports anything there. */
function nothingOn(code, needles, file = 'routes.js') {
  for (const needle of needles) {
    const line = lineAt(code, needle);
    const sites = sitesOf(code, file).filter((s) => s.line === line);
    assert.deepEqual(sites.length, 0, `no site on line ${line} (${needle}):\n${describe(sites)}`);
    const found = findingsOf(code, undefined, { file }).filter((f) => lineAt(code, needle) === code.slice(0, f.start).split('\n').length);
    assert.deepEqual(
      found.map((f) => f.ruleId),
      [],
      `no finding on line ${line} (${needle})`,
    );
  }
}

test("a callback parameter that re-declares the response is the callback's own value", () => {
  // Express: fetch's Response inside a route; `res.json()` there parses the upstream body.
  nothingOn(
    `const express = require('express');\nconst router = express.Router();\nrouter.get('/catalog/:sku', (req, res, next) => {\n  fetch(url(req.params.sku))\n    .then((res) => res.json())\n    .then((item) => res.json(item))\n    .catch(next);\n});`,
    ['.then((res) => res.json())'],
  );
  // Calls on the upstream response, in a block body.
  nothingOn(
    `app.get('/price', (req, res, next) => {\n  fetch(priceUrl).then((res) => {\n    res.status(200).end();\n    return res.json();\n  }).then((price) => res.json({ price }), next);\n});`,
    ['res.status(200).end()'],
  );
  // Hono: `c` in a nested callback is the upstream Response.
  nothingOn(
    `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/export', async (c) => {\n  const rows = await Promise.all(urls.map((u) => fetch(u).then((c) => c.json())));\n  return c.json(rows);\n});`,
    ['then((c) => c.json())'],
    'export.ts',
  );
  // Koa: a nested function's `ctx` is its own (here a drawing context).
  nothingOn(
    `import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/badge', async (ctx) => {\n  const png = draw((ctx) => {\n    ctx.status = 200;\n  });\n  ctx.type = 'image/png';\n  ctx.body = png;\n});`,
    ['ctx.status = 200'],
    'badge.mjs',
  );
});

test("the handler's response is recognised again after a nested callback, a loop or a block that shadowed its name", () => {
  const code = `const express = require('express');
const router = express.Router();
router.get('/catalog', async (req, res) => {
  const pages = [];
  for (const res of await Promise.all(pageUrls.map((u) => fetch(u)))) {
    pages.push(await res.json());
  }
  if (pages.length === 0) {
    const res = await fetch(fallbackUrl);
    pages.push(await res.json());
  }
  fetch(auditUrl).then((res) => res.ok);
  if (pages.every((p) => p.length === 0)) return res.status(200).end();
  res.json(pages.flat());
});`;
  const sites = sitesOf(code);
  const lines = sites.map((s) => s.line);
  assert.ok(lines.includes(lineAt(code, 'res.status(200).end()')), `the handler's res after the loop and the block:\n${describe(sites)}`);
  assert.ok(lines.includes(lineAt(code, 'res.json(pages.flat())')), describe(sites));
  assert.ok(!lines.includes(lineAt(code, 'pages.push(await res.json())')), describe(sites));
  assert.equal(sites.find((s) => s.line === lineAt(code, 'res.status(200)')).handler.responseName, 'res');
});

test("empty-success-should-be-204: the fix writes on the handler's response, never on a callback's", (t) =>
  checkRule(
    'empty-success-should-be-204',
    {
      valid: [
        `app.get('/proxy', (req, res) => {\n  fetch(upstream).then((res) => res.json()).then((data) => res.json(data));\n});`,
        `app.delete('/cache', (req, res) => {\n  purge().then((res) => {\n    res.status(200).end();\n  });\n  res.sendStatus(202);\n});`,
      ],
      invalid: [
        {
          name: 'the outer res, next to a callback that shadows it',
          code: `app.delete('/sessions/:id', async (req, res) => {\n  await fetch(revokeUrl(req.params.id)).then((res) => res.json());\n  res.status(200).end();\n});`,
          at: 'res.status(200).end()',
          count: 1,
          output: `app.delete('/sessions/:id', async (req, res) => {\n  await fetch(revokeUrl(req.params.id)).then((res) => res.json());\n  res.status(204).end();\n});`,
        },
        {
          name: 'after a for-of loop that declared its own res',
          code: `app.post('/warm', async (req, res) => {\n  for (const res of await Promise.all(urls.map((u) => fetch(u)))) await res.text();\n  res.send();\n});`,
          at: 'res.send()',
          count: 1,
          output: `app.post('/warm', async (req, res) => {\n  for (const res of await Promise.all(urls.map((u) => fetch(u)))) await res.text();\n  res.status(204).send();\n});`,
        },
      ],
    },
    t,
  ));

test("error-in-success-response: a helper outside any handler still answers through its res; inside a handler a callback's res does not", (t) =>
  checkRule(
    'error-in-success-response',
    {
      valid: [
        `app.get('/x', (req, res) => {\n  client.call(req.query.q, (err, res) => {\n    if (err) return res.status(200).json({ success: false });\n  });\n  res.json({ ok: true });\n});`,
      ],
      invalid: [
        {
          name: 'a module-level helper given the response',
          code: `function fail(res, message) {\n  return res.status(200).json({ success: false, error: message });\n}\nmodule.exports = { fail };`,
          at: 'status(200)',
        },
        {
          name: 'a route registered inside a function',
          code: `module.exports = (app) => {\n  app.get('/users/:id', async (req, res) => {\n    const user = await User.findById(req.params.id);\n    if (!user) return res.status(200).json({ success: false, error: 'User not found' });\n    res.json(user);\n  });\n};`,
          at: 'status(200)',
        },
      ],
    },
    t,
  ));

test('status-not-sent: next() or a helper called in a callback inside the handler may send the response', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: [
        `const express = require('express');\nconst app = express();\napp.get('/x', (req, res, next) => {\n  res.status(500);\n  logger.flush(() => next(new Error('failed')));\n});`,
        `const express = require('express');\nconst app = express();\napp.get('/report', (req, res) => {\n  res.status(200);\n  db.export(req.query, (err, rows) => sendCsv(res, rows));\n});`,
      ],
      invalid: [
        {
          name: 'a callback that does not take the response along',
          code: `const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => {\n  res.status(404);\n  logger.flush(() => console.log('done'));\n});`,
          at: 'res.status(404)',
        },
      ],
    },
    t,
  ));

test("server-error-for-client-error: a callback's own req is not the client's request", (t) =>
  checkRule(
    'server-error-for-client-error',
    {
      valid: [
        `app.post('/jobs', (req, res) => {\n  queue.process((req) => {\n    if (!req.body) {\n      res.status(500).json({ error: 'job failed' });\n    }\n  });\n  res.status(202).json({ queued: true });\n});`,
      ],
      invalid: [
        {
          name: "the handler's req, in a callback that does not re-declare it",
          code: `app.post('/jobs', (req, res) => {\n  queue.add(req.body, (err) => {\n    if (!req.body.name) return res.status(500).json({ error: 'name required' });\n    res.status(202).json({ queued: true });\n  });\n});`,
          at: 'status(500)',
          output: `app.post('/jobs', (req, res) => {\n  queue.add(req.body, (err) => {\n    if (!req.body.name) return res.status(400).json({ error: 'name required' });\n    res.status(202).json({ queued: true });\n  });\n});`,
        },
      ],
    },
    t,
  ));

test('status-not-sent: a callback registered before the status may still send the response', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: [
        `const express = require('express');\nconst app = express();\napp.get('/wait/:id', (req, res) => {\n  jobs.once(req.params.id, (job) => sendJob(res, job));\n  res.status(202);\n});`,
      ],
      invalid: [],
    },
    t,
  ));

test("created-without-location: the Location fix reads the handler's req, never a callback's", (t) => {
  const shadowed = `const express = require('express');\nconst router = express.Router();\nrouter.post('/orgs/:orgId/members', (req, res) => {\n  jobs.run(req.body, (err, req) => {\n    res.status(201).json({ id: req.memberId });\n  });\n});`;
  const [f] = findingsOf(shadowed, 'created-without-location');
  assert.ok(f, 'still reported');
  assert.deepEqual(
    f.fixes.map((x) => x.title),
    [],
    "no fix: `req` there is the callback's",
  );
  checkRule(
    'created-without-location',
    {
      invalid: [
        {
          name: "the handler's req, read from a callback that does not re-declare it",
          code: `const express = require('express');\nconst router = express.Router();\nrouter.post('/orgs/:orgId/members', (req, res) => {\n  jobs.run(req.body, (err, member) => {\n    res.status(201).json({ id: member.id });\n  });\n});`,
          at: 'status(201)',
          fixes: ['Add Location: `/orgs/${req.params.orgId}/members/${member.id}`'],
        },
      ],
    },
    t,
  );
});
