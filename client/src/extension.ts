// The VS Code client: starts the language server over IPC and registers the lookup commands.
// No analysis and no knowledge of codes here: the lookup asks the server (shared/protocol.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  LOOKUP_REQUEST,
  OPEN_DOC_COMMAND,
  ROUTES_REQUEST,
  SERVER_NODE_FLAGS,
  STATUS_DOC_REQUEST,
  type LookupItem,
  type RoutesResult,
  type StatusDoc,
} from '../../shared/protocol';
import { registerLookupCommands, type Knowledge } from './lookup';
import { registerRouteResponses } from './routeResponses';
import { registerRoutesView } from './routesView';

let client: LanguageClient | undefined;

const DOCUMENT_SELECTOR = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** Restart a crashed server a few times, then stop and say so once (instead of a crash loop). */
function errorHandler(outputChannel: vscode.OutputChannel): ErrorHandler {
  const MAX_RESTARTS = 4;
  const WINDOW_MS = 3 * 60 * 1000;
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > WINDOW_MS) restarts.shift();
      restarts.push(now);
      if (restarts.length <= MAX_RESTARTS) {
        outputChannel.appendLine(`status-hints: the language server stopped; restarting (${restarts.length}/${MAX_RESTARTS}).`);
        return { action: CloseAction.Restart };
      }
      return {
        action: CloseAction.DoNotRestart,
        message:
          'status-hints: the language server crashed 5 times in 3 minutes and will not be restarted. See the "status-hints" output for details; run "Developer: Reload Window" to try again.',
      };
    },
  };
}

/** The lookup's view of the server: requests wait until the client has started (or restarted). */
function knowledgeFrom(started: () => Promise<LanguageClient | undefined>): Knowledge {
  return {
    lookup: async (query) => (await (await started())?.sendRequest<LookupItem[]>(LOOKUP_REQUEST, { query })) ?? [],
    doc: async (code) => (await (await started())?.sendRequest<StatusDoc | null>(STATUS_DOC_REQUEST, { code })) ?? null,
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  let starting: Promise<void> | undefined;
  registerLookupCommands(
    context,
    knowledgeFrom(async () => {
      await starting;
      return client;
    }),
  );

  registerRouteResponses(context);
  registerRoutesView(context, async () => {
    await starting;
    return client?.sendRequest<RoutesResult>(ROUTES_REQUEST);
  });

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('status-hints', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'statusHints',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.statushintsrc.json'),
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: errorHandler(outputChannel),
    // Server Markdown may run exactly one command, on click: the hover's "Open full doc" link. Any
    // other command link, and HTML, stay inert.
    markdown: { isTrusted: { enabledCommands: [OPEN_DOC_COMMAND] } },
  };
  client = new LanguageClient('statusHints', 'status-hints', serverOptions, clientOptions);
  context.subscriptions.push(client);
  starting = client.start();
  await starting;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
