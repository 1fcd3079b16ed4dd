// Settings as the analysis sees them, with defaults and sanitising. The same shape comes from the
// editor (statusHints.*) and from `.statushintsrc.json` for the CLI.
import type { SeveritySetting } from './types';

export type Preset = 'recommended' | 'strict';

export interface Settings {
  preset: Preset;
  /** Per-rule severity overrides; rules not listed use their preset severity. */
  rules: Record<string, SeveritySetting>;
  validationStatus: 400 | 422;
  allowedUnregisteredCodes: number[];
  wwwAuthenticateScheme: string;
  retryAfterSeconds: number;
  inlayHints: { enabled: boolean };
  maxFileSizeKb: number;
  scanWorkspace: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  preset: 'recommended',
  rules: {},
  validationStatus: 400,
  allowedUnregisteredCodes: [],
  wwwAuthenticateScheme: 'Bearer',
  retryAfterSeconds: 60,
  inlayHints: { enabled: true },
  maxFileSizeKb: 1024,
  scanWorkspace: false,
};

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

export interface SanitizedSettings {
  settings: Settings;
  /** One line per value that was ignored, for a log line or a config-file diagnostic. */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge user values over the defaults. Unknown or ill-typed values are dropped with a problem line,
 * never thrown: a typo in settings must not stop the analysis.
 */
export function sanitizeSettings(raw: unknown, knownRuleIds: readonly string[], base: Settings = DEFAULT_SETTINGS): SanitizedSettings {
  const problems: string[] = [];
  const out: Settings = { ...base, rules: { ...base.rules }, inlayHints: { ...base.inlayHints }, allowedUnregisteredCodes: [...base.allowedUnregisteredCodes] };
  if (raw === undefined || raw === null) return { settings: out, problems };
  if (!isRecord(raw)) return { settings: out, problems: ['settings must be an object; using defaults'] };
  const known = new Set(knownRuleIds);
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'preset':
        if (value === 'recommended' || value === 'strict') out.preset = value;
        else problems.push(`preset: expected "recommended" or "strict", got ${JSON.stringify(value)}`);
        break;
      case 'rules':
        if (!isRecord(value)) {
          problems.push('rules: expected an object of rule id to severity');
          break;
        }
        for (const [id, sev] of Object.entries(value)) {
          if (!known.has(id)) problems.push(`rules.${id}: unknown rule id`);
          else if (typeof sev === 'string' && SEVERITIES.has(sev as SeveritySetting)) out.rules[id] = sev as SeveritySetting;
          else problems.push(`rules.${id}: expected one of off, hint, info, warning, error`);
        }
        break;
      case 'validationStatus': {
        const n = typeof value === 'string' ? Number(value) : value;
        if (n === 400 || n === 422) out.validationStatus = n;
        else problems.push(`validationStatus: expected 400 or 422, got ${JSON.stringify(value)}`);
        break;
      }
      case 'allowedUnregisteredCodes':
        if (Array.isArray(value) && value.every((c) => Number.isInteger(Number(c)))) out.allowedUnregisteredCodes = value.map(Number);
        else problems.push('allowedUnregisteredCodes: expected an array of numbers');
        break;
      case 'wwwAuthenticateScheme':
        if (typeof value === 'string' && /^[A-Za-z][\w!#$%&'*+.^`|~-]*$/.test(value)) out.wwwAuthenticateScheme = value;
        else problems.push('wwwAuthenticateScheme: expected an auth scheme token such as "Bearer" or "Basic"');
        break;
      case 'retryAfterSeconds':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 86400 * 7) out.retryAfterSeconds = value;
        else problems.push('retryAfterSeconds: expected a whole number of seconds (0 to 604800)');
        break;
      case 'inlayHints':
        if (isRecord(value) && typeof value.enabled === 'boolean') out.inlayHints = { enabled: value.enabled };
        else problems.push('inlayHints: expected { "enabled": true|false }');
        break;
      case 'maxFileSizeKb':
        if (typeof value === 'number' && value > 0) out.maxFileSizeKb = value;
        else problems.push('maxFileSizeKb: expected a positive number');
        break;
      case 'scanWorkspace':
        if (typeof value === 'boolean') out.scanWorkspace = value;
        else problems.push('scanWorkspace: expected true or false');
        break;
      case '$schema':
      case 'trace':
        break;
      default:
        problems.push(`${key}: unknown setting`);
    }
  }
  return { settings: out, problems };
}
