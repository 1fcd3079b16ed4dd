// `--rule <id>=<severity>` (and --max-file-size) over the settings from the config file.
import type { FixLevel } from '../analysis/settings';
import type { Settings } from '../settingsWithRules';
import type { SeveritySetting } from '../analysis/types';
import { ruleIds } from '../rules';
import { ArgError } from './files';

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

/** Parse the flags once; a typo is a usage error (exit 2), since it was typed just now. */
export function parseRuleFlags(flags: readonly string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(flag.trim());
    if (!m) throw new ArgError(`--rule needs <rule-id>=<severity>, not "${flag}"`);
    const [, id, severity] = m;
    if (!ruleIds.includes(id)) throw new ArgError(`--rule: unknown rule "${id}"`);
    if (!SEVERITIES.includes(severity)) throw new ArgError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`);
    out[id] = severity as SeveritySetting;
  }
  return out;
}

/** The settings of a file with the command line's --rule, --max-file-size and --fix-level over them. */
export function withCliOverrides(settings: Settings, flags: { rules: Record<string, SeveritySetting>; maxFileSizeKb?: number; fixLevel?: FixLevel }): Settings {
  const { rules, maxFileSizeKb, fixLevel } = flags;
  if (Object.keys(rules).length === 0 && maxFileSizeKb === undefined && fixLevel === undefined) return settings;
  return { ...settings, rules: { ...settings.rules, ...rules }, ...(maxFileSizeKb !== undefined ? { maxFileSizeKb } : {}), ...(fixLevel ? { fixLevel } : {}) };
}
