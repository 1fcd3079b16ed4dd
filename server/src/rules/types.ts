// What a rule is: one file under server/src/rules/, written with defineRule (support/defineRule.ts)
// and listed in index.ts.
import type { OptionDeclarations, OptionValues } from '../analysis/options';
import type { CoreSettings } from '../analysis/settings';
import type { FileAnalysis, Fix, SeveritySetting, Span, StatusSite } from '../analysis/types';

/** A rule that declares no option. */
export type NoOptions = Readonly<Record<never, never>>;

/** What a rule's check sees; its settings carry the options it declared (and only those, as types go). */
export interface RuleContext<O extends OptionDeclarations = NoOptions> {
  readonly text: string;
  readonly fileName: string;
  readonly analysis: FileAnalysis;
  readonly sites: readonly StatusSite[];
  readonly settings: CoreSettings & OptionValues<O>;
}

export interface RuleReport extends Span {
  /** Which of the rule's declared messages this is. */
  messageId: string;
  message: string;
  fixes: Fix[];
}

/** The slot names in a message template, as a type: `'{{code}} for {{what}}'` gives 'code' | 'what'. */
type Slots<T extends string> = T extends `${string}{{${infer K}}}${infer Rest}` ? K | Slots<Rest> : never;
/** The data a template needs: exactly its slots (any record when the template is not a literal type). */
export type MessageData<T extends string> = string extends T
  ? Record<string, string | number>
  : [Slots<T>] extends [never]
    ? Record<string, never>
    : Record<Slots<T>, string | number>;

export interface RuleCheckContext<M extends Readonly<Record<string, string>>, O extends OptionDeclarations = NoOptions> extends RuleContext<O> {
  /** Reports a site (at its status) or a span with one of the rule's messages; an empty slot value leaves an optional phrase out. */
  report<K extends keyof M & string>(at: StatusSite | Span, messageId: K, data: MessageData<M[K]>, fixes?: Fix[]): void;
}

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** One paragraph: why it matters (what clients, caches, monitors do) and the fix. */
  description: string;
  /** What the quick fixes do, one line. */
  fixes: string;
  /**
   * A short handler that fires the rule and the same handler written well, shown in docs/rules/<id>.md.
   * The catalog test checks that `bad` fires and `good` does not.
   */
  examples?: { bad: string; good: string; file?: string };
}

export type RuleBasis = 'rfc-must' | 'rfc-should' | 'rfc-must-should' | 'runtime' | 'convention';

export interface RuleDefinition<M extends Readonly<Record<string, string>>, O extends OptionDeclarations> {
  /** kebab-case, equal to the file name. Fixed: users and tools refer to it. */
  readonly id: string;
  /**
   * MUST of RFC 9110, SHOULD, both (a rule covering several statuses whose requirements differ),
   * a failure at run time, or house style: said in the docs so users can judge.
   */
  readonly basis: RuleBasis;
  /** Severity in the `recommended` preset, and in `strict` when it differs. */
  readonly severity: { recommended: SeveritySetting; strict?: SeveritySetting };
  /**
   * The settings the rule reads, by their user-facing key (`statusHints.<key>`, `<key>` in
   * .statushintsrc.json): declared with defineOption, once; a rule sharing another's option references
   * the same declaration (support/options.ts). The check can read no other.
   */
  readonly options?: O;
  /** messageId → template with `{{slot}}`s; every distinct message shape the rule reports. */
  readonly messages: M;
  readonly docs: RuleDocs;
  check(ctx: RuleCheckContext<M, O>): void;
}

/** A rule as the analysis runs it (what defineRule returns); `O` types the settings its options add. */
export interface Rule<O extends OptionDeclarations = OptionDeclarations> {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  readonly strictSeverity?: SeveritySetting;
  readonly basis: RuleBasis;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<string, string>>;
  readonly options: O;
  check(ctx: RuleContext): RuleReport[];
}

/** What a helper outside the rule's check receives to report with: the rule's messages, loosely typed, and its options. */
export type ReportContext<O extends OptionDeclarations = NoOptions> = RuleCheckContext<Readonly<Record<string, string>>, O>;
