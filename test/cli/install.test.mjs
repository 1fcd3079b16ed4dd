// The npm tarball as a user gets it: `npm pack` (its prepack builds), `npm install <tarball>` into a
// fresh project, then both bins from there. Slow (a production build and two npm runs): one test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { cleanInstallEnv } from '../e2e/lib/setup.mjs';
import { failingHandler, header, root } from './_cli.mjs';

/** Never packed from the checkout itself: prepack's production build would replace the dist/ other tests run. */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', '.status-hints-cache']);

function npm(args, cwd, env) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

test('the packed tarball installs with no registry and its two bins work', { timeout: 300_000 }, async (t) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-install-'));
  t.after(() => fs.rmSync(work, { recursive: true, force: true }));
  // An empty npm cache and --offline: the package must need nothing from the registry, as on a fresh machine.
  const env = cleanInstallEnv({ npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false' });

  const source = path.join(work, 'source');
  fs.cpSync(root, source, { recursive: true, filter: (src) => !NOT_COPIED.has(path.basename(src)) && !/\.(vsix|tgz)$/.test(src) });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  npm(['pack', '--pack-destination', work], source, env);
  const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made a tarball');

  const app = path.join(work, 'app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  fs.writeFileSync(path.join(app, 'src/users.js'), header + failingHandler());
  npm(['install', '-D', '--offline', '--no-audit', '--no-fund', path.join(work, tarball)], app, env);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).devDependencies, { 'status-hints': `file:../${tarball}` });

  // --no: never fetch a package of that name from the registry if the local bin were missing.
  const check = spawnSync('npx', ['--no', 'status-hints', 'check', 'src/users.js'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(check.status, 1, check.stdout + check.stderr);
  assert.match(check.stdout, /^src\/users\.js:6:23 {2}warning {2}.+\(error-in-success-response\)$/m);

  const server = spawn(path.join(app, 'node_modules/.bin/status-hints-language-server'), ['--stdio'], { cwd: app, env, stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => server.kill());
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(path.join(app, 'src/users.js')).href;
  // The diagnostics need dist/session.js (loaded after initialize): the reply alone would not prove it shipped.
  const diagnostics = new Promise((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => p.uri === uri && p.diagnostics.length > 0 && resolve(p.diagnostics)),
  );
  const logs = [];
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(app).href, capabilities: {} });
  assert.equal(init.serverInfo?.name, 'status-hints');
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'javascript', version: 1, text: header + failingHandler() },
  });
  // Bounded: a server that cannot load its session stays up and says so only in its log.
  const giveUp = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no diagnostics within 30 s; log:\n${logs.join('\n')}\n${stderr}`)), 30_000).unref(),
  );
  const found = await Promise.race([diagnostics, giveUp, exited.then((code) => assert.fail(`the server exited (${code}) before any diagnostics:\n${stderr}`))]);
  assert.deepEqual(
    found.map((d) => d.code),
    ['error-in-success-response'],
  );
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0, stderr);
  connection.dispose();
});
