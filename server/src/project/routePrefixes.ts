// The path prefixes the project mounts each module under, joined across files: `app.use('/api', api)`
// in app.js and `api.use('/users', users)` in api.js put users.js's routes under /api/users. Files
// nobody mounts keep their paths. A module mounted in several places gets each prefix (at most
// MAX_PREFIXES); files mounted only in a cycle keep theirs.
import type { Mount } from '../analysis/routeMounts';

const MAX_PREFIXES = 8;
const MAX_DEPTH = 16;

/** '/api' + '/users/:id' → '/api/users/:id'; '/api' + '/' → '/api'. */
export function joinRoutePath(prefix: string, path: string): string {
  const head = prefix.replace(/\/+$/, '');
  if (path === '' || path === '/') return head || '/';
  return head + (path.startsWith('/') ? path : `/${path}`);
}

/**
 * For every file some file mounts, the full prefixes it is mounted under. `resolve` names the file a
 * specifier written in `from` points at (project/moduleResolution.ts), undefined outside the project.
 */
export function routePrefixes(
  mountsByFile: ReadonlyMap<string, readonly Mount[]>,
  resolve: (from: string, specifier: string) => string | undefined,
): Map<string, string[]> {
  const parents = new Map<string, { parent: string; prefix: string; reexport: boolean }[]>();
  for (const [file, mounts] of mountsByFile) {
    for (const m of mounts) {
      const target = resolve(file, m.specifier);
      if (target === undefined || target === file) continue;
      parents.set(target, [...(parents.get(target) ?? []), { parent: file, prefix: m.prefix, reexport: !!m.reexport }]);
    }
  }
  // A prefix is a chain of mounts from a file nobody mounts (the app). A chain that comes back to a
  // file already on it is no chain: files mounted only in a cycle keep their own paths.
  const memo = new Map<string, string[]>();
  let cut = false;
  const prefixesOf = (file: string, visiting: Set<string>, depth: number): string[] => {
    const known = memo.get(file);
    if (known) return known;
    const edges = parents.get(file);
    if (!edges) return [''];
    if (depth > MAX_DEPTH) return [];
    visiting.add(file);
    const wasCut = cut;
    cut = false;
    const out = new Set<string>();
    for (const { parent, prefix, reexport } of edges) {
      if (visiting.has(parent)) {
        cut = true;
        continue;
      }
      // A re-export passes on only the prefixes its index is mounted under, not the index's own place.
      if (reexport && !parents.has(parent)) continue;
      for (const p of prefixesOf(parent, visiting, depth + 1)) if (out.size < MAX_PREFIXES) out.add(joinRoutePath(p, prefix));
    }
    visiting.delete(file);
    const result = [...out];
    // What was found with a cycle cut may miss chains through the cut file: not kept for other paths.
    if (!cut) memo.set(file, result);
    cut ||= wasCut;
    return result;
  };
  const out = new Map<string, string[]>();
  for (const file of parents.keys()) {
    cut = false;
    const found = prefixesOf(file, new Set(), 0);
    if (found.length > 0) out.set(file, found);
  }
  return out;
}
