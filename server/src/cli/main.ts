// status-hints check [paths...] [--format text|json|sarif] [--fail-on error|warning|info|none]
// Exit 0: nothing at or above --fail-on; 1: findings; 2: bad usage, unreadable path or internal error.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeText } from '../analysis/analyze';
import { skipReason } from '../analysis/limits';
import { DEFAULT_SETTINGS } from '../analysis/settings';
import type { Severity } from '../analysis/types';
import { collectFiles, UsageError } from './files';
import { formatJson, formatText, type FileResult } from './report';

const VERSION = '0.1.0';
const RANK: Record<Severity | 'none', number> = { hint: 1, info: 2, warning: 3, error: 4, none: 99 };

const HELP = `status-hints ${VERSION}: HTTP status codes in JS/TS back ends, explained and checked.

Usage:
  status-hints check [paths...] [options]

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on error|warning|info|none
                             exit 1 when a finding is at or above this severity (default: warning)
  -h, --help                 show this help
  -v, --version              show the version

Examples:
  status-hints check src
  status-hints check src/routes --format json > findings.json
  status-hints check . --fail-on error
`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'warning' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (try: status-hints check src)` : 'missing command (try: status-hints check src)');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const failOn = values['fail-on'] as string;
  if (!(failOn in RANK)) throw new UsageError(`--fail-on must be error, warning, info or none, not "${failOn}"`);

  const settings = DEFAULT_SETTINGS;
  const { files } = collectFiles(paths.length > 0 ? paths : ['.']);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    const skipped = skipReason(text, settings.maxFileSizeKb);
    if (skipped) {
      results.push({ file, text, lineStarts: [0], findings: [], suppressed: [], skipped });
      continue;
    }
    const run = analyzeText(text, file, settings);
    results.push({ file, text, lineStarts: run.analysis.lineStarts, findings: run.findings, suppressed: run.suppressed });
  }

  if (format === 'json') process.stdout.write(formatJson(results) + '\n');
  else if (format === 'sarif') throw new UsageError('--format sarif is not available yet');
  else process.stdout.write(formatText(results, !!process.stdout.isTTY) + '\n');

  const threshold = RANK[failOn as Severity | 'none'];
  return results.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`status-hints: ${usage ? (e as Error).message : `internal error: ${(e as Error)?.message ?? e}`}\n`);
  process.exitCode = 2;
}
