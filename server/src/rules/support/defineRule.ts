// How a rule is written: its messages declared up front as templates with named slots
// (`'{{code}} for invalid input: respond {{better}}.'`), and a check that reports a site or span with
// one of those ids. Every distinct message shape then has an id that a test can name.
import type { OptionDeclarations } from '../../analysis/options';
import type { Fix, Span, StatusSite } from '../../analysis/types';
import type { NoOptions, Rule, RuleCheckContext, RuleDefinition, RuleReport } from '../types';

const SLOT = /\{\{(\w+)\}\}/g;
/** Stands in for an empty slot while the text around it is tidied, then disappears. */
const EMPTY = '\u0000';

/** The slot names a template uses, in order. */
export function slotsOf(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]);
}

/**
 * Fills a template. An empty value is an optional phrase left out: the space before it goes, and so
 * does a comma, colon or semicolon left dangling before the end of a sentence, or empty brackets,
 * so no double space or stray punctuation reaches the user. Text that came from the data is never touched.
 */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  const filled = template.replace(SLOT, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message slot {{${name}}} has no value`);
    return String(value) === '' ? EMPTY : String(value);
  });
  if (!filled.includes(EMPTY)) return filled;
  return filled
    .replace(/\(\u0000\)/g, EMPTY)
    .replace(/ +\u0000/g, EMPTY)
    .replace(/^\u0000 +/, EMPTY)
    .replace(/[,:;]\u0000(?=[.,:;]|$)/g, EMPTY)
    .replace(/\u0000 +(?=[.,:;)]|$)/g, EMPTY)
    .replace(/(^|[.!?] )\u0000 ?/g, '$1')
    .replace(/\u0000/g, '')
    .trim();
}

function spanOf(at: StatusSite | Span): Span {
  const span = 'span' in at ? at.span : at;
  return { start: span.start, end: span.end };
}

export function defineRule<const M extends Readonly<Record<string, string>>, const O extends OptionDeclarations = NoOptions>(
  def: RuleDefinition<M, O>,
): Rule<O> {
  for (const [id, template] of Object.entries(def.messages)) {
    if (!template.trim()) throw new Error(`${def.id}: message ${id} is empty`);
  }
  return {
    id: def.id,
    defaultSeverity: def.severity.recommended,
    ...(def.severity.strict ? { strictSeverity: def.severity.strict } : {}),
    basis: def.basis,
    docs: def.docs,
    messages: def.messages,
    options: def.options ?? ({} as O),
    check(ctx) {
      const reports: RuleReport[] = [];
      const report = (at: StatusSite | Span, messageId: keyof M & string, data: Record<string, string | number>, fixes: Fix[] = []) => {
        const template = def.messages[messageId];
        if (template === undefined) throw new Error(`${def.id}: no message ${messageId}`);
        reports.push({ ...spanOf(at), messageId, message: renderMessage(template, data), fixes });
      };
      // The settings carry every declared option (settingsWithRules.ts): this rule's among them.
      def.check({ ...ctx, report } as RuleCheckContext<M, O>);
      return reports;
    },
  };
}
