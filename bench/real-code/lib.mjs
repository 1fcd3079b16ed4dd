// Shared by the real-code evaluation scripts: the repository list, where checkouts and mirrors live,
// the checked paths of a repository, and the labels files (read, validate, append).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const REPOS_TSV = path.join(HERE, 'repos.tsv');
export const LABELS_DIR = path.join(HERE, 'labels');
export const RESULTS_JSON = path.join(HERE, 'results.json');
export const CHECKOUTS = path.resolve(process.env.REAL_CODE_DIR ?? '/work/eval/checkouts');
export const MIRRORS = path.resolve(process.env.REAL_CODE_MIRRORS ?? '/work/.mirror');

export const LABEL_HEADER = ['kind', 'path', 'line', 'rule', 'verdict', 'note'];
export const FINDING_VERDICTS = new Set(['tp', 'fp', '?']);
export const SAMPLE_VERDICTS = new Set(['ok', 'problem', '?']);

/** Rule ids, from the rule docs (the scripts never load the analyzer to learn them). */
export const RULE_IDS = fs
  .readdirSync(path.join(ROOT, 'docs/rules'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

/** repos.tsv as objects: { repo, commit, frameworks[], paths[], note, slug }. */
export function readRepos(file = REPOS_TSV) {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift().split('\t');
  if (header.join('\t') !== 'repo\tcommit\tframeworks\tpaths\tnote') throw new Error(`${file}: unexpected header`);
  return lines.map((line, i) => {
    const [repo, commit, frameworks, paths, note] = line.split('\t');
    if (!/^[\w.-]+\/[\w.-]+$/.test(repo ?? '') || !/^[0-9a-f]{40}$/.test(commit ?? '') || !paths) {
      throw new Error(`${file}:${i + 2}: malformed row`);
    }
    return { repo, commit, frameworks: frameworks.split(','), paths: paths.split(','), note, slug: repo.replace('/', '+') };
  });
}

/** Keep the repositories named by --repo flags (owner/name or owner+name); all when none. */
export function selectRepos(repos, wanted) {
  if (!wanted || wanted.length === 0) return repos;
  const keys = new Set(wanted.map((w) => w.replace('+', '/').toLowerCase()));
  const picked = repos.filter((r) => keys.has(r.repo.toLowerCase()));
  for (const w of keys) if (!picked.some((r) => r.repo.toLowerCase() === w)) throw new Error(`not in repos.tsv: ${w}`);
  return picked;
}

export const checkoutOf = (r) => path.join(CHECKOUTS, r.slug);
export const COMMIT_MARK = '.real-code-commit';

/** True when the checkout exists and was extracted at the pinned commit. */
export function hasCheckout(r) {
  try {
    return fs.readFileSync(path.join(checkoutOf(r), COMMIT_MARK), 'utf8').trim() === r.commit;
  } catch {
    return false;
  }
}

/** The git directory of a repository's mirror, or undefined when it is not there. */
export function mirrorOf(r) {
  const base = path.join(MIRRORS, r.slug, 'repo');
  for (const dir of [path.join(base, '.git'), base]) {
    if (fs.existsSync(path.join(dir, 'HEAD')) && fs.existsSync(path.join(dir, 'objects'))) return dir;
  }
  return undefined;
}

/**
 * The checked paths of a repository, relative to its root, that exist in the checkout. A `*`
 * segment stands for every folder at that level (`plugins/*\/server`). Returns { paths, missing }.
 */
export function expandPaths(r) {
  const root = checkoutOf(r);
  const paths = [];
  const missing = [];
  for (const pattern of r.paths) {
    let found = [''];
    for (const seg of pattern.split('/').filter((s) => s && s !== '.')) {
      const next = [];
      for (const base of found) {
        if (seg !== '*') {
          next.push(base ? `${base}/${seg}` : seg);
          continue;
        }
        let entries = [];
        try {
          entries = fs.readdirSync(path.join(root, base), { withFileTypes: true });
        } catch {}
        for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
          next.push(base ? `${base}/${e.name}` : e.name);
        }
      }
      found = next;
    }
    const existing = found.map((p) => p || '.').filter((p) => fs.existsSync(path.join(root, p)));
    if (existing.length === 0) missing.push(pattern);
    paths.push(...existing);
  }
  return { paths: [...new Set(paths)], missing };
}

export const labelsFileOf = (r) => path.join(LABELS_DIR, `${r.slug}.tsv`);

/** The rows of a labels file ([] when it does not exist yet), each with its 1-based file line. */
export function readLabels(r) {
  const file = labelsFileOf(r);
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== LABEL_HEADER.join('\t')) throw new Error(`${file}:1: the header must be: ${LABEL_HEADER.join(' TAB ')}`);
  const rows = [];
  lines.slice(1).forEach((text, i) => {
    if (!text.trim()) return;
    const [kind, p, line, rule, verdict, note = ''] = text.split('\t');
    rows.push({ kind, path: p, line: Number(line), rule, verdict, note, fileLine: i + 2 });
  });
  return rows;
}

/** Problems in a repository's labels: unknown kinds, verdicts or rules, bad lines. */
export function checkLabels(r, rows) {
  const problems = [];
  const at = (row) => `${path.relative(ROOT, labelsFileOf(r))}:${row.fileLine}`;
  for (const row of rows) {
    if (row.kind !== 'finding' && row.kind !== 'sample') problems.push(`${at(row)}: kind must be finding or sample`);
    if (!Number.isInteger(row.line) || row.line < 1) problems.push(`${at(row)}: line must be a positive integer`);
    if (!row.path || row.path.startsWith('/') || row.path.split('/').includes('..')) problems.push(`${at(row)}: path must be relative to the repository root`);
    if (row.kind === 'finding') {
      if (!RULE_IDS.includes(row.rule)) problems.push(`${at(row)}: unknown rule ${row.rule}`);
      if (!FINDING_VERDICTS.has(row.verdict)) problems.push(`${at(row)}: a finding's verdict is tp, fp or ?`);
    }
    if (row.kind === 'sample') {
      if (!SAMPLE_VERDICTS.has(row.verdict)) problems.push(`${at(row)}: a sample's verdict is ok, problem or ?`);
      if (row.rule !== '-' && row.rule !== '?' && !RULE_IDS.includes(row.rule)) problems.push(`${at(row)}: unknown rule ${row.rule}`);
      if (row.verdict === 'problem' && !RULE_IDS.includes(row.rule)) problems.push(`${at(row)}: a problem names the rule that should fire`);
      if (row.verdict === 'ok' && row.rule !== '-') problems.push(`${at(row)}: an ok sample has rule -`);
    }
  }
  return problems;
}

const clean = (s) =>
  String(s)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();

/** Append rows to a repository's labels file, creating it with its header (also when no rows). */
export function appendLabels(r, rows) {
  const file = labelsFileOf(r);
  if (rows.length === 0 && fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${LABEL_HEADER.join('\t')}\n`;
  if (!text.endsWith('\n')) text += '\n';
  for (const row of rows) text += [row.kind, row.path, row.line, row.rule, row.verdict, row.note ?? ''].map(clean).join('\t') + '\n';
  fs.writeFileSync(file, text);
}

export const ratio = (a, b) => (b === 0 ? null : a / b);
/** Rounded down, so 99.6% never shows as a flattering 100%. */
export const pct = (x) => (x === null || x === undefined ? '     -' : `${(Math.floor(x * 1000) / 10).toFixed(1).padStart(5)}%`);
