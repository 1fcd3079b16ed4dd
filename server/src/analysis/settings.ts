// Settings as the analysis sees them, with defaults and sanitising. The same shape comes from the
// editor (statusHints.*) and from `.statushintsrc.json` for the CLI. The rules' options are not
// listed here: they are declared by the rules (analysis/options.ts) and passed in by whoever passes
// the rules (server/src/settingsWithRules.ts), which adds them to these settings.
import { TEST_FILE_NAMES, TEST_FOLDERS } from './testFiles';
import type { SeveritySetting } from './model';
import { readOption, type CollectedOption } from './options';

export type Preset = 'recommended' | 'strict';
/** The lowest severity whose fixes fix-all and `--fix` apply. */
export type FixLevel = 'error' | 'warning' | 'info';

/** The settings that are not a rule's option. */
export interface CoreSettings {
  preset: Preset;
  /** Per-rule severity overrides; rules not listed use their preset severity. */
  rules: Record<string, SeveritySetting>;
  inlayHints: { enabled: boolean };
  /** A code lens above each route handler with the statuses the route answers. */
  codeLens: { enabled: boolean };
  hover: { fullDoc: boolean };
  maxFileSizeKb: number;
  scanWorkspace: boolean;
  /** Report problems in test files too (see testFiles.ts); off, they keep hovers and inlay hints only. */
  checkTestFiles: boolean;
  fixLevel: FixLevel;
}

export const CORE_DEFAULTS: CoreSettings = {
  preset: 'recommended',
  rules: {},
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
  hover: { fullDoc: false },
  maxFileSizeKb: 1024,
  scanWorkspace: false,
  checkTestFiles: false,
  fixLevel: 'warning',
};

/** Keys a rule option cannot take: the settings above, and what the editor sends beside them. */
export const RESERVED_KEYS: readonly string[] = [...Object.keys(CORE_DEFAULTS), 'trace', '$schema'];

/** What a user's settings are checked against: the rules that exist and the options they declare. */
export interface SettingsSchema {
  ruleIds: readonly string[];
  options: readonly CollectedOption[];
}

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

export interface SettingsProblem {
  /** Where the ignored value sits: ['preset'], ['rules', 'status-not-sent'], ['inlayHints', 'enabled']. */
  path: string[];
  message: string;
}

export interface SanitizedSettings<S extends CoreSettings> {
  settings: S;
  /** One line per value that was ignored, for a log line or a config-file diagnostic. */
  problems: string[];
  /** The same problems with the path of each ignored value (config-file diagnostics point at it). */
  details: SettingsProblem[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge user values over `base` (the defaults, or the settings of a config file). Unknown or
 * ill-typed values are dropped with a problem, never thrown: a typo in settings must not stop the
 * analysis. A rule set to "default" follows the preset (no override at this level).
 */
export function sanitizeSettings<S extends CoreSettings>(raw: unknown, schema: SettingsSchema, base: S): SanitizedSettings<S> {
  const details: SettingsProblem[] = [];
  const problem = (path: string[], message: string) => details.push({ path, message });
  const out: S = { ...base, rules: { ...base.rules }, inlayHints: { ...base.inlayHints }, codeLens: { ...base.codeLens }, hover: { ...base.hover } };
  // Lists are copied like the nested objects above: changing these settings never changes `base`.
  const options = out as unknown as Record<string, unknown>;
  for (const { key } of schema.options) if (Array.isArray(options[key])) options[key] = [...(options[key] as unknown[])];
  const done = (): SanitizedSettings<S> => ({ settings: out, details, problems: details.map((d) => `${d.path.join('.') || 'settings'}: ${d.message}`) });
  if (raw === undefined || raw === null) return done();
  if (!isRecord(raw)) {
    problem([], 'must be an object; using defaults');
    return done();
  }
  const known = new Set(schema.ruleIds);
  const declared = new Map(schema.options.map((o) => [o.key, o.declaration]));
  for (const [key, value] of Object.entries(raw)) {
    const declaration = declared.get(key);
    if (declaration) {
      const read = readOption(declaration, value);
      if ('value' in read) options[key] = read.value;
      else problem([key], read.problem);
      continue;
    }
    switch (key) {
      case 'preset':
        if (value === 'recommended' || value === 'strict') out.preset = value;
        else problem([key], `expected "recommended" or "strict", got ${JSON.stringify(value)}`);
        break;
      case 'rules':
        if (!isRecord(value)) {
          problem([key], 'expected an object of rule id to severity');
          break;
        }
        for (const [id, sev] of Object.entries(value)) {
          if (!known.has(id)) problem([key, id], 'unknown rule id');
          else if (sev === 'default') delete out.rules[id];
          else if (typeof sev === 'string' && SEVERITIES.has(sev as SeveritySetting)) out.rules[id] = sev as SeveritySetting;
          else problem([key, id], `expected one of default, off, hint, info, warning, error, got ${JSON.stringify(sev)}`);
        }
        break;
      case 'inlayHints':
        if (isRecord(value) && typeof value.enabled === 'boolean') out.inlayHints = { enabled: value.enabled };
        else problem(isRecord(value) ? [key, 'enabled'] : [key], 'expected { "enabled": true|false }');
        break;
      case 'codeLens':
        if (isRecord(value) && typeof value.enabled === 'boolean') out.codeLens = { enabled: value.enabled };
        else problem(isRecord(value) ? [key, 'enabled'] : [key], 'expected { "enabled": true|false }');
        break;
      case 'hover':
        if (isRecord(value) && typeof value.fullDoc === 'boolean') out.hover = { fullDoc: value.fullDoc };
        else problem(isRecord(value) ? [key, 'fullDoc'] : [key], 'expected { "fullDoc": true|false }');
        break;
      case 'maxFileSizeKb':
        if (typeof value === 'number' && value > 0) out.maxFileSizeKb = value;
        else problem([key], 'expected a positive number');
        break;
      case 'scanWorkspace':
        if (typeof value === 'boolean') out.scanWorkspace = value;
        else problem([key], 'expected true or false');
        break;
      case 'checkTestFiles':
        if (typeof value === 'boolean') out.checkTestFiles = value;
        else problem([key], 'expected true or false');
        break;
      case 'fixLevel':
        if (value === 'error' || value === 'warning' || value === 'info') out.fixLevel = value;
        else problem([key], 'expected "error", "warning" or "info"');
        break;
      case '$schema':
      case 'trace':
        break;
      default:
        problem(
          [key],
          key.startsWith('statusHints.') ? 'unknown setting: write it without the "statusHints." prefix ("preset", "rules": { ... })' : 'unknown setting',
        );
    }
  }
  return done();
}

/**
 * The editor's values that were set on purpose. VS Code sends every declared setting, its default
 * included, so a value equal to the built-in default cannot be told from "not set": it does not
 * override `.statushintsrc.json`. Rules at "default" follow the preset (or the file).
 */
export function explicitEditorValues(raw: unknown, defaultSettings: CoreSettings): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  const defaults = defaultSettings as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'rules' && isRecord(value)) {
      const rules = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== 'default' && v !== undefined && v !== null));
      if (Object.keys(rules).length > 0) out.rules = rules;
      continue;
    }
    // trace.server is the client's business; the analysis never reads it.
    if (key === 'trace' || value === undefined || value === null || sameValue(value, defaults[key])) continue;
    out[key] = value;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** One user-facing setting, documented once: package.json, README and docs are generated from this. */
export interface SettingDoc {
  /** The key under `statusHints.` in the editor, and in `.statushintsrc.json` (dotted = nested). */
  key: string;
  /** Markdown, one or two sentences. */
  description: string;
  /** JSON-schema type facts (the default comes from the default settings unless given here). */
  schema: Record<string, unknown>;
  /** VS Code's setting scope: "resource" settings can differ per workspace folder. */
  scope: 'resource' | 'window';
  /** Only meaningful in the editor; not read from `.statushintsrc.json`. */
  editorOnly?: boolean;
}

/** The settings that are not a rule's option; settingsWithRules.ts adds the options after `preset`. */
export const CORE_SETTING_DOCS: readonly SettingDoc[] = [
  {
    key: 'preset',
    description:
      "Severities for rules left at `default`. `recommended`: each rule's own severity. `strict`: every RFC 9110 SHOULD is at least a warning too (a `201` without `Location`), and so is a `429`/`503` without `Retry-After`.",
    schema: { type: 'string', enum: ['recommended', 'strict'] },
    scope: 'resource',
  },
  {
    key: 'inlayHints.enabled',
    description: 'Show the reason phrase after status codes: `404` reads `404 Not Found`.',
    schema: { type: 'boolean' },
    scope: 'resource',
  },
  {
    key: 'codeLens.enabled',
    description: 'Show a code lens above each route handler with the statuses the route answers: `GET /users/:id → 200 · 404`.',
    schema: { type: 'boolean' },
    scope: 'resource',
  },
  {
    key: 'hover.fullDoc',
    description:
      'Show everything about a status code in its hover: when to use it, the codes it is confused with, caching and retries. Off, the hover is short (what the code means, the headers and body this response needs) with an "Open full doc" link.',
    schema: { type: 'boolean' },
    scope: 'resource',
  },
  {
    key: 'maxFileSizeKb',
    description: 'Files larger than this (in KiB) are not analysed, in the editor or the CLI.',
    schema: { type: 'number', minimum: 1 },
    scope: 'resource',
  },
  {
    key: 'scanWorkspace',
    description: 'Check every JavaScript/TypeScript file of the workspace, not only open ones, and list their problems in the Problems panel.',
    schema: { type: 'boolean' },
    scope: 'resource',
  },
  {
    key: 'checkTestFiles',
    description: `Report problems in test files too. Off, test files keep hovers and inlay hints but get no diagnostics (their mocks and fake servers are not this server's answers), and the CLI leaves them out unless \`--include-tests\`. Test files: ${TEST_FILE_NAMES.map((g) => `\`${g}\``).join(', ')}, and files under ${TEST_FOLDERS.map((f) => `\`${f}/\``).join(', ')}, from the workspace folder (the CLI: from the current folder).`,
    schema: { type: 'boolean' },
    scope: 'resource',
  },
  {
    key: 'fixLevel',
    description:
      "Fix all (the editor's source action and the CLI's `--fix`) applies the preferred fix of findings at this severity or above. At the default, `warning`, the fixes of info findings stay quick fixes for you to review. Fixes that change more than the status (a body, a header value, a `return`) are never applied by fix all.",
    schema: { type: 'string', enum: ['error', 'warning', 'info'] },
    scope: 'resource',
  },
  {
    key: 'trace.server',
    description: 'Log the messages between the editor and the status-hints language server (Output: status-hints).',
    schema: { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off' },
    scope: 'window',
    editorOnly: true,
  },
];
