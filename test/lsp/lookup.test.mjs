// The client's lookup holds no knowledge: it asks the server for matching codes and a code's doc.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('statusHints/lookup answers the codes matching a query, best first, with what the QuickPick shows', async () => {
  const byWords = await server.request('statusHints/lookup', { query: 'too many' });
  assert.equal(byWords[0].code, 429);
  assert.equal(byWords[0].label, '429 Too Many Requests');
  assert.ok(byWords[0].detail.length > 10);
  const byClass = await server.request('statusHints/lookup', { query: '4xx' });
  assert.ok(byClass.length > 20 && byClass.every((i) => i.code >= 400 && i.code < 500));
  const unregistered = (await server.request('statusHints/lookup', { query: '499' })).find((i) => i.code === 499);
  assert.equal(unregistered?.description, 'not IANA-registered');
  // Odd input is an empty list or the whole list, never an error.
  assert.ok(Array.isArray(await server.request('statusHints/lookup', { query: 42 })));
  assert.ok(Array.isArray(await server.request('statusHints/lookup', { query: 'x'.repeat(100_000) })));
});

test('statusHints/statusDoc answers the full document as escaped HTML, and nothing for a non-code', async () => {
  const doc = await server.request('statusHints/statusDoc', { code: 404 });
  assert.equal(doc.title, '404 Not Found');
  assert.equal(doc.known, true);
  assert.match(doc.html, /<h1>404 Not Found<\/h1>/);
  assert.doesNotMatch(doc.html, /<script/i);
  const unknown = await server.request('statusHints/statusDoc', { code: 299 });
  assert.equal(unknown.known, false);
  assert.equal(await server.request('statusHints/statusDoc', { code: 'x' }), null);
  assert.equal(await server.request('statusHints/statusDoc', { code: 42 }), null);
});
