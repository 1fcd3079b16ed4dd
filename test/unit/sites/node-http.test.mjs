// node:http status sites: res.writeHead(n, headers) and res.statusCode = n, framework 'node-http'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const server = `import http from 'node:http';
import { readFile } from 'node:fs/promises';

const server = http.createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    res.end('Method Not Allowed');
    return;
  }
  if (req.url === '/health') {
    res.statusCode = 204;
    res.end();
    return;
  }
  try {
    const html = await readFile('./public' + req.url);
    res.setHeader('Content-Type', 'text/html');
    res.end(html);
  } catch (err) {
    if (err.code === 'ENOENT') {
      res.writeHead(404).end('Not Found');
      return;
    }
    res.statusCode = 500;
    res.end(JSON.stringify({ error: 'Internal Server Error' }));
  }
});

server.listen(8080);
`;

test('node:http: writeHead(n, headers) is a site with the headers it writes', () => {
  const list = sitesOf(server, 'server.mjs');
  const s = one(list, { code: 405 });
  assert.equal(s.framework, 'node-http');
  assert.equal(s.kind, 'write-head');
  assert.equal(s.line, lineAt(server, 'writeHead(405'));
  assert.deepEqual(headerNames(s), ['allow', 'content-type']);
  assert.equal(s.send.how, 'later');
  assert.equal(s.send.method, 'end');
  assert.equal(s.body.kind, 'string');
  assert.equal(s.handler.responseName, 'res', 'the createServer callback is a handler');
});

test('node:http: statusCode assignment, chained writeHead(...).end(), catch facts', () => {
  const list = sitesOf(server, 'server.mjs');
  const noContent = one(list, { code: 204 });
  assert.equal(noContent.kind, 'status-assign');
  assert.equal(noContent.framework, 'node-http');
  assert.equal(noContent.send.how, 'later');
  const notFound = one(list, { code: 404 });
  assert.equal(notFound.send.how, 'chained');
  assert.equal(notFound.guard.kind, 'error-type');
  assert.equal(notFound.catchClause.param, 'err');
  assert.equal(notFound.catchClause.narrowed, true);
  const failed = one(list, { code: 500 });
  assert.deepEqual(bodyProps(failed), ['error'], 'res.end(JSON.stringify({ ... })): the object is the body');
});

test('node:http: res.end(x) with no status is the implicit 200; the fix chains writeHead', () => {
  const list = sitesOf(server, 'server.mjs');
  const s = one(list, { kind: 'implicit-send' });
  assert.equal(s.code, 200);
  assert.equal(s.framework, 'node-http');
  assert.equal(s.line, lineAt(server, 'res.end(html)'));
  assert.deepEqual(headerNames(s), ['content-type']);
  assert.ok(withCode(server, s, 203).includes('res.writeHead(203).end(html)'));
  none(list, { kind: 'implicit-send', line: lineAt(server, "res.end('Method Not Allowed')") });
});

test('node:http: a plain (req, res) function in a file that imports http', () => {
  const code = `const https = require('https');
function handle(req, res) {
  res.writeHead(302, { Location: 'https://example.com/' });
  res.end();
}
https.createServer(options, handle).listen(443);
`;
  const s = one(sitesOf(code, 'redirect.cjs'), { code: 302 });
  assert.equal(s.framework, 'node-http');
  assert.deepEqual(headerNames(s), ['location']);
});

test('node:http: a response written in a request event callback has no route (events are not routes)', () => {
  const code = `const http = require('http');
http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    try {
      JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('Invalid JSON');
      return;
    }
    res.writeHead(202).end();
  });
}).listen(8080);
`;
  const list = sitesOf(code, 'ingest.cjs');
  const bad = one(list, { code: 400 });
  assert.equal(bad.route, undefined);
  assert.equal(bad.catchClause.param, undefined);
  assert.equal(one(list, { code: 202 }).send.how, 'chained');
});
