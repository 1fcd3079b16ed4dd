// Small shared helpers for the real-editor e2e harness: logging, child processes that are always
// cleaned up (each one in its own process group), free ports, waiting with deadlines, RSS sampling.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { poll } from './poll.cjs';

const T0 = Date.now();
export const elapsed = () => ((Date.now() - T0) / 1000).toFixed(1);
export function log(msg) {
  process.stdout.write(`[e2e ${elapsed()}s] ${msg}\n`);
}
export function banner(lines) {
  const bar = '!'.repeat(78);
  process.stdout.write(
    `\n${bar}\n${lines
      .flatMap((l) => l.split('\n'))
      .map((l) => `!! ${l}`)
      .join('\n')}\n${bar}\n\n`,
  );
}

/** Process groups we started (pgid === pid of the leader, spawned detached = setsid). */
const groups = new Set();

export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Stop every process group we started: SIGTERM, then SIGKILL after a grace period. */
export async function stopAll(graceMs = 3000) {
  const pids = [...groups];
  for (const pid of pids) killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(alive)) await sleep(100);
  for (const pid of pids) {
    killGroup(pid, 'SIGKILL');
    groups.delete(pid);
  }
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let handlersInstalled = false;
/** On exit (normal, error or signal) no process group we started may survive us. */
export function installCleanupHandlers(onSignal) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      log(`${sig} received: stopping everything this run started`);
      try {
        if (onSignal) await onSignal(sig);
      } catch {
        /* best effort */
      }
      await stopAll(2000);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Spawn a long-running child in its own process group (detached => setsid), registered for cleanup.
 * Output goes to `logFile`.
 */
export function spawnGroup(cmd, args, { env, cwd, logFile } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', out, out] });
  if (logFile) fs.closeSync(out);
  // stays registered after the leader exits: other members of its group may still run
  groups.add(child.pid);
  return child;
}

export function forgetGroup(pid) {
  groups.delete(pid);
}

/** Run a command to completion (own process group, so a signal to us also reaches it via cleanup). */
export function run(cmd, args, { env, cwd, logFile, echo = false, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const out = logFile ? fs.openSync(logFile, 'a') : null;
    const stdio = echo ? ['ignore', 'inherit', 'inherit'] : ['ignore', out ?? 'pipe', out ?? 'pipe'];
    const child = spawn(cmd, args, { env, cwd, detached: true, stdio });
    if (out !== null) fs.closeSync(out);
    groups.add(child.pid);
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => {
      log(`timeout after ${timeoutMs / 1000}s: ${cmd} ${args.join(' ')}`);
      killGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      groups.delete(child.pid);
      resolve({ code: 127, output: String(e) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // stray grandchildren of a finished command
      groups.delete(child.pid);
      resolve({ code: code ?? (signal ? 128 : 1), output: stdout });
    });
  });
}

export function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value or the deadline passes (then throw `what`). */
export const waitFor = poll;

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Samples the summed RSS of every descendant of this process (code-server, its extension hosts and
 * language servers, chromium, neovim) once a second; `peak()` returns the highest sum in MiB.
 */
export function startRssSampler() {
  let peakKb = 0;
  const sample = () => {
    const parent = new Map();
    const rss = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(d), Number(rest[1]));
        const status = fs.readFileSync(`/proc/${d}/status`, 'utf8');
        const m = /VmRSS:\s+(\d+)/.exec(status);
        rss.set(Number(d), m ? Number(m[1]) : 0);
      } catch {
        /* process vanished */
      }
    }
    let sum = 0;
    for (const [pid, kb] of rss) {
      let p = pid;
      for (let i = 0; i < 64 && p > 1; i++) {
        p = parent.get(p);
        if (p === process.pid) {
          sum += kb;
          break;
        }
      }
    }
    sum += rss.get(process.pid) ?? 0;
    if (sum > peakKb) peakKb = sum;
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  return {
    peakMiB: () => Math.round(peakKb / 1024),
    stop: () => clearInterval(timer),
  };
}

export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(`${p}/${e}`);
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}
