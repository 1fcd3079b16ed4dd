// The server lives in an editor all day: skips are announced once, incremental edits give the same
// diagnostics as a fresh parse, bursts of edits are coalesced, stale fixes are refused, and bad
// input (settings, config files, deep nesting, unknown documents) never takes it down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { startServer, applyWorkspaceEdit } from '../helpers/lsp-client.mjs';
import { FAILING_HANDLER } from '../helpers/snippets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');
const USERS = read('examples/express-api/src/routes/users.js');
const FAILING = FAILING_HANDLER;

let server;
/** Every publishDiagnostics, in arrival order (the helper keeps only the last one per URI). */
const published = [];
const waiting = new Set();

before(async () => {
  server = await startServer();
  // Replaces the helper's handler (one per method): keep its map current as well.
  server.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    server.diagnostics.set(p.uri, p);
    for (const w of [...waiting]) w();
  });
});
after(async () => {
  await server?.stop();
});

/** Resolve with the first publish for `uri` (from index `from` on) that satisfies `ok`. */
function nextPublish(uri, ok = () => true, from = 0, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const p = published.slice(from).find((x) => x.uri === uri && ok(x));
      if (!p) return;
      waiting.delete(check);
      clearTimeout(timer);
      resolve(p);
    };
    const timer = setTimeout(() => {
      waiting.delete(check);
      const got = published.filter((x) => x.uri === uri).map((x) => `v${x.version}: ${x.diagnostics.length} diagnostics`);
      reject(new Error(`no matching diagnostics for ${uri}; got ${got.join(', ')}\nlogs:\n${server.logs.join('\n')}\nstderr: ${server.stderr}`));
    }, timeoutMs);
    waiting.add(check);
    check();
  });
}
const forVersion = (uri, version, from = 0) => nextPublish(uri, (p) => p.version === version, from);
/** The typist's pace in the burst test: the time between keystrokes is what that test is about. */
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const logsAbout = (uri) => server.logs.filter((l) => l.includes(uri));
/** Diagnostics without the per-version data, to compare two documents. */
const comparable = (diags) => diags.map(({ data, ...d }) => d);

/** LSP position of a UTF-16 offset (\n line breaks, as in our fixtures and edits). */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A fresh document with the same text and file name in another folder: what a full parse gives. */
async function freshDiagnostics(rel, text) {
  const uri = `file:///fresh/${Date.now()}-${Math.random().toString(36).slice(2)}/${rel}`;
  const from = published.length;
  await server.open(uri, text);
  const p = await forVersion(uri, 1, from);
  await server.close(uri);
  return p.diagnostics;
}

test('a file over maxFileSizeKb is skipped: one log line, no diagnostics, through later edits', async () => {
  const uri = 'file:///work/big/generated.js';
  const big = FAILING + '// padding padding padding padding padding padding padding\n'.repeat(20_000);
  assert.ok(big.length > 1024 * 1024);
  const from = published.length;
  await server.open(uri, big);
  const first = await forVersion(uri, 1, from);
  assert.deepEqual(first.diagnostics, []);
  for (let i = 0; i < 3; i++) {
    const v = await server.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `// edit ${i}\n`);
    await forVersion(uri, v, from);
  }
  const lines = logsAbout(uri);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /not analysed: file is 1\d{3} KB, over statusHints\.maxFileSizeKb \(1024 KB\)/);
  // No hover, no fixes on a skipped file: they answer nothing, they do not fail.
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 24 } }), null);
  assert.deepEqual(
    await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 30 } },
      context: { diagnostics: [] },
    }),
    [],
  );
  await server.close(uri);
});

test('a minified bundle is skipped with one log line even while it is edited', async () => {
  const uri = 'file:///work/public/app.min.js';
  const minified = FAILING.replace(/\n\s*/g, ' ').repeat(60);
  const from = published.length;
  await server.open(uri, minified);
  assert.deepEqual((await forVersion(uri, 1, from)).diagnostics, []);
  for (let i = 0; i < 3; i++) {
    const v = await server.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x');
    await forVersion(uri, v, from);
  }
  const lines = logsAbout(uri);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /not analysed: looks minified \(1 lines, longest \d+ characters\)/);
  await server.close(uri);
});

test('10,000 levels of nesting: skipped or analysed in part with a log line; the server keeps answering', async () => {
  const N = 10_000;
  const tooDeep = 'file:///work/deep/parens.js';
  const walked = 'file:///work/deep/chain.js';
  const from = published.length;
  await server.open(tooDeep, 'x = ' + '(\n'.repeat(N) + '1' + ')\n'.repeat(N));
  await server.open(walked, FAILING + 'const total = a' + '\n  + a'.repeat(N) + ';\n');
  assert.deepEqual((await forVersion(tooDeep, 1, from)).diagnostics, []);
  const partial = await forVersion(walked, 1, from);
  assert.ok(
    partial.diagnostics.some((d) => d.code === 'error-in-success-response'),
    'what lies above the deep part is still checked',
  );
  assert.match(logsAbout(tooDeep).join('\n'), /not analysed: nested too deeply to parse/);
  assert.match(logsAbout(walked).join('\n'), /analysed in part: code nested deeper than 500 syntax levels, from line \d+, was skipped/);
  const hover = await server.request('textDocument/hover', { textDocument: { uri: walked }, position: { line: 6, character: 24 } });
  assert.match(hover?.contents?.value ?? '', /200 OK/);
  assert.equal(server.child.exitCode, null, 'the server is alive');
  await server.close(tooDeep);
  await server.close(walked);
});

test('a code action computed before an incremental edit is refused; the new one carries the new version', async () => {
  const uri = 'file:///work/stale/users.js';
  const from = published.length;
  await server.open(uri, FAILING);
  const [d] = (await forVersion(uri, 1, from)).diagnostics;
  assert.equal(d.code, 'error-in-success-response');
  const fresh = await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.equal(fresh.find((a) => a.isPreferred).edit.documentChanges[0].textDocument.version, 1);

  // Type a comment above: the finding moves one line down.
  const v2 = await server.edit(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '// lookup by id\n', '// lookup by id\n' + FAILING);
  const [moved] = (await forVersion(uri, v2, from)).diagnostics;
  assert.equal(moved.range.start.line, d.range.start.line + 1);
  const stale = await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.deepEqual(stale, [], 'diagnostics of version 1 get no fixes at version 2');

  const current = await server.request('textDocument/codeAction', {
    textDocument: { uri },
    range: moved.range,
    context: { diagnostics: [moved], only: ['quickfix'] },
  });
  const fix = current.find((a) => a.isPreferred);
  assert.equal(fix.edit.documentChanges[0].textDocument.uri, uri);
  assert.equal(fix.edit.documentChanges[0].textDocument.version, v2, 'the edit is versioned: a client refuses it once the text moved on');
  const text = FAILING.replace("router.get('/users/:id'", "// lookup by id\nrouter.get('/users/:id'");
  assert.match(applyWorkspaceEdit(text, fix.edit, uri), /return res\.status\(404\)/);

  // Fix-all, asked without diagnostics, is also versioned.
  const all = await server.request('textDocument/codeAction', {
    textDocument: { uri },
    range: moved.range,
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  for (const a of all) assert.equal(a.edit.documentChanges[0].textDocument.version, v2);
  await server.close(uri);
});

test('random incremental edits: the diagnostics equal a fresh parse of the final text', async () => {
  const bases = [
    'examples/express-api/src/routes/users.js',
    'examples/express-api/src/routes/orders.js',
    ...fs.readdirSync(path.join(root, 'test/fixtures/corpus/fastify')).map((f) => `test/fixtures/corpus/fastify/${f}`),
  ].filter((f) => /\.(m?js|ts)$/.test(f));
  const snippets = [
    'res.status(200).json({ error: "x" });\n',
    'return ',
    '}',
    '{',
    '(',
    ')',
    '404',
    '500',
    'if (!user) ',
    '\n',
    '// note\n',
    '`',
    "'",
    'reply.code(201).send(x)',
  ];
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.integer({ min: 0, max: 40 }),
    insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 })),
  });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 12 }), async (rel, edits) => {
      const uri = `file:///work/incremental/${run++}/${rel}`;
      let text = read(rel);
      const from = published.length;
      await server.open(uri, text);
      let version = 1;
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        const end = Math.min(text.length, start + e.remove);
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        text = text.slice(0, start) + e.insert + text.slice(end);
        version = await server.edit(uri, range, e.insert, text);
      }
      const last = await forVersion(uri, version, from);
      await server.close(uri);
      assert.deepEqual(comparable(last.diagnostics), comparable(await freshDiagnostics(rel, text)), `after ${edits.length} edits of ${rel}`);
    }),
    { seed: 7, numRuns: 12 },
  );
});

test('several range changes in one didChange are applied in order', async () => {
  const uri = 'file:///work/multi/users.js';
  const from = published.length;
  await server.open(uri, FAILING);
  await forVersion(uri, 1, from);
  // Two cursors: change the failing 200 to 404, then (positions after the first change) the last 200 to 201.
  const changes = [
    { range: { start: { line: 6, character: 22 }, end: { line: 6, character: 25 } }, text: '404' },
    { range: { start: { line: 8, character: 13 }, end: { line: 8, character: 16 } }, text: '201' },
  ];
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
  const p = await forVersion(uri, 2, from);
  const expected = FAILING.replace('res.status(200).json({ success', 'res.status(404).json({ success').replace(
    'res.status(200).json(user)',
    'res.status(201).json(user)',
  );
  assert.deepEqual(comparable(p.diagnostics), comparable(await freshDiagnostics('users.js', expected)));
  await server.close(uri);
});

test('a burst of 200 edits in 2 s on a 3,000-line file: few publishes, the last for the last version and correct', async (t) => {
  const uri = 'file:///work/burst/routes.js';
  const unit = FAILING.replace("'/users/:id'", "'/users/:id/%'");
  let text = '';
  for (let i = 0; text.split('\n').length < 3000; i++) text += unit.replace('%', String(i));
  const from = published.length;
  await server.open(uri, text);
  const opened = await forVersion(uri, 1, from);
  assert.ok(opened.diagnostics.length > 100);
  const burstFrom = published.length;
  let version = 1;
  for (let i = 0; i < 200; i++) {
    // Typing at the end of the file, a character every 10 ms.
    const at = positionAt(text, text.length);
    const ch = i % 40 === 39 ? '\n' : 'x';
    text += ch;
    version = await server.edit(uri, { start: at, end: at }, ch, text);
    await pause(10);
  }
  const last = await forVersion(uri, version, burstFrom);
  await server.request('statusHints/idle'); // anything still queued has been published now
  const burst = published.slice(burstFrom).filter((p) => p.uri === uri);
  t.diagnostic(`${burst.length} publishes for 200 edits: versions ${burst.map((p) => p.version).join(', ')}`);
  assert.ok(burst.length <= 40, `superseded versions were not analysed: ${burst.length} publishes for 200 edits`);
  const versions = burst.map((p) => p.version);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    'never an older version after a newer one',
  );
  assert.equal(versions.at(-1), version, 'the last publish is for the last version');
  assert.deepEqual(comparable(last.diagnostics), comparable(await freshDiagnostics('routes.js', text)));
  await server.close(uri);
});

test('unknown and ill-typed settings from the client: one clear log line each, defaults used', async () => {
  const bad = await startServer({
    configuration: {
      preset: 'ultra',
      maxFileSizeKb: 'big',
      rules: { 'no-such-rule': 'error', 'error-in-success-response': 'loud' },
      validationStatus: 418,
      inlayHints: 'yes',
      frobnicate: true,
    },
  });
  try {
    const uri = 'file:///work/settings/users.js';
    await bad.open(uri, FAILING);
    const diags = await bad.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(
      diags.map((d) => d.code),
      ['error-in-success-response'],
      'the rule keeps its default severity',
    );
    const logs = bad.logs.join('\n');
    for (const key of ['preset', 'maxFileSizeKb', 'rules.no-such-rule', 'rules.error-in-success-response', 'validationStatus', 'inlayHints', 'frobnicate']) {
      assert.match(logs, new RegExp(`settings.*${key.replace('.', '\\.')}`), `a log line names ${key}:\n${logs}`);
    }
    // Not an object at all: still defaults, still running.
    await bad.setConfiguration('strict');
    await bad.setConfiguration(null);
    const hover = await bad.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 24 } });
    assert.match(hover?.contents?.value ?? '', /200 OK/);
    assert.equal(bad.child.exitCode, null);
  } finally {
    await bad.stop();
  }
});

test('a malformed .statushintsrc.json: a diagnostic on the config file, defaults for the code', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-badrc-')));
  fs.writeFileSync(path.join(dir, '.statushintsrc.json'), '{ "preset": "strict", "rules": { "error-in-success-response": "off" ');
  fs.writeFileSync(path.join(dir, 'users.js'), FAILING);
  const rc = await startServer({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'badrc' }] });
  try {
    const uri = pathToFileURL(path.join(dir, 'users.js')).href;
    const rcUri = pathToFileURL(path.join(dir, '.statushintsrc.json')).href;
    await rc.open(uri, FAILING);
    const diags = await rc.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(
      diags.map((d) => d.code),
      ['error-in-success-response'],
      'the unreadable file turns nothing off',
    );
    const onConfig = await rc.waitForDiagnostics(rcUri, (d) => d.length > 0);
    assert.equal(onConfig[0].source, 'status-hints');
    assert.equal(onConfig[0].severity, 1, 'an error: every setting in the file is lost');
    assert.match(rc.logs.join('\n'), /\.statushintsrc\.json/);
    assert.equal(rc.child.exitCode, null);
  } finally {
    await rc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('requests about documents the server does not have answer empty, never fail', async () => {
  const uri = 'file:///work/never/opened.js';
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(
    await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    }),
    [],
  );
  // A change for a closed document, an out-of-range position, a close of an unknown document.
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: FAILING }] });
  await server.close(uri);
  const open = 'file:///work/never/users.js';
  const from = published.length;
  await server.open(open, USERS);
  await forVersion(open, 1, from);
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: open }, position: { line: 99999, character: 99999 } }), null);
  // A file deleted on disk while open keeps its buffer: the server works from the text it was sent.
  const v = await server.edit(open, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '// still here\n', `// still here\n${USERS}`);
  await forVersion(open, v, from);
  await server.close(open);
  assert.equal(server.child.exitCode, null);
});
