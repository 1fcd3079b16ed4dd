// The language server: a thin adapter from LSP to the pure analysis. Runs over IPC (VS Code) or
// stdio (`status-hints-language-server --stdio`, any LSP editor).
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysis } from './lsp/analysisCache';
import { codeActions, FIX_ALL_KIND } from './lsp/codeActions';
import { completionAt, COMPLETION_TRIGGERS, resolveCompletion } from './lsp/completion';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { inlayHints } from './lsp/inlayHints';
import { ConfigFiles, isConfigFileUri } from './lsp/config';
import { SettingsStore } from './lsp/settings';
import { WorkspaceScanner } from './lsp/workspaceScan';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (line: string) => connection.console.log(line);
const configFiles = new ConfigFiles((uri, diags) => void connection.sendDiagnostics({ uri, diagnostics: diags }), log);
const settings = new SettingsStore(connection, log, configFiles);
const cache = new AnalysisCache(log);
const diagnostics = new DiagnosticsScheduler(connection, documents, cache, settings);
const scanner = new WorkspaceScanner(connection, documents, settings, log);

let canRefreshInlayHints = false;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.supportsPull = !!caps.workspace?.configuration;
  canRefreshInlayHints = !!caps.workspace?.inlayHint?.refreshSupport;
  scanner.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      inlayHintProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
    },
    serverInfo: { name: 'status-hints', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusHints' }).catch(() => undefined);
  void scanner.refresh();
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  diagnostics.revalidateAll();
  // statusHints.inlayHints.enabled may have changed: ask the client to pull hints again.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  void scanner.refresh();
});

// The one handler for watched files (LSP allows one): share it if another feature needs file events.
connection.onDidChangeWatchedFiles((params) => {
  // A .statushintsrc.json changed (VS Code watches it; see the client's synchronize.fileEvents).
  if (params.changes.some((c) => isConfigFileUri(c.uri))) {
    settings.configFilesChanged();
    diagnostics.revalidateAll();
    void scanner.refresh();
  }
  scanner.filesChanged(params.changes);
});

documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
documents.onDidOpen((e) => scanner.documentOpened(e.document.uri));
documents.onDidClose((e) => {
  diagnostics.closed(e.document.uri);
  cache.delete(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  scanner.documentClosed(e.document.uri);
});

/** The current analysis of an open document, or undefined when it is not open or was skipped. */
async function analysisOf(uri: string): Promise<{ doc: TextDocument; result: DocumentAnalysis } | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const result = cache.get(doc, await settings.forDocument(uri));
  return 'skipped' in result ? undefined : { doc, result };
}

connection.onHover(async (params) => {
  const a = await analysisOf(params.textDocument.uri);
  return a ? hover(a.doc, a.result, params.position) : null;
});

connection.languages.inlayHint.on(async (params) => {
  const a = await analysisOf(params.textDocument.uri);
  return a ? inlayHints(a.doc, a.result, params.range) : [];
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? completionAt(doc, cache, await settings.forDocument(doc.uri), params.position) : null;
});

connection.onCompletionResolve(resolveCompletion);

connection.onCodeAction(async (params) => {
  const a = await analysisOf(params.textDocument.uri);
  return a ? codeActions(a.doc, a.result, params) : [];
});

documents.listen(connection);
connection.listen();
