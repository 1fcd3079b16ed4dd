// Third-party LSP client: headless neovim (>= 0.7, Debian's 0.7.2 works) against the stdio server
// `node bin/status-hints-language-server.js --stdio`. Results come back as JSON from the Lua script.
import fs from 'node:fs';
import path from 'node:path';
import { log, run } from './util.mjs';
import { sandboxEnv } from './setup.mjs';

export async function runNeovimTests(prereq, { repoRoot, e2eDir, workDir, workspace }) {
  const resultFile = path.join(workDir, 'nvim-result.json');
  fs.rmSync(resultFile, { force: true });
  const fixture = path.join(workspace, 'express', 'routes.js');
  const server = path.join(repoRoot, 'bin', 'status-hints-language-server.js');
  if (!fs.existsSync(server)) return { passed: [], failed: [{ title: 'neovim: server', error: `${server} does not exist` }] };
  const env = sandboxEnv(prereq.cache, {
    // the project's own Node (the one running this script) starts the server, like a user's PATH would
    SH_SERVER_CMD: JSON.stringify([process.execPath, server, '--stdio']),
    SH_RESULT: resultFile,
    SH_ROOT: workspace,
  });
  const t = Date.now();
  const r = await run(prereq.nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(e2eDir, 'nvim', 'lsp-check.lua')}`, fixture], {
    env,
    cwd: workspace,
    logFile: path.join(workDir, 'nvim.log'),
    timeoutMs: 120_000,
  });
  log(`neovim: exit ${r.code} after ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (!fs.existsSync(resultFile)) {
    const out = fs.existsSync(path.join(workDir, 'nvim.log')) ? fs.readFileSync(path.join(workDir, 'nvim.log'), 'utf8') : '';
    return { passed: [], failed: [{ title: 'neovim: lsp-check.lua', error: `no result file (exit ${r.code}): ${out.slice(-2000)}` }] };
  }
  const { checks } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  const passed = [];
  const failed = [];
  for (const c of checks) {
    const title = `neovim: ${c.name}`;
    if (c.ok) {
      passed.push({ title });
      log(`  ✔ ${title}`);
    } else {
      failed.push({ title, error: c.detail || '' });
      log(`  ✘ ${title}: ${c.detail || ''}`);
    }
  }
  return { passed, failed };
}
