// What a rule is: one file under server/src/rules/, listed in index.ts.
import type { Settings } from '../analysis/settings';
import type { FileAnalysis, Fix, SeveritySetting, Span, StatusSite } from '../analysis/types';

export interface RuleContext {
  readonly text: string;
  readonly fileName: string;
  readonly analysis: FileAnalysis;
  readonly sites: readonly StatusSite[];
  readonly settings: Settings;
}

export interface RuleReport extends Span {
  message: string;
  fixes: Fix[];
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

export interface Rule {
  /** kebab-case, equal to the file name. */
  readonly id: string;
  /** Severity in the `recommended` preset. */
  readonly defaultSeverity: SeveritySetting;
  /** Severity in the `strict` preset (defaults to defaultSeverity). */
  readonly strictSeverity?: SeveritySetting;
  /**
   * MUST of RFC 9110, SHOULD, both (a rule covering several statuses whose requirements differ),
   * a failure at run time, or house style: said in the docs so users can judge.
   */
  readonly basis: 'rfc-must' | 'rfc-should' | 'rfc-must-should' | 'runtime' | 'convention';
  readonly docs: RuleDocs;
  check(ctx: RuleContext): RuleReport[];
}
