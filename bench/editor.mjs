// The editor path, measured over a real LSP connection to the bundled server (test/helpers/lsp-client.mjs):
// start-up, edit-to-diagnostics, hover, memory with many files open and after many edits, a typing
// burst, and hover latency while a large workspace is scanned.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startServer } from '../test/helpers/lsp-client.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Which server to measure and how node runs it: run.mjs sets the production bundle and the client's flags. */
const launch = { serverScript: undefined, nodeArgs: [] };
export function configure({ serverScript, nodeArgs = [] }) {
  launch.serverScript = serverScript;
  launch.nodeArgs = nodeArgs;
}
const start = (options = {}) =>
  startServer({
    ...options,
    nodeArgs: [...launch.nodeArgs, ...(options.nodeArgs ?? [])],
    ...(launch.serverScript ? { serverScript: launch.serverScript } : {}),
  });
export const percentile = (xs, p) => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : undefined;
};

/** Line/character of the n-th occurrence of `needle` in `text`. */
function positionOf(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { offset: at, line, character: at - before.lastIndexOf('\n') - 1 };
}

/** Send an incremental one-character edit and resolve when diagnostics for that version arrive. */
function makeEditor(server, uri, initial) {
  let text = initial;
  // Insert/delete an "x" inside a string in the middle of the file: the findings stay the same.
  const anchor = positionOf(initial, "'not found'", Math.floor(initial.split("'not found'").length / 2) - 1);
  const at = { line: anchor.line, character: anchor.character + 1 };
  let inserted = false;
  return {
    get text() {
      return text;
    },
    async edit() {
      const range = inserted ? { start: at, end: { line: at.line, character: at.character + 1 } } : { start: at, end: at };
      const newText = inserted ? '' : 'x';
      text = inserted
        ? text.slice(0, anchor.offset + 1) + text.slice(anchor.offset + 2)
        : text.slice(0, anchor.offset + 1) + 'x' + text.slice(anchor.offset + 1);
      inserted = !inserted;
      return server.edit(uri, range, newText, text);
    },
  };
}

/**
 * The floor under edit → diagnostics: TypeScript's own incremental re-parse (ts.updateSourceFile, as
 * the server does it) of the same one-character edits, in this process, with nothing else.
 */
export function reparseFloor(bigText, edits = 400) {
  const ts = createRequire(import.meta.url)('typescript');
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  let sf = ts.createSourceFile('big-routes.js', bigText, options, false, ts.ScriptKind.JS);
  const at = positionOf(bigText, "'not found'", Math.floor(bigText.split("'not found'").length / 2) - 1).offset + 1;
  let text = bigText;
  const incremental = [];
  const full = [];
  for (let i = 0; i < edits; i++) {
    const insert = i % 2 === 0;
    text = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    let t = performance.now();
    sf = ts.updateSourceFile(sf, text, ts.createTextChangeRange(ts.createTextSpan(at, insert ? 0 : 1), insert ? 1 : 0));
    incremental.push(performance.now() - t);
    t = performance.now();
    ts.createSourceFile('big-routes.js', text, options, false, ts.ScriptKind.JS);
    full.push(performance.now() - t);
  }
  // The first half warms the JIT up.
  const warm = (xs) => xs.slice(edits / 2);
  return {
    incrementalP50: percentile(warm(incremental), 50),
    incrementalP95: percentile(warm(incremental), 95),
    fullP50: percentile(warm(full), 50),
    fullP95: percentile(warm(full), 95),
  };
}

/**
 * The floor of the LSP path itself: the same edit → diagnostics on a three-line file, where parsing
 * and analysis cost next to nothing. What remains is stdio, JSON and the event loops of both ends.
 */
export async function transportFloor(edits = 200) {
  const tiny = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.status(404).send('not found'));";
  const r = await editLatency(tiny, edits);
  return { lines: r.lines, editP50: r.editP50, editP95: r.editP95 };
}

export async function startup(runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const server = await start();
    times.push(performance.now() - t);
    await server.stop();
  }
  return { readyMs: percentile(times, 50), all: times };
}

/**
 * Edit → diagnostics after a pause (`pauseMs` between a publish and the next edit, longer than the
 * server's burst window): the latency of a keystroke. A burst of keystrokes is typingBurst's case:
 * the server waits for it to settle and publishes once.
 */
export async function editLatency(bigText, edits = 200, pauseMs = 60) {
  const server = await start();
  const uri = 'file:///bench/big-routes.js';
  try {
    await server.open(uri, bigText);
    const initial = await server.waitForDiagnostics(uri, () => true, 60000);
    const editor = makeEditor(server, uri, bigText);
    const latencies = [];
    for (let i = 0; i < edits; i++) {
      const t = performance.now();
      await editor.edit();
      await server.waitForDiagnostics(uri, () => true, 30000);
      latencies.push(performance.now() - t);
      await sleep(pauseMs);
    }
    // Hover on status codes of the big file.
    const hovers = [];
    const status = positionOf(bigText, 'res.status(404)');
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const h = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: status.line, character: status.character + 12 } });
      hovers.push(performance.now() - t);
      if (!h) throw new Error('no hover on res.status(404)');
    }
    return {
      lines: bigText.split('\n').length,
      diagnostics: initial.length,
      editP50: percentile(latencies, 50),
      editP95: percentile(latencies, 95),
      hoverP50: percentile(hovers, 50),
      hoverP95: percentile(hovers, 95),
    };
  } finally {
    await server.stop();
  }
}

/** The server's memory after a full GC (statusHints/memoryUsage; the server runs with --expose-gc here). */
const heapMb = async (server) => (await server.request('statusHints/memoryUsage', null)).heapUsed / 1e6;

export async function rssWithFilesOpen(files) {
  const server = await start({ nodeArgs: ['--expose-gc'] });
  try {
    const before = rssMb(server.child.pid);
    const uris = [];
    for (const f of files) {
      const uri = pathToFileURL(f).href;
      uris.push(uri);
      await server.open(uri, fs.readFileSync(f, 'utf8'), /\.tsx?$/.test(f) ? 'typescript' : 'javascript');
    }
    for (const uri of uris) await server.waitForDiagnostics(uri, () => true, 120000);
    // The steady state an editor sits in: V8's memory reducer gives unused heap back after a few idle seconds.
    await sleep(10000);
    return { files: files.length, rssBeforeMb: before, rssMb: rssMb(server.child.pid), heapAfterGcMb: await heapMb(server) };
  } finally {
    await server.stop();
  }
}

export async function memoryOverEdits(bigText, total = 10000, settleEvery = 25) {
  const server = await start({ nodeArgs: ['--expose-gc'] });
  const uri = 'file:///bench/big-routes.js';
  try {
    await server.open(uri, bigText);
    await server.waitForDiagnostics(uri, () => true, 60000);
    const editor = makeEditor(server, uri, bigText);
    const samples = [{ edits: 0, rssMb: rssMb(server.child.pid), heapMb: await heapMb(server) }];
    for (let i = 1; i <= total; i++) {
      await editor.edit();
      // Wait for the analysis now and then, so versions are really analysed rather than coalesced away.
      if (i % settleEvery === 0) await server.waitForDiagnostics(uri, () => true, 30000);
      if (i % (total / 4) === 0) {
        await server.waitForDiagnostics(uri, () => true, 30000);
        samples.push({ edits: i, rssMb: rssMb(server.child.pid), heapMb: await heapMb(server) });
      }
    }
    // Flat = the live heap after the last edit is within 10% of where it was after the first quarter
    // (the first analyses warm caches up); RSS is reported too but includes garbage not yet collected.
    const growth = samples.at(-1).heapMb - samples[1].heapMb;
    return { samples, heapGrowthMb: growth, rssGrowthMb: samples.at(-1).rssMb - samples[1].rssMb, flat: growth < 0.1 * samples[1].heapMb };
  } finally {
    await server.stop();
  }
}

export async function typingBurst(bigText, distDir, edits = 200, durationMs = 2000) {
  const server = await start();
  const uri = 'file:///bench/big-routes.js';
  try {
    await server.open(uri, bigText);
    await server.waitForDiagnostics(uri, () => true, 60000);
    const editor = makeEditor(server, uri, bigText);
    const published = [];
    server.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.uri === uri) published.push({ ...p, at: performance.now() });
      server.diagnostics.set(p.uri, p);
    });
    let last;
    let lastEditAt = 0;
    const start = performance.now();
    for (let i = 0; i < edits; i++) {
      last = await editor.edit();
      lastEditAt = performance.now();
      const due = start + ((i + 1) * durationMs) / edits;
      const now = performance.now();
      if (due > now) await sleep(due - now);
    }
    // The handler above replaced the helper's, so poll for the last version's publish.
    for (const t = performance.now(); published.at(-1)?.version !== last && performance.now() - t < 10000;) await sleep(1);
    await sleep(1000);
    const final = published.at(-1);
    // From sending the burst's last change to the diagnostics for it.
    const settleMs = final.at - lastEditAt;
    // Correct = the same findings a fresh analysis of the final text gives.
    const api = createRequire(import.meta.url)(path.join(distDir, 'analysis.js'));
    const expected = api.analyzeText(editor.text, 'big-routes.js', api.DEFAULT_SETTINGS).findings.map((f) => `${f.ruleId}@${f.start}`);
    const lineStarts = api.computeLineStarts(editor.text);
    const got = final.diagnostics.map((d) => `${d.code}@${lineStarts[d.range.start.line] + d.range.start.character}`);
    return {
      edits,
      settleMs,
      publishes: published.length,
      lastVersion: last,
      lastPublishedVersion: final.version,
      lastIsLatest: final.version === last,
      correct: JSON.stringify(got.sort()) === JSON.stringify(expected.sort()),
    };
  } finally {
    await server.stop();
  }
}

export async function hoverDuringScan(workspaceDir, fileCount, bigText) {
  const server = await start({
    workspaceFolders: [{ uri: pathToFileURL(workspaceDir).href, name: 'bench' }],
    configuration: { scanWorkspace: false },
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    },
  });
  try {
    const uri = pathToFileURL(path.join(workspaceDir, 'open-routes.js')).href;
    await server.open(uri, bigText);
    await server.waitForDiagnostics(uri, () => true, 60000);
    const progress = [];
    server.connection.onNotification('$/progress', (p) => progress.push({ ...p, at: performance.now() }));
    let peakRss = 0;
    const poll = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid) ?? 0)), 100);
    const t0 = performance.now();
    await server.setConfiguration({ scanWorkspace: true });
    while (!progress.some((p) => p.value.kind === 'begin')) await sleep(5);
    const status = positionOf(bigText, 'res.status(404)');
    const hovers = [];
    while (!progress.some((p) => p.value.kind === 'end')) {
      const t = performance.now();
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: status.line, character: status.character + 12 } });
      hovers.push(performance.now() - t);
      await sleep(20);
    }
    clearInterval(poll);
    const begin = progress.find((p) => p.value.kind === 'begin');
    const end = progress.find((p) => p.value.kind === 'end');
    return {
      files: fileCount,
      scanMs: end.at - begin.at,
      totalMs: end.at - t0,
      hovers: hovers.length,
      hoverP50: percentile(hovers, 50),
      hoverP95: percentile(hovers, 95),
      hoverMax: Math.max(...hovers),
      peakRssMb: peakRss,
      endRssMb: rssMb(server.child.pid),
    };
  } finally {
    await server.stop();
  }
}
