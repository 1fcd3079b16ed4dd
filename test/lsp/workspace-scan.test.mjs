// statusHints.scanWorkspace over LSP: closed files get diagnostics from disk with $/progress, watched
// file events keep them current, open documents take over, and turning the setting off clears them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp-client.mjs';

const HEADER = `const express = require('express');\nconst router = express.Router();\n`;
const FAILING = `${HEADER}router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(200).json({ success: false, error: 'not found' });
  }
  res.json(user);
});
`;
const CLEAN = `${HEADER}router.get('/health', (req, res) => res.json({ ok: true }));\n`;

const workspaces = [];
function workspace(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-ws-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  workspaces.push(dir);
  return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).href, folder: [{ uri: pathToFileURL(dir).href, name: path.basename(dir) }] };
}

/** Start a server on `ws` with the scan off, recording progress and registrations, then turn the scan on. */
async function startScanning(ws, extra = {}) {
  const server = await startServer({
    workspaceFolders: ws.folder,
    configuration: { scanWorkspace: false },
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    },
    ...extra,
  });
  const progress = [];
  const registrations = [];
  const progressWaiters = [];
  server.connection.onNotification('$/progress', (p) => {
    progress.push(p);
    for (const w of [...progressWaiters]) w();
  });
  server.connection.onRequest('client/registerCapability', (p) => {
    registrations.push(...p.registrations);
    return null;
  });
  const waitForProgress = (kind) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress ${kind}: ${JSON.stringify(progress)}`)), 10000);
      const check = () => {
        const p = progress.find((x) => x.value.kind === kind);
        if (!p) return;
        clearTimeout(timer);
        progressWaiters.splice(progressWaiters.indexOf(check), 1);
        resolve(p);
      };
      progressWaiters.push(check);
      check();
    });
  await server.setConfiguration({ scanWorkspace: true });
  return { server, progress, registrations, waitForProgress };
}

const watched = (server, changes) => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });

const servers = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const dir of workspaces) fs.rmSync(dir, { recursive: true, force: true });
});

test('closed files get diagnostics with progress; watched changes, opening, closing and turning off keep them right', async () => {
  const ws = workspace({
    'src/users.js': FAILING,
    'src/health.js': CLEAN,
    'src/orders.ts': FAILING.replace('/users/:id', '/orders/:id'),
    'node_modules/lib/index.js': FAILING,
    '.gitignore': 'generated/\n',
    'generated/client.js': FAILING,
    'packages/legacy/.statushintsrc.json': JSON.stringify({ rules: { 'error-in-success-response': 'error' } }),
    'packages/legacy/routes.js': FAILING,
    // Not UTF-8 text: the CLI skips these, so the scan does too (project/sourcePolicy.ts).
    'src/binary.js': Buffer.from(`${FAILING}\0\0`),
    'src/latin1.js': Buffer.concat([Buffer.from(FAILING), Buffer.from([0xe9, 0x0a])]),
  });
  const { server, progress, registrations, waitForProgress } = await startScanning(ws);
  servers.push(server);

  const users = await server.waitForDiagnostics(ws.uri('src/users.js'), (d) => d.length === 1);
  assert.equal(users[0].code, 'error-in-success-response');
  assert.equal(users[0].range.start.line, 5);
  await server.waitForDiagnostics(ws.uri('src/orders.ts'), (d) => d.length === 1);
  // Each file gets the settings of its nearest .statushintsrc.json, as an opened file would.
  assert.equal(users[0].severity, 2);
  const legacy = await server.waitForDiagnostics(ws.uri('packages/legacy/routes.js'), (d) => d.length === 1);
  assert.equal(legacy[0].severity, 1);
  const begin = await waitForProgress('begin');
  const end = await waitForProgress('end');
  assert.equal(begin.token, end.token);
  assert.equal(begin.value.cancellable, true);
  assert.ok(progress.indexOf(begin) < progress.indexOf(end));
  // The CLI's file rules: node_modules, .gitignore'd and non-UTF-8 files are not scanned; clean files publish nothing.
  for (const rel of ['node_modules/lib/index.js', 'generated/client.js', 'src/health.js', 'src/binary.js', 'src/latin1.js'])
    assert.equal(server.diagnostics.get(ws.uri(rel)), undefined, rel);
  const reg = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.ok(reg, JSON.stringify(registrations));
  const watchGlob = /^\*\*\/\*\.\{([a-z,]+)\}$/.exec(reg.registerOptions.watchers[0].globPattern);
  assert.deepEqual(watchGlob?.[1].split(',').sort(), ['cjs', 'cts', 'js', 'jsx', 'mjs', 'mts', 'ts', 'tsx']);

  // A created file is analysed; a deleted file's diagnostics go away.
  fs.writeFileSync(path.join(ws.dir, 'src/new.js'), FAILING);
  await watched(server, [{ uri: ws.uri('src/new.js'), type: 1 }]);
  await server.waitForDiagnostics(ws.uri('src/new.js'), (d) => d.length === 1);
  fs.rmSync(path.join(ws.dir, 'src/users.js'));
  await watched(server, [{ uri: ws.uri('src/users.js'), type: 3 }]);
  await server.waitForDiagnostics(ws.uri('src/users.js'), (d) => d.length === 0);
  // A changed file is re-read.
  fs.writeFileSync(path.join(ws.dir, 'src/orders.ts'), CLEAN);
  await watched(server, [{ uri: ws.uri('src/orders.ts'), type: 2 }]);
  await server.waitForDiagnostics(ws.uri('src/orders.ts'), (d) => d.length === 0);

  // Opening a file: its live text decides; closing it: the file on disk decides again.
  const newUri = ws.uri('src/new.js');
  await server.open(newUri, CLEAN);
  await server.waitForDiagnostics(newUri, (d) => d.length === 0);
  await server.close(newUri);
  await server.waitForDiagnostics(newUri, (d) => d.length === 1);

  // Turning the setting off clears every closed file's diagnostics.
  await server.setConfiguration({ scanWorkspace: false });
  await server.waitForDiagnostics(newUri, (d) => d.length === 0);
});

test('the scan is cancellable from the client and hover still answers during it', async () => {
  const files = {};
  for (let i = 0; i < 1500; i++) files[`src/r${i}.js`] = FAILING.replace('/users/:id', `/r${i}/:id`);
  const ws = workspace(files);
  const { server, waitForProgress } = await startScanning(ws);
  servers.push(server);
  const begin = await waitForProgress('begin');

  const openUri = ws.uri('src/r0.js');
  await server.open(openUri, FAILING);
  const hover = await server.request('textDocument/hover', { textDocument: { uri: openUri }, position: { line: 5, character: 24 } });
  assert.match(hover.contents.value, /200 OK/);

  await server.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
  await waitForProgress('end');
  // The summary line is logged right after the progress ends: wait for it, with a deadline.
  const summary = () => server.logs.find((l) => l.startsWith('workspace scan:'));
  for (const deadline = Date.now() + 10_000; !summary() && Date.now() < deadline;) await new Promise((r) => setImmediate(r));
  const line = summary();
  assert.match(line, /^workspace scan: \d+\/1500 files \(stopped\)$/, server.logs.join('\n'));
  const scanned = Number(/(\d+)\//.exec(line)[1]);
  assert.ok(scanned < 1500, line);
});
