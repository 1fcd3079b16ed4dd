// Command-line options and the help text. Parsed by hand rather than with util.parseArgs, so that
// every mistake is one line naming the option, and an option missing its value never takes the next
// option (or a path) as that value unnoticed.
import * as fs from 'node:fs';
import { TEST_FILE_NAMES, TEST_FOLDERS } from '../analysis/testFiles';
import type { FixLevel } from '../analysis/settings';
import type { SeveritySetting } from '../analysis/types';
import { ArgError, UsageError } from './files';
import type { Concurrency } from './pool';
import { parseRuleFlags } from './ruleFlags';
import type { RoutesFormat } from './routes';

export const HELP = (version: string) => `status-hints ${version}: HTTP status codes in JS/TS back ends, explained and checked.

Usage:
  status-hints check [paths...] [options]
  status-hints routes [paths...] [--format table|json|markdown|openapi] [--ignore-pattern <glob>]

Paths are files or folders (default: the current folder). Folders are searched for .js .jsx .ts .tsx
.mjs .cjs .mts .cts files; node_modules, dist, build, dot-folders and .gitignore'd files are skipped.
A file named here that is not JavaScript or TypeScript (or not UTF-8 text) is reported as skipped.

Options:
  --format text|json|sarif   output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --fail-on error|warning|info|none
                             exit 1 when a finding is at or above this severity (default: warning)
  --max-warnings <n>         tolerate up to n warnings (exit 1 only beyond that, or on errors)
  --quiet                    report errors only (warnings and infos are neither shown nor counted)
  --max-file-size <KB>       skip files larger than this (default: 1024, or "maxFileSizeKb" in the config)
  --fix                      apply the preferred fix of each finding in place, then report what is left
  --fix-dry-run              print the fixes as a unified diff (for patch -p1) without writing;
                             exits as check would on the files as they are
  --fix-level error|warning|info
                             fix findings at this severity or above (default: warning, or "fixLevel"
                             in the config); fixes that change more than the status are never applied
  --config <file>            settings file (default: the nearest .statushintsrc.json upward)
  --rule <id>=<severity>     override a rule: off, hint, info, warning or error (repeatable)
  --ignore-pattern <glob>    skip matching files, .gitignore syntax, relative to the current folder (repeatable)
  --include-tests            also check test files (left out unless this, or "checkTestFiles" in the config):
                             ${TEST_FILE_NAMES.join(' ')}, and files in these folders below the current one:
                             ${TEST_FOLDERS.map((f) => `${f}/`).join(' ')}
  --concurrency <n>|auto     worker threads (default: auto = all cores for 200+ files on 4+ cores)
  -h, --help                 show this help
  -v, --version              show the version

routes lists each route registered in the files (test files left out) with the statuses its handler
decides: set, sent, thrown or a framework's default; "?" is a status known only at run time. Paths
are as registered in each file.

Exit codes: 0 nothing to report at --fail-on, 1 findings, 2 bad usage, unreadable path or internal error.

Examples:
  status-hints check src
  status-hints check src/routes --format json > findings.json
  status-hints check . --format sarif > status-hints.sarif     # upload with github/codeql-action/upload-sarif
  status-hints check . --fail-on error --max-warnings 20
  status-hints check src --rule unregistered-status-code=off --ignore-pattern "src/generated/**"
  status-hints check src --fix-dry-run | less                  # review, then: status-hints check src --fix
  status-hints routes src --format markdown > ROUTES.md
`;

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'none';

export interface CliOptions {
  command: 'check' | 'routes';
  /** routes --format (check's --format is `format`). */
  routesFormat: RoutesFormat;
  help: boolean;
  version: boolean;
  paths: string[];
  format: Format;
  failOn: FailOn;
  maxWarnings?: number;
  /** --max-file-size: over every config file's maxFileSizeKb. */
  maxFileSizeKb?: number;
  quiet: boolean;
  fix: 'off' | 'write' | 'dry-run';
  /** --fix-level: over every config file's fixLevel. */
  fixLevel?: FixLevel;
  config?: string;
  /** --rule flags, checked and parsed: rule id → severity. */
  rules: Record<string, SeveritySetting>;
  ignorePatterns: string[];
  /** --include-tests: test files are checked whatever the config file says. */
  includeTests: boolean;
  concurrency: Concurrency;
}

/** Options that take a value, with what the value must be (said when it is missing or wrong). */
const VALUE_OPTIONS: Record<string, string> = {
  format: 'one of text|json|sarif',
  'fail-on': 'one of error|warning|info|none',
  'max-warnings': 'a whole number, 0 or more',
  'max-file-size': 'a size in KB, a whole number, 1 or more',
  'fix-level': 'one of error|warning|info',
  config: 'a settings file',
  rule: '<rule-id>=<severity>',
  'ignore-pattern': 'a glob (.gitignore syntax)',
  concurrency: 'a whole number of threads, 1 or more, or auto',
};
const FLAGS = new Set(['quiet', 'fix', 'fix-dry-run', 'include-tests', 'help', 'version']);
const SHORT: Record<string, string> = { h: 'help', v: 'version' };
const REPEATABLE = new Set(['rule', 'ignore-pattern']);

/** Edit distance, to suggest the option meant by a typo. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function unknownOption(arg: string): ArgError {
  const name = arg.replace(/^-+/, '').replace(/=.*$/, '');
  const known = [...Object.keys(VALUE_OPTIONS), ...FLAGS];
  const near = name.length < 3 ? [] : known.filter((k) => distance(name, k) <= 2 || k.startsWith(name));
  return new ArgError(`unknown option ${arg.replace(/=.*$/, '')}${near.length === 1 ? ` (did you mean --${near[0]}?)` : ''}`);
}

function needs(name: string, given?: string): ArgError {
  // `check --format src`: src was taken as the value; say so rather than leave the reader guessing.
  const isPath = given !== undefined && fs.existsSync(given) ? ` (a path: the value goes right after --${name})` : '';
  return new ArgError(`--${name} needs ${VALUE_OPTIONS[name]}${given === undefined ? '' : `, not "${given}"${isPath}`}`);
}

/** The next argument is this option's value unless it looks like an option (a negative number does not). */
const isValue = (arg: string | undefined): arg is string => arg !== undefined && (!arg.startsWith('-') || /^-\d/.test(arg));

interface RawArgs {
  values: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/** Split argv into options and positionals; the first mistake is thrown after the loop (so --help still wins). */
function split(argv: readonly string[]): RawArgs & { error?: ArgError } {
  const raw: RawArgs & { error?: ArgError } = { values: new Map(), flags: new Set(), positionals: [] };
  const fail = (e: ArgError) => (raw.error ??= e);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      raw.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      raw.positionals.push(arg);
      continue;
    }
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const name = long ? long[1] : SHORT[arg.slice(1)];
    const inline = long?.[2];
    if (name !== undefined && FLAGS.has(name)) {
      if (inline !== undefined) fail(new ArgError(`--${name} takes no value`));
      raw.flags.add(name);
    } else if (name !== undefined && name in VALUE_OPTIONS) {
      const value = inline ?? (isValue(argv[i + 1]) ? argv[++i] : undefined);
      if (value === undefined || value.trim() === '') fail(needs(name));
      else raw.values.set(name, REPEATABLE.has(name) ? [...(raw.values.get(name) ?? []), value] : [value]);
    } else {
      fail(unknownOption(arg));
    }
  }
  return raw;
}

const ROUTES_FORMATS: readonly RoutesFormat[] = ['table', 'json', 'markdown', 'openapi'];
/** What `routes` takes besides its paths; check's other options mean nothing there and are refused. */
const ROUTES_OPTIONS = new Set(['format', 'ignore-pattern', 'max-file-size', 'help', 'version']);

function routesOptions(raw: ReturnType<typeof split>, base: Pick<CliOptions, 'command' | 'help' | 'version' | 'paths'>): CliOptions {
  const other = [...raw.values.keys(), ...raw.flags].find((name) => !ROUTES_OPTIONS.has(name));
  if (other) throw new ArgError(`--${other} is an option of check, not of routes`);
  const given = raw.values.get('format')?.at(-1);
  if (given !== undefined && !(ROUTES_FORMATS as readonly string[]).includes(given))
    throw new ArgError(`--format needs one of ${ROUTES_FORMATS.join('|')} for routes, not "${given}"`);
  return {
    ...base,
    routesFormat: (given ?? 'table') as RoutesFormat,
    format: 'text',
    failOn: 'none',
    maxFileSizeKb: wholeNumber('max-file-size', raw.values.get('max-file-size')?.at(-1), 1),
    quiet: false,
    fix: 'off',
    rules: {},
    ignorePatterns: raw.values.get('ignore-pattern') ?? [],
    includeTests: false,
    concurrency: 'auto',
  };
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw needs(name, value);
  return value as T;
}

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw needs(name, value);
  return n;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const raw = split(argv);
  const last = (name: string) => raw.values.get(name)?.at(-1);
  const [command, ...paths] = raw.positionals;
  const help = raw.flags.has('help');
  const version = raw.flags.has('version');
  const base = { command: command === 'routes' ? ('routes' as const) : ('check' as const), routesFormat: 'table' as RoutesFormat, help, version, paths };
  if (help || version)
    return { ...base, format: 'text', failOn: 'warning', quiet: false, fix: 'off', rules: {}, ignorePatterns: [], includeTests: false, concurrency: 'auto' };
  if (raw.error) throw raw.error;
  if (command === 'routes') return routesOptions(raw, base);
  if (command !== 'check')
    throw new UsageError(command ? `unknown command "${command}" (try: status-hints check src)` : 'missing command (try: status-hints check src)');

  const format = oneOf<Format>('format', last('format'), ['text', 'json', 'sarif'], 'text');
  const failOn = oneOf<FailOn>('fail-on', last('fail-on'), ['error', 'warning', 'info', 'none'], 'warning');
  const maxWarnings = wholeNumber('max-warnings', last('max-warnings'), 0);
  const maxFileSizeKb = wholeNumber('max-file-size', last('max-file-size'), 1);
  const concurrencyValue = last('concurrency');
  const concurrency: Concurrency = concurrencyValue === undefined || concurrencyValue === 'auto' ? 'auto' : wholeNumber('concurrency', concurrencyValue, 1)!;
  const fixLevelValue = last('fix-level');
  const fixLevel = fixLevelValue === undefined ? undefined : oneOf<FixLevel>('fix-level', fixLevelValue, ['error', 'warning', 'info'], 'warning');
  const fix = raw.flags.has('fix');
  const dryRun = raw.flags.has('fix-dry-run');
  if (fix && dryRun) throw new ArgError('use either --fix or --fix-dry-run, not both');
  if (dryRun && format !== 'text') throw new ArgError('--fix-dry-run prints a diff; it cannot be combined with --format json or sarif');
  return {
    ...base,
    format,
    failOn,
    maxWarnings,
    maxFileSizeKb,
    quiet: raw.flags.has('quiet'),
    fix: fix ? 'write' : dryRun ? 'dry-run' : 'off',
    fixLevel,
    config: last('config'),
    rules: parseRuleFlags(raw.values.get('rule') ?? []),
    ignorePatterns: raw.values.get('ignore-pattern') ?? [],
    includeTests: raw.flags.has('include-tests'),
    concurrency,
  };
}
