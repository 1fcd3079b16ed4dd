// Draw the seeded random sample of status sites that recall is measured on, and append it to the
// labels files as `sample` rows to judge (rule ?, verdict ?).
//   node bench/real-code/sample.mjs [--n 320] [--dry-run]
// Sites come from sites.mjs over every repository of repos.tsv (all checkouts must be present). Each
// site line gets a fixed pseudo-random priority, a hash of SEED, repository, path and line; the sample
// is the lowest priorities, at most CAP_SHARE of n from any one repository, so a big repository does
// not crowd out the others. Priorities do not depend on the other sites, so a later change to the
// site finder moves only the sites it adds or drops. Rows already in the labels files count towards
// n and are never written twice: re-running with the same seed and sites changes nothing.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { appendLabels, hasCheckout, readLabels, readRepos } from './lib.mjs';
import { sitesOfRepo } from './sites.mjs';

const SEED = 'status-hints real-code sample 1';
const CAP_SHARE = 0.12; // any one repository: at most 12% of the sample (38 of 320)

const { values: opts } = parseArgs({ options: { n: { type: 'string', default: '320' }, 'dry-run': { type: 'boolean', default: false } } });
const n = Number(opts.n);
const cap = Math.floor(CAP_SHARE * n);
const repos = readRepos();
const absent = repos.filter((r) => !hasCheckout(r));
if (absent.length > 0) {
  for (const r of absent) console.log(`${r.repo}: no checkout (run bench/real-code/checkout.mjs)`);
  console.log('the sample is drawn over every repository: nothing written.');
  process.exit(1);
}

const priority = (repo, p, line) => createHash('sha256').update(`${SEED}\0${repo}\0${p}\0${line}`).digest('hex');
const candidates = [];
const existing = new Map(); // repo -> Set of "path:line" already sampled
for (const r of repos) {
  existing.set(
    r.repo,
    new Set(
      readLabels(r)
        .filter((row) => row.kind === 'sample')
        .map((row) => `${row.path}:${row.line}`),
    ),
  );
  for (const s of sitesOfRepo(r).sites) candidates.push({ r, site: s, key: priority(r.repo, s.path, s.line) });
}
candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const taken = new Map(repos.map((r) => [r.repo, existing.get(r.repo).size]));
let total = [...taken.values()].reduce((a, b) => a + b, 0);
const picked = new Map(repos.map((r) => [r.repo, []]));
for (const c of candidates) {
  if (total >= n) break;
  if (existing.get(c.r.repo).has(`${c.site.path}:${c.site.line}`) || taken.get(c.r.repo) >= cap) continue;
  picked.get(c.r.repo).push(c.site);
  taken.set(c.r.repo, taken.get(c.r.repo) + 1);
  total++;
}

let added = 0;
for (const r of repos) {
  const rows = picked
    .get(r.repo)
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
    .map((s) => ({ kind: 'sample', path: s.path, line: s.line, rule: '?', verdict: '?', note: `site kind: ${s.kind}, column ${s.column}` }));
  console.log(`${r.repo.padEnd(36)} ${String(existing.get(r.repo).size).padStart(3)} already, ${String(rows.length).padStart(3)} new`);
  if (!opts['dry-run']) appendLabels(r, rows);
  added += rows.length;
}
console.log(`${added} sample row(s) ${opts['dry-run'] ? 'would be ' : ''}added; the sample has ${total} of ${n} (cap ${cap} per repository, seed "${SEED}").`);
