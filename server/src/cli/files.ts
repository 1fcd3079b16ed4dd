// Which files a `check` covers: files as given, folders walked for JS/TS sources, skipping
// node_modules, dist, build, .git and whatever .gitignore says.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';

export const SOURCE_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.git/**'];

export class UsageError extends Error {}

/** Rules of every .gitignore from `root` down to (and including) the folders walked. */
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
      const scoped = prefix && !pattern.startsWith('**') ? `${prefix}/${pattern.replace(/^\//, '')}` : pattern;
      ig.add(negated ? `!${scoped}` : scoped);
    }
  }
  return { ig, top };
}

export interface FileList {
  /** Paths as shown to the user: as given, or relative to the current folder. */
  files: string[];
}

export function collectFiles(inputs: readonly string[], ignorePatterns: readonly string[] = [], cwd = process.cwd()): FileList {
  const files: string[] = [];
  const seen = new Set<string>();
  const extra = ignore().add([...ignorePatterns]);
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isFile()) {
      if (!seen.has(abs)) {
        seen.add(abs);
        files.push(input);
      }
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`cannot read ${input}: not a file or folder`);
    const { ig, top } = gitignoreFor(abs);
    const found = globSync(`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, { cwd: abs, ignore: ALWAYS_SKIPPED, dot: false, absolute: true, followSymbolicLinks: false });
    found.sort();
    for (const f of found) {
      const relTop = path.relative(top, f).split(path.sep).join('/');
      const relCwd = path.relative(cwd, f).split(path.sep).join('/');
      if (relTop && !relTop.startsWith('..') && ig.ignores(relTop)) continue;
      if (ignorePatterns.length > 0 && extra.ignores(relCwd.startsWith('..') ? path.relative(abs, f) : relCwd)) continue;
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(relCwd.startsWith('..') ? f : relCwd);
    }
  }
  return { files };
}
