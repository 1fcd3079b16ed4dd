// Which files a `check` (and the editor's workspace scan) covers: files as given, folders walked for
// JS/TS sources, skipping node_modules, dist, build, .git and whatever .gitignore says.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, globSync } from 'tinyglobby';
import { isTestFile } from '../analysis/testFiles';

export const SOURCE_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'];
export const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.join(',')}}`;
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.git/**'];
const SKIPPED_SEGMENTS = new Set(['node_modules', 'dist', 'build', '.git']);
const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`, 'i');

/** A file's name says JavaScript or TypeScript (the extensions folders are searched for). */
export const isSourceFile = (file: string): boolean => SOURCE_FILE.test(file);

export class UsageError extends Error {}

/** A bad command line (unknown option, missing or bad value): the message ends by pointing at --help. */
export class ArgError extends UsageError {
  constructor(message: string) {
    super(`${message}. Run status-hints --help`);
  }
}

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
  return found.map((f) => path.resolve(f)).filter(keep).sort();
}

export interface FileList {
  /** Paths as shown to the user: as given, or relative to the current folder. */
  files: string[];
  /** The files that are tests by their path from the current folder (from the folder given, for one outside it). */
  tests: Set<string>;
  /** The files named on the command line (not found in a folder). */
  named: Set<string>;
}

export function collectFiles(inputs: readonly string[], ignorePatterns: readonly string[] = [], cwd = process.cwd()): FileList {
  const files: string[] = [];
  const tests = new Set<string>();
  const named = new Set<string>();
  const seen = new Set<string>();
  /** The path tests are judged on: from the current folder, else from `root` (a named file outside it: its name). */
  const testPath = (abs: string, root: string) => {
    const relCwd = path.relative(cwd, abs);
    return relCwd.startsWith('..') || path.isAbsolute(relCwd) ? path.relative(root, abs) : relCwd;
  };
  const extra = ignore().add([...ignorePatterns]);
  const ignoredByPattern = (abs: string, root: string) => {
    if (ignorePatterns.length === 0) return false;
    const relCwd = path.relative(cwd, abs).split(path.sep).join('/');
    return extra.ignores(relCwd.startsWith('..') ? path.relative(root, abs).split(path.sep).join('/') : relCwd);
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isFile()) {
      // A file named explicitly is checked even if .gitignore lists it (check.ts reports one that is not
      // JS/TS source as skipped); --ignore-pattern still applies.
      if (!seen.has(abs) && !ignoredByPattern(abs, path.dirname(abs))) {
        seen.add(abs);
        files.push(input);
        named.add(input);
        if (isTestFile(testPath(abs, path.dirname(abs)))) tests.add(input);
      }
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`cannot read ${input}: not a file or folder`);
    const keep = sourceFilter(abs);
    const found = globSync(SOURCE_GLOB, { cwd: abs, ignore: ALWAYS_SKIPPED, dot: false, absolute: true, followSymbolicLinks: false });
    found.sort();
    for (const raw of found) {
      const f = path.resolve(raw);
      if (!keep(f) || ignoredByPattern(f, abs) || seen.has(f)) continue;
      seen.add(f);
      const relCwd = path.relative(cwd, f).split(path.sep).join('/');
      const shown = relCwd.startsWith('..') ? f : relCwd;
      files.push(shown);
      if (isTestFile(testPath(f, abs))) tests.add(shown);
    }
  }
  return { files, tests, named };
}
