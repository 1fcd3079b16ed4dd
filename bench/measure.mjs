// One measured pass set in a fresh process (so every variant starts cold, like a CI run):
//   node bench/measure.mjs <parse|visit|one-rule|analyze|eslint> <file-list.json> <passes> [check-bundle.cjs]
// Prints JSON: wall and CPU milliseconds per pass, how many findings/hits the pass produced, and the
// process's peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [variant, listFile, passesArg, bundle] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const passes = Number(passesArg ?? 1);
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function pass(run) {
  const w = performance.now();
  const c = cpuNow();
  const count = await run();
  return { wallMs: performance.now() - w, cpuMs: cpuNow() - c, count };
}

let run;
/** Files the analyze variant skipped (too large or minified) in its last pass. */
let skipped = 0;
if (variant === 'parse' || variant === 'visit' || variant === 'one-rule') {
  // Exactly what server/src/analysis/parse.ts does: no parent pointers, no JSDoc.
  const ts = require('typescript');
  const kind = (f) =>
    /\.tsx$/.test(f) ? ts.ScriptKind.TSX : /\.[mc]?ts$/.test(f) ? ts.ScriptKind.TS : /\.jsx$/.test(f) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const parse = (f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), options, false, kind(f));
  // The floors under (b): a visit of every node that does nothing, and the same visit running the
  // ESLint variant's one rule (res.status(<number literal>)) on TypeScript's tree.
  let count = 0;
  const visitAll = (node) => {
    count++;
    ts.forEachChild(node, visitAll);
  };
  const findStatusLiterals = (node) => {
    if (node.kind === ts.SyntaxKind.CallExpression) {
      const callee = node.expression;
      const arg = node.arguments[0];
      if (
        callee.kind === ts.SyntaxKind.PropertyAccessExpression &&
        callee.name.kind === ts.SyntaxKind.Identifier &&
        callee.name.text === 'status' &&
        arg?.kind === ts.SyntaxKind.NumericLiteral
      )
        count++;
    }
    ts.forEachChild(node, findStatusLiterals);
  };
  const after = { parse: (sf) => (count += sf.statements.length), visit: visitAll, 'one-rule': findStatusLiterals }[variant];
  run = () => {
    count = 0;
    for (const f of files) after(parse(f));
    return count;
  };
} else if (variant === 'analyze') {
  // The CLI's per-file path (server/src/cli/check.ts), in this process, one thread: each file with
  // the settings of its nearest .statushintsrc.json, as the CLI reads them.
  const { checkFile, ConfigResolver } = require(path.resolve(bundle));
  const configs = new ConfigResolver(process.cwd(), undefined, (line) => process.stderr.write(`${line}\n`));
  run = () => {
    let n = 0;
    skipped = 0;
    for (const f of files) {
      const outcome = checkFile(f, configs.forFile(f).settings, 'off');
      if (outcome.skipped) skipped++;
      n += outcome.findings.length;
    }
    return n;
  };
} else if (variant === 'eslint') {
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  // What a user would write instead: one custom rule that finds res.status(<number literal>).
  const statusLiteral = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({
      CallExpression(node) {
        const callee = node.callee;
        const arg = node.arguments[0];
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.property.name === 'status' &&
          arg?.type === 'Literal' &&
          typeof arg.value === 'number'
        ) {
          context.report({ node: arg, message: `status ${arg.value}` });
        }
      },
    }),
  };
  const common = { plugins: { bench: { rules: { 'status-literal': statusLiteral } } }, rules: { 'bench/status-literal': 'error' } };
  // The files' common folder: ESLint ignores files outside its cwd.
  let cwd = path.dirname(files[0]);
  while (!files.every((f) => f.startsWith(cwd + path.sep))) cwd = path.dirname(cwd);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,jsx,tsx}'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        ...common,
      },
      { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' }, ...common },
    ],
  });
  run = async () => {
    const results = await eslint.lintFiles(files);
    const fatal = results.filter((r) => r.messages.some((m) => m.fatal));
    if (results.length !== files.length || fatal.length > 0)
      process.stderr.write(`eslint: ${results.length} results for ${files.length} files, ${fatal.length} with fatal errors\n`);
    return results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
  };
} else {
  throw new Error(`unknown variant ${variant}`);
}

const results = [];
for (let i = 0; i < passes; i++) results.push(await pass(run));
// maxRSS is in KiB: in MB like rssMb.
process.stdout.write(
  JSON.stringify({
    variant,
    files: files.length,
    passes: results,
    skipped,
    rssMb: process.memoryUsage().rss / 1e6,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  }) + '\n',
);
