// Which files are analysed (project/sourcePolicy.ts): each reason a file is skipped, and the same
// decision from the CLI (checkFile), the editor's workspace scan (readSourceAsync) and its open
// documents (AnalysisCache), for the same file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bundleSource } from '../../../scripts/typescript-shim.mjs';
import { repoRoot } from '../../helpers/analysis.mjs';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-policy-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const out = path.join(dir, 'policy.cjs');
await bundleSource(
  [
    "export { readSource, readSourceAsync, CLI_SIZE_LIMIT, EDITOR_SIZE_LIMIT } from './server/src/project/sourcePolicy';",
    "export { checkFile } from './server/src/cli/check';",
    "export { AnalysisCache } from './server/src/lsp/analysisCache';",
    "export { DEFAULT_SETTINGS } from './server/src/settingsWithRules';",
    "export { TextDocument } from 'vscode-languageserver-textdocument';",
  ].join('\n'),
  out,
  repoRoot,
);
const { readSource, readSourceAsync, CLI_SIZE_LIMIT, EDITOR_SIZE_LIMIT, checkFile, AnalysisCache, DEFAULT_SETTINGS, TextDocument } = createRequire(
  import.meta.url,
)(out);

const HANDLER = "app.get('/x', (req, res) => res.status(200).json({ success: false }));\n";
const files = {
  'ok.js': HANDLER,
  'bom.ts': '\uFEFF' + HANDLER,
  'notes.md': HANDLER,
  Makefile: 'all:\n',
  'nul.js': Buffer.from(`${HANDLER}\0\0binary`),
  'utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HANDLER, 'utf16le')]),
  'latin1.js': Buffer.concat([Buffer.from("res.status(200).json({ error: 'd"), Buffer.from([0xe9]), Buffer.from("j' });\n")]),
  'big.js': HANDLER + `// ${'x'.repeat(70)}\n`.repeat(2000),
  'min.js': 'var a=1;'.repeat(5000),
  'deep.js': 'x = ' + `${'['.repeat(50)}\n`.repeat(400) + `${']'.repeat(50)}\n`.repeat(400) + ';\n' + HANDLER,
};
for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
const at = (name) => path.join(dir, name);
const settings = { ...DEFAULT_SETTINGS, maxFileSizeKb: 64 };

test('each reason a file is not analysed, read from disk', () => {
  const read = (name) => readSource(at(name), 64, EDITOR_SIZE_LIMIT);
  assert.deepEqual(read('ok.js'), { text: HANDLER });
  assert.equal(read('bom.ts').text, '\uFEFF' + HANDLER, 'a BOM stays in the text: columns are those of the file');
  assert.equal(read('notes.md').skipped, 'not a JavaScript or TypeScript file (.md file)');
  assert.equal(read('Makefile').skipped, 'not a JavaScript or TypeScript file (no extension)');
  assert.equal(read('nul.js').skipped, 'binary content (NUL bytes), not JavaScript or TypeScript source');
  assert.equal(read('utf16.ts').skipped, 'UTF-16 text; only UTF-8 files are checked');
  assert.equal(read('latin1.js').skipped, 'not UTF-8 text; only UTF-8 files are checked');
  assert.match(read('big.js').skipped, /^file is \d+ KB, over statusHints\.maxFileSizeKb \(64 KB\)$/);
  assert.match(readSource(at('big.js'), 64, CLI_SIZE_LIMIT).skipped, /^file is \d+ KB, over the 64 KB limit \(--max-file-size/);
  assert.equal(readSource(at('big.js'), 1024, EDITOR_SIZE_LIMIT).skipped, undefined, 'a raised limit lets it through');
  assert.match(read('min.js').skipped, /^looks minified \(1 lines, longest 40000 characters\)$/);
  assert.match(read('gone.js').readError, /^cannot read .*gone\.js: ENOENT$/);
});

test('the workspace scan reads a file as the CLI does', async () => {
  for (const name of [...Object.keys(files), 'gone.js'])
    assert.deepEqual(await readSourceAsync(at(name), 64, EDITOR_SIZE_LIMIT), readSource(at(name), 64, EDITOR_SIZE_LIMIT), name);
});

test('the CLI and the editor skip the same files for the same reasons, and analyse the same others', () => {
  const cache = new AnalysisCache(() => {});
  // The editor has the text already (its own decoding); the size and shape checks and failures are shared.
  for (const name of ['ok.js', 'bom.ts', 'big.js', 'min.js', 'deep.js']) {
    const cli = checkFile(at(name), settings);
    const doc = TextDocument.create(pathToFileURL(at(name)).href, 'javascript', 1, fs.readFileSync(at(name), 'utf8'));
    const editor = cache.get(doc, settings);
    const sameWording = (reason) => reason?.replace(/^file is \d+ KB, over .*$/, 'file is too large');
    assert.equal(sameWording(cli.skipped), sameWording(editor.skipped), name);
    assert.deepEqual(
      cli.findings.map((f) => `${f.ruleId}@${f.start}`),
      (editor.run?.findings ?? []).map((f) => `${f.ruleId}@${f.start}`),
      name,
    );
  }
  assert.equal(checkFile(at('ok.js'), settings).findings.length, 1, 'the shared path still analyses what it admits');
  assert.match(checkFile(at('deep.js'), settings).skipped, /^nested too deeply to parse/);
});
