// Score status-hints on whole public back ends: run the built CLI on every checked-out repository of
// repos.tsv, exactly as a user would (`status-hints check <paths> --format json` from the repository's
// root, default options), match its findings to the judged rows of labels/<owner>+<name>.tsv and
// print precision (over judged findings) and recall (over the judged random sample of status sites).
//   node bench/real-code/score.mjs [--repo owner/name]... [--rule id] [--unjudged] [--write-new] [--skipped]
//     --unjudged   print every finding without a verdict, with 8 lines of context either side
//     --unjudged-sample  the same for the sampled sites without a verdict (no findings shown: judge
//                  the sample blind, before the findings of the same repository)
//     --write-new  append findings that have no row yet to the labels files, verdict ?
//     --skipped    also list the files the CLI skipped (too large, minified, unparsable), with the reason
// Needs `npm run build`. Writes bench/real-code/results.json (figures only) after a run over every
// repository; exits 0 even when checkouts are missing (it says which, and prints the stored results).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  RESULTS_JSON,
  ROOT,
  RULE_IDS,
  appendLabels,
  checkLabels,
  checkoutOf,
  expandPaths,
  hasCheckout,
  pct,
  ratio,
  readLabels,
  readRepos,
  selectRepos,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    repo: { type: 'string', multiple: true },
    rule: { type: 'string' },
    unjudged: { type: 'boolean', default: false },
    'unjudged-sample': { type: 'boolean', default: false },
    'write-new': { type: 'boolean', default: false },
    skipped: { type: 'boolean', default: false },
  },
});
const CLI = path.join(ROOT, 'dist/cli.js');
const NEAR = 3; // a sampled problem counts as found when a finding of its rule is this close (lines)
const CONTEXT = 8;
const out = (line = '') => process.stdout.write(`${line}\n`);
if (opts.rule && !RULE_IDS.includes(opts.rule)) {
  out(`unknown rule: ${opts.rule}`);
  process.exit(2);
}

/** Run the CLI in `cwd`; resolves { code, stdout, stderr, seconds }. */
function runCli(cwd, args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'check', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      }),
    );
  });
}

/** Pair each finding with a finding row of the same path, line and rule (each row used once). */
function matchFindings(findings, rows) {
  const open = new Map();
  for (const row of rows.filter((r) => r.kind === 'finding')) {
    const key = `${row.path}\0${row.line}\0${row.rule}`;
    if (!open.has(key)) open.set(key, []);
    open.get(key).push(row);
  }
  const matched = findings.map((f) => ({ finding: f, row: open.get(`${f.file}\0${f.line}\0${f.rule}`)?.shift() }));
  const gone = [...open.values()].flat();
  return { matched, gone };
}

const emptyCounts = () => ({ findings: 0, tp: 0, fp: 0, unjudged: 0, strongFindings: 0, strongTp: 0, strongFp: 0, problems: 0, found: 0 });

function tally(perRepo) {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, emptyCounts()]));
  const sample = { rows: 0, unjudged: 0, ok: 0, problem: 0, outOfScope: 0 };
  for (const rep of perRepo) {
    for (const { finding, row } of rep.matched) {
      const c = rules[finding.rule];
      const strong = finding.severity === 'warning' || finding.severity === 'error';
      const verdict = row?.verdict ?? '?';
      c.findings++;
      if (strong) c.strongFindings++;
      if (verdict === 'tp') (c.tp++, strong && c.strongTp++);
      else if (verdict === 'fp') (c.fp++, strong && c.strongFp++);
      else c.unjudged++;
    }
    for (const row of rep.rows.filter((r) => r.kind === 'sample')) {
      sample.rows++;
      if (row.verdict === '?') sample.unjudged++;
      if (row.verdict === 'ok') sample.ok++;
      if (row.verdict === 'ok' && /^out of scope/i.test(row.note)) sample.outOfScope++;
      if (row.verdict !== 'problem' || !rules[row.rule]) continue;
      sample.problem++;
      rules[row.rule].problems++;
      const near = rep.findings.some((f) => f.rule === row.rule && f.file === row.path && Math.abs(f.line - row.line) <= NEAR);
      if (near) rules[row.rule].found++;
    }
  }
  const overall = emptyCounts();
  for (const c of Object.values(rules)) for (const k of Object.keys(overall)) overall[k] += c[k];
  const withRatios = (c) => ({
    ...c,
    precision: ratio(c.tp, c.tp + c.fp),
    precisionWarningsErrors: ratio(c.strongTp, c.strongTp + c.strongFp),
    recall: ratio(c.found, c.problems),
  });
  return {
    rules: RULE_IDS.map((id) => ({ id, ...withRatios(rules[id]) })),
    overall: withRatios(overall),
    sample,
  };
}

function printScore(results) {
  const w = Math.max(...RULE_IDS.map((id) => id.length), 'warnings+errors'.length);
  out(`${'repository'.padEnd(36)} ${'files'.padStart(6)} ${'findings'.padStart(8)} ${'seconds'.padStart(8)}  status`);
  for (const r of results.repos) {
    const n = Object.values(r.findingsByRule ?? {}).reduce((a, b) => a + b, 0);
    const status = r.error ? `error: ${r.error}` : r.exitCode === undefined ? '' : `exit ${r.exitCode}`;
    out(`${r.repo.padEnd(36)} ${String(r.filesScanned ?? '-').padStart(6)} ${String(n).padStart(8)} ${(r.seconds?.toFixed(1) ?? '-').padStart(8)}  ${status}`);
  }
  out();
  out(`${'rule'.padEnd(w)} findings    tp    fp     ?  precision | sample problems found  recall`);
  const row = (name, c, precision = c.precision) =>
    `${name.padEnd(w)} ${String(c.findings).padStart(8)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.unjudged).padStart(5)}     ${pct(precision)} | ${String(c.problems).padStart(15)} ${String(c.found).padStart(5)}  ${pct(c.recall)}`;
  for (const c of results.rules) if (!opts.rule || c.id === opts.rule) out(row(c.id, c));
  const o = results.overall;
  out(row('overall', o));
  out(
    `${'warnings+errors'.padEnd(w)} ${String(o.strongFindings).padStart(8)} ${String(o.strongTp).padStart(5)} ${String(o.strongFp).padStart(5)} ${String(o.strongFindings - o.strongTp - o.strongFp).padStart(5)}     ${pct(o.precisionWarningsErrors)} |`,
  );
  const s = results.sample;
  out();
  out(
    `sample: ${s.rows} status sites, ${s.rows - s.unjudged} judged: ${s.ok} ok (${s.outOfScope} of them a problem out of the rules' scope), ${s.problem} problems, ${s.unjudged} not judged yet`,
  );
  out(`precision is over judged findings; recall counts a sampled problem as found when a finding of its rule is within ±${NEAR} lines.`);
}

function printStored(reason) {
  out(reason);
  if (!fs.existsSync(RESULTS_JSON)) return out('no stored results yet (bench/real-code/results.json).');
  const stored = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8'));
  out(`stored results of ${stored.date} (status-hints ${stored.cli.version}${stored.cli.commit ? ` at ${stored.cli.commit.slice(0, 12)}` : ''}):`);
  out();
  printScore(stored);
}

function contextOf(checkout, file, line) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(checkout, file), 'utf8').split(/\r?\n/);
  } catch {
    return '    (file not readable)';
  }
  const from = Math.max(1, line - CONTEXT);
  const to = Math.min(lines.length, line + CONTEXT);
  const shown = [];
  for (let n = from; n <= to; n++) shown.push(`${n === line ? '>' : ' '}${String(n).padStart(6)}  ${lines[n - 1]}`);
  return shown.join('\n');
}

const startLoad = os.loadavg().map((x) => Math.round(x * 10) / 10);

async function main() {
  const repos = selectRepos(readRepos(), opts.repo);
  if (!fs.existsSync(CLI)) return printStored('dist/cli.js is missing: run `npm run build` first.');
  const present = repos.filter(hasCheckout);
  const absent = repos.filter((r) => !hasCheckout(r));
  for (const r of absent) out(`${r.repo}: no checkout at ${r.commit.slice(0, 12)} in ${checkoutOf(r)} (run bench/real-code/checkout.mjs)`);
  if (present.length === 0) return printStored('no checkouts to score.');

  const perRepo = [];
  for (const r of present) {
    const checkout = checkoutOf(r);
    const { paths, missing } = expandPaths(r);
    for (const p of missing) out(`${r.repo}: path ${p} is not in the checkout`);
    process.stderr.write(`${r.repo}: checking ${paths.length} path(s)...\n`);
    const run = await runCli(checkout, [...paths, '--format', 'json']);
    const rep = { r, rows: readLabels(r), findings: [], filesScanned: undefined, seconds: run.seconds, exitCode: run.code };
    for (const p of checkLabels(r, rep.rows)) out(p);
    try {
      const json = JSON.parse(run.stdout);
      rep.filesScanned = json.filesScanned;
      rep.findings = json.findings.map((f) => ({ ...f, file: f.file.split(path.sep).join('/') }));
    } catch {
      rep.error = run.stderr.trim().split('\n').at(-1) || `no JSON output (exit ${run.code})`;
      out(`${r.repo}: the CLI failed: ${rep.error}`);
    }
    for (const line of run.stderr.split('\n').filter((l) => l.startsWith('status-hints: warning'))) out(`${r.repo}: ${line}`);
    if (opts.skipped && !rep.error) {
      const text = await runCli(checkout, [...paths, '--fail-on', 'none']);
      rep.skipped = text.stdout
        .split('\n')
        .filter((l) => /: skipped: /.test(l))
        .map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
      for (const l of rep.skipped) out(`${r.repo}: ${l}`);
    }
    const { matched, gone } = matchFindings(rep.findings, rep.rows);
    rep.matched = matched;
    for (const row of gone) {
      out(`${r.repo}: ${row.path}:${row.line} ${row.rule} (${row.verdict}) is no longer reported`);
    }
    perRepo.push(rep);
  }

  if (opts.unjudged || opts['unjudged-sample']) {
    for (const rep of perRepo) {
      for (const { finding: f, row } of opts.unjudged ? rep.matched : []) {
        if (row && row.verdict !== '?') continue;
        if (opts.rule && f.rule !== opts.rule) continue;
        out(`\n=== ${rep.r.repo} ${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}${row ? '' : '  (no row yet)'}`);
        out(`    ${f.message}`);
        out(contextOf(checkoutOf(rep.r), f.file, f.line));
      }
      if (!opts['unjudged-sample']) continue;
      for (const row of rep.rows.filter((x) => x.kind === 'sample' && x.verdict === '?')) {
        out(`\n=== ${rep.r.repo} ${row.path}:${row.line}  sampled site (${row.note})`);
        out(contextOf(checkoutOf(rep.r), row.path, row.line));
      }
    }
    out();
  }

  if (opts['write-new']) {
    let added = 0;
    for (const rep of perRepo) {
      const fresh = rep.matched.filter((m) => !m.row).map((m) => m.finding);
      fresh.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
      appendLabels(
        rep.r,
        fresh.map((f) => ({ kind: 'finding', path: f.file, line: f.line, rule: f.rule, verdict: '?', note: '' })),
      );
      for (const m of rep.matched) if (!m.row) m.row = { verdict: '?' };
      added += fresh.length;
    }
    out(`--write-new: ${added} new finding row(s) added with verdict ?`);
  }

  const score = tally(perRepo);
  const cliCommit = await gitHead();
  const results = {
    date: new Date().toISOString().slice(0, 10),
    cli: { version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, commit: cliCommit },
    // Seconds are wall-clock: on a shared machine read them with the load average of the run.
    machine: {
      cpus: os.availableParallelism(),
      node: process.version,
      loadavgAtStart: startLoad,
      loadavgAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
    },
    repos: perRepo.map((rep) => ({
      repo: rep.r.repo,
      commit: rep.r.commit,
      filesScanned: rep.filesScanned,
      findingsByRule: Object.fromEntries(RULE_IDS.map((id) => [id, rep.findings.filter((f) => f.rule === id).length]).filter(([, n]) => n > 0)),
      seconds: Math.round(rep.seconds * 10) / 10,
      exitCode: rep.exitCode,
      ...(rep.error ? { error: rep.error } : {}),
      ...(rep.skipped ? { skippedFiles: rep.skipped.length } : {}),
    })),
    ...score,
  };
  out();
  printScore(results);
  const full = !opts.repo && absent.length === 0;
  if (full) {
    fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + '\n');
    out(`\nwrote ${path.relative(process.cwd(), RESULTS_JSON)}`);
  } else out('\npartial run: results.json left as it was.');
}

function gitHead() {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('close', (code) => resolve(code === 0 ? text.trim() : undefined));
    child.on('error', () => resolve(undefined));
  });
}

await main();
