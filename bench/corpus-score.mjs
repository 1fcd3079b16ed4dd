// Precision and recall of every rule on the labelled corpus (test/fixtures/corpus, see its README):
// a finding on a line labelled `// expect: <rule-id>` is a true positive, a finding anywhere else a
// false positive, a label no finding matches a false negative. Matched on (file, line, rule id).
//   node bench/corpus-score.mjs [--verbose] [--rule <id>] [--json]     (after `npm run build`)
// scoreCorpus() is pure apart from reading the files, and is what test/unit/corpus.test.mjs asserts on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(ROOT, 'test/fixtures/corpus');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const LABEL = /\/\/\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function loadApi(dist = process.env.STATUS_HINTS_DIST ?? path.join(ROOT, 'dist')) {
  return createRequire(import.meta.url)(path.resolve(ROOT, dist, 'analysis.js'));
}

export function corpusFiles(dir = CORPUS) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusFiles(abs));
    else if (SOURCE.test(entry.name)) out.push(abs);
  }
  return out.sort();
}

/** `// expect:` labels of a text: 1-based line → rule ids (a rule may be listed twice for two findings). */
export function labelsOf(text) {
  const labels = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = LABEL.exec(line);
    if (m)
      labels.set(
        i + 1,
        m[1].split(',').map((s) => s.trim()),
      );
  });
  return labels;
}

/** Every rule switched on (a rule `off` by default is scored at `warning`), the recommended preset otherwise. */
export function scoringSettings(api) {
  const rules = {};
  for (const r of api.rules) if (api.severityFor(r.id, api.DEFAULT_SETTINGS) === 'off') rules[r.id] = 'warning';
  return { ...api.DEFAULT_SETTINGS, rules };
}

const ratio = (a, b) => (b === 0 ? undefined : a / b);

/**
 * Score the corpus. Returns per-rule and overall counts, with every false positive and negative
 * (file relative to the corpus, 1-based line) for a report.
 */
export function scoreCorpus(api, { dir = CORPUS, settings = scoringSettings(api) } = {}) {
  const perRule = new Map(api.rules.map((r) => [r.id, { tp: 0, fp: 0, fn: 0 }]));
  const falsePositives = [];
  const falseNegatives = [];
  const unknownLabels = [];
  for (const file of corpusFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const lineStarts = api.computeLineStarts(text);
    const expected = new Map(); // "line rule" → count
    for (const [line, ids] of labelsOf(text)) {
      for (const id of ids) {
        if (!perRule.has(id)) unknownLabels.push({ file: rel, line, ruleId: id });
        else expected.set(`${line} ${id}`, (expected.get(`${line} ${id}`) ?? 0) + 1);
      }
    }
    const found = new Map();
    const messages = new Map();
    for (const f of api.analyzeText(text, file, settings).findings) {
      const key = `${api.positionAt(lineStarts, f.start).line + 1} ${f.ruleId}`;
      found.set(key, (found.get(key) ?? 0) + 1);
      if (!messages.has(key)) messages.set(key, f.message);
    }
    for (const key of new Set([...expected.keys(), ...found.keys()])) {
      const [lineText, ruleId] = key.split(' ');
      const line = Number(lineText);
      const e = expected.get(key) ?? 0;
      const g = found.get(key) ?? 0;
      const counts = perRule.get(ruleId);
      if (!counts) continue;
      const tp = Math.min(e, g);
      counts.tp += tp;
      counts.fp += g - tp;
      counts.fn += e - tp;
      if (g > tp) falsePositives.push({ file: rel, line, ruleId, message: messages.get(key) });
      if (e > tp) falseNegatives.push({ file: rel, line, ruleId });
    }
  }
  const rules = [...perRule].map(([id, c]) => ({ id, ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }));
  const total = rules.reduce((t, r) => ({ tp: t.tp + r.tp, fp: t.fp + r.fp, fn: t.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    rules,
    overall: { ...total, precision: ratio(total.tp, total.tp + total.fp), recall: ratio(total.tp, total.tp + total.fn) },
    falsePositives,
    falseNegatives,
    unknownLabels,
  };
}

// Rounded down: 213/214 shows 99%, never a flattering 100%.
const pct = (x) => (x === undefined ? '   -' : `${String(Math.floor(x * 100)).padStart(3)}%`);

export function formatScore(score, { verbose = false } = {}) {
  const width = Math.max(...score.rules.map((r) => r.id.length), 7);
  const row = (name, r) =>
    `${name.padEnd(width)}  ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${pct(r.precision)}  ${pct(r.recall)}`;
  const out = [`${'rule'.padEnd(width)}    TP   FP   FN  prec.  recall`, ...score.rules.map((r) => row(r.id, r)), row('overall', score.overall)];
  if (verbose) {
    for (const f of score.falsePositives) out.push(`FP ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
    for (const f of score.falseNegatives) out.push(`FN ${f.file}:${f.line} ${f.ruleId}`);
  }
  for (const u of score.unknownLabels) out.push(`unknown rule in a label: ${u.file}:${u.line} ${u.ruleId}`);
  return out.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
  const score = scoreCorpus(loadApi());
  if (only) {
    score.rules = score.rules.filter((r) => r.id === only);
    score.falsePositives = score.falsePositives.filter((f) => f.ruleId === only);
    score.falseNegatives = score.falseNegatives.filter((f) => f.ruleId === only);
  }
  process.stdout.write((args.includes('--json') ? JSON.stringify(score, null, 2) : formatScore(score, { verbose: args.includes('--verbose') })) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
