// The language server: a thin adapter from LSP to the pure analysis. Runs over IPC (VS Code) or
// stdio (`status-hints-language-server --stdio`, any LSP editor).
// This entry point only speaks LSP: it answers `initialize` at once and loads the session (TypeScript,
// rules, knowledge base: most of the start-up cost) right after, or on the first request that needs it.
import { createConnection, ProposedFeatures, TextDocuments, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from './lsp/session';
import {
  IDLE_REQUEST,
  LOOKUP_REQUEST,
  ROUTES_REQUEST,
  MEMORY_USAGE_REQUEST,
  STATUS_DOC_REQUEST,
  type LookupParams,
  type StatusDocParams,
} from '../../shared/protocol';
import { version } from '../../package.json';
import { SERVER_CAPABILITIES } from './lsp/capabilities';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let initializeParams: InitializeParams | undefined;
let loaded: Session | undefined;

function session(): Session {
  if (!loaded) {
    // The bundle next to this one (dist/session.js, external to this bundle): never the workspace's code.
    const { createSession } = require('./session.js') as typeof import('./lsp/session');
    loaded = createSession(connection, documents, initializeParams ?? { processId: null, rootUri: null, capabilities: {} });
  }
  return loaded;
}

connection.onInitialize((params): InitializeResult => {
  initializeParams = params;
  return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'status-hints', version } };
});

connection.onInitialized(() => {
  session().initialized();
});

connection.onDidChangeConfiguration((change) => session().configurationChanged(change.settings));
// The one handler for watched files (LSP allows one): share it if another feature needs file events.
connection.onDidChangeWatchedFiles((params) => session().watchedFilesChanged(params.changes));
documents.onDidChangeContent((e) => session().changed(e.document.uri));
documents.onDidOpen((e) => session().opened(e.document.uri));
documents.onDidClose((e) => session().closed(e.document.uri));
connection.onHover((params) => session().hover(params.textDocument.uri, params.position));
connection.languages.inlayHint.on((params) => session().inlayHints(params.textDocument.uri, params.range));
connection.onCodeLens((params) => session().codeLenses(params.textDocument.uri));
connection.onCompletion((params) => session().completion(params.textDocument.uri, params.position));
connection.onCompletionResolve((item) => session().resolveCompletion(item));
connection.onCodeAction((params) => session().codeActions(params));
connection.onCodeActionResolve((action) => session().resolveCodeAction(action));
// The server's memory, for the benchmark (bench/editor.mjs) and anyone investigating: after a full
// garbage collection when node runs with --expose-gc, so growth means retained memory, not garbage.
// The client's lookup (command palette) reads the knowledge base through the server.
connection.onRequest(LOOKUP_REQUEST, (params: LookupParams) => session().lookup(params));
connection.onRequest(STATUS_DOC_REQUEST, (params: StatusDocParams) => session().statusDoc(params));
connection.onRequest(IDLE_REQUEST, () => session().whenIdle());
connection.onRequest(ROUTES_REQUEST, () => session().routes());
connection.onRequest(MEMORY_USAGE_REQUEST, () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
});

documents.listen(connection);
connection.listen();
