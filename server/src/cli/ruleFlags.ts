// `--rule <id>=<severity>` flags over the settings from the config file.
import type { Settings } from '../analysis/settings';
import type { SeveritySetting } from '../analysis/types';
import { ruleIds } from '../rules';
import { UsageError } from './files';

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

/** Parse the flags once; a typo is a usage error (exit 2), since it was typed just now. */
export function parseRuleFlags(flags: readonly string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(flag.trim());
    if (!m) throw new UsageError(`--rule expects <rule-id>=<severity>, not "${flag}"`);
    const [, id, severity] = m;
    if (!ruleIds.includes(id)) throw new UsageError(`--rule: unknown rule "${id}"`);
    if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`);
    out[id] = severity as SeveritySetting;
  }
  return out;
}

export function withRuleOverrides(settings: Settings, overrides: Record<string, SeveritySetting>): Settings {
  return Object.keys(overrides).length === 0 ? settings : { ...settings, rules: { ...settings.rules, ...overrides } };
}
