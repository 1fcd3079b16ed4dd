// Framework knowledge lives in frameworks/<id>/: no other source file spells a framework id as a
// string. The ids and their folders are read from frameworks/ids.ts, the one other place allowed to
// name them; literals are found with TypeScript's parser, so comments and identifiers never count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from '../helpers/analysis.mjs';

const ts = createRequire(import.meta.url)('typescript');

const SRC = 'server/src';
const IDS_FILE = `${SRC}/frameworks/ids.ts`;

function sourceFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const parse = (file, text) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** id → folder, from the FRAMEWORK_FOLDER object literal of ids.ts. */
function frameworkFolders() {
  const sf = parse(IDS_FILE, fs.readFileSync(path.join(repoRoot, IDS_FILE), 'utf8'));
  const folders = new Map();
  const visit = (n) => {
    if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'FRAMEWORK_FOLDER') {
      let init = n.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      for (const p of init.properties) folders.set(ts.isIdentifier(p.name) ? p.name.text : p.name.text, p.initializer.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return folders;
}

/** `file:line 'id'` for each string literal spelling a framework id where that id's folder is not. */
function strayIds(files, folders) {
  const out = [];
  for (const [file, text] of files) {
    if (file === IDS_FILE) continue;
    const sf = parse(file, text);
    const visit = (n) => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && folders.has(n.text)) {
        if (!file.startsWith(`${SRC}/frameworks/${folders.get(n.text)}/`))
          out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} '${n.text}'`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const folders = frameworkFolders();
const tree = new Map(sourceFiles(SRC).map((f) => [f, fs.readFileSync(path.join(repoRoot, f), 'utf8')]));

test('the registry lists every framework id, each with a folder holding its plugin', () => {
  assert.ok(folders.size >= 10, `${folders.size} ids read from ${IDS_FILE}`);
  const registry = tree.get(`${SRC}/frameworks/registry.ts`);
  for (const folder of new Set(folders.values())) {
    assert.ok(tree.has(`${SRC}/frameworks/${folder}/index.ts`), `frameworks/${folder}/index.ts exists`);
    assert.ok(registry.includes(`from './${folder}'`), `registry.ts imports ./${folder}`);
  }
});

test('no framework id is spelled as a string outside its folder and frameworks/ids.ts', () => {
  assert.deepEqual(strayIds(tree, folders), []);
});

test('the check finds an id in a rule, in a comparison or a property key, and ignores comments, identifiers and its own folder', () => {
  const files = new Map([
    [
      `${SRC}/rules/x.ts`,
      "// 'hono' in a comment\nconst hono = 1;\nif (site.framework === 'hono') f();\nconst names = { 'node-http': 'Node.js', express: 'Express' };",
    ],
    [`${SRC}/frameworks/hono/index.ts`, "export const id = 'hono';"],
    [`${SRC}/frameworks/koa/index.ts`, "export const other = 'hono';"],
  ]);
  assert.deepEqual(strayIds(files, folders), [`${SRC}/rules/x.ts:3 'hono'`, `${SRC}/rules/x.ts:4 'node-http'`, `${SRC}/frameworks/koa/index.ts:1 'hono'`]);
});

/** `file -> what` for each import of a framework folder, or of ids.ts' ID, by a file of the rules, the language server or the CLI. */
function frameworkImportsAbove(files) {
  const out = [];
  for (const [file, text] of files) {
    if (!/^server\/src\/(rules|lsp|cli)\//.test(file)) continue;
    const sf = parse(file, text);
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), st.moduleSpecifier.text));
      if (!target.startsWith(`${SRC}/frameworks/`) || target === `${SRC}/frameworks/registry`) continue;
      const bindings = st.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : ['*'];
      // ids.ts also holds names that merely spell an id (the `next` callback, the global `fetch`): those are fine.
      const what = target === `${SRC}/frameworks/ids` ? names.filter((n) => n === 'ID' || n === '*') : [target];
      for (const w of what) out.push(`${file} -> ${w}`);
    }
  }
  return out;
}

test('rules, the language server and the CLI reach frameworks through the registry only (no ids by name, no folder)', () => {
  assert.deepEqual(frameworkImportsAbove(tree), []);
  const bad = new Map([
    [
      `${SRC}/rules/x.ts`,
      "import { ID, NEXT_CALLBACK } from '../frameworks/ids';\nimport { pluginFor } from '../frameworks/registry';\nimport { honoRecognizer } from '../frameworks/hono/recognizer';",
    ],
    [`${SRC}/analysis/y.ts`, "import { ID } from '../frameworks/ids';"],
  ]);
  assert.deepEqual(frameworkImportsAbove(bad), [`${SRC}/rules/x.ts -> ID`, `${SRC}/rules/x.ts -> ${SRC}/frameworks/hono/recognizer`]);
});

test('frameworks/ imports nothing of the rules, the language server, the CLI or the editor', () => {
  const above = [];
  for (const [file, text] of tree) {
    if (!file.startsWith(`${SRC}/frameworks/`)) continue;
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = fileName.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)) : fileName;
      if (/^server\/src\/(rules|lsp|cli)\//.test(target) || /^vscode/.test(target)) above.push(`${file} -> ${target}`);
    }
  }
  assert.deepEqual(above, []);
});
