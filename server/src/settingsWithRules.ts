// The settings with this product's rules: the analysis's own settings (analysis/settings.ts) plus
// every option the rules declare (analysis/options.ts), with their defaults, sanitising and docs.
// What the language server, the CLI, the tests and `npm run catalog` use.
import {
  CORE_DEFAULTS,
  CORE_SETTING_DOCS,
  RESERVED_KEYS,
  explicitEditorValues as explicitWith,
  sanitizeSettings as sanitizeWith,
  type CoreSettings,
  type SanitizedSettings,
  type SettingDoc,
} from './analysis/settings';
import { optionsOf, type OptionValues, type OptionsOf } from './analysis/options';
import { ruleIds, rules } from './rules';

/** Every rule option, by key, with the rules that read it. */
export const ruleOptions = optionsOf(rules, RESERVED_KEYS);

export type Settings = CoreSettings & OptionValues<OptionsOf<typeof rules>>;

export const DEFAULT_SETTINGS: Settings = {
  ...CORE_DEFAULTS,
  ...(Object.fromEntries(ruleOptions.map((o) => [o.key, o.declaration.default])) as OptionValues<OptionsOf<typeof rules>>),
};

const schema = { ruleIds, options: ruleOptions };

/**
 * Merge user values over `base` (the defaults, or the settings of a config file). Unknown or
 * ill-typed values are dropped with a problem, never thrown (see analysis/settings.ts).
 */
export function sanitizeSettings(raw: unknown, knownRuleIds: readonly string[] = ruleIds, base: Settings = DEFAULT_SETTINGS): SanitizedSettings<Settings> {
  return sanitizeWith(raw, knownRuleIds === ruleIds ? schema : { ...schema, ruleIds: knownRuleIds }, base);
}

/** The editor's values that were set on purpose (not equal to their default). */
export function explicitEditorValues(raw: unknown): Record<string, unknown> | undefined {
  return explicitWith(raw, DEFAULT_SETTINGS);
}

const listed = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');

/** Every user-facing setting: package.json, the README table and the rule pages are generated from this. */
export const SETTING_DOCS: readonly SettingDoc[] = [
  ...CORE_SETTING_DOCS.filter((d) => d.key === 'preset'),
  ...ruleOptions.map((o): SettingDoc => ({
    key: o.key,
    description: `${o.declaration.description} ${o.ruleIds.length > 1 ? 'Rules' : 'Rule'}: ${listed(o.ruleIds)}.`,
    schema: { ...o.declaration.schema },
    scope: 'resource',
  })),
  ...CORE_SETTING_DOCS.filter((d) => d.key !== 'preset'),
];
