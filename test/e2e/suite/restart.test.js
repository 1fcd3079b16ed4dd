// A crashed language server comes back and answers; after 5 crashes in 3 minutes the client stops
// restarting it (client/src/extension.ts errorHandler) instead of looping. The server is a child
// process of this extension host running <extension>/dist/server.js: found and killed through /proc.
// This file sorts after the numbered ones and must run last: its final test leaves the server stopped.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** PIDs of status-hints language servers started by this extension host. */
function serverPids() {
  const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
  const script = path.join(ext.extensionPath, 'dist', 'server.js');
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => path.resolve(a) === script)) pids.push(Number(entry));
    } catch {
      // the process exited while we looked
    }
  }
  return pids;
}

function oneServer(what) {
  return h.waitFor(
    () => {
      const pids = serverPids();
      return pids.length === 1 ? pids[0] : null;
    },
    what,
    60_000,
  );
}

/** Hover on the 404 of express/routes.js until the (new) server answers. */
async function answers(doc, uri) {
  const pos = h.positionOf(doc, 'res.status(404)', 'res.status('.length + 1);
  return h.waitFor(
    async () => {
      const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
      return t.includes('404 Not Found') ? t : null;
    },
    'a hover on 404 from the language server',
    60_000,
  );
}

describe('restart after a crash', function () {
  // Each restart is a new Node process loading TypeScript: allow for a slow, busy machine.
  this.timeout(240_000);

  before(function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip(); // finding the server's PID needs Linux /proc
  });

  it('a killed language server is restarted, answers hovers and publishes diagnostics again', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    await h.waitForDiagnostics(uri, 'error-in-success-response', 1, 60_000);
    await answers(doc, uri);
    const pid = await oneServer('the status-hints language server process');
    process.kill(pid, 'SIGKILL');
    await h.waitFor(() => !serverPids().includes(pid), `process ${pid} to exit`);
    const next = await oneServer('a new language server process after the kill');
    assert.notStrictEqual(next, pid);
    await answers(doc, uri);
    // Diagnostics follow edits again: add a second failing response and see it reported.
    const before = (await h.waitForDiagnostics(uri, 'error-in-success-response', 1, 60_000)).length;
    const { editor } = await h.open('express/routes.js');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, "\nrouter.get('/restarted', (req, res) => res.status(200).json({ success: false, error: 'Not found' }));\n"));
    try {
      await h.waitForDiagnostics(uri, 'error-in-success-response', before + 1, 60_000);
    } finally {
      await h.revert(doc);
    }
  });

  it('after 5 crashes in 3 minutes it stays stopped instead of crash-looping', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    // The test above was crash 1. Crashes 2 to 4 are restarted; crash 5 is not.
    for (let crash = 2; crash <= 5; crash++) {
      await answers(doc, uri); // fully started: the kill is a crash, not a failed start
      const pid = await oneServer(`a running language server to kill (crash ${crash})`);
      process.kill(pid, 'SIGKILL');
      await h.waitFor(() => !serverPids().includes(pid), `process ${pid} to exit`);
    }
    // A restart takes well under a second here; give one every chance to appear.
    await sleep(5000);
    assert.deepStrictEqual(serverPids(), [], 'no language server was started after the 5th crash');
    const pos = h.positionOf(doc, 'res.status(404)', 'res.status('.length + 1);
    const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
    assert.ok(!t.includes('404 Not Found'), 'no hover from a stopped server');
  });
});
