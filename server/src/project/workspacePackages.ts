// The packages of a monorepo workspace (npm/yarn `workspaces`, pnpm-workspace.yaml), by name, so
// `import { fail } from '@acme/http'` resolves to that package's source in the same repository.
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { posix, type ProjectFiles } from './projectFiles';

export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name?: string;
  main?: string;
  module?: string;
  source?: string;
  types?: string;
  exports?: unknown;
  workspaces?: unknown;
}

/** Workspace globs are folders (`packages/*`, `apps/**`); this deep is enough for every layout seen. */
const MAX_GLOB_DEPTH = 4;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

export function readManifest(files: ProjectFiles, dir: string): PackageManifest | undefined {
  const text = files.readText(posix.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  const json = parseJsonc(text, [], { allowTrailingComma: true });
  return json && typeof json === 'object' ? (json as PackageManifest) : undefined;
}

/** The workspace's packages, from the root's package.json `workspaces` and pnpm-workspace.yaml. */
export function workspacePackages(files: ProjectFiles, root: string): Map<string, WorkspacePackage> {
  const globs: string[] = [];
  const rootManifest = readManifest(files, root);
  const ws = rootManifest?.workspaces;
  if (Array.isArray(ws)) globs.push(...ws.filter((g): g is string => typeof g === 'string'));
  else if (ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)) {
    globs.push(...(ws as { packages: unknown[] }).packages.filter((g): g is string => typeof g === 'string'));
  }
  const pnpm = files.readText(posix.join(root, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) {
    try {
      const doc = parseYaml(pnpm) as { packages?: unknown } | null;
      if (doc && Array.isArray(doc.packages)) globs.push(...doc.packages.filter((g): g is string => typeof g === 'string'));
    } catch {
      /* a broken pnpm-workspace.yaml: no workspace packages */
    }
  }
  const out = new Map<string, WorkspacePackage>();
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    for (const dir of expandFolderGlob(files, root, glob.replace(/\/+$/, ''))) {
      const manifest = readManifest(files, dir);
      if (manifest?.name && !out.has(manifest.name)) out.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return out;
}

/** `packages/*` → every folder under packages; `apps/**` → every folder below apps (bounded). */
function expandFolderGlob(files: ProjectFiles, root: string, glob: string): string[] {
  const parts = glob.split('/').filter((p) => p && p !== '.');
  let dirs = [root];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (part === '**') next.push(dir, ...descendants(files, dir, MAX_GLOB_DEPTH));
      else if (part.includes('*')) {
        const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        for (const e of files.list(dir)) if (e.isDirectory && !SKIP_DIRS.has(e.name) && re.test(e.name)) next.push(posix.join(dir, e.name));
      } else next.push(posix.join(dir, part));
    }
    dirs = next;
  }
  return dirs;
}

function descendants(files: ProjectFiles, dir: string, depth: number): string[] {
  if (depth === 0) return [];
  const out: string[] = [];
  for (const e of files.list(dir)) {
    if (!e.isDirectory || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
    const child = posix.join(dir, e.name);
    out.push(child, ...descendants(files, child, depth - 1));
  }
  return out;
}

/**
 * The entry files a package's manifest names for `subpath` ('.' or './x'), most source-like first:
 * the `exports` map's conditions, then `source`, `module`, `main`.
 */
export function manifestEntries(manifest: PackageManifest, subpath: string): string[] {
  const out: string[] = [];
  const fromExports = exportTarget(manifest.exports, subpath);
  out.push(...fromExports);
  if (subpath === '.') for (const f of [manifest.source, manifest.module, manifest.main, manifest.types]) if (typeof f === 'string') out.push(f);
  return out;
}

/** Condition names tried in order: source first (monorepos point it at .ts), then what Node uses. */
const CONDITIONS = ['source', 'development', 'import', 'require', 'node', 'default', 'types'];

function exportTarget(exports: unknown, subpath: string): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports === 'string') return subpath === '.' ? [exports] : [];
  if (Array.isArray(exports)) return exports.flatMap((e) => exportTarget(e, subpath));
  if (typeof exports !== 'object') return [];
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  // { ".": ..., "./x": ... } or a conditions object for "."
  if (keys.some((k) => k.startsWith('.'))) {
    if (map[subpath] !== undefined) return conditionTargets(map[subpath]);
    for (const k of keys) {
      const star = k.indexOf('*');
      if (star < 0) continue;
      const prefix = k.slice(0, star);
      const suffix = k.slice(star + 1);
      if (subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
        const mid = subpath.slice(prefix.length, subpath.length - suffix.length);
        return conditionTargets(map[k]).map((t) => t.replace('*', mid));
      }
    }
    return [];
  }
  return subpath === '.' ? conditionTargets(map) : [];
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (!value || typeof value !== 'object') return [];
  const map = value as Record<string, unknown>;
  const out: string[] = [];
  for (const c of CONDITIONS) if (map[c] !== undefined) out.push(...conditionTargets(map[c]));
  return out;
}
