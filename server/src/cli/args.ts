// Command-line options (node's util.parseArgs) and the help text.
import { parseArgs } from 'node:util';
import { UsageError } from './files';
import type { Concurrency } from './pool';

export const HELP = (version: string) => `status-hints ${version}: HTTP status codes in JS/TS back ends, explained and checked.

Usage:
  status-hints check [paths...] [options]

Paths are files or folders (default: the current folder). Folders are searched for .js .jsx .ts .tsx
.mjs .cjs .mts .cts files; node_modules, dist, build, dot-folders and .gitignore'd files are skipped.

Options:
  --format text|json|sarif   output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --fail-on error|warning|info|none
                             exit 1 when a finding is at or above this severity (default: warning)
  --max-warnings <n>         tolerate up to n warnings (exit 1 only beyond that, or on errors)
  --quiet                    report errors only (warnings and infos are neither shown nor counted)
  --fix                      apply the preferred fix of each finding in place, then report what is left
  --fix-dry-run              print the fixes as a unified diff (for patch -p1) without writing
  --config <file>            settings file (default: the nearest .statushintsrc.json upward)
  --rule <id>=<severity>     override a rule: off, hint, info, warning or error (repeatable)
  --ignore-pattern <glob>    skip matching files, .gitignore syntax, relative to the current folder (repeatable)
  --concurrency <n>|auto     worker threads (default: auto = all cores for 200+ files on 4+ cores)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing to report at --fail-on, 1 findings, 2 bad usage, unreadable path or internal error.

Examples:
  status-hints check src
  status-hints check src/routes --format json > findings.json
  status-hints check . --format sarif > status-hints.sarif     # upload with github/codeql-action/upload-sarif
  status-hints check . --fail-on error --max-warnings 20
  status-hints check src --rule unregistered-status-code=off --ignore-pattern "**/*.test.ts"
  status-hints check src --fix-dry-run | less                  # review, then: status-hints check src --fix
`;

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'none';

export interface CliOptions {
  help: boolean;
  version: boolean;
  paths: string[];
  format: Format;
  failOn: FailOn;
  maxWarnings?: number;
  quiet: boolean;
  fix: 'off' | 'write' | 'dry-run';
  config?: string;
  rules: string[];
  ignorePatterns: string[];
  concurrency: Concurrency;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'warning' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      config: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      'ignore-pattern': { type: 'string', multiple: true, default: [] },
      concurrency: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...paths] = positionals;
  const base = { help: values.help, version: values.version, paths };
  if (values.help || values.version) return { ...base, format: 'text', failOn: 'warning', quiet: false, fix: 'off', rules: [], ignorePatterns: [], concurrency: 'auto' };
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (try: status-hints check src)` : 'missing command (try: status-hints check src)');

  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'info' && failOn !== 'none') throw new UsageError(`--fail-on must be error, warning, info or none, not "${failOn}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number, not "${values['max-warnings']}"`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (values['fix-dry-run'] && format !== 'text') throw new UsageError('--fix-dry-run prints a diff; it cannot be combined with --format json or sarif');
  let concurrency: Concurrency = 'auto';
  if (values.concurrency !== 'auto') {
    if (!/^[1-9]\d*$/.test(values.concurrency)) throw new UsageError(`--concurrency expects a positive number or auto, not "${values.concurrency}"`);
    concurrency = Number(values.concurrency);
  }
  return {
    ...base,
    format,
    failOn,
    maxWarnings,
    quiet: values.quiet,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
    config: values.config,
    rules: values.rule,
    ignorePatterns: values['ignore-pattern'],
    concurrency,
  };
}
