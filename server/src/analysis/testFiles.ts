// Which files are tests. Their stubs, fake upstream servers and throwaway routes are not this server's
// answers, so by default a test file gets hovers and inlay hints but no diagnostics (setting
// `checkTestFiles`, CLI `--include-tests`). Decided on the path from the project's root (the editor's
// workspace folder, the CLI's current folder), so a checkout under ~/tests/ is not all tests.

/** File names of tests, as globs (documented in the setting and the README). */
export const TEST_FILE_NAMES = ['*.test.*', '*.spec.*', '*.e2e-spec.*'] as const;
/** Folders whose files are tests, mocks or fixtures. */
export const TEST_FOLDERS = ['test', 'tests', '__tests__', 'e2e', '__mocks__', 'fixtures', '__fixtures__'] as const;

const TEST_NAME = /.\.(test|spec|e2e-spec)\.[^/\\]+$/i;
const FOLDERS: ReadonlySet<string> = new Set(TEST_FOLDERS);

/**
 * True for a test file. `relPath` is relative to the project root, with `/` or `\` separators; a bare
 * file name is judged by its name alone.
 */
export function isTestFile(relPath: string): boolean {
  const segments = relPath.split(/[/\\]+/).filter((s) => s !== '' && s !== '.');
  const name = segments.pop();
  if (name === undefined) return false;
  return TEST_NAME.test(name) || segments.some((s) => FOLDERS.has(s.toLowerCase()));
}
