// Test files in the editor: diagnostics only with statusHints.checkTestFiles; hovers, inlay hints and
// completion always. A document's path is read from the workspace folder that holds it, or its name
// alone outside every folder (and for untitled documents).
import * as path from 'node:path';
import type { Settings } from '../settingsWithRules';
import { isTestFile } from '../analysis/testFiles';
import { fileNameOf } from './analysisCache';
import { filePathOf } from './paths';

export class TestFiles {
  /** Workspace folder paths, longest first, so a nested folder wins over the one around it. */
  private readonly folders: string[];

  constructor(folders: readonly string[]) {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
  }

  isTest(uri: string): boolean {
    const file = filePathOf(uri);
    if (file === undefined) return isTestFile(path.posix.basename(fileNameOf(uri)));
    const folder = this.folders.find((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    return isTestFile(folder === undefined ? path.basename(file) : path.relative(folder, file));
  }

  /** The rules run on this document: it is not a test file, or test files are checked. */
  checked(uri: string, settings: Settings): boolean {
    return settings.checkTestFiles || !this.isTest(uri);
  }
}
