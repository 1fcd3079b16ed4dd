// file: URIs to paths, for the server's file-system work (config files, the workspace scan).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of a file: URI; undefined for other schemes (untitled:, vscode-notebook-cell:...) or a malformed URI. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
