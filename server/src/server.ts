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
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { SettingsStore } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (line: string) => connection.console.log(line);
const settings = new SettingsStore(connection, log);
const cache = new AnalysisCache(log);
const diagnostics = new DiagnosticsScheduler(connection, documents, cache, settings);

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.supportsPull = !!caps.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
    },
    serverInfo: { name: 'status-hints', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusHints' }).catch(() => undefined);
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  diagnostics.revalidateAll();
});

documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
documents.onDidClose((e) => {
  diagnostics.closed(e.document.uri);
  cache.delete(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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

connection.onCodeAction(async (params) => {
  const a = await analysisOf(params.textDocument.uri);
  return a ? codeActions(a.doc, a.result, params) : [];
});

documents.listen(connection);
connection.listen();
