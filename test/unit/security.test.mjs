// What the extension, server and CLI may do on a developer's machine: read the files they are given,
// nothing more. No network, no telemetry, no eval, no child processes of our own, and never loading
// or running a workspace file. Checked three ways: our sources (parsed, not grepped), the built
// bundles (module by module), and real runs with a trap that records any network or process call.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import * as esbuild from 'esbuild';
import { startServer } from '../helpers/lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.STATUS_HINTS_DIST ? path.resolve(process.env.STATUS_HINTS_DIST) : path.join(root, 'dist');
const BUNDLES = ['server.js', 'session.js', 'cli.js', 'extension.js'];
const NETWORK = ['http', 'https', 'http2', 'dns', 'tls', 'dgram', 'net'];
/** Modules our own code must never import: network, processes, code loading and evaluation. */
const FORBIDDEN_IN_SOURCE = [...NETWORK, 'child_process', 'cluster', 'vm', 'module', 'inspector', 'repl'];
const bare = (spec) => spec.replace(/^node:/, '');

const temps = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(name) {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `status-hints-${name}-`)));
  temps.push(d);
  return d;
}

function sources(dir) {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}
const OUR_SOURCES = [...sources('server/src'), ...sources('client/src'), ...sources('shared')];

/** Module specifiers and risky calls of one source file, read from its syntax tree. */
function inspect(rel) {
  const sf = ts.createSourceFile(rel, fs.readFileSync(path.join(root, rel), 'utf8'), ts.ScriptTarget.Latest, true);
  const found = { modules: [], problems: [] };
  const at = (n) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier))
      found.modules.push([n.moduleSpecifier.text, at(n)]);
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) found.modules.push([n.moduleReference.expression.text, at(n)]);
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) found.problems.push(`${at(n)}: dynamic import()`);
      if (ts.isIdentifier(callee)) {
        if (callee.text === 'require') {
          const arg = n.arguments[0];
          if (arg && ts.isStringLiteral(arg)) found.modules.push([arg.text, at(n)]);
          else found.problems.push(`${at(n)}: require() of a computed path`);
        }
        if (['eval', 'Function', 'fetch', 'setTimeout', 'setInterval'].includes(callee.text)) {
          // setTimeout/setInterval only count when given a string (which evaluates it).
          const stringy =
            (callee.text === 'setTimeout' || callee.text === 'setInterval') &&
            n.arguments[0] &&
            (ts.isStringLiteral(n.arguments[0]) || ts.isTemplateExpression(n.arguments[0]));
          if (stringy || !callee.text.startsWith('set')) found.problems.push(`${at(n)}: ${callee.text}(`);
        }
      }
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'fetch') found.problems.push(`${at(n)}: .fetch(`);
    }
    if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      ['Function', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'Worker'].includes(n.expression.text)
    ) {
      if (n.expression.text !== 'Worker' || !rel.startsWith('server/src/cli/')) found.problems.push(`${at(n)}: new ${n.expression.text}(`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

test('our sources: no eval/Function, no network, no child processes, no dynamic loading', () => {
  assert.ok(OUR_SOURCES.length > 20);
  const problems = [];
  for (const rel of OUR_SOURCES) {
    const { modules, problems: p } = inspect(rel);
    problems.push(...p);
    for (const [spec, where] of modules) {
      if (FORBIDDEN_IN_SOURCE.includes(bare(spec))) problems.push(`${where}: imports ${spec}`);
      // Workers run our own bundle for the CLI's parallel check (see cli/pool.ts), nowhere else.
      if (bare(spec) === 'worker_threads' && !rel.startsWith('server/src/cli/')) problems.push(`${where}: imports ${spec} outside the CLI`);
      // Only our files, the bundled libraries and Node built-ins: never a path computed from the workspace.
      // jsonc-parser: text in, text edits out (VS Code's own JSON editing), no I/O. yaml: text in, a
      // document out (no dependencies, no I/O; its custom tags are never enabled here).
      if (
        !/^(\.{1,2}\/|node:|vscode$|vscode-languageserver|vscode-languageclient|typescript$|tinyglobby$|ignore$|jsonc-parser$|yaml$)/.test(spec) &&
        !['fs', 'path', 'os', 'url', 'util', 'crypto', 'worker_threads'].includes(spec)
      ) {
        problems.push(`${where}: imports ${spec} (add it here once judged safe)`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('our sources: no telemetry, and the language server never sends telemetry/event', () => {
  const hits = OUR_SOURCES.filter((rel) => /telemetry/i.test(fs.readFileSync(path.join(root, rel), 'utf8')));
  assert.deepEqual(hits, []);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies });
  assert.deepEqual(
    deps.filter((d) => /telemetry|insights|analytics|sentry|segment|mixpanel|posthog|amplitude/i.test(d)),
    [],
  );
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'nothing is installed at run time: the bundles carry their pinned dependencies');
});

/** A non-minified esbuild bundle names each module in a `// path` comment: split it by module. */
function modulesOf(bundle) {
  const text = fs.readFileSync(path.join(dist, bundle), 'utf8');
  // typescript-shim: scripts/typescript-shim.mjs, TypeScript's own export names re-exported (not ours).
  const marks = [...text.matchAll(/^\/\/ ((?:node_modules|server|client|data)\/\S+|typescript-shim:\S+)$/gm)];
  const sections = marks.map((m, i) => ({ name: m[1], body: text.slice(m.index, marks[i + 1]?.index ?? text.length) }));
  return { text, sections };
}
const requiresOf = (body) => [...body.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => bare(m[1]));

for (const bundle of BUNDLES) {
  test(`bundle ${bundle}: network, processes and eval only where judged harmless`, () => {
    assert.ok(fs.existsSync(path.join(dist, bundle)), `${bundle} is built (node scripts/build.mjs)`);
    const { text, sections } = modulesOf(bundle);
    if (sections.length === 0) {
      // A production (minified) build has no module names: the strongest checks still apply.
      for (const m of NETWORK.filter((x) => x !== 'net')) assert.doesNotMatch(text, new RegExp(`require\\(["'](node:)?${m}["']\\)`), `${bundle} requires ${m}`);
      return;
    }
    const problems = [];
    for (const { name, body } of sections) {
      const ours = name.startsWith('server/') || name.startsWith('client/');
      for (const m of requiresOf(body)) {
        if (['http', 'https', 'http2', 'dns', 'tls', 'dgram'].includes(m)) problems.push(`${name} requires ${m}`);
        // vscode-jsonrpc's pipe/socket transports (we use stdio and IPC); nobody else.
        if (m === 'net' && !/vscode-jsonrpc\/lib\/node\/main\.js$/.test(name)) problems.push(`${name} requires net`);
        // The client starts the server (vscode-languageclient); in the server bundle only an unused
        // helper of vscode-languageserver (Files.resolveGlobalNodePath) mentions it.
        if (m === 'child_process') {
          const allowed =
            bundle === 'extension.js'
              ? /vscode-languageclient\/lib\/node\/(main|processes)\.js$/
              : bundle === 'server.js' || bundle === 'session.js'
                ? /vscode-languageserver\/lib\/node\/files\.js$/
                : /^$/;
          if (!allowed.test(name)) problems.push(`${name} requires child_process`);
        }
        if (ours && FORBIDDEN_IN_SOURCE.includes(m)) problems.push(`${name} (ours) requires ${m}`);
      }
      if (/(^|[^\w.$])eval\s*\(|new\s+Function\s*\(/.test(body)) problems.push(`${name} uses eval or new Function`);
      if (/(^|[^\w.$])fetch\s*\(/.test(body) && ours) problems.push(`${name} calls fetch`);
      if (ours && /telemetry/i.test(body)) problems.push(`${name} mentions telemetry`);
    }
    assert.deepEqual(problems, []);
    // The unused child_process helper stays unused by our code.
    if (bundle === 'server.js' || bundle === 'session.js') {
      const ours = sections
        .filter((s) => s.name.startsWith('server/'))
        .map((s) => s.body)
        .join('\n');
      assert.doesNotMatch(ours, /resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath|Files\.resolve/);
    }
  });
}

test('the client trusts server Markdown for the "Open full doc" command only, and its webview has a strict CSP', () => {
  const client = OUR_SOURCES.filter((f) => f.startsWith('client/'))
    .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
    .join('\n');
  // MarkupContent from the server is untrusted in VS Code unless the client opts in here: it opts in
  // for one command, which only opens the doc page of a status code.
  assert.deepEqual(
    [...client.matchAll(/\bmarkdown\s*:\s*\{[^\n]*/g)].map((m) => m[0]),
    ['markdown: { isTrusted: { enabledCommands: [OPEN_DOC_COMMAND] } },'],
    'LanguageClientOptions.markdown enables one command and nothing else',
  );
  assert.match(fs.readFileSync(path.join(root, 'shared/protocol.ts'), 'utf8'), /^export const OPEN_DOC_COMMAND = 'statusHints\.openDoc';$/m);
  assert.equal([...client.matchAll(/isTrusted/g)].length, 1, 'no other trusted Markdown');
  assert.doesNotMatch(client, /isTrusted\s*[:=]\s*true/, 'never trust every command');
  assert.doesNotMatch(client, /supportHtml\s*[:=]\s*true/, 'no HTML in Markdown');
  // The trusted command takes a status code and only shows its doc.
  assert.match(
    client,
    /registerCommand\(OPEN_DOC_COMMAND, async \(arg\?: unknown\) => \{\n\s+const code = codeArgument\(arg\);\n\s+if \(code !== undefined\) await showDoc\(context, knowledge, code\);\n\s+\}\)/,
  );
  if (/createWebviewPanel|registerWebviewViewProvider/.test(client)) {
    const csp = /Content-Security-Policy" content="\$\{csp\}"/.test(client)
      ? /const csp = `([^`]+)`/.exec(client)?.[1]
      : /Content-Security-Policy" content="([^"]+)"/.exec(client)?.[1];
    assert.ok(csp, 'the webview sets a Content-Security-Policy');
    assert.match(csp, /default-src 'none'/);
    for (const directive of csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      assert.doesNotMatch(directive, /https?:|\*|'unsafe-inline'|'unsafe-eval'|data:/, `no remote, inline or eval sources: ${directive}`);
    }
    assert.match(csp, /script-src 'nonce-\$\{nonce\}'/, 'scripts only with the nonce');
    assert.match(client, /randomBytes\(\s*16\s*\)|getRandomValues/, 'the nonce is random per page');
    assert.match(client, /localResourceRoots:\s*\[[^\]]*\]/, 'localResourceRoots is set (the default would expose the workspace)');
    assert.doesNotMatch(client, /localResourceRoots:\s*\[[^\]]*workspaceFolders/, 'localResourceRoots never covers the workspace');
  }
});

/** The knowledge renderers, bundled on the fly from the sources (the bundles do not export them). */
async function knowledge() {
  const out = path.join(tempDir('knowledge'), 'knowledge.cjs');
  await esbuild.build({
    stdin: { contents: "export * from './server/src/knowledge/markdown'; export * from './server/src/knowledge/statusData';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
  });
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)(out);
}

test('hover Markdown and the lookup page from data/: escaped text, https links only, no commands but "Open full doc", no scripts', async () => {
  const k = await knowledge();
  const codes = k.allStatuses().map((e) => e.code);
  assert.ok(codes.length > 50);
  for (const code of codes) {
    const compact = k.statusMarkdown(code);
    // The one command link: our own, with this code as its only argument.
    const openDoc = `[Open full doc](command:statusHints.openDoc?%5B${code}%5D)`;
    assert.equal(compact.split(openDoc).length, 2, `${code}: one "Open full doc" link`);
    const full = [
      compact.replace(openDoc, ''),
      k.statusMarkdown(code, undefined, { full: true }),
      typeof k.statusDocumentMarkdown === 'function' ? k.statusDocumentMarkdown(code) : '',
    ].join('\n');
    // Code blocks and spans render as text (examples may show HTML): check what renders as Markdown.
    const md = full.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
    for (const [, href] of md.matchAll(/\]\(([^)\s]*)/g)) assert.match(href, /^https:\/\//, `${code}: Markdown link ${href}`);
    assert.doesNotMatch(md, /[(<]\s*(command|javascript|vscode|file):|<script|<iframe|<img|<a\s/i, `${code}: no command links or raw HTML in hover Markdown`);
    if (typeof k.statusDocumentHtml === 'function') {
      const html = k.statusDocumentHtml(code);
      // Every tag is plain formatting; the only attribute is an https link.
      for (const [tag, name, attrs] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        assert.ok(
          [
            'h1',
            'h2',
            'h3',
            'p',
            'strong',
            'em',
            'code',
            'pre',
            'ul',
            'ol',
            'li',
            'a',
            'br',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'span',
            'div',
          ].includes(name.toLowerCase()),
          `${code}: lookup HTML tag ${tag}`,
        );
        const rest = attrs
          .replace(/\s+href="https:\/\/[^"\s<>]*"/, '')
          .replace(/\s+class="[\w -]*"/, '')
          .trim();
        assert.equal(rest, '', `${code}: lookup HTML attributes in ${tag}`);
      }
    }
  }
});

// A workspace that punishes anyone who runs it: every file writes the marker if executed.
function hostileWorkspace() {
  const dir = tempDir('hostile');
  const marker = path.join(dir, 'EXECUTED');
  const payload = (who) => `require('fs').appendFileSync(${JSON.stringify(marker)}, ${JSON.stringify(who + '\n')});\n`;
  const files = {
    'evil.js': payload('evil.js'),
    'x.mjs': `import fs from 'fs';\nfs.appendFileSync(${JSON.stringify(marker)}, 'x.mjs\\n');\n`,
    'status-hints.config.js': payload('status-hints.config.js'),
    'node_modules/express/index.js': payload('node_modules/express'),
    'node_modules/evil-plugin/index.js': payload('typescript plugin'),
    'package.json': JSON.stringify({ name: 'hostile', main: 'evil.js', scripts: { postinstall: 'node evil.js' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { plugins: [{ name: 'evil-plugin' }] } }),
    '.statushintsrc.json': JSON.stringify({ preset: 'strict' }),
    'src/routes.js': `const express = require('express');
const evil = require('../evil');
require(process.env.X || '../evil.js');
import('../x.mjs').then(() => {});
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(200).json({ success: false, error: 'User not found' });
  res.json(user);
});
module.exports = router;
`,
    'src/app.ts': `import evil from '../evil';\nimport type { X } from '../x.mjs';\nexport * from '../evil';\n/// <reference path="../evil.js" />\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { dir, marker };
}

/** A preload that records any network, DNS, child-process or fetch call of the process it runs in. */
function trap() {
  const dir = tempDir('trap');
  const file = path.join(dir, 'trap.cjs');
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(
    file,
    `const fs = require('fs');
const note = (what) => fs.appendFileSync(${JSON.stringify(log)}, what + '\\n');
const wrap = (obj, name, label) => { const orig = obj[name]; if (typeof orig !== 'function') return; obj[name] = function (...a) { note(label); return orig.apply(this, a); }; };
const net = require('net');
for (const f of ['connect', 'createConnection', 'createServer']) wrap(net, f, 'net.' + f);
wrap(net.Socket.prototype, 'connect', 'net.Socket.connect');
for (const m of ['http', 'https', 'http2', 'tls']) { const mod = require(m); for (const f of ['request', 'get', 'connect', 'createServer']) wrap(mod, f, m + '.' + f); }
const dns = require('dns'); for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6']) wrap(dns, f, 'dns.' + f);
const dgram = require('dgram'); wrap(dgram, 'createSocket', 'dgram.createSocket');
const cp = require('child_process'); for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(cp, f, 'child_process.' + f);
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'fetch');
`,
  );
  return { file, log, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []) };
}
const withTrap = (t) => `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(t.file)}`.trim();

test('the CLI reads a hostile workspace without running any of it, and makes no network or process call', () => {
  const { dir, marker } = hostileWorkspace();
  const t = trap();
  const cli = (...args) =>
    spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: withTrap(t) } });
  const r = cli('check', '.', '--fail-on', 'none');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /routes\.js:8:\d+ .*error-in-success-response/, 'the file was analysed');
  const json = cli('check', 'src', '--format', 'json', '--fail-on', 'none');
  assert.equal(json.status, 0, json.stderr);
  const fixed = cli('check', 'src', '--fix', '--fail-on', 'none');
  assert.ok(fixed.status === 0 || /unknown option|--fix/.test(fixed.stderr), fixed.stderr);
  assert.equal(fs.existsSync(marker), false, `a workspace file was executed: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
  assert.deepEqual(t.calls(), [], 'no network, DNS or child-process calls');
});

test('the language server analyses and scans a hostile workspace without running it, with no network or process call', async () => {
  const { dir, marker } = hostileWorkspace();
  const t = trap();
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = withTrap(t); // startServer spawns synchronously with this environment
  let server;
  try {
    const starting = startServer({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'hostile' }],
      configuration: { scanWorkspace: true },
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
    });
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
    server = await starting;
    const uri = pathToFileURL(path.join(dir, 'src/routes.js')).href;
    // The scan finds it on disk; then the open document takes over.
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'error-in-success-response'));
    const text = fs.readFileSync(path.join(dir, 'src/routes.js'), 'utf8');
    await server.open(uri, text);
    const [d] = await server.waitForDiagnostics(uri, (x) => x.length > 0);
    await server.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    await server.request('textDocument/completion', { textDocument: { uri }, position: d.range.start });
    const ts2 = pathToFileURL(path.join(dir, 'src/app.ts')).href;
    await server.open(ts2, fs.readFileSync(path.join(dir, 'src/app.ts'), 'utf8'), 'typescript');
    await server.waitForDiagnostics(ts2);
  } finally {
    await server?.stop();
  }
  assert.equal(fs.existsSync(marker), false, `a workspace file was executed: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
  assert.deepEqual(t.calls(), [], 'no network, DNS or child-process calls');
});
