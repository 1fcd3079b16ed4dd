// A real LSP client for tests: spawns the bundled server (`dist/server.js --stdio`) and speaks to it
// through vscode-languageserver-protocol, as any editor would.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = path.join(process.env.STATUS_HINTS_DIST ? path.resolve(process.env.STATUS_HINTS_DIST) : path.join(root, 'dist'), 'server.js');

export function fileUri(p) {
  return pathToFileURL(path.resolve(root, p)).href;
}

/**
 * Start the server. `configuration` answers workspace/configuration requests (the statusHints
 * section), as VS Code would; change it and call `notifyConfigurationChanged()`.
 */
export async function startServer({
  configuration = {},
  capabilities = {},
  workspaceFolders = null,
  initializationOptions,
  nodeArgs = [],
  serverScript = SERVER,
} = {}) {
  const child = spawn(process.execPath, [...nodeArgs, serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map();
  const waiters = [];
  const logs = [];
  const state = { configuration };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p);
    for (const w of [...waiters]) w();
  });
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => state.configuration));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders,
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        completion: { completionItem: { documentationFormat: ['markdown'] } },
        inlayHint: {},
      },
      window: { workDoneProgress: true },
      ...capabilities,
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const versions = new Map();
  const texts = new Map();
  const api = {
    connection,
    child,
    init,
    logs,
    diagnostics,
    get stderr() {
      return stderr;
    },
    setConfiguration(c) {
      state.configuration = c;
      return connection.sendNotification('workspace/didChangeConfiguration', { settings: { statusHints: c } });
    },
    async open(uri, text, languageId = 'javascript') {
      versions.set(uri, 1);
      texts.set(uri, text);
      diagnostics.delete(uri);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    async change(uri, text) {
      const v = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, v);
      texts.set(uri, text);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      return v;
    },
    /** An incremental change: replace `range` with `text` (LSP positions). */
    async edit(uri, range, text, newFullText) {
      const v = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, v);
      if (newFullText !== undefined) texts.set(uri, newFullText);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
      return v;
    },
    async close(uri) {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    version: (uri) => versions.get(uri),
    text: (uri) => texts.get(uri),
    /** Wait until diagnostics for `uri` satisfy `predicate` (default: any, for the current version). */
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = diagnostics.get(uri);
          if (d && (d.version === undefined || d.version === versions.get(uri) || !versions.has(uri)) && predicate(d.diagnostics)) {
            waiters.splice(waiters.indexOf(check), 1);
            clearTimeout(timer);
            resolve(d.diagnostics);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(check), 1);
          reject(
            new Error(
              `timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(diagnostics.get(uri))}\nstderr: ${stderr}\nlogs: ${logs.join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      connection.dispose();
      await new Promise((r) => {
        if (child.exitCode !== null) return r();
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    },
  };
  return api;
}

/** Apply an LSP WorkspaceEdit's text edits for `uri` to `text` (positions are line/character). */
export function applyWorkspaceEdit(text, edit, uri) {
  const changes = edit.documentChanges ? edit.documentChanges.filter((c) => c.textDocument?.uri === uri).flatMap((c) => c.edits) : (edit.changes?.[uri] ?? []);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p) => lineStarts[p.line] + p.character;
  const sorted = [...changes].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
