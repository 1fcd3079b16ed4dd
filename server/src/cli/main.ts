// status-hints check [paths...] [options]: see args.ts for the options and help.
// Exit 0: nothing at or above --fail-on; 1: findings; 2: bad usage, unreadable path or internal error.
import { DEFAULT_SETTINGS, type Settings } from '../settingsWithRules';
import type { Severity } from '../analysis/types';
import { version as VERSION } from '../../../package.json';
import { HELP, parseCliArgs, type CliOptions } from './args';
import type { FileOutcome } from './check';
import { ConfigResolver } from './config';
import { unifiedDiff } from './diff';
import { collectFiles, UsageError } from './files';
import { checkFiles, isCheckWorker, runCheckWorker } from './pool';
import { Progress } from './progress';
import { formatJson, formatText } from './report';
import { withCliOverrides } from './ruleFlags';
import { formatSarif } from './sarif';
import { collectRoutes, formatRoutes } from './routes';

const RANK: Record<Severity | 'none', number> = { hint: 1, info: 2, warning: 3, error: 4, none: 99 };
const warn = (line: string) => process.stderr.write(`status-hints: warning: ${line}\n`);

export function exitCodeFor(results: readonly FileOutcome[], opts: Pick<CliOptions, 'failOn' | 'maxWarnings'>): number {
  const threshold = RANK[opts.failOn];
  let warnings = 0;
  let failing = false;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'warning') warnings++;
      // With --max-warnings, warnings count against the budget instead of failing one by one.
      if (f.severity === 'warning' && opts.maxWarnings !== undefined) continue;
      if (RANK[f.severity] >= threshold) failing = true;
    }
  }
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`status-hints: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    failing = true;
  }
  return failing ? 1 : 0;
}

const testFileSkipped = (file: string): FileOutcome => ({
  file,
  text: '',
  lineStarts: [0],
  findings: [],
  suppressed: [],
  fixesApplied: 0,
  skipped: 'a test file; checked with --include-tests (or "checkTestFiles": true in .statushintsrc.json)',
});

async function main(argv: string[]): Promise<number> {
  const opts = parseCliArgs(argv);
  if (opts.help) {
    process.stdout.write(HELP(VERSION));
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  if (opts.command === 'routes') return routes(opts, cwd);
  // --config for every file, else each file's nearest .statushintsrc.json; then --rule, --max-file-size and --fix-level.
  const configs = new ConfigResolver(cwd, opts.config, warn);
  const withFlags = new Map<Settings, Settings>();
  const settingsFor = (file: string) => {
    const base = configs.forFile(file).settings;
    let s = withFlags.get(base);
    if (!s) withFlags.set(base, (s = withCliOverrides(base, opts)));
    return s;
  };
  const { files: found, tests, named } = collectFiles(opts.paths.length > 0 ? opts.paths : ['.'], opts.ignorePatterns, cwd);
  // Test files only with --include-tests or "checkTestFiles": found in a folder they are left out (and
  // counted); named on the command line they are listed as skipped, with how to include them.
  const leftOut = (file: string) => tests.has(file) && !opts.includeTests && !configs.forFile(file).settings.checkTestFiles;
  const files = found.filter((f) => !leftOut(f));
  const testFilesLeftOut = found.length - files.length - found.filter((f) => leftOut(f) && named.has(f)).length;

  const progress = new Progress(files.length);
  const checked = await checkFiles(files, settingsFor, opts.fix, opts.concurrency, (done) => progress.update(done));
  progress.finish();
  const byFile = new Map(files.map((f, i) => [f, checked[i]]));
  const results = found.filter((f) => byFile.has(f) || named.has(f)).map((f) => byFile.get(f) ?? testFileSkipped(f));

  const unreadable = results.find((r) => r.readError);
  if (unreadable) throw new UsageError(unreadable.readError!);
  for (const r of results) if (r.fixRefused) warn(`${r.file}: ${r.fixRefused}`);
  if (opts.quiet) for (const r of results) r.findings = r.findings.filter((f) => f.severity === 'error');

  if (opts.fix !== 'off') {
    const fixed = results.filter((r) => r.fixesApplied > 0);
    const count = fixed.reduce((n, r) => n + r.fixesApplied, 0);
    const verb = opts.fix === 'write' ? 'fixed' : 'would fix';
    process.stderr.write(`status-hints: ${verb} ${count} problem${count === 1 ? '' : 's'} in ${fixed.length} file${fixed.length === 1 ? '' : 's'}\n`);
  }
  if (opts.fix === 'dry-run') {
    process.stdout.write(results.map((r) => (r.fixedText !== undefined ? unifiedDiff(r.text, r.fixedText, r.file) : '')).join(''));
  } else if (opts.format === 'json') process.stdout.write(formatJson(results) + '\n');
  else if (opts.format === 'sarif') process.stdout.write(formatSarif(results, cwd, VERSION) + '\n');
  else process.stdout.write(formatText(results, !!process.stdout.isTTY, testFilesLeftOut) + '\n');

  return exitCodeFor(results, opts);
}

function routes(opts: CliOptions, cwd: string): number {
  const run = collectRoutes(
    { paths: opts.paths, format: opts.routesFormat, ignorePatterns: opts.ignorePatterns, maxFileSizeKb: opts.maxFileSizeKb ?? DEFAULT_SETTINGS.maxFileSizeKb },
    cwd,
  );
  for (const s of run.skipped) warn(`${s.file}: not read: ${s.reason}`);
  process.stdout.write(formatRoutes(run, opts.routesFormat) + '\n');
  return 0;
}

if (isCheckWorker()) {
  runCheckWorker();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const usage = e instanceof UsageError;
      process.stderr.write(`status-hints: ${usage ? (e as Error).message : `internal error: ${(e as Error)?.message ?? e}`}\n`);
      process.exitCode = 2;
    },
  );
}
