// Everything the language server does once it is initialised: documents, settings, analysis,
// diagnostics and the workspace scan. server.ts loads this bundle after answering `initialize`,
// so the editor does not wait for TypeScript and the rules to load.
import { DidChangeConfigurationNotification, type Connection, type FileEvent, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type Settings } from '../settingsWithRules';
import { AnalysisCache, type DocumentAnalysis } from './analysisCache';
import { codeActions, resolveFixAll } from './codeActions';
import { completionAt, resolveCompletion } from './completion';
import { ConfigFiles, isConfigFileUri, type AllowTarget } from './config';
import { DiagnosticsScheduler } from './diagnostics';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { routeLenses } from './codeLens';
import { RouteIndex } from './routeIndex';
import { filePathOf, workspaceFolderUris } from './paths';
import { SettingsStore } from './settings';
import { TestFiles } from './testFiles';
import { WorkspaceScanner } from './workspaceScan';
import { lookupItems, statusDoc } from './lookup';

export type Session = ReturnType<typeof createSession>;

export function createSession(connection: Connection, documents: TextDocuments<TextDocument>, params: InitializeParams) {
  const log = (line: string) => connection.console.log(line);
  const configFiles = new ConfigFiles((uri, diags) => void connection.sendDiagnostics({ uri, diagnostics: diags }), log);
  const settings = new SettingsStore(connection, log, configFiles);
  const testFiles = new TestFiles(workspaceFolderUris(params).flatMap((uri) => filePathOf(uri) ?? []));
  const checked = (uri: string, s: Settings) => testFiles.checked(uri, s);
  const cache = new AnalysisCache(log, checked);
  const diagnostics = new DiagnosticsScheduler(connection, documents, cache, settings);
  const scanner = new WorkspaceScanner(connection, documents, settings, log, checked);
  settings.supportsPull = !!params.capabilities.workspace?.configuration;
  const canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  const canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  const canResolveCodeActions = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  scanner.initialize(params);
  const folderPaths = workspaceFolderUris(params).flatMap((uri) => filePathOf(uri) ?? []);
  const routeIndex = new RouteIndex(
    () => folderPaths,
    documents,
    (uri) => testFiles.isTest(uri),
  );

  const allowTarget: AllowTarget = {
    folders: workspaceFolderUris(params).flatMap((uri) => filePathOf(uri) ?? []),
    canCreateFiles: !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    openText: (uri) => {
      const doc = documents.get(uri);
      return doc && { text: doc.getText(), version: doc.version };
    },
  };

  /** The current analysis of an open document, or undefined when it is not open or was skipped. */
  async function analysisOf(uri: string): Promise<{ doc: TextDocument; result: DocumentAnalysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const result = cache.get(doc, await settings.forDocument(uri));
    return 'skipped' in result ? undefined : { doc, result };
  }

  /** statusHints.inlayHints.enabled or codeLens.enabled may have changed (editor settings or .statushintsrc.json): ask the client to pull hints and lenses again. */
  const refreshInlayHints = () => {
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  };

  return {
    initialized() {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusHints' }).catch(() => undefined);
      void scanner.refresh();
    },
    configurationChanged(value: unknown) {
      settings.changed(value);
      diagnostics.revalidateAll();
      refreshInlayHints();
      void scanner.refresh();
    },
    watchedFilesChanged(changes: FileEvent[]) {
      // A .statushintsrc.json changed (VS Code watches it; see the client's synchronize.fileEvents).
      if (changes.some((c) => isConfigFileUri(c.uri))) {
        settings.configFilesChanged();
        diagnostics.revalidateAll();
        refreshInlayHints();
        void scanner.refresh();
      }
      scanner.filesChanged(changes);
    },
    changed: (uri: string) => diagnostics.schedule(uri),
    opened: (uri: string) => scanner.documentOpened(uri),
    closed(uri: string) {
      diagnostics.closed(uri);
      cache.delete(uri);
      settings.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      scanner.documentClosed(uri);
    },
    async hover(uri: string, position: Parameters<typeof hover>[2]) {
      const a = await analysisOf(uri);
      return a ? hover(a.doc, a.result, position) : null;
    },
    async inlayHints(uri: string, range: Parameters<typeof inlayHints>[2]) {
      const a = await analysisOf(uri);
      return a ? inlayHints(a.doc, a.result, range) : [];
    },
    async codeLenses(uri: string) {
      const a = await analysisOf(uri);
      return a ? routeLenses(a.doc, a.result) : [];
    },
    async routes() {
      const first = workspaceFolderUris(params)[0];
      const maxFileSizeKb = (first ? await settings.forDocument(first) : undefined)?.maxFileSizeKb;
      return { routes: await routeIndex.routes(maxFileSizeKb ?? DEFAULT_SETTINGS.maxFileSizeKb) };
    },
    async completion(uri: string, position: Parameters<typeof completionAt>[3]) {
      const doc = documents.get(uri);
      return doc ? completionAt(doc, cache, await settings.forDocument(doc.uri), position) : null;
    },
    resolveCompletion,
    whenIdle: () => diagnostics.whenIdle(),
    lookup: lookupItems,
    statusDoc,
    async codeActions(params: Parameters<typeof codeActions>[2]) {
      const a = await analysisOf(params.textDocument.uri);
      if (!a) return [];
      const allowCode = (code: number) => configFiles.allowCodeAction(a.doc.uri, code, a.result.settings.allowedUnregisteredCodes, allowTarget);
      return codeActions(a.doc, a.result, params, allowCode, canResolveCodeActions);
    },
    async resolveCodeAction(action: Parameters<typeof resolveFixAll>[0]) {
      const uri = (action.data as { fixAll?: { uri?: unknown } } | undefined)?.fixAll?.uri;
      const a = typeof uri === 'string' ? await analysisOf(uri) : undefined;
      return resolveFixAll(action, a?.doc, a?.result);
    },
  };
}
