// The shape of the source tree, read from the imports themselves: no import cycles, the analysis
// depends on nothing of the editor, the CLI or the rules, the client never bundles server code, and
// no source file grows past what a reader can hold. Each check also runs on a small made-up graph
// that breaks it, so a check that could no longer fail would be noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from '../helpers/analysis.mjs';

const ts = createRequire(import.meta.url)('typescript');

const ROOTS = ['server/src', 'client/src', 'shared'];
const MAX_LINES = 450;
/** Loaded at run time from the bundle next to this one (dist/session.js), not from the source tree. */
const BUNDLE_SIBLINGS = new Set(['server/src/server.ts -> ./session.js']);
/** The analysis' syntax readers: the tree's helpers, the wrappers it sees through, the scanner. Rules read facts instead. */
const SYNTAX_MODULES = new Set(['typescript', 'server/src/analysis/syntax.ts', 'server/src/analysis/facts/tree.ts', 'server/src/analysis/facts/tokens.ts']);
const SYNTAX_HELPER_NAMES = /\b(treeOf|nodeAt)\b/;
/**
 * Rule helpers that still build their fixes from the tree: owned by the frameworks move, which
 * turns them into facts. The list only shrinks; a file on it that no longer reads syntax fails too.
 */
const STILL_READING_SYNTAX = new Set([
  'server/src/rules/support/headerEdits.ts',
  'server/src/rules/support/responseBody.ts',
  'server/src/rules/support/syntax.ts',
]);

function sourceFilesUnder(dir) {
  const out = [];
  for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFilesUnder(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** file → { local: files of the tree it imports, external: package specifiers }, type-only imports included. */
function importGraph() {
  const files = ROOTS.flatMap(sourceFilesUnder);
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const local = [];
    const external = [];
    for (const { fileName: spec } of importedFiles) {
      if (!spec.startsWith('.')) {
        external.push(spec);
        continue;
      }
      if (BUNDLE_SIBLINGS.has(`${file} -> ${spec}`)) continue;
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      // Data the bundler inlines (package.json, data/*.json): a leaf, no source.
      if (base.endsWith('.json') && fs.existsSync(path.join(repoRoot, base))) continue;
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => known.has(c));
      // An import the tree cannot resolve is reported rather than ignored: a check that skips it could not fail.
      local.push(target ?? `unresolved:${base}`);
    }
    graph.set(file, { local, external, lines: text.split('\n').length, namesSyntaxHelper: SYNTAX_HELPER_NAMES.test(text) });
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself), by Tarjan. */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.local ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.local.includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Imports of files under `from` that match `forbidden` (a local file or a package specifier). */
function forbiddenImports(graph, from, forbidden) {
  const out = [];
  for (const [file, { local, external }] of graph) {
    if (!file.startsWith(from)) continue;
    for (const target of [...local, ...external]) if (forbidden(target)) out.push(`${file} -> ${target}`);
  }
  return out;
}

const analysisImportsAbove = (graph) =>
  forbiddenImports(graph, 'server/src/analysis/', (t) => /^vscode(-languageserver[^/]*)?(\/|$)/.test(t) || /^server\/src\/(lsp|cli|rules)\//.test(t));
const clientImportsServer = (graph) => forbiddenImports(graph, 'client/src/', (t) => t.startsWith('server/'));
const oversized = (graph) => [...graph].filter(([, f]) => f.lines > MAX_LINES).map(([file, f]) => `${file}: ${f.lines} lines`);
const unresolved = (graph) => forbiddenImports(graph, '', (t) => t.startsWith('unresolved:'));
/** Files under rules/ that import a syntax reader or name its helpers, apart from the listed ones. */
const rulesReadingSyntax = (graph, allowed = STILL_READING_SYNTAX) => [
  ...forbiddenImports(graph, 'server/src/rules/', (t) => SYNTAX_MODULES.has(t)).filter((edge) => !allowed.has(edge.split(' -> ')[0])),
  ...[...graph]
    .filter(([file, f]) => file.startsWith('server/src/rules/') && f.namesSyntaxHelper && !allowed.has(file))
    .map(([file]) => `${file} names treeOf/nodeAt`),
];

const graph = importGraph();

test('the import graph is read: every relative import resolves to a file of the tree', () => {
  assert.ok(graph.size > 100, `${graph.size} source files found`);
  assert.ok(graph.get('server/src/analysis/analyze.ts').local.length > 3, 'imports are found');
  assert.deepEqual(unresolved(graph), []);
});

test('no import cycles (type-only imports count: they tie the files together for a reader all the same)', () => {
  assert.deepEqual(cycles(graph), []);
});

test('the analysis imports nothing of the editor, the language server, the CLI or the rules', () => {
  assert.deepEqual(analysisImportsAbove(graph), []);
});

test('the client bundles no server source', () => {
  assert.deepEqual(clientImportsServer(graph), []);
});

test('rules read facts, never syntax: no file under rules/ imports typescript, the tree helpers or the scanner', () => {
  assert.deepEqual(rulesReadingSyntax(graph), []);
  // The exceptions are real and still needed: each exists and still reads syntax.
  for (const file of STILL_READING_SYNTAX)
    assert.ok(graph.has(file) && rulesReadingSyntax(graph, new Set()).some((e) => e.startsWith(`${file} `)), `${file} is listed as reading syntax`);
});

test(`no source file is longer than ${MAX_LINES} lines`, () => {
  assert.deepEqual(oversized(graph), []);
});

test('each check finds what it is there to find (a made-up tree breaking every rule)', () => {
  const file = (local, external = [], lines = 10) => ({ local, external, lines });
  const bad = new Map([
    ['server/src/analysis/a.ts', file(['server/src/analysis/b.ts', 'server/src/rules/index.ts'], ['vscode-languageserver/node'])],
    ['server/src/analysis/b.ts', file(['server/src/analysis/c.ts'], ['vscode'])],
    ['server/src/analysis/c.ts', file(['server/src/analysis/a.ts', 'server/src/lsp/x.ts', 'server/src/cli/y.ts'])],
    ['server/src/analysis/self.ts', file(['server/src/analysis/self.ts'])],
    ['server/src/rules/index.ts', file([])],
    ['server/src/lsp/x.ts', file([])],
    ['server/src/cli/y.ts', file(['unresolved:server/src/cli/gone'])],
    ['client/src/extension.ts', file(['server/src/lsp/x.ts', 'shared/protocol.ts'], [], MAX_LINES + 1)],
    ['shared/protocol.ts', file([])],
  ]);
  assert.deepEqual(cycles(bad), [['server/src/analysis/a.ts', 'server/src/analysis/b.ts', 'server/src/analysis/c.ts'], ['server/src/analysis/self.ts']]);
  assert.deepEqual(analysisImportsAbove(bad), [
    'server/src/analysis/a.ts -> server/src/rules/index.ts',
    'server/src/analysis/a.ts -> vscode-languageserver/node',
    'server/src/analysis/b.ts -> vscode',
    'server/src/analysis/c.ts -> server/src/lsp/x.ts',
    'server/src/analysis/c.ts -> server/src/cli/y.ts',
  ]);
  assert.deepEqual(clientImportsServer(bad), ['client/src/extension.ts -> server/src/lsp/x.ts']);
  assert.deepEqual(oversized(bad), [`client/src/extension.ts: ${MAX_LINES + 1} lines`]);
  assert.deepEqual(unresolved(bad), ['server/src/cli/y.ts -> unresolved:server/src/cli/gone']);
  const syntaxBad = new Map([
    ['server/src/rules/a.ts', file([], ['typescript'])],
    ['server/src/rules/support/b.ts', file(['server/src/analysis/facts/tree.ts', 'server/src/analysis/facts/input.ts'])],
    ['server/src/rules/c.ts', file(['server/src/analysis/facts/tokens.ts', 'server/src/analysis/syntax.ts'])],
    ['server/src/rules/d.ts', { ...file([]), namesSyntaxHelper: true }],
    ['server/src/rules/support/headerEdits.ts', file(['server/src/analysis/facts/tree.ts'])],
    ['server/src/analysis/facts/tree.ts', file([], ['typescript'])],
  ]);
  assert.deepEqual(rulesReadingSyntax(syntaxBad), [
    'server/src/rules/a.ts -> typescript',
    'server/src/rules/support/b.ts -> server/src/analysis/facts/tree.ts',
    'server/src/rules/c.ts -> server/src/analysis/facts/tokens.ts',
    'server/src/rules/c.ts -> server/src/analysis/syntax.ts',
    'server/src/rules/d.ts names treeOf/nodeAt',
  ]);
});
