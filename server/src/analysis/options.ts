// Rule options: each declared once (defineOption), with the JSON schema users see in package.json.
// The value's type, its default and how a user's value is checked all follow from that declaration;
// the rules that read an option list it in their `options`, and whoever passes the rules in collects
// them (optionsOf) for the settings.

/** A choice among fixed values: `{ type: 'number', enum: [400, 422] }`. */
export interface EnumSchema {
  readonly type: 'number' | 'string';
  readonly enum: readonly (number | string)[];
}
/** A whole number in a range. */
export interface IntegerSchema {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
}
/** A string matching a pattern (a JSON-schema regular expression, anchored by hand). */
export interface PatternSchema {
  readonly type: 'string';
  readonly pattern: string;
}
/** A list of whole numbers, each in a range. */
export interface IntegerListSchema {
  readonly type: 'array';
  readonly items: IntegerSchema;
  readonly uniqueItems?: boolean;
}
export type OptionSchema = EnumSchema | IntegerSchema | PatternSchema | IntegerListSchema;

/** The value a schema describes, as the rules read it. */
export type ValueOf<S extends OptionSchema> = S extends { readonly enum: readonly (infer V)[] }
  ? V
  : S extends IntegerListSchema
    ? number[]
    : S extends IntegerSchema
      ? number
      : string;

export interface OptionDeclaration<S extends OptionSchema = OptionSchema> {
  readonly schema: S;
  readonly default: ValueOf<S>;
  /** Markdown, one sentence: package.json, the README settings table and the rule pages show it. */
  readonly description: string;
  /**
   * A valid value in the user's words, for the problem a bad value gets ("expected <this>"), when the
   * schema's own wording ("a whole number (0 to 604800)") would say less.
   */
  readonly expected?: string;
}

/** A rule's options: the user-facing key (`statusHints.<key>`, `<key>` in .statushintsrc.json) → its declaration. */
export type OptionDeclarations = Readonly<Record<string, OptionDeclaration>>;
/** What a rule with these options reads from its settings. */
export type OptionValues<O extends object> = { -readonly [K in keyof O]: O[K] extends OptionDeclaration<infer S> ? ValueOf<S> : never };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every option of a list of rules (one declaration per key: optionsOf checks that). */
export type OptionsOf<R extends readonly { readonly options: OptionDeclarations }[]> = UnionToIntersection<R[number]['options']>;

export function defineOption<const S extends OptionSchema>(declaration: OptionDeclaration<S>): OptionDeclaration<S> {
  // A default the schema refuses would reach package.json and every user: fail at load instead.
  const checked = readOption(declaration, declaration.default);
  if ('problem' in checked) throw new Error(`option default ${JSON.stringify(declaration.default)}: ${checked.problem}`);
  return Object.freeze(declaration);
}

/** A number, or a number written as a string ("422"), as config files and hand-edited settings have them. */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

const inRange = (n: number | undefined, s: IntegerSchema): n is number => n !== undefined && Number.isInteger(n) && n >= s.minimum && n <= s.maximum;

/** `"a", "b" or "c"`. */
function alternatives(values: readonly (number | string)[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** What the schema accepts, in words. */
function schemaWording(s: OptionSchema): string {
  if ('enum' in s) return alternatives(s.enum);
  if (s.type === 'integer') return `a whole number (${s.minimum} to ${s.maximum})`;
  if (s.type === 'array') return `an array of whole numbers (${s.items.minimum} to ${s.items.maximum})`;
  return `a string matching /${s.pattern}/`;
}

/** A user's value for an option: the value the rules will read, or why it is refused. */
export function readOption(declaration: OptionDeclaration, raw: unknown): { value: unknown } | { problem: string } {
  const s = declaration.schema;
  let value: unknown;
  if ('enum' in s) {
    const v = s.type === 'number' ? asNumber(raw) : raw;
    value = s.enum.includes(v as number | string) ? v : undefined;
  } else if (s.type === 'integer') {
    const n = asNumber(raw);
    value = inRange(n, s) ? n : undefined;
  } else if (s.type === 'array') {
    const items = Array.isArray(raw) ? raw.map(asNumber) : undefined;
    value = items?.every((n) => inRange(n, s.items)) ? items : undefined;
  } else {
    value = typeof raw === 'string' && new RegExp(s.pattern).test(raw) ? raw : undefined;
  }
  if (value !== undefined) return { value };
  const expected = `expected ${declaration.expected ?? schemaWording(s)}`;
  // A choice names what it got: the alternatives are short, the wrong value is the useful part.
  return { problem: 'enum' in s ? `${expected}, got ${JSON.stringify(raw)}` : expected };
}

/** One option of a rule list: its key, its declaration, and the rules that read it (for the docs). */
export interface CollectedOption {
  readonly key: string;
  readonly declaration: OptionDeclaration;
  readonly ruleIds: readonly string[];
}

/**
 * The options of a list of rules, by key (sorted). A key declared twice with different declarations,
 * one declaration under two keys, or a key taken by another setting is an error: an option used by
 * several rules is declared once and referenced by each.
 */
export function optionsOf(
  rules: readonly { readonly id: string; readonly options: OptionDeclarations }[],
  reservedKeys: readonly string[] = [],
): CollectedOption[] {
  const byKey = new Map<string, { declaration: OptionDeclaration; ruleIds: string[] }>();
  const keyOf = new Map<OptionDeclaration, string>();
  for (const rule of rules) {
    for (const [key, declaration] of Object.entries(rule.options)) {
      if (reservedKeys.includes(key)) throw new Error(`${rule.id}: option ${key} is the name of a setting`);
      const seen = byKey.get(key);
      if (seen && seen.declaration !== declaration)
        throw new Error(`${rule.id}: option ${key} is declared again (first by ${seen.ruleIds[0]}): declare it once and reference that declaration`);
      const otherKey = keyOf.get(declaration);
      if (otherKey !== undefined && otherKey !== key) throw new Error(`${rule.id}: one declaration under two keys (${otherKey}, ${key})`);
      keyOf.set(declaration, key);
      if (seen) seen.ruleIds.push(rule.id);
      else byKey.set(key, { declaration, ruleIds: [rule.id] });
    }
  }
  return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, o]) => ({ key, ...o }));
}
