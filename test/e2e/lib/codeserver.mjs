// code-server (VS Code 1.139 for the browser): install a .vsix into a fresh extensions dir, start it on
// 127.0.0.1 in its own process group with a fresh profile and no auth, stop it by process group.
import fs from 'node:fs';
import path from 'node:path';
import { forgetGroup, freePort, killGroup, log, run, sleep, spawnGroup, waitFor } from './util.mjs';
import { sandboxEnv } from './setup.mjs';

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  // the empty secondary side bar (chat) would take a third of every screenshot
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function csEnv(prereq) {
  // Node 24 first on PATH: the extension host runs on process.execPath, code-server's engines say 24
  return sandboxEnv(prereq.cache, { PATH: prereq.node24Path });
}

/** Install the .vsix into `extDir` (emptied first). Fails if the package is unusable. */
export async function installVsix(prereq, vsix, extDir, workDir) {
  fs.rmSync(extDir, { recursive: true, force: true });
  fs.mkdirSync(extDir, { recursive: true });
  const udd = path.join(workDir, 'install-data');
  fs.rmSync(udd, { recursive: true, force: true });
  const logFile = path.join(workDir, 'install-extension.log');
  const r = await run(
    prereq.node24,
    [prereq.codeServer, '--config', '/dev/null', '--user-data-dir', udd, '--extensions-dir', extDir, '--install-extension', vsix],
    {
      env: csEnv(prereq),
      logFile,
      timeoutMs: 120_000,
    },
  );
  const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  if (r.code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} into a fresh extensions dir failed (exit ${r.code}):\n${output.trim()}`);
  }
  const installed = fs.readdirSync(extDir).filter((d) => d.startsWith('status-hints.status-hints-'));
  if (installed.length !== 1) throw new Error(`expected one status-hints.status-hints-* folder in ${extDir}, found: ${fs.readdirSync(extDir).join(', ')}`);
  const root = path.join(extDir, installed[0]);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const problems = [];
  for (const rel of [pkg.main, 'dist/server.js', 'dist/session.js']) {
    if (!rel || !fs.existsSync(path.join(root, rel))) problems.push(`${rel} is missing from the installed extension`);
  }
  if (problems.length) throw new Error(`the .vsix is incomplete: ${problems.join('; ')}`);
  return { root, version: pkg.version };
}

/**
 * Start code-server. Returns { url, port, pid, stop(), logFile }.
 * @param {object} o
 * @param {string} o.udd      fresh user-data-dir (created here, settings written)
 * @param {string} o.extDir   extensions dir (the .vsix is installed there)
 * @param {string[]} [o.args] extra code-server args
 * @param {number} [o.port]
 * @param {object} [o.settings] extra user settings
 */
export async function startCodeServer(prereq, { udd, extDir, args = [], port, settings = {} }) {
  fs.rmSync(udd, { recursive: true, force: true });
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  port = port || (await freePort());
  const logFile = `${udd}.log`;
  fs.rmSync(logFile, { force: true });
  const child = spawnGroup(
    prereq.node24,
    [
      prereq.codeServer,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--cert',
      'false',
      '--config',
      '/dev/null',
      '--user-data-dir',
      udd,
      '--extensions-dir',
      extDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // extension hosts of a closed browser tab die after 5 s, not 3 h
      '--reconnection-grace-time',
      '5',
      ...args,
    ],
    { env: csEnv(prereq), logFile },
  );
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const t = Date.now();
  await waitFor(
    async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); log: ${logFile}`);
      const r = await fetch(`${url}/healthz`).catch(() => null);
      return r && r.ok;
    },
    { timeoutMs: 60_000, intervalMs: 200, what: `code-server on ${url}/healthz` },
  ).catch((e) => {
    killGroup(child.pid, 'SIGKILL');
    throw e;
  });
  log(`code-server up on ${url} in ${((Date.now() - t) / 1000).toFixed(1)} s (pid ${child.pid}, log ${logFile})`);
  return {
    url,
    port,
    pid: child.pid,
    logFile,
    async stop() {
      killGroup(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          break;
        }
        await sleep(100);
      }
      killGroup(child.pid, 'SIGKILL');
      forgetGroup(child.pid);
    },
  };
}
