// The bundled server driven over stdio by a real LSP client: diagnostics, hover, quick fix, re-check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, applyWorkspaceEdit } from '../helpers/lsp-client.mjs';
import { FAILING_HANDLER } from '../helpers/snippets.mjs';

const URI = 'file:///work/example/users.js';
/** The failing handler, then numbers that are not statuses (a port, a timeout). */
const CODE = `${FAILING_HANDLER}
const PORT = 404;
setTimeout(() => {}, 500);
`;

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('initialize advertises hover and code actions, and names the package version', () => {
  assert.ok(server.init.capabilities.hoverProvider);
  const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.deepEqual(server.init.serverInfo, { name: 'status-hints', version });
  assert.ok(server.init.capabilities.codeActionProvider);
});

test('diagnostics, hover, quick fix, re-check', async () => {
  await server.open(URI, CODE);
  const diags = await server.waitForDiagnostics(URI, (d) => d.length > 0);
  assert.equal(diags.length, 1);
  const d = diags[0];
  assert.equal(d.source, 'status-hints');
  assert.equal(d.code, 'error-in-success-response');
  assert.equal(d.range.start.line, 6);
  assert.match(d.codeDescription.href, /error-in-success-response/);
  assert.match(d.message, /respond 404 Not Found/);

  // Hover on the 200 of the failing response.
  const hover = await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 24 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /200 OK/);

  // No hover on numbers that are not statuses: a port-like constant and a timeout.
  const portHover = await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 11, character: 14 } });
  assert.equal(portHover, null);
  const timeoutHover = await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 12, character: 24 } });
  assert.equal(timeoutHover, null);

  // The quick fix, applied, removes the finding.
  const actions = await server.request('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, `a preferred fix among: ${actions.map((a) => a.title).join(', ')}`);
  assert.match(fix.title, /404 Not Found/);
  const fixed = applyWorkspaceEdit(CODE, fix.edit, URI);
  assert.match(fixed, /res\.status\(404\)\.json\(\{ success: false/);
  await server.change(URI, fixed);
  const after = await server.waitForDiagnostics(URI);
  assert.deepEqual(after, []);
});

test('a code action for an older version is refused', async () => {
  const uri = 'file:///work/example/stale.js';
  await server.open(uri, CODE);
  const [d] = await server.waitForDiagnostics(uri, (x) => x.length > 0);
  await server.change(uri, CODE + '\n// edited\n');
  await server.waitForDiagnostics(uri, (x) => x.length > 0);
  const actions = await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.deepEqual(actions, []);
});
