#!/usr/bin/env node
// Real-editor end-to-end tests of the packaged extension (`npm run test:e2e`).
//
//   node test/e2e/run.mjs                 all stages: extension host, UI, neovim
//   node test/e2e/run.mjs --only=ui,nvim  some stages (exthost, ui, nvim)
//   node test/e2e/run.mjs --screenshots   UI stage only, PNGs into docs/images/
//   node test/e2e/run.mjs --demo          open examples/ in code-server with the packaged extension
//   node test/e2e/run.mjs --setup-only    only install the prerequisites into the cache
//   options: --verbose, --grep=<mocha grep for the extension-host suite>
//   env: STATUS_HINTS_E2E_CACHE (default ~/.cache/status-hints-e2e), CHROMIUM_PATH, NVIM_PATH,
//        STATUS_HINTS_E2E_VSIX (test this .vsix instead of packaging), STATUS_HINTS_DEMO_PORT, CI
//
// The editor is code-server 4.139.1 (VS Code 1.139 for the browser, on Node 24 from npm) driven by
// Debian's chromium through playwright-core; neovim is the third-party LSP client. Everything is
// installed on first use into the cache (never into the repo, never into the real ~). With CI=true a
// prerequisite that cannot be installed fails the run; elsewhere those stages are skipped, loudly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAllBrowsers } from './lib/browser.mjs';
import { installVsix, startCodeServer } from './lib/codeserver.mjs';
import { runExtensionHostTests, writeRunnerExtension } from './lib/exthost.mjs';
import { runNeovimTests } from './lib/nvim.mjs';
import { setup } from './lib/setup.mjs';
import { runUiTests } from './lib/ui.mjs';
import { banner, installCleanupHandlers, log, newestMtime, run, startRssSampler, stopAll } from './lib/util.mjs';

const E2E = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(E2E, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const CI = !!process.env.CI && !['false', '0', ''].includes(process.env.CI.toLowerCase());
const verbose = flag('verbose');
const mode = flag('demo') ? 'demo' : flag('screenshots') ? 'screenshots' : flag('setup-only') ? 'setup' : 'test';
const ALL = ['exthost', 'ui', 'nvim'];
let stages = mode === 'screenshots' ? ['ui'] : mode === 'test' ? (opt('only') ? opt('only').split(',') : ALL) : [];
for (const s of stages) if (!ALL.includes(s)) throw new Error(`unknown stage ${s} (known: ${ALL.join(', ')})`);

const passed = [];
const failed = [];
const skipped = [];
const timings = [];
const rss = startRssSampler();
const t0 = Date.now();

installCleanupHandlers(() => closeAllBrowsers());

async function timed(label, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, (Date.now() - t) / 1000]);
  }
}

function record(stage, r) {
  passed.push(...r.passed.map((p) => ({ stage, ...p })));
  failed.push(...r.failed.map((f) => ({ stage, ...f })));
  if (r.error && !r.failed.length) failed.push({ stage, title: `${stage}: run`, error: r.error });
}

function finish() {
  rss.stop();
  const total = (Date.now() - t0) / 1000;
  console.log('\n──────── status-hints real-editor e2e ────────');
  for (const [label, s] of timings) console.log(`  ${label.padEnd(34)} ${s.toFixed(1).padStart(7)} s`);
  console.log(`  ${'total'.padEnd(34)} ${total.toFixed(1).padStart(7)} s`);
  if (rss.peakMiB()) console.log(`  peak RSS of everything started:    ${rss.peakMiB()} MiB`);
  for (const s of skipped) console.log(`  SKIPPED ${s}`);
  if (failed.length) {
    console.log('\nFailures:');
    for (const f of failed)
      console.log(
        `  ✘ ${f.title}\n      ${String(f.error || '')
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      );
  }
  console.log(`\n${passed.length} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
  return failed.length ? 1 : 0;
}

async function packageExtension() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  if (process.env.STATUS_HINTS_E2E_VSIX) {
    log(`package: using STATUS_HINTS_E2E_VSIX=${process.env.STATUS_HINTS_E2E_VSIX}`);
    return path.resolve(process.env.STATUS_HINTS_E2E_VSIX);
  }
  const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  const inputs = ['dist', 'client/src', 'server/src', 'data', 'bin', 'package.json', '.vscodeignore', 'README.md', 'LICENSE'].map((p) => path.join(REPO, p));
  const vsixTime = fs.existsSync(vsix) ? fs.statSync(vsix).mtimeMs : 0;
  if (vsixTime && vsixTime >= newestMtime(inputs)) {
    log(`package: ${path.basename(vsix)} is newer than dist/ and the sources, reusing it`);
    return vsix;
  }
  log(`package: npm run package (${vsixTime ? 'the .vsix is older than dist/ or the sources' : 'no .vsix yet'})`);
  const logFile = path.join(runDir, 'package.log');
  fs.rmSync(logFile, { force: true });
  const r = await run('npm', ['run', 'package'], { cwd: REPO, logFile, timeoutMs: 10 * 60_000 });
  if (r.code !== 0 || !fs.existsSync(vsix) || fs.statSync(vsix).mtimeMs <= vsixTime) {
    const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-25).join('\n') : '';
    throw new Error(`npm run package failed (exit ${r.code}) or did not write ${vsix}:\n${out}`);
  }
  log(`package: wrote ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  return vsix;
}

function freshWorkspace(name) {
  const dir = path.join(runDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(E2E, 'workspace'), dir, { recursive: true });
  return dir;
}

// ------------------------------------------------------------------------------------------------
const prereq = await timed('prerequisites', () =>
  setup({
    repoRoot: REPO,
    need: {
      browser: stages.includes('exthost') || stages.includes('ui') || mode === 'setup',
      codeServer: mode === 'demo',
      nvim: stages.includes('nvim') || mode === 'setup',
    },
  }),
);
const runDir = claimRunDir(prereq.cache);

/**
 * `<cache>/run` holds this run's profiles, workspace copies, logs and screenshots. A second run at the
 * same time (say `npm test` while the demo is open) gets `<cache>/run-<pid>`, removed when it ends.
 */
function claimRunDir(cache) {
  const lock = path.join(cache, 'run.lock');
  const take = () => {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    process.on('exit', () => fs.rmSync(lock, { force: true }));
    return path.join(cache, 'run');
  };
  let dir;
  try {
    dir = take();
  } catch {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = owner !== process.pid;
    } catch {
      /* stale lock */
    }
    if (!alive) {
      fs.rmSync(lock, { force: true });
      dir = take();
    } else {
      dir = path.join(cache, `run-${process.pid}`);
      log(`another e2e run (pid ${owner}) uses ${path.join(cache, 'run')}: this one works in ${dir}`);
      process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const browserMissing = mode === 'demo' ? prereq.missing.codeServer : prereq.missing.browser;
const blocked = [];
if (browserMissing.length && (stages.some((s) => s !== 'nvim') || mode === 'demo' || mode === 'setup')) {
  blocked.push(...browserMissing.map((m) => `code-server/chromium: ${m}`));
}
if (prereq.missing.nvim.length && (stages.includes('nvim') || mode === 'setup')) blocked.push(...prereq.missing.nvim.map((m) => `neovim: ${m}`));
if (blocked.length) {
  // Advice about system packages only when a system package is what is missing; an install that
  // failed says its own command and last lines above.
  const aptMissing = blocked.some((b) => /not found|build tools/.test(b));
  const how = aptMissing
    ? [
        'To enable: run as root on Debian/Ubuntu (the script apt-installs chromium, neovim and the build',
        'tools itself), or install them yourself: apt-get install chromium neovim libkrb5-dev pkg-config',
        'g++ make python3 (or set CHROMIUM_PATH / NVIM_PATH), then run `npm run test:e2e` again.',
      ]
    : ['Fix the failure above, then run `npm run test:e2e` again (a failed install is retried from scratch).'];
  if (CI || mode === 'demo' || mode === 'screenshots') {
    banner([`REAL-EDITOR E2E: missing prerequisites${CI ? ' (CI=true: this is a failure)' : ''}:`, ...blocked, ...how]);
    for (const b of blocked) failed.push({ title: `prerequisite: ${b.split('\n')[0]}`, error: b });
    process.exit(finish());
  }
  banner(['REAL-EDITOR E2E STAGES SKIPPED (not on CI, so this is not a failure):', ...blocked, ...how]);
  if (browserMissing.length) {
    for (const s of ['exthost', 'ui']) if (stages.includes(s)) skipped.push(`${s}: ${browserMissing[0]}`);
    stages = stages.filter((s) => s === 'nvim');
  }
  if (prereq.missing.nvim.length && stages.includes('nvim')) {
    skipped.push(`nvim: ${prereq.missing.nvim[0]}`);
    stages = stages.filter((s) => s !== 'nvim');
  }
}
if (mode === 'setup') {
  log('prerequisites ready');
  process.exit(finish());
}
if (mode === 'test' && !stages.length) process.exit(finish());

let vsix;
try {
  vsix = await timed('package (.vsix)', packageExtension);
} catch (e) {
  failed.push({ title: 'npm run package', error: e.message });
  log(e.message);
  process.exit(finish());
}

let installed;
const extDir = path.join(runDir, 'extensions');
if (stages.some((s) => s !== 'nvim') || mode === 'demo') {
  try {
    installed = await timed('install .vsix (fresh extensions dir)', () => installVsix(prereq, vsix, extDir, runDir));
    log(`installed ${path.basename(installed.root)} into the fresh extensions dir ${extDir}`);
    passed.push({ title: 'the .vsix installs into a fresh extensions dir and contains dist/extension.js, dist/server.js, dist/session.js' });
  } catch (e) {
    failed.push({ title: 'install the .vsix into a fresh extensions dir', error: e.message });
    log(e.message);
    stages = stages.filter((s) => s === 'nvim');
    if (mode === 'demo') process.exit(finish());
  }
}

if (mode === 'demo') {
  const folder = path.join(REPO, 'examples');
  const port = Number(process.env.STATUS_HINTS_DEMO_PORT) || 8080;
  const cs = await startCodeServer(prereq, { udd: path.join(runDir, 'demo-data'), extDir, port: await portOrFree(port) });
  const url = `${cs.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  banner([
    `status-hints ${installed.version} (${process.env.STATUS_HINTS_E2E_VSIX ? path.basename(vsix) : 'freshly packaged'}) in VS Code ${'1.139'} (code-server), examples/ open:`,
    '',
    `    ${url}`,
    '',
    'Listening on 127.0.0.1 only. Press Ctrl+C to stop.',
  ]);
  await new Promise(() => {}); // until a signal: the cleanup handlers stop code-server
}

async function portOrFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net
      .createServer()
      .once('error', () => resolve(0))
      .listen(port, '127.0.0.1', () => srv.close(() => resolve(port)));
  });
}

if (stages.includes('exthost')) {
  await timed('extension-host tests (mocha)', async () => {
    log('stage: extension-host tests (mocha inside code-server, real vscode API)');
    const cs = await startCodeServer(prereq, { udd: path.join(runDir, 'exthost-data'), extDir, args: ['--vscode-option', 'enable-smoke-test-driver'] });
    try {
      const r = await runExtensionHostTests(prereq, cs, {
        runnerExt: writeRunnerExtension(path.join(runDir, 'runner-ext')),
        suiteIndex: path.join(E2E, 'suite', 'index'),
        folder: freshWorkspace('workspace-exthost'),
        resultFile: path.join(runDir, 'exthost-result.json'),
        screenshot: path.join(runDir, 'exthost-final.png'),
        verbose,
        env: {
          STATUS_HINTS_E2E_MOCHA: prereq.mocha,
          STATUS_HINTS_E2E_EXTENSIONS_DIR: extDir,
          STATUS_HINTS_E2E_VERSION: installed.version,
          ...(opt('grep') ? { STATUS_HINTS_E2E_GREP: opt('grep') } : {}),
        },
      });
      record('exthost', r);
    } finally {
      await cs.stop();
    }
  });
}

if (stages.includes('ui')) {
  await timed('UI tests (playwright + chromium)', async () => {
    log('stage: UI tests (chromium drives the workbench)');
    const shotDir = mode === 'screenshots' ? path.join(REPO, 'docs', 'images') : path.join(runDir, 'shots');
    fs.mkdirSync(shotDir, { recursive: true });
    const cs = await startCodeServer(prereq, { udd: path.join(runDir, 'ui-data'), extDir });
    try {
      const failDir = path.join(runDir, 'shots');
      fs.mkdirSync(failDir, { recursive: true });
      record('ui', await runUiTests(prereq, cs, { folder: freshWorkspace('workspace-ui'), shotDir, failDir, verbose }));
      log(`UI screenshots in ${shotDir}`);
    } finally {
      await cs.stop();
    }
  });
}

if (stages.includes('nvim')) {
  await timed('neovim LSP client', async () => {
    log('stage: neovim as a third-party LSP client (stdio)');
    record('nvim', await runNeovimTests(prereq, { repoRoot: REPO, e2eDir: E2E, workDir: runDir, workspace: freshWorkspace('workspace-nvim') }));
  });
}

await stopAll();
process.exit(finish());
