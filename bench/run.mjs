// `npm run bench`: whole-project and editor performance, side by side in one run, against targets.
//   node bench/run.mjs [--files N] [--runs R] [--skip-eslint] [--skip-editor] [--skip-big-file] [--scan-files N] [folder...]
// Prints a table and writes bench/results.json. A benchmark, not a test: figures vary with the machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundleSource } from '../scripts/typescript-shim.mjs';
import { bigFileCorpus, generateCorpus, largeFile } from './corpus.mjs';
import { loadRealCode, realCodeText } from './real-code/table.mjs';
import * as editor from './editor.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.env.STATUS_HINTS_DIST ?? 'dist');
const { values: opts, positionals: folders } = parseArgs({
  allowPositionals: true,
  options: {
    files: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    'scan-files': { type: 'string', default: '10000' },
    'skip-eslint': { type: 'boolean', default: false },
    'skip-editor': { type: 'boolean', default: false },
    'skip-big-file': { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);
const median = (xs) => editor.percentile(xs, 50);
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-bench-'));
const cacheDir = path.join(os.tmpdir(), 'status-hints-bench-cache');

// --- corpus -------------------------------------------------------------------------------------
const corpusDir = path.join(cacheDir, `corpus-${opts.files}`);
const corpora = [{ name: `generated (${opts.files} files)`, root: corpusDir, files: generateCorpus(corpusDir, { files: Number(opts.files) }) }];
for (const folder of folders) corpora.push({ name: folder, root: path.resolve(folder), files: listSources(path.resolve(folder)) });
function listSources(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || ['node_modules', 'dist', 'build'].includes(e.name)) continue;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(abs));
    else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(abs);
  }
  return out.sort();
}

// The CLI's per-file code path as a module the measuring process can load.
const checkBundle = path.join(tmp, 'check.cjs');
await bundleSource("export { checkFile } from './server/src/cli/check';\nexport { ConfigResolver } from './server/src/cli/config';\n", checkBundle, ROOT);

function measure(variant, files, passes) {
  const list = path.join(tmp, `list-${variant}.json`);
  fs.writeFileSync(list, JSON.stringify(files));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench/measure.mjs'), variant, list, String(passes), checkBundle], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${variant} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const results = {
  machine: { cpus: os.availableParallelism(), node: process.version, loadavg: os.loadavg() },
  corpora: [],
  bigFile: undefined,
  editor: {},
  targets: [],
};

for (const corpus of corpora) {
  const bytes = corpus.files.reduce((n, f) => n + fs.statSync(f).size, 0);
  log(`${corpus.name}: ${corpus.files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const parse = [];
  const visit = [];
  const oneRule = [];
  const analyze = [];
  const eslint = [];
  // Interleaved so that drift in machine load hits every variant alike. Each run: a fresh process, pass 1 cold, pass 2 warm.
  for (let i = 0; i < runs; i++) {
    log(`run ${i + 1}/${runs}: parse`);
    parse.push(measure('parse', corpus.files, 2));
    log(`run ${i + 1}/${runs}: parse + visit, parse + one rule`);
    visit.push(measure('visit', corpus.files, 2));
    oneRule.push(measure('one-rule', corpus.files, 2));
    log(`run ${i + 1}/${runs}: analyze`);
    analyze.push(measure('analyze', corpus.files, 2));
    if (!opts['skip-eslint']) {
      log(`run ${i + 1}/${runs}: eslint`);
      eslint.push(measure('eslint', corpus.files, 1));
    }
  }
  const med = (rs, pass, key) => (rs.length ? median(rs.map((r) => r.passes[pass][key])) : undefined);
  const cli = {};
  // One thread against one worker per core (what --concurrency auto would pick on a machine with more cores).
  for (const concurrency of ['1', String(os.availableParallelism())]) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      // --include-tests: the same files as the in-process runs, even in a folder such as test/fixtures.
      const r = spawnSync(
        process.execPath,
        [path.join(DIST, 'cli.js'), 'check', corpus.root, '--format', 'json', '--fail-on', 'none', '--include-tests', '--concurrency', concurrency],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
      );
      times.push(performance.now() - t);
      if (r.status !== 0) throw new Error(r.stderr);
    }
    cli[concurrency === '1' ? 'oneThreadMs' : 'workersMs'] = median(times);
    cli.workers = os.availableParallelism();
  }
  results.corpora.push({
    name: corpus.name,
    files: corpus.files.length,
    mb: bytes / 1e6,
    parse: { coldMs: med(parse, 0, 'wallMs'), warmMs: med(parse, 1, 'wallMs'), coldCpuMs: med(parse, 0, 'cpuMs') },
    visit: { coldMs: med(visit, 0, 'wallMs'), warmMs: med(visit, 1, 'wallMs'), coldCpuMs: med(visit, 0, 'cpuMs'), nodes: visit[0].passes[0].count },
    oneRule: { coldMs: med(oneRule, 0, 'wallMs'), warmMs: med(oneRule, 1, 'wallMs'), coldCpuMs: med(oneRule, 0, 'cpuMs'), hits: oneRule[0].passes[0].count },
    analyze: {
      coldMs: med(analyze, 0, 'wallMs'),
      warmMs: med(analyze, 1, 'wallMs'),
      coldCpuMs: med(analyze, 0, 'cpuMs'),
      findings: analyze[0].passes[0].count,
    },
    eslint: eslint.length ? { coldMs: med(eslint, 0, 'wallMs'), coldCpuMs: med(eslint, 0, 'cpuMs'), hits: eslint[0].passes[0].count } : undefined,
    cli,
    runs: { parse, visit, oneRule, analyze, eslint },
  });
}

// --- one big file -------------------------------------------------------------------------------
// A file's size alone must not cost more than its code: ~1 MB of generated handlers as one file and
// cut into 40, both through the CLI's per-file path (with the folder's .statushintsrc.json, which
// raises maxFileSizeKb), interleaved in fresh processes; and a 5 MB file, for time and peak memory.
// Two shapes: one NestJS controller (all handlers in one class), and one module per framework.
if (!opts['skip-big-file']) {
  const shapes = [
    { name: 'one NestJS controller', label: 'Nest controller', key: 'nest', framework: 'nest' },
    { name: 'one module per framework', label: 'mixed modules', key: 'mixed', framework: undefined },
  ];
  const loadavg = os.loadavg();
  const cases = shapes.map((shape) => ({
    ...shape,
    mb1: bigFileCorpus(path.join(cacheDir, `big-file-${shape.key}-1mb`), { bytes: 1e6, pieces: 40, framework: shape.framework }),
    mb5: bigFileCorpus(path.join(cacheDir, `big-file-${shape.key}-5mb`), { bytes: 5e6, pieces: 0, framework: shape.framework }),
    runs: { one: [], split: [], five: [] },
  }));
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      log(`run ${i + 1}/${runs}: ${c.name}: one 1 MB file, the same code in ${c.mb1.split.length} files, one 5 MB file`);
      c.runs.one.push(measure('analyze', c.mb1.one, 1));
      c.runs.split.push(measure('analyze', c.mb1.split, 1));
      c.runs.five.push(measure('analyze', c.mb5.one, 1));
    }
  }
  const summary = (rs, files) => ({
    files: files.length,
    mb: files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6,
    coldMs: median(rs.map((r) => r.passes[0].wallMs)),
    coldCpuMs: median(rs.map((r) => r.passes[0].cpuMs)),
    peakRssMb: median(rs.map((r) => r.peakRssMb)),
    findings: rs[0].passes[0].count,
  });
  results.bigFile = {
    loadavg,
    cases: cases.map((c) => {
      for (const r of Object.values(c.runs).flat()) if (r.skipped > 0) throw new Error(`${c.name}: a file was skipped, its .statushintsrc.json did not apply`);
      const one = summary(c.runs.one, c.mb1.one);
      const split = summary(c.runs.split, c.mb1.split);
      return { name: c.name, label: c.label, one, split, ratio: one.coldMs / split.coldMs, fiveMb: summary(c.runs.five, c.mb5.one), runs: c.runs };
    }),
  };
}

// --- editor -------------------------------------------------------------------------------------
if (!opts['skip-editor']) {
  // What users run: the production (minified) server bundles, started with the VS Code client's node flags.
  const serverDist = path.join(tmp, 'server-dist');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production', '--only=server'], {
    cwd: ROOT,
    env: { ...process.env, STATUS_HINTS_DIST: serverDist },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the production server failed:\n${build.stderr}`);
  const { SERVER_NODE_FLAGS } = createRequire(import.meta.url)(path.join(DIST, 'analysis.js'));
  editor.configure({ serverScript: path.join(serverDist, 'server.js'), nodeArgs: SERVER_NODE_FLAGS });
  results.editor.server = { bundle: 'production', nodeFlags: SERVER_NODE_FLAGS };
  const big = largeFile(3000);
  log('editor: start-up');
  results.editor.startup = await editor.startup(5);
  log('editor: 200 edits on a 3,000-line file, hover');
  results.editor.edits = await editor.editLatency(big);
  results.editor.reparseFloor = editor.reparseFloor(big);
  results.editor.transportFloor = await editor.transportFloor();
  log(`editor: RSS with ${corpora[0].files.length} files open`);
  results.editor.openAll = await editor.rssWithFilesOpen(corpora[0].files);
  log('editor: memory over 10,000 edits');
  results.editor.memory = await editor.memoryOverEdits(big);
  log('editor: typing burst');
  results.editor.burst = await editor.typingBurst(big, DIST);
  const scanFiles = Number(opts['scan-files']);
  log(`editor: hover during a workspace scan of ${scanFiles} files`);
  const scanDir = path.join(cacheDir, `workspace-${scanFiles}`);
  generateCorpus(scanDir, { files: scanFiles, seed: 99 });
  results.editor.scan = await editor.hoverDuringScan(scanDir, scanFiles, big);
}

// --- precision / recall, package size --------------------------------------------------------------
const scorer = path.join(ROOT, 'bench/corpus-score.mjs');
if (fs.existsSync(scorer)) {
  try {
    const { scoreCorpus, loadApi, formatScore } = await import(scorer);
    const score = scoreCorpus(loadApi(DIST));
    results.corpusScore = { overall: score.overall, rules: score.rules };
    results.corpusScoreText = formatScore(score);
  } catch (e) {
    log(`corpus-score failed: ${e.message}`);
  }
} else log('bench/corpus-score.mjs not found: precision/recall skipped');
const vsix = fs
  .readdirSync(ROOT)
  .filter((f) => f.endsWith('.vsix'))
  .map((f) => ({ f, stat: fs.statSync(path.join(ROOT, f)) }))
  .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)[0];
if (vsix) results.vsix = { file: vsix.f, mb: vsix.stat.size / 1e6 };

// --- targets and table --------------------------------------------------------------------------
const g = results.corpora[0];
// `floor`: the same measure for something that does less than status-hints, on this machine, run alongside.
const target = (name, value, limit, unit, pass, floor) =>
  results.targets.push({ name, value, limit, unit, pass: value === undefined ? undefined : pass, ...(floor && { floor }) });
target('full analysis / bare parse (cold)', g.analyze.coldMs / g.parse.coldMs, 1.25, 'x', g.analyze.coldMs / g.parse.coldMs <= 1.25, {
  what: "parse + c's one rule, a1/a",
  value: g.oneRule.coldMs / g.parse.coldMs,
});
for (const c of results.bigFile?.cases ?? []) target(`1 MB / 40 files, ${c.label}`, c.ratio, 1.3, 'x', c.ratio <= 1.3);
if (g.eslint)
  target('ESLint / full analysis (cold)', g.eslint.coldMs / g.analyze.coldMs, 15, 'x', g.eslint.coldMs / g.analyze.coldMs >= 15, {
    what: 'ESLint / (parse + its one rule), c/a1',
    value: g.eslint.coldMs / g.oneRule.coldMs,
  });
const e = results.editor;
if (e.edits)
  target('edit → diagnostics p95, 3,000 lines', e.edits.editP95, 5, 'ms', e.edits.editP95 <= 5, {
    what: 'the LSP path alone, 3-line file, p95',
    value: e.transportFloor.editP95,
  });
if (e.startup) target('server start → initialize result', e.startup.readyMs, 300, 'ms', e.startup.readyMs <= 300);
if (e.openAll) target(`server RSS, ${e.openAll.files} files open`, e.openAll.rssMb, 200, 'MB', e.openAll.rssMb <= 200);
if (e.memory) target('live heap growth over 10,000 edits', (100 * e.memory.heapGrowthMb) / e.memory.samples[1].heapMb, 10, '%', e.memory.flat);
if (results.vsix) target('.vsix size', results.vsix.mb, 2, 'MB', results.vsix.mb <= 2);

const f = (x, d = 0) => (x === undefined ? '-' : x.toFixed(d));
const lines = [];
lines.push(
  `machine: ${results.machine.cpus} cores, node ${results.machine.node}, load average at start ${results.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}; median of ${runs} runs`,
);
for (const c of results.corpora) {
  lines.push('', `corpus: ${c.name}, ${c.files} files, ${c.mb.toFixed(1)} MB`);
  lines.push('  variant                              cold ms   warm ms   cold CPU ms   MB/s (cold)');
  const row = (name, m) =>
    lines.push(
      `  ${name.padEnd(36)} ${f(m.coldMs).padStart(8)}  ${f(m.warmMs).padStart(8)}  ${f(m.coldCpuMs).padStart(12)}  ${f(c.mb / (m.coldMs / 1000), 1).padStart(12)}`,
    );
  row('(a) TypeScript createSourceFile', c.parse);
  // The floors: what walking TypeScript's tree costs before any analysis, and with the ESLint variant's one rule.
  row(`(a+) a, then visit all ${(c.visit.nodes / 1e6).toFixed(1)}M nodes`, c.visit);
  row(`(a1) a + c's one rule (${c.oneRule.hits} hits)`, c.oneRule);
  row(`(b) status-hints analysis (${c.analyze.findings} findings)`, c.analyze);
  if (c.eslint) row(`(c) ESLint + ts parser (${c.eslint.hits} hits)`, c.eslint);
  lines.push(
    `  ratios: b/a ${f(c.analyze.coldMs / c.parse.coldMs, 2)} cold, ${f(c.analyze.warmMs / c.parse.warmMs, 2)} warm${c.eslint ? `; c/b ${f(c.eslint.coldMs / c.analyze.coldMs, 1)}` : ''}`,
  );
  lines.push(
    `  floors: a+/a ${f(c.visit.coldMs / c.parse.coldMs, 2)}, a1/a ${f(c.oneRule.coldMs / c.parse.coldMs, 2)} cold${c.eslint ? `; c/a1 ${f(c.eslint.coldMs / c.oneRule.coldMs, 1)} (ESLint against the same one rule on TypeScript's tree)` : ''}`,
  );
  lines.push(`  CLI end to end (--format json): one thread ${f(c.cli.oneThreadMs)} ms, ${c.cli.workers} worker threads ${f(c.cli.workersMs)} ms`);
}
if (results.bigFile) {
  const b = results.bigFile;
  lines.push(
    '',
    `one big file against the same code in 40 files (the CLI's per-file path; the folder's .statushintsrc.json raises maxFileSizeKb; load average at start ${b.loadavg.map((x) => x.toFixed(1)).join(' ')})`,
  );
  const row = (name, m) =>
    lines.push(
      `    ${name.padEnd(26)} ${f(m.coldMs).padStart(7)} ms, CPU ${f(m.coldCpuMs).padStart(6)} ms, peak RSS ${f(m.peakRssMb).padStart(4)} MB, ${m.findings} findings`,
    );
  for (const c of b.cases) {
    lines.push(`  ${c.name}: one / ${c.split.files} files ${f(c.ratio, 2)} (CPU ${f(c.one.coldCpuMs / c.split.coldCpuMs, 2)})`);
    row(`one file, ${c.one.mb.toFixed(2)} MB`, c.one);
    row(`${c.split.files} files, ${c.split.mb.toFixed(2)} MB`, c.split);
    row(`one file, ${c.fiveMb.mb.toFixed(2)} MB`, c.fiveMb);
  }
}
if (e.startup) {
  lines.push('', `editor (LSP over stdio, production server bundle, node ${e.server.nodeFlags.join(' ')})`);
  lines.push(`  start → initialize result: ${f(e.startup.readyMs)} ms (median of 5)`);
  lines.push(
    `  edit → diagnostics on ${e.edits.lines} lines: p50 ${f(e.edits.editP50, 1)} ms, p95 ${f(e.edits.editP95, 1)} ms; hover p50 ${f(e.edits.hoverP50, 1)} ms, p95 ${f(e.edits.hoverP95, 1)} ms`,
  );
  const r = e.reparseFloor;
  lines.push(
    `  the floors under it: TypeScript alone on the same edits, ts.updateSourceFile p50 ${f(r.incrementalP50, 1)} ms, p95 ${f(r.incrementalP95, 1)} ms (a full createSourceFile p50 ${f(r.fullP50, 1)} ms);`,
  );
  lines.push(
    `    the LSP path alone, the same edit on a ${e.transportFloor.lines}-line file: p50 ${f(e.transportFloor.editP50, 1)} ms, p95 ${f(e.transportFloor.editP95, 1)} ms`,
  );
  lines.push(
    `  RSS: ${f(e.openAll.rssBeforeMb)} MB idle, ${f(e.openAll.rssMb)} MB with ${e.openAll.files} files open (live heap after GC ${f(e.openAll.heapAfterGcMb)} MB)`,
  );
  lines.push(
    `  memory over 10,000 edits, live heap after GC: ${e.memory.samples.map((s) => `${s.edits}: ${f(s.heapMb, 1)} MB`).join(', ')} (${e.memory.flat ? 'flat' : 'GROWING'}); RSS ${e.memory.samples.map((s) => f(s.rssMb)).join(' → ')} MB`,
  );
  lines.push(
    `  typing burst: ${e.burst.edits} changes in 2 s → ${e.burst.publishes} publishes, ${f(e.burst.settleMs)} ms after the last change; last for the last version: ${e.burst.lastIsLatest}; correct: ${e.burst.correct}`,
  );
  lines.push(
    `  workspace scan of ${e.scan.files} files: ${f(e.scan.scanMs)} ms; hover during it p50 ${f(e.scan.hoverP50, 1)} ms, p95 ${f(e.scan.hoverP95, 1)} ms, max ${f(e.scan.hoverMax, 1)} ms (${e.scan.hovers} hovers); peak RSS ${f(e.scan.peakRssMb)} MB`,
  );
}
if (results.corpusScoreText) lines.push('', 'precision / recall on test/fixtures/corpus', ...results.corpusScoreText.split('\n').map((l) => `  ${l}`));
const real = loadRealCode();
if (real) {
  results.realCode = { date: real.date, commit: real.cli.commit, overall: real.overall, rules: real.rules };
  lines.push(
    '',
    'precision / recall on real back ends (bench/real-code/results.json; refresh: node bench/real-code/score.mjs)',
    ...realCodeText(real, results.corpusScore)
      .split('\n')
      .map((l) => `  ${l}`),
  );
}
if (results.vsix) lines.push('', `.vsix: ${results.vsix.file} ${results.vsix.mb.toFixed(2)} MB`);
lines.push('', 'targets');
for (const t of results.targets) {
  const floor = t.floor ? `; floor: ${t.floor.what} ${f(t.floor.value, t.unit === 'x' ? 2 : 1)} ${t.unit}` : '';
  lines.push(
    `  ${t.pass === undefined ? '    ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(40)} ${f(t.value, t.unit === 'x' ? 2 : 1).padStart(8)} ${t.unit}  (target ${t.name.startsWith('ESLint') ? '≥' : '≤'} ${t.limit} ${t.unit}${floor})`,
  );
}
process.stdout.write(lines.join('\n') + '\n');
fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify({ ...results, table: lines }, null, 2) + '\n');
fs.rmSync(tmp, { recursive: true, force: true });
