// Extract every repository of repos.tsv at its pinned commit from its git mirror into the checkout
// folder, so the CLI and the site finder read exactly the same files.
//   node bench/real-code/checkout.mjs [--repo owner/name]... [--force]
// Mirrors: $REAL_CODE_MIRRORS (default /work/.mirror), <owner>+<name>/repo. Checkouts:
// $REAL_CODE_DIR (default /work/eval/checkouts), <owner>+<name>. Idempotent: a checkout already at its
// commit is left alone; a repository whose mirror (or commit) is missing is skipped, saying so.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKOUTS, COMMIT_MARK, MIRRORS, checkoutOf, hasCheckout, mirrorOf, readRepos, selectRepos } from './lib.mjs';

const { values: opts } = parseArgs({ options: { repo: { type: 'string', multiple: true }, force: { type: 'boolean', default: false } } });
const log = (line) => process.stdout.write(`${line}\n`);

/** Paths of the commit's files whose blobs the mirror does not have. */
function absentBlobs(gitDir, commit) {
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString();
  const files = tree
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const [meta, file] = entry.split('\t');
      const [mode, type, oid] = meta.split(' ');
      return { mode, type, oid, file };
    })
    .filter((e) => e.type === 'blob');
  const check = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch-check'], {
    input: files.map((f) => f.oid).join('\n') + '\n',
    maxBuffer: 1 << 28,
  }).toString();
  const missing = new Set(
    check
      .split('\n')
      .filter((l) => l.endsWith(' missing'))
      .map((l) => l.split(' ')[0]),
  );
  return files.filter((f) => missing.has(f.oid)).map((f) => f.file);
}

let extracted = 0;
let skipped = 0;
for (const r of selectRepos(readRepos(), opts.repo)) {
  const dest = checkoutOf(r);
  if (!opts.force && hasCheckout(r)) {
    log(`${r.repo}: up to date (${r.commit.slice(0, 12)})`);
    continue;
  }
  const gitDir = mirrorOf(r);
  if (!gitDir) {
    log(`${r.repo}: skipped: no mirror in ${path.join(MIRRORS, r.slug)} (fetch github:${r.repo} first)`);
    skipped++;
    continue;
  }
  if (spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${r.commit}^{commit}`]).status !== 0) {
    log(`${r.repo}: skipped: the mirror does not have commit ${r.commit}`);
    skipped++;
    continue;
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const started = Date.now();
  // Snapshots leave out blobs of 4 MiB and more (images, bundles); archive everything else. git
  // still complains about the excluded blobs on stderr, hence its silence; a failure exits non-zero.
  const absent = absentBlobs(gitDir, r.commit);
  const excludes = absent.map((p) => `:(exclude,literal)${p}`);
  execFileSync(
    'bash',
    ['-o', 'pipefail', '-c', 'git --git-dir="$1" archive "$2" -- . "${@:4}" 2>/dev/null | tar -x -C "$3"', '-', gitDir, r.commit, dest, ...excludes],
    {
      stdio: 'inherit',
    },
  );
  // A clone has .git at its root; the CLI looks for it to know where .gitignore rules start.
  fs.mkdirSync(path.join(dest, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dest, COMMIT_MARK), `${r.commit}\n`);
  const without = absent.length
    ? `, without ${absent.length} file(s) the snapshot lacks: ${absent.slice(0, 3).join(', ')}${absent.length > 3 ? ', ...' : ''}`
    : '';
  log(`${r.repo}: extracted ${r.commit.slice(0, 12)} into ${dest} (${((Date.now() - started) / 1000).toFixed(1)} s${without})`);
  extracted++;
}
log(`${extracted} extracted, ${skipped} skipped; checkouts in ${CHECKOUTS}`);
