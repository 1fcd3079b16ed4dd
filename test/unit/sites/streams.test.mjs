// A status whose body is streamed (Server-Sent Events, chunked or piped downloads, flushHeaders) is
// not an empty response and is sent: a 204 or an `.end()` there would cut the stream off. A JSON
// `null` is a body too.
import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

const HTTP = `import http from 'node:http';\n`;
const EXPRESS = `const express = require('express');\nconst app = express();\n`;

/** Streams that both rules must leave alone. */
const STREAMS = [
  // SSE: the events go out from a timer, through a helper.
  `${HTTP}function events(req, res) {\n  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });\n  const timer = setInterval(() => send(res, 'ping'), 15000);\n  req.on('close', () => clearInterval(timer));\n}`,
  // SSE written directly from an event listener.
  `${EXPRESS}app.get('/events', (req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n  bus.on('order', (order) => res.write(\`data: \${JSON.stringify(order)}\\n\\n\`));\n});`,
  // The head flushed early; the body follows from subscriptions.
  `${EXPRESS}app.get('/feed/:id', (req, res) => {\n  res.status(200).set({ 'Content-Type': 'text/event-stream' });\n  res.flushHeaders();\n  subscribe(req.params.id, (event) => send(res, event));\n});`,
  // A status, then flushHeaders and nothing else here.
  `${EXPRESS}app.get('/watch', (req, res) => {\n  res.status(200);\n  res.flushHeaders();\n});`,
  // An event-stream, octet-stream or chunked head: the body is a stream, even one that ends at once.
  `${HTTP}function none(req, res) {\n  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n  res.end();\n}`,
  `${HTTP}function ticker(req, res) {\n  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' });\n  res.end();\n}`,
  `${EXPRESS}app.get('/blob', (req, res) => {\n  res.setHeader('Content-Type', 'application/octet-stream');\n  res.status(200).end();\n});`,
  // Piped from a callback, after the status was set.
  `${EXPRESS}app.get('/export.csv', (req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/csv' });\n  db.exportStream(req.query, (err, stream) => stream.pipe(res));\n});`,
];

test('empty-success-should-be-204: a streamed body is not empty; a JSON null is a body', (t) =>
  checkRule(
    'empty-success-should-be-204',
    {
      valid: [
        ...STREAMS.map((code) => ({ code, file: 'stream.mjs' })),
        {
          code: `import { NextResponse } from 'next/server';\nexport async function GET() {\n  return NextResponse.json(null);\n}`,
          file: 'app/api/me/route.ts',
        },
        { code: `export async function GET() {\n  return Response.json(null, { status: 200 });\n}`, file: 'app/api/me/route.ts' },
        { code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/me', (c) => c.json(null));`, file: 'me.ts' },
        `app.get('/me', (req, res) => res.status(200).json(null));`,
        // A send in a callback answers the status its handler set (201), not an implicit 200.
        `app.post('/items', (req, res) => {\n  res.status(201);\n  db.save(req.body, () => res.send());\n});`,
      ],
      invalid: [
        {
          name: 'writeHead(200) with a JSON head, ended empty',
          code: `${HTTP}function ack(req, res) {\n  res.writeHead(200, { 'Content-Type': 'application/json' });\n  res.end();\n}`,
          file: 'ack.mjs',
          at: 'writeHead(200',
          output: `${HTTP}function ack(req, res) {\n  res.writeHead(204, { 'Content-Type': 'application/json' });\n  res.end();\n}`,
        },
        {
          name: 'Hono c.body(null): no body at all, unlike c.json(null)',
          code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/pin', (c) => c.body(null));`,
          file: 'pin.ts',
          at: 'c.body(null)',
          output: `import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/pin', (c) => c.body(null, 204));`,
        },
        {
          name: 'an implicit 200 from a callback when nothing set a status',
          code: `app.post('/touch', (req, res) => {\n  db.touch(req.user, () => res.send());\n});`,
          at: 'res.send()',
          output: `app.post('/touch', (req, res) => {\n  db.touch(req.user, () => res.status(204).send());\n});`,
        },
      ],
    },
    t,
  ));

test('status-not-sent: a stream is sent elsewhere, over time', (t) =>
  checkRule(
    'status-not-sent',
    {
      valid: STREAMS.map((code) => ({ code, file: 'stream.mjs' })),
      invalid: [
        {
          name: 'a JSON head never ended',
          code: `${HTTP}function ack(req, res) {\n  res.writeHead(202, { 'Content-Type': 'application/json' });\n  queue.push(req.url);\n}`,
          file: 'ack.mjs',
          at: 'writeHead(202',
          output: `${HTTP}function ack(req, res) {\n  res.writeHead(202, { 'Content-Type': 'application/json' }).end();\n  queue.push(req.url);\n}`,
        },
      ],
    },
    t,
  ));

test('body-with-no-content-status: Response.json(null) with 204 has a body, and the constructor throws', (t) =>
  checkRule(
    'body-with-no-content-status',
    {
      valid: [`export async function DELETE() {\n  return new Response(null, { status: 204 });\n}`],
      invalid: [
        {
          name: 'Response.json(null, { status: 204 })',
          code: `export async function DELETE() {\n  await revoke();\n  return Response.json(null, { status: 204 });\n}`,
          file: 'app/api/session/route.ts',
          at: 'status: 204',
          fixes: ['Remove the body (keep 204)', 'Respond 200 OK (send the body)'],
          output: `export async function DELETE() {\n  await revoke();\n  return new Response(null, { status: 204 });\n}`,
        },
      ],
    },
    t,
  ));
