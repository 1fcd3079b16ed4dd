// What the server announces in `initialize`. Kept apart from the session so the thin entry point
// can answer before TypeScript and the rules are loaded.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.statusHints`;
export const COMPLETION_TRIGGERS = ['(', ',', ':', '=', ' '];

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
  // resolveProvider: the light bulb's fix-all runs the fix loop only when the user picks it.
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true },
};
