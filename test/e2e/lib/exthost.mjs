// Runs the mocha suite (test/e2e/suite) INSIDE code-server's extension host, against the real `vscode`
// API. The browser opens the workbench with a `payload` naming extensionDevelopmentPath (a tiny empty
// runner extension in the cache, so that the real extension comes from the installed .vsix: a dev
// extension with the same id would override it) and extensionTestsPath. code-server must run with
// `--vscode-option enable-smoke-test-driver`, otherwise the built workbench ignores the payload.
// The result comes back through window.codeAutomationExit (the hook @vscode/test-web uses) plus a JSON file.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launch } from './browser.mjs';
import { log } from './util.mjs';

/** The empty extension that satisfies the test runner's need for an extensionDevelopmentPath. */
export function writeRunnerExtension(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'status-hints-e2e-runner',
        displayName: 'status-hints e2e test runner (empty)',
        publisher: 'status-hints-e2e',
        version: '0.0.0',
        license: 'MIT',
        engines: { vscode: '^1.91.0' },
      },
      null,
      2,
    ),
  );
  return dir;
}

/**
 * @returns {Promise<{ passed: object[], failed: object[], exitCode: number|null, error?: string }>}
 */
export async function runExtensionHostTests(prereq, cs, { runnerExt, suiteIndex, folder, resultFile, env = {}, timeoutMs = 600_000, screenshot, verbose }) {
  const authority = new URL(cs.url).host; // the workbench's remote authority is location.host
  const remote = (p) => `vscode-remote://${authority}${p}`;
  fs.rmSync(resultFile, { force: true });
  const payload = [
    ['extensionDevelopmentPath', remote(runnerExt)],
    ['extensionTestsPath', remote(suiteIndex)],
    ['extensionEnvironment', JSON.stringify({ ...env, STATUS_HINTS_E2E_RESULT: resultFile })],
  ];
  const url = `${cs.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const t0 = Date.now();
  const b = await launch(prereq);
  const { page } = b;
  let exitCode = null;
  let error;
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    // mocha's spec reporter output: show it as it comes, indented (--verbose: all extension-host
    // output, including the harmless offline noise: open-vsx.org ENOTFOUND, github auth timeout)
    if (verbose || /^\s*(✔|✓|\d+\)|passing|failing|pending)/m.test(text)) {
      process.stdout.write(text.replace(/\n$/, '').replace(/^/gm, '    │ ') + '\n');
    }
  });
  page.on('pageerror', (e) => verbose && log(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    let timer;
    await Promise.race([
      exited,
      new Promise((_, rej) => {
        timer = setTimeout(() => rej(new Error(`no codeAutomationExit within ${timeoutMs / 1000} s (tests hung, or the payload was ignored)`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    log(`extension-host tests: codeAutomationExit(${exitCode}) after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    error = e.message;
    log(`extension-host tests: ERROR ${e.message}`);
  } finally {
    if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
    await b.close();
  }
  let result = { passed: [], failed: [] };
  if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  else if (!error) error = `mocha wrote no result file ${resultFile} (exit code ${exitCode})`;
  if (!result.done && result.running) result.failed.push({ title: result.running, error: `still running when the run stopped: ${error}` });
  else if (!result.done && error) result.failed.push({ title: 'extension-host tests', error });
  else if (exitCode !== 0 && !result.failed.length)
    result.failed.push({ title: 'extension-host tests', error: `codeAutomationExit(${exitCode}) ${error || ''}` });
  return { passed: result.passed, failed: result.failed, exitCode, error };
}
