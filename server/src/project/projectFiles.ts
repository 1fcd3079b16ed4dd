// What the project model reads of the disk, behind an interface: the CLI and the language server
// pass the real file system, tests an in-memory one. Paths are absolute and use forward slashes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProjectFiles {
  /** The text of a file, or undefined when it does not exist or cannot be read as text. */
  readText(file: string): string | undefined;
  /** True when `file` exists and is a file. */
  isFile(file: string): boolean;
  /** The names of the entries of a folder (empty when it does not exist). */
  list(dir: string): { name: string; isDirectory: boolean }[];
}

export const posix = path.posix;

/** `C:\a\b` → `C:/a/b`; posix paths are returned as they are. */
export function toSlashes(p: string): string {
  return p.includes('\\') ? p.replace(/\\/g, '/') : p;
}

/** An in-memory project: `{ '/repo/src/a.ts': '...' }`. For tests and for editors' unsaved buffers. */
export function memoryFiles(files: Record<string, string>): ProjectFiles {
  const byPath = new Map(Object.entries(files).map(([k, v]) => [posix.normalize(k), v]));
  return {
    readText: (file) => byPath.get(posix.normalize(file)),
    isFile: (file) => byPath.has(posix.normalize(file)),
    list(dir) {
      const prefix = posix.normalize(dir).replace(/\/?$/, '/');
      const entries = new Map<string, boolean>();
      for (const p of byPath.keys()) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0 || entries.get(rest) === true);
      }
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}

/** The project on disk, read synchronously (the CLI, the Routes view's index). */
export function diskFiles(): ProjectFiles {
  return {
    readText(file) {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    isFile(file) {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    list(dir) {
      try {
        return fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
      } catch {
        return [];
      }
    },
  };
}
