// Which files of a folder are the project's sources: JS/TS files, skipping node_modules, dist,
// build, .git and whatever .gitignore says. The CLI, the editor's workspace scan and the project
// index all list files this one way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';

/** JavaScript and TypeScript sources, in the order an import without an extension tries them. */
export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
export const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.join(',')}}`;
export const ALWAYS_SKIPPED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.git/**'];
const SKIPPED_SEGMENTS = new Set(['node_modules', 'dist', 'build', '.git']);
const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`, 'i');

/** A file's name says JavaScript or TypeScript (the extensions folders are searched for). */
export const isSourceFile = (file: string): boolean => SOURCE_FILE.test(file);

/** Rules of every .gitignore from the repository's top folder down to `root`. */
function gitignoreFor(root: string): { ig: Ignore; top: string } {
  const ig = ignore();
  // Look upward for the repository's top-level .gitignore too.
  let dir = path.resolve(root);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const top = chain[0];
  for (const d of chain) {
    const file = path.join(d, '.gitignore');
    if (!fs.existsSync(file)) continue;
    const prefix = path.relative(top, d).split(path.sep).join('/');
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const negated = t.startsWith('!');
      const pattern = negated ? t.slice(1) : t;
      // A pattern with a slash (other than at the end) is anchored to its .gitignore's folder; one
      // without matches at any depth below it.
      const anchored = pattern.replace(/\/$/, '').includes('/');
      const scoped = !prefix ? pattern : anchored ? `${prefix}/${pattern.replace(/^\//, '')}` : `${prefix}/**/${pattern}`;
      ig.add(negated ? `!${scoped}` : scoped);
    }
  }
  return { ig, top };
}

/**
 * The file rules of a folder as one predicate on absolute paths: a JS/TS source, not under a
 * skipped folder, not ignored by .gitignore. Used for files that appear later (watched files).
 */
export function sourceFilter(root: string): (absFile: string) => boolean {
  const { ig, top } = gitignoreFor(root);
  const absRoot = path.resolve(root);
  return (absFile) => {
    if (!isSourceFile(absFile)) return false;
    const inRoot = path.relative(absRoot, absFile);
    if (inRoot.startsWith('..') || path.isAbsolute(inRoot)) return false;
    if (inRoot.split(path.sep).some((seg) => SKIPPED_SEGMENTS.has(seg) || seg.startsWith('.'))) return false;
    const relTop = path.relative(top, absFile).split(path.sep).join('/');
    return !(relTop && !relTop.startsWith('..') && ig.ignores(relTop));
  };
}

/** Every source file of `root` (absolute paths, sorted), without blocking the event loop on the walk. */
export async function listSourceFiles(root: string): Promise<string[]> {
  const keep = sourceFilter(root);
  const found = await glob(SOURCE_GLOB, { cwd: root, ignore: ALWAYS_SKIPPED, dot: false, absolute: true, followSymbolicLinks: false });
  return found
    .map((f) => path.resolve(f))
    .filter(keep)
    .sort();
}
