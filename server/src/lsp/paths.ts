// file: URIs to paths, for the server's file-system work (config files, the workspace scan).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver';

/** The absolute path of a file: URI; undefined for other schemes (untitled:, vscode-notebook-cell:...) or a malformed URI. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The workspace folders the client opened (or its single root, from older clients), as URIs. */
export function workspaceFolderUris(params: InitializeParams): string[] {
  return params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
}
