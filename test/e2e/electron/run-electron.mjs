// `npm run test:vscode`: the same extension-host suite (test/e2e/suite) in a desktop VS Code that
// @vscode/test-electron downloads. For machines that can reach the VS Code download servers; this
// project's CI machines cannot, and run the suite in code-server instead (`npm run test:e2e`).
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-vscode-'));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/e2e/suite/index.js'),
    launchArgs: [path.join(root, 'test/e2e/workspace'), '--disable-extensions', `--user-data-dir=${userDataDir}`, '--disable-workspace-trust'],
    extensionTestsEnv: { STATUS_HINTS_E2E_WORKSPACE: path.join(root, 'test/e2e/workspace') },
  });
} catch (e) {
  console.error(`status-hints: VS Code tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
}
