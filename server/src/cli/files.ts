// Which files a `check` covers: files as given, folders walked for their sources (project/sourceFiles.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { globSync } from 'tinyglobby';
import { ALWAYS_SKIPPED, SOURCE_GLOB, sourceFilter } from '../project/sourceFiles';
import { isTestFile } from '../analysis/testFiles';

export class UsageError extends Error {}

/** A bad command line (unknown option, missing or bad value): the message ends by pointing at --help. */
export class ArgError extends UsageError {
  constructor(message: string) {
    super(`${message}. Run status-hints --help`);
  }
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
